"""Nothing to do: a re-run over unchanged inputs is answered from the warehouse, without starting Prefect.

A finished ingest run records ``etl_run.inputs``, a fingerprint of everything its result depends on:
each document's path and cache key (its bytes, the extractor, the seeds), the ``corrections.csv`` files
in scope, and the pipeline's own code and SQL. ``parindex ingest`` computes the same fingerprint first,
read-only, and when the latest run has it, finished without failed checks, left no mart to refresh, and
the published snapshot holds what the warehouse holds, it reports that run instead of running the flow
again: the run would load the same rows (``--force`` runs it anyway; the scheduled flow always runs).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from flows.cache import CacheKey, bytes_fingerprint, cached_summaries
from flows.paths import PROJECT_ROOT

# Everything of the project a run's result can depend on (extraction, validation, loading, SQL).
_PIPELINE_CODE = ("flows/**/*.py", "schemas/**/*.py", "warehouse/**/*.sql")


@lru_cache(maxsize=2)
def pipeline_fingerprint(root: Path = PROJECT_ROOT) -> str:
    """A hash of the pipeline's code and SQL: another version of parindex is another input."""
    paths = sorted(p for pattern in _PIPELINE_CODE for p in root.glob(pattern) if p.is_file())
    return bytes_fingerprint((p.relative_to(root).as_posix(), p.read_bytes()) for p in paths)


def inputs_fingerprint(keys: Mapping[Path, CacheKey | None], corrections: Sequence[Path]) -> str | None:
    """The fingerprint of a run's inputs; None when a file cannot be read (the run must say why).

    Example:
        >>> key = CacheKey("raw/a.txt", "ab12", "0.1.0+x", "s1")
        >>> a = inputs_fingerprint({Path("raw/a.txt"): key}, [])
        >>> a == inputs_fingerprint({Path("raw/a.txt"): key}, []), a == inputs_fingerprint({}, [])
        (True, False)
        >>> inputs_fingerprint({Path("raw/a.txt"): None}, []) is None
        True
    """
    chunks = [("code", pipeline_fingerprint().encode())]
    for path, key in keys.items():
        if key is None:
            return None
        chunks.append((f"document\0{path}", f"{key.sha256}|{key.extractor_version}|{key.seed_fingerprint}".encode()))
    for path in corrections:
        try:
            chunks.append((f"corrections\0{path}", hashlib.sha256(path.read_bytes()).hexdigest().encode()))
        except OSError:
            return None
    return bytes_fingerprint(chunks)


@dataclass(frozen=True)
class CurrentRun:
    """The latest run, which already made what a run over the same inputs would make."""

    run_id: str
    finished_at: datetime
    status: str
    documents: list[dict[str, Any]]  # run-summary entries, in the order of the files asked for


def current_run(db: Path | str, keys: Mapping[Path, CacheKey | None], corrections: Sequence[Path]) -> CurrentRun | None:
    """The latest run when nothing a run depends on changed since it; None when a run has work to do.

    Read-only and quiet: a warehouse that is missing, locked, old or unreadable means "run the flow",
    which then says what is wrong.
    """
    fingerprint = inputs_fingerprint(keys, corrections)
    if fingerprint is None or not keys or not Path(db).is_file():
        return None
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        return _current(con, Path(db), fingerprint, [k for k in keys.values() if k is not None])
    except duckdb.Error:
        return None
    finally:
        con.close()


def _current(con: duckdb.DuckDBPyConnection, db: Path, fingerprint: str, keys: list[CacheKey]) -> CurrentRun | None:
    from flows.migrations import current_version, latest_version
    from flows.publish import FINGERPRINT_FILE, content_fingerprint, snapshot_paths

    if current_version(con.cursor()) != latest_version():  # helpers get cursors: fetchone() leaves results open
        return None  # the run migrates the file first
    rows = con.execute("select run_id, finished_at, status, check_failures, inputs from etl_run "
                       "order by started_at desc limit 1").fetchall()
    row = rows[0] if rows else None
    if row is None or row[2] not in ("ok", "rejects") or row[3] or row[4] != fingerprint or row[1] is None:
        return None
    if con.execute("select count(*) from mart_pending").fetchall() != [(0,)]:
        return None  # a run died before refreshing the league-table mart
    snapshot = snapshot_paths(db)
    stored = snapshot.parquet_dir / FINGERPRINT_FILE
    if not snapshot.db.is_file() or not stored.is_file():
        return None
    if stored.read_text(encoding="utf-8") != content_fingerprint(con.cursor()):
        return None  # the snapshot is not what the warehouse holds (a failed publication, an edit by hand)
    summaries = cached_summaries(con, keys)
    return CurrentRun(run_id=row[0], finished_at=row[1], status=row[2],
                      documents=[summaries[k.path] for k in keys])
