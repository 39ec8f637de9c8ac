"""The text extractor on constructions of an eighth round of announcements (news, English news items, decision
appendices), written for these tests: a bloc's size stated in active voice or in English before the last place."""

from __future__ import annotations

import pytest
from helpers import text_facts as facts

from flows.extract.text import extract_text


def ranks(got: dict) -> dict[str, int | None]:
    """unit -> rank of ``facts``' result (one index and year)."""
    return {unit: rank for (unit, _, _), (_, rank) in got.items()}


def blocs(gazetteer, text: str, province: str, year: int = 2025) -> dict[str, tuple]:
    """unit -> (rank, bloc) of what ``extract_text`` reads."""
    return {f["unit"]: (f["rank"], f["bloc"]) for f in extract_text(text, gazetteer, year, province)["facts"]}


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


# English news: places counted from the bottom, top-n lists, "scored highest", "followed, in that order".
@pytest.mark.parametrize("place", ["was second from the bottom", "came second to last", "was the second-lowest",
                                   "finished second-from-last"])
def test_an_english_place_counted_from_the_bottom_is_no_second_place(gazetteer, place):
    text = (f"In the 2022 provincial PAR Index of 11 district-level units, Thanh Hóa City led with 90.05 points, "
            f"while Mường Lát District (77.10 points) {place}.")
    assert facts(gazetteer, text, "Thanh Hóa", 2022) == {("Thành phố Thanh Hóa", "PAR", 2022): (90.05, 1),
                                                          ("Huyện Mường Lát", "PAR", 2022): (77.1, 10)}


@pytest.mark.parametrize("verb", ["made up", "were", "formed"])
def test_english_units_that_made_up_the_top_three_take_the_places_in_order(gazetteer, verb):
    text = ("In the 2022 PAR Index, the Department of Finance (90.40 points), the Department of Health (89.75) and "
            f"the Department of Construction (88.10) {verb} the top three.")
    assert facts(gazetteer, text, "Thanh Hóa", 2022) == {
        ("Sở Tài chính", "PAR", 2022): (90.4, 1), ("Sở Y tế", "PAR", 2022): (89.75, 2),
        ("Sở Xây dựng", "PAR", 2022): (88.1, 3)}


@pytest.mark.parametrize("lead", ["scored highest at", "recorded the highest satisfaction rate at"])
def test_english_highest_score_is_the_first_place(gazetteer, lead):
    text = f"In the 2022 SIPAS, Sầm Sơn City {lead} 91.30 percent, followed by Bỉm Sơn Town at 90.85 percent."
    assert facts(gazetteer, text, "Thanh Hóa", 2022) == {("Thành phố Sầm Sơn", "SIPAS", 2022): (91.3, 1),
                                                          ("Thị xã Bỉm Sơn", "SIPAS", 2022): (90.85, 2)}


def test_english_units_that_followed_in_that_order_take_the_next_places(gazetteer):
    text = ("In the 2022 PAR Index, Sầm Sơn City and Bỉm Sơn Town came first and second with 91.3 and 90.85 points, "
            "respectively. Nghi Sơn Town, Hoằng Hóa and Quảng Xương districts followed, in that order.")
    got = facts(gazetteer, text, "Thanh Hóa", 2022)
    assert ranks(got) == {
        "Thành phố Sầm Sơn": 1, "Thị xã Bỉm Sơn": 2, "Thị xã Nghi Sơn": 3, "Huyện Hoằng Hóa": 4,
        "Huyện Quảng Xương": 5}


def test_the_ministry_that_released_the_ranking_some_days_before_is_not_ranked(gazetteer):
    text = ("Thanh Hóa placed 14th among 63 provinces in the 2022 PAR Index. The ranking, released on Friday by the "
            "Ministry of Home Affairs, gave the province 84.90 percent.")
    got = facts(gazetteer, text, "Thanh Hóa", 2022)
    assert not any(unit == "Bộ Nội vụ" for unit, _, _ in got), got


@pytest.mark.parametrize("verb", ["came", "ranked", "placed"])
def test_the_province_in_an_english_story_about_it(gazetteer, verb):
    text = (f"Thanh Hóa ranked 11th among 63 provinces in the 2022 SIPAS with 83.10 percent. The province {verb} "
            f"20th in the 2022 PAR Index with 84.90 percent.")
    assert facts(gazetteer, text, "Thanh Hóa", 2022) == {("Tỉnh Thanh Hóa", "SIPAS", 2022): (83.1, 11),
                                                          ("Tỉnh Thanh Hóa", "PAR", 2022): (84.9, 20)}


