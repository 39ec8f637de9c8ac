"""The lexical rules for sources written in English about the same results.

"Ngo Quyen district ranked first with 91.93 points", "the Department of Finance came second",
"tied for sixth", "up three places from 2018": the same token kinds as the Vietnamese rules, so
grouping, context and ranking work unchanged. Units are matched by the gazetteer (English names and
names without diacritics).
"""

from __future__ import annotations

import re
from typing import Any

from flows.extract.scan import year_span

_NUM = r"\d+(?:\.\d+)?"
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                  "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                  "nineteenth": 19, "twentieth": 20}
_SMALL = r"(?:\d+|" + "|".join(_WORD_NUMBERS) + ")"
_ORD = r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + ")"
_POINTS = r"(?:points?|pts|%|percent|per cent)"
# "20 city departments", "the 21 provincial departments": a word between the number and the noun
ADJECTIVE = r"(?:(?:city|provincial|municipal|urban|rural|local)\s+)?"
# English nouns of counts, mapped to the Vietnamese noun the claim logic knows.
_NOUN_VI = {"department": "sở", "agenc": "sở", "district": "quận, huyện", "unit": "đơn vị", "localit": "địa phương",
            "province": "tỉnh", "ward": "phường", "commune": "xã", "minist": "bộ"}
_NOUNS = (r"(?:departments?|agenc(?:y|ies)|districts?|units?|localit(?:y|ies)|provinces?|wards?|communes?"
          r"|ministr(?:y|ies))")


def ordinal_en(text: str) -> int | None:
    """A rank written in English: "first", "2nd", "14th".

    Example:
        >>> ordinal_en("first"), ordinal_en("14th"), ordinal_en("the"), ordinal_en("No. 3")
        (1, 14, None, 3)
    """
    word = text.strip().lower()
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    digits = re.search(r"\d+", word)
    return int(digits.group()) if digits and int(digits.group()) >= 1 else None


def _place_range(m: re.Match) -> dict:
    """Places from one to another, as written ("third to fifth": 3, 4, 5; "63 to 59": 63 down to 59)."""
    a, b = (int(x) if x.isdigit() else ordinal_en(x) for x in (m.group("a"), m.group("b")))
    step = 1 if b >= a else -1
    ranks = list(range(a, b + step, step)) if a and b and 0 < abs(b - a) < 30 else []
    return {"ranks": ranks, "tied": False, "of": None}


_FROM_LAST = r"(?:second|third|fourth|fifth|2nd|3rd|4th|5th)"


def _from_last(m: re.Match) -> dict:
    """The places above the last one: 1 for "second lowest"; "the second and third lowest" gives 1, then 2."""
    above = (ordinal_en(m.group("n")) or 2) - 1
    if m.group("n2"):
        return {"above": above, "each": [above, (ordinal_en(m.group("n2")) or 2) - 1]}
    return {"above": above}


def _small(word: str) -> int:
    return int(word) if word.isdigit() else _WORD_NUMBERS[word]


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(_NUM, text)]


def _ranks(m: re.Match) -> dict:
    found = [ordinal_en(o) for o in re.findall(_ORD + r"|no\.\s*\d+|number\s+\d+", m.group("ords"))]
    of = m.groupdict().get("of")
    return {"ranks": [r for r in found if r], "tied": m.group(0).startswith(("tied", "joint")),
            "of": int(of) if of else None}


def _bound(m: re.Match) -> dict:
    word, value = m.group("w"), float(m.group("a"))
    if m.groupdict().get("b"):
        return {"min": value, "max": float(m.group("b")), "op": "between"}
    if word in ("below", "under", "less than", "fewer than", "lower than"):
        return {"min": None, "max": value, "op": "<"}
    return {"min": value, "max": None, "op": ">=" if word == "at least" else ">"}


def _count(m: re.Match) -> dict:
    noun = next(vi for en, vi in _NOUN_VI.items() if m.group("noun").startswith(en))
    of = m.group("of") or m.group("of2")
    return {"count": _small(m.group("n")), "of": int(of) if of else None, "member": m.group("member") is not None,
            "noun": noun}


