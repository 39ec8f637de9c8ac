"""Lexical scan of an announcement: the figures and cue words, with their offsets.

Each rule describes a construction of the language, not a sentence of a document. Rules run in
priority order over the lowercased NFC text and never overlap: what a stronger rule took (a date,
a bound "trên 80 điểm", a count "14/15 quận, huyện", a change "tăng 0,81 điểm") cannot be read
again as a score or a rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from flows.numerals import ORDINAL_PATTERN, parse_decimal, parse_ordinal, words_to_int
from flows.textnorm import fold

NUM = r"\d+(?:[.,]\d+)?"
_SMALL = r"(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_ORD = ORDINAL_PATTERN
_POINTS = r"(?:%\s*điểm|điểm|%)"
_AFTER_ONE = r"(?![^,.;:()]{0,70}?\s(?:lần lượt\s+|theo thứ tự\s+)?là\b)"  # "... sau A (lần lượt) là B, C"
_NOUNS = (r"(?:đơn vị cấp huyện|đơn vị cấp xã|đơn vị|sở,?\s*ban,?\s*ngành|sở,?\s*ngành|sở|cơ quan|quận,?\s*huyện"
          r"|quận|huyện|thị xã|địa phương|xã,?\s*phường(?:,?\s*thị trấn)?|phường,?\s*xã|xã|phường"
          r"|tỉnh,?\s*thành(?: phố)?|tỉnh|bộ,?\s*ngành|bộ|ngành|vị trí)")


_NUM, _MINUS, _PER_100 = re.compile(NUM), re.compile(r"\s*-\d"), re.compile(r"/\s*100")
_NOT_A_YEAR = r"(?!(?<=năm )(?:19|20)\d\d(?![.,]\d))"  # "năm 2019 và 92,45 điểm": no score list from the year
_SEP = r"\s*(?:,\s+|;\s*|\s+và\s+)"  # between the scores of a list
_PER_100_POINTS = r"\s*(?:/\s*100\s*)?" + _POINTS
# "ba đơn vị dẫn đầu", "5 xã dẫn đầu", "3 tỉnh xếp cuối"
_RANKED = (r"(?:vị trí|đơn vị|địa phương|sở,?\s*ngành|sở|quận,?\s*huyện|huyện|xã,?\s*phường|phường,?\s*xã|xã|phường"
           r"|cơ quan|tỉnh,?\s*thành phố|tỉnh)")


def _first_char_first(words: list[str], after: str, alone: str | None, check: str = "") -> str:
    """``(?:w1|w2|...)after`` (plus the bare ``alone`` word) written to start with the class of the words'
    first characters, which lets the regex engine skip to the next candidate: ``[vx](?:(?<=v)ị...|(?<=x)ếp...)``.
    The same matches, tried in the same order; ``check`` is asserted after the first character.

    Example:
        >>> _first_char_first(["vị trí", "xếp"], " ", "t")
        '[vxt](?:(?<=v)ị trí |(?<=x)ếp |(?<=t))'
    """
    firsts = "".join(dict.fromkeys(w[0] for w in words + ([alone] if alone else [])))
    alternatives = [f"(?<={w[0]}){w[1:]}{after}" for w in words] + ([f"(?<={alone})"] if alone else [])
    return f"[{firsts}]{check}(?:" + "|".join(alternatives) + ")"


@dataclass(frozen=True)
class Token:
    """One figure or cue: ``kind`` says which; ``value`` carries what it means."""

    kind: str
    start: int
    end: int
    value: Any = field(default=None, compare=False)


def _new_token(kind: str, start: int, end: int, value: Any) -> Token:
    """``Token(kind, start, end, value)`` without the frozen dataclass's per-field ``object.__setattr__``."""
    token = object.__new__(Token)
    token.__dict__.update(kind=kind, start=start, end=end, value=value)
    return token


def _rank_list(text: str) -> list[int]:
    return list(_ranks_in(text))


@lru_cache(maxsize=4096)
def _ranks_in(text: str) -> tuple[int, ...]:
    """The ranks an ordinal list spells ("thứ 5, 6 và 7"); the same few are written in every text."""
    return tuple(r for r in (parse_ordinal(m) for m in _ord_any().findall(text)) if r is not None)


@lru_cache(maxsize=1)
def _ord_any() -> re.Pattern:
    """Ordinals with or without diacritics ("thứ nhất", "thu nhat")."""
    folded = "".join(c if c.isascii() else fold(c) for c in _ORD)
    return re.compile(r"(?<!\w)(?:" + _ORD + "|" + folded + r")(?!\w)")


def _small(word: str) -> int | None:
    return int(word) if word.isdigit() else words_to_int(word)


def _rank_range(m: re.Match) -> dict:
    low, high = parse_ordinal(m.group("a")), parse_ordinal(m.group("b"))
    ranks = list(range(low, high + 1)) if low and high and 0 < high - low < 30 else []
    return {"ranks": ranks, "tied": False, "of": None}


# more years listed after one: "2018, 2019", "2018 và năm 2019"; not ", năm 2020 xếp thứ 2" (the next clause's)
_INDEX_NAMES = ("index", "cchc", "sipas", "par", "pci", "papi", "ddci", "dti")  # written before a bare year
_MORE_YEARS = r"(?:(?:\s*,\s*(?:và\s+(?:năm\s+)?)?|\s+và\s+(?:năm\s+)?)(?:19|20)\d\d\b(?!\s*[-–]))*"


def year_span(m: re.Match) -> dict:
    """The years a range runs over: {"first": 2016, "last": 2020}; "last" None for "đến nay" / "to now"."""
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(0))]
    return {"first": years[0], "last": years[1] if len(years) > 1 else None}


def _also(m: re.Match) -> dict:
    """The years listed after the first ("năm 2018 và 2019", "(2018, 2019)"): {"also": [2019]}, or nothing."""
    more = [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group("also"))]
    return {"also": more} if more else {}


def _numbers(text: str) -> list[float]:
    """The numbers of a score list; a minus written before the first one makes it negative ("-12,5 điểm")."""
    values = [parse_decimal(n) for n in _NUM.findall(text)]
    if values and _MINUS.match(text):
        values[0] = -values[0]
    return values


def _count(m: re.Match) -> dict:
    n = m.group("n")
    return {"count": int(n) if n.isdigit() else words_to_int(n), "of": int(m.group("of")) if m.group("of")
            else None, "member": m.group("member") is not None, "noun": m.group("noun")}


def _bound(m: re.Match) -> dict:
    word = m.group("w")
    low, high = (_numbers(m.group("a")) + [None])[0], None
    if m.groupdict().get("b"):
        high = parse_decimal(m.group("b"))
        return {"min": low, "max": high, "op": "below" if m.group("below") else "between"}
    if fold(word) in ("duoi", "khong qua", "chua den", "chua toi", "thap hon"):
        return {"min": None, "max": low, "op": "<"}
    return {"min": low, "max": None, "op": ">=" if fold(word) in ("tu", "it nhat", "toi thieu", "khong duoi") else ">"}


def _move(m: re.Match) -> int:
    size = m.group("n")
    steps = int(size) if size.isdigit() else words_to_int(size) or 0
    return -steps if fold(m.group("dir")) in ("tut", "giam", "xuong", "tut xuong", "lui") else steps


def _ranks(m: re.Match) -> dict:
    body = m.group(0)
    ranks = _rank_list(m.group("ords"))
    return {"ranks": ranks, "tied": fold(body).startswith("dong"), "of": int(m.group("of")) if m.group("of") else None}


RATINGS = ("không hoàn thành nhiệm vụ", "hoàn thành xuất sắc nhiệm vụ", "hoàn thành tốt nhiệm vụ",
           "hoàn thành nhiệm vụ")


def _rating(m: re.Match) -> str:
    """The rating phrase as the methodology writes it, also when the text has no diacritics."""
    return next(r for r in RATINGS if fold(r) == fold(m.group(0)))


