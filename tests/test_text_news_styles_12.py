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


@pytest.mark.parametrize("verb", ["xếp", "đứng"])
def test_a_place_out_of_the_bloc_without_thu(gazetteer, verb):
    text = ("Chỉ số CCHC năm 2020 của 63 tỉnh, thành phố\n\n"
            f"Cà Mau {verb} 58/63 với 79,12%; Kiên Giang {verb} 49/63.")
    assert text_facts(gazetteer, text, None) == {("Tỉnh Cà Mau", "PAR", 2020): (79.12, 58),
                                                 ("Tỉnh Kiên Giang", "PAR", 2020): (None, 49)}


def test_a_date_after_xep_is_no_place(gazetteer):
    text = ("Chỉ số CCHC năm 2020 của các sở tỉnh Cà Mau\n\n"
            "Kết quả được công bố ngày 12/3/2021, Sở Tư pháp xếp thứ nhất với 90,2 điểm.")
    assert text_facts(gazetteer, text, "Cà Mau") == {("Sở Tư pháp", "PAR", 2020): (90.2, 1)}


def test_hang_with_the_number_words_five_to_nine(gazetteer):
    text = ("Chỉ số CCHC năm 2023 các huyện tỉnh Long An\n\n"
            "Huyện Đức Hòa hạng năm, huyện Bến Lức hạng sáu, huyện Cần Giuộc hạng bảy, huyện Cần Đước hạng tám và "
            "huyện Thủ Thừa hạng chín.")
    assert {k: v[1] for k, v in text_facts(gazetteer, text, "Long An").items()} == {
        ("Huyện Đức Hòa", "PAR", 2023): 5, ("Huyện Bến Lức", "PAR", 2023): 6, ("Huyện Cần Giuộc", "PAR", 2023): 7,
        ("Huyện Cần Đước", "PAR", 2023): 8, ("Huyện Thủ Thừa", "PAR", 2023): 9}


def test_hang_nam_before_a_year_is_still_the_year(gazetteer):
    text = "Chỉ số CCHC các huyện tỉnh Long An\n\nKết quả xếp hạng năm 2023: huyện Đức Hòa dẫn đầu với 89,1 điểm."
    assert text_facts(gazetteer, text, "Long An") == {("Huyện Đức Hòa", "PAR", 2023): (89.1, 1)}


def test_a_name_of_two_places_joined_by_a_dash_is_one_name(gazetteer):
    text = ("Khánh Hòa công bố Chỉ số CCHC năm 2025\n\n"
            "Năm 2024, thành phố Phan Rang - Tháp Chàm xếp thứ nhất khối huyện của tỉnh Ninh Thuận cũ.")
    assert text_facts(gazetteer, text, None) == {("Thành phố Phan Rang - Tháp Chàm", "PAR", 2024): (None, 1)}


@pytest.mark.parametrize("opening", ["Trước sắp xếp, năm 2024,", "Trước khi sáp nhập, năm 2024,"])
def test_a_year_after_a_phrase_on_the_time_before_the_merger_names_that_years_units(gazetteer, opening):
    text = f"Công bố Chỉ số CCHC năm 2025 của 34 tỉnh, thành phố\n\n{opening} tỉnh Thừa Thiên Huế xếp thứ 6/63."
    assert text_facts(gazetteer, text, None) == {("Tỉnh Thừa Thiên Huế", "PAR", 2024): (None, 6)}


def test_a_unit_that_began_after_the_year_is_said_to_have_begun(gazetteer):
    from flows.extract.text import extract_text

    text = "Chỉ số CCHC năm 2025 của 34 tỉnh, thành phố\n\nThành phố Huế xếp thứ 11/63 trong năm 2024."
    message = extract_text(text, gazetteer)["rejects"][0]["message"]
    assert "Thành phố Huế began on 2025-01-01, after 2024" in message


def test_a_group_of_the_last_n_keeps_its_places_when_its_last_unit_is_introduced_apart(gazetteer):
    text = ("Chỉ số CCHC năm 2021 các huyện tỉnh Thanh Hóa\n\n"
            "Khối 27 huyện, thị xã, thành phố: thành phố Sầm Sơn dẫn đầu. Ba đơn vị có chỉ số thấp nhất là huyện "
            "Mường Lát 72,1 điểm, huyện Quan Sơn 71,6 điểm và xếp cuối bảng là huyện Quan Hóa với 70,2 điểm.")
    facts = text_facts(gazetteer, text, "Thanh Hóa")
    assert {k[0]: v for k, v in facts.items() if k[0] != "Thành phố Sầm Sơn"} == {
        "Huyện Mường Lát": (72.1, 25), "Huyện Quan Sơn": (71.6, 26), "Huyện Quan Hóa": (70.2, 27)}


