"""What a group of units and its figures say: candidate facts, claims and leader ratings."""

from __future__ import annotations

import re

from flows.extract.model import Candidate, Context, Group, Location
from flows.extract.scan import Token
from flows.extract.scope import bloc_of, index_at
from flows.extract.sizes import last_count, size_before, size_hint, stated_size, top_count
from flows.gazetteer import Gazetteer, Mention
from flows.textnorm import fold

_RANK_KINDS = ("ranks", "top", "last")
_BLOC_GAP = re.compile(r"[\s,]*(?:(?:trong|của|ở|tại)\s+(?:khối|nhóm|cụm)\s+[^\W\d]+(?:[ ,]+[^\W\d]+){0,4}[\s,]*)?"
                       r"(?:của\s+|vào\s+|trong\s+)?$")  # "vị trí thứ 3 của năm 2019", "á quân của năm 2019"
# "Trong 18 huyện, thị xã, thành phố, A xếp cuối": the size of the bloc, stated before the unit
_CLAUSE_BREAK = re.compile(r"[,;()]")
_NOTED_LAST = re.compile(r"\s*\(\s*(?:cuối bảng|xếp cuối|đứng cuối|thấp nhất)\s*\)\s*")
_WHEN = re.compile(r"\s*,?\s*(?:khi|lúc|thời điểm)\b[^;.]*$")
_LEADERS_ARE = re.compile(r"(?:dẫn đầu|đứng đầu|xếp đầu)\s+(?:là|gồm(?: có)?)\s*:?\s*(?:các\s+)?$")
_YEARS_LISTED = re.compile(r"(?:trong|ở|qua|vào)\s+(?:các\s+)?năm\s+((?:19|20)\d\d(?:\s*(?:,|và|,\s*và)\s*"
                           r"(?:19|20)\d\d)+)")  # "... lần lượt xếp thứ 4, 2 và 1 trong các năm 2017, 2018 và 2019"
def _years_of(listed: re.Match | None) -> list[int]:
    """The years of a list of years ("các năm 2017, 2018 và 2019"), none without one."""
    return [int(y) for y in re.findall(r"(?:19|20)\d\d", listed.group(1))] if listed else []


# "ba năm 2021, 2022 và 2023, thành phố A lần lượt xếp thứ 2, thứ 1 và thứ 1": years listed before the unit
_YEARS_BEFORE = re.compile(r"năm\s+((?:19|20)\d\d(?:\s*(?:,|và|,\s*và)\s*(?:19|20)\d\d)+)")
PAREN_YEAR = re.compile(r"\(\s*(?:năm\s+|in\s+)?((?:19|20)\d\d)\s*[,:]\s*")
_EQUALS = re.compile(r"\s*,?\s*(?:\(\s*)?(?:tương ứng|tương đương|tức là|tức|hay|bằng|đạt tỷ lệ|tỷ lệ|đạt)"
                     r"(?:\s+(?:với|là|đạt))?\s*:?\s*")
_LIKE_BEFORE = re.compile(r"(?:như|so với|bằng)\s+$")  # a year compared with, not the year of what follows
_OUT_OF = re.compile(r"(?:/|\btrên\s+(?:tổng\s+(?:số\s+)?)?)\s*(?!100\b)\d{1,3}\s*điểm")  # "81,4/95 điểm"
_KEPT = re.compile(r"(?:giữ nguyên|giữ vững|duy trì)\s+(?:được\s+)?(?:thứ hạng|vị trí|hạng)")
_NOUN_KIND = (("đơn vị cấp huyện", "district"), ("đơn vị cấp xã", "commune"), ("quận", "district"),
              ("huyện", "district"), ("thị xã", "district"), ("sở", "department"),
              ("ngành", "department"), ("xã", "commune"), ("phường", "commune"), ("tỉnh", "province"),
              ("bộ", "ministry"))


def _gap(low: str, a: int, b: int) -> str:
    return low[a:b] if a <= b else ""


def _distribute(values: list, n: int, together: bool) -> list | None:
    """Values per unit: one each, or one shared when the text says so; None when unclear."""
    if not values:
        return [None] * n
    if len(values) == n:
        return list(values)
    if len(set(values)) == 1 and (n == 1 or together):
        return [values[0]] * n
    return None


