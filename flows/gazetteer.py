"""The unit gazetteer: seed CSVs -> an alias index that finds unit mentions in text.

Names are matched on a compact ASCII fold (see ``textnorm``), so diacritics, tone-mark placement,
case, spacing and the punctuation of abbreviations ('LĐTB&XH', 'LĐ-TB&XH') do not matter. Matches
start and end on token boundaries, the longest match wins, and "UBND"/"Ủy ban nhân dân" before a
name written with its kind word belongs to the mention.

With ~15k units (every province, district and commune before and after 2025, departments per
province, ministries), a name written without its kind word ("bare") is where false mentions come
from, so bare names are accepted only where they are safe:

- departments, districts and provinces: bare when it starts with a capital, the word before does not
  name another kind, and (for departments and districts) the document's province is known — a bare
  "Ngô Quyền" means nothing in a text about the whole country, and names of another province's
  units never match;
- communes: only with their kind word ("phường Hồng Bàng", "xã Tân Tiến") or as a later item of a
  list opened by it ("các phường: Cát Dài, Trại Cau và An Biên"), because thousands of commune names
  are ordinary words or people's names ("Thống Nhất", "Tân Tiến", "Lê Lợi", "Quang Trung");
- never a bare name that is only digits ("Quận 1" is not "1");
- ministries only with "Bộ" or their own aliases ("Ngân hàng Nhà nước", "NHNN").

When one spelling fits several units that the rules above leave eligible, the kind word before it or
the kind of the list decides; else a province beats a same-named district ("Hà Tĩnh"); else nothing
is matched rather than a guess.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from flows.paths import SEED_DIR
from flows.textindex import (  # noqa: F401 - KIND_WORDS is re-exported for the CLI and queries
    KIND_WORDS,
    Matcher,
    TextIndex,
    kind_word_at,
    kind_words_before,
    may_be_bare_name,
    prefix_len,
    tone_key,
)
from flows.textnorm import compact_key, fold, fold_key, normalize_text, y_as_i

# Names of one province over time: the province column of a renamed province's units.
SAME_PROVINCE: dict[str, str] = {"Thừa Thiên Huế": "Huế"}
_BARE_KINDS = ("district", "commune", "department", "province")
_NATIONAL = ("province", "ministry")
_MAX_ALIAS_TOKENS = 16
# kind words written short before a name, with a full stop ("P. Rạch Giá"); not "TP.": a city is also a province
_SHORT_KINDS = {"p": "commune", "x": "commune", "tt": "commune", "h": "district", "q": "district", "tx": "district"}
_CONTINUES = re.compile(r"&|,(?=[A-ZĐ])|-(?=[A-ZĐ])")  # an abbreviation goes on after the match
_PUNCTUATION = re.compile(r"[^\w\s]")  # between two words: they do not read as one phrase
# between items of one list; one character a step (a "+" inside the "*" backtracked exponentially on the
# long runs of spaces of a table saved as text)
_LIST_GAP = re.compile(r"(?:[\s,;:/&.-]|\b(?:va|gom|la)\b|\([^()\n]*\)|\b(?:(?:xep|dung|o) (?:cuoi|dau)(?: bang)?"
                       r"|dan dau|(?:co (?:diem|ket qua|chi so) )?(?:thap|cao) nhat)\b"
                       r"|\b(?:(?:voi|dat) )?\d{1,3}(?:,\d{1,2})? ?(?:diem|%)?(?!\w))*")  # "Ba xã xếp cuối là: A, B";
# "các huyện A 76,40 điểm, B 75,88 điểm": a score between the names does not end the list
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_SPECIAL = frozenset("\u00a0\u2007\u202f\t\r\u200b\u200c\u200d\ufeff\u00ad")  # what normalize_text changes
_KIND_PREFIXES = sorted(KIND_WORDS, key=len, reverse=True)
# Central agencies in a province (ngành dọc: police, tax, social insurance ...), by the last part of
# their unit_id (warehouse/seeds/sources/department_template.csv): departments ranked in a bloc of their own.
CENTRAL_AGENCIES = frozenset({"cong-an", "cuc-thue", "bao-hiem-xa-hoi", "kho-bac-nha-nuoc", "cuc-thong-ke",
                              "ngan-hang-nha-nuoc-chi-nhanh", "cuc-hai-quan"})
_UNCERTAIN = ("template", "snapshot")  # notes of units whose set per province is not checked


@dataclass(frozen=True)
class Unit:
    """One ranked body with its period of validity."""

    unit_id: str
    name_vi: str
    name_en: str
    unit_kind: str
    province: str
    valid_from: date | None = None
    valid_to: date | None = None
    successor_id: str | None = None
    note: str = ""

    def valid_in(self, year: int | None) -> bool:
        """True when the unit existed at some time during ``year`` (or no year is given)."""
        if year is None:
            return True
        if self.valid_from and self.valid_from.year > year:
            return False
        return not (self.valid_to and self.valid_to.year < year)

    def valid_at_end_of(self, year: int) -> bool:
        """True when the unit existed during ``year`` and still on 31 December: a year's index is assessed
        after the year, for the units that exist then.

        Example:
            >>> u = Unit("x", "Phường A", "", "commune", "Hải Phòng", valid_to=date(2025, 6, 30))
            >>> u.valid_in(2025), u.valid_at_end_of(2025), u.valid_at_end_of(2024)
            (True, False, True)
        """
        return self.valid_in(year) and (self.valid_to is None or self.valid_to >= date(year, 12, 31))


def is_central_agency(unit: Unit) -> bool:
    """True for a central agency located in a province (its police, tax department ...), not one of its own.

    Example:
        >>> is_central_agency(Unit("nam-dinh:cuc-thue", "Cục Thuế tỉnh", "", "department", "Nam Định"))
        True
    """
    return unit.unit_kind == "department" and unit.unit_id.rpartition(":")[2] in CENTRAL_AGENCIES


@dataclass(frozen=True)
class Mention:
    """A unit name found in a text: offsets into the normalized text."""

    unit_id: str
    start: int
    end: int
    text: str
    bare: bool  # written without its kind word


_NAME_MARKS = (",", "-", "–", "&", "/")  # the marks between a name's parts ("Sở Lao động - Thương binh và Xã hội")


def _spelt_as(written: str, surface: str) -> bool:
    """Whether a name written with its marks is the alias's spelling, tone marks included; a name written
    without marks ("Thanh Hoa") may be any spelling."""
    return written.isascii() or not surface or tone_key(written).endswith(tone_key(surface))


class _Alias(NamedTuple):
    unit: Unit
    bare: bool
    province: str  # the unit's province, renamed provinces folded together
    qualified: bool  # the alias names the unit's province ("Sở Y tế Hải Dương")
    surface: str = ""  # the alias as written, lower case ("chũ", "thủ đô")


def _alias_key(alias: str, table: dict[str, str]) -> str:
    """``textnorm.compact_key``, several times faster; ``table`` remembers the keys already made.

    Example:
        >>> _alias_key("Sở LĐ-TB&XH", {})
        'soldtbxh'
    """
    key = table.get(alias)
    if key is None:
        text = alias
        if not unicodedata.is_normalized("NFC", text) or not _SPECIAL.isdisjoint(text):
            text = normalize_text(text)
        key = table[alias] = _NOT_KEY.sub("", y_as_i(fold(text)))
    return key


def _parse_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _miscased(written: str, unit: Unit) -> bool:
    """Whether the place name after a kind word is written lower case with other marks than the unit's: a common
    word, not the name ("xã tỉnh Bắc" of "cấp xã tỉnh Bắc Ninh" is not Xã Tịnh Bắc)."""
    prefix = _kind_prefix(unit.name_vi)
    if prefix is None or unit.unit_kind in ("department", "ministry") or written.isascii():
        return False
    name = unit.name_vi[len(prefix) + 1:]
    words = written.split()[-len(name.split()):]
    return words[0][:1].islower() and tone_key(" ".join(words)) != tone_key(name)


def _kind_prefix(name: str) -> str | None:
    """The kind word a name starts with, if any (longest first)."""
    low = name.lower()
    for word in _KIND_PREFIXES:
        if low.startswith(word) and low[len(word):len(word) + 1] == " ":
            return word
    return None


def same_province(name: str | None) -> str | None:
    """One name for a province across renames.

    Example:
        >>> same_province("Thừa Thiên Huế")
        'Huế'
    """
    return SAME_PROVINCE.get(name, name) if name else name


def generated_aliases(unit: Unit) -> list[tuple[str, bool]]:
    """Aliases every unit gets from its own names: (alias, written without kind word).

    Example:
        >>> u = Unit("x", "Quận Ngô Quyền", "", "district", "Hải Phòng")
        >>> sorted(generated_aliases(u))
        [('Ngô Quyền', True), ('Q Ngô Quyền', False), ('Quận Ngô Quyền', False)]
        >>> ("TP Hải Dương", False) in generated_aliases(Unit("y", "Thành phố Hải Dương", "", "district", "Hải Dương"))
        True
    """
    names = [unit.name_vi]
    low = unit.name_vi.lower()
    # "TP. Hải Dương", "TX. Việt Yên", "H. Yên Dũng", "Q.7" / "Q. Phú Nhuận" (tables and the press)
    for word, short in (("thành phố ", "TP "), ("thị xã ", "TX "), ("huyện ", "H "), ("quận ", "Q ")):
        if low.startswith(word) and (word in ("thành phố ", "thị xã ") or unit.unit_kind == "district"):
            names.append(short + unit.name_vi[len(word):])
    if "thành phố" in unit.name_vi and unit.unit_kind == "department":
        names += [unit.name_vi.replace("thành phố", "TP"), unit.name_vi.replace("thành phố", "TP.")]
    out = [(name, False) for name in names]
    word = _kind_prefix(unit.name_vi)
    if word and unit.unit_kind in _BARE_KINDS:
        out.append((unit.name_vi[len(word) + 1:], True))
    if unit.name_en:
        out.append((unit.name_en, False))
        numbered = re.fullmatch(r"(\d{1,2}) (District|Ward)", unit.name_en)
        if numbered:  # "1 District" is written "District 1" in English news
            out.append((f"{numbered.group(2)} {numbered.group(1)}", False))
    return out


class Gazetteer:
    """Units and their aliases, with mention finding and name resolution."""

    def __init__(self, units: list[Unit], aliases: list[tuple[str, str, bool]]) -> None:
        self.units: dict[str, Unit] = {u.unit_id: u for u in units}
        self._index: dict[str, list[_Alias]] = {}
        self._closest: dict[str | None, dict[str, str]] = {}
        self._table: dict[str, str] = {}  # alias -> key
        self._seen: set[tuple[str, str]] = set()
        self._ac: dict[str | None, Matcher] = {}  # per province (None: all)
        self._eligible: dict[tuple, list[_Alias]] = {}  # (key, province, year, capital, list kind) -> entries
        for unit in units:
            for alias, bare in generated_aliases(unit):
                self._add(alias, unit, bare)
        for alias, unit_id, bare in aliases:
            if unit_id not in self.units:
                raise ValueError(f"alias {alias!r} names unknown unit_id {unit_id!r}: add the unit to "
                                 "warehouse/seeds/dim_unit.csv or correct dim_unit_alias.csv")
            self._add(alias, self.units[unit_id], bare)
        self._add_former_kinds(units)

    def _add_former_kinds(self, units: list[Unit]) -> None:
        """A town or city under the kind it had before its upgrade ("Thị xã Dĩ An" until Dĩ An became a
        thành phố in 2020, "Huyện Sa Pa" until 2019): one step below its kind, where no district of the
        province has that name (Đồng Tháp's Huyện Hồng Ngự is not Thành phố Hồng Ngự)."""
        for unit in units:
            low = unit.name_vi.lower()
            for now, befores, en_now, en_before in (("thành phố ", ("Thị xã ", "TX "), " City", " Town"),
                                                    ("thị xã ", ("Huyện ", "H "), " Town", " District")):
                if unit.unit_kind != "district" or not low.startswith(now):
                    continue
                # also as written short ("TX. Từ Sơn") and in English ("Di An Town", "Sa Pa District")
                aliases = [before + unit.name_vi[len(now):] for before in befores]
                if unit.name_en.endswith(en_now):
                    aliases.append(unit.name_en[:-len(en_now)] + en_before)
                province = same_province(unit.province) or ""
                for alias in aliases:
                    key = _alias_key(alias, self._table)
                    if not any(e.province == province and e.unit.unit_kind == "district" and not e.bare
                               for e in self._index.get(key, ())):
                        self._add(alias, unit, False)

    def _add(self, alias: str, unit: Unit, bare: bool) -> None:
        key = _alias_key(alias, self._table)
        if not key or (bare and key.isdigit()) or (key, unit.unit_id) in self._seen:
            return
        self._seen.add((key, unit.unit_id))
        qualified = unit.unit_kind not in _NATIONAL and key.endswith(_alias_key(unit.province, self._table))
        self._index.setdefault(key, []).append(_Alias(unit, bare, same_province(unit.province) or "", qualified,
                                                      " ".join(alias.lower().split())))

    @classmethod
    def load(cls, seed_dir: Path | None = None) -> Gazetteer:
        """The gazetteer of ``dim_unit.csv`` and ``dim_unit_alias.csv``, read once per process and folder."""
        return _load(Path(seed_dir or SEED_DIR))

    @classmethod
    def read(cls, seed_dir: Path) -> Gazetteer:
        """Read the seed CSVs of ``seed_dir`` (uncached; ``load`` caches this)."""
        with open(seed_dir / "dim_unit.csv", encoding="utf-8", newline="") as fh:
            units = [
                Unit(r["unit_id"], r["name_vi"], r["name_en"], r["unit_kind"], r["province"],
                     _parse_date(r["valid_from"]), _parse_date(r["valid_to"]), r["successor_id"] or None,
                     r.get("note") or "")
                for r in csv.DictReader(fh)
            ]
        kinds = {u.unit_id: u.unit_kind for u in units}
        aliases = []
        with open(seed_dir / "dim_unit_alias.csv", encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                word = _kind_prefix(r["alias"])
                aliases.append((r["alias"], r["unit_id"], word is None))
                rest = r["alias"][len(word) + 1:] if word else ""
                # "Huyện Bạch Long Vĩ" -> "Bạch Long Vĩ"; but "Sở DL" alone is no name ("DL")
                if word and kinds.get(r["unit_id"]) in _BARE_KINDS and len(compact_key(rest)) >= 4:
                    aliases.append((rest, r["unit_id"], True))
        return cls(units, aliases)

    def provinces(self) -> list[Unit]:
        """Units of kind province."""
        return [u for u in self.units.values() if u.unit_kind == "province"]

    @cached_property
    def province_slugs(self) -> dict[str, str]:
        """Folder name ('hai-phong') -> province ('Hải Phòng'), for the ``raw/<year>/<province>/`` layout."""
        return {fold_key(u.province).replace(" ", "-"): u.province for u in self.provinces()}

    def aliases(self) -> list[tuple[str, str]]:
        """(compact alias key, unit_id) pairs, for the warehouse's alias table."""
        return sorted((key, a.unit.unit_id) for key, entries in self._index.items() for a in entries)

    def bloc_size(self, province: str | None, kind: str, year: int | None) -> int | None:
        """How many units of a kind a province had in a year; None unless the seed's set is checked.

        Template departments and pre-2025 snapshot communes are not checked per province and year.

        Example:
            >>> Gazetteer.load().bloc_size("Hải Phòng", "district", 2019)
            15
            >>> Gazetteer.load().bloc_size("Hải Dương", "department", 2019) is None
            True
        """
        if not province or year is None:
            return None
        province = same_province(province)
        units = [u for u in self.units.values() if u.unit_kind == kind and same_province(u.province) == province
                 and u.valid_in(year) and not is_central_agency(u)]  # those are ranked apart
        if not units or any(u.note.startswith(_UNCERTAIN) for u in units):
            return None
        return len(units)

    def _allowed(self, entry: _Alias, province: str | None, year: int | None, capital: bool,
                 list_kind: str | None) -> bool:
        unit = entry.unit
        if province and unit.unit_kind not in _NATIONAL and entry.province != province:
            return False
        if not province and entry.qualified:  # then "Hải Phòng" in it tells the document's province
            return False
        if not unit.valid_in(year):
            return False
        if not entry.bare:
            return True
        if not capital:  # "xây dựng" the verb is not Sở Xây dựng, nor "đứng" the commune Dùng
            return False
        if unit.unit_kind == "commune":
            return list_kind == "commune"
        return bool(province) or unit.unit_kind in _NATIONAL

    def prepare(self, text: str, folded: str | None = None, province: str | None = None) -> TextIndex:
        """The alias hits of a whole normalized text, found once for all its sentences (``mentions_in``).

        With ``province``, only the names that can be a unit there (or a province or ministry) are
        looked for; the index then serves ``mentions_in`` for that province only."""
        return TextIndex(self._automaton(same_province(province)), text, fold(text) if folded is None else folded,
                         same_province(province))

    def _automaton(self, province: str | None = None) -> Matcher:
        """An Aho-Corasick automaton over the alias keys of three or more characters (value: (length, key));
        the shorter keys ("Tư", "IV": ordinary syllables, hits all over a text) are looked up per token.
        With ``province``: only the keys of which some unit is of that province or national."""
        matcher = self._ac.get(province)
        if matcher is None:
            keys = [key for key, entries in self._index.items() if province is None or any(
                e.province == province or e.unit.unit_kind in _NATIONAL for e in entries)]
            automaton = ahocorasick.Automaton()
            for key in keys:
                if len(key) > 2:
                    automaton.add_word(key, (len(key), key))
            automaton.make_automaton()
            short = frozenset(key for key in keys if len(key) <= 2)
            bare_only = {key: frozenset(tone_key(e.surface) for e in self._index[key])
                         for key in keys if all(e.bare for e in self._index[key])}
            matcher = self._ac[province] = Matcher(automaton, short, short | {key[0] for key in short}, bare_only)
        return matcher

    def _longest(self, doc: TextIndex, i: int, hi: int, province: str | None, year: int | None,
                 list_kind: str | None) -> tuple[int, list[_Alias]] | None:
        """The longest eligible alias starting at token ``i`` and ending before token ``hi``: (last token, entries)."""
        hits = doc.hits.get(i)
        if not hits:  # most words start no name
            return None
        best = None
        capital = may_be_bare_name(doc.text[doc.starts[i]])
        limit = min(hi, i + _MAX_ALIAS_TOKENS)
        for j, key in hits:  # by last token, ascending
            if j >= limit or (j > i and doc.broken(i, j)):
                break
            memo = (key, province, year, capital, list_kind)
            entries = self._eligible.get(memo)
            if entries is None:  # the same words recur in every sentence: filter each spelling once
                if len(self._eligible) > 100_000:
                    self._eligible.clear()
                entries = self._eligible[memo] = [e for e in self._index[key]
                                                  if self._allowed(e, province, year, capital, list_kind)]
            if entries and j > i and "," in doc.text[doc.ends[i]:doc.starts[j]]:
                # "các huyện, thị xã, thành phố": a comma the alias does not have ends the name ("xã, thành" is not
                # "Xã Thanh"); "Sở Văn hóa, Thể thao và Du lịch" has its own
                entries = [e for e in entries if any(mark in e.surface for mark in _NAME_MARKS)]
            if entries:
                best = (j, entries)
        return best

    def find_mentions(self, text: str, province: str | None = None,
                      year: int | None = None) -> list[Mention]:
        """All unit mentions in normalized ``text``, longest first, not overlapping.

        Example:
            >>> g = Gazetteer.load()
            >>> [m.unit_id for m in g.find_mentions("Sở LĐ-TB&XH và quận Ngô Quyền", "Hải Phòng", 2019)]
            ['hai-phong:so-lao-dong-thuong-binh-va-xa-hoi', 'hai-phong:quan-ngo-quyen']
            >>> [m.text for m in g.find_mentions("các phường: Hồng Bàng, Lê Chân và An Biên", "Hải Phòng", 2026)]
            ['Hồng Bàng', 'Lê Chân', 'An Biên']
        """
        return self.mentions_in(self.prepare(text), 0, len(text), province, year)

    def mentions_in(self, doc: TextIndex, s: int, e: int, province: str | None = None,
                    year: int | None = None) -> list[Mention]:
        """``find_mentions(doc.text[s:e])``, with offsets into ``doc.text``; reuses the text's alias hits.

        Example:
            >>> g = Gazetteer.load()
            >>> doc = g.prepare("Hết. Sở Tư pháp đứng đầu.")
            >>> [(m.text, m.start) for m in g.mentions_in(doc, 5, 25, "Hải Phòng", 2019)]
            [('Sở Tư pháp', 5)]
        """
        if doc.province is not None and same_province(province) != doc.province:  # prepared for another one
            doc = self.prepare(doc.text, doc.folded)
        lo, hi = doc.token_range(s, e)
        if lo is None:  # the span cuts a word: read it on its own
            return [Mention(m.unit_id, m.start + s, m.end + s, m.text, m.bare)
                    for m in self.find_mentions(doc.text[s:e], province, year)]
        province = same_province(province)
        text, folded, words, starts, ends, points = doc.text, doc.folded, doc.words, doc.starts, doc.ends, doc.points
        found: list[Mention] = []
        list_kind: str | None = None
        list_end = s
        i = lo
        for i_next in points[bisect_left(points, lo):bisect_left(points, hi)]:
            if i_next < i:  # inside a name already matched
                continue
            i = i_next  # the tokens between start no name, no "UBND" and no list of a kind: nothing matches there
            in_list = list_kind if list_kind and _LIST_GAP.fullmatch(folded, list_end, starts[i]) else None
            if i > lo and words[i - 1] in _SHORT_KINDS and text[ends[i - 1]:ends[i - 1] + 1] == ".":
                in_list = _SHORT_KINDS[words[i - 1]]  # "P. Rạch Giá", "X. Tri Tôn", "H. Hòa Bình": the kind
            first, best = i, None
            skip = prefix_len(words, i, hi)
            if skip and i + skip < hi:
                best = self._longest(doc, i + skip, hi, province, year, None)
                if best:
                    best = (best[0], [e for e in best[1] if not e.bare]) if any(not e.bare for e in best[1]) else None
            if best is None:
                best = self._longest(doc, i, hi, province, year, in_list)
            if best is None:
                word = kind_word_at(words, i, lo, hi)
                if word:
                    list_kind, list_end = word[1], ends[word[0]]
                    i = word[0] + 1
                else:
                    i += 1
                continue
            j, entries = best
            start, end = starts[first], ends[j]
            if _CONTINUES.match(text, end, e):  # "Sở VH,TT" of "Sở VH,TT&DL" is not Sở VH&TT
                i = j + 1
                continue
            # the kind words that name this unit are the ones written right before it ("thành phố X"), not
            # those before a comma ("các tỉnh, thành phố, Quảng Ninh dẫn đầu")
            own_lo = first
            while own_lo > max(lo, first - 2) and not _PUNCTUATION.search(text, ends[own_lo - 1], starts[own_lo]):
                own_lo -= 1
            chosen = self._choose(entries, words, first, own_lo, in_list, year, text[start:end])
            if chosen is not None and chosen.bare and not _spelt_as(text[start:end], chosen.surface):
                chosen = None  # "Thạnh Hóa" (a Long An district, not in the index here) is not "Thanh Hóa"
            if chosen is not None and not chosen.bare and _miscased(text[start:end], chosen.unit):
                i = first + 1  # "cấp xã tỉnh Bắc Ninh" is not Xã Tịnh Bắc: the province may start a word later
                continue
            if chosen is not None and chosen.bare and year is not None and chosen.unit.unit_kind == "district" and (
                    not chosen.unit.valid_at_end_of(year)):
                chosen = self._named_after(chosen, text[start:end], year) or chosen
            if chosen is not None:
                found.append(Mention(chosen.unit.unit_id, start, end, text[start:end], chosen.bare))
                list_kind, list_end = chosen.unit.unit_kind, end
            i = j + 1
        return found

    def _named_after(self, district: _Alias, written: str, year: int) -> _Alias | None:
        """The ward or commune of 2025 named after an abolished district ("Hoàn Kiếm" in a 2025 ranking of wards:
        Phường Hoàn Kiếm, not Quận Hoàn Kiếm), when the province has exactly one such unit at the end of ``year``."""
        found = [e for e in self._index.get(_alias_key(written, self._table), ()) if e.unit.unit_kind == "commune"
                 and e.province == district.province and e.unit.valid_at_end_of(year)]
        return found[0] if len({e.unit.unit_id for e in found}) == 1 else None

    def _choose(self, entries: list[_Alias], words: list[str], i: int, lo: int,
                list_kind: str | None, year: int | None = None, written: str = "") -> _Alias | None:
        """Pick one unit for a matched alias; None when the word before (from token ``lo`` on) names another kind.

        Of two units of one name that both existed during ``year`` (an old ward until 30 June 2025 and
        the new ward of the same name from 1 July), the one that still exists at the end of the year:
        a year's index is assessed after the year, for the units that exist then. Of two names that differ
        only in their marks ("Xã Thanh An", "Xã Thạnh An"), the one spelt as ``written``."""
        words_before, kinds_before = kind_words_before(" ".join(words[max(lo, i - 2):i]))
        if len(entries) == 1 and (not kinds_before or not entries[0].bare):
            return entries[0]  # what the rules below keep of a single spelling

        def fits(e: _Alias) -> bool:  # "thành phố" + "Hải Phòng" is the province named "Thành phố Hải Phòng"
            own = _kind_prefix(e.unit.name_vi)
            return e.unit.unit_kind in kinds_before or (own is not None and fold_key(own) in words_before)

        fitting = [e for e in entries if not e.bare or not kinds_before or fits(e)]
        kinds = kinds_before or ({list_kind} if list_kind else set())
        if len(fitting) > 1 and kinds_before:
            fitting = [e for e in fitting if fits(e)] or fitting
        elif len(fitting) > 1 and kinds:
            fitting = [e for e in fitting if e.unit.unit_kind in kinds] or fitting
        if len(fitting) > 1:
            fitting = [e for e in fitting if not e.bare] or fitting
        if len(fitting) > 1:  # "Hà Tĩnh" alone is the province, not its district-level city
            fitting = [e for e in fitting if e.unit.unit_kind == "province"] or fitting
        if len(fitting) > 1 and year is not None:
            fitting = [e for e in fitting if e.unit.valid_at_end_of(year)] or fitting
        if len(fitting) > 1 and written:
            fitting = [e for e in fitting if _spelt_as(written, e.surface)] or fitting
        return fitting[0] if len(fitting) == 1 else None

    def resolve(self, name: str, province: str | None = None, year: int | None = None) -> Unit | None:
        """The unit a whole name denotes, or None.

        Example:
            >>> Gazetteer.load().resolve("Tài nguyên và Môi trường", "Hải Phòng", 2019).name_vi
            'Sở Tài nguyên và Môi trường'
            >>> Gazetteer.load().resolve("huyen Thuy Nguyen", "Hải Phòng").unit_id
            'hai-phong:huyen-thuy-nguyen'
        """
        stripped = name.strip()
        mentions = self.find_mentions(stripped, province, year)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(stripped):
            return self.units[mentions[0].unit_id]
        return None

    def provinces_of_name(self, name: str) -> set[str]:
        """The provinces with a unit of this name or alias ("Sở Y tế": every one), for telling a reader which one
        a text or table must name.

        Example:
            >>> len(Gazetteer.load().provinces_of_name("Sở Y tế")) > 30
            True
        """
        return {e.province for e in self._index.get(_alias_key(name.strip(), self._table), ()) if e.province}

    def closest(self, name: str, province: str | None = None, n: int = 3) -> list[str]:
        """Canonical names of the units whose names or aliases look most like ``name``.

        Example:
            >>> Gazetteer.load().closest("Sở Tài nguyên Môi trường")[0]
            'Sở Tài nguyên và Môi trường'
        """
        province = same_province(province)
        by_key = self._closest.get(province)
        if by_key is None:
            by_key = {}
            for unit in self.units.values():
                if province and same_province(unit.province) != province:
                    continue
                by_key.setdefault(fold_key(unit.name_vi), unit.name_vi)
                for alias, _ in generated_aliases(unit):
                    by_key.setdefault(fold_key(alias), unit.name_vi)
            self._closest[province] = by_key
        keys = difflib.get_close_matches(fold_key(name), list(by_key), n=n * 3, cutoff=0.5)
        names: list[str] = []
        for key in keys:
            if by_key[key] not in names:
                names.append(by_key[key])
        return names[:n]


@lru_cache(maxsize=8)
def _load(seed_dir: Path) -> Gazetteer:
    return Gazetteer.read(seed_dir.resolve())
