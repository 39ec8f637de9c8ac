"""Reading the cells and titles of a score table: numbers, ranks, summary rows, index, year and bloc."""

from __future__ import annotations

import re
from functools import lru_cache

from flows.numerals import parse_decimal, parse_ordinal, words_to_int
from flows.seeds import index_rows
from flows.textnorm import fold_key

# A unit cell that starts with these words is a summary row, not a unit.
SUMMARY_PREFIXES = ("trung binh", "tong cong", "tong so", "binh quan", "diem trung binh", "tong diem",
                    "diem binh quan", "diem tb", "cao nhat", "thap nhat", "diem cao nhat", "diem thap nhat",
                    "gia tri trung binh", "so don vi", "trong do")  # "Trong đó: điểm thưởng": a breakdown
SECTION_NUMBER = r"(?:[IVX]{1,4}|[A-E])"  # a section's number in a table: "I", "II", "A" (before "CÁC SỞ, BAN, NGÀNH")
SUMMARY_WORDS = ("cong", "tong", "tb", "dtb")
_POINTS_WORD = re.compile(r"(?<=\d)\s*(?:điểm|đ)\.?\s*$", re.IGNORECASE)  # "91,50 điểm", "90,5đ"
_SCORE = re.compile(r"^\d{1,3}(?:[.,]\d+)?$")
_RANK_DIGITS = re.compile(r"^(?:thứ\s*)?0*(\d{1,3})\b")
_RANK_WORD = re.compile(r"^(?:xếp\s+)?(?:hạng|thứ hạng)\s*:?\s*(?=\S)|^xếp\s+(?=thứ)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}
_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*(?:\d{1,2}\s*[/.-]\s*)?(?:19|20)\d\d\b")
_YEAR = re.compile(r"\b(nam )?((?:19|20)\d\d)\b")
# On folded text: a date written out ("ngày 20 tháng 4 năm 2021", "tháng 4 năm 2021") and a document
# number ("512/QĐ-UBND", "05/2021/QĐ-UBND") date the paper, not the results.
_WRITTEN_DATE = re.compile(r"\b(?:ngay\s*\d{1,2}\s*)?thang\s*\d{1,2}\s*(?:nam\s*|/\s*)(?:19|20)\d\d\b")
_DOCUMENT_NUMBER = re.compile(r"\b\d+\s*/\s*(?:(?:19|20)\d\d\s*/\s*)?[^\W\d_]+(?:-[^\W\d_]+)*")
# A line citing the decision a table is attached to: "(Kèm theo Quyết định số 512/QĐ-UBND ngày ...)".
_DECISION_LINE = re.compile(r"^\W*(?:ban hanh )?kem theo\b|^\W*can cu\b")
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–—]?\s*\d{1,3}\s*(?:[-–—]|/\s*\d{1,3})?$")
MAX_ROW_PREFIXES = ("diem toi da", "thang diem", "diem chuan", "toi da", "diem toi da theo quy dinh")
# "Khối quận" ranks urban districts apart, "Khối quận, huyện" all districts together.
_BLOC = re.compile(r"\bkhoi\s+(?:cac\s+)?(?:ubnd\s+(?:cac\s+)?)?(so|quan|huyen|thanh pho|thi xa|phuong|xa|dac khu)"
                   r"\b(\s*(?:huyen|thi xa|thanh pho|phuong|xa|dac khu|thi tran)\b)?")
BLOC_ALONE = {"quan": "urban_district", "huyen": "rural_district", "phuong": "ward", "xa": "commune",
               "dac khu": "commune", "thanh pho": "towns", "thi xa": "towns"}
_TOWNS = {"thanh pho", "thi xa"}


def kinds_bloc(first: str, second: str | None) -> str | None:
    """The bloc a cue naming one or two kinds of unit ranks apart: "khối quận" urban districts, "khối
    huyện" rural ones, "khối thành phố, thị xã" the towns ('towns': the urban side of a province without
    quận), "khối phường" wards; None for kinds ranked together ("khối quận, huyện")."""
    if second is None:
        return BLOC_ALONE.get(first)
    return "towns" if {first, second} <= _TOWNS else None


def bloc_cue(text: str) -> str | None:
    """The bloc a sheet name or title row ranks apart ('urban_district', 'ward' ...), else None.

    Example:
        >>> bloc_cue("Khối quận"), bloc_cue("KHỐI HUYỆN"), bloc_cue("Khối quận, huyện"), bloc_cue("Sở")
        ('urban_district', 'rural_district', None, None)
        >>> bloc_cue("KHỐI THÀNH PHỐ, THỊ XÃ"), bloc_cue("Khối huyện, thị xã, thành phố")
        ('towns', None)
    """
    match = _BLOC.search(fold_key(text))
    return kinds_bloc(match.group(1), match.group(2) and match.group(2).strip()) if match else None


def is_page_number(text: str) -> bool:
    """True for a line or row that is only a page number ("2", "- 2 -", "Trang 2", "2/5").

    Example:
        >>> [is_page_number(x) for x in ("2", "- 2 -", "Trang 2", "2/5", "Khối quận", "2020")]
        [True, True, True, True, False, False]
    """
    return bool(_PAGE_NUMBER.match(text.strip().lower()))