def test_scoring_highest_in_a_field_is_no_first_place(gazetteer):
    text = ("Thanh Hóa came 9th nationwide in the 2022 SIPAS with 84.20 percent. Among the eight fields, the province "
            "scored highest in administrative procedure reform.")
    assert facts(gazetteer, text, "Thanh Hóa", 2022) == {("Tỉnh Thanh Hóa", "SIPAS", 2022): (84.2, 9)}


# The weight of the survey in the index: a remark on the method, unless the survey is what its paragraph is about.
def test_raising_the_weight_of_the_survey_leaves_the_results_after_it_par(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2022.\n\nNăm nay tỉnh nâng tỷ trọng điểm điều tra xã hội học lên 35/100 điểm.\n\n"
            "Sở Công Thương đứng đầu với 91,06 điểm; Sở Y tế xếp thứ hai với 89,72 điểm.")
    assert facts(gazetteer, text, "Nghệ An") == {("Sở Công Thương", "PAR", 2022): (91.06, 1),
                                                  ("Sở Y tế", "PAR", 2022): (89.72, 2)}


def test_a_paragraph_about_the_survey_that_opens_with_its_weight_holds_survey_scores(gazetteer):
    text = ("Chỉ số CCHC năm 2022: Sở Công Thương đứng đầu với 91,06 điểm.\n\n"
            "Điểm điều tra xã hội học, phần chiếm 35/100 điểm, bình quân chỉ đạt 27,1/35 điểm. Sở Y tế có điểm cao "
            "nhất khối sở (30,4/35 điểm).\n\nSở Tài chính xếp thứ hai với 90,3 điểm.")
    assert facts(gazetteer, text, "Nghệ An") == {("Sở Công Thương", "PAR", 2022): (91.06, 1),
                                                  ("Sở Y tế", "SURVEY", 2022): (30.4, 1),
                                                  ("Sở Tài chính", "PAR", 2022): (90.3, 2)}



def test_the_weight_of_the_survey_alone_in_a_paragraph_leaves_the_next_one_par(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2022\n\nĐiểm điều tra xã hội học chiếm 35/100 điểm.\n\n"
            "Sở Công Thương đứng đầu với 91,06 điểm.")
    assert facts(gazetteer, text, "Nghệ An") == {("Sở Công Thương", "PAR", 2022): (91.06, 1)}


# A place kept from the year before: "giữ vị trí thứ ba như năm trước", "vẫn xếp cuối", "2 năm liền".
@pytest.mark.parametrize("kept", ["giữ vị trí thứ ba như năm trước với 88,64 điểm",
                                  "giữ vị trí thứ ba như năm 2021 với 88,64 điểm",
                                  "vẫn xếp thứ ba với 88,64 điểm"])
def test_a_place_kept_like_the_year_before(gazetteer, kept):
    text = f"Chỉ số CCHC năm 2022 khối sở: Sở Tài chính dẫn đầu với 91,2 điểm. Sở Xây dựng {kept}."
    assert facts(gazetteer, text, "Nghệ An") == {("Sở Tài chính", "PAR", 2022): (91.2, 1),
                                                  ("Sở Xây dựng", "PAR", 2022): (88.64, 3),
                                                  ("Sở Xây dựng", "PAR", 2021): (None, 3)}


@pytest.mark.parametrize("kept", ["vẫn xếp cuối với 77,4 điểm", "tiếp tục đứng cuối bảng với 77,4 điểm",
                                  "năm thứ hai liên tiếp xếp cuối với 77,4 điểm",
                                  "đã 2 năm liền xếp cuối bảng với 77,4 điểm"])
def test_the_last_place_kept_from_the_year_before(gazetteer, kept):
    text = (f"Chỉ số CCHC năm 2022 khối huyện (12 đơn vị): huyện Quan Sơn dẫn đầu với 89,5 điểm. "
            f"Huyện Mường Lát {kept}.")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Quan Sơn", "PAR", 2022): (89.5, 1),
                                                    ("Huyện Mường Lát", "PAR", 2022): (77.4, 12),
                                                    ("Huyện Mường Lát", "PAR", 2021): (None, 12)}


def test_a_last_place_stated_then_kept_gives_that_place_a_year_before(gazetteer):
    text = ("Chỉ số CCHC năm 2022 của 8 huyện: huyện Mường Lát xếp thứ 8 với 77,4 điểm. So với năm 2021, huyện "
            "Mường Lát tiếp tục đứng cuối bảng.")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Mường Lát", "PAR", 2022): (77.4, 8),
                                                    ("Huyện Mường Lát", "PAR", 2021): (None, 8)}


