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


def open_for_reading(db: Any) -> tuple[duckdb.DuckDBPyConnection, str | None]:
    """The warehouse read-only and locked down; its published snapshot when a writer holds it.

    Returns the connection and a note for stderr when the snapshot was used instead.
    """
    from pathlib import Path

    from flows.load import WarehouseBusy
    from flows.publish import snapshot_paths
    from flows.sql_guard import connect_locked

    try:
        return connect_locked(db), None
    except WarehouseBusy:
        snapshot = snapshot_paths(Path(db)).db
        if not snapshot.exists():
            raise
        return connect_locked(snapshot), f"note: {db} is being written; reading the snapshot {snapshot}"


def format_table(frame: pd.DataFrame, *, max_width: int = 60) -> str:
    """Any result as an aligned text table with a row count.

    Example:
        >>> print(format_table(pd.DataFrame({"unit": ["Quận Ngô Quyền"], "score": [91.93]})), end="")
        unit            score
        --------------  -----
        Quận Ngô Quyền  91.93
        (1 row)
    """
    if frame.columns.empty:
        return "(no result)\n"
    cells = [[_cell(value, max_width) for value in row] for row in frame.itertuples(index=False)]
    header = [str(col) for col in frame.columns]
    widths = [max([len(header[i])] + [len(row[i]) for row in cells]) for i in range(len(header))]
    numeric = [pd.api.types.is_numeric_dtype(frame[col]) for col in frame.columns]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric,
                                                                                  strict=True)).rstrip()

    rows = [line(header), "  ".join("-" * w for w in widths), *(line(row) for row in cells)]
    count = f"({len(frame)} row{'' if len(frame) == 1 else 's'})"
    return "\n".join([*rows, count]) + "\n"


def _cell(value: Any, max_width: int) -> str:
    value = _plain(value) if not isinstance(value, list | tuple | dict) else value
    text = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def _without_kind_word(key: str) -> str:
    """A folded name without its leading kind word.

    Example:
        >>> _without_kind_word("quan ngo quyen"), _without_kind_word("thi xa son tay"), _without_kind_word("x")
        ('ngo quyen', 'son tay', 'x')
    """
    from flows.gazetteer import KIND_WORDS

    for word in sorted((fold_key(w) for w in KIND_WORDS), key=len, reverse=True):
        if key.startswith(word + " "):
            return key[len(word) + 1:]
    return key


