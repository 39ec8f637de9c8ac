"""Score tables inside a plain-text announcement: rows of cells separated by "|" or tabs, as a table
copied from a web page or a decision lands in a .txt ("STT | Đơn vị | Điểm | Xếp hạng").

Each such block with a header the table reader recognises is read as a table (its rows cite their line of
the text); the prose around it is read by the text extractor, with the block blanked out (same offsets).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from flows.errors import ParindexError
from flows.extract.cells import SECTION_NUMBER
from flows.gazetteer import Gazetteer
from flows.textnorm import normalize_text

_RULE_ROW = re.compile(r"^[\s|:+\-=]*$")  # "|---|---|", "+----+"
_MIN_ROWS = 2  # a header and one row
_ENTITY = re.compile(r"&(?:nbsp|amp|quot|lt|gt|[lr]dquo|[lr]squo|[nm]dash|hellip|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_UNIT_LABEL = r"(?:Tên đơn vị|Đơn vị|Địa phương|Tên cơ quan, đơn vị|Cơ quan, đơn vị|Tên cơ quan|Cơ quan)"
_SPACED_HEADER_HINT = re.compile(r"(?im)^\s*(?:(?:STT|TT|Số TT)\s+)?" + _UNIT_LABEL + r"\s")


@dataclass
class Block:
    """Consecutive lines of one table: the grid of cells, each row's line (text, [start, end]) and number."""

    start: int
    end: int
    first_line: int
    grid: list[list[str]]
    rows: list[tuple[str, list[int]]]


_WIDE_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")  # columns aligned with spaces, as a PDF saved as text has them
# a header written with single spaces ("STT Đơn vị Tổng điểm Xếp hạng") and its rows ("1 Sở Tư pháp 91,25 1")
_SPACED_HEADER = re.compile(r"^\s*(?:(?:STT|TT|Số TT)\s+)?" + _UNIT_LABEL
                            + r"\s+(?P<score>.*?(?:điểm|%|chỉ số).*?)(?P<rank>\s+(?:xếp hạng|thứ hạng))?\s*$",
                            re.IGNORECASE)
_SPACED_ROW = re.compile(r"^\s*(\d{1,3})[.)]?\s+(\D+?)\s+(\d{1,3}(?:[.,]\d{1,3})?)\s*%?(?:\s+(\d{1,3}))?\s*$")
# a figure column's label in a single-spaced header: "Điểm thẩm định Điểm điều tra XHH Tổng điểm Xếp hạng"
_SPACED_LABEL = re.compile(r"(?i)(?<!tổng)(?<!tổng số)(?:^|\s)"
                           r"(?=(?:điểm|tổng điểm|tổng|chỉ số|tỷ lệ|xếp hạng|thứ hạng)\b)")
_SPACED_FIGURE = r"\d{1,3}(?:[.,]\d{1,3})?\s*%?"
# a section's row inside a table: a Roman numeral or a capital letter, then the section's name and no figure
# ("I     CÁC SỞ, BAN, NGÀNH TỈNH", "| II | UBND CÁC HUYỆN |", "B  Khối quận, huyện")
_SECTION_ROW = re.compile(r"^[\s|]*" + SECTION_NUMBER + r"(?:\.\s+|\.?(?: {2,}|\t|\s*\|\s*))[^\W\d][^\d|\t]*[\s|]*$")


_YEAR = r"(?:năm\s+)?(?:19|20)\d\d"
_YEAR_CELL = re.compile(_YEAR, re.IGNORECASE)
_YEAR_GROUPS = re.compile(rf"^\s+{_YEAR}(?: {{2,}}{_YEAR})+\s*$", re.IGNORECASE)  # "   Năm 2022      Năm 2023"


def _labels_over(line: str) -> bool:
    """True for an indented line of two or more labels, apart by wide gaps, that name groups of columns
    ("       Chỉ số CCHC        Chỉ số hài lòng (SIPAS)"), no figure among them.

    Example:
        >>> _labels_over("         Chỉ số CCHC       SIPAS"), _labels_over("   Sở Y tế    91,2")
        (True, False)
    """
    from flows.extract.header import GROUP_LABEL

    cells = [c.strip() for c in _WIDE_GAP.split(line) if c.strip()]
    return (line.startswith("  ") and len(cells) >= 2 and not re.search(r"\d[.,]\d", line)
            and all(GROUP_LABEL.search(c) for c in cells))


