"""The seed rows the extractors read (read once per process; the warehouse loads them through ``load``)."""

from __future__ import annotations

import csv
from functools import lru_cache

from flows.paths import SEED_DIR


@lru_cache(maxsize=1)
def index_rows() -> tuple[dict[str, str], ...]:
    """Rows of ``warehouse/seeds/dim_index.csv``, in seed order.

    Example:
        >>> [r["index_code"] for r in index_rows()][:3]
        ['PAR', 'SIPAS', 'SURVEY']
    """
    with open(SEED_DIR / "dim_index.csv", encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))
