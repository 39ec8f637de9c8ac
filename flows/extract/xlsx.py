"""Excel workbooks (.xlsx) -> one grid per sheet (merged cells expanded) -> ``extract_grid``.

Read with python-calamine (a Rust reader, ~10x faster than openpyxl). One sheet is one table,
usually one bloc: the bloc comes from the sheet name ("Khối quận") or a title row. Sheets without a
score table (a cover page, notes) are skipped with a warning. Messages name the cell as
``'Khối huyện'!D7``.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from typing import Any

from flows.errors import ParindexError, UnreadableInput
from flows.extract.header import find_header
from flows.extract.tables import extract_grid, merge_results
from flows.gazetteer import Gazetteer


def cell_text(value: Any) -> str:
    """A cell value as the text a reader sees: whole numbers without '.0', dates as ISO.

    Example:
        >>> cell_text(91.93), cell_text(15.0), cell_text(None), cell_text(" Sở Y tế "), cell_text(89.19000000000001)
        ('91.93', '15', '', 'Sở Y tế', '89.19')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def read_sheets(data: bytes, path: str) -> list[tuple[str, list[list[str]]]]:
    """(sheet name, grid) of every sheet; merged ranges repeat their text over every covered cell."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - calamine raises its own error types for broken files
        raise UnreadableInput(f"not a readable Excel workbook ({exc})", path=path,
                              fix="re-save it as .xlsx from Excel or LibreOffice") from exc
    sheets = []
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        grid = [[cell_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
            text = grid[r0][c0] if r0 < len(grid) and c0 < len(grid[r0]) else ""
            for r in range(r0, min(r1 + 1, len(grid))):
                row = grid[r]
                row.extend([""] * (c1 + 1 - len(row)))
                for c in range(c0, c1 + 1):
                    row[c] = text
        sheets.append((name, grid))
    return sheets


def extract_xlsx(data: bytes, path: str, gazetteer: Gazetteer, year_hint: int | None,
                 province_hint: str | None) -> dict[str, Any]:
    """Facts from every sheet of a workbook that holds a score table."""
    parts, skipped = [], []
    sheets = read_sheets(data, path)
    for name, grid in sheets:
        if not any(any(row) for row in grid):
            continue
        if find_header(grid) is None:
            skipped.append(name)
            continue
        parts.append(extract_grid(grid, path=path, gazetteer=gazetteer, year_hint=year_hint,
                                  province_hint=province_hint, sheet=name))
    if not parts:
        raise ParindexError(
            f"no sheet holds a score table (sheets: {', '.join(repr(n) for n, _ in sheets)})", path=path,
            fix="give a sheet a header row with 'Đơn vị' and 'Tổng điểm' or 'Xếp hạng'")
    result = merge_results(parts)
    result["warnings"] = [f"{path}: sheet {n!r} has no score table; skipped" for n in skipped] + result["warnings"]
    return result
