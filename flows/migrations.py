"""Numbered schema migrations, applied when the warehouse is opened for writing.

``warehouse/ddl/*.sql`` is always the current schema: a new file is created from it and stamped with
the latest version. An older file is upgraded in place by ``warehouse/migrations/NNN_<name>.sql``,
each in its own transaction together with its row in ``schema_version``. A file without that table
but with ``fact_score`` is version 1 (the schema before migrations existed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from flows.errors import ParindexError
from flows.paths import WAREHOUSE_DIR

BASELINE_VERSION = 1
_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered migration file."""

    version: int
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


def parse_version(file_name: str) -> int | None:
    """The version number of a migration file name, None for anything else.

    Example:
        >>> parse_version("003_corrections.sql"), parse_version("notes.md"), parse_version("3_x.sql")
        (3, None, None)
    """
    match = _NAME.match(file_name)
    return int(match.group(1)) if match else None


def available(warehouse_dir: Path = WAREHOUSE_DIR) -> list[Migration]:
    """Every migration of ``warehouse/migrations/``, in order; numbers must be unique and above 1."""
    found: dict[int, Migration] = {}
    for path in sorted((warehouse_dir / "migrations").glob("*.sql")):
        version = parse_version(path.name)
        if version is None or version <= BASELINE_VERSION or version in found:
            raise ParindexError(f"bad migration file name {path.name!r}", path=str(path),
                                fix="name migrations NNN_what.sql with a unique number above 001")
        found[version] = Migration(version, path)
    return [found[v] for v in sorted(found)]


def latest_version(warehouse_dir: Path = WAREHOUSE_DIR) -> int:
    """The version a warehouse has once every migration is applied."""
    migrations = available(warehouse_dir)
    return migrations[-1].version if migrations else BASELINE_VERSION


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute("select count(*) from information_schema.tables where table_name = ? "
                      "and table_schema = current_schema()", [name]).fetchone()
    return bool(row and row[0])


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open warehouse: 0 when it is empty."""
    if _table_exists(con, "schema_version"):
        row = con.execute("select max(version) from schema_version").fetchone()
        if row and row[0] is not None:
            return int(row[0])
    return BASELINE_VERSION if _table_exists(con, "fact_score") else 0


def _stamp(con: duckdb.DuckDBPyConnection, version: int, name: str) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    con.execute("insert or replace into schema_version values (?, ?, ?)", [version, name, now])


def upgrade(con: duckdb.DuckDBPyConnection, warehouse_dir: Path = WAREHOUSE_DIR) -> list[str]:
    """Bring the warehouse to the latest version; the names of the migrations applied.

    Call before the DDL's ``create table if not exists`` statements: a new file is only stamped here
    (the DDL then creates the current schema), an old one gets each missing migration in order.
    """
    from flows.load import read_sql

    version = current_version(con)
    migrations = available(warehouse_dir)
    latest = migrations[-1].version if migrations else BASELINE_VERSION
    if version > latest:
        raise ParindexError(f"the warehouse has schema version {version}, newer than this parindex "
                            f"knows ({latest})", fix="upgrade parindex, or pass --db to use another file")
    con.execute(read_sql("ddl", "schema_version", warehouse_dir))
    if version == 0:  # a new file: the DDL creates the current schema
        _stamp(con, latest, "baseline")
        return []
    if not con.execute("select count(*) from schema_version").fetchone()[0]:
        _stamp(con, BASELINE_VERSION, "baseline")
    applied = []
    for migration in migrations:
        if migration.version <= version:
            continue
        con.execute("begin transaction")
        try:
            con.execute(migration.path.read_text(encoding="utf-8"))
            _stamp(con, migration.version, migration.name)
        except BaseException as exc:
            con.execute("rollback")
            if isinstance(exc, duckdb.Error):
                raise ParindexError(f"migration {migration.name} failed: {exc}", path=str(migration.path),
                                    fix="the warehouse stays at version "
                                        f"{current_version(con)}; fix the migration") from exc
            raise
        con.execute("commit")
        applied.append(migration.name)
    return applied
