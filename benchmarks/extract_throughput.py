"""Extraction throughput on one core, beside one compiled regular-expression pass (the floor).

Run by hand (not part of the test suite):

    .venv/bin/python benchmarks/generate.py --docs 200 --seed 7 --out /tmp/corpus
    .venv/bin/python benchmarks/extract_throughput.py --corpus /tmp/corpus [--rounds 3] [--profile]
    .venv/bin/python benchmarks/extract_throughput.py            # the golden texts and raw/ instead
    .venv/bin/python benchmarks/extract_throughput.py --corpus ../shared/corpus --stages   # where the time goes

The process is pinned to one CPU (``os.sched_setaffinity``). Texts are read into memory first; one
warm-up pass loads the gazetteer and fills caches; then ``extract_text`` runs over every text
``--rounds`` times and the median pass is reported as documents/s and KB/s, measured in CPU time
of the process (``time.process_time``), so that other processes sharing the core do not count. The floor is one pass of
one compiled regular expression (numbers and capitalised words) over the same texts. With a
generated corpus, the facts found are also compared with ``truth.jsonl`` (precision and recall on
unit, index, year, score and rank), so that a speed-up that changes results shows here.

``--stages`` times one more pass with every function ``extract_text`` calls from another module (and its own
``_groups``) wrapped in a timer, and prints each stage's exclusive time per document (a stage called from
another is counted once, in itself; wall clock, as a CPU clock costs a system call a read): what a faster
extractor would have to shrink. The wrappers add a fraction of a microsecond a call, counted in the caller.
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


def stages(docs: list[tuple[Path, str, int | None, str | None]], gazetteer: Gazetteer) -> list[tuple[str, float, int]]:
    """(stage, exclusive seconds, calls) of one pass, the stages being what ``extract_text`` calls."""
    import types

    from flows.extract import text as module

    spent: dict[str, list] = {}
    stack: list[float] = []  # the time the running stage's callees took, per level

    def timed(name: str, fn):  # noqa: ANN001, ANN202 - any callable
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            stack.append(0.0)
            t0 = time.perf_counter()  # a clock read costs ~50 ns (process_time: a system call, ~1 µs)
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - t0
                inner = stack.pop()
                entry = spent.setdefault(name, [0.0, 0])
                entry[0] += elapsed - inner
                entry[1] += 1
                if stack:
                    stack[-1] += elapsed
        return wrapper

    originals = {}
    for name, value in vars(module).items():
        if isinstance(value, types.FunctionType) and (value.__module__ != module.__name__ or name == "_groups") \
                and value.__module__.startswith("flows.") and name != "extract_text":
            originals[name] = value
    methods = {name: getattr(gazetteer, name) for name in ("prepare", "mentions_in")}
    try:
        for name, fn in originals.items():
            setattr(module, name, timed(name, fn))
        for name, fn in methods.items():
            setattr(gazetteer, name, timed(f"gazetteer.{name}", fn))
        total = timed("extract_text (its own lines)", module.extract_text)
        for _, text, year, province in docs:
            total(text, gazetteer, year, province)
    finally:
        for name, fn in originals.items():
            setattr(module, name, fn)
        for name in methods:
            delattr(gazetteer, name)
    return sorted(((name, t, n) for name, (t, n) in spent.items()), key=lambda row: -row[1])


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
    parser.add_argument("--stages", action="store_true",
                        help="print each stage's exclusive time per document (one more pass, wrapped in timers)")
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
    if args.corpus and (args.corpus / "truth.jsonl").exists():
        print(accuracy(args.corpus, docs, results))
    if args.stages:
        rows = stages(docs, gazetteer)
        whole = sum(t for _, t, _ in rows)
        print(f"stages (exclusive wall time per document; {whole / len(docs) * 1000:.2f} ms in all, timers included):")
        for name, t, n in rows[:25]:
            print(f"  {t / len(docs) * 1000:7.3f} ms {t / whole:6.1%} {n / len(docs):8.1f} calls  {name}")


if __name__ == "__main__":
    main()
