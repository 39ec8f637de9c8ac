"""Backfill: the ingest flow over a range of years, in order, each year recorded in ``etl_run``.

Each year with documents under ``raw/<year>/`` runs as one ingest subflow (its own ``etl_run`` row,
``paths`` = that folder); a year without documents gets an ``etl_run`` row of status ``empty``, so the
table says what happened to every year of the range. The task runner is a setting: Prefect's thread
pool by default, or a Dask cluster (``task_runner="dask"``, prefect-dask) for very large backfills.
Importing this module imports Prefect: only ``parindex backfill`` and ``parindex serve`` do.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.task_runners import ThreadPoolTaskRunner

from flows import AUTO_PROCESS_DOCUMENTS, apiserver, load
from flows.discover import discover, display_path
from flows.errors import ParindexError
from flows.paths import DEFAULT_DB, RAW_DIR

TASK_RUNNERS = ("thread", "dask")
FIRST_YEAR = 2000  # PAR Index began in 2012; earlier years are a typo, not a backfill
LAST_YEAR = 2100


def check_years(start: int, end: int) -> list[int]:
    """The years of a backfill, in order; a clear error for an empty or implausible range.

    Example:
        >>> check_years(2018, 2020)
        [2018, 2019, 2020]
    """
    if start > end:
        raise ParindexError(f"--from {start} is after --to {end}", fix=f"swap them: --from {end} --to {start}")
    for year in (start, end):
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ParindexError(f"year {year} is outside {FIRST_YEAR}-{LAST_YEAR}",
                                fix="give evaluated years such as --from 2012 --to 2025")
    return list(range(start, end + 1))


def year_folder(raw: Path, year: int) -> Path:
    """Where a year's documents live: ``<raw>/<year>/``.

    Example:
        >>> year_folder(Path("raw"), 2019).as_posix()
        'raw/2019'
    """
    return raw / str(year)


def year_documents(raw: Path, year: int) -> list[Path]:
    """The documents of one year (none when its folder is missing)."""
    folder = year_folder(raw, year)
    return discover([folder]) if folder.is_dir() else []


def resolve_task_runner(kind: str, documents: int) -> str:
    """The runner "auto" means for a run of ``documents``: processes when there is enough to share.

    Worker processes take a few seconds to start (Python, Prefect and the gazetteer in each), so small
    runs stay on threads.

    Example:
        >>> resolve_task_runner("auto", 5), resolve_task_runner("dask", 5)
        ('thread', 'dask')
    """
    if kind != "auto":
        return kind
    return "process" if documents >= AUTO_PROCESS_DOCUMENTS and (os.cpu_count() or 1) > 1 else "thread"


def make_task_runner(kind: str = "thread", address: str | None = None) -> Any:
    """Prefect's thread or process pool, or a prefect-dask runner on the cluster at ``address`` (local if None)."""
    if address and kind != "dask":
        raise ParindexError("--dask-address needs --task-runner dask", fix="add --task-runner dask")
    if kind in ("thread", "auto"):
        return ThreadPoolTaskRunner()
    if kind == "process":
        from flows.workers import WarmProcessPool  # Prefect's process pool; its workers can start early

        return WarmProcessPool(max_workers=os.cpu_count() or 1)
    if kind == "dask":
        quiet_dask()
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": False})
    raise ParindexError(f"unknown task runner {kind!r}",
                        fix="use --task-runner auto, thread, process or dask")


def quiet_dask() -> None:
    """Dask's own logging at WARNING unless configured (workers inherit the environment)."""
    os.environ.setdefault("DASK_DISTRIBUTED__LOGGING__DISTRIBUTED", "warning")
    import dask.config

    dask.config.refresh()


def check_scheduler(address: str, timeout: float = 5) -> None:
    """A clear error, before any flow starts, when no Dask scheduler answers at ``address``."""
    quiet_dask()
    from distributed import Client

    try:
        Client(address, timeout=timeout).close()
    except (OSError, TimeoutError) as exc:
        raise ParindexError(f"no Dask scheduler answers at {address} ({exc})",
                            fix="start one (`dask scheduler` and `dask worker ADDR`), check the address, "
                                "or leave out --dask-address to use a local cluster") from exc


@contextmanager
def dask_cluster(kind: str, address: str | None) -> Iterator[str | None]:
    """One local Dask cluster for a whole backfill when dask is asked for without an address."""
    if kind != "dask" or address:
        yield address
        return
    from distributed import LocalCluster

    quiet_dask()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@contextmanager
def shared_api(task_runner: str, *, always: bool = False) -> Iterator[None]:
    """Flow and worker processes report to one Prefect API; without a configured one, to this process's server.

    Otherwise each worker process (process pool or Dask) would start a temporary server of its own
    (seconds each). The server the CLI started early (``flows.apiserver``) is used when there is one,
    else Prefect's temporary server is started here; with ``always`` the flow uses it whatever the
    task runner.
    """
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_ALLOW_EPHEMERAL_MODE,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    apiserver.ensure_ready(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())  # the CLI's early server
    if (task_runner in ("thread", "auto") and not always) or PREFECT_API_URL.value() \
            or not PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value():
        yield  # a configured API (the early server included), or Prefect decides per flow
        return
    from prefect.server.api.server import SubprocessASGIServer  # importing it alone takes seconds

    server = SubprocessASGIServer()  # a singleton: the one a running flow started, if any
    if not server.running:
        try:
            server.start()
        except RuntimeError as exc:  # Prefect's message ends with the server's own output
            reason = str(exc).strip().splitlines()[-1][:300] if str(exc).strip() else type(exc).__name__
            raise ParindexError(f"Prefect's temporary API server did not start: {reason}",
                                fix=apiserver.SERVER_FIX) from exc
    with temporary_settings({PREFECT_API_URL: server.api_url}):
        yield


