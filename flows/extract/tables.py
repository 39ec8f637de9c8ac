"""Table extraction: a grid of cells (one per sheet, page table, HTML table or CSV) -> facts.

``extract_grid`` is the one entry point every tabular format uses: the CSV, Excel, PDF and HTML
readers only turn their input into a grid (rows of cell strings, merged cells expanded) and say how
to name a cell in messages. Columns are found by what their header says, over one to three header
rows (see ``header.py``); each row gives a ``'TOTAL'`` fact with the rank, and one fact per
component column with its ``criterion`` code from ``dim_criterion``. Survey columns ("Điểm điều tra
XHH") become facts of the SURVEY index. Title rows, the sheet name and the file name tell the
index, the year and the bloc; average, total and footnote rows are skipped.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from flows.errors import ParindexError
from flows.extract.cells import (
    SECTION_NUMBER,
    a1,
    bloc_cue,
    holds_a_figure,
    index_named_in,
    indices_named_in,
    is_max_row,
    is_page_number,
    is_summary_row,
    parse_negative_cell,
    parse_rank_cell,
    parse_score_cell,
    rank_change,
)
from flows.extract.header import FIGURE_ROLES, Column, Header, find_header
from flows.extract.interpret import lifetime
from flows.extract.scope import bloc_of
from flows.extract.table_context import settle_columns, split_index_groups, table_index, table_year
from flows.extract.table_transposed import turn
from flows.extract.table_units import column_kinds, listed_kinds, resolve_unit_cell
from flows.gazetteer import Gazetteer, same_province
from flows.textnorm import fold, fold_key, normalize_text

ALIAS_SEED = "warehouse/seeds/dim_unit_alias.csv"
DELIMITERS = (";", "\t", "|", ",")
CellPlace = Callable[[int, int], str]
RowText = Callable[[int], tuple[str, list[int] | None]]


def _default_place(sheet: str | None) -> CellPlace:
    return (lambda r, c: f"'{sheet}'!{a1(r, c)}") if sheet else (lambda r, c: a1(r, c))


def _row_text(row: list[str]) -> str:
    """The evidence of a grid row: its non-empty cells, merged repeats once, ' | '-separated."""
    cells = [c for i, c in enumerate(row) if c and (i == 0 or c != row[i - 1])]
    return " | ".join(cells)


def _reject(check: str, value: str, place: str, span: list[int] | None, message: str, **extra: Any) -> dict:
    return {"check": check, "value": value, "place": place, "span": span, "message": message, **extra}


def _unknown_unit(name: str, path: str, place: str, span: list[int] | None, gazetteer: Gazetteer,
                  province: str | None, year: int) -> dict[str, Any]:
    """The reject for a unit cell that names no unit of the gazetteer (or none that existed then)."""
    candidates = gazetteer.closest(name, province)
    if resolve_unit_cell(name, gazetteer, province, None) is not None:
        return _reject("unit_not_valid", name, place, span,
                       f"unit {name!r} in {path} {place} did not exist in {year} — check the year "
                       "of the table or the unit's valid_from/valid_to in warehouse/seeds/dim_unit.csv",
                       candidates=candidates)
    if province is None and len(gazetteer.provinces_of_name(name)) > 1:
        return _reject("unknown_unit", name, place, span,
                       f"{name!r} in {path} {place} is a unit of several provinces and the table does not say which: "
                       "name the province in a title line or in the file's name, or put the file under "
                       "raw/<year>/<province>/ (e.g. raw/2022/dong-thap/)", candidates=candidates)
    closest = f"closest: {', '.join(candidates)}" if candidates else "no close match"
    return _reject("unknown_unit", name, place, span,
                   f"unknown unit {name!r} in {path} {place} — {closest}; add an alias to {ALIAS_SEED}",
                   candidates=candidates)


_SECTION_NUMBER = re.compile(SECTION_NUMBER + r"\.?")  # in the rank column: "A;CÁC SỞ, BAN, NGÀNH"


def _joint_commune_ranks(facts: list[dict]) -> None:
    """Wards and communes ranked in one sequence in a table (rank 3 a commune's, 4 a ward's: no rank given twice)
    are one commune-level bloc, as one ranking of a province's xã and phường (in place)."""
    ranks: dict[tuple, dict[str, set]] = {}
    for f in facts:
        if f["bloc"] in ("ward", "commune") and f["rank"] is not None:
            ranks.setdefault((f["index"], f["year"]), {}).setdefault(f["bloc"], set()).add(f["rank"])
    joint = {key for key, by_bloc in ranks.items()
             if len(by_bloc) == 2 and not by_bloc["ward"] & by_bloc["commune"]}
    for f in facts:
        if f["bloc"] in ("ward", "commune") and (f["index"], f["year"]) in joint:
            f["bloc"] = "commune_level"


