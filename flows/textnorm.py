"""Text normalization: NFC, and a same-length ASCII fold for matching names.

The fold maps every character of an NFC string to exactly one character, so offsets found in the
folded text are offsets in the normalized text too. Tone-mark placement variants (Thủy/Thuỷ,
Hòa/Hoà) and spellings without diacritics fold to the same string.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " "}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"))
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")
# list numbers of chat posts: "1️⃣ Phường A: 92,35đ" (a keycap digit), "🔟", "🥇 Xã B" (a medal opening a line)
_EMOJI_NUMBER = re.compile("([0-9])\ufe0f?\u20e3\\.?|\U0001f51f|(?m:^([ \t]*))([\U0001f947-\U0001f949])\ufe0f?")
_HAS_EMOJI_NUMBER = re.compile("[\u20e3\U0001f51f\U0001f947-\U0001f949]")
_MEDALS = {"\U0001f947": "1", "\U0001f948": "2", "\U0001f949": "3"}
_TOKEN = re.compile(r"[a-z0-9]+")
_TOKEN_SPLIT = re.compile(r"([a-z0-9]+)")


def normalize_text(raw: str) -> str:
    """Return ``raw`` in NFC with unified line ends and spaces; the text offsets refer to.

    Example:
        >>> normalize_text("Thu\\u0309y Nguye\\u0302n\\r\\n") == "Thủy Nguyên\\n"
        True
        >>> normalize_text("1\\ufe0f\\u20e3 Phường A\\n\\U0001f948 Phường B")
        '1. Phường A\\n2. Phường B'
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _HAS_INVISIBLE.search(text):  # translate looks up every character: only when there is one to drop
        text = text.translate(_INVISIBLE)
    for src, dst in _SPACES.items():
        text = text.replace(src, dst)
    if _HAS_EMOJI_NUMBER.search(text):
        text = _EMOJI_NUMBER.sub(_list_number, text)
    return unicodedata.normalize("NFC", text)


def _list_number(m: re.Match) -> str:
    if m.group(1):
        return m.group(1) + "."
    if m.group(3):
        return m.group(2) + _MEDALS[m.group(3)] + "."
    return "10."


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    base = base.lower()
    return base[0] if len(base) == 1 and base.isascii() else ch.lower()[:1] or ch


def fold(text: str) -> str:
    """Lowercase ASCII fold of NFC ``text``, one output character per input character.

    Example:
        >>> fold("Huyện Thuỷ Nguyên") == fold("huyen Thủy Nguyen")
        True
        >>> len(fold("Đồ Sơn")) == len("Đồ Sơn")
        True
    """
    if text.isascii():  # the fold of an ASCII character is its lowercase
        return text.lower()
    return text.translate(_FOLD_TABLE)


class _FoldTable(dict):
    """``str.translate`` table of ``_fold_char``, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_key(name: str) -> str:
    """Matching key of a name: folded, punctuation dropped, single spaces.

    Example:
        >>> fold_key("Sở LĐTB&XH")
        'so ldtb xh'
        >>> fold_key("Ủy ban nhân dân quận Hồng Bàng")
        'uy ban nhan dan quan hong bang'
    """
    return " ".join(_TOKEN.findall(fold(normalize_text(name))))


def compact_key(name: str) -> str:
    """Key without spaces, so that 'LĐTB&XH', 'LĐ-TB&XH' and 'LĐTBXH' coincide.

    Example:
        >>> compact_key("Sở LĐ-TB&XH") == compact_key("Sở LĐTBXH")
        True
    """
    return y_as_i(fold_key(name)).replace(" ", "")


def tokens(folded: str) -> list[tuple[str, int, int]]:
    """Alphanumeric tokens of an already folded text with their offsets.

    Example:
        >>> tokens("quan ngo quyen, 91,93")
        [('quan', 0, 4), ('ngo', 5, 8), ('quyen', 9, 14), ('91', 16, 18), ('93', 19, 21)]
    """
    return list(zip(*token_spans(folded), strict=True))


# "Phú Quý" and "Phú Quí", "Kỳ Anh" and "Kì Anh": a syllable of consonants and a final y is spelt with i as well
SPELT_Y = r"(?:[bcdđghklmnprstvx]+|qu)y"  # a syllable whose final y may be written i (folded or not)
_FINAL_Y = re.compile(r"(?<![a-z0-9])(" + SPELT_Y[:-1] + r")y(?![a-z0-9])")


def y_as_i(folded: str) -> str:
    """A folded text with each syllable's final y after consonants written i (same length), for matching names
    spelt either way.

    Example:
        >>> y_as_i("phu quy, ky anh, thuy nguyen, my tho")
        'phu qui, ki anh, thuy nguyen, mi tho'
    """
    return _FINAL_Y.sub(r"\1i", folded) if "y" in folded else folded


def token_spans(folded: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``tokens(folded)`` as three lists: words, starts and ends.

    Example:
        >>> token_spans("quan ngo quyen, 91")
        (['quan', 'ngo', 'quyen', '91'], [0, 5, 9, 16], [4, 8, 14, 18])
    """
    parts = _TOKEN_SPLIT.split(folded)  # separator, token, separator, ...: offsets from the lengths alone
    offsets = list(accumulate(map(len, parts), initial=0))
    return parts[1::2], offsets[1:-1:2], offsets[2::2]
