"""Saved web pages: the article (title and body, boilerplate dropped) and the page's tables -> facts.

trafilatura finds the article body and drops menus, widgets, view counters, related-article links
and footers; its text goes to the text extractor. Tables, which trafilatura may drop, are parsed
from the HTML (rowspan/colspan expanded into a grid) and go to the table extractor. The result's
``text`` is what the facts point into: the article's title and body, then one line per row of each
table read ("cell | cell | cell"). Every fact's ``evidence`` is ``text[span[0]:span[1]]``; a table
fact's ``place`` also says "table N, row R, column C" (N counts the page's ``<table>`` elements).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from flows.errors import ParindexError
from flows.gazetteer import Gazetteer
from flows.textnorm import normalize_text

# Containers whose tables are page furniture, never announcements (by tag, or by a word of class/id).
FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
FURNITURE_WORDS = ("weather", "thoitiet", "thoi-tiet", "widget", "sidebar", "menu", "footer", "header", "related",
                   "lienquan", "lien-quan", "comment", "banner", "advert", "quangcao", "quang-cao", "poll")
# Boxes pruned before the article is looked for (trafilatura misses some in table-layout pages).
PRUNE_WORDS = ("weather", "thoitiet", "thoi-tiet", "widget", "sidebar", "menu", "related", "lienquan", "lien-quan",
               "comment", "banner", "advert", "quangcao", "quang-cao", "poll", "counter", "most-read", "docnhieu")
CELL_SEPARATOR = " | "  # as flows.extract.tables joins a row
MAX_SPAN = 1000  # colspan/rowspan beyond this is a broken page, not a table
_HEADING = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::p or self::caption"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PageTable:
    """One ``<table>`` of a page: its number among the page's tables, its grid and its title line."""

    number: int
    grid: list[list[str]]
    title: str | None
    element: Any = field(repr=False, compare=False)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _cell_text(cell: Any) -> str:
    for br in cell.iter("br"):
        br.tail = " " + (br.tail or "")
    for sup in cell.iter("sup"):  # a footnote mark: "Sở Y tế<sup>1</sup>" is "Sở Y tế¹", not "Sở Y tế1"
        sup.text = (sup.text or "").translate(_SUPERSCRIPT)
    return _SPACES.sub(" ", "".join(cell.itertext())).strip()


