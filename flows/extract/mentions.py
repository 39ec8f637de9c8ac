"""Which names in a sentence are ranked there: names the gazetteer does not know but that are shaped like
units, and the names that only set the scene (the province of a provincial text), announce the results
("Bộ Nội vụ công bố") or stand in an aside about another unit ("nay là thành phố Huế")."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from flows.extract.sizes import KIND_NOUNS
from flows.gazetteer import Gazetteer, Mention
from flows.textnorm import fold

# a kind word before a capitalised name: written lower case mid-sentence ("thị xã Cửa Lò"), as news does
_UNIT_WORD = re.compile(r"\b(?:Sở|Quận|Huyện|Thị xã|Thành phố|TP\.|TX\.|Phường|Xã|Thị trấn|Bộ|Cục|Chi cục|Kho bạc|"
                        r"Bảo hiểm xã hội|Công an|Cục Thuế|Cục Hải quan|Trung tâm|Ban Quản lý|Văn phòng|"
                        r"Đài Phát thanh|Trường Chính trị|"
                        r"quận|huyện|thị xã|thành phố|phường|thị trấn|xã)\s+")
# the rest of a name whose parts are capitalised, joined by commas and a last "và": ", Thể thao và Du lịch"
_NAME_PARTS = re.compile(r"(?:,\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)*\s+và\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\b")
# "Sở Văn hóa, Thể thao và Du lịch"
_NAMES_WITH_PARTS = ("Sở", "Bộ", "Ban", "Cục", "Chi cục", "Trung tâm", "Văn phòng", "Đài", "Trường")
_PLACE_KINDS = frozenset(("quận", "huyện", "thị xã", "thành phố", "tp.", "tx.", "phường", "xã", "thị trấn"))
_NAMED_KINDS = ("Ban Quản lý", "Trung tâm", "Văn phòng")  # a name already: "Ban Quản lý các khu công nghiệp"
_NAME_DASH = re.compile(r" [-–] (?=\S)")
_NAME_WORD = re.compile(r"[ \t]*([\w&]+(?:[-.,&][\w&]+)*)")  # "VH,TT&DL" is one word of a name
_NAME_STOP = frozenset("đứng xếp đạt với có dẫn là được tiếp vươn từ năm cùng lần giữ duy tăng giảm tụt ở trong đều "
                       "chỉ đã vẫn lên xuống hoàn không cũng thuộc tại của nay cũ".split())
_KIND_STARTS = frozenset("sở quận huyện thị phường xã bộ ban ubnd".split())
# common nouns of units below a province ("6 quận, huyện của Hải Phòng", "những đơn vị"), not "xã hội"
_BELOW_PROVINCE = re.compile(r"\b(?:quận|huyện|thị xã|sở|ngành|đơn vị|xã(?! hội)|phường|cơ quan|khối)\b")
_ANNOUNCES = re.compile(r"\s*(?:(?:vừa|đã|mới|cũng|chính thức)\s+)*(?:công bố|ban hành|thông báo|thông tin|cho biết"
                        r"|has announced|announced|released)\b")
# "Sau Quảng Ninh (lần lượt) là A, B", "Xếp sau Sở Tư pháp là Sở Nội vụ": a clause that names the units after one
_AFTER_LEADER = re.compile(r"(?:^|[\n.,;:])\s*(?:(?:xếp|đứng|ngay)\s+)*sau $")
_FOLLOWED_BY = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?,?\s*(?:năm\s+(?:19|20)\d\d\s*)?"
                          r"(?:(?:trong|ở|về|tại)\s+[^,.;:()]{0,60}?\s+)?"  # "Đứng sau A trong bảng xếp hạng ... là"
                          r"(?:(?:lần lượt|theo thứ tự)\s+)?là\b")
# "Theo (kết quả đánh giá của) Bộ Nội vụ, ...", at the start of a clause ("tiếp theo Sở Y tế" ranks it)
_ACCORDING_TO = re.compile(r"(?:(?:^|[\n.,;:(])\s*(?:cũng\s+)?theo|according to)\s+(?:the\s+)?"
                           r"(?:(?:kết quả|số liệu|thông báo|báo cáo|công bố|đánh giá|thẩm định|tổng hợp|của|do|được"
                           r"|vừa|đã|data|figures|results|released|announced|published|by|the"
                           r"|ông|bà|đồng chí|phó|giám đốc|chủ tịch|trưởng ban|chánh văn phòng|lãnh đạo"
                           r"|đại diện)\s+)*$")
# a head who speaks: "Giám đốc Sở Nội vụ (Trần Văn A) cho biết: ...": the office is not ranked
# "khảo sát do Sở Nội vụ thực hiện": the body that ran the survey
_CONDUCTS = re.compile(r"(?:\s+[^\W\d]+){0,10}?\s+(?:thực hiện|tổ chức|chủ trì|tiến hành|khảo sát|điều tra|đánh giá"
                       r"|xếp hạng|chấm điểm|thẩm định|công bố)\b")  # "của thành phố do Bộ Nội vụ đánh giá đạt 91,07%"
# "theo ông Lò Văn Mạnh, Phó Giám đốc Sở Nội vụ, ...": a person's title, not a unit ranked
_ACCORDING_TO_PERSON = re.compile(r"(?:^|[\n.,;:(])\s*theo\s+(?:ông|bà|đồng chí)\s+(?:[^\W\d]+\s+){0,4}[^\W\d]+\s*,\s*"
                                  r"(?:(?:phó|giám đốc|chủ tịch|trưởng ban|trưởng phòng|chánh văn phòng|lãnh đạo"
                                  r"|đại diện)\s+)+$")
# "Năm 2013 tỉnh xếp thứ 14": the province ranked, in its own story, without a national cue in the sentence
# ("Chỉ số SIPAS năm 2022 của tỉnh đạt 82,64%"; not "tỉnh đạt điểm tối đa ở lĩnh vực ...": a component)
_PROVINCE_RANKED = re.compile(r"(?<!\w)(?<!toàn )(?<!trong )(?<!cấp )tỉnh\s+(?:năm\s+\d{4},?\s+)?"
                              r"(?:(?:cũng|đã|vẫn|tiếp tục|chỉ|lại)\s+)?"
                              r"(?:xếp|đứng|vươn lên|tụt|ở vị trí|lùi|giảm|tăng)\b"
                              # "thứ hạng của tỉnh liên tục được cải thiện: năm 2015 xếp thứ 30, ..."
                              r"|\b(?:thứ hạng|vị trí|xếp hạng)\s+(?:chỉ số\s+\w+\s+)?của tỉnh\b"
                              r"|\bchỉ số\b[^.;:]{0,60}?\bcủa tỉnh\s+(?:năm\s+\d{4}\s+)?"
                              r"(?:(?:chỉ|cũng|đã|vẫn)\s+)?đạt\b"  # "Chỉ số SIPAS năm 2022 của tỉnh chỉ đạt 81,2%"
                              # "The province came 21st", "the city also scored 86.4 percent"
                              r"|\bthe (?:province|city)\s+(?:also\s+|again\s+|then\s+)?(?:came|ranked|placed|finished"
                              r"|stood|scored|rose|climbed|fell|dropped|slipped|jumped|earned|achieved|was)\b")
# "các phường của thành phố Trà Vinh dẫn đầu": the units in it are ranked, not the city
_CONTAINER = re.compile(r"(?:các|những)\s+(?:phường|xã|thị trấn|đơn vị|huyện|quận|sở|cơ quan|địa phương)"
                        r"(?:[^.;:,()]{0,20}?\s+)?(?:của|thuộc|trên địa bàn)\s+$")
_TITLES = ("giám đốc", "chủ tịch", "trưởng ban", "chánh văn phòng", "lãnh đạo", "đại diện", "trưởng", "trưởng phòng")
_SPEAKS = re.compile(r"(?:\s+[^\W\d]+){0,4}\s*,?\s*(?:cho biết|khẳng định|nhấn mạnh|phát biểu|chia sẻ|thông tin"
                     r"|trao đổi|nhận định|nhận xét|đánh giá rằng|nói|lưu ý|cho rằng|thông tin thêm)\b")
_ASIDE = re.compile(r"[(,\-–]\s*(?:(?:là\s+)?(?:đơn vị|cơ quan|sở)\s+(?:mới\s+)?)?(?:(?:đã|được|vừa)\s+)?"
                    r"(?:nay|trước đây|trước khi|sau khi|sau sáp nhập|sau hợp nhất"
                    r"|được hình thành|được thành lập|hình thành|tiếp nhận|trên cơ sở|hợp nhất|sáp nhập|formerly|now"
                    r"|which|nơi(?:\s+(?:từng|vốn|đã|trước đây))?\s+là|vốn là|từng là)"  # "nơi từng là trung tâm ..."
                    r"\b(?:[^(),;]|,\s*nhiệm vụ\b)*$"  # "sau khi tiếp nhận chức năng, nhiệm vụ của B"
                    # "Sở Du lịch, lần đầu được đánh giá độc lập sau khi tách khỏi Sở Văn hóa và Thể thao, đạt ..."
                    r"|[(,][^(),;]*\b(?:tách khỏi|tách ra (?:từ|khỏi)|được tách từ|chia tách từ)\b[^(),;]*$"
                    # in parentheses the aside may run across commas: "(sau khi tiếp nhận chức năng, nhiệm vụ của ...)"
                    r"|\(\s*(?:(?:đã|được|vừa)\s+)?(?:sau khi|sau sáp nhập|sau hợp nhất|tiếp nhận|hợp nhất|sáp nhập"
                    r"|trên cơ sở|trước đây|trước là|nguyên là|nay là|gồm)\b[^()]*$"
                    # "...; đây là sở mới được thành lập từ tháng 3/2025 trên cơ sở Ban Dân tộc tỉnh"
                    r"|;\s*(?:đây là|đơn vị này|sở này|cơ quan này)\b[^();]*$")
_PROVINCE_WORD = re.compile(r"(?<!\w)(?:[Tt]hành phố|[Tt]ỉnh|[Tt]he (?:province|city)(?:'s)?)(?!\s*,)(?!\w)")


def ranked_mentions(text: str, low: str, s: int, e: int, mentions: list[Mention], announcing: set[Mention],
                    scene: bool, national: bool, gazetteer: Gazetteer, province: str | None,
                    year: int | None) -> list[Mention]:
    """The mentions of sentence ``[s, e)`` that figures may belong to: not those ``announcing`` (found by
    ``announces``), nor those in an aside. ``scene``: a provincial text's sentence not about the national
    ranking, where the province only sets the scene ("Hải Phòng: quận Ngô Quyền đứng đầu"), unless the
    sentence speaks of nothing below it ("Quảng Ninh tiếp tục đứng đầu với 91,14%")."""
    mentions = [m for m in _without_asides(low, s, mentions) if m not in announcing
                and not _CONTAINER.search(low, max(s, m.start - 60), m.start)]
    if scene:
        below = [m for m in mentions if not m.unit_id or gazetteer.units[m.unit_id].unit_kind != "province"]
        if any(m.unit_id for m in below) or _BELOW_PROVINCE.search(low, s, e) or len(below) < len(mentions) \
                and any(low.startswith(":", m.end) for m in mentions):
            mentions = below
    if national:
        mentions = [_as_province(m, gazetteer, year) for m in mentions]
    mentions = _with_province_reference(text, low, s, e, mentions, national, gazetteer, province, year)
    return _own_after_semicolon(text, low, s, e, mentions, gazetteer, province, year) if province and ";" in low[s:e] \
        else mentions


@lru_cache(maxsize=4)
def _provinces_by_name(gazetteer: Gazetteer) -> dict[str, list]:
    by_name: dict[str, list] = {}
    for p in gazetteer.provinces():
        by_name.setdefault(p.name_vi.lower(), []).append(p)
    return by_name


def _as_province(m: Mention, gazetteer: Gazetteer, year: int | None) -> Mention:
    """In the national ranking, a city named like a province is the province: "thành phố Huế ... xếp thứ
    4/63" in 2024 is Tỉnh Thừa Thiên Huế (Thành phố Huế as a province from 2025), not its district."""
    unit = gazetteer.units.get(m.unit_id) if m.unit_id else None
    if unit is None or unit.unit_kind != "district":
        return m
    for p in _provinces_by_name(gazetteer).get(unit.name_vi.lower(), ()):
        now = p if year is None or p.valid_in(year) else next(
            (q for q in gazetteer.provinces() if q.successor_id == p.unit_id and q.valid_in(year)), None)
        if now is not None:
            return Mention(now.unit_id, m.start, m.end, m.text, m.bare)
    return m


