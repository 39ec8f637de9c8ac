"""The real Prefect flow (ephemeral, no server) over the project's raw/ documents into a temporary DuckDB.

One session fixture runs the flow twice; the tests read the two states. Prefect's first start in a
fresh PREFECT_HOME costs ~14 s, so these are the only tests that go through Prefect.
"""

from __future__ import annotations

import shutil

import pytest
from helpers import snapshot

from flows import cli, load
from flows.paths import RAW_DIR

STABLE_TABLES = tuple(t for t in load.TABLES if t != "etl_run")  # etl_run gains a row per run, by design


@pytest.fixture(scope="session")
def ingested(tmp_path_factory):
    """The warehouse after one ingest of raw/, its snapshot, and the snapshot after a second ingest."""
    from flows.ingest import ingest

    db = tmp_path_factory.mktemp("flow") / "parindex.duckdb"
    first_summary = ingest(paths=[str(RAW_DIR)], db=str(db))
    con = load.connect(db, read_only=True)
    first = snapshot(con, STABLE_TABLES)
    con.close()
    second_summary = ingest(paths=[str(RAW_DIR)], db=str(db))
    con = load.connect(db, read_only=True)
    yield {"db": db, "con": con, "first": first, "summaries": (first_summary, second_summary)}
    con.close()


def _league(con, kind):
    return con.execute("""select unit, score, rank from v_league_table
                          where index_code = 'PAR' and year = 2019 and unit_kind = ? and criterion = 'TOTAL'
                          order by rank nulls last, unit""", [kind]).fetchall()


def test_the_flow_ranks_all_15_districts_for_2019(ingested):
    districts = _league(ingested["con"], "district")
    assert len(districts) == 15
    assert all(rank is not None for _, _, rank in districts)
    assert districts[0] == ("Quận Ngô Quyền", pytest.approx(91.93), 1)
    assert districts[-1] == ("Huyện Bạch Long Vỹ", pytest.approx(63.9), 15)


def test_the_flow_ranks_the_departments_for_2019(ingested):
    departments = _league(ingested["con"], "department")
    assert len(departments) == 20
    assert departments[0] == ("Thanh tra thành phố", pytest.approx(91.55), 1)


def test_the_flow_loads_leader_ratings_and_claims(ingested):
    con = ingested["con"]
    assert con.execute("select count(*) from fact_leader_rating where year = 2019").fetchone() == (10,)
    assert con.execute("select count(*) from fact_claim").fetchone()[0] >= 1
    assert con.execute("select count(*) from dim_source").fetchone() == (2,)


def test_every_fact_keeps_its_evidence_and_span(ingested):
    missing = ingested["con"].execute("""select count(*) from fact_score
                                         where evidence = '' or span_start is null or span_end <= span_start""")
    assert missing.fetchone() == (0,)


def test_the_warehouse_checks_pass(ingested):
    assert all(not s["check_failures"] for s in ingested["summaries"])
    assert ingested["con"].execute("select status, documents from etl_run").fetchall() == [("ok", 2), ("ok", 2)]


def test_a_second_run_leaves_the_warehouse_identical(ingested):
    assert snapshot(ingested["con"], STABLE_TABLES) == ingested["first"]
    assert ingested["con"].execute("select count(*) from etl_run").fetchone() == (2,)


def test_bad_documents_are_rejected_and_the_rest_still_loads(ingested, tmp_path, capsys):
    folder = tmp_path / "raw" / "2019" / "hai-phong"
    folder.mkdir(parents=True)
    shutil.copy(next((RAW_DIR / "2019" / "hai-phong").glob("*.csv")), folder / "diem.csv")
    (folder / "cu.txt").write_bytes("Quân Ngô Quyên: 91,93".encode("latin-1"))  # an old export, not UTF-8
    (folder / "README.md").write_text("not a document", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    code = cli.main(["ingest", str(tmp_path / "raw"), "--db", str(db), "--show-year", "2019"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "loaded 2 document(s)" in out and "Quận Ngô Quyền" in out
    assert "cu.txt" in err and "not valid UTF-8" in err and "Traceback" not in err
    con = load.connect(db, read_only=True)
    try:
        assert con.execute("select table_name, check_name from etl_reject").fetchall() == [
            ("document", "UnreadableInput")]
        assert con.execute("select count(*) from fact_score").fetchone() == (15,)
        assert con.execute("select status, documents_rejected from etl_run").fetchall() == [("rejects", 1)]
    finally:
        con.close()


def test_a_failure_of_the_extractor_on_one_document_rejects_it_and_the_rest_still_loads(tmp_path, capsys,
                                                                                          monkeypatch):
    """A bug of parindex's (here one injected into the text reader for a single document) costs that document
    only: a reject naming it and the failure, a clean message, no traceback, the other documents loaded."""
    from flows.extract import text_tables

    reader = text_tables.extract_text_with_tables

    def failing_on_one(raw, *args, **kwargs):
        if "Huyện Vĩnh Bảo" in raw:
            raise AttributeError("'list' object has no attribute 'get'")
        return reader(raw, *args, **kwargs)

    monkeypatch.setattr(text_tables, "extract_text_with_tables", failing_on_one)
    folder = tmp_path / "raw" / "2019" / "hai-phong"
    folder.mkdir(parents=True)
    shutil.copy(next((RAW_DIR / "2019" / "hai-phong").glob("*.csv")), folder / "diem.csv")
    (folder / "tin.txt").write_text("Năm 2019, Huyện Vĩnh Bảo đạt 85,12 điểm, xếp thứ 9.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    code = cli.main(["ingest", str(tmp_path / "raw"), "--db", str(db), "--task-runner", "thread"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert "tin.txt" in err and "the extractor failed on this document (AttributeError" in err
    con = load.connect(db, read_only=True)
    try:
        assert con.execute("select check_name, file like '%tin.txt' from etl_reject").fetchall() == [
            ("ExtractorBug", True)]
        assert con.execute("select count(*) from fact_score").fetchone() == (15,)
    finally:
        con.close()
