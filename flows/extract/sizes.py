"""How many units a rank counts from: the bloc's size a text states, and "the n units leading / ranked last"."""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.model import Group
from flows.extract.scan import Token
from flows.extract.scan_en import ADJECTIVE
from flows.numerals import words_to_int
from flows.textnorm import fold

_CLAUSE_BREAK = re.compile(r"[,;:()]")


def _gap(low: str, a: int, b: int) -> str:
    return low[a:b] if a <= b else ""


_SIZE_BEFORE = re.compile(r"\b(?:trong|among)\s+(?:tổng\s+số\s+|số\s+|the\s+|all\s+)?(\d{1,3})\s+"
                          + ADJECTIVE + r"(?:đơn vị|huyện"
                          r"|quận|sở|xã|phường|địa phương|cơ quan|tỉnh|ministr|provinc|agenc|localit|department"
                          r"|district)")
# a bloc's size stated before: "Cả 8 huyện, thị xã, thành phố đều đạt", "khối phường (7 đơn vị)", "khối sở có
# 20 đơn vị", "kết quả của 15 huyện, thành phố:"; not a claim ("có 5 đơn vị đạt trên 90 điểm")
KIND_NOUNS = r"huyện|quận|thị xã|thành phố|sở|ban|ngành|xã|phường|đặc khu|tỉnh|bộ"  # the kinds a bloc is named by
# searched from the number (the regex engine skips to the next digit), then the words before it
_SIZE_STATED = re.compile(r"(?P<n>\d(?<![\w.,]\d)\d{0,2})\s+(?:(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+)?"
                          r"(?P<nouns>(?:đơn vị|địa phương|cơ quan|" + KIND_NOUNS
                          + r")\b(?:(?:\s*,\s*|\s+và\s+)(?:" + KIND_NOUNS + r")\b)*)(?=(?P<rest>[^.;:()\n]{0,40}))")
_PLACE_WORDS = r"dẫn đầu|đứng đầu|xếp đầu|xếp cuối|đứng cuối"  # "dẫn đầu 21 sở" states the bloc; "xếp cuối 2 đơn vị là"
_SIZE_LEAD = re.compile(r"(?:(?P<all>\bcả|\btất cả|\btoàn bộ)|(?P<whole>\btrong|\bcủa|\bđối với|\btại|\bở(?=\s+khối)"
                        r"|\bkhối"  # "Khối 27 huyện, thị xã, thành phố - 2 đơn vị có chỉ số cao nhất:"
                        r"|\b(?:xác định|tiến hành|thực hiện|áp dụng)\s+(?:đối\s+)?với)|\bgồm|\bcó"
                        r"|\b(?:đánh giá|chấm điểm|thẩm định)(?:,?\s+xếp hạng)?(?:\s+(?:đối với|cho|trên))?"
                        r"|\b(?:" + _PLACE_WORDS + r")(?:\s+(?:trong|trên))?)\s+"
                        r"(?:tổng\s+số\s+|số\s+|khối\s+)?(?:ubnd\s+|ủy ban nhân dân\s+)?$|\(\s*$"
                        r"|(?P<of>(?<![\d.,/])\d{1,3}\s*/\s*)$")  # "có 12/20 sở đạt trên 85 điểm": 20 in all
_PLACE_LEAD = re.compile(r"(?:" + _PLACE_WORDS + r")\s+$")
_LIST_NEXT = re.compile(r"\s*(?::|là\b|gồm\b)")
_CLAIMED = re.compile(r"\b(?:đạt|trên(?!\s+địa)|dưới|từ|xếp loại|hoàn thành|có điểm|có kết quả|tăng|giảm|(?:xếp|ở) mức"
                      r"|(?:thuộc|xếp vào|vào) nhóm)\b")  # "có 2 đơn vị xếp mức Trung bình": a grade's units
# "nhóm Khá gồm 5 đơn vị", "xếp loại Tốt có 3 đơn vị": a group of the bloc, not the bloc
_GROUP_BEFORE = re.compile(r"\b(?:nhóm|loại|mức(?! độ hài lòng))\b"
                           r"(?:[^.;:,]{0,25}|[^.;]{0,25}\([^()]{0,40}\)\s*:?\s*)$")
