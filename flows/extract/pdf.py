"""Text-based PDFs: ruled tables -> one grid per table (merged cells expanded) -> ``extract_grid``; the
words outside them -> text -> ``extract_text_with_tables`` (an announcement's sentences, a table drawn
without borders).

pdfplumber finds ruled tables and the cell boxes of each; a box spanning several rows or columns
is a merged cell and its text fills every grid position it covers. A table that runs on over the
next page (no header there, or the header repeated with no new title above it) continues the
same grid. The text above a table on its page is its title (index, year, bloc); a page number
("2", "- 2 -", "Trang 2") is not a title. The rest of each page is laid out as text, a printed line
a line, words apart by a gap wider than a space set two spaces apart or more (the columns of a table
drawn without borders), and read as a text document is. Messages name ``page 2, row 5`` (a ruled
table's row) or ``page 2, line 7``. Scanned PDFs (no text layer) are refused: OCR is not done here.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from flows.errors import ParindexError, UnreadableInput
from flows.extract.cells import is_page_number
from flows.extract.header import find_header
from flows.extract.table_transposed import turn
from flows.extract.tables import extract_grid, merge_results
from flows.gazetteer import Gazetteer


@dataclass
class Segment:
    """One logical table: its grid, the (page, row) of each grid row, and its title lines."""

    grid: list[list[str]]
    origin: list[tuple[int, int]]
    titles: list[str] = field(default_factory=list)

    def place(self, row: int, _col: int) -> str:
        """'page P, row R' of a grid row (R counts the rows of the table on that page)."""
        page, number = self.origin[row]
        return f"page {page}, row {number}"


def _edges(values: list[float]) -> list[float]:
    """Distinct coordinates, merging those closer than a point (rounding noise)."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.0:
            out.append(v)
    return out


def _nearest(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def table_grid(table: Any) -> list[list[str]]:
    """A pdfplumber table as a grid; a merged cell's text is repeated over the positions it spans."""
    boxes: list[tuple[tuple[float, float, float, float], str]] = []
    for row, texts in zip(table.rows, table.extract(), strict=False):
        for box, text in zip(row.cells, texts, strict=False):
            if box is not None:
                boxes.append((box, " ".join((text or "").split())))
    xs = _edges([b[0] for b, _ in boxes] + [b[2] for b, _ in boxes])
    ys = _edges([b[1] for b, _ in boxes] + [b[3] for b, _ in boxes])
    grid = [[""] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for (x0, top, x1, bottom), text in boxes:
        for r in range(_nearest(ys, top), _nearest(ys, bottom)):
            for c in range(_nearest(xs, x0), _nearest(xs, x1)):
                grid[r][c] = text
    return grid


def page_lines(page: Any) -> list[str]:
    """The printed lines of a page (or of what is left of it outside its tables) as text: words of a line in
    the order they stand, a space apart, and where the gap before a word is wider than two spaces, the word
    set at its column (its left edge over the page's average character width), two spaces after the text
    before it at least, so that cells of one column line up as in an aligned text table.

    Example (words as pdfplumber gives them: a sentence, then a row of a borderless table):
        >>> class Page:
        ...     def extract_words(self):
        ...         word = lambda text, x0, top: {"text": text, "x0": x0, "x1": x0 + 5 * len(text), "top": top}
        ...         return [word("Sở", 10, 10), word("Nội", 23.5, 10.5), word("vụ", 42, 10),
        ...                 word("1", 10, 30), word("Sở", 60, 30), word("Y", 73.5, 30), word("tế", 82, 30),
        ...                 word("87,10", 150, 30)]
        >>> page_lines(Page())
        ['Sở Nội vụ', '1         Sở Y tế           87,10']
    """
    words = sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict[str, Any]]] = []
    for word in words:  # a word within 3 pt of a line's top is on that line
        if rows and abs(word["top"] - rows[-1][0]["top"]) <= 3:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    gaps = [b["x0"] - a["x1"] for row in rows for a, b in zip(row, row[1:], strict=False) if b["x0"] > a["x1"]]
    space = median(gaps) if gaps else 3.0
    char = median((w["x1"] - w["x0"]) / len(w["text"]) for w in words) if words else 5.0
    margin = min((w["x0"] for w in words), default=0.0)  # a line starting further right is indented by as much
    lines: list[str] = []
    for row in rows:
        line = " " * round((row[0]["x0"] - margin) / char) + row[0]["text"]
        for before, word in zip(row, row[1:], strict=False):
            if word["x0"] - before["x1"] <= 2 * space:
                line += " " + word["text"]
            else:
                line += " " * max(2, round((word["x0"] - margin) / char) - len(line)) + word["text"]
        lines.append(line)
    return lines


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """Whether a page object's centre is inside a table's box."""
    x0, top, x1, bottom = box
    return (x0 <= (obj.get("x0", 0) + obj.get("x1", 0)) / 2 <= x1
            and top <= (obj.get("top", 0) + obj.get("bottom", 0)) / 2 <= bottom)


