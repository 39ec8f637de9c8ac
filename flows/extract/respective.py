"""Figures written apart from their group: ranks written once for several groups, each group's in turn;
last year's figures in parentheses after a group.

"Thành phố A đạt 88,2%, huyện B đạt 87,5%, huyện C đạt 86,9%, tương ứng với các vị trí thứ nhất, thứ hai
và thứ ba": each unit is its own group with its own score, and the ranks after "tương ứng" are the
groups' in the order written.
"""

from __future__ import annotations

import re

from flows.extract.model import Group
from flows.extract.scan import Token

# "Huyện A xếp thứ hai với 89,87 điểm (năm 2019: 85,20 điểm, xếp thứ 5)": another year's figures
_YEAR_ASIDE = re.compile(r"\(\s*năm\s+(?:19|20)\d\d\s*:[^()]*\)")


def spread_respective(groups: list[Group]) -> list[Group]:
    """The groups, with ranks listed after the last one's "tương ứng" given to every group in turn.

    Only when the sentence is exactly that: each group has one score per unit and no rank of its own,
    and the ranks are as many as the units of all the groups.
    """
    if len(groups) < 2:
        return groups
    last = groups[-1]
    at = next((i for i, t in enumerate(last.tokens) if t.kind == "respective"), None)
    if at is None and [t.kind for t in last.tokens] == ["scores", "ranks"]:
        at = 1  # "A 92,18 điểm, B 91,02 điểm, C 88,75 điểm xếp thứ nhất, thứ hai, thứ ba": in turn, unsaid
        listed = last.tokens[1]
    elif at is None or [t.kind for t in last.tokens[at + 1:]] != ["ranks"]:
        return groups
    else:
        listed = last.tokens[at + 1]
    ranks = listed.value["ranks"]
    if len(ranks) != sum(len(g.units) for g in groups) or len(ranks) == len(last.units):
        return groups
    for g in groups:
        own = [t for t in (g.tokens[:at] if g is last else g.tokens) if t.kind in ("scores", "ranks", "top", "last")]
        if [t.kind for t in own] != ["scores"] * len(own) or sum(len(t.value) for t in own) != len(g.units):
            return groups
    taken = 0
    for g in groups:
        mine = Token("ranks", listed.start, listed.end, {**listed.value, "ranks": ranks[taken:taken + len(g.units)]})
        taken += len(g.units)
        g.tokens = [t for t in g.tokens if t is not listed] + [mine]
    return groups


def split_year_asides(groups: list[Group], low: str, s: int, e: int) -> list[Group]:
    """The groups, with the figures of "(năm 2019: 85,20 điểm, xếp thứ 5)" after a group moved to a group
    of their own (the same units, that year) right after it."""
    spans = [m.span() for m in _YEAR_ASIDE.finditer(low, s, e)]
    if not spans:
        return groups
    out: list[Group] = []
    for g in groups:
        out.append(g)
        for a, b in spans:
            inside = [t for t in g.tokens if a <= t.start and t.end <= b]
            if inside and inside[0].kind == "year" and a >= g.end:
                g.tokens = [t for t in g.tokens if not (a <= t.start and t.end <= b)]
                out.append(Group(g.units, inside, aside=True))
    return out
