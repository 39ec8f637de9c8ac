"""The text extractor on constructions of a tenth round of announcements, written for these tests: English news
without a verb before a place, the rest of a top n after its leader, the units a place comes behind named alone."""

from __future__ import annotations

import pytest

from tests.helpers import text_facts


def test_a_place_without_a_verb_before_its_score(gazetteer):
    text = ("Among the city's departments in the 2023 PAR Index, the Department of Justice ranked first with 92.31 "
            "points, the Department of Information and Communications second with 90.12 points and the Department "
            "of Finance third with 89.47.")
    assert text_facts(gazetteer, text, "Hà Nội", 2023) == {
        ("Sở Tư pháp", "PAR", 2023): (92.31, 1), ("Sở Thông tin và Truyền thông", "PAR", 2023): (90.12, 2),
        ("Sở Tài chính", "PAR", 2023): (89.47, 3)}


def test_a_bare_number_after_with_that_is_no_score_is_left_alone(gazetteer):
    text = ("In the 2023 PAR Index, the Department of Justice ranked first with 92.31 points. The city, with 8.5 "
            "million residents, surveyed 30.5 thousand people.")
    assert text_facts(gazetteer, text, "Hà Nội", 2023) == {("Sở Tư pháp", "PAR", 2023): (92.31, 1)}


# "made up the top three" after the leader: the places the leader leaves, in order of falling scores.
@pytest.mark.parametrize("rest", [
    "Tay Ho and Ba Dinh made up the top three with 91.2 and 90.8 points respectively.",
    "Tay Ho (91.2 points) and Ba Dinh (90.8 points) made up the top three.",
    "Ba Dinh (90.8 points) and Tay Ho (91.2 points) made up the top three.",
], ids=["respectively", "in brackets", "scores not in the order written"])
def test_the_rest_of_a_top_three_after_its_leader(gazetteer, rest):
    text = f"In the 2023 PAR Index of Hanoi's districts, Hoan Kiem District led with 93.40 points. {rest}"
    got = text_facts(gazetteer, text, "Hà Nội", 2023)
    expected = {("Quận Hoàn Kiếm", "PAR", 2023): (93.4, 1), ("Quận Tây Hồ", "PAR", 2023): (91.2, 2),
                ("Quận Ba Đình", "PAR", 2023): (90.8, 3)}
    if rest.startswith("Ba Dinh"):  # the order written is not the scores': no place follows
        expected.update({("Quận Tây Hồ", "PAR", 2023): (91.2, None), ("Quận Ba Đình", "PAR", 2023): (90.8, None)})
    assert got == expected


def test_units_making_up_a_top_three_with_no_leader_stated_get_no_places(gazetteer):
    text = ("In the 2023 PAR Index of Hanoi's districts, Tay Ho (91.2 points) and Ba Dinh (90.8 points) made up the "
            "top three.")
    assert text_facts(gazetteer, text, "Hà Nội", 2023) == {
        ("Quận Tây Hồ", "PAR", 2023): (91.2, None), ("Quận Ba Đình", "PAR", 2023): (90.8, None)}


def test_one_unit_completing_a_top_three_after_two_placed(gazetteer):
    text = ("In the 2023 PAR Index of Hanoi's districts, Hoan Kiem led with 93.40 points and Tay Ho came second. "
            "Ba Dinh also made up the top three.")
    assert text_facts(gazetteer, text, "Hà Nội", 2023)[("Quận Ba Đình", "PAR", 2023)] == (None, 3)


# The units a place comes behind, named without a figure of their own: the places above it, in the order written.
@pytest.mark.parametrize("text", [
    "Năm 2022, Đà Nẵng xếp thứ 4/63 về PAR Index, chỉ sau Quảng Ninh, Hải Phòng và Bắc Ninh.",
    "In 2022, Da Nang ranked 4th out of 63 in the PAR Index, only behind Quang Ninh, Hai Phong and Bac Ninh.",
    "PAR Index 2022: Da Nang was fourth, behind Quang Ninh, Hai Phong and Bac Ninh; Hanoi came ninth.",
], ids=["chỉ sau", "only behind", "behind, up to the clause's end"])
def test_the_units_a_fourth_place_comes_behind_named_alone(gazetteer, text):
    ranks = {unit: rank for (unit, _, _), (_, rank) in text_facts(gazetteer, text, None, 2022).items()}
    assert {u: ranks.get(u) for u in ("Tỉnh Quảng Ninh", "Thành phố Hải Phòng", "Tỉnh Bắc Ninh", "Thành phố Đà Nẵng")
            } == {"Tỉnh Quảng Ninh": 1, "Thành phố Hải Phòng": 2, "Tỉnh Bắc Ninh": 3, "Thành phố Đà Nẵng": 4}


def test_the_one_a_second_place_is_just_behind_is_first(gazetteer):
    text = "PAR Index 2022: Da Nang came second with 89.12 points, just behind Quang Ninh."
    assert text_facts(gazetteer, text, None, 2022) == {
        ("Thành phố Đà Nẵng", "PAR", 2022): (89.12, 2), ("Tỉnh Quảng Ninh", "PAR", 2022): (None, 1)}


@pytest.mark.parametrize("text", [
    "Chỉ số CCHC năm 2022: huyện Nga Sơn xếp thứ năm, sau huyện Hoằng Hóa và huyện Hậu Lộc.",
    "In the 2022 PAR Index, Nga Son district was fifth, behind Hoang Hoa and Hau Loc districts.",
], ids=["vi", "en"])
def test_too_few_units_named_behind_get_no_places(gazetteer, text):
    assert text_facts(gazetteer, text, "Thanh Hóa", 2022) == {("Huyện Nga Sơn", "PAR", 2022): (None, 5)}