@pytest.mark.parametrize("sentence, expected", [
    ("Ninh Thuan improved its score by 2.5 points but remained 60th.", (None, 60)),
    ("Ninh Thuan (60th, 78.05 points) was near the bottom.", (78.05, 60)),
    ("Ninh Thuan's PAR Index 2019 was 78.05 points (60th of 63).", (78.05, 60)),
    ("Ninh Thuan stayed at 60th place with 78.05 points.", (78.05, 60)),
], ids=["remained", "brackets with score", "brackets with size", "stayed at"])
def test_english_places_written_without_a_ranking_verb(gazetteer, sentence, expected):
    text = f"PAR Index 2019\n\n{sentence}"
    assert text_facts(gazetteer, text, None)[("Tỉnh Ninh Thuận", "PAR", 2019)] == expected


def test_english_kept_its_leading_position(gazetteer):
    text = "Can Tho PAR Index 2022\n\nNinh Kieu District kept its leading position with 91.4 points."
    assert text_facts(gazetteer, text, "Cần Thơ") == {("Quận Ninh Kiều", "PAR", 2022): (91.4, 1),
                                                      ("Quận Ninh Kiều", "PAR", 2021): (None, 1)}


@pytest.mark.parametrize("verb", ["tied for last place", "shared the last place"])
def test_english_two_units_sharing_the_last_place(gazetteer, verb):
    text = ("Can Tho PAR Index 2022\n\nAmong the nine districts, Ninh Kieu District came first with 91.4 points. "
            f"Vinh Thanh District and Co Do District {verb} with 80.2 points.")
    facts = text_facts(gazetteer, text, "Cần Thơ")
    assert facts[("Huyện Vĩnh Thạnh", "PAR", 2022)] == facts[("Huyện Cờ Đỏ", "PAR", 2022)] == (80.2, 8)


def test_english_a_range_of_places_given_to_the_units_after_it(gazetteer):
    text = ("Can Tho PAR Index 2022\n\nThe second to fourth places went to Cai Rang District (90.1 points), "
            "Binh Thuy District (89.7 points) and O Mon District (88.2 points).")
    assert {k[0]: v for k, v in text_facts(gazetteer, text, "Cần Thơ").items()} == {
        "Quận Cái Răng": (90.1, 2), "Quận Bình Thủy": (89.7, 3), "Quận Ô Môn": (88.2, 4)}


def test_english_places_after_units_with_the_verb_left_out(gazetteer):
    text = ("Can Tho PAR Index 2022\n\n"
            "The Department of Finance ranked 15th, the Department of Health 16th and the Department of Justice 17th.")
    assert {k[0]: v[1] for k, v in text_facts(gazetteer, text, "Cần Thơ").items()} == {
        "Sở Tài chính": 15, "Sở Y tế": 16, "Sở Tư pháp": 17}


def test_english_the_state_bank_and_a_score_after_at(gazetteer):
    text = ("PAR Index 2021 of ministries\n\nThe Ministry of Home Affairs ranked first, at 90.3 points, followed by "
            "the State Bank (89.9) and the Ministry of Justice (89.5).")
    assert {k[0]: v for k, v in text_facts(gazetteer, text, None).items()} == {
        "Bộ Nội vụ": (90.3, 1), "Ngân hàng Nhà nước Việt Nam": (89.9, 2), "Bộ Tư pháp": (89.5, 3)}


def test_english_a_bound_shared_by_the_bottom_units(gazetteer):
    from flows.extract.text import extract_text

    text = ("PAR Index 2017\n\nThe bottom two were Kon Tum and Lai Chau, which ranked 62nd and 63rd respectively, "
            "both with fewer than 76 points.")
    facts = extract_text(text, gazetteer)["facts"]
    assert {(f["unit"], f["rank"], f["score_max"]) for f in facts} == {("Tỉnh Kon Tum", 62, 76.0),
                                                                       ("Tỉnh Lai Châu", 63, 76.0)}