def table_blocks(text: str) -> list[Block]:
    """Blocks of two or more consecutive lines with at least two "|" (or two tabs, or two gaps of two or
    more spaces) each, in ``text`` (normalized, tabs kept); and tables written with single spaces under a
    header such as "STT Đơn vị Tổng điểm Xếp hạng".

    Example:
        >>> [b.grid for b in table_blocks("Tiêu đề\\nSTT | Đơn vị | Điểm\\n|---|---|---|\\n1 | Sở Y tế | 90,1\\nHết.")]
        [[['STT', 'Đơn vị', 'Điểm'], ['1', 'Sở Y tế', '90,1']]]
    """
    blocks: list[Block] = []
    current: list[tuple[int, int, str]] = []  # (line number, start, line)
    separator = None
    pos = 0
    previous = None
    for number, line in enumerate(text.split("\n"), start=1):
        sep = "|" if line.count("|") >= 2 else "\t" if line.count("\t") >= 2 else \
            "  " if len(_WIDE_GAP.findall(line)) >= 2 else None
        if sep is not None and (separator in (None, sep)):
            if not current and sep == "  " and previous is not None and (
                    _YEAR_GROUPS.match(previous[2]) or _labels_over(previous[2])):
                # "Năm 2022      Năm 2023", "Chỉ số CCHC     Chỉ số hài lòng" over the columns of each
                current.append(previous)
            current.append((number, pos, line))
            separator = sep
        elif current and (_RULE_ROW.match(line) or _SECTION_ROW.match(line) or (
                separator == "  " and line.startswith("  ") and len(line.split()) <= 6)):
            # a blank or ruled line between rows ("-----", "+----+"), a section's row ("I     CÁC SỞ, BAN, NGÀNH",
            # "II | UBND CÁC HUYỆN"), or a name going on under its cell
            current.append((number, pos, line))
        else:
            _close(current, separator, blocks)
            current, separator = ([(number, pos, line)], sep) if sep else ([], None)
        previous = (number, pos, line)
        pos += len(line) + 1
    _close(current, separator, blocks)
    for more in (_spaced_blocks, _cell_per_line_blocks):  # where no block of the kinds before is
        blocks += [b for b in more(text) if not any(b.start < o.end and o.start < b.end for o in blocks)]
    return blocks


def _lines(text: str) -> tuple[list[str], list[int]]:
    """The lines of ``text`` and where each starts."""
    lines = text.split("\n")
    return lines, list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


def _cell_per_line_blocks(text: str) -> list[Block]:
    """A table pasted one cell per line (as copying a web page's table can give): a run of three to eight
    header labels (a number column, a unit column, figures), then rows of as many lines, each starting
    with its number."""
    from flows.extract.cells import is_page_number
    from flows.extract.header import label_role

    lines, starts = _lines(text)
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        labels, h = _wrapped_labels(lines, i, label_role)
        k = len(labels)
        roles = [label_role(label)[0] for label in labels]
        if k < 3 or "unit" not in roles[:2]:  # the run starts with the number or the unit column
            i += 1
            continue
        j, n, rows = i + h, 1, []
        header_lines = [lines[i + c].strip() for c in range(h)]
        while j + k <= len(lines):
            if lines[j].strip() == str(n):
                cells, end = [lines[j + c].strip() for c in range(k)], j + k
                wrapped = next((c for c in range(2, k) if cells[c][:1].islower() and any(
                    ch.isalpha() for ch in cells[c - 1])), None)
                if wrapped is not None and end < len(lines) and (
                        end + 1 >= len(lines) or lines[end + 1].strip() in (str(n + 1), "")):
                    # "Sở Nông nghiệp và Phát triển" / "nông thôn": a name wrapped over two lines
                    cells[wrapped - 1] += " " + cells.pop(wrapped)
                    cells.append(lines[end].strip())
                    end += 1
                rows.append((j, end - 1, cells))
                j, n = end, n + 1
                continue
            skip = j
            while skip < len(lines) and (not lines[skip].strip() or is_page_number(lines[skip])):
                skip += 1  # a page's foot ("Trang 1/2") between two pages of the table
            if rows and [x.strip() for x in lines[skip:skip + h]] == header_lines:
                j = skip + h  # the header repeated at the top of the next page
            elif skip > j and skip < len(lines) and lines[skip].strip() == str(n):
                j = skip
            else:
                break
        if rows:
            grid = [labels] + [cells for _, _, cells in rows]
            row_spans = [(text[starts[a]:starts[b] + len(lines[b])], [starts[a], starts[b] + len(lines[b])])
                         for a, b in [(i, i + h - 1), *((a, b) for a, b, _ in rows)]]
            blocks.append(Block(starts[i], starts[j - 1] + len(lines[j - 1]), i + 1, grid, row_spans))
        i = j if rows else i + h
    return blocks


