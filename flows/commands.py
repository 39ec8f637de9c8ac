"""What ``sql``, ``history``, ``leaders``, ``export`` and ``report`` do; ``cli`` only parses. No Prefect."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from flows import query
from flows.errors import ParindexError


@contextmanager
def reading(db: Any) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection (to the snapshot while a writer holds the warehouse, said on stderr)."""
    con, note = query.open_for_reading(db)
    if note:
        print(note, file=sys.stderr)
    try:
        yield con
    finally:
        con.close()


def _emit(frame: pd.DataFrame, args: argparse.Namespace, readable: str) -> None:
    if getattr(args, "json", False):
        print(query.to_json(frame), flush=True)
    elif getattr(args, "csv", False):
        sys.stdout.write(query.to_csv(frame))
    else:
        sys.stdout.write(readable)


def run_sql(args: argparse.Namespace) -> int:
    """Run read-only SQL on the warehouse and print the last result."""
    from flows.sql_guard import check_read_only, run_read_only

    check_read_only(args.query)  # refuse before opening anything
    with reading(args.db) as con:
        frame = run_read_only(con, args.query)
    _emit(frame, args, query.format_table(frame))
    return 0


def run_history(args: argparse.Namespace) -> int:
    """Print a unit's lineage and figures over the years, predecessors and successors included."""
    with reading(args.db) as con:
        units = query.resolve_units(con, args.unit)
        province = query.resolve_province(con, args.province)
        if province:
            units = units[units["province"] == province]
        index_code = query.resolve_index(con, args.index) if args.index else None
        histories = [(unit, *query.unit_history(con, unit["unit_id"], index_code=index_code))
                     for _, unit in units.iterrows()]
    with_figures = [h for h in histories if not h[2].empty]
    if with_figures and len(with_figures) < len(histories):  # namesakes without figures only add noise
        others = [f"{h[0]['name_vi']} ({h[0]['province']})" for h in histories if h[2].empty]
        print(f"note: also named {args.unit!r}, without figures: " + "; ".join(others), file=sys.stderr)
        histories = with_figures
    if not histories:
        raise ParindexError(f"no unit named {args.unit!r} in {args.province}",
                            fix="drop --province or check the name")
    if args.json or args.csv:
        frames = [figures.assign(unit_id=unit["unit_id"]) for unit, _, figures in histories]
        _emit(pd.concat(frames, ignore_index=True), args, "")
        return 0
    if len(histories) > 1:
        print(f"{len(histories)} units match {args.unit!r}:\n")
    print("\n".join(query.format_history(*history) for history in histories), end="")
    return 0


def run_leaders(args: argparse.Namespace) -> int:
    """Print who ranked first each year."""
    with reading(args.db) as con:
        unit_ids = query.resolve_units(con, args.unit)["unit_id"].tolist() if args.unit else None
        frame = query.leaders(con, args.index, province=args.province, unit_kind=args.kind, unit_ids=unit_ids)
    _emit(frame, args, query.format_leaders(frame))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write tables and views as Parquet or CSV files."""
    from flows.export import export_relations
    from flows.publish import published_relations

    with reading(args.db) as con:
        written = export_relations(con, Path(args.out), args.format, args.table or published_relations(con))
    print(f"wrote {len(written)} file(s) to {args.out}: " + ", ".join(p.name for p in written))
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Write the one-page HTML report of a year."""
    from flows.report import write_report

    with reading(args.db) as con:
        out = write_report(con, args.year, Path(args.out), index_code=args.index)
    print(f"wrote {out}")
    return 0
