"""Extraction stage: one document in, the ``extract --json`` contract object out.

``extract_path`` reads the bytes, identifies the media type, and hands the document to the text or
table extractor. Both return the same dict: ``source``, ``facts``, ``leader_ratings``, ``claims``,
``warnings`` and ``rejects`` (figures that could not become facts: unknown units and the like, each
with ``check``, ``value``, ``place`` and ``message``).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

from flows.errors import ExtractorBug, ParindexError, UnreadableInput
from flows.gazetteer import Gazetteer

MEDIA_TYPES = {".txt": "text/plain", ".md": "text/markdown", ".csv": "text/csv",
               ".tsv": "text/tab-separated-values", ".tab": "text/tab-separated-values",  # Excel's "Text (Tab)"
               ".html": "text/html", ".htm": "text/html"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES.update({".xlsx": XLSX, ".pdf": "application/pdf"})
# Binary table formats: their readers take the bytes, not decoded text (xlsx.py, pdf.py).
BINARY_READERS = {XLSX: ("flows.extract.xlsx", "extract_xlsx"), "application/pdf": ("flows.extract.pdf", "extract_pdf")}
MAX_DOCUMENT_BYTES = 20 * 2**20  # announcements and score tables are kilobytes; refuse before reading
MAX_UNPACKED_BYTES = 100 * 2**20  # an .xlsx whose ZIP directory promises more is refused unread
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
    by_slug = gazetteer.province_slugs
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


def refuse_unsafe(path: Path) -> None:
    """Refuse, before reading a byte, a folder (a symlink loop) or a file too large to be a document."""
    if path.is_symlink() and path.is_dir():
        raise UnreadableInput(f"a folder link that loops back into its own folder (-> {os.readlink(path)})",
                              path=str(path), fix="remove the link, or point it outside raw/")
    if path.is_dir():
        raise UnreadableInput("a folder, not a document", path=str(path), fix="give the files inside it")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file ({exc.strerror})", path=str(path),
                              fix="check the path and its permissions") from exc
    if size > MAX_DOCUMENT_BYTES:
        raise UnreadableInput(f"the file is {size / 2**20:.0f} MB, over the {MAX_DOCUMENT_BYTES // 2**20} MB "
                              "size limit for a document", path=str(path),
                              fix="check that it is an announcement or score table; split it, or remove it from raw/")
    if size == 0:
        raise UnreadableInput("the file is empty", path=str(path),
                              fix="download the document again, or remove the empty file")


def check_workbook(data: bytes, path: Path) -> None:
    """Refuse an .xlsx that is encrypted, not a ZIP, or would unpack to more than ``MAX_UNPACKED_BYTES``."""
    import io
    import zipfile

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableInput("an OLE compound file, not an .xlsx workbook: the workbook is password-protected "
                              "(encrypted) or an old .xls saved with the wrong extension", path=str(path),
                              fix="open it in Excel or LibreOffice, remove the password, and save it as .xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableInput(f"not a readable Excel workbook (a broken or truncated ZIP: {exc})", path=str(path),
                              fix="download it again, or re-save it as .xlsx from Excel or LibreOffice") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableInput(f"the workbook would unpack to {unpacked / 2**20:.0f} MB (ZIP directory), over the "
                              f"{MAX_UNPACKED_BYTES // 2**20} MB limit: refused unread (a ZIP bomb?)", path=str(path),
                              fix="check where the file comes from; re-save the real workbook from Excel")


def extract_or_fail(path: Path, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """``extract_path``, where a failure of the extractor itself on this document (a bug, not the document's
    fault) is an ``ExtractorBug`` naming the document and where the code failed, so that a run reads on.

    Example:
        >>> extract_or_fail(Path("no/such/file.txt"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        flows.errors.UnreadableInput: no/such/file.txt: cannot read the file (No such file or directory) — ...
    """
    try:
        return extract_path(path, gazetteer)
    except ParindexError:
        raise
    except Exception as exc:  # noqa: BLE001 - any other failure is parindex's, on this document only
        import traceback

        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        raise ExtractorBug(f"the extractor failed on this document ({type(exc).__name__}: {exc}, at {where}); "
                           "this is a bug in parindex, not in the document", path=str(path),
                           fix="report it with the document; the other documents are read and loaded") from exc


def extract_path(path: Path, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """Extract one document into the contract object (no warehouse, no Prefect)."""
    path = Path(path)
    gazetteer = gazetteer or Gazetteer.load()
    refuse_unsafe(path)
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
    if media_type in ("text/csv", "text/tab-separated-values"):
        from flows.extract.tables import extract_csv

        result = extract_csv(text, str(path), gazetteer, year_hint, province_hint)
    elif media_type == "text/html":
        from flows.extract.html import extract_html

        result = extract_html(text, str(path), gazetteer, year_hint, province_hint)
    else:
        from flows.extract.text_tables import extract_text_with_tables

        result = extract_text_with_tables(text, str(path), gazetteer, year_hint, province_hint)
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

    if media_type == XLSX:
        check_workbook(data, path)
    elif media_type == "application/pdf" and not data.startswith(b"%PDF-"):
        raise UnreadableInput("not a PDF file (it does not start with '%PDF-')", path=str(path),
                              fix="check the file; a text or a table saved under a .pdf name needs its real extension")
    module, name = BINARY_READERS[media_type]
    result = getattr(importlib.import_module(module), name)(data, str(path), gazetteer, year_hint, province_hint)
    source = {"path": str(path), "sha256": hashlib.sha256(data).hexdigest(), "media_type": media_type,
              "title": None, "published": None, "decision_no": None, "province": province_hint}
    source.update({k: v for k, v in result.get("source", {}).items() if v is not None})
    result["source"] = source
    for key in ("facts", "leader_ratings", "claims", "warnings", "rejects"):
        result.setdefault(key, [])
    return result
