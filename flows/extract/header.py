"""Table headers by meaning: which column holds the unit, the total, the rank or a component score.

A header may run over two or three rows with merged cells ("Điểm các lĩnh vực" over "1 ... 8",
"Tổng điểm" over "Điểm tự đánh giá | Điểm thẩm định"). Each column gets the path of labels above
it; the lowest label that means something decides the column's role. Component names and their
criterion codes come from the ``dim_criterion`` seed (its ``cues`` column), not from Python.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from flows.paths import SEED_DIR
from flows.textnorm import fold_key

# Folded label -> role; matched whole or as the first words of a longer label.
PREFIX_ROLES: dict[str, tuple[str, ...]] = {
    "ignore": ("stt", "tt", "so tt", "so thu tu", "ghi chu", "thang diem", "xep loai",
               "nhom", "ma don vi", "don vi tinh", "dvt", "muc xep loai",
               "no", "no.", "#", "note", "notes", "grade", "group", "code"),  # English tables
    # the points a unit could reach ("Điểm tối đa" per row: criteria that do not apply to it are left out)
    "maximum": ("diem toi da", "tong diem toi da", "so diem toi da", "diem chuan"),
    # a change since another year ("Tăng, giảm bậc so với năm 2020"): left out with a warning, never the year's
    "compare": ("tang giam", "tang bac", "giam bac", "so sanh", "thay doi", "chenh lech", "bien dong",
                "change", "rank change", "movement", "+/-"),
    "bloc": ("khoi",),  # "Khối" over "Khối quận | Khối huyện" cells: each row's bloc
    "unit": ("ten don vi", "don vi", "ten co quan", "co quan", "dia phuong", "ten dia phuong",
             # English: "Unit", "Province", "Province/city", "District", "Ministry/agency", "Name"
             "unit", "units", "province", "provinces", "locality", "localities", "district", "districts",
             "department", "departments", "agency", "agencies", "ministry", "ministries", "commune", "communes",
             "ward", "wards", "name", "city"),
    "rank": ("xep hang", "thu hang", "hang", "vi tri", "xep thu", "thu tu xep hang",
             "rank", "ranking", "position", "place"),
    "total": ("tong diem", "tong so diem", "diem", "diem so", "ket qua", "tong", "tong cong", "diem dat duoc",
              "so diem", "dat duoc", "score", "total score", "overall score", "points", "total", "result"),
    "percent": ("chi so", "ty le", "ti le", "muc do hai long chung", "ty le hai long chung", "percent",
                "satisfaction", "index"),
    "group": ("diem cac linh vuc", "cac linh vuc", "linh vuc", "diem thanh phan", "tieu chi",
              "chi so thanh phan", "diem theo linh vuc", "diem danh gia cac linh vuc"),
}
# Folded words found anywhere in a label -> role (checked before the prefixes).
CONTAINED_ROLES: dict[str, tuple[str, ...]] = {
    "self": ("tu danh gia", "tu cham"),
    "appraised": ("tham dinh",),
    "survey": ("dieu tra xa hoi hoc", "dieu tra xhh", "xhh"),
    "bonus": ("diem thuong", "diem cong"),
    "penalty": ("diem tru",),
    "ignore": ("xep loai",),  # "Kết quả xếp loại": a grade (Tốt, Khá), not a score
}
ROLE_CRITERION = {"self": "SELF_ASSESSED", "appraised": "APPRAISED", "bonus": "BONUS", "penalty": "PENALTY",
                  "percent": "PERCENT", "total": "TOTAL"}
# Roles whose column holds a figure of the unit (the others: unit, rank, ignore).
FIGURE_ROLES = ("total", "percent", "self", "appraised", "survey", "bonus", "penalty", "component")
_NUMBERED = re.compile(r"^(?:linh vuc|lv|tieu chi|tc)\s*(?:so\s*)?(\d{1,2}|[ivx]{1,4})$")
_BARE_NUMBER = re.compile(r"^\(?(\d{1,2}|[ivx]{1,4})\)?\.?$")
_NUMBERING_CELL = re.compile(r"^\(?(?:\d{1,2}|[a-z])\)?(?:\s*=.*)?$")
_DECIMAL = re.compile(r"\d[.,]\d")
# A sub-criterion (tiêu chí thành phần) numbered under its field: "1.1", "2.3." under "Lĩnh vực 2".
_SUBCRITERION = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?$")
# The maximum a column's header gives: "Lĩnh vực 1 (6,5 điểm)", "LV1 (7đ)", "Tổng điểm (tối đa 100 điểm)".
_MAX_IN_LABEL = re.compile(r"\s*\(\s*(?:tối đa|tđ)?\s*:?\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:điểm|đ)\s*\)\s*$", re.IGNORECASE)
_COLUMN_YEAR = re.compile(r"\b(?:nam )?((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)")  # "Thứ hạng năm 2024", "Thứ hạng 2024"
# A label that is only a year ("Năm 2021", "2022"): the figure of that year, when nothing above says more.
_YEAR_ONLY = re.compile(r"^(?:nam )?((?:19|20)\d\d)$")
# A part of the year ("Quý III", "6 tháng đầu năm", "Đợt 2"): a period's figure, not the year's.
_PERIOD = re.compile(r"^(?:quy (?:\d|i{1,3}|iv)|\d{1,2} thang(?: dau nam| cuoi nam)?|dot \d|ky \d)$")
# The year's figure over its periods ("Bình quân", "Cả năm"): the score label above it decides.
_AVERAGE = ("binh quan", "trung binh", "ca nam", "binh quan ca nam", "trung binh ca nam", "chung")
# A unit column may be headed by the kinds of unit it lists: "Sở, ban, ngành", "Huyện, thị xã, thành phố".
_UNIT_KINDS = ("so", "ban", "nganh", "quan", "huyen", "thi xa", "thanh pho", "xa", "phuong", "thi tran",
               "dac khu", "don vi", "co quan", "dia phuong", "ubnd", "cap huyen", "cap xa", "tinh", "bo",
               "co quan ngang bo", "ngang bo")
# A unit column headed by kind words without a list ("Quận", "Tên huyện", "Bộ, cơ quan ngang bộ"), matched with
# their diacritics: "Số đơn vị" (a count) is not "Sở".
_KINDS_VI = ("sở", "ban", "ngành", "quận", "huyện", "thị xã", "thành phố", "xã", "phường", "thị trấn", "đặc khu",
             "bộ", "cơ quan ngang bộ", "ubnd", "cấp huyện", "cấp xã", "tỉnh", "đơn vị", "cơ quan", "địa phương")
_UNIT_KIND_WORDS = re.compile(rf"^(?:tên |các )?(?:{'|'.join(_KINDS_VI)})(?:(?: và | )(?:{'|'.join(_KINDS_VI)}))*$")
# Words of a label grouping the factors of an index ("Chỉ số hài lòng theo các yếu tố (%)"): its sub-columns
# are components, never the headline.
_FACTOR_GROUP = ("yeu to",)
_UNIT_KIND_LIST = re.compile(rf"^(?:ten |cac )?(?:{'|'.join(_UNIT_KINDS)})(?:(?: va | )(?:{'|'.join(_UNIT_KINDS)}))*$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


@dataclass(frozen=True)
class Column:
    """One column of a table: its role, the criterion it scores, and the header text above it."""

    role: str | None
    criterion: str | None = None
    label: str = ""
    year: int | None = None  # the year a label names ("Xếp hạng năm 2020", "Năm 2021" under "Tổng điểm")
    max_points: float | None = None  # the maximum a label gives ("Lĩnh vực 1 (6,5 điểm)")


@dataclass(frozen=True)
class Header:
    """Where a table's header sits in its grid and what each column holds."""

    row: int  # first header row
    end: int  # first row after the header (data, or a max-points row)
    columns: tuple[Column, ...]

    def index(self, role: str) -> int | None:
        """The column of a role, None when the table has none."""
        return next((i for i, c in enumerate(self.columns) if c.role == role), None)


