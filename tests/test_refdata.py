"""The reference data cache: built once, read back by later runs, rebuilt when stale or damaged."""

from __future__ import annotations

import pandas as pd
import pytest

from flows import cache, refdata


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PARINDEX_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _build_or_read(seeds: str):
    return refdata.reference_data.__wrapped__(seeds)  # past the per-process memo: the disk cache only


def test_the_first_run_writes_the_cache_and_the_next_reads_it(cache_dir):
    seeds = cache.seed_fingerprint()
    gazetteer, frames, dims = _build_or_read(seeds)
    files = list(cache_dir.glob("reference-*.pickle"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    again_gazetteer, again_frames, again_dims = _build_or_read(seeds)
    assert files[0].stat().st_mtime_ns == stamp, "a cache hit must not rewrite the file"
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(again_frames[name], frame, obj=name)
    assert again_dims == dims
    sentence = "Quận Ngô Quyền đạt 91,93 điểm"
    found = [m.unit_id for m in gazetteer.find_mentions(sentence, province="Hải Phòng", year=2019)]
    assert found and [m.unit_id for m in again_gazetteer.find_mentions(
        sentence, province="Hải Phòng", year=2019)] == found


def test_a_damaged_cache_file_is_rebuilt(cache_dir):
    seeds = cache.seed_fingerprint()
    _build_or_read(seeds)
    (path,) = cache_dir.glob("reference-*.pickle")
    path.write_bytes(b"not a pickle")
    _gazetteer, frames, _dims = _build_or_read(seeds)
    assert len(frames["dim_unit"]) > 10_000
    assert path.read_bytes() != b"not a pickle"


def test_other_seeds_use_another_file_and_the_stale_one_goes(cache_dir):
    _build_or_read(cache.seed_fingerprint())
    (first,) = cache_dir.glob("reference-*.pickle")
    _build_or_read("0" * 64)
    (second,) = cache_dir.glob("reference-*.pickle")
    assert second != first and refdata.cache_key("0" * 64) in second.name