def test_two_years_in_a_row_at_the_top(gazetteer):
    text = "Chỉ số CCHC năm 2022: Sở Tài chính dẫn đầu với 91,2 điểm. Sở Tài chính đã 2 năm liền dẫn đầu."
    assert facts(gazetteer, text, "Nghệ An") == {("Sở Tài chính", "PAR", 2022): (91.2, 1),
                                                  ("Sở Tài chính", "PAR", 2021): (None, 1)}


def test_a_last_place_without_a_word_on_the_year_before_gives_none(gazetteer):
    text = ("Chỉ số CCHC năm 2022 khối huyện (12 đơn vị): huyện Quan Sơn dẫn đầu với 89,5 điểm. "
            "Huyện Mường Lát xếp cuối với 77,4 điểm.")
    assert ("Huyện Mường Lát", "PAR", 2021) not in facts(gazetteer, text, "Thanh Hóa")


# "Xếp hạng <the index> như sau:", "... lần lượt như sau:": a list in rank order.
@pytest.mark.parametrize("heading", ["Xếp hạng Chỉ số CCHC năm 2022 của các huyện như sau:",
                                     "Chỉ số CCHC năm 2022 khối huyện lần lượt như sau:",
                                     "Năm 2022, tỉnh tổ chức đánh giá. Kết quả xếp hạng khối huyện năm 2022 như sau:"])
def test_a_list_announced_as_the_ranking_as_follows_is_in_rank_order(gazetteer, heading):
    text = f"{heading} huyện Hoằng Hóa (88,4 điểm), huyện Quảng Xương (86,95 điểm), huyện Nga Sơn (85,1 điểm)."
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Hoằng Hóa", "PAR", 2022): (88.4, 1),
                                                    ("Huyện Quảng Xương", "PAR", 2022): (86.95, 2),
                                                    ("Huyện Nga Sơn", "PAR", 2022): (85.1, 3)}


def test_figures_as_follows_without_a_ranking_are_in_no_order(gazetteer):
    text = ("Điểm Chỉ số CCHC năm 2022 của một số huyện như sau: huyện Hoằng Hóa (88,4 điểm), huyện Quảng Xương "
            "(86,95 điểm), huyện Nga Sơn (85,1 điểm).")
    got = facts(gazetteer, text, "Thanh Hóa")
    assert {rank for _, rank in got.values()} == {None}, got


@pytest.mark.parametrize("stated", [
    "Chỉ số CCHC năm 2022 được đánh giá trên 11 huyện, thị xã, thành phố.",
    "Năm 2022, tỉnh xác định Chỉ số CCHC đối với 20 sở, cơ quan thuộc UBND tỉnh và 11 huyện, thị xã, thành phố.",
])
def test_a_bloc_size_on_which_the_index_was_assessed(gazetteer, stated):
    text = f"{stated}\n\nỞ khối huyện, huyện Quan Sơn dẫn đầu với 89,5 điểm; huyện Mường Lát đứng cuối với 77,4 điểm."
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Quan Sơn", "PAR", 2022): (89.5, 1),
                                                    ("Huyện Mường Lát", "PAR", 2022): (77.4, 11)}


# A move of places said after a rank the order of a list gives.
@pytest.mark.parametrize(("moved", "before"), [("tăng 3 bậc", 5), ("giảm 1 bậc", 1), ("tụt 1 bậc", 1)])
def test_a_move_from_a_rank_the_list_order_gives(gazetteer, moved, before):
    text = ("Chỉ số CCHC năm 2022 khối huyện: huyện Quan Sơn dẫn đầu với 91,4 điểm; tiếp theo là các huyện: "
            f"Hoằng Hóa 90,02 điểm, Nga Sơn 88,75 điểm. So với năm 2021, huyện Hoằng Hóa {moved}.")
    got = facts(gazetteer, text, "Thanh Hóa")
    assert got[("Huyện Hoằng Hóa", "PAR", 2022)] == (90.02, 2)
    assert got[("Huyện Hoằng Hóa", "PAR", 2021)] == (None, before)


# A second figure after a unit's score that is no score of it: a change, the whole province's rate.
@pytest.mark.parametrize("after", ["dù đã cải thiện gần 4 điểm so với năm trước", "sụt giảm 1,2 điểm",
                                   "tăng thêm 2,5 điểm so với năm 2021"])
