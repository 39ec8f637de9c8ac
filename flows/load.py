"""Load stage: the only module (with the flow) that touches DuckDB.

``load_batch`` writes a batch of documents in one transaction (``load_document``: a batch of one): it
deletes whatever earlier loads of the same files (by path) or the same bytes (by source_id) left,
then inserts the validated frames, one statement per table. So
re-running unchanged input leaves every table except ``etl_run`` exactly as it was: same rows, no
duplicates, and ``dim_source.ingested_at`` keeps the time the bytes were first loaded.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from flows.errors import ParindexError
from flows.paths import SEED_DIR, WAREHOUSE_DIR

if TYPE_CHECKING:  # validation pulls in pandera, which the read-only commands do not need
    from flows.cache import CacheKey
    from flows.validate import ValidatedDocument

# Creation order; the DDL of each lives in warehouse/ddl/<table>.sql.
TABLES = ("schema_version", "dim_index", "dim_criterion", "dim_unit", "dim_unit_alias", "dim_source", "fact_score",
          "fact_leader_rating", "fact_claim", "etl_run", "etl_reject", "etl_document", "etl_correction",
          "etl_seed")
# Views in dependency order, from warehouse/views/<view>.sql.
VIEWS = ("v_fact_score_preferred", "v_league_table", "v_score_conflict")
SEEDED_TABLES = ("dim_index", "dim_criterion", "dim_unit", "dim_unit_alias")
DOCUMENT_TABLES = ("fact_score", "fact_leader_rating", "fact_claim")
_LOCK_PID = re.compile(r"\(PID (\d+)\)")


class WarehouseBusy(ParindexError):
    """Another process holds the warehouse file."""


def read_sql(folder: str, name: str, warehouse_dir: Path = WAREHOUSE_DIR) -> str:
    """The SQL of ``warehouse/<folder>/<name>.sql``.

    Example:
        >>> "create table if not exists fact_score" in read_sql("ddl", "fact_score")
        True
    """
    return (warehouse_dir / folder / f"{name}.sql").read_text(encoding="utf-8")


def connect(db: Path | str, *, read_only: bool = False, wait: float = 0) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; clear errors when it does not exist yet or another process holds it.

    DuckDB allows one writer per file (its lock goes with the process). While another process holds
    the file, retry for up to ``wait`` seconds, then raise ``WarehouseBusy`` naming the holder.
    """
    db = Path(db)
    if read_only and not db.exists():
        raise ParindexError(f"no warehouse at {db}", fix="run `parindex ingest` first, or pass --db FILE")
    if not read_only:
        db.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + max(wait, 0)
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise ParindexError(f"cannot open the warehouse: {exc}", path=str(db),
                                    fix="check the file, or pass --db to use another one") from exc
            if time.monotonic() < deadline:
                time.sleep(0.2)
                continue
            pid = _LOCK_PID.search(str(exc))
            holder = describe_holder(db, int(pid.group(1)) if pid else None)
            waited = f"; waited {wait:g} s" if wait > 0 else ""
            raise WarehouseBusy(f"the warehouse is in use by another process{holder}{waited}", path=str(db),
                                fix="wait for that run to finish (or pass --wait SECONDS), "
                                    "or pass --db to use another file") from exc


def lock_info_path(db: Path | str) -> Path:
    """The file beside the warehouse that names the process writing it (``<db>.lock``)."""
    return Path(f"{db}.lock")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_lock_info(db: Path | str) -> dict[str, str]:
    try:
        text = lock_info_path(db).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def describe_holder(db: Path | str, pid: int | None) -> str:
    """' (PID 12, parindex ingest started 2026-01-01T10:00:00)': who holds the warehouse, as far as known."""
    info = _read_lock_info(db)
    if info.get("pid") and (pid is None or info["pid"] == str(pid)):
        return f" (PID {info['pid']}, {info.get('command', 'parindex')} started {info.get('started_at', '?')})"
    return f" (PID {pid})" if pid else ""


def claim_writer(db: Path | str, command: str = "parindex ingest") -> str | None:
    """Record this process as the warehouse's writer; explain a stale record a crashed run left.

    Call with the write connection open. Returns a note for the user when the previous writer died
    without finishing (killed, crashed, power loss): DuckDB rolled back its unfinished document.
    """
    info = _read_lock_info(db)
    note = None
    if info.get("pid", "").isdigit() and int(info["pid"]) != os.getpid():
        pid = int(info["pid"])
        if not _pid_alive(pid) or not info.get("started_at"):
            note = (f"note: {lock_info_path(db)}: the previous run ({info.get('command', 'parindex')}, PID {pid}, "
                    f"started {info.get('started_at', '?')}) ended without finishing (killed or crashed); "
                    "its unfinished document was rolled back and the warehouse is consistent. "
                    "This run replaces the stale lock record.")
    started = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    lock_info_path(db).write_text(f"pid={os.getpid()}\ncommand={command}\nstarted_at={started}\n", encoding="utf-8")
    return note