def _wrapped_labels(lines: list[str], i: int, label_role: Callable[[str], tuple]) -> tuple[list[str], int]:
    """The header labels of a table pasted one cell per line from line ``i`` (up to eight), a label wrapped
    over two lines ("Chỉ số" / "CCHC", "Tổng" / "điểm") joined; and how many lines they take."""
    labels: list[str] = []
    h = 0
    while i + h < len(lines) and len(labels) < 8:
        cell = lines[i + h].strip()
        if not 0 < len(cell) <= 40 or cell.isdigit():
            break
        if label_role(cell)[0] is not None or cell.upper() in ("STT", "TT"):
            labels.append(cell)
            h += 1
            continue
        if labels and label_role(f"{labels[-1]} {cell}")[0] is not None:  # "Chỉ số" / "CCHC": the label goes on
            labels[-1] = f"{labels[-1]} {cell}"
            h += 1
            continue
        joined = f"{cell} {lines[i + h + 1].strip()}" if i + h + 1 < len(lines) else ""
        if not lines[i + h + 1:i + h + 2] or not lines[i + h + 1].strip() or lines[i + h + 1].strip().isdigit() or (
                label_role(joined)[0] is None):
            break
        labels.append(joined)
        h += 2
    return labels, h


def _spaced_blocks(text: str) -> list[Block]:
    """Tables whose cells are separated by single spaces: a recognised header line (its last labels may stand
    one word a line, as a PDF saved as text breaks them: "Tổng" / "điểm"), then numbered rows of a name and one
    figure per figure column of the header ("Điểm thẩm định Điểm điều tra XHH Tổng điểm Xếp hạng"); a row whose
    name runs on to the next line ("4 Sở Thông tin và Truyền" / "thông 90,73 4") is read as one."""
    blocks: list[Block] = []
    lines, starts = _lines(text)
    i = 0
    while i < len(lines):
        head_end, head_text = i + 1, lines[i]
        while head_end < len(lines) and 0 < len(lines[head_end].split()) <= 2 and not any(
                c.isdigit() for c in lines[head_end]):
            head_text, head_end = f"{head_text} {lines[head_end].strip()}", head_end + 1
        header = _SPACED_HEADER.match(head_text) if "|" not in head_text and "\t" not in head_text else None
        if header is None:
            head_end, head_text = i + 1, lines[i]
            header = _SPACED_HEADER.match(head_text) if "|" not in head_text and "\t" not in head_text else None
        labels = [x.strip() for x in _SPACED_LABEL.split(header.group("score")) if x.strip()] if header else []
        labels += ["Xếp hạng"] if header and header.group("rank") else []
        row_re = re.compile(r"^\s*(\d{1,3})[.)]?\s+(\D+?)" + "".join(
            rf"\s+({_SPACED_FIGURE})" if n < len(labels) - 1 or not header.group("rank") else r"(?:\s+(\d{1,3}))?"
            for n in range(len(labels))) + r"\s*$") if labels else None
        rows: list[tuple[list[int], list[str]]] = []
        j = head_end
        while row_re is not None and j < len(lines):
            if row := row_re.match(lines[j]):
                rows.append(([j], [g or "" for g in row.groups()]))
                j += 1
            elif j + 1 < len(lines) and (row := row_re.match(f"{lines[j]} {lines[j + 1].strip()}")):
                rows.append(([j, j + 1], [g or "" for g in row.groups()]))
                j += 2
            else:
                break
        if header and len(rows) >= _MIN_ROWS - 1 and (len(labels) > 1 or header.group("rank") or all(
                not cells[-1] for _, cells in rows)):
            grid = [["STT", "Đơn vị", *labels]] + [[c.strip().rstrip("%").strip() if n > 1 else c.strip()
                                                    for n, c in enumerate(cells)] for _, cells in rows]
            spans = [(" ".join(lines[k].strip() for k in ks), [starts[ks[0]], starts[ks[-1]] + len(lines[ks[-1]])])
                     for ks, _ in rows]
            blocks.append(Block(starts[i], starts[j - 1] + len(lines[j - 1]), i + 1, grid,
                                [(lines[i], [starts[i], starts[i] + len(lines[i])]), *spans]))
            i = j
        else:
            i += 1
    return blocks


