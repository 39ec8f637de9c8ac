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


@pytest.mark.parametrize("dateline", ["HUE, Feb. 20, 2026 -", "HUE, Jan 9, 2026 —", "HUE, Sept. 3, 2026 -",
                                      "HUE, 20 February 2026 -"])
def test_a_wire_datelines_year_is_not_the_year_of_the_results(gazetteer, dateline):
    text = ("Hue announces the 2025 PAR Index of its wards\n\n"
            f"{dateline} The People's Committee of Hue City has published the 2025 PAR Index of its wards.\n\n"
            "Among the wards, Thuan Hoa Ward ranked first with 90.25 points.")
    facts = text_facts(gazetteer, text, None)
    assert {(u, i, y) for u, i, y in facts} == {("Phường Thuận Hóa", "PAR", 2025)}


def test_a_year_closing_the_phrase_a_figure_is_compared_with_is_not_the_texts(gazetteer):
    text = ("Phú Thọ công bố Chỉ số hài lòng năm 2025\n\n"
            "Chỉ số SIPAS chung của tỉnh đạt 87,2%, cao hơn 0,8 điểm phần trăm so với mức trung bình của các "
            "tỉnh năm 2024.\n\nPhường Vĩnh Phúc xếp thứ hai với 91,35%.")
    assert text_facts(gazetteer, text, None) == {("Phường Vĩnh Phúc", "SIPAS", 2025): (91.35, 2)}


def test_a_comparison_opening_a_sentence_still_sets_its_year(gazetteer):
    text = ("Chỉ số CCHC năm 2025 cấp xã tỉnh Quảng Ngãi\n\n"
            "So với kỳ đánh giá năm 2024 (cấp huyện), huyện Sơn Tịnh khi đó xếp thứ 4/13 với 86,1 điểm.")
    assert text_facts(gazetteer, text, "Quảng Ngãi") == {("Huyện Sơn Tịnh", "PAR", 2024): (86.1, 4)}


@pytest.mark.parametrize("merger", ["sau khi hợp nhất tỉnh Gia Lai và tỉnh Bình Định",
                                    "sau sáp nhập Bình Định vào Gia Lai"])
def test_a_department_text_naming_the_merged_provinces_is_the_merged_provinces(gazetteer, merger):
    text = ("Gia Lai công bố Chỉ số CCHC các sở năm 2025\n\n"
            f"Đây là kỳ đánh giá đầu tiên {merger}. Sở Nội vụ đứng đầu với 92,4 điểm.")
    assert text_facts(gazetteer, text, None) == {("Sở Nội vụ", "PAR", 2025): (92.4, 1)}


def test_a_national_text_naming_merged_provinces_keeps_no_province(gazetteer):
    from flows.extract.text import extract_text

    text = ("PAR Index 2025 of the 34 provinces\n\n"
            "Gia Lai, enlarged by its merger with Binh Dinh, placed sixth with 88.7 points.")
    assert extract_text(text, gazetteer)["source"]["province"] is None


@pytest.mark.parametrize("name", ["Sở Tài chính tỉnh Quảng Trị", "Sở Tài chính Quảng Trị",
                                  "sở Tài chính tỉnh Quảng Trị"])
def test_a_department_named_with_its_province_is_one_unit(gazetteer, name):
    text = f"Quảng Trị: Chỉ số CCHC năm 2022 của các sở, ngành\n\n{name} xếp thứ nhất với 90,8 điểm."
    assert text_facts(gazetteer, text, None) == {("Sở Tài chính", "PAR", 2022): (90.8, 1)}


@pytest.mark.parametrize("name, unit", [("Cục Thuế Quảng Trị", "Cục Thuế tỉnh"),
                                        ("Bảo hiểm xã hội Quảng Trị", "Bảo hiểm xã hội tỉnh"),
                                        ("Cục Hải quan tỉnh Quảng Trị", "Cục Hải quan tỉnh")])
