"""The post pass: ranks implied by order, one fact per unit and year, and claims checked.

Ranks follow competition ranking within (index, year, bloc): ties share a rank and the next rank
skips (1, 2, 2, 4). A rank is implied only where the text's order gives it: "Tiếp theo là ...", a
list declared "từ cao xuống thấp", "the n units ranked last", or a unit named right after the last
ranked one with a lower score. When figures disagree, a warning is written and the doubtful value
is left out: a wrong number in a warehouse is worse than a missing one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from operator import attrgetter

from flows.extract.model import Candidate
from flows.extract.scope import is_urban
from flows.extract.sizes import size_hint
from flows.gazetteer import Gazetteer, is_central_agency, same_province
from flows.seeds import index_rows
from flows.textnorm import fold

_BLOC_KIND = {"urban_district": "district", "rural_district": "district", "ward": "commune", "commune_level": "commune"}


@lru_cache(maxsize=4096)
def bloc_size(gazetteer: Gazetteer, province: str | None, bloc: str, year: int) -> int | None:
    """How many units a province's bloc had in a year, per the gazetteer (cached: a gazetteer is read-only).

    The provinces are one national bloc: those that exist at the end of the year (63, 34 from 2025)."""
    if bloc == "province":
        return _province_count(gazetteer, year)
    if not province:
        return None
    kind = _BLOC_KIND.get(bloc, bloc)
    if gazetteer.bloc_size(province, kind, year) is None:  # the seed's list of such units is not checked
        return None
    units = [u for u in _units_of(gazetteer, same_province(province)) if u.unit_kind == kind and u.valid_in(year)]
    has_quan = any(fold(u.name_vi).startswith("quan ") for u in units)
    n = sum(1 for u in units if _in_bloc(u, bloc, has_quan))
    return n or None


@lru_cache(maxsize=64)
def _province_count(gazetteer: Gazetteer, year: int) -> int | None:
    if year < 1945:  # no year known
        return None
    n = sum(1 for u in gazetteer.units.values() if u.unit_kind == "province" and u.valid_at_end_of(year))
    return n or None


@lru_cache(maxsize=8)
def _units_by_province(gazetteer: Gazetteer) -> dict[str | None, list]:
    by_province: dict[str | None, list] = defaultdict(list)
    for unit in gazetteer.units.values():
        by_province[same_province(unit.province)].append(unit)
    return by_province


def _units_of(gazetteer: Gazetteer, province: str | None) -> list:
    return _units_by_province(gazetteer).get(province, [])


def _in_bloc(unit, bloc: str, has_quan: bool) -> bool:
    """Whether a unit of the bloc's kind belongs to a split bloc (urban/rural districts, wards/communes)."""
    name = fold(unit.name_vi)
    if bloc in ("urban_district", "rural_district"):
        return is_urban(unit, has_quan) == (bloc == "urban_district")
    if bloc in ("ward", "commune") and unit.unit_kind == "commune":
        return name.startswith("phuong ") == (bloc == "ward")
    if bloc == "department":  # the central agencies in the province are ranked apart
        return not is_central_agency(unit)
    return True


