"""The ``parindex`` command line. Only ``ingest`` imports Prefect; ``extract`` and ``rank`` stay fast.

Exit codes: 0 done; 1 something was rejected (``ingest``: a document, a figure or a warehouse
check; ``extract``: the document cannot be read); 2 usage or fatal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flows.errors import ParindexError, UnreadableInput
from flows.gazetteer import KIND_WORDS
from flows.paths import DEFAULT_DB, RAW_DIR

UNIT_KINDS = sorted(set(KIND_WORDS.values()))
EXAMPLES = {
    "ingest": "Example:\n  parindex ingest raw/ --show-year 2019\n"
              "  parindex ingest raw/2019/hai-phong/ --db /tmp/test.duckdb",
    "extract": "Example:\n  parindex extract raw/2019/hai-phong/cong-bo-chi-so-cchc-2019.txt --json > out.json",
    "rank": "Example:\n  parindex rank --index PAR --year 2019 --kind district\n"
            "  parindex rank --index SIPAS --year 2019 --kind department --csv > sipas.csv",
}


def quiet_prefect_defaults() -> None:
    """Offline, quiet Prefect unless the user configured it otherwise: no telemetry, warnings only."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_HOME", str(Path.home() / ".prefect"))


def _print(text: str = "", *, file: Any = None) -> None:
    print(text, file=file or sys.stdout, flush=True)