def _with_province_reference(text: str, low: str, s: int, e: int, mentions: list[Mention], national: bool,
                             gazetteer: Gazetteer, province: str | None, year: int | None) -> list[Mention]:
    """In a sentence about the national ranking, "thành phố"/"tỉnh" alone is the document's province: before
    any province the sentence names ("Chỉ số của tỉnh đạt 82,56%, xếp thứ 3/63, chỉ sau Đà Nẵng ...")."""
    first = next((m.start for m in mentions if m.unit_id and gazetteer.units[m.unit_id].unit_kind == "province"), e)
    subject = None if national or first < e else _PROVINCE_RANKED.search(low, s, e)
    if subject and any(0 <= subject.start() - m.end <= 1 for m in mentions):
        subject = None  # "Ban Quản lý Khu kinh tế tỉnh xếp thứ tư": the province's, not the province
    if not province or not (national or first < e or subject):  # another province named: the national ranking
        return mentions
    # the word alone, not the start of a name ("thành phố Hải Phòng") or of a list ("tỉnh, thành phố")
    ref = next((r for r in _PROVINCE_WORD.finditer(text, subject.start() if subject else s, first)
                if not text[r.end():r.end() + 2].strip()[:1].isupper()), None)
    if ref is None and national and not mentions:
        # "Chỉ số SIPAS năm 2022 đạt 79,42%, xếp thứ 44/63.": no subject, after a sentence on the province
        ref = _SUBJECTLESS.match(text, s + len(text[s:e]) - len(text[s:e].lstrip()))
    if ref is None or any(m.start <= ref.start() < m.end for m in mentions):
        return mentions
    own = _province_unit(gazetteer, province, year)
    if own is None or any(m.unit_id == own.unit_id for m in mentions):
        return mentions
    return sorted([*mentions, Mention(own.unit_id, ref.start(), ref.end(), ref.group(), False)],
                  key=lambda m: m.start)


