"""`--task-runner dask` and `process`: the extraction tasks in other processes give the same warehouse.

A backfill on a local Dask cluster (two worker processes) and one on Prefect's process pool: the
extraction tasks run in the worker processes, so their arguments and results cross a pickle
boundary; the warehouse written by the flow process must equal the thread pool runner's, run ids
and timestamps aside.
"""

from __future__ import annotations

import pytest
from distributed import LocalCluster
from helpers import COMPARED
from helpers import comparable_rows as _rows

from flows.backfill import backfill, check_scheduler
from flows.errors import ParindexError
from flows.paths import RAW_DIR


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    thread_db, dask_db, process_db = root / "thread.duckdb", root / "dask.duckdb", root / "process.duckdb"
    thread = backfill(2018, 2019, raw=str(RAW_DIR), db=str(thread_db), task_runner="thread")
    process = backfill(2018, 2019, raw=str(RAW_DIR), db=str(process_db), task_runner="process")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with cluster.get_client() as client:
            workers = client.scheduler_info()["workers"]
            dask = backfill(2018, 2019, raw=str(RAW_DIR), db=str(dask_db), task_runner="dask",
                            dask_address=cluster.scheduler_address)
            log = client.get_worker_logs()
    return {"thread": (thread, _rows(thread_db)), "dask": (dask, _rows(dask_db)), "workers": workers, "log": log,
            "process": (process, _rows(process_db))}


def test_the_cluster_has_two_worker_processes(warehouses):
    assert len(warehouses["workers"]) == 2
    assert len({w["id"] for w in warehouses["workers"].values()}) == 2


def test_dask_and_the_thread_pool_give_the_same_warehouse(warehouses):
    thread_rows, dask_rows = warehouses["thread"][1], warehouses["dask"][1]
    assert thread_rows["fact_score"], "the demo year loaded nothing: the comparison would be empty"
    for table in (*COMPARED, "etl_run"):
        assert dask_rows[table] == thread_rows[table], table


def test_the_process_pool_and_the_thread_pool_give_the_same_warehouse(warehouses):
    thread_rows, process_rows = warehouses["thread"][1], warehouses["process"][1]
    for table in (*COMPARED, "etl_run"):
        assert process_rows[table] == thread_rows[table], table


def test_every_runner_reports_the_same_outcome_per_year(warehouses):
    def outcomes(result):
        return [(y["year"], y["status"], y["documents"], y["facts"]) for y in result["years"]]

    assert outcomes(warehouses["dask"][0]) == outcomes(warehouses["thread"][0])
    assert outcomes(warehouses["process"][0]) == outcomes(warehouses["thread"][0])
    assert [y["status"] for y in warehouses["dask"][0]["years"]] == ["empty", "ok"]


def test_an_address_without_a_scheduler_is_a_clear_error():
    with pytest.raises(ParindexError, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:1 .*--dask-address"):
        check_scheduler("tcp://127.0.0.1:1", timeout=1)
