"""Announcement text -> candidate facts, leader ratings and claims, with evidence.

The document is read paragraph by paragraph and sentence by sentence. A context (index, year, bloc)
is carried across sentences and paragraphs and changed by cue phrases ("Chỉ số hài lòng ... năm
2018", "điều tra xã hội học", "khối quận, huyện"). Inside a sentence, unit mentions that follow each
other with only separators between them form a group ("A, B và C"); the figures after a group belong
to it, except a trailing "... là" phrase that introduces the next group ("Đứng thứ 6 là X"), and a
list header ending in "là"/":" that applies to every group after it ("Tiếp theo là A ...; B ...").
The post pass in ``ranking`` merges figures per unit, fills ranks implied by order and checks claims.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from operator import attrgetter

from flows.extract.cells import kinds_bloc  # "khối quận" alone: urban districts apart
from flows.extract.cues import (
    BLOC_CUE,
    BLOC_KIND,
    COMPONENT,
    TOWNS_CUE,
    bloc_cue,
    component_cues,
    criterion_cues,
    cue_end,
    fieldwork,
    index_cues,
    inside_parentheses,
    is_national,
    names_index,
    sentence_index,
)
from flows.extract.document import (
    LIST_NUMBER,
    document_header,
    document_scope,
    is_link_list,
    paragraphs,
    split_sentences,
    unwrap_lines,
)
from flows.extract.interpret import (
    PAREN_YEAR,
    claims_of,
    counted_up,
    ended_reject,
    interpret,
    named_anew,
    unknown_reject,
)
from flows.extract.items import (
    OVERTAKES,
    bare_scores,
    inline_item_numbers,
    named_after,
    overtaken,
    ranks_before_units,
    refer_back,
    units_above,
)
from flows.extract.mentions import (
    announces,
    from_predecessors,
    is_reference,
    kind_references,
    name_tails,
    numbered_districts,
    old_cities,
    ranked_mentions,
    remember_kinds,
    unknown_mentions,
)
from flows.extract.model import Candidate, Context, Group, Location
from flows.extract.ranking import finish
from flows.extract.ratings import rating_clause, ratings_of
from flows.extract.respective import (
    YEAR_ASIDE,
    paren_year,
    split_paren_years,
    split_year_asides,
    spread_moves,
    spread_respective,
)
from flows.extract.scan import Token, scan
from flows.extract.scan_en import looks_english
from flows.extract.scope import group_index, most_specific, split_by_index
from flows.extract.sizes import GRADE, band_count_before, counted, named_grades, size_hint
from flows.gazetteer import Gazetteer, Mention
from flows.textindex import TextIndex
from flows.textnorm import fold, normalize_text

_LINE_END = re.compile(r"\n")
_START = attrgetter("start")
# A phrase that puts what follows it in a role: "Đứng thứ 6 là", "thuộc về", "gồm các sở", "... :".
_INTRODUCES = re.compile(r"(?:(?<!\w)(?:là|thuộc về|là kết quả của|gồm|gồm có|bao gồm)"
                         r"(?:\s+các(?:\s+(?:sở|quận|huyện|đơn vị))?)?\s*:?"
                         r"|(?<!\w)(?:were|was|went to|followed by|ahead of|by|included|including)(?:\s+the)?\s*:?|:)$")
# the blocks of a saved page around the article: other articles, the most read, readers' comments
_RELATED = re.compile(r"^[\s*_#>]*(?:(?:(?:cac|nhung)\s+)?(?:tin|bai|bai viet|tin tuc)\s+(?:lien quan|khac"
                      r"|cung chuyen muc|moi|doc nhieu|xem nhieu|noi bat)|doc nhieu|xem nhieu|xem them|related"
                      r"|y kien ban doc|binh luan|y kien \(\d|co the ban quan tam|tin da dua)")
_FRONTED = re.compile(r"(?:^|[,;:]\s*)(?:với|đạt|từ|with|scoring)\s+(?:[^,;:]|,(?=\d))*\d(?:[^,;:]|,(?=\d))*,$")
# a sentence opened by the province it speaks of: "In Can Tho, ...", "Meanwhile in Da Nang, ...", "Tại tỉnh Hậu Giang
# (cũ), ...", "Ở Hà Nội, ..."
_LOCATIVE = re.compile(r"[\s\"'“*-]*(?:(?:meanwhile|similarly|likewise|elsewhere|also|còn|trong khi đó)\s*,?\s+)?"
                       r"(?:in|at|tại|ở)\s+(?:the\s+)?(?:(?:city|province) of\s+)?")
_LOCATIVE_END = re.compile(r"\s*(?:\(\s*cũ\s*\)|cũ)?\s*,")


def _located_in(low: str, s: int, e: int, doc: TextIndex, gazetteer: Gazetteer,
                year: int | None) -> tuple[str, int, int] | None:
    """(province, start, end) of the province a sentence opens with to say where its units are ("In Can Tho, ...");
    None when it opens otherwise."""
    opening = _LOCATIVE.match(low, s, e)
    if opening is None:
        return None
    at = opening.end()
    found = gazetteer.mentions_in(doc, at, min(e, at + 60), None, year)
    if not found or found[0].start != at or not _LOCATIVE_END.match(low, found[0].end, e):
        return None
    unit = gazetteer.units[found[0].unit_id]
    return (unit.province, found[0].start, found[0].end) if unit.unit_kind == "province" else None


_LEFT_OUT = re.compile(r"(?:không (?:đánh giá|xếp hạng|chấm điểm|tham gia (?:đánh giá|xếp hạng))|ngoại trừ"
                       r"|(?<!điểm )trừ|excluding|except(?: for)?)\s+$")
# "(88,2 điểm)", "(79.85 percent)", not "(2014)"
_PAREN = re.compile(r"^\s*\(\s*(?:\d+(?:[.,]\d+)?\s*(?:điểm|%|percent|per cent|points?)|\d+[.,]\d+)\s*\)")
# how the index is computed, not a heading: "được xác định trên cơ sở điểm thẩm định và điểm điều tra xã hội học"
_METHOD = re.compile(r"\b(?:tren co so|can cu|dua tren|duoc xac dinh|ket hop|phuong phap|cach tinh|cau thanh|bao gom"
                     r"|gom (?:hai|2|cac)|chiem|trong so|thong qua|thang diem|toi da|trong do|tong hop tu"
                     r"|duoc tinh (?:tu|tren|bang)|gom diem|bao gom diem|ty trong|ti trong)\b")
# what may stand before the topic of a sentence ("Về điểm điều tra xã hội học, ...")
_LEAD_MARKS = r"[\s\-–•*+]*"  # a line's bullet before its first word
_TOPIC = r"(?:(?:diem|ket qua|chi so)\s+)?"
_OPENER = re.compile(_LEAD_MARKS + r"(?:(?:ve|rieng|doi voi|voi)\s+)?" + _TOPIC)
_SECTION_OPENS = re.compile(_LEAD_MARKS + r"(?:ve|rieng|doi voi)\s+" + _TOPIC)  # "Về điểm điều tra xã hội học, ..."
_SHORT_KIND_END = re.compile(r"\s*\b(?:tp|tx|tt|p|x|h|q|đk)\.\s*$")
_OF_UNIT = re.compile(r"\s+(?:nam\s+\d{4}\s+)?cua\b")  # "Điểm điều tra xã hội học (năm 2024) của <unit>"
_OWN = frozenset({"PAR", "SIPAS"})
# what may stand around a place that opens a line ("Hạng 1 - ...", "Xếp thứ 1: P. Việt Trì - 92,84 điểm")
_MARKS = re.compile(r"(?:[\s\-–—:.()|•*+]|\b(?:p|x|h|q|tx|tt|tp)\.)*")
_PLACES = frozenset({"ranks", "top", "last"})
_LIST_ITEM = re.compile(r"\s*(?:\d{1,3}[.)]|[-–+•*])\s")  # a line of a list: "1. ", "- ", "+ ", "• "
_FIGURES = frozenset({"scores", "ranks", "top", "last", "change", "move"})
_CONTRAST = re.compile(r"\b(?:trong khi|còn|nhưng|song|while|whereas|but)\b")  # "A dẫn đầu, trong khi B ..."
_TYPOGRAPHIC = str.maketrans("“”‘’—–…°", "\"\"''--.o")  # "HA NOI — ...", "the ministry’s report"
_CONTRAST_YEAR = re.compile(r"[,;]\s*(?:trong khi|còn|nhưng|song|while|whereas)\s+(năm\s+(?:19|20)\d\d)\s*,?\s*$")
_SINGLED_OUT = re.compile(r"\btrong (?:số )?đó\b")  # "A, B và C; trong đó C đứng cuối": C alone
_SEPARATOR = re.compile(r"^[\s,;&]*(?:(?:và|cùng|,|;|các|and|the|h\.|p\.|x\.|q\.|tx\.|tp\.|tt\.|\([^()]{0,40}\bcũ\s*\))"
                        r"\s*)*[\s,;]*$")  # "tỉnh A (cũ) và tỉnh B (cũ)", "xã A (huyện A cũ) và xã B"


_RESULTS_OF = re.compile(r"\s+(?:results?|rankings?|edition|assessment|evaluation)\b")
# the satisfaction index by a name, not satisfaction in passing
_SIPAS_NAMED = re.compile(r"chi so hai long|(?:muc do|muc|ty le|diem) hai long|\bsipas\b"
                          r"|satisfaction (?:index|rate|level)|(?:khao sat|do luong|danh gia)(?: muc do| su)? hai long"
                          r"|hai long (?:doi voi|ve) su phuc vu")
_PAR_NAMED = re.compile(r"\bchi so\b[^.;]{0,20}?\b(?:cai cach hanh chinh|cchc)\b|\bpar\b|reform index"
                        r"|xep hang (?:cai cach hanh chinh|cchc)")
_TO_COME = re.compile(r"\b(?:sẽ|dự kiến|kế hoạch|will|is expected to|plans? to)\b")
_INDEX_YEAR = re.compile(r"\b(?:par index|sipas|chi so (?:cai cach hanh chinh|cchc|hai long))\s+(?:nam\s+)?"
                         r"((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:par index|sipas)\b")


def latest_index_year(folded: str) -> int | None:
    """The latest year a (folded) text writes with an index's name ("the 2019 PAR Index", "Chỉ số CCHC năm 2019").

    Example:
        >>> latest_index_year("quang ninh has led the index. it scored 90.79 in the 2019 par index (2018 par index: 1)")
        2019
    """
    years = [int(m.group(1) or m.group(2)) for m in _INDEX_YEAR.finditer(folded)]
    return max(years) if years else None


# (after a phrase on the time before a merger: "Trước sắp xếp, năm 2024, tỉnh Thừa Thiên Huế xếp thứ 11/63")
_YEAR_OPENS = re.compile(_LEAD_MARKS + r"(?:(?:trước|trước khi|trước thời điểm)\s+(?:sắp xếp|sáp nhập|hợp nhất)"
                         r"(?:\s+[^\W\d]+){0,4}\s*,\s*|before the (?:merger|reorgani[sz]ation)\s*,\s*)?"
                         r"(?:trong\s+|vào\s+|tính đến\s+|in\s+)?")


def _is_ministry(m: Mention, gazetteer: Gazetteer) -> bool:
    unit = gazetteer.units.get(m.unit_id) if m.unit_id else None
    return unit is not None and unit.unit_kind == "ministry"


_GRADE_DEFINED = re.compile(r"(?<![\w])(xuất sắc|tốt|khá|trung bình|yếu|kém)\s*\(")


def _grade_bands(low: str, s: int, e: int, tokens: list[Token], bands: dict[str, dict]) -> list[Token]:
    """The sentence's tokens, with the bounds of a grade band stated earlier in the text put after its grade
    word where the sentence gives none; learns the bands the sentence states (``bands``, in place)."""
    added = []
    if "loại" in low[s:e] or "mức" in low[s:e]:  # "xếp thành 4 loại: Tốt (từ 80 điểm trở lên), Khá (từ 70 ...)"
        for m in _GRADE_DEFINED.finditer(low, s, e):
            bound = next((t for t in tokens if t.kind == "bound" and 0 <= t.start - m.end() <= 2), None)
            if bound is not None:
                bands.setdefault(m.group(1), bound.value)
    for m in GRADE.finditer(low, s, e):
        bound = next((t for t in tokens if t.kind == "bound" and 0 <= t.start - m.end() <= 4), None)
        if bound is not None:
            bands[m.group(1)] = bound.value
        elif m.group(1) in bands and not any(t.kind == "bound" for t in tokens):
            added.append(Token("bound", m.start(), m.end(), bands[m.group(1)]))
    return sorted([*tokens, *added], key=attrgetter("start")) if added else tokens


def _groups(low: str, mentions: list[Mention], tokens: list[Token], s: int, e: int) -> list[Group]:
    """Group a sentence's mentions and attach its tokens to them."""
    groups: list[Group] = []
    for m in mentions:
        gap = low[groups[-1].end:m.start] if groups else ""
        if groups and m.unit_id and any(u.unit_id == m.unit_id for u in groups[-1].units) and not _SINGLED_OUT.search(
                gap) and not (len(groups) > 1 and OVERTAKES.fullmatch(low, groups[-2].end, groups[-1].start)) and (
                ";" not in gap) and not (  # "tốp 3 gồm A, B, C; A có 91,55 điểm": a clause of its own
                "(" in gap and PAREN_YEAR.search(gap) and ")" not in gap):  # "A xếp thứ 5 (năm 2024, A cũ ...)"
            # "A và B cùng đạt 84,5 điểm nhưng A xếp trên ...": the figures still belong to the group; not so the
            # unit overtaken named again ("A vượt B để dẫn đầu với 91,05 điểm, B đứng thứ hai")
            continue
        inner = _PAREN.match(gap)  # "A (88,2 điểm) và B": one list; "A (74,35%); B và C lần lượt xếp thứ 23 và
        # 22", "Tiếp đến là A, B; C đứng cuối": a new clause with ranks of its own
        rest = gap[inner.end() if inner else 0:]
        if groups and _SEPARATOR.match(rest) and not (
                ";" in rest and _ranks_ahead(low, tokens, m.start, e)) and not any(
                groups[-1].end + (inner.end() if inner else 0) <= t.start < m.start and t.kind != "shared"
                for t in tokens) and all(
                u.unit_id != m.unit_id or not m.unit_id for u in groups[-1].units):
            groups[-1].units.append(m)
        else:
            groups.append(Group([m]))
    if not groups:
        return groups
    groups = _shared_clusters(low, groups, tokens, e)
    prefix = _SHORT_KIND_END.sub("", low[s:groups[0].start]).rstrip()  # "5 xã dẫn đầu: X. Tam Đảo": the "x."
    header = [t for t in tokens if t.end <= groups[0].start]
    fronted = _FRONTED.search(prefix)
    if prefix.endswith(",") and [t.kind for t in header] == ["streak"]:
        # "For the third year in a row, Da Nang topped ...", "Năm thứ ba liên tiếp, huyện A dẫn đầu": the first unit's
        groups[0].tokens[:0] = header
    elif fronted:  # "Với 88 điểm, Sở Tài chính xếp thứ hai", "Từ vị trí thứ 9 năm 2019, Sở đã vươn lên": the fronted
        # figures are the first unit's
        groups[0].tokens += [t for t in header if t.start >= s + fronted.start()]
    elif LIST_NUMBER.fullmatch(prefix) or (header and all(t.kind in ("ranks", "scores") for t in header) and (
            _MARKS.fullmatch("".join(low[a.end:b.start] for a, b in zip(
                [Token("", s, s), *header], [*header, groups[0]], strict=True))))):
        # "1. Sở Tư pháp: 93,5 điểm", "Hạng 1 - Sở Nội vụ - 93,12 điểm", "+ 91,25 điểm - Sở Tư pháp - thứ 1": the
        # item's number (or score) is the unit's
        end = groups[1].start if len(groups) > 1 else e
        asides = [m.span() for m in YEAR_ASIDE.finditer(low, groups[0].start, end)]  # "(năm 2020: hạng 3)"
        own = {"scores" if t.kind == "scores" else "ranks" for t in tokens if groups[0].start <= t.start < end
               and t.kind in ("ranks", "top", "last", "scores") and not any(a <= t.start < b for a, b in asides)}
        if not any(("scores" if t.kind == "scores" else "ranks") in own for t in header):
            groups[0].tokens += header  # ... unless the item states its rank ("1. Sở Nội vụ: 85,2 điểm, xếp thứ 3")
    elif header and _INTRODUCES.search(prefix):
        # "2. Khối UBND các huyện: A ...": the number of a section is no unit's rank
        header = [t for t in header if not (t.kind == "ranks" and t.value.get("listed"))]
        counts = [t.value["count"] for t in header if t.kind in ("count", "top", "last") and t.value
                  and t.value.get("count")]  # "Ba đơn vị", "ba địa phương xếp cuối"
        covered = 0
        placing = any(t.kind in _PLACES for t in header)
        for i, g in enumerate(groups):  # a header "Ba đơn vị ... là" covers three units, not what the sentence
            # adds after; nor a group with ranks of its own ("đứng cuối bảng là A (74,35%); B và C lần lượt xếp
            # thứ 23 và 22")
            semi = low.rfind(";", groups[i - 1].end, g.start) if i else -1  # "...; áp chót là B": its own place
            if (counts and covered >= counts[-1]) or (i and placing and _ranks_ahead(
                    low, tokens, semi + 1 if semi >= 0 else g.start, e, semi < 0)):
                break
            g.header = header
            covered += len(g.units)
    for i, g in enumerate(groups):
        limit = groups[i + 1].start if i + 1 < len(groups) else e
        gap_start = g.start  # figures in parentheses inside a group ("A (88,2 điểm) và B (87,3 điểm)")
        forward_from = limit
        if i + 1 < len(groups):
            gap = low[g.end:limit]
            stripped = gap.rstrip()
            if _INTRODUCES.search(stripped):
                cut = max(gap.rfind(sep) for sep in (",", ";", " và ", ":"))
                if ";" in gap[:cut]:  # "A xếp thứ nhất; 10 đơn vị ..., xếp theo thứ tự ... gồm: B, C": the clause
                    cut = gap.rfind(";", 0, cut)
                forward_from = g.end + (cut + 1 if cut >= 0 else 0)
            elif opened := _CONTRAST_YEAR.search(gap):  # "..., trong khi năm 2024 thành phố A chỉ xếp thứ 6": the
                forward_from = g.end + opened.start(1)  # year opens the clause of the unit after it
            if stripped.endswith(" từ") and any(t.kind == "take" for t in tokens if g.end <= t.start < limit):
                groups[i + 1].took_from = g
        g.tokens += [t for t in tokens if gap_start <= t.start < forward_from]
        if i + 1 < len(groups):
            groups[i + 1].tokens += [t for t in tokens if forward_from <= t.start < limit]
    inline_item_numbers(low, groups, header)
    ranks_before_units(low, groups)
    named_after(low, groups)
    overtaken(low, groups)
    return groups


