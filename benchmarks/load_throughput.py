"""Load throughput: fact rows/s through the project's load path, beside DuckDB's floor and a naive loader.

Run by hand (not part of the test suite):

    .venv/bin/python benchmarks/generate.py --docs 200 --seed 7 --out /tmp/corpus
    .venv/bin/python benchmarks/load_throughput.py --corpus /tmp/corpus

The announcements are extracted first (not timed). Then, each into a fresh DuckDB file under a
temporary folder, with the seeded dimensions in place:

- project path, as the ingest flow runs it: ``flows.validate.validate_batch`` then
  ``flows.load.load_batch`` per batch of ``BATCH_DOCUMENTS`` documents (one transaction each), then one
  refresh of the materialised league table, with validation and loading timed apart;
- the path before batching, for comparison: ``validate_contract`` then ``load_document`` per document
  (on the first ``--single-docs`` documents, as rows/s);
- floor: the same fact_score rows as one Arrow table, ``insert into fact_score select * from t``;
- naive: the same rows by ``executemany`` of a parameterised ``insert ... values (?, ...)`` (on the
  first ``--naive-rows`` rows only, extrapolated as rows/s).

Pinned to one CPU. Prints rows/s and the two ratios.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402

from flows import load  # noqa: E402
from flows.dimensions import Dimensions, dimension_frames  # noqa: E402
from flows.extract import extract_path  # noqa: E402
from flows.gazetteer import Gazetteer  # noqa: E402
from flows.ingest import BATCH_DOCUMENTS  # noqa: E402
from flows.validate import validate_batch, validate_contract  # noqa: E402


def _fresh(folder: Path, name: str, dim_frames: dict) -> load.duckdb.DuckDBPyConnection:
    con = load.connect(folder / f"{name}.duckdb")
    load.prepare(con, dim_frames)
    return con


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="a folder written by benchmarks/generate.py")
    parser.add_argument("--limit", type=int, help="use only the first N announcements")
    parser.add_argument("--naive-rows", type=int, default=5000, help="rows for the executemany run (default 5000)")
    parser.add_argument("--single-docs", type=int, default=50,
                        help="documents for the one-at-a-time run (default 50)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    gazetteer = Gazetteer.load()
    dim_frames = dimension_frames(gazetteer, load.read_index_seed())
    dims = Dimensions.from_frames(dim_frames["dim_index"], dim_frames["dim_unit"])
    paths = sorted(args.corpus.rglob("*.txt"))[:args.limit]
    contracts = [extract_path(p, gazetteer) for p in paths]
    ingested = datetime(2026, 1, 1)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        con = _fresh(folder, "project", dim_frames)
        docs, validate_s, load_s = [], 0.0, 0.0
        for start in range(0, len(contracts), BATCH_DOCUMENTS):
            t0 = time.perf_counter()
            batch = validate_batch(contracts[start:start + BATCH_DOCUMENTS], dims, ingested_at=ingested)
            t1 = time.perf_counter()
            load.load_batch(con, batch, refresh_marts=False)
            validate_s, load_s = validate_s + t1 - t0, load_s + time.perf_counter() - t1
            docs += batch
        t0 = time.perf_counter()
        load.refresh_pending_marts(con)  # as the flow does, once after its last batch
        load_s += time.perf_counter() - t0
        rows = con.execute("select count(*) from fact_score").fetchone()[0]
        con.close()

        con = _fresh(folder, "single", dim_frames)
        t0 = time.perf_counter()
        for contract in contracts[:args.single_docs]:
            load.load_document(con, validate_contract(contract, dims, ingested_at=ingested))
        single_s = time.perf_counter() - t0
        single_rows = con.execute("select count(*) from fact_score").fetchone()[0]
        con.close()

        facts = pd.concat([d.tables["fact_score"] for d in docs], ignore_index=True)
        columns = list(facts.columns)
        table = pa.Table.from_pandas(facts, preserve_index=False)
        sources = pd.concat([d.tables["dim_source"] for d in docs], ignore_index=True)

        con = _fresh(folder, "bulk", dim_frames)
        load._insert(con, "dim_source", sources)
        t0 = time.perf_counter()
        con.register("t", table)
        con.execute("insert into fact_score by name select * from t")
        bulk_s = time.perf_counter() - t0
        assert con.execute("select count(*) from fact_score").fetchone()[0] == len(facts)
        con.close()

        con = _fresh(folder, "naive", dim_frames)
        load._insert(con, "dim_source", sources)
        sample = facts.head(args.naive_rows).astype(object).where(facts.head(args.naive_rows).notna(), None)
        values = [tuple(r) for r in sample.itertuples(index=False)]
        t0 = time.perf_counter()
        con.executemany(f"insert into fact_score ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
                        values)
        naive_s = time.perf_counter() - t0
        con.close()

    project_s = validate_s + load_s
    project, bulk, naive = rows / project_s, len(facts) / bulk_s, len(values) / naive_s
    print(f"documents: {len(docs)}, fact rows: {rows}")
    print(f"project path: {project:,.0f} rows/s ({project_s:.2f} s: validate {validate_s:.2f} s "
          f"= {validate_s / project_s:.0%}, load {load_s:.2f} s; load alone {rows / load_s:,.0f} rows/s)")
    print(f"floor, DuckDB bulk insert of the Arrow table: {bulk:,.0f} rows/s ({bulk_s * 1000:.0f} ms)")
    print(f"before batching, one document at a time: {single_rows / single_s:,.0f} rows/s "
          f"({single_rows} rows in {single_s:.2f} s)")
    print(f"naive executemany: {naive:,.0f} rows/s ({len(values)} rows in {naive_s:.2f} s)")
    print(f"bulk/project = {bulk / project:.1f}x (load alone {bulk / (rows / load_s):.1f}x); "
          f"project/executemany = {project / naive:.1f}x (load alone {rows / load_s / naive:.1f}x)")


if __name__ == "__main__":
    main()
