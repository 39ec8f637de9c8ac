"""Bad input is explained and contained: the corpus of tests/bad_inputs/ ingested with good documents.

``tests/bad_inputs/manifest.csv`` gives each file's expected outcome: ``reject`` (an etl_reject row
whose check and message are given), ``warning`` (loaded, with that warning) or ``loads``; and whether
any of its figures may reach the fact tables. Large or binary cases (a 200 MB file, Excel files that
are truncated, encrypted or ZIP bombs, a folder symlink loop) are generated here, not committed.
One real ingest (the Prefect flow, through the CLI) runs over all of them and two good documents.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from flows import cli, load
from flows.paths import RAW_DIR

CORPUS = Path(__file__).parent / "bad_inputs"
MANIFEST = CORPUS / "manifest.csv"
FIX = re.compile(r"(—|; )\s*(check|add|write|put|give|open|download|remove|re-save|save|convert|correct|keep|say|"
                 r"if|closest)")


def _workbook_zip() -> bytes:
    """A ZIP laid out like an .xlsx (content types, one sheet of 2,000 distinct rows)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<sheetData>" + "".join(
            f"<row r='{i}'><c><v>{i * 7919 % 10007}</v></c></row>" for i in range(2000)) + "</sheetData>")
    return buffer.getvalue()


def _zip_bomb(path: Path) -> None:
    """An .xlsx whose one member unpacks to 160 MB of zeros (160 KB on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = bytes(2**20)
            for _ in range(160):
                member.write(block)


def _generate(folder: Path) -> None:
    """The cases too large or too binary to commit."""
    with (folder / "huge-200mb.txt").open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: 200 MB by size, nothing on disk
    whole = _workbook_zip()
    (folder / "truncated.xlsx").write_bytes(whole[: len(whole) // 2])
    (folder / "password-protected.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    _zip_bomb(folder / "zip-bomb.xlsx")
    os.symlink("..", folder / "symlink-loop")  # raw/2019/hai-phong/symlink-loop -> raw/2019


def _manifest() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The corpus, the generated cases, two good documents and a corrections file: one `parindex ingest`."""
    root = tmp_path_factory.mktemp("bad")
    folder = root / "raw" / "2019" / "hai-phong"
    shutil.copytree(RAW_DIR / "2019" / "hai-phong", folder)
    for entry in _manifest():
        if (CORPUS / entry["file"]).is_file():
            shutil.copy(CORPUS / entry["file"], folder / entry["file"])
    _generate(folder)
    (folder / "corrections.csv").write_text(
        "unit,index,year,field,value,reason\n"
        "Quận Hồng Bàng,PAR,2019,score,\"91,9\",đính chính theo Quyết định 1200/QĐ-UBND\n"
        "Quận Hồng Bàng,PAR,2017,score,80,không có số liệu 2017 để sửa\n", encoding="utf-8")
    db = root / "w.duckdb"
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["ingest", str(root / "raw"), "--db", str(db)])
    elapsed = time.monotonic() - started
    con = load.connect(db, read_only=True)
    yield {"code": code, "con": con, "folder": folder, "elapsed": elapsed, "out": out.getvalue(),
           "err": err.getvalue()}
    con.close()


def test_the_corpus_has_at_least_40_cases_each_with_an_expectation():
    entries = _manifest()
    assert len(entries) >= 40
    assert {e["outcome"] for e in entries} <= {"reject", "warning", "loads"}
    assert all(e["facts"] in ("none", "some") and e["fragment"] for e in entries)
    committed = {p.name for p in CORPUS.iterdir()} - {"manifest.csv"}
    assert committed <= {e["file"] for e in entries}, "a corpus file without an expected outcome"


def test_the_run_says_something_was_rejected_and_no_traceback(ingested):
    assert ingested["code"] == 1
    assert "Traceback" not in ingested["err"] + ingested["out"]
    assert "loaded" in ingested["out"] and "rejected" in ingested["out"]


