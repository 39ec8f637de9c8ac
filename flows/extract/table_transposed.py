"""Transposed score tables: the units across one row, the measures ("Tổng điểm", "Xếp hạng") down the first column.

Such a table is turned (one row per unit, one column per measure, the unit column headed "Đơn vị") and read
as any other; each cell keeps its place in the table as written, and a unit's evidence is the block from the
row of units to the last measure row (a substring of the text when those rows are consecutive lines).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flows.extract.header import FIGURE_ROLES, label_role
from flows.extract.table_units import resolve_unit_cell
from flows.gazetteer import Gazetteer

MEASURE_ROLES = (*FIGURE_ROLES, "rank")
UNIT_LABEL = "Đơn vị"


@dataclass(frozen=True)
class Turned:
    """A transposed table: the row of its units, the measure rows, the unit columns, and the grid turned."""

    unit_row: int
    measures: list[int]
    units: list[int]
    grid: list[list[str]]

    def place(self, place: Callable[[int, int], str]) -> Callable[[int, int], str]:
        """How to name a cell of the turned grid: the name of the cell as written."""
        rows, cols = [self.unit_row, *self.measures], [0, *self.units]
        return lambda r, c: place(rows[c] if c < len(rows) else rows[-1], cols[r] if r < len(cols) else cols[-1])

    def row_text(self, row_text: Callable[[int], tuple[str, list[int] | None]] | None,
                 grid: list[list[str]]) -> Callable[[int], tuple[str, list[int] | None]]:
        """A unit's evidence: the rows from the row of units to the last measure row, as one block of text."""
        first, last = self.unit_row, self.measures[-1]
        if row_text is None:
            block = "\n".join(" | ".join(c for c in grid[i] if c) for i in range(first, last + 1))
            return lambda _r: (block, None)
        pieces = [row_text(i) for i in range(first, last + 1)]
        spans = [span for _, span in pieces]
        if all(spans) and all(b[0] == a[1] + 1 for a, b in zip(spans, spans[1:], strict=False)):
            whole = ("\n".join(text for text, _ in pieces), [spans[0][0], spans[-1][1]])
            return lambda _r: whole
        return lambda _r: pieces[0]  # rows not contiguous in the text: the row of units names the unit


def turn(grid: list[list[str]], gazetteer: Gazetteer, province: str | None, year: int | None) -> Turned | None:
    """The table turned when a row holds two units or more (and nothing else but a label in its first cell) and
    the rows under it are measures labelled in their first cell; None otherwise.

    Example:
        >>> g = Gazetteer.load()
        >>> t = turn([["Nội dung", "Quận Lê Chân", "Quận Hải An"], ["Tổng điểm", "90,1", "88"], ["Xếp hạng", "1", "2"]],
        ...          g, "Hải Phòng", 2019)
        >>> t.grid
        [['Đơn vị', 'Tổng điểm', 'Xếp hạng'], ['Quận Lê Chân', '90,1', '1'], ['Quận Hải An', '88', '2']]
        >>> turn([["Đơn vị", "Tổng điểm"], ["Quận Lê Chân", "90,1"]], g, "Hải Phòng", 2019) is None
        True
    """
    for r, row in enumerate(grid[:8]):
        filled = [c for c in range(1, len(row)) if row[c]]
        if len(filled) < 2 or label_role(row[0])[0] in MEASURE_ROLES:
            continue
        units = [c for c in filled if resolve_unit_cell(row[c], gazetteer, province, year) is not None]
        if len(units) < 2 or len(units) < len(filled) - 1:
            continue
        measures = [i for i in range(r + 1, len(grid)) if grid[i] and label_role(grid[i][0])[0] in MEASURE_ROLES]
        if not measures:
            return None
        turned = [[UNIT_LABEL, *(grid[i][0] for i in measures)]]
        turned += [[row[c], *(grid[i][c] if c < len(grid[i]) else "" for i in measures)] for c in units]
        return Turned(r, measures, units, turned)
    return None
