"""WarmProcessPool: worker processes started before the flow run the flow's tasks (real Prefect runs)."""

from __future__ import annotations

import os
import time

from prefect import flow, task

from flows.cache import seed_fingerprint
from flows.workers import WarmProcessPool


@task
def worker_pid(_: int) -> int:
    return os.getpid()


@flow
def pids(n: int) -> list[int]:
    return [f.result() for f in worker_pid.map(list(range(n)))]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def test_the_flow_runs_its_tasks_in_the_workers_started_before_it():
    runner = WarmProcessPool(max_workers=2)
    runner.start_workers(seed_fingerprint())
    started = set(runner._early[1]._processes)  # spawned by start_workers, before any flow
    assert len(started) == 2
    ran_in = set(pids.with_options(task_runner=runner)(6))
    assert ran_in <= started and os.getpid() not in ran_in
    assert runner._early is None  # the flow run's copy took the workers over


def test_workers_no_flow_took_over_are_stopped():
    runner = WarmProcessPool(max_workers=2)
    runner.start_workers(seed_fingerprint())
    started = set(runner._early[1]._processes)
    runner.shutdown_unused()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in started) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in started)
