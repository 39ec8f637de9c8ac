"""The text extractor on constructions of an eleventh round of announcements, written for these tests: places
counted up from the last one for two units at once, a place held over several years listed together, two-word
headlines."""

from __future__ import annotations

import pytest

from tests.helpers import text_facts


@pytest.mark.parametrize("sentence", [
    "Soc Trang and Bac Lieu, at 78.02 and 78.40 percent, were the second and third lowest.",
    "Soc Trang and Bac Lieu, at 78.02 and 78.40 percent, were the second- and third-lowest.",
    "Soc Trang (78.02 percent) and Bac Lieu (78.40 percent) were the 2nd and 3rd lowest.",
], ids=["words", "hyphens", "digits"])
def test_two_units_counted_up_from_the_last_place_one_each(gazetteer, sentence):
    text = f"SIPAS 2019\n\nAmong the 63 provinces, Ca Mau came bottom with 77.15 percent. {sentence}"
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Cà Mau", "SIPAS", 2019): (77.15, 63), ("Tỉnh Sóc Trăng", "SIPAS", 2019): (78.02, 62),
        ("Tỉnh Bạc Liêu", "SIPAS", 2019): (78.4, 61)}


def test_one_unit_second_lowest_is_still_one_above_the_last(gazetteer):
    text = "SIPAS 2019\n\nAmong the 63 provinces, Soc Trang was the second lowest at 78.02 percent."
    assert text_facts(gazetteer, text, None) == {("Tỉnh Sóc Trăng", "SIPAS", 2019): (78.02, 62)}


def test_two_places_above_the_last_for_three_units_are_not_shared_out(gazetteer):
    # three units, two places: which unit had which is not said
    text = ("SIPAS 2019\n\nAmong the 63 provinces, Soc Trang, Bac Lieu and Ca Mau were the second and third "
            "lowest.")
    assert text_facts(gazetteer, text, None) == {}


@pytest.mark.parametrize("sentence", [
    "Sở Nội vụ dẫn đầu năm 2019 và 2020, năm 2021 xếp thứ 3.",
    "Sở Nội vụ dẫn đầu các năm 2019, 2020; năm 2021 xếp thứ 3.",
    "Sở Nội vụ dẫn đầu hai năm 2019 và năm 2020, năm 2021 xếp thứ 3.",
    "Sở Nội vụ, sau hai năm liên tiếp dẫn đầu (2019, 2020), năm 2021 xếp thứ 3.",
    "Sở Nội vụ, sau hai năm đứng đầu (năm 2019 và 2020), năm 2021 xếp thứ 3.",
], ids=["năm A và B", "các năm A, B", "hai năm A và năm B", "in brackets", "năm in brackets"])
def test_a_place_held_in_several_years_listed_together(gazetteer, sentence):
    text = f"Chỉ số CCHC năm 2021 của các sở, ngành tỉnh Bắc Kạn\n\n{sentence}"
    assert text_facts(gazetteer, text, "Bắc Kạn") == {
        ("Sở Nội vụ", "PAR", 2019): (None, 1), ("Sở Nội vụ", "PAR", 2020): (None, 1),
        ("Sở Nội vụ", "PAR", 2021): (None, 3)}


def test_places_of_listed_years_in_turn_are_still_paired_one_by_one(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của các sở, ngành tỉnh Bắc Kạn\n\n"
            "Sở Nội vụ lần lượt xếp thứ 6, 4 và 3 trong các năm 2019, 2020 và 2021.")
    assert text_facts(gazetteer, text, "Bắc Kạn") == {
        ("Sở Nội vụ", "PAR", 2019): (None, 6), ("Sở Nội vụ", "PAR", 2020): (None, 4),
        ("Sở Nội vụ", "PAR", 2021): (None, 3)}


def test_the_year_of_the_next_clause_is_not_one_of_the_list(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của các sở, ngành tỉnh Bắc Kạn\n\n"
            "Sở Nội vụ đứng đầu năm 2020, năm 2021 xếp thứ 3.")
    assert text_facts(gazetteer, text, "Bắc Kạn") == {
        ("Sở Nội vụ", "PAR", 2020): (None, 1), ("Sở Nội vụ", "PAR", 2021): (None, 3)}


@pytest.mark.parametrize("headline", ["SIPAS 2018", "PAR 2018"])
def test_a_two_word_headline_gives_the_year(gazetteer, headline):
    text = f"{headline}\n\nAmong the 63 provinces, Quang Ninh came first with 88.12 percent."
    index = headline.split()[0]
    assert text_facts(gazetteer, text, None) == {("Tỉnh Quảng Ninh", index, 2018): (88.12, 1)}