def is_max_row(unit_cell: str) -> bool:
    """True for the row that gives each column's maximum points ("Điểm tối đa", "Thang điểm").

    Example:
        >>> is_max_row("Điểm tối đa"), is_max_row("Quận Đồ Sơn")
        (True, False)
    """
    key = fold_key(unit_cell)
    return any(key == p or key.startswith(p + " ") for p in MAX_ROW_PREFIXES)


def a1(row: int, col: int) -> str:
    """Spreadsheet name of a 0-based (row, column) cell.

    Example:
        >>> a1(6, 3), a1(0, 27)
        ('D7', 'AB1')
    """
    letters, n = "", col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def is_summary_row(unit_cell: str) -> bool:
    """True for average, extreme and total rows ("Trung bình", "Điểm bình quân", "Cao nhất", "TB", "Cộng").

    Example:
        >>> is_summary_row("Trung bình khối quận, huyện"), is_summary_row("Cộng"), is_summary_row("Công Thương")
        (True, True, False)
        >>> [is_summary_row(x) for x in ("Điểm bình quân", "Thấp nhất", "TB", "Trung bình chung", "Thị xã Quảng Yên")]
        [True, True, True, True, False]
    """
    key = fold_key(unit_cell)
    return key in SUMMARY_WORDS or any(key == p or key.startswith(p + " ") for p in SUMMARY_PREFIXES)


# A footnote mark after a score: "85,13(*)", "84,90*" (the note under the table explains it).
_SCORE_MARK = re.compile(r"\s*(?:\(\s*\*+\s*\)|\*+)\s*$")


def parse_score_cell(cell: str) -> float | None:
    """A score cell as a number ('91,93', '91.93', '95,52%'); None when empty; ValueError when not one.

    Example:
        >>> parse_score_cell(" 91,93 "), parse_score_cell("95.52 %"), parse_score_cell(""), parse_score_cell("-")
        (91.93, 95.52, None, None)
        >>> parse_score_cell("91,50 điểm"), parse_score_cell("90,5đ"), parse_score_cell("85,13(*)")
        (91.5, 90.5, 85.13)
    """
    cleaned = _POINTS_WORD.sub("", _SCORE_MARK.sub("", cell)).replace("%", "").replace(" ", "").strip()
    if not cleaned or cleaned in ("-", "–", "—"):  # "-": nothing (no bonus, no deduction)
        return None
    if not _SCORE.match(cleaned):
        raise ValueError(f"not a score: {cell!r}")
    return parse_decimal(cleaned)


def parse_negative_cell(cell: str) -> float | None:
    """The magnitude of a number written with a minus sign ('-1,50' -> 1.5); None when the cell is not one.

    Example:
        >>> parse_negative_cell("-1,50"), parse_negative_cell("− 2"), parse_negative_cell("1,50")
        (1.5, 2.0, None)
    """
    text = cell.strip()
    if not text or text[0] not in "-−–":
        return None
    try:
        return parse_score_cell(text[1:])
    except ValueError:
        return None


def parse_rank_cell(cell: str) -> tuple[int | None, bool]:
    """(rank, written as tied) from '1', '06', 'Thứ 6', '6 (đồng hạng)', 'Đồng hạng 6', 'nhì'; ValueError if none.

    Example:
        >>> parse_rank_cell("06"), parse_rank_cell("6 (đồng hạng)"), parse_rank_cell("nhì"), parse_rank_cell("")
        ((6, False), (6, True), (2, False), (None, False))
        >>> parse_rank_cell("Đồng hạng 2"), parse_rank_cell("đồng hạng thứ 3")
        ((2, True), (3, True))
        >>> parse_rank_cell("Hạng 1"), parse_rank_cell("Hạng nhì"), parse_rank_cell("III"), parse_rank_cell("Xếp thứ 4")
        ((1, False), (2, False), (3, False), (4, False))
    """
    text = cell.strip().lower()
    if not text:
        return None, False
    tied = "đồng hạng" in text or "dong hang" in fold_key(text)
    if tied:  # "Đồng hạng 2", "(đồng hạng) 2": the words around the number only say it is shared
        text = re.sub(r"[()]|đồng hạng|dong hang", " ", text).strip(" ,:-")
    text = _RANK_WORD.sub("", text)  # "Hạng 1", "Hạng nhì", "Xếp thứ 3": the word only says it is a rank
    match = _RANK_DIGITS.match(text)
    rank = int(match.group(1)) if match else (_ROMAN.get(text) or parse_ordinal(text))
    if not rank:
        raise ValueError(f"not a rank: {cell!r}")
    return rank, tied


def holds_a_figure(cell: str) -> bool:
    """True for a cell that holds a number in digits or Vietnamese words ("0", "52,5", "năm mươi hai rưỡi").

    An unreadable rank that is still a number (rank 0, a score in the rank column) puts the row's
    other cells in doubt; other unreadable ranks ("Hạng ?", "x") do not.

    Example:
        >>> holds_a_figure("0"), holds_a_figure("năm mươi hai rưỡi"), holds_a_figure("Hạng ?"), holds_a_figure("x")
        (True, True, False, False)
    """
    words = fold_key(cell).split()
    return any(ch.isdigit() for ch in cell) or any(words_to_int(" ".join(words[:n])) for n in (1, 2, 3))


