"""The text extractor on constructions of a thirteenth round of announcements, written for these tests: one
unit's history (scores and places over listed years, streaks, years sharing a place), "thành phố" and "The city"
standing for the city named before, a name read before its year, grade bands in sentences of their own, "liền
trên", units said to come next after no place, a scale's maximum, reform named in passing in a satisfaction
text, and English tables read out in prose."""

from __future__ import annotations

import pytest

from flows.extract.text import extract_text
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


def test_units_said_to_come_next_after_no_place_get_no_place(gazetteer):
    text = ("Chỉ số hài lòng năm 2022 của các huyện tỉnh Hậu Giang\n\n"
            "Về mức độ hài lòng, hai vị trí tiếp theo thuộc về huyện Phụng Hiệp (88,41%) và huyện Long Mỹ (87,9%).")
    assert text_facts(gazetteer, text, "Hậu Giang") == {
        ("Huyện Phụng Hiệp", "SIPAS", 2022): (88.41, None), ("Huyện Long Mỹ", "SIPAS", 2022): (87.9, None)}


def test_units_said_to_come_next_after_a_first_place_follow_it(gazetteer):
    text = ("Chỉ số hài lòng năm 2022 của các huyện tỉnh Hậu Giang\n\n"
            "Huyện Châu Thành dẫn đầu về mức độ hài lòng với 90,2%. Hai vị trí tiếp theo thuộc về huyện Phụng Hiệp "
            "(88,41%) và huyện Long Mỹ (87,9%).")
    assert text_facts(gazetteer, text, "Hậu Giang") == {
        ("Huyện Châu Thành", "SIPAS", 2022): (90.2, 1), ("Huyện Phụng Hiệp", "SIPAS", 2022): (88.41, 2),
        ("Huyện Long Mỹ", "SIPAS", 2022): (87.9, 3)}


def test_a_rise_said_of_this_year_in_a_sentence_on_last_year_dates_nothing_further_back(gazetteer):
    text = ("Chỉ số CCHC năm 2023 của các sở tỉnh Phú Thọ\n\n"
            "Sở Xây dựng đạt 89,4 điểm, xếp thứ 4. Năm 2022, Sở Xây dựng chỉ đứng thứ 11, năm nay tăng 7 bậc.")
    assert text_facts(gazetteer, text, "Phú Thọ") == {
        ("Sở Xây dựng", "PAR", 2023): (89.4, 4), ("Sở Xây dựng", "PAR", 2022): (None, 11)}


@pytest.mark.parametrize("maximum", ["tổng điểm tối đa vẫn là 100 điểm", "thang điểm vẫn là 100 điểm"])
def test_the_maximum_of_the_scale_said_by_the_ministry_is_no_score(gazetteer, maximum):
    text = ("Kết quả Chỉ số CCHC năm 2024 của các bộ, ngành\n\n"
            f"Bộ Nội vụ lưu ý kết quả năm 2024 không so sánh trực tiếp với năm trước vì bộ tiêu chí có điều chỉnh, "
            f"{maximum}.")
    assert text_facts(gazetteer, text, None) == {}


def test_the_provinces_own_index_after_chi_dat(gazetteer):
    text = ("Đắk Lắk giảm 3 bậc về Chỉ số hài lòng năm 2021\n\n"
            "Chỉ số SIPAS năm 2021 của tỉnh chỉ đạt 80,05%, xếp thứ 47.")
    got = text_facts(gazetteer, text, None)
    assert got[("Tỉnh Đắk Lắk", "SIPAS", 2021)] == (80.05, 47)


def test_english_place_and_bare_score_in_one_bracket(gazetteer):
    text = ("Quang Ninh tops PAR Index 2019\n\n"
            "Quang Ninh ranked first with 91.04 percent, followed by Hai Phong (second, 89.12) and Da Nang "
            "(3rd, 88.9).")
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Quảng Ninh", "PAR", 2019): (91.04, 1), ("Thành phố Hải Phòng", "PAR", 2019): (89.12, 2),
        ("Thành phố Đà Nẵng", "PAR", 2019): (88.9, 3)}


def test_the_units_after_one_named_with_where_it_was_ranked(gazetteer):
    text = ("Chỉ số CCHC năm 2020\n\nĐà Nẵng giữ vị trí số 1 với 90,41%.\n\n"
            "Đứng sau Đà Nẵng trong bảng xếp hạng Chỉ số CCHC 2020 là Quảng Ninh với 89,81% và Hải Phòng với 88,22%.")
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Đà Nẵng", "PAR", 2020): (90.41, 1), ("Tỉnh Quảng Ninh", "PAR", 2020): (89.81, 2),
        ("Thành phố Hải Phòng", "PAR", 2020): (88.22, 3)}


