"""The unit gazetteer: seed CSVs -> an alias index that finds unit mentions in text.

Names are matched on a compact ASCII fold (see ``textnorm``), so diacritics, tone-mark placement,
case, spacing and the punctuation of abbreviations ('LĐTB&XH', 'LĐ-TB&XH') do not matter. Matches
start and end on token boundaries, the longest match wins, and a name written without its kind word
("Ngô Quyền", "Tài nguyên và Môi trường") is accepted unless the word before it names another kind.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flows.paths import SEED_DIR
from flows.textnorm import compact_key, fold, fold_key, tokens

KIND_WORDS: dict[str, str] = {
    "quận": "district", "huyện": "district", "thị xã": "district",
    "thành phố": "district", "phường": "commune", "xã": "commune", "thị trấn": "commune",
    "đặc khu": "commune", "sở": "department", "ban": "department", "tỉnh": "province",
    "bộ": "ministry",
}
# Words that may stand before a unit name without changing which unit it is.
_OPTIONAL_PREFIXES = ("UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ")
_MAX_ALIAS_TOKENS = 16
_BREAKS = re.compile(r"[:;()\n\[\]\"“”]")  # a name never runs across these


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

    def valid_in(self, year: int | None) -> bool:
        """True when the unit existed at some time during ``year`` (or no year is given)."""
        if year is None:
            return True
        if self.valid_from and self.valid_from.year > year:
            return False
        return not (self.valid_to and self.valid_to.year < year)


@dataclass(frozen=True)
class Mention:
    """A unit name found in a text: offsets into the normalized text."""

    unit_id: str
    start: int
    end: int
    text: str
    bare: bool  # written without its kind word


@dataclass(frozen=True)
class _Alias:
    unit_id: str
    bare: bool


def _parse_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _kind_prefix(name: str) -> str | None:
    """The kind word a name starts with, if any (longest first)."""
    low = name.lower()
    for word in sorted(KIND_WORDS, key=len, reverse=True):
        if low.startswith(word + " "):
            return word
    return None


def generated_aliases(unit: Unit) -> list[tuple[str, bool]]:
    """Aliases every unit gets from its own name: (alias, written without kind word).

    Example:
        >>> u = Unit("x", "Quận Ngô Quyền", "", "district", "Hải Phòng")
        >>> sorted(generated_aliases(u))[:2]
        [('Ngô Quyền', True), ('Quận Ngô Quyền', False)]
    """
    names = [unit.name_vi]
    if "thành phố" in unit.name_vi and unit.unit_kind == "department":
        names += [unit.name_vi.replace("thành phố", "TP"), unit.name_vi.replace("thành phố", "TP.")]
    out: list[tuple[str, bool]] = []
    for name in names:
        out.append((name, False))
        out += [(prefix + name, False) for prefix in _OPTIONAL_PREFIXES]
        word = _kind_prefix(name)
        if word and unit.unit_kind in ("district", "commune", "department", "province"):
            out.append((name[len(word) + 1:], True))
    return out


class Gazetteer:
    """Units and their aliases, with mention finding and name resolution."""

    def __init__(self, units: list[Unit], aliases: list[tuple[str, str, bool]]) -> None:
        self.units: dict[str, Unit] = {u.unit_id: u for u in units}
        self._index: dict[str, list[_Alias]] = {}
        self._prefixes: set[str] = set()
        for unit in units:
            for alias, bare in generated_aliases(unit):
                self._add(alias, unit.unit_id, bare)
        for alias, unit_id, bare in aliases:
            if unit_id not in self.units:
                raise ValueError(f"alias {alias!r} names unknown unit_id {unit_id!r}")
            self._add(alias, unit_id, bare)

    def _add(self, alias: str, unit_id: str, bare: bool) -> None:
        key = compact_key(alias)
        if not key:
            return
        entries = self._index.setdefault(key, [])
        if all(e.unit_id != unit_id for e in entries):
            entries.append(_Alias(unit_id, bare))
        for i in range(1, len(key) + 1):
            self._prefixes.add(key[:i])

    @classmethod
    def load(cls, seed_dir: Path | None = None) -> Gazetteer:
        """Read ``dim_unit.csv`` and ``dim_unit_alias.csv`` from the seed folder."""
        seed_dir = seed_dir or SEED_DIR
        with open(seed_dir / "dim_unit.csv", encoding="utf-8", newline="") as fh:
            units = [
                Unit(r["unit_id"], r["name_vi"], r["name_en"], r["unit_kind"], r["province"],
                     _parse_date(r["valid_from"]), _parse_date(r["valid_to"]), r["successor_id"] or None)
                for r in csv.DictReader(fh)
            ]
        aliases = []
        with open(seed_dir / "dim_unit_alias.csv", encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                word = _kind_prefix(r["alias"])
                aliases.append((r["alias"], r["unit_id"], word is None))
                if word:  # "Huyện Bạch Long Vĩ" also stands as "Bạch Long Vĩ"
                    aliases.append((r["alias"][len(word) + 1:], r["unit_id"], True))
        return cls(units, aliases)

    def provinces(self) -> list[Unit]:
        """Units of kind province."""
        return [u for u in self.units.values() if u.unit_kind == "province"]

    def aliases(self) -> list[tuple[str, str]]:
        """(compact alias key, unit_id) pairs, for the warehouse's alias table."""
        return sorted((key, a.unit_id) for key, entries in self._index.items() for a in entries)

    def _eligible(self, unit_id: str, province: str | None, year: int | None) -> bool:
        unit = self.units[unit_id]
        if province and unit.province != province and unit.unit_kind not in ("province", "ministry"):
            return False
        return unit.valid_in(year)

    def find_mentions(self, text: str, province: str | None = None,
                      year: int | None = None) -> list[Mention]:
        """All unit mentions in normalized ``text``, longest first, not overlapping.

        Example:
            >>> g = Gazetteer.load()
            >>> [m.unit_id for m in g.find_mentions("Sở LĐ-TB&XH và quận Ngô Quyền")]
            ['hai-phong:so-lao-dong-thuong-binh-va-xa-hoi', 'hai-phong:quan-ngo-quyen']
        """
        folded = fold(text)
        toks = tokens(folded)
        found: list[Mention] = []
        i = 0
        while i < len(toks):
            best: tuple[int, list[_Alias]] | None = None
            key = ""
            for j in range(i, min(len(toks), i + _MAX_ALIAS_TOKENS)):
                key += toks[j][0]
                if key not in self._prefixes or (j > i and _BREAKS.search(text, toks[j - 1][2], toks[j][1])):
                    break
                entries = [e for e in self._index.get(key, ()) if self._eligible(e.unit_id, province, year)]
                if entries:
                    best = (j, entries)
            if best is None:
                i += 1
                continue
            j, entries = best
            start, end = toks[i][1], toks[j][2]
            if not (text[start].isupper() or text[start].isdigit()):
                entries = [e for e in entries if not e.bare]  # "xây dựng" the verb is not Sở Xây dựng
            chosen = self._choose(entries, toks, i) if entries else None
            if chosen is not None:
                found.append(Mention(chosen.unit_id, start, end, text[start:end], chosen.bare))
            i = j + 1
        return found

    def _choose(self, entries: list[_Alias], toks: list[tuple[str, int, int]], i: int) -> _Alias | None:
        """Pick one unit for a matched alias; None when the word before names another kind."""
        before = " ".join(t[0] for t in toks[max(0, i - 2):i])
        kinds_before = {kind for word, kind in KIND_WORDS.items()
                        if before.endswith(fold_key(word)) and (before == fold_key(word)
                                                                or before.endswith(" " + fold_key(word)))}
        fitting = [e for e in entries
                   if not e.bare or not kinds_before or self.units[e.unit_id].unit_kind in kinds_before]
        if len(fitting) > 1 and kinds_before:
            fitting = [e for e in fitting if self.units[e.unit_id].unit_kind in kinds_before] or fitting
        if len(fitting) > 1:
            fitting = [e for e in fitting if not e.bare] or fitting
        return fitting[0] if len(fitting) == 1 else None

    def resolve(self, name: str, province: str | None = None, year: int | None = None) -> Unit | None:
        """The unit a whole name denotes, or None.

        Example:
            >>> Gazetteer.load().resolve("Tài nguyên và Môi trường").name_vi
            'Sở Tài nguyên và Môi trường'
            >>> Gazetteer.load().resolve("huyen Thuy Nguyen").unit_id
            'hai-phong:huyen-thuy-nguyen'
        """
        stripped = name.strip()
        mentions = self.find_mentions(stripped, province, year)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(stripped):
            return self.units[mentions[0].unit_id]
        return None

    def closest(self, name: str, province: str | None = None, n: int = 3) -> list[str]:
        """Canonical names of the units whose names or aliases look most like ``name``.

        Example:
            >>> Gazetteer.load().closest("Sở Tài nguyên Môi trường")[0]
            'Sở Tài nguyên và Môi trường'
        """
        by_key: dict[str, str] = {}
        for unit in self.units.values():
            if province and unit.province != province:
                continue
            by_key.setdefault(fold_key(unit.name_vi), unit.name_vi)
            for alias, _ in generated_aliases(unit):
                by_key.setdefault(fold_key(alias), unit.name_vi)
        keys = difflib.get_close_matches(fold_key(name), list(by_key), n=n * 3, cutoff=0.5)
        names: list[str] = []
        for key in keys:
            if by_key[key] not in names:
                names.append(by_key[key])
        return names[:n]