# (kind, pattern, value builder). Order is priority.
_RULES: list[tuple[str, str, Any]] = [
    # dates, times. "\d(?<!\w\d)" is "\b\d" written so that the regex engine can skip to the next digit
    ("mask", r"\d(?<!\w\d)(?:\d?[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\d?[:h]\d{2}\b)", None),
    ("mask", r"\d(?<!\w\d)\d*/\d*[a-zđ][\w\-/.]*", None),  # decision numbers 1091/QĐ-UBND
    ("mask", r"0(?<!\w0)(?:\d{1,3}[.\- ]?\d{2,4}[.\- ]\d{3,4}(?:[.\- ]\d{2,4})?\b|\d{2,3}-\d{4,8}\b)", None),  # phones
    ("mask", r"\S+@\S+|https?://\S+|\bwww\.\S+|\b[\w-]+\.(?:gov|com|org|net|edu)\.vn\b", None),
    # "dẫn đầu năm thứ ba liên tiếp": the same place the years before too
    # (not "năm thứ 10 liên tiếp tỉnh nằm trong nhóm 10 địa phương dẫn đầu": a place in a group each year, no rank)
    ("streak", r"năm\s+thứ\s+(?P<n>" + _ORD + r")\s+liên tiếp(?![^.;]{0,40}?\b(?:trong|vào|lọt)\s+(?:nhóm|top|tốp)\b)",
     lambda m: {"years": parse_ordinal(m.group("n"))}),
    ("mask", r"(?:năm|lần|kỳ|khóa|khoá|đợt|quý|tháng|ngày|vào|sáng|chiều|tối)\s+thứ\s+" + _ORD, None),
    # when a unit was founded, not the year of its figures: "Ban Quản lý An toàn thực phẩm (thành lập năm 2017)"
    ("mask", r"(?:thành lập|hình thành|ra đời|đi vào hoạt động|thí điểm)(?:\s+(?:từ|vào|trong|từ tháng \d{1,2}))?\s+"
             r"(?:năm\s+)?(?:19|20)\d\d\b", None),
    # survey forms, not a score: "thu về 6.712 phiếu hợp lệ (đạt 98%)", "tỷ lệ phiếu hợp lệ đạt 97,5%"
    ("mask", r"phiếu(?:\s+[^\W\d]+){0,4}?\s*\(?\s*(?:(?:đạt|bằng|chiếm|là)\s+)?(?:tỷ lệ\s+)?" + NUM + r"\s*%", None),
    # averages ("thấp hơn giá trị trung bình của cả nước (84,41%)"), not the grade "loại Trung bình" nor a band's
    # heading ("- Trung bình: Sở A (68,10 điểm)")
    # and the whole province's figure over its units ("tỷ lệ chung toàn tỉnh đạt 87,1%")
    ("mask", r"(?<!loại )(?<!nhóm )(?<!mức xếp loại )(?<!xếp mức )(?:trung bình(?!\s*:)|bình quân"
             r"|chung(?:\s+của)?\s+(?:toàn\s+)?(?:tỉnh|thành phố)"
             # a bloc's general figure opening its clause ("Khối huyện: mức độ hài lòng chung đạt 88,6%"), not a
             # unit's ("quận A xếp thứ nhất với mức độ hài lòng chung 95,6%")
             r"|(?:(?<=: )|(?<=; )|(?<=^)|(?<=\n))(?:mức độ|tỷ lệ|chỉ số) hài lòng chung)"
             r"[^.;()]{0,60}?\(?\s*" + NUM + r"\s*" + _POINTS,
     None),
    # a gap, not a score: "chỉ thiếu 0,1 điểm để đạt loại Xuất sắc", "chỉ cách nhau 0,01 điểm", "cách biệt 12,3 điểm"
    # ... "cách đơn vị đứng đầu 13,69 điểm", "cách thành phố Cao Bằng 11,76 điểm", "chỉ kém 0,66 điểm"
    ("mask", r"(?:thiếu|cách biệt|cách nhau|chênh lệch|chênh nhau|khoảng cách(?:\s+\w+){0,15}?\s+(?:là|còn)|kém"
             r"|(?<!phường )(?<!xã )(?<!trấn )\bcách\s+(?:đơn vị|địa phương|sở|huyện|quận|thị xã|thành phố|tỉnh"
             r"|phường|xã|vị trí|mức|hạng)\b[^\d.;,()]{0,50}?)\s+"
             r"(?:chỉ\s+|khoảng\s+|gần\s+|hơn\s+|chưa đến\s+)?" + NUM + r"\s*" + _POINTS, None),
    # "trong đó 79% nộp trực tuyến", "95% hồ sơ được giải quyết đúng hạn": a rate of the work
    ("mask", NUM + r"\s*%\s+(?:(?:số\s+)?hồ sơ\s+)?(?:được\s+)?(?:nộp|giải quyết|tiếp nhận|trực tuyến|đúng hạn|trễ hạn"
             r"|quá hạn|thanh toán|số hóa)\b", None),
    # a share of the index, not a score: "điểm điều tra xã hội học chiếm 30/100 điểm", "chiếm tỷ trọng 35%"
    ("mask", r"chiếm\s+(?:tỷ trọng\s+|tỉ trọng\s+)?(?:khoảng\s+)?" + NUM + r"\s*(?:/\s*\d{1,3}\s*)?" + _POINTS, None),
    # a rate of the work, not satisfaction: "tỷ lệ số hóa hồ sơ cao nhất (87%)", "tỷ lệ hồ sơ trực tuyến đạt 71%"
    ("mask", r"tỷ lệ\s+(?!(?:người dân\s+)?hài lòng)[^.;()%\d]{0,50}?(?:hồ sơ|số hóa|giải quyết|trực tuyến|thanh toán"
             r"|dịch vụ công|phiếu|đúng hạn|trễ hạn|quá hạn|giải ngân|chữ ký số|tài khoản|tiếp nhận)[^.;%\d]{0,40}?"
             + NUM + r"\s*%", None),
    ("mask", r"\b\d+(?:[.,]\d+)?\s*°\s*c\b|độ ẩm:?\s*\d+\s*%|(?:lượt xem|lượt truy cập|số lượt truy cập|lượt đọc)"
             r":?\s*[\d.,]+", None),  # weather widgets, view counters
    # a breakdown of a total ("trong đó có 2,5 điểm thưởng", "trong đó điểm điều tra xã hội học đạt 28,6/35")
    ("mask", r"trong đó[^.;()]{0,40}?(?:điểm thưởng|điểm cộng|điểm trừ|điểm điều tra|điểm tự đánh giá|điểm thẩm định"
             r"|điểm đánh giá|lĩnh vực|tiêu chí|chỉ số thành phần)[^.;()]*", None),  # "..., trong đó lĩnh vực ... đạt"
    ("mask", r"mức độ hoàn thành nhiệm vụ", None),  # the assessment's name, not a rating
    # "một trong những địa phương dẫn đầu": one of the leaders is no rank
    ("mask", r"một trong (?:những|các|số)\s+(?:\w+\s+){0,3}?(?:dẫn đầu|đứng đầu|xếp đầu|cao nhất|xếp cuối|thấp nhất)",
     None),
    # the first or last of a region or a grade group, not of the ranking: "cao nhất trong nhóm 13 tỉnh",
    # "dẫn đầu khu vực miền Trung", "dẫn đầu nhóm đạt loại Tốt" (not "dẫn đầu nhóm các sở": a bloc)
    ("mask", r"(?:dẫn đầu|đứng đầu|xếp đầu|cao nhất|thấp nhất|xếp cuối|đứng cuối)\s+(?:(?:trong|của|ở|tại)\s+)?"
             r"(?:vùng|khu vực|miền|nhóm(?=\s*(?:\d|đạt|loại|xếp loại|xuất sắc|tốt|khá|trung bình|với|[,.;)]|$))"
             r"|nhóm$)", None),
    # a place in a region, not in the ranking: "đứng thứ 5 trong khu vực đồng bằng sông Hồng", "Trong khu vực
    # Đồng bằng sông Cửu Long, Bến Tre đứng thứ 2"; "cao nhất từ trước đến nay": the best year, not first place
    ("mask", r"(?:(?:đứng|xếp)\s+)?(?:thứ|vị trí thứ|hạng)\s+" + _ORD
             + r"\s+(?:(?:trong|của|ở|tại)\s+)?(?:các tỉnh\s+)?(?:vùng|khu vực|miền)\b"
             r"|(?:^|(?<=[.;\n]))\s*(?:trong|ở|tại|so với các tỉnh)\s+(?:vùng|khu vực|miền)\b[^.;]{0,100}?"
             r"(?:đứng|xếp)\s+(?:ở\s+)?(?:vị trí\s+)?(?:thứ\s+)?" + _ORD
             + r"(?!\s*(?:/\s*\d|(?:trên |trong )?(?:cả nước|toàn quốc)))"  # not "xếp thứ 3 cả nước": the nation's
             + r"|cao nhất(?:\s+của\s+[^\s,.;]+(?:\s+(?:ta|nhà|mình))?)?\s+(?:từ trước (?:đến|tới) nay|trong lịch sử"
               r"|kể từ|từ khi|từ năm)", None),
    # the top n listed: "Top 3 gồm: A, B và C", "Lọt vào tốp 3 là A, B, C", "A, B và C là top 3 của năm 2019"
    ("top", r"(?:(?:\blọt\s+)?\bvào\s+|\blà\s+)?\b(?:top|tốp)\s+(?P<n>\d{1,2}|ba|bốn|năm|sáu|bảy|tám|chín|mười)\b"
            r"(?:\s+" + _RANKED + r")?(?:\s+(?:dẫn đầu|đứng đầu|đầu|cao nhất))?(?=\s*(?:gồm|bao gồm|là|:))"
            r"|(?<=\blà )(?:top|tốp)\s+(?P<m>\d{1,2}|ba|bốn|năm|sáu|bảy|tám|chín|mười)\b",
     lambda m: {"count": _small(m.group("n") or m.group("m"))}),
    # "TX. Ba Đồn và huyện Quảng Ninh hoàn thành top 3": the last places of the top three
    ("ranks", r"(?:hoàn thành|hoàn tất|khép lại|đóng lại)\s+(?:nhóm\s+)?(?:top|tốp)\s+(?P<n>\d{1,2}|ba|bốn|năm|sáu|bảy"
              r"|tám|chín|mười)\b",
     lambda m: {"ranks": [_small(m.group("n"))], "tied": False, "of": None, "tail": True}),
    # the first of a band, not of the ranking: "Nhóm B (từ 80% đến 90%) gồm 11 đơn vị, trong đó đứng đầu nhóm là A"
    ("mask", r"(?:đứng|xếp|dẫn)\s+đầu\s+(?:trong\s+)?nhóm\b(?:\s+(?:này|[a-dA-D]\b|khá|tốt|xuất sắc|trung bình))?",
     None),
    # a place among a group, not a rank: "trong nhóm 10 địa phương dẫn đầu", "lọt vào tốp 10", "nằm trong tốp đầu"
    ("mask", r"(?:trong|thuộc|vào|lọt|góp mặt ở|ở)\s+(?:nhóm|tốp|top|danh sách)\s+(?:(?:\d{1,2}|" + _SMALL
             + r")\s+)?(?:(?:đơn vị|địa phương|tỉnh,\s*thành(?:\s+phố)?|tỉnh|sở, ngành|sở|bộ, ngành|bộ|cơ quan"
             r"|quận, huyện"
             r"|huyện|xã|phường)\s+)?(?:(?:có\s+)?(?:chỉ số|điểm(?: số)?|kết quả|mức độ hài lòng)\s+)?"
             r"(?:dẫn đầu|đứng đầu|xếp đầu|đầu|cao nhất|xếp cuối|cuối|thấp nhất)?", None),
    # "Quảng Trị đứng sau Hà Tĩnh (thứ 25)": behind the one named next, not the next place of a list
    # ("đứng đầu là A, xếp sau là B", "A dẫn đầu, B đứng sau")
    ("mask", r"(?:chỉ\s+)?(?:đứng|xếp)\s+(?:ngay\s+)?sau(?=\s+(?!là\b|lần lượt|đó\b|cùng\b|với\b|nữa\b)[^\W\d])"
             + _AFTER_ONE, None),
    # "Sau Quảng Ninh (lần lượt) là A, B và C", "Xếp sau Sở Tư pháp là Sở Nội vụ": the places after one named
    ("next", r"(?:(?:xếp|đứng)\s+(?:ngay\s+)?)?(?<!\w)sau(?=\s+[^\W\d][^,.;:()]{0,70}?\s(?:lần lượt\s+|theo thứ tự\s+)?"
             r"là\b)", None),
    # a place on another scale, not the unit's: "nếu quy đổi sang thang 34 địa phương, ... tương đương vị trí thứ 17"
    ("mask", r"(?:nếu|khi)\s+quy đổi[^.;]*|tương đương (?:với\s+)?(?:vị trí|hạng|thứ)[^.;,]*", None),
    # a maximum, not a score: "điểm thẩm định (tối đa 68 điểm)", "thang điểm 100"
    ("mask", r"(?:tối đa|thang điểm)\s+(?:(?:vẫn|chỉ|đều|sẽ)\s+)?(?:là\s+|bằng\s+)?\d+(?:[.,]\d+)?\s*(?:điểm)?",
     None),  # "tổng điểm tối đa vẫn là 100 điểm"
    # another unit's place as a reference: "thấp hơn 16,85 điểm so với đơn vị dẫn đầu"
    ("mask", r"so với (?:các\s+)?(?:đơn vị|địa phương|sở|ngành|huyện|quận|xã|phường|tỉnh)?\s*(?:xếp |đứng )?"
             r"(?:dẫn đầu|đứng đầu|đầu bảng|cao nhất|xếp cuối|đứng cuối|cuối bảng|thấp nhất)", None),
    # a self-assessed score beside the appraised one: "tự chấm 95,5 điểm, sau thẩm định đạt 92,36 điểm"
    ("mask", r"(?:tự chấm(?: điểm)?|tự đánh giá|điểm tự đánh giá|điểm tự chấm)(?:\s+(?:là|đạt|được))?\s*:?\s*"
             + NUM + r"\s*(?:điểm|/\s*100)?", None),
    # "dù mất ngôi đầu", "nhường vị trí dẫn đầu cho": a first place lost, no first place
    ("mask", r"(?:mất|đánh mất|để mất|nhường(?:\s+lại)?)\s+(?:ngôi đầu|ngôi vị dẫn đầu|ngôi vương|vị trí dẫn đầu"
             r"|vị trí đứng đầu|vị trí số 1|vị trí thứ nhất)", None),
    # "đơn vị có mức tăng điểm cao nhất", "cải thiện thứ hạng nhiều nhất": the biggest change, not the first place
    ("mask", r"(?:(?:mức|số|điểm)\s+)?(?:tăng|giảm|cải thiện|tiến bộ|tụt)(?:\s+(?:điểm|bậc|hạng|thứ hạng|điểm số))?"
             r"\s+(?:cao|lớn|nhiều|mạnh|sâu|rõ rệt|rõ|vượt bậc)\s+nhất", None),
    # "đứng đầu 3 năm liên tiếp (2021 - 2023)": the places of those years, not this year's first place
    ("mask", r"(?:dẫn đầu|đứng đầu|xếp đầu)\s+(?:\d+|hai|ba|bốn|năm)\s+năm\s+(?:liên tiếp|liền)\s*\(\s*(?:19|20)\d\d"
             r"\s*[-–]\s*(?:19|20)\d\d\s*\)", None),
    # "2 năm liền xếp cuối", "dẫn đầu ba năm liên tiếp": as many years in a row in the place named beside it (not
    # "3 năm liền nằm trong tốp 5")
    ("streak", r"(?:(?<=đầu )|(?<=cuối )|(?<=bảng )|(?<=nhất ))(?P<n>[2-9]|hai|ba|bốn)\s+năm\s+(?:liền|liên tiếp)\b"
               r"|(?<!\w)(?P<n2>[2-9]|hai|ba|bốn)\s+năm\s+(?:liền|liên tiếp)(?=\s+(?:(?:đều|cùng|đã)\s+)?(?:đứng|xếp"
               r"|dẫn đầu|giữ|ở\s+vị\s+trí|ở\s+cuối)\b)",
     lambda m: {"years": int(n) if (n := m.group("n") or m.group("n2")).isdigit() else words_to_int(n)}),
    # "2015 - 2019", "từ năm 2015 đến nay"; not "năm 2015 - năm nay" (a dash, then this year)
    ("year_range", r"(?:từ\s+(?:khi\s+)?)?(?:năm\s+)?((?:19|20)\d\d)\s*(?:(?:-|–)\s*(?:năm\s+(?:19|20)\d\d"
                   r"|(?:19|20)\d\d|nay)|(?:đến|tới)\s*(?:năm\s+)?(?:(?:19|20)\d\d|nay))\b", year_span),
    ("bound", r"(?P<w>từ)\s+(?P<a>" + NUM + r")\s*(?:điểm|%)?\s*(?:-|–|đến|tới)\s*(?P<below>dưới\s+)?(?P<b>" + NUM
              + r")\s*" + _POINTS, _bound),
    ("bound", r"(?P<w>từ|ít nhất|tối thiểu|không dưới)\s+(?P<a>" + NUM + r")\s*" + _POINTS + r"\s*trở lên",
     _bound),
    # (not a difference: "cao hơn 0,8 điểm phần trăm so với ...")
    ("bound", r"(?<!\w)(?<!cao )(?<!nhiều )(?<!ít )(?P<w>trên|hơn|vượt|dưới|không quá|chưa đến|chưa tới|thấp hơn)\s+"
              r"(?P<a>" + NUM + r")\s*" + _POINTS + r"(?!\s*(?:phần trăm|so với))", _bound),
    ("move", r"(?P<dir>vươn lên|tăng|lên|nhảy|cải thiện|tụt xuống|tụt|giảm|xuống|lùi)\s+(?:thêm\s+)?(?P<n>"
             + _SMALL + r")\s+(?:bậc|hạng|vị trí|thứ hạng)", _move),
    # "tăng 0,81 điểm", "cải thiện gần 4 điểm", "sụt giảm hơn 2 điểm": a change, not a score
    ("change", r"(?<!\w)(?:tăng|giảm|cải thiện|sụt giảm|sụt|cao hơn|thấp hơn|nhiều hơn|ít hơn|hơn|chênh lệch|chênh)\s+"
               r"(?:(?:thêm|được|gần|khoảng|xấp xỉ|trên|hơn)\s+){0,2}(?:so với\s+)?" + NUM + r"\s*" + _POINTS
               # (not a "+" that bullets a line: "+ 91,25 điểm - Sở Tư pháp - thứ 1")
               + r"|(?<!^)(?<!\n)(?<!\n )(?<!\n  )(?<!\n\t)[+−]\s?" + NUM + r"\s*" + _POINTS, None),
    # "xếp cuối 8/8": the last place, numbered
    ("ranks", r"(?:xếp|đứng)\s+(?:cuối|chót)(?:\s+bảng)?\s+(?:với\s+)?(?P<ords>\d{1,3})\s*/\s*(?P<of>\d{1,3})"
              r"\b(?![.,]\d)",
     lambda m: {"ranks": [int(m.group("ords"))], "tied": False, "of": int(m.group("of"))}),
    # a place counted from the end: "đứng áp chót" (one above the last), "thứ hai từ dưới lên"
    ("last", r"(?:(?:đứng|xếp|ở|là)\s+(?:ở\s+)?(?:vị trí\s+|hạng\s+)?)?(?:áp chót|kế cuối|sát cuối)(?:\s+bảng)?"
             r"|(?:(?:đứng|xếp|ở)\s+)?(?:vị trí\s+)?thứ\s+(?P<n>hai|ba|tư|bốn|năm|\d)\s+từ\s+(?:dưới|cuối)"
             r"(?:\s+bảng)?\s+lên|(?:xếp|đứng)\s+(?:ngay\s+)?trên(?=\s+(?:lần lượt\s+)?(?:là|đó là)\b)",
     lambda m: {"above": (parse_ordinal(m.group("n")) or 2) - 1 if m.group("n") else 1}),
    ("ranks", r"(?:các\s+)?(?:vị trí\s+)?từ\s+(?:vị trí\s+|hạng\s+)?(?:thứ\s+)?(?P<a>" + _ORD
              + r")(?:\s+(?:đến|tới)\s+|\s*[-–]\s*)(?:vị trí\s+|hạng\s+)?(?:thứ\s+)?(?P<b>" + _ORD  # "từ 1 - 3"
              + r")(?!\s*(?:điểm|%|[.,]\d))", _rank_range),
    # "Xếp thứ tư đến thứ sáu là ...": a range written without "từ"
    ("ranks", r"thứ\s+(?P<a>" + _ORD + r")\s+(?:đến|tới)\s+(?:vị trí\s+)?thứ\s+(?P<b>" + _ORD + r")(?!\s*(?:điểm|%))",
     _rank_range),
    ("ranks", r"á quân(?P<ords>)(?P<of>)", lambda m: {"ranks": [2], "tied": False, "of": None}),
    # "- Huyện Ninh Hải: 2/7 (83,40 điểm)", "Sở Giao thông vận tải 19/21 (73,44 điểm)": a place out of the bloc, bare
    ("ranks", r"(?<=[:\s])(?P<ords>\d{1,2})\s*/\s*(?P<of>\d{1,3})(?=\s*\(\s*\d{1,3}[.,]\d+\s*(?:điểm|%))", _ranks),
    # "Thành phố Tây Ninh: 90,21 điểm (1/9)": a place out of the bloc in brackets right after the score
    ("ranks", r"(?:(?<=điểm \()|(?<=điểm\()|(?<=% \()|(?<=%\())\s*(?P<ords>\d{1,2})\s*/\s*(?P<of>\d{1,3})\s*(?=\))",
     _ranks),
    # the number of a list item, "1. Sở Tư pháp: 93,5 điểm" (a listed rank: checked against the scores later)
    ("ranks", r"(?m)^[ \t]*(?P<ords>\d{1,3})[.)](?=[ \t]+\S)(?P<of>)",
     lambda m: {"ranks": [int(m.group("ords"))], "tied": False, "of": None, "listed": True}),
    # the number of an item of a list written inline, after a colon or a semicolon: "...: 1. Thị xã A, 92,35
    # điểm; 2. Huyện B, 90,8 điểm", "(1) Thị xã A ...; (2) Huyện B ..."
    ("ranks", r"(?<=[:;])[ \t]*(?:(?P<ords>\d{1,2})\.|\((?P<paren>\d{1,2})\))(?=[ \t]+[^\W\d])(?P<of>)",
     lambda m: {"ranks": [int(m.group("ords") or m.group("paren"))], "tied": False, "of": None, "listed": True,
                "inline": True}),
    ("ranks", r"đồng\s+hạng\s+(?:thứ\s+)?(?P<ords>" + _ORD + r")(?P<of>)", _ranks),
    ("ranks", r"đồng\s+(?:xếp|đứng)\s+(?:ở\s+)?(?:vị trí\s+|hạng\s+)?(?:thứ\s+)?(?P<ords>" + _ORD + r")(?P<of>)",
     _ranks),  # "A và B đồng xếp thứ hai với 87,66 điểm"
    ("ranks", _first_char_first(["vị trí", "hạng", "xếp", "đứng", "ở"], r"\s+(?:(?:vị trí|hạng|xếp|đứng|ở)\s+)*t", "t")
              + r"hứ\s+(?P<ords>" + _ORD + r"(?:\s*(?:,|và)\s*(?:thứ\s+)?"
              + _ORD + r"(?!\s+năm\b))*)(?:\s*(?:/|trong tổng số|trên tổng số|trong số|trên)\s*(?P<of>\d+))?",
     _ranks),  # (not "thứ 2, hai năm 2017 và 2018 ...": "two years")
    ("ranks", r"thứ hạng\s+(?P<ords>\d{1,3}(?:\s*(?:,|và)\s*\d{1,3})+)\b(?![.,]\d|\s*(?:điểm|%))(?P<of>)", _ranks),
    # not "Kết quả xếp hạng 20 sở": a count
    # "xếp 60/63", "đứng 57/63": a place out of the bloc, without "thứ" (not a date: "12/5/2020")
    ("ranks", r"(?<!\w)(?:xếp|đứng)\s+(?P<ords>\d{1,3})\s*/\s*(?P<of>\d{1,3})\b(?![.,/]\d)", _ranks),
    ("ranks", r"(?:xếp\s+)?hạng\s+(?P<ords>(?:\d{1,3}|nhất|nhì|ba|tư|năm(?=\s+năm\s+\d)"
              r"|năm(?!\s+(?:\d|nay|trước|ngoái|qua|liền|sau|kế|học|năm|của|thứ))|sáu|bảy|bẩy|tám|chín)"
              r"(?:\s*(?:,|và)\s*\d{1,3}(?![.,]\d))*)\b(?:\s*/\s*(?P<of>\d{1,3})\b)?"
              r"(?!\s+(?:sở|đơn vị|cơ quan|địa phương|huyện|quận|xã|phường|tỉnh|bộ)\b)", _ranks),
    ("ranks", r"\bvề\s+(?P<ords>nhất|nhì)\b(?P<of>)", _ranks),  # "Sở Tư pháp \"về nhất\" với 89,40 điểm"
    # "xếp vị trí 7", "từ vị trí 15 năm 2017": a place without "thứ" (not "vị trí số 1", a top)
    ("ranks", r"vị trí\s+(?P<ords>\d{1,3}(?:\s*(?:,|và)\s*\d{1,3}\b(?![.,]\d|\s*(?:điểm|%)))*)"
              r"(?:\s*/\s*(?P<of>\d{1,3}))?\b(?![.,]\d|\s*(?:điểm|%|/|trên|trong))",
     _ranks),
    ("top", r"\b(?P<n>" + _SMALL + r")\s+" + _RANKED
            + r"\s+(?:đầu|dẫn đầu|đứng đầu|cao nhất|đầu tiên|tốp đầu|top đầu)\b",
     lambda m: {"count": _small(m.group("n"))}),
    # "Xếp cuối 2 đơn vị là A và B", "Đứng đầu 3 huyện là ...": the n listed after it, not a bloc of n
    ("top", r"(?:(?:xếp|đứng)\s+đầu|dẫn đầu)(?:\s+bảng)?\s+(?:là\s+)?(?P<n>" + _SMALL + r")\s+" + _RANKED
            + r"(?=\s*(?::|là\b|gồm\b))", lambda m: {"count": _small(m.group("n"))}),
    ("last", r"(?:xếp|đứng)\s+cuối(?:\s+bảng)?\s+(?:là\s+)?(?P<n>" + _SMALL + r")\s+" + _RANKED
             + r"(?=\s*(?::|là\b|gồm\b))", lambda m: {"count": _small(m.group("n"))}),
    ("last", r"\b(?P<n>" + _SMALL + r")\s+" + _RANKED + r"\s+(?:cuối|xếp cuối|đứng cuối|cuối bảng|thấp nhất"
             r"|có điểm thấp nhất)\b", lambda m: {"count": _small(m.group("n"))}),
    # "Năm đơn vị có chỉ số cao: A: 88,2 điểm; ...", "Ba đơn vị có điểm thấp, từ thấp lên: ...": the n listed
    ("top", r"\b(?P<n>" + _SMALL + r")\s+" + _RANKED + r"\s+có\s+(?:chỉ số|điểm(?: số)?|kết quả)\s+cao"
            r"(?=\s*(?::|là\b|gồm\b))", lambda m: {"count": _small(m.group("n"))}),
    ("last", r"\b(?P<n>" + _SMALL + r")\s+" + _RANKED + r"\s+có\s+(?:chỉ số|điểm(?: số)?|kết quả)\s+thấp"
             r"(?=\s*(?::|là\b|gồm\b|,\s*(?:xếp\s+)?(?:theo\s+)?(?:thứ tự\s+)?từ thấp))",
     lambda m: {"count": _small(m.group("n"))}),
    ("top", _first_char_first(["dẫn đầu", "đứng đầu", "xếp đầu", "vị trí đầu tiên", "vị trí đầu", "ngôi đầu",
                               "ngôi vị quán quân", "quán quân", r"vị trí số (?:1|một)\b", "mức cao nhất",
                               "điểm cao nhất", "điểm số cao nhất", "cao nhất"], "", None, "(?<!người .)"), None),
    # "xếp cuối (18/18)": the last place, with the bloc's size
    ("ranks", r"cuối(?:\s+cùng|\s+bảng)?\s*\(\s*(?:thứ\s+)?(?P<ords>\d{1,3})\s*/\s*(?P<of>\d{1,3})\s*\)", _ranks),
    ("last", r"(?:xếp|đứng|ở|vị trí|nằm)\s+(?:ở\s+)?(?:vị trí\s+)?cuối(?:\s+cùng|\s+bảng)?|cuối bảng"
             r"|(?:mức |điểm |điểm số )?thấp nhất", None),
    # "đội sổ", "xếp chót", "xếp hạng chót", "về cuối", "bét bảng": the last place
    ("last", r"đội sổ|bét bảng|chót bảng|(?:xếp|đứng|ở|về)\s+(?:hạng\s+|vị trí\s+)?chót|về\s+cuối(?:\s+bảng)?"
             r"|xếp hạng cuối", None),
    ("count", r"(?:(?P<member>\d+|một)\s+trong\s+(?:tổng\s+số\s+|số\s+)?)?(?<!năm )\b(?P<n>" + _SMALL
              + r")(?:\s*/\s*(?P<of>\d+))?\s+(?P<noun>" + _NOUNS + r")\b", _count),
    ("freq", r"\b" + _SMALL + r"\s+năm\s+(?:liền\s+|liên tiếp\s+)?(?=đồng hạng|đứng|xếp|giữ|ở|dẫn đầu|được)",
     None),
    # a list of scores: "-"? NUM (SEP NUM){0,8} ("/100")? POINTS, where the "-" is a minus (not after a word,
    # a number or "/"). Written to start with the class [-\d] (so that the regex engine skips to the next
    # digit or "-"): after a digit, the rest of its first number, as "(?:NUM SEP){0,8}" would go on.
    # "với điểm số tương ứng 90,15 - 88,62 - 87,34 điểm": three or more decimals joined by dashes (two are a range)
    # "đạt 27,35/30 điểm", "(25,60/30 điểm)": a score out of the points a part is worth; the score is the first
    ("scores", r"\d(?<![\w.,/]\d)\d*(?:[.,]\d+)?\s*/\s*\d{1,3}(?:[.,]\d{1,2})?(?![.,]?\d)\s*điểm",
     lambda m: _numbers(m.group(0).split("/")[0])),
    # "68,5 điểm trên tổng số 80 điểm": a score out of a maximum, the maximum no score
    ("scores", r"\d(?<![\w.,/]\d)\d*[.,]\d+\s*điểm\s+trên\s+(?:tổng\s+(?:số\s+)?)?\d{1,3}\s*điểm",
     lambda m: _numbers(m.group(0).split("điểm")[0])),
    ("scores", r"\d(?<!\w\d)\d*[.,]\d+(?:\s+[-–]\s+\d+[.,]\d+){2,8}\s*" + _POINTS, lambda m: _numbers(m.group(0))),
    # (not "năm 2019 và 92,45 điểm năm 2020": a year, then the next year's score)
    ("scores", _NOT_A_YEAR + r"(?<!\d)[-\d](?:(?<=-)(?<![\w.,/]-)(?=\d)(?:" + NUM + _SEP + r"){0,8}" + NUM
               + _PER_100_POINTS
               + r"|(?<=\d)(?:\d*(?:[.,]\d+)?" + _SEP + r"(?:" + NUM + _SEP + r"){0,7}" + NUM + r"|\d*(?:[.,]\d+)?)"
               + _PER_100_POINTS + ")",
     lambda m: _numbers(_PER_100.sub("", m.group(0)) if "/" in m.group(0) else m.group(0))),
    # "Phường A: 92,35đ" (chat posts): "đ" for "điểm" after a decimal; not "12.000đ" (money)
    ("scores", r"\d(?<![\w.,]\d)\d*[.,]\d\d?\s?đ(?![\w/])", lambda m: _numbers(m.group(0))),
    # "dẫn đầu với 91,5/100": a decimal out of 100 is a score without "điểm"
    ("scores", r"\d(?<![\w.,]\d)\d*[.,]\d+\s*/\s*100(?!\d|[.,]\d|\s*(?:điểm|%))",
     lambda m: _numbers(_PER_100.sub("", m.group(0)))),
    ("scores", r"(?<=\()\s*\d+[.,]\d+\s*(?=\))", lambda m: _numbers(m.group(0))),
    ("scores", r"(?:số điểm|điểm số|tổng điểm|tổng số điểm)\s+(?:(?:lần lượt|tương ứng)\s+)?(?:là\s+|đạt\s+)?"
               r"(?P<list>\d+[.,]\d+(?:\s*(?:,\s+|;\s*|\s+và\s+)\d+[.,]\d+)*)", lambda m: _numbers(m.group("list"))),
    # "(2019)"; "dẫn đầu (2018, 2019)": the place of each year listed
    # "(2018: 87,12 điểm; 2019: 88,40 điểm)", "(2013: thứ 7; 2014: thứ 9)": a year listed with its figures
    ("year", r"(?:(?<=\()|(?<=\( )|(?<=;)|(?<=; )|(?<=, ))((?:19|20)\d\d)\s*:"
             r"(?=\s*(?:thứ|hạng|xếp|đứng|đạt|vị trí|\d{1,3}[.,]\d))",
     lambda m: {"year": int(m.group(1)), "paren": False, "ref": False}),
    ("year", r"\(\s*(?:(?:các\s+)?năm\s+)?((?:19|20)\d\d)(?P<also>" + _MORE_YEARS + r")\s*\)",
     lambda m: {"year": int(m.group(1)), "paren": True, **_also(m)}),
    # "so với năm 2020": a year compared with; not "Nếu như năm 2020, huyện chỉ xếp thứ 6" (whereas in 2020);
    # "dẫn đầu năm 2018 và 2019": the place of each year listed
    ("year", r"(?P<ref>(?:so với|hơn|(?<!nếu )như|gấp đôi|gấp \w+|bằng|kém|khác)\s+"
             r"(?:(?:kết quả|điểm số|chỉ số|thứ hạng|vị trí)\s+(?:của\s+)?)?)?(?:(?:các|cả|hai|ba|bốn)\s+(?=năm\s+"
             r"(?:19|20)\d\d" + _MORE_YEARS[:-1] + r"+))?(?<!tháng \d )(?<!tháng \d\d )năm\s+((?:19|20)\d\d)\b"
             r"(?P<also>" + _MORE_YEARS + ")",  # not a date's: "ngày 3 tháng 3 năm 2017"
     lambda m: {"year": int(m.group(2)), "paren": False, "ref": bool(m.group("ref")), **_also(m)}),
    # "PAR Index 2023 của tỉnh xếp thứ 8/63", "Chỉ số CCHC 2023": a year right after an index's name, without "năm"
    ("year", r"2(?:" + "|".join(f"(?<={name} 2)" for name in _INDEX_NAMES) + r")0\d\d\b(?![.,]\d|\s*[-–/])",
     lambda m: {"year": int(m.group(0)), "paren": False, "ref": False}),
    ("year_rel", r"năm\s+(?:trước|ngoái|liền trước)|năm\s+nay", lambda m: -1 if "nay" not in m.group(0) else 0),
    ("rating", "|".join(RATINGS), _rating),
    ("next", r"\b(?:(?:các\s+)?vị trí\s+(?:còn lại|tiếp theo|kế tiếp)(?:\s+lần lượt)?\s+(?:thuộc về|là)"
             r"|tiếp theo(?: đó)?|kế đến|kế tiếp|tiếp đến|tiếp đó|tiếp sau(?: đó)?|sau đó|xếp sau|đứng sau|theo sau"
             r"|(?:(?:bám sát|bám đuổi|theo)\s+)?(?:phía|liền|ngay)\s+sau(?=\s+(?:lần lượt\s+)?là\b)"
             r"|(?:(?<=xếp )|(?<=đứng ))(?:ngay|liền)\s+sau(?=\s*(?:[.,;]|$|với\b)))"  # "B xếp ngay sau."
             r"(?:\s+lần lượt)?(?:\s+là)?", None),
    # "Liền trên là Kon Tum (69,71%)", "...; liền trên là huyện A": the place just above the unit placed before,
    # opening a sentence or a clause (not ", liền trên là B" after "Thấp nhất là A": the last two, listed up)
    ("next", r"(?:(?<=[.;] )|(?<=[.;])|(?<=^)|(?<=\n))(?:(?:đứng|xếp)\s+)?(?:liền|ngay)\s+trên(?:\s+(?:là|đó là))?"
             r"(?=\s+[^\W\d])", lambda m: {"above": True}),
    ("ordered", r"lần lượt\s+như\s+sau\s*:", None),  # "Chỉ số ... khối huyện lần lượt như sau: A (87,5 điểm), ..."
    # "Xếp hạng Chỉ số CCHC năm 2016 như sau:": the words between are other rules' (kept when "xếp hạng" opens it)
    ("as_follows", r"(?<=\s)như\s+sau\s*:", None),
    ("respective", r"lần lượt|tương ứng", None),
    # "không theo thứ tự xếp hạng", "xếp theo vần a, b, c": a list in no rank order
    ("unordered", r"không\s+(?:theo\s+|xếp theo\s+|phân biệt\s+)?thứ tự(?:\s+xếp hạng)?"
                  r"|(?:xếp\s+)?theo\s+(?:vần|thứ tự)\s+(?:a\s*,\s*b\s*,\s*c|chữ cái|alphabet)", None),
    # "theo thứ tự từ thấp lên cao: A (72,31 điểm); B ...": a list in rank order, the last place first
    ("ascending", r"từ thấp\s+(?:lên|đến|tới)(?:\s+cao)?|(?:thứ tự|điểm số)\s+tăng dần", None),
    # "xếp hạng như sau: A ...; B ...", "Các vị trí còn lại theo thứ tự: A (84,12), B ...": a list in rank order
    ("ordered", r"(?<!không )(?<!không theo )thứ tự[^.;:]{0,30}?(?:cao\s+(?:xuống|đến|tới)\s+thấp|giảm dần)"
                r"|từ cao xuống thấp|(?<!không )(?<!không theo )thứ tự xếp hạng"
                r"|theo thứ tự điểm số giảm dần|điểm số giảm dần|xếp hạng\s+(?:cụ thể\s+)?(?:[^:;.()]{1,50}?\s)?như sau"
                # "Xếp hạng cụ thể khối huyện: A 87,36 điểm; B ...": a heading over the ranking
                r"|(?:^|(?<=[\n.;]))\s*xếp hạng\s+cụ thể(?:\s+(?:của\s+)?(?:các\s+)?[^:;.()]{1,40})?\s*:"
                r"|theo thứ tự(?:\s+như sau)?\s*:", None),
    ("habitual", r"\bluôn(?:\s+luôn)?|nhiều năm|các năm trước|trước đó|trước đây", None),
    # a goal or a task, not a result: "phấn đấu 100% sở ... đạt", "mục tiêu ... không còn xã nào dưới 75 điểm",
    # "giao Sở Nội vụ hướng dẫn các đơn vị có chỉ số dưới 85%"
    ("target", r"phấn đấu|mục tiêu|chỉ tiêu|(?:giao|yêu cầu|đề nghị|chỉ đạo)\s+(?:cho\s+)?(?:sở|ubnd|các|những"
               r"|thủ trưởng|người đứng đầu|cơ quan|đơn vị|địa phương)\b", None),
    ("continue", r"tiếp tục(?=\s+(?:duy trì|giữ vững|giữ|dẫn đầu|đứng đầu|đứng|xếp|ở|là))|giữ vững|giữ nguyên"
                 r"|duy trì|vẫn(?=\s+(?:(?:tiếp tục|còn)\s+)?(?:giữ|dẫn đầu|đứng|xếp|ở|là|nằm))"
                 # "giữ vị trí thứ ba như năm trước": the place of the year before, kept
                 r"|giữ(?=\s+(?:vị trí|hạng|ngôi|thứ)[^.;:]{0,30}?\bnhư\s+năm\s+(?:trước|ngoái|\d{4}))", None),
    ("take", r"soán|giành|chiếm|thay thế|vượt qua|vượt lên", None),
    # "A và B đồng hạng với 79,66%" (no place given), "A cùng B chia nhau vị trí thứ tư"
    ("shared", r"\bcùng\b|\bđều\b|bằng điểm|đồng hạng|chia nhau", None),
]