def test_english_the_province_of_a_new_paragraph_is_the_one_figures_were_read_for(gazetteer):
    text = ("Ben Tre tops PAR Index 2017\n\nBen Tre Province has come first in the PAR Index 2017, the Ministry of "
            "Home Affairs announced in Ha Noi.\n\nThe province scored 88.4 points, ahead of Tra Vinh Province with "
            "87.9 points.")
    assert text_facts(gazetteer, text, None) == {("Tỉnh Bến Tre", "PAR", 2017): (88.4, 1),
                                                 ("Tỉnh Trà Vinh", "PAR", 2017): (87.9, 2)}


@pytest.mark.parametrize("sentence, expected", [
    ("Thị xã Bình Long dẫn đầu với 90,1 điểm (2021: 87,12 điểm; 2022: 88,40 điểm).",
     {2021: (87.12, None), 2022: (88.4, None), 2023: (90.1, 1)}),
    ("Thị xã Bình Long xếp thứ 2 năm 2023 (2020: thứ 7; 2021: thứ 9; 2022: thứ 5).",
     {2020: (None, 7), 2021: (None, 9), 2022: (None, 5), 2023: (None, 2)}),
    ("Thị xã Bình Long nhiều năm xếp thứ hai: năm 2020 (thứ 2), năm 2021 (thứ 2), năm 2022 (thứ 3).",
     {2020: (None, 2), 2021: (None, 2), 2022: (None, 3)}),
    ("Năm 2023, thị xã Bình Long xếp thứ nhất với 90,1 điểm (năm 2021 đạt 87,12 điểm, năm 2022 đạt 88,4 điểm).",
     {2021: (87.12, None), 2022: (88.4, None), 2023: (90.1, 1)}),
], ids=["year: score", "year: rank", "năm Y (rank)", "năm Y đạt"])
def test_a_list_of_years_each_with_its_figures(gazetteer, sentence, expected):
    text = f"Chỉ số CCHC năm 2023 các huyện tỉnh Bình Phước\n\n{sentence}"
    facts = text_facts(gazetteer, text, "Bình Phước")
    assert {k[2]: v for k, v in facts.items() if k[0] == "Thị xã Bình Long"} == expected


def test_index_years_in_a_row_are_no_list_of_years(gazetteer):
    text = ("Chỉ số CCHC năm 2019 tỉnh Quảng Bình\n\n"
            "PAR Index 2019 của Quảng Bình đạt 80,96 điểm, xếp thứ 41/63; PAPI 2019 xếp thứ 20 và PCI 2019 xếp thứ 52.")
    facts = text_facts(gazetteer, text, None)
    assert facts[("Tỉnh Quảng Bình", "PAR", 2019)] == (80.96, 41)
    assert facts[("Tỉnh Quảng Bình", "PCI", 2019)] == (None, 52)


def test_a_year_with_a_colon_before_a_count_is_no_list(gazetteer):
    text = ("Chỉ số CCHC năm 2019 các quận, huyện thành phố Hải Phòng\n\n"
            "Điểm số năm 2019 cao hơn năm 2018: 14/15 quận, huyện đạt trên 80 điểm. Quận Lê Chân xếp thứ ba.")
    assert text_facts(gazetteer, text, "Hải Phòng") == {("Quận Lê Chân", "PAR", 2019): (None, 3)}


def test_english_the_lowest_was_is_the_last_place_not_the_next(gazetteer):
    text = ("Can Tho SIPAS 2024 of nine districts\n\nNinh Kieu District posted the highest SIPAS among Can Tho's nine "
            "districts, at 93.1%. Cai Rang District ranked second at 92.4%. The lowest was Co Do District (85.2%).")
    assert text_facts(gazetteer, text, "Cần Thơ")[("Huyện Cờ Đỏ", "SIPAS", 2024)] == (85.2, 9)


def test_english_the_lowest_without_a_bloc_size_has_no_place(gazetteer):
    text = ("Can Tho SIPAS 2024\n\nNinh Kieu District came first at 93.1%. Cai Rang District ranked second at 92.4%. "
            "Co Do District was the lowest at 85.2%.")
    assert text_facts(gazetteer, text, "Cần Thơ")[("Huyện Cờ Đỏ", "SIPAS", 2024)] == (85.2, None)


