"""Discover stage: which files under the given paths are documents to ingest."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from flows.errors import ParindexError
from flows.extract import media_type_of


def display_path(path: Path) -> str:
    """A path as the user would write it: relative to the working directory when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def discover(paths: Sequence[str | Path]) -> list[Path]:
    """Documents under ``paths``: folders are searched for readable types, files are taken as given.

    README files and hidden files inside folders are skipped; a file named explicitly is kept even
    when its type is not supported, so that it is reported rather than silently ignored.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += sorted(
                f for f in path.rglob("*")
                if f.is_file() and media_type_of(f) and not f.name.lower().startswith("readme")
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise ParindexError(f"no such file or folder: {given}",
                                fix="give files or folders of announcements, e.g. `parindex ingest raw/`")
    unique = {display_path(f): Path(display_path(f)) for f in found}
    return list(unique.values())
