"""The query layer: the methodology-break seed, the materialised league table and the ranking views.

``apply_marts`` runs after ``load.apply_ddl`` has created the core tables and views: it creates
``dim_methodology_break`` and the mart tables, reseeds the breaks from
``warehouse/seeds/dim_methodology_break.csv``, (re)creates the views of ``MART_VIEWS`` from
``warehouse/views/<view>.sql`` and rebuilds the marts when what they were computed with changed.

``mart_league_table`` holds the rows of ``v_league_table`` (a view ``select * from`` it), computed by
``warehouse/marts/mart_league_table.sql``. Every writer of ``fact_score`` calls ``refresh_marts`` in
the transaction that changes the facts, with the (index_code, year) pairs it touched; the pairs and the
year after each (whose ``prev_rank`` and ``rank_change`` read them) are recomputed from their own facts.
The ingest flow instead records the pairs of each batch in ``mart_pending`` (``mark_stale``, in the
batch's transaction) and refreshes them once after its last batch (``refresh_pending``); a run that
dies in between leaves them for the next run's ``sync_marts``.
``mart_refresh`` keeps a fingerprint of the mart's SQL, ``dim_unit`` and ``dim_methodology_break``: when
it differs (new seeds, a new parindex, an upgraded file), the next refresh rebuilds the whole mart.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from flows.errors import ParindexError
from flows.paths import SEED_DIR, WAREHOUSE_DIR

LEAGUE_MART = "mart_league_table"
MART_TABLES = ("dim_methodology_break", LEAGUE_MART, "mart_refresh", "mart_pending")
# Views in dependency order; each reads the core views (v_league_table, v_fact_score_preferred).
MART_VIEWS = ("v_year_over_year", "v_biggest_movers", "v_leaders", "v_component_breakdown",
              "v_leader_rating", "v_claim_status", "v_provenance", "v_score_conflict_detail",
              "v_unit_history", "v_unit_history_figures")
BREAK_SEED = "dim_methodology_break.csv"
# What the league table's rows depend on besides fact_score and dim_source (whose changes come with
# the facts of the same document, so with their (index, year) pairs).
_DEPENDENCIES = """
select md5(concat_ws('|', $sql,
    (select string_agg(concat_ws('|', unit_id, province, unit_kind, name_vi), chr(10) order by unit_id)
     from dim_unit),
    (select string_agg(concat_ws('|', index_code, first_year, province, reason), chr(10)
                       order by index_code, first_year, province, reason)
     from dim_methodology_break)))
"""


def _sql(folder: str, name: str, warehouse_dir: Path) -> str:
    return (warehouse_dir / folder / f"{name}.sql").read_text(encoding="utf-8")


def methodology_breaks(seed_dir: Path = SEED_DIR) -> pd.DataFrame:
    """Rows of the methodology-break seed, validated by ``schemas.marts.DimMethodologyBreak``."""
    import pandera.pandas as pa

    from schemas.marts import DimMethodologyBreak

    path = seed_dir / BREAK_SEED
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8").replace({"": None})
    try:
        return DimMethodologyBreak.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        case = err.failure_cases.iloc[0]
        raise ParindexError(f"row {case['index']}: {case['column']} fails {case['check']} "
                            f"({case['failure_case']!r})", path=str(path),
                            fix="correct that row of the seed (columns: index_code, first_year, province, "
                                "reason, source)") from err


def target_pairs(keys: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """The (index_code, year) pairs a change of ``keys`` recomputes: each pair and the year after it.

    Example:
        >>> target_pairs([("PAR", 2019), ("PAR", 2018), ("SIPAS", 2022)])
        [('PAR', 2018), ('PAR', 2019), ('PAR', 2020), ('SIPAS', 2022), ('SIPAS', 2023)]
    """
    pairs = {(str(code), int(year)) for code, year in keys}
    return sorted(pairs | {(code, year + 1) for code, year in pairs})


def fingerprint(con: duckdb.DuckDBPyConnection, warehouse_dir: Path = WAREHOUSE_DIR) -> str:
    """md5 of what the mart's rows are computed with besides the facts: its SQL and the dimensions."""
    return con.execute(_DEPENDENCIES, {"sql": _sql("marts", LEAGUE_MART, warehouse_dir)}).fetchone()[0]


