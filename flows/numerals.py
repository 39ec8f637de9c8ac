"""Vietnamese numbers and ordinals, as they are written in announcements.

Example:
    >>> parse_decimal("91,93"), parse_decimal("95.98"), parse_decimal("82")
    (91.93, 95.98, 82.0)
    >>> parse_ordinal("nhất"), parse_ordinal("thứ tư"), parse_ordinal("02"), parse_ordinal("mười lăm")
    (1, 4, 2, 15)
"""

from __future__ import annotations

import re

_DIGITS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5, "sáu": 6,
    "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
_ORDINAL_ONLY = {"nhất": 1, "nhì": 2}
# Words as written without diacritics; "mười"/"mươi" both fold to "muoi" and are told apart by position.
_FOLDED = {"mot": "một", "bon": "bốn", "tu": "tư", "nam": "năm", "lam": "lăm", "nham": "nhăm", "sau": "sáu",
           "bay": "bảy", "tam": "tám", "chin": "chín", "nhat": "nhất", "nhi": "nhì"}
#: Words that can spell a rank after "thứ" (longest first, for use in regular expressions).
ORDINAL_WORDS = sorted(
    {*(_DIGITS), *(_ORDINAL_ONLY), "mười", "mươi", "mốt"}, key=len, reverse=True
)
#: A rank written in words ("mười một", "hai mươi mốt") or digits ("02"), as a regex fragment.
ORDINAL_PATTERN = (
    r"(?:\d{1,3}(?![.,]\d)|(?:mười|hai mươi|ba mươi|bốn mươi|năm mươi|sáu mươi)"
    r"(?:\s+(?:mốt|một|hai|ba|bốn|tư|lăm|nhăm|năm|sáu|bảy|bẩy|tám|chín))?"
    r"|nhất|nhì|hai|ba|bốn|tư|năm(?!\s+(?:\d|nay|trước|ngoái|qua|liền|sau|kế))|sáu|bảy|bẩy|tám|chín)(?!\w)"
    # "thứ 3, tương ứng": not "tư"; "thứ 41 và năm 2018", "thứ 9, năm nay ...": a year, not a fifth place
)
_SPACES = re.compile(r"\s+")


def parse_decimal(text: str) -> float:
    """A score or percentage as written: decimal comma or dot, no thousands separators.

    Example:
        >>> parse_decimal("63,9"), parse_decimal(" 102,50 ")
        (63.9, 102.5)
    """
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned and "." in cleaned:
        # Both separators: the last one is the decimal mark ("1.234,5").
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        cleaned = cleaned.replace("." if decimal == "," else ",", "")
    return float(cleaned.replace(",", "."))


def words_to_int(words: str) -> int | None:
    """A cardinal written in Vietnamese words, up to 99; None if it is not one.

    Example:
        >>> words_to_int("mười một"), words_to_int("hai mươi mốt"), words_to_int("ba mươi lăm")
        (11, 21, 35)
        >>> words_to_int("bốn"), words_to_int("xanh") is None, words_to_int("hai muoi mot")
        (4, True, 21)
    """
    parts = [_FOLDED.get(p, p) for p in _SPACES.split(words.strip().lower())]
    if not parts or not parts[0]:
        return None
    if parts[0] == "muoi":
        parts[0] = "mười"
    if len(parts) >= 2 and parts[1] == "muoi":
        parts[1] = "mươi"
    if parts[0] == "mười":
        tens, rest = 1, parts[1:]
    elif len(parts) >= 2 and parts[1] == "mươi" and parts[0] in _DIGITS:
        tens, rest = _DIGITS[parts[0]], parts[2:]
    else:
        tens, rest = 0, parts
    if len(rest) > 1:
        return None
    if not rest:
        return tens * 10 if tens else None
    unit_word = rest[0]
    if tens and unit_word == "mốt":
        return tens * 10 + 1
    if unit_word not in _DIGITS or (not tens and unit_word in ("lăm", "nhăm")):
        return None
    return tens * 10 + _DIGITS[unit_word]


def parse_ordinal(text: str) -> int | None:
    """A rank from "nhất", "nhì", "ba", "tư", "02", "thứ 5", "mười hai"; None if not a rank.

    Example:
        >>> parse_ordinal("thứ nhì"), parse_ordinal("thứ 14"), parse_ordinal("hai mươi")
        (2, 14, 20)
        >>> parse_ordinal("0") is None, parse_ordinal("thu nhat"), parse_ordinal("muoi hai")
        (True, 1, 12)
    """
    words = text.strip().lower()
    if words.startswith("thứ "):
        words = words[4:].strip()
    if words.isdigit():
        value = int(words)
        return value if value >= 1 else None
    if words.startswith("thu "):
        words = words[4:].strip()
    words = _FOLDED.get(words, words)
    if words in _ORDINAL_ONLY:
        return _ORDINAL_ONLY[words]
    return words_to_int(words)
