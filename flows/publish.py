"""Publish a read-only copy of the warehouse after a run, so that readers never hold the writer's lock.

``<db stem>-read.duckdb`` beside the warehouse (``warehouse/parindex-read.duckdb``) is replaced
atomically: the closed warehouse file is copied to a temporary file, which is renamed over the
snapshot; a BI tool that still has the old snapshot open keeps reading it. Parquet files of every
table and view go to ``export/`` beside it (``warehouse/export/``), swapped in as a whole folder;
the materialised marts are left out (``v_league_table.parquet`` holds ``mart_league_table``'s rows).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows.errors import ParindexError
from flows.export import export_relations, relations


def published_relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table and view worth a file: all but the marts, whose rows their views already give."""
    from flows.marts import MART_TABLES

    hidden = {t for t in MART_TABLES if t.startswith("mart_")}
    return [name for name in relations(con) if name not in hidden]


@dataclass(frozen=True)
class Snapshot:
    """Where a warehouse's published copies live."""

    db: Path
    parquet_dir: Path


def snapshot_paths(db: Path | str) -> Snapshot:
    """The snapshot file and Parquet folder of a warehouse file.

    Example:
        >>> s = snapshot_paths("warehouse/parindex.duckdb")
        >>> str(s.db), str(s.parquet_dir)
        ('warehouse/parindex-read.duckdb', 'warehouse/export')
    """
    db = Path(db)
    return Snapshot(db.with_name(f"{db.stem}-read.duckdb"), db.parent / "export")


# Tables a run always changes (its own row) without changing any published figure.
RUN_LOG_TABLES = ("etl_run",)
FINGERPRINT_FILE = ".content-fingerprint"


def content_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """A hash of the schema and of every base table's rows but the run log: equal when no export can differ.

    Views derive from the tables, so their SQL is hashed, not their rows; one pass of DuckDB's row hash.
    """
    names = [n for (n,) in con.execute("select table_name from information_schema.tables "
                                       "where table_schema = 'main' and table_type = 'BASE TABLE' "
                                       "order by table_name").fetchall() if n not in RUN_LOG_TABLES]
    parts = [repr(con.execute("select view_name, sql from duckdb_views() where not internal order by all").fetchall()),
             repr(con.execute("select table_name, column_name, data_type from information_schema.columns "
                              "where table_schema = 'main' order by all").fetchall())]  # what is published
    for name in names:  # names come from the catalog, never from input
        rows, total = con.execute(f'select count(*), sum(hash(t)) from "{name}" as t').fetchone()
        parts.append(f"{name}:{rows}:{total}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def publish_snapshot(db: Path | str, *, parquet: bool = True) -> Snapshot:
    """Copy the closed warehouse ``db`` to its read-only snapshot (and Parquet files); the paths.

    When no table but the run log changed since the last publication (a re-run of unchanged input),
    only the run log's Parquet file is rewritten: the others would come out the same.
    """
    db = Path(db)
    target = snapshot_paths(db)
    tmp_db = target.db.with_name(f".{target.db.stem}.{os.getpid()}.tmp.duckdb")
    tmp_dir = target.parquet_dir.with_name(f".{target.parquet_dir.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(db, tmp_db)
        if parquet:
            shutil.rmtree(tmp_dir, ignore_errors=True)
            con = duckdb.connect(str(tmp_db), read_only=True)
            try:
                fingerprint = content_fingerprint(con)
                stored = target.parquet_dir / FINGERPRINT_FILE
                published = published_relations(con)
                unchanged = (stored.is_file() and stored.read_text(encoding="utf-8") == fingerprint
                             and all((target.parquet_dir / f"{n}.parquet").is_file() for n in published))
                export_relations(con, tmp_dir, "parquet",
                                 list(RUN_LOG_TABLES) if unchanged else published)
            finally:
                con.close()
            (tmp_dir / FINGERPRINT_FILE).write_text(fingerprint, encoding="utf-8")
        os.replace(tmp_db, target.db)
        if parquet and unchanged:
            for written in tmp_dir.glob("*.parquet"):
                os.replace(written, target.parquet_dir / written.name)
        elif parquet:
            old = target.parquet_dir.with_name(f".{target.parquet_dir.name}.{os.getpid()}.old")
            if target.parquet_dir.exists():
                target.parquet_dir.rename(old)
            tmp_dir.rename(target.parquet_dir)
            shutil.rmtree(old, ignore_errors=True)
    except (OSError, duckdb.Error) as exc:
        raise ParindexError(f"could not publish the read-only snapshot: {exc}", path=str(target.db),
                            fix="check free space and permissions of the warehouse folder; the warehouse "
                                "itself is complete") from exc
    finally:
        tmp_db.unlink(missing_ok=True)
        shutil.rmtree(tmp_dir, ignore_errors=True)
    return target


def publish_after_run(db: Path | str, check_failures: object) -> str | None:
    """The flow's last step: publish when the warehouse checks passed; the snapshot path, or None.

    A failed publication does not undo a loaded warehouse: it is reported on stderr and the old
    snapshot stays in place.
    """
    if check_failures:
        return None
    try:
        return str(publish_snapshot(db).db)
    except ParindexError as exc:
        import sys

        print(f"warning: {exc}", file=sys.stderr, flush=True)
        return None
