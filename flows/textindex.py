"""A document's text indexed for name matching: folded tokens, alias hits, where names may start.

The gazetteer builds one ``TextIndex`` per document from its Aho-Corasick ``Matcher`` (the alias keys
of the units that can occur there); sentences then look names up by token position instead of
walking every token. Also the kind words ("quận", "phường", ...) and the token helpers both use.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import ahocorasick

from flows.textnorm import SPELT_Y, fold_key, token_spans, y_as_i

KIND_WORDS: dict[str, str] = {
    "quận": "district", "huyện": "district", "thị xã": "district",
    "thành phố": "district", "phường": "commune", "xã": "commune", "thị trấn": "commune",
    "đặc khu": "commune", "sở": "department", "ban": "department", "tỉnh": "province",
    "bộ": "ministry",
}
_PREFIX_TOKENS = (("ubnd",), ("uy", "ban", "nhan", "dan"))  # "UBND quận X" is quận X
_BREAKS = re.compile(r"[:;()\n\[\]\"“”]")  # a name never runs across these
# "các phường: A, B" opens a list of communes; so does a count ("Ba xã xếp cuối là A, B và C"; not "năm": a year)
_LIST_OPENERS = {"cac", "khoi", "nhung", "hai", "ba", "bon", "sau", "bay", "tam", "chin", "muoi"}
# "UBND", "Ủy ban", or a kind word after a list opener: where a mention may start without an alias hit
_POINT_WORDS = re.compile(r"(?<![a-z0-9])(?:ubnd|uy|(?:cac|khoi|nhung|hai|ba|bon|sau|bay|tam|chin|muoi|\d{1,3})"
                          r"[^a-z0-9]+(quan|huyen|thi|thanh|phuong|xa|dac"
                          r"|so|ban|tinh|bo))(?![a-z0-9])")
_KIND_TOKENS: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first token -> (kind word tokens, kind)
for _words, _kind in sorted(((tuple(fold_key(w).split()), k) for w, k in KIND_WORDS.items()), key=lambda t: -len(t[0])):
    _KIND_TOKENS.setdefault(_words[0], []).append((_words, _kind))
_FOLDED_KIND_WORDS = [(fold_key(word), kind) for word, kind in KIND_WORDS.items()]


class Matcher(NamedTuple):
    automaton: ahocorasick.Automaton  # the keys of three or more characters
    short: frozenset[str]  # the keys of one or two characters
    short_starts: frozenset[str]  # the words a short key may start with (itself, or its first character)
    bare_only: dict[str, frozenset[str]]  # keys that are only ever bare names: their names, lower case


@lru_cache(maxsize=4096)
def kind_words_before(before: str) -> tuple[frozenset[str], frozenset[str]]:
    """(kind words, kinds) that the (folded) words before a name end with.

    Example:
        >>> [sorted(found) for found in kind_words_before("cac thi xa")]
        [['thi xa', 'xa'], ['commune', 'district']]
    """
    words = frozenset(word for word, _ in _FOLDED_KIND_WORDS if before == word or before.endswith(" " + word))
    return words, frozenset(kind for word, kind in _FOLDED_KIND_WORDS if word in words)


def may_be_bare_name(first: str) -> bool:
    """Whether a word starting with ``first`` may be a bare name (capitalised, or a number)."""
    return first.isupper() or first.isdigit()


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_SPELT_Y = re.compile(SPELT_Y)  # "quý" is "quí" ("textnorm.y_as_i")


@lru_cache(maxsize=16384)
def tone_key(name: str) -> str:
    """``name`` lower case with each word's tone mark moved to its end, hyphens as spaces: the same for
    "Thủy" and "Thuỷ" ("Thừa Thiên - Huế" and "Thừa Thiên Huế"), not for "Chủ" and "Chũ".

    Example:
        >>> tone_key("Thuỷ Nguyên") == tone_key("thủy nguyên"), tone_key("Chủ") == tone_key("Chũ")
        (True, False)
    """
    words = []
    for word in unicodedata.normalize("NFD", name.lower().replace("-", " ").replace("–", " ")).split():
        base = "".join(c for c in word if c not in _TONES)
        words.append((base[:-1] + "i" if _SPELT_Y.fullmatch(base) else base) + "".join(c for c in word if c in _TONES))
    return " ".join(words)


def bare_name_at(text: str, start: int, end: int, names: frozenset[str]) -> bool:
    """Whether ``text[start:end]`` may be one of these bare names (``tone_key`` forms): capitalised, and
    written with their tone marks when it has any ("Chủ tịch" is not Thị xã Chũ; "Chu" may be)."""
    if not may_be_bare_name(text[start]):
        return False
    span = text[start:end]
    return span.isascii() or tone_key(span) in names


def prefix_len(words: list[str], i: int, hi: int) -> int:
    """Number of tokens of an optional 'UBND' / 'Ủy ban nhân dân' at token ``i`` (before token ``hi``)."""
    if words[i] not in ("ubnd", "uy"):
        return 0
    for prefix in _PREFIX_TOKENS:
        if tuple(words[i:min(hi, i + len(prefix))]) == prefix:
            return len(prefix)
    return 0


def kind_word_at(words: list[str], i: int, lo: int, hi: int) -> tuple[int, str] | None:
    """(last token, kind) of a kind word that opens a list at token ``i`` ("các phường: ..."), within [lo, hi)."""
    if i == lo or words[i] not in _KIND_TOKENS or not (words[i - 1] in _LIST_OPENERS or words[i - 1].isdigit()):
        return None
    for kind_words, kind in _KIND_TOKENS[words[i]]:
        if tuple(words[i:min(hi, i + len(kind_words))]) == kind_words:
            return i + len(kind_words) - 1, kind
    return None


class TextIndex:
    """A normalized text's folded form, tokens and alias hits (every alias key that spans whole tokens)."""

    def __init__(self, matcher: Matcher, text: str, folded: str, province: str | None = None) -> None:
        self.text, self.folded, self.province = text, folded, province
        self.words, self.starts, self.ends = words, starts, ends = token_spans(folded)
        lengths = list(accumulate(map(len, words)))  # the end of each word in the words written together
        n = len(lengths)
        bare_only = matcher.bare_only
        self.hits: dict[int, list[tuple[int, str]]] = {}  # first token -> [(last token, key)], ascending
        # the spelling the keys have ("quy" as "qui"): one pass over the text, the same length
        spelt = token_spans(y_as_i(folded))[0] if "y" in folded else words
        for last_char, (length, key) in matcher.automaton.iter("".join(spelt)) if words else ():
            # a key that spans whole words: it ends where a word ends and starts where one starts (a few
            # hundred hits a text: two searches each cost less than two maps of every word)
            j = bisect_left(lengths, last_char + 1)
            if j < n and lengths[j] == last_char + 1:
                begin = last_char + 1 - length
                i = 0 if begin == 0 else bisect_left(lengths, begin, 0, j) + 1
                if i and lengths[i - 1] != begin:
                    i = None
                # a key that is only ever a bare name ("Tư", "Dùng") needs a capital: "từ", "đứng" are words
                if i is not None and (key not in bare_only
                                      or bare_name_at(text, starts[i], ends[j], bare_only[key])):
                    self.hits.setdefault(i, []).append((j, key))
        for k in [k for k, word in enumerate(words) if word in matcher.short_starts]:
            for j in (k, k + 1):  # a key of one or two characters: one word, or two words of one character
                key = "".join(spelt[k:j + 1])
                if j < len(words) and key in matcher.short and (
                        key not in bare_only or bare_name_at(text, starts[k], ends[j], bare_only[key])):
                    insort(self.hits.setdefault(k, []), (j, key))
        # tokens where a name, "UBND" or a list of one kind ("các phường:") may start
        points = set(self.hits)
        for m in _POINT_WORDS.finditer(folded):
            points.add(bisect_left(self.starts, m.start(m.lastindex or 0)))
        self.points = sorted(points)
        self.breaks = [m.start() for m in _BREAKS.finditer(text)]

    def broken(self, i: int, j: int) -> bool:
        """True when a name cannot run from token ``i`` to token ``j`` (a colon, a bracket, a line end between)."""
        k = bisect_left(self.breaks, self.ends[i])
        return k < len(self.breaks) and self.breaks[k] < self.starts[j]

    def token_range(self, s: int, e: int) -> tuple[int | None, int]:
        """Tokens [lo, hi) inside ``text[s:e]``; lo None when a token runs across ``s`` or ``e``."""
        lo, hi = bisect_left(self.starts, s), bisect_left(self.starts, e)
        if (lo and self.ends[lo - 1] > s) or (hi and self.ends[hi - 1] > e):
            return None, hi
        return lo, hi