# Rules that cannot match a text without one of these strings (lowercased; folded too in 'folded'
# mode): checking ``in`` first skips a regex scan that tries every position of most paragraphs.
def _rule(start: str) -> str:
    """The one rule pattern that starts with ``start``."""
    (pattern,) = [p for _, p, _ in _RULES if p.startswith(start)]
    return pattern


_POINTS_GATE = ("điểm", "%")
_GATES: dict[str, tuple[str, ...]] = {
    _rule(r"\S+@"): ("@", "://", "www.", ".vn"),
    _rule(r"\b\d+(?:[.,]\d+)?\s*°"): ("°", "độ ẩm", "lượt xem", "lượt truy cập", "lượt đọc"),
    _rule(r"tỷ lệ\s+(?!"): ("tỷ lệ",),
    _rule(NUM + r"\s*%\s+(?:(?:số"): ("nộp", "giải quyết", "tiếp nhận", "trực tuyến", "hạn", "thanh toán", "số hóa"),
    _rule(r"(?<=[:\s])(?P<ords>\d{1,2})\s*/"): ("/",),
    _rule(r"(?:(?<=điểm \()"): ("/",),
    _rule(r"chiếm\s+(?:tỷ"): ("chiếm",),
    _rule(r"(?:thiếu|cách biệt"): ("thiếu", "cách", "chênh", "kém"),
    _rule(r"(?:năm|lần|kỳ"): ("thứ",),
    _rule(r"năm\s+thứ\s+(?P<n>"): ("liên tiếp",),
    _rule(r"(?:xếp|đứng)\s+(?:cuối|chót)"): ("/",),
    _rule(r"(?:mất|đánh mất"): ("mất", "nhường"),
    _rule(r"(?:(?:mức|số|điểm)\s+)?(?:tăng"): ("nhất",),
    _rule(r"lần lượt\s+như"): ("như sau",),
    _rule(r"(?<=\s)như\s+sau"): ("như sau",),
    _rule(r"(?:(?<=đầu )|(?<=cuối )"): ("liên tiếp", "năm liền"),
    _rule(r"(?<!loại )(?<!nhóm )"): ("trung bình", "bình quân", "toàn", "chung"),
    _rule(r"trong đó"): ("trong đó",),
    _rule(r"(?:thành lập|hình thành"): ("thành lập", "hình thành", "ra đời", "đi vào hoạt động", "thí điểm"),
    _rule(r"phiếu(?:"): ("phiếu",),
    _rule(r"mức độ hoàn"): ("mức độ hoàn",),
    _rule(r"một trong (?:những"): ("một trong",),
    _rule(r"so với (?:các"): ("so với",),
    _rule(r"(?:nếu|khi)\s+quy đổi"): ("quy đổi", "tương đương"),
    _rule(r"(?:tối đa|thang điểm)"): ("tối đa", "thang điểm"),
    _rule(r"(?:chỉ\s+)?(?:đứng|xếp)\s+(?:ngay"): ("sau",),
    _rule(r"(?:trong|thuộc|vào|lọt"): ("nhóm", "tốp", "top", "danh sách"),
    _rule(r"(?:(?:\blọt"): ("tốp", "top"),
    _rule(r"(?:hoàn thành|hoàn tất|khép"): ("tốp", "top"),
    _rule(r"(?:dẫn đầu|đứng đầu|xếp đầu|cao nhất|thấp nhất|xếp cuối|đứng cuối)\s+(?:(?:trong"): (
        "vùng", "khu vực", "miền", "nhóm"),
    _rule(r"(?:tự chấm"): ("tự chấm", "tự đánh giá"),
    _rule(r"(?:(?:đứng|xếp)\s+)?(?:thứ|vị trí thứ|hạng)\s+" + _ORD): ("vùng", "khu vực", "miền", "từ trước", "lịch sử",
                                                                  "kể từ", "từ khi", "từ năm"),
    _rule(r"(?:từ\s+(?:khi"): ("-", "–", "đến", "tới"),
    _rule(r"(?P<w>từ)\s"): _POINTS_GATE,
    _rule(r"(?P<w>từ|ít nhất"): _POINTS_GATE,
    _rule(r"(?<!\w)(?<!cao )(?<!nhiều )(?<!ít )(?P<w>trên|"): _POINTS_GATE,
    _rule(r"(?P<dir>"): ("bậc", "hạng", "vị trí"),
    _rule(r"(?<!\w)(?:tăng|giảm|cải thiện"): _POINTS_GATE,
    _rule(r"(?:các\s+)?(?:vị trí\s+)?từ"): ("từ",),
    _rule(r"thứ\s+(?P<a>"): ("đến", "tới"),
    _rule(r"á quân"): ("á quân",),
    _rule(r"đồng\s+hạng"): ("đồng",),
    _rule(r"đồng\s+(?:xếp"): ("đồng",),
    _rule(r"[vhxđởt](?:(?<=v)"): ("thứ",),
    _rule(r"thứ hạng\s+(?P<ords>"): ("thứ hạng",),
    _rule(r"(?:xếp\s+)?hạng"): ("hạng",),
    _rule(r"(?:đứng|xếp|dẫn)\s+đầu\s+(?:trong"): ("nhóm",),
    _rule(r"(?<!\w)(?:xếp|đứng)\s+(?P<ords>"): ("/",),
    _rule(r"\bvề\s+(?P<ords>"): ("về nhất", "về nhì"),
    _rule(r"vị trí\s+(?P<ords>"): ("vị trí",),
    _rule(r"[dđxvnqmc]"): ("đầu", "quán quân", "vị trí số", "cao nhất"),
    _rule(r"cuối(?:\s+cùng"): ("cuối",),
    _rule(r"(?:xếp|đứng|ở|vị trí|nằm)"): ("cuối", "thấp nhất"),
    _rule(r"đội sổ"): ("đội sổ", "bét", "chót", "cuối"),
    _rule(r"(?:(?:đứng|xếp|ở|là)"): ("chót", "kế cuối", "sát cuối", "từ dưới", "từ cuối", "trên"),
    _rule(r"\b(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+năm"): ("năm",),
    _rule(r"\d(?<!\w\d)\d*[.,]\d+(?:\s+[-–]"): (" - ", " – "),
    _rule(_NOT_A_YEAR + r"(?<!\d)[-\d](?:(?<=-)"): _POINTS_GATE,
    _rule(r"\d(?<![\w.,]\d)\d*[.,]\d+\s*/"): ("/",),
    _rule(r"(?<=\()"): ("(",),
    _rule(r"(?:số điểm|"): ("điểm",),
    _rule(r"\(\s*(?:(?:các"): ("(",),
    _rule(r"(?P<ref>"): ("năm",),
    _rule(r"năm\s+(?:trước"): ("năm",),
    _rule(r"2(?:"): tuple(f"{name} 2" for name in _INDEX_NAMES),
    _rule(r"không hoàn thành"): ("nhiệm vụ",),
    _rule(r"(?<!không )(?<!không theo )thứ tự"): ("cao", "giảm dần", "thứ tự xếp hạng", "như sau", "theo thứ tự",
                                                          "cụ thể"),
    _rule(r"không\s+(?:theo"): ("không", "vần", "chữ cái", "alphabet"),
    _rule(r"từ thấp"): ("thấp", "tăng dần"),
    _rule(r"\bcùng\b"): ("cùng", "đều", "bằng điểm", "đồng hạng", "chia nhau"),
    _rule(r"\bluôn"): ("luôn", "nhiều năm", "các năm trước", "trước đó", "trước đây"),
    _rule(r"phấn đấu"): ("phấn đấu", "mục tiêu", "chỉ tiêu", "giao", "yêu cầu", "đề nghị", "chỉ đạo"),
    _rule(r"(?:(?:xếp|đứng)\s+(?:ngay\s+)?)?(?<!\w)sau"): ("sau",),
    _rule(r"\b(?:(?:các\s+)?vị trí"): ("vị trí", "tiếp theo", "kế đến", "kế tiếp", "tiếp đến", "tiếp đó", "tiếp sau",
                                       "sau đó", "xếp sau", "đứng sau", "theo sau", "phía sau", "liền sau", "ngay sau"),
    _rule(r"tiếp tục"): ("tiếp tục", "giữ", "duy trì", "vẫn"),
    _rule(r"soán"): ("soán", "giành", "chiếm", "thay thế", "vượt"),
}
# More strings a rule needs, each tuple one more condition ("tăng ... điểm" needs a change word AND a unit).
_ALSO: dict[str, tuple[tuple[str, ...], ...]] = {
    _rule(r"(?P<w>từ)\s"): (("từ",), ("-", "–", "đến", "tới")),
    _rule(r"(?P<w>từ|ít nhất"): (("trở lên",),),
    _rule(r"(?<!\w)(?<!cao )(?<!nhiều )(?<!ít )(?P<w>trên|"): (
        ("trên", "hơn", "vượt", "dưới", "không quá", "chưa đến", "chưa tới"),),
    _rule(r"(?<!\w)(?:tăng|giảm|cải thiện"): (("tăng", "giảm", "hơn", "chênh", "cải thiện", "sụt", "+", "−"),),
}
_RANKED_END = r"(?:trí|vị|phương|ngành|sở|huyện|xã|phường|quan|tỉnh|phố)\s+"  # the last word of every _RANKED noun
# A cheaper pattern that every match of the rule contains (searched first; literal first characters let
# the regex engine skip ahead), for rules that are expensive on every paragraph and rarely match.
_PRECHECKS: dict[str, str] = {
    _rule(r"(?:(?P<member>"): r"(?:0|1|2|3|4|5|6|7|8|9|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?:\s*/\s*\d+)?\s+"
                              r"(?:đơn vị|sở|cơ quan|quận|huyện|thị xã|địa phương|xã|phường|tỉnh|bộ|ngành|vị trí)",
    _rule(r"\b(?P<n>" + _SMALL + r")\s+" + _RANKED + r"\s+(?:đầu"): _RANKED_END + r"(?:đầu|dẫn đầu|đứng đầu|cao nhất"
                                                                     r"|tốp đầu|top đầu)",
    _rule(r"\b(?P<n>" + _SMALL + r")\s+" + _RANKED + r"\s+(?:cuối"): _RANKED_END + r"(?:cuối|xếp cuối|đứng cuối"
                                                                      r"|thấp nhất|có điểm thấp nhất)",
    _rule(r"\b" + _SMALL + r"\s+năm"): r"năm\s+(?:liền\s+|liên tiếp\s+)?(?:đồng hạng|đứng|xếp|giữ|ở|dẫn đầu|được)",
    _rule(r"(?:từ\s+(?:khi"): r"(?:19|20)\d\d\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(?:(?:19|20)\d\d|nay)",
    _rule(r"\d(?<![\w.,]\d)\d*[.,]\d\d?\s?đ"): r"[.,]\d\d?\s?đ(?!\w)",
}