_SHARED_NEXT = re.compile(r"\s*\(?\s*")  # what may stand between a pair and its "cùng"/"đều": "B và C (cùng đạt"


def _shared_clusters(low: str, groups: list[Group], tokens: list[Token], e: int) -> list[Group]:
    """A list's units that share one figure are a group of their own: in "A (88,4 điểm), B (86,2 điểm), C và D
    (cùng đạt 84,3 điểm), E (82 điểm)" C and D, the units after the last one with a figure of its own."""
    out = []
    for i, g in enumerate(groups):
        limit = groups[i + 1].start if i + 1 < len(groups) else e
        after = next((t for t in tokens if g.end <= t.start < limit), None)
        if len(g.units) > 2 and after is not None and after.kind == "shared" and _SHARED_NEXT.fullmatch(
                low, g.end, after.start):
            k = len(g.units) - 1
            while k > 0 and not any(t.kind == "scores" and g.units[k - 1].end <= t.start < g.units[k].start
                                    for t in tokens):
                k -= 1
            if 0 < k < len(g.units) - 1:
                out += [Group(g.units[:k]), Group(g.units[k:])]
                continue
        out.append(g)
    return out


_BEHIND = re.compile(r"[,;(]?\s*(?:chỉ\s+)?(?:đứng\s+|xếp\s+)?sau\s+(?:là\s+)?"
                     r"|[,;(]?\s*(?:just\s+|only\s+|right\s+|narrowly\s+)?behind\s+(?:the\s+)?")