@pytest.mark.parametrize("verb", ["came out on top at", "finished on top with", "headed the list with"])
def test_english_on_top_is_first(gazetteer, verb):
    text = f"Quang Ngai's 2020 PAR Index of districts\n\nDuc Pho Town {verb} 87.45 points."
    assert text_facts(gazetteer, text, "Quảng Ngãi") == {("Thị xã Đức Phổ", "PAR", 2020): (87.45, 1)}


def test_a_name_read_before_its_year_is_the_unit_of_that_year(gazetteer):
    # "Thành phố Huế" is the centrally run city from 2025; in 2022 it is a city of Thừa Thiên Huế
    text = "Thừa Thiên Huế: Chỉ số cải cách hành chính cấp huyện\n\nThành phố Huế năm 2021 xếp thứ 3 với 88,64 điểm."
    result = extract_text(text, gazetteer, None, None)
    assert [(f["unit_id"], f["year"], f["score"], f["rank"]) for f in result["facts"]] == [
        ("thua-thien-hue:thanh-pho-hue", 2021, 88.64, 3)]
    assert result["rejects"] == []


def test_scores_each_written_with_its_year_and_a_place_held_in_both(gazetteer):
    text = ("Bắc Ninh: kết quả cải cách hành chính của các sở\n\n"
            "Trong khối sở, Sở Nội vụ đạt 89,35 điểm năm 2021 và 91,2 điểm năm 2022, đều xếp thứ nhất.")
    assert text_facts(gazetteer, text, "Bắc Ninh") == {
        ("Sở Nội vụ", "PAR", 2021): (89.35, 1), ("Sở Nội vụ", "PAR", 2022): (91.2, 1)}


def test_a_name_ending_in_nam_keeps_the_score_after_it(gazetteer):
    text = ("Chỉ số hài lòng năm 2022 của tỉnh Sóc Trăng\n\n"
            "Huyện Mỹ Xuyên dẫn đầu với 90,2%, tiếp theo là thị xã Ngã Năm 88,75% và huyện Trần Đề 87,1%.")
    assert text_facts(gazetteer, text, "Sóc Trăng") == {
        ("Huyện Mỹ Xuyên", "SIPAS", 2022): (90.2, 1), ("Thị xã Ngã Năm", "SIPAS", 2022): (88.75, 2),
        ("Huyện Trần Đề", "SIPAS", 2022): (87.1, 3)}


@pytest.mark.parametrize("passing", ["Kết quả khảo sát đã được báo cáo Ban Chỉ đạo cải cách hành chính của tỉnh.",
                                     "Đây là một nhiệm vụ trọng tâm của công tác cải cách hành chính năm nay."])
def test_reform_named_in_passing_in_a_satisfaction_text_keeps_the_satisfaction_index(gazetteer, passing):
    text = ("Kết quả Chỉ số hài lòng của người dân đối với UBND các huyện năm 2021 tỉnh Quảng Trị\n\n"
            f"{passing}\n\nHuyện Gio Linh xếp thứ 3 với 86,42%.")
    assert text_facts(gazetteer, text, "Quảng Trị") == {("Huyện Gio Linh", "SIPAS", 2021): (86.42, 3)}


def test_reform_index_named_in_a_satisfaction_text_is_the_reform_index(gazetteer):
    text = ("Kết quả Chỉ số hài lòng của người dân đối với UBND các huyện năm 2021 tỉnh Quảng Trị\n\n"
            "Về Chỉ số cải cách hành chính, huyện Gio Linh xếp thứ 3 với 86,42 điểm.")
    assert text_facts(gazetteer, text, "Quảng Trị") == {("Huyện Gio Linh", "PAR", 2021): (86.42, 3)}


def test_english_top_of_a_group_of_provinces_is_not_first(gazetteer):
    text = ("PAR Index 2019\n\nAmong Central Highlands provinces, Lam Dong came out on top, ranking 14th with "
            "82.1 points.")
    assert text_facts(gazetteer, text, None) == {("Tỉnh Lâm Đồng", "PAR", 2019): (82.1, 14)}


