"""An announcement as a document: its paragraphs and sentences, its title, date, decision and year, and
the province it is about (or none, for a national ranking)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from flows.gazetteer import Gazetteer
from flows.textindex import TextIndex
from flows.textnorm import fold

LIST_NUMBER = re.compile(r"\s*\d{1,3}[.)]")
# A line end, or [.!?] before a capitalised word but not after "TP", "TX", "TT", "ThS", "TS" or the short kind
# words "H.", "P.", "X.", "Q." ("UBND H. Tiểu Cần") (the end character is read first so that the regex engine
# can skip to the next one; the lookbehinds then look past it).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<!\bTP.)(?<!\bTp.)(?<!\bTX.)(?<!\bTT.)(?<!\bThS.)(?<!\bTS.)"
                           r"(?<!\bH.)(?<!\bP.)(?<!\bX.)(?<!\bQ.)(?<!\bNo.)(?=\s+[A-ZĐÀ-Ỹ0-9\"“(]))"
                           # "...; năm 2024, A xếp thứ 3", "...; sang năm 2019, tỉnh giảm 4 bậc": a clause of its year
                           r"|;(?=\s+(?:(?:bước\s+)?sang|đến|tới|qua|trong|còn|riêng)?\s*[Nn]ăm\s+(?:19|20)\d\d\s*,)")
_INLINE_ITEM = re.compile(r"[:;][ \t]*\d{1,2}\.$")
_DECISION = re.compile(r"(?:[Qq]uyết định|QĐ)\s+(?:số\s+)?(\d+/[\wĐđ\-]+)")
_NUMBER_LINE = re.compile(r"(?m)^\s*Số\s*:?\s*(\d+/[\wĐđ\-.]+)")  # a decision's own "Số: 812/QĐ-UBND"
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b"
                   r"|\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)\b")
# the laws and decisions a decision cites, up to the end of the clause: "Căn cứ Quyết định số 1520/QĐ-UBND ngày ...;"
_PUBLISHED = re.compile(r"(?i)ngày đăng|ngày xuất bản|xuất bản|đăng lúc|đăng ngày|cập nhật|published|posted")
_CITED = re.compile(r"(?m)^\s*(?:[-+•*]\s*)?(?:Căn cứ|Xét|Theo đề nghị)\b[^;,\n]*")
_LINK_LINE = re.compile(r"^\s*(?:[-•*]\s*)?.{5,200}\(\d{1,2}/\d{1,2}/\d{4}\)\s*$")
_TITLE_WORDS = re.compile(r"chi so|cong bo|xep hang|ket qua|hai long|cai cach hanh chinh|\bcchc\b|\bsipas\b"
                          r"|\bindex\b|\bpar\b|\brank|\bannounce|\bresults?\b|\btops?\b")


_LIST_START = re.compile(r"\s*(?:[-+•*–]\s|\d{1,3}[.)]\s|[IVX]{1,4}[.)]\s|[a-zđ][.)]\s)")
_LINE_ENDS = tuple('.:;!?"”)…')


def unwrap_lines(text: str) -> str:
    """``text`` with the line breaks of a hard-wrapped paragraph turned into spaces (same length): a break
    after a long line (40 characters or more, not the first line, not a heading: in capitals, or first in
    its paragraph before a capital) that ends mid-sentence, before a line that goes on (not blank, not a
    list item).

    Example:
        >>> unwrap_lines("Tiêu đề\\nNăm 2020, đứng thứ hai trong khối sở, ngành là Sở Kế\\nhoạch và Đầu tư.\\n- Mục")
        'Tiêu đề\\nNăm 2020, đứng thứ hai trong khối sở, ngành là Sở Kế hoạch và Đầu tư.\\n- Mục'
    """
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    out, pos = list(text), 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)  # the line break
        body, nxt = line.strip(), lines[i + 1]
        heading = not lines[i - 1].strip() and nxt.lstrip()[:1].isupper()  # a paragraph's first line, then a capital
        # lines that start alike are a list ("Xếp thứ nhất: ...", "Xếp thứ hai: ..."), not a wrapped paragraph
        # ... or numbered alike ("Hạng 2 - Văn phòng UBND tỉnh - 91,80 điểm", "Hạng 3 - ...")
        first, then = body.split()[:2], nxt.split()[:2]
        alike = first == then or (len(first) == 2 == len(then) and first[0] == then[0]
                                  and first[1].strip(":.-)").isdigit() and then[1].strip(":.-)").isdigit())
        if (i and len(body) >= 40 and not body.endswith(_LINE_ENDS) and not body.isupper() and nxt.strip()
                and not _LIST_START.match(nxt) and not heading and not alike):
            out[pos] = " "
        pos += 1
    return "".join(out)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (a paragraph), trimmed of spaces.

    Example:
        >>> t = "Quận A đứng đầu. TP. Hải Phòng có 15 quận, huyện.\\nHết"
        >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
        ['Quận A đứng đầu.', 'TP. Hải Phòng có 15 quận, huyện.', 'Hết']
    """
    spans, cursor = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if LIST_NUMBER.fullmatch(text, cursor, m.end()) or _INLINE_ITEM.search(text, max(cursor, m.start() - 4),
                                                                                m.end()):
            continue  # "1. Sở Tư pháp: 93,5 điểm": the number of a list item starts its sentence; so does an
            # inline item's ("...: 1. Thị xã A, 92,35 điểm; 2. Huyện B, 90,8 điểm")
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        part = text[s:e]
        kept = part.strip()  # str.strip drops exactly the characters str.isspace accepts
        if kept:
            s += len(part) - len(part.lstrip())
            out.append((s, s + len(kept)))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines (lines, when the text has no blank line)."""
    pattern = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    spans, cursor = [], 0
    for m in re.finditer(pattern, text):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# folded: "đến" is "den"
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|den|toi)\s*(?:nam\s+)?((?:19|20)\d\d)\b")


# a title ranking part of a year: "quý III/2025", "6 tháng đầu năm 2025", "9 tháng", "first quarter"
_PART_OF_YEAR = re.compile(r"\bquy\s+(?:iv|i{1,3}|[1-4])\b|\b(?:6|9|sau|chin)\s+thang\b"
                           r"|\b(?:first|second|third|fourth)\s+quarter\b")
# a date's year is the day's, not the results': "Ngày 3/3/2017, UBND tỉnh công bố ...", "ngày 5 tháng 3 năm 2017"
_DATED = re.compile(r"\b\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*((?:19|20)\d\d)\b"
                    r"|\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\s*,?\s+nam\s+((?:19|20)\d\d)\b")
_PAST_YEAR = re.compile(r"\bnam\s+(?:qua|vua qua|truoc|ngoai)\b|\blast year\b|\bthe past year\b")


def _title_year(tl: str) -> int | None:
    """The year a (folded) title announces: one it names ("năm 2019"), else the latest of a range ("Nhìn lại 3 năm
    2018 - 2020", "giai đoạn 2018-2020": the one told of), else any year it holds; a date's year last, the year
    before it where the results are "năm qua" (of the past year).

    Example:
        >>> _title_year("ngay 3/3/2017, ubnd tinh cong bo chi so cai cach hanh chinh nam qua")
        2016
        >>> _title_year("ngay 3/3/2017, ubnd tinh cong bo chi so cai cach hanh chinh nam 2016")
        2016
    """
    dated = [int(m.group(2) or m.group(3)) for m in _DATED.finditer(tl)]
    tl = _DATED.sub(" ", tl) if dated else tl
    ranges = list(_YEAR_RANGE.finditer(tl))
    years = [m.group(1) for m in re.finditer(r"nam\s+((?:19|20)\d\d)", tl)
             if not any(r.start(1) == m.start(1) for r in ranges)]
    years = years or [r.group(2) for r in ranges[-1:]] or re.findall(r"\b((?:19|20)\d\d)\b", tl)
    if not years and dated:
        return dated[0] - 1 if _PAST_YEAR.search(tl) else dated[0]
    return int(years[0]) if years else None


def document_header(text: str, cues: dict[str, list[str]]) -> dict:
    """Title, publication date, decision number, evaluation year and announced indices."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    # a short headline first ("Chỉ số CCHC năm 2025", "SIPAS 2017"), else the first line of six words or more naming the
    # subject (not a note in parentheses: "(số trong ngoặc là thứ hạng năm 2020)")
    lines = [ln for ln in lines if not (ln.startswith("(") and ln.endswith(")"))]
    first = lines[0] if lines and 2 <= len(lines[0].split()) <= 25 and not lines[0].endswith(".") else None
    title = (first if first and _TITLE_WORDS.search(fold(first)) else None) or next(
        (ln for ln in lines[:12] if len(ln.split()) >= 6 and _TITLE_WORDS.search(fold(ln))
         and not LIST_NUMBER.match(ln)), None) or next(
        (ln for ln in lines if len(ln.split()) >= 8), None)
    published = None
    cited = [m.span() for m in _CITED.finditer(text)]
    head = text[:1500]
    dates = list(_DATE.finditer(head))
    # the first date, not one of a cited document nor the page's "Hôm nay: ..."; a date labelled as the
    # publication's ("Ngày xuất bản: 20/02/2025") first
    labelled = [m for m in dates if _PUBLISHED.search(head[head.rfind("\n", 0, m.start()) + 1:m.start()])]
    for m in labelled + dates:
        line = head[head.rfind("\n", 0, m.start()) + 1:m.start()]
        if any(a <= m.start() < b for a, b in cited) or "hôm nay" in line.lower():
            continue
        day, month, year = (int(g) for g in m.groups() if g is not None)
        try:
            published = date(year, month, day).isoformat()
            break
        except ValueError:
            continue
    decision = _NUMBER_LINE.search(text[:1500]) or next(
        (m for m in _DECISION.finditer(text) if not any(a <= m.start() < b for a, b in cited)), None)
    doc_year, announced = None, []
    if title:
        tl = fold(title)
        doc_year = _title_year(tl)
        lead = next((ln for ln in lines[:12] if ln != title and len(ln.split()) >= 6 and _TITLE_WORDS.search(fold(ln))),
                    None) if doc_year is None else None
        if lead:  # "Đà Nẵng: Người dân hài lòng nhất với ...": the lead's "công bố kết quả ... năm 2018"
            doc_year = _title_year(fold(lead))
        positions = sorted((tl.find(fold(c)), code) for code, cs in cues.items() for c in cs if fold(c) in tl)
        announced = list(dict.fromkeys(code for _, code in positions))
    title = title.lstrip("#* ").rstrip("*") if title else title  # a Markdown heading: "# Khánh Hòa công bố ..."
    part = _PART_OF_YEAR.search(fold(title)) if title else None
    return {"title": title, "published": published, "decision_no": decision.group(1) if decision else None,
            "year": doc_year, "announced": announced, "part_of_year": title[part.start():part.end()] if part else None}


def detect_province(text: str, gazetteer: Gazetteer, doc: TextIndex | None = None) -> str | None:
    """The province a text is about: the one its departments, districts and communes belong to most often;
    with none of those, the province it names, if it names only one. None for a national ranking.

    Example:
        >>> g = Gazetteer.load()
        >>> detect_province("Quảng Ninh dẫn đầu, Hải Phòng xếp thứ 2, Bắc Ninh xếp thứ 3.", g) is None
        True
        >>> detect_province("Hải Phòng xếp thứ 2; quận Ngô Quyền của Hải Phòng đứng đầu thành phố.", g)
        'Hải Phòng'
    """
    return document_scope(text, gazetteer, doc)[0]


def document_scope(text: str, gazetteer: Gazetteer, doc: TextIndex | None = None) -> tuple[str | None, bool]:
    """(province, local): ``detect_province``, and whether the text names any unit below a province."""
    mentions = gazetteer.mentions_in(doc, 0, len(text)) if doc is not None else gazetteer.find_mentions(text)
    units = [gazetteer.units[m.unit_id] for m in mentions]
    local = Counter(u.province for u in units if u.unit_kind not in ("ministry", "province"))
    if local:
        merged = _merged_into(gazetteer, set(local), fold(text)) if _OLD.search(text) else None
        most = local.most_common(1)[0][0]
        if merged is None and (titled := _titled_successor(gazetteer, text, mentions, most)):
            return titled, True
        return merged or most, True
    provinces = {u.province for u in units if u.unit_kind == "province"}
    if len(provinces) > 1 and _MERGER.search(text) and _BELOW.search(text):
        # "... sau khi hợp nhất tỉnh Khánh Hòa và tỉnh Ninh Thuận. Đứng đầu là Sở Tư pháp": the merged province's
        return _merged_into(gazetteer, provinces, fold(text)), False
    return (provinces.pop() if len(provinces) == 1 else None), False


def is_link_list(paragraph: str) -> bool:
    """A paragraph of links to other articles: every line a title followed by its date in parentheses."""
    lines = [ln for ln in paragraph.split("\n") if ln.strip()]
    return bool(lines) and all(_LINK_LINE.match(ln) for ln in lines)


_MERGER = re.compile(r"\b(?:hợp nhất|sáp nhập|sắp xếp|merg(?:ed|er|ing))\b", re.IGNORECASE)
# the units below a province a text ranks, where no name says it: "các sở", "Sở Tư pháp", "khối xã", "districts"
_BELOW = re.compile(r"\b(?:các sở|sở, (?:ban, )?ngành|Sở [A-ZĐ]|(?:khối|cấp) (?:xã|phường|huyện)"
                    r"|departments?|districts?|communes?|wards?)\b")
_OLD = re.compile(r"\b[Cc]ũ\b")  # "tỉnh Hà Nam (cũ)", "tỉnh Nam Định cũ": a province before the 2025 merger


def _titled_successor(gazetteer: Gazetteer, text: str, mentions: list, province: str) -> str | None:
    """The province a text's first line names, when the province of most of its units was merged into it: "UBND
    tỉnh Bắc Ninh công bố Chỉ số CCHC năm 2025 cấp xã. ... Phường Chũ, nơi từng là trung tâm thị xã Chũ, ..." is
    Bắc Ninh's story, though the old Thị xã Chũ was Bắc Giang's."""
    first_line = text.find("\n") if "\n" in text else len(text)
    titled = {gazetteer.units[m.unit_id].province for m in mentions
              if m.start < first_line and gazetteer.units[m.unit_id].unit_kind == "province"}
    if len(titled) != 1 or province in titled:
        return None
    own = next((u for u in gazetteer.provinces() if u.province == province), None)
    successor = gazetteer.units.get(own.successor_id) if own is not None and own.successor_id else None
    return successor.province if successor is not None and successor.province in titled else None


def _merged_into(gazetteer: Gazetteer, provinces: set[str], folded: str) -> str | None:
    """The province that the provinces of a text's units were merged into in 2025, when they are several and the
    text names two of them (and calls some province old: see ``document_scope``): "Tại tỉnh Hà Nam (cũ), ... Tại
    tỉnh Nam Định (cũ), ...": Ninh Bình, whose story it is.

    Example:
        >>> g = Gazetteer.load()
        >>> _merged_into(g, {"Hà Nam", "Nam Định"}, "tai tinh ha nam (cu), ... tai tinh nam dinh (cu), ...")
        'Ninh Bình'
        >>> _merged_into(g, {"Hà Nam", "Hải Phòng"}, "tinh ha nam ... hai phong") is None
        True
    """
    if len(provinces) < 2:
        return None
    by_name = {u.province: u for u in gazetteer.provinces()}
    merged = set()
    for p in provinces:
        unit = by_name.get(p)
        successor = gazetteer.units.get(unit.successor_id) if unit and unit.successor_id else unit
        merged.add(successor.province if successor else p)
    if len(merged) != 1 or sum(fold(p) in folded for p in provinces) < 2:
        return None
    return merged.pop()