def ranked_behind(low: str, e: int, cands: list[Candidate], mentions: list[Mention],
                  gazetteer: Gazetteer) -> list[Candidate]:
    """"A đứng thứ ba toàn tỉnh, sau B (89,50%) và C (89,02%)", "xếp thứ 4/63, chỉ sau B, C và D", "came second,
    just behind B": the units a unit placed n-th comes after are the first n - 1, in the order written, when they are
    that many and their scores (if given) fall down to it (in place). Units named there without a figure of their
    own get a candidate for the place: those are returned."""
    ranked = [c for c in cands if c.rank is not None]
    unit, behind = None, None
    for c in ranked:  # the one placed n-th in the clause that says whom it comes after
        found = _BEHIND.search(low, c.position, e) if c.rank >= 2 and c.position >= 0 else None
        if found is not None and not _CLAUSE_END.search(low, c.position, found.start()) and not any(
                o is not c and c.position < o.position < found.start() for o in ranked):
            unit, behind = c, found
            break
    if unit is None or behind is None:
        return []
    stop = _CLAUSE_END.search(low, behind.end(), e)
    end = stop.start() if stop else e
    ahead = [c for c in cands if c is not unit and behind.end() <= c.position < end]
    if not ahead:  # "chỉ sau Quảng Ninh, Hải Phòng và Bắc Ninh": named alone
        named = [m for m in mentions if behind.end() <= m.start < end]
        ahead = [Candidate(m.unit_id, m.text, unit.index, unit.year, u.unit_kind, unit.where, bloc=unit.bloc,
                           of=unit.of, order=unit.order) for m in named
                 if (u := gazetteer.units.get(m.unit_id)) is not None and u.unit_kind == unit.unit_kind]
        if len(ahead) != len(named) or len({c.unit_id for c in ahead}) != len(ahead) or any(
                ended_reject(c, gazetteer) for c in ahead):  # a unit that did not exist that year: no places
            return []
        new = ahead
    else:
        new = []
    scores = [c.score for c in ahead] + ([unit.score] if unit.score is not None else [])
    if (len(ahead) != unit.rank - 1 or any(c.rank is not None or c.top or c.last or c.seq for c in ahead)
            or (None not in scores and any(a <= b for a, b in zip(scores, scores[1:], strict=False)))
            or (None in scores and any(c.score is not None for c in ahead))):
        return []
    for rank, c in enumerate(ahead, start=1):
        c.rank, c.rank_basis = rank, "implied"
    return new


