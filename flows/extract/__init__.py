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

MEDIA_TYPES = {".txt": "text/plain", ".md": "text/markdown", ".csv": "text/csv",
               ".html": "text/html", ".htm": "text/html"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES.update({".xlsx": XLSX, ".pdf": "application/pdf"})
# Binary table formats: their readers take the bytes, not decoded text (xlsx.py, pdf.py).
BINARY_READERS = {XLSX: ("flows.extract.xlsx", "extract_xlsx"), "application/pdf": ("flows.extract.pdf", "extract_pdf")}
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
    """NFC text of a document: UTF-8, or Windows-1258/TCVN3/VNI converted; a clear error for anything else."""
    from flows.extract.encoding import decode_bytes

    return decode_bytes(data, path).text


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
    year_hint, province_hint = hints_from_path(path, gazetteer)
    if media_type in BINARY_READERS:
        return _extract_binary(path, data, media_type, gazetteer, year_hint, province_hint)
    from flows.extract.encoding import decode_bytes

    decoded = decode_bytes(data, path)
    text = decoded.text
    if media_type == "text/csv":
        from flows.extract.tables import extract_csv

        result = extract_csv(text, str(path), gazetteer, year_hint, province_hint)
    elif media_type == "text/html":
        from flows.extract.html import extract_html

        result = extract_html(text, str(path), gazetteer, year_hint, province_hint)
    else:
        from flows.extract.text import extract_text

        result = extract_text(text, gazetteer, year_hint, province_hint)
    source = {"path": str(path), "sha256": hashlib.sha256(data).hexdigest(), "media_type": media_type,
              "title": None, "published": None, "decision_no": None, "province": province_hint}
    source.update({k: v for k, v in result.get("source", {}).items() if v is not None})
    source["encoding"] = decoded.encoding
    result["source"] = source
    for key in ("facts", "leader_ratings", "claims", "warnings", "rejects"):
        result.setdefault(key, [])
    result["warnings"][:0] = decoded.warnings
    return result


def _extract_binary(path: Path, data: bytes, media_type: str, gazetteer: Gazetteer, year_hint: int | None,
                    province_hint: str | None) -> dict[str, Any]:
    """A workbook or PDF through its table reader, completed into the contract object."""
    import importlib

    module, name = BINARY_READERS[media_type]
    result = getattr(importlib.import_module(module), name)(data, str(path), gazetteer, year_hint, province_hint)
    source = {"path": str(path), "sha256": hashlib.sha256(data).hexdigest(), "media_type": media_type,
              "title": None, "published": None, "decision_no": None, "province": province_hint}
    source.update({k: v for k, v in result.get("source", {}).items() if v is not None})
    result["source"] = source
    for key in ("facts", "leader_ratings", "claims", "warnings", "rejects"):
        result.setdefault(key, [])
    return result