@pytest.mark.parametrize("title", ["Chỉ số CCHC năm 2025 cấp xã tỉnh Bắc Ninh",
                                   "Kết quả Chỉ số CCHC năm 2025 khối xã tỉnh Bắc Ninh"])
def test_a_kind_word_before_a_common_word_is_no_unit_of_that_name(gazetteer, title):
    # "xã tỉnh Bắc" is not Xã Tịnh Bắc (Quảng Ngãi): the province at the title's end is named
    text = f"{title}\n\nPhường Từ Sơn xếp thứ 3 với 90,12 điểm."
    assert text_facts(gazetteer, text, None) == {("Phường Từ Sơn", "PAR", 2025): (90.12, 3)}


def test_a_unit_named_with_its_own_marks_after_its_kind_word_is_still_read(gazetteer):
    text = "Chỉ số CCHC năm 2019 của tỉnh Quảng Ngãi\n\nXã Tịnh Bắc xếp thứ 2 với 88,5 điểm."
    assert text_facts(gazetteer, text, "Quảng Ngãi") == {("Xã Tịnh Bắc", "PAR", 2019): (88.5, 2)}


@pytest.mark.parametrize("sentence", [
    "PAR Index 2023 của tỉnh xếp thứ 8/63.",
    "Chỉ số CCHC 2023 của tỉnh xếp thứ 8/63.",
    "Về PAR Index 2023, tỉnh xếp thứ 8/63.",
])
def test_a_year_right_after_an_index_name_without_nam(gazetteer, sentence):
    text = f"Bình Định: Kết quả Chỉ số CCHC năm 2024\n\nSở Tư pháp đứng thứ 2 (92,17 điểm). {sentence}"
    assert text_facts(gazetteer, text, "Bình Định") == {
        ("Sở Tư pháp", "PAR", 2024): (92.17, 2), ("Tỉnh Bình Định", "PAR", 2023): (None, 8)}


def test_a_year_after_an_index_name_that_is_a_range_is_no_year_of_it(gazetteer):
    text = ("Bình Định: Kết quả Chỉ số CCHC năm 2024\n\nSở Tư pháp đứng thứ 2 (92,17 điểm) theo bộ tiêu chí "
            "Chỉ số CCHC 2022-2025.")
    assert text_facts(gazetteer, text, "Bình Định") == {("Sở Tư pháp", "PAR", 2024): (92.17, 2)}


def test_the_english_long_name_of_papi_is_papi(gazetteer):
    text = ("Hanoi ranked 2nd in the 2023 PAR Index with 89.68 points.\n\nIn the Provincial Governance and Public "
            "Administration Performance Index (PAPI) 2023, Hanoi scored 43.59 points and ranked 16th.")
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Hà Nội", "PAR", 2023): (89.68, 2), ("Thành phố Hà Nội", "PAPI", 2023): (43.59, 16)}


def test_a_place_in_another_index_named_after_it_with_its_year(gazetteer):
    text = ("In the 2015 PAR Index, Hai Phong ranked 3rd.\n\nDa Nang ranked 2nd in the 2015 Provincial "
            "Competitiveness Index with 68.34 points.")
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Hải Phòng", "PAR", 2015): (None, 3), ("Thành phố Đà Nẵng", "PCI", 2015): (68.34, 2)}


@pytest.mark.parametrize("lead, year", [
    ("Sáng 3/3/2017, UBND tỉnh Bình Phước công bố Chỉ số CCHC năm qua của UBND các huyện, thị xã.", 2016),
    ("Ngày 3 tháng 3 năm 2017, UBND tỉnh Bình Phước công bố Chỉ số CCHC năm vừa qua của các huyện, thị xã.", 2016),
    ("Ngày 3/3/2017, UBND tỉnh Bình Phước công bố Chỉ số CCHC năm 2016 của UBND các huyện, thị xã.", 2016),
    # no year but the day's: the day's year, as before
    ("Ngày 28/12/2017, UBND tỉnh Bình Phước công bố Chỉ số CCHC của UBND các huyện, thị xã.", 2017),
], ids=["năm qua", "năm vừa qua in words", "year named", "the day's only"])
def test_a_dated_lead_gives_the_year_of_the_results(gazetteer, lead, year):
    text = (f"Đồng Xoài dẫn đầu cải cách hành chính cấp huyện\n\n{lead}\n\n"
            "Với 85,30 điểm, thị xã Đồng Xoài xếp thứ nhất trong 11 huyện, thị xã.")
    assert text_facts(gazetteer, text, "Bình Phước") == {("Thành phố Đồng Xoài", "PAR", year): (85.3, 1)}