def titled_province(titles: list[str], gazetteer: Gazetteer) -> str | None:
    """The one province a table's titles name ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "... của các sở, ban, ngành tỉnh
    Thái Nguyên"), if they name exactly one: the province whose units the rows are.

    Example:
        >>> titled_province(["ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "CHỈ SỐ CCHC NĂM 2022 CỦA CÁC SỞ"], Gazetteer.load())
        'Quảng Ninh'
        >>> titled_province(["Chỉ số CCHC của Quảng Ninh và Hải Phòng"], Gazetteer.load()) is None
        True
    """
    found = {gazetteer.units[m.unit_id].province for m in gazetteer.find_mentions(" ".join(titles))
             if gazetteer.units[m.unit_id].unit_kind == "province"}
    return found.pop() if len(found) == 1 else None


def named_province(path: str, gazetteer: Gazetteer) -> str | None:
    """The one province a file's name spells ("dong-thap-2022-so-nganh.csv", "DongThap_2022.xlsx"), if exactly one.

    Example:
        >>> named_province("phu-luc/dong-thap-2022-so-nganh.csv", Gazetteer.load())
        'Đồng Tháp'
        >>> named_province("so-sanh-ha-nam-ha-noi.csv", Gazetteer.load()) is None
        True
    """
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", PurePath(path).stem)  # "DongThap" -> "Dong-Thap"
    spelt = "-" + "-".join(w for w in re.split(r"[^a-z]+", fold(stem).lower()) if w) + "-"
    found = sorted(((len(slug), province) for slug, province in gazetteer.province_slugs.items()
                    if f"-{slug}-" in spelt or f"-{slug.replace('-', '')}-" in spelt), reverse=True)
    # "thua-thien-hue" holds "hue": one province under two names
    return found[0][1] if len({same_province(p) for _, p in found}) == 1 else None


