"""Fact tables: published scores, leader ratings and aggregate claims.

Checks that need data (an index's maximum score, whether a unit exists) are written against columns
the candidate frame carries (``max_score``), so the models stay static and validation stays pure.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

FIRST_YEAR = 2010
UNIT_KINDS = ("department", "district", "commune", "province", "ministry")
BASES = ("stated", "implied")
CLAIM_STATUSES = ("consistent", "inconsistent", "unverifiable")
LEADER_RATINGS = (
    "hoàn thành xuất sắc nhiệm vụ",
    "hoàn thành tốt nhiệm vụ",
    "hoàn thành nhiệm vụ",
    "không hoàn thành nhiệm vụ",
)


def _year_in_range(year: pd.Series) -> pd.Series:
    """Evaluation years from the first provincial PAR rankings up to this year."""
    return year.between(FIRST_YEAR, date.today().year)


class FactScore(pa.DataFrameModel):
    """One row per published figure: (unit, index, year, criterion, bloc, source).

    ``score`` is null when the source gives only bounds (``score_min`` < score < ``score_max``,
    exclusive as written) or only a rank. ``rank`` is the rank as published (or implied by the
    text's order), competition-style within the bloc.
    """

    unit_id: Series[str] = pa.Field(str_length={"min_value": 1})
    index_code: Series[str] = pa.Field(str_length={"min_value": 1})
    year: Series[int]
    criterion: Series[str] = pa.Field(str_length={"min_value": 1})
    bloc: Series[str] = pa.Field(str_length={"min_value": 1})
    score: Series[float] = pa.Field(nullable=True, ge=0)
    score_min: Series[float] = pa.Field(nullable=True, ge=0)
    score_max: Series[float] = pa.Field(nullable=True, ge=0)
    rank: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    rank_tied: Series[bool]
    basis: Series[str] = pa.Field(isin=BASES)
    source_id: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    evidence: Series[str] = pa.Field(str_length={"min_value": 1})
    span_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    span_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    extractor_version: Series[str]

    class Config:
        strict = True
        coerce = True

    @pa.check("year", name="year_in_range")
    def year_in_range(cls, year: Series[int]) -> Series[bool]:
        return _year_in_range(year)

    @pa.dataframe_check(name="score_min_below_score_max")
    def bounds_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["score_min"].isna() | df["score_max"].isna() | (df["score_min"] < df["score_max"])

    @pa.dataframe_check(name="figure_present")
    def figure_present(cls, df: pd.DataFrame) -> Series[bool]:
        """A fact says something: a score, a bound or a rank."""
        return df[["score", "score_min", "score_max", "rank"]].notna().any(axis=1)


class FactScoreCandidate(FactScore):
    """One row per extracted figure before it may enter ``fact_score``.

    The table's columns plus what validation needs to judge them against the dimensions: the unit's
    kind as the extractor saw it, the kind ``dim_unit`` gives for the unit_id (null when the unit is
    not in ``dim_unit``) and the maximum score of the figure's index from ``dim_index`` (bonus points
    included; null when the index is unknown).
    """

    unit_kind: Series[str] = pa.Field(isin=UNIT_KINDS)
    dim_unit_kind: Series[str] = pa.Field(nullable=True)
    max_score: Series[float] = pa.Field(nullable=True, gt=0)
    criterion_known: Series[bool]
    criterion_max: Series[float] = pa.Field(nullable=True, gt=0)

    @pa.dataframe_check(name="criterion_code_known")
    def criterion_code_known(cls, df: pd.DataFrame) -> Series[bool]:
        """The criterion is 'TOTAL' or a component of the index in ``dim_criterion``."""
        return df["criterion_known"]

    @pa.dataframe_check(name="score_within_criterion_max")
    def score_within_criterion_max(cls, df: pd.DataFrame) -> Series[bool]:
        """A component's score is at most its maximum (the table's own "Điểm tối đa" row, else dim_criterion)."""
        return df["score"].isna() | df["criterion_max"].isna() | (df["score"] <= df["criterion_max"] + 1e-9)

    @pa.dataframe_check(name="index_code_known")
    def index_code_known(cls, df: pd.DataFrame) -> Series[bool]:
        return df["max_score"].notna()

    @pa.dataframe_check(name="unit_id_known")
    def unit_id_known(cls, df: pd.DataFrame) -> Series[bool]:
        return df["unit_id"].isna() | df["dim_unit_kind"].notna()

    @pa.dataframe_check(name="unit_kind_matches_dim_unit")
    def unit_kind_matches(cls, df: pd.DataFrame) -> Series[bool]:
        return df["dim_unit_kind"].isna() | (df["unit_kind"] == df["dim_unit_kind"])

    @pa.dataframe_check(name="score_within_index_max")
    def score_within_index_max(cls, df: pd.DataFrame) -> Series[bool]:
        figures = df[["score", "score_min", "score_max"]]
        return (figures.le(df["max_score"], axis=0) | figures.isna()).all(axis=1) | df["max_score"].isna()


class FactLeaderRating(pa.DataFrameModel):
    """One row per (unit, year, title, source): how the head of a unit was classified."""

    unit_id: Series[str] = pa.Field(str_length={"min_value": 1})
    year: Series[int]
    title: Series[str] = pa.Field(nullable=True)
    rating: Series[str] = pa.Field(isin=LEADER_RATINGS)
    source_id: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    evidence: Series[str] = pa.Field(str_length={"min_value": 1})
    span_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    span_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    extractor_version: Series[str]

    class Config:
        strict = True
        coerce = True

    @pa.check("year", name="year_in_range")
    def year_in_range(cls, year: Series[int]) -> Series[bool]:
        return _year_in_range(year)


class FactClaim(pa.DataFrameModel):
    """One row per aggregate statement of a source ("14/15 quận, huyện có số điểm trên 80 điểm").

    ``stated_count`` is what the text says, ``observed_count`` what the extracted facts give;
    ``status`` compares the two.
    """

    source_id: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    claim_no: Series[int] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    index_code: Series[str] = pa.Field(nullable=True)
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    unit_kind: Series[str] = pa.Field(nullable=True, isin=UNIT_KINDS)
    condition: Series[str] = pa.Field(nullable=True)
    stated_count: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    observed_count: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    status: Series[str] = pa.Field(isin=CLAIM_STATUSES)
    span_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    span_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    extractor_version: Series[str]

    class Config:
        strict = True
        coerce = True

    @pa.check("year", name="year_in_range")
    def year_in_range(cls, year: Series[pd.Int64Dtype]) -> Series[bool]:
        return year.isna() | _year_in_range(year)
