"""pandera validation: failing rows become etl_reject rows with file, place, check and value; good rows pass."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import make_contract, make_fact

from flows.errors import UnreadableInput
from flows.validate import rejected_document

DISTRICTS = ["hai-phong:quan-hong-bang", "hai-phong:quan-le-chan", "hai-phong:huyen-kien-thuy",
             "hai-phong:huyen-an-lao", "hai-phong:huyen-tien-lang", "hai-phong:huyen-an-duong"]


def _reject(doc, check: str) -> pd.Series:
    rows = doc.rejects[doc.rejects["check_name"] == check]
    assert len(rows) == 1, f"expected one {check!r} reject, got:\n{doc.rejects.to_string()}"
    return rows.iloc[0]


@pytest.fixture
def mixed(validated):
    """One good figure among figures that each break one rule."""
    facts = [
        make_fact(),
        make_fact(DISTRICTS[0], "Quận Hồng Bàng", score=150, span=[200, 240]),
        make_fact(DISTRICTS[1], "Quận Lê Chân", score=-3, span=[250, 280]),
        make_fact(DISTRICTS[2], "Huyện Kiến Thụy", rank=0, place="line 7"),
        make_fact(DISTRICTS[3], "Huyện An Lão", index="PAPX"),
        make_fact(None, "Huyện Vô Danh"),
        make_fact(DISTRICTS[4], "Huyện Tiên Lãng", year=2035),
        make_fact(DISTRICTS[5], "Huyện An Dương", basis="guessed"),
    ]
    return validated(make_contract(facts))


def test_only_the_good_row_is_accepted(mixed):
    facts = mixed.tables["fact_score"]
    assert facts["unit_id"].tolist() == ["hai-phong:quan-ngo-quyen"]
    assert facts.loc[0, "score"] == pytest.approx(91.93)
    assert len(mixed.rejects) == 7
    assert set(mixed.rejects["file"]) == {"raw/2019/hai-phong/test.txt"}
    assert set(mixed.rejects["source_id"]) == {"a" * 64}


def test_score_above_the_index_maximum(mixed):
    row = _reject(mixed, "score_within_index_max")
    assert row["value"] == "score=150.0"
    assert row["place"] == "chars 200-240"
    assert "Quận Hồng Bàng" in row["message"] and "110" in row["message"]
    assert "dim_index.csv" in row["message"]


def test_negative_score(mixed):
    row = _reject(mixed, "greater_than_or_equal_to(0)")
    assert row["value"] == "-3.0"
    assert "Quận Lê Chân" in row["message"]


def test_rank_zero_keeps_the_extractor_place(mixed):
    row = _reject(mixed, "greater_than_or_equal_to(1)")
    assert (row["value"], row["place"]) == ("0", "line 7")


def test_unknown_index(mixed):
    row = _reject(mixed, "index_code_known")
    assert row["value"] == "PAPX"
    assert "dim_index.csv" in row["message"]


def test_missing_unit_id(mixed):
    row = _reject(mixed, "not_nullable")
    assert row["value"] == "null"
    assert "Huyện Vô Danh" in row["message"] and "alias" in row["message"]


def test_year_out_of_range_and_unknown_basis(mixed):
    assert _reject(mixed, "year_in_range")["value"] == "2035"
    assert _reject(mixed, "isin(('stated', 'implied'))")["value"] == "guessed"


def test_a_score_above_100_is_real_for_par(validated):
    doc = validated(make_contract([make_fact(score=102.5)]))
    assert doc.rejects.empty
    assert doc.tables["fact_score"].loc[0, "score"] == 102.5


def test_sipas_is_bounded_by_100(validated):
    doc = validated(make_contract([make_fact(index="SIPAS", score=100.5)]))
    assert _reject(doc, "score_within_index_max")["value"] == "score=100.5"


def test_a_value_of_the_wrong_type_is_rejected_not_coerced(validated):
    doc = validated(make_contract([make_fact(), make_fact(DISTRICTS[0], score="91,89")]))
    row = _reject(doc, "coerce_dtype('float64')")
    assert row["value"] == "91,89"
    assert doc.tables["fact_score"]["unit_id"].tolist() == ["hai-phong:quan-ngo-quyen"]


def test_bounds_must_be_ordered_and_a_fact_must_say_something(validated):
    doc = validated(make_contract([
        make_fact(score=None, rank=None, score_min=90, score_max=80),
        make_fact(DISTRICTS[0], score=None, rank=None),
    ]))
    assert set(doc.rejects["check_name"]) == {"score_min_below_score_max", "figure_present"}
    assert doc.tables["fact_score"].empty


def test_unit_kind_must_agree_with_dim_unit(validated):
    doc = validated(make_contract([make_fact("hai-phong:so-y-te", "Sở Y tế")]))
    row = _reject(doc, "unit_kind_matches_dim_unit")
    assert "department" in row["message"]


def test_repeated_statements_are_merged_and_contradictions_rejected(validated):
    doc = validated(make_contract([
        make_fact(rank=None, basis="implied", span=[10, 20]),
        make_fact(span=[30, 40]),
        make_fact(score=92.0, span=[50, 60]),
    ]))
    facts = doc.tables["fact_score"]
    assert len(facts) == 1 and facts.loc[0, "rank"] == 1 and facts.loc[0, "span_start"] == 30
    row = _reject(doc, "conflicting_duplicate")
    assert row["place"] == "chars 50-60"


def test_extractor_rejects_become_etl_rejects(validated):
    contract = make_contract([make_fact()], rejects=[{
        "check": "unit_known", "value": "Sở LĐTBXX", "place": "line 14", "span": [5, 14],
        "message": "unknown unit 'Sở LĐTBXX'", "candidates": ["Sở Lao động - Thương binh và Xã hội", "Sở Xây dựng"]}])
    row = _reject(validated(contract), "unit_known")
    assert row["candidates"] == "Sở Lao động - Thương binh và Xã hội | Sở Xây dựng"
    assert (row["place"], row["span_start"], row["span_end"]) == ("line 14", 5, 14)


def test_leader_ratings_and_claims_are_validated(validated):
    contract = make_contract([make_fact()], leader_ratings=[
        {"unit": "Sở Y tế", "unit_id": "hai-phong:so-y-te", "title": "Giám đốc", "year": 2019,
         "rating": "Hoàn thành xuất sắc nhiệm vụ", "evidence": "Giám đốc Sở Y tế", "span": [1, 17]},
        {"unit": "Sở Y tế", "unit_id": "hai-phong:so-y-te", "title": "Giám đốc", "year": 2019,
         "rating": "rất tốt", "evidence": "Giám đốc Sở Y tế", "span": [1, 17]},
    ], claims=[
        {"text": "14/15 quận, huyện đạt trên 80 điểm", "index": "PAR", "year": 2019, "unit_kind": "district",
         "stated_count": 14, "observed_count": 14, "status": "consistent", "condition": "score > 80", "span": [0, 9]},
        {"text": "10 sở có điểm số trên 90", "index": "PAR", "year": 2019, "unit_kind": "department",
         "stated_count": 10, "observed_count": 9, "status": "maybe", "span": [10, 20]},
    ])
    doc = validated(contract)
    assert doc.tables["fact_leader_rating"]["rating"].tolist() == ["hoàn thành xuất sắc nhiệm vụ"]
    assert doc.tables["fact_claim"]["claim_no"].tolist() == [1]
    assert set(doc.rejects["table_name"]) == {"fact_leader_rating", "fact_claim"}


def test_an_unreadable_document_is_one_reject():
    error = UnreadableInput("not valid UTF-8", path="raw/bad.txt", fix="re-save the file as UTF-8")
    doc = rejected_document("raw/bad.txt", error)
    assert not doc.readable
    row = doc.rejects.iloc[0]
    assert (row["file"], row["table_name"], row["check_name"]) == ("raw/bad.txt", "document", "UnreadableInput")
    assert "re-save the file as UTF-8" in row["message"]
