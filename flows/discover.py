"""Discover stage: which files under the given paths are documents to ingest."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from flows.errors import ParindexError
from flows.extract import media_type_of

CORRECTIONS_FILE = "corrections.csv"  # human overrides, applied by flows.corrections, not a document


def display_path(path: Path) -> str:
    """A path as the user would write it: relative to the working directory when inside it."""
    # A symlink keeps its own name (a folder link looping back must be named, not its target).
    resolved = path.parent.resolve() / path.name if path.is_symlink() else path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def walk(root: Path) -> Iterator[Path]:
    """Files under ``root``, following folder symlinks; a link back into its own ancestry is yielded as is.

    Hidden files and folders are skipped. A symlink loop (``raw/2019/x/loop -> ..``) is not followed:
    the link itself is yielded, so that extraction rejects it with an explanation instead of it being
    silently ignored or walked forever.
    """
    for folder, dirs, files in os.walk(root, followlinks=True):
        here = Path(folder)
        ancestry = {os.path.realpath(p) for p in (here, *here.parents)}
        for name in sorted(dirs):
            if name.startswith("."):
                dirs.remove(name)
            elif (here / name).is_symlink() and os.path.realpath(here / name) in ancestry:
                dirs.remove(name)
                yield here / name
        yield from (here / name for name in sorted(files) if not name.startswith("."))


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
                f for f in walk(path)
                if (f.is_symlink() and f.is_dir()) or (
                    f.is_file() and media_type_of(f) and not f.name.lower().startswith("readme")
                    and f.name.lower() != CORRECTIONS_FILE)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise ParindexError(f"no such file or folder: {given}",
                                fix="give files or folders of announcements, e.g. `parindex ingest raw/`")
    unique = {display_path(f): Path(display_path(f)) for f in found}
    return list(unique.values())
