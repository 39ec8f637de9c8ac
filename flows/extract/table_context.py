"""What a table speaks of: its index and year (columns, titles, sheet and file name) and the columns it reads.

A title may name two indices ("Chỉ số CCHC và Chỉ số hài lòng năm 2020"): the headline column then
decides (points are PAR, a '%' column SIPAS). The survey index comes only from a survey column. A
line citing the decision ("Kèm theo Quyết định số ... ngày 20 tháng 4 năm 2021") dates the paper,
not the results. Columns of another year than the table's ("Xếp hạng năm 2020" beside "Xếp hạng năm
2021") are left out with a warning; so are the components of a non-PAR index that ``dim_criterion``
does not list (SIPAS components such as "Thủ tục hành chính" are not PAR field L3).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from functools import lru_cache

from flows.errors import ParindexError
from flows.extract.cells import indices_named_in, is_decision_line, only_index_named, stated_year
from flows.extract.header import FIGURE_ROLES, ROLE_CRITERION, Column
from flows.paths import SEED_DIR
from flows.seeds import index_rows
from flows.textnorm import fold, fold_key

_SINGLE_ROLES = ("unit", "total", "rank", "percent", "survey", "self", "appraised", "bonus", "penalty")
_ROLE_WORD = {"total": "score"}
# Words of a score column beside the year's published one: last year's, or before rounding.
_NOT_THE_HEADLINE = ("nam truoc", "nam ngoai", "ky truoc", "chua lam tron", "truoc lam tron", "truoc khi lam tron")
CRITERION_SEED = "warehouse/seeds/dim_criterion.csv"


@lru_cache(maxsize=1)
def index_criteria() -> frozenset[tuple[str, str]]:
    """(index_code, criterion_code) of every criterion in ``dim_criterion.csv``."""
    with open(SEED_DIR / "dim_criterion.csv", encoding="utf-8", newline="") as fh:
        return frozenset((r["index_code"], r["criterion_code"]) for r in csv.DictReader(fh))


def _score_unit(index: str) -> str | None:
    return next((r["score_unit"] for r in index_rows() if r["index_code"] == index), None)


def _headline_unit(columns: tuple[Column, ...]) -> str | None:
    """'percent' or 'points': what the headline column holds, None when the table has no score column."""
    totals = [c for c in columns if c.role == "total"]
    if totals:
        return "percent" if "%" in totals[0].label else "points"
    return "percent" if any(c.role == "percent" for c in columns) else None


def _pick(named: list[str], columns: tuple[Column, ...]) -> str:
    """One index of those a text names: the one measured as the headline column is, else the specific one."""
    if len(named) > 1:
        unit = _headline_unit(columns)
        named = [n for n in named if _score_unit(n) == unit] or named
    specific = [n for n in named if n != "PAR"]
    return (specific or named)[0]


def table_index(columns: tuple[Column, ...], titles: str, sheet: str | None, stem: str) -> str:
    """The index of a table: a score column naming one, else the titles, sheet name or file name; else PAR."""
    by_column = [named for column in columns if column.role in ("total", "percent")
                 and (named := indices_named_in(column.label))]
    # "Điểm điều tra xã hội học / Điểm đạt" before "Tổng điểm (Chỉ số CCHC)": the survey is a part of the index
    headline = [named for named in by_column if any(n != "SURVEY" for n in named)]
    if by_column:
        return _pick((headline or by_column)[0], columns)
    for text in (titles, sheet or "", stem):
        # SURVEY comes from a survey column only; "bao-cao-par-sipas-2024" names both: the headline column decides
        named = [n for n in _named_in_label(text) if n != "SURVEY"]
        if named and text == stem and _headline_unit(columns) is None and not _criteria_of(named, columns):
            break  # a workbook named after several tables; this sheet's components are of none of those named
        if named:
            return _pick(named, columns)
    return "PAR"


def _criteria_of(named: list[str], columns: tuple[Column, ...]) -> bool:
    """True when the table has no component column or one is a criterion of a named index."""
    codes = {c.criterion for c in columns if c.role == "component"}
    return not codes or any((n, code) in index_criteria() for n in named for code in codes)


def current_years(columns: tuple[Column, ...]) -> set[int]:
    """The years a table's figure and rank columns name as their own: not a comparison's ("so với năm 2020"),
    nor that of a column beside an un-yeared one of the same role ("Xếp hạng" + "Xếp hạng năm 2020": the
    un-yeared column is the current one, the other is another year's)."""
    roles = (*FIGURE_ROLES, "rank")
    plain = {c.role for c in columns if c.role in roles and not c.year}
    return {c.year for c in columns if c.year and c.role in roles and c.role not in plain}


def table_year(columns: tuple[Column, ...], titles: list[str], sheet: str | None, stem: str,
               year_hint: int | None, path: str, place: str, warnings: list[str]) -> int:
    """The year of a table: the one its columns name, else its titles (not a decision's date), sheet, file name."""
    column_years = sorted(current_years(columns))
    texts = (" ".join(t for t in titles if not is_decision_line(t)), sheet or "", stem)
    stated = next((y for y in map(stated_year, texts) if y), None)
    year = column_years[0] if len(column_years) == 1 else (stated or year_hint)
    if len(column_years) > 1:  # "Năm 2022 | Năm 2023": the folder's year, else the latest (each is read)
        year = year_hint if year_hint in column_years else column_years[-1]
    elif column_years and year not in column_years:
        year = column_years[-1]
    if year is None:
        raise ParindexError("the table names no year", path=path, place=place,
                              fix="put it under raw/<year>/ or name the year in a title row or the file name")
    if year_hint is not None and year != year_hint:
        warnings.append(f"{path}: the table speaks of {year} but its folder says {year_hint}; using {year}")
    return year


def _index_columns(columns: list[Column], index: str, path: str, place: Callable[[int], str],
                   warnings: list[str]) -> list[Column]:
    """In a non-PAR table: the column naming the index (else the lone '%' or score column) is the headline;
    other figure columns are read only as criteria of that index."""
    figures = [i for i, c in enumerate(columns) if c.role in FIGURE_ROLES]
    named = [i for i in figures if index in indices_named_in(columns[i].label) and columns[i].role != "component"]
    candidates = (named, [i for i in named if only_index_named(columns[i].label, index)],  # "SIPAS (%)" beside
                  [i for i in figures if columns[i].role == "percent"],                  # its factors' columns
                  [i for i in figures if columns[i].role == "total"])
    headline = next((found[0] for found in candidates if len(found) == 1), None)
    out = list(columns)
    for i in figures:
        column = columns[i]
        criterion = column.criterion if column.role == "component" else ROLE_CRITERION.get(column.role or "")
        if i == headline:
            out[i] = Column("total", "TOTAL", column.label, column.year)
        elif column.role == "survey":
            warnings.append(f"{path} {place(i)}: a survey column in a {index} table is not read")
            out[i] = Column("ignore", None, column.label)
        elif criterion == "TOTAL" and headline is None:
            continue  # several score columns and none names the index: the header check below decides
        elif criterion == "TOTAL" or (index, criterion) not in index_criteria():
            warnings.append(f"{path} {place(i)}: column {column.label!r} is a component of {index} with no "
                            f"criterion in {CRITERION_SEED}; not read — add the criterion there to read it")
            out[i] = Column("ignore", None, column.label)
    return out


def _keep_plain_headline(settled: list[Column], role: str, path: str, place: Callable[[int], str],
                         warnings: list[str]) -> None:
    """Of several headline columns, leave out those of last year or unrounded ("Điểm năm trước", "Tổng điểm
    (chưa làm tròn)"), or the points before a bonus beside the total ("Điểm đạt được | Điểm thưởng | Tổng
    điểm") with a warning, when one plain column (or "năm nay", or the "Tổng" one) is left."""
    found = [i for i, c in enumerate(settled) if c.role == role]
    aside = [i for i in found if any(w in fold_key(settled[i].label) for w in _NOT_THE_HEADLINE)]
    totals = [i for i in found if fold_key(settled[i].label).startswith("tong")]
    if not aside and len(found) > 1 and len(totals) == 1:
        aside = [i for i in found if i not in totals]
    if len(found) > 1 and len(found) - len(aside) == 1:
        kept = next(i for i in found if i not in aside)
        for i in aside:
            warnings.append(f"{path} {place(i)}: column {settled[i].label!r} is not the published figure of the "
                            f"year (that is {settled[kept].label!r}); not read")
            settled[i] = Column("ignore", None, settled[i].label)


def _named_in_label(label: str) -> list[str]:
    """The indices a label, title or file name names; "PAR" written alone too ("Xếp hạng PAR",
    "bao-cao-par-sipas-2024").

    Example:
        >>> _named_in_label("Xếp hạng PAR"), _named_in_label("bao-cao-par-sipas-2024"), _named_in_label("Sở Tư pháp")
        (['PAR'], ['SIPAS', 'PAR'], [])
    """
    named = indices_named_in(label)
    return [*named, "PAR"] if "PAR" not in named and _PAR_ALONE.search(label) else named


_PAR_ALONE = re.compile(r"(?<![^\W_])par(?![^\W_])", re.IGNORECASE)


def split_index_groups(columns: tuple[Column, ...], index: str, path: str, place: Callable[[int], str],
                       warnings: list[str]) -> tuple[tuple[Column, ...], dict[str, tuple[Column, ...]]]:
    """Columns grouped under the indices their headers name ("Chỉ số CCHC" over "Điểm | Xếp hạng", "Chỉ số
    SIPAS" over "Tỷ lệ (%) | Xếp hạng"): (the table index's columns, {other index: its columns}).

    Another index's group is read when it is clean (one score and at most one rank column), else left out
    with a warning. A table naming one index (or none) in its columns is returned as it is, with no group.
    """
    named = {i: found[0] for i, c in enumerate(columns) if c.role in (*FIGURE_ROLES, "rank") and c.role != "survey"
             and len(found := [n for n in _named_in_label(c.label) if n != "SURVEY"]) == 1}
    for i, c in enumerate(columns):  # "Chỉ số CCHC (%) | Xếp hạng | Chỉ số SIPAS (%) | Xếp hạng": each index's rank
        if c.role == "rank" and i not in named and i - 1 in named and columns[i - 1].role in ("total", "percent"):
            named[i] = named[i - 1]
    groups = sorted(set(named.values()) - {index})
    if not groups or index not in named.values():
        return columns, {}

    def only(group: str) -> tuple[Column, ...]:  # the table index keeps the columns that name no index
        return tuple(Column("ignore", None, c.label) if named.get(i, index) != group and c.role not in (
            None, "ignore", "unit") else c for i, c in enumerate(columns))

    others = {}
    for group in groups:
        own = [columns[i] for i, g in named.items() if g == group]
        headlines = [c for c in own if c.role in ("total", "percent")]
        if len(headlines) == 1 and len(own) - 1 == sum(c.role == "rank" for c in own) <= 1:
            others[group] = only(group)
        else:
            warnings.append(f"{path} {place(min(i for i, g in named.items() if g == group))}: the columns of {group} "
                            f"({', '.join(repr(c.label) for c in own)}) are not one score and one rank; not read")
    return only(index), others


_OF_POINTS = re.compile(r"\bdiem\b|\bty le\b|%")  # "Tăng/giảm điểm so với năm 2020": a change of score


def settle_columns(columns: tuple[Column, ...], index: str, year: int, path: str, place: Callable[[int], str],
                   warnings: list[str]) -> tuple[Column, ...]:
    """The columns a table reads, with the headline settled: a lone '%' or appraised column is the total."""
    settled = list(columns)
    for i, column in enumerate(columns):
        if column.role == "compare" and not _OF_POINTS.search(fold(column.label)):
            # "Tăng/giảm bậc so với năm 2020", "Thay đổi": a change of place, read beside the row's rank
            settled[i] = Column("rank_change", None, column.label, column.year)
        elif column.role == "compare":  # named with the year it compares to: said, lest it seem the table's year
            if column.year:
                warnings.append(f"{path} {place(i)}: column {column.label!r} is a change against {column.year}, "
                                "not a figure of the table's year; not read")
            settled[i] = Column("ignore", None, column.label)
        elif column.role == "ignore" and fold(column.label).strip().startswith("ghi chu"):
            settled[i] = Column("rank_change", None, column.label, column.year)  # "Ghi chú: Tăng 2 bậc"
        elif column.role == "component" and column.criterion is None:
            warnings.append(f"{path} {place(i)}: column {column.label!r} is a component of {index} with no "
                            f"criterion in {CRITERION_SEED}; not read — add the criterion there to read it")
            settled[i] = Column("ignore", None, column.label)
        elif column.year and column.year != year and column.role not in (None, "ignore", "unit", "bloc"):
            warnings.append(f"{path} {place(i)}: column {column.label!r} gives {column.year}, not the table's "
                            f"{year}; not read")
            settled[i] = Column("ignore", None, column.label)
        elif column.role == "subcriterion":  # read only as a criterion of its own, never as its field
            if (index, column.criterion) in index_criteria():
                settled[i] = Column("component", column.criterion, column.label, column.year, column.max_points)
            else:
                warnings.append(f"{path} {place(i)}: column {column.label!r} is a sub-criterion (tiêu chí thành "
                                f"phần) with no criterion {column.criterion} in {CRITERION_SEED}; not read — "
                                "add the criterion there to read it")
                settled[i] = Column("ignore", None, column.label)
    if index != "PAR":
        settled = _index_columns(settled, index, path, place, warnings)
    for role in ("total", "percent"):
        _keep_plain_headline(settled, role, path, place, warnings)
    roles = [c.role for c in settled]
    for role in _SINGLE_ROLES:
        if roles.count(role) > 1:
            raise ParindexError(
                f"the header has {roles.count(role)} {_ROLE_WORD.get(role, role)} columns", path=path,
                place=place(0), fix="keep one unit, one score and one rank column per table (one table per "
                                    "index and year; a column of another year is named 'Năm 2020')")
    codes = [c.criterion for c in settled if c.role == "component"]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        raise ParindexError(f"two columns score criterion {code}", path=path, place=place(0),
                              fix="name each component column after its own lĩnh vực "
                                  "(see warehouse/seeds/dim_criterion.csv)")
    reached = any(c.role == "total" and fold_key(c.label).startswith(("tong diem dat duoc", "diem dat duoc"))
                  for c in settled)  # "Tổng điểm đạt được" beside "Chỉ số CCHC (%)": the named index is the headline
    if "percent" in roles and "total" in roles and ("maximum" in roles or reached and any(
            c.role == "percent" and index in indices_named_in(c.label) for c in settled)):
        # "Điểm tối đa | Tổng điểm đạt được | Chỉ số (%)": units reach different maxima, the percent is the index
        for i, c in enumerate(settled):
            if c.role == "total":
                warnings.append(f"{path} {place(i)}: column {c.label!r} gives points out of each unit's own "
                                "maximum; the percent column is the index, this one is not read")
                settled[i] = Column("ignore", None, c.label)
        roles = [c.role for c in settled]
    promote = None
    if "total" not in roles:
        promote = "percent" if "percent" in roles else ("appraised" if "survey" not in roles else None)
    return tuple(Column("total", "TOTAL", c.label, c.year) if promote and c.role == promote else c for c in settled)
