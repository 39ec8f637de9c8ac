"""Access without SQL skills or write rights: read-only sql, history, leaders, export, snapshots."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pandas as pd
import pytest
from warehouse_rows import HB, NQ, add_score, add_source

from flows import cli, load
from flows.publish import publish_snapshot, snapshot_paths
from flows.sql_guard import SqlRefused, check_read_only


@pytest.fixture
def db(tmp_path, dimension_frames):
    """A closed warehouse: two districts 2018-2019, and a renamed ward with a successor."""
    path = tmp_path / "access.duckdb"
    con = load.connect(path)
    load.prepare(con, dimension_frames)
    add_source(con)
    for unit_id, year, score, rank in ((NQ, 2018, 88.0, 2), (HB, 2018, 90.0, 1), (NQ, 2019, 91.93, 1),
                                       (HB, 2019, 91.89, 2)):
        add_score(con, unit_id, year, score, rank)
    con.execute("insert into dim_unit values ('t:phuong-cu', 'Phường Đông Khê', 'phuong dong khe', null, 'commune', "
                "'Hải Phòng', null, date '2025-06-30', 't:phuong-moi')")
    con.execute("insert into dim_unit values ('t:phuong-moi', 'Phường Gia Viên', 'phuong gia vien', null, 'commune', "
                "'Hải Phòng', date '2025-07-01', null, null)")
    add_score(con, "t:phuong-cu", 2024, 80.5, 3, bloc="commune")
    add_score(con, "t:phuong-moi", 2025, 92.0, 1, bloc="commune")
    con.close()
    return path


@pytest.mark.parametrize("sql, word", [
    ("insert into fact_score select * from fact_score", "INSERT"),
    ("delete from fact_score", "DELETE"),
    ("create table x (a int)", "CREATE"),
    ("drop view v_leaders", "DROP"),
    ("attach 'other.duckdb' as o", "ATTACH"),
    ("copy fact_score to 'out.csv'", "COPY"),
    ("install httpfs", "INSTALL"),
    ("load httpfs", "INSTALL"),
    ("set threads = 1", "SET"),
    ("pragma enable_profiling", "PRAGMA"),
    ("select 1; update fact_score set score = 0", "UPDATE"),
    ("export database 'dump'", "EXPORT"),
    ("checkpoint", "CALL"),
])
def test_writes_and_escapes_are_refused(sql, word):
    with pytest.raises(SqlRefused) as refused:
        check_read_only(sql)
    assert word in str(refused.value)


def test_sql_refuses_with_a_clear_message_and_leaves_the_warehouse_alone(db, capsys):
    assert cli.main(["sql", "delete from fact_score", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "DELETE writes to the warehouse; parindex sql is read-only" in err and "Traceback" not in err
    assert cli.main(["sql", "select count(*) as n from fact_score", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 6}]


def test_the_connection_itself_cannot_write_or_reach_files(db, tmp_path):
    from flows.sql_guard import connect_locked

    con = connect_locked(db)
    with pytest.raises(duckdb.Error):
        con.execute("delete from fact_score")
    with pytest.raises(duckdb.Error):
        con.execute(f"select * from read_csv('{tmp_path / 'x.csv'}')")
    with pytest.raises(duckdb.Error):
        con.execute("set enable_external_access = true")
    con.close()


def test_sql_prints_table_csv_and_json(db, capsys):
    query = "select unit, score from v_league_table where year = 2019 and criterion = 'TOTAL' order by rank"
    assert cli.main(["sql", query, "--db", str(db)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["unit", "score"] and table[2].split() == ["Quận", "Ngô", "Quyền", "91.93"]
    assert table[-1] == "(2 rows)"
    assert cli.main(["sql", query, "--db", str(db), "--csv"]) == 0
    assert capsys.readouterr().out == "unit,score\nQuận Ngô Quyền,91.93\nQuận Hồng Bàng,91.89\n"
    assert cli.main(["sql", "pragma show_tables", "--db", str(db), "--json"]) == 0
    assert {"name": "fact_score"} in json.loads(capsys.readouterr().out)


def test_sql_reports_a_bad_query_without_traceback(db, capsys):
    assert cli.main(["sql", "select nope from fact_score", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "the query failed" in err and "nope" in err and "Traceback" not in err


def test_history_matches_without_diacritics_and_follows_successors(db, capsys):
    assert cli.main(["history", "ngo quyen", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Quận Ngô Quyền (district, Hải Phòng; valid … – 2025-06-30)")
    assert "2019  district     rank   1     91.93  +1" in out
    assert cli.main(["history", "dong khe", "--db", str(db), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["year"], r["unit"], r["relation"], r["score"]) for r in rows] == [
        (2024, "Phường Đông Khê", "self", 80.5), (2025, "Phường Gia Viên", "successor", 92.0)]
    assert cli.main(["history", "Phường Gia Viên", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "predecessor (1 step): Phường Đông Khê (commune, valid … – 2025-06-30)" in out
    assert "(as Phường Đông Khê)" in out


def test_history_of_an_unknown_unit_suggests_the_closest(db, capsys):
    assert cli.main(["history", "ngo quyenn", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "closest: " in err and "Quận Ngô Quyền" in err.split("closest: ")[1]


def test_leaders(db, capsys):
    assert cli.main(["leaders", "--index", "par", "--kind", "district", "--db", str(db), "--csv"]) == 0
    rows = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    assert rows[["year", "unit", "first_time_leader"]].values.tolist() == [
        [2018, "Quận Hồng Bàng", True], [2019, "Quận Ngô Quyền", True]]
    assert cli.main(["leaders", "--unit", "hong bang", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "2018  Quận Hồng Bàng" in out and "Ngô Quyền" not in out


def test_export_parquet_and_csv(db, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["export", "--format", "parquet", "--out", str(out), "--db", str(db)]) == 0
    assert {"fact_score.parquet", "v_league_table.parquet", "v_unit_history.parquet"} <= {
        p.name for p in out.iterdir()}
    assert len(pd.read_parquet(out / "fact_score.parquet")) == 6
    capsys.readouterr()
    assert cli.main(["export", "--format", "csv", "--out", str(tmp_path / "csv"), "--table", "v_leaders",
                     "--db", str(db)]) == 0
    assert [p.name for p in (tmp_path / "csv").iterdir()] == ["v_leaders.csv"]
    assert cli.main(["export", "--out", str(tmp_path / "x"), "--table", "v_leader", "--db", str(db)]) == 2
    assert "did you mean v_leaders" in capsys.readouterr().err


def test_snapshot_is_published_atomically_and_read_while_the_writer_holds_the_warehouse(db, capsys):
    published = publish_snapshot(db)
    assert published == snapshot_paths(db) and published.db.name == "access-read.duckdb"
    assert (published.parquet_dir / "v_league_table.parquet").exists()
    assert not [p for p in db.parent.iterdir() if ".tmp" in p.name]
    writer = load.connect(db)  # the flow holds the lock; a reader in another process uses the snapshot
    try:
        reader = subprocess.run([sys.executable, "-m", "flows.cli", "sql", "select count(*) as n from fact_score",
                                 "--db", str(db), "--json"], capture_output=True, text=True, timeout=120)
        assert reader.returncode == 0, reader.stderr
        assert json.loads(reader.stdout) == [{"n": 6}] and "reading the snapshot" in reader.stderr
        writer.execute("delete from fact_score")
    finally:
        writer.close()
    before = duckdb.connect(str(published.db), read_only=True)  # a BI tool holding the old snapshot
    publish_snapshot(db)
    assert before.execute("select count(*) from fact_score").fetchone() == (6,)
    before.close()
    after = duckdb.connect(str(published.db), read_only=True)
    assert after.execute("select count(*) from fact_score").fetchone() == (0,)
    after.close()


def test_query_commands_do_not_import_prefect(db, tmp_path):
    script = ("import sys; from flows.cli import main; db = sys.argv[1]; out = sys.argv[2]; codes = ["
              "main(['sql', 'select 1', '--db', db]), main(['history', 'ngo quyen', '--db', db]), "
              "main(['leaders', '--db', db]), main(['export', '--out', out, '--db', db]), "
              "main(['report', '--year', '2019', '--out', out + '/r.html', '--db', db])]; "
              "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'); "
              "print('PREFECT:', loaded, 'CODES:', codes, file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", script, str(db), str(tmp_path / "out")], capture_output=True,
                         text=True, timeout=120)
    assert "PREFECT: [] CODES: [0, 0, 0, 0, 0]" in run.stderr, run.stderr


def test_the_ingest_flow_publishes_a_snapshot(tmp_path):
    from flows.ingest import ingest
    from flows.paths import RAW_DIR

    db = tmp_path / "flow.duckdb"
    summary = ingest(paths=[str(RAW_DIR)], db=str(db))
    snapshot = snapshot_paths(db)
    assert summary["snapshot"] == str(snapshot.db)
    live, copy = duckdb.connect(str(db), read_only=True), duckdb.connect(str(snapshot.db), read_only=True)
    try:
        for table in ("fact_score", "v_league_table", "v_provenance"):
            query = f"select * from {table} order by all"
            assert copy.execute(query).fetchall() == live.execute(query).fetchall()
    finally:
        live.close()
        copy.close()
    assert len(pd.read_parquet(snapshot.parquet_dir / "fact_score.parquet")) == summary_facts(summary)


def summary_facts(summary: dict) -> int:
    return sum(doc["facts"] for doc in summary["documents"])
