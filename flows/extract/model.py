"""The small records the text extractor passes between its steps."""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.extract.scan import Token
from flows.gazetteer import Mention


@dataclass
class Context:
    """What the sentences being read speak of, until a cue changes it."""

    index: str
    year: int | None
    bloc_kind: str | None = None
    bloc: str | None = None  # the bloc a cue names: 'urban_district' for "khối quận", 'ward' for "khối phường"
    towns: bool = False  # the text ranks its towns apart ("khối thành phố, thị xã"): "khối huyện" is the rest
    ranks_seen: dict = field(default_factory=dict)  # (unit_id, index, year) -> the rank a sentence stated
    base_year: int | None = None  # the text's year ("năm nay" in a sentence on another year is this one)


@dataclass
class Group:
    """Units written together ("A, B và C"), with the figures that belong to them."""

    units: list[Mention]
    tokens: list[Token] = field(default_factory=list)
    header: list[Token] = field(default_factory=list)
    took_from: Group | None = None  # "soán vị trí thứ nhất từ <this group>": set on the later group
    current_ranks: list[int | None] = field(default_factory=list)
    aside: bool = False  # the figures of another year in parentheses after the group ("(năm 2019: 85,2 điểm)")

    @property
    def start(self) -> int:
        return self.units[0].start

    @property
    def end(self) -> int:
        return self.units[-1].end


@dataclass(frozen=True)
class Location:
    """A sentence of the document: its text, span, paragraph and line."""

    text: str
    low: str
    start: int
    end: int
    paragraph: int
    line_no: int | None = field(default=None, compare=False, repr=False)  # the line, when the caller knows it

    @property
    def evidence(self) -> str:
        return self.text[self.start:self.end]

    @property
    def line(self) -> int:
        return self.line_no if self.line_no is not None else self.text.count("\n", 0, self.start) + 1


@dataclass
class Candidate:
    """One figure read for one unit, before figures of the same unit are merged."""

    unit_id: str
    surface: str
    index: str
    year: int
    unit_kind: str
    where: Location
    score: float | None = None
    score_min: float | None = None
    score_max: float | None = None
    rank: int | None = None
    tied: bool = False
    rank_basis: str | None = None  # stated | implied
    seq: str | None = None  # next | ordered: rank follows the previous one in the text
    last: tuple[int, int] | None = None  # (n, position) in "the n units ranked last"
    top: tuple[int, int] | None = None  # (n, position) in "the n units leading"
    group_size: int = 1
    listed: bool = False  # the rank is a list item's number ("1. Sở Tư pháp: 93,5 điểm")
    shared_tie: bool = False  # one score for several units, said to be shared ("cùng đạt 95,7%")
    bloc: str = ""
    of: int | None = None  # the bloc size the text states ("xếp cuối trong 45 phường")
    size_hint: int | None = None  # a size stated earlier in the text ("Cả 8 huyện ..."), for a last place
    derived: str | None = None  # continue | move | take | from: a previous-year rank read off a change
    placeholder: bool = False  # a unit the gazetteer does not know, holding its place in a list (no fact)
    above_last: int = 0  # places above the last ("áp chót": 1), for one unit placed from the end
    list_at: int = -1  # where a list announced on a line of its own starts, its items on the lines below
    top_rest: bool = False  # one of fewer units than the top n it is said to make up ("B and C made up the top three")
    contrast: bool = False  # set against the unit before ("..., trong khi Hà Nội đạt 84,4%"): no order implied
    # (year, places moved up) of a previous-year rank read off a move from a rank only the order will give ("tiếp
    # theo là A, B. So với năm 2019, A tăng 3 bậc"): set once that year's rank is known
    moved_from: tuple[int, int] | None = None
    order: int = 0

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.unit_id, self.index, self.year)

    @property
    def position(self) -> int:
        """Where the unit is named in its sentence (its surface, first found; -1 if not there)."""
        return self.where.low.find(self.surface.lower(), self.where.start, self.where.end)