def test_a_change_after_the_score_leaves_the_score(gazetteer, after):
    text = (f"Chỉ số CCHC năm 2022 khối huyện (11 đơn vị): huyện Quan Sơn dẫn đầu với 89,5 điểm. Huyện Mường Lát "
            f"xếp cuối với 77,4 điểm, {after}.")
    assert facts(gazetteer, text, "Thanh Hóa")[("Huyện Mường Lát", "PAR", 2022)] == (77.4, 11)


def test_the_whole_provinces_rate_after_the_last_unit_is_nobodys(gazetteer):
    text = ("Chỉ số hài lòng năm 2022 của 11 huyện, thị xã, thành phố: cao nhất thuộc về huyện Quan Sơn (91,5%), "
            "thấp nhất là huyện Mường Lát (82,4%); tỷ lệ chung toàn tỉnh đạt 87,1%.")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Quan Sơn", "SIPAS", 2022): (91.5, 1),
                                                    ("Huyện Mường Lát", "SIPAS", 2022): (82.4, 11)}


def test_a_department_split_from_another_is_the_one_scored(gazetteer):
    text = ("Chỉ số CCHC năm 2022 khối sở: Sở Du lịch, lần đầu được đánh giá riêng sau khi tách khỏi Sở Văn hóa và "
            "Thể thao, đạt 84,15 điểm.")
    assert facts(gazetteer, text, "Hà Nội") == {("Sở Du lịch", "PAR", 2022): (84.15, None)}


def test_the_unit_overtaken_named_again_with_its_own_place(gazetteer):
    text = ("Chỉ số CCHC năm 2022 khối sở: Sở Tài chính vượt Sở Y tế để dẫn đầu với 91,05 điểm, Sở Y tế đứng thứ hai "
            "(90,6 điểm).")
    assert facts(gazetteer, text, "Nghệ An") == {("Sở Tài chính", "PAR", 2022): (91.05, 1),
                                                  ("Sở Y tế", "PAR", 2022): (90.6, 2)}


@pytest.mark.parametrize("lost", ["dù mất ngôi đầu", "dù để mất vị trí dẫn đầu", "sau khi nhường lại ngôi đầu"])
def test_a_first_place_lost_is_no_first_place(gazetteer, lost):
    text = ("Chỉ số SIPAS năm 2022 khối huyện: cao nhất là huyện Hoằng Hóa (88,64%), tiếp đến là huyện Nga Sơn "
            f"(87,55%).\n\nHuyện Nga Sơn, {lost}, vẫn giữ khoảng cách rất gần.")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Hoằng Hóa", "SIPAS", 2022): (88.64, 1),
                                                    ("Huyện Nga Sơn", "SIPAS", 2022): (87.55, 2)}


def test_the_units_of_the_lowest_grade_at_the_bottom_of_the_bloc(gazetteer):
    text = ("Chỉ số CCHC năm 2022 của 20 sở, ban, ngành: có 2 đơn vị xếp mức Trung bình là Sở Y tế (69,40 điểm) và "
            "Sở Xây dựng (68,70 điểm), thấp nhất khối.")
    assert facts(gazetteer, text, "Nghệ An") == {("Sở Y tế", "PAR", 2022): (69.4, 19),
                                                  ("Sở Xây dựng", "PAR", 2022): (68.7, 20)}


def test_the_size_of_a_bloc_headed_khoi_ubnd_cap_huyen_numbers_a_last_place_far_below(gazetteer):
    lines = "".join(f"+ Huyện {name}: {90 - i},5 điểm, xếp thứ {i + 1};\n" for i, name in enumerate(
        ["Hoằng Hóa", "Quảng Xương", "Nga Sơn", "Hậu Lộc", "Nông Cống", "Triệu Sơn", "Thọ Xuân", "Yên Định"]))
    text = ("Chỉ số CCHC năm 2022\n\n1. Khối UBND cấp huyện (09 đơn vị)\n\n" + lines
            + "+ Huyện Mường Lát: 79,5 điểm, xếp thứ 9.\n\n- Khối huyện: Chỉ số SIPAS cao nhất thuộc về huyện Hoằng "
            "Hóa (88,64%); thấp nhất là huyện Quan Sơn (80,21%).")
    got = facts(gazetteer, text, "Thanh Hóa")
    assert got[("Huyện Quan Sơn", "SIPAS", 2022)] == (80.21, 9)


