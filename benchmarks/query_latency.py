"""Query latency of the league-table and year-over-year views over ~10 million fact rows.

Run by hand (not part of the test suite):

    .venv/bin/python benchmarks/query_latency.py [--rows 10000000] [--db /tmp/q.duckdb] [--repeat 7]

The warehouse is built with the project's DDL, views and seeded dimensions (``flows.load.prepare``);
the facts are generated in SQL, not through the extractor: every unit of ``dim_unit`` (about 15,500:
provinces, departments, districts, communes) for every year 2012-2025, PAR with its total and ten
components and SIPAS, each figure published by several sources (the appendix table and news
articles), until ``--rows`` rows. An existing ``--db`` with enough rows is reused. The league table is
materialised (``mart_league_table``, ``flows.marts.refresh_marts``): the script reports what a full
rebuild and the refresh of one index-year cost (each in a transaction that is rolled back, so the
file is unchanged), then the queries. Each query runs once to warm up, then ``--repeat`` times; the
median and the spread are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows import load, marts  # noqa: E402
from flows.dimensions import dimension_frames  # noqa: E402
from flows.gazetteer import Gazetteer  # noqa: E402

CRITERIA = [("PAR", "TOTAL"), *(("PAR", f"L{i}") for i in range(1, 9)), ("PAR", "SELF_ASSESSED"),
            ("PAR", "APPRAISED"), ("SIPAS", "TOTAL")]
SOURCES = 4  # the published table and three articles retelling it

_FACTS = """
insert into fact_score by name
with units as (select unit_id, unit_kind, province, row_number() over (order by unit_id) as u from dim_unit),
criteria as (select * from (values {criteria}) as c(index_code, criterion, c)),
grid as (
    select units.*, y.year, criteria.*, s.s
    from units, range(2012, 2026) as y(year), criteria, range({sources}) as s(s)
    limit $rows
)
select
    unit_id, index_code, year, criterion, unit_kind as bloc,
    round(60 + (hash(unit_id, year, c) % 400000) / 10000.0, 2) as score,
    null::double as score_min, null::double as score_max,
    case when criterion = 'TOTAL' and s = 0 then
        rank() over (partition by province, index_code, year, criterion, unit_kind, s
                     order by hash(unit_id, year, c))::integer end as rank,
    false as rank_tied,
    case when s = 0 then 'stated' else 'implied' end as basis,
    md5(province || year || s) as source_id,
    'benchmark row' as evidence,
    case when s = 0 then null else 100 end as span_start,
    case when s = 0 then null else 140 end as span_end,
    'bench' as extractor_version
from grid
"""
_SOURCES = """
insert into dim_source by name
select distinct md5(province || y.year || s.s) as source_id, province || '/' || y.year || '/' || s.s as path,
    case when s.s = 0 then 'text/csv' else 'text/plain' end as media_type,
    make_date(y.year + 1, 1 + s.s, 1) as published_on, province, 'bench' as extractor_version,
    now()::timestamp as ingested_at