def empty_year_record(year_path: str) -> dict[str, Any]:
    """The ``etl_run`` row of a year that has no documents."""
    from flows.ingest import _now, run_record

    now = _now()
    record = run_record(str(uuid.uuid4()), now, [year_path], [], 0, status="empty")
    return record | {"finished_at": now}


def _record_empty_year(db: Path, year_path: str) -> None:
    con = load.connect(db)
    try:
        load.apply_ddl(con)
        load.record_run(con, empty_year_record(year_path))
    finally:
        con.close()


def year_outcome(year: int, summary: dict[str, Any] | None, folder: str, error: str | None = None) -> dict[str, Any]:
    """One line of a backfill's result: the year, its status and its counts.

    Example:
        >>> year_outcome(2013, None, "raw/2013")["status"]
        'empty'
    """
    summary = summary or {}
    docs = summary.get("documents", [])
    status = "failed" if error else summary.get("status", "empty")
    return {"year": year, "path": folder, "status": status, "run_id": summary.get("run_id"),
            "documents": len(docs), "facts": sum(d["facts"] for d in docs),
            "rejects": sum(d["rejects"] for d in docs), "check_failures": len(summary.get("check_failures", {})),
            "error": error}


def progress_line(number: int, total: int, outcome: dict[str, Any]) -> str:
    """A text progress bar and the year's outcome.

    Example:
        >>> progress_line(1, 4, {"year": 2012, "path": "raw/2012", "status": "empty", "documents": 0,
        ...                      "facts": 0, "rejects": 0, "error": None})
        '[#####---------------]  1/4 2012 raw/2012: no documents (empty)'
    """
    width = 20
    done = round(width * number / total)
    bar = "#" * done + "-" * (width - done)
    if outcome["error"]:
        what = f"failed: {outcome['error']}"
    elif outcome["documents"] == 0:
        what = "no documents (empty)"
    else:
        what = (f"{outcome['documents']} document(s), {outcome['facts']} facts, {outcome['rejects']} rejected "
                f"({outcome['status']})")
    return f"[{bar}] {number:>2}/{total} {outcome['year']} {outcome['path']}: {what}"


@flow(name="backfill", log_prints=False, validate_parameters=True)
def backfill(from_year: int, to_year: int, raw: str | None = None, db: str | None = None,
             task_runner: str = "auto", dask_address: str | None = None,
             progress: bool = False) -> dict[str, Any]:
    """Ingest ``raw/<year>/`` for every year from ``from_year`` to ``to_year``, in order."""
    from flows.ingest import ingest

    years = check_years(from_year, to_year)
    raw_dir, db_path = Path(raw or RAW_DIR), Path(db or DEFAULT_DB)
    outcomes = []
    for number, year in enumerate(years, start=1):
        folder = display_path(year_folder(raw_dir, year))
        summary, error = None, None
        if documents := year_documents(raw_dir, year):
            kind = resolve_task_runner(task_runner, len(documents))
            runner = make_task_runner(kind, dask_address)
            try:
                with shared_api(kind):
                    summary = ingest.with_options(task_runner=runner, flow_run_name=f"ingest-{year}")(
                        paths=[folder], db=str(db_path))
            except load.WarehouseBusy:
                raise  # another run holds the warehouse: every later year would fail the same way
            except Exception as exc:  # noqa: BLE001 - the year is recorded as failed (by ingest); go on
                error = f"{type(exc).__name__}: {exc}"
        else:
            _record_empty_year(db_path, folder)
        outcomes.append(year_outcome(year, summary, folder, error))
        if progress:
            print(progress_line(number, len(years), outcomes[-1]), file=sys.stderr, flush=True)
    failed = any(o["status"] != "ok" and o["status"] != "empty" for o in outcomes)
    return {"db": str(db_path), "years": outcomes, "status": "rejects" if failed else "ok"}


def run_backfill(from_year: int, to_year: int, *, raw: Path | None = None, db: Path | None = None,
                 task_runner: str = "auto", dask_address: str | None = None,
                 progress: bool = False) -> dict[str, Any]:
    """The backfill flow, with one local Dask cluster for all years when dask has no address."""
    check_years(from_year, to_year)
    make_task_runner(task_runner, dask_address)  # usage errors before any cluster or flow starts
    if task_runner == "dask" and dask_address:
        check_scheduler(dask_address)
    with dask_cluster(task_runner, dask_address) as address, shared_api(task_runner, always=True):
        return backfill(from_year, to_year, raw=str(raw) if raw else None, db=str(db) if db else None,
                        task_runner=task_runner, dask_address=address, progress=progress)