_SUBJECTLESS = re.compile(r"[Cc]hỉ số(?=[^.;:]{0,80}?\bđạt\s+\d[^.;:]{0,40}?/\s*(?:63|34)\b)")
_OF_OWN = re.compile(r";\s*[^;]{0,40}?\bcủa (thành phố|tỉnh)(?!\s*,)(?!\w)")


def _own_after_semicolon(text: str, low: str, s: int, e: int, mentions: list[Mention], gazetteer: Gazetteer,
                         province: str, year: int | None) -> list[Mention]:
    """"Hà Nội đạt 92,46%, xếp thứ 2/34, chỉ sau Thành phố Hồ Chí Minh; Chỉ số SIPAS của thành phố đạt 86,95%": after
    a semicolon, "của thành phố"/"của tỉnh" alone is the document's province, not the one named last."""
    own = _province_unit(gazetteer, province, year)
    if own is None or not any(m.unit_id == own.unit_id for m in mentions):
        return mentions
    kind = "thành phố" if fold(own.name_vi).startswith("thanh pho") else "tỉnh"
    added = [Mention(own.unit_id, m.start(1), m.end(1), text[m.start(1):m.end(1)], False)
             for m in _OF_OWN.finditer(text, s, e) if m.group(1).lower() == kind
             and not text[m.end(1):m.end(1) + 2].strip()[:1].isupper()  # the word alone, not "tỉnh Nam Định"
             and not any(k.start <= m.start(1) < k.end for k in mentions)
             and any(k.start < m.start(1) and k.unit_id != own.unit_id for k in mentions)]
    return sorted([*mentions, *added], key=lambda k: k.start) if added else mentions


