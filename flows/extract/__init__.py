"""Extraction stage: one document in, the ``extract --json`` contract object out.

``extract_path`` reads the bytes, identifies the media type, and hands the document to the text or
table extractor. Both return the same dict: ``source``, ``facts``, ``leader_ratings``, ``claims``,
``warnings`` and ``rejects`` (figures that could not become facts: unknown units and the like, each
with ``check``, ``value``, ``place`` and ``message``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from flows.errors import UnreadableInput
from flows.gazetteer import Gazetteer
from flows.textnorm import fold_key

MEDIA_TYPES = {".txt": "text/plain", ".md": "text/markdown", ".csv": "text/csv"}
_YEAR_DIR = re.compile(r"^(19|20)\d\d$")


def media_type_of(path: Path) -> str | None:
    """Media type by file suffix, None when parindex cannot read that kind of file.

    Example:
        >>> media_type_of(Path("raw/2019/hai-phong/diem.CSV"))
        'text/csv'
    """
    return MEDIA_TYPES.get(path.suffix.lower())


def hints_from_path(path: Path, gazetteer: Gazetteer) -> tuple[int | None, str | None]:
    """(year, province) that a ``raw/<year>/<province>/`` location tells, where it does.

    Example:
        >>> hints_from_path(Path("raw/2019/hai-phong/a.txt"), Gazetteer.load())
        (2019, 'Hải Phòng')
    """
    year = province = None
    by_slug = {fold_key(u.province).replace(" ", "-"): u.province for u in gazetteer.provinces()}
    for part in path.parts:
        if _YEAR_DIR.match(part):
            year = int(part)
        elif part.lower() in by_slug:
            province = by_slug[part.lower()]
    return year, province


def decode(data: bytes, path: Path) -> str:
    """UTF-8 text of a document (a BOM is dropped); a clear error for anything else."""
    if b"\x00" in data[:4096]:
        raise UnreadableInput("this looks like a binary file, not text", path=str(path),
                              fix="give parindex the announcement as .txt/.md or its table as .csv")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})", path=str(path),
            fix="re-save the file as UTF-8 (legacy Vietnamese encodings such as TCVN3/VNI are not read yet)",
        ) from exc


def extract_path(path: Path, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """Extract one document into the contract object (no warehouse, no Prefect)."""
    path = Path(path)
    gazetteer = gazetteer or Gazetteer.load()
    media_type = media_type_of(path)
    if media_type is None:
        raise UnreadableInput(f"unsupported file type {path.suffix or '(none)'!r}", path=str(path),
                              fix="parindex reads " + ", ".join(sorted(MEDIA_TYPES)))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file ({exc.strerror})", path=str(path),
                              fix="check the path and its permissions") from exc
    text = decode(data, path)
    year_hint, province_hint = hints_from_path(path, gazetteer)
    if media_type == "text/csv":
        from flows.extract.tables import extract_csv

        result = extract_csv(text, str(path), gazetteer, year_hint, province_hint)
    else:
        from flows.extract.text import extract_text

        result = extract_text(text, gazetteer, year_hint, province_hint)
    source = {"path": str(path), "sha256": hashlib.sha256(data).hexdigest(), "media_type": media_type,
              "title": None, "published": None, "decision_no": None, "province": province_hint}
    source.update({k: v for k, v in result.get("source", {}).items() if v is not None})
    result["source"] = source
    for key in ("facts", "leader_ratings", "claims", "warnings", "rejects"):
        result.setdefault(key, [])
    return result
