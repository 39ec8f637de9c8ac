"""WarmProcessPool: worker processes started before the flow run the flow's tasks (real Prefect runs)."""

from __future__ import annotations

import os
import time

from prefect import flow, task

from flows.cache import seed_fingerprint
from flows.workers import WarmProcessPool, release_workers


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


@flow
def released_early(n: int) -> tuple[list[int], bool]:
    """Tasks on the pool, then ``release_workers``: are the workers gone while the flow still runs?"""
    ran_in = [f.result() for f in worker_pid.map(list(range(n)))]
    release_workers()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in ran_in) and time.monotonic() < deadline:
        time.sleep(0.05)
    return ran_in, any(_alive(p) for p in ran_in)


def test_released_workers_exit_before_the_flow_run_ends():
    ran_in, still_alive = released_early.with_options(task_runner=WarmProcessPool(max_workers=2))(4)
    assert ran_in and os.getpid() not in ran_in
    assert not still_alive


@flow
def on_threads() -> int:
    release_workers()  # not a process pool: nothing to release, the runner still runs tasks
    return worker_pid.submit(0).result()


def test_releasing_workers_leaves_a_thread_pool_running():
    assert on_threads() == os.getpid()