_CLAUSE_END = re.compile(r"[;:]|\.(?!\d)|,\s+(?:trong khi|còn|while|whereas|but)\b")


_GRADE_ORDER = ("xuất sắc", "tốt", "khá", "trung bình", "yếu", "kém")


_DECLARED_FALLING = re.compile(r"theo thứ tự\s+(?:từ\s+)?(?:cao|trên)\s+(?:xuống|đến|tới)\s+(?:thấp|dưới)"
                               r"|từ cao xuống thấp|theo thứ tự xếp hạng|lần lượt là")


def _band_count(low: str, band: re.Match, end: int, counts: list[Token]) -> int | None:
    """The count a sentence states for a grade band: right before its name ("4 đơn vị xếp loại Tốt") or after
    it, up to the next band ("loại Tốt gồm 4 đơn vị")."""
    before = [t for t in counts if band.start() - 30 <= t.start < band.start() and "," not in low[t.end:band.start()]]
    after = [t for t in counts if band.end() <= t.start < end]
    return (before[-1] if before else after[0]).value["count"] if before or after else None


def band_ranks(low: str, s: int, e: int, cands: list[Candidate], tokens: list[Token], grades: set[str]) -> bool:
    """Every grade band of the text, best first, listed in one sentence with its count and its units in order
    (falling scores, or the order the text declares): the places run on from band to band ("loại Tốt gồm 6 đơn
    vị là A, ..., F; loại Khá gồm 5 đơn vị là G, ...": G is seventh). True when the sentence was placed so."""
    ranked = sorted(grades, key=_GRADE_ORDER.index)
    bands = list(GRADE.finditer(low, s, e))
    if len(bands) < 2 or [m.group(1) for m in bands] != ranked[:len(bands)]:
        return False
    counts = [t for t in tokens if t.kind == "count" and t.value and not t.value.get("of")]
    declared = _DECLARED_FALLING.search(low, max(0, s - 400), e) is not None
    plan, offset = [], 0
    for i, m in enumerate(bands):
        end = bands[i + 1].start() if i + 1 < len(bands) else e
        members = [c for c in cands if m.end() <= c.position < end and c.year == cands[0].year]
        if not members and "không có" in low[max(s, m.start() - 20):m.start()]:
            continue  # "không có đơn vị xếp loại Trung bình"
        count = _band_count(low, m, end, counts)
        scores = [c.score for c in members]
        if (count != len(members) or any(c.rank is not None or c.top or c.last or c.seq for c in members)
                or (None in scores and len(members) > 1 and not declared)
                or (None not in scores and any(a <= b for a, b in zip(scores, scores[1:], strict=False)))):
            return False
        plan.append((offset, members))
        offset += count
    size = size_hint(low, bands[0].start(), plan[0][1][0].bloc) if plan else None
    if not plan or (size is not None and size != offset) or (size is None and bands[-1].group(1) != ranked[-1]):
        return False  # the bands must cover the bloc: its stated size, or down to the worst band the text names
    for offset, members in plan:
        for pos, c in enumerate(members, start=1):
            c.rank, c.rank_basis = offset + pos, "implied"
    return True


def band_places(low: str, s: int, e: int, cands: list[Candidate], tokens: list[Token], grades: set[str],
                run: dict) -> None:
    """The best and the worst grade band the text names are the top and the bottom of the ranking: "nhóm xếp
    loại Tốt gồm 4 đơn vị: A (86,42 điểm), B (83,15 điểm), ..." lists the first four places, "3 đơn vị xếp loại
    Trung bình gồm A, B và C" the last three, when the band's count is the units listed and their scores fall
    (in place: the candidates of the sentence take the band's places, to be numbered as a leading/last list).
    The next band down, in a later sentence, all of it listed with scores below the band before ("Xếp loại Khá có
    2 đơn vị: A 84,70 điểm; B 83,28 điểm"), takes the places after it (``run``: the bands placed so far, best
    first: their grade, the places they fill and their lowest score)."""
    ranked = sorted(grades, key=_GRADE_ORDER.index)
    bands = list(GRADE.finditer(low, s, e))
    counts = [t for t in tokens if t.kind == "count" and t.value and not t.value.get("of")]
    for i, m in enumerate(bands):
        grade = m.group(1)
        end = bands[i + 1].start() if i + 1 < len(bands) else e
        count = _band_count(low, m, end, counts) or band_count_before(
            low, grade, m.start())  # "Có 3 đơn vị xếp loại Tốt, ... . Nhóm xếp loại Tốt gồm: A, B và C"
        members = [c for c in cands if m.end() <= c.position < end]
        scores = [c.score for c in members]
        if (count is None or count != len(members) or None in scores
                or any(a < b for a, b in zip(scores, scores[1:], strict=False))
                or any(c.rank is not None or c.top or c.last or c.seq for c in members)):
            continue
        follows = run.get("grade") in ranked and ranked.index(grade) == ranked.index(run["grade"]) + 1 and (
            run["sentence"] != s)  # bands of one sentence are numbered only when they cover the bloc (band_ranks)
        if follows and max(scores) < run["floor"]:
            for c in members:
                c.rank, c.rank_basis = run["places"] + 1 + scores.index(c.score), "implied"
                c.tied = c.shared_tie = scores.count(c.score) > 1
            run.update(grade=grade, places=run["places"] + count, floor=min(scores), sentence=s)
            continue
        if grade not in (ranked[0], ranked[-1]) or count < 2:
            continue
        if grade == ranked[0]:
            run.update(grade=grade, places=count, floor=min(scores), sentence=s)
        for c in members:  # "xã A (88,03 điểm), xã B (88,03 điểm)": one place, shared
            pos = next(j for j, other in enumerate(members, start=1) if other.score == c.score)
            c.shared_tie = scores.count(c.score) > 1
            if grade == ranked[0]:
                c.top = (count, pos)
            else:
                c.last = (count, pos)
                c.size_hint = c.size_hint or size_hint(low, m.start(), c.bloc)  # "Chỉ số ... của 12 huyện"


