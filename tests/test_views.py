"""The query layer's views on known data: every test inserts the rows it reasons about."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from warehouse_rows import HA, HB, LC, NQ, SRC, SRC2, add_score, add_source

from flows.marts import MART_VIEWS


@pytest.fixture
def ranked(warehouse):
    """Four Hải Phòng districts, PAR 2017-2019; 2019 has a tie on the scores and a mismatched rank."""
    add_source(warehouse)
    rows = {2017: [(HB, 88.0, 1), (NQ, 87.0, 2), (LC, 80.0, 3), (HA, 79.0, 4)],
            2018: [(HB, 90.0, 1), (NQ, 88.0, 2), (HA, 82.0, 3), (LC, 80.0, 4)],
            2019: [(NQ, 91.93, 1), (HB, 91.89, 2), (LC, 85.0, 3), (HA, 85.0, 4)]}
    for year, figures in rows.items():
        for unit_id, score, rank in figures:
            add_score(warehouse, unit_id, year, score, rank)
    return warehouse


def test_every_mart_view_exists(warehouse):
    names = {r[0] for r in warehouse.execute("select view_name from duckdb_views() where not internal").fetchall()}
    assert set(MART_VIEWS) <= names
    assert warehouse.execute("select index_code, first_year from dim_methodology_break").fetchall() == [
        ("SIPAS", 2022)]


def test_league_table_ranks_ties_and_flags_mismatch(ranked):
    rows = ranked.execute("select unit_id, rank_published, rank_computed, rank_mismatch from v_league_table "
                          "where year = 2019 order by rank_published").fetchall()
    assert rows == [(NQ, 1, 1, False), (HB, 2, 2, False), (LC, 3, 3, False), (HA, 4, 3, True)]


def test_league_table_keeps_bounds_when_only_a_bound_is_known(ranked):
    add_score(ranked, "hai-phong:huyen-an-lao", 2019, None, None, score_min=80.0)
    row = ranked.execute("select score, score_min, score_max, rank, rank_computed from v_league_table "
                         "where unit_id = 'hai-phong:huyen-an-lao'").fetchone()
    assert row == (None, 80.0, None, None, None)


def test_year_over_year_changes_movers_and_first_time_leaders(ranked):
    rows = {r[0]: r[1:] for r in ranked.execute(
        "select unit_id, prev_year, prev_rank, rank, rank_change, score_change, first_time_leader, "
        "suppressed_reason from v_year_over_year where year = 2019").fetchall()}
    assert rows[NQ] == (2018, 2, 1, 1, 3.93, True, None)
    assert rows[HB] == (2018, 1, 2, -1, 1.89, False, None)
    assert rows[LC] == (2018, 4, 3, 1, 5.0, False, None)
    movers = ranked.execute("select direction, unit_id from v_biggest_movers where year = 2019 "
                            "order by direction, unit_id").fetchall()
    assert movers == [("climb", LC), ("climb", NQ), ("fall", HA), ("fall", HB)]
    first_year = ranked.execute("select suppressed_reason, rank_change from v_year_over_year "
                                "where year = 2017 and unit_id = ?", [NQ]).fetchone()
    assert first_year == ("no earlier figure", None)


def test_year_over_year_suppresses_comparison_across_a_methodology_break(ranked):
    add_score(ranked, NQ, 2021, 85.0, 1, index="SIPAS")
    add_score(ranked, NQ, 2022, 88.0, 2, index="SIPAS")
    add_score(ranked, HB, 2021, 80.0, 2, index="SIPAS")
    add_score(ranked, HB, 2020, 79.0, 1, index="SIPAS")
    row = ranked.execute("select prev_rank, prev_score, rank_change, score_change, suppressed_reason "
                         "from v_year_over_year where index_code = 'SIPAS' and year = 2022").fetchone()
    assert row[:4] == (1, 85.0, None, None)
    assert row[4].startswith("methodology break from 2022: SIPAS methodology changed")
    before_break = ranked.execute("select rank_change, score_change, suppressed_reason from v_year_over_year "
                                  "where index_code = 'SIPAS' and year = 2021 and unit_id = ?", [HB]).fetchone()
    assert before_break == (-1, 1.0, None)


def test_league_table_shows_no_change_across_a_methodology_break(ranked):
    add_score(ranked, NQ, 2021, 85.0, 1, index="SIPAS")
    add_score(ranked, NQ, 2022, 88.0, 2, index="SIPAS")
    add_score(ranked, HB, 2020, 79.0, 1, index="SIPAS")
    add_score(ranked, HB, 2021, 80.0, 2, index="SIPAS")
    across = ranked.execute("select prev_rank, rank_change, score_change, change_suppressed from v_league_table "
                            "where index_code = 'SIPAS' and year = 2022 and unit_id = ?", [NQ]).fetchone()
    assert across[:3] == (1, None, None)
    assert across[3].startswith("SIPAS methodology changed")
    before = ranked.execute("select rank_change, score_change, change_suppressed from v_league_table "
                            "where index_code = 'SIPAS' and year = 2021 and unit_id = ?", [HB]).fetchone()
    assert before == (-1, 1.0, None)


def test_a_rank_from_another_bloc_is_not_compared(ranked):
    add_score(ranked, NQ, 2020, 90.0, 1, bloc="urban")
    row = ranked.execute("select prev_bloc, rank_change, score_change, suppressed_reason from v_year_over_year "
                         "where year = 2020 and unit_id = ?", [NQ]).fetchone()
    assert row == ("district", None, -1.93, "ranked in another bloc in 2019 (district)")


def test_leaders_over_time(ranked):
    rows = ranked.execute("select year, unit_id, times_led, first_time_leader, led_previous_year from v_leaders "
                          "order by year").fetchall()
    assert rows == [(2017, HB, 1, True, False), (2018, HB, 2, False, True), (2019, NQ, 1, True, False)]


def test_tied_leaders_are_both_listed(warehouse):
    add_source(warehouse)
    add_score(warehouse, NQ, 2019, 90.0, 1, tied=True)
    add_score(warehouse, HB, 2019, 90.0, 1, tied=True)
    assert warehouse.execute("select count(*) from v_leaders").fetchone() == (2,)


def test_component_breakdown_against_bloc_best_and_average(ranked):
    for unit_id, score in ((NQ, 8.5), (HB, 9.0), (LC, 7.0)):
        add_score(ranked, unit_id, 2019, score, None, criterion="LV1")
    rows = {r[0]: r[1:] for r in ranked.execute(
        "select unit_id, score, bloc_best, bloc_average, gap_to_best, vs_average, criterion_rank, total_score "
        "from v_component_breakdown").fetchall()}
    assert rows[NQ] == (8.5, 9.0, 8.17, -0.5, 0.33, 2, 91.93)
    assert rows[HB][5] == 1 and rows[LC][3] == -2.0
    assert ranked.execute("select count(*) from v_league_table where criterion = 'TOTAL'").fetchone() == (12,)


def test_leader_ratings_and_claims(warehouse):
    add_source(warehouse)
    warehouse.execute("insert into fact_leader_rating values (?, 2019, 'Giám đốc', 'hoàn thành tốt nhiệm vụ', ?, "
                      "'Giám đốc Sở Y tế hoàn thành tốt nhiệm vụ', 5, 45, 'test')", ["hai-phong:so-y-te", SRC])
    warehouse.execute("insert into fact_claim values (?, 1, '14/15 quận, huyện đạt trên 80 điểm', 'PAR', 2019, "
                      "'district', 'score > 80', 14, 12, 'inconsistent', 50, 90, 'test')", [SRC])
    assert warehouse.execute("select unit, rating_order, path from v_leader_rating").fetchone() == (
        "Sở Y tế", 2, "raw/2019/hai-phong/a.txt")
    assert warehouse.execute("select failed, difference, status from v_claim_status").fetchone() == (
        True, -2, "inconsistent")


def test_conflicts_list_every_source_and_the_preferred_one(ranked):
    add_source(ranked, SRC2, published="2020-06-01", path="raw/2019/hai-phong/b.csv")
    add_score(ranked, NQ, 2019, 91.39, 1, source=SRC2)
    rows = ranked.execute("select source_id, score, is_preferred, path from v_score_conflict_detail "
                          "order by source_id").fetchall()
    assert rows == [(SRC, 91.93, False, "raw/2019/hai-phong/a.txt"), (SRC2, 91.39, True, "raw/2019/hai-phong/b.csv")]


def test_provenance_gives_document_sentence_and_span(ranked):
    key = "|".join(("fact_score", NQ, "PAR", "2019", "TOTAL", "district", SRC))
    row = ranked.execute("select figure_id, path, evidence, span_start, span_end, is_preferred, published_on "
                         "from v_provenance where unit_id = ? and year = 2019", [NQ]).fetchone()
    assert row == (hashlib.md5(key.encode()).hexdigest()[:16], "raw/2019/hai-phong/a.txt",
                   f"{NQ} 2019 TOTAL: 91.93", 0, 10, True, date(2020, 5, 6))


def test_unit_history_follows_successors_both_ways(warehouse):
    units = [("t:old", "Phường Cũ", "t:mid"), ("t:mid", "Phường Giữa", "t:new"), ("t:other", "Xã Khác", "t:new"),
             ("t:new", "Phường Mới", None)]
    for unit_id, name, successor in units:
        warehouse.execute("insert into dim_unit values (?, ?, ?, null, 'commune', 'Hải Phòng', null, null, ?)",
                          [unit_id, name, name.lower(), successor])
    add_source(warehouse)
    add_score(warehouse, "t:old", 2020, 80.0, 1, bloc="commune")
    add_score(warehouse, "t:new", 2025, 90.0, 1, bloc="commune")
    new = warehouse.execute("select related_id, relation, generations from v_unit_history where unit_id = 't:new' "
                            "order by generations, related_id").fetchall()
    assert new == [("t:new", "self", 0), ("t:mid", "predecessor", 1), ("t:other", "predecessor", 1),
                   ("t:old", "predecessor", 2)]
    old = warehouse.execute("select related_id, relation, generations from v_unit_history where unit_id = 't:old' "
                            "order by generations").fetchall()
    assert old == [("t:old", "self", 0), ("t:mid", "successor", 1), ("t:new", "successor", 2)]
    figures = warehouse.execute("select related_id, year, score from v_unit_history_figures where unit_id = 't:new' "
                                "order by year").fetchall()
    assert figures == [("t:old", 2020, 80.0), ("t:new", 2025, 90.0)]


def test_unit_history_survives_a_successor_cycle(warehouse):
    for unit_id, successor in (("t:a", "t:b"), ("t:b", "t:a")):
        warehouse.execute("insert into dim_unit values (?, ?, ?, null, 'commune', 'Hải Phòng', null, null, ?)",
                          [unit_id, unit_id, unit_id, successor])
    rows = warehouse.execute("select relation, related_id from v_unit_history where unit_id = 't:a' "
                             "order by relation").fetchall()
    assert rows == [("predecessor", "t:b"), ("self", "t:a"), ("successor", "t:b")]
