"""Table extraction: a CSV of unit scores -> one fact per data row.

Columns are found by what their header says, not by position ("Đơn vị", "Tổng điểm", "Xếp hạng";
"STT" is ignored), the delimiter may be ';', tab or ',', and scores may use a decimal comma. Rows
above the header are title rows: they (with the score header and the file name) tell the index
and the year. Average and total rows are skipped; a row naming no known unit goes to the rejects.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from flows.errors import ParindexError
from flows.gazetteer import Gazetteer
from flows.numerals import parse_decimal, parse_ordinal
from flows.paths import SEED_DIR
from flows.textnorm import fold_key, normalize_text

ALIAS_SEED = "warehouse/seeds/dim_unit_alias.csv"
DELIMITERS = (";", "\t", ",")
# Folded header text -> column role; matched whole, or as the first words of a longer header.
HEADER_ROLES: dict[str, tuple[str, ...]] = {
    "ignore": ("stt", "tt", "so tt", "so thu tu", "ghi chu", "diem toi da", "thang diem", "xep loai",
               "nhom", "ma don vi"),
    "unit": ("ten don vi", "don vi", "ten co quan", "co quan", "dia phuong", "ten dia phuong"),
    "rank": ("xep hang", "thu hang", "hang", "vi tri", "xep thu"),
    "score": ("tong diem", "diem", "diem so", "ket qua", "chi so", "ty le"),
}
# A unit cell that starts with these words is a summary row, not a unit.
SUMMARY_PREFIXES = ("trung binh", "tong cong", "tong so", "binh quan", "diem trung binh", "tong diem")
SUMMARY_WORDS = ("cong", "tong")
_SCORE = re.compile(r"^\d{1,3}(?:[.,]\d+)?$")
_RANK_DIGITS = re.compile(r"^(?:thứ\s*)?0*(\d{1,3})\b")
_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*(?:\d{1,2}\s*[/.-]\s*)?(?:19|20)\d\d\b")
_YEAR = re.compile(r"\b(nam )?((?:19|20)\d\d)\b")


def header_role(cell: str) -> str | None:
    """The role of a header cell: 'unit', 'score', 'rank', 'ignore', or None when unknown.

    Example:
        >>> [header_role(c) for c in ["STT", "Tên đơn vị", "Tổng điểm (%)", "Xếp hạng", "Ghi chú", "Vùng"]]
        ['ignore', 'unit', 'score', 'rank', 'ignore', None]
    """
    key = fold_key(cell)
    candidates = [(word, role) for role, words in HEADER_ROLES.items() for word in words]
    for word, role in sorted(candidates, key=lambda c: len(c[0]), reverse=True):
        if key == word or key.startswith(word + " "):
            return role
    return None


def is_summary_row(unit_cell: str) -> bool:
    """True for average and total rows ("Trung bình", "Tổng cộng", "Cộng").

    Example:
        >>> is_summary_row("Trung bình khối quận, huyện"), is_summary_row("Cộng"), is_summary_row("Công Thương")
        (True, True, False)
    """
    key = fold_key(unit_cell)
    return key in SUMMARY_WORDS or any(key == p or key.startswith(p + " ") for p in SUMMARY_PREFIXES)


def parse_score_cell(cell: str) -> float | None:
    """A score cell as a number ('91,93', '91.93', '95,52%'); None when empty; ValueError when not one.

    Example:
        >>> parse_score_cell(" 91,93 "), parse_score_cell("95.52 %"), parse_score_cell("")
        (91.93, 95.52, None)
    """
    cleaned = cell.replace("%", "").replace(" ", "").strip()
    if not cleaned:
        return None
    if not _SCORE.match(cleaned):
        raise ValueError(f"not a score: {cell!r}")
    return parse_decimal(cleaned)


def parse_rank_cell(cell: str) -> tuple[int | None, bool]:
    """(rank, written as tied) from '1', '06', 'Thứ 6', '6 (đồng hạng)', 'nhì'; ValueError if none.

    Example:
        >>> parse_rank_cell("06"), parse_rank_cell("6 (đồng hạng)"), parse_rank_cell("nhì"), parse_rank_cell("")
        ((6, False), (6, True), (2, False), (None, False))
    """
    text = cell.strip().lower()
    if not text:
        return None, False
    tied = "đồng hạng" in text or "dong hang" in fold_key(text)
    match = _RANK_DIGITS.match(text)
    rank = int(match.group(1)) if match else parse_ordinal(text)
    if not rank:
        raise ValueError(f"not a rank: {cell!r}")
    return rank, tied


def stated_year(text: str) -> int | None:
    """The year a title or file name speaks of: 'năm YYYY' first, else a lone year (dates skipped).

    Example:
        >>> stated_year("Bảng điểm CCHC năm 2019 (công bố 06/05/2020)"), stated_year("diem-cchc-2018")
        (2019, 2018)
    """
    found = [(bool(m.group(1)), int(m.group(2))) for m in _YEAR.finditer(fold_key(_DATE.sub(" ", text)))]
    with_nam = [year for has_nam, year in found if has_nam]
    return (with_nam or [year for _, year in found] or [None])[0]


@lru_cache(maxsize=1)
def index_cues() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(index_code, folded cue words) from the ``dim_index`` seed, in seed order."""
    with open(SEED_DIR / "dim_index.csv", encoding="utf-8", newline="") as fh:
        return tuple((r["index_code"], tuple(fold_key(c) for c in r["cues"].split("|") if c.strip()))
                     for r in csv.DictReader(fh))