def _close(lines: list[tuple[int, int, str]], separator: str | None, blocks: list[Block]) -> None:
    while len(lines) > 1 and _SECTION_ROW.match(lines[-1][2]) and not _SECTION_ROW.match(lines[0][2]):
        lines = lines[:-1]  # a section's row closes no table: what looked like one after the last row is prose
    rows = [(n, s, ln) for n, s, ln in lines if not _RULE_ROW.match(ln)]
    if separator is None or len(rows) < _MIN_ROWS:
        return
    split = (lambda ln: _WIDE_GAP.split(ln.strip())) if separator == "  " else \
        (lambda ln: _strip_edges(ln, separator).split(separator))
    grid = [[cell.strip() for cell in split(ln)] for _, _, ln in rows]
    if separator == "  ":
        grid = _aligned([ln for _, _, ln in rows]) or grid
    blocks.append(Block(lines[0][1], lines[-1][1] + len(lines[-1][2]), rows[0][0], grid,
                        [(ln.replace("\t", " "), [s, s + len(ln)]) for _, s, ln in rows]))


_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")


def _with_notes(row: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A row's cells with a note in brackets after a figure ("1  (đồng hạng)", "86,15  (*)") kept in the figure's
    cell: a remark on it, not a column the header has."""
    out: list[tuple[int, int, str]] = []
    for a, b, text in row:
        if out and text.startswith("(") and text.endswith(")") and any(ch.isdigit() for ch in out[-1][2]):
            out[-1] = (out[-1][0], b, f"{out[-1][2]} {text}")
        else:
            out.append((a, b, text))
    return out


def _aligned(lines: list[str]) -> list[list[str]] | None:
    """The grid of a table aligned with spaces, cells placed by where they stand: a row with fewer cells than
    the widest rows (a header over groups of columns, "Chỉ số CCHC" over "Điểm | Xếp hạng"; an empty cell)
    puts each cell in the columns it stands over, a label over two columns in both (as a merged cell). None
    when every row has as many cells."""
    cells = [_with_notes([(m.start(), m.end(), m.group()) for m in _ALIGNED_CELL.finditer(line)]) for line in lines]
    width = max(len(row) for row in cells)
    if all(len(row) == width for row in cells):
        return None
    full = [row for row in cells if len(row) == width]
    data = [(min(r[c][0] for r in full), max(r[c][1] for r in full)) for c in range(width)]
    grid: list[list[str]] = [[] for _ in lines]
    below = data  # where each column stands in the row under the one being placed
    for r in range(len(lines) - 1, -1, -1):
        row = cells[r]
        if len(row) == width:
            grid[r], below = [text for _, _, text in row], [(a, b) for a, b, _ in row]
            continue
        out, spans = [""] * width, list(data)
        for a, b, text in row:
            over = [c for c, (x, y) in enumerate(below) if a < y and x < b]
            if not over:  # nearest by centre
                over = [min(range(width), key=lambda c: abs((below[c][0] + below[c][1]) - (a + b)))]
            for c in over:
                out[c], spans[c] = text, (a, b)
        grid[r], below = out, spans
    for r in range(len(grid) - 1):
        if len(cells[r]) != width and len(cells[r + 1]) != width:
            _over_numbered(grid[r], grid[r + 1])
    _over_years(grid)
    for r in range(1, len(grid) - 1):  # a name printed around its row's figures, "Sở Nông nghiệp và Phát triển" /
        # "12  83,47  12" / "nông thôn" (a cell centred in its row): the row's name
        above = [c for c, cell in enumerate(grid[r - 1]) if cell]
        after = [c for c, cell in enumerate(grid[r + 1]) if cell]
        if (len(above) == 1 and above == after and not grid[r][above[0]] and sum(1 for x in grid[r] if x) > 1
                and any(ch.isalpha() for ch in grid[r - 1][above[0]]) and grid[r + 1][above[0]][:1].islower()):
            c = above[0]
            grid[r][c] = f"{grid[r - 1][c]} {grid[r + 1][c]}"
            grid[r - 1], grid[r + 1] = [""] * width, [""] * width
    for r in range(1, len(grid)):  # "Sở Nông nghiệp và Phát triển ... 89,00 2" over "nông thôn": the name goes on
        filled = [c for c, cell in enumerate(grid[r]) if cell]
        above = grid[r - 1][filled[0]] if len(filled) == 1 else ""
        if (len(filled) == 1 and (len(cells[r - 1]) == width or grid[r - 1][0].isdigit())
                and any(ch.isalpha() for ch in above) and (
                grid[r][filled[0]][:1].islower() or above.endswith((" và", " -", ",", " –")))):
            grid[r - 1][filled[0]] += " " + grid[r][filled[0]]
            grid[r] = [""] * width
    return grid


def _over_years(grid: list[list[str]]) -> None:
    """A first row of years over the figure columns ("Năm 2022      Năm 2023" over "Chỉ số (%) Xếp hạng" twice):
    each year over an equal share of the columns from the first year on, in order, when they divide evenly, and
    written after the label of the header's last line ("Xếp" / "hạng Năm 2022"), the row itself left empty (in
    place)."""
    row = grid[0]
    filled = [c for c, cell in enumerate(row) if cell]
    if not filled or not all(_YEAR_CELL.fullmatch(row[c]) for c in filled):
        return
    years = list(dict.fromkeys(row[c] for c in filled))
    first_data = next((r for r in range(1, len(grid)) if grid[r][0].strip().rstrip(".").isdigit()), None)
    if first_data is None or first_data < 2:
        return
    columns = []  # the figure columns: the trailing run of numbers in the first data row
    for c in range(len(row) - 1, 0, -1):
        if not re.fullmatch(r"[\d.,%]+", grid[first_data][c].strip()):
            break
        columns.insert(0, c)
    if len(years) < 2 or not columns or len(columns) % len(years) or filled[0] < columns[0] - 1:
        return
    share = len(columns) // len(years)
    groups = [columns[k:k + share] for k in range(0, len(columns), share)]
    for h in range(1, first_data):  # the labels of each year's columns: the same, though drifted out of place
        labels = [[grid[h][c] for c in group] for group in groups]
        if "" in labels[0] and any(labels[0]) or any(  # a cell lost where two collided: the first group's own
                Counter(filter(None, x)) - Counter(labels[0]) for x in labels):
            return
        for group in groups[1:]:
            for c, label in zip(group, labels[0], strict=True):
                grid[h][c] = label
    last = grid[first_data - 1]
    for i, c in enumerate(columns):
        last[c] = f"{last[c]} {years[i // share]}".strip()
    grid[0] = [""] * len(row)


def _over_numbered(upper: list[str], lower: list[str]) -> None:
    """A group label centred over columns numbered 1, 2, ... ("Chỉ số thành phần" over "1 2 3 4 5 6 7 8") is over
    the whole run of numbers, not only those it stands over (in place)."""
    for c in range(len(upper)):
        if not upper[c] or not lower[c].isdigit():
            continue
        for step in (-1, 1):
            k = c + step
            while (0 <= k < len(upper) and not upper[k] and lower[k].isdigit()
                   and int(lower[k]) == int(lower[k - step]) + step):
                upper[k] = upper[c]
                k += step


def _strip_edges(line: str, separator: str) -> str:
    """A row without the outer bars of "| a | b |"."""
    line = line.strip()
    if separator == "|":
        line = line.removeprefix("|").removesuffix("|")
    return line


def extract_text_with_tables(raw: str, path: str, gazetteer: Gazetteer, year_hint: int | None,
                             province_hint: str | None) -> dict[str, Any]:
    """``extract_text``, with the tables written in the text read as tables."""
    from flows.extract.header import find_header
    from flows.extract.tables import extract_grid
    from flows.extract.text import extract_text

    if _ENTITY.search(raw):  # a page's source saved as text: "Thương binh &amp; Xã hội", "&nbsp;"
        result = extract_text_with_tables(html.unescape(raw), path, gazetteer, year_hint, province_hint)
        result.setdefault("text", normalize_text(html.unescape(raw)))  # the text the evidence cites
        return result
    if ("**" in raw or "__" in raw or "- " in raw) and (plain := without_markup(raw)) != raw:
        # a page copied as Markdown: "- 4. **Văn phòng UBND tỉnh**: 90,87 điểm" is read as "4. Văn phòng ..."
        result = extract_text_with_tables(plain, path, gazetteer, year_hint, province_hint)
        result.setdefault("text", normalize_text(plain))  # the text the evidence cites
        return result
    if "|" not in raw and "\t" not in raw and "  " not in raw and not _SPACED_HEADER_HINT.search(raw):
        return extract_text(raw, gazetteer, year_hint, province_hint)
    text = normalize_text(raw)
    with_tabs = "\t".join(normalize_text(piece) for piece in raw.split("\t"))
    blocks = [b for b in table_blocks(with_tabs) if find_header(b.grid) is not None] \
        if len(with_tabs) == len(text) else []
    if not blocks:
        return extract_text(raw, gazetteer, year_hint, province_hint)
    blanked = list(text)
    for b in blocks:  # the prose reader must not read the cells; offsets stay those of the text
        blanked[b.start:b.end] = [c if c == "\n" else " " for c in text[b.start:b.end]]
    result = extract_text("".join(blanked), gazetteer, year_hint, province_hint)
    title = result["source"].get("title")
    province = province_hint or result["source"].get("province")
    for b in blocks:
        above = text[:b.start].rstrip("\n").rpartition("\n")[2].strip()  # the line right above: its caption
        try:
            found = extract_grid(b.grid, path=path, gazetteer=gazetteer, year_hint=result_year(result, year_hint),
                                 province_hint=province, title_lines=[t for t in (above, title) if t],
                                 cell_place=lambda r, _c, b=b: f"line {b.first_line + r}",
                                 row_text=lambda r, b=b: b.rows[r])
        except ParindexError as exc:
            result["warnings"].append(f"{path}: the table at line {b.first_line} is not read ({exc.bare_message})")
            continue
        if ORDER_NOTE.search(text[max(0, b.start - 300):min(len(text), b.end + 300)].lower()):
            rank_by_order(found["facts"], found["rejects"])  # "(Thứ tự trong bảng là thứ tự xếp hạng ...)"
        for key in ("facts", "leader_ratings", "claims", "warnings", "rejects"):
            result.setdefault(key, []).extend(found.get(key, []))
    result["facts"] = merge_agreeing(result["facts"])
    return result


def merge_agreeing(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One fact for a unit's headline figure of a year stated twice without a conflict: a table's row (its score)
    and a sentence on it ("Sở Tư pháp tiếp tục là đơn vị có mức độ hài lòng cao nhất": its place); the row keeps
    its place in the source; its place is "stated" if one of them states it.

    Example:
        >>> row = {"unit_id": "a", "index": "SIPAS", "year": 2025, "criterion": "TOTAL", "score": 92.8, "rank": None,
        ...        "tied": False, "basis": "stated"}
        >>> said = {**row, "score": None, "rank": 1}
        >>> [(f["score"], f["rank"], f["basis"]) for f in merge_agreeing([said, row])]
        [(92.8, 1, 'stated')]
    """
    at: dict[tuple, int] = {}  # key -> where in ``out`` its first fact is
    out: list[dict[str, Any]] = []
    for f in facts:
        key = (f["unit_id"], f["index"], f["year"], f["criterion"])
        other = out[at[key]] if key in at else None
        if other is None or f["criterion"] != "TOTAL" or any(
                other[k] is not None and f[k] is not None and other[k] != f[k] for k in ("score", "rank")):
            at.setdefault(key, len(out))
            out.append(f)
            continue
        filled = [sum(g[k] is not None for k in ("score", "rank")) for g in (other, f)]
        keep, give = (other, f) if filled[0] > filled[1] else (f, other)  # the fuller; even: the later (a row)
        rank = keep["rank"] if keep["rank"] is not None else give["rank"]
        # the place is stated if one of them states it; the figures are, if both are
        stated = any(g["basis"] == "stated" for g in (keep, give) if g["rank"] is not None) if rank is not None \
            else keep["basis"] == give["basis"] == "stated"
        merged = {**keep, "score": keep["score"] if keep["score"] is not None else give["score"], "rank": rank,
                  "tied": keep["tied"] or give["tied"], "basis": "stated" if stated else "implied"}
        out[at[key]] = merged
    return out