def test_units_named_behind_a_third_place_before_a_last_place_in_the_next_clause(gazetteer):
    text = ("Chỉ số CCHC năm 2022: huyện Nga Sơn xếp thứ ba, sau huyện Hoằng Hóa và huyện Hậu Lộc; huyện Mường Lát xếp "
            "cuối.")
    got = text_facts(gazetteer, text, "Thanh Hóa", 2022)
    assert {u: got[(u, "PAR", 2022)][1] for u in ("Huyện Hoằng Hóa", "Huyện Hậu Lộc", "Huyện Nga Sơn")} == {
        "Huyện Hoằng Hóa": 1, "Huyện Hậu Lộc": 2, "Huyện Nga Sơn": 3}


@pytest.mark.parametrize("verb", ["had", "posted", "recorded"])
def test_had_the_highest_score_is_first_place(gazetteer, verb):
    text = (f"In the 2023 PAR Index, the Department of Planning and Investment {verb} the highest PAR Index score, "
            "91.4 points.")
    assert text_facts(gazetteer, text, "Hà Nội", 2023) == {("Sở Kế hoạch và Đầu tư", "PAR", 2023): (91.4, 1)}


def test_the_highest_score_in_a_field_is_no_first_place(gazetteer):
    text = ("In the 2023 PAR Index, the Department of Planning and Investment, with 88.4 points, had the highest "
            "score in administrative procedure reform.")
    assert text_facts(gazetteer, text, "Hà Nội", 2023)[("Sở Kế hoạch và Đầu tư", "PAR", 2023)][1] is None


@pytest.mark.parametrize("among", ["Among 20 city departments assessed", "Among the 20 provincial departments"])
def test_a_size_with_an_adjective_before_the_noun_gives_the_last_place(gazetteer, among):
    text = f"{among} in the 2023 PAR Index, the Department of Finance came last with 80.12 points."
    assert text_facts(gazetteer, text, "Hà Nội", 2023) == {("Sở Tài chính", "PAR", 2023): (80.12, 20)}


def test_a_unit_named_behind_that_no_longer_existed_gets_no_place(gazetteer):
    text = "In 2025, Tuyen Quang ranked 2nd out of 34 in the PAR Index, behind the merger with Ha Giang."
    assert text_facts(gazetteer, text, None, 2025) == {("Tỉnh Tuyên Quang", "PAR", 2025): (None, 2)}


# The ranks of a merged province's old provinces a year before, two in one clause or one bracket.
@pytest.mark.parametrize("before", [
    "So với năm 2024, khi Tuyên Quang (cũ) xếp thứ 9/63 và Hà Giang (cũ) xếp thứ 41/63, đây là bước tiến lớn.",
    "So với năm 2024, khi Tuyên Quang (cũ) xếp thứ 9/63, Hà Giang (cũ) xếp thứ 41/63, đây là bước tiến lớn.",
], ids=["và", "comma and (cũ)"])
def test_two_old_provinces_ranked_in_one_clause_of_the_year_before(gazetteer, before):
    text = f"Năm 2025, Chỉ số CCHC của tỉnh Tuyên Quang xếp thứ 5/34. {before}"
    assert text_facts(gazetteer, text, "Tuyên Quang", 2025) == {
        ("Tỉnh Tuyên Quang", "PAR", 2025): (None, 5), ("Tỉnh Tuyên Quang", "PAR", 2024): (None, 9),
        ("Tỉnh Hà Giang", "PAR", 2024): (None, 41)}


def test_the_main_clause_after_a_clause_of_the_year_before_keeps_its_own_year(gazetteer):
    text = ("Năm 2025, Chỉ số CCHC của tỉnh Tuyên Quang đạt 88,1%. So với năm 2024, khi Hà Giang (cũ) xếp thứ 41/63, "
            "Tuyên Quang xếp thứ 5/34.")
    assert text_facts(gazetteer, text, "Tuyên Quang", 2025) == {
        ("Tỉnh Tuyên Quang", "PAR", 2025): (88.1, 5), ("Tỉnh Hà Giang", "PAR", 2024): (None, 41)}


@pytest.mark.parametrize("old", ["tỉnh Tuyên Quang cũ", "tỉnh Tuyên Quang (cũ)"])
def test_a_bracket_opened_with_a_year_gives_it_to_every_unit_inside(gazetteer, old):
    text = (f"Năm 2025, Chỉ số CCHC của tỉnh Tuyên Quang xếp thứ 5/34 (năm 2024, {old} xếp thứ 9/63, tỉnh Hà Giang "
            "cũ xếp thứ 41/63).")
    assert text_facts(gazetteer, text, "Tuyên Quang", 2025) == {
        ("Tỉnh Tuyên Quang", "PAR", 2025): (None, 5), ("Tỉnh Tuyên Quang", "PAR", 2024): (None, 9),
        ("Tỉnh Hà Giang", "PAR", 2024): (None, 41)}


# A bloc's size from the counts of its grade bands, each written after its band.
@pytest.mark.parametrize("bands", [
    "Xếp loại Tốt: 12 đơn vị; xếp loại Khá: 87 đơn vị; xếp loại Trung bình: 25 đơn vị.",
    "Loại Tốt có 12 đơn vị, loại Khá có 87 đơn vị và loại Trung bình có 25 đơn vị; xếp loại Yếu: không có.",
], ids=["colon", "có"])
def test_band_counts_after_their_bands_sum_to_the_last_place(gazetteer, bands):
    text = (f"Kết quả Chỉ số CCHC năm 2025 của các xã, phường tỉnh Lào Cai. {bands} Phường Cam Đường dẫn đầu với 91,25 "
            "điểm. Xã Y Tý xếp cuối với 70,12 điểm.")
    assert text_facts(gazetteer, text, "Lào Cai", 2025)[("Xã Y Tý", "PAR", 2025)] == (70.12, 124)


