"""Cues in a text: the index, component, bloc or national ranking a sentence (or the whole text) names.

Searched in the text folded to ASCII (``fold``): "Chỉ số hài lòng" and "Chi so hai long" are one cue.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from flows.paths import SEED_DIR
from flows.seeds import index_rows
from flows.textnorm import fold

BLOC_CUE = re.compile(r"(?:khoi|doi voi|o khoi|tai khoi)\s+(?:cac\s+)?(?:ubnd\s+(?:cac\s+)?)?"
                      r"(so|quan|huyen|thanh pho|thi xa|phuong|xa|dac khu)\b"
                      r"(,?\s*(?:huyen|thi xa|thanh pho|phuong|xa|dac khu|thi tran)\b)?")
BLOC_KIND = {"so": "department", "quan": "district", "huyen": "district", "thanh pho": "district",
             "thi xa": "district", "phuong": "commune", "xa": "commune", "dac khu": "commune"}

# Patterns searched in a whole text start with a literal or a class of first characters, so that the regex
# engine skips to the next candidate ("\\bkhoi" is "khoi(?<!\\wkhoi)"): an alternation that starts with
# "\\b" or "\\d+" is tried at every position (0.1-0.6 ms for an 8 KB text, each).
TOWNS_CUE = re.compile(r"khoi(?<!\wkhoi)\s+(?:cac\s+)?(?:thanh pho,?\s*thi xa|thi xa,?\s*thanh pho)\b")
COMPONENT = re.compile(r"[ltc](?<!\w[ltc])(?:(?<=l)inh vuc|(?<=t)ieu chi|(?<=c)hi so thanh phan)\s+(?:so\s+)?\d")

# a national ranking: one pattern per shape of alternative (one alternation of them all: 0.6 ms a text)
_NATIONAL = tuple(re.compile(p) for p in (
    r"/\s*(?:63|64|34)\b|ca nuoc|toan quoc|cac tinh\b|nationwide|out(?<!\wout) of (?:63|64|34)\b"
    r"|in(?<!\win) the country\b",
    r"(?:63|64|34)(?<!\w\d\d)\s+(?:tinh|provinces)",  # "63 tỉnh", not "1.263 tỉnh"
    r"[\dcn](?:(?<=\d)\d*|(?<=c)ac|(?<=n)hung)\s+tinh,\s*thanh"))  # "các tỉnh, thành", "63 tỉnh, thành"
_YEAR_BEFORE_CUE = re.compile(r"\b(?:provincial|national|annual)\b")  # "the 2022 provincial PAR Index"


@lru_cache(maxsize=1)
def criterion_cues() -> tuple[str, ...]:
    """Folded phrases that name a PAR component (field or criterion), from ``criterion_cues.csv``."""
    with open(SEED_DIR / "criterion_cues.csv", encoding="utf-8", newline="") as fh:
        return tuple(fold(r["cue"].strip().lower()) for r in csv.DictReader(fh) if r["cue"].strip())


def component_cues(folded: str, s: int, e: int, cues: tuple[str, ...] | None = None,
                   numbered: bool = True) -> list[int]:
    """Where a sentence names a PAR component ("lĩnh vực hiện đại hóa hành chính", "tiêu chí 3").

    ``cues``: the criterion cues to look for (those the whole text holds); ``numbered``: False when
    the whole text has no "tiêu chí 3"."""
    found = [m.start() for m in COMPONENT.finditer(folded, s, e)] if numbered else []
    for cue in criterion_cues() if cues is None else cues:
        at = folded.find(cue, s, e)
        if at >= 0:
            found.append(at)
    return found


@lru_cache(maxsize=1)
def index_cues() -> dict[str, tuple[str, ...]]:
    """Cue phrases per index code, from ``dim_index.csv`` (lowercased), read once per process."""
    return {r["index_code"]: tuple(c.strip().lower() for c in r["cues"].split("|") if c.strip())
            for r in index_rows()}


@lru_cache(maxsize=1)
def _cue_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One regex for all index cues (folded), and the index code of each folded cue."""
    code_of = {fold(phrase): code for code, phrases in index_cues().items() for phrase in phrases}
    alternatives = "|".join(re.escape(c) for c in sorted(code_of, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)"), code_of


def sentence_index(folded: str, s: int, e: int) -> list[tuple[int, str, bool]]:
    """(position, index code, aside: in parentheses, a breakdown, or a part of the index named before it) of
    the index cues in a sentence (folded)."""
    pattern, code_of = _cue_pattern()
    hits: list[tuple[int, str, bool]] = []
    for m in pattern.finditer(folded, s, e):
        code = code_of[m.group()]
        aside = inside_parentheses(folded, s, m.start()) or _breakdown(folded, s, m.start()) or bool(
            _ALONGSIDE.search(folded, max(s, m.start() - 24), m.start()))
        if code == "SURVEY" and not aside:
            aside = any(_PART_OF.search(folded, pos, m.start()) and not any(c in folded[pos:m.start()] for c in ";.")
                for pos, other, _ in hits if other != "SURVEY")
        hits.append((m.start(), code, aside))
    return hits


# "Cùng với Chỉ số CCHC, UBND tỉnh công bố Chỉ số hài lòng ...": the index named alongside is not the subject
_ALONGSIDE = re.compile(r"(?<!\w)(?:cung voi|ben canh|song song voi|ngoai)\s+(?:(?:bo\s+)?chi so\s+)?$")


# The survey's fieldwork, not its score: "phát 1.250 phiếu điều tra xã hội học", "cuộc điều tra xã hội học".
_FIELDWORK = re.compile(r"\b(?:phieu|cuoc|cong tac|trien khai|to chuc)\s+$")


def fieldwork(folded: str, s: int, pos: int) -> bool:
    """True for a survey cue naming the fieldwork ("phát phiếu điều tra xã hội học"): its results, if any,
    follow in the same paragraph."""
    return bool(_FIELDWORK.search(folded, max(s, pos - 12), pos))
# The survey named as a part of the index named before it: "Chỉ số CCHC gồm điểm thẩm định và điểm điều tra xã
# hội học", "... được đánh giá trên cơ sở ...".
_PART_OF = re.compile(r"\b(?:gom|bao gom|cau thanh|ket hop|tren co so|dua tren|can cu|thong qua|thang diem)\b")


def _breakdown(folded: str, s: int, pos: int) -> bool:
    """True for a cue in a breakdown of the figure before it, up to the clause's end ("93,47 điểm, trong đó
    điểm điều tra xã hội học đạt 31,20/35 điểm; Sở Tư pháp ..."): it names that part, not what follows."""
    at = folded.rfind("trong do", s, pos)
    return at >= 0 and not any(c in folded[at:pos] for c in ";.")


# between an index's name and its year: "Chỉ số cải cách hành chính (Chỉ số) 2017", "Public Administration Reform
# Index 2025", "administrative reform for 2017"
_BETWEEN = re.compile(r"\b(?:chi so|index|for|of|in)\b")


def names_index(folded: str, cue_hits: list[tuple[int, str, bool]], year_at: int, year_end: int) -> bool:
    """True when a year directly follows an index name ("Chỉ số cải cách hành chính năm 2017"), or
    stands right before it ("the 2022 Public Administration Reform Index", "the 2022 PAR Index")."""
    return any((0 <= year_at - end <= 25 and not _BETWEEN.sub("", folded[end:year_at]).strip(" ()"))
               or (0 <= pos - year_end <= 12 and not _YEAR_BEFORE_CUE.sub("", folded[year_end:pos]).strip())
               for pos, end in ((pos, cue_end(folded, pos)) for pos, _, _ in cue_hits))


def cue_end(folded: str, pos: int) -> int:
    pattern, _ = _cue_pattern()
    m = pattern.match(folded, pos)
    return m.end() if m else pos


def is_national(folded: str, s: int, e: int) -> bool:
    """True when ``folded[s:e]`` speaks of the provinces of the country ("xếp thứ 5/63", "cả nước")."""
    return any(pattern.search(folded, s, e) for pattern in _NATIONAL)


def bloc_cue(text: str, folded: str, s: int, e: int) -> re.Match | None:
    """The first bloc cue of a sentence ("khối quận, huyện"), not a kind word that starts a name
    ("đối với huyện Thọ Xuân", "khối sở Tư pháp")."""
    for m in BLOC_CUE.finditer(folded, s, e):
        if m.group(2) or not text[m.end(1):m.end(1) + 2].strip()[:1].isupper():
            return m
    return None


def inside_parentheses(low: str, s: int, pos: int) -> bool:
    before = low[s:pos]
    return before.count("(") > before.count(")")
