"""Shared fixtures: a quiet, private Prefect home per session, seed dimensions, fresh warehouses.

Every test that needs a warehouse builds its own DuckDB file under ``tmp_path``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime

# Before anything imports Prefect: a session-private home, no telemetry, warnings only.
_PREFECT_HOME = tempfile.mkdtemp(prefix="parindex-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
_CACHE_DIR = tempfile.mkdtemp(prefix="parindex-cache-")  # reference data, per session
os.environ["PARINDEX_CACHE_DIR"] = _CACHE_DIR

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from flows import dimensions, load  # noqa: E402
from flows.dimensions import Dimensions  # noqa: E402
from flows.gazetteer import Gazetteer  # noqa: E402
from flows.validate import ValidatedDocument, validate_contract  # noqa: E402

INGESTED_AT = datetime(2020, 5, 7, 8, 0, 0)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def dimension_frames(gazetteer: Gazetteer) -> dict[str, pd.DataFrame]:
    return dimensions.dimension_frames(gazetteer, load.read_index_seed())


@pytest.fixture(scope="session")
def dims(dimension_frames: dict[str, pd.DataFrame]) -> Dimensions:
    return Dimensions.from_frames(dimension_frames["dim_index"], dimension_frames["dim_unit"])


@pytest.fixture
def validated(dims: Dimensions) -> Callable[[dict], ValidatedDocument]:
    return lambda contract: validate_contract(contract, dims, ingested_at=INGESTED_AT)


@pytest.fixture
def warehouse(tmp_path, dimension_frames) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh warehouse file with tables, views and seeded dimensions."""
    con = load.connect(tmp_path / "test.duckdb")
    load.prepare(con, dimension_frames)
    yield con
    con.close()


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
    shutil.rmtree(_CACHE_DIR, ignore_errors=True)
