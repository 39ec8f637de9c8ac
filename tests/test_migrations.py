"""Numbered migrations: a warehouse made by the first DDL upgrades in place and ends like a new one."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows import load, migrations
from flows.errors import ParindexError

SCHEMA_V1 = Path(__file__).parent / "migrations" / "schema_v1.sql"  # warehouse/ddl before migrations existed


def _columns(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("""select table_name, column_name, data_type, is_nullable from information_schema.columns
                          where table_schema = 'main' and table_name in (select table_name from
                              information_schema.tables where table_type = 'BASE TABLE')
                          order by table_name, ordinal_position""").fetchall()


def _old_warehouse(path: Path) -> None:
    """A file as the first parindex made it, with one loaded figure."""
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_V1.read_text(encoding="utf-8"))
    con.execute("insert into dim_source values ('s1', 'raw/2019/hai-phong/a.txt', 'text/plain', null, null, null, "
                "null, 'Hải Phòng', '0.1.0', timestamp '2020-05-07 08:00:00')")
    con.execute("insert into fact_score values ('hai-phong:quan-ngo-quyen', 'PAR', 2019, 'TOTAL', 'district', "
                "91.93, null, null, 1, false, 'stated', 's1', 'Quận Ngô Quyền đạt 91,93 điểm', 0, 10, '0.1.0')")
    con.close()


def test_migration_file_names_are_numbered_and_ordered():
    found = migrations.available()
    assert [m.version for m in found] == sorted(m.version for m in found)
    assert found and found[0].version == 2 and migrations.latest_version() == found[-1].version


def test_an_old_warehouse_upgrades_in_place_keeping_its_rows(tmp_path, dimension_frames):
    old, new = tmp_path / "old.duckdb", tmp_path / "new.duckdb"
    _old_warehouse(old)
    con = load.connect(old)
    assert migrations.current_version(con) == 1
    load.prepare(con, dimension_frames)
    applied = con.execute("select version, name from schema_version order by version").fetchall()
    assert [v for v, _ in applied] == list(range(1, migrations.latest_version() + 1))
    assert applied[1][1] == "002_document_cache.sql"
    assert con.execute("select score, correction from fact_score").fetchall() == [(91.93, None)]
    fresh = load.connect(new)
    load.prepare(fresh, dimension_frames)
    assert _columns(con) == _columns(fresh)  # the upgraded file has exactly the schema of a new one
    assert migrations.current_version(fresh) == migrations.latest_version()
    assert not load.run_checks(con)
    con.close()
    fresh.close()


def test_opening_again_applies_nothing(tmp_path, dimension_frames):
    _old_warehouse(tmp_path / "w.duckdb")
    con = load.connect(tmp_path / "w.duckdb")
    load.prepare(con, dimension_frames)
    before = con.execute("select * from schema_version order by version").fetchall()
    assert migrations.upgrade(con) == []
    assert con.execute("select * from schema_version order by version").fetchall() == before
    con.close()


def test_a_failing_migration_leaves_the_file_at_its_version(tmp_path):
    broken = tmp_path / "wh"
    (broken / "migrations").mkdir(parents=True)
    (broken / "ddl").mkdir()
    (broken / "ddl" / "schema_version.sql").write_text(load.read_sql("ddl", "schema_version"), encoding="utf-8")
    (broken / "migrations" / "002_ok.sql").write_text("create table t2 (a integer);", encoding="utf-8")
    (broken / "migrations" / "003_bad.sql").write_text("create table t3 (a integer); select * from nowhere;",
                                                       encoding="utf-8")
    _old_warehouse(tmp_path / "w.duckdb")
    con = load.connect(tmp_path / "w.duckdb")
    with pytest.raises(ParindexError, match="(?s)003_bad.sql failed.*stays at version 2"):
        migrations.upgrade(con, broken)
    assert migrations.current_version(con) == 2
    tables = {t for (t,) in con.execute("select table_name from information_schema.tables").fetchall()}
    assert "t2" in tables and "t3" not in tables
    con.close()


def test_a_newer_warehouse_is_refused(tmp_path, dimension_frames):
    con = load.connect(tmp_path / "w.duckdb")
    load.prepare(con, dimension_frames)
    con.execute("insert into schema_version values (999, 'future', now())")
    with pytest.raises(ParindexError, match="schema version 999, newer"):
        load.apply_ddl(con)
    con.close()


def test_an_old_warehouse_gets_its_league_table_materialised(tmp_path, dimension_frames):
    _old_warehouse(tmp_path / "w.duckdb")
    con = load.connect(tmp_path / "w.duckdb")
    load.prepare(con, dimension_frames)
    assert "004_league_mart.sql" in {n for (n,) in con.execute("select name from schema_version").fetchall()}
    row = con.execute("select unit, score, rank, source_count from v_league_table").fetchall()
    assert row == [("Quận Ngô Quyền", 91.93, 1, 1)]
    assert con.execute("select row_count from mart_refresh").fetchall() == [(1,)]
    con.close()