def extract_grid(grid: list[list[str]], *, path: str, gazetteer: Gazetteer, year_hint: int | None,
                 province_hint: str | None, sheet: str | None = None, title_lines: list[str] | None = None,
                 cell_place: CellPlace | None = None, row_text: RowText | None = None,
                 outer_titles: list[str] | None = None, index_group: str | None = None,
                 year_group: int | None = None) -> dict[str, Any]:
    """Facts from one table grid: a 'TOTAL' fact (with the rank) and one fact per component per unit row.

    ``cell_place(row, col)`` names a cell in messages ("'Khối huyện'!D7", "line 7"); ``row_text(row)``
    gives a row's evidence and span (default: its cells joined with ' | ', no span). A second table
    stacked under the first (a title row, then a header of its own) is read as a table of its own;
    ``outer_titles`` (the first table's titles) then give its index and year when its title names none.
    Column groups of two indices ("Chỉ số CCHC | Xếp hạng" beside "Chỉ số SIPAS | Xếp hạng") are read
    one index at a time: ``index_group`` names the other index a second reading is for. Figures of several
    years ("Năm 2021 | Năm 2022 | Năm 2023", "Tổng điểm" beside "Xếp hạng năm 2019") are read one year at a
    time the same way: ``year_group`` names the year a reading is for. A table printed in two halves side by
    side ("Xếp hạng | Đơn vị | Tổng điểm | Xếp hạng | Đơn vị | Tổng điểm") is read half by half.
    """
    place = cell_place or _default_place(sheet)
    grid = [[normalize_text(str(c or "")).strip() for c in row] for row in grid]
    header = find_header(grid)
    if province_hint is None and header is not None:  # "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" over a table of its sở
        province_hint = titled_province([*(title_lines or []), *(outer_titles or []),
                                         *(_row_text(row) for row in grid[:header.row] if any(row))], gazetteer)
    halves = _side_by_side(header) if header and index_group is None and year_group is None else None
    if halves:
        above = [*(title_lines or []), *(_row_text(row) for row in grid[:header.row] if any(row))]
        parts, (count, width) = [], halves
        for start in range(0, count * width, width):
            half = [[] for _ in range(header.row)] + [row[start:start + width] for row in grid[header.row:]]
            parts.append(extract_grid(half, path=path, gazetteer=gazetteer, year_hint=year_hint,
                                      province_hint=province_hint, sheet=sheet, title_lines=above,
                                      cell_place=lambda r, c, start=start: place(r, c + start), row_text=row_text,
                                      outer_titles=outer_titles))
        merged = merge_results(parts)
        merged["warnings"] = list(dict.fromkeys(merged["warnings"]))  # a title's note once, not once per part
        return merged
    split = _next_table(grid, header.end) if header else None
    if split is not None:
        common = {"path": path, "gazetteer": gazetteer, "year_hint": year_hint, "province_hint": province_hint,
                  "sheet": sheet, "cell_place": place, "row_text": row_text}
        first = extract_grid(grid[:split], title_lines=title_lines, outer_titles=outer_titles, **common)
        above = [*(title_lines or []), *(_row_text(row) for row in grid[:header.row] if any(row))]
        rest = extract_grid([[] for _ in range(split)] + grid[split:], outer_titles=above, **common)
        return merge_results([first, rest])
    if header is None and index_group is None and (turned := turn(grid, gazetteer, province_hint, year_hint)):
        # the units across a row and "Tổng điểm", "Xếp hạng" down the first column: read turned
        above = [*(title_lines or []), *(_row_text(row) for row in grid[:turned.unit_row] if any(row))]
        result = extract_grid(turned.grid, path=path, gazetteer=gazetteer, year_hint=year_hint,
                              province_hint=province_hint, sheet=sheet, title_lines=above,
                              cell_place=turned.place(place), row_text=turned.row_text(row_text, grid),
                              outer_titles=outer_titles)
        result["warnings"].insert(0, f"{path} {place(turned.unit_row, 0)}: the units are in a row and the figures "
                                     "down the columns (a transposed table); read column by column")
        return result
    if header is None:
        first = next((r for r, row in enumerate(grid) if any(row)), 0)
        raise ParindexError(
            "no header row with a unit column ('Đơn vị') and a score or rank column "
            "('Tổng điểm', 'Xếp hạng')", path=path, place=place(first, 0),
            fix="put a header row such as 'STT;Đơn vị;Tổng điểm;Xếp hạng' above the data")
    warnings: list[str] = []
    titles = [t for t in [*(title_lines or []), *(_row_text(row) for row in grid[:header.row] if any(row))]
              if not is_page_number(t)]
    title_text, stem = " ".join(titles), PurePath(path).stem
    outer = outer_titles or []
    index_text = title_text if indices_named_in(title_text) or not outer else " ".join([*outer, title_text])
    header = _yearly_columns(header, " ".join([index_text, sheet or "", stem]), path, place, warnings,
                             grid[header.end:])
    index = table_index(header.columns, index_text, sheet, stem)
    year = table_year(header.columns, [*titles, *outer], sheet, stem, year_hint, path, place(header.row, 0),
                      warnings)
    other_years = sorted({c.year for c in header.columns if c.year and c.role in _YEAR_OWN} - {year})
    if year_group is not None:  # one more year's figures: its own columns only
        year, other_years = year_group, []
    header = replace(header, columns=tuple(
        Column("ignore", None, c.label) if c.role in (*FIGURE_ROLES, "rank") and c.year != year
        and (year_group is not None or c.year in other_years) else c for c in header.columns))
    primary, others = split_index_groups(header.columns, index, path, lambda c: place(header.row, c), warnings)
    if index_group is not None:
        primary, index = others[index_group], index_group
    columns = settle_columns(primary, index, year, path, lambda c: place(header.row, c), warnings)
    warnings[:0] = [f"{path} {place(header.row, c)}: column {col.label!r} is not read"
                    for c, col in enumerate(columns) if col.role is None and col.label]
    cue = next((c for c in (bloc_cue(sheet or ""), bloc_cue(title_text)) if c), None)
    # "KHỐI THÀNH PHỐ, THỊ XÃ" anywhere: the towns are ranked apart, "KHỐI HUYỆN" is the rest
    bloc_col = next((i for i, c in enumerate(columns) if c.role == "bloc"), None)  # "Khối" cells: a row's bloc
    towns = "towns" in (cue, *(bloc_cue(cell) for row in grid for i, cell in enumerate(row)
                               if cell and (i < 2 or i == bloc_col)))
    unit_col = columns.index(next(c for c in columns if c.role == "unit"))
    rank_col = next((i for i, c in enumerate(columns) if c.role == "rank"), None)
    # a change of place gives the year before's rank, unless the table states that rank itself ("Xếp hạng 2022")
    change_col = next((i for i, c in enumerate(columns) if c.role == "rank_change"), None) if not (
        other_years or year_group is not None) else None
    figure_cols = [i for i, c in enumerate(columns) if c.role in FIGURE_ROLES]
    label_col = _index_label_column(grid[header.end:], figure_cols)
    if label_col is not None:  # "Chỉ số CCHC" / "Chỉ số SIPAS (%)" in a cell: the index of the row's figures
        figure_cols.remove(label_col)
    header_unit = grid[header.row][unit_col]
    kinds = column_kinds(header_unit) or listed_kinds(title_text)  # "Xã, phường", "Phường": a bare name is one
    maxima = {c: col.max_points for c, col in enumerate(columns) if col.max_points is not None}
    header_rows = {_trimmed(grid[i]) for i in range(header.row, header.end)}  # repeated on a later page
    first_row = next((r for r in range(header.end, len(grid)) if any(grid[r])), None)
    # the rows' numbers ("STT"), the places of a table in score order that has no rank column
    number_col = next((i for i, c in enumerate(columns[:unit_col]) if c.role == "ignore"
                       and fold_key(c.label) in _NUMBER_LABELS), None) if rank_col is None else None
    numbers: dict[int, int] = {}  # id of a headline fact -> its row's number
    facts: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    for r in range(header.end, len(grid)):
        row = grid[r] + [""] * (len(columns) - len(grid[r]))
        if not any(row) or _trimmed(row) in header_rows:
            continue
        evidence, span = row_text(r) if row_text else (_row_text(row), None)
        unit_cell = row[unit_col]
        filled = {c for c in row if c}
        if len(filled) == 1 and sum(1 for c in row if c) > 1 or unit_cell == header_unit:
            cue = bloc_cue(next(iter(filled))) or cue  # a merged title, section or footnote row
            continue
        if is_max_row(unit_cell) or r == first_row and _is_unlabelled_max_row(row, figure_cols):
            maxima = {c: v for c in figure_cols if (v := _number_or_none(row[c])) is not None}
            continue
        cells = {c: row[c] for c in figure_cols if row[c]}
        rank_cell = row[rank_col] if rank_col is not None else ""
        for c, cell in list(cells.items()):  # "89,12 (3)": the headline score with its rank
            if columns[c].role in ("total", "percent") and (both := _SCORE_AND_RANK.fullmatch(cell.strip())):
                cells[c] = both.group(1)
                rank_cell = rank_cell or both.group(2)
        if not unit_cell and not holds_a_figure(" ".join([*cells.values(), rank_cell])):
            continue  # "KT. CHỦ TỊCH", "(Đã ký)" under a figure column: a signature, no figure
        if not unit_cell and (cells or rank_cell):
            rejects.append(_reject("missing_unit", evidence, place(r, unit_col), span,
                                   f"a figure with no unit in {path} {place(r, unit_col)} — fill in the unit cell"))
            continue
        if not unit_cell or is_summary_row(unit_cell):
            continue
        if not cells and (not rank_cell or _SECTION_NUMBER.fullmatch(rank_cell)):
            cue = bloc_cue(unit_cell) or cue  # a section label such as "Khối quận" ("A;CÁC SỞ, BAN, NGÀNH")
            continue
        scores: dict[int, float | None] = {}
        for c, cell in cells.items():
            try:
                scores[c] = parse_score_cell(cell)
            except ValueError:
                negative = parse_negative_cell(cell)
                if negative is not None and columns[c].role == "penalty":
                    scores[c] = negative  # "-1,50" điểm trừ: PENALTY points are subtracted, stored as 1.5
                    continue
                fix = ("scores are never negative; check the figure in the source (a deduction belongs in a "
                       "'Điểm trừ' column)") if negative is not None else "write it as 91,93 or 91.93"
                rejects.append(_reject("score_format", cell, place(r, c), span,
                                       f"score {cell!r} of {unit_cell!r} in {path} {place(r, c)} is not a "
                                       f"{'positive ' if negative is not None else ''}number — {fix}"))
        headline_ok = all(c in scores for c in cells if columns[c].role == "total")
        try:
            rank, written_tied = parse_rank_cell(rank_cell)
        except ValueError:
            rejects.append(_reject("rank_format", rank_cell, place(r, rank_col or 0), span,
                                   f"rank {rank_cell!r} of {unit_cell!r} in {path} {place(r, rank_col or 0)} is "
                                   "not a rank — write it as a number (1, 2, 02)"))
            # the row's score is still a fact, without its rank, unless the rank cell is a figure that cannot
            # be a rank (0, a score): then the row's cells are in doubt
            rank, written_tied, headline_ok = None, False, headline_ok and not holds_a_figure(rank_cell)
        if not any(v is not None for v in scores.values()) and rank is None:
            continue
        row_kinds = column_kinds(row[bloc_col]) if bloc_col is not None and row[bloc_col] else ()
        unit = resolve_unit_cell(unit_cell, gazetteer, province_hint, year, row_kinds or kinds)  # "Phường | Uông Bí"
        if unit is None:
            rejects.append(_unknown_unit(unit_cell, path, place(r, unit_col), span, gazetteer, province_hint, year))
            continue
        if not unit.valid_at_end_of(year):  # a year's index is assessed for the units that exist after it
            rejects.append(_reject(
                "unit_not_valid", unit_cell, place(r, unit_col), span,
                f"{lifetime(unit, year)}, but "
                f"{path} {place(r, unit_col)} gives it a {year} figure; check the year of the table, the unit's "
                "kind (a ward or commune of that name?) or its validity in warehouse/seeds/dim_unit.csv",
                candidates=[unit.name_vi]))
            continue
        row_index = (index_named_in(row[label_col]) if label_col is not None else None) or index
        row_cue = (bloc_cue(row[bloc_col]) if bloc_col is not None else None) or cue
        base = {"unit": unit.name_vi, "unit_id": unit.unit_id, "unit_kind": unit.unit_kind, "index": row_index,
                "year": year, "criterion": "TOTAL", "bloc": bloc_of(unit, row_cue, gazetteer, year, towns),
                "score": None, "score_min": None, "score_max": None, "rank": None, "tied": False, "basis": "stated",
                "evidence": evidence, "span": span}
        total_col = next((c for c in figure_cols if columns[c].role == "total"), None)
        percent_col = next((c for c in figure_cols if columns[c].role == "percent"), None)
        points_col = None
        if (percent_col is not None and total_col is not None and maxima.get(total_col) not in (None, 100.0)
                and scores.get(percent_col) is not None):
            # a "Điểm tối đa" row giving 95 under "Tổng điểm" and 100 under "Chỉ số (%)": the percent is the index
            points_col, total_col = total_col, percent_col
        if headline_ok and (scores.get(total_col) is not None or rank is not None):
            facts.append({**base, "score": scores.get(total_col), "rank": rank, "tied": written_tied,
                          "place": place(r, total_col if total_col is not None else rank_col or 0)})
            if number_col is not None and row[number_col].strip().isdigit():
                numbers[id(facts[-1])] = int(row[number_col])
            if rank is not None and change_col is not None and (up := rank_change(row[change_col])) is not None \
                    and rank + up >= 1:
                # "Tăng 2 bậc", "↑2", "+2" beside rank 1: third the year before (the year the column names, else
                # the one before the table's)
                facts.append({**base, "year": columns[change_col].year or year - 1, "rank": rank + up,
                              "basis": "implied", "place": place(r, change_col)})
        for c, score in scores.items():
            if c in (total_col, points_col) or score is None or row_index != index:  # components: the table's index
                continue
            survey = columns[c].role == "survey"
            facts.append({**base, "index": "SURVEY" if survey else index,
                          "criterion": "TOTAL" if survey else columns[c].criterion, "score": score,
                          "place": place(r, c), **_max(maxima, c)})
    if not facts and not rejects:
        warnings.append(f"{path} {place(header.row, 0)}: the table has a header but no unit rows under it; "
                        "nothing was read — check that the data rows were not cut off")
    if numbers:
        _ranks_by_number(facts, numbers)
    _joint_commune_ranks(facts)
    shared = Counter((f["index"], f["bloc"], f["rank"]) for f in facts if f["rank"] is not None)
    for fact in facts:
        fact["tied"] = fact["tied"] or shared[(fact["index"], fact["bloc"], fact["rank"])] > 1
    for group in others if index_group is None else ():  # the rows again, for the other index's columns
        again = extract_grid(grid, path=path, gazetteer=gazetteer, year_hint=year_hint, province_hint=province_hint,
                             sheet=sheet, title_lines=title_lines, cell_place=place, row_text=row_text,
                             outer_titles=outer_titles, index_group=group)
        facts += again["facts"]
        rejects += [r for r in again["rejects"] if r["check"] in ("score_format", "rank_format")]
    for other in other_years if index_group is None else ():  # the rows again, for another year's columns
        try:
            again = extract_grid(grid, path=path, gazetteer=gazetteer, year_hint=year_hint,
                                 province_hint=province_hint, sheet=sheet, title_lines=title_lines, cell_place=place,
                                 row_text=row_text, outer_titles=outer_titles, year_group=other)
        except ParindexError as error:
            warnings.append(f"{path} {place(header.row, 0)}: the columns of {other} are not read: {error}")
            continue
        facts += again["facts"]
        rejects += [r for r in again["rejects"] if r["check"] in ("score_format", "rank_format", "unknown_unit")
                    and not any(r["place"] == own["place"] for own in rejects)]
    provinces = {gazetteer.units[f["unit_id"]].province for f in facts}
    province = province_hint or (next(iter(provinces)) if len(provinces) == 1 else None)
    if province_hint is None and not provinces and rejects and all(r["check"] == "unknown_unit" for r in rejects):
        # "dong-thap-2022-so-nganh.csv": no unit placed and none named its province, but the file's name does
        province = named_province(path, gazetteer)
    if province_hint is None and province is not None and any(r["check"] == "unknown_unit" for r in rejects):
        # "Huyện Châu Thành" (of several provinces) among units only Long An has: read again as Long An's table
        return extract_grid(grid, path=path, gazetteer=gazetteer, year_hint=year_hint, province_hint=province,
                            sheet=sheet, title_lines=title_lines, cell_place=cell_place, row_text=row_text,
                            outer_titles=outer_titles, index_group=index_group, year_group=year_group)
    return {"source": {"title": None, "province": province}, "facts": facts, "leader_ratings": [],
            "claims": [], "warnings": warnings, "rejects": rejects}