@pytest.mark.parametrize("name", ["Huyện Phú Quý", "huyện đảo Phú Quý", "Huyện Phú Quí"])
def test_a_name_spelt_with_y_or_i_is_one_name(gazetteer, name):
    text = f"Chỉ số CCHC năm 2022 các huyện, thị xã, thành phố tỉnh Bình Thuận\n\n{name} xếp thứ 9 với 80,12 điểm."
    assert text_facts(gazetteer, text, "Bình Thuận") == {("Huyện Phú Quí", "PAR", 2022): (80.12, 9)}


def test_y_after_a_vowel_is_not_spelt_as_i(gazetteer):
    # "Thủy Nguyên" is not "Thủi Nguyên", "Duy Tiên" not "Dui Tiên": only y after consonants varies
    text = ("Chỉ số CCHC năm 2019 khối quận, huyện thành phố Hải Phòng\n\n"
            "Huyện Thủy Nguyên xếp thứ 5 với 88,12 điểm; huyện Thủi Nguyên xếp thứ 6 với 87,5 điểm.")
    assert text_facts(gazetteer, text, "Hải Phòng") == {("Huyện Thủy Nguyên", "PAR", 2019): (88.12, 5)}


# Chat-post lists: keycap digits and medals number the lines, "đ" stands for "điểm".
@pytest.mark.parametrize("lines", [
    "1\ufe0f\u20e3 Phường Hoa Lư: 92,35đ\n2\ufe0f\u20e3 Phường Nam Định: 91,80đ",
    "\U0001f947 Phường Hoa Lư – 92,35 điểm\n\U0001f948 Phường Nam Định – 91,80 điểm",
    "1. Phường Hoa Lư: 92,35 đ\n2. Phường Nam Định: 91,80 đ",
], ids=["keycaps and đ", "medals", "numbers and spaced đ"])
def test_a_chat_post_list(gazetteer, lines):
    text = f"Kết quả Chỉ số CCHC năm 2025 cấp xã - tỉnh Ninh Bình\n\nTOP 5 khối phường:\n{lines}"
    got = text_facts(gazetteer, text, "Ninh Bình")
    assert got == {("Phường Hoa Lư", "PAR", 2025): (92.35, 1), ("Phường Nam Định", "PAR", 2025): (91.8, 2)}


def test_money_in_dong_is_no_score(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2025 cấp xã - tỉnh Ninh Bình\n\nPhường Hoa Lư dẫn đầu, được thưởng 12.000.000đ; "
            "lệ phí 2,5đ/trang được miễn.")
    assert text_facts(gazetteer, text, "Ninh Bình") == {("Phường Hoa Lư", "PAR", 2025): (None, 1)}


@pytest.mark.parametrize("title", ["Phú Thọ xếp hạng cải cách hành chính cấp xã quý III/2025",
                                   "Tuyên Quang: xếp hạng CCHC 6 tháng cuối năm 2025 các xã, phường"])
def test_a_ranking_of_part_of_a_year_is_no_years_index(gazetteer, title):
    text = (f"{title}\n\nPhường Việt Trì đứng đầu với 95,40 điểm. Để so sánh, trong Chỉ số CCHC năm 2024, "
            "thành phố Việt Trì xếp thứ 2/13 với 88,10 điểm.")
    got = text_facts(gazetteer, text, "Phú Thọ")
    assert got == {("Thành phố Việt Trì", "PAR", 2024): (88.1, 2)}


def test_the_index_named_by_the_ranking_a_clause_ends_on(gazetteer):
    text = ("Công bố PAR INDEX và SIPAS 2025\n\nVề SIPAS 2025, xã Gia Bình đứng thứ hai (93,87%).\n\n"
            "Năm 2024, Bắc Ninh xếp thứ 14 trên bảng xếp hạng PAR INDEX toàn quốc.")
    assert text_facts(gazetteer, text, "Bắc Ninh") == {
        ("Xã Gia Bình", "SIPAS", 2025): (93.87, 2), ("Tỉnh Bắc Ninh", "PAR", 2024): (None, 14)}


def test_a_headline_naming_both_indices_leaves_its_leader_to_the_texts_index(gazetteer):
    text = ("PAR INDEX và SIPAS 2025: Hải Phòng dẫn đầu 34 tỉnh, thành phố\n\n"
            "Quảng Ninh có chỉ số hài lòng cao nhất (90,12%), tiếp theo là Hải Phòng (89,40%).")
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Hải Phòng", "PAR", 2025): (None, 1), ("Tỉnh Quảng Ninh", "SIPAS", 2025): (90.12, 1),
        ("Thành phố Hải Phòng", "SIPAS", 2025): (89.4, 2)}


