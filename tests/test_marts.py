"""The materialised league table: the same rows as the views' SQL before materialisation, kept current.

The reference is ``tests/migrations/legacy_views.sql`` (v_league_table, v_year_over_year and
v_component_breakdown as they were, run live on the same data); every test compares the marts with
it after full and incremental refreshes.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from helpers import make_contract, make_fact

from flows import load, marts
from flows.marts import refresh_marts

LEGACY = Path(__file__).parent / "migrations" / "legacy_views.sql"
PAIRS = (("v_league_table", "legacy_league_table"), ("v_year_over_year", "legacy_year_over_year"),
         ("v_component_breakdown", "legacy_component_breakdown"))
# (source_id, media_type, published_on, span): a CSV appendix, three news articles (one undated)
SOURCES = (("t" * 64, "text/csv", "2020-01-10", None), ("n" * 64, "text/plain", "2020-06-01", 40),
           ("m" * 64, "text/plain", None, 80), ("p" * 64, "text/plain", "2021-03-01", 120))
FACT_COLUMNS = ("unit_id", "index_code", "year", "criterion", "bloc", "score", "score_min", "score_max", "rank",
                "rank_tied", "basis", "source_id", "evidence", "span_start", "span_end", "extractor_version")


def _units(con, province: str, n: int) -> list[str]:
    return [u for (u,) in con.execute("select unit_id from dim_unit where province = ? and unit_kind = 'district' "
                                      "order by unit_id limit ?", [province, n]).fetchall()]


def _figures(units: list[str], index: str, year: int, criterion: str, rng: random.Random) -> list[tuple]:
    """Fact rows of one league table: gaps, ties, unscored ranks, bounds, a bloc change, several sources."""
    rows, scored = [], []
    for i, unit in enumerate(units):
        if rng.random() < 0.12:
            continue  # not published this year: year over year must reach further back
        bloc = "urban" if i == 0 and year >= 2019 else "district"
        score = scored[-1] if scored and rng.random() < 0.15 else round(70 + rng.random() * 25, 2)
        scored.append(score)
        blocs = [bloc, "urban"] if i == 1 and year == 2020 else [bloc]  # ranked in two blocs one year
        for b in blocs:
            rows.append([unit, index, year, criterion, b, score, None, None])
    ordered = sorted(rows, key=lambda r: -r[5])
    facts = []
    for rank, row in enumerate(ordered, start=1):
        if rng.random() < 0.08:
            row[5], row[6] = None, 80.0  # only a bound is known
        elif rng.random() < 0.08:
            row[5] = None  # a rank without a score
        published_rank = rank if criterion == "TOTAL" and row[6] is None else None
        if published_rank and rng.random() < 0.1:
            published_rank += 1  # a published rank that disagrees with the scores
        for source_id, _media, _published, span in SOURCES:
            if (span is None and rng.random() < 0.75) or (span is not None and rng.random() < 0.4):
                score = row[5] if row[5] is None or rng.random() < 0.7 else round(row[5] - 0.01, 2)
                basis = "implied" if span and rng.random() < 0.5 else "stated"
                facts.append((*row[:5], score, row[6], row[7], published_rank, False, basis, source_id,
                              f"{row[0]} {year}", span, span and span + 30, "test"))
    return facts


def _seed(con, seed: int = 7) -> None:
    rng = random.Random(seed)
    for source_id, media, published, _span in SOURCES:
        con.execute("insert into dim_source values (?, ?, ?, 'Thử nghiệm', ?, null, null, 'Hải Phòng', 'test', "
                    "timestamp '2020-05-07 08:00:00')", [source_id, f"raw/{source_id[0]}", media, published])
    units = {"Hải Phòng": _units(con, "Hải Phòng", 9), "Nghệ An": _units(con, "Nghệ An", 6)}
    facts = [fact for province_units in units.values() for index in ("PAR", "SIPAS") for year in range(2016, 2024)
             for criterion in ("TOTAL", "L1") for fact in _figures(province_units, index, year, criterion, rng)]
    _insert_facts(con, facts)


def _insert_facts(con, facts: list[tuple]) -> None:
    con.executemany(f"insert into fact_score ({', '.join(FACT_COLUMNS)}) values "
                    f"({', '.join('?' * len(FACT_COLUMNS))})", facts)


# Averages of doubles depend on the order DuckDB adds them in (83.235 rounds either way): compared apart
AVERAGES = ("bloc_average", "vs_average")
COMPONENT_KEY = "province, index_code, year, bloc, criterion, unit_id"


def assert_same_as_legacy(con) -> None:
    """Every mart-backed view has exactly the rows of its legacy SQL (duplicates counted)."""
    for new, old in PAIRS:
        columns = ", ".join(c for (c,) in con.execute(
            "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
            [old]).fetchall() if c not in AVERAGES)
        extra = con.execute(f"select * from (select {columns} from {new} except all select {columns} from {old}) "
                            "limit 5").fetchall()
        missing = con.execute(f"select * from (select {columns} from {old} except all select {columns} from {new}) "
                              "limit 5").fetchall()
        assert (extra, missing) == ([], []), f"{new} differs from {old}"
    assert con.execute("select count(*) from v_league_table").fetchone()[0] > 0
    apart = con.execute(f"""select count(*) from v_component_breakdown as n
                            join legacy_component_breakdown as o using ({COMPONENT_KEY})
                            where abs(n.bloc_average - o.bloc_average) > 0.0101
                               or abs(n.vs_average - o.vs_average) > 0.0101
                               or (n.bloc_average is null) <> (o.bloc_average is null)""").fetchone()[0]
    assert apart == 0


@pytest.fixture
def seeded(warehouse):
    """A warehouse with two provinces' PAR and SIPAS tables, 2016-2023, the legacy views and a full refresh."""
    warehouse.execute(LEGACY.read_text(encoding="utf-8"))
    _seed(warehouse)
    with load.transaction(warehouse):
        refresh_marts(warehouse)
    return warehouse