def test_lines_numbered_alike_are_a_list_not_a_wrapped_paragraph(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2022 khối sở:\nHạng 1 - Sở Tài chính - 92,10 điểm\n"
            "Hạng 2 - Văn phòng UBND tỉnh Nghệ An - 91,80 điểm\nHạng 3 - Sở Y tế - 90,05 điểm\n")
    assert facts(gazetteer, text, "Nghệ An") == {("Sở Tài chính", "PAR", 2022): (92.1, 1),
                                                  ("Văn phòng UBND tỉnh", "PAR", 2022): (91.8, 2),
                                                  ("Sở Y tế", "PAR", 2022): (90.05, 3)}


@pytest.mark.parametrize("lead", ["dẫn đầu 12 huyện", "đứng đầu trong 12 huyện"])
def test_leading_n_districts_states_the_bloc_size(gazetteer, lead):
    text = (f"Chỉ số CCHC năm 2022: huyện Hoằng Hóa {lead} với 90,2 điểm. Huyện Mường Lát xếp cuối với 77,1 điểm.")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Hoằng Hóa", "PAR", 2022): (90.2, 1),
                                                    ("Huyện Mường Lát", "PAR", 2022): (77.1, 12)}


def test_the_last_three_listed_from_the_bottom_up(gazetteer):
    text = ("Chỉ số CCHC năm 2022 của 12 huyện. Ba huyện xếp cuối lần lượt là Mường Lát (77,1 điểm), Quan Sơn "
            "(77,9 điểm) và Quan Hóa (78,2 điểm).")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Mường Lát", "PAR", 2022): (77.1, 12),
                                                    ("Huyện Quan Sơn", "PAR", 2022): (77.9, 11),
                                                    ("Huyện Quan Hóa", "PAR", 2022): (78.2, 10)}


def test_two_numbered_lists_of_two_blocs_in_one_paragraph(gazetteer):
    text = ("Điều 1. Công bố Chỉ số cải cách hành chính năm 2022 của các sở và các huyện.\n\nPHỤ LỤC\n"
            "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 (xếp theo thứ tự từ cao xuống thấp)\nI. KHỐI SỞ, BAN, NGÀNH\n"
            "1. Sở Tài chính: 82,35% - Xếp loại Tốt\n2. Sở Y tế: 81,1% - Xếp loại Tốt\nII. KHỐI HUYỆN, THÀNH PHỐ\n"
            "1. UBND Huyện Hoằng Hóa: 83,5%\n2. UBND Huyện Nga Sơn: 81,25%\n")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Sở Tài chính", "PAR", 2022): (82.35, 1),
                                                    ("Sở Y tế", "PAR", 2022): (81.1, 2),
                                                    ("Huyện Hoằng Hóa", "PAR", 2022): (83.5, 1),
                                                    ("Huyện Nga Sơn", "PAR", 2022): (81.25, 2)}


# Points and the percent they come to: the percent is the index.
@pytest.mark.parametrize("joined", ["tương ứng", "tương đương", "tức"])
def test_points_worked_into_a_percent_give_the_percent(gazetteer, joined):
    text = (f"Chỉ số CCHC năm 2014: hạng nhì là huyện Nga Sơn với 66,9 điểm, {joined} 83,63%; huyện Hậu Lộc đạt "
            f"65,2 điểm, {joined} 81,5%, xếp thứ ba.")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Nga Sơn", "PAR", 2014): (83.63, 2),
                                                    ("Huyện Hậu Lộc", "PAR", 2014): (81.5, 3)}


# 2025: wards and communes ranked in one list are one bloc of the commune level.
def test_wards_and_communes_in_one_ranking_are_one_bloc(gazetteer):
    text = ("Chỉ số CCHC năm 2025 của 99 xã, phường được đánh giá chung. 4 đơn vị dẫn đầu gồm: phường Lào Cai 94,36 "
            "điểm; phường Cam Đường 93,05 điểm; xã Bảo Thắng 92,40 điểm; phường Sa Pa 92,10 điểm. Xã Y Tý xếp thứ 98 "
            "với 70,15 điểm.")
    got = blocs(gazetteer, text, "Lào Cai")
    assert got == {"Phường Lào Cai": (1, "commune_level"), "Phường Cam Đường": (2, "commune_level"),
                   "Xã Bảo Thắng": (3, "commune_level"), "Phường Sa Pa": (4, "commune_level"),
                   "Xã Y Tý": (98, "commune_level")}