@pytest.mark.parametrize("sentence", [
    "Nếu tính bình quân theo phương pháp của Bộ Nội vụ, chỉ số của tỉnh mới ước đạt khoảng 89,7%.",
    'Ông Trần Văn Bình, Phó Giám đốc Sở Nội vụ nhận xét: "Khoảng cách giữa đơn vị đứng đầu và đứng cuối đã thu '
    'hẹp còn 8,85 điểm, so với hơn 12 điểm của năm 2018."',
])
def test_a_body_whose_method_is_used_or_whose_head_speaks_is_not_ranked(gazetteer, sentence):
    text = f"Chỉ số CCHC năm 2024 của tỉnh Trà Vinh\n\nSở Tư pháp dẫn đầu với 90,1 điểm. {sentence}"
    assert text_facts(gazetteer, text, "Trà Vinh") == {("Sở Tư pháp", "PAR", 2024): (90.1, 1)}


def test_districts_of_two_old_provinces_in_a_merged_citys_story(gazetteer):
    text = ("Cần Thơ mới: nhìn lại Chỉ số cải cách hành chính năm 2024\n\n"
            "Ở tỉnh Sóc Trăng (cũ), thị xã Vĩnh Châu dẫn đầu với 87,60 điểm, huyện Trần Đề thứ 3 (86,03 điểm). "
            "Huyện Cù Lao Dung, năm 2023 xếp thứ 10, đã vươn lên thứ 5 với 84,90 điểm.\n\n"
            "Tại tỉnh Hậu Giang (cũ), thành phố Vị Thanh và thành phố Ngã Bảy đồng hạng nhất Chỉ số CCHC 2024 với "
            "88,40 điểm.\n\nVề SIPAS 2024, Hậu Giang xếp thứ 11, cao nhất trong ba địa phương, với 85,02%.")
    assert text_facts(gazetteer, text, None) == {
        ("Thị xã Vĩnh Châu", "PAR", 2024): (87.6, 1), ("Huyện Trần Đề", "PAR", 2024): (86.03, 3),
        ("Huyện Cù Lao Dung", "PAR", 2024): (84.9, 5), ("Huyện Cù Lao Dung", "PAR", 2023): (None, 10),
        ("Thành phố Vị Thanh", "PAR", 2024): (88.4, 1), ("Thành phố Ngã Bảy", "PAR", 2024): (88.4, 1),
        ("Tỉnh Hậu Giang", "SIPAS", 2024): (85.02, 11)}


def test_a_department_name_with_lower_case_words_is_whole(gazetteer):
    text = ("Hà Giang công bố Chỉ số CCHC năm 2015\n\nSở Khoa học và Công nghệ và Sở Văn hóa, Thể thao và Du lịch có "
            "cùng số điểm 87,04, đồng xếp hạng ba.")
    assert text_facts(gazetteer, text, "Hà Giang") == {("Sở Khoa học và Công nghệ", "PAR", 2015): (87.04, 3)}


def test_a_new_ward_beside_the_old_town_it_was_the_centre_of(gazetteer):
    text = ("UBND tỉnh Bắc Ninh công bố Chỉ số CCHC năm 2025 cấp xã.\n\n"
            "Phường Chũ, nơi từng là trung tâm thị xã Chũ, xếp thứ 11 với 87,45 điểm.")
    assert text_facts(gazetteer, text, None) == {("Phường Chũ", "PAR", 2025): (87.45, 11)}


# English, eleventh round.
@pytest.mark.parametrize("sentence", [
    "Da Nang ranked first in the national PAR Index 2016 for the fourth consecutive time.",
    "For the fourth year in a row, Da Nang topped the national PAR Index 2016.",
    "In the national PAR Index 2016, Da Nang came first for the fourth year running.",
], ids=["consecutive time", "fronted", "running"])
def test_english_streaks(gazetteer, sentence):
    got = text_facts(gazetteer, sentence, None)
    assert got == {("Thành phố Đà Nẵng", "PAR", y): (None, 1) for y in (2013, 2014, 2015, 2016)}


def test_an_english_headline_tops_for_a_third_straight_year(gazetteer):
    text = "Quang Ninh tops reform ranking for third straight year\n\nQuang Ninh has led the PAR Index for 2019."
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Quảng Ninh", "PAR", y): (None, 1) for y in (2017, 2018, 2019)}


@pytest.mark.parametrize("second", [
    "The city's SIPAS reached 81.79 percent, ranking it 29th in the country.",
    "Its satisfaction index (SIPAS 2018) reached 81.79 percent, placing it 29th nationwide.",
])
def test_an_english_subject_standing_for_the_unit_named_before(gazetteer, second):
    text = f"Ho Chi Minh City ranked 11th out of 63 provinces in the 2018 PAR Index with 83.41 points. {second}"
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Hồ Chí Minh", "PAR", 2018): (83.41, 11), ("Thành phố Hồ Chí Minh", "SIPAS", 2018): (81.79, 29)}