# a note saying a table's rows are in the order of the ranking
ORDER_NOTE = re.compile(r"thứ tự (?:trong bảng |của bảng |các đơn vị |sắp xếp )?(?:là|theo|cũng là) thứ tự xếp hạng"
                         r"|(?:được )?(?:sắp xếp|xếp) theo thứ tự (?:từ )?cao (?:xuống|đến|tới) thấp"
                         r"|số thứ tự (?:là|cũng là|chính là) (?:thứ hạng|thứ tự xếp hạng)")


def rank_by_order(facts: list[dict[str, Any]], rejects: list[dict[str, Any]]) -> None:
    """Ranks for a table the text says is in the order of the ranking and that has no rank column: each row's
    place in it (a row of a unit not known still takes its place), when the headline scores fall (or stay) down
    the rows; equal scores one after the other share a place (in place)."""
    from flows.extract.tables import falling, give_places, headline_groups

    unknown = [r for r in rejects if r["check"] == "unknown_unit"]
    for rows in headline_groups(facts):
        lines = [_line_of(f) for f in rows]
        if not falling(rows) or None in lines:
            continue
        between = [line for r in unknown if (line := _line_of(r)) is not None and lines[0] < line < lines[-1]]
        held = sorted([*zip(lines, rows, strict=True), *((line, None) for line in between)], key=lambda x: x[0])
        give_places([(place, f) for place, (_, f) in enumerate(held, start=1)])


