"""Where the project's own files live (seeds, SQL, default database)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
WAREHOUSE_DIR = PROJECT_ROOT / "warehouse"
SEED_DIR = WAREHOUSE_DIR / "seeds"
DEFAULT_DB = WAREHOUSE_DIR / "parindex.duckdb"
RAW_DIR = PROJECT_ROOT / "raw"