def test_units_also_among_the_group_of_the_lowest_are_not_its_last_places(gazetteer):
    text = ("Chỉ số SIPAS năm 2021 của 63 tỉnh, thành phố\n\nKon Tum có chỉ số thấp nhất, 74,1%. Lai Châu (74,9%) và "
            "Điện Biên (75,2%) cũng nằm trong nhóm 5 địa phương có chỉ số thấp nhất.")
    facts = text_facts(gazetteer, text, None)
    assert facts[("Tỉnh Kon Tum", "SIPAS", 2021)] == (74.1, 63)
    assert facts[("Tỉnh Lai Châu", "SIPAS", 2021)] == (74.9, None)
    assert facts[("Tỉnh Điện Biên", "SIPAS", 2021)] == (75.2, None)


def test_the_first_of_a_band_is_not_the_first_of_the_ranking(gazetteer):
    # the band before it holds two units, both placed: it comes third by its score, not first
    text = ("Chỉ số CCHC năm 2023 của 17 bộ, cơ quan ngang bộ\n\nNhóm A (trên 90%) gồm 2 đơn vị: Bộ Tư pháp xếp "
            "thứ nhất với 92,1%, Bộ Nội vụ xếp thứ nhì với 91,3%. Nhóm B (từ 80% đến 90%) gồm 12 đơn vị, trong đó "
            "đứng đầu nhóm là Bộ Tài chính (89,4%).")
    facts = text_facts(gazetteer, text, None)
    assert facts[("Bộ Tài chính", "PAR", 2023)] == (89.4, 3)


@pytest.mark.parametrize("places", ["Các vị trí còn lại lần lượt thuộc về", "Các vị trí tiếp theo lần lượt thuộc về"])
def test_the_remaining_places_in_turn_go_on_from_the_last_one_placed(gazetteer, places):
    text = ("Chỉ số CCHC năm 2025 các xã, phường tỉnh Tuyên Quang\n\nPhường Minh Xuân đứng đầu khối phường với 91,2 "
            f"điểm. {places} phường Nông Tiến (89,9 điểm) và phường An Tường (88,4 điểm).")
    facts = text_facts(gazetteer, text, "Tuyên Quang")
    assert facts[("Phường Nông Tiến", "PAR", 2025)] == (89.9, 2)
    assert facts[("Phường An Tường", "PAR", 2025)] == (88.4, 3)


def test_a_unit_not_ranked_together_keeps_the_blocs_apart(gazetteer):
    text = ("Quảng Ninh công bố Chỉ số CCHC năm 2025 của 54 xã, phường, đặc khu\n\nTrong khối 30 phường, phường Bãi "
            "Cháy dẫn đầu với 92,1 điểm. Phường Mông Dương đứng chót khối phường với 81,2 điểm.\n\n"
            "Đặc khu Cô Tô không xếp hạng chung mà được đánh giá riêng, đạt 86,5 điểm.")
    facts = text_facts(gazetteer, text, "Quảng Ninh")
    assert facts[("Phường Mông Dương", "PAR", 2025)] == (81.2, 30)


@pytest.mark.parametrize("title, body", [
    ("Cần Thơ: mức độ hài lòng năm 2022 của 9 quận, huyện", "Huyện Cờ Đỏ xếp cuối với 85,2%."),
    ("Cần Thơ công bố Chỉ số hài lòng năm 2022",
     "Mức độ hài lòng chung của 9 quận, huyện đạt 90,3%. Huyện Cờ Đỏ xếp cuối với 85,2%."),
    ("Can Tho announces 2022 SIPAS results for its 9 districts", "Co Do District ranked last with 85.2 percent."),
], ids=["quận, huyện in a title", "the bloc's average", "English for its N districts"])
def test_the_size_of_a_bloc_stated_in_other_words(gazetteer, title, body):
    facts = text_facts(gazetteer, f"{title}\n\n{body}", "Cần Thơ")
    assert facts[("Huyện Cờ Đỏ", "SIPAS", 2022)] == (85.2, 9)


def test_some_units_above_a_bound_are_no_bloc_size(gazetteer):
    text = ("Cần Thơ công bố Chỉ số CCHC năm 2022\n\nCó 5 quận, huyện đạt trên 90 điểm. Huyện Cờ Đỏ xếp cuối với "
            "80,2 điểm.")
    assert text_facts(gazetteer, text, "Cần Thơ")[("Huyện Cờ Đỏ", "PAR", 2022)] == (80.2, None)