# "khối quận, huyện (9 đơn vị)", "Khối UBND cấp huyện (09 đơn vị)": the nearest bloc
_BLOC_BEFORE = re.compile(r"khối\s+(?:(?:ubnd|ủy ban nhân dân|các)\s+)?(?:cấp\s+)?((?:" + KIND_NOUNS
                          + r")(?:(?:\s*,\s*|\s+và\s+)(?:" + KIND_NOUNS + r")\b)*)(?:(?!khối)[^.;:]){0,90}$")
_BOUND_WORD = re.compile(r"\b(?:trên|dưới|từ|hơn|không)\b")
# "Khối phường, đặc khu có 32 đơn vị", "Ở khối phường, phường A ..." (not "KHỐI XÃ, PHƯỜNG (96 đơn vị)": both)
_APART = re.compile(r"\b(?:khối|nhóm)\s+(?:các\s+)?(?:phường|xã)\b"
                    r"(?!\s*(?:,|và)\s*(?:phường|xã)\s*(?:[,(:.;\n]|và\b|đặc khu|$))")
_AVERAGE = re.compile(r"\bcó điểm (?:bình quân|trung bình)\b(?:\s+(?:đạt|là)\s+\d+(?:[.,]\d+)?\s*(?:điểm|%))?")
_CENTRAL = re.compile(r"\s*(?:thuộc\s+)?(?:ngành dọc|trung ương)\b")
_GENERIC_NOUNS = ("đơn vị", "địa phương", "cơ quan")
# ", sở" that may start the next unit's name ("ngành" starts none)
_NAME_AFTER = re.compile(r"\s*,\s*(huyện|quận|thị xã|thành phố|sở|ban|xã|phường|đặc khu|tỉnh|bộ)$")
_ASSESSED = re.compile(r"\s*(?:đã\s+)?(?:được\s+)?(?:đánh giá|xếp hạng|chấm điểm|tham gia đánh giá)\b")
_AND_ASSESSED = re.compile(r"\s+và\s+\d{1,3}\s+[^.;:()\d]{1,40}?" + _ASSESSED.pattern)
_BLOC_PAREN = re.compile(r"\s*(?:(?:của\s+|trong\s+)?khối\s+[^\W\d]+(?:,?\s+[^\W\d]+){0,3}\s*)?\(\s*")


def size_before(low: str, start: int, end: int) -> int | None:
    """The bloc size stated before a unit in its sentence ("Trong 18 huyện, ..., A xếp cuối")."""
    m = _SIZE_BEFORE.search(low, start, end)
    return int(m.group(1)) if m else None


def size_hint(low: str, end: int, bloc: str) -> int | None:
    """The size of ``bloc`` the text states before ``end``: the nearest statement of its kinds ("8 huyện,
    thị xã, thành phố" for the districts, "7 phường" for the wards), or of units ("20 đơn vị") after a bloc
    word naming it or in the 400 characters before.

    Example:
        >>> size_hint("cả 8 huyện, thị xã đều đạt trên 80 điểm. huyện a thấp nhất", 45, "district")
        8
        >>> size_hint("có 5 đơn vị đạt trên 90 điểm. huyện a xếp cuối", 40, "district") is None
        True
        >>> size_hint("khối phường (7 đơn vị); 124 xã, phường. phường a xếp cuối", 45, "ward")
        7
    """
    found = None
    # a commune or a ward of a text ranking them together ("78 xã, phường, đặc khu"): the size of that bloc; not
    # where the text ranks wards and communes apart ("Khối phường, đặc khu có 32 đơn vị")
    together = bloc in ("commune", "ward") and _APART.search(low) is None
    wanted = {bloc, "commune_level"} if together else {bloc}
    for start, stop, n, blocs in _statements(low):
        if stop > end:
            break
        if wanted & blocs if blocs is not None else end - start <= 400:
            found = n
    return found


# English: "among 17 ministries and ministerial-level agencies", "of 21 departments", "leading 21 departments and
# agencies", "the city's 30 districts and town"
_EN_WORDS = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
             "eighteen nineteen twenty")