def test_a_place_after_and_in_the_next_index(gazetteer):
    text = ("Hai Phong ranked 2nd out of 63 provinces and cities in the national PAR Index 2021 with 89.63 points, and "
            "3rd in SIPAS with 87.33 percent.")
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Hải Phòng", "PAR", 2021): (89.63, 2), ("Thành phố Hải Phòng", "SIPAS", 2021): (87.33, 3)}


def test_with_a_score_of_and_taken_the_lead(gazetteer):
    text = ("Hanoi ranked 2nd in the 2023 PAR Index with a score of 89.68. By 2023, Quang Ninh had taken the lead "
            "(91.2).")
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Hà Nội", "PAR", 2023): (89.68, 2), ("Tỉnh Quảng Ninh", "PAR", 2023): (91.2, 1)}


@pytest.mark.parametrize("sentence, ranks", [
    ("Le Chan, Kien Thuy and An Duong came third to fifth with 90.12, 89.96 and 89.40 points respectively.",
     (3, 4, 5)),
    ("Le Chan (90.12), Kien Thuy (89.96) and An Duong (89.40) occupied places 3 to 5, in that order.", (3, 4, 5)),
])
def test_a_run_of_places_for_units_in_turn(gazetteer, sentence, ranks):
    text = f"In the 2021 PAR Index of Hai Phong's districts, Ngo Quyen led with 91.5 points. {sentence}"
    got = text_facts(gazetteer, text, "Hải Phòng")
    assert [got[(u, "PAR", 2021)][1] for u in ("Quận Lê Chân", "Huyện Kiến Thụy", "Huyện An Dương")] == list(ranks)


def test_places_counted_down_from_the_last(gazetteer):
    text = ("In the 2020 PAR Index, Phu Yen (78.47), Binh Phuoc (78.92) and Bac Kan (79.62) occupied places 63 to 61, "
            "in that order.")
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Phú Yên", "PAR", 2020): (78.47, 63), ("Tỉnh Bình Phước", "PAR", 2020): (78.92, 62),
        ("Tỉnh Bắc Kạn", "PAR", 2020): (79.62, 61)}


def test_a_sentence_naming_no_index_has_one_for_all_its_units(gazetteer):
    text = ("Ho Chi Minh City ranked 11th in the 2018 PAR Index with 83.41 points. The city's SIPAS reached 81.79 "
            "percent.\n\nDistrict 1 led the district bloc with 90.21 points, followed by Phu Nhuan District (89.50) "
            "and District 3 (88.86).")
    got = text_facts(gazetteer, text, None)
    assert {k: v for k, v in got.items() if k[0].startswith("Quận")} == {
        ("Quận 1", "PAR", 2018): (90.21, 1), ("Quận Phú Nhuận", "PAR", 2018): (89.5, 2),
        ("Quận 3", "PAR", 2018): (88.86, 3)}


def test_a_short_english_sentence_of_a_move(gazetteer):
    text = "Hai Phong topped the 2023 PAR Index with 91.64 points.\n\nBac Giang rose 11 places to 15th."
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Hải Phòng", "PAR", 2023): (91.64, 1), ("Tỉnh Bắc Giang", "PAR", 2023): (None, 15),
        ("Tỉnh Bắc Giang", "PAR", 2022): (None, 26)}


@pytest.mark.parametrize("opening", ["Meanwhile in Da Nang, ", "In Da Nang, ", "Elsewhere, in Da Nang, "])
def test_a_round_up_of_cities_switches_the_province_of_the_units(gazetteer, opening):
    text = ("In Can Tho, Ninh Kieu District led the city's 2020 PAR Index with 90.12 points.\n\n"
            f"{opening}Hai Chau District topped the district bloc with 91.06 points.")
    assert text_facts(gazetteer, text, None) == {
        ("Quận Ninh Kiều", "PAR", 2020): (90.12, 1), ("Quận Hải Châu", "PAR", 2020): (91.06, 1)}


def test_best_and_weakest_performers(gazetteer):
    text = ("In the 2018 PAR Index of 63 provinces, Quang Ninh was the best-performing province with 89.68 points. "
            "Dak Nong was the weakest performer with 72.97 points.")
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Quảng Ninh", "PAR", 2018): (89.68, 1), ("Tỉnh Đắk Nông", "PAR", 2018): (72.97, 63)}


def test_a_place_stated_again_continues_the_run_from_it(gazetteer):
    text = ("Quang Ninh tops PAR Index 2017\n\nThanh Hoa moved up to 20th.\n\n"
            "Quang Ninh came first with 91.54 points, followed by Dong Thap (90.45) and Da Nang (90.44).")
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Quảng Ninh", "PAR", 2017): (91.54, 1), ("Tỉnh Thanh Hóa", "PAR", 2017): (None, 20),
        ("Tỉnh Đồng Tháp", "PAR", 2017): (90.45, 2), ("Thành phố Đà Nẵng", "PAR", 2017): (90.44, 3)}


