"""Read side of the warehouse: league tables and how to print them. No Prefect here.

Queries are ``warehouse/queries/<name>.sql`` with named parameters; callers open the database
read-only (``load.connect(db, read_only=True)``).
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import duckdb
import pandas as pd

from flows.errors import ParindexError
from flows.load import read_sql
from flows.textnorm import fold_key

TABLE_COLUMNS = ("rank", "unit", "score", "prev_rank", "rank_change")


def _known(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    return [row[0] for row in con.execute(sql).fetchall()]


def resolve_province(con: duckdb.DuckDBPyConnection, name: str | None) -> str | None:
    """The province as the warehouse writes it, from any spelling ('hai-phong', 'Hai Phong')."""
    if not name:
        return None
    provinces = _known(con, "select distinct province from dim_unit order by province")
    wanted = fold_key(name.replace("-", " "))
    for province in provinces:
        if fold_key(province) == wanted:
            return province
    raise ParindexError(f"unknown province {name!r}", fix="known provinces: " + ", ".join(provinces))


def resolve_index(con: duckdb.DuckDBPyConnection, code: str) -> str:
    """An index code of ``dim_index`` ('par' -> 'PAR')."""
    codes = _known(con, "select index_code from dim_index order by index_code")
    if code.upper() not in codes:
        raise ParindexError(f"unknown index {code!r}", fix="known indices: " + ", ".join(codes))
    return code.upper()


def league_table(con: duckdb.DuckDBPyConnection, index_code: str, year: int, *, unit_kind: str | None = None,
                 province: str | None = None, bloc: str | None = None, criterion: str = "TOTAL") -> pd.DataFrame:
    """Rows of ``v_league_table`` for one index and year, ordered by province, bloc and rank."""
    params = {"index_code": resolve_index(con, index_code), "year": year, "criterion": criterion,
              "unit_kind": unit_kind, "province": resolve_province(con, province), "bloc": bloc}
    return con.execute(read_sql("queries", "league_table"), params).df()


def _plain(value: Any) -> Any:
    """A JSON-ready scalar: NaN/NA -> None, numpy numbers -> Python numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts, missing values as None.

    Example:
        >>> records(pd.DataFrame({"rank": pd.array([1, None], dtype="Int64"), "score": [91.93, float("nan")]}))
        [{'rank': 1, 'score': 91.93}, {'rank': None, 'score': None}]
    """
    return [{col: _plain(row[col]) for col in frame.columns} for _, row in frame.iterrows()]


def to_json(frame: pd.DataFrame) -> str:
    """The rows as a JSON array, Vietnamese kept as written."""
    return json.dumps(records(frame), ensure_ascii=False, indent=1, default=str)


def to_csv(frame: pd.DataFrame) -> str:
    """The rows as CSV with a header; missing values are empty cells."""
    out = io.StringIO()
    frame.to_csv(out, index=False, lineterminator="\n")
    return out.getvalue()


def score_text(score: Any, score_min: Any = None, score_max: Any = None) -> str:
    """A score, or the bounds the source gives instead.

    Example:
        >>> score_text(91.93), score_text(None, 80, 90.06), score_text(None, None, 80), score_text(None)
        ('91.93', '80–90.06', '< 80', '')
    """
    score, low, high = _plain(score), _plain(score_min), _plain(score_max)
    if score is not None:
        return f"{score:.2f}"
    if low is not None and high is not None:
        return f"{low:g}–{high:g}"
    if low is not None:
        return f"> {low:g}"
    return f"< {high:g}" if high is not None else ""


def _rank_text(row: pd.Series) -> str:
    rank = _plain(row["rank"])
    if rank is None:
        return "-"
    tied = "=" if bool(_plain(row["rank_tied"])) else ""
    mismatch = "*" if bool(_plain(row["rank_mismatch"])) else ""
    return f"{rank}{tied}{mismatch}"


def _change_text(change: Any) -> str:
    change = _plain(change)
    return "" if change is None else (f"+{change}" if change > 0 else str(change))


def format_league_tables(frame: pd.DataFrame) -> str:
    """Readable league tables, one block per (province, bloc)."""
    if frame.empty:
        return "no ranked units for this selection\n"
    blocks = []
    for (province, bloc), group in frame.groupby(["province", "bloc"], sort=False):
        first = group.iloc[0]
        year = int(first["year"])
        rows = [("rank", "unit", "score", f"{year - 1}", "change")]
        rows += [(_rank_text(r), r["unit"], score_text(r["score"], r["score_min"], r["score_max"]),
                  str(_plain(r["prev_rank"]) or ""), _change_text(r["rank_change"])) for _, r in group.iterrows()]
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        lines = [f"{province} · {first['index_code']} {year} · {bloc} ({len(group)} units)"]
        for row in rows:
            lines.append("  ".join((row[0].rjust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]),
                                    row[3].rjust(widths[3]), row[4].rjust(widths[4]))).rstrip())
        notes = []
        if group["rank_tied"].fillna(False).astype(bool).any():
            notes.append("= tied")
        if group["rank_mismatch"].fillna(False).astype(bool).any():
            notes.append("* the published rank differs from the rank the scores give")
        if notes:
            lines.append("  " + "; ".join(notes))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
