"""Component scores from tables: multi-row headers, criteria, max rows, and the cross-row warnings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from table_fixtures import DISTRICTS_2019, split_fields

from flows.extract import extract_path
from flows.extract.header import find_header
from flows.extract.tables import extract_grid

FIXTURES = Path(__file__).parent / "fixtures" / "tables"


def run(name: str, gazetteer, tmp_path: Path) -> dict:
    """Extract a committed fixture placed under raw/2019/hai-phong/ (the folder gives year and province)."""
    folder = tmp_path / "raw" / "2019" / "hai-phong"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes((FIXTURES / name).read_bytes())
    return extract_path(folder / name, gazetteer)


def by_key(result: dict) -> dict[tuple[str, str, str], dict]:
    return {(f["unit"], f["index"], f["criterion"]): f for f in result["facts"]}


def test_numbered_fields_under_a_merged_group(gazetteer) -> None:
    result = extract_grid_file("linh-vuc-danh-so-2019.csv", gazetteer)
    facts = by_key(result)
    assert len(result["facts"]) == 6 * 9  # six districts: TOTAL + L1..L8; average row and footnote skipped
    ngo_quyen = facts[("Quận Ngô Quyền", "PAR", "TOTAL")]
    assert (ngo_quyen["score"], ngo_quyen["rank"], ngo_quyen["year"], ngo_quyen["bloc"]) == (91.93, 1, 2019, "district")
    assert [facts[("Quận Ngô Quyền", "PAR", f"L{i}")]["score"] for i in range(1, 9)] == split_fields(91.93)
    assert facts[("Quận Ngô Quyền", "PAR", "L3")]["rank"] is None
    assert result["rejects"] == [] and result["warnings"] == []


def extract_grid_file(name: str, gazetteer) -> dict:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    from flows.extract.tables import extract_csv

    return extract_csv(text, f"raw/2019/hai-phong/{name}", gazetteer, 2019, "Hải Phòng")


def test_named_fields_map_to_criterion_codes(gazetteer) -> None:
    result = extract_grid_file("linh-vuc-co-ten-2019.csv", gazetteer)
    facts = by_key(result)
    an_duong = [facts[("Huyện An Dương", "PAR", f"L{i}")]["score"] for i in range(1, 9)]
    assert an_duong == split_fields(87.09)
    assert facts[("Huyện An Dương", "PAR", "TOTAL")]["rank"] == 7
    assert {f["criterion"] for f in result["facts"]} == {"TOTAL", *(f"L{i}" for i in range(1, 9))}


def test_self_appraised_survey_percent_and_max_row(gazetteer) -> None:
    result = extract_grid_file("tu-danh-gia-tham-dinh-2019.csv", gazetteer)
    facts = by_key(result)
    y_te = {k[1:]: f for k, f in facts.items() if k[0] == "Sở Y tế"}
    assert set(y_te) == {("PAR", "TOTAL"), ("PAR", "SELF_ASSESSED"), ("PAR", "APPRAISED"), ("PAR", "PERCENT"),
                         ("SURVEY", "TOTAL")}
    assert y_te[("PAR", "TOTAL")]["score"] == 91.16 and y_te[("PAR", "TOTAL")]["rank"] == 3
    assert y_te[("SURVEY", "TOTAL")]["score"] == 27.35 and y_te[("SURVEY", "TOTAL")]["rank"] is None
    assert y_te[("PAR", "APPRAISED")]["max_points"] == 70 and y_te[("SURVEY", "TOTAL")]["max_points"] == 30
    assert all(f["bloc"] == "department" for f in result["facts"])


def test_percent_alone_is_the_headline_of_sipas(gazetteer) -> None:
    facts = by_key(extract_grid_file("sipas-2019.csv", gazetteer))
    assert facts[("Sở Khoa học và Công nghệ", "SIPAS", "TOTAL")]["score"] == 97.9
    assert facts[("Văn phòng UBND thành phố", "SIPAS", "TOTAL")]["rank"] == 2


def test_validation_warns_on_sums_and_ranks_and_rejects_above_max(gazetteer, validated, tmp_path) -> None:
    doc = validated(run("khong-khop-2019.csv", gazetteer, tmp_path))
    rejects = doc.rejects.set_index("check_name")
    assert set(rejects.index) == {"components_sum_to_total", "rank_consistent_with_score",
                                  "score_within_criterion_max"}
    total = rejects.loc["components_sum_to_total"]
    assert "Quận Hồng Bàng" in total["message"] and total["message"].startswith("warning:")
    assert total["place"] == "line 5"
    over = rejects.loc["score_within_criterion_max"]
    assert over["value"] == "criterion=TOTAL, score=31.92, criterion_max=30.0" or "31.92" in over["value"]
    assert "Quận Lê Chân" in over["message"] and "above its maximum 30" in over["message"]
    ranks = doc.rejects[doc.rejects["check_name"] == "rank_consistent_with_score"]
    assert len(ranks) == 2 and set(ranks["place"]) == {"line 6", "line 7"}
    facts = doc.tables["fact_score"]
    # warnings keep their rows; the survey score above its maximum of 30 is held back
    assert len(facts[facts["criterion"] == "TOTAL"]) == 4 + 3
    assert ((facts["unit_id"] == "hai-phong:quan-hong-bang") & (facts["index_code"] == "PAR")
            & (facts["criterion"] == "TOTAL")).sum() == 1


def test_bonus_and_penalty_count_in_the_sum(gazetteer, validated, tmp_path) -> None:
    doc = validated(run("diem-thuong-tru-2019.csv", gazetteer, tmp_path))
    assert doc.rejects.empty, doc.rejects["message"].tolist()
    facts = doc.tables["fact_score"]
    assert set(facts["criterion"]) == {"TOTAL", "APPRAISED", "BONUS", "PENALTY"}


def test_unknown_criterion_is_rejected_by_validation(validated) -> None:
    from helpers import make_contract, make_fact

    contract = make_contract([make_fact(), make_fact(criterion="L9", score=5.0, rank=None)])
    rejects = validated(contract).rejects
    assert rejects["check_name"].tolist() == ["criterion_code_known"]
    assert "add the component to warehouse/seeds/dim_criterion.csv" in rejects["message"].iloc[0]


def test_grid_with_three_header_rows_merged_cells_and_section_rows(gazetteer) -> None:
    grid = [
        ["BẢNG ĐIỂM CHỈ SỐ CCHC NĂM 2019"] * 7,
        ["STT", "Đơn vị", "Tổng điểm", "Tổng điểm", "Tổng điểm", "Chỉ số (%)", "Xếp hạng"],
        ["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm đạt được", "Điểm đạt được", "Chỉ số (%)", "Xếp hạng"],
        ["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Chỉ số (%)", "Xếp hạng"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(4)+(5)", "(7)"],
        ["I. Khối quận"] * 7,
        ["1", "Quận Ngô Quyền", "68", "64,35", "27,58", "91,93", "1"],
        ["II. Khối huyện"] * 7,
        ["1", "Huyện Kiến Thụy", "66,2", "62,47", "26,77", "89,24", "1"],
        ["", "", "", "", "", "", ""],
    ]
    header = find_header(grid)
    assert header is not None and (header.row, header.end) == (1, 5)
    result = extract_grid(grid, path="bang.xlsx", gazetteer=gazetteer, year_hint=None, province_hint="Hải Phòng",
                          sheet="Tổng hợp")
    facts = by_key(result)
    ngo_quyen, kien_thuy = facts[("Quận Ngô Quyền", "PAR", "TOTAL")], facts[("Huyện Kiến Thụy", "PAR", "TOTAL")]
    assert (ngo_quyen["score"], ngo_quyen["bloc"], ngo_quyen["place"]) == (91.93, "urban_district", "'Tổng hợp'!F7")
    assert (kien_thuy["bloc"], kien_thuy["rank"], kien_thuy["year"]) == ("rural_district", 1, 2019)
    assert facts[("Quận Ngô Quyền", "SURVEY", "TOTAL")]["place"] == "'Tổng hợp'!E7"
    assert facts[("Quận Ngô Quyền", "PAR", "SELF_ASSESSED")]["score"] == 68
    assert ngo_quyen["evidence"] == "1 | Quận Ngô Quyền | 68 | 64,35 | 27,58 | 91,93 | 1"


def test_grid_rejects_name_the_cell(gazetteer) -> None:
    grid = [["Đơn vị", "Cải cách thể chế", "Tổng điểm"], ["Sở Y tế", "9,x", "91,16"], ["Sở Ytế Mới", "8", "80"]]
    result = extract_grid(grid, path="raw/2019/hai-phong/b.xlsx", gazetteer=gazetteer, year_hint=2019,
                          province_hint="Hải Phòng", sheet="Khối sở")
    assert [(r["check"], r["place"]) for r in result["rejects"]] == [
        ("score_format", "'Khối sở'!B2"), ("unknown_unit", "'Khối sở'!A3")]
    assert "raw/2019/hai-phong/b.xlsx 'Khối sở'!B2" in result["rejects"][0]["message"]
    assert [(f["criterion"], f["score"]) for f in result["facts"]] == [("TOTAL", 91.16)]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.csv")))
def test_every_fixture_loads_its_facts(name: str, gazetteer, validated, tmp_path) -> None:
    result = run(name, gazetteer, tmp_path)
    assert result["facts"] and result["rejects"] == []
    doc = validated(result)
    frame = doc.tables["fact_score"]
    assert not frame.duplicated(["unit_id", "index_code", "year", "criterion", "bloc", "source_id"]).any()
    assert isinstance(frame, pd.DataFrame) and len(frame) >= 2


def test_district_totals_match_the_demo_csv(gazetteer) -> None:
    facts = by_key(extract_grid_file("linh-vuc-danh-so-2019.csv", gazetteer))
    for unit, total, rank in DISTRICTS_2019[:6]:
        assert (facts[(unit, "PAR", "TOTAL")]["score"], facts[(unit, "PAR", "TOTAL")]["rank"]) == (total, rank)