def index_named_in(text: str) -> str | None:
    """The index a text names; a specific index (SIPAS, SURVEY ...) wins over PAR's generic cues.

    Example:
        >>> index_named_in("Chỉ số hài lòng (%)"), index_named_in("diem-cchc-2019"), index_named_in("Điểm")
        ('SIPAS', 'PAR', None)
    """
    padded = f" {fold_key(text)} "
    named = [code for code, cues in index_cues() if any(f" {cue} " in padded for cue in cues)]
    specific = [code for code in named if code != "PAR"]
    return (specific or named or [None])[0]


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, start offset, line text) of every line."""
    out, start = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        out.append((number, start, line))
        start += len(line) + 1
    return out


def _cells(line: str, delimiter: str) -> list[str]:
    return [c.strip() for c in next(csv.reader([line], delimiter=delimiter), [])]


def _find_header(lines: list[tuple[int, int, str]], path: str) -> tuple[int, str, list[str | None]]:
    """(index into lines, delimiter, role per column) of the header row; ParindexError if none."""
    best: tuple[int, str, list[str | None]] | None = None
    for delimiter in DELIMITERS:
        for i, (_, _, line) in enumerate(lines):
            roles = [header_role(c) for c in _cells(line, delimiter)]
            if "unit" in roles and ("score" in roles or "rank" in roles):
                if best is None or i < best[0]:
                    best = (i, delimiter, roles)
                break
    if best is None:
        first = next((n for n, _, line in lines if line.strip()), 1)
        raise ParindexError(
            "no header row with a unit column ('Đơn vị') and a score or rank column "
            "('Tổng điểm', 'Xếp hạng')", path=path, place=f"line {first}",
            fix="put a header row such as 'STT;Đơn vị;Tổng điểm;Xếp hạng' above the data")
    i, delimiter, roles = best
    for role in ("unit", "score", "rank"):
        if roles.count(role) > 1:
            raise ParindexError(
                f"the header has {roles.count(role)} {role} columns", path=path,
                place=f"line {lines[i][0]}",
                fix="keep one unit, one score and one rank column per file (one file per index and year)")
    return best


def _reject(check: str, value: str, number: int, span: list[int], message: str, **extra: Any) -> dict:
    return {"check": check, "value": value, "place": f"line {number}", "span": span,
            "message": message, **extra}


def extract_csv(text: str, path: str, gazetteer: Gazetteer, year_hint: int | None,
                province_hint: str | None) -> dict[str, Any]:
    """Facts from a CSV table of unit scores: one per data row, evidence the row's line."""
    # Normalization turns tabs into spaces; parse a copy that keeps them (same offsets).
    with_tabs = "\t".join(normalize_text(piece) for piece in text.split("\t"))
    lines = _lines(with_tabs)
    header_at, delimiter, roles = _find_header(lines, path)
    header_number, _, header_line = lines[header_at]
    header_cells = _cells(header_line, delimiter)
    warnings = [f"{path} line {header_number}: column {header_cells[c]!r} is not read"
                for c, role in enumerate(roles) if role is None and header_cells[c]]
    score_header = header_cells[roles.index("score")] if "score" in roles else ""
    titles = " ".join(line for _, _, line in lines[:header_at])
    stem = PurePath(path).stem
    index = index_named_in(score_header) or index_named_in(titles) or index_named_in(stem) or "PAR"
    year = stated_year(score_header) or stated_year(titles) or stated_year(stem) or year_hint
    if year is None:
        raise ParindexError("the table names no year", path=path, place=f"line {header_number}",
                            fix="put it under raw/<year>/ or name the year in a title row or the file name")
    if year_hint is not None and year != year_hint:
        warnings.append(f"{path}: the table speaks of {year} but its folder says {year_hint}; using {year}")

    facts: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    for number, start, line in lines[header_at + 1:]:
        cells = _cells(line, delimiter)
        span = [start, start + len(line)]
        line = line.replace("\t", " ")  # the evidence is a substring of the normalized text
        while len(cells) > len(roles) and not cells[-1]:
            cells.pop()
        if not any(cells):
            continue
        if len(cells) > len(roles):
            rejects.append(_reject(
                "row_format", line, number, span,
                f"row has {len(cells)} cells but the header has {len(roles)} in {path} line {number} — "
                "quote decimal commas (\"91,93\") or use ';' as the delimiter"))
            continue
        row = dict.fromkeys(("unit", "score", "rank"), "")
        for role, cell in zip(roles, cells, strict=False):
            if role in row:
                row[role] = cell
        if not row["unit"] and (row["score"] or row["rank"]):
            rejects.append(_reject("missing_unit", line, number, span,
                                   f"a figure with no unit in {path} line {number} — fill in the unit cell"))
            continue
        if not row["unit"] or is_summary_row(row["unit"]):
            continue
        try:
            score = parse_score_cell(row["score"])
        except ValueError:
            rejects.append(_reject("score_format", row["score"], number, span,
                                   f"score {row['score']!r} of {row['unit']!r} in {path} line {number} is "
                                   "not a number — write it as 91,93 or 91.93"))
            continue
        try:
            rank, written_tied = parse_rank_cell(row["rank"])
        except ValueError:
            rejects.append(_reject("rank_format", row["rank"], number, span,
                                   f"rank {row['rank']!r} of {row['unit']!r} in {path} line {number} is "
                                   "not a rank — write it as a number (1, 2, 02)"))
            continue
        if score is None and rank is None:
            continue  # a section label such as "Khối quận, huyện", or an empty row
        unit = gazetteer.resolve(row["unit"], province_hint, year)
        if unit is None:
            rejects.append(_unknown_unit(row["unit"], path, number, span, gazetteer, province_hint, year))
            continue
        facts.append({
            "unit": unit.name_vi, "unit_id": unit.unit_id, "unit_kind": unit.unit_kind, "index": index,
            "year": year, "criterion": "TOTAL", "bloc": unit.unit_kind, "score": score,
            "score_min": None, "score_max": None, "rank": rank, "tied": written_tied, "basis": "stated",
            "evidence": line, "span": span, "place": f"line {number}",
        })
    shared = Counter((f["bloc"], f["rank"]) for f in facts if f["rank"] is not None)
    for fact in facts:
        fact["tied"] = fact["tied"] or shared[(fact["bloc"], fact["rank"])] > 1
    provinces = {gazetteer.units[f["unit_id"]].province for f in facts}
    province = province_hint or (provinces.pop() if len(provinces) == 1 else None)
    return {"source": {"title": None, "province": province}, "facts": facts, "leader_ratings": [],
            "claims": [], "warnings": warnings, "rejects": rejects}


def _unknown_unit(name: str, path: str, number: int, span: list[int], gazetteer: Gazetteer,
                  province: str | None, year: int) -> dict[str, Any]:
    """The reject for a unit cell that names no unit of the gazetteer (or none that existed then)."""
    candidates = gazetteer.closest(name, province)
    if gazetteer.resolve(name, province, None) is not None:
        return _reject("unit_not_valid", name, number, span,
                       f"unit {name!r} in {path} line {number} did not exist in {year} — check the year "
                       "of the table or the unit's valid_from/valid_to in warehouse/seeds/dim_unit.csv",
                       candidates=candidates)
    closest = f"closest: {', '.join(candidates)}" if candidates else "no close match"
    return _reject("unknown_unit", name, number, span,
                   f"unknown unit {name!r} in {path} line {number} — {closest}; add an alias to {ALIAS_SEED}",
                   candidates=candidates)
