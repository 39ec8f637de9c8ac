"""pandera models, one per warehouse table the pipeline writes; each docstring states the grain.

``TABLE_MODELS`` maps a table name to its model, in the order the loader writes them.
"""

from __future__ import annotations

import pandera.pandas as pa

from schemas.criteria import DimCriterion
from schemas.dims import DimIndex, DimSource, DimUnit, DimUnitAlias
from schemas.etl import EtlReject, EtlRun
from schemas.facts import (
    BASES,
    CLAIM_STATUSES,
    FIRST_YEAR,
    LEADER_RATINGS,
    UNIT_KINDS,
    FactClaim,
    FactLeaderRating,
    FactScore,
    FactScoreCandidate,
)

TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "dim_index": DimIndex,
    "dim_criterion": DimCriterion,
    "dim_unit": DimUnit,
    "dim_unit_alias": DimUnitAlias,
    "dim_source": DimSource,
    "fact_score": FactScore,
    "fact_leader_rating": FactLeaderRating,
    "fact_claim": FactClaim,
    "etl_reject": EtlReject,
    "etl_run": EtlRun,
}

__all__ = [
    "BASES", "CLAIM_STATUSES", "FIRST_YEAR", "LEADER_RATINGS", "TABLE_MODELS", "UNIT_KINDS",
    "DimCriterion", "DimIndex", "DimSource", "DimUnit", "DimUnitAlias", "EtlReject", "EtlRun", "FactClaim",
    "FactLeaderRating", "FactScore", "FactScoreCandidate",
]