def test_wards_and_communes_ranked_apart_keep_their_blocs(gazetteer):
    text = ("Chỉ số CCHC năm 2025. Khối phường: phường Lào Cai dẫn đầu với 94,36 điểm, tiếp theo là phường Cam Đường "
            "93,05 điểm. Khối xã: xã Bảo Thắng dẫn đầu với 92,40 điểm, tiếp theo là xã Văn Bàn 91,96 điểm.")
    got = blocs(gazetteer, text, "Lào Cai")
    assert got == {"Phường Lào Cai": (1, "ward"), "Phường Cam Đường": (2, "ward"), "Xã Bảo Thắng": (1, "commune"),
                   "Xã Văn Bàn": (2, "commune")}


def test_the_last_ward_and_the_last_commune_in_one_sentence_keep_their_blocs(gazetteer):
    text = ("Chỉ số CCHC năm 2025 cấp xã chia thành 2 khối: khối phường (10 đơn vị), khối xã (89 đơn vị). Phường Sa Pa "
            "(78,05 điểm) đứng cuối khối phường; xã Y Tý (74,60 điểm) đứng cuối khối xã.")
    got = blocs(gazetteer, text, "Lào Cai")
    assert got == {"Phường Sa Pa": (10, "ward"), "Xã Y Tý": (89, "commune")}


@pytest.mark.parametrize("kind", ["xã", "X."])
def test_the_five_communes_leading_in_a_list_after_a_colon(gazetteer, kind):
    text = (f"Chỉ số CCHC năm 2025.\n5 xã dẫn đầu: {kind} Tam Đảo (91,56 điểm), {kind} Lâm Thao (91,02 điểm), {kind} "
            f"Bình Xuyên (90,77 điểm), {kind} Lương Sơn (90,31 điểm), {kind} Phù Ninh (89,95 điểm).")
    got = facts(gazetteer, text, "Phú Thọ", 2025)
    assert [rank for _, rank in got.values()] == [1, 2, 3, 4, 5], got


def test_the_index_named_alongside_is_not_the_subject_of_the_announcement(gazetteer):
    text = ("Tin tức năm 2022\n\nCùng với Chỉ số CCHC, UBND tỉnh công bố Chỉ số hài lòng của người dân, tổ chức đối "
            "với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2022. Huyện Nga Sơn đạt 88,73%, đứng thứ ba.")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Huyện Nga Sơn", "SIPAS", 2022): (88.73, 3)}


def test_the_ministry_that_ranked_the_province_is_not_ranked(gazetteer):
    text = "Cũng theo Sở Nội vụ, năm 2022 Thanh Hóa được Bộ Nội vụ xếp thứ 6/63 tỉnh, thành phố về Chỉ số CCHC."
    assert facts(gazetteer, text, "Thanh Hóa") == {("Tỉnh Thanh Hóa", "PAR", 2022): (None, 6)}


def test_the_last_place_numbered_out_of_the_bloc(gazetteer):
    text = ("Chỉ số CCHC năm 2022: huyện Hoằng Hóa dẫn đầu với 90,06 điểm; huyện Mường Lát xếp cuối 27/27 với 78,44 "
            "điểm.")
    assert facts(gazetteer, text, "Thanh Hóa")[("Huyện Mường Lát", "PAR", 2022)] == (78.44, 27)


def test_a_leading_list_that_goes_on_with_a_tie_in_the_next_clause(gazetteer):
    text = ("Chỉ số CCHC năm 2022, 5 đơn vị dẫn đầu là Sở Tài chính (90,25 điểm), Sở Y tế (89,60 điểm), Sở Xây dựng "
            "(88,77 điểm); Sở Công Thương và Sở Tư pháp đồng hạng tư với 87,93 điểm.")
    got = facts(gazetteer, text, "Nghệ An")
    assert ranks(got) == {
        "Sở Tài chính": 1, "Sở Y tế": 2, "Sở Xây dựng": 3, "Sở Công Thương": 4, "Sở Tư pháp": 4}


def test_the_leading_n_announced_over_one_line_each(gazetteer):
    text = ("Chỉ số CCHC năm 2022.\n\nBa đơn vị dẫn đầu khối sở, ban, ngành gồm:\n- Sở Tài chính: 92,87 điểm;\n"
            "- Sở Y tế: 92,15 điểm;\n- Sở Xây dựng: 91,60 điểm.")
    got = facts(gazetteer, text, "Nghệ An")
    assert ranks(got) == {"Sở Tài chính": 1, "Sở Y tế": 2, "Sở Xây dựng": 3}