def test_a_band_listed_with_its_count_and_units_is_no_size_alone(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2025 của các xã, phường tỉnh Lào Cai: loại Tốt gồm 2 đơn vị là phường Cam Đường "
            "(91,25 điểm) và phường Lào Cai (90,1 điểm). Xã Y Tý xếp cuối với 70,12 điểm.")
    assert text_facts(gazetteer, text, "Lào Cai", 2025)[("Xã Y Tý", "PAR", 2025)] == (70.12, None)


# A 2025 story of a merged province on its old provinces' units: both old provinces' units are found.
@pytest.mark.parametrize("order", [("Hà Nam", "Nam Định"), ("Nam Định", "Hà Nam")])
def test_units_of_two_old_provinces_in_the_story_of_the_province_they_merged_into(gazetteer, order):
    lines = {"Hà Nam": "Tại tỉnh Hà Nam (cũ), thị xã Duy Tiên xếp thứ nhất với 90,36 điểm.",
             "Nam Định": "Tại tỉnh Nam Định (cũ), huyện Hải Hậu xếp thứ 2 với 89,47 điểm."}
    text = "Chỉ số cải cách hành chính năm 2024\n\n" + "\n\n".join(lines[p] for p in order)
    assert text_facts(gazetteer, text, None) == {
        ("Thị xã Duy Tiên", "PAR", 2024): (90.36, 1), ("Huyện Hải Hậu", "PAR", 2024): (89.47, 2)}


def test_a_unit_of_another_province_named_once_does_not_move_the_story(gazetteer):
    from flows.extract.document import detect_province

    text = ("Chỉ số CCHC năm 2019 của tỉnh Hà Nam: thị xã Duy Tiên dẫn đầu, huyện Kim Bảng thứ hai, huyện Bình Lục "
            "thứ ba; huyện Lý Nhân đứng cuối. Huyện Hải Hậu của tỉnh Nam Định được đoàn đến học tập.")
    assert detect_province(text, gazetteer) == "Hà Nam"


@pytest.mark.parametrize("name", ["Huyện Năm Căn", "thị xã Duy Tiên"])
def test_a_name_starting_with_a_capitalised_stop_word_is_one_name(name):
    from flows.extract.mentions import unknown_mentions

    text = f"Năm 2019, {name} xếp thứ nhất với 90,36 điểm; đơn vị duy trì vị trí này."
    assert [m.text for m in unknown_mentions(text, 0, len(text), [])[0]] == [name]


def test_the_old_provinces_of_a_merged_province_are_ranked_apart(gazetteer):
    text = ("Chỉ số cải cách hành chính năm 2024 của các địa phương thuộc tỉnh Phú Thọ hiện nay.\n\n"
            "Trong khối 9 huyện, thành phố của tỉnh Vĩnh Phúc (cũ), thành phố Vĩnh Yên dẫn đầu với 89,74 điểm. Huyện "
            "Tam Đảo xếp cuối khối với 80,41 điểm.\n\n"
            "Tại tỉnh Hòa Bình (cũ), huyện Lương Sơn đứng đầu với 86,9 điểm.")
    from flows.extract.text import extract_text

    facts = {f["unit"]: (f["rank"], f["tied"]) for f in extract_text(text, gazetteer, None, "Phú Thọ")["facts"]}
    assert facts == {"Thành phố Vĩnh Yên": (1, False), "Huyện Tam Đảo": (9, False), "Huyện Lương Sơn": (1, False)}


# A title over a span of years tells of the last one.
@pytest.mark.parametrize("title", ["Chỉ số CCHC cấp huyện: Nhìn lại 3 năm 2018 - 2020",
                                   "Chỉ số cải cách hành chính các huyện giai đoạn 2018–2020",
                                   "Chỉ số CCHC từ năm 2018 đến năm 2020: huyện nào bứt phá?"])
def test_a_title_over_a_span_of_years_tells_of_the_last(gazetteer, title):
    text = f"{title}\n\nHuyện Bù Gia Mập đứng thứ 10 với 77,03 điểm."
    assert text_facts(gazetteer, text, "Bình Phước") == {("Huyện Bù Gia Mập", "PAR", 2020): (77.03, 10)}


def test_a_year_named_in_a_title_beside_a_span_is_the_titles_year(gazetteer):
    text = ("Công bố Chỉ số CCHC năm 2019 (giai đoạn 2016-2020)\n\nHuyện Bù Gia Mập đứng thứ 10 với 77,03 điểm.")
    assert text_facts(gazetteer, text, "Bình Phước") == {("Huyện Bù Gia Mập", "PAR", 2019): (77.03, 10)}


# English: the year of results told after the units, or after the index's full name.
@pytest.mark.parametrize("text", [
    "Quang Ninh leads PAR Index\n\nQuang Ninh Province has come first in the PAR Index, according to the 2023 "
    "results.\n\nHai Phong came second with 91.83 points.",
    "Hai Phong takes top spot\n\nQuang Ninh has come first in the Public Administration Reform Index 2023.\n\n"
    "Hai Phong came second with 91.83 points.",
    "Provincial governance table\n\nQuang Ninh has been named the best-performing locality in administrative "
    "reform for 2023.\n\nQuang Ninh came first in the PAR Index. Hai Phong came second with 91.83 points.",
], ids=["the 2023 results", "Index 2023", "reform for 2023"])
def test_an_english_year_of_results_after_the_units(gazetteer, text):
    got = text_facts(gazetteer, text, None)
    assert got[("Tỉnh Quảng Ninh", "PAR", 2023)][1] == 1
    assert got[("Thành phố Hải Phòng", "PAR", 2023)] == (91.83, 2)



