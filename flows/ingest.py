"""The ingest flow: discover -> extract and validate (one task per batch of documents) -> load -> check.

Extraction and validation run as one Prefect task per batch of up to ``BATCH_DOCUMENTS`` documents
(pandera and Prefect cost per call, not per row); loading stays sequential in the flow because DuckDB
has a single writer, and each batch is one transaction. The flow holds the write lock for the whole
run. Importing this module imports Prefect: only ``parindex ingest`` does.
"""

from __future__ import annotations

import math
import os
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE

from flows import EXTRACTOR_VERSION, cache, corrections, load
from flows.corrections import Outcome
from flows.dimensions import Dimensions
from flows.discover import discover, display_path
from flows.errors import ParindexError, UnreadableInput
from flows.extract import extract_or_fail
from flows.gazetteer import Gazetteer
from flows.packed import PackedDocuments
from flows.paths import DEFAULT_DB, RAW_DIR
from flows.refdata import reference_data
from flows.uptodate import inputs_fingerprint
from flows.validate import ValidatedDocument, rejected_document, validate_batch
from flows.workers import release_workers

BATCH_DOCUMENTS = 100  # documents per extraction task and per load transaction


def _is_io_error(_task: Any, _run: Any, state: Any) -> bool:
    """Retry only what the disk or the lock may fix on a second try."""
    try:
        state.result()
    except (OSError, duckdb.IOException):
        return True
    except Exception:  # noqa: BLE001 - any other failure is not worth a retry
        return False
    return False


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1, retry_condition_fn=_is_io_error)
def discover_documents(paths: list[str]) -> list[Path]:
    """Files to ingest."""
    return discover(paths)


def extract_or_reject(path: Path, gazetteer: Gazetteer) -> dict[str, Any] | ValidatedDocument:
    """The extraction contract of one document, or the reject of a document that cannot be read."""
    try:
        contract = extract_or_fail(path, gazetteer)
    except ParindexError as exc:
        return rejected_document(str(path), exc)
    if not any(contract[k] for k in ("facts", "leader_ratings", "claims", "rejects")):
        return rejected_document(str(path), UnreadableInput(
            "no figure found: no score, rank, leader rating or claim (scripts and page furniture are ignored)",
            path=str(path), fix="check that it is a PAR/SIPAS announcement or score table with a header row "
                                "'STT;Đơn vị;Tổng điểm;Xếp hạng'; remove it from raw/ if it is not"),
            source_id=contract["source"]["sha256"])
    return contract


@task(cache_policy=NO_CACHE)
def extract_batch(paths: list[Path], seeds: str, ingested_at: datetime) -> PackedDocuments:
    """Extract a batch of documents and validate them together; unreadable documents become rejects.

    Packed one frame per table: the result travels from a worker process to the flow's."""
    gazetteer, _frames, dims = reference_data(seeds)
    return PackedDocuments.pack(
        validate_extracted([extract_or_reject(path, gazetteer) for path in paths], dims, ingested_at))


def validate_extracted(results: list[dict[str, Any] | ValidatedDocument], dims: Dimensions,
                       ingested_at: datetime) -> list[ValidatedDocument]:
    """The contracts among ``results`` validated together, in place; rejected documents stay as they are."""
    contracts = [r for r in results if not isinstance(r, ValidatedDocument)]
    validated = iter(validate_batch(contracts, dims, ingested_at=ingested_at) if contracts else [])
    return [r if isinstance(r, ValidatedDocument) else next(validated) for r in results]


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1, retry_condition_fn=_is_io_error)
def load_documents(con: duckdb.DuckDBPyConnection, docs: list[ValidatedDocument],
                   keys: list[cache.CacheKey | None], run_id: str | None = None) -> list[ValidatedDocument]:
    """Replace the documents' rows in the warehouse in one transaction (with their cache records).

    Should the batch fail for any reason but the disk, each document is loaded on its own and one that
    still fails is recorded as a rejected document instead; returns what was loaded.
    """
    try:
        load.load_batch(con, docs, keys, run_id, refresh_marts=False)
        return docs
    except duckdb.IOException:
        raise
    except duckdb.Error:
        if len(docs) == 1:
            raise
    loaded = []
    for doc, key in zip(docs, keys, strict=True):
        try:
            load.load_document(con, doc, key, run_id)
        except duckdb.IOException:
            raise
        except duckdb.Error as exc:
            doc = rejected_document(doc.path, ParindexError(
                f"could not be loaded: {exc}", path=doc.path,
                fix="this is a bug in parindex (validation let the rows through); please report it"),
                source_id=doc.source_id)
            load.load_document(con, doc, None, run_id)
        loaded.append(doc)
    return loaded


