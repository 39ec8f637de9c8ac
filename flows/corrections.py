"""Human corrections: ``raw/<year>/<province>/corrections.csv`` applied after loading, on every run.

Each line (unit, index, year, field, value, reason) overrides one published figure of every source
that reports it: ``field`` is ``score``, ``rank``, ``score_min`` or ``score_max`` of the headline
(criterion TOTAL), or a criterion code (``L3``, ``APPRAISED``) for that component's score. The fact
row keeps the reason in ``fact_score.correction``; ``etl_correction`` keeps the original value. A
correction to a figure the warehouse does not hold is a reject (``etl_reject``), never a new fact.
Every run first undoes the corrections of the files in its scope, so removing a line restores the
published figure; the whole step is one transaction, which also refreshes the materialised league
table (``marts.refresh_marts``) for the index-years whose figures changed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from flows import EXTRACTOR_VERSION
from flows.gazetteer import Gazetteer
from flows.load import transaction

FILE_NAME = "corrections.csv"
COLUMNS = ("unit", "index", "year", "field", "value", "reason")
FIELDS = ("score", "rank", "score_min", "score_max")  # columns of fact_score a correction may set
KEY = ("source_id", "unit_id", "index_code", "year", "criterion", "bloc")


@dataclass
class Outcome:
    """What the corrections step did in one run."""

    files: list[str] = field(default_factory=list)
    applied: int = 0
    rejects: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """For the run summary."""
        return {"files": self.files, "applied": self.applied, "rejected": len(self.rejects),
                "reject_messages": [r["message"] for r in self.rejects]}


def find_files(paths: Sequence[str | Path]) -> list[Path]:
    """``corrections.csv`` files in scope of a run: under the given folders, or beside the given files."""
    found: set[Path] = set()
    for given in map(Path, paths):
        if given.is_dir():
            found.update(p for p in given.rglob(FILE_NAME) if p.is_file())
        elif given.parent.joinpath(FILE_NAME).is_file():
            found.add(given.parent / FILE_NAME)
    return sorted(found)


def _in_scope(file: str, paths: Sequence[str | Path]) -> bool:
    target = Path(file).resolve()
    for given in map(Path, paths):
        root = given.resolve() if given.is_dir() else given.resolve().parent
        if target.is_relative_to(root):
            return True
    return False


def _reject(file: str, line: int | None, check: str, value: Any, message: str, fix: str,
            candidates: list[str] | None = None) -> dict[str, Any]:
    place = f"line {line}" if line else None
    where = f"{file}:{place}" if place else file
    return {"source_id": None, "file": file, "place": place, "table_name": "fact_score", "check_name": check,
            "value": None if value is None else str(value), "message": f"{where}: {message} — {fix}",
            "candidates": " | ".join(candidates or []) or None, "span_start": None, "span_end": None,
            "extractor_version": EXTRACTOR_VERSION}


def read_rows(path: Path) -> tuple[list[tuple[int, dict[str, str]]], list[dict[str, Any]]]:
    """(line number, row) of a corrections file, or the reject that explains why it cannot be read."""
    file = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [_reject(file, None, "correction_file_readable", None, f"cannot read the file ({exc})",
                            "save it as UTF-8 CSV with the header " + ",".join(COLUMNS))]
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [], [_reject(file, 1, "correction_file_header", ",".join(header),
                            f"the header lacks {', '.join(missing)}",
                            "the first line must be " + ",".join(COLUMNS))]
    rows = []
    for number, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        if any(row.values()):
            rows.append((number, row))
    return rows, []


_SAME_ROW = " and ".join(f"f.{k} = c.{k}" for k in KEY)


def _corrected_pairs(con: duckdb.DuckDBPyConnection, files: list[str]) -> set[tuple[str, int]]:
    """(index_code, year) of every figure the corrections recorded for ``files`` change."""
    return set(con.execute("select distinct index_code, year from etl_correction where file in (select unnest(?))",
                           [files]).fetchall())


def _undo(con: duckdb.DuckDBPyConnection, files: list[str]) -> None:
    """Restore the published values of every correction recorded for ``files``."""
    for name in FIELDS:
        con.execute(f"""update fact_score as f set {name} = c.original_value from etl_correction as c
                        where c.file in (select unnest(?)) and c.field = ? and f.correction is not null
                          and {_SAME_ROW}""", [files, name])
    con.execute(f"""update fact_score as f set correction = null from etl_correction as c
                    where c.file in (select unnest(?)) and {_SAME_ROW}""", [files])
    con.execute("delete from etl_correction where file in (select unnest(?))", [files])
    con.execute("delete from etl_reject where file in (select unnest(?))", [files])


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> tuple | None:
    """The first row of a query, the result fully consumed (DuckDB refuses new work beside an open one)."""
    rows = con.execute(sql, params).fetchall()
    return rows[0] if rows else None


def _target(con: duckdb.DuckDBPyConnection, row: dict[str, str]) -> tuple[str, str] | str:
    """(fact_score column, criterion) a row's field names, or the message of why it names none."""
    name = row["field"].lower()
    if name in FIELDS:
        return name, "TOTAL"
    criterion = row["field"].upper()
    known = _one(con, "select count(*) from dim_criterion where index_code = ? and criterion_code = ?",
                 [row["index"].upper(), criterion])[0]
    if known:
        return "score", criterion
    return f"unknown field {row['field']!r}"


