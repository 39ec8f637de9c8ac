"""The text extractor on constructions of a twelfth round of announcements, written for these tests: a history
whose years are clauses of one sentence, another index opening a clause of its own, the n units listed after
"xếp cuối", score-first list lines."""

from __future__ import annotations

import pytest

from tests.helpers import text_facts


@pytest.mark.parametrize("opener", ["sang năm 2019", "bước sang năm 2019", "đến năm 2019", "còn năm 2019"])
def test_a_history_of_years_split_by_semicolons_gives_each_year_its_figures(gazetteer, opener):
    text = ("Chỉ số CCHC của tỉnh Kon Tum qua các năm\n\n"
            f"Năm 2018, tỉnh Kon Tum đứng ở vị trí thứ 55 với 76,35%; {opener}, tỉnh giảm 4 bậc xuống thứ 59 "
            "(78,02%); năm 2020, tỉnh vươn lên vị trí 40 với 83,11%.")
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Kon Tum", "PAR", 2018): (76.35, 55), ("Tỉnh Kon Tum", "PAR", 2019): (78.02, 59),
        ("Tỉnh Kon Tum", "PAR", 2020): (83.11, 40)}


@pytest.mark.parametrize("clause", ["về DDCI, huyện đạt 72,36 điểm, xếp thứ 4",
                                    "riêng Chỉ số DDCI, huyện đạt 72,36 điểm, xếp thứ 4",
                                    "đối với DDCI, huyện xếp thứ 4 với 72,36 điểm"])
def test_another_index_opening_a_clause_takes_the_figures_after_it(gazetteer, clause):
    text = ("Kết quả Chỉ số CCHC năm 2022 của các huyện tỉnh Lạng Sơn\n\n"
            f"Huyện Cao Lộc xếp thứ 2 khối huyện với 86,12 điểm; {clause}.")
    assert text_facts(gazetteer, text, "Lạng Sơn") == {
        ("Huyện Cao Lộc", "PAR", 2022): (86.12, 2), ("Huyện Cao Lộc", "DDCI", 2022): (72.36, 4)}


@pytest.mark.parametrize("lead", ["Xếp cuối 2 đơn vị là", "Đứng cuối bảng 2 đơn vị là", "Xếp cuối là 2 đơn vị:"])
def test_the_n_units_listed_after_xep_cuoi_are_the_last_n_of_the_bloc(gazetteer, lead):
    text = ("Chỉ số CCHC năm 2021 của các sở tỉnh Hà Tĩnh\n\n"
            f"Khối sở có 20 đơn vị. Sở Tư pháp dẫn đầu với 90,12 điểm. {lead} Sở Y tế (78,1 điểm) và Sở Xây dựng "
            "(77,5 điểm).")
    assert text_facts(gazetteer, text, "Hà Tĩnh") == {
        ("Sở Tư pháp", "PAR", 2021): (90.12, 1), ("Sở Y tế", "PAR", 2021): (78.1, 19),
        ("Sở Xây dựng", "PAR", 2021): (77.5, 20)}


def test_the_n_units_listed_after_xep_cuoi_are_not_a_bloc_of_n(gazetteer):
    # no size of the bloc known: the last two are not places 1 and 2 of a bloc of two
    text = ("Chỉ số CCHC năm 2021 của các sở tỉnh Hà Tĩnh\n\n"
            "Sở Tư pháp dẫn đầu với 90,12 điểm. Xếp cuối 2 đơn vị là Sở Y tế (78,1 điểm) và Sở Xây dựng (77,5 điểm).")
    assert text_facts(gazetteer, text, "Hà Tĩnh") == {
        ("Sở Tư pháp", "PAR", 2021): (90.12, 1), ("Sở Y tế", "PAR", 2021): (78.1, None),
        ("Sở Xây dựng", "PAR", 2021): (77.5, None)}


def test_leading_a_bloc_of_n_still_states_its_size(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của các sở tỉnh Hà Tĩnh\n\n"
            "Sở Tư pháp dẫn đầu 20 sở, ngành với 90,12 điểm; Sở Xây dựng xếp cuối với 77,5 điểm.")
    assert text_facts(gazetteer, text, "Hà Tĩnh") == {
        ("Sở Tư pháp", "PAR", 2021): (90.12, 1), ("Sở Xây dựng", "PAR", 2021): (77.5, 20)}


@pytest.mark.parametrize("bullet", ["+ ", "- ", "• ", "  + "])
def test_list_lines_written_score_first_give_the_unit_its_score(gazetteer, bullet):
    text = ("Kết quả Chỉ số CCHC năm 2020 các sở tỉnh Phú Yên\n\nKết quả cụ thể như sau:\n"
            f"{bullet}91,25 điểm - Sở Tư pháp - thứ 1\n{bullet}89,5 điểm - Sở Nội vụ - thứ 2\n"
            f"{bullet}88,02 điểm - Sở Tài chính - thứ 3\n")
    assert text_facts(gazetteer, text, "Phú Yên") == {
        ("Sở Tư pháp", "PAR", 2020): (91.25, 1), ("Sở Nội vụ", "PAR", 2020): (89.5, 2),
        ("Sở Tài chính", "PAR", 2020): (88.02, 3)}


def test_a_score_first_line_that_states_its_own_score_keeps_it(gazetteer):
    # the first number is the line's number of points gained ("tăng"), the unit's score is its own
    text = ("Kết quả Chỉ số CCHC năm 2020 các sở tỉnh Phú Yên\n\n"
            "Sở Tư pháp đạt 91,25 điểm, tăng 2,5 điểm so với năm 2019 (+2,5 điểm).")
    assert text_facts(gazetteer, text, "Phú Yên") == {("Sở Tư pháp", "PAR", 2020): (91.25, None)}
