"""Copy warehouse tables and views out as Parquet or CSV files, one file per table or view."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from flows.errors import ParindexError

FORMATS = ("parquet", "csv")
EXPORT_THREADS = 2


def relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every user table and view of the warehouse, tables first, each group by name."""
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = 'main' "
        "order by table_type <> 'BASE TABLE', table_name").fetchall()
    return [row[0] for row in rows]


def pick_relations(con: duckdb.DuckDBPyConnection, wanted: Sequence[str] | None) -> list[str]:
    """The tables and views to export: all of them, or the named ones (an unknown name is an error)."""
    known = relations(con)
    if not wanted:
        return known
    unknown = [name for name in wanted if name not in known]
    if unknown:
        close = difflib.get_close_matches(unknown[0], known, n=3)
        raise ParindexError(f"no table or view named {unknown[0]!r} in the warehouse",
                            fix=(f"did you mean {', '.join(close)}? " if close else "")
                            + "known: " + ", ".join(known))
    return list(dict.fromkeys(wanted))


def export_relations(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str = "parquet",
                     names: Sequence[str] | None = None) -> list[Path]:
    """Write each table or view to ``out_dir/<name>.<fmt>``; the files written."""
    if fmt not in FORMATS:
        raise ParindexError(f"unknown export format {fmt!r}", fix="use --format parquet or --format csv")
    chosen = pick_relations(con, names)
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":  # DuckDB and Arrow release the GIL: two relations at a time, each on its own cursor
        with ThreadPoolExecutor(max_workers=EXPORT_THREADS) as pool:
            return list(pool.map(lambda name: _write_parquet(con.cursor(), name, out_dir), chosen))
    written = []
    for name in chosen:
        target = out_dir / f"{name}.{fmt}"
        con.execute(_select_all(name)).df().to_csv(target, index=False, lineterminator="\n")
        written.append(target)
    return written


def _select_all(name: str) -> str:
    return f'select * from "{name}"'  # name comes from the catalog (pick_relations), never from input


def _write_parquet(cursor: duckdb.DuckDBPyConnection, name: str, out_dir: Path) -> Path:
    target = out_dir / f"{name}.parquet"
    try:
        pq.write_table(cursor.sql(_select_all(name)).to_arrow_table(), target)
    finally:
        cursor.close()
    return target