Gate = tuple[tuple[frozenset[str], ...], "re.Pattern | None"]


@lru_cache(maxsize=3)
def _gates(mode: str) -> tuple[tuple[str, ...], list[Gate]]:
    """Every string some rule of ``mode`` needs, and per compiled rule: groups of strings (the text must
    hold one of each group) and a pattern the text must contain, for the rule to match at all."""
    if mode == "en":
        return (), [((), None)] * len(_compiled("en"))
    out = []
    for _, pattern, _ in _RULES:
        groups = ((_GATES[pattern],) if pattern in _GATES else ()) + _ALSO.get(pattern, ())
        check = _PRECHECKS.get(pattern)
        if mode == "folded":
            groups = tuple(tuple(fold(n) for n in group) for group in groups)
        out.append((tuple(frozenset(group) for group in groups), re.compile(_shape(check, mode)) if check else None))
    return tuple({n for groups, _ in out for group in groups for n in group}), out


@lru_cache(maxsize=8)
def _needles_in(document: str, mode: str) -> tuple[str, ...]:
    """The gate strings of ``mode`` that ``document`` holds (a paragraph of it holds no other)."""
    return tuple(needle for needle in _gates(mode)[0] if needle in document)


def _shape(pattern: str, mode: str) -> str:
    """A rule's pattern for ``mode``: folded for text without diacritics."""
    return "".join(c if c.isascii() else fold(c) for c in pattern) if mode == "folded" else pattern


