"""List items written inline: scores written bare after their unit, and the items' numbers.

Bare scores: right after their unit, in a list that states its scale elsewhere or lists several.

"quận Hải Châu 91,25 điểm; quận Sơn Trà 89,6; quận Thanh Khê 88,74.": after the first item the writer
drops "điểm"; "thành phố A – 90,95; thị xã B – 88,7." (an infographic's lines) never writes it. A decimal
that follows a unit's name at once (after a space, a dash or a colon) and ends its list item is that
unit's score, when the sentence has a score written with its unit or two such items; a lone bare number
after a name is left alone ("Quận 1 12,5 tỷ đồng" is no item: the number must end the item).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flows.extract.model import Candidate, Group
from flows.extract.scan import Token
from flows.extract.sizes import size_hint
from flows.numerals import parse_decimal

# ... or before the item's place: "• Thị xã Ngã Năm – 90,12 – hạng 1"
_RANK_NEXT = r"[ \t]*(?:[–—-]|,)[ \t]*(?:xếp\s+)?(?:hạng|thứ|xếp thứ|vị trí)\s+\S+[ \t]*[.;]?[ \t]*$"
_RANK_AFTER = re.compile(_RANK_NEXT)
_BARE = re.compile(r"[ \t]*(?:[–—-][ \t]*|:[ \t]*)?(\d{1,3}[.,]\d{1,2})(?=[ \t]*(?:[;,]|\.(?:\s|$)|\n|$)|"
                   + _RANK_NEXT + ")", re.MULTILINE)


def bare_scores(low: str, groups: list[Group], tokens: list[Token], e: int, item: bool = False) -> None:
    """Give each one-unit group without a score the bare decimal right after its name (in place): in a list
    whose other items have scores, or in a line of a list (``item``: "1. Sở Tư pháp: 91,25").

    Example:
        >>> from flows.gazetteer import Mention
        >>> low = "quận a 91,25 điểm; quận b 89,6; quận c 88,74."
        >>> groups = [Group([Mention("a", 0, 6, "quận a", False)], [Token("scores", 7, 17, [91.25])]),
        ...           Group([Mention("b", 19, 25, "quận b", False)]), Group([Mention("c", 32, 38, "quận c", False)])]
        >>> bare_scores(low, groups, [t for g in groups for t in g.tokens], len(low))
        >>> [[t.value for t in g.tokens if t.kind == "scores"] for g in groups]
        [[[91.25]], [[89.6]], [[88.74]]]
    """
    found = []
    for g in groups:
        if len(g.units) != 1 or any(t.kind in ("scores", "bound") for t in g.tokens):
            continue
        m = _BARE.match(low, g.end, e)
        if m and not any(t.start < m.end(1) and m.start(1) < t.end for t in tokens):
            found.append((g, Token("scores", m.start(1), m.end(1), [parse_decimal(m.group(1))])))
    if len(found) < 2 and not any(t.kind == "scores" for t in tokens) and not (
            item and len(found) == 1 and len(groups) == 1 and (low[found[0][1].end:e].strip(" .;\n") == ""
                                                               or _RANK_AFTER.match(low, found[0][1].end, e))):
        return
    for g, token in found:
        g.tokens = sorted([*g.tokens, token], key=lambda t: t.start)


def inline_item_numbers(low: str, groups: list[Group], header: list[Token]) -> None:
    """Give the number of an inline list item ("...: 1. Thị xã A, 92,35 điểm; 2. Huyện B, 90,8 điểm") to the
    group it opens (in place): it stands in the sentence's header or after the previous item's figures,
    which would otherwise take it; an item that states a rank of its own keeps that one (the number goes)."""
    _give_openers(low, groups, header, lambda t: t.kind == "ranks" and t.value.get("inline"), drop_unmoved=True)


def ranks_before_units(low: str, groups: list[Group]) -> None:
    """"A với 92,18 điểm, thứ hai thành phố B (91,02 điểm), thứ ba thị xã C": a place that opens a clause and
    runs into a unit's name is that unit's, not the previous one's (in place); a unit that states a place
    of its own keeps it (and the place stays where it was)."""
    _give_openers(low, groups, [], lambda t: t.kind == "ranks" and not t.value.get("listed")
                  and low[max(0, t.start - 20):t.start].rstrip()[-1:] in (",", ";", ":"), drop_unmoved=False)


def _give_openers(low: str, groups: list[Group], header: list[Token], opens: Callable[[Token], bool],
                  drop_unmoved: bool) -> None:
    """Move the tokens that ``opens`` picks and that run into a group's first name (nothing between) from
    the group before (or the ``header``, for the first) to that group, unless it has a place of its own."""
    opening = [[t for t in (groups[i - 1].tokens if i else header)
                if t.end <= g.start and not low[t.end:g.start].strip() and opens(t)] for i, g in enumerate(groups)]
    moving = {t for tokens in opening for t in tokens}
    if not moving:
        return
    for i, (g, tokens) in enumerate(zip(groups, opening, strict=True)):
        if not tokens:
            continue
        placed = any(t.kind in ("ranks", "top", "last") and t not in moving for t in g.tokens)
        if i and (drop_unmoved or not placed):
            groups[i - 1].tokens = [t for t in groups[i - 1].tokens if t not in tokens]
        if not placed:
            g.tokens = sorted([*tokens, *g.tokens], key=lambda t: t.start)


_NAMED_AS = re.compile(r"[\s,]*(?:lần lượt\s+)?(?:là|đều là|chính là|thuộc về|giữ|chiếm|đứng|xếp|ở)\s*$")


def named_after(low: str, groups: list[Group]) -> None:
    """"A 95,4%, B 94,02%, C 93,66% là 3 đơn vị dẫn đầu": the leading (or last) n named after a list of n
    units, one figure each, are all of its units in the order written (in place: the cue becomes every
    group's header, as when it comes first: "3 đơn vị dẫn đầu là A, B và C")."""
    if len(groups) < 2:
        return
    # the list may close a first clause: "A 92,15%, B 91,88%, C 91,3% là 3 đơn vị dẫn đầu; D thấp nhất với 84%"
    k = next((i for i, g in enumerate(groups) if any(
        t.kind in ("top", "last") and (t.value or {}).get("count") for t in g.tokens)), len(groups) - 1)
    if k + 1 < len(groups) and ";" not in low[groups[k].end:groups[k + 1].start]:
        return
    groups = groups[:k + 1]
    last = groups[-1]
    cue = next((t for t in last.tokens if t.kind in ("top", "last")), None)
    if (cue is None or not (cue.value or {}).get("count") or cue.value["count"] != len(groups)
            or any(len(g.units) != 1 for g in groups) or "mỗi" in low[cue.end:cue.end + 20]):
        return  # "A 93,1%, B 90,55% là hai đơn vị cao nhất ở mỗi khối": the first of two blocs, not 1 and 2
    before = [t for t in last.tokens if t.start < cue.start and t.kind != "respective"]  # "lần lượt giữ"
    if (not before or not _NAMED_AS.match(low, before[-1].end, cue.start)
            or any(len(g.tokens if g is not last else before) != 1 or (g.tokens if g is not last else before)[0].kind
                   != "scores" for g in groups)):
        return
    last.tokens = [t for t in last.tokens if t is not cue]
    for g in groups:
        g.header = [cue]


# "thị xã A lần đầu tiên vượt thành phố B để dẫn đầu với 92,06 điểm": B is overtaken, the figures are A's
OVERTAKES = re.compile(r"[^,;.:()]{0,25}?(?<!\w)(?:vượt(?:\s+qua|\s+lên(?:\s+trên)?)?|vượt mặt|qua mặt|bỏ xa)\s*")
# what stays the overtaken unit's: "(thứ nhất năm 2022)", "- đơn vị dẫn đầu năm 2022 -", ", đơn vị đứng đầu năm 2021,"
_ASIDE = re.compile(r"\s*(?:\([^()]*\)|[-–—][^-–—.;()]*[-–—]|,\s*(?:đơn vị|địa phương|vốn|từng)\b[^,.;()]*(?=,))")


def overtaken(low: str, groups: list[Group]) -> None:
    """Give the figures written after an overtaken unit to the one that overtook it (in place); figures in
    an aside right after the overtaken unit stay its own ("vượt huyện B (thứ nhất năm 2022)", "vượt qua B - đơn
    vị dẫn đầu năm 2022 -")."""
    for a, b in zip(groups, groups[1:], strict=False):
        if not OVERTAKES.fullmatch(low, a.end, b.start):
            continue
        aside = _ASIDE.match(low, b.end)
        moved = [t for t in b.tokens if t.start >= (aside.end() if aside else b.end)]
        if moved:
            b.tokens = [t for t in b.tokens if t not in moved]
            a.tokens = sorted([*a.tokens, *moved], key=lambda t: t.start)


# "Đây là 3 đơn vị dẫn đầu.", "Đó là hai địa phương xếp cuối": the sentence before named them
_BACK = re.compile(r"\s*(?:đây|đó|đấy)\s+(?:cũng\s+)?(?:là|chính là)\b"
                   r"|\s*(?:các|cả\s+\w+)\s+(?:đơn vị|địa phương|sở|huyện)\s+(?:này|trên)\b")


def refer_back(low: str, s: int, tokens: list[Token], before: list[Candidate]) -> None:
    """"A đạt 92,37 điểm; B 91,84 điểm; C 90,06 điểm. Đây là 3 đơn vị dẫn đầu.": the n units leading (or last)
    that a sentence without units names are the n units of the sentence before, in its order, when that
    one placed none of them and their scores fall (in place, on the candidates of the sentence before)."""
    cue = next((t for t in tokens if t.kind in ("top", "last") and (t.value or {}).get("count")), None)
    if cue is None or not before or not _BACK.match(low, s):
        return
    units = list(dict.fromkeys(c.unit_id for c in before))
    scores = [c.score for c in before]
    if (len(units) != cue.value["count"] or len(before) != len(units) or any(c.rank is not None for c in before)
            or None in scores or any(a <= b for a, b in zip(scores, scores[1:], strict=False))):
        return
    n = len(units)
    for i, c in enumerate(before):
        if cue.kind == "top":
            c.top = (n, i + 1)
        else:
            c.last = (n, i + 1)
            c.size_hint = c.size_hint or size_hint(low, c.where.start, c.bloc)


_ABOVE = re.compile(r"(?:đứng|xếp|nằm)\s+(?:trên|trước)\s+$")  # "Đứng trên <unit> lần lượt là A, B và C"
_ABOVE_IS = re.compile(r"\s*(?:\(cũ\)\s*)?(?:(?:lần lượt\s+)?(?:là|gồm|gồm có)\s*:?"
                       r"|(?:chỉ\s+)?(?:đứng|xếp)\s+(?:ngay\s+)?sau)\s*")  # "<unit> chỉ đứng sau A và B"
_LIST_GAP = re.compile(r"\s*(?:\([^()]*\))?\s*(?:,|và|;)?\s*")  # "A (89,12 điểm) và B"


def units_above(low: str, s: int, mentions: list, rank_of: Callable[[str], int | None]) -> Token | None:
    """"Xếp thứ 4/63. Đứng trên Huế lần lượt là A, B và C.", "Huyện chỉ đứng sau A và B": the units above a unit
    placed n-th (in a sentence before), when they are n - 1 and listed alone after it, take the places 1 to
    n - 1 in the order written (the ranks, as a token before the list); None when the sentence is no such list.

    Example:
        >>> from flows.gazetteer import Mention
        >>> low = "đứng trên huế lần lượt là a, b và c."
        >>> names = [Mention(n, i, i + len(n), n, False) for n, i in (("huế", 10), ("a", 26), ("b", 29), ("c", 34))]
        >>> units_above(low, 0, names, {"huế": 4}.get).value
        {'ranks': [1, 2, 3], 'tied': False, 'of': None}
    """
    opener = _ABOVE_IS.match(low, mentions[0].end, mentions[1].start) if len(mentions) > 1 else None
    if opener is None or opener.end() != mentions[1].start or (
            "sau" not in opener.group(0) and not _ABOVE.search(low, s, mentions[0].start)):
        return None
    known = rank_of(mentions[0].unit_id) if mentions[0].unit_id else None
    listed = mentions[1:]
    if known is None or known != len(listed) + 1 or not all(
            _LIST_GAP.fullmatch(low, a.end, b.start) for a, b in zip(listed, listed[1:], strict=False)):
        return None
    return Token("ranks", opener.end(), opener.end(), {"ranks": list(range(1, known)), "tied": False, "of": None})
