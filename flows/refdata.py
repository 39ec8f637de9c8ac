"""The reference data every run needs: the gazetteer and the dimension frames, cached on disk.

Building them from ``warehouse/seeds`` takes a second or two (15,000 units, their aliases, pandera
checks of the seeds), in the flow's process and again in every worker process. The built objects
are pickled once under the user's cache folder (``$PARINDEX_CACHE_DIR``, else
``$XDG_CACHE_HOME/parindex``, else ``~/.cache/parindex``), keyed by the seeds' fingerprint and the
code that builds them, and read back by later runs; a missing, stale or unreadable cache file is
simply rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from flows.paths import SEED_DIR

_PACKAGE = Path(__file__).resolve().parent
# The modules whose code decides what the cached objects hold.
_BUILDERS = ("gazetteer.py", "textindex.py", "dimensions.py", "textnorm.py", "numerals.py", "seeds.py")


def cache_dir() -> Path:
    """Where the reference data is cached (created on first write)."""
    if os.environ.get("PARINDEX_CACHE_DIR"):
        return Path(os.environ["PARINDEX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "parindex"


def cache_key(seeds: str) -> str:
    """The seeds' fingerprint and the builders' code, hashed: a change to either misses the cache."""
    digest = hashlib.sha256(seeds.encode())
    for name in _BUILDERS:
        digest.update((_PACKAGE / name).read_bytes())
    for path in sorted((_PACKAGE.parent / "schemas").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _build(seed_dir: Path) -> tuple[Any, dict[str, Any], Any]:
    from flows.dimensions import Dimensions, dimension_frames
    from flows.gazetteer import Gazetteer
    from flows.load import read_index_seed

    gazetteer = Gazetteer.load(seed_dir)
    frames = dimension_frames(gazetteer, read_index_seed(seed_dir))
    return gazetteer, frames, Dimensions.from_frames(frames["dim_index"], frames["dim_unit"])


@lru_cache(maxsize=2)
def reference_data(seeds: str, seed_dir: Path = SEED_DIR) -> tuple[Any, dict[str, Any], Any]:
    """(gazetteer, dimension frames, Dimensions) for the seeds with fingerprint ``seeds``, once per process."""
    path = cache_dir() / f"reference-{cache_key(seeds)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        pass  # no cache yet, or one written by other code: build it
    built = _build(seed_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("reference-*.pickle"):  # earlier seeds or code: never read again
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: every run builds its own, as before
    return built