@lru_cache(maxsize=256)
def _province_unit(gazetteer: Gazetteer, province: str, year: int | None):  # noqa: ANN202 - a Unit or None
    """The province's own unit in ``year``."""
    return next((u for u in gazetteer.provinces() if u.province == province and u.valid_in(year)), None)


def announces(low: str, m: Mention) -> bool:
    """True for a body that announces, speaks of or surveys the results rather than being ranked; or the one
    the units after it follow ("Sau Quảng Ninh lần lượt là A, B và C": Quảng Ninh was placed before)."""
    before = low[max(0, m.start - 90):m.start]
    return bool(_ANNOUNCES.match(low, m.end)
                or (before.endswith("sau ") and _AFTER_LEADER.search(before) and _FOLLOWED_BY.match(low, m.end))
                or (("theo" in before or "according" in before)
                    and (_ACCORDING_TO.search(low, max(0, m.start - 60), m.start)  # "^": the text's start only
                         or _ACCORDING_TO_PERSON.search(low, max(0, m.start - 90), m.start)
                         or _BY_METHOD.search(before)))
                or (before.rstrip().endswith(_TITLES) and _SPEAKS.match(low, m.end))
                or (before.endswith("do ") and _CONDUCTS.match(low, m.end))
                or (before.endswith("được ") and _RANKS_IT.match(low, m.end))  # "A được Bộ Nội vụ xếp thứ 6/63"
                or _BY_BODY.search(before) is not None)