def _line_of(item: dict[str, Any]) -> int | None:
    """The row a fact or reject comes from: "line 7" of a text, "table 2, row 7, column 3" of a page."""
    m = re.fullmatch(r"line (\d+)|table \d+, row (\d+)(?:, column \d+)?", item.get("place") or "")
    return int(m.group(1) or m.group(2)) if m else None


_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_DASHED_NUMBER = re.compile(r"(?m)^([ \t]*)[-*+•][ \t]+(?=\d{1,3}[.)][ \t])")


def without_markup(text: str) -> str:
    r"""``text`` without the Markdown marks a copied page carries around names and numbers: bold (``**Sở Nội vụ**``)
    and a bullet before a numbered item (``- 4. Sở Tư pháp``, read as the item ``4.``).

    Example:
        >>> without_markup("- 4. **Văn phòng UBND tỉnh**: 90,87 điểm\n- **Huyện A**: 87,54")
        '4. Văn phòng UBND tỉnh: 90,87 điểm\n- Huyện A: 87,54'
    """
    return _DASHED_NUMBER.sub(r"\1", _BOLD.sub(lambda m: m.group(1) or m.group(2), text))


def result_year(result: dict[str, Any], year_hint: int | None) -> int | None:
    """The year the text's title gives, else the folder's: a table's caption may not name one."""
    title = result["source"].get("title") or ""
    years = re.findall(r"(?:năm|year)\s+((?:19|20)\d\d)", title.lower())
    return int(years[0]) if years else year_hint
