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
from typing import TYPE_CHECKING, Any

from flows import AUTO_PROCESS_DOCUMENTS, apiserver
from flows.errors import ParindexError
from flows.gazetteer import KIND_WORDS
from flows.paths import DEFAULT_DB, RAW_DIR

if TYPE_CHECKING:
    from flows.uptodate import CurrentRun

UNIT_KINDS = sorted(set(KIND_WORDS.values()))
EXAMPLES = {
    "ingest": "Example:\n  parindex ingest raw/ --show-year 2019\n"
              "  parindex ingest raw/2019/ --task-runner dask --dask-address tcp://127.0.0.1:8786\n"
              "  parindex ingest raw/2019/hai-phong/ --db /tmp/test.duckdb",
    "extract": "Example:\n  parindex extract raw/2019/hai-phong/cong-bo-chi-so-cchc-2019.txt --json > out.json\n"
               "  parindex extract raw/2019/   (one summary line per document, then totals)\n"
               "  parindex extract raw/ --json > all.jsonl   (one contract per line)",
    "rank": "Example:\n  parindex rank --index PAR --year 2019 --kind district\n"
            "  parindex rank --index SIPAS --year 2019 --kind department --csv > sipas.csv",
    "sql": "Example:\n  parindex sql \"select year, unit, score from v_leaders order by year\"\n"
           "  parindex sql \"show tables\" --csv",
    "history": "Example:\n  parindex history \"ngo quyen\"\n  parindex history \"Quận Hồng Bàng\" --index PAR --json",
    "leaders": "Example:\n  parindex leaders --index PAR\n  parindex leaders --index SIPAS --kind department --csv",
    "export": "Example:\n  parindex export --format parquet --out /tmp/parindex\n"
              "  parindex export --format csv --out out/ --table v_league_table --table fact_score",
    "report": "Example:\n  parindex report --year 2019 --out report.html",
    "backfill": "Example:\n  parindex backfill --from 2012 --to 2025\n"
                "  parindex backfill --from 2018 --to 2020 --task-runner dask --dask-address tcp://10.0.0.5:8786",
    "serve": "Example:\n  export PREFECT_SERVER_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME=P400D\n"
             "  prefect server start --host 127.0.0.1 &\n"
             "  PREFECT_API_URL=http://127.0.0.1:4200/api parindex serve",
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
    apiserver.start_early()  # Prefect's temporary server comes up while the rest of this function runs
    from flows import load
    from flows.discover import discover, display_path

    try:
        paths = args.paths or [display_path(RAW_DIR)]
        files = discover(paths)  # usage errors surface before Prefect starts
        if not files:
            raise ParindexError("no documents found in " + " ".join(paths),
                                fix="parindex reads .txt, .md and .csv files under raw/<year>/<province>/")
        load.connect(args.db, wait=args.wait).close()  # a held lock is reported before Prefect starts, too
        from flows import corrections, uptodate
        from flows.cache import cache_key, changed_documents, seed_fingerprint

        seeds = seed_fingerprint()
        keys = {f: cache_key(f, seeds) for f in files}  # hashed once, for both questions below
        current = None if args.force else uptodate.current_run(args.db, keys, corrections.find_files(paths))
    except BaseException:
        apiserver.stop_early()  # nothing ran: the early server goes, and its URL with it
        raise
    if current is not None:  # nothing changed since the last run: no flow run, no Prefect
        apiserver.stop_early()
        return _report_current(args, current)
    quiet_prefect_defaults()
    from flows.backfill import (
        check_scheduler,
        dask_cluster,
        make_task_runner,
        resolve_task_runner,
        shared_api,
    )
    # auto: worker processes only for enough documents to extract (a re-run of unchanged ones has none)
    kind = resolve_task_runner(args.task_runner, changed_documents(args.db, files, seeds, list(keys.values())))
    runner = make_task_runner(kind, args.dask_address)  # usage errors before any server or cluster starts
    if args.dask_address:
        check_scheduler(args.dask_address)
    from flows.ingest import ingest
    from flows.refdata import reference_data
    from flows.workers import WarmProcessPool

    warm = runner if isinstance(runner, WarmProcessPool) else None
    if warm is not None:
        warm.start_workers(seeds)  # worker processes start (and import) while the server starts
    reference_data(seeds)  # read (or build) while the server starts
    db_shown = display_path(Path(args.db))
    _print(f"ingesting {len(files)} document(s) into {db_shown} ...", file=sys.stderr)
    try:
        with dask_cluster(kind, args.dask_address) as address, shared_api(kind, always=True):
            summary = ingest.with_options(task_runner=make_task_runner(kind, address) if address else runner)(
                paths=[str(p) for p in paths], db=str(args.db), progress=True, wait=args.wait)
    finally:
        if warm is not None:
            warm.shutdown_unused()
    docs = summary["documents"]
    _print(f"loaded {len(docs)} document(s) into {db_shown}: "
           f"{sum(d['facts'] for d in docs)} facts, {sum(d['leader_ratings'] for d in docs)} leader ratings, "
           f"{sum(d['claims'] for d in docs)} claims, {sum(d['rejects'] for d in docs)} rejected "
           f"(run {summary['run_id']})")
    if summary.get("unchanged"):
        _print(f"{summary['unchanged']} document(s) unchanged since their last load: not extracted again")
    corrected = summary.get("corrections") or {}
    if corrected.get("files"):
        _print(f"corrections: {corrected['applied']} applied, {corrected['rejected']} rejected "
               f"({', '.join(corrected['files'])})")
        for message in corrected["reject_messages"]:
            _print(f"rejected: {message}", file=sys.stderr)
    _print_documents(docs)
    for name, rows in summary["check_failures"].items():
        _print(f"check failed: warehouse/checks/{name}.sql returned {len(rows)} row(s): {rows[:3]}",
               file=sys.stderr)
    if args.show_year:
        _print()
        _show_league_tables(args.db, args.show_index, args.show_year)
    return 1 if summary["status"] != "ok" else 0


def _print_documents(docs: list[dict[str, Any]]) -> None:
    """Each document's warnings and rejects on stderr; every line names its file, once."""
    for doc in docs:
        for warning in doc["warnings"]:
            _print(f"warning: {_with_path(doc['path'], warning)}", file=sys.stderr)
        for message in doc["reject_messages"]:
            _print(f"rejected: {_with_path(doc['path'], message)}", file=sys.stderr)


def _report_current(args: argparse.Namespace, current: CurrentRun) -> int:
    """What a re-run of unchanged input prints instead of running the flow: the last run's outcome."""
    from flows.discover import display_path

    docs = current.documents
    _print(f"nothing to do: {len(docs)} document(s), their corrections and parindex itself are unchanged since "
           f"run {current.run_id} (finished {current.finished_at:%Y-%m-%d %H:%M:%S} UTC), and "
           f"{display_path(Path(args.db))} and its snapshot hold what it loaded: "
           f"{sum(d['facts'] for d in docs)} facts, {sum(d['leader_ratings'] for d in docs)} leader ratings, "
           f"{sum(d['claims'] for d in docs)} claims, {sum(d['rejects'] for d in docs)} rejected. "
           "No flow run started (--force runs one anyway).")
    _print_documents(docs)
    if args.show_year:
        _print()
        _show_league_tables(args.db, args.show_index, args.show_year)
    return 1 if current.status != "ok" else 0


def _with_path(path: str, message: str) -> str:
    """A message that names its file: prefixed with the path unless it already says it.

    Example:
        >>> _with_path("raw/a.csv", "raw/a.csv: empty"), _with_path("raw/a.csv", "rank 0 at line 3")
        ('raw/a.csv: empty', 'raw/a.csv: rank 0 at line 3')
    """
    return message if path in message else f"{path}: {message}"


def _show_league_tables(db: Path, index_code: str, year: int) -> None:
    from flows import load, query

    con = load.connect(db, read_only=True)
    try:
        _print(query.format_league_tables(query.league_table(con, index_code, year)), file=sys.stdout)
    finally:
        con.close()


def cmd_backfill(args: argparse.Namespace) -> int:
    """Ingest raw/<year>/ for a range of years (flows.backfill); a progress line per year on stderr."""
    apiserver.start_early()
    quiet_prefect_defaults()  # before Prefect is imported: its settings are read then
    from flows.backfill import run_backfill

    result = run_backfill(args.from_year, args.to_year, raw=args.raw, db=args.db, task_runner=args.task_runner,
                          dask_address=args.dask_address, progress=True)
    years = result["years"]
    _print(f"backfilled {len(years)} year(s) into {args.db}: "
           + ", ".join(f"{y['year']} {y['status']}" for y in years))
    return 1 if result["status"] != "ok" else 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Register the yearly deployment and run it on its schedule (flows.deploy); blocks until Ctrl-C."""
    quiet_prefect_defaults()
    from flows.deploy import serve

    serve({"db": str(args.db)} if args.db != DEFAULT_DB else None)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the extraction contract of one document (JSON) or a readable summary of it."""
    from flows.extract import extract_or_fail
    from flows.query import score_text

    if Path(args.file).is_dir():
        return _extract_folder(Path(args.file), args.json)
    try:
        result = extract_or_fail(Path(args.file))
    except ParindexError as exc:  # unreadable, or a table without a header or a year: this document's fault
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


def _extract_folder(folder: Path, as_json: bool) -> int:
    """Every document under ``folder``: a summary line each and totals, or JSON Lines (one contract a line)."""
    from flows.discover import discover
    from flows.extract import extract_or_fail
    from flows.gazetteer import Gazetteer

    files = discover([folder])
    if not files:
        raise ParindexError(f"no documents found in {folder}",
                            fix="parindex reads .txt, .md, .csv, .tsv, .html, .htm, .xlsx and .pdf files")
    gazetteer, rows, unreadable = Gazetteer.load(), [], 0
    for path in files:
        try:
            result = extract_or_fail(path, gazetteer)
        except ParindexError as exc:  # one document's problem: the others are still read
            unreadable += 1
            _print(f"parindex: error: {exc}", file=sys.stderr)
            rows.append((str(path), "unreadable", "", ""))
            continue
        if as_json:
            _print(json.dumps(result, ensure_ascii=False))
        rows.append((str(path), *(str(len(result[k])) for k in ("facts", "warnings", "rejects"))))
    if not as_json:
        width = max(len(r[0]) for r in rows)
        _print(f"{'document':<{width}}  {'facts':>5}  {'warnings':>8}  {'rejects':>7}")
        for name, facts, warnings, rejects in rows:
            _print(f"{name:<{width}}  {facts:>5}  {warnings:>8}  {rejects:>7}")
        totals = [sum(int(r[i]) for r in rows if r[1] != "unreadable") for i in (1, 2, 3)]
        _print(f"{len(rows)} document(s): {totals[0]} facts, {totals[1]} warnings, {totals[2]} rejects, "
               f"{unreadable} unreadable")
    return 1 if unreadable else 0


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


def cmd_sql(args: argparse.Namespace) -> int:
    """Read-only SQL (flows.commands)."""
    from flows.commands import run_sql

    return run_sql(args)


def cmd_history(args: argparse.Namespace) -> int:
    """A unit's history across reorganisations (flows.commands)."""
    from flows.commands import run_history

    return run_history(args)


def cmd_leaders(args: argparse.Namespace) -> int:
    """Who ranked first each year (flows.commands)."""
    from flows.commands import run_leaders

    return run_leaders(args)


def cmd_export(args: argparse.Namespace) -> int:
    """Tables and views to Parquet or CSV (flows.commands)."""
    from flows.commands import run_export

    return run_export(args)


def cmd_report(args: argparse.Namespace) -> int:
    """The HTML report of a year (flows.commands)."""
    from flows.commands import run_report

    return run_report(args)


def _add_machine_output(parser: argparse.ArgumentParser) -> None:
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="rows as a JSON array")
    out.add_argument("--csv", action="store_true", help="rows as CSV")


