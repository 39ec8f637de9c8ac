"""Builders for the table fixtures the tests generate themselves (.xlsx with xlsxwriter, .pdf with fpdf2).

Figures: the 2019 Hải Phòng district totals and ranks are the published ones (Quyết định
1091/QĐ-UBND, as in raw/2019/hai-phong/diem-cchc-khoi-quan-huyen-2019.csv); the splits of those
totals into appraised, survey and field points are synthetic (made to add up), for layout tests only.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# (unit, total, rank): published 2019 district results of Hải Phòng.
DISTRICTS_2019 = [
    ("Quận Ngô Quyền", 91.93, 1), ("Quận Hồng Bàng", 91.89, 2), ("Quận Lê Chân", 89.92, 3),
    ("Huyện Kiến Thụy", 89.24, 4), ("Huyện An Lão", 89.19, 5), ("Huyện Tiên Lãng", 88.36, 6),
    ("Huyện An Dương", 87.09, 7), ("Huyện Thủy Nguyên", 83.19, 8), ("Quận Kiến An", 83.13, 9),
    ("Quận Hải An", 82.07, 10), ("Quận Dương Kinh", 82.06, 11), ("Quận Đồ Sơn", 82.00, 12),
    ("Huyện Vĩnh Bảo", 81.98, 13), ("Huyện Cát Hải", 81.78, 14), ("Huyện Bạch Long Vỹ", 63.90, 15),
]
FIELD_WEIGHTS = (0.10, 0.10, 0.15, 0.10, 0.15, 0.10, 0.15, 0.15)


def comma(value: float) -> str:
    """A number written the Vietnamese way, '91,93'."""
    return f"{value:.2f}".replace(".", ",")


def split_total(total: float) -> tuple[float, float]:
    """(appraised, survey) that add up to ``total`` (synthetic: survey about 30 %)."""
    survey = round(total * 0.3, 2)
    return round(total - survey, 2), survey


def split_fields(points: float) -> list[float]:
    """Eight field scores that add up to ``points`` (synthetic)."""
    fields = [round(points * w, 2) for w in FIELD_WEIGHTS[:-1]]
    return [*fields, round(points - sum(fields), 2)]


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]],
               merges: dict[str, list[tuple[int, int, int, int]]] | None = None,
               num_formats: dict[str, dict[tuple[int, int], str]] | None = None) -> Path:
    """A workbook with one sheet per entry; ``merges`` are (first_row, first_col, last_row, last_col);
    ``num_formats`` give cells a number format ("0.00%")."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        codes = (num_formats or {}).get(name, {})
        formats = {pos: book.add_format({"num_format": code}) for pos, code in codes.items()}
        sheet = book.add_worksheet(name)
        spans = (merges or {}).get(name, [])
        covered = {(r, c) for r0, c0, r1, c1 in spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r0, c0, r1, c1 in spans:
            sheet.merge_range(r0, c0, r1, c1, rows[r0][c0])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if (r, c) not in covered and value not in (None, ""):
                    sheet.write(r, c, value, formats.get((r, c)))
    book.close()
    return path


def _font() -> Path:
    """A TTF with Vietnamese glyphs: DejaVu Sans when installed, else the Geist font Prefect ships."""
    system = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if system.exists():
        return system
    return Path(str(resources.files("prefect") / "server" / "ui-v2" / "fonts" / "Geist-VariableFont_wght.ttf"))


def write_pdf(path: Path, pages: list[tuple[list[str], list[list[object]]]], widths: list[float]) -> Path:
    """A PDF with one ruled table per page below its title lines.

    A cell is a string, or (text, colspan, rowspan) for a merged cell; None marks a position that a
    merged cell covers.
    """
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font("vn", "", str(_font()))
    pdf.set_font("vn", size=8)
    for titles, rows in pages:
        pdf.add_page()
        for line in titles:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        with pdf.table(col_widths=widths, text_align="LEFT", first_row_as_headings=False) as table:
            for row in rows:
                out = table.row()
                for cell in row:
                    if cell is None:
                        continue
                    if isinstance(cell, tuple):
                        text, colspan, rowspan = cell
                        out.cell(str(text), colspan=colspan, rowspan=rowspan)
                    else:
                        out.cell(str(cell))
    pdf.output(str(path))
    return path


def write_text_pdf(path: Path, pages: list[list[str | list[list[str]]]], borders: bool = True) -> Path:
    """A portrait PDF of paragraphs (wrapped at the margin) and tables (a list of rows), one list a page;
    tables ruled, or without any line when ``borders`` is False."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("vn", "", str(_font()))
    pdf.set_font("vn", size=11)
    for blocks in pages:
        pdf.add_page()
        for block in blocks:
            if isinstance(block, str):
                pdf.multi_cell(0, 6, block, new_x="LMARGIN", new_y="NEXT")
                continue
            with pdf.table(first_row_as_headings=False, borders_layout="ALL" if borders else "NONE") as table:
                for row in block:
                    out = table.row()
                    for cell in row:
                        out.cell(cell)
    pdf.output(str(path))
    return path