def _chain(cands: list[Candidate], size: int | None, warnings: list[str]) -> None:
    """Fill implied ranks in one (index, year, bloc), in text order."""
    placed: dict[str, int] = {}
    count, last_rank, last_score, valid = 0, 0, None, True
    after = 0  # the places taken down to the last unit placed: "A và B cùng xếp thứ tư. Tiếp đến là C": 6
    unplaced = False  # a unit with a score but no place came after the last unit placed
    prev_placed: Candidate | None = None
    ordered_lists = _lists_in_score_order(cands, warnings)
    stated = {c.rank: c for c in cands if c.rank is not None and c.rank_basis == "stated" and not c.tied}
    for c in cands:
        if c.unit_id in placed:
            if c.rank is not None and c.rank == placed[c.unit_id] and not c.tied:
                # "Quang Ninh tops PAR Index 2017 ... Thanh Hoa moved up to 20th. Quang Ninh came first, followed by
                # A and B": a place stated again, the run goes on from it
                after = last_rank = c.rank
                last_score = c.score if c.score is not None else last_score
                prev_placed = c
            continue
        if c.rank is None and c.top is not None and c.unit_id in ordered_lists.get(_list_key(c, "top"), ()):
            c.rank, c.rank_basis, c.tied = c.top[1], "implied", c.shared_tie
        elif (c.rank is None and c.last is not None and (c.of or size)
              and c.unit_id in ordered_lists.get(_list_key(c, "last"), ())):
            n, pos = c.last
            rank = (c.of or size) - n + pos
            if valid and rank <= count:
                warnings.append(f"line {c.where.line}: {c.surface} is ranked {rank} from the end of "
                                f"{size} units but {count} units are already ranked before it; rank left out")
                valid = False
                continue
            c.rank, c.rank_basis = rank, "implied"
        elif (c.rank is None and c.shared_tie and prev_placed is not None and prev_placed.shared_tie
              and prev_placed.where is c.where and prev_placed.score == c.score and valid):
            c.rank, c.rank_basis, c.tied = last_rank, "implied", True  # "A và B cùng đạt 95,7%": one rank
        elif c.rank is None and c.seq == "above":
            if prev_placed is not None and last_rank > 1 and prev_placed.where.paragraph == c.where.paragraph:
                c.rank, c.rank_basis = last_rank - 1, "implied"  # "... xếp thứ 8; liền trên là huyện A": 7
        elif c.rank is None and c.seq and (valid or (after and not unplaced)) and (after or c.seq != "next"):
            # (units said to come next, "hai vị trí tiếp theo thuộc về A và B", after no place: not from the top)
            rank = after + 1  # "A xếp thứ 2/8. Đứng đầu là B; các vị trí tiếp theo là C, D, ...": A's place is
            while (rank in stated and stated[rank].unit_id != c.unit_id and (  # taken, the list goes on below it
                    c.score is None or stated[rank].score is None or c.score <= stated[rank].score)):
                rank += 1
            if size is None or rank <= size:  # never past the bloc's last place
                c.rank, c.rank_basis = rank, "implied"
        elif (c.rank is None and valid and c.score is not None and last_score is not None and not (c.last or c.top)
              and not c.contrast
              and (c.group_size == 1 or c.shared_tie) and c.score < last_score and prev_placed is not None
              and prev_placed is _previous(cands, c) and prev_placed.where.paragraph == c.where.paragraph):
            c.rank, c.rank_basis, c.tied = count + 1, "implied", c.shared_tie
        if c.rank is None:
            if c.score is not None:
                valid, unplaced = False, True
            continue
        if c.rank != count + 1 and not (c.rank == last_rank and c.tied):
            valid = c.rank == 1 and count == 0
        if c.rank_basis == "implied" and c.score is None and last_score is not None and c.rank > last_rank:
            c.score_max = min(x for x in (c.score_max, last_score) if x is not None)
        elif c.rank_basis == "implied" and c.score is None and last_score is not None and c.rank < last_rank:
            c.score_min = max(x for x in (c.score_min, last_score) if x is not None)  # "second, only behind A": above
        placed[c.unit_id] = c.rank
        count += 1
        if not (c.last is not None and c.rank_basis == "implied"):  # a place counted from the bottom ends no run
            after = after + 1 if c.rank == last_rank else c.rank  # the same place twice is a tie
        unplaced = False
        last_rank = c.rank
        last_score = c.score if c.score is not None else last_score
        prev_placed = c


def _drop_implied_clashes(cands: list[Candidate]) -> None:
    """An implied rank that another unit states for itself in the same scope is not implied after all
    ("A đứng đầu; B đạt 74,2 điểm. C ... xếp thứ hai": B is not second)."""
    stated = {c.rank: c.unit_id for c in cands if c.rank is not None and c.rank_basis == "stated" and not c.tied}
    for c in cands:
        if c.rank_basis == "implied" and stated.get(c.rank, c.unit_id) != c.unit_id and not c.tied:
            c.rank, c.rank_basis = None, None


def _list_key(c: Candidate, which: str) -> tuple:
    return (which, c.list_at if c.list_at >= 0 else c.where.start, (c.top if which == "top" else c.last)[0])


