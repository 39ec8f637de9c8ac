"""Discovery: which files under the given paths are documents."""

from __future__ import annotations

import pytest

from flows.discover import discover
from flows.errors import ParindexError


def test_folders_give_readable_documents_without_readmes_or_hidden_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "raw" / "2019" / "hai-phong"
    folder.mkdir(parents=True)
    for name in ("b.txt", "a.csv", "README.md", "notes.docx", ".draft.txt"):
        (folder / name).write_text("x", encoding="utf-8")
    (tmp_path / "raw" / ".git").mkdir()
    (tmp_path / "raw" / ".git" / "x.txt").write_text("x", encoding="utf-8")
    found = [p.as_posix() for p in discover(["raw", "raw/2019/hai-phong/a.csv"])]
    assert found == ["raw/2019/hai-phong/a.csv", "raw/2019/hai-phong/b.txt"]


def test_a_named_file_of_an_unsupported_type_is_kept_to_be_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    assert [p.as_posix() for p in discover(["scan.pdf"])] == ["scan.pdf"]


def test_a_missing_path_is_an_error_with_a_fix(tmp_path):
    with pytest.raises(ParindexError, match=r"no such file or folder: .*nowhere — give files or folders"):
        discover([tmp_path / "nowhere"])
