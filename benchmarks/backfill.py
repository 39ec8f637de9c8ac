"""End to end: a backfill through the real Prefect flow, its no-op re-run, and the stages without Prefect.

Run by hand (not part of the test suite):

    .venv/bin/python benchmarks/generate.py --docs 1000 --seed 7 --out /tmp/bench/raw
    .venv/bin/python benchmarks/backfill.py /tmp/bench/raw --work /tmp/bench

0. a set-up run of ``parindex ingest raw/`` (the project's demo data) into WORK/setup.duckdb: it creates
   the Prefect home's database in WORK/prefect and the reference-data cache, which a user's machine has
   after its first run;
1. ``parindex ingest RAW --db WORK/flow.duckdb`` under ``/usr/bin/time -v`` (a fresh warehouse,
   PREFECT_HOME in WORK): wall time and peak memory (maximum resident set size);
2. the same command again on the unchanged input (the no-op re-run: the command finds nothing changed and
   reports the last run without starting Prefect), then once more with ``--force`` (the flow runs and skips
   every unchanged document, as the scheduled deployment does);
3. the same stages called directly in one process on one core, without Prefect (discover, extract,
   validate and load per batch as the flow does, checks) into WORK/direct.duckdb, each stage timed.

The first run's shape (when the first extraction task started, the time spent in each kind of task)
is read from Prefect's own database in WORK/prefect: the flow extracts in worker processes (the
default ``--task-runner auto`` picks Prefect's process pool for 200 documents or more), so the wall
time of (1) and the one-core sum of (3) are not directly comparable.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]


def timed_ingest(raw: Path, db: Path, work: Path, api_url: str | None = None,
                 *extra: str) -> tuple[float, float, int, str]:
    """(wall s, peak RSS MB, exit code, last stderr line) of one ``parindex ingest`` (``extra``: its options)."""
    env = dict(os.environ, PREFECT_HOME=str(work / "prefect"))
    if api_url:
        env["PREFECT_API_URL"] = api_url
    cmd = ["/usr/bin/time", "-v", str(ROOT / ".venv" / "bin" / "parindex"), "ingest", str(raw), "--db", str(db),
           *extra]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    with open(work / "ingest.log", "a", encoding="utf-8") as log:  # the run's own messages, for diagnosis
        log.write(f"$ {' '.join(cmd)}\n{done.stdout}{done.stderr}\n")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    lines = [ln for ln in done.stderr.splitlines() if ln.strip() and not ln.startswith("\t")]
    return wall, int(rss.group(1)) / 1024 if rss else float("nan"), done.returncode, lines[-1] if lines else ""


def direct(raw: Path, db: Path) -> dict[str, float]:
    """The flow's stages without Prefect, in one process on one core, timed per stage (seconds)."""
    from flows import cache, load
    from flows.discover import discover
    from flows.ingest import BATCH_DOCUMENTS, extract_or_reject, validate_extracted
    from flows.refdata import reference_data

    times: dict[str, float] = {}
    t0 = time.perf_counter()
    seeds = cache.seed_fingerprint()
    gazetteer, dim_frames, dims = reference_data(seeds)
    files = discover([raw])
    con = load.connect(db)
    load.prepare(con, dim_frames)
    times["setup (gazetteer, dimensions, DDL, seeds)"] = time.perf_counter() - t0
    times["extract"] = times["validate"] = times["load"] = 0.0
    started = datetime.now()
    for at in range(0, len(files), BATCH_DOCUMENTS):
        batch = files[at:at + BATCH_DOCUMENTS]
        t0 = time.perf_counter()
        results = [extract_or_reject(path, gazetteer) for path in batch]
        t1 = time.perf_counter()
        docs = validate_extracted(results, dims, started)
        t2 = time.perf_counter()
        load.load_batch(con, docs, [cache.cache_key(path, seeds) for path in batch], "direct")
        t3 = time.perf_counter()
        times["extract"] += t1 - t0
        times["validate"] += t2 - t1
        times["load"] += t3 - t2
    t0 = time.perf_counter()
    load.run_checks(con)
    times["checks"] = time.perf_counter() - t0
    times["facts"] = con.execute("select count(*) from fact_score").fetchone()[0]
    con.close()
    return times