_EN_NUMBERS = {w: n for n, w in enumerate(_EN_WORDS.split(), start=2)}  # "among the nine district-level localities"
_SIZE_EN = re.compile(r"\b(?:among|of|for|leading|across|all|city's|province's|assessed|evaluated|ranked|rated|covered"
                      r"|surveyed)\s+(?:the\s+|its\s+|all\s+)?(?P<n>\d{1,3}|" + "|".join(_EN_NUMBERS)
                      + r")\s+" + ADJECTIVE + r"(?P<noun>provinces|ministries"
                      r"|departments"
                      r"|districts|wards|communes|localities|(?:district|commune)-level\s+(?:units|administrations"
                      r"|localities))\b")
_DISTRICTS_EN = {"district", "urban_district", "rural_district"}
_EN_BLOCS = {"provinces": {"province"}, "ministries": {"ministry"}, "departments": {"department"},
             "districts": _DISTRICTS_EN, "wards": {"ward"}, "communes": {"commune"},
             # "all 13 district-level administrations"
             **{f"{level}-level {noun}": _DISTRICTS_EN if level == "district" else {"commune", "ward"}
                for level in ("district", "commune") for noun in ("units", "administrations", "localities")}}


@lru_cache(maxsize=8)
def _statements(low: str) -> tuple[tuple[int, int, int, frozenset[str] | None], ...]:
    """(start, end, n, the blocs it can be the size of; None: any, nearby) of a text's size statements,
    found once per text."""
    if "among" in low or " of " in low or " for " in low or "leading" in low or "'s " in low or "ed " in low:
        found = [(m.start(), m.end(), int(m.group("n")) if m.group("n").isdigit() else _EN_NUMBERS[m.group("n")],
                  frozenset(blocs) if (blocs := _EN_BLOCS.get(re.sub(r"\s+", " ", m.group("noun")))) else None)
                 for m in _SIZE_EN.finditer(low)]  # "the bloc of 13 localities": of the units nearby
        if found:
            return tuple(sorted([*found, *_statements_vi(low)]))
    return _statements_vi(low)


# between two blocs stated together: "19 sở, cơ quan thuộc UBND tỉnh và 10 huyện, thành phố"
_SECOND_BLOC = re.compile(r"[\s,;]*(?:(?:cơ quan|đơn vị)[\s,]*)?(?:(?:cấp\s+)?(?:tỉnh|thành phố)[\s,]*)?"
                          r"(?:(?:trực\s+)?thuộc\s+(?:ubnd|ủy ban nhân dân)\s+(?:tỉnh|thành phố)[\s,]*)?(?:và)?\s*")


