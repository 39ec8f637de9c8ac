"""Which index and which bloc a group's figures belong to: index cues near the figures, the bloc a unit
is ranked in (its kind, split where the text or the province ranks kinds apart)."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from flows.extract.cues import cue_end
from flows.extract.model import Group
from flows.gazetteer import Gazetteer, is_central_agency
from flows.textnorm import fold

_INDEX_PRIORITY = ("SURVEY", "SIPAS", "PAPI", "PCI", "DDCI", "DTI", "DVC766", "PAR")
# "đứng đầu Chỉ số CCHC", "dẫn đầu cả nước về mức độ hài lòng", "thứ nhất về điểm điều tra xã hội học"
# "came second in the (2015 Provincial) PAR Index"
_NAMES_FIGURE = re.compile(r"^\s*(?:(?:ca nuoc|toan quoc|toan tinh|ca tinh|nationwide|tinh,?\s*thanh(?: pho)?"
                           r"|provinces(?: and (?:centrally[- ]run )?cities)?|localities)\s+)?"
                           r"(?:(?:ve|trong|cua|o|in|on|of|for)\s+)?(?:the\s+)?"
                           r"(?:(?:chi so|muc do|diem so|diem|ty le|bo chi so|su|provincial|national|annual|\d{4})"
                           r"\s+){0,2}$")
# From an index cue to the figure it names: the cue's words, then "đạt"/"là"/"với" ("Chỉ số hài lòng đạt
# 95,1%"), with no clause break between ("... điều tra xã hội học cao hơn; hai huyện đứng thứ 4" is not).
_CUE_THEN_FIGURE = re.compile(r"(?:[^,;:()]|\([^(),;:]{1,25}\)){0,80}\b(?:dat|la|voi|duoc)\s*$")  # "(PAR Index)"
# a rank's verb is its figure's start: "Chỉ số PAPI xếp thứ 29", "Chỉ số PAR Index (của tỉnh) xếp thứ 8/63"; a score
# may follow its index at once: "với Chỉ số CCHC 91,31% và SIPAS 90,87%"
_CUE_THEN_RANK = re.compile(r"(?:[^,;:()]|\([^(),;:]{1,25}\)){0,40}$")
# the index's short name in brackets after its long one, then its figure: "Chỉ số hài lòng của người dân, tổ chức
# đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) (của tỉnh) đạt 83,45%"
_ACRONYM_THEN_FIGURE = re.compile(r"[^(),;:]{0,25}\)\s*(?:cua (?:tinh|thanh pho)\s+)?(?:dat|la|voi|duoc)\s*$")
_FIGURES = ("scores", "ranks", "top", "last", "bound")
# an index opening a clause of its own, then its unit, then the figure: "...; về DDCI, huyện đạt 72,36 điểm", "Riêng
# Chỉ số PCI, tỉnh xếp thứ 12"
_OPENS_CLAUSE = re.compile(r"(?:^|[;,.:]\s*)(?:(?:con|rieng|ve|doi voi)\s+)+(?:(?:bo\s+)?chi so\s+)?$")
_SECTION_THEN_FIGURE = re.compile(r"[^,;:()]{0,40},\s*(?:(?:huyen|quan|thi xa|thanh pho|tinh|so|xa|phuong|don vi)"
                                  r"(?:\s+nay)?\s+)?(?:(?:cung|chi|da|van|tiep tuc)\s+)?(?:(?:dat|xep|dung|la|voi)\b"
                                  r"[^,;:()]{0,20})?$")  # (a rank's verb is the rank's own)
# "xếp thứ 14 về Chỉ số CCHC", "... trên bảng xếp hạng PAR INDEX": the index the clause ends on is its figures'
_ABOUT = re.compile(r"\b(?:ve|(?:tren|trong|theo)\s+bang xep hang)\s+(?:(?:bo\s+)?chi so\s+)?$")
_CLAUSE_END = re.compile(r"[,;:.]")
_OTHER_CLAUSE = re.compile(r";|\b(?:tuy nhiên|mặc dù|dù|nhưng|song|đồng thời|trong khi|however|while|but)\b")
_AND = re.compile(r"\s*(?:,|va|cung|and|&)?\s*")
_BOTH = re.compile(r"\b(?:cả hai|cả 2|both)\b")
_OF_INDEX = re.compile(r"^[^,;:.()]*\b(?:cua|trong|thuoc)\s+(?:(?:bo\s+)?chi so\s+)?$")


def most_specific(codes: set[str], default: str) -> str:
    """The index a set of cues points to; a sentence naming both PAR and SIPAS names neither.

    Example:
        >>> most_specific({"PAR", "SURVEY"}, "PAR"), most_specific({"PAR", "SIPAS"}, "PAR")
        ('SURVEY', 'PAR')
    """
    if {"PAR", "SIPAS"} <= codes and "SURVEY" not in codes:
        return default
    return min(codes, key=lambda c: _INDEX_PRIORITY.index(c) if c in _INDEX_PRIORITY else len(_INDEX_PRIORITY) - 1.5,
               default=default)  # an index added to the seed without a place here ranks before PAR


def group_index(cue_hits: list[tuple[int, str, bool]], g: Group, ctx_index: str, default: str, low: str,
                sentence: tuple[int, int] | None = None) -> str:
    """Index of a group's figures: a cue among its own words ("A cũng đứng đầu Chỉ số CCHC với ...",
    "A đạt 65,34 điểm Chỉ số PCI"), else the nearest cue before it in the sentence, else the context.
    A cue in an aside in parentheses ("(một thành phần của Chỉ số CCHC)") names nothing."""
    figures = [t for t in g.tokens if t.kind in ("scores", "ranks", "top", "last", "bound")]
    first = figures[0].start if figures else max([g.end] + [t.end for t in g.tokens])
    # a cue before the group's first figure, or naming the figure it follows ("đạt 65,34 điểm Chỉ số PCI",
    # "cũng đứng đầu Chỉ số CCHC với ...")
    # (not a cue in a clause of its own after the first figure: "87,33 điểm, hạng 9; tuy nhiên đơn vị này dẫn đầu
    # DDCI", "88,72 điểm, thứ 4, dù dẫn đầu DDCI": that figure is the other index's, split off below)
    inner = [code for pos, code, aside in cue_hits if not aside and (
        g.start <= pos < first or any(0 <= pos - t.end <= 45 and _NAMES_FIGURE.match(fold(low[t.end:pos]))
                                      for t in figures) and not _OTHER_CLAUSE.search(low, first, pos))]
    if inner:
        return most_specific({inner[0]}, default)
    before = [code for pos, code, aside in cue_hits if pos < g.start and not aside]
    positions = [pos for pos, _, aside in cue_hits if pos < g.start and not aside]
    if not before and figures:  # "A xếp thứ 27/63 và B xếp thứ 41/63 về Chỉ số CCHC": the index the clause ends on
        after = next(((pos, code) for pos, code, aside in cue_hits if pos > first and not aside), None)
        if after and _ABOUT.search(fold(low[max(first, after[0] - 20):after[0]])) and not _CLAUSE_END.search(
                low, first, after[0]):
            return most_specific({after[1]}, default)
    if len(before) > 1 and before[-2] == "SURVEY" and _OF_INDEX.search(fold(low[positions[-2]:positions[-1]])):
        return "SURVEY"  # "điểm điều tra xã hội học của Chỉ số CCHC": the survey's part of the index named after
    if len(before) > 1 and {before[-2], before[-1]} == {"PAR", "SIPAS"}:
        between = fold(low[positions[-2]:positions[-1]])
        if _AND.fullmatch(between, cue_end(between, 0)):
            return default  # "công bố PAR INDEX và SIPAS 2025: phường A dẫn đầu": both named, neither said
    if not before and ctx_index == "SIPAS" and default != "SIPAS" and _in_points(g, low) and (
            sentence is None or "%" not in low[sentence[0]:sentence[1]]):
        return default  # SIPAS carried from an earlier sentence, but this one's figures are points, not %
    return index_at(cue_hits, g.start, ctx_index, default)


def _in_points(g: Group, low: str) -> bool:
    """True when the group's scores are all written in points ("93,4 điểm", "93.40 points"), none in %."""
    scores = [low[t.start:t.end] for t in g.tokens if t.kind == "scores"]
    return bool(scores) and all(("điểm" in text or "point" in text) and "%" not in text for text in scores)