_NUMBER_LABELS = frozenset({"stt", "tt", "so tt", "so thu tu", "no", "#"})
_MIN_NUMBERED = 4  # fewer rows fall in score order by chance too often


def _ranks_by_number(facts: list[dict[str, Any]], numbers: dict[int, int]) -> None:
    """A table without a rank column whose rows are numbered 1, 2, ... in falling score order is the ranking:
    each row's number is its place ("implied"; the rows of a long table may be left out: "..."); equal scores one
    after the other share the first's place. Not when the numbers start again (sections) or a score rises.

    Example:
        >>> rows = [{"criterion": "TOTAL", "index": "PAR", "year": 2024, "bloc": "department", "score": s,
        ...          "rank": None, "tied": False, "basis": "stated"} for s in (92.8, 91.7, 91.7, 80.4)]
        >>> _ranks_by_number(rows, {id(f): n for f, n in zip(rows, (1, 2, 3, 16))})
        >>> [(f["rank"], f["tied"]) for f in rows]
        [(1, False), (2, True), (2, True), (16, False)]
    """
    for rows in headline_groups(facts):
        got = [numbers.get(id(f)) for f in rows]
        if (len(rows) < _MIN_NUMBERED or None in got or got[0] != 1 or not falling(rows)
                or any(a >= b for a, b in zip(got, got[1:], strict=False))):
            continue
        give_places(list(zip(got, rows, strict=True)))


