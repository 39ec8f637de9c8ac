"""Text-based PDF appendices -> one grid per table (merged cells expanded) -> ``extract_grid``.

pdfplumber finds ruled tables and the cell boxes of each; a box spanning several rows or columns
is a merged cell and its text fills every grid position it covers. A table that runs on over the
next page (no header there, or the header repeated with no new title above it) continues the
same grid. The text above a table on its page is its title (index, year, bloc); a page number
("2", "- 2 -", "Trang 2") is not a title. Messages name
``page 2, row 5``. Scanned PDFs (no text layer) are refused: OCR is not done here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
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


def read_segments(data: bytes, path: str, gazetteer: Gazetteer | None = None, year_hint: int | None = None,
                  province_hint: str | None = None) -> list[Segment]:
    """The logical tables of a PDF, in page order (with a ``gazetteer``, transposed ones too: units in a row)."""
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
            for table in page.find_tables():
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
    """Facts from every score table of a text-based PDF."""
    segments = read_segments(data, path, gazetteer, year_hint, province_hint)
    if not segments:
        raise ParindexError("no ruled table with a unit and a score column was found", path=path,
                            fix="parindex reads tables drawn with cell borders; give the Excel original instead")
    return merge_results([
        extract_grid(s.grid, path=path, gazetteer=gazetteer, year_hint=year_hint, province_hint=province_hint,
                     title_lines=s.titles, cell_place=s.place)
        for s in segments])