def interpret(g: Group, index: str, ctx: Context, where: Location, gazetteer: Gazetteer,
              warnings: list[str], list_pos: int, list_len: int) -> list[Candidate]:
    """Candidate facts for the units of one group."""
    low = where.low
    top = top_count(g, low)
    if top is None and len(g.units) > 1 and any(t.kind == "top" and not t.value for t in g.header) and (
            _LEADERS_ARE.search(low, where.start, g.start)):
        top = (len(g.units), True)  # "Dẫn đầu là A (95,60%), B (94,85%), C (93,91%)": the leaders, in order
    top_n = top[0] if top else None
    # "ba đơn vị dẫn đầu ... là A, B, C": the header names the top n, not n units ranked first; and a
    # rank in a header ("Đứng đầu ... là A, tiếp đến là B") is the first group's, unless each group
    # has its own year (the leaders of successive years: "ngôi đầu ...: A (2013), B (2014)").
    rank_for_all = _group_year(g.tokens, ctx.year) is not None
    toks = [t for t in g.header if not (t.kind in ("top", "ranks") and (top_n or (list_pos and not rank_for_all)))]
    # "A 91,3 điểm, B 90,8 điểm, C 90,5 điểm là ba đơn vị dẫn đầu": the leading n after the last of n groups
    # is no first place of that one
    toks += [t for t in g.tokens if not (t.kind == "top" and ((top and not top[1]) or (
        t.value and t.value.get("count", 1) > len(g.units))))]
    if sum(t.kind == "scores" for t in toks) > 1 and any(
            t.kind == "scores" and "%" in low[t.start:t.end] for t in toks):
        # "81,4/95 điểm, tỷ lệ 85,68%": points out of a unit's maximum beside the percent, which is the index
        toks = [t for t in toks if not (t.kind == "scores" and _OUT_OF.search(low, t.start, t.end))]
        # "66,9 điểm, tương ứng 83,63%": the points the percent is worked out from
        toks = [t for i, t in enumerate(toks) if not (t.kind == "scores" and _worked_into_percent(toks, i, low))]
    own = g.tokens
    year = ctx.year
    n = len(g.units)
    scores: list[float] = []
    current: list[tuple[int, bool]] = []
    previous: list[tuple[list[int], int, str]] = []  # (ranks, year, how)
    previous_scores: list[tuple[list[float], int]] = []  # (scores, year)
    bounds: list[dict] = []
    kinds = {t.kind for t in toks} - {"continue"}
    move = next((t.value for t in toks if t.kind == "move"), None)
    streak = next((t.value["years"] or 0 for t in toks if t.kind == "streak"), 0)
    move_ref = next((t.value["year"] for t in toks if t.kind == "year" and t.value.get("ref")), None)
    group_year = _group_year(own, year, low)
    when = _when_clause(low, where.start, g)  # "So với năm 2024, khi TP.HCM (cũ) xếp thứ 7/63"
    if when is not None:
        group_year = int(when.group(1))
    if group_year is None and when is None:  # "(năm 2024, A cũ xếp thứ 9/63, B cũ xếp thứ 41/63)": a bracket's year
        opened = _open_bracket(low, where.start, g.start)
        paren = PAREN_YEAR.match(low, opened) if opened >= 0 else None
        group_year = int(paren.group(1)) if paren else None
    span = next((t.value for t in toks if t.kind == "year_range" and t.value and t.value["last"]), None)
    if group_year is None and span and (year is None or span["last"] < year) and sum(
            t.kind in _RANK_KINDS for t in toks) == 1 and (streak or _ALL_ALONG.search(low, g.start, where.end)):
        group_year = span["last"]  # "4 năm liên tiếp (2017-2020) xếp thứ nhất": the span's years, not the text's
    if group_year is not None:
        year = group_year
    if move and ctx.base_year is not None and year != ctx.base_year and any(
            t.kind == "year_rel" and t.value == 0 and any(x.kind == "move" and 0 <= x.start - t.end <= 20 for x in toks)
            for t in toks):
        move = None  # "Năm 2024, sở chỉ xếp thứ 9, năm nay tăng 6 bậc": this year's rise, not 2024's
    habitual_at = freq_at = None
    listed = False  # a rank given by the number of a list item
    rank_tokens = [t for t in toks if t.kind in _RANK_KINDS]
    years = _figure_years(toks, low, ctx.year)
    for i, t in enumerate(toks):
        if t.kind == "habitual":
            habitual_at = t.end
        elif t.kind == "freq":
            freq_at = t.end
        elif t.kind == "scores":
            scored_year = years[i]
            if scored_year is not None and scored_year != year:  # "(năm 2013 đạt 79,2 điểm)"
                previous_scores.append((t.value, scored_year))
            else:
                scores += t.value
        elif t.kind == "bound":
            bounds.append(t.value)
        elif t.kind == "last" and not (t.value and "count" in t.value) and any(
                c.kind == "continue" and c.end <= t.start and not _CLAUSE_BREAK.search(_gap(low, c.end, t.start))
                for c in toks[:i]):
            kinds.add("last_kept")  # "vẫn xếp cuối", "tiếp tục đứng cuối bảng": the last place a year before too
        elif t.kind in ("ranks", "top"):
            if freq_at is not None and 0 <= t.start - freq_at <= 3 and not (
                    years[i] is not None and _also_years(toks, i, years[i])):  # not "hai năm đứng đầu (2019, 2020)"
                continue
            if habitual_at is not None and not _CLAUSE_BREAK.search(_gap(low, habitual_at, t.start)):
                continue
            if t.kind == "top" and (_among_fewer(low, t, toks) or (_REGION.search(low, where.start, where.end) and any(
                    x.kind == "ranks" and x.value["ranks"] and min(x.value["ranks"]) > 1 for x in toks))):
                # "xếp thứ 11, cao nhất trong ba địa phương", "Trong vùng Đồng bằng sông Hồng, Hải Phòng dẫn đầu ...,
                # xếp thứ 3 cả nước": the best of a few or of a region, not a first place
                continue
            ranks = t.value["ranks"] if t.kind == "ranks" else [1]
            if t.kind == "top" and not (t.value or {}).get("count") and n > 1 and "respective" in kinds and _falling(
                    [v for x in toks if x.kind == "scores" for v in x.value], n):
                ranks = list(range(1, n + 1))  # "A, B và C có mức hài lòng cao nhất, lần lượt đạt 96,1%, 95,4%, 95%"
            if t.kind == "ranks" and t.value.get("tail"):  # "A and B rounded out the top three": 2 and 3
                ranks = list(range(max(1, ranks[-1] - n + 1), ranks[-1] + 1))
            tied = t.kind == "ranks" and t.value["tied"]
            listed = listed or (t.kind == "ranks" and t.value.get("listed", False))
            bound_year = years[i]
            came_from = fold(low[max(0, t.start - 5):t.start]).endswith(("tu ", "from ")) and t is not rank_tokens[-1]
            # "(2020, 2021, 2022) đứng đầu": the years listed before the place, the group's
            also_of = bound_year if bound_year is not None else group_year
            also = _also_years(toks, i, also_of) if also_of is not None and n == 1 == len(ranks) else []
            previous += [(ranks, y, "stated") for y in also if y != year]  # "dẫn đầu (2018, 2019)": each year's
            if year in also:  # "giữ vị trí thứ 2 trong các năm 2020 và 2021", of 2021: this year's place too
                current += [(r, tied) for r in ranks]
            if bound_year is not None and bound_year != year:
                previous.append((ranks, bound_year, "stated"))
            elif came_from and year is not None:
                previous.append((ranks, year - 1, "from"))
            else:
                current += [(r, tied) for r in ranks]
                if any(c.kind == "continue" and c.end <= t.start and not _CLAUSE_BREAK.search(
                        _gap(low, c.end, t.start)) for c in toks[:i]) or _kept_after(toks, i, low):
                    kinds.add("continue")  # "tiếp tục duy trì vị trí thứ ba": the same rank a year before
    last_at = next((i for i, t in enumerate(toks) if t.kind == "last"), None)
    if last_at is not None and not current and group_year is None:
        # "xếp cuối bảng năm 2022 (thứ 9/9)": the last place of the year written with it, not the text's
        year = _bound_year(toks, last_at, low, year) or year
    if year is None and (previous or previous_scores):
        # no year of the text, each figure written with its own ("Sở Tư pháp đạt 90,12 điểm năm 2019 và 92,45 điểm
        # năm 2020"): the latest of them is the group's
        year = max([y for _, y, _ in previous] + [y for _, y in previous_scores])
        scores += [v for values, y in previous_scores if y == year for v in values]
        current += [(r, False) for ranks, y, how in previous if y == year and how == "stated" for r in ranks]
        previous_scores = [(values, y) for values, y in previous_scores if y != year]
        previous = [p for p in previous if p[1] != year]
    if n == 1 and len(current) > 1 and "respective" in kinds and not scores and not previous:
        # "Sở Tư pháp lần lượt xếp thứ 4, 2 và 1 trong các năm 2017, 2018 và 2019", "ba năm 2021, 2022 và 2023,
        # thành phố A lần lượt xếp thứ 2, thứ 1 và thứ 1": one place a year, in turn
        listed_years = _years_of(_YEARS_LISTED.search(low, g.start, where.end)
                                 or _YEARS_BEFORE.search(low, where.start, g.start))
        if len(listed_years) == len(current):
            year = year if year is not None else max(listed_years)
            previous += [([r], y, "stated") for (r, _), y in zip(current, listed_years, strict=True) if y != year]
            current = [(r, tied) for (r, tied), y in zip(current, listed_years, strict=True) if y == year]
    if year is None:
        return []
    if n == 1 and len(current) == 1 and previous_scores and not previous and _EVERY_YEAR.search(
            low, g.start, where.end):
        # "đạt 90,12 điểm năm 2019 và 92,45 điểm năm 2020, đều xếp thứ nhất": the place of every year scored
        previous = [([current[0][0]], y, "stated") for _, y in previous_scores]
    scores_in_turn = n == 1 and len(scores) > 1 and ("respective" in kinds or any(
        t.kind == "scores" and "lần lượt" in low[t.start:t.end] for t in toks))
    # one score a year, in turn: "điểm của huyện A lần lượt là 78,45; 81,02 và 84,66 điểm trong các năm 2018, 2019,
    # 2020"; "Từ năm 2018 đến năm 2020, ... với số điểm lần lượt là 89,45; 90,95 và 91,04"
    score_years: list[int] = []
    if scores_in_turn and span is None:
        score_years = _years_of(_YEARS_LISTED.search(low, g.start, where.end))
    elif scores_in_turn and span["first"] <= year <= span["last"]:
        score_years = list(range(span["first"], span["last"] + 1))
    if score_years and len(score_years) == len(scores):
        previous_scores += [([v], y) for v, y in zip(scores, score_years, strict=True) if y != year]
        scores = [v for v, y in zip(scores, score_years, strict=True) if y == year]
    together = "shared" in kinds or any(tied for _, tied in current)
    unit_scores = _distribute(scores, n, together)
    unit_ranks = _distribute([r for r, _ in current], n, together)
    tied_flags = _distribute([tied for _, tied in current], n, True) or [False] * n
    if unit_scores is None or unit_ranks is None:
        # "từ vị trí 1 đến 5 lần lượt là A, B, C, D và E, với tỷ lệ từ 89,6% xuống 86,2%": the ranks pair, the
        # scores do not; what pairs is kept
        unclear = "scores" if unit_scores is None else "ranks"
        warnings.append(f"line {where.line}: {n} unit(s) with {len(scores)} score(s) and {len(current)} "
                        f"rank(s) in {where.evidence[:80]!r}: the {unclear} are left out, their pairing is unclear")
        unit_scores = unit_scores or [None] * n
        unit_ranks = unit_ranks or [None] * n
    seq = "next" if "next" in kinds else "ordered" if "ordered" in kinds else None
    if seq == "next" and n == 1 and any(t.kind == "next" and (t.value or {}).get("above") for t in g.header + toks):
        seq = "above"  # "liền trên là A": one place above the unit placed before
    if "unordered" in kinds:  # "không theo thứ tự xếp hạng": no place follows from the order written
        seq, top = None, None
    up = counted_up(g)
    last = None if up else last_count(g, list_len, low)
    if last is None and not up and top is None and list_len > 1 and any(
            t.kind == "bound" and t.value.get("max") is not None and t.value.get("min") is None for t in g.header) \
            and any(t.kind == "count" and t.value.get("count") == list_len for t in g.header) and _FALLING.search(
            low, where.start, where.end):
        # "Có 3 huyện đạt dưới 88%, gồm A, B và C, xếp theo thứ tự từ cao xuống thấp": the units below a bound, all
        # of them, in falling order: the last places
        last = (list_len, True)
    out: list[Candidate] = []
    size = stated_size(toks, low) or (size_before(low, where.start, g.start) if any(
        t.kind in ("last", "ascending") for t in toks) else None)
    for i, m in enumerate(g.units):
        unit = gazetteer.units.get(m.unit_id)
        kind = unit.unit_kind if unit else ""
        cand = Candidate(m.unit_id, m.text, index, year, kind, where, score=unit_scores[i], rank=unit_ranks[i],
                         tied=bool(tied_flags[i]) and unit_ranks[i] is not None,
                         rank_basis="stated" if unit_ranks[i] is not None else None)
        if cand.score is None:
            for b in bounds:
                cand.score_min = b["min"] if b["min"] is not None else cand.score_min
                cand.score_max = b["max"] if b["max"] is not None else cand.score_max
            if cand.score_min is not None and cand.score_max is not None and cand.score_min >= cand.score_max:
                # "47 địa phương từ 80% đến dưới 90% và 3 địa phương dưới 80% gồm A, B, C": the last bound
                cand.score_min, cand.score_max = bounds[-1]["min"], bounds[-1]["max"]
        cand.group_size = n
        cand.listed = listed and cand.rank is not None
        cand.shared_tie = n > 1 and len(scores) == 1 and together and not current
        cand.bloc = bloc_of(unit, ctx.bloc, gazetteer, cand.year, ctx.towns) if unit else ""
        cand.of = size
        if (last or "ascending" in kinds or up) and not size and cand.rank is None:
            cand.size_hint = size_hint(low, g.start, cand.bloc)
        if cand.rank is None:
            above, each = next(((t.value["above"], t.value.get("each")) for t in toks
                                if t.kind == "last" and t.value and "above" in t.value), (0, None))
            if seq == "above":  # "Thấp nhất là A, xếp thứ 63; liền trên là B": from A's place, not the bottom
                cand.seq = seq
            elif above and n == 1:  # "đứng áp chót", "thứ hai từ dưới lên": counted up from the last place
                cand.last, cand.above_last = (above + 1, 1), above
            elif above and "respective" in kinds and not last:  # "xếp trên lần lượt là A và B": up, one by one
                cand.last, cand.above_last = (above + i + 1, 1), above + i
            elif each and len(each) == n:  # "A and B were the second and third lowest": one place each
                cand.last, cand.above_last = (each[i] + 1, 1), each[i]
            elif last:
                # "A và B cùng đứng cuối với 72,5 điểm": one place, shared
                cand.last = (last[0], (list_pos if last[1] else 0) + (0 if cand.shared_tie else i) + 1)
            elif top:
                cand.top = (top[0], (list_pos if top[1] else 0) + (0 if cand.shared_tie else i) + 1)
                cand.top_rest = not top[1] and top[0] > n
            elif "ascending" in kinds and list_len and g.header:  # "từ thấp lên cao": the first is the last place
                cand.last = (list_len, list_len - list_pos - i)
            elif seq:
                cand.seq = seq
        cand.contrast = cand.contrast or "unordered" in kinds
        if any(v is not None for v in (cand.score, cand.score_min, cand.score_max, cand.rank, cand.last, cand.top,
                                       cand.seq)):
            out.append(cand)
        if cand.rank is not None:
            ctx.ranks_seen[(m.unit_id, index, cand.year)] = cand.rank
        # "A xếp thứ 2. So với năm 2016, A tăng 2 bậc": the rank a sentence before stated
        known = cand.rank if cand.rank is not None or n > 1 else ctx.ranks_seen.get((m.unit_id, index, cand.year))
        if "last_kept" in kinds and known is not None:  # "xếp thứ 8. ... tiếp tục đứng cuối bảng": 8 a year before
            kinds.add("continue")
        elif known is not None and cand.rank is None and not current and any(
                t.kind == "continue" and _KEPT.match(low, t.start) for t in toks):
            kinds.add("continue")  # "xếp thứ 2. So với năm 2023, huyện A giữ nguyên thứ hạng": 2 a year before
        out += _previous_years(m, kind, index, where, previous, i, n, cand, kinds, move, move_ref, g, known)
        if streak and known is not None and not previous and move is None:  # "năm thứ ba liên tiếp": 2 years more
            out += [Candidate(m.unit_id, m.text, index, cand.year - k, kind, where, rank=known, rank_basis="implied",
                              derived="continue") for k in range(2 if "continue" in kinds else 1, streak)]
        elif cand.last and known is None and n == 1 and not previous and move is None and (
                "last_kept" in kinds or streak > 1):
            # "vẫn xếp cuối", "năm thứ hai liên tiếp đứng cuối bảng": the last place of each year before, counted
            # in the size stated (or the bloc's size that year)
            out += [Candidate(m.unit_id, m.text, index, cand.year - k, kind, where, last=cand.last,
                              above_last=cand.above_last, of=size, size_hint=cand.size_hint, derived="continue")
                    for k in range(1, max(streak, 2))]
        if cand.rank is not None and n == 1 and not previous and move is None and cand.year == year:
            out += _over_the_span(m, kind, index, where, toks, low, g, cand)
        for values, scored_year in previous_scores:
            if len(values) in (1, n):
                out.append(Candidate(m.unit_id, m.text, index, scored_year, kind, where,
                                     score=values[i] if len(values) == n else values[0], bloc=cand.bloc))
    g.current_ranks = list(unit_ranks)
    for c in out:
        unit = gazetteer.units.get(c.unit_id)
        c.bloc = c.bloc or (bloc_of(unit, ctx.bloc, gazetteer, c.year, ctx.towns) if unit else "")
    return out