def resolve_units(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """Units a name denotes, matched without diacritics, case or kind word ('ngo quyen').

    Exact names win over aliases, aliases over a name containing the words. Raises with the closest
    names when nothing matches.
    """
    import difflib

    from flows.textnorm import compact_key

    units = con.execute("select unit_id, name_vi, unit_kind, province, valid_from, valid_to, successor_id "
                        "from dim_unit order by unit_id").df()
    wanted, compact = fold_key(name), compact_key(name)
    keys = units["name_vi"].map(fold_key)
    exact = units[(keys == wanted) | (units["unit_id"] == name)]
    if not exact.empty:
        return exact.reset_index(drop=True)
    aliased = {row[0] for row in con.execute("select unit_id from dim_unit_alias where alias_folded = ?",
                                             [compact]).fetchall()}
    bare = units["unit_id"].isin(aliased) | (keys.map(_without_kind_word) == wanted)
    if bare.any():
        return units[bare].reset_index(drop=True)
    containing = units[keys.map(lambda key: f" {wanted} " in f" {key} ")] if wanted else units.iloc[0:0]
    if not containing.empty:
        return containing.reset_index(drop=True)
    close = difflib.get_close_matches(wanted, keys.tolist(), n=3, cutoff=0.5)
    names = [units["name_vi"][keys.tolist().index(key)] for key in close]
    raise ParindexError(f"no unit named {name!r}",
                        fix=(f"closest: {'; '.join(names)}. " if names else "")
                        + "Names match without diacritics ('ngo quyen'); "
                          "`parindex sql \"select name_vi from dim_unit\"` lists every unit")


def unit_history(con: duckdb.DuckDBPyConnection, unit_id: str, *, index_code: str | None = None,
                 criterion: str = "TOTAL") -> tuple[pd.DataFrame, pd.DataFrame]:
    """A unit's lineage (v_unit_history) and the yearly figures of it and its predecessors/successors."""
    lineage = con.execute("select relation, generations, related_id, related_unit, related_kind, valid_from, "
                          "valid_to, successor_id from v_unit_history where unit_id = ? "
                          "order by relation <> 'predecessor', relation = 'successor', generations desc, "
                          "related_unit", [unit_id]).df()
    figures = con.execute(
        "select h.year, h.index_code, h.bloc, h.related_unit as unit, h.relation, h.rank, h.score, h.score_min, "
        "h.score_max, y.prev_rank, y.rank_change, y.score_change, y.suppressed_reason "
        "from v_unit_history_figures as h "
        "left join v_year_over_year as y on y.unit_id = h.related_id and y.index_code = h.index_code "
        "and y.year = h.year and y.criterion = h.criterion and y.bloc = h.bloc "
        "where h.unit_id = ? and h.criterion = ? and (? is null or h.index_code = ?) "
        "order by h.index_code, h.year, h.bloc", [unit_id, criterion, index_code, index_code]).df()
    return lineage, figures


def _date_text(value: Any) -> str:
    """A date as YYYY-MM-DD, '…' when open.

    Example:
        >>> _date_text(pd.Timestamp("2025-06-30")), _date_text(pd.NaT)
        ('2025-06-30', '…')
    """
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return "…"
    return str(value)[:10]


def format_history(unit: pd.Series, lineage: pd.DataFrame, figures: pd.DataFrame) -> str:
    """A readable history: the unit, its lineage, then its figures per index and year."""
    valid = " – ".join(_date_text(unit[c]) for c in ("valid_from", "valid_to"))
    lines = [f"{unit['name_vi']} ({unit['unit_kind']}, {unit['province']}; valid {valid}) [{unit['unit_id']}]"]
    for _, rel in lineage[lineage["relation"] != "self"].iterrows():
        span = " – ".join(_date_text(rel[c]) for c in ("valid_from", "valid_to"))
        lines.append(f"  {rel['relation']} ({rel['generations']} step{'s' if rel['generations'] > 1 else ''}): "
                     f"{rel['related_unit']} ({rel['related_kind']}, valid {span})")
    if figures.empty:
        lines.append("  no ranked figures in the warehouse")
    for index_code, group in figures.groupby("index_code", sort=True):
        lines.append(f"\n  {index_code}")
        for _, r in group.iterrows():
            who = "" if r["relation"] == "self" else f"  (as {r['unit']})"
            change = _change_text(r["rank_change"]) or (f"[{r['suppressed_reason']}]" if _plain(
                r["suppressed_reason"]) not in (None, "no earlier figure") else "")
            lines.append(f"  {int(r['year'])}  {r['bloc']:<12} rank {str(_plain(r['rank']) or '-'):>3}  "
                         f"{score_text(r['score'], r['score_min'], r['score_max']):>8}  {change}{who}".rstrip())
    return "\n".join(lines) + "\n"


def leaders(con: duckdb.DuckDBPyConnection, index_code: str, *, province: str | None = None,
            unit_kind: str | None = None, unit_ids: list[str] | None = None,
            criterion: str = "TOTAL") -> pd.DataFrame:
    """Who ranked first, per province, bloc and year (``v_leaders``), ties included."""
    params = [resolve_index(con, index_code), criterion, resolve_province(con, province), unit_kind, unit_ids]
    return con.execute(
        "select province, index_code, bloc, year, unit_kind, unit_id, unit, score, rank_tied, times_led, "
        "first_time_leader, led_previous_year from v_leaders "
        "where index_code = $1 and criterion = $2 and ($3 is null or province = $3) "
        "and ($4 is null or unit_kind = $4) and ($5 is null or list_contains($5, unit_id)) "
        "order by province, bloc, year, unit", params).df()


def format_leaders(frame: pd.DataFrame) -> str:
    """Leaders per (province, index, bloc), one line per year."""
    if frame.empty:
        return "no leaders for this selection\n"
    blocks = []
    for (province, index_code, bloc), group in frame.groupby(["province", "index_code", "bloc"], sort=False):
        lines = [f"{province} · {index_code} · {bloc}"]
        for _, r in group.iterrows():
            notes = [n for n, on in (("tied", r["rank_tied"]), ("first time", r["first_time_leader"]),
                                     (f"{r['times_led']} years led", r["times_led"] > 1)) if bool(_plain(on))]
            lines.append(f"  {int(r['year'])}  {r['unit']:<36} {score_text(r['score']):>7}"
                         f"  {', '.join(notes)}".rstrip())
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