_IN_ORDER = re.compile(r"\blần lượt (?:là|giữ|chiếm|nắm giữ|xếp|đứng)\b"
                       r"|\btheo thứ tự\b(?! (?:a|abc|vần|chữ cái))|\brespectively\b|\bin that order\b")


def _lists_in_score_order(cands: list[Candidate], warnings: list[str]) -> dict[tuple, set[str]]:
    """The units whose place in an "n units leading/last" list gives their rank: all of them when the
    scores fall in the written order; where they do not, only those whose place agrees with their score
    (a list declared sorted is not always sorted: the disagreement is flagged)."""
    lists: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in cands:
        for which in ("top", "last"):
            if getattr(c, which) is not None:
                lists[_list_key(c, which)].append(c)
    ok: dict[tuple, set[str]] = {}
    for key, members in lists.items():
        members = sorted(members, key=lambda m: (m.top or m.last)[1])
        scores = [m.score for m in members]
        if (key[0] == "last" and key[2] == len(members) > 1 and None not in scores
                and all(a < b for a, b in zip(scores, scores[1:], strict=False))):
            # "Ba huyện xếp cuối lần lượt là A (77,1 điểm), B (77,9 điểm) và C (78,2 điểm)": from the last place up
            for m in members:
                m.last = (key[2], key[2] - m.last[1] + 1)
            members, scores = members[::-1], scores[::-1]
        if key[0] == "top" and members[0].top_rest:
            ok[key] = {m.unit_id for m in members} if _rest_of_top(cands, members, key) else set()
            continue
        # "5 đơn vị dẫn đầu là A (..), B (..), C (..); D và E đồng hạng tư": the first places of a leading list that
        # goes on in another clause, given in order of falling scores
        head = key[0] == "top" and 1 < len(members) < key[2] and None not in scores and [
            m.top[1] for m in members] == list(range(1, len(members) + 1))
        # "ba địa phương dẫn đầu lần lượt là A, B và C": the leaders in the order declared, without scores
        declared = key[0] == "top" and key[2] == len(members) and all(x is None for x in scores) and bool(
            _IN_ORDER.search(members[0].where.low, members[0].where.start, members[0].where.end))
        if declared:
            ok[key] = {m.unit_id for m in members}
            continue
        if (key[2] != len(members) and not head and not (len(members) == 1 and members[0].above_last)) or (
                len(members) > 1 and None in scores):
            ok[key] = set()
        elif all(a >= b for a, b in zip(scores, scores[1:], strict=False)):
            ok[key] = {m.unit_id for m in members}
        else:
            by_score = [1 + sum(other > s for other in scores) for s in scores]
            ok[key] = {m.unit_id for i, m in enumerate(members) if by_score[i] == i + 1}
            warnings.append(f"line {members[0].where.line}: a list given in order has scores out of order "
                            f"({', '.join(f'{s:g}' for s in scores)}); only the places the scores confirm are kept")
    return ok


def _rest_of_top(cands: list[Candidate], members: list[Candidate], key: tuple) -> bool:
    """"Hoàn Kiếm led with 93.4 points. Tây Hồ (91.2) and Ba Đình (90.8) made up the top three": fewer units than
    the top n, after the first places were stated for others; the members take the places left, in order of falling
    scores (in place). True when they did."""
    n, k = key[2], len(members)
    ids = {m.unit_id for m in members}
    before = {c.rank: c for c in cands if c.rank is not None and not c.tied and c.unit_id not in ids
              and c.where.start <= key[1]}
    scores = [m.score for m in members]
    if not 0 < k < n or any(r not in before for r in range(1, n - k + 1)) or any(
            r in before for r in range(n - k + 1, n + 1)):
        return False
    if k > 1 and (None in scores or any(a <= b for a, b in zip(scores, scores[1:], strict=False))):
        return False
    if None not in scores and any(before[r].score is not None and before[r].score < max(scores)
                                  for r in range(1, n - k + 1)):
        return False
    for m in members:
        m.top = (n, n - k + m.top[1])
    return True


def _previous(cands: list[Candidate], c: Candidate) -> Candidate | None:
    i = cands.index(c)
    return cands[i - 1] if i else None