def split_by_index(cue_hits: list[tuple[int, str, bool]], g: Group, low: str,
                   fallback: str) -> list[tuple[str, Group]] | None:
    """A group whose figures name different indices: one (index, group) per index, each with the figures
    from the first naming it up to the next; None when the figures name fewer than two.

    A figure is named by an index cue right after it ("đạt 92,5 điểm Chỉ số CCHC") or between the figure
    before it (or the group's start) and itself ("có Chỉ số CCHC đạt 92,5 điểm, Chỉ số hài lòng đạt 95,1%");
    a figure naming none belongs with the one before, the first with ``fallback`` (``group_index``)."""
    named: list[tuple[int, str]] = []  # (position in g.tokens, index) where the index changes
    since = g.start
    for i, t in enumerate(g.tokens):
        if t.kind not in _FIGURES:
            continue
        after = next((c for pos, c, aside in cue_hits if not aside and 0 <= pos - t.end <= 30
                      and _NAMES_FIGURE.match(fold(low[t.end:pos]))), None)
        before = [c for pos, c, aside in cue_hits if since <= pos < t.start and (
            _ACRONYM_THEN_FIGURE.match(fold(low[pos:t.start])) if aside else (
                _CUE_THEN_FIGURE.match(fold(low[pos:t.start]))
                or (_SECTION_THEN_FIGURE.match(fold(low[pos:t.start]))
                    and _OPENS_CLAUSE.search(fold(low[max(since, pos - 20):pos])))
                or (t.kind in ("ranks", "scores", "top", "last")  # "có mức độ hài lòng cao nhất (93,12%)"
                    and _CUE_THEN_RANK.match(fold(low[pos:t.start])))))]
        code = after or (before[-1] if before else None) or (named[-1][1] if named else fallback)
        since = t.end
        if not named or named[-1][1] != code:
            named.append((i, code))
    if len({code for _, code in named}) < 2:
        return None
    cuts = [0] + [i for i, _ in named[1:]] + [len(g.tokens)]
    # "A và B đứng cuối cả hai bảng xếp hạng: về CCHC ..., về SIPAS ...": the place first written is each index's
    shared = []
    if _BOTH.search(low, g.start, g.tokens[cuts[1]].start):
        shared = list(itertools.takewhile(lambda t: t.kind in ("top", "last", "ranks"), g.tokens[:cuts[1]]))
    return [(code, Group(g.units, (shared if n else []) + g.tokens[a:b], g.header if n == 0 else [], g.took_from))
            for n, ((_, code), a, b) in enumerate(zip(named, cuts[:-1], cuts[1:], strict=True))]


