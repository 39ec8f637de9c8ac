"""Prefect's process pool, with worker processes that can start before the flow does.

A worker process takes ~2-3 s before its first task: Python starts, imports Prefect, pandera and the
project, and reads the pickled reference data. Prefect's ``ProcessPoolTaskRunner`` spawns its workers
when the flow submits its first task, so that time used to come after the flow had started, while the
CLI had been waiting for Prefect's API server. ``WarmProcessPool.start_workers`` spawns them early and
has each one import and read what the tasks need; the flow run's copy of the runner (Prefect enters
``duplicate()``) takes the running workers over. Without ``start_workers`` it is Prefect's runner.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, _initialize_process_pool_worker


def warm(seeds: str) -> None:
    """In a worker process: import the task code and read the reference data, as the first task would."""
    import flows.ingest  # noqa: F401 - the import is the point
    from flows.refdata import reference_data

    reference_data(seeds)


def _start_worker(user_initializer: Any, user_initargs: tuple[Any, ...], seeds: str) -> None:
    """Every worker process's initializer (after Prefect's own): the runner's initializer, then ``warm``."""
    if user_initializer is not None:
        user_initializer(*user_initargs)
    warm(seeds)


def _nothing() -> None:
    """A task that makes the pool spawn one more worker."""


class WarmProcessPool(ProcessPoolTaskRunner):
    """``ProcessPoolTaskRunner`` whose workers ``start_workers`` starts before the flow enters it."""

    def __init__(self, max_workers: int | None = None, **kwargs: Any) -> None:
        super().__init__(max_workers=max_workers, **kwargs)
        self._early: tuple[Any, ProcessPoolExecutor] | None = None

    def start_workers(self, seeds: str) -> None:
        """Spawn every worker now, each importing the tasks' code and reading the reference data."""
        if self._early is not None:
            return
        context = multiprocessing.get_context("spawn")  # as Prefect's runner
        queue = context.Queue()
        executor = ProcessPoolExecutor(max_workers=self._max_workers, mp_context=context,
                                       initializer=_initialize_process_pool_worker,
                                       initargs=(queue, _start_worker, (self._initializer, self._initargs, seeds)))
        for _ in range(self._max_workers):  # each submission finds no idle worker and spawns one
            executor.submit(_nothing)
        self._early = (queue, executor)

    def duplicate(self) -> WarmProcessPool:
        """The copy a flow run enters takes the started workers over."""
        copy = super().duplicate()
        copy._early, self._early = self._early, None
        return copy

    def __enter__(self) -> WarmProcessPool:
        if self._early is None:
            return super().__enter__()
        TaskRunner.__enter__(self)
        (self._subprocess_message_queue, self._executor), self._early = self._early, None
        self._message_forwarding_thread = threading.Thread(
            target=self._forward_subprocess_messages, name="ProcessPoolTaskRunnerMessageForwarder", daemon=True)
        self._message_forwarding_thread.start()
        self._resolver_executor = ThreadPoolExecutor(max_workers=self._max_workers)
        return self

    def shutdown_unused(self) -> None:
        """Stop workers that no flow took over (the command failed before its flow started)."""
        if self._early is not None:
            queue, executor = self._early
            self._early = None
            executor.shutdown(wait=False, cancel_futures=True)
            queue.close()


def release_workers() -> None:
    """In a flow run on a process pool whose tasks are all done: let the worker processes exit now.

    Each takes ~1 s to end (Prefect's and the project's modules torn down); ending them while the flow
    loads, checks and publishes saves that wait at the end of the run (Prefect's exit joins them).
    Any other task runner is left as it is.
    """
    from prefect.context import FlowRunContext

    executor = getattr(getattr(FlowRunContext.get(), "task_runner", None), "_executor", None)
    if isinstance(executor, ProcessPoolExecutor):
        executor.shutdown(wait=False)