def is_decision_line(text: str) -> bool:
    """True for a line that cites the decision a table is attached to ("Kèm theo Quyết định số ...").

    Example:
        >>> is_decision_line("(Kèm theo Quyết định số 512/QĐ-UBND ngày 20 tháng 4 năm 2021 của UBND tỉnh)")
        True
        >>> is_decision_line("CHỈ SỐ CCHC NĂM 2020")
        False
    """
    return bool(_DECISION_LINE.search(fold_key(text)))


def stated_year(text: str) -> int | None:
    """The year a title or file name speaks of: 'năm YYYY' first, else a lone year (dates skipped).

    Example:
        >>> stated_year("Bảng điểm CCHC năm 2019 (công bố 06/05/2020)"), stated_year("diem-cchc-2018")
        (2019, 2018)
        >>> stated_year("Quyết định 05/2021/QĐ-UBND ngày 20 tháng 4 năm 2021"), stated_year("năm 2020 (5/2021)")
        (None, 2020)
    """
    folded = _WRITTEN_DATE.sub(" ", fold_key(_DATE.sub(" ", _DOCUMENT_NUMBER.sub(" ", text))))
    found = [(bool(m.group(1)), int(m.group(2))) for m in _YEAR.finditer(folded)]
    with_nam = [year for has_nam, year in found if has_nam]
    return (with_nam or [year for _, year in found] or [None])[0]


@lru_cache(maxsize=1)
def index_cues() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(index_code, folded cue words) from the ``dim_index`` seed, in seed order."""
    return tuple((r["index_code"], tuple(fold_key(c) for c in r["cues"].split("|") if c.strip()))
                 for r in index_rows())


_LABEL_NOISE = re.compile(r"\(?\s*(?:%|diem|ty le|muc do|chi so|chung|nam \d{4})\s*\)?")


def only_index_named(text: str, index: str) -> bool:
    """True when a column label names ``index`` and nothing else ("SIPAS (%)", "Chỉ số hài lòng", "Mức độ hài
    lòng chung (%)"), not one of its parts ("Hài lòng về phục vụ hành chính (%)").

    Example:
        >>> only_index_named("SIPAS (%)", "SIPAS"), only_index_named("Hài lòng về chính sách (%)", "SIPAS")
        (True, False)
    """
    rest = _LABEL_NOISE.sub(" ", fold_key(text))
    cues = dict(index_cues()).get(index, ())
    return any(rest.split() == cue.split() for cue in cues)


def index_named_in(text: str) -> str | None:
    """The index a text names; a specific index (SIPAS, SURVEY ...) wins over PAR's generic cues.

    Example:
        >>> index_named_in("Chỉ số hài lòng (%)"), index_named_in("diem-cchc-2019"), index_named_in("Điểm")
        ('SIPAS', 'PAR', None)
    """
    named = indices_named_in(text)
    specific = [code for code in named if code != "PAR"]
    return (specific or named or [None])[0]


def indices_named_in(text: str) -> list[str]:
    """Every index a text names, in seed order.

    Example:
        >>> indices_named_in("Kết quả Chỉ số CCHC và Chỉ số hài lòng năm 2020"), indices_named_in("Đơn vị")
        (['PAR', 'SIPAS'], [])
    """
    padded = f" {fold_key(text)} "
    return [code for code, cues in index_cues() if any(f" {cue} " in padded for cue in cues)]




# A change of place written in a cell: "Tăng 2 bậc", "↑2", "+2", "▼ 3", "Giảm 1", "Giữ nguyên", "0"
_MOVED = re.compile(r"\s*(?:(?P<up>tăng|lên|↑|▲|\+)|(?P<down>giảm|xuống|tụt|↓|▼|-|−|–))\s*(?P<n>\d{1,2})\s*"
                    r"(?:bậc|hạng|vị trí)?\s*(?:so với[^;]*)?", re.IGNORECASE)
_KEPT = re.compile(r"\s*(?:0|=|giữ nguyên(?:\s+(?:thứ hạng|vị trí|hạng))?|không (?:đổi|thay đổi))\s*", re.IGNORECASE)


def rank_change(cell: str) -> int | None:
    """Places a unit moved up since the year compared with, from a cell of a change column (negative: down);
    None for a cell that states no change of place (a score's change "+2,15", a blank, "-").

    Example:
        >>> [rank_change(c) for c in ("Tăng 2 bậc", "↑2", "+2", "▼ 3", "Giảm 1 bậc", "Giữ nguyên", "+2,15", "-", "")]
        [2, 2, 2, -3, -1, 0, None, None, None]
    """
    if _KEPT.fullmatch(cell):
        return 0
    m = _MOVED.fullmatch(cell)
    if m is None:
        return None
    return int(m.group("n")) * (1 if m.group("up") else -1)