@lru_cache(maxsize=3)
def _compiled(mode: str) -> list[tuple[str, re.Pattern, Any]]:
    """The rules, compiled: 'vi'; 'folded' for Vietnamese written without diacritics (the same rules,
    folded the same way); 'en' for sources in English."""
    if mode == "en":
        from flows.extract.scan_en import EN_RULES

        return [(kind, re.compile(pattern), build) for kind, pattern, build in EN_RULES]
    return [(kind, re.compile(_shape(pattern, mode)), build) for kind, pattern, build in _RULES]


def _free_matches(pattern: re.Pattern, low: str, taken: bytearray, pos: int) -> Iterator[re.Match]:
    """The matches of ``pattern`` in ``low`` from ``pos`` that overlap no span ``taken`` by an earlier rule (the
    caller marks what it keeps). A match that runs into a taken span is tried again one character on: "thứ 25,
    78,8 điểm" holds the score "78,8 điểm" after the rank the list "25, 78,8 điểm" would have covered."""
    while pos < len(low):
        m = pattern.search(low, pos)
        if m is None:
            return
        s, e = m.span()
        if s == e:
            pos = e + 1
        elif taken.find(1, s, e) >= 0:
            pos = s + 1
        else:
            yield m
            pos = e


def scan(low: str, ascii_only: bool = False, english: bool = False, offset: int = 0,
         document: str | None = None) -> list[Token]:
    """Tokens of a lowercased normalized text, in text order, none overlapping; ``offset`` is added to
    their positions (the text's place in ``document``, the whole text lowercased or folded like ``low``:
    what the rules need and the document lacks is not looked for in each paragraph).

    Example:
        >>> [(t.kind, t.value) for t in scan("quận a với 91,93 điểm, vị trí thứ nhất")]
        [('scores', [91.93]), ('ranks', {'ranks': [1], 'tied': False, 'of': None})]
        >>> [t.kind for t in scan("14/15 quận, huyện có số điểm trên 80 điểm")]
        ['count', 'bound']
        >>> [t.kind for t in scan("năm thứ 02 liên tiếp, tăng 0,81 điểm, ngày 12/2/2019")]
        ['streak', 'change']
        >>> [(t.kind, t.value) for t in scan("quan kien an dung thu 2 voi 92,85%", ascii_only=True)]
        [('ranks', {'ranks': [2], 'tied': False, 'of': None}), ('scores', [92.85])]
    """
    taken = bytearray(len(low) + 1)
    found: list[Token] = []
    mode = "en" if english else "folded" if ascii_only else "vi"
    needles, gates = _gates(mode)
    if document is not None:
        needles = _needles_in(document, mode)
    present = {needle for needle in needles if needle in low}
    for (kind, pattern, build), (groups, check) in zip(_compiled(mode), gates, strict=True):
        for group in groups:
            if present.isdisjoint(group):
                break
        else:
            if check and not check.search(low):
                continue
            matches = pattern.finditer(low)
            while (m := next(matches, None)) is not None:
                s, e = m.span()
                if s == e:
                    continue
                if taken.find(1, s, e) >= 0:  # the rest one search at a time (rare: a generator per rule costs)
                    matches = _free_matches(pattern, low, taken, s + 1)
                    continue
                taken[s:e] = b"\x01" * (e - s)
                if kind != "mask":
                    found.append(_new_token(kind, s + offset, e + offset, build(m) if build else None))
    found.sort(key=lambda t: t.start)
    if any(t.kind == "as_follows" for t in found):
        found = [_new_token("ordered", t.start, t.end, None) if t.kind == "as_follows" else t for t in found
                 if t.kind != "as_follows"
                 or _RANKING_BEFORE.search(low, max(0, t.start - offset - 90), t.start - offset)]
    if mode == "vi" and ("hơn" in low or "vượt" in low or "kém" in low or "chênh" in low):
        _differences(low, found, offset)
    if mode == "vi" and "so với" in low:
        _compared_years(low, found, offset)
    return found