def test_grade_bands_in_sentences_of_their_own_take_the_places_after_the_band_above(gazetteer):
    text = ("Quảng Ngãi công bố kết quả Chỉ số CCHC năm 2021 của các sở, ban, ngành\n\n"
            "Xếp loại Tốt có 2 đơn vị, gồm: Sở Nội vụ (90,15 điểm) và Sở Tư pháp (89,02 điểm).\n\n"
            "Xếp loại Khá có 3 đơn vị: Sở Tài chính 86,4 điểm; Sở Công Thương 85,77 điểm; Sở Y tế 84,1 điểm.\n\n"
            "Xếp loại Trung bình có 1 đơn vị là Sở Xây dựng (76,3 điểm).")
    assert text_facts(gazetteer, text, "Quảng Ngãi") == {
        ("Sở Nội vụ", "PAR", 2021): (90.15, 1), ("Sở Tư pháp", "PAR", 2021): (89.02, 2),
        ("Sở Tài chính", "PAR", 2021): (86.4, 3), ("Sở Công Thương", "PAR", 2021): (85.77, 4),
        ("Sở Y tế", "PAR", 2021): (84.1, 5), ("Sở Xây dựng", "PAR", 2021): (76.3, 6)}


def test_a_grade_band_listed_out_of_score_order_takes_no_places(gazetteer):
    text = ("Quảng Ngãi công bố kết quả Chỉ số CCHC năm 2021 của các sở, ban, ngành\n\n"
            "Xếp loại Tốt có 2 đơn vị, gồm: Sở Nội vụ (90,15 điểm) và Sở Tư pháp (89,02 điểm).\n\n"
            "Xếp loại Khá có 2 đơn vị: Sở Y tế 84,1 điểm; Sở Tài chính 86,4 điểm.")
    got = text_facts(gazetteer, text, "Quảng Ngãi")
    assert got[("Sở Y tế", "PAR", 2021)] == (84.1, None) and got[("Sở Tài chính", "PAR", 2021)] == (86.4, None)


def test_places_in_turn_over_years_listed_before_the_unit(gazetteer):
    text = ("Kết quả cải cách hành chính cấp huyện tỉnh Long An\n\n"
            "Ba năm 2020, 2021 và 2022, thị xã Kiến Tường lần lượt xếp thứ 5, thứ 3 và thứ 2 khối huyện.")
    assert text_facts(gazetteer, text, "Long An") == {
        ("Thị xã Kiến Tường", "PAR", 2020): (None, 5), ("Thị xã Kiến Tường", "PAR", 2021): (None, 3),
        ("Thị xã Kiến Tường", "PAR", 2022): (None, 2)}


@pytest.mark.parametrize("streak", ["ba năm liền (2019, 2020, 2021)", "3 năm liền (2019-2021)"])
def test_a_place_held_so_many_years_running_over_the_years_written(gazetteer, streak):
    text = ("Chỉ số cải cách hành chính cấp huyện tỉnh Bình Dương\n\n"
            f"Thành phố Thủ Dầu Một {streak} đứng đầu khối cấp huyện.")
    got = text_facts(gazetteer, text, "Bình Dương")
    assert {y: got.get(("Thành phố Thủ Dầu Một", "PAR", y), (None, None))[1] for y in (2018, 2019, 2020, 2021)} == {
        2018: None, 2019: 1, 2020: 1, 2021: 1}


def test_a_history_with_two_years_sharing_a_place(gazetteer):
    text = ("Chỉ số cải cách hành chính của tỉnh Bắc Ninh qua các năm\n\n"
            "Tỉnh Bắc Ninh năm 2016 xếp thứ 9, năm 2017 vươn lên thứ 5, hai năm 2018 và 2019 xếp thứ 4.")
    assert text_facts(gazetteer, text, None) == {
        ("Tỉnh Bắc Ninh", "PAR", 2016): (None, 9), ("Tỉnh Bắc Ninh", "PAR", 2017): (None, 5),
        ("Tỉnh Bắc Ninh", "PAR", 2018): (None, 4), ("Tỉnh Bắc Ninh", "PAR", 2019): (None, 4)}


@pytest.mark.parametrize("above", ["Liền trên là huyện Lạc Sơn (81,4 điểm).",
                                   "Ngay trên đó là huyện Lạc Sơn (81,4 điểm)."])
def test_the_unit_just_above_one_placed_in_the_sentence_before(gazetteer, above):
    text = ("Chỉ số CCHC năm 2020 của các huyện tỉnh Hòa Bình\n\n"
            f"Huyện Đà Bắc xếp thứ 9 với 80,25 điểm. {above}")
    got = text_facts(gazetteer, text, "Hòa Bình")
    assert got[("Huyện Đà Bắc", "PAR", 2020)] == (80.25, 9) and got[("Huyện Lạc Sơn", "PAR", 2020)] == (81.4, 8)