# Grade bands defined in one list ("xếp thành 4 loại: Tốt (từ 80 điểm trở lên), Khá (...)") bound their units later.
def test_grade_bands_defined_in_a_list_bound_the_units_of_each_band(gazetteer):
    from flows.extract.text import extract_text

    text = ("Chỉ số CCHC năm 2016 của tỉnh Long An\n\nKết quả được xếp thành 4 loại: Tốt (từ 80 điểm trở lên), Khá "
            "(từ 70 đến dưới 80 điểm), Trung bình (từ 50 đến dưới 70 điểm) và Yếu (dưới 50 điểm).\n\nXếp loại Khá có "
            "3 đơn vị, gồm các huyện: Cần Đước, Thủ Thừa và Thạnh Hóa.")
    facts = {f["unit"]: (f["year"], f["score_min"], f["score_max"]) for f in extract_text(text, gazetteer)["facts"]}
    assert facts == {u: (2016, 70.0, 80.0) for u in ("Huyện Cần Đước", "Huyện Thủ Thừa", "Huyện Thạnh Hóa")}


@pytest.mark.parametrize("written, expected", [("Thạnh Hóa", None), ("Thanh Hóa", "thanh-hoa"),
                                               ("Thanh Hoá", "thanh-hoa"), ("Thanh Hoa", "thanh-hoa")])
def test_a_bare_name_is_the_units_only_when_spelt_with_its_tone_marks(gazetteer, written, expected):
    found = gazetteer.find_mentions(f"Năm 2016, {written} đạt 80 điểm.", None, 2016)
    assert [m.unit_id for m in found] == ([expected] if expected else [])


# A line announcing the top or last n over one line per unit ("- Thị xã Bỉm Sơn: 94,62%").
def test_bullets_under_lines_announcing_the_top_and_the_last_n(gazetteer):
    text = ("Thanh Hóa: Công bố Chỉ số hài lòng về sự phục vụ hành chính năm 2019\n\n"
            "Khối 27 huyện, thị xã, thành phố - 2 đơn vị có chỉ số cao nhất:\n- Thị xã Bỉm Sơn: 94,62%\n"
            "- Thành phố Sầm Sơn: 93,17%\n\n2 đơn vị thấp nhất:\n- Huyện Lang Chánh: 78,31%\n- Huyện Mường Lát: 76,02%")
    assert text_facts(gazetteer, text, None) == {
        ("Thị xã Bỉm Sơn", "SIPAS", 2019): (94.62, 1), ("Thành phố Sầm Sơn", "SIPAS", 2019): (93.17, 2),
        ("Huyện Lang Chánh", "SIPAS", 2019): (78.31, 26), ("Huyện Mường Lát", "SIPAS", 2019): (76.02, 27)}


def test_bullets_after_the_last_n_are_not_all_last(gazetteer):
    text = ("Chỉ số hài lòng năm 2019 của khối 27 huyện, thị xã, thành phố.\n\n2 đơn vị thấp nhất:\n"
            "- Huyện Lang Chánh: 78,31%\n- Huyện Mường Lát: 76,02%\n- Huyện Quan Sơn: 80,02%")
    got = text_facts(gazetteer, text, "Thanh Hóa")
    assert [got[(u, "SIPAS", 2019)][1] for u in ("Huyện Lang Chánh", "Huyện Mường Lát", "Huyện Quan Sơn")] == [
        26, 27, None]


