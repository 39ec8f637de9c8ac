"""Tables of the query layer (seeded, not extracted)."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class DimMethodologyBreak(pa.DataFrameModel):
    """One row per (index, first year, province): figures from first_year on are not comparable with earlier ones.

    ``province`` null means the change applies to every province (a national methodology).
    """

    index_code: Series[str] = pa.Field(str_matches=r"^[A-Z][A-Z0-9_]*$")
    first_year: Series[int] = pa.Field(ge=2010)
    province: Series[str] = pa.Field(nullable=True)
    reason: Series[str] = pa.Field(str_length={"min_value": 1})
    source: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        coerce = True
        unique = ["index_code", "first_year", "province"]