def test_english_a_run_of_places_written_from_to(gazetteer):
    text = ("Can Tho PAR Index 2022\n\nNinh Kieu District came first. Cai Rang District, Binh Thuy District and "
            "O Mon District ranked from second to fourth.")
    assert {k[0]: v[1] for k, v in text_facts(gazetteer, text, "Cần Thơ").items()} == {
        "Quận Ninh Kiều": 1, "Quận Cái Răng": 2, "Quận Bình Thủy": 3, "Quận Ô Môn": 4}


def test_english_the_bloc_of_n_localities(gazetteer):
    text = ("Can Tho PAR Index 2022\n\nFor the bloc of nine localities, Ninh Kieu District took the lead at 91.2%. "
            "Co Do District was at the bottom with 83.1%.")
    assert text_facts(gazetteer, text, "Cần Thơ")[("Huyện Cờ Đỏ", "PAR", 2022)] == (83.1, 9)


def test_english_two_units_came_next_with_two_scores(gazetteer):
    text = ("Can Tho PAR Index 2022\n\nNinh Kieu District ranked first with 91.2 points. Cai Rang District and "
            "Binh Thuy District came next with 90.4 and 89.9 points.")
    facts = text_facts(gazetteer, text, "Cần Thơ")
    assert facts[("Quận Cái Răng", "PAR", 2022)] == (90.4, 2)
    assert facts[("Quận Bình Thủy", "PAR", 2022)] == (89.9, 3)


@pytest.mark.parametrize("sentence, key, expected", [
    ("It had ranked 14th in 2021.", ("Quận Ô Môn", "PAR", 2021), (None, 14)),
    ("It scored 86.3 points.", ("Quận Ô Môn", "PAR", 2022), (86.3, 7)),
], ids=["had ranked", "scored"])
def test_english_it_as_the_subject_is_the_unit_named_before(gazetteer, sentence, key, expected):
    text = f"Can Tho PAR Index 2022\n\nO Mon District finished seventh. {sentence}"
    assert text_facts(gazetteer, text, "Cần Thơ")[key] == expected


@pytest.mark.parametrize("sentence", [
    "Thành phố Đồng Xoài 3 năm liên tiếp (2019-2021) xếp thứ nhất khối huyện.",
    "Thành phố Đồng Xoài xếp thứ nhất 3 năm liên tiếp (2019-2021).",
    "Từ năm 2019 đến năm 2021, thành phố Đồng Xoài đều xếp thứ nhất.",
], ids=["streak then span", "span after", "từ ... đến ... đều"])
def test_a_place_held_over_a_span_that_ends_before_the_texts_year(gazetteer, sentence):
    text = f"Nhìn lại Chỉ số CCHC các huyện tỉnh Bình Phước\n\n{sentence}"
    facts = text_facts(gazetteer, text, "Bình Phước", 2023)
    assert {k[2]: v for k, v in facts.items()} == {2019: (None, 1), 2020: (None, 1), 2021: (None, 1)}


def test_a_span_with_a_score_for_each_year_in_turn(gazetteer):
    text = ("Chỉ số CCHC tỉnh Bình Phước\n\nTừ năm 2019 đến năm 2021, tỉnh Bình Phước liên tục xếp thứ 5 cả nước "
            "với số điểm lần lượt là 85,1; 86,3 và 87,9.")
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Bình Phước", "PAR", 2019): (85.1, 5), ("Tỉnh Bình Phước", "PAR", 2020): (86.3, 5),
        ("Tỉnh Bình Phước", "PAR", 2021): (87.9, 5)}


def test_a_lead_without_a_year_takes_the_year_the_text_writes_with_the_index(gazetteer):
    text = ("Da Nang tops the ranking again\n\nDa Nang has led the PAR Index for the third consecutive year, the "
            "ministry announced on Tuesday.\n\nThe city scored 89.1 percent in the 2017 PAR Index.")
    facts = text_facts(gazetteer, text, None)
    assert facts[("Thành phố Đà Nẵng", "PAR", 2017)] == (89.1, 1)
    assert facts[("Thành phố Đà Nẵng", "PAR", 2015)] == (None, 1)


def test_a_text_with_no_year_at_all_states_no_fact(gazetteer):
    text = "Da Nang tops the ranking again\n\nDa Nang has led the PAR Index for the third consecutive year."
    assert text_facts(gazetteer, text, None) == {}


