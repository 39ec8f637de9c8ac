"""The CLI's early temporary Prefect server (flows/apiserver.py): real servers, real CLI runs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows import apiserver
from flows.paths import PROJECT_ROOT

DEMO = PROJECT_ROOT / "raw" / "2019" / "hai-phong"


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A Prefect home of this module's own, with a copy of the session's Prefect database when there is
    one (creating and migrating a new one costs seconds); else the first server creates it."""
    home = tmp_path_factory.mktemp("apiserver") / "prefect-home"
    home.mkdir()
    session_db = Path(os.environ["PREFECT_HOME"]) / "prefect.db"
    if session_db.is_file():
        with sqlite3.connect(session_db) as source, sqlite3.connect(home / "prefect.db") as copy:
            source.backup(copy)  # consistent even while the session's own server writes to it
    return home


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user who configured nothing of Prefect's, with the Prefect home ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return env | {"PREFECT_HOME": str(home)} | extra


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").is_file() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_a_temporary_server_answers_its_health_check_and_stops(home, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(home))
    server = apiserver.TemporaryApi()
    server.start()
    try:
        assert server.wait_ready(60), "the server did not answer within 60 s"
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=5) as response:
            assert response.status == 200
        process = server.process
    finally:
        server.stop()
    assert process.poll() is not None
    assert server.process is None


def test_only_an_unconfigured_prefect_gets_an_early_server(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("PREFECT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "WARNING")  # the CLI's own defaults choose no API
    assert not apiserver.api_configured_cheaply()
    (tmp_path / "profiles.toml").write_text('active = "ephemeral"\n[profiles.ephemeral]\n'
                                            'PREFECT_SERVER_ALLOW_EPHEMERAL_MODE = "true"\n', encoding="utf-8")
    assert not apiserver.api_configured_cheaply()
    (tmp_path / "profiles.toml").write_text('active = "local"\n[profiles.local]\n'
                                            'PREFECT_API_URL = "http://127.0.0.1:4200/api"\n', encoding="utf-8")
    assert apiserver.api_configured_cheaply()
    (tmp_path / "profiles.toml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.prefect]\napi.url = 'http://x/api'\n", encoding="utf-8")
    assert apiserver.api_configured_cheaply()
    (tmp_path / "pyproject.toml").unlink()
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert apiserver.api_configured_cheaply()


def test_an_ingest_without_a_configured_api_reports_to_one_early_server_that_ends_with_it(tmp_path, home):
    env = _clean_env(home, PREFECT_LOGGING_LEVEL="INFO")
    db = tmp_path / "w.duckdb"
    run = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(DEMO), "--db", str(db)],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Starting temporary server" not in run.stderr  # Prefect did not start a server of its own
    with sqlite3.connect(home / "prefect.db") as prefect_db:  # the early server's database
        runs = prefect_db.execute("select fr.state_type from flow_run fr join flow f on f.id = fr.flow_id "
                                  "where f.name = 'ingest' and fr.parameters like ?", [f"%{db}%"]).fetchall()
    assert runs == [("COMPLETED",)]
    survivors = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _has_home(p, home)]
    assert survivors == []


def _has_home(proc: Path, home: Path) -> bool:
    try:
        return f"PREFECT_HOME={home}".encode() in (proc / "environ").read_bytes()
    except OSError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="the server follows its parent through prctl, on Linux")
def test_a_killed_command_takes_its_early_server_along(tmp_path, home):
    script = ("import sys, time\nsys.path.insert(0, sys.argv[1])\nfrom flows import apiserver\n"
              "apiserver.start_early()\nprint(apiserver._EARLY[0].process.pid, flush=True)\ntime.sleep(120)\n")
    holder = subprocess.Popen([sys.executable, "-c", script, str(PROJECT_ROOT)], cwd=tmp_path,
                              env=_clean_env(home), stdout=subprocess.PIPE, text=True)
    try:
        server_pid = int(holder.stdout.readline())
        assert _alive(server_pid)
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        deadline = time.monotonic() + 15
        while _alive(server_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(server_pid), "the server outlived the command that started it"
    finally:
        holder.kill()
        holder.stdout.close()


def test_a_server_that_cannot_start_is_reported_with_its_reason_not_a_traceback(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the Prefect home should be", encoding="utf-8")
    env = _clean_env(blocker / "prefect")
    run = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(DEMO), "--db", str(tmp_path / "w.duckdb")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stderr[-2000:]
    assert "Prefect's temporary API server did not answer" in run.stderr
    assert "unable to open database file" in run.stderr and "PREFECT_HOME" in run.stderr
    assert "Traceback" not in run.stderr


def test_prefects_own_server_failing_is_reported_without_a_traceback_too(tmp_path):
    # a Prefect setting of the user's (PREFECT_CLIENT_MAX_RETRIES): Prefect starts its own server, which fails
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the Prefect home should be", encoding="utf-8")
    env = _clean_env(blocker / "prefect", PREFECT_CLIENT_MAX_RETRIES="1",
                     PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="2")
    run = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(DEMO), "--db", str(tmp_path / "w.duckdb")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stderr[-2000:]
    assert "Prefect's temporary API server did not start" in run.stderr
    assert "flows/cli.py" not in run.stderr  # the server's own log shows its traceback; the command has none
