"""The unit cell of a score table, as the gazetteer reads it.

A unit cell is printed with decorations a reader skips: a line break inside the cell ("Sở Lao động -
Thương binh và Xã hội" over two lines), a footnote mark ("Sở Y tế (*)", "Sở Tư pháp¹"), the province
after the name ("UBND huyện Yên Định, tỉnh Thanh Hóa"). The cell is resolved as written first, then
cleaned of those; the evidence of the fact stays the row as written.
"""

from __future__ import annotations

import re

from flows.gazetteer import Gazetteer, Unit

# A footnote mark at the end of a name: "(*)", "(**)", "*", "¹", "(1)".
_FOOTNOTE = re.compile(r"\s*(?:\(\s*\*+\s*\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\s*\d{1,2}\s*\))\s*$")
# The province after the unit's own name: ", tỉnh Thanh Hóa", " - tỉnh Thanh Hóa", ", thành phố Hải Phòng".
_PROVINCE_AFTER = re.compile(r"\s*[,\-–—]\s*(?:tỉnh|thành phố|tp\.?)\s+\w.*$", re.IGNORECASE)


def clean_unit_cell(cell: str) -> str:
    """A unit cell without its line breaks, footnote marks and trailing province.

    Example:
        >>> clean_unit_cell("Sở Lao động -\\nThương binh và Xã hội")
        'Sở Lao động - Thương binh và Xã hội'
        >>> clean_unit_cell("Sở Y tế (*)"), clean_unit_cell("Sở Tư pháp¹"), clean_unit_cell("Sở Y tế(*)")
        ('Sở Y tế', 'Sở Tư pháp', 'Sở Y tế')
        >>> clean_unit_cell("UBND huyện Yên Định, tỉnh Thanh Hóa"), clean_unit_cell("Thị xã Bỉm Sơn - tỉnh Thanh Hóa")
        ('UBND huyện Yên Định', 'Thị xã Bỉm Sơn')
        >>> clean_unit_cell("Phường 1"), clean_unit_cell("Sở Văn hóa, Thể thao và Du lịch")
        ('Phường 1', 'Sở Văn hóa, Thể thao và Du lịch')
    """
    text = " ".join(cell.split())
    while (stripped := _FOOTNOTE.sub("", text)) != text and stripped:
        text = stripped
    return _PROVINCE_AFTER.sub("", text) or text


def resolve_unit_cell(cell: str, gazetteer: Gazetteer, province: str | None, year: int | None) -> Unit | None:
    """The unit a table's unit cell names: as written, else cleaned (``clean_unit_cell``); None when neither."""
    unit = gazetteer.resolve(cell, province, year)
    if unit is not None:
        return unit
    cleaned = clean_unit_cell(cell)
    return gazetteer.resolve(cleaned, province, year) if cleaned != cell else None