def batches(paths: Sequence[Path], workers: int = 2, size: int = BATCH_DOCUMENTS) -> list[list[Path]]:
    """Consecutive batches of at most ``size`` paths, at least two per worker when there are enough.

    Example:
        >>> [len(b) for b in batches([Path(str(n)) for n in range(10)], workers=2, size=3)]
        [3, 3, 3, 1]
        >>> [len(b) for b in batches([Path("a"), Path("b")])]
        [1, 1]
    """
    if not paths:
        return []
    per = max(1, min(size, math.ceil(len(paths) / (2 * max(1, workers)))))
    return [list(paths[i:i + per]) for i in range(0, len(paths), per)]


@task(cache_policy=NO_CACHE)
def apply_corrections(con: duckdb.DuckDBPyConnection, paths: list[str], gazetteer: Gazetteer) -> Outcome:
    """Undo and re-apply the corrections.csv files in scope (one transaction)."""
    return corrections.apply_corrections(con, paths, gazetteer)


@task(cache_policy=NO_CACHE)
def check_warehouse(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """Run warehouse/checks/assert_*.sql; the failing ones with their rows."""
    return {name: rows.astype(str).to_dict("records") for name, rows in load.run_checks(con).items()}


def document_summary(doc: ValidatedDocument) -> dict[str, Any]:
    """What one document contributed, for the run summary."""
    return {"path": doc.path, "readable": doc.readable, "facts": doc.count("fact_score"),
            "leader_ratings": doc.count("fact_leader_rating"), "claims": doc.count("fact_claim"),
            "rejects": len(doc.rejects), "warnings": doc.warnings,
            "reject_messages": doc.rejects["message"].tolist()}


def run_record(run_id: str, started: datetime, paths: Sequence[str], docs: list[dict[str, Any]],
               check_failures: int, status: str | None = None, extra_rejects: int = 0,
               inputs: str | None = None) -> dict[str, Any]:
    """The ``etl_run`` row of a run so far (``extra_rejects``: corrections that could not be applied;
    ``inputs``: the fingerprint of what a finished run read, ``flows.uptodate``)."""
    rejects = sum(d["rejects"] for d in docs) + extra_rejects
    if status is None:
        status = "rejects" if rejects or check_failures else "ok"
    return {"run_id": run_id, "started_at": started, "finished_at": None if status == "running" else _now(),
            "status": status, "paths": " ".join(map(str, paths)), "documents": len(docs),
            "documents_rejected": sum(not d["readable"] for d in docs),
            "facts": sum(d["facts"] for d in docs), "leader_ratings": sum(d["leader_ratings"] for d in docs),
            "claims": sum(d["claims"] for d in docs), "rejects": rejects, "check_failures": check_failures,
            "extractor_version": EXTRACTOR_VERSION, "inputs": inputs}


def _workers() -> int:
    """Processes the extraction tasks are spread over: the machine's cores, unless they run on threads."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    runner = getattr(FlowRunContext.get(), "task_runner", None)
    return 1 if runner is None or isinstance(runner, ThreadPoolTaskRunner) else os.cpu_count() or 1


def _now() -> datetime:
    """Naive UTC, the way the warehouse stores timestamps."""
    return datetime.now(UTC).replace(tzinfo=None)


def _run_id() -> str:
    from prefect.runtime import flow_run

    return str(flow_run.id or uuid.uuid4())


def _progress(enabled: bool, number: int, total: int, doc: dict[str, Any]) -> None:
    if enabled:
        what = (f"{doc['facts']} facts, {doc['leader_ratings']} leader ratings, {doc['claims']} claims, "
                f"{doc['rejects']} rejected" if doc["readable"] else "not readable, rejected")
        if doc.get("unchanged"):
            what = f"unchanged since its last load, skipped ({what})"
        print(f"[{number}/{total}] {doc['path']}: {what}", file=sys.stderr, flush=True)


@flow(name="ingest", log_prints=False, validate_parameters=True)
def ingest(paths: list[str] | None = None, db: str | None = None, progress: bool = False,
           wait: float = 0) -> dict[str, Any]:
    """Load announcements into the warehouse; returns a summary of the run.

    Unchanged documents (same bytes, extractor and seeds) are skipped and listed with ``unchanged``;
    corrections.csv files in scope are applied after loading; ``wait`` bounds the wait for the lock.
    """
    paths = paths or [display_path(RAW_DIR)]
    db_path = Path(db or DEFAULT_DB)
    run_id, started = _run_id(), _now()
    seeds = cache.seed_fingerprint()
    gazetteer, dim_frames, _dims = reference_data(seeds)

    files = discover_documents(paths)
    con = load.connect(db_path, wait=wait)
    stale_note = load.claim_writer(db_path)
    if stale_note:
        print(stale_note, file=sys.stderr, flush=True)
    docs: list[dict[str, Any]] = []
    corrected = None
    try:
        load.prepare(con, dim_frames)
        load.record_run(con, run_record(run_id, started, paths, docs, 0, status="running"))
        keys = {f: cache.cache_key(f, seeds) for f in files}
        inputs = inputs_fingerprint(keys, corrections.find_files(paths))  # read before anything is loaded
        same = cache.unchanged(con, keys.values())
        todo = [f for f in files if keys[f] is None or keys[f].path not in same]
        cached = cache.cached_summaries(con, [keys[f] for f in files if keys[f] is not None and keys[f].path in same])
        work = batches(todo, workers=_workers())
        futures = extract_batch.map(work, unmapped(seeds), unmapped(started))
        batch_of = {path: number for number, batch in enumerate(work) for path in batch}
        summaries: dict[Path, dict[str, Any]] = {}
        for number, path in enumerate(files, start=1):
            if path in batch_of and path not in summaries:
                at = batch_of[path]
                loaded = load_documents(con, futures[at].result().unpack(), [keys[p] for p in work[at]], run_id)
                futures[at] = None  # release the batch's frames once they are in the warehouse
                summaries |= {p: document_summary(d) | {"unchanged": False}
                              for p, d in zip(work[at], loaded, strict=True)}
            docs.append(summaries.pop(path) if path in batch_of else cached[keys[path].path])
            _progress(progress, number, len(files), docs[-1])
        if work:
            release_workers()  # every extraction is done: the workers exit while the flow goes on
        load.refresh_pending_marts(con)  # once for every batch: the index-years they touched
        corrected = apply_corrections(con, paths, gazetteer)
        failures = check_warehouse(con)
        load.record_run(con, run_record(run_id, started, paths, docs, len(failures),
                                        extra_rejects=len(corrected.rejects), inputs=inputs))
    except BaseException:
        try:
            load.record_run(con, run_record(run_id, started, paths, docs, 0, status="failed"))
        except duckdb.Error:
            pass  # the original failure matters more than its bookkeeping
        raise
    finally:
        con.close()
        load.release_writer(db_path)
    from flows.publish import publish_after_run  # read-only snapshot + Parquet for BI tools

    snapshot = publish_after_run(db_path, failures)
    rejected = any(d["rejects"] for d in docs) or corrected.rejects or failures
    return {"run_id": run_id, "db": str(db_path), "documents": docs, "check_failures": failures,
            "unchanged": sum(d["unchanged"] for d in docs), "corrections": corrected.summary(),
            "status": "rejects" if rejected else "ok", "snapshot": snapshot}