def _parse_value(text: str, column: str, max_score: float) -> float | str:
    """The corrected value, or why it is not acceptable."""
    from flows.numerals import parse_decimal

    try:
        value = parse_decimal(text)
    except ValueError:
        return f"value {text!r} is not a number"
    if column == "rank":
        return value if value >= 1 and value.is_integer() else f"rank {text!r} is not a whole number from 1"
    if not 0 <= value <= max_score:
        return f"value {text!r} is outside 0..{max_score:g}, the index's range"
    return value


def _apply_row(con: duckdb.DuckDBPyConnection, file: str, line: int, row: dict[str, str],
               gazetteer: Gazetteer, province: str | None) -> dict[str, Any] | int:
    """Apply one line; the number of fact rows changed, or a reject."""
    fix = "correct the line, or delete it"
    if not row["reason"]:
        return _reject(file, line, "correction_reason", None, "the correction gives no reason",
                       "say why the published figure is wrong (e.g. 'Quyết định 12/QĐ-UBND đính chính')")
    index = _one(con, "select max_score from dim_index where index_code = ?", [row["index"].upper()])
    if index is None:
        return _reject(file, line, "correction_index_known", row["index"], f"unknown index {row['index']!r}",
                       "use an index_code of dim_index (PAR, SIPAS, SURVEY)")
    if not row["year"].isdigit():
        return _reject(file, line, "correction_year", row["year"], f"year {row['year']!r} is not a year", fix)
    year = int(row["year"])
    unit = gazetteer.resolve(row["unit"], province, year)
    if unit is None:
        candidates = gazetteer.closest(row["unit"], province)
        return _reject(file, line, "correction_unit_known", row["unit"], f"unknown unit {row['unit']!r}",
                       "write the unit's name as in dim_unit" + (f" (closest: {candidates[0]})" if candidates else ""),
                       candidates)
    target = _target(con, row)
    if isinstance(target, str):
        return _reject(file, line, "correction_field", row["field"], target,
                       "field is score, rank, score_min, score_max or a criterion code of the index (L1, APPRAISED)")
    column, criterion = target
    value = _parse_value(row["value"], column, index[0])
    if isinstance(value, str):
        return _reject(file, line, "correction_value", row["value"], value, fix)
    key = [unit.unit_id, row["index"].upper(), year, criterion]
    where = "unit_id = ? and index_code = ? and year = ? and criterion = ?"
    targets = con.execute(f"select source_id, bloc, {column} from fact_score where {where}", key).fetchall()
    if not targets:
        return _reject(file, line, "correction_target_exists", row["value"],
                       f"no {key[1]} {year} {criterion} figure of {unit.name_vi} in the warehouse to correct",
                       "a correction changes a published figure and never adds one: check the unit, index and "
                       "year, or ingest the document that publishes the figure first")
    seen = _one(con, f"select count(*) from etl_correction where {where} and field = ?", [*key, column])
    if seen[0]:
        return _reject(file, line, "correction_duplicate", row["value"],
                       f"{unit.name_vi} {key[1]} {year} {criterion} {column} is corrected twice",
                       "keep one line per figure and field")
    for source_id, bloc, original in targets:
        con.execute("insert into etl_correction values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [source_id, *key, bloc, column, original, value, row["reason"], file, f"line {line}"])
    con.execute(f"""update fact_score set {column} = ?,
                    correction = case when correction is null then ? else correction || '; ' || ? end
                    where {where}""", [value, row["reason"], row["reason"], *key])
    return len(targets)


def apply_corrections(con: duckdb.DuckDBPyConnection, paths: Sequence[str | Path], gazetteer: Gazetteer) -> Outcome:
    """Undo and re-apply the corrections of every corrections.csv in scope of ``paths``, in one transaction."""
    from flows.discover import display_path
    from flows.extract import hints_from_path
    from flows.load import _insert
    from flows.marts import refresh_marts
    from flows.validate import reject_frame

    outcome = Outcome(files=[display_path(p) for p in find_files(paths)])
    with transaction(con):
        recorded = [f for (f,) in con.execute(
            "select distinct file from etl_correction union select distinct file from etl_reject "
            "where file like '%' || ?", [FILE_NAME]).fetchall()]
        undone = sorted({*outcome.files, *(f for f in recorded if _in_scope(f, paths))})
        changed = _corrected_pairs(con, undone)
        _undo(con, undone)
        for file in outcome.files:
            rows, rejects = read_rows(Path(file))
            outcome.rejects += rejects
            province = hints_from_path(Path(file), gazetteer)[1]
            for line, row in rows:
                result = _apply_row(con, file, line, row, gazetteer, province)
                if isinstance(result, dict):
                    outcome.rejects.append(result)
                else:
                    outcome.applied += 1
        if outcome.rejects:
            _insert(con, "etl_reject", reject_frame(outcome.rejects))
        refresh_marts(con, changed | _corrected_pairs(con, outcome.files))  # the league tables follow
    return outcome