def _statements_vi(low: str) -> tuple[tuple[int, int, int, frozenset[str] | None], ...]:
    out: list[tuple[int, int, int, frozenset[str] | None]] = []
    breakdown_end = -1
    for m in _SIZE_STATED.finditer(low):
        if m.start() < breakdown_end:
            continue
        opened = low.rfind("(", 0, m.start())
        if out and opened > low.rfind(")", 0, m.start()) and not low[out[-1][1]:opened].strip():
            closing = low.find(")", m.start())  # "92 xã, phường (15 phường và 77 xã)": the parts of the one before
            breakdown_end = closing if closing >= 0 else m.end()
            continue
        if out and out[-1][1] < m.start() and _SECOND_BLOC.fullmatch(low, out[-1][1], m.start()):
            # "đối với 10 huyện, thị xã, thành phố và 18 sở": a second bloc stated with the first
            out.append((out[-1][1], m.end("nouns"), int(m.group("n")), frozenset(_blocs_of(_nouns(m)))))
            continue
        lead = _SIZE_LEAD.search(low, max(0, m.start() - 20), m.start())
        if lead is not None and (_GROUP_BEFORE.search(low, max(0, lead.start() - 40), lead.start())
                                 or m.group("rest").lstrip().startswith("còn lại")
                                 or (_PLACE_LEAD.match(lead.group()) and _LIST_NEXT.match(low, m.end("nouns")))):
            # a group of the bloc ("nhóm Khá gồm 5 đơn vị", "5 đơn vị còn lại", "Xếp cuối 2 đơn vị là A và B"), not
            # its size
            continue
        # "có 5 đơn vị đạt trên 90 điểm" claims; "của 13 huyện, thị xã tỉnh A dao động từ" states the bloc,
        # unless the claim follows the nouns at once ("trong 15 huyện đạt trên 80 điểm")
        nouns, end, rest = _nouns(m), m.end("nouns"), m.group("rest")
        named_next = _NAME_AFTER.search(m.group("nouns"))
        if named_next and rest.strip() and not _ASSESSED.match(rest) and not rest.startswith(
                (" và", " đều", " có", " của", " tham", " đạt", " xếp", " đứng", " là", " với")) \
                and not low.startswith("(", m.end("nouns") + len(rest) - len(rest.lstrip())):  # "99 xã, phường (..."
            # "Đối với 14 sở, ban, ngành, Sở Tư pháp đạt ...": the last kind word starts a name
            end, rest = end - len(named_next.group(0)), named_next.group(0) + rest
            nouns = {n.strip() for n in re.split(r",|\s+và\s+", low[m.start("nouns"):end])}
        # the claim is in the nouns' own clause: not "20 sở, ban, ngành được đánh giá, điểm trung bình đạt 88,91", nor
        # "Khối 20 sở, ban, ngành có điểm bình quân 86,42 điểm" (an average, no group of the bloc)
        clause = _AVERAGE.sub("", rest).split(",")[0]
        clause = clause[:12] if lead and lead.group("whole") else clause
        if lead is None and (_ASSESSED.match(m.group("rest")) or _AND_ASSESSED.match(low, m.end("nouns"))):
            lead = m  # "19 sở, ban, ngành (và 9 huyện, thành phố) được đánh giá"
        if lead is None or (lead is not m and not (lead.group("all") or lead.group("of")) and _CLAIMED.search(clause)
                            # "Mức độ hài lòng chung của 13 địa phương đạt 93,41%": their figure, no group of them
                            and not (lead.group().strip() == "của" and not _BOUND_WORD.search(clause))):
            continue
        if _CENTRAL.match(m.group("rest")):  # "5 cơ quan ngành dọc", "5 cơ quan Trung ương đóng trên địa bàn"
            blocs = frozenset({"central_agency"})
        elif nouns & set(_GENERIC_NOUNS):
            # "Ở khối sở, ngành, Sở Tư pháp đạt 91,06%, cao nhất trong 19 đơn vị": the bloc its clause names
            named = _BLOC_BEFORE.search(low, max(0, m.start() - 120), m.start())
            blocs = frozenset(_blocs_of({n.strip() for n in re.split(r",|\s+và\s+", named.group(1))})) if named \
                else None
        else:
            blocs = frozenset(_blocs_of(nouns))
        out.append((lead.start(), end, int(m.group("n")), blocs))
    if "loại" in low or "mức" in low:
        out = sorted(out + _band_sums(low), key=lambda x: x[1])
    return tuple(out)


# "Có 14 đơn vị xếp loại Tốt, 6 đơn vị xếp loại Khá, không có đơn vị xếp loại Trung bình": the bands' counts
# or the band first: "Xếp loại Khá: 87 đơn vị", "loại Tốt có 12 đơn vị", "Xếp loại Yếu: không có"
_COUNTED = r"(?P<n>\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_UNITS = r"(?:đơn vị|địa phương|cơ quan|sở|huyện|xã|phường)"
_GRADES = r"(?:xuất sắc|tốt|khá|trung bình|yếu|kém)\b"
_BAND_COUNT = re.compile(r"(?:(?<!\w)" + _COUNTED + r"|không có)\s+" + _UNITS + r"\s+(?:được\s+)?(?:xếp loại|đạt loại"
                         r"|loại|xếp mức|đạt mức)\s+(?P<grade>" + _GRADES + r")"
                         r"|\b(?:xếp loại|đạt loại|loại|mức)\s+(?P<grade2>" + _GRADES + r")\s*(?::|có|gồm)\s*(?:"
                         + _COUNTED.replace("?P<n>", "?P<n2>") + r"\s+" + _UNITS + r"(?!\s+(?:đạt|xếp|được|có))"
                         r"|không có\b)")
