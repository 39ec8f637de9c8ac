"""The yearly deployment against a REAL local Prefect server (loopback, private PREFECT_HOME).

One module fixture starts `prefect server start` and `parindex serve` as subprocesses, waits until the
server has planned the deployment's next run, and stops both at the end. The rest of the suite stays on
Prefect's temporary (ephemeral) server.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from flows import cli
from flows.deploy import CRON, DEPLOYMENT_NAME, TIMEZONE, previous_year

BIN = Path(sys.executable).parent
STARTUP_TIMEOUT = 60  # seconds; the first start migrates a fresh SQLite database (~15 s here)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def _wait_for(what: str, probe, procs: list[subprocess.Popen], logs: list[Path]):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        for proc, log in zip(procs, logs, strict=True):
            if proc.poll() is not None:
                pytest.fail(f"{log.name} exited ({proc.returncode}) before {what}:\n{log.read_text()[-3000:]}")
        try:
            found = probe()
        except httpx.HTTPError:
            found = None
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"no {what} within {STARTUP_TIMEOUT} s:\n" + "\n".join(log.read_text()[-2000:] for log in logs))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A server on a free loopback port, `parindex serve` registered against it, and the API URL."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME": "P400D",
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "1", "PREFECT_LOGGING_LEVEL": "WARNING"}
    env.pop("PREFECT_API_URL", None)
    logs = [home / "server.log", home / "serve.log"]
    procs: list[subprocess.Popen] = []
    try:
        with logs[0].open("w") as out:
            procs.append(subprocess.Popen(
                [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
        _wait_for("healthy server", lambda: httpx.get(f"{api}/health", timeout=2).status_code == 200,
                  procs, logs[:1])
        with logs[1].open("w") as out:
            procs.append(subprocess.Popen(
                [str(BIN / "parindex"), "serve", "--db", str(home / "parindex.duckdb")],
                env={**env, "PREFECT_API_URL": api}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))

        def deployment():
            response = httpx.get(f"{api}/deployments/name/yearly-ingest/{DEPLOYMENT_NAME}", timeout=2)
            return response.json() if response.status_code == 200 else None

        found = _wait_for("deployment", deployment, procs, logs)

        def scheduled_runs():
            body = {"flow_runs": {"deployment_id": {"any_": [found["id"]]},
                                  "state": {"type": {"any_": ["SCHEDULED"]}}}}
            return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=2).json()

        runs = _wait_for("scheduled run", scheduled_runs, procs, logs)
        yield {"api": api, "deployment": found, "runs": runs, "db": home / "parindex.duckdb"}
    finally:
        for proc in reversed(procs):
            _stop(proc)


def test_the_deployment_runs_once_a_year_in_vietnam_time(served):
    schedules = served["deployment"]["schedules"]
    assert [s["schedule"]["cron"] for s in schedules] == [CRON]
    assert [s["schedule"]["timezone"] for s in schedules] == [TIMEZONE]
    assert all(s["active"] for s in schedules)


def test_the_next_run_is_planned_within_400_days_at_6_in_the_morning_local_time(served):
    starts = sorted(datetime.fromisoformat(r["expected_start_time"]) for r in served["runs"])
    now = datetime.now(UTC)
    assert now < starts[0] <= now + timedelta(days=400)
    local = starts[0].astimezone(ZoneInfo(TIMEZONE))
    assert (local.month, local.day, local.hour, local.minute) == (4, 15, 6, 0)


def test_the_runs_ingest_last_years_results_into_the_served_warehouse(served):
    deployment = served["deployment"]
    assert deployment["parameters"] == {"db": str(served["db"])}
    assert deployment["parameter_openapi_schema"]["properties"]["year"]["default"] is None
    assert previous_year(datetime(2026, 1, 1, 0, 30, tzinfo=ZoneInfo(TIMEZONE))) == 2025


def test_serve_without_a_server_stops_with_a_clear_message(monkeypatch, capsys):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert cli.main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "no Prefect server configured" in err and "prefect server start --host 127.0.0.1" in err
