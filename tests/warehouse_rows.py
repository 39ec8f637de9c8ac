"""Rows the query-layer tests insert straight into a warehouse: sources and published figures."""

from __future__ import annotations

import duckdb

from flows.marts import refresh_marts

NQ, HB, LC, HA = ("hai-phong:quan-ngo-quyen", "hai-phong:quan-hong-bang", "hai-phong:quan-le-chan",
                  "hai-phong:quan-hai-an")
SRC, SRC2 = "a" * 64, "b" * 64


def add_source(con: duckdb.DuckDBPyConnection, source_id: str = SRC, published: str = "2020-05-06",
               path: str = "raw/2019/hai-phong/a.txt") -> None:
    con.execute("insert into dim_source values (?, ?, 'text/plain', 'Thử nghiệm', ?, '1/QĐ-UBND', null, "
                "'Hải Phòng', 'test', timestamp '2020-05-07 08:00:00')", [source_id, path, published])


def add_score(con: duckdb.DuckDBPyConnection, unit_id: str, year: int, score: float | None, rank: int | None, *,
              index: str = "PAR", criterion: str = "TOTAL", bloc: str = "district", source: str = SRC,
              score_min: float | None = None, score_max: float | None = None, tied: bool = False) -> None:
    con.execute("insert into fact_score (unit_id, index_code, year, criterion, bloc, score, score_min, score_max, "
                "rank, rank_tied, basis, source_id, evidence, span_start, span_end, extractor_version) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'stated', ?, ?, 0, 10, 'test')",
                [unit_id, index, year, criterion, bloc, score, score_min, score_max, rank, tied, source,
                 f"{unit_id} {year} {criterion}: {score}"])
    refresh_marts(con, [(index, year)])  # as every writer of fact_score does: the league table follows
