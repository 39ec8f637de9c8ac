"""Loading: one transaction per document, idempotent re-runs, the league table view, the checks, the lock."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime

import pytest
from helpers import make_contract, make_fact, snapshot

from flows import load
from flows.errors import ParindexError
from flows.validate import validate_contract

DOCUMENT_TABLES = ("dim_source", "fact_score", "fact_leader_rating", "fact_claim", "etl_reject")
UNITS = ["hai-phong:quan-ngo-quyen", "hai-phong:quan-hong-bang", "hai-phong:quan-le-chan",
         "hai-phong:huyen-kien-thuy"]


def _rows(con, sql, params=()):
    return con.execute(sql, params).fetchall()


def _districts_2019(scores, ranks=None):
    ranks = ranks or [None] * len(scores)
    return [make_fact(unit_id, unit_id, score=score, rank=rank, span=[i * 10, i * 10 + 9])
            for i, (unit_id, score, rank) in enumerate(zip(UNITS, scores, ranks, strict=True))]


def test_loading_the_same_document_twice_leaves_the_warehouse_identical(warehouse, validated, dims):
    contract = make_contract(_districts_2019([91.93, 91.89, 89.92, 89.24], [1, 2, 3, 4]),
                             rejects=[{"check": "unit_known", "value": "Quận X", "message": "unknown unit"}])
    load.load_document(warehouse, validated(contract))
    first = snapshot(warehouse, DOCUMENT_TABLES)
    later = validate_contract(contract, dims, ingested_at=datetime(2024, 1, 1))  # another clock
    load.load_document(warehouse, later)
    assert snapshot(warehouse, DOCUMENT_TABLES) == first
    assert _rows(warehouse, "select count(*) from fact_score") == [(4,)]
    assert _rows(warehouse, "select count(*) from etl_reject") == [(1,)]


def test_a_changed_file_replaces_its_earlier_version(warehouse, validated):
    load.load_document(warehouse, validated(make_contract(_districts_2019([91.0, 90.0, 89.0, 88.0]))))
    edited = make_contract(_districts_2019([91.5, 90.0, 89.0, 88.0])[:3], sha="b" * 64)
    load.load_document(warehouse, validated(edited))
    assert _rows(warehouse, "select distinct source_id from fact_score") == [("b" * 64,)]
    assert _rows(warehouse, "select count(*) from dim_source") == [(1,)]
    assert _rows(warehouse, "select score from fact_score where unit_id = ?", [UNITS[0]]) == [(91.5,)]


def test_the_league_table_ranks_by_competition_and_compares_with_last_year(warehouse, validated):
    this_year = _districts_2019([91.93, 90.0, 90.0, 85.0])
    last_year = [make_fact(unit_id, unit_id, year=2018, score=None, rank=rank, span=[500 + rank, 510 + rank])
                 for unit_id, rank in zip(UNITS, [2, 1, 4, 3], strict=True)]
    load.load_document(warehouse, validated(make_contract(this_year + last_year)))
    rows = _rows(warehouse, """select unit_id, rank_computed, rank, prev_rank, rank_change
                               from v_league_table where year = 2019 order by rank, unit_id""")
    assert rows == [(UNITS[0], 1, 1, 2, 1), (UNITS[1], 2, 2, 1, -1), (UNITS[2], 2, 2, 4, 2),
                    (UNITS[3], 4, 4, 3, -1)]


def test_a_published_rank_that_contradicts_the_scores_is_flagged(warehouse, validated):
    load.load_document(warehouse, validated(make_contract(_districts_2019([91.0, 92.0, 89.0, 88.0], [1, 2, 3, 4]))))
    flagged = _rows(warehouse, "select unit_id from v_league_table where rank_mismatch order by unit_id")
    assert flagged == sorted([(UNITS[0],), (UNITS[1],)])


def test_two_sources_keep_both_rows_and_the_view_prefers_one(warehouse, validated):
    load.load_document(warehouse, validated(make_contract(_districts_2019([91.93, 91.89, 89.92, 89.24]))))
    table = make_contract(_districts_2019([91.93, 91.8, 89.92, 89.24], [1, 2, 3, 4]), sha="c" * 64,
                          path="raw/2019/hai-phong/diem.csv")
    table["source"]["media_type"] = "text/csv"
    load.load_document(warehouse, validated(table))
    assert _rows(warehouse, "select count(*) from fact_score") == [(8,)]
    assert _rows(warehouse, "select count(*) from v_league_table where year = 2019") == [(4,)]
    assert _rows(warehouse, "select unit_id, score_values from v_score_conflict") == [(UNITS[1], [91.8, 91.89])]


def test_checks_return_no_rows_after_a_load(warehouse, validated):
    load.load_document(warehouse, validated(make_contract(_districts_2019([91.93, 91.89, 89.92, 89.24]))))
    assert load.check_names() == ["assert_fact_score_unique", "assert_score_within_bounds",
                                  "assert_source_known", "assert_unit_known"]
    assert load.run_checks(warehouse) == {}


def test_checks_catch_rows_written_behind_the_pipeline(warehouse, validated):
    load.load_document(warehouse, validated(make_contract(_districts_2019([91.93, 91.89, 89.92, 89.24]))))
    warehouse.execute("update fact_score set score = 120 where unit_id = ?", [UNITS[0]])
    warehouse.execute("delete from dim_source")
    assert set(load.run_checks(warehouse)) == {"assert_score_within_bounds", "assert_source_known"}


def test_ddl_is_idempotent(warehouse, dimension_frames):
    load.prepare(warehouse, dimension_frames)
    load.prepare(warehouse, dimension_frames)
    assert _rows(warehouse, "select count(*) from dim_unit") == [(len(dimension_frames["dim_unit"]),)]
    assert _rows(warehouse, "select name_ascii from dim_unit where unit_id = ?", ["hai-phong:huyen-thuy-nguyen"]) \
        == [("huyen thuy nguyen",)]


def test_reading_a_missing_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(ParindexError, match="run `parindex ingest` first"):
        load.connect(tmp_path / "none.duckdb", read_only=True)


def test_a_second_process_gets_a_clear_message(tmp_path):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); print('held', flush=True);"
                               " sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        for read_only in (False, True):
            with pytest.raises(load.WarehouseBusy, match=rf"in use by another process \(PID {holder.pid}\)"):
                load.connect(db, read_only=read_only)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    time.sleep(0.05)
    load.connect(db).close()


def test_unchanged_seeds_are_not_rewritten_but_changed_or_tampered_ones_are(warehouse, dimension_frames):
    seeded_at = _rows(warehouse, "select seeded_at from etl_seed")
    load.prepare(warehouse, dimension_frames)
    assert _rows(warehouse, "select seeded_at from etl_seed") == seeded_at  # same seeds: nothing rewritten
    units = len(dimension_frames["dim_unit"])
    warehouse.execute("delete from dim_unit where unit_id = 'hai-phong:quan-ngo-quyen'")
    load.prepare(warehouse, dimension_frames)
    assert _rows(warehouse, "select count(*) from dim_unit") == [(units,)]
    renamed = dict(dimension_frames)
    renamed["dim_index"] = dimension_frames["dim_index"].assign(name_en=lambda f: f["name_en"] + " (renamed)")
    load.prepare(warehouse, renamed)
    assert all(name.endswith("(renamed)") for (name,) in _rows(warehouse, "select name_en from dim_index"))
    assert len(_rows(warehouse, "select * from etl_seed")) == 1