def test_an_agency_of_the_centre_named_with_its_province_without_tinh(gazetteer, name, unit):
    text = (f"Quảng Trị: Chỉ số CCHC năm 2022 khối cơ quan Trung ương đóng trên địa bàn\n\n"
            f"{name} xếp thứ hai với 89,15 điểm.")
    assert text_facts(gazetteer, text, None) == {(unit, "PAR", 2022): (89.15, 2)}


def test_the_provincial_radio_and_television_station_is_a_unit_not_its_province(gazetteer):
    text = ("Quảng Trị: Chỉ số CCHC năm 2022 các cơ quan, đơn vị\n\n"
            "Đài Phát thanh - Truyền hình Quảng Trị đạt 84,6 điểm, xếp thứ năm. Năm 2022, Chỉ số CCHC của tỉnh "
            "Quảng Trị đạt 84,9%, xếp thứ 35/63.")
    assert text_facts(gazetteer, text, None) == {
        ("Đài Phát thanh và Truyền hình Quảng Trị", "PAR", 2022): (84.6, 5),
        ("Tỉnh Quảng Trị", "PAR", 2022): (84.9, 35)}


def test_a_table_row_naming_a_department_with_its_province(gazetteer, tmp_path):
    from flows.extract import extract_path

    path = tmp_path / "quang-tri-2022.md"
    path.write_text("Quảng Trị: Chỉ số CCHC năm 2022 các sở\n\n| TT | Đơn vị | Điểm | Xếp hạng |\n|---|---|---|---|\n"
                    "| 1 | Sở Tài chính tỉnh Quảng Trị | 90,8 | 1 |\n| 2 | Sở Y tế | 88,1 | 2 |\n", encoding="utf-8")
    result = extract_path(path, gazetteer)
    assert {(f["unit"], f["score"], f["rank"]) for f in result["facts"]} == {
        ("Sở Tài chính", 90.8, 1), ("Sở Y tế", 88.1, 2)}
    assert result["rejects"] == []


def _ratings(gazetteer, text: str) -> tuple[dict, set]:
    from flows.extract.text import extract_text

    result = extract_text(text, gazetteer, None, "Quảng Trị")
    return ({(f["unit"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]},
            {(r["unit"], r["title"], r["year"], r["rating"]) for r in result["leader_ratings"]})


@pytest.mark.parametrize("head", [", người đứng đầu xếp loại hoàn thành xuất sắc nhiệm vụ",
                                  "; người đứng đầu Sở được đánh giá hoàn thành xuất sắc nhiệm vụ",
                                  ", Giám đốc Sở xếp loại hoàn thành xuất sắc nhiệm vụ",
                                  ". Người đứng đầu được xếp loại hoàn thành xuất sắc nhiệm vụ"])
def test_the_heads_rating_after_a_units_figures_keeps_both(gazetteer, head):
    facts, ratings = _ratings(gazetteer, "Quảng Trị: Chỉ số CCHC năm 2022 của các sở, ngành\n\n"
                                         f"Sở Xây dựng xếp thứ ba với 88,4 điểm{head}.")
    assert facts == {("Sở Xây dựng", 2022): (88.4, 3)}
    assert ratings == {("Sở Xây dựng", "Giám đốc", 2022, "hoàn thành xuất sắc nhiệm vụ")}


def test_the_heads_own_score_is_not_the_units_index(gazetteer):
    facts, ratings = _ratings(gazetteer, "Quảng Trị: Chỉ số CCHC năm 2022 của các sở, ngành\n\n"
                                         "Điểm đánh giá người đứng đầu của Giám đốc Sở Y tế đạt 96 điểm, xếp loại "
                                         "hoàn thành tốt nhiệm vụ.")
    assert facts == {}
    assert ratings == {("Sở Y tế", "Giám đốc", 2022, "hoàn thành tốt nhiệm vụ")}
