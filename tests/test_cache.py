"""Content-hash caching: an unchanged document is not extracted again, and a re-run changes nothing."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from helpers import snapshot

from flows import cache, load
from flows.paths import RAW_DIR

STABLE = tuple(t for t in load.TABLES if t != "etl_run")  # etl_run gains a row per run, by design


@pytest.fixture(scope="module")
def three_runs(tmp_path_factory):
    """raw/ (two documents) plus an unreadable one, ingested three times; the second file edited before run 3."""
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("cache")
    folder = root / "raw" / "2019" / "hai-phong"
    shutil.copytree(RAW_DIR / "2019" / "hai-phong", folder)
    (folder / "cu.txt").write_bytes("Quân Ngô Quyên: 91,93".encode("latin-1"))
    db = root / "w.duckdb"
    states, summaries = [], []
    for run in range(3):
        if run == 2:
            table = next(folder.glob("*.csv"))
            table.write_text(table.read_text(encoding="utf-8").replace("91,93", "91,94"), encoding="utf-8")
        summaries.append(ingest(paths=[str(root / "raw")], db=str(db)))
        con = load.connect(db, read_only=True)
        states.append(snapshot(con, STABLE))
        con.close()
    return {"db": db, "states": states, "summaries": summaries}


def test_the_second_run_skips_every_document_and_changes_nothing(three_runs):
    first, second, _ = three_runs["summaries"]
    assert first["unchanged"] == 0 and not any(d["unchanged"] for d in first["documents"])
    assert second["unchanged"] == 3 and all(d["unchanged"] for d in second["documents"])
    assert three_runs["states"][1] == three_runs["states"][0]


def test_a_skipped_document_reports_what_the_warehouse_holds(three_runs):
    first, second, _ = three_runs["summaries"]
    strip = [{k: v for k, v in d.items() if k not in ("unchanged", "warnings")} for d in first["documents"]]
    assert [{k: v for k, v in d.items() if k not in ("unchanged", "warnings")} for d in second["documents"]] == strip
    assert first["status"] == second["status"] == "rejects"  # the unreadable file is still reported


def test_an_edited_document_is_extracted_again_and_only_it(three_runs):
    third = three_runs["summaries"][2]
    fresh = [d["path"] for d in third["documents"] if not d["unchanged"]]
    assert len(fresh) == 1 and fresh[0].endswith(".csv")
    con = load.connect(three_runs["db"], read_only=True)
    try:
        assert con.execute("select score from fact_score where unit_id = 'hai-phong:quan-ngo-quyen' "
                           "and source_id in (select source_id from dim_source where path like '%.csv')"
                           ).fetchall() == [(91.94,)]
        assert con.execute("select count(*) from etl_document").fetchone() == (3,)
        assert con.execute("select count(*) from dim_source").fetchone() == (2,)
        assert not load.run_checks(con)
    finally:
        con.close()


def test_a_new_extractor_or_changed_seeds_invalidate_the_cache(warehouse, tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Quận Ngô Quyền đạt 91,93 điểm", encoding="utf-8")
    key = cache.cache_key(doc, cache.seed_fingerprint())

    def is_unchanged(k: cache.CacheKey) -> bool:
        return k.path in cache.unchanged(warehouse, [k])

    assert key is not None and not is_unchanged(key)
    cache.record(warehouse, [key], "2020-01-01 00:00:00", None)
    assert is_unchanged(key)
    assert not is_unchanged(dataclasses.replace(key, extractor_version="9.9.9"))
    assert not is_unchanged(dataclasses.replace(key, seed_fingerprint="0" * 64))
    doc.write_text("Quận Ngô Quyền đạt 91,94 điểm", encoding="utf-8")
    assert not is_unchanged(cache.cache_key(doc, cache.seed_fingerprint()))


def test_the_seed_fingerprint_follows_the_seed_files(tmp_path):
    (tmp_path / "dim_unit.csv").write_text("unit_id\na\n", encoding="utf-8")
    before = cache.seed_fingerprint(tmp_path)
    assert cache.seed_fingerprint(tmp_path) == before
    (tmp_path / "dim_unit.csv").write_text("unit_id\nb\n", encoding="utf-8")
    assert cache.seed_fingerprint(tmp_path) != before


def test_the_extractor_fingerprint_follows_the_extraction_code_not_the_rest(tmp_path):
    package = tmp_path / "flows"
    (package / "extract").mkdir(parents=True)
    (tmp_path / "schemas").mkdir()
    files = {"extract/text.py": "a = 1\n", "gazetteer.py": "b = 1\n", "validate.py": "c = 1\n",
             "../schemas/facts.py": "d = 1\n", "report.py": "e = 1\n"}
    for name, code in files.items():
        (package / name).write_text(code, encoding="utf-8")

    def fingerprint() -> str:
        cache.extractor_fingerprint.cache_clear()
        return cache.extractor_fingerprint(package)

    before = fingerprint()
    assert before.startswith(f"{cache.EXTRACTOR_VERSION}+") and fingerprint() == before
    (package / "report.py").write_text("e = 2\n", encoding="utf-8")  # a page of results: loads the same rows
    assert fingerprint() == before
    for name in ("extract/text.py", "gazetteer.py", "validate.py", "../schemas/facts.py"):
        (package / name).write_text("changed = True\n", encoding="utf-8")
        assert fingerprint() != before, name
        before = fingerprint()
    cache.extractor_fingerprint.cache_clear()
    assert cache.cache_key(package / "gazetteer.py", "seeds").extractor_version == cache.extractor_fingerprint()


def test_a_run_counts_only_the_documents_it_would_extract(warehouse, tmp_path):
    seeds = cache.seed_fingerprint()
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Quận Ngô Quyền đạt 91,93 điểm", encoding="utf-8")
    new.write_text("Quận Lê Chân đạt 89,92 điểm", encoding="utf-8")
    db = tmp_path / "test.duckdb"
    assert cache.changed_documents(tmp_path / "none.duckdb", [old, new], seeds) == 2  # no warehouse yet
    cache.record(warehouse, [cache.cache_key(old, seeds)], "2020-01-01 00:00:00", None)
    warehouse.close()
    assert cache.changed_documents(db, [old, new], seeds) == 1
    old.write_text("Quận Ngô Quyền đạt 91,94 điểm", encoding="utf-8")
    assert cache.changed_documents(db, [old, new], seeds) == 2
