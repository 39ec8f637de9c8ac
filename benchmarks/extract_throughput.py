"""Extraction throughput on one core, beside one compiled regular-expression pass (the floor).

Run by hand (not part of the test suite):

    .venv/bin/python benchmarks/generate.py --docs 200 --seed 7 --out /tmp/corpus
    .venv/bin/python benchmarks/extract_throughput.py --corpus /tmp/corpus [--rounds 3] [--profile]
    .venv/bin/python benchmarks/extract_throughput.py            # the golden texts and raw/ instead

The process is pinned to one CPU (``os.sched_setaffinity``). Texts are read into memory first; one
warm-up pass loads the gazetteer and fills caches; then ``extract_text`` runs over every text
``--rounds`` times and the median pass is reported as documents/s and KB/s, measured in CPU time
of the process (``time.process_time``), so that other processes sharing the core do not count. The floor is one pass of
one compiled regular expression (numbers and capitalised words) over the same texts. With a
generated corpus, the facts found are also compared with ``truth.jsonl`` (precision and recall on
unit, index, year, score and rank), so that a speed-up that changes results shows here.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.extract import hints_from_path  # noqa: E402
from flows.extract.text import extract_text  # noqa: E402
from flows.gazetteer import Gazetteer  # noqa: E402
from flows.paths import PROJECT_ROOT  # noqa: E402

FLOOR = re.compile(r"\d+(?:[.,]\d+)?|[A-ZĐÀ-Ỹ]\w+")


def documents(corpus: Path | None, limit: int | None) -> list[tuple[Path, str]]:
    """(path, text) of a generated corpus's announcements, or of the project's own texts."""
    if corpus:
        paths = sorted(corpus.rglob("*.txt"))
    else:
        paths = sorted((PROJECT_ROOT / "tests" / "golden").glob("*.txt"))
        paths += sorted((PROJECT_ROOT / "raw").rglob("*.txt"))
    return [(p, p.read_text(encoding="utf-8")) for p in paths[:limit]]


def _pass(docs: list[tuple[Path, str, int | None, str | None]], gazetteer: Gazetteer) -> list[dict]:
    return [extract_text(text, gazetteer, year, province) for _, text, year, province in docs]


def _floor(docs: list[tuple[Path, str, int | None, str | None]]) -> int:
    return sum(1 for _, text, _, _ in docs for _ in FLOOR.finditer(text))


def _key(f: dict) -> tuple:
    return (f["unit_id"], f["index"], f["year"], f["score"], f["rank"])


def accuracy(corpus: Path, docs: list[tuple[Path, str, int | None, str | None]], results: list[dict]) -> str:
    """Precision and recall of the extracted facts against ``truth.jsonl``."""
    truth = {}
    with open(corpus / "truth.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            truth[row["path"]] = {_key(f) for f in row["facts"]}
    tp = fp = fn = 0
    for (path, *_), result in zip(docs, results, strict=True):
        expected = truth.get(str(path.relative_to(corpus)), set())
        got = {_key(f) for f in result["facts"] if f["criterion"] == "TOTAL"}
        tp, fp, fn = tp + len(got & expected), fp + len(got - expected), fn + len(expected - got)
    return (f"facts: {tp + fn} stated, {tp + fp} extracted; precision {tp / max(tp + fp, 1):.4f}, "
            f"recall {tp / max(tp + fn, 1):.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, help="a folder written by benchmarks/generate.py")
    parser.add_argument("--limit", type=int, help="use only the first N documents")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over all documents (default 3)")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of one pass")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_s = time.perf_counter() - started
    docs = [(p, t, *hints_from_path(p, gazetteer)) for p, t in documents(args.corpus, args.limit)]
    results = _pass(docs, gazetteer)  # warm-up: caches, compiled rules
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(_pass, docs, gazetteer)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    rounds, floor, walls = [], [], []
    for _ in range(args.rounds):  # CPU time of this process: other processes on the core do not count
        t0, w0 = time.process_time(), time.perf_counter()
        _pass(docs, gazetteer)
        rounds.append(time.process_time() - t0)
        walls.append(time.perf_counter() - w0)
        t0 = time.process_time()
        for _ in range(10):
            _floor(docs)
        floor.append((time.process_time() - t0) / 10)
    per_round, floor_round = statistics.median(rounds), statistics.median(floor)
    size_kb = sum(len(t.encode("utf-8")) for _, t, _, _ in docs) / 1024
    print(f"documents: {len(docs)} ({size_kb:.0f} KB, mean {size_kb / len(docs):.2f} KB); "
          f"gazetteer load {load_s * 1000:.0f} ms once per process")
    print(f"extract: {len(docs) / per_round:.0f} documents/s, {size_kb / per_round:.0f} KB/s on one core, "
          f"{per_round / len(docs) * 1000:.2f} ms CPU per document (median of {args.rounds}; "
          f"wall {statistics.median(walls) / len(docs) * 1000:.2f} ms)")
    print(f"floor (one compiled regex pass): {len(docs) / floor_round:.0f} documents/s, "
          f"{floor_round / len(docs) * 1e6:.0f} µs per document; extract/floor = {per_round / floor_round:.0f}x")
    if args.corpus:
        print(accuracy(args.corpus, docs, results))


if __name__ == "__main__":
    main()
