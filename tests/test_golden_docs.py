"""Golden documents: each tests/golden/NAME.txt beside its labelled answers NAME.expected.json.

The documents are short texts written for the tests, one group of constructions each (see the
``document`` field of each answer file). The labels are what a careful reader extracts, no more.
Optional keys: ``expect_no_facts`` (a page of distractors: no PAR, SIPAS or survey fact at all),
``expect_rejects`` (names whose figures must be reported as rejects), ``bloc`` on a fact (urban, rural
or central: ranked within khối quận, khối huyện or among the central agencies in the province, so
its ranks are checked apart).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from scoring import (
    SCORED_INDICES,
    claim_mismatches,
    describe,
    missing_leader_ratings,
    missing_rejects,
    report,
    score,
    unit_key,
)

from flows.extract import extract_path
from flows.gazetteer import Gazetteer
from flows.paths import PROJECT_ROOT

GOLDEN = Path(__file__).parent / "golden"
DOCUMENTS = sorted(GOLDEN.glob("*.txt"))
MIN_PRECISION, MIN_RECALL = 0.98, 0.95
CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
# Longest run of words a project document may share with the third-party corpus: an official name
# such as "(và) Chỉ số hài lòng đối với sự phục vụ hành chính" runs to 12 words; sentences are longer.
MAX_SHARED_WORDS = 12


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@cache
def extracted(path: Path) -> dict:
    return extract_path(path, gazetteer())


def expected_for(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


ids = [p.stem for p in DOCUMENTS]


def test_there_are_golden_documents() -> None:
    assert len(DOCUMENTS) >= 40


@pytest.mark.parametrize("path", DOCUMENTS, ids=ids)
def test_facts(path: Path) -> None:
    expected = expected_for(path)
    if expected.get("expect_no_facts"):
        produced = [f for f in extracted(path)["facts"] if str(f.get("index", "")).upper() in SCORED_INDICES]
        assert not produced, "a document without facts produced:\n" + "\n".join(map(describe, produced))
        return
    precision, recall, missed, wrong = score(expected, extracted(path))
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, report(precision, recall, missed, wrong)


@pytest.mark.parametrize("path", DOCUMENTS, ids=ids)
def test_leader_ratings(path: Path) -> None:
    missing = missing_leader_ratings(expected_for(path), extracted(path))
    assert not missing, f"leader ratings not produced: {missing}"


@pytest.mark.parametrize("path", DOCUMENTS, ids=ids)
def test_claims(path: Path) -> None:
    problems = claim_mismatches(expected_for(path), extracted(path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", DOCUMENTS, ids=ids)
def test_rejects(path: Path) -> None:
    produced = extracted(path)
    missing = missing_rejects(expected_for(path), produced)
    assert not missing, f"rejects not reported: {missing}; got {produced.get('rejects')}"
    unrejected = [name for name in expected_for(path).get("expect_rejects", [])
                  if not any(unit_key(name) in unit_key(str(r.get(field, "")))
                             for r in produced["rejects"] for field in ("value", "evidence"))]
    assert not unrejected, f"figures of {unrejected} not rejected; got {produced.get('rejects')}"


# The answer files themselves: these hold whatever the extractor does.

LABEL_FILES = sorted(GOLDEN.glob("*.expected.json"))


@pytest.mark.parametrize("label", LABEL_FILES, ids=[p.name for p in LABEL_FILES])
def test_labels_name_known_units_and_rank_by_competition(label: Path) -> None:
    answers = json.loads(label.read_text(encoding="utf-8"))
    units = {u.name_vi: u for u in gazetteer().units.values()}
    groups: dict[tuple, list[dict]] = {}
    for fact in answers["facts"]:
        assert fact["unit"] in units, f"{label.name}: {fact['unit']!r} is not a canonical unit name"
        assert units[fact["unit"]].unit_kind == fact["unit_kind"], fact
        assert fact["index"] in {"PAR", "SIPAS", "SURVEY"} and 2013 <= fact["year"] <= 2019, fact
        assert fact.get("score") is not None or fact.get("rank") or fact.get("score_min") or fact.get("score_max")
        assert fact.get("bloc") in (None, "urban", "rural", "central"), fact
        if fact.get("rank") and not fact.get("ambiguous"):
            groups.setdefault((fact["index"], fact["year"], fact["unit_kind"], fact.get("bloc")), []).append(fact)
    for group in groups.values():
        ranks = [f["rank"] for f in group]
        for fact in group:
            assert bool(fact.get("tied", False)) == (ranks.count(fact["rank"]) > 1) or "tied" not in fact, fact
        for rank in set(ranks):  # competition ranking: k units tied at r leave r+1 .. r+k-1 empty
            assert not set(range(rank + 1, rank + ranks.count(rank))) & set(ranks), (label.name, sorted(ranks))
        scored = sorted((f for f in group if f.get("score") is not None), key=lambda f: f["rank"])
        assert all(a["score"] >= b["score"] for a, b in zip(scored, scored[1:], strict=False)), scored
    for claim in answers.get("claims", []):
        assert claim["status"] in {"consistent", "inconsistent", "unverifiable"}, claim
        assert isinstance(claim["stated_count"], int), claim
    for rating in answers.get("leader_ratings", []):
        assert rating["unit"] in units, rating
    assert not (answers.get("expect_no_facts") and answers["facts"]), "expect_no_facts with labelled facts"
    assert isinstance(answers.get("expect_rejects", []), list), answers.get("expect_rejects")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def _longest_shared_run(words: list[str], corpus: list[str], limit: int) -> str:
    grams = {tuple(corpus[i:i + limit]) for i in range(len(corpus) - limit + 1)}
    for i in range(len(words) - limit + 1):
        if tuple(words[i:i + limit]) in grams:
            return " ".join(words[i:i + limit])
    return ""


PROJECT_DOCUMENTS = DOCUMENTS + sorted((PROJECT_ROOT / "raw").rglob("*.txt")) + sorted(
    (PROJECT_ROOT / "raw").rglob("*.md"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("path", PROJECT_DOCUMENTS, ids=[p.name for p in PROJECT_DOCUMENTS])
def test_documents_do_not_copy_the_corpus(path: Path) -> None:
    corpus = [w for f in sorted(CORPUS.glob("*.txt")) for w in _words(f.read_text(encoding="utf-8"))]
    shared = _longest_shared_run(_words(path.read_text(encoding="utf-8")), corpus, MAX_SHARED_WORDS + 1)
    assert not shared, f"{path.name} repeats a sentence of the third-party corpus: {shared!r}"


@pytest.mark.parametrize("path", PROJECT_DOCUMENTS, ids=[p.name for p in PROJECT_DOCUMENTS])
def test_documents_are_nfc(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