def _rows(con, name: str, sql: str) -> list[tuple]:
    return con.execute(sql, [f"%/{name}"]).fetchall()


KNOWN_BUGS: dict[str, str] = {}  # strict xfail entries: file -> the bug; a fixed bug fails the test until removed


def _entries():
    return [pytest.param(e, id=e["file"], marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[e["file"]])]
                         if e["file"] in KNOWN_BUGS else []) for e in _manifest()]


@pytest.mark.parametrize("entry", _entries())
def test_each_bad_input_has_its_expected_outcome(ingested, entry):
    con, name = ingested["con"], entry["file"]
    rejects = _rows(con, name, "select check_name, message, place from etl_reject where file like ?")
    facts = _rows(con, name, """select f.unit_id, f.score from fact_score as f join dim_source as s using (source_id)
                                where s.path like ?""")
    if entry["outcome"] == "reject":
        matching = [r for r in rejects if r[0] == entry["check"] and entry["fragment"] in r[1]]
        assert matching, f"{name}: expected {entry['check']} with {entry['fragment']!r}, got {rejects}"
        assert all(FIX.search(message) for _, message, _ in matching), "the message gives the fix"
        shown = [line for line in ingested["err"].splitlines() if line.startswith("rejected:") and name in line]
        assert any(entry["fragment"] in line for line in shown), f"{name}: not reported with its file: {shown}"
    elif entry["outcome"] == "warning":
        warned = [line for line in ingested["err"].splitlines() if line.startswith("warning:") and name in line]
        assert any(entry["fragment"] in line for line in warned), f"{name}: no warning {entry['fragment']!r}: {warned}"
    else:
        assert [r for r in rejects if not r[1].startswith("warning")] == []
    if entry["facts"] == "none":
        assert facts == [], f"{name}: figures reached fact_score: {facts}"
    else:
        assert facts, f"{name}: no figures loaded"
    for forbidden in filter(None, entry.get("forbidden", "").split("|")):
        unit, score = forbidden.split("=")
        assert (unit, float(score)) not in facts


def test_good_documents_of_the_same_run_still_load(ingested):
    con = ingested["con"]
    figures = con.execute("""select count(*) from v_league_table where index_code = 'PAR' and year = 2019
                             and criterion = 'TOTAL' and unit_kind = 'district' and province = 'Hải Phòng'""")
    assert figures.fetchone() == (15,)
    assert con.execute("select count(*) from fact_leader_rating where year = 2019").fetchone() == (10,)
    assert load.run_checks(con) == {}


def test_corrections_apply_in_the_same_run_and_an_unknown_figure_is_rejected(ingested):
    con = ingested["con"]
    corrected = con.execute("select distinct score, correction from fact_score where unit_id = "
                            "'hai-phong:quan-hong-bang' and index_code = 'PAR' and year = 2019 "
                            "and criterion = 'TOTAL'").fetchall()
    assert corrected == [(91.9, "đính chính theo Quyết định 1200/QĐ-UBND")]
    assert con.execute("select check_name, place from etl_reject where file like '%corrections.csv'").fetchall() == [
        ("correction_target_exists", "line 3")]
    assert con.execute("select count(*) from fact_score where year = 2017 and unit_id = 'hai-phong:quan-hong-bang'"
                       ).fetchone() == (0,)


def test_refusals_come_before_reading(ingested):
    con = ingested["con"]
    messages = dict(con.execute("select file, message from etl_reject where check_name = 'UnreadableInput'").fetchall())
    huge = next(m for f, m in messages.items() if f.endswith("huge-200mb.txt"))
    assert "200 MB, over the 20 MB size limit" in huge
    bomb = next(m for f, m in messages.items() if f.endswith("zip-bomb.xlsx"))
    assert "unpack to 160 MB" in bomb
    assert ingested["elapsed"] < 120
