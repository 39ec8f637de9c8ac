"""Leader ratings: the heads of departments and districts rated each year ("Giám đốc Sở Y tế hoàn thành
xuất sắc nhiệm vụ", "... xếp loại hoàn thành tốt nhiệm vụ, gồm: A, B")."""

from __future__ import annotations

import re

from flows.extract.model import Context, Location
from flows.extract.scan import Token
from flows.gazetteer import Gazetteer, Mention

_TITLE = re.compile(r"(phó giám đốc|giám đốc|chánh|trưởng ban|chủ tịch ubnd|chủ tịch ủy ban nhân dân"
                    r"|chủ tịch uỷ ban nhân dân|chủ tịch|người đứng đầu)(?:\s+của)?(?:\s+các(?:\s+[\w/, ]+:)?)?\s*$")
# the title of a unit's head ("người đứng đầu"), by the first words of the unit's name
_HEADS = ((("quận", "huyện", "thị xã", "thành phố", "phường", "xã", "thị trấn", "đặc khu"), "chủ tịch"),
          (("sở", "công an", "bảo hiểm", "kho bạc", "ngân hàng", "đài", "bộ chỉ huy"), "giám đốc"),
          (("ban",), "trưởng ban"), (("văn phòng", "thanh tra"), "chánh"), (("cục",), "cục trưởng"))
# "... đối với người đứng đầu các sở:"; a head count may stand before the list: "(3 người), gồm:"
_INTRODUCES_LIST = re.compile(r"(?:\s*\(\s*\d+\s+(?:người|đồng chí|cá nhân|nguoi|dong chi|ca nhan)\s*\))?(?:"
                              r"\s*,?\s*(?:gồm|bao gồm|là|gom|bao gom|la|trong đó(?: có)?|trong do(?: co)?)?\s*:"
                              r"|\s*,?\s*(?:gồm|bao gồm|gom|bao gom)\b|\s*(?:đối với|cho|doi voi)\s+[^:.;]{0,60}:)")


# a clause on the head of the unit named before it: "..., người đứng đầu (Sở) xếp loại", "; Giám đốc Sở được đánh giá"
_RATED = (r"(?:\s+(?:sở|ban|huyện|quận|thị xã|thành phố|xã|phường|đơn vị|cơ quan|văn phòng)(?:\s+(?:này|đó))?)?"
          r"\s+(?:(?:được|bị|cũng)\s+)*(?:(?:đánh giá|xếp loại|xếp|đạt)\s+)?(?:(?:là|ở mức|mức)\s+)?$")
_HEAD_AFTER = re.compile(r"[,;]\s*(người đứng đầu|giám đốc|chánh văn phòng|trưởng ban|chủ tịch(?: ubnd)?)" + _RATED)
# a sentence on the head of the unit of the sentence before: "Người đứng đầu xếp loại hoàn thành xuất sắc nhiệm vụ."
_HEAD_OPENS = re.compile(r"\s*(người đứng đầu|giám đốc|chủ tịch(?: ubnd)?)" + _RATED)
_HEAD_WORDS = re.compile(r"người đứng đầu|giám đốc|chủ tịch|trưởng ban|chánh|lãnh đạo")
_INDEX_FIGURES = ("scores", "ranks", "top", "last")


def rating_clause(low: str, s: int, tokens: list[Token]) -> int | None:
    """Where a sentence's clause on a unit's head starts, when the clause before it states the unit's index
    figures ("Sở Tư pháp đạt 90,12 điểm, đứng thứ hai, Giám đốc Sở xếp loại ..."); None when the figures are the
    head's own ("Điểm đánh giá người đứng đầu ... đạt 95,5 điểm, xếp loại ...") or there are none."""
    first = next(t for t in tokens if t.kind == "rating")
    cut = max(low.rfind(",", s, first.start), low.rfind(";", s, first.start))
    if cut < 0 or _HEAD_WORDS.search(low, s, cut) or not any(
            t.kind in _INDEX_FIGURES and t.end <= cut for t in tokens):
        return None
    return cut


def ratings_of(where: Location, mentions: list[Mention], tokens: list[Token], ctx: Context,
               gazetteer: Gazetteer, before: list[str] | None = None) -> list[dict]:
    """Leader ratings: "Giám đốc Sở Y tế, Chủ tịch UBND các quận: A, B hoàn thành xuất sắc nhiệm vụ"; the head of
    a unit named before the clause on it ("Sở Tư pháp xếp thứ 2; Giám đốc Sở xếp loại ..."), or of the one unit of
    the sentence before (``before``: "Người đứng đầu xếp loại hoàn thành tốt nhiệm vụ.")."""
    ratings = [t for t in tokens if t.kind == "rating"]
    named = [m for m in mentions if m.unit_id]
    if not named and before and len(set(before)) == 1 and (opens := _HEAD_OPENS.match(
            where.low, where.start, ratings[0].start)):
        return [_rating(gazetteer.units[before[0]], opens.group(1), ctx, ratings[0], where)]
    if len(named) == 1 and not _HEAD_WORDS.search(where.low, where.start, named[0].start) and (
            head := _HEAD_AFTER.search(where.low, named[0].end, ratings[0].start)):
        return [_rating(gazetteer.units[named[0].unit_id], head.group(1), ctx, ratings[0], where)]
    out, title, cursor = [], None, where.start
    # "... được xếp loại hoàn thành xuất sắc nhiệm vụ gồm: A, B": a rating that introduces a list
    leading = [r for r in ratings if _INTRODUCES_LIST.match(where.low, r.end)]
    for m in mentions:
        if not m.unit_id:
            continue
        before = [r for r in leading if r.end <= m.start]
        rating = before[-1] if before else next((r for r in ratings if r.start >= m.end and r not in leading), None)
        if rating is None:
            continue
        gap = where.low[cursor:m.start]
        found = _TITLE.search(gap)
        if found:  # the title as written; each unit of a list gets its own head's ("người đứng đầu")
            title = where.text[cursor + found.start(1):cursor + found.end(1)]
        elif any(r.end <= m.start and r.start >= cursor for r in ratings if r not in leading):
            title = None
        cursor = m.end
        if title is None:
            continue
        out.append(_rating(gazetteer.units[m.unit_id], title, ctx, rating, where))
    return out


def _rating(unit, title: str, ctx: Context, rating: Token, where: Location) -> dict:  # noqa: ANN001 - a Unit
    """One leader rating of the contract: the unit, its head's title as the text writes it, the year, the grade."""
    return {"unit": unit.name_vi, "unit_id": unit.unit_id, "title": _title_text(title, unit.name_vi),
            "year": ctx.year, "rating": rating.value, "evidence": where.evidence, "span": [where.start, where.end]}


def _title_text(title: str, unit_name: str) -> str:
    """'Chánh' takes the office's own word ("Chánh Thanh tra"); chairmen are "Chủ tịch UBND"; "người đứng
    đầu" (the head) is the title the unit's head holds.

    Example:
        >>> [_title_text("người đứng đầu", name) for name in ("Sở Xây dựng", "Huyện Lai Vung", "Thanh tra tỉnh")]
        ['Giám đốc', 'Chủ tịch UBND', 'Chánh Thanh tra']
    """
    low = title.lower()
    if low == "người đứng đầu":
        low = title = next((head for starts, head in _HEADS if unit_name.lower().startswith(starts)), title)
    if low == "chánh":
        return "Chánh " + " ".join(unit_name.split()[:2])
    if low.startswith("chủ tịch"):
        return "Chủ tịch UBND"
    return title[0].upper() + title[1:]