def _merge(cands: list[Candidate], warnings: list[str]) -> dict:
    """One fact from the candidates of one (unit, index, year)."""
    first = cands[0]
    scores = [c for c in cands if c.score is not None]
    stated = [c for c in cands if c.rank is not None and c.rank_basis == "stated" and not c.derived]
    stated_ids = {id(c) for c in stated}  # candidates differ in ``order``: equal only to themselves
    derived = [c for c in cands if c.rank is not None and id(c) not in stated_ids]
    score = scores[0].score if scores else None
    if any(abs(c.score - score) > 0.005 for c in scores):
        warnings.append(f"line {scores[1].where.line}: {first.surface} has two scores for {first.index} "
                        f"{first.year} ({', '.join(f'{c.score:g}' for c in scores)}); score left out")
        score = None
    rank, basis, tied = None, "stated", False
    ranks_stated = {c.rank for c in stated}
    if len(ranks_stated) > 1:
        warnings.append(f"line {stated[1].where.line}: {first.surface} is given ranks "
                        f"{sorted(ranks_stated)} for {first.index} {first.year}; rank left out")
    elif stated:
        rank, tied = stated[0].rank, any(c.tied for c in stated)
    elif derived:
        ranks_derived = {c.rank for c in derived}
        if len(ranks_derived) == 1:
            rank, basis = derived[0].rank, derived[0].rank_basis or "implied"
        else:
            warnings.append(f"line {derived[0].where.line}: {first.surface} has conflicting implied ranks "
                            f"{sorted(ranks_derived)} for {first.index} {first.year}; rank left out")
    if rank is not None and rank != (stated[0].rank if stated else rank):
        basis = "implied"
    mins = [c.score_min for c in cands if c.score_min is not None]
    maxs = [c.score_max for c in cands if c.score_max is not None]
    lead = scores[0] if scores else (stated or derived or cands)[0]
    return {"unit_id": first.unit_id, "unit_kind": first.unit_kind, "index": first.index, "year": first.year,
            "criterion": "TOTAL", "bloc": first.bloc or first.unit_kind, "score": score,
            "score_min": None if score is not None or not mins else max(mins),
            "score_max": None if score is not None or not maxs else min(maxs),
            "rank": rank, "tied": tied, "basis": basis,
            "evidence": lead.where.evidence, "span": [lead.where.start, lead.where.end],
            "place": f"line {lead.where.line}"}


def _satisfies(fact: dict, bound: dict) -> bool | None:
    """Whether a fact meets a claim's threshold; None when its figures do not tell."""
    lo, hi = bound["min"], bound["max"]
    s, smin, smax = fact["score"], fact["score_min"], fact["score_max"]
    if s is not None:
        above = lo is None or (s >= lo if bound["op"] in (">=", "between", "below") else s > lo)
        below = hi is None or (s <= hi if bound["op"] == "between" else s < hi)
        return above and below
    if lo is not None and hi is None:
        if smin is not None and smin >= lo:
            return True
        if smax is not None and smax <= lo:
            return False
    if hi is not None and lo is None:
        if smax is not None and smax <= hi:
            return True
        if smin is not None and smin >= hi:
            return False
    return None


def check_claims(claims: list[dict], facts: list[dict], sizes: dict) -> list[dict]:
    """Give each claim the count the facts show and a status."""
    out = []
    for claim in claims:
        if claim["unit_kind"] is None and claim["listed"]:  # "3 địa phương ... gồm A, B và C": the kind listed
            kinds = {f["unit_kind"] for f in facts if f["unit_id"] in claim["listed"]}
            claim = {**claim, "unit_kind": kinds.pop()} if len(kinds) == 1 else claim
        scope = [f for f in facts if (f["index"], f["year"], f["unit_kind"]) ==
                 (claim["index"], claim["year"], claim["unit_kind"])]
        size = claim["of"] or sizes.get((claim["index"], claim["year"], claim["unit_kind"]))
        if claim["listed"]:
            listed = [f for f in scope if f["unit_id"] in claim["listed"]]
            observed = sum(1 for f in listed if _satisfies(f, claim["bound"]))
            status = "consistent" if observed == claim["stated_count"] else "inconsistent"
        else:
            verdicts = [_satisfies(f, claim["bound"]) for f in scope]
            observed = sum(1 for v in verdicts if v)
            unknown = sum(1 for v in verdicts if v is None) + max(0, (size or len(scope)) - len(scope))
            if not any(f["score"] is not None for f in scope):
                status, observed = "unverifiable", None
            elif observed == claim["stated_count"] and not (unknown and size is None):
                status = "consistent"
            elif observed > claim["stated_count"] or observed + unknown < claim["stated_count"]:
                status = "inconsistent"
            else:
                status = "unverifiable"
        out.append({**claim, "observed_count": observed, "status": status})
    _cross_check(out, sizes)
    return out


