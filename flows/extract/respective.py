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
YEAR_ASIDE = re.compile(r"\(\s*năm\s+(?:19|20)\d\d\s*:[^()]*\)")


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
    elif at is not None and at == len(last.tokens) - 1 and at and last.tokens[at - 1].kind == "ranks":
        at -= 1  # "A, with 80.69 points, and B, with 81.25, ranked 62nd and 61st respectively"
        listed = last.tokens[at]
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


_MORE_MOVES = re.compile(r"\s*(?:,|và)\s*(\d{1,2})\s+(?:bậc|hạng|vị trí)")


def spread_moves(groups: list[Group], low: str) -> list[Group]:
    """"A (xếp thứ 2, ...) và B (xếp thứ 3, ...) ..., lần lượt tăng 6 bậc và 4 bậc so với năm 2015": the moves
    listed after the last group's "lần lượt" given to every unit in turn (with the year they are measured
    from), when they are as many as the units and no group has a move of its own (in place)."""
    last = groups[-1] if len(groups) > 1 else None
    if last is None or not any(t.kind == "respective" for t in last.tokens):
        return groups
    moves = [t for t in last.tokens if t.kind == "move"]
    if len(moves) != 1 or any(t.kind == "move" for g in groups[:-1] for t in g.tokens) or any(
            len(g.units) != 1 for g in groups):
        return groups
    steps, at = [moves[0].value], moves[0].end
    sign = -1 if moves[0].value < 0 else 1
    while (m := _MORE_MOVES.match(low, at)) is not None:
        steps.append(sign * int(m.group(1)))
        at = m.end()
    if len(steps) != len(groups):
        return groups
    refs = [t for t in last.tokens if t.kind == "year" and t.value.get("ref") and t.start >= moves[0].start]
    for g, step in zip(groups, steps, strict=True):
        mine = Token("move", moves[0].start, moves[0].end, step)
        g.tokens = [t for t in g.tokens if t is not moves[0] and t not in refs] + [mine, *refs]
    return groups


def split_year_asides(groups: list[Group], low: str, s: int, e: int) -> list[Group]:
    """The groups, with the figures of "(năm 2019: 85,20 điểm, xếp thứ 5)" after a group moved to a group
    of their own (the same units, that year) right after it; so with each year of a list of two or more years
    and their figures ("(2018: 87,12 điểm; 2019: 88,40 điểm)", "năm 2017 (thứ 13), năm 2018 (thứ 13)", "(năm
    2020 đạt 90,45 điểm, năm 2021 đạt 91,02 điểm)")."""
    spans = [m.span() for m in YEAR_ASIDE.finditer(low, s, e)]
    listed = sum(t.kind == "year" for g in groups for t in g.tokens) > 1  # a list of years needs two
    if not spans and not listed:
        return groups
    out: list[Group] = []
    for g in groups:
        out.append(g)
        for a, b in spans:
            inside = [t for t in g.tokens if a <= t.start and t.end <= b]
            if inside and inside[0].kind == "year" and a >= g.end:
                g.tokens = [t for t in g.tokens if not (a <= t.start and t.end <= b)]
                out.append(Group(g.units, inside, aside=True))
        blocks = _year_blocks(g, low) if listed else []
        if blocks:
            g.tokens = g.tokens[:blocks[0][0]]
            out += [Group(g.units, tokens, aside=True) for _, tokens in blocks]
    return out


_YEAR_THEN_FIGURE = re.compile(r"\s*[:(]?\s*(?:(?:đạt|xếp|đứng|là|với)\s+)?$")
_FIGURE_KINDS = ("scores", "ranks", "top", "last")


def _year_blocks(g: Group, low: str) -> list[tuple[int, list[Token]]]:
    """(where in ``g.tokens``, tokens) of each year of a run of two or more that end the group's tokens, each a
    year written right before its figures; none when the run is shorter or is not the end."""
    toks = g.tokens
    starts = [i for i, t in enumerate(toks) if t.kind == "year" and not t.value.get("ref") and i + 1 < len(toks)
              and toks[i + 1].kind in _FIGURE_KINDS and t.start > g.end
              and _YEAR_THEN_FIGURE.match(low[t.end:toks[i + 1].start])
              and low[:t.start].rstrip().endswith(("(", ";", ",", ":"))]  # listed, not "PCI 2019 xếp thứ 52"
    if len(starts) < 2:
        return []
    # the run: consecutive blocks, each year's figures up to the next year, and nothing but figures in between
    run = [starts[-1]]
    for i in reversed(starts[:-1]):
        if all(t.kind in _FIGURE_KINDS for t in toks[i + 1:run[0]]):
            run.insert(0, i)
        else:
            break
    if len(run) < 2 or not all(t.kind in _FIGURE_KINDS for t in toks[run[-1] + 1:]):
        return []
    return [(i, toks[i:j]) for i, j in zip(run, [*run[1:], len(toks)], strict=True)]


# "(số liệu trong ngoặc là điểm và thứ hạng năm 2022)": every unit's figures in parentheses are that year's
_PAREN_NOTE = re.compile(r"(?:số liệu|(?:con |chữ )?số|kết quả|điểm|thứ hạng)[^.()]{0,40}?"
                         r"trong (?:dấu )?ngoặc[^.()]{0,50}?năm\s+((?:19|20)\d\d)")
_PAREN = re.compile(r"\(([^()]*)\)")


def paren_year(low: str) -> tuple[int, bool] | None:
    """The year a text says its figures in parentheses are of, if it says so, and whether the whole numbers
    written alone in them are ranks (the note speaks of ranks, not of points).

    Example:
        >>> paren_year("kết quả cụ thể (số liệu trong ngoặc là điểm và thứ hạng năm 2022). huyện a 85 điểm (84)")
        (2022, False)
        >>> paren_year("(số trong ngoặc là thứ hạng năm 2020) hạng 2 - thị xã a - 89,05 điểm (3)")
        (2020, True)
    """
    m = _PAREN_NOTE.search(low)
    return (int(m.group(1)), "hạng" in m.group(0) and "điểm" not in m.group(0)) if m else None


_BARE = re.compile(r"\s*(\d{1,3})\s*")  # "(3)"


def split_paren_years(groups: list[Group], low: str, s: int, e: int, note: tuple[int, bool]) -> list[Group]:
    """"huyện A 85,96 điểm, hạng 4 (85,90 điểm, hạng 3)" in a text whose figures in parentheses are another
    year's (``note``, as ``paren_year`` reads it): the figures inside move to a group of their own (the same
    units, that year) right after; so does a number alone, "89,05 điểm (3)", where the note says they are ranks."""
    year, bare_ranks = note
    out: list[Group] = []
    for i, g in enumerate(groups):
        out.append(g)
        limit = groups[i + 1].start if i + 1 < len(groups) else e
        for m in _PAREN.finditer(low, g.end, e):
            inside = [t for t in g.tokens if m.start() < t.start and t.end < m.end()]
            bare = _BARE.fullmatch(m.group(1)) if bare_ranks and not inside and m.end() <= limit else None
            if bare:
                inside = [Token("ranks", m.start(1), m.end(1), {"ranks": [int(bare.group(1))], "tied": False,
                                                                 "of": None})]
            if inside and any(t.kind in ("scores", "ranks") for t in inside) and any(
                    t.kind in ("scores", "ranks") and not (m.start() < t.start < m.end()) for t in g.tokens):
                g.tokens = [t for t in g.tokens if t not in inside]
                marker = Token("year", m.start(), m.start(), {"year": year, "paren": False, "ref": False})
                out.append(Group(g.units, [marker, *inside], aside=True))
    return out