@lru_cache(maxsize=1)
def criterion_cues() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(index_code, criterion_code, folded cues) of the named components in ``dim_criterion.csv``."""
    with open(SEED_DIR / "dim_criterion.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["criterion_code"] not in ROLE_CRITERION.values()]
    return tuple((r["index_code"], r["criterion_code"], tuple(fold_key(c) for c in r["cues"].split("|") if c.strip()))
                 for r in rows if r["cues"] and r["criterion_code"] not in ("APPRAISED", "SELF_ASSESSED",
                                                                            "BONUS", "PENALTY"))


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else _ROMAN.get(text)


def max_in_label(label: str) -> float | None:
    """The maximum points a header label gives in brackets, None when it gives none.

    Example:
        >>> max_in_label("Lĩnh vực 1 (6,5 điểm)"), max_in_label("LV2 (7đ)"), max_in_label("Tổng điểm (tối đa 100 điểm)")
        (6.5, 7.0, 100.0)
        >>> max_in_label("Lĩnh vực 1") is None
        True
    """
    found = _MAX_IN_LABEL.search(label)
    return float(found.group(1).replace(",", ".")) if found else None


def label_role(label: str) -> tuple[str | None, str | None]:
    """(role, criterion or number) of one header label.

    Example:
        >>> [label_role(x) for x in ["Tên đơn vị", "Cải cách TTHC", "Lĩnh vực 2", "3", "Chỉ số (%)"]]
        [('unit', None), ('component', 'L3'), ('component', 'L2'), ('number', '3'), ('percent', 'PERCENT')]
        >>> label_role("Điểm điều tra XHH"), label_role("Tổng điểm thẩm định"), label_role("Vùng")
        (('survey', None), ('appraised', 'APPRAISED'), (None, None))
        >>> [label_role(x)[0] for x in ["Tên sở, ban, ngành", "Huyện, thị xã, thành phố", "Xã, phường", "Sở Y tế"]]
        ['unit', 'unit', 'unit', None]
        >>> [label_role(x)[0] for x in ["Phường", "Tên huyện", "Bộ, cơ quan ngang bộ", "UBND cấp huyện", "Khối"]]
        ['unit', 'unit', 'unit', 'unit', 'bloc']
        >>> label_role("Tăng (+), giảm (-) bậc so với năm 2020"), label_role("Chỉ số hài lòng theo các yếu tố (%)")
        (('compare', None), ('factors', None))
        >>> label_role("Lĩnh vực 1 (6,5 điểm)"), label_role("LV8 (23đ)")
        (('component', 'L1'), ('component', 'L8'))
    """
    label = _MAX_IN_LABEL.sub("", label)
    sub = _SUBCRITERION.match(label.strip())
    if sub:
        return "subcriterion", f"{int(sub.group(1))}.{int(sub.group(2))}"
    key = fold_key(label)
    if not key:
        return None, None
    if _YEAR_ONLY.match(key):
        return "yearly", None
    if _PERIOD.match(key):
        return "period", None
    if key in _AVERAGE:
        return "average", None
    if any(f" {w} " in f" {key} " for w in _FACTOR_GROUP):
        return "factors", None
    if " so voi " in f" {key} " or any(key == w or key.startswith(w + " ") for w in PREFIX_ROLES["compare"]):
        return "compare", None  # "Tăng (+), giảm (-) bậc so với năm 2020", "Ghi chú (so với năm 2020)"
    if key in PREFIX_ROLES["bloc"]:
        return "bloc", None
    if "%" in label and not any(w in key for words in CONTAINED_ROLES.values() for w in words):
        return "percent", "PERCENT"
    if key == "toi da":  # "Tối đa | Đạt được" under a group; not "Tối đa 15", the maximum of the column above
        return "maximum", None
    for role in ("maximum", "ignore", "unit", "rank"):
        if any(key == w or key.startswith(w + " ") for w in PREFIX_ROLES[role]):
            return role, None
    listed = any(sep in label for sep in (",", "/", " và ")) and _UNIT_KIND_LIST.match(key)
    if listed or _UNIT_KIND_WORDS.match(" ".join(re.sub(r"[,/]", " ", label.lower()).split())):
        return "unit", None  # "Sở, ban, ngành", "Quận", "Tên huyện", "UBND cấp huyện" (not "Số đơn vị")
    numbered = _NUMBERED.match(key)
    if numbered and _number(numbered.group(1)):
        return "component", f"L{_number(numbered.group(1))}"
    bare = _BARE_NUMBER.match(key)
    if bare and _number(bare.group(1)):
        return "number", str(_number(bare.group(1)))
    for role, words in CONTAINED_ROLES.items():
        if any(f" {w} " in f" {key} " for w in words):
            return role, ROLE_CRITERION.get(role)
    padded = f" {key} "
    named = [(len(cue), code) for _, code, cues in criterion_cues() for cue in cues if f" {cue} " in padded]
    if named:
        return "component", max(named)[1]
    candidates = [(w, role) for role in ("group", "percent", "total") for w in PREFIX_ROLES[role]]
    for word, role in sorted(candidates, key=lambda c: len(c[0]), reverse=True):
        if key == word or key.startswith(word + " "):
            return role, ROLE_CRITERION.get(role)
    if _INDEX_LABEL.match(key):  # "PAR INDEX 2024", "SIPAS 2024": the index's own figure
        return "total", "TOTAL"
    return None, None


_INDEX_LABEL = re.compile(r"(?:par index|par|sipas)(?: (?:19|20)\d\d)?$")


def column_role(labels: list[str]) -> Column:
    """The role of a column from its labels, top to bottom: the lowest meaningful label decides.

    Example:
        >>> column_role(["Điểm các lĩnh vực", "4"])
        Column(role='component', criterion='L4', label='Điểm các lĩnh vực / 4', year=None, max_points=None)
        >>> column_role(["Cải cách thể chế", "Điểm thẩm định"]).criterion
        'L2'
        >>> column_role(["Tổng điểm", "Năm 2020"])
        Column(role='total', criterion='TOTAL', label='Tổng điểm / Năm 2020', year=2020, max_points=None)
        >>> column_role(["Lĩnh vực 1 (6,5 điểm)"]).max_points
        6.5
    """
    path = [x for i, x in enumerate(labels) if x and (i == 0 or x != labels[i - 1])]
    label = " / ".join(path)
    years = [int(m.group(1)) for x in path if (m := _COLUMN_YEAR.search(fold_key(x)) or _YEAR_ONLY.match(fold_key(x)))]
    column = _column_role(path, label)
    # a label wrapped over header lines, its lines naming nothing ("Công tác" / "chỉ đạo," / "điều hành") or a
    # generic score ("Điểm thẩm" / "định"): read as one (not "Lĩnh vực 1" / "Cộng": the field's own subtotal)
    if len(path) > 1 and (column.role is None or (column.role in ("total", "percent")
                                                  and label_role(path[-1])[0] is None)):
        whole = label_role(" ".join(path))[0]
        if whole in (*FIGURE_ROLES, "rank", "unit") and whole != column.role:
            column = _column_role([" ".join(path)], label)
    maxima = [m for x in path if (m := max_in_label(x)) is not None]
    if maxima and column.role is not None:
        column = replace(column, max_points=maxima[-1])
    return replace(column, year=years[-1]) if years and column.role is not None else column


def _column_role(path: list[str], label: str) -> Column:
    roles = [label_role(x) for x in path]
    if any(r == "factors" for r, _ in roles[:-1]) and roles[-1][0] in (None, "total", "percent", "component"):
        # a factor under "... theo các yếu tố": a component (its criterion when a cue names one), not the headline
        return Column("component", roles[-1][1] if roles[-1][0] == "component" else None, label)
    for depth in range(len(roles) - 1, -1, -1):
        role, detail = roles[depth]
        above = [r for r in roles[:depth]]
        if role == "number":
            if any(r == "group" for r, _ in above):
                return Column("component", f"L{detail}", label)
            continue
        if role == "subcriterion":  # "1.1" under "Lĩnh vực 1": a part of L1, not L1
            field = next((d for r, d in reversed(above) if r == "component"), f"L{detail.split('.')[0]}")
            return Column("subcriterion", f"{field}.{detail.split('.')[1]}", label)
        if role in ("self", "appraised") and any(r == "component" for r, _ in above):
            code = next(d for r, d in reversed(above) if r == "component")
            return Column("component" if role == "appraised" else "ignore", code, label)
        if role in ("group", "factors", "yearly", "average"):
            continue
        if role == "period":  # "Quý III" under "Chỉ số hài lòng (%)": not the year's figure
            return Column("ignore", None, label)
        if role is not None:
            return Column(role, detail, label)
    if any(r == "yearly" for r, _ in roles):  # "Năm 2021" alone: the year's figure, if the table names its index
        return Column("yearly", None, label)
    return Column(None, None, label)


def _fill_from_left(rows: list[list[str]]) -> list[list[str]]:
    """Upper header rows with merged cells written once: a blank inherits its left neighbour."""
    filled = [list(r) for r in rows]
    for r in range(len(filled) - 1):
        for c in range(1, len(filled[r])):
            below = filled[r + 1][c] if c < len(filled[r + 1]) else ""
            if not filled[r][c] and filled[r][c - 1] and below:
                filled[r][c] = filled[r][c - 1]
    return filled


def is_numbering(cell: str) -> bool:
    """True for a column-numbering cell under a header: '2', '(2)', 'B', '(5)=(3)+(4)'.

    Example:
        >>> is_numbering("(2)"), is_numbering("(5)=(3)+(4)"), is_numbering("Quận Lê Chân"), is_numbering("")
        (True, True, False, False)
    """
    return bool(_NUMBERING_CELL.match(cell.strip().lower()))


def _continues(row: list[str], unit_col: int, unit_label: str, above: list[str]) -> bool:
    """True when a row under a header row is more header (merged cells, sub-labels, numbering).

    A decimal ends the header (a maxima or data row) unless it is a maximum in brackets or the number of
    a sub-criterion ("1.1", "1.2") under a field label of the row ``above``.
    """
    cell = row[unit_col] if unit_col < len(row) else ""
    if cell and cell != unit_label and not is_numbering(cell):
        return False
    fields = [label_role(x)[0] in ("group", "component") for x in _fill_from_left([above, row])[0]]
    subs = [c for c, x in enumerate(row) if _SUBCRITERION.match(x.strip())]
    under_field = len(subs) > 1 and all(c < len(fields) and fields[c] for c in subs)
    return not any(_DECIMAL.search(_MAX_IN_LABEL.sub("", x)) and not (under_field and c in subs)
                   for c, x in enumerate(row))


def _named_parts(labels_rows: list[list[str]], columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """Columns under one score label ("Mức độ hài lòng (%)") that are named parts of it ("Tiếp cận dịch vụ |
    Thủ tục hành chính"): two sub-columns or more with names of no role are components, not the headline."""
    if len(labels_rows) < 2:
        return columns
    top, leaves = labels_rows[0], labels_rows[-1]
    out = list(columns)
    runs: dict[str, list[int]] = {}
    for c, column in enumerate(columns):
        label = top[c] if c < len(top) else ""
        leaf = leaves[c] if c < len(leaves) else ""
        if (label and leaf and leaf != label and column.role in ("total", "percent", "component")
                and _names_a_part(leaf)):
            runs.setdefault(label, []).append(c)
    for cols in runs.values():
        if len(cols) > 1:
            for c in cols:
                if columns[c].role != "component":
                    out[c] = Column("component", None, columns[c].label)
    return tuple(out)


def _names_a_part(leaf: str) -> bool:
    """True for a sub-label naming a part of a score ("Tiếp cận dịch vụ", "Kết quả giải quyết công việc"), not a
    score word alone ("Tổng điểm"), a rank or a year."""
    role, key = label_role(leaf)[0], fold_key(leaf)
    if _COLUMN_YEAR.search(key):
        return False
    return role in (None, "component") or role == "total" and key not in PREFIX_ROLES["total"]


def find_header(grid: list[list[str]], max_depth: int = 3) -> Header | None:
    """The first header of a grid (one to three rows), None when no row names a unit and a figure."""
    for r, row in enumerate(grid):
        units = [c for c, cell in enumerate(row) if label_role(cell)[0] == "unit"]
        if not units:
            continue
        end = r + 1
        while end < len(grid) and end - r < max_depth and _continues(grid[end], units[0], row[units[0]], grid[end - 1]):
            end += 1
        if end < len(grid) and units[0] < len(grid[end]) and is_numbering(grid[end][units[0]]):
            end += 1  # a column-numbering row under a full-depth header: "(1) (2) ... (6)=(4)+(5)"
        top = r - 1 if r and end - r < max_depth and _groups_row(grid[r - 1], units[0]) else r
        block = [grid[i] for i in range(top, end)]
        numbering = [b for b in block[1:] if units[0] < len(b) and is_numbering(b[units[0]])]
        labels_rows = _fill_from_left([b for b in block if not any(b is n for n in numbering)])
        width = max(len(b) for b in block)
        columns = tuple(column_role([lr[c] if c < len(lr) else "" for lr in labels_rows]) for c in range(width))
        columns = _named_parts(labels_rows, columns)
        roles = [col.role for col in columns]
        if "unit" in roles and any(role in roles for role in (*FIGURE_ROLES, "rank", "yearly")):
            if None in roles and end - r == 1 and r + 1 < len(grid):
                # a title line split at its commas ("Chỉ số CCHC năm 2021 các huyện, thị xã, thành phố tỉnh A") over
                # the real header: the row under it that names more columns, none unread
                later = find_header(grid[r + 1:r + 3], max_depth)
                named = len({role for role in roles} - {None, "ignore"})
                if later is not None and None not in (c.role for c in later.columns) and len(
                        {c.role for c in later.columns} - {None, "ignore"}) > named:
                    return Header(later.row + r + 1, later.end + r + 1, later.columns)
            return Header(top, end, columns)
    return None


# what a label over a group of columns names: an index, a year, a kind of score ("Chỉ số CCHC | Chỉ số hài lòng")
GROUP_LABEL = re.compile(r"(?i)chỉ số|cchc|\bpar\b|sipas|hài lòng|cải cách|\b(?:19|20)\d\d\b|thẩm định|tự đánh giá"
                          r"|điều tra|index|satisfaction")


def _groups_row(row: list[str], unit_col: int) -> bool:
    """True for a row over a header that labels only groups of its figure columns, each label written once over
    the columns it spans (a Markdown or plain-text table: "|  |  | Chỉ số CCHC |  | Chỉ số hài lòng |  |").

    Example:
        >>> _groups_row(["", "", "Chỉ số CCHC", "", "SIPAS", ""], 1), _groups_row(["Phụ lục I", "", ""], 1)
        (True, False)
    """
    labels = [cell for cell in row[unit_col + 1:] if cell.strip()]
    return (not any(cell.strip() for cell in row[:unit_col + 1]) and bool(labels)
            and all(len(cell) <= 60 for cell in labels) and any(GROUP_LABEL.search(cell) for cell in labels))