def stored_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint the mart was last refreshed with; None when it never was."""
    rows = con.execute("select fingerprint from mart_refresh where mart = ?", [LEAGUE_MART]).fetchall()
    return rows[0][0] if rows else None


def _fill(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, int]], warehouse_dir: Path) -> None:
    params = {"codes": [code for code, _ in pairs], "years": [year for _, year in pairs]}
    con.execute(_sql("marts", LEAGUE_MART, warehouse_dir), params)


def refresh_marts(con: duckdb.DuckDBPyConnection, keys: Iterable[tuple[str, int]] | None = None,
                  warehouse_dir: Path = WAREHOUSE_DIR) -> None:
    """Recompute the mart rows of ``keys`` (index_code, year) and the year after each; all when None.

    Runs in the caller's transaction (it neither begins nor commits): call it in the transaction that
    changed ``fact_score``, with the pairs of the rows deleted and inserted. When the dimensions or the
    mart's SQL changed since the last refresh, the whole mart is rebuilt instead.
    """
    current = fingerprint(con, warehouse_dir)
    if keys is None or stored_fingerprint(con) != current:
        con.execute(f"delete from {LEAGUE_MART}")
        pairs = [tuple(row) for row in con.execute(
            "select distinct index_code, year from fact_score order by all").fetchall()]
    else:
        pairs = target_pairs(keys)
        if not pairs:
            return
        con.execute(f"""delete from {LEAGUE_MART} as m
                        using (select unnest($codes) as index_code, unnest($years) as year) as t
                        where m.index_code = t.index_code and m.year = t.year""",
                    {"codes": [code for code, _ in pairs], "years": [year for _, year in pairs]})
    if pairs:
        _fill(con, pairs, warehouse_dir)
    now = datetime.now(UTC).replace(tzinfo=None)
    con.execute(f"insert or replace into mart_refresh select ?, ?, ?, count(*) from {LEAGUE_MART}",
                [LEAGUE_MART, current, now])


def mark_stale(con: duckdb.DuckDBPyConnection, keys: Iterable[tuple[str, int]]) -> None:
    """Remember (index_code, year) pairs whose facts changed, for ``refresh_pending`` (caller's transaction)."""
    pairs = sorted(set(keys))
    if pairs:
        con.execute("insert into mart_pending select unnest($codes), unnest($years)",
                    {"codes": [code for code, _ in pairs], "years": [year for _, year in pairs]})


def refresh_pending(con: duckdb.DuckDBPyConnection, warehouse_dir: Path = WAREHOUSE_DIR) -> int:
    """Refresh the pairs ``mark_stale`` remembered and forget them (caller's transaction); how many there were."""
    pairs = [tuple(row) for row in con.execute("select distinct index_code, year from mart_pending").fetchall()]
    if pairs:
        refresh_marts(con, pairs, warehouse_dir)
        con.execute("delete from mart_pending")
    return len(pairs)


def sync_marts(con: duckdb.DuckDBPyConnection, warehouse_dir: Path = WAREHOUSE_DIR) -> bool:
    """Rebuild the marts when their fingerprint changed, or refresh what a dead run left pending; whether it did.

    Runs in its own transaction. Call after the dimensions were (re)seeded; cheap when nothing changed.
    """
    from flows.load import transaction

    stale = stored_fingerprint(con) != fingerprint(con, warehouse_dir)
    if not stale and con.execute("select count(*) from mart_pending").fetchone() == (0,):
        return False
    with transaction(con):
        if stale:
            refresh_marts(con, None, warehouse_dir)
            con.execute("delete from mart_pending")
        else:
            refresh_pending(con, warehouse_dir)
    return True


def apply_marts(con: duckdb.DuckDBPyConnection, warehouse_dir: Path = WAREHOUSE_DIR,
                seed_dir: Path = SEED_DIR) -> None:
    """Create the mart tables, reseed the breaks, (re)create the mart views, rebuild stale marts."""
    for table in MART_TABLES:
        con.execute(_sql("ddl", table, warehouse_dir))
    breaks = methodology_breaks(seed_dir)
    con.execute("begin transaction")
    try:
        con.execute("delete from dim_methodology_break")
        con.register("_parindex_breaks", breaks)
        con.execute("insert into dim_methodology_break by name select * from _parindex_breaks")
        con.unregister("_parindex_breaks")
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")
    for view in MART_VIEWS:
        con.execute(_sql("views", view, warehouse_dir))
    sync_marts(con, warehouse_dir)
