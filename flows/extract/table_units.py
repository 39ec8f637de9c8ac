"""The unit cell of a score table, as the gazetteer reads it.

A unit cell is printed with decorations a reader skips: a line break inside the cell ("Sở Lao động -
Thương binh và Xã hội" over two lines), a footnote mark ("Sở Y tế (*)", "Sở Tư pháp¹"), the province
after the name ("UBND huyện Yên Định, tỉnh Thanh Hóa"). The cell is resolved as written first, then
cleaned of those; the evidence of the fact stays the row as written.

A name printed without its kind word ("Vân Đồn", "Hạ Long") in a table whose unit column or title lists
the kinds it ranks ("Xã, phường, đặc khu", "CÁC XÃ, PHƯỜNG, ĐẶC KHU") is read as a unit of those kinds:
in 2025 "Vân Đồn" there is Đặc khu Vân Đồn, not the abolished Huyện Vân Đồn. Short kind words ("ĐK Vân
Đồn", "P. Hạ Long", "X. Tiên Yên") are written out.
"""

from __future__ import annotations

import re

from flows.gazetteer import Gazetteer, Unit
from flows.textnorm import fold

# A footnote mark at the end of a name: "(*)", "(**)", "*", "¹", "(1)".
_FOOTNOTE = re.compile(r"\s*(?:\(\s*\*+\s*\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\s*\d{1,2}\s*\))\s*$")
# The province after the unit's own name: ", tỉnh Thanh Hóa", " - tỉnh Thanh Hóa", ", thành phố Hải Phòng".
_PROVINCE_AFTER = re.compile(r"\s*[,\-–—]\s*(?:tỉnh|thành phố|tp\.?)\s+\w.*$", re.IGNORECASE)
# The unit a 2025 name was formed from, in brackets: "Xã Tân Trào (huyện Sơn Dương cũ)", "(TP. Hà Giang cũ)".
_FORMER = re.compile(r"\s*\((?:nguyên |trước đây là |thuộc )?[^()]*\w[^()]*\s+cũ\s*\)\s*$", re.IGNORECASE)
# Kind words a table lists its units by, as a unit's name starts with them.
KIND_WORDS = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu", "thị trấn": "Thị trấn", "quận": "Quận",
              "huyện": "Huyện", "thị xã": "Thị xã", "thành phố": "Thành phố"}