# Twelfth-round constructions (portals, big cities, national histories).
def test_numbered_districts_abbreviated_q(gazetteer):
    text = ("TP.HCM công bố Chỉ số CCHC năm 2021 khối quận, huyện\n\n"
            "Q.7 đứng đầu với 92,14 điểm. Q.Tân Bình và Q.10 cùng đạt 89,40 điểm, đồng hạng 4.")
    assert text_facts(gazetteer, text, "Hồ Chí Minh") == {
        ("Quận 7", "PAR", 2021): (92.14, 1), ("Quận Tân Bình", "PAR", 2021): (89.4, 4),
        ("Quận 10", "PAR", 2021): (89.4, 4)}


@pytest.mark.parametrize("line", ["- Thành phố Tây Ninh: 90,21 điểm (1/9);", "Thành phố Tây Ninh đạt 90,21 điểm (1/9).",
                                  "- Thành phố Tây Ninh: 90,21% (1/9);"])
def test_a_place_out_of_the_bloc_in_brackets_after_the_score(gazetteer, line):
    text = f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020 TỈNH TÂY NINH\n\n{line}"
    assert text_facts(gazetteer, text, "Tây Ninh") == {("Thành phố Tây Ninh", "PAR", 2020): (90.21, 1)}


def test_a_date_in_brackets_after_a_score_is_no_place(gazetteer):
    text = ("Chỉ số CCHC năm 2020 tỉnh Tây Ninh\n\nThành phố Tây Ninh đạt 90,21 điểm, xếp thứ 1 (công bố ngày 1/9).")
    assert text_facts(gazetteer, text, "Tây Ninh") == {("Thành phố Tây Ninh", "PAR", 2020): (90.21, 1)}


@pytest.mark.parametrize("band", ["Trung bình", "Khá"])
def test_a_grade_band_heading_before_its_units(gazetteer, band):
    text = f"Chỉ số CCHC năm 2017 tỉnh Quảng Ninh\n\n- {band}: Sở Du lịch (68,10 điểm, xếp thứ 19)."
    assert text_facts(gazetteer, text, "Quảng Ninh") == {("Sở Du lịch", "PAR", 2017): (68.1, 19)}


@pytest.mark.parametrize("sentence", [
    "Theo kết quả khảo sát do Sở Nội vụ phối hợp với Trường Chính trị tỉnh thực hiện, mức độ hài lòng chung đạt 87,3%.",
    "Sở Nội vụ đã phát 6.850 phiếu khảo sát, thu về 6.712 phiếu hợp lệ (đạt 98%).",
])
def test_the_body_running_the_survey_gets_no_figure(gazetteer, sentence):
    text = f"Đồng Tháp: mức độ hài lòng của người dân năm 2021\n\n{sentence} Sở Tư pháp dẫn đầu với 95,2%."
    assert text_facts(gazetteer, text, "Đồng Tháp") == {("Sở Tư pháp", "SIPAS", 2021): (95.2, 1)}


def test_the_provinces_history_with_tinh_as_its_subject(gazetteer):
    text = ("Tây Ninh: Chỉ số CCHC năm 2020 lần đầu lọt vào tốp 10\n\nNhìn lại 6 năm, thứ hạng của tỉnh liên tục "
            "được cải thiện: năm 2015 xếp thứ 30, năm 2016 thứ 24, năm 2017 tụt xuống thứ 33, năm 2018 vươn lên thứ "
            "21, năm 2019 thứ 15 và năm 2020 thứ 9.")
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Tây Ninh", "PAR", y): (None, r) for y, r in zip(range(2015, 2021), (30, 24, 33, 21, 15, 9), strict=True)}


def test_a_board_named_with_its_city_is_not_the_city(gazetteer):
    text = ("TP.HCM công bố Chỉ số CCHC năm 2019 các sở, ban, ngành\n\n"
            "Dẫn đầu là Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM (Hepza) với 93,45 điểm.")
    assert text_facts(gazetteer, text, "Hồ Chí Minh") == {
        ("Ban Quản lý các Khu chế xuất và công nghiệp", "PAR", 2019): (93.45, 1)}


@pytest.mark.parametrize("sentence, years", [
    ("Ngân hàng Nhà nước Việt Nam từ năm 2020 đến năm 2023 đều đứng đầu khối bộ, ngành.", range(2020, 2024)),
    ("Ngân hàng Nhà nước Việt Nam dẫn đầu liên tục từ năm 2021 đến nay.", range(2021, 2024)),
], ids=["range", "đến nay"])
def test_a_place_held_all_along_a_span_of_years(gazetteer, sentence, years):
    text = f"Chỉ số CCHC năm 2023 của các bộ, cơ quan ngang bộ\n\n{sentence}"
    assert text_facts(gazetteer, text, None) == {("Ngân hàng Nhà nước Việt Nam", "PAR", y): (None, 1) for y in years}