def read_segments(data: bytes, path: str, gazetteer: Gazetteer | None = None, year_hint: int | None = None,
                  province_hint: str | None = None, text: list[tuple[int, int, str]] | None = None) -> list[Segment]:
    """The logical tables of a PDF, in page order (with a ``gazetteer``, transposed ones too: units in a row);
    with a ``text`` list, the lines of every page outside its ruled tables are added to it as
    (page, line on the page, text)."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFSyntaxError, ValueError) as exc:
        raise UnreadableInput(f"not a readable PDF ({exc})", path=path, fix="check that the file is a PDF") from exc
    segments: list[Segment] = []
    with pdf:
        if not any(page.chars for page in pdf.pages):
            raise UnreadableInput("the PDF has no text layer (a scan)", path=path,
                                  fix="use the Excel or Word original, or an OCR'd PDF with a text layer")
        for page_no, page in enumerate(pdf.pages, start=1):
            tables = page.find_tables()
            if text is not None:
                boxes = [table.bbox for table in tables]  # a table may run past the page's edge: no crop
                rest = page.filter(lambda obj, boxes=boxes: not any(_inside(obj, box) for box in boxes))
                lines = [line for line in page_lines(rest) if not is_page_number(line.strip())]
                text.extend((page_no, n, line) for n, line in enumerate(lines, start=1))
            for table in tables:
                grid = table_grid(table)
                if not grid:
                    continue
                above = page.crop((0, 0, page.width, table.bbox[1])).extract_text() or ""
                titles = [t for line in above.splitlines() if (t := line.strip()) and not is_page_number(t)]
                header = find_header(grid)
                if header is None and gazetteer is not None and turn(grid, gazetteer, province_hint, year_hint):
                    segments.append(Segment(grid, [(page_no, r + 1) for r in range(len(grid))], titles))
                    continue
                open_segment = segments[-1] if segments else None
                same_width = open_segment is not None and len(open_segment.grid[0]) == len(grid[0])
                if header is None or (same_width and not titles):
                    if not same_width:
                        continue  # a table with no header that continues nothing: not a score table
                    start = header.end if header else 0
                    open_segment.grid.extend(grid[start:])
                    open_segment.origin.extend((page_no, r + 1) for r in range(start, len(grid)))
                    continue
                segments.append(Segment(grid, [(page_no, r + 1) for r in range(len(grid))], titles))
    return segments


def extract_pdf(data: bytes, path: str, gazetteer: Gazetteer, year_hint: int | None,
                province_hint: str | None) -> dict[str, Any]:
    """Facts from every score table of a text-based PDF, and from its text outside them."""
    lines: list[tuple[int, int, str]] = []
    segments = read_segments(data, path, gazetteer, year_hint, province_hint, text=lines)
    prose = _read_text(lines, path, gazetteer, year_hint, province_hint)
    if not segments and not (prose["facts"] or prose["leader_ratings"] or prose["rejects"]):
        raise ParindexError("no score table and no sentence with a unit's score or place was found", path=path,
                            fix="check that the PDF is an announcement or appendix of the index; give the Excel "
                                "or Word original if its tables are drawn as pictures")
    # the sentences before the rows: where a row and a sentence agree, the row is kept
    results = [prose] if prose["facts"] or prose["leader_ratings"] or not segments else []
    results += [extract_grid(s.grid, path=path, gazetteer=gazetteer, year_hint=year_hint, province_hint=province_hint,
                             title_lines=s.titles, cell_place=s.place) for s in segments]
    merged = merge_results(results)
    if prose["facts"] and segments:
        from flows.extract.text_tables import merge_agreeing

        merged["facts"] = merge_agreeing(merged["facts"])  # a table's row and a sentence on the same unit
    for key, value in prose.get("source", {}).items():  # the title, date and decision its text states
        if merged["source"].get(key) is None:
            merged["source"][key] = value
    return merged


_LINE = re.compile(r"\bline (\d+)\b")


def _read_text(lines: list[tuple[int, int, str]], path: str, gazetteer: Gazetteer, year_hint: int | None,
               province_hint: str | None) -> dict[str, Any]:
    """The text of a PDF outside its ruled tables through the text reader; places name the page and its line,
    and no fact keeps character offsets (they are of the laid-out text, not of the file)."""
    from flows.extract.text_tables import extract_text_with_tables

    text = "\n".join(line for _, _, line in lines)
    if not text.strip():
        return {"facts": [], "leader_ratings": [], "claims": [], "warnings": [], "rejects": []}
    result = extract_text_with_tables(text, path, gazetteer, year_hint, province_hint)

    def on_page(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if not 1 <= number <= len(lines):
            return match.group()
        page, line, _ = lines[number - 1]
        return f"page {page}, line {line}"

    for key in ("facts", "leader_ratings", "claims", "rejects"):
        for item in result.get(key, []):
            if isinstance(item.get("place"), str):
                item["place"] = _LINE.sub(on_page, item["place"])
            if "span" in item:
                item["span"] = None
    result["warnings"] = [_LINE.sub(on_page, w) for w in result.get("warnings", [])]
    result.pop("text", None)
    return result
