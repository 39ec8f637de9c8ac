"""`--task-runner dask`: a backfill on a local Dask cluster (two worker processes) gives the same warehouse.

The extraction tasks run in the worker processes, so their arguments cross a pickle boundary; the
warehouse written by the flow process must equal the default (thread pool) runner's, run ids and
timestamps aside.
"""

from __future__ import annotations

import pytest
from distributed import LocalCluster

from flows import load
from flows.backfill import backfill, check_scheduler
from flows.errors import ParindexError
from flows.paths import RAW_DIR

COMPARED = ("fact_score", "fact_leader_rating", "fact_claim", "dim_source", "etl_reject")
VOLATILE = {"run_id", "ingested_at", "started_at", "finished_at"}


def _rows(db) -> dict[str, list[tuple]]:
    con = load.connect(db, read_only=True)
    try:
        tables = {}
        for table in COMPARED:
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
                [table]).fetchall() if c not in VOLATILE]
            select = ", ".join(f'"{c}"' for c in columns)
            tables[table] = sorted(con.execute(f"select {select} from {table}").fetchall(), key=repr)
        runs = con.execute("select paths, status, documents, facts, rejects from etl_run order by started_at")
        return tables | {"etl_run": runs.fetchall()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    thread_db, dask_db = root / "thread.duckdb", root / "dask.duckdb"
    thread = backfill(2018, 2019, raw=str(RAW_DIR), db=str(thread_db))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with cluster.get_client() as client:
            workers = client.scheduler_info()["workers"]
            dask = backfill(2018, 2019, raw=str(RAW_DIR), db=str(dask_db), task_runner="dask",
                            dask_address=cluster.scheduler_address)
            log = client.get_worker_logs()
    return {"thread": (thread, _rows(thread_db)), "dask": (dask, _rows(dask_db)), "workers": workers, "log": log}


def test_the_cluster_has_two_worker_processes(warehouses):
    assert len(warehouses["workers"]) == 2
    assert len({w["id"] for w in warehouses["workers"].values()}) == 2


def test_dask_and_the_thread_pool_give_the_same_warehouse(warehouses):
    thread_rows, dask_rows = warehouses["thread"][1], warehouses["dask"][1]
    assert thread_rows["fact_score"], "the demo year loaded nothing: the comparison would be empty"
    for table in (*COMPARED, "etl_run"):
        assert dask_rows[table] == thread_rows[table], table


def test_both_runs_report_the_same_outcome_per_year(warehouses):
    def outcomes(result):
        return [(y["year"], y["status"], y["documents"], y["facts"]) for y in result["years"]]

    assert outcomes(warehouses["dask"][0]) == outcomes(warehouses["thread"][0])
    assert [y["status"] for y in warehouses["dask"][0]["years"]] == ["empty", "ok"]


def test_an_address_without_a_scheduler_is_a_clear_error():
    with pytest.raises(ParindexError, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:1 .*--dask-address"):
        check_scheduler("tcp://127.0.0.1:1", timeout=1)