def _span(value: Any) -> int:
    try:
        return min(max(int(str(value).strip() or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def table_grid(table: Any) -> list[list[str]]:
    """The cells of an lxml ``<table>`` as a rectangular grid, rowspan and colspan repeated.

    Example:
        >>> import lxml.html
        >>> t = lxml.html.fromstring('<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr>'
        ...                          '<tr><td>c</td><td>d</td></tr></table>')
        >>> table_grid(t)
        [['A', 'B', 'B'], ['A', 'c', 'd']]
    """
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    grid: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text) of a rowspan above
    for tr in rows:
        row: list[str] = []
        cells = iter(tr.xpath("./td|./th"))
        col = 0
        cell = next(cells, None)
        while cell is not None or any(c >= col for c in pending):
            if col in pending:
                left, text = pending[col]
                row.append(text)
                pending = {**pending, col: (left - 1, text)} if left > 1 else {
                    c: v for c, v in pending.items() if c != col}
                col += 1
                continue
            if cell is None:
                row.append("")
                col += 1
                continue
            text, colspan, rowspan = _cell_text(cell), _span(cell.get("colspan")), _span(cell.get("rowspan"))
            for offset in range(colspan):
                row.append(text)
                if rowspan > 1:
                    pending[col + offset] = (rowspan - 1, text)
            col += colspan
            cell = next(cells, None)
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    grid = [r + [""] * (width - len(r)) for r in grid]
    while width > 1 and all(r[width - 1] in ("", r[width - 2]) for r in grid):
        width -= 1  # columns made only by a colspan running past the table's edge
    return [r[:width] for r in grid]


def _is_furniture(element: Any) -> bool:
    for node in [element, *element.iterancestors()]:
        if node.tag in FURNITURE_TAGS:
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if any(word in marks for word in FURNITURE_WORDS):
            return True
    return False


def _table_title(table: Any) -> str | None:
    """The caption of a table, else the nearest heading or short paragraph before it."""
    caption = table.find("caption")
    if caption is not None and _cell_text(caption):
        return _cell_text(caption)
    nearest_first = reversed(table.xpath(f"preceding::*[{_HEADING}][normalize-space()][position() <= 3]"))
    for before in nearest_first:
        text = _cell_text(before)
        if 0 < len(text) <= 300:
            return text
    return None


def page_tables(root: Any) -> list[PageTable]:
    """The data tables of a parsed page: innermost tables outside menus, headers, footers and widgets."""
    found = []
    for number, table in enumerate(root.iter("table"), start=1):
        if table.xpath(".//table") or _is_furniture(table):
            continue
        grid = table_grid(table)
        if len(grid) >= 2 and len(grid[0]) >= 2:
            found.append(PageTable(number, grid, _table_title(table), table))
    return found


def _prune_boxes(root: Any) -> None:
    """Drop menus, widgets, counters and related-link boxes (by a word of class or id), never the title's box."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if any(word in marks for word in PRUNE_WORDS) and not element.xpath(".//h1"):
            element.drop_tree()


def article(page: Any) -> tuple[str, str | None]:
    """(title and body as paragraphs separated by blank lines, publication date) of a page (HTML or lxml tree)."""
    import trafilatura

    doc = trafilatura.bare_extraction(page, include_tables=False, include_comments=False, with_metadata=True,
                                      date_extraction_params={"extensive_search": False})
    if doc is None:  # no article body (a page that is only a table): keep the page's title
        doc = trafilatura.extract_metadata(page)
        doc.text = ""
    title = _SPACES.sub(" ", doc.title or "").strip()
    body = "\n\n".join(line.strip() for line in (doc.text or "").split("\n") if line.strip())
    return "\n\n".join(part for part in (title, body) if part), doc.date


def _parse(html: str, path: str) -> Any:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ParindexError(f"cannot parse the page ({exc})", path=path,
                            fix="save the page again from the browser as 'Web page, HTML only'") from exc
    return root


def extract_html(html: str, path: str, gazetteer: Gazetteer, year_hint: int | None,
                 province_hint: str | None) -> dict[str, Any]:
    """The contract object of a saved web page: article facts and table facts, with the ``text`` they cite."""
    from flows.extract.document import detect_province
    from flows.extract.header import find_header
    from flows.extract.table_transposed import turn
    from flows.extract.tables import extract_grid
    from flows.extract.text import extract_text
    from flows.extract.text_tables import ORDER_NOTE, merge_agreeing, rank_by_order

    root = _parse(html, path)
    tables, headings = [], []
    for table in page_tables(root):
        cells = [[normalize_text(c).strip() for c in row] for row in table.grid]
        header = find_header(cells)
        first = header.row if header is not None else (turned.unit_row if (
            turned := turn(cells, gazetteer, province_hint, year_hint)) else None)  # units across a row: turned
        if first is not None:
            tables.append(table)
            headings += [table.title or "", *(row_line(row) for row in table.grid[:first])]
    notes = [_beside(table.element) for table in tables]  # "... xếp theo thứ tự từ cao xuống thấp như sau:"
    for table in tables:  # read as tables below, so the article extractor must not read their cells as prose
        table.element.drop_tree()
    _prune_boxes(root)
    text, published = article(root)
    text = normalize_text(text)
    result = extract_text(text, gazetteer, year_hint, province_hint)
    source = result["source"]
    source["published"] = source.get("published") or published
    province = province_hint or source.get("province") or detect_province("\n".join(headings), gazetteer)
    page_title = source["title"] = source.get("title") or (text.split("\n", 1)[0] or None)
    for table, note in zip(tables, notes, strict=True):
        lines = [t for t in (table.title, page_title) if t]
        block, rows = _rows_block(text, table.title, table.grid)
        try:
            found = extract_grid(table.grid, path=path, gazetteer=gazetteer, year_hint=year_hint,
                                 province_hint=province, sheet=None, title_lines=lines,
                                 cell_place=lambda r, c, n=table.number: f"table {n}, row {r + 1}, column {c + 1}",
                                 row_text=lambda r, rows=rows: rows[r])
        except ParindexError as exc:
            result["warnings"].append(f"{path}: table {table.number} is not read ({exc.bare_message})")
            continue
        if ORDER_NOTE.search(note):
            rank_by_order(found["facts"], found["rejects"])
        text += block
        for key in ("facts", "leader_ratings", "claims", "warnings", "rejects"):
            result.setdefault(key, []).extend(found.get(key, []))
        province = province or found.get("source", {}).get("province")
    source["province"] = province
    result["facts"] = merge_agreeing(result["facts"])
    source["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    result["text"] = text
    return result


def _beside(table: Any) -> str:
    """The text of the elements right before and after a table (its box's, when it is alone in one), lower case:
    where a page says the rows are in the order of the ranking."""
    near = [table.getprevious(), table.getnext()]
    if not any(e is not None for e in near) and table.getparent() is not None:
        near = [table.getparent().getprevious(), table.getparent().getnext()]
    return normalize_text(" ".join(e.text_content() for e in near if e is not None and isinstance(e.tag, str))).lower()


def row_line(row: list[str]) -> str:
    """A table row as one line of text: its non-empty cells, merged repeats once, ' | '-separated.

    Example:
        >>> row_line(["2", "Sở Nội vụ", "", "91,08", "91,08"])
        '2 | Sở Nội vụ | 91,08'
    """
    cells = [normalize_text(c).strip() for c in row]
    return CELL_SEPARATOR.join(c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1]))


def _rows_block(text: str, title: str | None, grid: list[list[str]]) -> tuple[str, list[tuple[str, list[int]]]]:
    """The lines a table adds after ``text`` (its title, its rows), and each row's (line, span in the result)."""
    block, rows = ("\n\n" if text else "") + (normalize_text(title) + "\n" if title else ""), []
    for row in grid:
        line = row_line(row)
        start = len(text) + len(block)
        rows.append((line, [start, start + len(line)]))
        block += line + "\n"
    return block.rstrip("\n"), rows
