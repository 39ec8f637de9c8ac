"""Test helpers: contract builders (no extractor needed) and warehouse snapshots."""

from __future__ import annotations

from typing import Any

import duckdb


def make_fact(unit_id: str = "hai-phong:quan-ngo-quyen", unit: str = "Quận Ngô Quyền", **overrides: Any) -> dict:
    """One contract fact; defaults to Ngô Quyền's 2019 PAR headline figure."""
    fact = {"unit": unit, "unit_id": unit_id, "unit_kind": "district", "index": "PAR", "year": 2019,
            "criterion": "TOTAL", "bloc": "district", "score": 91.93, "score_min": None, "score_max": None,
            "rank": 1, "tied": False, "basis": "stated", "evidence": f"{unit} đạt 91,93 điểm", "span": [100, 130]}
    fact.update(overrides)
    return fact


def make_contract(facts: list[dict], *, sha: str = "a" * 64, path: str = "raw/2019/hai-phong/test.txt",
                  **extra: Any) -> dict:
    """A contract object as ``extract_path`` returns it."""
    contract = {"source": {"path": path, "sha256": sha, "media_type": "text/plain", "title": "Thử nghiệm",
                           "published": "2020-05-06", "decision_no": "1091/QĐ-UBND", "province": "Hải Phòng"},
                "facts": facts, "leader_ratings": [], "claims": [], "warnings": [], "rejects": []}
    contract.update(extra)
    return contract


def snapshot(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> dict[str, list[tuple]]:
    """Every row of ``tables``, sorted, for comparing two states of a warehouse."""
    return {t: sorted(con.execute(f"select * from {t}").fetchall(), key=repr) for t in tables}


COMPARED = ("fact_score", "fact_leader_rating", "fact_claim", "dim_source", "etl_reject")
VOLATILE = {"run_id", "ingested_at", "started_at", "finished_at"}


def comparable_rows(db) -> dict[str, list[tuple]]:
    """The rows of a warehouse file two runs should agree on (run ids and timestamps aside), sorted."""
    from flows import load

    con = load.connect(db, read_only=True)
    try:
        tables = {}
        for table in COMPARED:
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
                [table]).fetchall() if c not in VOLATILE]
            select = ", ".join(f'"{c}"' for c in columns)
            tables[table] = sorted(con.execute(f"select {select} from {table}").fetchall(), key=repr)
        runs = con.execute("select paths, status, documents, facts, rejects from etl_run order by started_at")
        return tables | {"etl_run": runs.fetchall()}
    finally:
        con.close()


def text_facts(gazetteer, text: str, province: str | None, year: int | None = None) -> dict:
    """(unit, index, year) -> (score, rank) of what ``extract_text`` reads in ``text``."""
    from flows.extract.text import extract_text

    result = extract_text(text, gazetteer, year, province)
    return {(f["unit"], f["index"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]}