def _mart(con) -> list[tuple]:
    return sorted(con.execute("select * from mart_league_table").fetchall(), key=repr)


def test_the_mart_has_the_columns_and_types_of_the_legacy_view(seeded):
    def described(name):
        return [row[:2] for row in seeded.execute(f"describe {name}").fetchall()]

    for new, old in PAIRS:
        assert described(new) == described(old)


def test_a_full_refresh_equals_the_legacy_views(seeded):
    assert_same_as_legacy(seeded)
    assert seeded.execute("select count(*) from v_league_table where change_suppressed is not null").fetchone()[0]
    assert seeded.execute("select count(*) from v_year_over_year where prev_bloc <> bloc").fetchone()[0]
    assert seeded.execute("select count(*) from v_league_table where rank_mismatch").fetchone()[0]


def test_an_incremental_refresh_recomputes_the_year_and_the_year_after(seeded):
    unit = seeded.execute("""select unit_id from mart_league_table where index_code = 'PAR' and criterion = 'TOTAL'
                             and bloc = 'district' and year in (2019, 2020) and province = 'Hải Phòng'
                             group by unit_id having count(*) = 2 order by unit_id limit 1""").fetchone()[0]
    seeded.execute("update fact_score set score = 99.5, rank = 1 where index_code = 'PAR' and year = 2019 "
                   "and criterion = 'TOTAL' and unit_id = ?", [unit])
    seeded.execute("delete from fact_score where index_code = 'PAR' and year = 2019 and unit_id = "
                   "'hai-phong:huyen-an-duong'")
    seeded.execute("update mart_league_table set unit = 'untouched' where index_code = 'PAR' and year = 2016")
    with load.transaction(seeded):
        refresh_marts(seeded, [("PAR", 2019)])
    assert seeded.execute("select score, rank from v_league_table where unit_id = ? and year = 2019 "
                          "and index_code = 'PAR' and criterion = 'TOTAL'", [unit]).fetchone() == (99.5, 1)
    assert seeded.execute("select prev_rank, prev_score from v_league_table where unit_id = ? and year = 2020 "
                          "and index_code = 'PAR' and criterion = 'TOTAL'", [unit]).fetchone() == (1, 99.5)
    # 2016 was not recomputed (the marker stays), so the refresh read only its own index-years
    assert seeded.execute("select count(*) from mart_league_table where unit = 'untouched'").fetchone()[0] > 0
    seeded.execute("update mart_league_table set unit = u.name_vi from dim_unit as u "
                   "where u.unit_id = mart_league_table.unit_id and unit = 'untouched'")
    assert_same_as_legacy(seeded)


def test_a_document_that_moves_to_another_year_leaves_nothing_behind(seeded):
    table = SOURCES[0][0]
    seeded.execute("update fact_score set year = 2015 where source_id = ? and index_code = 'SIPAS' "
                   "and year = 2017", [table])
    with load.transaction(seeded):
        refresh_marts(seeded, [("SIPAS", 2017), ("SIPAS", 2015)])
    assert_same_as_legacy(seeded)
    incremental = _mart(seeded)
    with load.transaction(seeded):
        refresh_marts(seeded)
    assert _mart(seeded) == incremental