def _fmt_value(value: Any) -> str:
    return "n/a" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Run the Prefect flow over the given documents, print a summary and optionally league tables."""
    from flows import load
    from flows.discover import discover, display_path

    paths = args.paths or [display_path(RAW_DIR)]
    files = discover(paths)  # usage errors surface before Prefect starts
    if not files:
        raise ParindexError("no documents found in " + " ".join(paths),
                            fix="parindex reads .txt, .md and .csv files under raw/<year>/<province>/")
    load.connect(args.db).close()  # a held lock is reported before Prefect starts, too
    quiet_prefect_defaults()
    from flows.ingest import ingest

    db_shown = display_path(Path(args.db))
    _print(f"ingesting {len(files)} document(s) into {db_shown} ...", file=sys.stderr)
    summary = ingest(paths=[str(p) for p in paths], db=str(args.db), progress=True)
    docs = summary["documents"]
    _print(f"loaded {len(docs)} document(s) into {db_shown}: "
           f"{sum(d['facts'] for d in docs)} facts, {sum(d['leader_ratings'] for d in docs)} leader ratings, "
           f"{sum(d['claims'] for d in docs)} claims, {sum(d['rejects'] for d in docs)} rejected "
           f"(run {summary['run_id']})")
    for doc in docs:
        for warning in doc["warnings"]:
            _print(f"warning: {doc['path']}: {warning}", file=sys.stderr)
        for message in doc["reject_messages"]:
            _print(f"rejected: {message}", file=sys.stderr)
    for name, rows in summary["check_failures"].items():
        _print(f"check failed: warehouse/checks/{name}.sql returned {len(rows)} row(s): {rows[:3]}",
               file=sys.stderr)
    if args.show_year:
        _print()
        _show_league_tables(args.db, args.show_index, args.show_year)
    return 1 if summary["status"] != "ok" else 0


def _show_league_tables(db: Path, index_code: str, year: int) -> None:
    from flows import load, query

    con = load.connect(db, read_only=True)
    try:
        _print(query.format_league_tables(query.league_table(con, index_code, year)), file=sys.stdout)
    finally:
        con.close()


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the extraction contract of one document (JSON) or a readable summary of it."""
    from flows.extract import extract_path
    from flows.query import score_text

    try:
        result = extract_path(Path(args.file))
    except UnreadableInput as exc:
        _print(f"parindex: error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        _print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    src = result["source"]
    _print(f"{src['path']} ({src['media_type']}, sha256 {src['sha256'][:12]})")
    for key in ("title", "published", "decision_no", "province"):
        if src.get(key):
            _print(f"  {key}: {src[key]}")
    _print(f"\n{len(result['facts'])} facts")
    for f in result["facts"]:
        rank = f"#{f['rank']}{'=' if f.get('tied') else ''}" if f.get("rank") else ""
        _print(f"  {f['index']:<6} {f['year']}  {f.get('bloc') or '':<10} {f['unit']:<40} "
               f"{score_text(f.get('score'), f.get('score_min'), f.get('score_max')):>10} {rank:>4}  {f['basis']}")
    _print(f"\n{len(result['leader_ratings'])} leader ratings")
    for r in result["leader_ratings"]:
        _print(f"  {r['year']}  {r['unit']}: {r.get('title') or ''} — {r['rating']}")
    _print(f"\n{len(result['claims'])} claims")
    for c in result["claims"]:
        _print(f"  [{c['status']}] {c['text']} (stated {_fmt_value(c.get('stated_count'))}, "
               f"observed {_fmt_value(c.get('observed_count'))})")
    for w in result["warnings"]:
        _print(f"warning: {w}", file=sys.stderr)
    for r in result["rejects"]:
        _print(f"rejected: {r.get('place') or ''} {r.get('message')}", file=sys.stderr)
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    """Print a league table from the warehouse (read-only)."""
    from flows import load, query

    con = load.connect(args.db, read_only=True)
    try:
        frame = query.league_table(con, args.index, args.year, unit_kind=args.kind, province=args.province,
                                   bloc=args.bloc)
    finally:
        con.close()
    if args.json:
        _print(query.to_json(frame))
    elif args.csv:
        sys.stdout.write(query.to_csv(frame))
    else:
        sys.stdout.write(query.format_league_tables(frame))
    return 0


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="FILE",
                        help="DuckDB warehouse file (default: warehouse/parindex.duckdb)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="parindex", formatter_class=formatter,
        description="Vietnam's PAR Index and SIPAS announcements -> a DuckDB warehouse of rankings.",
        epilog=EXAMPLES["ingest"].split("\n")[0] + "\n  parindex ingest raw/ --show-year 2019\n"
               "  parindex rank --index PAR --year 2019 --kind district")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", help="load documents into the warehouse (Prefect flow)", formatter_class=formatter,
                       description="Extract, validate and load announcements and tables; exit 0 when everything "
                                   "loaded, 1 when something was rejected (the rest still loads), 2 on error.",
                       epilog=EXAMPLES["ingest"])
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: raw/)")
    _add_db(p)
    p.add_argument("--show-year", type=int, metavar="YEAR", help="then print that year's league tables")
    p.add_argument("--show-index", default="PAR", metavar="CODE", help="index of --show-year (default: PAR)")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("extract", help="print what one document says, as the JSON contract",
                       formatter_class=formatter, epilog=EXAMPLES["extract"],
                       description="Extract facts, leader ratings and claims from one document; no warehouse, "
                                   "no Prefect.")
    p.add_argument("file", metavar="FILE", help="a .txt, .md or .csv document")
    p.add_argument("--json", action="store_true", help="print the contract as JSON (default: a summary)")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("rank", help="print a league table", formatter_class=formatter, epilog=EXAMPLES["rank"],
                       description="League table of one index and year: score, published and computed rank, "
                                   "previous-year rank and change.")
    p.add_argument("--index", default="PAR", metavar="CODE", help="PAR, SIPAS, SURVEY ... (default: PAR)")
    p.add_argument("--year", type=int, required=True, help="evaluated year (2019 results were published in 2020)")
    p.add_argument("--kind", choices=UNIT_KINDS, help="only units of this kind")
    p.add_argument("--province", help="only this province ('Hải Phòng', 'hai-phong')")
    p.add_argument("--bloc", help="only this bloc")
    _add_db(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="rows as a JSON array")
    out.add_argument("--csv", action="store_true", help="rows as CSV")
    p.set_defaults(handler=cmd_rank)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``parindex`` command."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except ParindexError as exc:
        _print(f"parindex: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        _print("parindex: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): not an error worth a traceback
        return 0


if __name__ == "__main__":
    sys.exit(main())