def _worked_into_percent(toks: list[Token], i: int, low: str) -> bool:
    """True for points followed by the percent they come to ("66,9 điểm, tương ứng 83,63%")."""
    t = toks[i]
    if "%" in low[t.start:t.end]:
        return False
    nxt = next((x for x in toks[i + 1:] if x.kind != "respective"), None)
    return nxt is not None and nxt.kind == "scores" and "%" in low[nxt.start:nxt.end] and bool(
        _EQUALS.fullmatch(low, t.end, nxt.start))


def counted_up(g: Group) -> bool:
    """A group placed by counting up from a unit before ("đứng ngay trên là B", "áp chót"): the last places its
    header announces are not its own."""
    return any(t.kind == "last" and t.value and "above" in t.value for t in g.tokens)


def _open_bracket(low: str, s: int, e: int) -> int:
    """Where the bracket still open at ``e`` opened (after ``s``), or -1: "(năm 2024, A (cũ) xếp thứ 9/63, B"."""
    i = low.rfind("(", s, e)
    while i >= 0 and low.count("(", i, e) <= low.count(")", i, e):
        i = low.rfind("(", s, i)
    return i


_WHEN_OPENS = re.compile(r"(?:so với|như)\s+năm\s+((?:19|20)\d\d)\s*,?\s*(?:khi|lúc)\s+")
_WHEN_ENDS = re.compile(r"[;:]|\.(?!\d)|\bthì\b|\b(?:19|20)\d\d\b")