# "so với mức bình quân của ba tỉnh năm 2024": the year of what is compared with, further on in the phrase
_FIGURE_BEFORE = re.compile(r"\d[^.;:\n()]*$")
_COMPARED_WITH = re.compile(r"\bso với\b(?=[^.;:,()\d]{4,60}$)")


def _compared_years(low: str, tokens: list[Token], offset: int) -> None:
    """Mark (in place) a year closing a comparison's phrase as the year compared with, as "so với năm 2024" is."""
    for i, t in enumerate(tokens):
        if t.kind != "year" or t.value["paren"] or t.value.get("ref"):
            continue
        found = _COMPARED_WITH.search(low, max(0, t.start - offset - 70), t.start - offset)
        # ... after the figure compared in its clause ("tăng 1,2 điểm so với ..."; not "So với kỳ đánh giá năm 2024
        # (cấp huyện), huyện A khi đó xếp thứ 2": the year of the clause it opens)
        if found and _FIGURE_BEFORE.search(low, max(0, found.start() - 80), found.start()):
            tokens[i] = _new_token("year", t.start, t.end, {**t.value, "ref": True})


# "hơn đơn vị xếp thứ hai là Văn phòng UBND tỉnh 0,42 điểm", "chỉ kém TP. Kon Tum 1,76 điểm": a comparison whose
# figure comes after the unit compared with is the difference, not that unit's score
_COMPARED = re.compile(r"(?<!\w)(?:hơn|vượt(?!\s+(?:qua|lên|bậc|trội))|kém|chênh lệch với|chênh lệch so với)\s+"
                       r"(?=[^\W\d])")