def index_at(cue_hits: list[tuple[int, str, bool]], start: int, ctx_index: str, default: str) -> str:
    """Index of figures at ``start``: the nearest cue before it in the sentence, else the context."""
    before = [code for pos, code, aside in cue_hits if pos < start and not aside]
    return most_specific({before[-1]}, default) if before else ctx_index


def bloc_of(unit, cue: str | None, gazetteer: Gazetteer | None = None, year: int | None = None,
            towns: bool = False) -> str:
    """The bloc a unit is ranked in: its kind, split where the text ranks kinds apart.

    "Khối huyện" ranks the rural districts apart only in a province that also has urban ones (quận), or
    where the text ranks its towns apart (``towns``: "khối thành phố, thị xã"): elsewhere it is every
    district (with a ``gazetteer`` to tell). The towns (thành phố, thị xã) are on the urban side only in a
    province without quận.

    Example:
        >>> from flows.gazetteer import Unit
        >>> bloc_of(Unit("x", "Quận Lê Chân", "", "district", "Hải Phòng"), "urban_district")
        'urban_district'
        >>> bloc_of(Unit("y", "Phường Hồng Bàng", "", "commune", "Hải Phòng"), None)
        'ward'
        >>> g = Gazetteer.load()
        >>> bloc_of(g.units["lao-cai:huyen-bat-xat"], "rural_district", g, 2023)
        'district'
        >>> bloc_of(g.units["lao-cai:huyen-bat-xat"], "rural_district", g, 2023, towns=True)
        'rural_district'
        >>> bloc_of(g.units["lao-cai:thanh-pho-lao-cai"], "towns", g, 2023)
        'urban_district'
        >>> bloc_of(g.units["nam-dinh:cuc-thue"], None)
        'central_agency'
    """
    if unit.unit_kind == "district" and cue in ("urban_district", "rural_district", "towns"):
        has_quan = gazetteer is None or splits_districts(gazetteer, unit.province, year)
        if not (has_quan or towns or cue == "towns"):
            return "district"
        # the cue says the text ranks them apart; which side a unit is on is its own kind ("khối quận: quận A
        # ...; khối huyện: huyện B ..." in one sentence reads only the first cue)
        return "urban_district" if is_urban(unit, has_quan) else "rural_district"
    if is_central_agency(unit):
        return "central_agency"  # ranked apart from the province's own departments
    if unit.unit_kind == "commune":  # wards apart from communes and special zones, whatever a cue said last
        return "ward" if fold(unit.name_vi).startswith("phuong ") else "commune"
    return unit.unit_kind


def is_urban(unit, has_quan: bool) -> bool:
    """A district on the urban side of a split: a quận; a thành phố or thị xã where the province has no quận."""
    name = fold(unit.name_vi)
    return name.startswith("quan ") or (not has_quan and name.startswith(("thanh pho ", "thi xa ")))


@lru_cache(maxsize=256)
def splits_districts(gazetteer: Gazetteer, province: str, year: int | None) -> bool:
    """True when a province had both urban districts (quận) and others in ``year``: it may rank them apart."""
    kinds = {fold(u.name_vi).startswith("quan ") for u in gazetteer.units.values()
             if u.unit_kind == "district" and u.province == province and u.valid_in(year)}
    return kinds == {True, False}