def _when_clause(low: str, s: int, g: Group) -> re.Match | None:
    """The clause of another year a group stands in: right after "So với năm 2024, khi" ("... khi TP.HCM (cũ) xếp
    thứ 7/63"), or the clause's next unit ("... xếp thứ 9/63 và Hà Giang (cũ) xếp thứ 41/63"): one after "và", or
    after a comma where it is written as an old unit ("(cũ)"), not the main clause after it."""
    clauses = list(_WHEN_OPENS.finditer(low, s, g.start))
    opened = clauses[-1] if clauses else None
    if opened is None or _WHEN_ENDS.search(low, opened.end(), g.start):
        return None
    gap = low[opened.end():g.start]
    if not gap or gap.endswith((" và ", " còn ")) or (gap.endswith(", ") and _OLD_NAMED.match(low, g.units[0].end)):
        return opened
    return None


_OLD_NAMED = re.compile(r"\s*(?:\(\s*)?cũ\b")


_AMONG = re.compile(r"\s*(?:trong|giữa|among|of)\s+(?:the\s+|các\s+|cả\s+)?"
                    r"(\d{1,2}|hai|ba|bốn|năm|two|three|four|five)\s")
_REGION = re.compile(r"\b(?:vùng|khu vực|miền|region|regional|tây nguyên|đồng bằng sông|trung bộ|nam bộ|bắc bộ|tây bắc"
                     r"|đông bắc|among\s+(?:the\s+)?(?:\w+\s+){1,3}provinces)\b")
