"""Dimension frames from the seeds and the gazetteer, and the lookups validation checks against.

Pure: the caller reads the seed files (``load.read_index_seed``, ``Gazetteer.load``) and passes
them in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

from flows.errors import ParindexError
from flows.gazetteer import Gazetteer
from flows.textnorm import fold
from schemas import DimIndex, DimUnit, DimUnitAlias
from schemas.criteria import DimCriterion


@dataclass(frozen=True)
class Dimensions:
    """What a fact is checked against: index bounds and the kind of every known unit."""

    index_max: Mapping[str, float]
    unit_kinds: Mapping[str, str]
    # (index_code, criterion_code) -> max points (None where not recorded), from dim_criterion
    criteria: Mapping[tuple[str, str], float | None] = field(default_factory=dict)

    @classmethod
    def from_frames(cls, dim_index: pd.DataFrame, dim_unit: pd.DataFrame,
                    dim_criterion: pd.DataFrame | None = None) -> Dimensions:
        """Lookups from validated ``dim_index``, ``dim_unit`` (and ``dim_criterion``: the seed when omitted).

        Example:
            >>> idx = pd.DataFrame({"index_code": ["PAR"], "max_score": [110.0]})
            >>> units = pd.DataFrame({"unit_id": ["hai-phong:so-y-te"], "unit_kind": ["department"]})
            >>> Dimensions.from_frames(idx, units).index_max
            {'PAR': 110.0}
        """
        if dim_criterion is None:
            from flows.load import read_criterion_seed

            dim_criterion = dim_criterion_frame(read_criterion_seed())
        maxima = dim_criterion["max_points"].astype(object).where(dim_criterion["max_points"].notna(), None)
        return cls(
            index_max=dict(zip(dim_index["index_code"], dim_index["max_score"].astype(float), strict=True)),
            unit_kinds=dict(zip(dim_unit["unit_id"], dim_unit["unit_kind"], strict=True)),
            criteria=dict(zip(zip(dim_criterion["index_code"], dim_criterion["criterion_code"], strict=True),
                              maxima, strict=True)),
        )


def _validated(frame: pd.DataFrame, model: type[pa.DataFrameModel], seed: str) -> pd.DataFrame:
    """Validate a seed-derived frame; a broken seed stops the run with the rows to fix."""
    try:
        return model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases.head(5)
        detail = "; ".join(
            f"row {row['index']}: {row['column']} {row['check']} ({row['failure_case']!r})"
            for _, row in cases.iterrows()
        )
        raise ParindexError(f"seed data fails {model.__name__}: {detail}", path=seed,
                            fix="correct those rows of the seed CSV") from err


def dim_index_frame(seed_rows: pd.DataFrame) -> pd.DataFrame:
    """``dim_index`` from the rows of ``warehouse/seeds/dim_index.csv``."""
    frame = seed_rows.reindex(columns=list(DimIndex.to_schema().columns))
    return _validated(frame, DimIndex, "warehouse/seeds/dim_index.csv")


def dim_criterion_frame(seed_rows: pd.DataFrame) -> pd.DataFrame:
    """``dim_criterion`` from the rows of ``warehouse/seeds/dim_criterion.csv`` (empty cells are nulls)."""
    frame = seed_rows.reindex(columns=list(DimCriterion.to_schema().columns)).replace("", None)
    return _validated(frame, DimCriterion, "warehouse/seeds/dim_criterion.csv")


def dim_unit_frame(gazetteer: Gazetteer) -> pd.DataFrame:
    """``dim_unit`` from the gazetteer's units, with the ASCII fold of every name."""
    rows = [
        {"unit_id": u.unit_id, "name_vi": u.name_vi, "name_ascii": fold(u.name_vi), "name_en": u.name_en or None,
         "unit_kind": u.unit_kind, "province": u.province, "valid_from": u.valid_from,
         "valid_to": u.valid_to, "successor_id": u.successor_id}
        for u in sorted(gazetteer.units.values(), key=lambda unit: unit.unit_id)
    ]
    frame = pd.DataFrame(rows, columns=list(DimUnit.to_schema().columns))
    return _validated(frame, DimUnit, "warehouse/seeds/dim_unit.csv")


def dim_unit_alias_frame(gazetteer: Gazetteer) -> pd.DataFrame:
    """``dim_unit_alias``: every (folded alias, unit) the gazetteer matches, generated ones included."""
    frame = pd.DataFrame(gazetteer.aliases(), columns=["alias_folded", "unit_id"]).drop_duplicates()
    return _validated(frame.reset_index(drop=True), DimUnitAlias, "warehouse/seeds/dim_unit_alias.csv")


def dimension_frames(gazetteer: Gazetteer, index_seed_rows: pd.DataFrame,
                     criterion_seed_rows: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Every seeded dimension, by table name: dim_index, dim_unit, dim_unit_alias, dim_criterion.

    ``criterion_seed_rows`` defaults to ``warehouse/seeds/dim_criterion.csv``.
    """
    if criterion_seed_rows is None:
        from flows.load import read_criterion_seed

        criterion_seed_rows = read_criterion_seed()
    return {"dim_index": dim_index_frame(index_seed_rows), "dim_unit": dim_unit_frame(gazetteer),
            "dim_unit_alias": dim_unit_alias_frame(gazetteer),
            "dim_criterion": dim_criterion_frame(criterion_seed_rows)}
