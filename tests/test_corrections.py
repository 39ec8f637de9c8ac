"""Corrections: corrections.csv overrides published figures on every run, recorded and reversible."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest
from helpers import snapshot

from flows import corrections, load
from flows.extract import extract_path
from flows.paths import RAW_DIR
from flows.validate import validate_contract

NQ, LC = "hai-phong:quan-ngo-quyen", "hai-phong:quan-le-chan"
HEADER = "unit,index,year,field,value,reason\n"


@pytest.fixture
def loaded(tmp_path, warehouse, gazetteer, dims):
    """The 2019 district table of raw/ loaded into a fresh warehouse; its folder to write corrections into."""
    folder = tmp_path / "raw" / "2019" / "hai-phong"
    folder.mkdir(parents=True)
    table = shutil.copy(next((RAW_DIR / "2019" / "hai-phong").glob("*.csv")), folder / "diem.csv")
    contract = extract_path(table, gazetteer)
    load.load_document(warehouse, validate_contract(contract, dims, ingested_at=datetime(2020, 5, 7)))
    return warehouse, folder


def _apply(con, folder, gazetteer, lines):
    (folder / "corrections.csv").write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return corrections.apply_corrections(con, [folder.parent.parent], gazetteer)


def _figure(con, unit_id):
    return con.execute("select score, rank, correction from fact_score where unit_id = ? and year = 2019",
                       [unit_id]).fetchone()


def test_a_correction_changes_the_figure_and_records_why(loaded, gazetteer):
    con, folder = loaded
    outcome = _apply(con, folder, gazetteer, ["Quận Ngô Quyền,PAR,2019,score,\"92,03\",QĐ 1200/QĐ-UBND đính chính",
                                              "quan le chan,par,2019,rank,4,bảng gốc in nhầm thứ hạng"])
    assert (outcome.applied, outcome.rejects) == (2, [])
    assert _figure(con, NQ) == (pytest.approx(92.03), 1, "QĐ 1200/QĐ-UBND đính chính")
    assert _figure(con, LC) == (pytest.approx(89.92), 4, "bảng gốc in nhầm thứ hạng")
    logged = con.execute("select unit_id, field, original_value, value, place from etl_correction order by unit_id")
    assert logged.fetchall() == [(LC, "rank", 3.0, 4.0, "line 3"), (NQ, "score", 91.93, 92.03, "line 2")]
    assert not load.run_checks(con)


def test_a_correction_to_a_figure_that_does_not_exist_is_a_reject_not_a_fact(loaded, gazetteer):
    con, folder = loaded
    facts = con.execute("select count(*) from fact_score").fetchone()
    outcome = _apply(con, folder, gazetteer, ["Quận Ngô Quyền,PAR,2018,score,90,không có số liệu năm 2018",
                                              "Quận Ngô Quyền,SIPAS,2019,score,90,không có chỉ số SIPAS"])
    assert outcome.applied == 0 and len(outcome.rejects) == 2
    assert con.execute("select count(*) from fact_score").fetchone() == facts
    rows = con.execute("select place, check_name, message from etl_reject order by place").fetchall()
    assert [r[:2] for r in rows] == [("line 2", "correction_target_exists"), ("line 3", "correction_target_exists")]
    assert "corrections.csv:line 2: no PAR 2018 TOTAL figure of Quận Ngô Quyền" in rows[0][2]
    assert "never adds one" in rows[0][2]


@pytest.mark.parametrize(("line", "check", "fragment"), [
    ("Quận Ngô Quyềnn,PAR,2019,score,90,x", "correction_unit_known", "closest: Quận Ngô Quyền"),
    ("Quận Ngô Quyền,PAR,2019,score,190,x", "correction_value", "outside 0..110"),
    ("Quận Ngô Quyền,PAR,2019,score,-1,x", "correction_value", "outside 0..110"),
    ("Quận Ngô Quyền,PAR,2019,rank,0,x", "correction_value", "not a whole number from 1"),
    ("Quận Ngô Quyền,PAR,2019,score,abc,x", "correction_value", "not a number"),
    ("Quận Ngô Quyền,XYZ,2019,score,90,x", "correction_index_known", "unknown index"),
    ("Quận Ngô Quyền,PAR,2019,colour,90,x", "correction_field", "unknown field"),
    ("Quận Ngô Quyền,PAR,2019,score,90,", "correction_reason", "gives no reason"),
])
def test_bad_correction_lines_are_rejected_with_the_fix(loaded, gazetteer, line, check, fragment):
    con, folder = loaded
    outcome = _apply(con, folder, gazetteer, [line])
    assert [r["check_name"] for r in outcome.rejects] == [check]
    assert fragment in outcome.rejects[0]["message"] and " — " in outcome.rejects[0]["message"]
    assert _figure(con, NQ) == (pytest.approx(91.93), 1, None)


def test_every_run_reapplies_and_a_removed_line_restores_the_published_figure(loaded, gazetteer):
    con, folder = loaded
    _apply(con, folder, gazetteer, ["Quận Ngô Quyền,PAR,2019,score,92,đính chính"])
    once = snapshot(con, ("fact_score", "etl_correction", "etl_reject"))
    _apply(con, folder, gazetteer, ["Quận Ngô Quyền,PAR,2019,score,92,đính chính"])
    assert snapshot(con, ("fact_score", "etl_correction", "etl_reject")) == once
    _apply(con, folder, gazetteer, [])
    assert _figure(con, NQ) == (pytest.approx(91.93), 1, None)
    assert con.execute("select count(*) from etl_correction").fetchone() == (0,)


def test_a_file_without_the_header_is_rejected_whole(loaded, gazetteer):
    con, folder = loaded
    (folder / "corrections.csv").write_text("Quận Ngô Quyền;PAR;2019;score;92;x\n", encoding="utf-8")
    outcome = corrections.apply_corrections(con, [folder], gazetteer)
    assert [r["check_name"] for r in outcome.rejects] == ["correction_file_header"]
    assert "first line must be unit,index,year,field,value,reason" in outcome.rejects[0]["message"]


def test_corrections_are_not_documents(tmp_path):
    from flows.discover import discover

    (tmp_path / "corrections.csv").write_text(HEADER, encoding="utf-8")
    (tmp_path / "diem.csv").write_text("STT;Đơn vị\n", encoding="utf-8")
    assert [p.name for p in discover([tmp_path])] == ["diem.csv"]
    assert corrections.find_files([tmp_path]) == [tmp_path / "corrections.csv"]


def test_the_league_table_follows_a_correction_and_its_removal(loaded, gazetteer):
    con, folder = loaded

    def league(unit_id):
        return con.execute("select score, rank from v_league_table where unit_id = ? and year = 2019 "
                           "and criterion = 'TOTAL'", [unit_id]).fetchone()

    published = league(NQ)
    _apply(con, folder, gazetteer, ["Quận Ngô Quyền,PAR,2019,score,\"92,03\",QĐ 1200/QĐ-UBND đính chính",
                                    "quan le chan,par,2019,rank,4,bảng gốc in nhầm thứ hạng"])
    assert league(NQ) == (pytest.approx(92.03), published[1])
    assert league(LC)[1] == 4
    _apply(con, folder, gazetteer, [])
    assert league(NQ) == published and league(LC)[1] == 3