def headline_groups(facts: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A table's headline facts by (index, year, bloc), in row order: each one ranking."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for f in facts:
        if f["criterion"] == "TOTAL":
            groups.setdefault((f["index"], f["year"], f["bloc"]), []).append(f)
    return list(groups.values())


def falling(rows: list[dict[str, Any]]) -> bool:
    """True for rows with no rank yet whose scores fall (or stay) down the rows: an order a place can follow."""
    scores = [f["score"] for f in rows]
    return None not in scores and not any(f["rank"] is not None for f in rows) and not any(
        a < b for a, b in zip(scores, scores[1:], strict=False))


def give_places(held: list[tuple[int, dict[str, Any] | None]]) -> None:
    """Each (place, fact) its place, "implied" (in place); equal scores one after the other share the first's place;
    a fact of None holds its place for a unit not known."""
    before: dict[str, Any] | None = None
    for place, f in held:
        if f is None:
            before = None
            continue
        shared = before is not None and before["score"] == f["score"]
        f["rank"], f["basis"] = before["rank"] if shared else place, "implied"
        if shared:
            before["tied"] = f["tied"] = True
        before = f


# Roles whose column, named with a year, gives that year's figures a reading of their own.
_YEAR_OWN = ("total", "percent", "rank", "appraised")


def _yearly_columns(header: Header, names: str, path: str, place: CellPlace, warnings: list[str],
                    rows: list[list[str]]) -> Header:
    """Columns headed by a year alone ("Năm 2021") are that year's score when the table names its index
    (in a title, the sheet or the file name), its rank when every cell is a whole number ("Thứ hạng Chỉ số CCHC
    qua 5 năm": 1, 3, 2, ...); else they are not read, with a warning."""
    yearly = [c for c, column in enumerate(header.columns) if column.role == "yearly"]
    if not yearly:
        return header
    named = indices_named_in(names)
    if not named:
        warnings.append(f"{path} {place(header.row, yearly[0])}: columns headed only by a year are read as scores "
                        "when the table names its index; this one names none, so they are not read — name the index "
                        "(Chỉ số CCHC, Chỉ số hài lòng) in the title")

    def role(c: int) -> tuple[str, str | None]:
        if not named:
            return "ignore", None
        cells = [row[c].strip() for row in rows if c < len(row) and row[c].strip()]
        return ("rank", None) if len(cells) > 1 and all(_PLACE_CELL.fullmatch(x) for x in cells) else ("total", "TOTAL")

    return replace(header, columns=tuple(Column(*role(i), c.label, c.year) if c.role == "yearly" else c
                                         for i, c in enumerate(header.columns)))


_PLACE_CELL = re.compile(r"\d{1,3}")
_SCORE_AND_RANK = re.compile(r"(\d{1,3}(?:[.,]\d{1,3})?\s*%?)\s*\(\s*(?:thứ|hạng|xếp thứ)?\s*(\d{1,3})\s*\)",
                             re.IGNORECASE)  # "89,12 (3)": a score and its rank in one cell


def _side_by_side(header: Header) -> tuple[int, int] | None:
    """(number of parts, columns in each) of a table printed in parts side by side (the same columns twice or
    more, each part with its unit column); None for a table of one unit column."""
    units = [i for i, c in enumerate(header.columns) if c.role == "unit"]
    if len(units) < 2:
        return None
    width = units[1] - units[0]
    columns = list(header.columns)
    while len(columns) > width * len(units) and not columns[-1].label:
        columns.pop()
    if units[0] >= width or len(columns) != width * len(units):
        return None
    first = [(c.role, c.label) for c in columns[:width]]
    same = all([(c.role, c.label) for c in columns[k * width:(k + 1) * width]] == first for k in range(len(units)))
    return (len(units), width) if same and any(role in FIGURE_ROLES or role == "rank" for role, _ in first) else None


def _is_title_row(row: list[str]) -> bool:
    """True for a row holding one text (merged or in one cell) that is not a number: a title or section."""
    filled = {c for c in row if c}
    return len(filled) == 1 and not is_page_number(text := next(iter(filled))) and _number_or_none(text) is None


def _next_table(grid: list[list[str]], start: int) -> int | None:
    """The first title row of a second table stacked in the grid below ``start``: title rows, then a header."""
    for r in range(start, len(grid)):
        if not _is_title_row(grid[r]) or (r > start and _is_title_row(grid[r - 1])):
            continue
        below = r + 1
        while below < len(grid) and (not any(grid[below]) or _is_title_row(grid[below])):
            below += 1
        found = find_header(grid[below:below + 4]) if below < len(grid) else None
        if found is not None and found.row == 0:
            return r
    return None


def _stacked_headers(grid: list[list[str]]) -> list[tuple[int, int]]:
    """(first row, width) of the header of every table stacked in a grid."""
    found, offset = [], 0
    while (header := find_header(grid[offset:])) is not None:
        found.append((offset + header.row, len(header.columns)))
        split = _next_table(grid, offset + header.end)
        if split is None:
            break
        offset = split
    return found


def _index_label_column(rows: list[list[str]], figure_cols: list[int]) -> int | None:
    """The figure column whose cells name, row by row, the index the row's figures measure ("Chỉ số CCHC",
    "Chỉ số SIPAS (%)" for the two rows of one unit); None when no column does."""
    for c in figure_cols:
        cells = [row[c] for row in rows if c < len(row) and row[c] and any(
            _number_or_none(row[o]) is not None for o in figure_cols if o != c and o < len(row) and row[o])]
        if cells and all(indices_named_in(x) and _number_or_none(x) is None for x in cells):
            return c
    return None


def _trimmed(row: list[str]) -> tuple[str, ...]:
    """A row without its trailing empty cells, to compare rows of different widths."""
    cells = list(row)
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def _is_unlabelled_max_row(row: list[str], figure_cols: list[int]) -> bool:
    """True for a row of numbers under the figure columns only (no STT, unit or rank): each column's maximum
    printed right under the header without its "Điểm tối đa" label."""
    numbers = [c for c in figure_cols if _number_or_none(row[c]) is not None]
    return len(numbers) > 1 and all(not cell or c in numbers for c, cell in enumerate(row))


def _number_or_none(cell: str) -> float | None:
    try:
        return parse_score_cell(cell)
    except ValueError:
        return None


def _max(maxima: dict[int, float], col: int | None) -> dict[str, float]:
    """The column's maximum points from a "Điểm tối đa" row, as an extra fact field, when there is one."""
    return {"max_points": maxima[col]} if col in maxima else {}


def merge_results(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One contract from the results of several tables of a document (sheets, pages)."""
    provinces = {p["source"].get("province") for p in parts} - {None}
    merged: dict[str, Any] = {"source": {"title": None, "province": provinces.pop() if len(provinces) == 1 else None}}
    for key in ("facts", "leader_ratings", "claims", "warnings", "rejects"):
        merged[key] = [item for p in parts for item in p.get(key, [])]
    return merged


def _records(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The CSV's records: a line whose quotes are left open ("Tổng / điểm" written with Alt+Enter in Excel) goes
    on over the next lines, kept with their line breaks (the record is still the text at its span)."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        number, start, line = lines[i]
        k = i
        while line.count('"') % 2 and k + 1 < len(lines) and k - i < 3:  # a stray quote spans three lines at most
            k += 1
            line = f"{line}\n{lines[k][2]}"
        if line.count('"') % 2:  # never closed: the lines as they are
            k, line = i, lines[i][2]
        out.append((number, start, line))
        i = k + 1
    return out


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, start offset, line text) of every line."""
    out, start = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        out.append((number, start, line))
        start += len(line) + 1
    return out


def _cells(line: str, delimiter: str) -> list[str]:
    return [c.strip() for c in next(csv.reader([line.replace("\n", " ")], delimiter=delimiter), [])]


def _delimiter(lines: list[tuple[int, int, str]], gazetteer: Gazetteer, year: int | None,
               province: str | None) -> str:
    """The delimiter whose grid has a header of the most kinds of column, then the earliest (';' when none has
    one: the error comes later). A title line with a comma ("... CỦA CÁC BỘ, CƠ QUAN NGANG BỘ") above a
    ';' header splits into a "header" under ',': the real header names more columns, and the rows under a
    title read as a header mostly have more cells than it. A table with its units in a row (transposed) under
    one delimiter wins over such a doubtful header under another."""
    found = []
    for delimiter in DELIMITERS:
        grid = [_cells(line, delimiter) for _, _, line in lines]
        header = find_header(grid)
        if header is not None:
            named = len({c.role for c in header.columns} - {None, "ignore"})
            rows = [len(_trimmed(row)) for row in grid[header.end:] if any(row)]
            doubtful = sum(n > len(header.columns) for n in rows) * 2 > len(rows)
            found.append((2 if doubtful else 0, -named, header.row, DELIMITERS.index(delimiter), delimiter))
        elif turn(grid, gazetteer, province, year) is not None:
            found.append((1, 0, 0, DELIMITERS.index(delimiter), delimiter))
    return min(found)[4] if found else DELIMITERS[0]


def extract_csv(text: str, path: str, gazetteer: Gazetteer, year_hint: int | None,
                province_hint: str | None) -> dict[str, Any]:
    """Facts from a CSV table of unit scores: evidence the row's line, place 'line N'."""
    # Normalization turns tabs into spaces; parse a copy that keeps them (same offsets).
    with_tabs = "\t".join(normalize_text(piece) for piece in text.split("\t"))
    lines = _records(_lines(with_tabs))
    delimiter = _delimiter(lines, gazetteer, year_hint, province_hint)
    grid = [_cells(line, delimiter) for _, _, line in lines]
    headers = _stacked_headers(grid)
    rejects = []
    for r, (number, start, line) in enumerate(lines):
        cells = grid[r]
        above = [(first, w) for first, w in headers if first <= r]
        width = above[-1][1] if above else max((w for _, w in headers), default=0)
        while len(cells) > width and not cells[-1]:
            cells.pop()
        if above and len(cells) > width:
            rejects.append(_reject(
                "row_format", line.replace("\t", " "), f"line {number}", [start, start + len(line)],
                f"row has {len(cells)} cells but the header has {width} in {path} line {number} — "
                "quote decimal commas (\"91,93\") or use ';' as the delimiter"))
            grid[r] = []

    def row_text(r: int) -> tuple[str, list[int]]:
        _, start, line = lines[r]
        return line.replace("\t", " "), [start, start + len(line)]  # evidence: a substring of the text

    result = extract_grid(grid, path=path, gazetteer=gazetteer, year_hint=year_hint, province_hint=province_hint,
                          cell_place=lambda r, _c: f"line {lines[r][0]}", row_text=row_text)
    result["rejects"] = rejects + result["rejects"]
    return result
