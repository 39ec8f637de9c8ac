"""Content-hash cache: a document whose bytes, extractor and seeds are unchanged is not extracted again.

``etl_document`` keeps, per file, the sha256 of the bytes last loaded, ``extractor_fingerprint()``
(``flows.EXTRACTOR_VERSION`` and a hash of the extraction code) and a fingerprint of
``warehouse/seeds/*.csv``; the row is written in the transaction that loads the document, so it
never claims rows that are not there. A cached document's summary is read back from
the warehouse, so a re-run reports the same counts (and the same rejects) as the run that loaded it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from flows import EXTRACTOR_VERSION
from flows.extract import MAX_DOCUMENT_BYTES
from flows.paths import SEED_DIR


@dataclass(frozen=True)
class CacheKey:
    """What a document was (or is about to be) loaded with."""

    path: str
    sha256: str
    extractor_version: str
    seed_fingerprint: str


def bytes_fingerprint(chunks: Iterable[tuple[str, bytes]]) -> str:
    """sha256 over (name, bytes) pairs, order-independent.

    Example:
        >>> a, b = ("a.csv", b"x"), ("b.csv", b"y")
        >>> bytes_fingerprint([a, b]) == bytes_fingerprint([b, a]) != bytes_fingerprint([a])
        True
    """
    digest = hashlib.sha256()
    for name, data in sorted(chunks):
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def seed_fingerprint(seed_dir: Path = SEED_DIR) -> str:
    """Fingerprint of ``warehouse/seeds/*.csv``: a changed gazetteer or criterion list re-extracts everything."""
    return bytes_fingerprint((p.name, p.read_bytes()) for p in seed_dir.glob("*.csv"))


def file_sha256(path: Path) -> str | None:
    """sha256 of a file's bytes, None when it cannot be read or is too large to be a document."""
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:  # refused by the extractor: never worth hashing
            return None
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def cache_key(path: Path, seeds: str) -> CacheKey | None:
    """The key a document would be loaded with now, None when its bytes cannot be hashed."""
    sha = file_sha256(path)
    return None if sha is None else CacheKey(str(path), sha, extractor_fingerprint(), seeds)


_PACKAGE = Path(__file__).resolve().parent
# The code that decides what a document loads as: reading, extraction, names, validation.
_EXTRACTION_CODE = ("extract/*.py", "gazetteer.py", "textindex.py", "textnorm.py", "numerals.py", "seeds.py",
                    "dimensions.py", "validate.py", "rejects.py", "consistency.py", "../schemas/*.py")


@lru_cache(maxsize=2)
def extractor_fingerprint(package: Path = _PACKAGE) -> str:
    """``EXTRACTOR_VERSION`` and a hash of the extraction and validation code ("0.1.0+3f2a9c41d07e").

    A document loaded by other code is extracted again, whether or not the version was bumped.
    """
    paths = sorted(p for pattern in _EXTRACTION_CODE for p in package.glob(pattern))
    digest = bytes_fingerprint((p.relative_to(package.parent).as_posix(), p.read_bytes()) for p in paths)
    return f"{EXTRACTOR_VERSION}+{digest[:12]}"


def unchanged(con: duckdb.DuckDBPyConnection, keys: Iterable[CacheKey | None]) -> set[str]:
    """Paths of the keys the warehouse holds loaded from the same bytes, extractor and seeds (one query)."""
    import pandas as pd

    rows = [(k.path, k.sha256, k.extractor_version, k.seed_fingerprint) for k in keys if k is not None]
    if not rows:
        return set()
    con.register("_parindex_keys", pd.DataFrame(rows, columns=["path", "sha256", "extractor_version",
                                                               "seed_fingerprint"]))
    try:
        found = con.execute("select path from etl_document join _parindex_keys "
                            "using (path, sha256, extractor_version, seed_fingerprint)").fetchall()
    finally:
        con.unregister("_parindex_keys")
    return {path for (path,) in found}


def changed_documents(db: Path | str, files: Sequence[Path], seeds: str,
                      keys: Sequence[CacheKey | None] | None = None) -> int:
    """How many of ``files`` a run would extract: those the warehouse ``db`` does not hold unchanged
    (``keys``: their cache keys, when the caller has them already).

    Read-only; a warehouse that cannot be read (none yet, an old layout) counts every file.
    """
    if not Path(db).is_file():
        return len(files)
    keys = [cache_key(f, seeds) for f in files] if keys is None else keys
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return len(files)
    try:
        same = unchanged(con, keys)
    except duckdb.Error:
        return len(files)
    finally:
        con.close()
    return sum(1 for k in keys if k is None or k.path not in same)


def record(con: duckdb.DuckDBPyConnection, keys: Sequence[CacheKey], loaded_at: Any, run_id: str | None) -> None:
    """Remember what the documents were loaded with (two statements; call inside their transaction)."""
    import pandas as pd

    frame = pd.DataFrame([(k.path, k.sha256, k.extractor_version, k.seed_fingerprint) for k in keys],
                         columns=["path", "sha256", "extractor_version", "seed_fingerprint"])
    frame = frame.drop_duplicates("path", keep="last").assign(loaded_at=loaded_at, run_id=run_id)
    con.register("_parindex_cache_keys", frame)
    try:
        con.execute("delete from etl_document where path in (select path from _parindex_cache_keys)")
        con.execute("insert into etl_document by name select * from _parindex_cache_keys")
    finally:
        con.unregister("_parindex_cache_keys")


def cached_summaries(con: duckdb.DuckDBPyConnection, keys: Sequence[CacheKey]) -> dict[str, dict[str, Any]]:
    """The run-summary entries of unchanged documents, read back from the warehouse (one query per table)."""
    import pandas as pd

    if not keys:
        return {}
    con.register("_parindex_keys", pd.DataFrame({"path": [k.path for k in keys], "sha256": [k.sha256 for k in keys]}))
    try:
        counts = {table: dict(con.execute(
            f"select source_id, count(*) from {table} where source_id in (select sha256 from _parindex_keys) "
            "group by all").fetchall()) for table in ("dim_source", "fact_score", "fact_leader_rating", "fact_claim")}
        messages: dict[str, list[str]] = {}
        for path, message in con.execute("select file, message from etl_reject "
                                         "where file in (select path from _parindex_keys) order by all").fetchall():
            messages.setdefault(path, []).append(message)
    finally:
        con.unregister("_parindex_keys")
    return {k.path: {"path": k.path, "readable": bool(counts["dim_source"].get(k.sha256)),
                     "facts": counts["fact_score"].get(k.sha256, 0),
                     "leader_ratings": counts["fact_leader_rating"].get(k.sha256, 0),
                     "claims": counts["fact_claim"].get(k.sha256, 0), "rejects": len(messages.get(k.path, [])),
                     "warnings": [], "reject_messages": messages.get(k.path, []), "unchanged": True} for k in keys}