# A page copied as Markdown: bold names and bullets before numbered items.
@pytest.mark.parametrize("text, expected", [
    ("# Thừa Thiên Huế công bố Chỉ số cải cách hành chính năm 2022\n\n## Khối sở, ban, ngành\n\n"
     "- 4. **Văn phòng UBND tỉnh**: 90,87 điểm\n- 5. Sở Kế hoạch và Đầu tư: 90,30 điểm",
     {("Văn phòng UBND tỉnh", "PAR", 2022): (90.87, 4), ("Sở Kế hoạch và Đầu tư", "PAR", 2022): (90.3, 5)}),
    ("Chỉ số cải cách hành chính năm 2022\n\n**Sở Tư pháp** và **Sở Nội vụ** cùng đạt 91,20 điểm, đồng hạng nhất.",
     {("Sở Tư pháp", "PAR", 2022): (91.2, 1), ("Sở Nội vụ", "PAR", 2022): (91.2, 1)}),
    ("Chỉ số cải cách hành chính năm 2022\n\nXếp thứ hai là **Sở Nội vụ** với 91,20 điểm.",
     {("Sở Nội vụ", "PAR", 2022): (91.2, 2)}),
], ids=["numbered bullets", "two bold names", "a place before a bold name"])
def test_a_page_copied_as_markdown(gazetteer, text, expected):
    from flows.extract.text_tables import extract_text_with_tables

    result = extract_text_with_tables(text, "trang.md", gazetteer, None, "Thừa Thiên Huế")
    assert {(f["unit"], f["index"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]} == expected
    assert all(result["text"][slice(*f["span"])] == f["evidence"] for f in result["facts"])


# A unit's own portal: the history of its places, year by year.
@pytest.mark.parametrize("history, expected", [
    ("Nếu như năm 2020, huyện chỉ xếp thứ 6 với tỷ lệ hài lòng 86,10%.", {2020: (86.1, 6)}),
    ("Năm 2020, huyện xếp thứ 6 với 86,10%, năm 2021 vươn lên thứ 5 (88,92%).", {2020: (86.1, 6), 2021: (88.92, 5)}),
    ("Năm 2021 huyện xếp thứ 5 (88,92%).", {2021: (88.92, 5)}),
], ids=["nếu như năm", "a score in brackets after the year's place", "no comma after the year"])
def test_the_history_of_a_units_places_on_its_own_portal(gazetteer, history, expected):
    text = f"Huyện Tiên Du xếp thứ 3/8 về Chỉ số hài lòng năm 2023\n\n{history}"
    got = text_facts(gazetteer, text, "Bắc Ninh")
    assert got == {("Huyện Tiên Du", "SIPAS", 2023): (None, 3),
                   **{("Huyện Tiên Du", "SIPAS", y): figures for y, figures in expected.items()}}


def test_like_the_year_before_is_still_a_comparison(gazetteer):
    text = "Chỉ số hài lòng năm 2023: huyện Tiên Du xếp thứ 3, như năm 2022."
    assert text_facts(gazetteer, text, "Bắc Ninh")[("Huyện Tiên Du", "SIPAS", 2023)] == (None, 3)


# A headline on satisfaction without its year: the lead's year of results.
def test_a_headline_on_satisfaction_without_a_year_takes_the_leads(gazetteer):
    text = ("Đà Nẵng: Người dân hài lòng nhất với quận Hải Châu\n\nSáng 22/3/2019, UBND thành phố tổ chức hội nghị "
            "công bố kết quả khảo sát mức độ hài lòng của người dân năm 2018.\n\nỞ khối quận, huyện, quận Hải Châu "
            "giữ vị trí thứ nhất với 88,71 điểm %.")
    assert text_facts(gazetteer, text, "Đà Nẵng") == {("Quận Hải Châu", "SIPAS", 2018): (88.71, 1)}


def test_a_headline_on_satisfaction_with_its_year(gazetteer):
    text = ("Quảng Ninh: mức độ hài lòng của người dân, tổ chức năm 2020 tiếp tục tăng\n\nKết quả cụ thể khối địa "
            "phương như sau:\n\n- Thành phố Hạ Long: 94,05%\n- Huyện Ba Chẽ: 86,47%")
    assert text_facts(gazetteer, text, "Quảng Ninh") == {
        ("Thành phố Hạ Long", "SIPAS", 2020): (94.05, None), ("Huyện Ba Chẽ", "SIPAS", 2020): (86.47, None)}


# Figures that are no score of the index: a rate of the work, a gap, a speaker's ministry.
@pytest.mark.parametrize("other", [
    "Huyện Yên Phong là địa phương có tỷ lệ số hóa hồ sơ cao nhất (87%).",
    "Huyện Yên Phong cũng có tỷ lệ hồ sơ trực tuyến toàn trình đạt 71%.",
    "Huyện Yên Phong chỉ thiếu 0,7 điểm để vượt Thành phố Từ Sơn.",
    "Hai đơn vị dẫn đầu chỉ cách nhau 0,71%.",
], ids=["a digitisation rate", "an online rate", "thiếu ... điểm", "cách nhau"])
def test_figures_of_another_kind_leave_the_scores_alone(gazetteer, other):
    text = ("Bắc Ninh công bố Chỉ số hài lòng năm 2022\n\nThành phố Từ Sơn đứng đầu với tỷ lệ hài lòng 92,86%, "
            f"tiếp đến là huyện Yên Phong (92,15%).\n\n{other}")
    assert text_facts(gazetteer, text, "Bắc Ninh") == {
        ("Thành phố Từ Sơn", "SIPAS", 2022): (92.86, 1), ("Huyện Yên Phong", "SIPAS", 2022): (92.15, 2)}


def test_a_satisfaction_rate_is_still_a_score(gazetteer):
    text = "Bắc Ninh công bố Chỉ số hài lòng năm 2022\n\nHuyện Yên Phong có tỷ lệ người dân hài lòng đạt 92,15%."
    assert text_facts(gazetteer, text, "Bắc Ninh") == {("Huyện Yên Phong", "SIPAS", 2022): (92.15, None)}


@pytest.mark.parametrize("speaker", ["Thứ trưởng Bộ Nội vụ Vũ Chiến Thắng cho biết",
                                     "Ông Nguyễn Văn A, Vụ trưởng Vụ Cải cách hành chính, Bộ Nội vụ, cho biết"])
def test_a_ministry_a_speaker_is_from_is_not_ranked(gazetteer, speaker):
    text = (f"Công bố SIPAS 2024\n\n{speaker}: \"Khoảng cách giữa địa phương cao nhất và thấp nhất về SIPAS năm 2024 "
            "đã thu hẹp còn 9,75%\".")
    assert text_facts(gazetteer, text, None) == {}


# A year after a place with "của", or after a note on it in brackets: that place's year.
@pytest.mark.parametrize("text, before", [
    ("Huyện Cam Lộ vươn lên vị trí thứ 2 (87,14 điểm) từ vị trí thứ 3 của năm 2019.", (87.14, 2, 3)),
    ("Huyện Cam Lộ, á quân của năm 2019, năm nay lùi xuống thứ 4 với 87,14 điểm.", (87.14, 4, 2)),
    ("Huyện Cam Lộ xếp thứ 11 (cuối bảng) năm 2019 và vươn lên thứ 9 năm 2020 với 87,14 điểm.", (87.14, 9, 11)),
], ids=["của năm", "á quân của năm", "(cuối bảng) năm"])
def test_a_place_of_the_year_before_written_with_its_year(gazetteer, text, before):
    score, rank, rank_before = before
    got = text_facts(gazetteer, f"Chỉ số CCHC năm 2020 của tỉnh Quảng Trị\n\n{text}", "Quảng Trị")
    assert got == {("Huyện Cam Lộ", "PAR", 2020): (score, rank), ("Huyện Cam Lộ", "PAR", 2019): (None, rank_before)}


# Satisfaction named in passing does not make the places after it satisfaction places.
@pytest.mark.parametrize("passing", ["Huyện đã tăng điểm nhờ sự hài lòng của người dân.",
                                     "Sự hài lòng của người dân là thước đo quan trọng."])
def test_satisfaction_named_in_passing_keeps_the_index(gazetteer, passing):
    text = (f"Chỉ số CCHC năm 2022 của tỉnh Bắc Giang\n\n{passing}\n\nTrong 19 sở, Văn phòng UBND tỉnh đạt 92,15 điểm, "
            "xếp thứ nhất. Sở Thông tin và Truyền thông và Sở Kế hoạch và Đầu tư lần lượt ở vị trí thứ tư và thứ năm.")
    assert {k[1] for k in text_facts(gazetteer, text, "Bắc Giang")} == {"PAR"}


@pytest.mark.parametrize("heading", ["Về Chỉ số hài lòng:", "Kết quả khảo sát sự hài lòng của người dân năm 2022."])
def test_satisfaction_named_as_the_index_switches_to_it(gazetteer, heading):
    text = (f"Chỉ số CCHC năm 2022 của tỉnh Bắc Giang\n\n{heading}\n\nSở Thông tin và Truyền thông và Sở Kế hoạch và "
            "Đầu tư lần lượt ở vị trí thứ tư và thứ năm.")
    assert {k[1] for k in text_facts(gazetteer, text, "Bắc Giang")} == {"SIPAS"}


# The survey named in a sentence is its paragraph's index; a heading's for the lines below it.
@pytest.mark.parametrize("survey", [
    "Ở điểm điều tra xã hội học, Sở Tư pháp đạt 31,02/33,5 điểm, cao nhất khối.",
    "Theo kết quả điều tra xã hội học, Sở Tư pháp dẫn đầu với 31,02 điểm.",
], ids=["a survey score", "the survey's leader"])
def test_a_survey_named_in_a_sentence_is_its_paragraphs_index(gazetteer, survey):
    text = (f"Chỉ số CCHC năm 2023 của tỉnh Lạng Sơn\n\n{survey}\n\n"
            "Các huyện Chi Lăng, Lộc Bình và Bắc Sơn lần lượt xếp thứ 4, 5, 6.")
    got = text_facts(gazetteer, text, "Lạng Sơn")
    assert got[("Sở Tư pháp", "SURVEY", 2023)] == (31.02, 1)
    assert {u: got.get((u, "PAR", 2023)) for u in ("Huyện Chi Lăng", "Huyện Lộc Bình", "Huyện Bắc Sơn")} == {
        "Huyện Chi Lăng": (None, 4), "Huyện Lộc Bình": (None, 5), "Huyện Bắc Sơn": (None, 6)}


def test_a_survey_heading_covers_the_paragraphs_below_it(gazetteer):
    text = ("Chỉ số CCHC năm 2023 của tỉnh Lạng Sơn\n\nKết quả điều tra xã hội học:\n\nSở Tư pháp dẫn đầu với 31,02 "
            "điểm.\n\nSở Nội vụ xếp thứ hai với 30,1 điểm.")
    got = text_facts(gazetteer, text, "Lạng Sơn")
    assert got == {("Sở Tư pháp", "SURVEY", 2023): (31.02, 1), ("Sở Nội vụ", "SURVEY", 2023): (30.1, 2)}


def test_the_surveys_share_of_the_index_is_no_score(gazetteer):
    text = ("Chỉ số CCHC năm 2017 của tỉnh Ninh Thuận\n\nSở Nội vụ phối hợp phát 1.540 phiếu điều tra xã hội học; "
            "điểm điều tra xã hội học chiếm 30/100 điểm của chỉ số.")
    assert text_facts(gazetteer, text, "Ninh Thuận") == {}


def test_points_out_of_a_decimal_maximum_are_a_fields(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của tỉnh Điện Biên\n\nSở Thông tin và Truyền thông đạt 88,15 điểm, xếp thứ 2. "
            "Trong lĩnh vực hiện đại hóa nền hành chính, Sở Thông tin và Truyền thông đạt 8,9/9,5 điểm.")
    assert text_facts(gazetteer, text, "Điện Biên") == {("Sở Thông tin và Truyền thông", "PAR", 2021): (88.15, 2)}


# Gaps to another unit are no scores, and the leader they are measured from is no place of the unit.
@pytest.mark.parametrize("text, expected", [
    ("Sở Xây dựng xếp thứ 20 khối sở với 77,53 điểm, cách đơn vị đứng đầu 13,69 điểm.",
     {("Sở Xây dựng", "PAR", 2021): (77.53, 20)}),
    ("Sở Xây dựng đứng thứ nhì với 86,90 điểm, chỉ kém 0,66 điểm.", {("Sở Xây dựng", "PAR", 2021): (86.9, 2)}),
    ("Sở Tư pháp dẫn đầu với 87,90 điểm. Sở Xây dựng cách Sở Tư pháp 11,76 điểm.",
     {("Sở Tư pháp", "PAR", 2021): (87.9, 1)}),
], ids=["cách đơn vị đứng đầu", "chỉ kém", "cách a named unit"])
def test_gaps_to_another_unit(gazetteer, text, expected):
    assert text_facts(gazetteer, f"Chỉ số CCHC năm 2021 của tỉnh Cao Bằng\n\n{text}", "Cao Bằng") == expected


def test_a_commune_named_cach_keeps_its_score(gazetteer):
    text = "Chỉ số CCHC năm 2013 các xã của huyện Quảng Hòa\n\nXã Cách Linh xếp thứ 10 với 83,85 điểm."
    assert text_facts(gazetteer, text, "Cao Bằng") == {("Xã Cách Linh", "PAR", 2013): (83.85, 10)}


def test_years_running_in_a_leading_group_are_no_places(gazetteer):
    text = ("Năm 2023, Chỉ số CCHC của tỉnh Đồng Tháp đạt 89,12%, xếp thứ 6/63 tỉnh, thành phố; đây là năm thứ 10 liên "
            "tiếp tỉnh nằm trong nhóm 10 địa phương dẫn đầu.")
    assert text_facts(gazetteer, text, "Đồng Tháp") == {("Tỉnh Đồng Tháp", "PAR", 2023): (89.12, 6)}


@pytest.mark.parametrize("line, expected", [("- Huyện Ninh Hải: 2/7 (83,40 điểm);", ("Huyện Ninh Hải", 83.4, 2)),
                                            ("Sở Giao thông vận tải 19/21 (73,44 điểm)",
                                             ("Sở Giao thông vận tải", 73.44, 19))])
def test_a_bare_place_out_of_the_bloc_before_a_score(gazetteer, line, expected):
    unit, score, rank = expected
    text = f"Chỉ số CCHC năm 2017 của tỉnh Ninh Thuận\n\n{line}"
    assert text_facts(gazetteer, text, "Ninh Thuận") == {(unit, "PAR", 2017): (score, rank)}


def test_no_dot_n_is_a_place_not_a_sentence_end(gazetteer):
    text = "PAR Index 2019 results\n\nThe port city of Hai Phong came in at No. 2 with 89.91 points."
    assert text_facts(gazetteer, text, None) == {("Thành phố Hải Phòng", "PAR", 2019): (89.91, 2)}


@pytest.mark.parametrize("years", ["trong các năm 2017, 2018 và 2019", "ở các năm 2017, 2018, 2019"])
def test_one_units_places_in_turn_over_listed_years(gazetteer, years):
    text = f"Lai Châu công bố Chỉ số cải cách hành chính năm 2019\n\nSở Tư pháp lần lượt xếp thứ 4, 2 và 1 {years}."
    assert text_facts(gazetteer, text, "Lai Châu") == {
        ("Sở Tư pháp", "PAR", 2017): (None, 4), ("Sở Tư pháp", "PAR", 2018): (None, 2),
        ("Sở Tư pháp", "PAR", 2019): (None, 1)}


def test_places_in_turn_over_fewer_years_than_places_get_none(gazetteer):
    text = ("Lai Châu công bố Chỉ số cải cách hành chính năm 2019\n\nSở Tư pháp lần lượt xếp thứ 4, 2 và 1 trong các "
            "năm 2018 và 2019.")
    assert text_facts(gazetteer, text, "Lai Châu") == {}


def test_a_year_to_come_does_not_date_the_results(gazetteer):
    text = ("Chỉ số CCHC năm 2024\n\nViệc đánh giá Chỉ số CCHC năm 2025 sẽ được thực hiện đối với 14 bộ.\n\n"
            "Hải Phòng dẫn đầu 63 tỉnh, thành phố với 92,93%. Địa phương xếp cuối là Cao Bằng (78,91%).")
    assert text_facts(gazetteer, text, None) == {("Thành phố Hải Phòng", "PAR", 2024): (92.93, 1),
                                                 ("Tỉnh Cao Bằng", "PAR", 2024): (78.91, 63)}


# 2026 stories on the new communes: the old unit in brackets describes the new one; another year's figures of an
# old district stay in their paragraph.
@pytest.mark.parametrize("text, expected", [
    ("Xếp thứ ba là xã Hoằng Hóa (thuộc huyện Hoằng Hóa cũ) với 92,54 điểm.",
     {("Xã Hoằng Hóa", "PAR", 2025): (92.54, 3)}),
    ("Phường Bỉm Sơn và xã Thọ Xuân (thuộc huyện Thọ Xuân cũ) cùng đạt 91,45 điểm, đồng xếp thứ 4.",
     {("Phường Bỉm Sơn", "PAR", 2025): (91.45, 4), ("Xã Thọ Xuân", "PAR", 2025): (91.45, 4)}),
], ids=["thuộc huyện ... cũ", "a tie after the note"])
def test_an_old_unit_in_brackets_describes_the_new_one(gazetteer, text, expected):
    full = f"Thanh Hóa công bố Chỉ số CCHC năm 2025 của 166 xã, phường\n\n{text}"
    assert text_facts(gazetteer, full, "Thanh Hóa") == expected


def test_another_years_place_of_an_old_district_stays_in_its_paragraph(gazetteer):
    text = ("Lạng Sơn công bố Chỉ số CCHC năm 2025 của 65 xã, phường\n\nNăm 2024, huyện Văn Lãng xếp thứ 8/11 huyện, "
            "thành phố về Chỉ số CCHC của tỉnh.\n\nXã Thụy Hùng đạt 82,96 điểm, xếp thứ 30. Dẫn đầu toàn tỉnh là "
            "phường Lương Văn Tri với 93,05 điểm.")
    assert text_facts(gazetteer, text, "Lạng Sơn") == {
        ("Huyện Văn Lãng", "PAR", 2024): (None, 8), ("Xã Thụy Hùng", "PAR", 2025): (82.96, 30),
        ("Phường Lương Văn Tri", "PAR", 2025): (93.05, 1)}


@pytest.mark.parametrize("text, expected", [
    ("Năm 2025, Chỉ số CCHC của thành phố Hà Nội do Bộ Nội vụ đánh giá đạt 91,07%, xếp thứ 4/34 tỉnh, thành phố.",
     {("Thành phố Hà Nội", "PAR", 2025): (91.07, 4)}),
    ("Trong khối sở, Sở Nội vụ giữ vị trí số 1 với 93,12 điểm.\n\nCũng theo báo cáo của Sở Nội vụ, 100% xã, phường đã "
     "vận hành Trung tâm Phục vụ hành chính công.", {("Sở Nội vụ", "PAR", 2025): (93.12, 1)}),
    ("Trong khối sở, Sở Nội vụ giữ vị trí số 1 với 93,12 điểm. Thành phố tiếp nhận gần 4,5 triệu hồ sơ, trong đó 79% "
     "nộp trực tuyến.", {("Sở Nội vụ", "PAR", 2025): (93.12, 1)}),
], ids=["do Bộ Nội vụ đánh giá", "cũng theo báo cáo của", "79% nộp trực tuyến"])
def test_the_body_that_assesses_or_reports_and_rates_of_work(gazetteer, text, expected):
    assert text_facts(gazetteer, f"Hà Nội công bố Chỉ số CCHC năm 2025\n\n{text}", "Hà Nội") == expected


def test_a_last_place_in_the_title_does_not_start_the_running_list(gazetteer):
    text = ("PAR INDEX 2018: Quảng Ninh đứng đầu; Hậu Giang thấp nhất cả nước\n\nTại khối địa phương, Quảng Ninh đạt "
            "89,53 điểm, tiếp theo là Hải Phòng 89,20 điểm.")
    got = text_facts(gazetteer, text, None)
    assert (got[("Thành phố Hải Phòng", "PAR", 2018)], got[("Tỉnh Hậu Giang", "PAR", 2018)]) == ((89.2, 2), (None, 63))


def test_the_leaders_listed_after_dan_dau_la_in_falling_order(gazetteer):
    text = ("Gia Lai công bố Chỉ số SIPAS năm 2025 của 135 xã, phường\n\nDẫn đầu là phường Quy Nhơn (95,60%), phường "
            "Pleiku (94,85%), xã Tây Sơn (93,91%).")
    got = text_facts(gazetteer, text, "Gia Lai")
    assert [got[(u, "SIPAS", 2025)][1] for u in ("Phường Quy Nhơn", "Phường Pleiku", "Xã Tây Sơn")] == [1, 2, 3]


def test_the_leaders_listed_out_of_order_get_no_places(gazetteer):
    text = "Chỉ số CCHC năm 2022\n\nDẫn đầu là Sở Tư pháp (92,1 điểm), Sở Nội vụ (93,5 điểm)."
    assert text_facts(gazetteer, text, "Bắc Giang") == {("Sở Tư pháp", "PAR", 2022): (92.1, None),
                                                        ("Sở Nội vụ", "PAR", 2022): (93.5, None)}


def test_the_unit_right_above_the_last_is_second_to_last(gazetteer):
    text = ("Công bố Chỉ số cải cách hành chính năm 2019 của tỉnh Bình Định\n\nĐối với khối sở, ban, ngành (20 đơn "
            "vị), Sở Tư pháp dẫn đầu với 90,12 điểm. Xếp cuối khối là Ban Quản lý Khu kinh tế với 72,18 điểm, đứng "
            "ngay trên là Sở Giao thông vận tải (74,06 điểm).")
    got = text_facts(gazetteer, text, "Bình Định")
    assert (got[("Ban Quản lý Khu kinh tế", "PAR", 2019)], got[("Sở Giao thông vận tải", "PAR", 2019)]) == (
        (72.18, 20), (74.06, 19))


@pytest.mark.parametrize("size", ["Khối 20 sở, ban, ngành có điểm bình quân 86,42 điểm.",
                                  "Năm 2024 có 20 sở, ban, ngành được đánh giá, điểm trung bình đạt 88,91 điểm."])
def test_a_bloc_size_stated_with_its_average(gazetteer, size):
    text = (f"Chỉ số cải cách hành chính năm 2024 tỉnh Thái Bình\n\n{size} Sở Xây dựng có điểm thấp nhất khối "
            "(80,12 điểm).")
    assert text_facts(gazetteer, text, "Thái Bình") == {("Sở Xây dựng", "PAR", 2024): (80.12, 20)}


def test_a_merged_ministry_with_an_aside_across_a_comma(gazetteer):
    text = ("Chỉ số CCHC năm 2025 của 14 bộ\n\nBộ Tài chính, sau khi tiếp nhận chức năng, nhiệm vụ của Bộ Kế hoạch và "
            "Đầu tư, xếp thứ 2 với 90,88%.")
    assert text_facts(gazetteer, text, None) == {("Bộ Tài chính", "PAR", 2025): (90.88, 2)}


def test_units_listed_in_turn_above_the_last_count_up_from_it(gazetteer):
    text = ("Nghệ An công bố Chỉ số CCHC năm 2025 của 130 xã, phường\n\nXã Nhôn Mai đứng cuối bảng (thứ 130/130) với "
            "64,18 điểm; xếp trên lần lượt là xã Mỹ Lý (65,02 điểm) và xã Keng Đu (65,90 điểm).")
    assert text_facts(gazetteer, text, "Nghệ An") == {
        ("Xã Nhôn Mai", "PAR", 2025): (64.18, 130), ("Xã Mỹ Lý", "PAR", 2025): (65.02, 129),
        ("Xã Keng Đu", "PAR", 2025): (65.9, 128)}