def _cross_check(claims: list[dict], sizes: dict) -> None:
    """Claims that contradict each other or add up to more units than the bloc has."""
    by_condition = defaultdict(list)
    for c in claims:
        if not c["listed"]:
            by_condition[(c["index"], c["year"], c["unit_kind"], c["condition"])].append(c)
    for same in by_condition.values():
        counts = {c["stated_count"] for c in same}
        if len(counts) > 1 and any(c["status"] == "consistent" for c in same):
            for c in same:
                if c["status"] != "consistent":
                    c["status"] = "inconsistent"
                    c["note"] = "contradicts another claim of the same text that the facts confirm"
    by_sentence = defaultdict(list)
    for c in claims:
        if not c["listed"]:
            by_sentence[(tuple(c["sentence"]), c["index"], c["year"], c["unit_kind"])].append(c)
    for key, same in by_sentence.items():
        conditions = {c["condition"] for c in same}
        size = sizes.get(key[1:]) or next((c["of"] for c in same if c["of"]), None)
        if len(conditions) == len(same) > 1 and size and sum(c["stated_count"] for c in same) > size \
                and _disjoint([c["bound"] for c in same]):
            for c in same:
                c["status"] = "inconsistent"
                c["note"] = (f"the counts of this sentence add up to {sum(x['stated_count'] for x in same)} "
                             f"units but the bloc has {size}")


def _disjoint(bounds: list[dict]) -> bool:
    spans = sorted(((b["min"] if b["min"] is not None else float("-inf")),
                    (b["max"] if b["max"] is not None else float("inf"))) for b in bounds)
    return all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def finish(candidates: list[Candidate], claims: list[dict], gazetteer: Gazetteer, province: str | None,
           header: dict, doc_year: int | None) -> tuple[list[dict], list[dict], list[str], list[dict]]:
    """Facts, checked claims, warnings and rejects from a document's candidates."""
    warnings: list[str] = []
    candidates, rejects = _within_range(candidates)
    _check_listed(candidates, warnings)
    candidates = _drop_conflicted(candidates, header, doc_year, warnings)
    candidates = _body_over_title(candidates, header)
    _joint_commune_blocs(candidates)
    scopes = defaultdict(list)
    in_order = sorted(candidates, key=attrgetter("order"))
    for c in in_order:
        scopes[(c.index, c.year, c.bloc, _ranked_in(gazetteer, c.unit_id, province))].append(c)
    sizes = {}
    for (index, year, bloc, where), cands in scopes.items():
        size = bloc_size(gazetteer, where or province, bloc, year)
        if size is None:  # the gazetteer does not know it: the size the text states ("xếp hạng 1/9"), if one
            stated = {c.of for c in cands if c.of} or {c.size_hint for c in cands if c.size_hint}
            size = stated.pop() if len(stated) == 1 else None
        sizes.setdefault((index, year, bloc), size)
        _chain(cands, size, warnings)
        _drop_implied_clashes(cands)
    _resolve_moves(in_order)
    by_key = defaultdict(list)
    for c in in_order:  # _chain changed ranks, not the order
        if not c.placeholder:
            by_key[c.key].append(c)
    facts = []
    for cands in by_key.values():
        fact = _merge(cands, warnings)
        if all(fact[k] is None for k in ("score", "score_min", "score_max", "rank")):
            continue
        unit = gazetteer.units[fact["unit_id"]]
        facts.append({"unit": unit.name_vi, **fact})
    _mark_ties(facts, gazetteer, province)
    _check_order(facts, warnings, gazetteer, province)
    for claim in claims:
        key = (claim["index"], claim["year"], claim["unit_kind"])
        sizes.setdefault(key, bloc_size(gazetteer, province, claim["unit_kind"] or "", claim["year"] or 0))
    checked = [{k: v for k, v in c.items() if k not in ("bound", "listed", "of", "sentence")} | {"of": c["of"]}
               for c in check_claims(claims, facts, sizes)]
    return facts, checked, warnings, rejects


