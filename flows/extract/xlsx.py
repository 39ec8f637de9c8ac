"""Excel workbooks (.xlsx) -> one grid per sheet (merged cells expanded) -> ``extract_grid``.

Read with python-calamine (a Rust reader, ~10x faster than openpyxl). One sheet is one table,
usually one bloc: the bloc comes from the sheet name ("Khối quận") or a title row. Sheets without a
score table (a cover page, notes) are skipped with a warning. Messages name the cell as
``'Khối huyện'!D7``. A number formatted as a percentage ("0.00%") is stored as a fraction (0.9412) and
shown as 94.12 %: calamine does not apply formats, so the percent-formatted cells are found in the
workbook's XML (``styles.xml`` cellXfs/numFmts and each cell's ``s`` attribute) and multiplied by 100.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from datetime import date, datetime, time
from typing import Any
from xml.etree import ElementTree

from flows.errors import ParindexError, UnreadableInput
from flows.extract.cells import a1
from flows.extract.header import find_header
from flows.extract.table_transposed import turn
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


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PERCENT_BUILTIN = {9, 10}  # "0%", "0.00%"
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


def is_percent_format(code: str) -> bool:
    """True for a number format that shows a percentage ('0.00%'), not one quoting or escaping '%'.

    Example:
        >>> is_percent_format("0.00%"), is_percent_format('0.00"%"'), is_percent_format("#,##0.00")
        (True, False, False)
    """
    return "%" in re.sub(r'"[^"]*"|\\.', "", code)


def _cell_position(ref: str) -> tuple[int, int] | None:
    """0-based (row, column) of an A1 reference."""
    match = _CELL_REF.match(ref)
    if not match:
        return None
    col = 0
    for letter in match.group(1):
        col = col * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, col - 1


def _hidden_columns(sheet: ElementTree.Element) -> set[int]:
    """0-based columns a sheet hides (``<col min max hidden="1">``, 1-based and inclusive)."""
    hidden: set[int] = set()
    for col in sheet.iter(f"{_MAIN}col"):
        if col.get("hidden") in ("1", "true"):
            hidden.update(range(int(col.get("min", 1)) - 1, int(col.get("max", col.get("min", 1)))))
    return hidden


def sheet_marks(data: bytes) -> dict[str, tuple[set[tuple[int, int]], set[int]]]:
    """Sheet name -> ((row, column) of its cells formatted as a percentage, its hidden columns); empty when the
    XML is unusual."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = set(book.namelist())
            styles = ElementTree.fromstring(book.read("xl/styles.xml")) if "xl/styles.xml" in names else None
            percent_styles: set[str] = set()
            if styles is not None:
                custom = {int(f.get("numFmtId", -1)) for f in styles.iter(f"{_MAIN}numFmt")
                          if is_percent_format(f.get("formatCode", ""))}
                xfs = styles.find(f"{_MAIN}cellXfs")
                percent_styles = {str(i) for i, xf in enumerate(xfs if xfs is not None else [])
                                  if int(xf.get("numFmtId", 0)) in _PERCENT_BUILTIN | custom}
            rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(_PACKAGE_REL)}
            found: dict[str, tuple[set[tuple[int, int]], set[int]]] = {}
            for sheet in ElementTree.fromstring(book.read("xl/workbook.xml")).iter(f"{_MAIN}sheet"):
                target = targets.get(sheet.get(_REL), "")
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                if part not in names:
                    continue
                root = ElementTree.fromstring(book.read(part))
                percent = {pos for c in root.iter(f"{_MAIN}c") if c.get("s") in percent_styles
                           and (pos := _cell_position(c.get("r", "")))} if percent_styles else set()
                found[sheet.get("name", "")] = (percent, _hidden_columns(root))
            return found
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError):
        return {}  # calamine reports an unreadable workbook; the formats are only a refinement


def read_sheets(data: bytes, path: str) -> list[tuple[str, list[list[str]], set[int]]]:
    """(sheet name, grid, hidden columns) of every sheet; merged ranges repeat their text over every covered cell."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - calamine raises its own error types for broken files
        raise UnreadableInput(f"not a readable Excel workbook ({exc})", path=path,
                              fix="re-save it as .xlsx from Excel or LibreOffice") from exc
    sheets, marks = [], sheet_marks(data)
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        shown, hidden = marks.get(name, (set(), set()))
        grid = [[cell_text(v * 100 if (r, c) in shown and isinstance(v, float | int) and not isinstance(v, bool)
                           else v) for c, v in enumerate(row)]
                for r, row in enumerate(sheet.to_python(skip_empty_area=False))]
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
            text = grid[r0][c0] if r0 < len(grid) and c0 < len(grid[r0]) else ""
            for r in range(r0, min(r1 + 1, len(grid))):
                row = grid[r]
                row.extend([""] * (c1 + 1 - len(row)))
                for c in range(c0, c1 + 1):
                    row[c] = text
        sheets.append((name, grid, hidden))
    return sheets


def _visible(grid: list[list[str]], hidden: set[int], name: str, path: str,
             warnings: list[str]) -> list[list[str]]:
    """The grid a reader sees: hidden columns blanked (a helper column such as last year's rank), with a warning
    naming each; the grid as it is when the table needs a hidden column to have a header at all."""
    header = find_header(grid) if hidden else None
    shown = [[cell if c not in hidden else "" for c, cell in enumerate(row)] for row in grid]
    if header is None or find_header(shown) is None:
        return grid
    for c in sorted(hidden):
        labels = " / ".join(dict.fromkeys(row[c] for row in grid[header.row:header.end] if c < len(row) and row[c]))
        if any(c < len(row) and row[c] for row in grid):
            warnings.append(f"{path} '{name}'!{a1(header.row, c)}: column {labels!r} is hidden in the workbook; "
                            "not read")
    return shown


def extract_xlsx(data: bytes, path: str, gazetteer: Gazetteer, year_hint: int | None,
                 province_hint: str | None) -> dict[str, Any]:
    """Facts from every sheet of a workbook that holds a score table."""
    parts, skipped, failed, hidden_notes = [], [], [], []
    sheets = read_sheets(data, path)
    for name, grid, hidden in sheets:
        if not any(any(row) for row in grid):
            continue
        if find_header(grid) is None and turn(grid, gazetteer, province_hint, year_hint) is None:
            skipped.append(name)
            continue
        grid = _visible(grid, hidden, name, path, hidden_notes)
        try:
            parts.append(extract_grid(grid, path=path, gazetteer=gazetteer, year_hint=year_hint,
                                      province_hint=province_hint, sheet=name))
        except ParindexError as exc:  # one sheet's table is unreadable: the other sheets are still read
            failed.append((name, exc))
    if not parts and failed:
        raise failed[0][1]
    if not parts:
        raise ParindexError(
            f"no sheet holds a score table (sheets: {', '.join(repr(n) for n, _, _ in sheets)})", path=path,
            fix="give a sheet a header row with 'Đơn vị' and 'Tổng điểm' or 'Xếp hạng'")
    result = merge_results(parts)
    result["warnings"] = [f"{path}: sheet {n!r} has no score table; skipped" for n in skipped] + hidden_notes + [
        f"{path}: sheet {n!r} is not read ({exc})" for n, exc in failed] + result["warnings"]
    result["rejects"] = [{"check": "table_format", "value": n, "place": exc.place or f"'{n}'", "span": None,
                          "message": str(exc)} for n, exc in failed] + result["rejects"]
    return result