_FEW = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "two": 2, "three": 3, "four": 4, "five": 5}


def _among_fewer(low: str, t: Token, toks: list[Token]) -> bool:
    """True for the best of fewer units than a place stated beside it: "xếp thứ 11, cao nhất trong ba địa phương"
    (the three merged provinces), "ranked 11th, the highest of the three"."""
    m = _AMONG.match(low, t.end)
    if not m:
        return False
    n = int(m.group(1)) if m.group(1).isdigit() else _FEW[m.group(1)]
    return any(x.kind == "ranks" and x.value["ranks"] and min(x.value["ranks"]) > n for x in toks)


def _group_year(own: list[Token], year: int | None, low: str = "") -> int | None:
    """A year standing with the units before any figure ("Nội vụ (2014)", "năm nay đã ..."); None when
    several years stand there ("từ vị trí 15 năm 2017 lên 9 năm 2018 và lên thứ 4 năm 2019": a history)."""
    found = None
    for i, t in enumerate(own):
        if t.kind in ("scores", "ranks", "top", "last", "bound", "move"):  # "tăng 2 bậc (năm 2013 xếp thứ 6)"
            # "A, đơn vị năm 2023 xếp thứ 11, năm nay xếp thứ 6": figures of two years, no year of the group
            later = {_year_of(x, year) for x in own[i + 1:] if x.kind == "year_rel" or (
                x.kind == "year" and not x.value.get("ref") and not x.value["paren"])}
            if found is not None and found != year and low and t.kind in _RANK_KINDS and any(
                    x.kind in _RANK_KINDS and _CLAUSE_BREAK.search(_gap(low, t.end, x.start)) for x in own[i + 1:]):
                return None  # "A, năm 2023 xếp thứ 10, đã vươn lên thứ 5": the year of the first clause only
            return None if found is not None and later - {found, None} else found
        if t.kind == "year" and not t.value.get("ref"):
            if found is not None and found != t.value["year"]:
                return None
            found = t.value["year"]
        elif t.kind == "year_rel" and year is not None and found is None:
            return year + t.value
    return found


def _kept_after(toks: list[Token], i: int, low: str) -> bool:
    """"xếp thứ 3 với 88,4 điểm, giữ nguyên thứ hạng so với năm trước": the rank kept, said after it."""
    for t in toks[i + 1:]:
        if t.kind in _RANK_KINDS:
            return False
        if t.kind == "continue" and _KEPT.match(low, t.start):
            return True
    return False