def release_writer(db: Path | str) -> None:
    """Remove this process's writer record (after closing the connection)."""
    if _read_lock_info(db).get("pid") == str(os.getpid()):
        lock_info_path(db).unlink(missing_ok=True)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Commit when the block succeeds, roll back when it raises."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def apply_ddl(con: duckdb.DuckDBPyConnection) -> None:
    """Migrate an older file, create missing tables and (re)create the views; safe on every start."""
    from flows.migrations import upgrade

    upgrade(con)
    from flows.marts import MART_TABLES

    for table in (*TABLES, *MART_TABLES):  # v_league_table reads dim_methodology_break
        con.execute(read_sql("ddl", table))
    for view in VIEWS:
        con.execute(read_sql("views", view))
    from flows.marts import apply_marts  # the query layer: methodology breaks and ranking views

    apply_marts(con)


def read_index_seed(seed_dir: Path = SEED_DIR) -> pd.DataFrame:
    """Rows of ``dim_index.csv`` as text (validated later by ``dimensions.dim_index_frame``)."""
    return pd.read_csv(seed_dir / "dim_index.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def read_criterion_seed(seed_dir: Path = SEED_DIR) -> pd.DataFrame:
    """Rows of ``dim_criterion.csv`` as text (validated later by ``dimensions.dim_criterion_frame``)."""
    return pd.read_csv(seed_dir / "dim_criterion.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert a frame by column name through DuckDB's pandas scan (no row-by-row statements)."""
    if table not in TABLES:
        raise ValueError(f"not a warehouse table: {table!r}")
    if frame.empty:
        return
    con.register("_parindex_staging", frame)
    try:
        con.execute(f"insert into {table} by name select * from _parindex_staging")
    finally:
        con.unregister("_parindex_staging")


def seed_fingerprint(frames: Mapping[str, pd.DataFrame]) -> str:
    """A hash of the seeded dimension frames' contents (columns, values and order)."""
    import hashlib

    digest = hashlib.sha256()
    for table in SEEDED_TABLES:
        frame = frames[table]
        digest.update("|".join([table, *map(str, frame.columns)]).encode())
        digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes())
    return digest.hexdigest()


def seed_dimensions(con: duckdb.DuckDBPyConnection, frames: Mapping[str, pd.DataFrame]) -> None:
    """Replace the seeded dimensions (dim_index, dim_criterion, dim_unit, dim_unit_alias) in one transaction.

    Skipped when they are what the last run wrote (same fingerprint): 15,000 units need not be rewritten.
    """
    fingerprint = seed_fingerprint(frames)
    stored = con.execute("select count(*) from etl_seed where fingerprint = ?", [fingerprint]).fetchone() == (1,)
    if stored and all(con.execute(f"select count(*) from {table}").fetchone() == (len(frames[table]),)
                      for table in SEEDED_TABLES):  # a row written behind the pipeline's back forces a rewrite
        return
    with transaction(con):
        for table in SEEDED_TABLES:
            con.execute(f"delete from {table}")
            _insert(con, table, frames[table])
        con.execute("delete from etl_seed")
        con.execute("insert into etl_seed values (?, ?)", [fingerprint, datetime.now(UTC).replace(tzinfo=None)])


def prepare(con: duckdb.DuckDBPyConnection, dimension_frames: Mapping[str, pd.DataFrame]) -> None:
    """Tables, views and seeded dimensions, ready for documents; runs left 'running' by a crash are 'failed'."""
    from flows.marts import sync_marts

    apply_ddl(con)
    seed_dimensions(con, dimension_frames)
    sync_marts(con)  # rebuilds the league table mart when the units, breaks or its SQL changed
    con.execute("update etl_run set status = 'failed' where status = 'running'")  # we hold the only write lock


def load_document(con: duckdb.DuckDBPyConnection, doc: ValidatedDocument, cache_key: CacheKey | None = None,
                  run_id: str | None = None) -> None:
    """Replace everything one document contributes, in one transaction (with its cache record)."""
    load_batch(con, [doc], [cache_key], run_id)


def load_batch(con: duckdb.DuckDBPyConnection, docs: Sequence[ValidatedDocument],
               cache_keys: Sequence[CacheKey | None] | None = None, run_id: str | None = None, *,
               refresh_marts: bool = True) -> None:
    """Replace everything the documents contribute, in one transaction, with one statement per table.

    The same as loading the documents one after the other: the rows earlier loads of the same files
    (by path) or the same bytes (by source_id) left are deleted first. Documents that repeat bytes
    within the batch are loaded in turn, so the last one wins as it would alone. The league-table mart
    is refreshed in the same transaction, or with ``refresh_marts=False`` only told which index-years
    changed (``refresh_pending_marts`` then refreshes them once for many batches).
    """
    from flows import marts

    keys = list(cache_keys) if cache_keys is not None else [None] * len(docs)
    sources = [d.source_id for d in docs if d.source_id]
    with transaction(con):
        if len(set(sources)) < len(sources):
            for doc, key in zip(docs, keys, strict=True):
                _replace(con, [doc], [key], run_id)
        else:
            _replace(con, docs, keys, run_id)
        if refresh_marts:
            marts.refresh_pending(con)


def refresh_pending_marts(con: duckdb.DuckDBPyConnection) -> int:
    """Refresh, in one transaction, the league-table rows of every index-year loaded since the last refresh."""
    from flows import marts

    with transaction(con):
        return marts.refresh_pending(con)


def _frame(docs: Sequence[ValidatedDocument], table: str) -> pd.DataFrame:
    frames = [d.tables[table] for d in docs if d.readable and len(d.tables[table])]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0] if frames else pd.DataFrame()


