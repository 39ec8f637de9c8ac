"""Copy warehouse tables and views out as Parquet or CSV files, one file per table or view."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from flows.errors import ParindexError

FORMATS = ("parquet", "csv")


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
    written = []
    for name in chosen:
        target = out_dir / f"{name}.{fmt}"
        query = f'select * from "{name}"'  # name comes from the catalog (pick_relations), never from input
        if fmt == "parquet":
            pq.write_table(con.sql(query).to_arrow_table(), target)
        else:
            con.execute(query).df().to_csv(target, index=False, lineterminator="\n")
        written.append(target)
    return written
