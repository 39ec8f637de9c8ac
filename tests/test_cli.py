"""The command line: help with examples, machine output, clear errors, and no Prefect outside ingest."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from helpers import make_contract, make_fact

from flows import cli, load
from flows.paths import PROJECT_ROOT, RAW_DIR

RAW_CSV = next((RAW_DIR / "2019" / "hai-phong").glob("*.csv"), RAW_DIR / "2019" / "hai-phong" / "missing.csv")
COMMANDS = sorted(cli.build_parser()._subparsers._group_actions[0].choices)


@pytest.fixture
def small_db(tmp_path, dimension_frames, validated):
    """A closed warehouse file with two 2019 districts and their 2018 ranks."""
    db = tmp_path / "small.duckdb"
    con = load.connect(db)
    load.prepare(con, dimension_frames)
    facts = [make_fact(), make_fact("hai-phong:quan-hong-bang", "Quận Hồng Bàng", score=91.89, rank=2, span=[0, 9]),
             make_fact(year=2018, score=None, rank=2, span=[200, 220]),
             make_fact("hai-phong:quan-hong-bang", "Quận Hồng Bàng", year=2018, score=None, rank=1, span=[300, 320])]
    load.load_document(con, validated(make_contract(facts)))
    con.close()
    return db


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)


def test_every_command_has_help_with_an_example(capsys):
    assert set(COMMANDS) >= {"ingest", "extract", "rank"}
    for command in [None, *COMMANDS]:
        with pytest.raises(SystemExit) as exit_info:
            cli.main([command, "--help"] if command else ["--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert "Example:" in out, f"`parindex {command or ''} --help` shows no example"
        assert f"parindex {command or ''}".strip() in out


def test_rank_prints_a_readable_table(small_db, capsys):
    assert cli.main(["rank", "--index", "PAR", "--year", "2019", "--kind", "district", "--db", str(small_db)]) == 0
    out = capsys.readouterr().out
    assert "Hải Phòng · PAR 2019 · district (2 units)" in out
    first = out.splitlines()[2].split()
    assert first == ["1", "Quận", "Ngô", "Quyền", "91.93", "2", "+1"]


def test_rank_json_and_csv_give_the_same_rows(small_db, capsys):
    common = ["rank", "--year", "2019", "--kind", "district", "--province", "hai-phong", "--db", str(small_db)]
    assert cli.main([*common, "--json"]) == 0
    as_json = json.loads(capsys.readouterr().out)
    assert cli.main([*common, "--csv"]) == 0
    as_csv = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["unit"] for r in as_json] == [r["unit"] for r in as_csv] == ["Quận Ngô Quyền", "Quận Hồng Bàng"]
    for j, c in zip(as_json, as_csv, strict=True):
        assert set(j) == set(c)
        assert {k: "" if v is None else str(v) for k, v in j.items()} == c
    assert (as_json[0]["rank"], as_json[0]["prev_rank"], as_json[0]["rank_change"]) == (1, 2, 1)


def test_rank_without_a_warehouse_says_to_ingest_first(tmp_path, capsys):
    assert cli.main(["rank", "--year", "2019", "--db", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "run `parindex ingest` first" in err and "Traceback" not in err


def test_rank_rejects_an_unknown_index(small_db, capsys):
    assert cli.main(["rank", "--index", "XYZ", "--year", "2019", "--db", str(small_db)]) == 2
    assert "known indices: " in capsys.readouterr().err


def test_extract_prints_the_contract_as_json(capsys):
    assert cli.main(["extract", str(RAW_CSV), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"source", "facts", "leader_ratings", "claims", "warnings", "rejects"}
    assert result["source"]["media_type"] == "text/csv" and len(result["source"]["sha256"]) == 64
    assert {f["unit"] for f in result["facts"]} >= {"Quận Ngô Quyền", "Huyện Bạch Long Vỹ"}


def test_extract_on_unreadable_input_fails_with_a_message(tmp_path, capsys):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"%PDF-1.4\x00\x01\x02")
    assert cli.main(["extract", str(bad), "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "scan.txt" in err and "binary" in err and "Traceback" not in err


def test_extract_of_a_folder_goes_on_past_a_table_it_cannot_read(tmp_path, capsys):
    folder = tmp_path / "2019" / "hai-phong"
    folder.mkdir(parents=True)
    (folder / "a-no-header.csv").write_text("Ghi chú;Nội dung\nxem;phụ lục\n", encoding="utf-8")
    (folder / "b-good.csv").write_bytes(RAW_CSV.read_bytes())
    assert cli.main(["extract", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "a-no-header.csv" in err and "Traceback" not in err
    assert "b-good.csv" in out and "1 unreadable" in out
    assert cli.main(["extract", str(folder / "a-no-header.csv")]) == 1


def test_ingest_of_a_missing_path_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "w.duckdb")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_ingest_stops_with_a_clear_message_when_the_warehouse_is_busy(tmp_path, capsys):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(db)!r}); "
                                                     "print('held', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert cli.main(["ingest", str(RAW_CSV), "--db", str(db)]) == 2
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert "in use by another process" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["extract", "rank", "ingest-usage-error"])
def test_read_commands_do_not_import_prefect(command, small_db, tmp_path):
    argv = {"extract": ["extract", str(RAW_CSV), "--json"],
            "rank": ["rank", "--year", "2019", "--db", str(small_db), "--json"],
            "ingest-usage-error": ["ingest", str(tmp_path / "nowhere")]}[command]
    script = ("import sys; from flows.cli import main; code = main(sys.argv[1:]); "
              "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'); "
              "print('PREFECT:', loaded, file=sys.stderr); sys.exit(code)")
    run = _run("-c", script, *argv)
    assert "PREFECT: []" in run.stderr, run.stderr
    assert run.returncode == (2 if command == "ingest-usage-error" else 0), run.stderr