_EVERY_YEAR = re.compile(r"\b(?:đều|cả hai năm|cả ba năm|cả \w+ năm)\s+(?:(?:cùng|đã|vẫn)\s+)?(?:xếp|đứng|dẫn đầu"
                         r"|giữ|ở vị trí)")
_FALLING = re.compile(r"(?:thứ tự|lần lượt)\s+(?:từ\s+)?cao\s+(?:xuống|đến|tới)\s+thấp|giảm dần")
_ALL_ALONG = re.compile(r"\b(?:đều|liên tục|liên tiếp|năm liền|luôn|giữ vững|consistently|continuously|every year"
                        r"|each year|all)\b")


def _over_the_span(m: Mention, kind: str, index: str, where: Location, toks: list[Token], low: str, g: Group,
                   cand: Candidate) -> list[Candidate]:
    """The same place in each year of a span said to hold all along: "từ năm 2020 đến năm 2024 đều đứng đầu",
    "dẫn đầu liên tục từ năm 2016 đến nay", "has topped the index every year since 2019"."""
    span = next((t.value for t in toks if t.kind == "year_range" and t.value), None)
    if span is None or not _ALL_ALONG.search(low, g.start, where.end) or sum(t.kind in _RANK_KINDS for t in toks) != 1:
        return []  # not "từ 2013 đến nay luôn giữ vững vị trí dẫn đầu, đã lần đầu tiên xuống vị trí thứ 2"
    last = span["last"] or cand.year
    if not span["first"] <= last <= cand.year or last - span["first"] > 15:
        return []
    return [Candidate(m.unit_id, m.text, index, y, kind, where, rank=cand.rank, rank_basis="implied",
                      derived="continue") for y in range(span["first"], last + 1) if y != cand.year]


def _also_years(toks: list[Token], i: int, year: int) -> list[int]:
    """The other years of a list of years the rank at ``i`` is written with ("dẫn đầu (2018, 2019)")."""
    listed = [t for t in toks if t.kind == "year" and t.value.get("also") and t.value["year"] == year]
    return min(listed, key=lambda t: abs(t.start - toks[i].start)).value["also"] if listed else []


def _year_of(t: Token, year: int | None) -> int | None:
    if t.kind == "year":
        return None if t.value.get("ref") else t.value["year"]
    return None if year is None else year + t.value


def _figure_years(toks: list[Token], low: str, year: int | None) -> dict[int, int | None]:
    """The year each score and rank token is written with (``_bound_year``), else that of the figure it goes
    with: a score after a rank in its clause ("năm 2023 vươn lên thứ 2 với 90,15 điểm"), a rank right after a
    score ("năm 2021 đạt 86,15%, xếp thứ 23/63", "năm 2022 đạt 81,2% (thứ 42)")."""
    years: dict[int, int | None] = {}
    for i, t in enumerate(toks):
        if t.kind != "scores" and t.kind not in _RANK_KINDS:
            continue
        found = _bound_year(toks, i, low, year)
        if found is None and t.kind == "scores" and i > 1 and toks[i - 1].kind == "year" and i - 2 in years and (
                years[i - 2] == toks[i - 1].value["year"] and not _CLAUSE_BREAK.search(
                    _gap(low, toks[i - 1].end, t.start))):
            found = years[i - 2]  # "climbed to 12th in 2017 with 81.95 points": the place's year, said between
        if found is None and i and i - 1 in years:
            gap = _gap(low, toks[i - 1].end, t.start)
            if (t.kind == "scores" and toks[i - 1].kind in _RANK_KINDS and (
                    not _CLAUSE_BREAK.search(gap) or gap.strip() in ("(", ", ("))) or (
                    t.kind in _RANK_KINDS and toks[i - 1].kind == "scores" and gap.strip() in ("", ",", "(", ", (")):
                found = years[i - 1]
        years[i] = found
    return years


def _bound_year(toks: list[Token], i: int, low: str, year: int | None) -> int | None:
    """The year a rank is written with: right after it ("vị trí thứ 9 năm 2018", "thứ 10 năm trước"),
    or before it in the same clause ("trong khi năm trước chỉ đứng thứ 5")."""
    if i + 2 < len(toks) and toks[i + 1].kind == "last" and toks[i + 2].kind == "year" and _NOTED_LAST.fullmatch(
            low, toks[i].end, toks[i + 2].start):
        return _year_of(toks[i + 2], year)  # "thứ 11 (cuối bảng) năm 2019"
    if i + 1 < len(toks) and toks[i + 1].kind in ("year", "year_rel") and _BLOC_GAP.match(
            _gap(low, toks[i].end, toks[i + 1].start)) and not (  # "thứ 3 (trong khối quận) năm 2024"
            i + 2 < len(toks) and toks[i + 2].kind in (*_RANK_KINDS, "scores")  # not "thứ 6, năm 2021 xếp thứ 9"
            and "," in _gap(low, toks[i].end, toks[i + 1].start)
            and not _CLAUSE_BREAK.search(_gap(low, toks[i + 1].end, toks[i + 2].start))):
        figures = toks[i].value if isinstance(toks[i].value, list) else (toks[i].value or {}).get("ranks", ())
        if toks[i + 1].kind == "year" and toks[i + 1].value.get("also") and len(figures) > 1:
            # "lần lượt xếp thứ 4, 2 và 1 trong các năm 2017, 2018 và 2019", "lần lượt là 78,45; 81,02 và
            # 84,66 điểm trong các năm 2018, 2019, 2020": a figure for each year
            return None
        return _year_of(toks[i + 1], year)
    for j in range(i - 1, -1, -1):
        before = toks[j]
        if before.kind == "year" and _gap(low, before.end, toks[i].start).strip() == "(":
            # "tăng 3 bậc so với năm 2018 (xếp thứ 5)", "dẫn đầu năm 2022 (88,9 điểm)", "xếp cuối năm 2022 (thứ 9/9)"
            return before.value["year"]
        if before.kind == "year" and before.value.get("ref") and _WHEN.match(_gap(low, before.end, toks[i].start)):
            return before.value["year"]  # "So với năm 2024, khi TP.HCM (cũ) xếp thứ 7/63, ..."
        if before.kind in _RANK_KINDS or _CLAUSE_BREAK.search(_gap(low, before.end, toks[i].start)):
            return None
        if before.kind == "year_rel" and _LIKE_BEFORE.search(low, max(0, before.start - 8), before.start):
            return None  # "giữ vị trí thứ ba như năm trước với 89,64 điểm": this year's score
        if before.kind in ("year", "year_rel") and not (before.kind == "year" and before.value["paren"]):
            taken = j > 0 and toks[j - 1].kind in _RANK_KINDS and not _gap(low, toks[j - 1].end, before.start).strip()
            return None if taken else _year_of(before, year)
    return None


