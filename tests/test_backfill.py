"""`parindex backfill`: the real Prefect flow (ephemeral) over a range of years in a temporary raw/ tree.

2018 has no folder, 2019 holds the demo documents, 2020 holds one empty (unreadable) file and 2021 an
empty folder; one module fixture runs the command once and the tests read its output and warehouse.
"""

from __future__ import annotations

import io
import shutil
import sys

import pytest

from flows import backfill, cli, load
from flows.errors import ParindexError
from flows.paths import RAW_DIR


@pytest.fixture(scope="module")
def backfilled(tmp_path_factory):
    root = tmp_path_factory.mktemp("backfill")
    raw = root / "raw"
    shutil.copytree(RAW_DIR / "2019", raw / "2019")
    (raw / "2020" / "hai-phong").mkdir(parents=True)
    (raw / "2020" / "hai-phong" / "diem-cchc-2020.csv").write_bytes(b"")
    (raw / "2021").mkdir()
    db = root / "parindex.duckdb"
    capture = pytest.MonkeyPatch()
    out, err = io.StringIO(), io.StringIO()
    capture.setattr(sys, "stdout", out)
    capture.setattr(sys, "stderr", err)
    try:
        code = cli.main(["backfill", "--from", "2018", "--to", "2021", "--raw", str(raw), "--db", str(db)])
    finally:
        capture.undo()
    con = load.connect(db, read_only=True)
    yield {"code": code, "out": out.getvalue(), "err": err.getvalue(), "con": con, "raw": raw}
    con.close()


def test_every_year_gets_an_etl_run_row_in_order(backfilled):
    rows = backfilled["con"].execute(
        "select paths, status, documents, documents_rejected from etl_run order by started_at").fetchall()
    raw = backfilled["raw"]
    assert [(r[0].rsplit("/", 1)[-1], r[1], r[2], r[3]) for r in rows] == [
        ("2018", "empty", 0, 0), ("2019", "ok", 2, 0), ("2020", "rejects", 1, 1), ("2021", "empty", 0, 0)]
    assert all(r[0].endswith(f"{raw.name}/{r[0][-4:]}") for r in rows)


def test_the_years_with_documents_are_loaded(backfilled):
    con = backfilled["con"]
    assert con.execute("select count(*) from fact_score where year = 2019 and criterion = 'TOTAL'").fetchone()[0] >= 35
    assert con.execute("select count(*) from etl_reject where file like '%diem-cchc-2020.csv'").fetchone() == (1,)


def test_a_progress_line_per_year_and_exit_1_when_a_year_had_rejects(backfilled):
    lines = [line for line in backfilled["err"].splitlines() if line.startswith("[")]
    assert [line.split()[1:3] for line in lines] == [["1/4", "2018"], ["2/4", "2019"], ["3/4", "2020"],
                                                      ["4/4", "2021"]]
    assert lines[0].startswith("[#####-----") and lines[-1].startswith("[####################]")
    assert "no documents (empty)" in lines[0] and "2 document(s)" in lines[1] and "1 rejected" in lines[2]
    assert backfilled["code"] == 1
    assert "2018 empty, 2019 ok, 2020 rejects, 2021 empty" in backfilled["out"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--from", "2025", "--to", "2012"], "--from 2025 is after --to 2012"),
    (["--from", "1925", "--to", "2012"], "year 1925 is outside"),
    (["--from", "2019", "--to", "2019", "--dask-address", "tcp://127.0.0.1:1"], "--dask-address needs"),
])
def test_bad_ranges_and_options_stop_before_prefect_starts(argv, message, tmp_path, capsys):
    assert cli.main(["backfill", *argv, "--db", str(tmp_path / "x.duckdb")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.duckdb").exists()


def test_check_years_names_the_fix():
    with pytest.raises(ParindexError, match="swap them: --from 2012 --to 2025"):
        backfill.check_years(2025, 2012)
