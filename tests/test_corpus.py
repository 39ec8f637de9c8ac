"""The real 2019 Hải Phòng announcement (third-party, read from ../shared, never copied) against its labels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.extract import extract_path
from flows.paths import PROJECT_ROOT
from flows.textnorm import normalize_text

SHARED = Path(os.environ.get("PARINDEX_SHARED", PROJECT_ROOT.parent / "shared"))
ARTICLE = SHARED / "corpus" / "haiphong-2019-par-sipas.txt"
EXPECTED = SHARED / "golden" / "haiphong-2019.expected.json"
SCORER = SHARED / "golden" / "score.py"


@pytest.fixture(scope="module")
def produced(tmp_path_factory) -> tuple[dict, Path]:
    if not ARTICLE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared corpus is missing under CI: {ARTICLE}")
        pytest.skip(f"shared corpus not present at {SHARED} (a clone outside the workplace)")
    result = extract_path(ARTICLE)
    out = tmp_path_factory.mktemp("corpus") / "haiphong-2019.json"
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return result, out


def test_golden_scorer_precision_and_recall(produced):
    _, out = produced
    run = subprocess.run([sys.executable, str(SCORER), str(EXPECTED), str(out), "--min-precision", "0.98",
                          "--min-recall", "0.95"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_all_ten_leader_ratings(produced):
    result, _ = produced
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["leader_ratings"]
    got = {(r["unit"], r["title"], r["year"], r["rating"]) for r in result["leader_ratings"]}
    assert got == {(r["unit"], r["title"], r["year"], r["rating"]) for r in expected}


def test_claims_and_their_status(produced):
    result, _ = produced
    status = {(c["index"], c["year"], c["unit_kind"], c["stated_count"], c["condition"]): c["status"]
              for c in result["claims"]}
    # The article says 8 departments scored above 90, then that Sở Nội vụ is one of 10 above 90.
    assert status[("PAR", 2019, "department", 8, "score > 90")] == "consistent"
    assert status[("PAR", 2019, "department", 10, "score > 90")] == "inconsistent"
    assert status[("PAR", 2019, "district", 14, "score > 80")] == "consistent"
    # 11 + 4 + 1 districts in 2018 is more than the 15 the city has.
    assert status[("PAR", 2018, "district", 11, "score > 80")] == "inconsistent"
    assert status[("PAR", 2018, "department", 4, "score > 90")] == "unverifiable"


def test_year_conflict_of_the_satisfaction_paragraph_is_flagged(produced):
    result, _ = produced
    assert any("SIPAS 2019" in w and "2018" in w for w in result["warnings"])


def test_source_metadata(produced):
    result, _ = produced
    source = result["source"]
    assert (source["published"], source["decision_no"], source["province"]) == (
        "2020-05-06", "1091/QĐ-UBND", "Hải Phòng")
    text = normalize_text(ARTICLE.read_text(encoding="utf-8"))
    for fact in result["facts"]:
        start, end = fact["span"]
        assert text[start:end] == fact["evidence"]
