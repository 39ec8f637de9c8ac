"""Reject rows: where a figure comes from, what failed, and the message that says how to fix it.

Every ``etl_reject`` row names the file, the place in it ('line 7', 'chars 120-180',
"'Khối huyện'!D7"), the check, the offending value and a fix. Pure helpers, used by validation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from flows import EXTRACTOR_VERSION
from schemas import FIRST_YEAR, EtlReject

REJECT_COLUMNS = list(EtlReject.to_schema().columns)
# For checks over several columns: which columns show the offending value.
CHECK_COLUMNS = {
    "score_within_index_max": ("score", "score_min", "score_max"),
    "score_min_below_score_max": ("score_min", "score_max"),
    "figure_present": ("score", "score_min", "score_max", "rank"),
    "index_code_known": ("index_code",),
    "unit_id_known": ("unit_id",),
    "unit_kind_matches_dim_unit": ("unit_kind", "dim_unit_kind"),
    "criterion_code_known": ("index_code", "criterion"),
    "score_within_criterion_max": ("criterion", "score", "criterion_max"),
}
FIXES = {
    "score_within_index_max": "check the figure in the source; if the methodology allows more bonus points, "
                              "raise max_score of {index} in warehouse/seeds/dim_index.csv",
    "greater_than_or_equal_to(0)": "check the figure in the source: scores are never negative",
    "greater_than_or_equal_to(1)": "ranks start at 1: check how the ordinal was read",
    "index_code_known": "add the index to warehouse/seeds/dim_index.csv, or correct the extractor's cues",
    "unit_id_known": "add the unit to warehouse/seeds/dim_unit.csv",
    "not_nullable": "add the name as an alias in warehouse/seeds/dim_unit_alias.csv",
    "unit_kind_matches_dim_unit": "correct unit_kind in warehouse/seeds/dim_unit.csv or the extractor's kind words",
    "year_in_range": f"years run from {FIRST_YEAR} to this year: check which year the sentence speaks of",
    "str_length(1, None)": "every figure needs the sentence or table cell it comes from",
    "criterion_code_known": "add the component to warehouse/seeds/dim_criterion.csv (with cues that name it)",
    "score_within_criterion_max": "check the cell in the source, or the component's max_points in "
                                  "warehouse/seeds/dim_criterion.csv (or the table's 'Điểm tối đa' row)",
}



def place_of(span: Any, place: Any = None) -> str | None:
    """Where a row comes from: the extractor's place ('line 7') or its character span.

    Example:
        >>> place_of([120, 180]), place_of(None, "line 7"), place_of(None)
        ('chars 120-180', 'line 7', None)
    """
    if place:
        return str(place)
    if isinstance(span, list | tuple) and len(span) == 2:
        return f"chars {span[0]}-{span[1]}"
    return None


def span_of(item: Mapping[str, Any]) -> tuple[Any, Any]:
    span = item.get("span")
    return (span[0], span[1]) if isinstance(span, list | tuple) and len(span) == 2 else (None, None)


def make_reject(source_id: str | None, file: str, table: str, check: str, message: str, *, value: Any = None,
            place: str | None = None, candidates: Any = None, span: tuple[Any, Any] = (None, None),
            extractor_version: str = EXTRACTOR_VERSION) -> dict[str, Any]:
    if isinstance(candidates, list | tuple):
        candidates = " | ".join(map(str, candidates)) or None
    return {"source_id": source_id, "file": file, "place": place, "table_name": table, "check_name": check,
            "value": None if value is None else str(value), "message": message, "candidates": candidates,
            "span_start": span[0], "span_end": span[1], "extractor_version": extractor_version}


def reject_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """An ``etl_reject`` frame from reject dicts (validated; an empty list gives an empty frame)."""
    return EtlReject.validate(pd.DataFrame(rows, columns=REJECT_COLUMNS))


def shown(value: Any) -> str:
    return "null" if value is None or (not isinstance(value, list | tuple) and pd.isna(value)) else str(value)


def frame_value(frame: pd.DataFrame, index: Any, columns: tuple[str, ...]) -> str:
    parts = [f"{c}={frame.at[index, c]}" for c in columns if pd.notna(frame.at[index, c])]
    return ", ".join(parts) if len(columns) > 1 else (str(frame.at[index, columns[0]]) if parts else "null")


def reject_message(table: str, check: str, column: str | None, value: str, ctx: Mapping[str, Any]) -> str:
    what = f"{ctx.get('unit') or ctx.get('unit_id') or 'row'} ({ctx.get('index_code', '')} {ctx.get('year', '')})"
    if check == "score_within_index_max":
        text = f"{value} of {what} is above the maximum {ctx.get('max_score'):g} of index {ctx.get('index_code')}"
    elif check == "score_within_criterion_max":
        text = (f"component {ctx.get('criterion')} score {ctx.get('score'):g} of {what} is above its maximum "
                f"{ctx.get('criterion_max'):g}")
    elif check == "criterion_code_known":
        text = f"criterion {ctx.get('criterion')!r} of {what} is not a component of {ctx.get('index_code')}"
    elif check == "index_code_known":
        text = f"unknown index {value!r} for {what}"
    elif check == "unit_id_known":
        text = f"unit_id {value!r} of {what} is not in dim_unit"
    elif check == "unit_kind_matches_dim_unit":
        text = (f"{what} is a {ctx.get('dim_unit_kind')} in dim_unit, but the extractor read it as a "
                f"{ctx.get('unit_kind')}")
    elif check == "not_nullable" and column == "unit_id":
        text = f"no unit_id for {what}: the name matches no unit"
    elif check.startswith("coerce_dtype") or check.startswith("dtype"):
        dtype = check.split("(")[-1].rstrip(")").strip("'")
        text = f"{column} {value!r} of {what} is not of type {dtype}"
    else:
        text = f"{column or 'row'} {value} of {what} fails {table} check {check}"
    fix = FIXES.get(check)
    return f"{text} — {fix.format(index=ctx.get('index_code'))}" if fix else text