def _add_query_commands(sub: argparse._SubParsersAction, formatter: type) -> None:
    """Parsers of sql, history, leaders, export and report (the read side; no Prefect)."""
    p = sub.add_parser("sql", help="run read-only SQL on the warehouse", formatter_class=formatter,
                       epilog=EXAMPLES["sql"],
                       description="Run SELECT queries on the warehouse, opened read-only. Writes, ATTACH, COPY, "
                                   "INSTALL, LOAD, SET and writing PRAGMAs are refused. Tables and views: "
                                   "docs/data-dictionary.md.")
    p.add_argument("query", metavar="SQL", help="one or more SELECT statements; the last result is printed")
    _add_db(p)
    _add_machine_output(p)
    p.set_defaults(handler=cmd_sql)

    p = sub.add_parser("history", help="a unit's figures over the years, across reorganisations",
                       formatter_class=formatter, epilog=EXAMPLES["history"],
                       description="Resolve a unit name (diacritics optional), show its predecessors and "
                                   "successors (dim_unit.successor_id) and every ranked figure of the lineage.")
    p.add_argument("unit", metavar="UNIT", help="unit name, any spelling ('ngo quyen', 'Sở LĐTB&XH')")
    p.add_argument("--index", metavar="CODE", help="only this index (default: all)")
    p.add_argument("--province", help="only units of this province, when several share the name")
    _add_db(p)
    _add_machine_output(p)
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("leaders", help="who ranked first each year", formatter_class=formatter,
                       epilog=EXAMPLES["leaders"],
                       description="The units ranked first per province, bloc and year (ties included), with "
                                   "first-time leaders and how often each has led.")
    p.add_argument("--index", default="PAR", metavar="CODE", help="PAR, SIPAS ... (default: PAR)")
    p.add_argument("--province", help="only this province ('Hải Phòng', 'hai-phong')")
    p.add_argument("--kind", choices=UNIT_KINDS, help="only units of this kind")
    p.add_argument("--unit", help="only this unit (diacritics optional)")
    _add_db(p)
    _add_machine_output(p)
    p.set_defaults(handler=cmd_leaders)

    p = sub.add_parser("export", help="write tables and views as Parquet or CSV", formatter_class=formatter,
                       epilog=EXAMPLES["export"],
                       description="One file per table or view (all of them by default) in --out.")
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="file format (default: parquet)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write (created if missing)")
    p.add_argument("--table", action="append", metavar="NAME", help="a table or view to export (repeatable)")
    _add_db(p)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("report", help="write a one-page HTML report of a year", formatter_class=formatter,
                       epilog=EXAMPLES["report"],
                       description="League tables per bloc, a bump chart of ranks, score changes, component "
                                   "heatmaps, failed claims, every figure linked to its evidence. Self-contained: "
                                   "works offline.")
    p.add_argument("--year", type=int, required=True, help="evaluated year")
    p.add_argument("--index", metavar="CODE", help="only this index (default: every index with figures that year)")
    p.add_argument("--out", required=True, metavar="FILE", help="HTML file to write")
    _add_db(p)
    p.set_defaults(handler=cmd_report)