def test_the_unit_just_above_after_a_semicolon(gazetteer):
    text = ("Chỉ số CCHC năm 2020 của các huyện tỉnh Hòa Bình\n\n"
            "Thấp nhất là huyện Đà Bắc với 78,2 điểm, xếp thứ 10; liền trên là huyện Lạc Sơn (79,05 điểm).")
    got = text_facts(gazetteer, text, "Hòa Bình")
    assert got[("Huyện Đà Bắc", "PAR", 2020)] == (78.2, 10) and got[("Huyện Lạc Sơn", "PAR", 2020)] == (79.05, 9)


def test_english_table_read_out_in_prose_with_rank_n(gazetteer):
    text = ("PAR Index 2020\n\nThe results, province by province: Da Nang, 89.21 points, rank 2; Ben Tre, 84.6 points, "
            "rank 15.")
    assert text_facts(gazetteer, text, None) == {
        ("Thành phố Đà Nẵng", "PAR", 2020): (89.21, 2), ("Tỉnh Bến Tre", "PAR", 2020): (84.6, 15)}


@pytest.mark.parametrize("bracket", ["(81.45; 31st)", "(81.45 points; 31st)"])
def test_english_score_and_place_in_one_bracket_after_a_semicolon(gazetteer, bracket):
    text = f"PAR Index 2020\n\nNinh Thuan {bracket} was further down the table."
    assert text_facts(gazetteer, text, None) == {("Tỉnh Ninh Thuận", "PAR", 2020): (81.45, 31)}


def test_english_had_been_nth_in_a_year(gazetteer):
    text = "PAR Index 2020\n\nSoc Trang rose to 20th. It had been 33rd in 2019."
    got = text_facts(gazetteer, text, None)
    assert got[("Tỉnh Sóc Trăng", "PAR", 2020)] == (None, 20) and got[("Tỉnh Sóc Trăng", "PAR", 2019)] == (None, 33)


def test_the_last_commune_of_communes_and_wards_ranked_together(gazetteer):
    text = ("Lạng Sơn công bố Chỉ số cải cách hành chính năm 2025 của 65 xã, phường\n\n"
            "Phường Lương Văn Tri dẫn đầu với 90,4 điểm. Xếp cuối bảng là xã Quốc Khánh (66,2 điểm).")
    got = text_facts(gazetteer, text, "Lạng Sơn")
    assert got[("Xã Quốc Khánh", "PAR", 2025)] == (66.2, 65)


def test_the_last_ward_of_wards_ranked_apart_is_not_placed_by_the_count_of_all(gazetteer):
    text = ("Lạng Sơn công bố Chỉ số cải cách hành chính năm 2025 của 65 xã, phường\n\n"
            "Ở khối phường, phường Lương Văn Tri dẫn đầu với 90,4 điểm; phường Tam Thanh xếp cuối khối với 81,3 điểm.")
    got = text_facts(gazetteer, text, "Lạng Sơn")
    assert got[("Phường Tam Thanh", "PAR", 2025)] == (81.3, None)


def test_the_size_of_a_bloc_stated_with_its_average(gazetteer):
    text = ("Công bố Chỉ số CCHC năm 2020 của các sở, ban, ngành tỉnh Nghệ An\n\n"
            "Khối 21 sở, ban, ngành có điểm trung bình đạt 84,1 điểm.\n\n"
            "Hai đơn vị xếp cuối bảng là Sở Xây dựng (78,05 điểm) và Ban Dân tộc (77,2 điểm).")
    got = text_facts(gazetteer, text, "Nghệ An")
    assert got[("Sở Xây dựng", "PAR", 2020)] == (78.05, 20) and got[("Ban Dân tộc", "PAR", 2020)] == (77.2, 21)


def test_the_size_of_the_second_bloc_stated_after_the_province(gazetteer):
    text = ("Đồng Tháp: Chỉ số CCHC năm 2021\n\n"
            "UBND tỉnh công bố Chỉ số cải cách hành chính năm 2021 của 20 sở, ban, ngành tỉnh và 12 huyện, thành "
            "phố. Huyện Tam Nông xếp cuối khối với 82,4 điểm.")
    assert text_facts(gazetteer, text, "Đồng Tháp")[("Huyện Tam Nông", "PAR", 2021)] == (82.4, 12)