_OUT_OF = re.compile(r"/\s*(\d{1,3})\b")


def _of_a_part(low: str, g: Group) -> bool:
    """True when every score of the group is points out of less than 100 ("dẫn đầu về hiện đại hóa hành chính
    với 9,5/10 điểm", "chỉ đạt 7,25/12 điểm ở lĩnh vực ..."): a component's, not the index's."""
    outs = [_OUT_OF.search(low, t.start, t.end) for t in g.tokens if t.kind == "scores"]
    return bool(outs) and all(m is not None and int(m.group(1)) < 100 for m in outs)


def _year_of_figure(low: str, tokens: list[Token], i: int) -> bool:
    """True for a year written right after a place or a score ("Từ vị trí thứ 9 năm 2019, Sở đã vươn lên"):
    that figure's year, not the sentence's."""
    return i > 0 and tokens[i - 1].kind in ("ranks", "scores") and not low[tokens[i - 1].end:tokens[i].start].strip()


def _ranks_ahead(low: str, tokens: list[Token], start: int, e: int, own: bool = False) -> bool:
    """True when the clause from ``start`` (to a semicolon or the sentence's end) states ranks of its own; ``own``:
    not counting a place that introduces the units after it ("..., B 70,42 điểm và xếp cuối bảng là C": C's)."""
    end = low.find(";", start, e)
    end = e if end < 0 else end
    return any(t.kind in _PLACES and not (own and _THEN_IS.match(low, t.end)) for t in tokens if start <= t.start < end)


_THEN_IS = re.compile(r"\s*(?:là|thuộc về|:)(?!\w)")


def _last_of(candidates: list[Candidate], start: int) -> list[Candidate]:
    """The candidates at the end of ``candidates`` read from the sentence starting at ``start``, in order."""
    k = len(candidates)
    while k and candidates[k - 1].where.start == start:
        k -= 1
    return candidates[k:]


def _untie_names(tokens: list[Token], mentions: list[Mention]) -> list[Token]:
    """"Xã Kim Đồng xếp thứ 26": a tie read from "đồng" that ends a name is no tie."""
    return [Token(t.kind, t.start, t.end, {**t.value, "tied": False})
            if t.kind == "ranks" and t.value["tied"] and any(m.start <= t.start < m.end for m in mentions) else t
            for t in tokens]