_RANKING_BEFORE = re.compile(r"\bxếp hạng\b[^.;:\n]*$")  # "Xếp hạng ... như sau:"
_SHORT_KIND_DOT = re.compile(r"\b(?:tp|tx|tt|p|x|h|q)\.")


def _differences(low: str, tokens: list[Token], offset: int) -> None:
    """Turn (in place) the score closing a comparison with another unit into a change; a place said of a unit
    the comparison does not name ("thấp hơn đơn vị dẫn đầu 12,33 điểm") is nobody's here."""
    for m in _COMPARED.finditer(low):
        start = m.end() + offset
        for i, t in enumerate(tokens):
            if t.start < start or t.kind not in ("scores", "ranks", "top", "last", "count"):
                continue
            gap = _SHORT_KIND_DOT.sub("", low[m.end():t.start - offset])
            if (t.kind == "scores" and len(t.value) == 1 and not any(c in gap for c in ".;:()") and len(gap) <= 80
                    and not re.search(r"\b(?:với|đạt|được)\b", gap)):
                tokens[i] = _new_token("change", t.start, t.end, None)
                tokens[:] = [x for x in tokens if not (start <= x.start < t.start and x.kind in ("ranks", "top", "last")
                                                       and " là " not in low[x.end - offset:t.start - offset])]
            if t.kind == "scores" or any(c in gap for c in ".;:"):
                break