@pytest.mark.parametrize("sentence, unit, expected", [
    ("O Mon District was the leading locality with 90.1 points.", "Quận Ô Môn", (90.1, 1)),
    ("Department of Health: 12th out of 19 (84.3 points).", "Sở Y tế", (84.3, 12)),
    ("Cai Rang District scored 88.2 points and ranked fourth; Co Do District, fifth, had 86.9 points.",
     "Huyện Cờ Đỏ", (86.9, 5)),
    ("Cai Rang District ranked fourth, and Co Do District fifth.", "Huyện Cờ Đỏ", (None, 5)),
], ids=["leading locality", "colon", "between commas", "verb left out, in words"])
def test_english_places_written_as_asides(gazetteer, sentence, unit, expected):
    text = f"Can Tho PAR Index 2022\n\n{sentence}"
    assert text_facts(gazetteer, text, "Cần Thơ")[(unit, "PAR", 2022)] == expected


def test_english_an_ordinal_word_after_the_is_no_place(gazetteer):
    text = "Can Tho PAR Index 2022\n\nCo Do District improved for the second."
    assert text_facts(gazetteer, text, "Cần Thơ") == {}


def test_figures_in_brackets_after_a_year_written_after_the_place_are_that_years(gazetteer):
    text = ("Chỉ số CCHC các huyện tỉnh Bình Phước\n\nNăm 2021, thị xã Bình Long xếp thứ 2. Thành phố Đồng Xoài, "
            "đơn vị dẫn đầu năm 2022 (88,9 điểm), năm 2023 xếp thứ hai. Trong khi đó, huyện Bù Đốp xếp cuối bảng "
            "năm 2022 (thứ 11/11).")
    facts = text_facts(gazetteer, text, "Bình Phước")
    assert {k: v for k, v in facts.items() if k[0] != "Thị xã Bình Long"} == {
        ("Thành phố Đồng Xoài", "PAR", 2022): (88.9, 1), ("Thành phố Đồng Xoài", "PAR", 2023): (None, 2),
        ("Huyện Bù Đốp", "PAR", 2022): (None, 11)}


def test_english_a_score_after_the_year_of_its_place(gazetteer):
    text = ("Binh Phuoc's PAR Index over the years\n\nBinh Phuoc Province ranked 30th in the PAR Index in 2015. "
            "It climbed to 12th in 2017 with 81.95 points.")
    facts = text_facts(gazetteer, text, None)
    assert facts[("Tỉnh Bình Phước", "PAR", 2017)] == (81.95, 12)
    assert facts[("Tỉnh Bình Phước", "PAR", 2015)] == (None, 30)


@pytest.mark.parametrize("sentence, expected", [
    ("Binh Phuoc Province climbed to 12th in 2017 and reached 8th in 2019 (83.04 points).", (83.04, 8)),
    ("Binh Phuoc Province secured fifth place in 2019 with 85.2 points.", (85.2, 5)),
], ids=["reached", "secured"])
def test_english_places_reached_or_secured(gazetteer, sentence, expected):
    text = f"Binh Phuoc PAR Index 2019\n\n{sentence}"
    assert text_facts(gazetteer, text, None)[("Tỉnh Bình Phước", "PAR", 2019)] == expected


def test_all_the_units_below_a_bound_in_falling_order_are_the_last_places(gazetteer):
    text = ("Bình Phước: mức độ hài lòng đối với 11 huyện, thị xã, thành phố năm 2023\n\n"
            "Có 3 huyện đạt dưới 85%, gồm huyện Bù Gia Mập 84,9%, huyện Bù Đốp 84,2% và huyện Lộc Ninh 83,1%, xếp "
            "theo thứ tự từ cao xuống thấp.")
    assert {k[0]: v for k, v in text_facts(gazetteer, text, "Bình Phước").items()} == {
        "Huyện Bù Gia Mập": (84.9, 9), "Huyện Bù Đốp": (84.2, 10), "Huyện Lộc Ninh": (83.1, 11)}


def test_units_below_a_bound_not_said_to_be_in_order_get_no_places(gazetteer):
    text = ("Bình Phước: mức độ hài lòng đối với 11 huyện, thị xã, thành phố năm 2023\n\n"
            "Có 3 huyện đạt dưới 85%, gồm huyện Bù Gia Mập 84,9%, huyện Bù Đốp 84,2% và huyện Lộc Ninh 83,1%.")
    assert {v[1] for v in text_facts(gazetteer, text, "Bình Phước").values()} == {None}