def extract_text(raw: str, gazetteer: Gazetteer, year_hint: int | None = None,
                 province_hint: str | None = None) -> dict:
    """The contract object (without ``source.path``/``sha256``) for one announcement text."""
    normalized = normalize_text(raw)
    text = unwrap_lines(normalized)  # a hard-wrapped paragraph is read as its sentences
    low = text.lower()
    if len(low) != len(text):  # lowercasing changed lengths: offsets would drift
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    cues = index_cues()
    header = document_header(text, cues)
    folded = fold(text)
    doc = gazetteer.prepare(text, folded, province_hint)  # only the names that can be there, when that is known
    doc_cues = tuple(cue for cue in criterion_cues() if cue in folded)  # a sentence holds only what the text holds
    numbered = COMPONENT.search(folded) is not None
    line_ends = [m.start() for m in _LINE_END.finditer(normalized)]  # the lines of the document as written
    doc_bloc, doc_national = BLOC_CUE.search(folded) is not None, is_national(folded, 0, len(folded))
    # without units below the province level the text is about provinces (a national ranking, or one
    # province's place in it): their names are what its figures are about, in every sentence
    province, local = (province_hint, True) if province_hint else document_scope(text, gazetteer, doc)
    doc_year = header["year"] or year_hint
    # no year in the title or the path: the latest year the text writes with an index's name ("Quang Ninh has led
    # the PAR Index for the sixth consecutive year. ... in the 2019 PAR Index"), for the sentences before it
    lead_year = None if doc_year is not None else latest_index_year(folded)
    default_index = header["announced"][0] if header["announced"] else "PAR"
    ctx = Context(default_index, doc_year or lead_year, towns=TOWNS_CUE.search(folded) is not None)
    in_parens = paren_year(low) if "ngoặc" in low else None
    candidates: list[Candidate] = []
    ratings: list[dict] = []
    claims: list[dict] = []
    warnings: list[str] = []
    rejects: list[dict] = []
    order = 0
    related_block = False
    ordered_list = False  # a line announcing a list in rank order ("xếp hạng (từ cao xuống thấp):") came before
    last_list: tuple[int, int, int] | None = None  # (n, where, units seen) of a line announcing the last n
    grades_named = named_grades(low)  # the grade bands the text names (the bounds of each are written once)
    band_run: dict = {}  # the grade bands placed so far, best first (``band_places``)
    grade_bounds: dict[str, dict] = {}  # "loại Khá (từ 80 đến dưới 90 điểm)": the band a grade word names after
    aside_year = False  # ctx.year was set by a sentence such as "Năm 2022, quận A xếp thứ hai."
    survey_of = None  # the index before a paragraph's survey scores
    foreign_of = None  # the index before a paragraph on the province's own figures of another index
    base_year = doc_year  # the text's year: the title's, else the first one written with an index name
    # the folder's year, when the title names none, may be the year of publication: the text's first year
    # (the year before it) is then the text's year
    publication_folder = header["year"] is None and year_hint is not None
    named_here: set[str] = set()  # the own indices a paragraph's sentences name before their units
    kinds_named: dict[str, str] = {}  # kind word ("huyện ") -> the last unit of that kind its paragraph named
    kinds_first: dict[str, str] = {}  # kind word -> the unit of that kind the headline named (a portal's own)
    last_named_figures = False  # the last sentence of them states figures
    with_figures: dict[str, str] = {}  # unit kind -> the last unit figures were read for ("The province ...")
    for p_no, (ps, pe) in enumerate(paragraphs(text)):
        ctx.bloc_kind = ctx.bloc = None
        here = province  # the province whose units the paragraph names: "In Da Nang, ..." switches it
        kinds_named.clear()
        # a portal's masthead or the article's title: short, no sentence
        headline = p_no < 3 and pe - ps < 200 and not kinds_first and not text[ps:pe].rstrip().endswith((".", ":"))
        if aside_year:  # a year named without an index is the sentence's paragraph's, not the rest of the text's
            ctx.year, aside_year = base_year, False
        if survey_of:
            ctx.index, survey_of = survey_of, None
        if foreign_of:
            ctx.index, foreign_of = foreign_of, None
        if len(named_here) > 1 and last_named_figures:
            # "Chỉ số CCHC của tỉnh đạt 89,72%, xếp thứ 9/34. Chỉ số SIPAS đạt 88,64%, đứng thứ 3.": a paragraph on
            # both indices, ended with the figures of the last one named, leaves the next to the text's index
            ctx.index = default_index
        named_here, last_named_figures = set(), False
        # without diacritics: English, or Vietnamese read with folded rules (typographic dashes and quotes aside)
        ascii_only = text[ps:pe].translate(_TYPOGRAPHIC).isascii()
        english = looks_english(text[ps:pe])  # English with some Vietnamese names is English
        whole_text = folded if ascii_only else low
        tokens = scan(whole_text[ps:pe], ascii_only, english, ps, whole_text)
        # "Tin liên quan:" and lists of links to other articles are not this article; prose ends the block
        if _RELATED.match(folded[ps:pe].strip()):
            related_block = True
            continue
        if is_link_list(text[ps:pe]) or (related_block and pe - ps < 300 and not any(
                line.rstrip().endswith(".") for line in text[ps:pe].split("\n"))):  # titles end without "."
            continue
        related_block = False
        token_starts = [t.start for t in tokens]  # in text order, none overlapping
        sent_at = -1
        clause_year: int | None = None  # the year before a clause of its own year ("...; năm 2020, A đứng đầu.")
        for s, e in split_sentences(text, ps, pe):
            after_semicolon = low[max(ps, s - 3):s].rstrip().endswith(";")  # "...; năm 2020, A đứng đầu"
            if clause_year is not None and not after_semicolon:
                ctx.year, clause_year = clause_year, None  # the sentence after it: the year before it again
            before_at, sent_at = sent_at, s  # the start of the sentence before, in this paragraph
            sent_tokens = [t for t in tokens[bisect_left(token_starts, s):bisect_left(token_starts, e)] if t.end <= e]
            # "Kết quả xếp hạng (từ cao xuống thấp):" over lines "+ Huyện A: 88,12 điểm": each line is the next place
            item_line = _LIST_ITEM.match(low, s) is not None
            if "loại" in low[s:e] or "nhóm" in low[s:e]:  # "10 đơn vị loại Khá là: A; B": the band stated before
                sent_tokens = _grade_bands(low, s, e, sent_tokens, grade_bounds)
            next_place = ordered_list and item_line and not any(t.kind == "ordered" for t in sent_tokens)
            heads_list = low[s:e].rstrip().endswith(":")
            ordered_list = (ordered_list and item_line) or (heads_list and (
                any(t.kind == "ordered" for t in sent_tokens) or counted(sent_tokens, "top", low)))
            # "Năm đơn vị dẫn đầu khối sở gồm:", "2 đơn vị có chỉ số cao nhất:" over one line per unit
            if not item_line:  # "2 đơn vị thấp nhất:" over as many lines: the last places, in the order written
                last_list = (n, s, 0) if heads_list and (n := counted(sent_tokens, "last", low)) and not any(
                    t.kind == "scores" for t in sent_tokens) else None
            cue_hits = sentence_index(folded, s, e)
            # "Năm 2024, Thừa Thiên Huế xếp thứ 3/63" in a 2025 text: the names are looked up in the year opening
            # the sentence (the year is set below, once the units are known)
            opening = next((t for t in sent_tokens[:1] if t.kind == "year" and not t.value["paren"]
                            and not t.value.get("ref") and _YEAR_OPENS.fullmatch(low, s, t.start)), None)
            located = _located_in(low, s, e, doc, gazetteer, ctx.year)
            if located is not None:  # "Meanwhile in Da Nang, Hai Chau District topped ...": Đà Nẵng's units from here
                here = located[0]
            mentions = gazetteer.mentions_in(doc, s, e, here, opening.value["year"] if opening else ctx.year)
            if located is not None:  # the place named to say where is not ranked
                mentions = [m for m in mentions if not (m.start == located[1] and m.end == located[2])]
            if len(mentions) > 1:  # "Ban Quản lý Khu kinh tế Nghi Sơn": the town's name is the body's
                mentions = name_tails(text, mentions, gazetteer)
            if "uận" in text[s:e]:  # "các quận 4, 6 và 11"
                mentions = numbered_districts(text, s, e, mentions, gazetteer, here, ctx.year)
            unknown, mentions = unknown_mentions(text, s, e, mentions)
            if unknown and province:  # a unit of a province merged into this one, before the merger
                unknown = from_predecessors(unknown, gazetteer, here, ctx.year, folded)
            if province and "tp" in low[s:e]:  # "TP. Trà Vinh (cũ)": that province's city, not the province
                mentions = old_cities(low, mentions, gazetteer, here, ctx.year, folded)
            mentions = sorted(mentions + unknown, key=_START) if unknown else mentions  # found in text order
            if "không" in low[s:e] or "trừ" in low[s:e] or "exclud" in low[s:e] or "except" in low[s:e]:
                # "(không đánh giá huyện Hoàng Sa)", "ngoại trừ huyện Hoàng Sa": a unit left out of the ranking
                mentions = [m for m in mentions if not _LEFT_OUT.search(low, max(s, m.start - 40), m.start)]
            announcing = {m for m in mentions if announces(low, m)}  # "Theo Sở Nội vụ, ...": not ranked
            # "Huyện chỉ đứng sau A và B", "của huyện ta": a unit named before, or the headline's
            named = [m for m in mentions if m not in announcing]
            mentions = kind_references(text, low, s, e, mentions, kinds_named, kinds_first, gazetteer, with_figures)
            remember_kinds(named, gazetteer, kinds_named)
            if headline:
                remember_kinds(named, gazetteer, kinds_first)
            # ... a kind word standing for a unit named before ("thành phố đạt 84,7 điểm Bộ chỉ số 766") is not one
            first_unit = next((m.start for m in mentions if m not in announcing and not is_reference(m)), e)
            # cues after the units speak of them; one in a breakdown or parentheses names a part, not the text
            figures = any(t.kind in _FIGURES for t in sent_tokens)
            leading = {c for pos, c, aside in cue_hits if pos < first_unit and not aside}
            if leading:
                new_index = most_specific(leading, default_index)
                # the survey named in passing ("trên cơ sở điểm thẩm định và điểm điều tra xã hội học") does
                # not make the next paragraphs survey scores: only a sentence with figures, or a heading, does
                method = new_index == "SURVEY" and not mentions and _METHOD.search(folded, s, e) and not any(
                    t.kind in ("ranks", "top", "last") for t in sent_tokens)  # "chiếm 30/100 điểm": a weight
                # ... unless the survey is what the sentence is about ("Điểm điều tra xã hội học, phần chiếm 30/100
                # điểm, ...; Sở A có điểm cao nhất"): then it is its paragraph's index
                topic = method and any(code == "SURVEY" and not aside and _OPENER.fullmatch(folded, s, pos)
                                       for pos, code, aside in cue_hits)
                if method and not topic:
                    new_index = ctx.index
                # satisfaction named in passing ("Huyện đã tăng điểm nhờ sự hài lòng của người dân", "weighted the
                # people's satisfaction at 17.5 percent of the total score"), not the index: no place, no heading
                # ... and so is reform named in passing in a satisfaction text ("Kết quả khảo sát đã được gửi xin ý
                # kiến Ban Chỉ đạo cải cách hành chính của tỉnh"): with no figure, no index named, not the index
                if new_index == "PAR" and ctx.index == "SIPAS" and not figures and not _PAR_NAMED.search(folded, s, e):
                    new_index = ctx.index
                if new_index == "SIPAS" and ctx.index != "SIPAS" and not any(
                        t.kind in ("ranks", "top", "last") for t in sent_tokens) and not _SIPAS_NAMED.search(
                        folded, s, e) and not low[s:e].rstrip().endswith(":"):
                    new_index = ctx.index
                # a heading names what the lines below it are ("Điểm điều tra xã hội học:", "3. Kết quả điều tra xã
                # hội học"); a survey named in a sentence ("The sociological survey covered 26,850 respondents", "Theo
                # kết quả điều tra xã hội học, Sở A dẫn đầu") is its paragraph's index only
                heading = not figures and (
                    low[s:e].rstrip().endswith(":") or (len(low[s:e].split()) <= 12 and low[s:e].rstrip()[-1:] != "."))
                # ... and so does a section opened with it ("Về điểm điều tra xã hội học, quận A dẫn đầu ...")
                heading = heading or any(code == new_index and not aside and _SECTION_OPENS.fullmatch(folded, s, pos)
                                         for pos, code, aside in cue_hits)
                if new_index in _OWN:
                    named_here.add(new_index)
                    last_named_figures = figures
                if new_index != ctx.index:
                    # a survey score stated with its unit ("Điểm điều tra xã hội học của huyện A đạt 28,5") is
                    # that paragraph's index, not the rest of the text's
                    survey_of = (survey_of or ctx.index) if new_index == "SURVEY" and (not heading or topic or any(
                        _OF_UNIT.match(folded, cue_end(folded, pos)) or fieldwork(folded, s, pos)
                        for pos, code, aside in cue_hits if code == "SURVEY" and not aside)) else None
                    # "Chỉ số PCI của thành phố tăng 1 bậc.": another index's figures of the province itself are
                    # that paragraph's; the units of the next ones are ranked on the text's index again
                    foreign_of = (foreign_of or ctx.index) if new_index not in _OWN | {"SURVEY"} and any(
                        t.kind in _FIGURES for t in sent_tokens) and not any(":" in m.unit_id for m in mentions) \
                        else None
                    ctx.index, ctx.year = new_index, base_year
            elif ctx.index not in _OWN | {"SURVEY"} and (
                    named := {c for _, c, aside in cue_hits if not aside} & _OWN):
                # "Sở Tư pháp có Chỉ số CCHC cao nhất ...": after a paragraph on PAPI, the index named after the
                # units is the text's again
                ctx.index = most_specific(named, default_index)
            setter = next((t for i, t in enumerate(sent_tokens) if t.kind == "year" and not t.value["paren"]
                           and not t.value.get("ref") and not inside_parentheses(low, s, t.start)
                           and (t.start < first_unit or names_index(folded, cue_hits, t.start, t.end)
                                or _RESULTS_OF.match(folded, t.end))  # "according to the 2023 results"
                           and not _year_of_figure(low, sent_tokens, i)), None)
            if setter is not None:  # "Năm 2018, ...", "Chỉ số hài lòng ... năm 2018, ..."
                if after_semicolon and setter.value["year"] != ctx.year and not cue_hits:
                    clause_year = ctx.year if clause_year is None else clause_year
                ctx.year = setter.value["year"]
                if base_year is None and cue_hits:  # "công bố Chỉ số cải cách hành chính năm 2023"
                    base_year = ctx.year
                elif publication_folder and ctx.year == year_hint - 1:  # raw/2016/ for the 2015 results
                    base_year = ctx.year
                publication_folder = False  # only the text's first year
                # another year than the text's is the paragraph's only: named without an index; or with its figures
                # of a unit, the index named after it ("Năm 2024, huyện Văn Lãng xếp thứ 8/11 về Chỉ số CCHC"; not
                # "Năm 2018, Chỉ số CCHC của các sở ...": a section's year); or a year to come ("Việc đánh giá Chỉ số
                # CCHC năm 2025 sẽ được thực hiện ...")
                aside_year = base_year is not None and ctx.year != base_year and (
                    not cue_hits
                    or (figures and first_unit < e and not any(pos < first_unit for pos, _, _ in cue_hits))
                    or (not figures and _TO_COME.search(low, s, e) is not None))
            # a pattern found nowhere in the text is not in the sentence either (the sentence ends before a space)
            whole = e == len(folded) or folded[e].isspace()
            bloc = bloc_cue(text, folded, s, e) if doc_bloc or not whole else None
            if bloc:
                ctx.bloc_kind = BLOC_KIND[bloc.group(1)]
                # "khối huyện, huyện An Lão ...": the second kind word starts a name, not a list of kinds
                alone = not bloc.group(2) or text[bloc.end(2):bloc.end(2) + 2].strip()[:1].isupper()
                ctx.bloc = kinds_bloc(bloc.group(1), None if alone else bloc.group(2).strip(", "))
            components = component_cues(folded, s, e, doc_cues, numbered)
            where = Location(text, low, s, e, p_no, bisect_left(line_ends, s) + 1)
            target = next((t.start for t in sent_tokens if t.kind == "target"), None)
            if target is not None and not any(t.kind in _FIGURES and t.start < target for t in sent_tokens):
                continue  # "Năm 2015, tỉnh phấn đấu 100% sở ... đạt từ 75 điểm trở lên": a goal, not a result
            if any(t.kind == "rating" for t in sent_tokens):
                ratings += ratings_of(where, mentions, sent_tokens, ctx, gazetteer,
                                      [c.unit_id for c in _last_of(candidates, before_at)])
                # "Đứng đầu là Sở Tài chính với 90,58 điểm, người đứng đầu xếp loại hoàn thành xuất sắc nhiệm vụ":
                # the unit's figures before the clause on its head are the index's
                cut = rating_clause(low, s, sent_tokens)
                if cut is None:
                    continue
                sent_tokens = [t for t in sent_tokens if t.end <= cut]
                mentions = [m for m in mentions if m.start < cut]
                e = cut
            # a sentence of the national ranking: it says so, or the whole text is about no one province
            national = (doc_national or not whole) and is_national(folded, s, e)
            mentions = ranked_mentions(text, low, s, e, mentions, announcing, local and not national, national,
                                       gazetteer, here, ctx.year)
            if any(t.kind == "ranks" and t.value["tied"] for t in sent_tokens):
                sent_tokens = _untie_names(sent_tokens, mentions)
            if "trên" in low[s:e] or "trước" in low[s:e] or " sau " in low[s:e]:
                above = units_above(low, s, mentions, lambda u: ctx.ranks_seen.get((u, ctx.index, ctx.year)))
                sent_tokens = sorted([*sent_tokens, above], key=_START) if above else sent_tokens
            groups = split_year_asides(spread_respective(_groups(low, mentions, sent_tokens, s, e)), low, s, e)
            if "lần lượt" in low[s:e] and "bậc" in low[s:e]:
                groups = spread_moves(groups, low)
            if in_parens is not None:  # "(số liệu trong ngoặc là điểm và thứ hạng năm 2022)"
                groups = split_paren_years(groups, low, s, e, in_parens)
            if not groups:  # "Đây là 3 đơn vị dẫn đầu.": the units of the sentence before (the last candidates)
                refer_back(low, s, sent_tokens, _last_of(candidates, before_at))
            bare_scores(low, groups, sent_tokens, e, item_line)  # "quận A 91,25 điểm; quận B 89,6"
            claims += claims_of(where, sent_tokens, groups, ctx, cue_hits, default_index)
            listed = 0
            # (not a unit placed from the one before: "Xếp cuối khối là A ..., đứng ngay trên là B")
            list_len = sum(len(g.units) for g in groups if g.header and not counted_up(g))
            first_index = None
            for gi, g in enumerate(groups):
                contrast = bool(gi and _CONTRAST.search(low, groups[gi - 1].end, g.start))
                if any(pos < g.start for pos in components):
                    warnings.append(f"line {where.line}: figures of a component (a PAR field or criterion, a SIPAS "
                                    f"factor) in {where.evidence[:80]!r} are left out; components come from tables")
                    listed += len(g.units)
                    continue
                index = group_index(cue_hits, g, ctx.index, default_index, low, (s, e))
                if gi and not cue_hits and first_index is not None:
                    # "District 1 led with 90.21 points, followed by A (89.50) and B (88.86)": a sentence naming
                    # no index has one, its first group's
                    index = first_index
                if not gi:
                    first_index = index
                if index == "PAR" and _of_a_part(low, g):
                    warnings.append(f"line {where.line}: points out of less than 100 in {where.evidence[:80]!r} "
                                    f"are a component's, not the index's; left out")
                    listed += len(g.units)
                    continue
                if index == "SIPAS" and all(_is_ministry(m, gazetteer) for m in g.units) and not any(
                        code == "SIPAS" and g.start <= pos for pos, code, _ in cue_hits):
                    index = "PAR"  # ministries have no SIPAS: after a paragraph on the provinces' SIPAS
                parts = split_by_index(cue_hits, g, low, index) or [(index, g)]
                for index, part in parts:
                    ctx.base_year = base_year
                    for cand in interpret(part, index, ctx, where, gazetteer, warnings, listed, list_len):
                        cand.order, cand.contrast = order, contrast
                        order += 1
                        if next_place and cand.rank is None and cand.year == ctx.year and not (
                                cand.seq or cand.top or cand.last or cand.derived):
                            cand.seq = "ordered"
                        elif last_list and item_line and cand.rank is None and not (
                                cand.seq or cand.top or cand.last or cand.derived) and last_list[2] < last_list[0]:
                            n, at, seen = last_list
                            cand.last, cand.list_at, last_list = (n, seen + 1), at, (n, at, seen + 1)
                            cand.size_hint = cand.size_hint or size_hint(low, at, cand.bloc)
                        if cand.unit_id and (ended := ended_reject(cand, gazetteer)):
                            if named_anew(cand, gazetteer, here, national, ctx):
                                candidates.append(cand)
                            else:
                                rejects.append(ended)
                        elif cand.unit_id:
                            candidates.append(cand)
                        else:
                            rejects.append(unknown_reject(cand, gazetteer, here))
                            if candidates and candidates[-1].where is where and (cand.seq or cand.score is not None):
                                # "tiếp theo là A 81,73 điểm, <unknown> 79,84 điểm, B ...": it holds its place
                                candidates.append(replace(cand, unit_id=f"?{cand.order}", bloc=candidates[-1].bloc,
                                                          placeholder=True))
                    g.current_ranks = part.current_ranks or g.current_ranks
                listed += 0 if g.aside else len(g.units)
            latest: dict[str, str] = {}
            for cand in reversed(candidates):  # this sentence's, the last of the list; its last unit of each kind
                if cand.where is not where:
                    break
                if not cand.placeholder and (unit := gazetteer.units.get(cand.unit_id)) is not None:
                    latest.setdefault(unit.unit_kind, cand.unit_id)
            with_figures.update(latest)
            behind = " sau " in low[s:e] or " behind " in low[s:e]
            banded = ("loại" in low[s:e] or "nhóm" in low[s:e]) and len(grades_named) > 1
            if behind or banded:  # places the sentence's candidates take from one another
                sentence_cands = [c for c in candidates if c.where is where and c.year == ctx.year]
                if behind:
                    candidates += ranked_behind(low, e, sentence_cands, mentions, gazetteer)
                if banded and not band_ranks(low, s, e, sentence_cands, sent_tokens, grades_named):
                    band_places(low, s, e, sentence_cands, sent_tokens, grades_named, band_run)
    if doc_year is not None and base_year != doc_year:  # the folder's year was the publication's: the title's too
        for cand in candidates:
            if cand.where.paragraph == 0 and cand.year == doc_year:
                cand.year = base_year
    facts, claims, more_warnings, more_rejects = finish(candidates, claims, gazetteer, province, header, doc_year)
    warnings += more_warnings
    rejects += more_rejects
    if header["part_of_year"] and any(f["year"] == base_year for f in facts):
        # "Xếp hạng CCHC cấp xã quý III/2025": a quarter's or half-year's assessment is no year's index; the
        # figures of other years it compares with are
        warnings.append(f"the title ranks part of a year ({header['part_of_year']!r}): its "
                        f"{sum(f['year'] == base_year for f in facts)} figures of {base_year} are not the year's "
                        "index and are left out")
        facts = [f for f in facts if f["year"] != base_year]
        claims = [c for c in claims if c.get("year") != base_year]
    result = {"source": {"title": header["title"], "published": header["published"],
                         "decision_no": header["decision_no"], "province": province},
              "facts": facts, "leader_ratings": ratings, "claims": claims, "warnings": warnings,
              "rejects": rejects}
    if text != normalized:  # the text the evidence cites: line breaks inside sentences are spaces
        result["text"] = text
    return result


