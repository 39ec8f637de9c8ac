"""Dimension tables: units, their aliases, indices and sources."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.facts import UNIT_KINDS

SHA256_HEX = r"^[0-9a-f]{64}$"


class DimIndex(pa.DataFrameModel):
    """One row per index (PAR, SIPAS, SURVEY, ...); ``max_score`` includes bonus points."""

    index_code: Series[str] = pa.Field(unique=True, str_matches=r"^[A-Z][A-Z0-9_]*$")
    name_vi: Series[str]
    name_en: Series[str]
    score_unit: Series[str] = pa.Field(isin=("points", "percent"))
    max_score: Series[float] = pa.Field(gt=0)
    cues: Series[str] = pa.Field(nullable=True)
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True


class DimUnit(pa.DataFrameModel):
    """One row per unit: a kind, a name and a period of validity (a renamed body is a new unit)."""

    unit_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    name_vi: Series[str] = pa.Field(str_length={"min_value": 1})
    name_ascii: Series[str] = pa.Field(str_matches=r"^[\x00-\x7f]*$")
    name_en: Series[str] = pa.Field(nullable=True)
    unit_kind: Series[str] = pa.Field(isin=UNIT_KINDS)
    province: Series[str]
    valid_from: Series[pa.Date] = pa.Field(nullable=True)
    valid_to: Series[pa.Date] = pa.Field(nullable=True)
    successor_id: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True


class DimUnitAlias(pa.DataFrameModel):
    """One row per (folded alias, unit): every spelling the gazetteer accepts for a unit."""

    alias_folded: Series[str] = pa.Field(str_matches=r"^[a-z0-9]+$")
    unit_id: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        coerce = True
        unique = ["alias_folded", "unit_id"]


class DimSource(pa.DataFrameModel):
    """One row per source document, identified by the sha256 of its bytes.

    ``ingested_at`` is when these bytes were first loaded; re-loading unchanged content keeps it.
    """

    source_id: Series[str] = pa.Field(unique=True, str_matches=SHA256_HEX)
    path: Series[str]
    media_type: Series[str]
    title: Series[str] = pa.Field(nullable=True)
    published_on: Series[pa.Date] = pa.Field(nullable=True)
    decision_no: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    province: Series[str] = pa.Field(nullable=True)
    extractor_version: Series[str]
    ingested_at: Series[pd.Timestamp]

    class Config:
        strict = True
        coerce = True