def test_a_new_methodology_break_or_unit_name_rebuilds_the_whole_mart(seeded):
    seeded.execute("insert into dim_methodology_break values ('PAR', 2019, 'Hải Phòng', 'bộ tiêu chí mới', 'test')")
    seeded.execute("update dim_unit set name_vi = 'Quận An Dương (mới)' where unit_id = 'hai-phong:quan-an-duong'")
    assert marts.stored_fingerprint(seeded) != marts.fingerprint(seeded)
    with load.transaction(seeded):
        refresh_marts(seeded, [])  # nothing loaded, but what the mart was computed with changed
    assert marts.stored_fingerprint(seeded) == marts.fingerprint(seeded)
    row = seeded.execute("select rank_change, change_suppressed from v_league_table where index_code = 'PAR' "
                         "and year = 2019 and province = 'Hải Phòng' and prev_rank is not null limit 1").fetchone()
    assert row == (None, "bộ tiêu chí mới")
    assert seeded.execute("select count(*) from v_league_table where unit = 'Quận An Dương (mới)'").fetchone()[0]
    assert_same_as_legacy(seeded)
    assert not marts.sync_marts(seeded)  # current now: nothing to do


def test_a_national_and_a_provincial_break_in_one_year_give_one_row_with_both_reasons(seeded):
    seeded.execute("insert into dim_methodology_break values ('SIPAS', 2022, 'Hải Phòng', 'khảo sát mới', 'test')")
    assert marts.sync_marts(seeded)
    rows = seeded.execute("select count(*), count(distinct (unit_id, criterion, bloc)), any_value(change_suppressed) "
                          "from v_league_table where index_code = 'SIPAS' and year = 2022 "
                          "and province = 'Hải Phòng'").fetchone()
    assert rows[0] == rows[1]  # the legacy view had a row per matching break
    assert rows[2].startswith("SIPAS methodology changed") and rows[2].endswith("; khảo sát mới")


def test_a_rolled_back_refresh_leaves_the_mart_as_it_was(seeded):
    before = _mart(seeded)
    with pytest.raises(RuntimeError), load.transaction(seeded):
        seeded.execute("delete from fact_score where index_code = 'PAR' and year = 2020")
        refresh_marts(seeded, [("PAR", 2020)])
        raise RuntimeError("the load failed after the refresh")
    assert _mart(seeded) == before


def test_loading_a_document_again_with_another_year_keeps_the_league_table_current(warehouse, validated):
    warehouse.execute(LEGACY.read_text(encoding="utf-8"))
    units = ["hai-phong:quan-ngo-quyen", "hai-phong:quan-hong-bang", "hai-phong:quan-le-chan"]

    def document(year, scores, sha, path):
        facts = [make_fact(u, u, year=year, score=s, rank=None, span=[i * 10, i * 10 + 9])
                 for i, (u, s) in enumerate(zip(units, scores, strict=True))]
        return validated(make_contract(facts, sha=sha, path=path))

    load.load_document(warehouse, document(2018, [80.0, 85.0, 90.0], "a" * 64, "raw/2018/hai-phong/a.txt"))
    load.load_document(warehouse, document(2019, [91.0, 88.0, 86.0], "b" * 64, "raw/2019/hai-phong/b.txt"))
    assert warehouse.execute("select prev_rank from v_league_table where year = 2019 and unit_id = ?",
                             [units[0]]).fetchone() == (3,)
    # the same file, corrected: its figures are of 2017, not 2018
    load.load_document(warehouse, document(2017, [80.0, 85.0, 90.0], "c" * 64, "raw/2018/hai-phong/a.txt"))
    assert warehouse.execute("select distinct year from v_league_table order by year").fetchall() == [(2017,), (2019,)]
    assert warehouse.execute("select prev_rank from v_league_table where year = 2019 and unit_id = ?",
                             [units[0]]).fetchone() == (None,)
    assert_same_as_legacy(warehouse)


def test_the_published_files_leave_the_marts_out(seeded, tmp_path):
    from flows.publish import published_relations

    names = published_relations(seeded)
    assert "v_league_table" in names and "fact_score" in names
    assert not [n for n in names if n.startswith("mart_")]