# a grade band: "loại Khá", "đạt loại Tốt", "nhóm Trung bình"
GRADE = re.compile(r"\b(?:loại|nhóm|mức)\s+(xuất sắc|tốt|khá|trung bình|yếu|kém)\b")
_EMPTY = re.compile(r"\s*(?:\([^()]*\)\s*)?:?\s*không có\b")  # "Xếp loại Yếu: không có"


def named_grades(low: str) -> set[str]:
    """The grade bands a text names, but for a band said to be empty ("Xếp loại Yếu: không có", "Không có đơn vị
    đạt loại Xuất sắc").

    Example:
        >>> sorted(named_grades("loại tốt: 3 đơn vị; loại khá: 5 đơn vị. xếp loại yếu: không có."))
        ['khá', 'tốt']
    """
    return {m.group(1) for m in GRADE.finditer(low)
            if "không có" not in low[max(0, m.start() - 25):m.start()] and not _EMPTY.match(low, m.end())}
_BAND_GAP = re.compile(r"\s*(?:,|;|và)\s*(?:có\s+)?")


def band_count_before(low: str, grade: str, pos: int) -> int | None:
    """The count of a grade band the text stated shortly before ``pos`` ("Có 3 đơn vị xếp loại Tốt, ... Nhóm xếp
    loại Tốt gồm: A, B và C"), if any."""
    found = None
    for m in _BAND_COUNT.finditer(low, max(0, pos - 600), pos):
        if _band_grade(m) == grade and (m.group("n") or m.group("n2")):
            found = _band_n(m)
    return found


def _band_grade(m: re.Match) -> str:
    """The band of a ``_BAND_COUNT`` match, named after its count or before it."""
    return m.group("grade") or m.group("grade2")


def _band_n(m: re.Match) -> int:
    """The count of a ``_BAND_COUNT`` match: "14", "ba", "không có" (0)."""
    n = m.group("n") or m.group("n2")
    return 0 if n is None else int(n) if n.isdigit() else words_to_int(n) or 0


def _band_sums(low: str) -> list[tuple[int, int, int, frozenset[str] | None]]:
    """The bloc sizes a text states as the counts of every grade band it names, in one run (the bands of one
    bloc: a statement for the units nearby)."""
    named = named_grades(low)
    out, run = [], []
    for m in _BAND_COUNT.finditer(low):
        if run and not _BAND_GAP.fullmatch(low, run[-1].end(), m.start()):
            out += _band_sum(run, named)
            run = []
        run.append(m)
    return out + _band_sum(run, named)


def _band_sum(run: list[re.Match], named: set[str]) -> list[tuple[int, int, int, frozenset[str] | None]]:
    if len(run) < 2 or not named <= {_band_grade(m) for m in run}:
        return []  # "4 đơn vị xếp loại Tốt, 15 đơn vị xếp loại Khá. Hai đơn vị xếp loại Trung bình là ...": not all
    total = sum(_band_n(m) for m in run)
    return [(run[0].start(), run[-1].end(), total, None)] if total else []


def _nouns(m: re.Match) -> set[str]:
    return {n.strip() for n in re.split(r",|\s+và\s+", m.group("nouns"))}


def _blocs_of(nouns: set[str]) -> set[str]:
    """The blocs a count of these kinds of units can be the size of ("huyện, thị xã" -> every district)."""
    if nouns <= {"sở", "ban", "ngành"}:
        return {"department"}
    if nouns <= {"huyện", "quận", "thị xã", "thành phố"}:
        return {"urban_district"} if nouns == {"quận"} else {"rural_district", "district"} if nouns == {
            "huyện"} else {"district"}
    if nouns <= {"xã", "đặc khu"} and nouns != {"đặc khu"}:  # "khối đặc khu (2 đơn vị)" is not the communes'
        return {"commune"}
    if nouns <= {"xã", "phường", "đặc khu", "thị trấn"} and {"xã", "phường"} <= nouns:  # "95 xã, phường"
        return {"commune_level"}
    return {"ward"} if nouns == {"phường"} else {"province"} if nouns in ({"tỉnh"}, {"tỉnh", "thành phố"}) else {
        "ministry"} if nouns == {"bộ"} else set()