def test_a_span_held_before_a_place_lost_gives_no_places(gazetteer):
    text = ("Chỉ số CCHC năm 2019 của thành phố Hải Phòng\n\nTừ năm 2013 đến nay, quận Hồng Bàng luôn giữ vững vị trí "
            "dẫn đầu, năm nay lần đầu tiên xuống vị trí thứ 2.")
    got = text_facts(gazetteer, text, "Hải Phòng")
    assert got.get(("Quận Hồng Bàng", "PAR", 2019)) == (None, 2)
    assert not any(k[2] < 2019 and v[1] == 2 for k, v in got.items())


@pytest.mark.parametrize("sentence", ["Sở Tư pháp xếp cuối khối 20 đơn vị với 80,11 điểm.",
                                      "Sở Tư pháp đứng cuối 20 đơn vị với 80,11 điểm."])
def test_the_last_of_a_bloc_of_a_stated_size(gazetteer, sentence):
    text = f"Thừa Thiên Huế công bố kết quả Chỉ số CCHC năm 2019\n\n{sentence}"
    assert text_facts(gazetteer, text, "Thừa Thiên Huế") == {("Sở Tư pháp", "PAR", 2019): (80.11, 20)}


@pytest.mark.parametrize("opening", ["Trong vùng Đồng bằng sông Hồng, Hải Phòng dẫn đầu",
                                     "Ở vùng Đồng bằng sông Hồng, Hải Phòng dẫn đầu"])
def test_the_leader_of_a_region_with_its_national_place(gazetteer, opening):
    text = f"PAR Index 2016\n\n{opening} với 83,21%, xếp thứ 3 cả nước."
    assert text_facts(gazetteer, text, None) == {("Thành phố Hải Phòng", "PAR", 2016): (83.21, 3)}


def test_a_place_in_a_region_alone_is_still_no_national_place(gazetteer):
    text = "PAR Index 2016\n\nTrong khu vực Đồng bằng sông Cửu Long, Bến Tre đứng thứ 2 với 83,5%."
    assert text_facts(gazetteer, text, None) == {("Tỉnh Bến Tre", "PAR", 2016): (83.5, None)}


@pytest.mark.parametrize("aside", ["(không đánh giá huyện Hoàng Sa)", "(ngoại trừ huyện Hoàng Sa)"])
def test_a_unit_left_out_of_the_ranking_is_not_its_first(gazetteer, aside):
    text = (f"Đà Nẵng công bố Chỉ số cải cách hành chính năm 2022\n\nỞ khối quận, huyện {aside}, các vị trí từ cao "
            "xuống thấp lần lượt là: quận Hải Châu (90,12 điểm), quận Liên Chiểu (88,74 điểm) và huyện Hòa Vang "
            "(84,37 điểm).")
    assert text_facts(gazetteer, text, "Đà Nẵng") == {
        ("Quận Hải Châu", "PAR", 2022): (90.12, 1), ("Quận Liên Chiểu", "PAR", 2022): (88.74, 2),
        ("Huyện Hòa Vang", "PAR", 2022): (84.37, 3)}


@pytest.mark.parametrize("text, unit", [
    ("Da Nang PAR Index 2018\n\nAmong departments, the Department of Justice led with 92.60 points, while the Food "
     "Safety Management Board, set up as a pilot in 2017, ranked second with 91.15 points.", "Đà Nẵng"),
    ("Đà Nẵng: Chỉ số CCHC năm 2018\n\nSở Tư pháp dẫn đầu với 92,60 điểm. Ban Quản lý An toàn thực phẩm (thành lập "
     "năm 2017) xếp thứ hai với 91,15 điểm.", "Đà Nẵng"),
], ids=["English", "Vietnamese"])
def test_the_year_a_unit_was_founded_is_not_its_figures(gazetteer, text, unit):
    assert text_facts(gazetteer, text, unit) == {
        ("Sở Tư pháp", "PAR", 2018): (92.6, 1), ("Ban Quản lý An toàn thực phẩm", "PAR", 2018): (91.15, 2)}


def test_a_clause_of_another_year_ends_with_its_sentence(gazetteer):
    text = ("TP.HCM công bố Chỉ số cải cách hành chính năm 2021\n\nXếp thứ nhì là Quận 1 với 91,87 điểm; năm 2020, "
            "Quận 1 đứng đầu bảng. Vị trí thứ ba thuộc về Quận Phú Nhuận (90,65 điểm).")
    assert text_facts(gazetteer, text, "Hồ Chí Minh") == {
        ("Quận 1", "PAR", 2021): (91.87, 2), ("Quận 1", "PAR", 2020): (None, 1),
        ("Quận Phú Nhuận", "PAR", 2021): (90.65, 3)}


