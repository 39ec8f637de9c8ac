"""Query latency of the league-table and year-over-year views over ~10 million fact rows.

Run by hand (not part of the test suite):

    .venv/bin/python benchmarks/query_latency.py [--rows 10000000] [--db /tmp/q.duckdb] [--repeat 7]

The warehouse is built with the project's DDL, views and seeded dimensions (``flows.load.prepare``);
the facts are generated in SQL, not through the extractor: every unit of ``dim_unit`` (about 15,500:
provinces, departments, districts, communes) for every year 2012-2025, PAR with its total and ten
components and SIPAS, each figure published by several sources (the appendix table and news
articles), until ``--rows`` rows. An existing ``--db`` with enough rows is reused. Each query runs
once to warm up, then ``--repeat`` times; the median and the spread are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows import load  # noqa: E402
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
    "league table, every row (count(*) of v_league_table)": ("select count(*) from v_league_table", {}),
}


def build(db: Path, rows: int) -> int:
    """Create (or reuse) the benchmark warehouse; its fact count."""
    con = load.connect(db)
    try:
        load.apply_ddl(con)
        have = con.execute("select count(*) from fact_score").fetchone()[0]
        if have >= rows:
            return have
        load.seed_dimensions(con, dimension_frames(Gazetteer.load(), load.read_index_seed()))
        criteria = ", ".join(f"('{i}', '{c}', {n})" for n, (i, c) in enumerate(CRITERIA))  # constants, not input
        t0 = time.perf_counter()
        con.execute("delete from fact_score")
        con.execute("delete from dim_source")
        con.execute(_SOURCES.format(sources=SOURCES))
        con.execute(_FACTS.format(criteria=criteria, sources=SOURCES), {"rows": rows})
        con.execute("checkpoint")
        count = con.execute("select count(*) from fact_score").fetchone()[0]
        print(f"generated {count:,} fact rows in {time.perf_counter() - t0:.0f} s")
        return count
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/parindex-query-bench.duckdb"))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    count = build(args.db, args.rows)
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
        print(f"{name}: median {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f}), "
              f"{len(result)} rows")
    con.close()


if __name__ == "__main__":
    main()