def test_the_leading_n_named_after_a_list_that_closes_a_clause(gazetteer):
    text = ("Chỉ số SIPAS năm 2022: huyện Hoằng Hóa 92,15%, huyện Nga Sơn 91,88%, huyện Hậu Lộc 91,30% là 3 đơn vị "
            "dẫn đầu; huyện Mường Lát thấp nhất với 84,02%.")
    got = facts(gazetteer, text, "Thanh Hóa")
    assert [got[(u, "SIPAS", 2022)][1] for u in ("Huyện Hoằng Hóa", "Huyện Nga Sơn", "Huyện Hậu Lộc")] == [1, 2, 3]


# Grade bands: the best band the text names lists the first places, the worst the last ones.
def test_the_best_and_the_worst_grade_band_list_the_first_and_last_places(gazetteer):
    text = ("Chỉ số CCHC năm 2022 của 12 huyện được đánh giá. Nhóm xếp loại Tốt gồm 3 đơn vị: huyện Hoằng Hóa (86,42 "
            "điểm), huyện Nga Sơn (83,15 điểm) và huyện Hậu Lộc (81,70 điểm). Nhóm xếp loại Khá gồm 7 đơn vị. Có 2 đơn "
            "vị xếp loại Trung bình, gồm huyện Quan Sơn (69,85 điểm) và huyện Mường Lát (68,40 điểm).")
    got = facts(gazetteer, text, "Thanh Hóa")
    assert ranks(got) == {
        "Huyện Hoằng Hóa": 1, "Huyện Nga Sơn": 2, "Huyện Hậu Lộc": 3, "Huyện Quan Sơn": 11, "Huyện Mường Lát": 12}


def test_a_band_whose_scores_do_not_fall_or_the_only_band_named_gives_no_places(gazetteer):
    text = ("Chỉ số CCHC năm 2022. Nhóm xếp loại Tốt gồm 2 đơn vị: huyện Hoằng Hóa (83,15 điểm), huyện Nga Sơn (86,42 "
            "điểm).\n\nChỉ số CCHC năm 2022 khối sở: loại Tốt gồm 2 đơn vị: Sở Y tế (88,1 điểm), Sở Xây dựng (86,2 "
            "điểm).")
    got = facts(gazetteer, text, "Thanh Hóa")
    assert {rank for _, rank in got.values()} == {None}, got


def test_the_size_of_two_blocs_assessed_together(gazetteer):
    text = ("Năm nay, 20 sở, ban, ngành và 27 huyện, thị xã, thành phố được đánh giá, xếp hạng. Ở khối sở, Sở Xây dựng "
            "đứng cuối bảng với 68,90 điểm.")
    assert facts(gazetteer, text, "Thanh Hóa", 2022)[("Sở Xây dựng", "PAR", 2022)] == (68.9, 20)


def test_the_worst_band_of_wards_and_communes_ranked_together(gazetteer):
    text = ("Chỉ số CCHC năm 2025 của 99 xã, phường (10 phường, 89 xã). Các đơn vị được xếp hạng chung. Có 5 đơn vị "
            "đạt loại Tốt, 92 đơn vị đạt loại Khá và 2 đơn vị xếp loại Trung bình, gồm xã Y Tý (69,85 điểm) và xã Nậm "
            "Xé (68,40 điểm).")
    got = blocs(gazetteer, text, "Lào Cai")
    assert got == {"Xã Y Tý": (98, "commune_level"), "Xã Nậm Xé": (99, "commune_level")}


def test_a_band_count_after_its_bounds_is_no_bloc_size(gazetteer):
    text = ("Chỉ số CCHC năm 2022 đối với 20 sở, ban, ngành:\n"
            "a) Nhóm đạt loại tốt (từ 80 điểm trở lên): gồm 2 đơn vị: Sở Y tế (86,50 điểm), Sở Tài chính (85,75 "
            "điểm).\nb) Nhóm đạt loại khá (từ 70 đến dưới 80 điểm): gồm 15 đơn vị.\n"
            "c) Nhóm đạt loại trung bình (dưới 70 điểm): gồm 3 đơn vị là Sở Xây dựng (68,40 điểm), Ban Dân tộc "
            "(67,15 điểm) và Sở Công Thương (65,90 điểm).")
    got = facts(gazetteer, text, "Nghệ An")
    assert ranks(got) == {
        "Sở Y tế": 1, "Sở Tài chính": 2, "Sở Xây dựng": 18, "Ban Dân tộc": 19, "Sở Công Thương": 20}