def timeline(prefect_home: Path) -> str:
    """The last flow run's shape from Prefect's own database: task runs, their busy time, the gaps."""
    import sqlite3

    con = sqlite3.connect(prefect_home / "prefect.db")
    try:
        flow = con.execute("select id, start_time, end_time from flow_run order by start_time desc limit 1").fetchone()
        if flow is None:
            return "no flow run recorded"
        tasks = con.execute("select name, start_time, end_time from task_run where flow_run_id = ? "
                            "order by start_time", [flow[0]]).fetchall()
    finally:
        con.close()
    stamp = datetime.fromisoformat
    begin, end = stamp(flow[1]), stamp(flow[2])
    busy: dict[str, float] = {}
    for name, start, stop in tasks:
        kind = name.rsplit("-", 1)[0]
        busy[kind] = busy.get(kind, 0.0) + (stamp(stop) - stamp(start)).total_seconds()
    first = min((stamp(t[1]) for t in tasks if t[0].startswith("extract")), default=begin)
    parts = ", ".join(f"{k} {v:.1f} s in {sum(t[0].startswith(k) for t in tasks)} run(s)" for k, v in busy.items())
    return (f"flow run {(end - begin).total_seconds():.1f} s (first extraction task after "
            f"{(first - begin).total_seconds():.1f} s); task time: {parts}")


@contextmanager
def prefect_server(work: Path) -> Iterator[str]:
    """A real ``prefect server start`` on a free loopback port (as ``parindex serve`` uses); its API URL."""
    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, PREFECT_HOME=str(work / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "prefect"), "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    api = f"http://127.0.0.1:{port}/api"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        yield api
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw", type=Path, help="a raw/<year>/<province>/ tree (benchmarks/generate.py)")
    parser.add_argument("--work", type=Path, required=True, help="folder for the warehouses and PREFECT_HOME")
    parser.add_argument("--skip-flow", action="store_true", help="only the direct run")
    parser.add_argument("--server", action="store_true",
                        help="run the flow against a running `prefect server start` (as a deployment does) "
                             "instead of the temporary server Prefect starts for each `parindex ingest`")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if not args.skip_flow:
        for name in ("flow.duckdb", "flow.duckdb.wal", "setup.duckdb", "setup.duckdb.wal"):
            (args.work / name).unlink(missing_ok=True)
        with prefect_server(args.work) if args.server else nullcontext(None) as api:
            # a user's Prefect home exists already: create this one (and its database) before measuring
            setup = timed_ingest(ROOT / "raw", args.work / "setup.duckdb", args.work, api)
            print(f"set-up run (new Prefect home and reference-data cache, the demo raw/): {setup[0]:.1f} s wall")
            first = timed_ingest(args.raw, args.work / "flow.duckdb", args.work, api)
            print(f"flow, first run: {first[0]:.1f} s wall, peak RSS {first[1]:.0f} MB, exit {first[2]} "
                  f"({first[3]}){' against a running Prefect server' if api else ''}")
            if not api:
                print(f"  {timeline(args.work / 'prefect')}")
            again = timed_ingest(args.raw, args.work / "flow.duckdb", args.work, api)
            print(f"flow, no-op re-run: {again[0]:.1f} s wall ({again[0] / first[0]:.0%} of the first), "
                  f"peak RSS {again[1]:.0f} MB, exit {again[2]}")
            forced = timed_ingest(args.raw, args.work / "flow.duckdb", args.work, api, "--force")
            print(f"flow, forced re-run of unchanged input: {forced[0]:.1f} s wall ({forced[0] / first[0]:.0%} of "
                  f"the first), peak RSS {forced[1]:.0f} MB, exit {forced[2]}")
    for name in ("direct.duckdb", "direct.duckdb.wal"):
        (args.work / name).unlink(missing_ok=True)
    t0 = time.perf_counter()
    stages = direct(args.raw, args.work / "direct.duckdb")
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    facts = int(stages.pop("facts"))
    parts = ", ".join(f"{k} {v:.1f} s" for k, v in stages.items())
    print(f"direct (no Prefect): {wall:.1f} s wall, peak RSS {peak:.0f} MB, {facts:,} facts; {parts}")


if __name__ == "__main__":
    main()