from (select distinct province from dim_unit), range(2012, 2026) as y(year), range({sources}) as s(s)
"""

QUERIES = {
    "league table, one province (queries/league_table.sql)": (
        load.read_sql("queries", "league_table"),
        {"index_code": "PAR", "year": 2019, "criterion": "TOTAL", "unit_kind": None, "province": "Hải Phòng",
         "bloc": None}),
    "league table, whole country, one year (queries/league_table.sql)": (
        load.read_sql("queries", "league_table"),
        {"index_code": "PAR", "year": 2019, "criterion": "TOTAL", "unit_kind": None, "province": None,
         "bloc": None}),
    "year over year, one province and year (v_year_over_year)": (
        "select * from v_year_over_year where province = $province and index_code = 'PAR' and year = 2019 "
        "and criterion = 'TOTAL'", {"province": "Hải Phòng"}),
    "year over year, whole country, one year (v_year_over_year)": (
        "select * from v_year_over_year where index_code = 'PAR' and year = 2019 and criterion = 'TOTAL'", {}),
    "biggest movers, one province and year (v_biggest_movers)": (
        "select * from v_biggest_movers where province = $province and index_code = 'PAR' and year = 2019 "
        "and criterion = 'TOTAL'", {"province": "Hải Phòng"}),
    "leaders, one province, every year (v_leaders)": (
        "select * from v_leaders where province = $province and index_code = 'PAR' and criterion = 'TOTAL'",
        {"province": "Hải Phòng"}),
    "leaders, whole country, every year (v_leaders)": (
        "select * from v_leaders where index_code = 'PAR' and criterion = 'TOTAL'", {}),
    "component breakdown, one province and year (v_component_breakdown)": (
        "select * from v_component_breakdown where province = $province and index_code = 'PAR' and year = 2019",
        {"province": "Hải Phòng"}),
    "league table, every row (count(*) of v_league_table)": ("select count(*) from v_league_table", {}),
    "year over year, every row (count(*) of v_year_over_year)": ("select count(*) from v_year_over_year", {}),
}
REFRESHES = {"full rebuild (refresh_marts(con))": None, "one index-year (refresh_marts(con, [('PAR', 2019)]))":
             [("PAR", 2019)], "one small index-year (refresh_marts(con, [('SIPAS', 2019)]))": [("SIPAS", 2019)]}


def build(db: Path, rows: int) -> int:
    """Create (or reuse) the benchmark warehouse; its fact count."""
    con = load.connect(db)
    try:
        load.apply_ddl(con)
        have = con.execute("select count(*) from fact_score").fetchone()[0]
        if have >= rows:
            marts.sync_marts(con)  # an older file, or one made before the seeds changed
            return have
        load.seed_dimensions(con, dimension_frames(Gazetteer.load(), load.read_index_seed()))
        criteria = ", ".join(f"('{i}', '{c}', {n})" for n, (i, c) in enumerate(CRITERIA))  # constants, not input
        t0 = time.perf_counter()
        con.execute("delete from fact_score")
        con.execute("delete from dim_source")
        con.execute(_SOURCES.format(sources=SOURCES))
        con.execute(_FACTS.format(criteria=criteria, sources=SOURCES), {"rows": rows})
        count = con.execute("select count(*) from fact_score").fetchone()[0]
        print(f"generated {count:,} fact rows in {time.perf_counter() - t0:.0f} s")
        t0 = time.perf_counter()
        with load.transaction(con):
            marts.refresh_marts(con)
        con.execute("checkpoint")
        print(f"materialised the league table in {time.perf_counter() - t0:.0f} s")
        return count
    finally:
        con.close()


def time_refreshes(db: Path, repeat: int) -> None:
    """Median time of each refresh in REFRESHES, every run rolled back."""
    con = load.connect(db)
    try:
        for name, keys in REFRESHES.items():
            times = []
            for _ in range(repeat if keys else 1):
                con.execute("begin transaction")
                t0 = time.perf_counter()
                marts.refresh_marts(con, keys)
                times.append((time.perf_counter() - t0) * 1000)
                con.execute("rollback")
            print(f"refresh, {name}: median {statistics.median(times):,.0f} ms "
                  f"(min {min(times):,.0f}, max {max(times):,.0f})", flush=True)
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/parindex-query-bench.duckdb"))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    count = build(args.db, args.rows)
    time_refreshes(args.db, args.repeat)
    con = load.connect(args.db, read_only=True)
    threads = con.execute("select current_setting('threads')").fetchone()[0]
    print(f"fact rows: {count:,}; DuckDB threads: {threads}")
    for name, (sql, params) in QUERIES.items():
        result = con.execute(sql, params).fetchall()  # warm-up
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            con.execute(sql, params).fetchall()
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{name}: median {statistics.median(times):,.0f} ms (min {min(times):,.0f}, max {max(times):,.0f}), "
              f"{len(result)} rows", flush=True)
    con.close()


if __name__ == "__main__":
    main()
