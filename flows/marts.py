"""The query layer: the methodology-break seed and the ranking views people query.

``apply_marts`` runs after ``load.apply_ddl`` has created the core tables and views: it creates
``dim_methodology_break``, reseeds it from ``warehouse/seeds/dim_methodology_break.csv`` and
(re)creates the views of ``MART_VIEWS`` from ``warehouse/views/<view>.sql``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from flows.errors import ParindexError
from flows.paths import SEED_DIR, WAREHOUSE_DIR

MART_TABLES = ("dim_methodology_break",)
# Views in dependency order; each reads the core views (v_league_table, v_fact_score_preferred).
MART_VIEWS = ("v_year_over_year", "v_biggest_movers", "v_leaders", "v_component_breakdown",
              "v_leader_rating", "v_claim_status", "v_provenance", "v_score_conflict_detail",
              "v_unit_history", "v_unit_history_figures")
BREAK_SEED = "dim_methodology_break.csv"


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


def apply_marts(con: duckdb.DuckDBPyConnection, warehouse_dir: Path = WAREHOUSE_DIR,
                seed_dir: Path = SEED_DIR) -> None:
    """Create and reseed the mart tables, then (re)create the mart views."""
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
