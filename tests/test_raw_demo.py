"""The project's own demo documents under raw/2019/hai-phong/, against their labelled answers."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from scoring import claim_mismatches, missing_leader_ratings, report, score, unit_key

from flows.extract import extract_path
from flows.gazetteer import Gazetteer
from flows.paths import RAW_DIR

DEMO_DIR = RAW_DIR / "2019" / "hai-phong"
ANNOUNCEMENT = DEMO_DIR / "cong-bo-chi-so-cchc-2019.txt"
TABLE = DEMO_DIR / "diem-cchc-khoi-quan-huyen-2019.csv"
ANSWERS = Path(__file__).parent / "golden" / "raw-demo-2019.expected.json"


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@cache
def announcement() -> dict:
    return extract_path(ANNOUNCEMENT, gazetteer())


def answers() -> dict:
    return json.loads(ANSWERS.read_text(encoding="utf-8"))


def test_announcement_facts() -> None:
    precision, recall, missed, wrong = score(answers(), announcement())
    assert precision >= 0.98 and recall >= 0.95, report(precision, recall, missed, wrong)


def test_announcement_leader_ratings() -> None:
    produced = announcement()["leader_ratings"]
    assert len(produced) == 10, produced
    assert not missing_leader_ratings(answers(), announcement())


def test_announcement_claims() -> None:
    problems = claim_mismatches(answers(), announcement())
    assert not problems, "\n".join(problems)


def test_announcement_source() -> None:
    source = announcement()["source"]
    assert source["decision_no"] == "1091/QĐ-UBND"
    assert source["province"] == "Hải Phòng"


def test_table_and_announcement_agree() -> None:
    """The demo CSV and the demo text state the same 2019 district scores and ranks."""
    table = extract_path(TABLE, gazetteer())
    from_table = {(unit_key(f["unit"]), f["score"], f["rank"]) for f in table["facts"]}
    from_text = {(unit_key(f["unit"]), f["score"], f["rank"]) for f in answers()["facts"]
                 if f["index"] == "PAR" and f["year"] == 2019 and f["unit_kind"] == "district"}
    assert from_table == from_text