def stated_size(toks: list[Token], low: str) -> int | None:
    """The bloc size a rank is written with: "xếp cuối trong 45 phường", "thứ 14 trong tổng số 15", "xếp cuối khối 20
    đơn vị", "đứng cuối 30 đơn vị"."""
    for i, t in enumerate(toks):
        if t.kind == "ranks" and t.value.get("of"):
            return t.value["of"]
        gap = fold(_gap(low, t.end, toks[i + 1].start)).strip() if i + 1 < len(toks) else "-"
        if gap == "" and toks[i + 1].kind == "count" and (toks[i + 1].value["count"] <= 5 or _INTRODUCES_LIST.match(
                low, toks[i + 1].end)):
            continue  # "xếp cuối 2 đơn vị là A và B": the last two, not a bloc of two
        if t.kind == "last" and i + 1 < len(toks) and toks[i + 1].kind == "count" and (gap in (
                "", "trong", "trong tong so", "trong so", "/", "khoi", "trong khoi", "cua", "cua khoi")
                or _BLOC_PAREN.fullmatch(_gap(low, t.end, toks[i + 1].start))):  # "cuối khối phường (25 đơn vị)"
            return toks[i + 1].value["count"]
        if (t.kind == "last" and i + 2 < len(toks) and toks[i + 1].kind == "scores" and toks[i + 2].kind == "count"
                and fold(_gap(low, toks[i + 1].end, toks[i + 2].start)).strip() in ("trong tong so", "trong so")):
            return toks[i + 2].value["count"]  # "xếp cuối với 82,10 điểm trong tổng số 17 sở, ban, ngành"
    return None


_PHRASE_BREAK = re.compile(r"[;:()]|\b(?:và|trong đó|còn|nhưng)\b")
_INTRODUCES_LIST = re.compile(r"\s*(?:là|gồm|gồm có|:)(?!\w)")


def counted(tokens: list[Token], kind: str, low: str) -> int | None:
    """n of "n đơn vị dẫn đầu" / "hai đơn vị có điểm thấp nhất": a count right before a top or last cue."""
    for t in tokens:
        if t.kind == kind and t.value and t.value.get("count"):
            return t.value["count"]
    for a, b in zip(tokens, tokens[1:], strict=False):
        if a.kind == "count" and b.kind == kind:
            gap = _gap(low, a.end, b.start)
            if (len(gap) <= 25 and not _CLAUSE_BREAK.search(gap)) or (
                    len(gap) <= 60 and not _PHRASE_BREAK.search(gap) and not gap.lstrip().startswith(",")
                    and _INTRODUCES_LIST.match(low, b.end)):
                return a.value["count"]  # "ba đơn vị được người dân, doanh nghiệp đánh giá cao nhất là A, B, C"
    return None


def top_count(g: Group, low: str) -> tuple[int, bool] | None:
    """(n, in the header) of "the n units leading" ("ba đơn vị dẫn đầu ... là"), when n is more than one; also
    for fewer units than n after the list ("B and C made up the top three": the places the others leave, see
    ranking)."""
    for tokens, in_header in ((g.header, True), (g.tokens, False)):
        n = counted(tokens, "top", low)
        if n and n > 1 and (in_header or n >= len(g.units)):
            return n, in_header
    return None


def last_count(g: Group, list_len: int, low: str) -> tuple[int, bool] | None:
    """(n, in the header) of "the n units ranked last"; a unit that "xếp cuối" alone is the last one."""
    if any(t.kind == "last" for t in g.header):
        return (counted(g.header, "last", low) or list_len), True
    n = counted(g.tokens, "last", low)
    if n and n == len(g.units):
        return n, False
    if any(t.kind == "last" for t in g.tokens) and not n:  # "A và B xếp cuối": the last two
        return len(g.units), False
    return None
