"""A re-run of unchanged input is answered from the warehouse without a flow run; any change runs the flow."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows import cli, corrections, load, uptodate
from flows.cache import CacheKey, cache_key, seed_fingerprint
from flows.discover import discover
from flows.paths import PROJECT_ROOT, RAW_DIR
from flows.publish import snapshot_paths

CORRECTIONS = ("unit,index,year,field,value,reason\n"
               "Quận Hồng Bàng,PAR,2019,score,\"91,9\",đính chính theo Quyết định 1200/QĐ-UBND\n"
               "Quận Hồng Bàng,PAR,2017,score,80,không có số liệu 2017 để sửa\n")  # the second row is rejected
RERUN = """
import sys
from flows import cli
code = cli.main(sys.argv[1:])
print("prefect imported:", "prefect" in sys.modules)
sys.exit(code)
"""


def _ingest(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["ingest", *args])
    return code, out.getvalue(), err.getvalue()


def _runs(db: Path) -> list[tuple[str, str]]:
    con = load.connect(db, read_only=True)
    try:
        return con.execute("select run_id, status from etl_run order by started_at").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """raw/ with a corrections file: `parindex ingest`, the same again in a fresh process, then with --force.

    Documents are named relative to the working directory, so every run starts from the same one.
    """
    root = tmp_path_factory.mktemp("uptodate")
    folder = root / "raw" / "2019" / "hai-phong"
    shutil.copytree(RAW_DIR / "2019" / "hai-phong", folder)
    (folder / "corrections.csv").write_text(CORRECTIONS, encoding="utf-8")
    db = root / "w.duckdb"
    args = [str(root / "raw"), "--db", str(db)]
    first = _ingest(*args)
    after_first = _runs(db)
    again = subprocess.run([sys.executable, "-c", RERUN, "ingest", *args], capture_output=True, text=True,
                           timeout=120, cwd=Path.cwd(), env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    after_again = _runs(db)
    forced = _ingest(*args, "--force")
    return {"root": root, "db": db, "first": first, "again": again, "forced": forced,
            "after_first": after_first, "after_again": after_again, "after_forced": _runs(db)}


def _inputs(root: Path) -> tuple[dict[Path, CacheKey | None], list[Path]]:
    paths = [str(root / "raw")]
    seeds = seed_fingerprint()
    return {f: cache_key(f, seeds) for f in discover(paths)}, corrections.find_files(paths)


def test_an_unchanged_rerun_reports_the_last_run_without_starting_prefect(runs):
    code, out, err = runs["first"]
    assert code == 1 and "rejected: " in err  # the corrections file's second row cannot be applied
    again = runs["again"]
    assert again.returncode == code, again.stderr
    assert "nothing to do: 2 document(s)" in again.stdout and "No flow run started" in again.stdout
    assert runs["after_first"][0][0] in again.stdout  # names the run that made the warehouse
    assert "prefect imported: False" in again.stdout
    assert runs["after_again"] == runs["after_first"]  # no run was recorded
    assert "Traceback" not in again.stderr


def test_force_runs_the_flow_over_unchanged_input(runs):
    code, out, err = runs["forced"]
    assert code == runs["first"][0]
    assert "nothing to do" not in out and "2 document(s) unchanged since their last load" in out
    assert len(runs["after_forced"]) == 2


def test_the_latest_run_is_current_until_an_input_changes(runs, tmp_path):
    keys, fixes = _inputs(runs["root"])
    current = uptodate.current_run(runs["db"], keys, fixes)
    assert current is not None and current.run_id == runs["after_forced"][-1][0]
    assert [d["path"] for d in current.documents] == [str(p) for p in keys]
    assert sum(d["facts"] for d in current.documents) > 0
    edited = {p: CacheKey(k.path, "0" * 64, k.extractor_version, k.seed_fingerprint) if "cong-bo" in p.name else k
              for p, k in keys.items()}
    assert uptodate.current_run(runs["db"], edited, fixes) is None  # a document's bytes
    other_seeds = {p: CacheKey(k.path, k.sha256, k.extractor_version, "other") for p, k in keys.items()}
    assert uptodate.current_run(runs["db"], other_seeds, fixes) is None  # the seeds (or the extractor)
    fewer = dict(list(keys.items())[:1])
    assert uptodate.current_run(runs["db"], fewer, fixes) is None  # a document left out
    changed_fix = tmp_path / "corrections.csv"
    changed_fix.write_text(CORRECTIONS.replace("91,9", "91,8"), encoding="utf-8")
    assert uptodate.current_run(runs["db"], keys, [changed_fix]) is None  # a correction
    assert uptodate.current_run(runs["db"], keys, []) is None  # a corrections file removed


def test_the_warehouse_state_must_match_too(runs):
    keys, fixes = _inputs(runs["root"])
    db = runs["db"]
    snapshot = snapshot_paths(db).db
    moved = snapshot.with_name("moved.duckdb")
    snapshot.rename(moved)
    try:
        assert uptodate.current_run(db, keys, fixes) is None  # no published snapshot
    finally:
        moved.rename(snapshot)

    def current_after(sql: str) -> bool:
        con = duckdb.connect(str(db))  # closed before reading: one process cannot hold both modes
        try:
            con.execute(sql)
        finally:
            con.close()
        return uptodate.current_run(db, keys, fixes) is not None

    assert not current_after("insert into mart_pending select 'PAR', 2019")  # a mart left to refresh
    assert current_after("delete from mart_pending")
    first = "(select min(rowid) from fact_score)"
    assert not current_after(f"update fact_score set score = score - 0.5 where rowid = {first}")  # edited by hand
    assert current_after(f"update fact_score set score = score + 0.5 where rowid = {first}")
    assert not current_after("insert into etl_run select * replace ('later' as run_id, started_at + interval 1 "
                             "minute as started_at, 'failed' as status) from etl_run "
                             "order by started_at desc limit 1")  # the latest run failed


def test_the_pipeline_fingerprint_follows_code_and_sql(tmp_path):
    for name in ("flows/a.py", "schemas/b.py", "warehouse/views/c.sql"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    before = uptodate.pipeline_fingerprint(tmp_path)
    (tmp_path / "README.md").write_text("docs are not code", encoding="utf-8")
    uptodate.pipeline_fingerprint.cache_clear()
    assert uptodate.pipeline_fingerprint(tmp_path) == before
    (tmp_path / "warehouse/views/c.sql").write_text("y", encoding="utf-8")
    uptodate.pipeline_fingerprint.cache_clear()
    assert uptodate.pipeline_fingerprint(tmp_path) != before
