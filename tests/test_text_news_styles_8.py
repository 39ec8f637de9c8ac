"""The text extractor on constructions of an eighth round of announcements (news, English news items, decision
appendices), written for these tests: a bloc's size stated in active voice or in English before the last place."""

from __future__ import annotations

import pytest
from helpers import text_facts as facts


# The size of the bloc, stated in an earlier sentence by what was assessed, numbers the last place.
@pytest.mark.parametrize("stated", [
    "Năm 2022, tỉnh đã đánh giá 11 huyện, thị xã, thành phố.",
    "Hội đồng thẩm định đã chấm điểm 11 huyện, thị xã, thành phố trong năm 2022.",
    "Chỉ số CCHC năm 2022: Sở Nội vụ đánh giá, xếp hạng 11 huyện, thị xã, thành phố.",
])
def test_the_bloc_size_assessed_in_active_voice_numbers_the_last_place(gazetteer, stated):
    text = f"{stated} Huyện Mường Lát xếp cuối với 76,35 điểm."
    assert facts(gazetteer, text, "Thanh Hóa", 2022) == {("Huyện Mường Lát", "PAR", 2022): (76.35, 11)}


def test_assessing_units_that_reached_a_mark_is_no_bloc_size(gazetteer):
    text = ("Năm 2022, tỉnh đánh giá 6 huyện đạt loại Tốt. Huyện Mường Lát xếp cuối với 76,35 điểm.")
    assert facts(gazetteer, text, "Thanh Hóa", 2022) == {("Huyện Mường Lát", "PAR", 2022): (76.35, None)}


@pytest.mark.parametrize("stated", [
    "The 2022 provincial PAR Index assessed all 11 district-level administrations.",
    "This year's index evaluated 11 districts, towns and cities.",
    "Officials ranked 11 district-level units on seven fields.",
])
def test_an_english_bloc_size_assessed_before_the_last_place(gazetteer, stated):
    text = f"{stated} Mường Lát District came last with 76.35 points."
    assert facts(gazetteer, text, "Thanh Hóa", 2022) == {("Huyện Mường Lát", "PAR", 2022): (76.35, 11)}