# "95 đơn vị (xã, phường) được xếp hạng chung" (not "Đặc khu Trường Sa không xếp hạng chung mà được đánh giá riêng")
_RANKED_TOGETHER = re.compile(r"(?<!không )(?<!chưa )(?<!không được )\bxếp hạng\s+chung\b")


def _joint_commune_blocs(cands: list[Candidate]) -> None:
    """Wards and communes ranked in one list ("10 đơn vị dẫn đầu gồm: phường A ...; xã B ...") or said to be ranked
    together ("xếp hạng chung", from 2025): for that index and year, one bloc of every commune-level unit of the
    text, whose last places count all of them ("95 xã, phường"), not one kind ("72 xã") (in place)."""
    if not cands:
        return
    together = _RANKED_TOGETHER.search(cands[0].where.low) is not None
    lists: dict[tuple, set[str]] = defaultdict(set)
    for c in cands:
        if c.bloc in ("ward", "commune"):
            for which in ("top", "last"):  # a list of n units, not one place each ("A đứng cuối khối phường; B ...")
                if getattr(c, which) is not None and getattr(c, which)[0] > 1:
                    lists[(c.index, c.year, *_list_key(c, which))].add(c.bloc)
            if c.seq:  # "A cao nhất, kế đến là phường B, đặc khu C, xã D": one run of places in one clause
                w = c.where
                lists[(c.index, c.year, "seq", w.start, w.low.count(";", w.start, max(c.position, w.start)))].add(
                    c.bloc)
    joint = {key[:2] for key, blocs in lists.items() if blocs == {"ward", "commune"}}
    for c in cands:
        if c.bloc in ("ward", "commune") and ((c.index, c.year) in joint or (together and c.year >= 2025)):
            c.bloc = "commune_level"
            if c.last and (together or c.size_hint is None):
                c.size_hint = size_hint(c.where.low, c.where.start, "commune_level")


def _resolve_moves(cands: list[Candidate]) -> None:
    """The previous-year ranks read off a move ("tăng 3 bậc") from a rank the order gave (``moved_from``)."""
    for c in cands:
        if c.moved_from is None:
            continue
        year, move = c.moved_from
        ranks = {x.rank for x in cands if x.key == (c.unit_id, c.index, year) and x.rank is not None}
        if len(ranks) == 1 and (before := ranks.pop() + move) >= 1:
            c.rank, c.rank_basis = before, "implied"


@lru_cache(maxsize=1)
def index_maxima() -> dict[str, float]:
    """The highest score each index allows (bonus points included), from ``dim_index.csv``."""
    return {r["index_code"]: float(r["max_score"]) for r in index_rows() if r["max_score"]}


def _check_listed(cands: list[Candidate], warnings: list[str]) -> None:
    """Numbers of list items are ranks only where the scores fall along them; else they are dropped."""
    lists: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.listed:
            lists[(c.where.paragraph, c.index, c.year, c.bloc)].append(c)  # a list per bloc: "I. KHỐI SỞ", "II. ..."
    for members in lists.values():
        ordered = sorted(members, key=lambda c: c.rank)
        scores = [c.score for c in ordered if c.score is not None]
        if any(a < b for a, b in zip(scores, scores[1:], strict=False)):
            warnings.append(f"line {members[0].where.line}: a numbered list whose scores do not fall with its "
                            "numbers; the numbers are not taken as ranks")
            for c in members:
                c.rank, c.rank_basis, c.listed = None, None, False
        else:
            for c in members:
                c.rank_basis = "implied"