def _add_operations_commands(sub: argparse._SubParsersAction, formatter: type) -> None:
    """Parsers of backfill and serve (Prefect)."""
    p = sub.add_parser("backfill", help="ingest a range of years, in order (Prefect flow)", formatter_class=formatter,
                       epilog=EXAMPLES["backfill"],
                       description="Run the ingest flow over raw/<year>/ for each year from --from to --to; each "
                                   "year's outcome is a row of etl_run (status 'empty' when the year has no "
                                   "documents). Exit 0 when every year loaded cleanly, 1 otherwise, 2 on error.")
    p.add_argument("--from", dest="from_year", type=int, required=True, metavar="YEAR", help="first year")
    p.add_argument("--to", dest="to_year", type=int, required=True, metavar="YEAR", help="last year")
    p.add_argument("--raw", type=Path, default=RAW_DIR, metavar="DIR", help="folder of the years (default: raw/)")
    _add_task_runner(p, "a year of ")
    _add_db(p)
    p.set_defaults(handler=cmd_backfill)

    p = sub.add_parser("serve", help="run the yearly ingestion on its schedule (needs a Prefect server)",
                       formatter_class=formatter, epilog=EXAMPLES["serve"],
                       description="Register the 'yearly-ingest/yearly' deployment (cron 06:00 on 15 April, "
                                   "Asia/Ho_Chi_Minh; ingests raw/<last year>/) with the Prefect server of "
                                   "PREFECT_API_URL and run its runs until stopped with Ctrl-C.")
    _add_db(p)
    p.set_defaults(handler=cmd_serve)


