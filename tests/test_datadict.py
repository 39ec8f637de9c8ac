"""docs/data-dictionary.md stays in step with the pandera models, the DDL and the views."""

from __future__ import annotations

from flows import datadict, load
from flows.marts import MART_VIEWS
from flows.paths import PROJECT_ROOT
from schemas import FactScore


def test_the_data_dictionary_is_up_to_date():
    assert datadict.DICTIONARY.exists(), "docs/data-dictionary.md is missing: run `python -m flows.datadict`"
    current = datadict.DICTIONARY.read_text(encoding="utf-8")
    assert current == datadict.generate(), (
        f"{datadict.DICTIONARY.relative_to(PROJECT_ROOT)} is stale: run `.venv/bin/python -m flows.datadict`")


def test_every_table_column_and_view_is_documented():
    text = datadict.DICTIONARY.read_text(encoding="utf-8")
    for table in load.TABLES:
        assert f"### `{table}`" in text
    for view in (*load.VIEWS, *MART_VIEWS):
        assert f"### `{view}`" in text
    for column in FactScore.to_schema().columns:
        assert f"| `{column}` |" in text


def test_a_changed_ddl_changes_the_section():
    sql = load.read_sql("ddl", "fact_score")
    before = datadict.table_section("fact_score", sql, FactScore)
    after = datadict.table_section("fact_score", sql.replace("    extractor_version", "    grade varchar,  -- new\n"
                                                             "    extractor_version"), FactScore)
    assert before != after and "| `grade` | varchar | yes |  | new |" in after


def test_check_mode_flags_a_stale_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(datadict, "DICTIONARY", tmp_path / "docs" / "data-dictionary.md")
    monkeypatch.setattr(datadict, "PROJECT_ROOT", tmp_path)
    assert datadict.main(["--check"]) == 1
    assert "is stale" in capsys.readouterr().err
    assert datadict.main([]) == 0 and datadict.main(["--check"]) == 0
