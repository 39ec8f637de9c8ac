"""Numerals, ordinals and unit-name resolution."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.gazetteer import Gazetteer
from flows.numerals import parse_decimal, parse_ordinal, words_to_int
from flows.textnorm import fold, normalize_text

WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín"}


def spell(n: int) -> str:
    """Vietnamese words for 1..99, written independently of the parser."""
    tens, unit = divmod(n, 10)
    head = "" if tens == 0 else "mười" if tens == 1 else WORDS[tens] + " mươi"
    if unit == 0:
        return head
    tail = {1: "mốt" if tens > 1 else "một", 5: "lăm" if tens else "năm"}.get(unit, WORDS[unit])
    return f"{head} {tail}".strip()


@given(st.integers(min_value=1, max_value=99))
def test_words_round_trip(n):
    assert words_to_int(spell(n)) == n
    assert parse_ordinal("thứ " + spell(n)) == n


@given(st.decimals(min_value=0, max_value=110, places=2, allow_nan=False, allow_infinity=False))
def test_decimal_comma_and_dot_agree(value):
    text = f"{value:.2f}"
    assert parse_decimal(text) == pytest.approx(float(value))
    assert parse_decimal(text.replace(".", ",")) == pytest.approx(float(value))


@pytest.mark.parametrize("written, rank", [("nhất", 1), ("nhì", 2), ("tư", 4), ("thứ 02", 2), ("10", 10),
                                           ("mười lăm", 15), ("hai mươi tư", 24)])
def test_ordinals(written, rank):
    assert parse_ordinal(written) == rank


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("name, unit_id", [
    ("Huyện Thuỷ Nguyên", "hai-phong:huyen-thuy-nguyen"),
    ("huyen thuy nguyen", "hai-phong:huyen-thuy-nguyen"),
    ("Thu\u0309y Nguye\u0302n", "hai-phong:huyen-thuy-nguyen"),  # NFD input
    ("Sở LĐTB&XH", "hai-phong:so-lao-dong-thuong-binh-va-xa-hoi"),
    ("Sở NN&PTNT", "hai-phong:so-nong-nghiep-va-phat-trien-nong-thon"),
    ("VP UBND thành phố", "hai-phong:van-phong-ubnd"),
    ("Tài nguyên và Môi trường", "hai-phong:so-tai-nguyen-va-moi-truong"),
    ("UBND quận Ngô Quyền", "hai-phong:quan-ngo-quyen"),
    ("Huyện Bạch Long Vĩ", "hai-phong:huyen-bach-long-vy"),
])
def test_names_resolve(gazetteer, name, unit_id):
    unit = gazetteer.resolve(normalize_text(name), "Hải Phòng", 2019)
    assert unit is not None and unit.unit_id == unit_id


def test_a_kind_word_of_another_kind_blocks_a_bare_name(gazetteer):
    mentions = gazetteer.find_mentions("phường Hồng Bàng và quận Hồng Bàng", "Hải Phòng", 2019)
    assert [(m.unit_id, m.text) for m in mentions] == [("hai-phong:quan-hong-bang", "quận Hồng Bàng")]


def test_units_outside_their_validity_do_not_match(gazetteer):
    assert gazetteer.resolve("Quận Ngô Quyền", "Hải Phòng", 2026) is None


def test_closest_names_for_an_unknown_name(gazetteer):
    assert gazetteer.closest("Sở Giáo dục Đào tạo")[0] == "Sở Giáo dục và Đào tạo"


def test_fold_keeps_offsets():
    text = normalize_text("Quận Đồ Sơn, huyện Thuỷ Nguyên")
    assert len(fold(text)) == len(text)
