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


def ratings_of(where: Location, mentions: list[Mention], tokens: list[Token], ctx: Context,
               gazetteer: Gazetteer) -> list[dict]:
    """Leader ratings: "Giám đốc Sở Y tế, Chủ tịch UBND các quận: A, B hoàn thành xuất sắc nhiệm vụ"."""
    ratings = [t for t in tokens if t.kind == "rating"]
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
        out.append({"unit": gazetteer.units[m.unit_id].name_vi, "unit_id": m.unit_id,
                    "title": _title_text(title, gazetteer.units[m.unit_id].name_vi),
                    "year": ctx.year, "rating": rating.value, "evidence": where.evidence,
                    "span": [where.start, where.end]})
    return out


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
