"""Criteria (components of an index) and the cross-row checks of a table's component scores."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

SUM_TOLERANCE = 0.01


class DimCriterion(pa.DataFrameModel):
    """One row per (index, criterion): a component with its maximum points where known."""

    criterion_code: Series[str] = pa.Field(str_matches=r"^[A-Z][A-Z0-9_]*$")
    index_code: Series[str] = pa.Field(str_matches=r"^[A-Z][A-Z0-9_]*$")
    parent: Series[str] = pa.Field(nullable=True)
    name_vi: Series[str] = pa.Field(str_length={"min_value": 1})
    name_en: Series[str] = pa.Field(nullable=True)
    max_points: Series[float] = pa.Field(nullable=True, gt=0)
    methodology: Series[str] = pa.Field(nullable=True, isin=("national", "province"))
    cues: Series[str] = pa.Field(nullable=True)
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["index_code", "criterion_code"]


class ScoreBreakdown(pa.DataFrameModel):
    """One row per (unit, year, bloc, source) of a PAR table: the total beside the sum of its parts.

    ``parts`` is the sum of the field scores (L1..L8), or the appraised points when the table has
    no fields; ``adjustment`` is bonus minus penalty points. The total must equal parts +
    adjustment, or parts + adjustment + survey points (methodologies differ on whether the field
    scores already hold the survey points), within 0.01.
    """

    total: Series[float] = pa.Field(nullable=True)
    parts: Series[float] = pa.Field(nullable=True)
    adjustment: Series[float]
    survey: Series[float] = pa.Field(nullable=True)

    class Config:
        coerce = True

    @pa.dataframe_check(name="components_sum_to_total")
    def components_sum_to_total(cls, df: pd.DataFrame) -> Series[bool]:
        base = df["parts"] + df["adjustment"]
        close = (df["total"] - base).abs() <= SUM_TOLERANCE
        with_survey = (df["total"] - base - df["survey"]).abs() <= SUM_TOLERANCE
        return df["total"].isna() | df["parts"].isna() | close | with_survey.fillna(False)


class ScoreRanking(pa.DataFrameModel):
    """One row per headline figure with a score and a published rank, within its (index, year, bloc, source).

    ``rank_order`` is the position of the published rank among the group's ranks; ``score_first`` and
    ``score_last`` the first and last position the score can take among the group's scores (equal scores
    may be ranked apart by a tie-break: "cùng 82 điểm, lần lượt xếp thứ 2 và 3"). The rank follows the
    scores when it lies between them, also for a table that lists only part of a bloc.
    """

    rank_order: Series[int]
    score_first: Series[int]
    score_last: Series[int]

    class Config:
        coerce = True

    @pa.dataframe_check(name="rank_consistent_with_score")
    def rank_consistent(cls, df: pd.DataFrame) -> Series[bool]:
        return df["rank_order"].between(df["score_first"], df["score_last"])
