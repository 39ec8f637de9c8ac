"""Nothing half-loaded: real `parindex ingest` processes killed with SIGKILL at random points.

Each round rewrites a few documents (so that every run has loading to do: the others are cached),
starts `parindex ingest`, and kills it after a random number of documents (or during start-up).
After every kill the warehouse must pass warehouse/checks/*.sql, and every document must be there
whole (one of the versions written for its path, with all 15 figures) or not at all.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows import load
from flows.paths import PROJECT_ROOT

DOCS, REWRITE, UNITS = 16, 5, 15
KILLS = int(os.environ.get("PARINDEX_CRASH_KILLS", "4"))  # each kill costs one `parindex ingest` start-up
PARINDEX = [sys.executable, "-m", "flows.cli", "ingest"]
DISTRICTS = ["Quận Ngô Quyền", "Quận Hồng Bàng", "Quận Lê Chân", "Quận Hải An", "Quận Kiến An", "Quận Đồ Sơn",
             "Quận Dương Kinh", "Huyện Thủy Nguyên", "Huyện An Dương", "Huyện An Lão", "Huyện Kiến Thụy",
             "Huyện Tiên Lãng", "Huyện Vĩnh Bảo", "Huyện Cát Hải", "Huyện Bạch Long Vỹ"]


def _table(rng: random.Random, number: int) -> str:
    """A district score table with random scores and consistent competition ranks."""
    scores = {unit: round(rng.uniform(60, 95), 2) for unit in DISTRICTS}
    ordered = sorted(scores.values(), reverse=True)
    rows = [f"{i};{unit};{str(score).replace('.', ',')};{ordered.index(score) + 1}"
            for i, (unit, score) in enumerate(scores.items(), start=1)]
    return (f"Chỉ số cải cách hành chính năm 2019 của các quận, huyện thành phố Hải Phòng (bảng {number})\n"
            "STT;Đơn vị;Tổng điểm;Xếp hạng\n" + "\n".join(rows) + "\n")


def _write(folder: Path, rng: random.Random, numbers: list[int], versions: dict[str, set[str]]) -> None:
    import hashlib

    for number in numbers:
        path = folder / f"bang-{number:02d}.csv"
        data = _table(rng, number).encode("utf-8")
        path.write_bytes(data)
        versions.setdefault(path.name, set()).add(hashlib.sha256(data).hexdigest())


def _reader(stream, lines: queue.Queue) -> None:
    for line in iter(stream.readline, ""):
        lines.put(line)
    lines.put(None)


def _run_and_kill(args: list[str], cwd: Path, after_docs: int, rng: random.Random) -> tuple[bool, str]:
    """Start an ingest; SIGKILL it once it has loaded ``after_docs`` documents (0: during start-up)."""
    proc = subprocess.Popen(args, cwd=cwd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stderr, lines), daemon=True).start()
    seen, text, deadline = 0, [], time.monotonic() + 60
    kill_at = time.monotonic() + rng.uniform(0.3, 4.0) if after_docs == 0 else None
    while proc.poll() is None and time.monotonic() < deadline:
        if kill_at and time.monotonic() >= kill_at:
            break
        try:
            line = lines.get(timeout=0.02)
        except queue.Empty:
            continue
        if line is None:
            break
        text.append(line)
        seen += line.startswith("[")
        if not kill_at and seen >= after_docs:
            time.sleep(rng.uniform(0, 0.03))  # somewhere inside the next document's transaction, or between
            break
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return killed, "".join(text)


@pytest.fixture(scope="module")
def prefect_api() -> Iterator[str]:
    """A `prefect server start` on loopback for the killed runs: each then skips starting a temporary server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).parent / "prefect"), "server", "start", "--host", "127.0.0.1",
                               "--port", str(port), "--no-services", "--no-ui", "--analytics-off"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("prefect server did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _assert_whole(db: Path, versions: dict[str, set[str]]) -> int:
    """Checks pass; each document is absent or one whole version; returns how many are present."""
    con = load.connect(db, read_only=True)
    try:
        assert load.run_checks(con) == {}
        rows = con.execute("""select s.path, s.source_id, count(f.source_id) from dim_source as s
                              left join fact_score as f using (source_id) group by all""").fetchall()
        for path, source_id, facts in rows:
            assert source_id in versions[Path(path).name], f"{path}: bytes never written"
            assert facts == UNITS, f"{path}: {facts} of {UNITS} figures (half-loaded)"
        orphans = con.execute("select count(*) from etl_document where sha256 not in "
                              "(select source_id from dim_source)").fetchall()
        assert orphans == [(0,)], "a cache record without its document"
        return len(rows)
    finally:
        con.close()


def test_killing_real_runs_never_leaves_a_document_half_loaded(tmp_path, prefect_api, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", prefect_api)  # inherited by the `parindex ingest` processes
    seed = int(os.environ.get("PARINDEX_CRASH_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    folder = tmp_path / "raw" / "2019" / "hai-phong"
    folder.mkdir(parents=True)
    versions: dict[str, set[str]] = {}
    _write(folder, rng, list(range(DOCS)), versions)
    db = tmp_path / "w.duckdb"
    args = [*PARINDEX, str(tmp_path / "raw"), "--db", str(db), "--wait", "20"]
    outcomes = []
    for round_no in range(KILLS):
        if round_no:
            _write(folder, rng, rng.sample(range(DOCS), REWRITE), versions)
        after = 0 if round_no % 4 == 3 else rng.randint(1, REWRITE if round_no else DOCS)
        killed, _ = _run_and_kill(args, tmp_path, after, rng)
        outcomes.append((after, killed))
        if db.exists():
            _assert_whole(db, versions)
    assert sum(killed for _, killed in outcomes) >= KILLS - 2, f"seed {seed}: runs ended before the kill: {outcomes}"
    final = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                           env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert final.returncode == 0, f"seed {seed}: {final.stderr[-2000:]}"
    assert "Traceback" not in final.stderr
    # A run killed after it loaded something left its lock record behind, unless a later run finished (and
    # cleaned it up); the next run must explain it. A run killed during start-up may have died before taking
    # the lock, so it proves nothing either way.
    last_finished = max((i for i, (_, killed) in enumerate(outcomes) if not killed), default=-1)
    if any(killed and after for after, killed in outcomes[last_finished + 1:]):
        assert "ended without finishing (killed or crashed)" in final.stderr, f"seed {seed}: {outcomes}"
    if "No flow run started" in final.stdout:  # nothing to do: only if the last run finished its work
        assert not outcomes[-1][1], f"seed {seed}: {outcomes}: {final.stdout}"
    assert _assert_whole(db, versions) == DOCS
    con = load.connect(db, read_only=True)
    try:
        latest = {p.name for p in folder.glob("*.csv")}
        current = con.execute("select count(*) from dim_source").fetchall()
        assert current == [(len(latest),)]
        statuses = dict(con.execute("select status, count(*) from etl_run group by all").fetchall())
        assert "running" not in statuses and statuses.get("ok", 0) >= 1
    finally:
        con.close()
    assert not load.lock_info_path(db).exists()


HOLDER = """
import sys, time
from flows import load
con = load.connect(sys.argv[1])
load.claim_writer(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
load.release_writer(sys.argv[1])
"""


def _hold(db: Path, seconds: float) -> subprocess.Popen:
    """Another process that opens the warehouse for writing and keeps it for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_second_run_waits_a_bounded_time_then_stops_with_a_clear_message(tmp_path, dimension_frames, capsys):
    from flows import cli

    db = tmp_path / "w.duckdb"
    con = load.connect(db)
    load.prepare(con, dimension_frames)
    con.close()
    holder = _hold(db, 30)
    try:
        started = time.monotonic()
        code = cli.main(["ingest", str(PROJECT_ROOT / "raw"), "--db", str(db), "--wait", "1"])
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert code == 2 and 1 <= waited < 10
    assert f"in use by another process (PID {holder.pid}, parindex ingest started " in err
    assert "waited 1 s" in err and "--wait SECONDS" in err and "Traceback" not in err
    con = load.connect(db, read_only=True)  # neither run damaged the file
    try:
        assert load.run_checks(con) == {} and con.execute("select count(*) from dim_unit").fetchone()[0] > 0
    finally:
        con.close()


def test_waiting_succeeds_when_the_other_run_finishes_in_time(tmp_path):
    db = tmp_path / "w.duckdb"
    holder = _hold(db, 1.0)
    con = load.connect(db, wait=20)
    con.close()
    assert holder.wait(timeout=20) == 0


def test_a_stale_lock_record_of_a_dead_run_is_detected_and_explained(tmp_path):
    db = tmp_path / "w.duckdb"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    load.lock_info_path(db).write_text(f"pid={dead.pid}\ncommand=parindex ingest\nstarted_at=2026-01-01T10:00:00\n",
                                       encoding="utf-8")
    con = load.connect(db)  # DuckDB's own lock went with the process: the file opens
    note = load.claim_writer(db)
    assert note and f"PID {dead.pid}" in note and "ended without finishing (killed or crashed)" in note
    assert "rolled back" in note and str(load.lock_info_path(db)) in note
    assert f"pid={os.getpid()}" in load.lock_info_path(db).read_text(encoding="utf-8")
    con.close()
    load.release_writer(db)
    assert not load.lock_info_path(db).exists()
    assert load.claim_writer(db) is None  # no record, nothing to explain
    load.release_writer(db)
