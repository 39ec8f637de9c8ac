"""The text extractor on constructions of a thirteenth round of announcements, written for these tests: one
unit's scores over listed years, ..."""

from __future__ import annotations

import pytest

from tests.helpers import text_facts


@pytest.mark.parametrize("verb", ["lần lượt là", "lần lượt đạt"])
def test_one_units_scores_in_turn_over_listed_years(gazetteer, verb):
    text = ("Kết quả Chỉ số CCHC năm 2021 của tỉnh Trà Vinh\n\n"
            f"Điểm Chỉ số CCHC của Huyện Cầu Kè {verb} 80,15; 82,64 và 85,09 điểm trong các năm 2019, 2020, 2021.")
    assert text_facts(gazetteer, text, "Trà Vinh") == {
        ("Huyện Cầu Kè", "PAR", 2019): (80.15, None), ("Huyện Cầu Kè", "PAR", 2020): (82.64, None),
        ("Huyện Cầu Kè", "PAR", 2021): (85.09, None)}


def test_a_place_held_in_two_listed_years_with_their_scores_in_turn(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2021 của tỉnh Trà Vinh\n\n"
            "Huyện Tiểu Cần giữ vị trí thứ 2 trong các năm 2020 và 2021 (lần lượt 87,3 và 89,15 điểm).")
    assert text_facts(gazetteer, text, "Trà Vinh") == {
        ("Huyện Tiểu Cần", "PAR", 2020): (87.3, 2), ("Huyện Tiểu Cần", "PAR", 2021): (89.15, 2)}


def test_english_list_lines_ending_with_the_place_after_a_comma(gazetteer):
    lines = [("Da Lat City", "91.30", "1st"), ("Bao Loc City", "90.02", "2nd"), ("Duc Trong District", "88.75", "3rd"),
             ("Lam Ha District", "87.10", "4th"), ("Di Linh District", "86.44", "5th"), ("Bao Lam District", "85.02",
                                                                                         "6th")]
    text = "Lam Dong's 2022 PAR Index of districts and cities\n\n" + "".join(
        f"- {name}: {score} points, {place}\n" for name, score, place in lines)
    facts = text_facts(gazetteer, text, "Lâm Đồng")
    assert [facts[k] for k in sorted(facts, key=lambda k: facts[k][1])] == [
        (float(score), n) for n, (_, score, _) in enumerate(lines, start=1)]


def test_thanh_pho_alone_is_the_city_the_paragraph_named(gazetteer):
    text = ("Hành trình nâng hạng cải cách hành chính của Bà Rịa\n\n"
            "Năm 2022, Thành phố Bà Rịa đạt 90,05 điểm, xếp thứ 2/8 địa phương.\n\n"
            "Bà Rịa từng gặp khó. Năm 2019, thành phố chỉ xếp thứ 6 với 83,41 điểm; năm 2020 vươn lên thứ 4 "
            "(85,77 điểm).")
    assert text_facts(gazetteer, text, "Bà Rịa - Vũng Tàu") == {
        ("Thành phố Bà Rịa", "PAR", 2022): (90.05, 2), ("Thành phố Bà Rịa", "PAR", 2019): (83.41, 6),
        ("Thành phố Bà Rịa", "PAR", 2020): (85.77, 4)}


@pytest.mark.parametrize("bloc", ["các huyện, thị xã, thành phố", "11 huyện, thành phố", "các huyện và thành phố"])
def test_thanh_pho_in_the_kinds_of_a_bloc_is_no_city(gazetteer, bloc):
    text = ("Kết quả Chỉ số hài lòng năm 2023 của tỉnh Bến Tre\n\n"
            "Huyện Chợ Lách dẫn đầu với 93,1%, kế đến là thành phố Bến Tre (92,4%). "
            f"Mức hài lòng chung đối với {bloc} đạt 90,2%.")
    assert text_facts(gazetteer, text, "Bến Tre") == {
        ("Huyện Chợ Lách", "SIPAS", 2023): (93.1, 1), ("Thành phố Bến Tre", "SIPAS", 2023): (92.4, 2)}


def test_english_the_city_is_the_city_named_before_not_the_province(gazetteer):
    text = ("Vinh City leads Nghe An's 2021 PAR Index\n\n"
            "Vinh City has topped the 2021 PAR Index among the localities of Nghe An. The city scored 90.44 points, "
            "ahead of Hoang Mai Town (88.71).")
    got = text_facts(gazetteer, text, None)
    assert got[("Thành phố Vinh", "PAR", 2021)] == (90.44, 1)
    assert not any(unit == "Tỉnh Nghệ An" for unit, _, _ in got)
