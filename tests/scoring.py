"""Score an extraction against a labelled document, by the rules of ../shared/golden/score.py.

Facts are keyed by (unit, index, year); units compare on a fold of their own (no diacritics, no
case, no leading kind word), independent of ``flows.textnorm`` so that a bug there cannot hide.
Only headline figures (criterion absent or 'TOTAL') of PAR, SIPAS and SURVEY count; a label marked
``ambiguous`` is optional, and whatever is produced under its key counts neither way. ``alt_year``
adds a second accepted year, ``rank_as_written`` a second accepted rank.

An expected fact is recalled when a produced fact with its key gives every value the label gives
(rank exactly, score and bounds within 0.005; a bound is also met by an exact score inside it). A
produced fact is correct when a label under its key agrees with it on every value both give.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

SCORED_INDICES = frozenset({"PAR", "SIPAS", "SURVEY"})
TOLERANCE = 0.005
_KIND_WORDS = ("thành phố", "thị xã", "quận", "huyện", "tỉnh", "sở", "phường", "xã", "ubnd")

Fact = dict[str, Any]
Key = tuple[str, str, Any]


def unit_key(name: str | None) -> str:
    """A unit name folded for comparison.

    Example:
        >>> unit_key("Quận Ngô Quyền") == unit_key("ngo quyen") == unit_key("UBND quận Ngô Quyền")
        True
        >>> unit_key("Sở LĐ-TB&XH")
        'ld tb xh'
    """
    text = unicodedata.normalize("NFC", name or "").lower()
    text = text.replace("ủy ban nhân dân", "ubnd").replace("uỷ ban nhân dân", "ubnd")
    text = re.sub(r"\s*-\s*|&|,", " ", text).strip()
    stripped = True
    while stripped:
        stripped = False
        for word in _KIND_WORDS:
            if text.startswith(word + " "):
                text, stripped = text[len(word) + 1:].lstrip(), True
                break
    text = "".join(c for c in unicodedata.normalize("NFD", text.replace("đ", "d"))
                   if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def fact_keys(fact: Fact) -> set[Key]:
    """The (unit, index, year) keys a fact answers to (two when a label has an ``alt_year``)."""
    years = {fact.get("year")} | ({fact["alt_year"]} if fact.get("alt_year") else set())
    return {(unit_key(fact.get("unit")), str(fact.get("index", "")).upper(), year) for year in years}


def _close(a: float | None, b: float | None) -> bool:
    return a is None or b is None or abs(float(a) - float(b)) <= TOLERANCE


def agrees(produced: Fact, expected: Fact, strict: bool) -> bool:
    """strict: the produced fact gives every labelled value; else: no value both give disagrees."""
    accepted = {int(r) for r in (expected.get("rank"), expected.get("rank_as_written")) if r is not None}
    rank = produced.get("rank")
    if accepted and rank is None and strict:
        return False
    if accepted and rank is not None and int(rank) not in accepted:
        return False
    for field in ("score", "score_min", "score_max"):
        want, got = expected.get(field), produced.get(field)
        if want is not None and got is None and strict:
            score = produced.get("score")
            inside = score is not None and (
                (field == "score_min" and score > want) or (field == "score_max" and score < want))
            if not inside:
                return False
            continue
        if not _close(got, want):
            return False
    return True


def _scored(expected: list[Fact], produced: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """The expected and produced facts that count (headline figures, labels not ambiguous)."""
    ignored = set().union(*(fact_keys(e) for e in expected if e.get("ambiguous")))
    exp = [e for e in expected
           if not e.get("ambiguous") and str(e.get("index", "")).upper() in SCORED_INDICES]
    got = [p for p in produced
           if p.get("criterion") in (None, "TOTAL") and str(p.get("index", "")).upper() in SCORED_INDICES
           and not fact_keys(p) & ignored]
    return exp, got


def score(expected: dict, produced: dict | list) -> tuple[float, float, list[Fact], list[Fact]]:
    """(precision, recall, missed expected facts, wrong produced facts).

    Example:
        >>> label = {"facts": [{"unit": "Quận Ngô Quyền", "index": "PAR", "year": 2019, "score": 91.93, "rank": 1}]}
        >>> score(label, {"facts": [{"unit": "Ngô Quyền", "index": "PAR", "year": 2019, "score": 91.931,
        ...                          "rank": 1, "criterion": "TOTAL"}]})[:2]
        (1.0, 1.0)
        >>> score(label, {"facts": [{"unit": "Ngô Quyền", "index": "PAR", "year": 2019, "rank": 2}]})[:2]
        (0.0, 0.0)
    """
    facts = produced if isinstance(produced, list) else produced.get("facts", [])
    exp, got = _scored(expected.get("facts", []), facts)
    by_key: dict[Key, list[Fact]] = {}
    for e in exp:
        for key in fact_keys(e):
            by_key.setdefault(key, []).append(e)
    missed = [e for e in exp
              if not any(agrees(p, e, strict=True) for p in got if fact_keys(p) & fact_keys(e))]
    wrong = [p for p in got
             if not any(agrees(p, e, strict=False) for key in fact_keys(p) for e in by_key.get(key, []))]
    recall = 1 - len(missed) / max(1, len(exp))
    precision = 1 - len(wrong) / len(got) if got else 0.0
    return precision, recall, missed, wrong


def missing_leader_ratings(expected: dict, produced: dict) -> list[dict]:
    """Expected leader ratings with no produced rating of the same unit, year and rating."""
    have = {(unit_key(r.get("unit")), r.get("year"), (r.get("rating") or "").strip().lower())
            for r in produced.get("leader_ratings", [])}
    return [r for r in expected.get("leader_ratings", [])
            if (unit_key(r["unit"]), r["year"], r["rating"].lower()) not in have]


def claim_mismatches(expected: dict, produced: dict) -> list[str]:
    """One line per expected claim that no produced claim matches (index, year, kind, count, status).

    Example:
        >>> want = {"claims": [{"text": "14/15", "index": "PAR", "year": 2019, "unit_kind": "district",
        ...                     "stated_count": 14, "status": "consistent"}]}
        >>> claim_mismatches(want, {"claims": [dict(want["claims"][0], status="inconsistent")]})
        ["claim '14/15' (PAR 2019 district, 14): expected consistent, produced ['inconsistent']"]
    """
    out = []
    for claim in expected.get("claims", []):
        same = [c for c in produced.get("claims", [])
                if str(c.get("index", "")).upper() == claim["index"] and c.get("year") == claim["year"]
                and c.get("unit_kind") == claim["unit_kind"] and c.get("stated_count") == claim["stated_count"]]
        if not any(c.get("status") == claim["status"] for c in same):
            out.append(f"claim {claim['text']!r} ({claim['index']} {claim['year']} {claim['unit_kind']}, "
                       f"{claim['stated_count']}): expected {claim['status']}, "
                       f"produced {[c.get('status') for c in same] or 'nothing'}")
    return out


def missing_rejects(expected: dict, produced: dict) -> list[dict]:
    """Expected rejects (check and value) that the extraction did not report."""
    have = [(r.get("check"), unit_key(str(r.get("value", "")))) for r in produced.get("rejects", [])]
    return [r for r in expected.get("rejects", [])
            if not any(check == r["check"] and unit_key(r["value"]) in value for check, value in have)]


def describe(fact: Fact) -> str:
    """One readable line for a fact in a failure message."""
    bounds = "".join(f" {f}={fact[f]}" for f in ("score_min", "score_max") if fact.get(f) is not None)
    return (f"{fact.get('unit')} {fact.get('index')} {fact.get('year')}: score {fact.get('score')} "
            f"rank {fact.get('rank')}{bounds}" + (f"  «{fact['evidence']}»" if fact.get("evidence") else ""))


def report(precision: float, recall: float, missed: list[Fact], wrong: list[Fact]) -> str:
    """The failure message: the two rates, then every missed and every wrong fact."""
    lines = [f"precision {precision:.3f}, recall {recall:.3f}"]
    lines += ["missed: " + describe(e) for e in missed]
    lines += ["wrong:  " + describe(p) for p in wrong]
    return "\n".join(lines)