def _previous_years(m: Mention, kind: str, index: str, where: Location, previous: list, i: int, n: int,
                    cand: Candidate, kinds: set[str], move: int | None, move_ref: int | None,
                    g: Group, known: int | None) -> list[Candidate]:
    """Previous-year ranks: written out, or read off "tiếp tục", "vươn lên N bậc", "soán ... từ X"."""
    out = []
    for ranks, year, how in previous:
        mine = ranks[i] if len(ranks) == n else ranks[0] if len(ranks) == 1 and n == 1 else None
        if mine is not None:
            out.append(Candidate(m.unit_id, m.text, index, year, kind, where, rank=mine, rank_basis="stated",
                                 derived=None if how == "stated" else how))
    if known is not None and not previous:
        if "continue" in kinds:
            out.append(Candidate(m.unit_id, m.text, index, move_ref or cand.year - 1, kind, where,
                                 rank=known, rank_basis="stated", derived="continue"))
        elif move:
            before = known + move
            if before >= 1:
                out.append(Candidate(m.unit_id, m.text, index, move_ref or cand.year - 1, kind, where,
                                     rank=before, rank_basis="implied", derived="move"))
    elif move and n == 1 and not previous and cand.rank is None:
        out.append(Candidate(m.unit_id, m.text, index, move_ref or cand.year - 1, kind, where, derived="move",
                             moved_from=(cand.year, move)))
    if g.took_from is not None and g.took_from.current_ranks and len(set(g.took_from.current_ranks)) == 1:
        taken = g.took_from.current_ranks[0]
        if taken is not None:
            out.append(Candidate(m.unit_id, m.text, index, cand.year - 1, kind, where, rank=taken,
                                 rank_basis="implied", derived="take"))
    return out


def _noun_kind(noun: str, ctx: Context) -> str | None:
    for word, kind in _NOUN_KIND:
        if noun.startswith(word):
            return kind
    return ctx.bloc_kind


def _condition(bound: dict) -> str:
    if bound["op"] == "between":
        return f"{bound['min']:g} <= score <= {bound['max']:g}"
    if bound["op"] == "below":
        return f"{bound['min']:g} <= score < {bound['max']:g}"
    value = bound["min"] if bound["min"] is not None else bound["max"]
    return f"score {bound['op']} {value:g}"


def claims_of(where: Location, tokens: list[Token], groups: list[Group], ctx: Context,
              cue_hits: list[tuple[int, str, bool]], default_index: str) -> list[dict]:
    """Counts with a threshold ("14/15 quận, huyện có số điểm trên 80 điểm"): claims, never unit facts."""
    low = where.low
    out = []
    for i, t in enumerate(tokens):
        if t.kind != "count":
            continue
        bound = next((b for b in tokens[i + 1:i + 3] if b.kind == "bound" and b.start - t.end <= 60
                      and _claim_gap(_gap(low, t.end, b.start))), None)
        if bound is None:
            continue
        in_aside = low[where.start:t.start].count("(") > low[where.start:t.start].count(")")
        # In an aside, "(khi đó chỉ 4 sở ...)" speaks of the last year named, even "gấp đôi năm 2018".
        years = [y for y in tokens[:i] if y.kind == "year" and (in_aside or not y.value.get("ref"))
                 and not _closed_before(low, y.end, t.start)]
        year = years[-1].value["year"] if years else ctx.year
        listed = [m.unit_id for g in groups if t in g.header or t in g.tokens for m in g.units]
        if t.value["member"] or len(listed) != t.value["count"]:
            listed = []
        out.append({"text": where.text[t.start:bound.end], "index": index_at(cue_hits, t.start, ctx.index,
                                                                                 default_index),
                    "year": year, "unit_kind": _noun_kind(t.value["noun"], ctx),
                    "stated_count": t.value["count"], "of": t.value["of"], "condition": _condition(bound.value),
                    "bound": bound.value, "listed": listed, "span": [t.start, bound.end],
                    "sentence": [where.start, where.end]})
    return out


def _claim_gap(gap: str) -> bool:
    """Whether a count and a threshold belong together across ``gap``: in one clause, or the threshold in
    parentheses defining the grade named ("2/19 sở đạt loại xuất sắc (từ 90 điểm trở lên)")."""
    return not re.search(r"[;)]", gap) and ("(" not in gap or (gap.count("(") == 1 and gap.rstrip().endswith("(")))


