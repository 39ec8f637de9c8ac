"""Publication after a run: a re-run that changed no figure rewrites only the run log's Parquet file."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from warehouse_rows import HB, NQ, add_score, add_source

from flows import load
from flows.publish import publish_snapshot


@pytest.fixture
def db(tmp_path, dimension_frames):
    path = tmp_path / "pub.duckdb"
    con = load.connect(path)
    load.prepare(con, dimension_frames)
    add_source(con)
    add_score(con, NQ, 2019, 91.93, 1)
    add_score(con, HB, 2019, 91.89, 2)
    con.execute("insert into etl_run (run_id, started_at, status, paths, documents, documents_rejected, facts, "
                "leader_ratings, claims, rejects, check_failures, extractor_version) "
                "values ('r1', now(), 'ok', 'raw', 1, 0, 2, 0, 0, 0, 0, 'test')")
    con.close()
    return path


def _add_run(db, run_id: str) -> None:
    con = load.connect(db)
    con.execute("insert into etl_run select * replace (? as run_id) from etl_run limit 1", [run_id])
    con.close()


def _stamps(folder) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.parquet")}


def test_an_unchanged_warehouse_rewrites_only_the_run_log(db):
    first = publish_snapshot(db)
    before = _stamps(first.parquet_dir)
    assert {"fact_score.parquet", "v_league_table.parquet", "etl_run.parquet"} <= set(before)
    _add_run(db, "r2")
    publish_snapshot(db)
    after = _stamps(first.parquet_dir)
    assert after.keys() == before.keys()
    assert [n for n in after if after[n] != before[n]] == ["etl_run.parquet"]
    assert sorted(pd.read_parquet(first.parquet_dir / "etl_run.parquet")["run_id"]) == ["r1", "r2"]


def test_a_changed_figure_or_a_missing_file_exports_everything_again(db):
    first = publish_snapshot(db)
    con = load.connect(db)
    con.execute("update fact_score set score = 95.0 where unit_id = ?", [NQ])
    con.close()
    publish_snapshot(db)
    facts = pd.read_parquet(first.parquet_dir / "fact_score.parquet")
    assert facts.set_index("unit_id").at[NQ, "score"] == 95.0
    os.remove(first.parquet_dir / "v_league_table.parquet")
    publish_snapshot(db)
    assert (first.parquet_dir / "v_league_table.parquet").is_file()