def test_units_holding_the_first_places_in_turn(gazetteer):
    text = ("Bình Phước công bố Chỉ số cải cách hành chính năm 2016\n\n"
            "Ở khối sở, ngành, Sở Tư pháp, Sở Nội vụ và Sở Tài chính lần lượt giữ ba vị trí đầu.")
    assert text_facts(gazetteer, text, "Bình Phước") == {
        ("Sở Tư pháp", "PAR", 2016): (None, 1), ("Sở Nội vụ", "PAR", 2016): (None, 2),
        ("Sở Tài chính", "PAR", 2016): (None, 3)}


def test_the_units_after_a_leader_named_with_a_year(gazetteer):
    text = ("Chỉ số CCHC năm 2024 của các bộ, cơ quan ngang bộ\n\nNgân hàng Nhà nước Việt Nam dẫn đầu với 93,42%. "
            "Xếp sau NHNN năm 2024 là Bộ Tư pháp (92,67%) và Bộ Tài chính (91,80%).")
    assert text_facts(gazetteer, text, None) == {
        ("Ngân hàng Nhà nước Việt Nam", "PAR", 2024): (93.42, 1), ("Bộ Tư pháp", "PAR", 2024): (92.67, 2),
        ("Bộ Tài chính", "PAR", 2024): (91.8, 3)}


def test_english_units_that_followed_with_their_scores(gazetteer):
    text = ("Ministries' administrative reform scores in 2021\n\nThe Ministry of Justice came in second at 89.97 per "
            "cent, while the Ministry of Finance and the Ministry of Home Affairs followed with 89.40 and 88.64 per "
            "cent respectively.")
    assert text_facts(gazetteer, text, None) == {
        ("Bộ Tư pháp", "PAR", 2021): (89.97, 2), ("Bộ Tài chính", "PAR", 2021): (89.4, 3),
        ("Bộ Nội vụ", "PAR", 2021): (88.64, 4)}


def test_the_general_satisfaction_of_a_bloc_is_no_units_score(gazetteer):
    text = ("CHỈ SỐ HÀI LÒNG (SIPAS) NĂM 2023 TỈNH BẮC NINH\n+ Khối huyện: mức độ hài lòng chung đạt 88,6%; cao nhất "
            "là Thị xã Thuận Thành (92,31%), thấp nhất là Huyện Lương Tài (84,10%).")
    got = text_facts(gazetteer, text, "Bắc Ninh")
    assert got[("Thị xã Thuận Thành", "SIPAS", 2023)] == (92.31, 1)
    assert got[("Huyện Lương Tài", "SIPAS", 2023)][0] == 84.1


@pytest.mark.parametrize("line, other, other_figures", [
    ("- Ban Quản lý Khu kinh tế: 87,33 điểm, hạng 9; tuy nhiên đơn vị này dẫn đầu DDCI năm 2019.", "DDCI", (None, 1)),
    ("- Ban Quản lý Khu kinh tế: 87,33 điểm, thứ 9, dù dẫn đầu DDCI.", "DDCI", (None, 1)),
    ("- Ban Quản lý Khu kinh tế 87,33 điểm (thứ 9), đồng thời dẫn đầu Bộ chỉ số 766 khối sở với 88,3 điểm.", "DVC766",
     (88.3, 1)),
], ids=["tuy nhiên", "dù", "đồng thời"])
def test_another_index_in_a_clause_of_its_own_leaves_the_first_figures_to_par(gazetteer, line, other, other_figures):
    text = f"Chỉ số CCHC năm 2019 tỉnh Lào Cai\n\n{line}"
    assert text_facts(gazetteer, text, "Lào Cai") == {
        ("Ban Quản lý Khu kinh tế", "PAR", 2019): (87.33, 9), ("Ban Quản lý Khu kinh tế", other, 2019): other_figures}


@pytest.mark.parametrize("subject", ["huyện này", "huyện đó"])
def test_this_district_is_the_one_named_before(gazetteer, subject):
    text = ("Trà Vinh công bố Chỉ số cải cách hành chính năm 2020\n\nGây bất ngờ nhất là huyện Tiểu Cần. Năm 2018, "
            f"{subject} chỉ xếp thứ 5; năm 2019 vươn lên thứ 3 và đến năm 2020 đã đứng đầu với 90,21 điểm.")
    assert text_facts(gazetteer, text, "Trà Vinh") == {
        ("Huyện Tiểu Cần", "PAR", 2018): (None, 5), ("Huyện Tiểu Cần", "PAR", 2019): (None, 3),
        ("Huyện Tiểu Cần", "PAR", 2020): (90.21, 1)}