# "Nếu tính theo phương pháp của Bộ Nội vụ, ...": the body whose method or rules a figure follows
_BY_METHOD = re.compile(r"\btheo\s+(?:phương pháp|cách tính|công thức|hướng dẫn|quy định|bộ tiêu chí)(?:\s+\w+){0,3}?"
                        r"\s+(?:của\s+)?$")
_RANKS_IT = re.compile(r"\s+(?:xếp|đánh giá|chấm|công nhận)\b")
# "the rankings announced by the Ministry of Home Affairs", "kết quả do Bộ Nội vụ công bố" (that one above)
_BY_BODY = re.compile(r"\b(?:announced|released|published|compiled|conducted|issued|carried out)(?:\s+\w+){0,3}?\s+by"
                      r"\s+(?:the\s+)?$")  # "released on Friday by the Ministry of Home Affairs"


def _without_asides(low: str, s: int, mentions: list[Mention]) -> list[Mention]:
    """Mentions less the units named in an aside about the one before ("Tỉnh Hải Dương, nay đã hợp nhất vào
    thành phố Hải Phòng, đạt ...", "Sở Tài chính (sau khi hợp nhất Sở Kế hoạch và Đầu tư) đứng đầu")."""
    out: list[Mention] = []
    for m in mentions:
        if out and (_ASIDE.search(low, max(s, out[-1].end, m.start - 80), m.start) or (
                _OLD_OPENS.search(low, max(s, out[-1].end), m.start) and _OLD_AFTER.match(low, m.end)
                and not low.startswith("tỉnh", m.start)) or (
                _IN_OLD.search(low, max(s, out[-1].end, m.start - 80), m.start))):
            continue
        out.append(m)
    return out


# "Xã Đại Từ (huyện Đại Từ cũ)", "xã Chợ Mới, thuộc huyện Chợ Mới cũ của tỉnh Bắc Kạn,": the old units a 2025
# commune is told apart by (not "TP Huế (tỉnh Thừa Thiên Huế cũ)": the province a 2024 figure is of)
# ("(thuộc huyện A cũ)" too)
_OLD_OPENS = re.compile(r"(?:\(\s*(?:trước đây\s+)?(?:thuộc\s+)?|,\s*(?:trước đây\s+)?thuộc)\s*$")
_OLD_AFTER = re.compile(r"\s+cũ\b")
_IN_OLD = re.compile(r"[(,]\s*(?:trước đây\s+)?thuộc\s+[^(),;]*\bcũ\b[^(),;]*$")


def _name_end(text: str, pos: int, end: int, lower_first: bool = False, numbered: bool = False,
              place: bool = False) -> int:
    """End of a unit name that starts at ``pos``: up to a verb, a figure or punctuation, 8 words at most;
    its first word capitalised unless ``lower_first`` ("Ban Quản lý các khu công nghiệp"), every word where a
    ``place`` ("huyện Trần Đề thứ 3"); a number alone where ``numbered`` ("Phường 1")."""
    stop, words = pos, 0
    while words < 8:
        m = _NAME_WORD.match(text, stop, end)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if numbered and words == 0 and word.isdigit() and len(word) <= 2:
            return m.end()
        # a stop word written with a capital is a name's ("Duy Tiên", "Năm Căn"; not "duy trì"), unless in capitals
        if word[0].isdigit() or (low in _NAME_STOP and (not word[0].isupper() or word.isupper())) or (
                (words == 0 or place) and not word[0].isupper() and not lower_first):
            break
        if low == "và":
            nxt = _NAME_WORD.match(text, m.end(), end)
            if not nxt or nxt.group(1).lower() in _KIND_STARTS or not nxt.group(1)[0].isupper():
                break
        stop, words = m.end(), words + 1
        # a name of two places joined by a dash: "Phan Rang - Tháp Chàm", "Đình Vũ – Cát Hải"
        dash = _NAME_DASH.match(text, stop, end)
        if dash and words and (nxt := _NAME_WORD.match(text, dash.end(), end)) and nxt.group(1)[0].isupper() and (
                nxt.group(1).lower() not in _KIND_STARTS and not nxt.group(1)[0].isdigit()):
            stop = dash.end()
    return stop