def _replace(con: duckdb.DuckDBPyConnection, docs: Sequence[ValidatedDocument], keys: Sequence[CacheKey | None],
             run_id: str | None) -> None:
    """Delete what earlier loads of these files or bytes left and insert the documents (caller's transaction)."""
    recorded = [k for k in keys if k is not None]
    if recorded:
        from flows.cache import record

        record(con, recorded, datetime.now(UTC).replace(tzinfo=None), run_id)
    batch = pd.DataFrame({"path": [d.path for d in docs], "source_id": [d.source_id for d in docs]}, dtype=object)
    con.register("_parindex_batch", batch)
    try:
        con.execute("""create or replace temp table _parindex_stale as
                       select source_id, ingested_at from dim_source
                       where path in (select path from _parindex_batch)
                          or source_id in (select source_id from _parindex_batch)""")
        first_loaded = dict(con.execute("select source_id, ingested_at from _parindex_stale").fetchall())
        touched = con.execute("select distinct index_code, year from fact_score "
                              "where source_id in (select source_id from _parindex_stale)").fetchall()
        con.execute("delete from etl_reject where file in (select path from _parindex_batch) "
                    "or source_id in (select source_id from _parindex_stale)")
        for table in (*DOCUMENT_TABLES, "dim_source"):  # dim_source last: the others select from it
            con.execute(f"delete from {table} where source_id in (select source_id from _parindex_stale)")
    finally:
        con.unregister("_parindex_batch")
    source = _frame(docs, "dim_source")
    if len(source):
        kept = source["source_id"].map(first_loaded)
        source = source.assign(ingested_at=kept.where(kept.notna(), source["ingested_at"]).astype(
            source["ingested_at"].dtype))
        _insert(con, "dim_source", source)
    for table in DOCUMENT_TABLES:
        _insert(con, table, _frame(docs, table))
    rejects = [d.rejects for d in docs if len(d.rejects)]
    if rejects:
        _insert(con, "etl_reject", pd.concat(rejects, ignore_index=True))
    facts = _frame(docs, "fact_score")
    if len(facts):
        touched += list(facts[["index_code", "year"]].drop_duplicates().itertuples(index=False, name=None))
    con.execute("drop table if exists _parindex_stale")
    from flows.marts import mark_stale  # the materialised league table follows the facts

    mark_stale(con, {(str(i), int(y)) for i, y in touched})


def record_run(con: duckdb.DuckDBPyConnection, run: Mapping[str, Any]) -> None:
    """Write (or rewrite) the ``etl_run`` row of one flow run."""
    from schemas import EtlRun

    frame = EtlRun.validate(pd.DataFrame([dict(run)]))
    with transaction(con):
        con.execute("delete from etl_run where run_id = ?", [run["run_id"]])
        _insert(con, "etl_run", frame)


def check_names(warehouse_dir: Path = WAREHOUSE_DIR) -> list[str]:
    """Names of the warehouse invariants, ``warehouse/checks/assert_*.sql``."""
    return sorted(p.stem for p in (warehouse_dir / "checks").glob("assert_*.sql"))


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Run every invariant; return the failing ones with the rows that break them."""
    failing = {}
    for name in check_names():
        rows = con.execute(read_sql("checks", name)).df()
        if len(rows):
            failing[name] = rows
    return failing