def _move(m: re.Match) -> int:
    down = m.group("dir") in ("down", "fell", "dropped", "slipped", "declined", "lost", "moved down", "falling",
                              "dropping", "slipping", "declining", "losing")
    return -_small(m.group("n")) if down else _small(m.group("n"))


# the time of a past span ("for years", "in previous years", "until 2020") and the verbs of a place held in it
_PAST = (r"(?:used to|once|previously|formerly|long|for (?:\w+\s+){0,2}(?:years|decades)|for a decade"
         r"|in (?:the\s+)?(?:past|previous|earlier|prior) years|(?:since|until|from|between) (?:19|20)\d\d)")
_PLACED = r"(?:held|led|lead|topped|top|ranked|rank|kept|headed|dominated|was|were|came|finished|placed)"
# after "the highest": "in"/"on"/"for" a field of the index ("in administrative procedure reform"), not "in the index"
_NOT_A_FIELD = r"(?!\s+(?:\w+\s+){0,2}?(?:in|on|for)\s+(?!the\b|this\b|its\b|(?:19|20)\d\d\b))"
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
           r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?")  # a wire's dateline: "HUE, Feb. 25, 2026 -"
EN_RULES: list[tuple[str, str, Any]] = [
    ("mask", r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\b\d{1,2}:\d{2}\b", None),
    ("mask", r"\b(?:" + _MONTHS + r")\s*\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\s+(?:" + _MONTHS
             + r")\s+\d{4}\b", None),
    ("mask", r"\b\d+/\d*[a-z][\w\-/.]*", None),
    ("mask", r"\+?\b\d{2,4}[.\- ]\d{3,4}[.\- ]\d{3,4}\b", None),
    ("mask", r"\S+@\S+|https?://\S+|\bwww\.\S+", None),
    # a relative clause about the past: "Quang Ninh, which had held first place for nine years, came second",
    # "Hue, which led the index for years, slipped to ninth" (not "which ranked first this year")
    ("mask", r"\b(?:which|who)\s+(?:(?:had|has|have)\s+(?:\w+\s+)?(?:held|been|led|topped|ranked|kept)\b"
             r"|(?=[^,;.]*\b" + _PAST + r"\b)(?=[^,;.]*\b" + _PLACED + r"\b))[^,;.]*", None),
    ("mask", r"(?:average|mean)[^.;()]{0,60}?" + _NUM + r"\s*" + _POINTS, None),
    # when a unit was founded, not the year of its figures: "the Food Safety Board, set up as a pilot in 2017, ..."
    ("mask", r"\b(?:set up|established|founded|created|formed|launched|piloted)\b[^.;,()]{0,20}?\s+in\s+"
             r"(?:19|20)\d\d\b", None),
    # "the third consecutive year", "the second year in a row": the same place the years before too
    # ("for third straight year", "for the fourth consecutive time", "for the third year running")
    ("streak", r"\b(?:for\s+)?(?:the\s+)?(?P<n>" + _ORD + r")\s+(?:(?:consecutive|straight|successive)\s+(?:year|time)"
               r"|year\s+(?:in\s+a\s+row|running))\b",
     lambda m: {"years": ordinal_en(m.group("n"))}),
    ("mask", r"\b(?:for the|the)\s+" + _ORD + r"\s+(?:consecutive\s+)?(?:year|time)\b", None),
    # a share of something else, not a score: "GRDP grew 10.05 per cent", "98.6 percent of dossiers"
    ("mask", r"\b(?:grdp|gdp|grew|growth|budget|revenue|disburse\w*|dossiers?|applications?|online|on time|poverty)\b"
             r"[^.;()]{0,40}?" + _NUM + r"\s*(?:%|percent|per cent)|" + _NUM + r"\s*(?:%|percent|per cent)\s+of\s+"
             r"(?!the\s+(?:total|maximum)\b)", None),
    ("year_range", r"(?:from|since|between)\s+((?:19|20)\d\d)\s*(?:-|–|to|until|and)\s*(?:(?:19|20)\d\d|now|present)"
                   r"|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b|since\s+(?:19|20)\d\d", year_span),
    ("bound", r"(?P<w>between)\s+(?P<a>" + _NUM + r")\s*(?:points?)?\s+and\s+(?P<b>" + _NUM + r")\s*" + _POINTS,
     _bound),
    ("bound", r"(?P<w>above|over|more than|higher than|at least|below|under|less than|fewer than|lower than)\s+"
              r"(?P<a>" + _NUM
              + r")\s*" + _POINTS, _bound),
    ("move", r"(?P<dir>moved up|moved down|up|rose|climbed|jumped|improved|gained|down|fell|dropped|slipped|declined"
             r"|lost|rising|climbing|jumping|gaining|falling|dropping|slipping|declining|losing)\s+(?:by\s+)?(?P<n>"
             + _SMALL + r")\s+(?:places?|spots?|positions?|ranks?|notch(?:es)?)", _move),
    ("change", r"(?:up|down|increased?|decreased?|rose|fell|gained|lost|higher|lower|improved|raised|added)\s+"
               r"(?:(?:its|their|the)\s+(?:[a-z]+\s+){0,2}?)?(?:by\s+)?" + _NUM
               + r"\s*(?:percentage\s+)?" + _POINTS + r"|[+−]\s?" + _NUM + r"\s*" + _POINTS, None),
    # "A and B rounded out the top three": the last places of the top three (2 and 3 for two units)
    ("ranks", r"(?:round(?:ed|s|ing)?\s+(?:out|off)|complet(?:ed|es|ing)|clos(?:ed|es|ing)\s+out)\s+the\s+top\s+"
              r"(?P<n>" + _SMALL + r")\b(?:\s+" + _NOUNS + r")?",
     lambda m: {"ranks": [_small(m.group("n"))], "tied": False, "of": None, "tail": True}),
    # "was runner-up", "the second runner-up" (the third place)
    ("ranks", r"\b(?:(?P<which>first|second|third)\s+)?runner[- ]up\b",
     lambda m: {"ranks": [{"second": 3, "third": 4}.get(m.group("which") or "", 2)], "tied": False, "of": None}),
    # "ranked last among 17 ministries", "came last of the 63 provinces": the last place of a stated size
    ("ranks", r"(?:(?:ranked|came|finished|placed|was|were|stood)\s+(?:in\s+|at\s+the\s+|at\s+)?(?:last|bottom)"
              r"(?:\s+place)?|(?:had|was|posted|recorded|scored)\s+the\s+lowest)\s+(?:among|of|out of|in)\s+"
              r"(?:the\s+|all\s+)?(?P<n>\d{1,3}|" + "|".join(_WORD_NUMBERS) + r")\s+(?:[\w-]+\s+){0,2}?"
              + _NOUNS + r"\b", lambda m: {"ranks": [_small(m.group("n"))], "tied": False, "of": _small(m.group("n"))}),
    # "the bottom two were A and B", "the last three places went to": a count of last places
    ("last", r"\bthe\s+(?:bottom|last)\s+(?P<n>" + _SMALL + r")\b(?!\s+(?:years?|decades?|months?|weeks?|times?"
             r"|editions?|surveys?|rounds?)\b)(?:\s+(?:places?|spots?|positions?|" + _NOUNS + r"))?",
     lambda m: {"count": _small(m.group("n"))}),
    # "second from the bottom", "third-to-last", "the second-lowest": counted up from the last place; "the second and
    # third lowest": one such place for each unit, in turn
    ("last", r"\b(?:the\s+)?(?P<n>" + _FROM_LAST + r")(?:-?\s+and\s+(?:the\s+)?(?P<n2>" + _FROM_LAST + r"))?"
             r"(?:[- ]to[- ]last|[- ]from[- ](?:the[- ])?(?:bottom|last)|[- ](?:lowest|last)\b)", _from_last),
    # "A (91.2 points), B (90.55) and C (89.84) made up the top three": the first places, in the order written
    ("top", r"\b(?:made up|make up|makes up|formed|form|forms|comprised|were|are|took)\s+the\s+top\s+(?P<n>"
            + _SMALL + r")\b(?!\s+(?:places?|spots?|positions?)\s+(?:for|in)\b)",
     lambda m: {"count": _small(m.group("n"))}),
    # "came third to fifth", "occupied places 63 to 59 (in that order)": a place for each unit, in turn
    ("ranks", r"(?:came|ranked|placed|finished|were|took|occupied|held|filled)\s+(?:from\s+)?(?:the\s+)?"
              r"(?:places?\s+|positions?\s+)?(?P<a>" + _ORD + r"|\d{1,2})\s+(?:to|through)\s+(?:the\s+)?"
              r"(?P<b>" + _ORD + r"|\d{1,2})\b"
              r"(?:\s+(?:places?|positions?))?", _place_range),
    # "The fourth to sixth positions went to A, B and C": a place for each unit named after it, in turn
    ("ranks", r"\b(?:the\s+)?(?P<a>" + _ORD + r")\s+(?:to|through|-|–)\s+(?:the\s+)?(?P<b>" + _ORD
              + r")\s+(?:places?|positions?|spots?)\b", _place_range),
    ("ranks", r"(?:tied|joint)\s+(?:for\s+)?(?:the\s+)?(?P<ords>" + _ORD + r")(?:\s+place)?", _ranks),
    ("ranks", r"(?:ranked|ranks|ranking|placed|came|come|comes|finished|stood|was|were|is|are|in|at|reached|secured"
              r"|claimed|occupied|held|had been|has been|have been"
              r"|(?:ranking|placing|putting|leaving)\s+(?:it|them))\s+(?:in\s+|at\s+)?"
              r"(?:the\s+)?(?P<ords>" + _ORD + r"(?:\s*(?:,|and)\s*(?:the\s+)?" + _ORD + r")*|no\.\s*\d+|number\s+\d+)"
              r"(?:\s+(?:place|position|spot))?(?:\s+(?:out\s+)?of\s+(?:the\s+)?(?P<of>\d+))?", _ranks),
    ("ranks", r"(?<=from )(?:the\s+)?(?P<ords>" + _ORD + r")(?:\s+(?:place|position|spot))?", _ranks),
    # a table read out in prose: "Quang Ninh, 90.13 points, rank 1; Hai Phong, 86.82 points, rank 3"
    ("ranks", r"(?:(?<=, )|(?<=; )|(?<=\())rank\s+(?P<ords>\d{1,3})\b(?![.,]\d)"
              r"(?:\s*(?:/|of|out of)\s*(?P<of>\d{1,3}))?",
     lambda m: {"ranks": [int(m.group("ords"))], "tied": False, "of": int(m.group("of")) if m.group("of") else None}),
    # the place after the score in one bracket: "Khanh Hoa (82.67 points; 20th)"
    ("ranks", r"(?<=; )(?P<ords>\d{1,2}(?:st|nd|rd|th))(?=\s*\))", _ranks),
    ("ranks", r"(?:the\s+)?(?P<ords>" + _ORD + r"(?:\s*(?:,|and)\s*(?:the\s+)?" + _ORD + r")*)\s+(?:places?|positions?"
              r"|spots?)\b", _ranks),
    ("ranks", r"(?<=to )(?:the\s+)?(?P<ords>" + _ORD + r")\b", _ranks),
    # "Lai Chau (61st), Dak Nong (62nd)", "(16th, 81.45 points)", "88.55 points (9th of 63)"
    ("ranks", r"(?<=\()\s*(?P<ords>" + _ORD + r")(?:\s+(?:place\s+)?(?:out\s+)?of\s+(?:the\s+)?(?P<of>\d{1,3}))?"
              r"\s*(?=\)|[,;]\s*\d)", _ranks),
    # "improved its score but remained 63rd", "stayed at fifth place": the place kept (the "continue" before it)
    ("ranks", r"(?:(?<=remained )|(?<=remains )|(?<=stayed )|(?<=stays ))(?:at\s+|in\s+)?(?:the\s+)?(?P<ords>"
              + _ORD + r")\b(?:\s+(?:place|position|spot))?", _ranks),
    # "the Department of Finance third with 89.47": a place without a verb, right before its score
    ("ranks", r"(?<=[\s,])(?P<ords>" + _ORD + r")(?=,?\s+(?:with|at)\s+\d|\s*\(\s*\d)", _ranks),
    # "ranked 2nd in the PAR Index with 89.63 points, and 3rd in SIPAS": a place after "and", of what follows
    ("ranks", r"(?<=\band )(?P<ords>" + _ORD + r")(?=\s+(?:in|on|for)\s)", _ranks),
    # "A ranked 18th, B 19th and C 20th": a place written with its digits after a unit, the verb left out; "..., and
    # Tam Ky Ward fifth.": in words, closing its clause
    ("ranks", r"(?<=[a-z] )(?P<ords>\d{1,2}(?:st|nd|rd|th))(?=\s*(?:,|;|\band\b|\.(?!\d)|$))", _ranks),
    ("ranks", r"(?<=[a-z] )(?<!the )(?<!a )(?P<ords>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
              r"(?=\s*(?:;|\.(?!\d)|$))", _ranks),
    # "Cam Lam District, fifth, had 82.55 points": a place between commas after its unit; "Department of
    # Construction: 12th out of 19 (84.25 points)": after a colon
    ("ranks", r"(?:(?<=, )|(?<=: ))(?P<ords>" + _ORD + r")(?:\s+(?:out\s+)?of\s+(?P<of>\d{1,3}))?"
              r"(?=\s*[,(]|[ \t]*(?:\n|$))", _ranks),  # "- Nha Trang City: 90.12 points, 1st": at a line's end
    # "83.65 percent, 13th in the country": a place after the score it goes with
    ("ranks", r"(?<=, )(?P<ords>" + _ORD + r")(?=\s+(?:in the country|nationwide|in the nation|among|out of|of the)\b)",
     _ranks),
    ("count", r"(?:(?P<member>\d+|one)\s+of\s+the\s+)?\b(?P<n>" + _SMALL + r")(?:\s*/\s*(?P<of>\d+)|\s+(?:out\s+)?of"
              r"\s+(?:the\s+)?(?P<of2>\d+))?\s+" + ADJECTIVE + r"(?P<noun>" + _NOUNS + r")\b", _count),
    ("freq", r"\b" + _SMALL + r"\s+years?\s+(?:in a row\s+)?(?=tied|ranked|placed|as|at|in)", None),
    ("scores", r"(?:" + _NUM + r"\s*(?:,\s+|;\s*|\s+and\s+)){0,8}" + _NUM + r"\s*(?:/\s*100\s*)?" + _POINTS,
     lambda m: _numbers(re.sub(r"/\s*100", "", m.group(0)))),
    ("scores", r"(?<=\()\s*\d+\.\d+\s*(?=\))", lambda m: _numbers(m.group(0))),
    # "Khanh Hoa (82.67; 20th)": a bare score before the place in one bracket
    ("scores", r"(?<=\()\d{2,3}\.\d{1,2}(?=\s*;\s*\d{1,2}(?:st|nd|rd|th)\s*\))", lambda m: _numbers(m.group(0))),
    # "Hai Phong (second, 81.69)": a bare score after the place in one bracket
    ("scores", "(?:" + "|".join(rf"(?<=\({o}, )" for o in (
        r"\d(?:st|nd|rd|th)", r"\d\d(?:st|nd|rd|th)", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth")) + r")\d{2,3}\.\d{1,2}(?=\s*\))", lambda m: _numbers(m.group(0))),
    # "... third with 89.47", "scored 92.87, the highest", "just behind at 90.87": a score without its unit, where a
    # clause ends
    ("scores", r"(?:(?<=\bwith )|(?<=\bscored )|(?<=\bat )|(?<=\ba score of )|(?<=\ba total of ))\d{2}\.\d{1,2}"
               r"(?=\s*(?:[,;)]|\.(?!\d)|$"
               r"|\s+(?:and|while|followed|ahead|behind|respectively)\b))|(?<=\bbehind at )\d{2}\.\d{1,2}\b",
     lambda m: _numbers(m.group(0))),
    ("top", r"\btopped\b|\btops\b|\bled\b|\bleads\b|\b(?:was|were|is|as)\s+the\s+leading\s+(?:locality|unit|district"
            r"|department|province|ward|commune|agency|ministry)\b|\b(?:its|their|the)\s+leading\s+(?:position|place|spot)\b"
            r"|\b(?:taken|took|takes|take)\s+the\s+lead\b"
            r"|\b(?:the\s+)?(?:best|top)[- ]performing\b|\bthe best performer\b"
            r"|(?<=continued to )lead\b|(?<=continues to )lead\b"
            r"|\btop (?:spot|position|place)\b|\bfirst place\b|\bled the\b"
            r"|\b(?:came|comes|come|finished|ended up|emerged)\s+(?:out\s+)?on\s+top\b"  # "came out on top at 88.76"
            r"|\bheaded the (?:list|table|ranking)\b"
            # not "scored highest in administrative procedure reform": a field of the index
            r"|\bscored (?:the\s+)?highest\b(?!\s+(?:in|on|for)\b)"
            # not "had the highest score in administrative procedure reform" (a field), but "... in the PAR Index"
            r"|\b(?:had|has|posted|recorded|achieved|earned|got|won)\s+the\s+highest\b" + _NOT_A_FIELD
            + r"|\bthe highest (?:score|level|rate|satisfaction)\b" + _NOT_A_FIELD
            + r"|\bthe highest(?=\s+among\b)"  # "scored 92.87, the highest among departments"
            + r"|(?<=\s)highest(?=\s+(?:at|with)\s+\d)",  # "with Tân Uyên city highest at 92.15 percent"
     None),
    ("last", r"(?<=\s)(?:lowest|last)(?=,?\s+(?:at|with)\s+\d)",  # "... and Dầu Tiếng lowest at 84.02 percent"
     None),
    # "Lai Chau had the lowest satisfaction, at 79.02 per cent"
    ("last", r"\b(?:had|has|posted|recorded|got)\s+the\s+lowest\b" + _NOT_A_FIELD, None),
    ("last", r"\bthe\s+(?:worst|weakest|lowest)[- ]performing\b|\bthe\s+(?:worst|weakest) performer\b", None),
    # "The lowest was Vinh Thanh District", "Vinh Thanh District was the lowest"
    ("last", r"\bthe\s+lowest\s+(?:was|were|is|went to)\b|\b(?:was|were)\s+the\s+lowest\b(?!\s+(?:in|on|for)\b)",
     None),
    ("last", r"(?:ranked|came|finished|placed|was|were)\s+(?:in\s+|at\s+the\s+|at\s+)?(?:last|bottom)\b(?!\s+year)"
             r"|\blast place\b|\bat the bottom\b|\bthe lowest (?:score|scores|place)\b|\b(?:lowest|bottom)[- ]ranked\b",
     None),
    ("year", r"\(\s*((?:19|20)\d\d)\s*\)", lambda m: {"year": int(m.group(1)), "paren": True}),
    ("year", r"(?P<ref>(?:compared (?:with|to)|than|as in|versus|vs\.?|from)\s+)?(?:in\s+|year\s+)?\b((?:19|20)\d\d)\b",
     lambda m: {"year": int(m.group(2)), "paren": False, "ref": bool(m.group("ref"))}),
    ("year_rel", r"last year|the previous year|a year earlier|the year before|this year",
     lambda m: 0 if "this" in m.group(0) else -1),
    ("next", r"\bfollowed by\b|\bnext (?:came|were|was)\b|\bthen came\b|\bnext in line (?:were|was|came)\b"
             r"|\bahead of\b|\bfollowed(?=\s*(?:[.;]|,?\s+in that order))(?:,?\s+in that order)?"
             r"|\bfollowed(?=\s+with\s+\d)"  # "A and B followed with 89.40 and 88.64 per cent respectively"
             r"|\b(?:came|come|comes|were|was|ranked|placed)\s+next\b", None),  # "A and B came next with ..."
    ("respective", r"\brespectively\b|\bin that order\b", None),  # after "followed, in that order" ("next")
    ("ordered", r"in descending order|from (?:the\s+)?highest to (?:the\s+)?lowest|from high to low", None),
    ("unordered", r"in (?:no particular|alphabetical) order|not in (?:rank )?order|listed alphabetically", None),
    ("ascending", r"in ascending order|from (?:the\s+)?lowest to (?:the\s+)?highest|from low to high", None),
    ("habitual", r"\balways\b|for many years|\bpreviously\b|in previous years|\bused to\b", None),
    ("continue", r"\bremained\b|\bretained\b|\bkept\b|\bmaintained\b|\bstayed\b|\bheld on to\b|\bcontinued\b"
                 r"|\bcontinues\b", None),
    ("take", r"\bovertook\b|\btook over\b|\breplaced\b|\bsurpassed\b|\bunseated\b", None),
    # "A and B tied for last place", "shared the top spot": one place for both
    ("shared", r"\bboth\b|\beach\b|\bthe same score\b|\bequal\b"
               r"|\btied\b(?=\s+for\s+(?:the\s+)?(?:last|bottom|top|first)\b)"
               r"|\bshared\b(?=\s+(?:the\s+)?(?:last|bottom|top|first)\b)", None),
]

_STOPWORDS = re.compile(r"\b(?:the|with|points|ranked|ranking|ranks|and|of|was|were|in|percent|per cent|index"
                        r"|reached|scored|while|placed|province|city|its|from|by|for|first|second|third|topped"
                        r"|followed|nationwide|satisfaction|rose|fell|climbed|dropped|slipped|moved|places|position"
                        r"|came|last|lowest|highest|led|district|department|ministry|also|has|had|is|are|year)\b")


def looks_english(text: str) -> bool:
    """True for a paragraph written in English rather than Vietnamese (with or without diacritics),
    also when it keeps the diacritics of the names it cites.

    Example:
        >>> looks_english("The Department of Finance ranked first with 94.71 points.")
        True
        >>> looks_english("quan Kien An dung dau voi 93,4%; huyen Thuy Nguyen dung thu 2")
        False
        >>> looks_english("Thừa Thiên Huế was fourth, while Đắk Lắk placed 51st with 80.2 percent.")
        True
        >>> looks_english("Tỉnh Quảng Ninh dẫn đầu Chỉ số PAR Index năm 2020 với 91,04% và là tỉnh thứ 3 in the top")
        False
        >>> looks_english("PAR INDEX 2023: Bắc Ninh vượt Đà Nẵng"), looks_english("BẮC NINH DẪN ĐẦU PAR INDEX")
        (False, False)
    """
    words = text.split()
    english = len(_STOPWORDS.findall(text.lower()))
    if english / max(1, len(words)) <= 0.12:
        return False
    return text.isascii() or english > 2 * _vietnamese_words(words)


def _vietnamese_words(words: list[str]) -> int:
    """How many words are Vietnamese rather than a name: written with diacritics, and in lower case ("của",
    "dẫn") or in capitals ("ĐẦU"), where a name cited in English is capitalised ("Quảng", "Phòng's").

    Example:
        >>> _vietnamese_words("Hải Phòng's score (Bộ Tư pháp) HÀ NỘI vượt".split())
        4
    """
    n = 0
    for word in words:
        if not word.isascii():
            core = word.strip(".,;:!?()[]\"'“”‘’-–—")
            n += core[:1].islower() or (len(core) > 1 and core.isupper())
    return n