def unknown_mentions(text: str, s: int, e: int, known: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Names shaped like units ("Sở Xyz", "Quận Abc") that the gazetteer does not know, and the known
    mentions without the bare names such an unknown name holds ("Sở Văn hóa, Thể thao và Du lịch" where
    the province has only a "Sở Du lịch": "Du lịch" is the end of the longer name, not that unit)."""
    out = []
    starts = [k.start for k in known]  # in text order
    for m in _UNIT_WORD.finditer(text, s, e):
        at = bisect_right(starts, m.start()) - 1
        if at >= 0 and any(k.start <= m.start() < k.end for k in known[max(0, at - 2):at + 1]):
            continue  # a known name starts here or runs over it: whatever follows overlaps it
        kind = m.group().strip().lower()
        stop = _name_end(text, m.end(), e, m.group().startswith(_NAMED_KINDS),
                         kind in ("phường", "quận"),  # "Phường 1" of two districts
                         kind in _PLACE_KINDS)
        joined = _NAME_PARTS.match(text, stop, e) if stop > m.end() else None  # ", Thể thao và Du lịch"
        if joined and all(part.strip()[:1].isupper() for part in re.split(r",|\svà\s", joined.group(0))[1:]):
            stop = joined.end()
        inside = [k for k in known if m.start() < k.start and k.end <= stop and k.bare]
        if inside and not m.group().startswith(_NAMES_WITH_PARTS):  # "huyện Lộc Hà và Hương Sơn": two units
            trimmed = re.sub(r"[\s,]*(?:và)?[\s,]*$", "", text[m.end():min(k.start for k in inside)])
            stop, inside = m.end() + len(trimmed), []
        if stop == m.end() or any(k.start < stop and m.start() < k.end for k in known if k not in inside):
            continue
        if inside:
            known = [k for k in known if k not in inside]
            starts = [k.start for k in known]
        out.append(Mention("", m.start(), stop, text[m.start():stop], False))
    return out, known


def from_predecessors(unknown: list[Mention], gazetteer: Gazetteer, province: str | None,
                      year: int | None, folded: str) -> list[Mention]:
    """Unknown names that are units of a province merged into ``province`` ("huyện Chợ Mới (cũ)" of Bắc Kạn in
    a Thái Nguyên story of 2024): resolved there when the text (``folded``) names that province and exactly
    one such province has them in ``year``."""
    older = _named_predecessors(gazetteer, province, folded)
    if not older or year is None:
        return unknown
    out = []
    for m in unknown:
        found = {u.unit_id for u in (gazetteer.resolve(m.text, p, year) for p in older) if u is not None}
        out.append(Mention(found.pop(), m.start, m.end, m.text, False) if len(found) == 1 else m)
    return out


def _named_predecessors(gazetteer: Gazetteer, province: str | None, folded: str) -> list[str]:
    """The provinces merged into ``province`` that the text (``folded``) names."""
    return [p for p in _predecessors(gazetteer, province) if fold(p) in folded]


@lru_cache(maxsize=64)
def _predecessors(gazetteer: Gazetteer, province: str | None) -> tuple[str, ...]:
    """The provinces merged into ``province`` (Bắc Kạn into Thái Nguyên in 2025)."""
    own = {u.unit_id for u in gazetteer.provinces() if u.province == province}
    return tuple(sorted(u.province for u in gazetteer.provinces() if u.successor_id in own and u.province != province))


_NUMBERED_LIST = re.compile(r"\b[Qq]uận\s+\d{1,2}((?:\s*,\s*\d{1,2})*\s*(?:,|và|,\s*và)\s*\d{1,2})\b(?![.,]\d|\s*%)")
_NUMBER = re.compile(r"\d{1,2}")


def numbered_districts(text: str, s: int, e: int, mentions: list[Mention], gazetteer: Gazetteer,
                       province: str | None, year: int | None) -> list[Mention]:
    """Mentions with the numbered districts a list names after the first ("các quận 4, 6 và 11": Quận 6 and
    Quận 11 too), where the province has them (Hồ Chí Minh)."""
    added = []
    for m in _NUMBERED_LIST.finditer(text, s, e):
        for n in _NUMBER.finditer(m.group(1)):
            unit = gazetteer.resolve(f"Quận {n.group()}", province, year) if province else None
            start = m.start(1) + n.start()
            if unit is not None and not any(k.start <= start < k.end for k in mentions):
                added.append(Mention(unit.unit_id, start, start + len(n.group()), n.group(), False))
    return sorted(mentions + added, key=lambda k: k.start) if added else mentions



_CITY_BEFORE = re.compile(r"(?:\btp\.?|\bthành phố)\s*$")


def old_cities(low: str, mentions: list[Mention], gazetteer: Gazetteer, province: str | None, year: int | None,
               folded: str) -> list[Mention]:
    """"TP. Trà Vinh (cũ)" in a Vĩnh Long story of 2025: the city of a province merged into ``province`` (which
    the text names), not that province."""
    out = mentions
    older = None
    for k, m in enumerate(mentions):
        if ":" in m.unit_id or year is None or not _CITY_BEFORE.search(low, max(0, m.start - 12), m.start):
            continue
        unit = gazetteer.units.get(m.unit_id)
        if unit is None or unit.unit_kind != "province" or fold(unit.name_vi).startswith("thanh pho"):
            continue
        older = _named_predecessors(gazetteer, province, folded) if older is None else older
        found = {u.unit_id for u in (gazetteer.resolve(f"Thành phố {m.text}", p, year) for p in older) if u is not None}
        if len(found) == 1:
            out = [*out[:k], Mention(found.pop(), m.start, m.end, m.text, False), *out[k + 1:]]
    return out


def name_tails(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Without the place names that go on a body's name ("Ban Quản lý Khu kinh tế Nghi Sơn và các khu công
    nghiệp"): a name written bare right after a department's is part of it, not the town of that name; so is the
    province after a department or an agency of the centre ("Sở Nội vụ tỉnh Hải Dương", "Kho bạc Nhà nước Hà
    Tĩnh")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit_id and m.start > prev.end and not text[prev.end:m.start].strip()
                and (unit := gazetteer.units.get(prev.unit_id)) is not None and (
                    (m.bare and unit.unit_kind == "department")
                    or (unit.unit_kind in ("department", "central_agency") and m.unit_id
                        and gazetteer.units[m.unit_id].unit_kind == "province"))):
            continue
        out.append(m)
    return out


# A unit named by its kind word alone: "Sở đã vươn lên dẫn đầu", "Huyện chỉ đứng sau A và B", "Điểm điều tra của
# huyện đạt", "sự phục vụ của UBND huyện đạt", "Chỉ số CCHC của huyện ta" (a district portal: its own district)
_KIND_WORDS = {"sở": "sở ", "huyện": "huyện ", "quận": "quận ", "thị xã": "thị xã ", "thành phố": "thành phố ",
               "phường": "phường ", "xã": "xã "}
_KIND_ALONE = re.compile(
    r"(?<!\w)(?:(?:ubnd|ủy ban nhân dân)\s+)?(sở|huyện|quận|thị xã|thành phố|phường|xã)(?:\s+(ta|nhà|mình)\b"
    r"|(?:\s+(?:này|đó))?(?=\s+(?:(?:đã|chỉ|cũng|vẫn|luôn|tiếp tục|hiện|năm nay|nay)\s+)*(?:đạt|xếp|đứng|có|được|vươn"
    r"|tăng|giảm|giữ"
    r"|nằm|dẫn đầu|thuộc|là|lọt|về)\b))")


_KIND_LISTED = re.compile(rf"(?:{KIND_NOUNS}|thị trấn)\s*(?:,|và|&)\s*$")  # "các huyện, thị xã, thành phố"

# an English subject standing for the unit named before: "The city's SIPAS reached ...", "Its satisfaction index
# ...", "The province ranked ..."
_EN_FIGURE_VERBS = ("reached", "stood", "scored", "ranked", "came", "rose", "fell", "climbed", "dropped", "slipped",
                    "moved", "placed", "finished", "achieved", "earned", "been")  # "It had been 33rd in 2019"
_EN_REFERENCE = re.compile(r"(?:the\s+(?:[a-z-]+\s+){0,3}?(city|province|district|ministry|department)(?:'s|’s)?"
                           r"|its)(?=\s+(?:[^\s,;.]+\s+){0,8}?(" + "|".join(_EN_FIGURE_VERBS)
                           + r"|was|were|got|had|has|also|remained)\b)"
                           # "It had ranked 15th in 2021", "It scored 84.7 points": the unit named last
                           r"|it(?=\s+(?:(?:had|has|also|then)\s+)?(" + "|".join(_EN_FIGURE_VERBS) + r")\b)")
_EN_KINDS = {"city": "province", "province": "province", "district": "district", "ministry": "ministry",
             "department": "department"}
_YEAR_FIRST = re.compile(r"(?:trong\s+)?năm\s+(?:19|20)\d\d\s+")


def kind_references(text: str, low: str, s: int, e: int, mentions: list[Mention], recent: dict[str, str],
                    own: dict[str, str], gazetteer: Gazetteer, earlier: dict[str, str] | None = None) -> list[Mention]:
    """The sentence's mentions, with a unit its kind word alone stands for, as written at the sentence's start
    (or after a fronted phrase) or after "của": a unit of that kind the sentence named before it, else the last
    one its paragraph named (``recent``: kind word -> unit_id), else the one the headline named (``own``: a
    portal's own district or commune); "huyện ta", "xã nhà": the headline's first. An English one ("The province
    ..."), else the last unit of its kind figures were read for before (``earlier``).

    Example:
        >>> from flows.gazetteer import Gazetteer
        >>> low = "huyện chỉ đứng sau a và b."
        >>> [m.unit_id for m in kind_references(low, low, 0, len(low), [], {"huyện ": "kp"}, {}, Gazetteer({}, []))]
        ['kp']
    """
    lead = len(low[s:e]) - len(low[s:e].lstrip(" \"'“-–•*+"))
    starts = [s + lead]  # where such a subject may stand: the sentence's start, after a fronted phrase, after "của"
    if opening := _YEAR_FIRST.match(low, s + lead, e):  # "Năm 2021 huyện xếp thứ 5": after a year with no comma
        starts.append(opening.end())
    for word in (", ", "của "):
        at = low.find(word, s, e)
        while at >= 0:
            starts.append(at + len(word))
            at = low.find(word, at + 1, e)
    found = []
    english = _EN_REFERENCE.match(low, s + lead, e)  # "The city's SIPAS reached 81.79 percent, ranking it 29th"
    if english and not any(k.start < english.end() for k in mentions):
        kind = _EN_KINDS.get(english.group(1) or "", "*")
        # "The province scored ...": the one its paragraph named, else the last one figures were read for before;
        # "The city ...": the last city named ("Ha Long City", "Hanoi"), not a province named after it
        verb = english.group(2) or english.group(3)
        unit_id = (english.group(1) == "city" and recent.get("thành phố ")) or recent.get(kind) or (
            (earlier or {}).get(kind) if verb in _EN_FIGURE_VERBS else None)
        if unit_id:
            found.append(Mention(unit_id, english.start(), english.end(), text[english.start():english.end()], True))
    for start in starts:
        m = _KIND_ALONE.match(low, start, e)
        if m is None or (low.startswith(", ", start - 2) and any(k.start < m.start() for k in mentions)):
            continue  # "Từ vị trí thứ 9 năm 2019, Sở đã vươn lên": after a fronted phrase, the subject too
        if _KIND_LISTED.search(low, max(s, m.start() - 12), m.start()):
            continue  # "các huyện, thị xã, thành phố đạt 89,2%", "63 tỉnh, thành phố là": the kinds of a bloc
        kind = _KIND_WORDS[m.group(1)]
        before = next((k.unit_id for k in reversed(mentions) if k.end <= m.start() and _kind_of(gazetteer, k.unit_id)
                       == kind), None)
        unit_id = (own.get(kind) or recent.get(kind)) if m.group(2) else before or recent.get(kind) or own.get(kind)
        if unit_id and ":" not in unit_id and any(":" not in k.unit_id and k.unit_id != unit_id for k in mentions):
            continue  # "Hà Nội ..., chỉ sau Thành phố Hồ Chí Minh; Chỉ số SIPAS của thành phố": which city is the
            # document's province's to say (``ranked_mentions``)
        if unit_id and not any(k.start < m.end() and m.start() < k.end for k in mentions):
            found.append(Mention(unit_id, m.start(), m.end(), text[m.start():m.end()], True))
    return sorted([*mentions, *found], key=lambda k: k.start) if found else mentions


def is_reference(m: Mention) -> bool:
    """Whether a mention is a kind word alone standing for a unit named before ("huyện", "thành phố")."""
    return m.bare and m.text.lower() in _KIND_WORDS


@lru_cache(maxsize=4096)
def _kind_of(gazetteer: Gazetteer, unit_id: str | None) -> str | None:
    """The kind word a unit's name starts with ("huyện "), if one of ``_KIND_WORDS``."""
    unit = gazetteer.units.get(unit_id) if unit_id else None
    name = unit.name_vi.lower() if unit else ""
    return next((k for k in _KIND_WORDS.values() if name.startswith(k)), None)


def remember_kinds(mentions: list[Mention], gazetteer: Gazetteer, recent: dict[str, str]) -> None:
    """Note the last unit of each kind a sentence names, by its kind word ("huyện ") and by its kind ("province"),
    and the last unit it names ("*") (in place)."""
    for m in mentions:
        kind = _kind_of(gazetteer, m.unit_id)
        if kind:
            recent[kind] = m.unit_id
        unit = gazetteer.units.get(m.unit_id)
        if unit is not None:
            recent[unit.unit_kind] = recent["*"] = m.unit_id