_KIND = "|".join(sorted(KIND_WORDS, key=len, reverse=True))
# "xã, phường, đặc khu", "các huyện, thị xã và thành phố": two kinds or more, listed.
_KIND_LIST = re.compile(rf"(?:^|\bcác\s+|,\s*)((?:{_KIND})(?:\s*(?:,|và|;)\s*(?:{_KIND}))+)\b")
_SHORT_KIND = re.compile(r"^(?:(ĐK)\.?\s+|(ĐK|P|X|TT|Q|H)\.\s*)(?=[A-ZĐÀ-Ỹ0-9])")
_SHORT_WORD = {"ĐK": "Đặc khu", "P": "Phường", "X": "Xã", "TT": "Thị trấn", "Q": "Quận", "H": "Huyện"}


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
        >>> clean_unit_cell("ĐK Vân Đồn"), clean_unit_cell("P. Hạ Long"), clean_unit_cell("X.Tiên Yên")
        ('Đặc khu Vân Đồn', 'Phường Hạ Long', 'Xã Tiên Yên')
        >>> clean_unit_cell("UBND xã Tân Trào (huyện Sơn Dương cũ)"), clean_unit_cell("Huyện Hàm Yên (cũ)")
        ('UBND xã Tân Trào', 'Huyện Hàm Yên (cũ)')
    """
    text = " ".join(cell.split())
    short = _SHORT_KIND.match(text)
    if short:  # "ĐK Vân Đồn", "P. Hạ Long": the kind word written short
        text = f"{_SHORT_WORD[short.group(1) or short.group(2)]} {text[short.end():]}"
    while (stripped := _FOOTNOTE.sub("", text)) != text and stripped:
        text = stripped
    text = _FORMER.sub("", text) or text
    return _PROVINCE_AFTER.sub("", text) or text


def listed_kinds(text: str) -> tuple[str, ...]:
    """The kind words a unit column or title lists its units by ("Xã, phường, đặc khu"), as names start.

    Example:
        >>> listed_kinds("KẾT QUẢ CHỈ SỐ CCHC NĂM 2025 CỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU")
        ('Xã', 'Phường', 'Đặc khu')
        >>> listed_kinds("Huyện, thị xã, thành phố"), listed_kinds("Chỉ số CCHC thành phố Hạ Long")
        (('Huyện', 'Thị xã', 'Thành phố'), ())
    """
    found = _KIND_LIST.search(" ".join(text.lower().split()))
    if not found:
        return ()
    words = re.findall(_KIND, found.group(1))
    return tuple(KIND_WORDS[w] for w in dict.fromkeys(words))


def column_kinds(label: str) -> tuple[str, ...]:
    """The kinds a unit column's header names, one ("Phường", "Tên huyện") or more ("Xã, phường, đặc khu").

    Example:
        >>> column_kinds("Phường"), column_kinds("Tên huyện"), column_kinds("Xã, phường")
        (('Phường',), ('Huyện',), ('Xã', 'Phường'))
        >>> column_kinds("Đơn vị"), column_kinds("UBND cấp huyện"), column_kinds("Phường Hồng An")
        ((), (), ())
    """
    listed = listed_kinds(label)
    if listed:
        return listed
    text = re.sub(r"^(?:tên|các)\s+", "", " ".join(label.lower().split()))
    return (KIND_WORDS[text],) if text in KIND_WORDS else ()


# Words of department names written short in tables: "Sở Nông nghiệp và PTNT", "Sở Lao động - TB&XH"
_SHORT_WORDS = ((re.compile(r"\bPTNT\b"), "Phát triển nông thôn"), (re.compile(r"\bTB\s*(?:&|và)\s*XH\b"),
                "Thương binh và Xã hội"), (re.compile(r"\bTT\s*(?:&|và)\s*TT\b"), "Thông tin và Truyền thông"),
                (re.compile(r"\bTN\s*(?:&|và)\s*MT\b"), "Tài nguyên và Môi trường"),
                (re.compile(r"\bKH\s*(?:&|và)\s*ĐT\b"), "Kế hoạch và Đầu tư"))
# "Sở Kế hoạch - Đầu tư", "Sở Giáo dục - Đào tạo": a dash for "và" between the two halves of a department's name
_DASH_FOR_AND = re.compile(r"^(Sở [^\W\d]+(?: [^\W\d]+)?) - ([^\W\d]+(?: [^\W\d]+)?)$")


def _written_out(name: str) -> str:
    """A department's name with the short words of tables written out and a dash for "và" read as "và".

    Example:
        >>> _written_out("Sở Nông nghiệp và PTNT"), _written_out("Sở Kế hoạch - Đầu tư")
        ('Sở Nông nghiệp và Phát triển nông thôn', 'Sở Kế hoạch và Đầu tư')
    """
    for pattern, words in _SHORT_WORDS:
        name = pattern.sub(words, name)
    dash = _DASH_FOR_AND.match(name)
    return f"{dash.group(1)} và {dash.group(2)}" if dash else name


_OWN_PROVINCE = re.compile(r"\s+(?:tỉnh|thành phố|TP\.?)$", re.IGNORECASE)


def _without_place(name: str, gazetteer: Gazetteer, province: str | None, year: int | None) -> Unit | None:
    """A department named with the place it works in ("Ban Quản lý Khu kinh tế Vân Phong", "... Đình Vũ - Cát
    Hải"): the department, once up to five capitalised words (and dashes) at the end are left off; None when that
    names no department."""
    if not name.lower().startswith("ban quản lý"):  # an authority of a zone, not "Sở Y tế Mới": a misspelt name
        return None
    words = name.split()
    for n in range(1, min(5, len(words) - 2) + 1):
        if not all(w[:1].isupper() or w in ("-", "–", "mở") for w in words[-n:]):  # "Khu kinh tế mở Chu Lai"
            break
        if words[-n] in "-–":
            continue
        unit = gazetteer.resolve(" ".join(words[:-n]), province, year)
        if unit is not None:
            return unit if unit.unit_kind == "department" else None
    return None


def resolve_unit_cell(cell: str, gazetteer: Gazetteer, province: str | None, year: int | None,
                      kinds: tuple[str, ...] = ()) -> Unit | None:
    """The unit a table's unit cell names: as written, else cleaned (``clean_unit_cell``); None when neither.

    With ``kinds`` (the table lists its units by kind: ``listed_kinds``), a name written without its kind
    word that resolves to a unit of another kind is read as the one unit of those kinds it names.
    """
    cleaned = clean_unit_cell(cell)
    unit = gazetteer.resolve(cell, province, year)
    if unit is None and cleaned != cell:
        unit = gazetteer.resolve(cleaned, province, year)
    if unit is None and (written := _written_out(cleaned)) != cleaned:
        unit = gazetteer.resolve(written, province, year)
    if unit is None:
        unit = _without_place(cleaned, gazetteer, province, year)
    if unit is None and (bare := _OWN_PROVINCE.sub("", cleaned)) != cleaned:  # "Sở Tư pháp tỉnh": the province's own
        found = gazetteer.resolve(bare, province, year)
        unit = found if found is not None and found.unit_kind == "department" else None
    if unit is None and province and fold(cleaned).endswith(" " + fold(province)):
        # "Sở Tư pháp tỉnh Nghệ An", "Kho bạc Nhà nước Hà Tĩnh": a department named with its province
        bare = _OWN_PROVINCE.sub("", cleaned[:len(cleaned) - len(province)].rstrip())
        found = gazetteer.resolve(bare, province, year) if bare else None
        unit = found if found is not None and found.unit_kind == "department" else None
    if not kinds or (unit is not None and any(unit.name_vi.startswith(k + " ") for k in kinds)):
        return unit
    if any(cleaned.lower().startswith(k.lower() + " ") for k in KIND_WORDS.values()):
        return unit  # written with its kind word: that word decides
    found = {u.unit_id: u for k in kinds if (u := gazetteer.resolve(f"{k} {cleaned}", province, year))}
    if len(found) > 1 and year is not None:  # an old commune and the new one of that name: the one at year end
        found = {i: u for i, u in found.items() if u.valid_at_end_of(year)} or found
    return next(iter(found.values())) if len(found) == 1 else unit
