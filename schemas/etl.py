"""Bookkeeping tables: what each run did, and what it held back."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

RUN_STATUSES = ("running", "ok", "rejects", "failed", "empty")  # empty: a backfill year without documents


class EtlReject(pa.DataFrameModel):
    """One row per failed check of one candidate row, or per document that could not be read.

    ``file`` and ``place`` ('line 7', 'chars 120-180') say where; ``check_name`` and ``value`` what
    failed; ``message`` how to fix it. Rows are replaced whenever their document is loaded again.
    """

    source_id: Series[str] = pa.Field(nullable=True)
    file: Series[str]
    place: Series[str] = pa.Field(nullable=True)
    table_name: Series[str]
    check_name: Series[str]
    value: Series[str] = pa.Field(nullable=True)
    message: Series[str] = pa.Field(str_length={"min_value": 1})
    candidates: Series[str] = pa.Field(nullable=True)
    span_start: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    span_end: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    extractor_version: Series[str]

    class Config:
        strict = True
        coerce = True


class EtlRun(pa.DataFrameModel):
    """One row per run of the ingest flow."""

    run_id: Series[str] = pa.Field(unique=True)
    started_at: Series[pd.Timestamp]
    finished_at: Series[pd.Timestamp] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(isin=RUN_STATUSES)
    paths: Series[str]
    documents: Series[int] = pa.Field(ge=0)
    documents_rejected: Series[int] = pa.Field(ge=0)
    facts: Series[int] = pa.Field(ge=0)
    leader_ratings: Series[int] = pa.Field(ge=0)
    claims: Series[int] = pa.Field(ge=0)
    rejects: Series[int] = pa.Field(ge=0)
    check_failures: Series[int] = pa.Field(ge=0)
    extractor_version: Series[str]
    inputs: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True