def _within_range(cands: list[Candidate]) -> tuple[list[Candidate], list[dict]]:
    """Scores beyond what their index allows, or negative, are rejected before they rank anything."""
    kept, rejects = [], []
    for c in cands:
        top = index_maxima().get(c.index)
        if c.score is not None and (c.score < 0 or (top is not None and c.score > top)):
            rejects.append({
                "check": "score_range", "value": c.score, "place": f"line {c.where.line}",
                "span": [c.where.start, c.where.end], "evidence": c.where.evidence,
                "message": f"{c.surface}: {c.index} score {c.score:g} at line {c.where.line} is outside 0–{top:g}, "
                           f"the range of {c.index} (bonus points included); check the source, or correct it in "
                           "raw/<year>/<province>/corrections.csv"})
        else:
            kept.append(c)
    return kept, rejects


def _drop_conflicted(cands: list[Candidate], header: dict, doc_year: int | None,
                     warnings: list[str]) -> list[Candidate]:
    """A title announcing an index for one year whose figures are all stated for another."""
    if doc_year is None:
        return cands
    out = cands
    for index in header.get("announced", []):
        scored = {c.year for c in cands if c.index == index and c.score is not None and not c.derived}
        if scored and doc_year not in scored:
            years = ", ".join(str(y) for y in sorted(scored))
            warnings.append(f"the title announces {index} {doc_year} but the text states its figures for "
                            f"{years}; they are kept under {years} — check the source")
            out = [c for c in out if not (c.index == index and c.derived == "continue")]
    return out


def _body_over_title(cands: list[Candidate], header: dict) -> list[Candidate]:
    """A headline's figure that the body states otherwise gives way to the body ("Công bố Chỉ số CCHC và Chỉ
    số hài lòng: A dẫn đầu", then "A dẫn đầu Chỉ số CCHC ...; A đứng thứ hai về Chỉ số hài lòng")."""
    title = header.get("title")
    if not title:
        return cands
    in_title = [c for c in cands if c.where.paragraph == 0 and c.where.evidence in title]
    if not in_title:
        return cands
    body: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.where.paragraph > 0 and not c.derived:
            body[c.key].append(c)
    drop = {id(c) for c in in_title if any(
        (b.rank is not None and c.rank is not None and b.rank != c.rank)
        or (b.score is not None and c.score is not None and abs(b.score - c.score) > 0.005) for b in body[c.key])}
    return [c for c in cands if id(c) not in drop] if drop else cands


def _ranked_in(gazetteer: Gazetteer, unit_id: str, province: str | None) -> str | None:
    """The province whose ranking a unit is in: its own, for a unit below a province (a 2025 story of a merged
    province ranks the units of each old province apart); None for provinces and ministries (one national list)."""
    unit = gazetteer.units.get(unit_id)
    if unit is None:  # a placeholder of an unknown name: the text's province
        return same_province(province) if province else None
    return None if unit.unit_kind in ("province", "ministry") else same_province(unit.province)


def _mark_ties(facts: list[dict], gazetteer: Gazetteer, province: str | None) -> None:
    """Units that share a stated rank in one scope are tied, even if only one sentence said so."""
    groups = defaultdict(list)
    for f in facts:
        if f["rank"] is not None:
            scope = _ranked_in(gazetteer, f["unit_id"], province)
            groups[(f["index"], f["year"], f["bloc"], scope, f["rank"])].append(f)
    for same in groups.values():
        if len(same) > 1:
            for f in same:
                f["tied"] = True


def _check_order(facts: list[dict], warnings: list[str], gazetteer: Gazetteer, province: str | None) -> None:
    """Flag ranks that disagree with the scores (a list declared sorted that is not)."""
    scopes = defaultdict(list)
    for f in facts:
        if f["rank"] is not None and f["score"] is not None:
            scopes[(f["index"], f["year"], f["bloc"], _ranked_in(gazetteer, f["unit_id"], province))].append(f)
    for (index, year, bloc, _), same in scopes.items():
        same.sort(key=lambda f: f["rank"])
        for a, b in zip(same, same[1:], strict=False):
            if b["score"] > a["score"] + 0.005:
                warnings.append(f"{index} {year} {bloc}: {b['unit']} ranked {b['rank']} scores {b['score']:g}, "
                                f"above {a['unit']} ranked {a['rank']} with {a['score']:g}")