def _closed_before(low: str, a: int, b: int) -> bool:
    """True when a parenthesis opened before ``a`` closes between ``a`` and ``b``."""
    between = low[a:b]
    return between.count(")") > between.count("(")


def ended_reject(cand: Candidate, gazetteer: Gazetteer) -> dict | None:
    """A figure for a unit that did not last to the end of the figure's year (a year's index is assessed
    for the units that exist after it: "Sở Kế hoạch và Đầu tư" ended on 28 February 2025, so it has no 2025
    figure), else None."""
    unit = gazetteer.units[cand.unit_id]
    if cand.year is None or unit.valid_at_end_of(cand.year):
        return None
    return {"check": "unit_not_valid", "value": cand.surface, "place": f"line {cand.where.line}",
            "span": [cand.where.start, cand.where.end], "evidence": cand.where.evidence, "candidates": [unit.name_vi],
            "message": f"{lifetime(unit, cand.year)}, but a {cand.year} figure at line {cand.where.line} is given "
                       "for it; check the year of the source, or the unit's validity in warehouse/seeds/dim_unit.csv"}


def named_anew(cand: Candidate, gazetteer: Gazetteer, province: str | None, national: bool, ctx: Context) -> bool:
    """Give a stated figure whose unit did not exist in its year the unit of that name that did, if one did ("Thành
    phố Huế năm 2022 xếp thứ 2": the name, read before its year, was the centrally run city of 2025; in 2022 it is
    Thừa Thiên Huế's city), in place; not another kind of unit in a national ranking. True when it did."""
    other = gazetteer.resolve(cand.surface, province, cand.year) if not cand.derived else None
    if other is None or other.unit_id == cand.unit_id or not other.valid_at_end_of(cand.year) or (
            national and other.unit_kind != cand.unit_kind):
        return False
    cand.unit_id, cand.unit_kind = other.unit_id, other.unit_kind
    cand.bloc = bloc_of(other, ctx.bloc, gazetteer, cand.year, ctx.towns)
    return True


def lifetime(unit, year: int) -> str:  # noqa: ANN001 - a gazetteer Unit
    """Why a unit has no figure of ``year``: it began after the year, or ended before its end.

    Example:
        >>> from datetime import date
        >>> from flows.gazetteer import Unit
        >>> lifetime(Unit("hue", "Thành phố Huế", "", "province", "Huế", valid_from=date(2025, 1, 1)), 2024)
        'Thành phố Huế began on 2025-01-01, after 2024'
    """
    if unit.valid_from and unit.valid_from.year > year:
        return f"{unit.name_vi} began on {unit.valid_from}, after {year}"
    return f"{unit.name_vi} ended on {unit.valid_to} (merged or renamed), before the end of {year}"


def unknown_reject(cand: Candidate, gazetteer: Gazetteer, province: str | None) -> dict:
    """A figure whose unit name matches no unit: held back, with the closest names."""
    known = gazetteer.resolve(cand.surface, province, None)
    if known is not None and not known.valid_in(cand.year):  # a real unit, but not in that year
        period = f"{known.valid_from or '…'} – {known.valid_to or 'now'}"
        return {"check": "unit_not_valid", "value": cand.surface, "place": f"line {cand.where.line}",
                "span": [cand.where.start, cand.where.end], "evidence": cand.where.evidence,
                "candidates": [known.name_vi],
                "message": f"{known.name_vi} did not exist in {cand.year} (valid {period}) but a figure at line "
                           f"{cand.where.line} is given for it; check the year of the source, or the unit's "
                           "validity in warehouse/seeds/dim_unit.csv"}
    closest = gazetteer.closest(cand.surface, province)
    if province is None and len(gazetteer.provinces_of_name(cand.surface)) > 1:
        return {"check": "unknown_unit", "value": cand.surface, "place": f"line {cand.where.line}",
                "span": [cand.where.start, cand.where.end], "evidence": cand.where.evidence, "candidates": closest,
                "message": f"{cand.surface!r} at line {cand.where.line} is a unit of several provinces and the text "
                           "does not say which: name the province in the title, or put the file under "
                           "raw/<year>/<province>/ (e.g. raw/2022/dong-thap/)"}
    same = [u for u in gazetteer.units.values() if u.name_vi.lower() == cand.surface.lower()
            and (province is None or u.province == province) and u.valid_in(cand.year)] if closest and \
        closest[0].lower() == cand.surface.lower() else []
    if len(same) > 1:  # "Phường 1" of two districts of the province
        return {"check": "unknown_unit", "value": cand.surface, "place": f"line {cand.where.line}",
                "span": [cand.where.start, cand.where.end], "evidence": cand.where.evidence,
                "candidates": [u.unit_id for u in same],
                "message": f"{cand.surface!r} at line {cand.where.line} is the name of {len(same)} units in "
                           f"{cand.year} ({', '.join(u.unit_id for u in same)}); the text does not say which: add "
                           "an alias naming one of them (e.g. with its district) to warehouse/seeds/dim_unit_alias.csv"}
    hint = f" — closest: {', '.join(closest)}" if closest else ""
    return {"check": "unknown_unit", "value": cand.surface, "place": f"line {cand.where.line}",
            "span": [cand.where.start, cand.where.end], "evidence": cand.where.evidence,
            "candidates": closest,
            "message": f"unknown unit {cand.surface!r} at line {cand.where.line}{hint}; if it is one of "
                       "these, add an alias to warehouse/seeds/dim_unit_alias.csv, else add the unit to "
                       "warehouse/seeds/dim_unit.csv"}


def _falling(values: list[float], n: int) -> bool:
    """n values, each below the one before."""
    return len(values) == n and all(a > b for a, b in zip(values, values[1:], strict=False))
