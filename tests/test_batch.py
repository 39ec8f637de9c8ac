"""Batches: validating and loading many documents at once gives what one at a time gives.

Pandera and DuckDB cost per call, so the flow validates and loads up to ``BATCH_DOCUMENTS`` documents
together. These tests hold the batched path to the one-document path: the same accepted rows and
the same reject rows per document, the same warehouse, and one bad document never costs the others.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pandas as pd
import pytest
from conftest import INGESTED_AT
from helpers import make_contract, make_fact, snapshot

from flows import cache, load
from flows.errors import ParindexError
from flows.extract import extract_path
from flows.ingest import batches, load_documents
from flows.packed import PackedDocuments
from flows.validate import rejected_document, validate_batch, validate_contract

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("dim_source", "fact_score", "fact_leader_rating", "fact_claim", "etl_reject", "etl_document")
NQ, HB, LC = "hai-phong:quan-ngo-quyen", "hai-phong:quan-hong-bang", "hai-phong:quan-le-chan"


def _sha(n: int) -> str:
    return f"{n:064x}"


def _made_up_contracts() -> list[dict]:
    """Documents that exercise every reject path: a bad year, a conflicting repeat, unknown units, a bad date."""
    good = make_contract([make_fact(NQ, "Quận Ngô Quyền", score=91.93, rank=1),
                          make_fact(HB, "Quận Hồng Bàng", score=91.89, rank=2)], sha=_sha(1), path="raw/a.txt")
    bad_year = make_contract([make_fact(NQ, "Quận Ngô Quyền", year=1999),
                              make_fact(HB, "Quận Hồng Bàng", score=150.0, rank=2)], sha=_sha(2), path="raw/b.txt")
    repeats = make_contract([make_fact(LC, "Quận Lê Chân", score=89.92, rank=3, span=[0, 9]),
                             make_fact(LC, "Quận Lê Chân", score=88.0, rank=3, span=[20, 29])],
                            sha=_sha(3), path="raw/c.txt",
                            leader_ratings=[{"unit_id": "hai-phong:nowhere", "year": 2019, "title": "Giám đốc",
                                             "rating": "hoàn thành tốt nhiệm vụ", "evidence": "x", "span": [1, 2]}],
                            rejects=[{"check": "unit_known", "value": "Quận X", "message": "unknown unit"}])
    repeats["source"]["published"] = "06/05/2020"
    no_unit = make_contract([make_fact(None, "Quận Không Có", score=80.0, rank=None)], sha=_sha(4), path="raw/d.txt")
    return [good, bad_year, repeats, no_unit]


@pytest.fixture(scope="module")
def contracts(gazetteer) -> list[dict]:
    """Made-up contracts, then every golden text and bad input the extractor reads (real extraction)."""
    found = _made_up_contracts()
    for folder in ("tests/golden", "tests/bad_inputs"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".txt", ".csv", ".html", ".md"}:
                try:
                    found.append(extract_path(path, gazetteer))
                except ParindexError:
                    pass  # unreadable documents never reach validation
    assert len(found) > 40
    return found


def _same_document(batched, alone) -> None:
    assert (batched.path, batched.source_id, batched.warnings) == (alone.path, alone.source_id, alone.warnings)
    assert batched.tables.keys() == alone.tables.keys()
    for name in alone.tables:
        pd.testing.assert_frame_equal(batched.tables[name], alone.tables[name], obj=f"{alone.path} {name}")
    pd.testing.assert_frame_equal(batched.rejects, alone.rejects, obj=f"{alone.path} etl_reject")


def test_a_batch_validates_every_document_as_it_would_alone(contracts, dims):
    batched = validate_batch(contracts, dims, ingested_at=INGESTED_AT)
    assert len(batched) == len(contracts)
    # alone, pandera costs ~120 ms a document: every document with rejects or warnings, and every third one
    picked = [i for i, c in enumerate(contracts) if c.get("rejects") or c.get("warnings") or i % 3 == 0]
    alone = [validate_contract(contracts[i], dims, ingested_at=INGESTED_AT) for i in picked]
    assert sum(len(d.rejects) for d in alone) > 10, "the inputs should include rejected rows"
    assert sum(d.count("fact_score") for d in alone) > 100
    for i, other in zip(picked, alone, strict=True):
        _same_document(batched[i], other)


def test_a_batch_that_repeats_a_documents_bytes_still_validates_each(contracts, dims):
    first = contracts[0]
    twin = {**first, "source": {**first["source"], "path": "raw/copy-of-a.txt"}}
    batched = validate_batch([first, contracts[1], twin], dims, ingested_at=INGESTED_AT)
    assert [d.path for d in batched] == ["raw/a.txt", "raw/b.txt", "raw/copy-of-a.txt"]
    _same_document(batched[2], validate_contract(twin, dims, ingested_at=INGESTED_AT))
    assert batched[0].count("fact_score") == batched[2].count("fact_score") == 2


def test_packed_documents_unpack_to_the_documents_packed(contracts, dims):
    # what a worker process sends back: documents validated in one batch, alone, and unreadable ones
    docs = validate_batch(contracts, dims, ingested_at=INGESTED_AT)
    docs += [validate_contract(contracts[2], dims, ingested_at=INGESTED_AT),
             rejected_document("raw/e.txt", ParindexError("not text", path="raw/e.txt", fix="remove it"))]
    packed = pickle.loads(pickle.dumps(PackedDocuments.pack(docs)))
    assert set(packed.tables) == {"dim_source", "fact_score", "fact_leader_rating", "fact_claim"}  # one frame each
    assert len(packed.tables["fact_score"]) == sum(d.count("fact_score") for d in docs) > 100
    unpacked = packed.unpack()
    assert len(unpacked) == len(docs)
    for got, doc in zip(unpacked, docs, strict=True):
        _same_document(got, doc)
    assert not unpacked[-1].readable and len(unpacked[-1].rejects) == 1


def _documents(dims) -> list:
    made = _made_up_contracts()
    moved = {**made[0], "source": {**made[0]["source"], "path": "raw/moved-a.txt"}}  # a's bytes again
    docs = validate_batch(made, dims, ingested_at=INGESTED_AT)
    unreadable = rejected_document("raw/e.txt", ParindexError("not text", path="raw/e.txt", fix="remove it"))
    return [*docs, validate_contract(moved, dims, ingested_at=INGESTED_AT), unreadable]


def _keys(docs) -> list[cache.CacheKey]:
    return [cache.CacheKey(d.path, d.source_id or "0" * 64, "test", "seeds") for d in docs]


def test_loading_a_batch_leaves_what_loading_one_at_a_time_leaves(tmp_path, dimension_frames, dims):
    earlier = validate_contract(make_contract([make_fact(NQ, "Quận Ngô Quyền", score=70.0, rank=9)], sha=_sha(9),
                                              path="raw/a.txt"), dims, ingested_at=INGESTED_AT)
    docs = _documents(dims)
    states = []
    for name in ("alone", "batch"):
        con = load.connect(tmp_path / f"{name}.duckdb")
        load.prepare(con, dimension_frames)
        load.load_document(con, earlier)  # an older version of raw/a.txt, replaced by both runs
        if name == "alone":
            for doc, key in zip(docs, _keys(docs), strict=True):
                load.load_document(con, doc, key, "run")
        else:
            load.load_batch(con, docs, _keys(docs), "run")
        states.append(snapshot(con, TABLES))
        con.close()
    alone, batch = states
    for table in TABLES:
        key = (lambda row: row[:4]) if table == "etl_document" else repr  # loaded_at differs between runs
        assert sorted(map(key, batch[table])) == sorted(map(key, alone[table])), table
    assert not any(_sha(9) in repr(row) for row in batch["fact_score"]), "the older version should be gone"
    assert [r[0] for r in batch["dim_source"] if r[0] == _sha(1)] == [_sha(1)]
    assert {r[1] for r in batch["dim_source"] if r[0] == _sha(1)} == {"raw/moved-a.txt"}


def test_a_document_the_warehouse_refuses_does_not_cost_the_rest_of_its_batch(warehouse, dims):
    docs = _documents(dims)[0:3:2]  # raw/a.txt and raw/c.txt
    facts = docs[0].tables["fact_score"]
    broken = dataclasses.replace(docs[0], tables={**docs[0].tables, "fact_score": pd.concat([facts, facts])})
    loaded = load_documents.fn(warehouse, [broken, docs[1]], [None, None], "run")
    assert not loaded[0].readable and loaded[1] is docs[1]
    assert warehouse.execute("select count(*) from fact_score where source_id = ?", [_sha(1)]).fetchone() == (0,)
    assert warehouse.execute("select count(*) from fact_score where source_id = ?", [_sha(3)]).fetchone()[0] > 0
    message = warehouse.execute("select message from etl_reject where file = 'raw/a.txt'").fetchone()[0]
    assert "could not be loaded" in message and "raw/a.txt" in message


def test_batches_share_the_documents_between_workers_in_order():
    paths = [Path(f"{n}.txt") for n in range(450)]
    work = batches(paths, workers=2)
    assert [p for batch in work for p in batch] == paths
    assert max(len(b) for b in work) == 100 and len(work) >= 4
    assert [len(b) for b in batches(paths[:6], workers=2)] == [2, 2, 2]
    assert batches([], workers=2) == []


def test_a_run_that_dies_before_refreshing_the_league_table_leaves_it_to_the_next(tmp_path, dimension_frames,
                                                                                  dims):
    docs = _documents(dims)
    tables = []
    for name, refresh in (("refreshed", True), ("died", False)):
        con = load.connect(tmp_path / f"{name}.duckdb")
        load.prepare(con, dimension_frames)
        load.load_batch(con, docs, _keys(docs), "run", refresh_marts=refresh)
        if not refresh:  # the flow refreshes after its last batch; this run "died" before that
            assert con.execute("select count(*) from mart_pending").fetchone()[0] > 0
            assert con.execute("select count(*) from v_league_table").fetchone() == (0,)
            con.close()
            con = load.connect(tmp_path / f"{name}.duckdb")
            load.prepare(con, dimension_frames)  # the next run's start
        assert con.execute("select count(*) from mart_pending").fetchone() == (0,)
        tables.append(con.execute("select * from v_league_table order by all").fetchall())
        con.close()
    assert tables[0] and tables[1] == tables[0]