def _add_task_runner(parser: argparse.ArgumentParser, unit: str = "") -> None:
    """--task-runner and --dask-address, shared by ingest and backfill."""
    parser.add_argument("--task-runner", choices=("auto", "thread", "process", "dask"), default="auto",
                        help="where the extraction tasks run: Prefect's thread pool, its process pool (one worker "
                             "per core), or a Dask cluster (prefect-dask); auto (default): processes for "
                             f"{unit}{AUTO_PROCESS_DOCUMENTS} documents or more, else threads")
    parser.add_argument("--dask-address", metavar="ADDR",
                        help="scheduler of an existing Dask cluster (default with dask: a local one, two workers)")


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
    p.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                   help="while another run holds the warehouse, wait up to this long, then stop (exit 2; default 0)")
    p.add_argument("--force", action="store_true",
                   help="run the flow even when nothing changed since the last run (by default such a re-run "
                        "only reports that run)")
    _add_task_runner(p)
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("extract", help="print what one document says, as the JSON contract",
                       formatter_class=formatter, epilog=EXAMPLES["extract"],
                       description="Extract facts, leader ratings and claims from one document, or from every "
                                   "document of a folder; no warehouse, no Prefect. Exit 1 when a document "
                                   "cannot be read.")
    p.add_argument("file", metavar="PATH",
                   help="a .txt, .md, .csv, .tsv, .html, .htm, .xlsx or .pdf document, or a folder of them")
    p.add_argument("--json", action="store_true",
                   help="print the contract as JSON (a folder: JSON Lines, one document a line; "
                        "default: a summary)")
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
    _add_query_commands(sub, formatter)
    _add_operations_commands(sub, formatter)
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