def test_a_national_rank_without_a_subject_after_a_sentence_on_the_province(gazetteer):
    text = ("Chỉ số CCHC năm 2022 của tỉnh Thanh Hóa đạt 85,18%, xếp thứ 30/63. Chỉ số SIPAS năm 2022 đạt 79,42%, "
            "xếp thứ 44/63.")
    assert facts(gazetteer, text, "Thanh Hóa") == {("Tỉnh Thanh Hóa", "PAR", 2022): (85.18, 30),
                                                    ("Tỉnh Thanh Hóa", "SIPAS", 2022): (79.42, 44)}


def test_the_leaders_named_in_a_declared_order_without_scores(gazetteer):
    text = "Năm 2022, ba huyện dẫn đầu Chỉ số CCHC lần lượt là Hoằng Hóa, Nga Sơn và Hậu Lộc."
    got = facts(gazetteer, text, "Thanh Hóa")
    assert ranks(got) == {"Huyện Hoằng Hóa": 1, "Huyện Nga Sơn": 2, "Huyện Hậu Lộc": 3}


def test_the_leaders_named_without_scores_or_order_get_no_places(gazetteer):
    text = "Năm 2022, ba huyện dẫn đầu Chỉ số CCHC là Hoằng Hóa, Nga Sơn và Hậu Lộc (không theo thứ tự)."
    assert {rank for _, rank in facts(gazetteer, text, "Thanh Hóa").values()} <= {None}


@pytest.mark.parametrize("stated", ["Kết quả năm 2022 được xác định với 27 huyện, thị xã, thành phố.",
                                    "Việc chấm điểm năm 2022 được tiến hành với 27 huyện, thị xã, thành phố."])
def test_a_bloc_size_the_index_was_worked_out_for(gazetteer, stated):
    text = f"{stated} Huyện Hoằng Hóa xếp thứ nhất. Huyện Mường Lát đứng cuối với 79,33 điểm."
    assert facts(gazetteer, text, "Thanh Hóa")[("Huyện Mường Lát", "PAR", 2022)] == (79.33, 27)


# The units a unit placed n-th comes after: the first n - 1.
def test_the_units_a_third_place_comes_after_are_first_and_second(gazetteer):
    text = ("Chỉ số SIPAS năm 2022 của huyện Nga Sơn đạt 88,73%, đứng thứ ba toàn tỉnh, sau huyện Hoằng Hóa (89,50%) "
            "và huyện Hậu Lộc (89,02%).")
    got = facts(gazetteer, text, "Thanh Hóa")
    assert ranks(got) == {"Huyện Nga Sơn": 3, "Huyện Hoằng Hóa": 1, "Huyện Hậu Lộc": 2}


def test_a_province_fourth_only_after_three_named(gazetteer):
    text = ("Năm 2022, Chỉ số CCHC của Thanh Hóa đạt 89,1%, xếp thứ 4/63 tỉnh, thành phố, chỉ sau Quảng Ninh (91,2%), "
            "Hải Phòng (90,1%) và Bắc Ninh (89,9%).")
    got = facts(gazetteer, text, "Thanh Hóa")
    assert ranks(got) == {
        "Tỉnh Thanh Hóa": 4, "Tỉnh Quảng Ninh": 1, "Thành phố Hải Phòng": 2, "Tỉnh Bắc Ninh": 3}


def test_units_named_after_sau_that_are_not_all_above_get_no_places(gazetteer):
    text = "Chỉ số CCHC năm 2022: huyện Nga Sơn xếp thứ năm, sau huyện Hoằng Hóa và huyện Hậu Lộc."
    got = facts(gazetteer, text, "Thanh Hóa")
    assert got.get(("Huyện Hoằng Hóa", "PAR", 2022), (None, None))[1] is None


def test_a_run_of_places_over_a_ward_a_special_zone_and_a_commune_is_one_bloc(gazetteer):
    text = ("Chỉ số SIPAS năm 2025 của các xã, phường: phường Lào Cai có chỉ số cao nhất (96,02%), kế đến là phường "
            "Sa Pa (95,47%), xã Bảo Thắng (94,90%) và phường Cam Đường (94,31%).")
    got = blocs(gazetteer, text, "Lào Cai")
    assert got == {"Phường Lào Cai": (1, "commune_level"), "Phường Sa Pa": (2, "commune_level"),
                   "Xã Bảo Thắng": (3, "commune_level"), "Phường Cam Đường": (4, "commune_level")}
