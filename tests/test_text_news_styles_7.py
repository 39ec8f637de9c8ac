"""The text extractor on constructions of a seventh round of announcements (conference reports, portal
bulletins, short texts packed with ways of saying a place), written for these tests: the survey named as a
part of the index or as fieldwork, list lines without "điểm", a ranking announced over one line per unit."""

from __future__ import annotations

import pytest
from helpers import text_facts as facts


# The survey named in a sentence on the method or the fieldwork is not the index of the figures after it.
@pytest.mark.parametrize("method", [
    "Chỉ số CCHC năm 2021 gồm điểm thẩm định và điểm điều tra xã hội học.",
    "Chỉ số CCHC năm 2021 được chấm trên thang điểm 100, trong đó điểm điều tra xã hội học chiếm 35 điểm.",
    "Chỉ số CCHC năm 2021 của các sở gồm điểm thẩm định (tối đa 65 điểm) và điểm điều tra XHH (tối đa 35 điểm).",
    "Chỉ số CCHC năm 2021. Năm nay tỉnh phát ra 1.800 phiếu điều tra xã hội học.",
    "Chỉ số CCHC năm 2021. Điểm số được tổng hợp từ điểm thẩm định và điểm điều tra xã hội học.",
])
def test_the_survey_in_a_method_or_fieldwork_sentence_leaves_the_figures_after_it_par(gazetteer, method):
    text = f"{method}\n\nSở Xây dựng đứng đầu với 90,12 điểm; Sở Y tế xếp thứ hai với 89,05 điểm."
    got = facts(gazetteer, text, "Bắc Giang")
    assert got == {("Sở Xây dựng", "PAR", 2021): (90.12, 1), ("Sở Y tế", "PAR", 2021): (89.05, 2)}


def test_survey_results_after_the_fieldwork_in_the_same_paragraph_are_survey_scores(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của các sở.\n\nTỉnh phát phiếu điều tra xã hội học tới 900 người. Theo kết quả "
            "khảo sát, Sở Xây dựng dẫn đầu với 30,15 điểm.\n\nVề chỉ số chung, Sở Y tế đứng đầu với 90,4 điểm.")
    got = facts(gazetteer, text, "Bắc Giang")
    assert got == {("Sở Xây dựng", "SURVEY", 2021): (30.15, 1), ("Sở Y tế", "PAR", 2021): (90.4, 1)}


# A numbered line "1. Sở Tư pháp: 91,25" ends with its score, "điểm" or not.
def test_a_numbered_line_ends_with_its_bare_score(gazetteer):
    text = ("Bảng xếp hạng Chỉ số CCHC năm 2022 khối sở:\n1. Sở Công Thương: 90,65\n2. Sở Tài chính: 89,90\n"
            "3. Sở Xây dựng: 89,15")
    got = facts(gazetteer, text, "Nghệ An")
    assert got == {("Sở Công Thương", "PAR", 2022): (90.65, 1), ("Sở Tài chính", "PAR", 2022): (89.9, 2),
                   ("Sở Xây dựng", "PAR", 2022): (89.15, 3)}


def test_a_bare_number_in_a_line_of_prose_is_no_score(gazetteer):
    text = "Chỉ số CCHC năm 2022.\n- Sở Công Thương đã tiếp nhận 1.250 hồ sơ, giải quyết đúng hạn 98,5"
    got = facts(gazetteer, text, "Nghệ An")
    assert got == {}


# A ranking announced by a line ("xếp hạng như sau:", "(từ cao xuống thấp):"), then one unit per line.
@pytest.mark.parametrize("bullet", ["+ ", "- ", "• "])
@pytest.mark.parametrize("announce", ["Kết quả xếp hạng các huyện (từ cao xuống thấp):",
                                      "Các huyện được xếp hạng như sau:"])
def test_a_ranking_announced_over_one_line_per_unit(gazetteer, bullet, announce):
    text = (f"Chỉ số CCHC năm 2020 của các huyện.\n\n{announce}\n{bullet}Huyện Diễn Châu: 88,4 điểm\n"
            f"{bullet}Huyện Yên Thành: 87,15 điểm\n{bullet}Huyện Quỳnh Lưu: 86,9 điểm")
    got = facts(gazetteer, text, "Nghệ An")
    assert got == {("Huyện Diễn Châu", "PAR", 2020): (88.4, 1), ("Huyện Yên Thành", "PAR", 2020): (87.15, 2),
                   ("Huyện Quỳnh Lưu", "PAR", 2020): (86.9, 3)}


def test_lines_after_a_heading_that_announces_no_order_get_no_places(gazetteer):
    text = ("Chỉ số CCHC năm 2020 của các huyện.\n\nĐiểm của một số huyện:\n+ Huyện Diễn Châu: 88,4 điểm\n"
            "+ Huyện Quỳnh Lưu: 86,9 điểm")
    got = facts(gazetteer, text, "Nghệ An")
    assert got == {("Huyện Diễn Châu", "PAR", 2020): (88.4, None), ("Huyện Quỳnh Lưu", "PAR", 2020): (86.9, None)}


# Leader ratings: a head count before the list, a place name that goes on a body's name.
@pytest.mark.parametrize("count", ["(4 người), gồm:", "(04 đồng chí), trong đó có:", "(4 người):"])
def test_a_head_count_before_the_list_of_rated_heads(gazetteer, count):
    from flows.extract.text import extract_text

    text = (f"Kết quả xếp loại người đứng đầu năm 2023.\n\nHoàn thành xuất sắc nhiệm vụ {count} Giám đốc Sở Y tế; "
            "Trưởng ban Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp; Chủ tịch UBND thị xã Bỉm Sơn; "
            "Chủ tịch UBND huyện Nga Sơn.")
    ratings = extract_text(text, gazetteer, 2023, "Thanh Hóa")["leader_ratings"]
    got = [(r["unit"], r["title"], r["rating"]) for r in ratings]
    assert got == [("Sở Y tế", "Giám đốc", "hoàn thành xuất sắc nhiệm vụ"),
                   ("Ban Quản lý Khu kinh tế", "Trưởng ban", "hoàn thành xuất sắc nhiệm vụ"),
                   ("Thị xã Bỉm Sơn", "Chủ tịch UBND", "hoàn thành xuất sắc nhiệm vụ"),
                   ("Huyện Nga Sơn", "Chủ tịch UBND", "hoàn thành xuất sắc nhiệm vụ")]


# Lists said to be in no rank order, or from the lowest up; a grade band named once and used again.
@pytest.mark.parametrize("aside", [", không theo thứ tự xếp hạng,", " (không theo thứ tự)", ", xếp theo vần a, b, c,"])
def test_a_list_in_no_rank_order_gets_no_places(gazetteer, aside):
    from flows.extract.text import extract_text

    text = (f"Chỉ số CCHC năm 2019 của 12 huyện. Huyện Na Hang đứng đầu với 91,2 điểm. Ba huyện loại Khá (từ 80 đến "
            f"dưới 90 điểm){aside} là: huyện Lâm Bình; huyện Sơn Dương; huyện Yên Sơn.")
    got = {(f["unit"], f["score"], f["rank"], f["score_min"], f["score_max"])
           for f in extract_text(text, gazetteer, 2019, "Tuyên Quang")["facts"]}
    assert got == {("Huyện Na Hang", 91.2, 1, None, None), ("Huyện Lâm Bình", None, None, 80, 90),
                   ("Huyện Sơn Dương", None, None, 80, 90), ("Huyện Yên Sơn", None, None, 80, 90)}


@pytest.mark.parametrize("order", ["theo thứ tự từ thấp lên cao", "xếp theo điểm số tăng dần"])
def test_a_list_from_the_lowest_up_ends_at_the_last_place(gazetteer, order):
    text = (f"Chỉ số CCHC năm 2019 của 12 sở, ban, ngành. Nhóm cuối, {order}: Sở Xây dựng (74,1 điểm); Sở Y tế "
            "(76,35 điểm) và Sở Tài chính (77,9 điểm).")
    got = facts(gazetteer, text, "Tuyên Quang")
    assert got == {("Sở Xây dựng", "PAR", 2019): (74.1, 12), ("Sở Y tế", "PAR", 2019): (76.35, 11),
                   ("Sở Tài chính", "PAR", 2019): (77.9, 10)}


def test_a_grade_band_stated_once_bounds_the_list_of_that_grade_later(gazetteer):
    from flows.extract.text import extract_text

    text = ("Chỉ số CCHC năm 2019: 4 huyện đạt loại Tốt (từ 90 điểm trở lên), 3 huyện loại Khá (từ 80 đến dưới 90 "
            "điểm).\n\nBa huyện loại Khá là: huyện Lâm Bình; huyện Sơn Dương; huyện Yên Sơn.")
    got = {(f["unit"], f["score_min"], f["score_max"])
           for f in extract_text(text, gazetteer, 2019, "Tuyên Quang")["facts"]}
    assert got == {("Huyện Lâm Bình", 80, 90), ("Huyện Sơn Dương", 80, 90), ("Huyện Yên Sơn", 80, 90)}


# "top n" / "tốp đầu" said of a list of n units; "hoàn thành top 3" after the leader.
@pytest.mark.parametrize("sentence", [
    "Top 3 gồm: huyện Lương Sơn (88,2 điểm), huyện Cao Phong (87,6 điểm) và huyện Kim Bôi (86,95 điểm).",
    "Lọt vào tốp 3 là huyện Lương Sơn (88,2 điểm), huyện Cao Phong (87,6 điểm) và huyện Kim Bôi (86,95 điểm).",
    "Huyện Lương Sơn (88,2 điểm), huyện Cao Phong (87,6 điểm) và huyện Kim Bôi (86,95 điểm) là top 3 năm nay.",
    "Huyện Lương Sơn, huyện Cao Phong và huyện Kim Bôi là 3 đơn vị tốp đầu (lần lượt 88,2; 87,6 và 86,95 điểm).",
])
def test_the_top_n_said_of_a_list_of_n(gazetteer, sentence):
    got = facts(gazetteer, f"Chỉ số CCHC năm 2021 của 10 huyện, thành phố. {sentence}", "Hòa Bình")
    assert got == {("Huyện Lương Sơn", "PAR", 2021): (88.2, 1), ("Huyện Cao Phong", "PAR", 2021): (87.6, 2),
                   ("Huyện Kim Bôi", "PAR", 2021): (86.95, 3)}


def test_a_unit_in_the_top_n_is_not_ranked(gazetteer):
    got = facts(gazetteer, "Chỉ số CCHC năm 2021: huyện Kim Bôi lọt vào top 5 với 86,95 điểm.", "Hòa Bình")
    assert got == {("Huyện Kim Bôi", "PAR", 2021): (86.95, None)}


@pytest.mark.parametrize("words", ["hoàn thành top 3", "khép lại top 3", "hoàn thành nhóm top 3"])
def test_two_units_that_complete_the_top_three(gazetteer, words):
    text = (f"Chỉ số CCHC năm 2021 của 10 huyện, thành phố: thành phố Hòa Bình dẫn đầu với 89,4 điểm; huyện Lương Sơn "
            f"(88,2 điểm) và huyện Cao Phong (87,6 điểm) {words}.")
    got = facts(gazetteer, text, "Hòa Bình")
    assert got == {("Thành phố Hòa Bình", "PAR", 2021): (89.4, 1), ("Huyện Lương Sơn", "PAR", 2021): (88.2, 2),
                   ("Huyện Cao Phong", "PAR", 2021): (87.6, 3)}


# Last year's place written before this year's, in one clause or an appositive.
@pytest.mark.parametrize(("sentence", "now", "before"), [
    ("Năm 2022, Sở Công Thương, đơn vị năm 2021 chỉ xếp thứ 10, năm nay vươn lên vị trí thứ năm với 88,35 điểm.",
     (88.35, 5), (None, 10)),
    ("Năm 2022, Sở Công Thương, đơn vị năm 2021 xếp thứ 10, năm nay đạt 88,35 điểm và được xếp ở vị trí thứ 5.",
     (88.35, 5), (None, 10)),
    ("Chỉ số CCHC năm 2022: Sở Công Thương năm 2021 xếp thứ 10, năm 2022 vươn lên vị trí thứ 5 với 88,35 điểm.",
     (88.35, 5), (None, 10)),
    ("Chỉ số CCHC năm 2022: Sở Công Thương năm 2021 xếp thứ 10, năm nay xếp thứ 5 (88,35 điểm).",
     (88.35, 5), (None, 10)),
])
def test_last_years_place_before_this_years(gazetteer, sentence, now, before):
    got = facts(gazetteer, sentence, "Hà Tĩnh", 2022)
    assert got == {("Sở Công Thương", "PAR", 2022): now, ("Sở Công Thương", "PAR", 2021): before}


def test_a_fifth_place_is_not_read_off_this_year(gazetteer):
    got = facts(gazetteer, "Năm 2022, Sở Y tế xếp thứ 7, năm nay tăng 2 bậc.", "Hà Tĩnh", 2022)
    assert got == {("Sở Y tế", "PAR", 2022): (None, 7), ("Sở Y tế", "PAR", 2021): (None, 9)}


# Other words for the last place, and places counted up from it.
@pytest.mark.parametrize("words", ["đội sổ", "xếp chót", "xếp hạng chót", "về cuối", "đứng chót bảng"])
def test_more_words_for_the_last_place(gazetteer, words):
    text = f"Chỉ số CCHC năm 2020 của 9 huyện, thành phố. Huyện Mường Tè {words} với 77,4 điểm."
    assert facts(gazetteer, text, "Lai Châu") == {("Huyện Mường Tè", "PAR", 2020): (77.4, 9)}


@pytest.mark.parametrize(("words", "rank"), [("đứng áp chót", 8), ("xếp thứ hai từ dưới lên", 8),
                                             ("đứng thứ ba từ dưới lên", 7), ("xếp kế cuối", 8)])
def test_a_place_counted_up_from_the_last(gazetteer, words, rank):
    text = f"Chỉ số CCHC năm 2020 của 9 huyện, thành phố. Huyện Phong Thổ {words} với 79,15 điểm."
    assert facts(gazetteer, text, "Lai Châu") == {("Huyện Phong Thổ", "PAR", 2020): (79.15, rank)}


def test_the_last_and_the_one_above_it_in_one_sentence(gazetteer):
    text = ("Chỉ số CCHC năm 2020 của 9 huyện, thành phố. Xếp cuối là huyện Mường Tè với 77,4 điểm; áp chót là huyện "
            "Phong Thổ (79,15 điểm).")
    assert facts(gazetteer, text, "Lai Châu") == {("Huyện Mường Tè", "PAR", 2020): (77.4, 9),
                                                  ("Huyện Phong Thổ", "PAR", 2020): (79.15, 8)}


# A difference to another unit is no score of that unit.
@pytest.mark.parametrize("clause", ["hơn đơn vị xếp thứ hai là huyện Tam Đường 0,42 điểm",
                                    "vượt đơn vị xếp thứ hai là huyện Tam Đường 0.42 điểm"])
def test_the_gap_to_the_unit_in_second_place_is_not_its_score(gazetteer, clause):
    text = f"Chỉ số CCHC năm 2020 của 8 huyện, thành phố: thành phố Lai Châu đứng đầu với 90,12 điểm, {clause}."
    assert facts(gazetteer, text, "Lai Châu") == {("Thành phố Lai Châu", "PAR", 2020): (90.12, 1),
                                                  ("Huyện Tam Đường", "PAR", 2020): (None, 2)}


def test_the_gap_to_the_leader_gives_the_last_unit_no_first_place(gazetteer):
    text = ("Chỉ số CCHC năm 2020 của 8 huyện, thành phố. Huyện Nậm Nhùn đứng cuối bảng với 78,05 điểm, thấp hơn đơn "
            "vị dẫn đầu 12,07 điểm.")
    assert facts(gazetteer, text, "Lai Châu") == {("Huyện Nậm Nhùn", "PAR", 2020): (78.05, 8)}


def test_overtaking_a_unit_keeps_its_score(gazetteer):
    text = ("Chỉ số CCHC năm 2020: thành phố Lai Châu giành vị trí thứ nhất với 90,12 điểm, vượt qua huyện Tam Đường, "
            "nay xếp thứ hai với 89,7 điểm.")
    assert facts(gazetteer, text, "Lai Châu") == {("Thành phố Lai Châu", "PAR", 2020): (90.12, 1),
                                                  ("Huyện Tam Đường", "PAR", 2020): (89.7, 2)}


# A province's figures over several years in one sentence; a place in its region; the national average.
@pytest.mark.parametrize("sentence", [
    "Chỉ số CCHC của tỉnh Sóc Trăng: năm 2020 đạt 84,3%, xếp thứ 30/63; năm 2021 giảm còn 82,95%, xếp thứ 41/63; "
    "năm 2022 tăng lên 86,6%, xếp thứ 19/63.",
    "Chỉ số CCHC của tỉnh Sóc Trăng liên tục thay đổi: năm 2020 đạt 84,3% (thứ 30); năm 2021 đạt 82,95% (thứ 41); "
    "năm 2022 đạt 86,6% (thứ 19).",
])
def test_a_provinces_figures_of_several_years_in_one_sentence(gazetteer, sentence):
    got = facts(gazetteer, sentence, "Sóc Trăng", 2023)
    assert got == {("Tỉnh Sóc Trăng", "PAR", 2020): (84.3, 30), ("Tỉnh Sóc Trăng", "PAR", 2021): (82.95, 41),
                   ("Tỉnh Sóc Trăng", "PAR", 2022): (86.6, 19)}


@pytest.mark.parametrize("region", [
    "Như vậy, Sóc Trăng đứng thứ 4 trong khu vực Đồng bằng sông Cửu Long.",
    "Trong khu vực Đồng bằng sông Cửu Long, Sóc Trăng xếp thứ 4, chỉ sau Đồng Tháp, Cần Thơ và An Giang.",
])
def test_a_place_in_the_region_is_not_the_national_rank(gazetteer, region):
    text = f"Chỉ số CCHC năm 2022 của tỉnh Sóc Trăng đạt 86,6%, xếp thứ 19/63 tỉnh, thành phố.\n\n{region}"
    got = facts(gazetteer, text, "Sóc Trăng")
    assert got[("Tỉnh Sóc Trăng", "PAR", 2022)] == (86.6, 19)


def test_the_best_result_ever_is_not_first_place(gazetteer):
    text = "Chỉ số CCHC năm 2022 của tỉnh Sóc Trăng xếp thứ 19/63 – cao nhất từ trước đến nay."
    assert facts(gazetteer, text, "Sóc Trăng") == {("Tỉnh Sóc Trăng", "PAR", 2022): (None, 19)}


def test_the_national_average_in_parentheses_is_no_score(gazetteer):
    text = ("Chỉ số SIPAS năm 2022 của tỉnh Sóc Trăng đạt 82,1%, xếp thứ 44/63, thấp hơn mức trung bình của cả nước "
            "(83,9%).")
    assert facts(gazetteer, text, "Sóc Trăng") == {("Tỉnh Sóc Trăng", "SIPAS", 2022): (82.1, 44)}


def test_the_grade_average_is_no_average(gazetteer):
    text = ("Chỉ số CCHC năm 2022 của 11 huyện. Loại Trung bình: huyện Cù Lao Dung (74,2 điểm), huyện Trần Đề "
            "(73,15 điểm).")
    got = facts(gazetteer, text, "Sóc Trăng")
    assert [got[(u, "PAR", 2022)][0] for u in ("Huyện Cù Lao Dung", "Huyện Trần Đề")] == [74.2, 73.15]


@pytest.mark.parametrize("sipas", [
    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) đạt 83,2%",
    "Chỉ số hài lòng của người dân, tổ chức (SIPAS) của tỉnh đạt 83,2%",
])
def test_the_long_name_of_sipas_beside_par_in_one_sentence(gazetteer, sipas):
    text = f"Năm 2022, Chỉ số CCHC của tỉnh Trà Vinh đạt 87,4%, xếp thứ 15/63; {sipas}, xếp thứ 28/63."
    assert facts(gazetteer, text, "Trà Vinh") == {("Tỉnh Trà Vinh", "PAR", 2022): (87.4, 15),
                                                  ("Tỉnh Trà Vinh", "SIPAS", 2022): (83.2, 28)}


def test_ministries_after_a_paragraph_on_the_provinces_sipas_are_par(gazetteer):
    text = ("Về Chỉ số SIPAS năm 2023, Quảng Ninh dẫn đầu với 87,3%.\n\nĐối với các bộ, cơ quan ngang bộ, Bộ Tư pháp "
            "đứng đầu với 91,2%, tiếp theo là Bộ Tài chính (90,4%).")
    got = facts(gazetteer, text, None)
    assert got == {("Tỉnh Quảng Ninh", "SIPAS", 2023): (87.3, 1), ("Bộ Tư pháp", "PAR", 2023): (91.2, 1),
                   ("Bộ Tài chính", "PAR", 2023): (90.4, 2)}


def test_each_bloc_takes_its_own_size_from_a_list_of_sizes(gazetteer):
    text = ("Chỉ số CCHC năm 2025 cấp xã chia thành 3 khối: khối phường (12 đơn vị), khối xã (40 đơn vị) và khối đặc "
            "khu (2 đơn vị).\nPhường Lê Chân (80,05 điểm) đứng cuối khối phường; xã Tiên Lãng (75,6 điểm) đứng cuối "
            "khối xã.")
    got = facts(gazetteer, text, "Hải Phòng")
    assert got == {("Phường Lê Chân", "PAR", 2025): (80.05, 12), ("Xã Tiên Lãng", "PAR", 2025): (75.6, 40)}


# The survey's weight, goals and tasks are no results; a heading "Xếp hạng cụ thể ...:"; a 2025 unit's former units.
def test_the_surveys_weight_leaves_the_figures_after_it_par(gazetteer):
    text = ("Công bố Chỉ số CCHC năm 2016 của các sở.\n\nĐiểm điều tra xã hội học chiếm 30/100 điểm.\n\nSở Y tế dẫn "
            "đầu với 91,4 điểm.")
    assert facts(gazetteer, text, "Bình Định") == {("Sở Y tế", "PAR", 2016): (91.4, 1)}


@pytest.mark.parametrize("sentence", [
    "Năm 2017, tỉnh phấn đấu 100% sở, ngành đạt từ 80 điểm trở lên và đưa Chỉ số CCHC vào nhóm 20 tỉnh dẫn đầu.",
    "Mục tiêu năm 2017 là Chỉ số CCHC của tỉnh đạt trên 85%, không còn huyện nào dưới 75 điểm.",
    "UBND tỉnh giao Sở Nội vụ hướng dẫn các đơn vị có chỉ số dưới 80 điểm xây dựng kế hoạch khắc phục.",
])
def test_goals_and_tasks_are_no_results(gazetteer, sentence):
    text = f"Chỉ số CCHC năm 2016 của tỉnh Bình Định: Sở Y tế dẫn đầu với 91,4 điểm.\n\n{sentence}"
    assert facts(gazetteer, text, "Bình Định") == {("Sở Y tế", "PAR", 2016): (91.4, 1)}


def test_a_heading_xep_hang_cu_the_over_a_list(gazetteer):
    text = ("Chỉ số CCHC năm 2016.\nXếp hạng cụ thể khối huyện: thị xã An Nhơn 88,2 điểm; huyện Tuy Phước 87,15 "
            "điểm; huyện Phù Cát 86,4 điểm.")
    assert facts(gazetteer, text, "Bình Định") == {("Thị xã An Nhơn", "PAR", 2016): (88.2, 1),
                                                   ("Huyện Tuy Phước", "PAR", 2016): (87.15, 2),
                                                   ("Huyện Phù Cát", "PAR", 2016): (86.4, 3)}


def test_the_former_units_of_a_2025_commune_in_brackets_are_an_aside(gazetteer):
    text = ("Chỉ số SIPAS năm 2025 của 104 xã, đặc khu: xã Đức Trọng (trước đây là thị trấn Liên Nghĩa, huyện Đức "
            "Trọng) dẫn đầu với 98,02%, kế tiếp là đặc khu Phú Quý (97,66%).")
    assert facts(gazetteer, text, "Lâm Đồng") == {("Xã Đức Trọng", "SIPAS", 2025): (98.02, 1),
                                                  ("Đặc khu Phú Quý", "SIPAS", 2025): (97.66, 2)}


# An aside on the unit overtaken, last year's leader: its own figures.
@pytest.mark.parametrize("aside", ["- đơn vị dẫn đầu năm 2021 -", "(dẫn đầu năm 2021)", ", đơn vị dẫn đầu năm 2021,"])
def test_the_overtaken_units_aside_stays_its_own(gazetteer, aside):
    text = (f"Chỉ số CCHC năm 2022 khối sở: Sở Y tế dẫn đầu với 91,2 điểm. Sở Y tế đã vượt qua Sở Tư pháp {aside} "
            "để vươn lên vị trí số 1.")
    got = facts(gazetteer, text, "An Giang")
    assert got == {("Sở Y tế", "PAR", 2022): (91.2, 1), ("Sở Tư pháp", "PAR", 2021): (None, 1)}


def test_last_years_leader_in_dashes_then_this_years_place(gazetteer):
    text = "Chỉ số CCHC năm 2022: thành phố Long Xuyên - đơn vị dẫn đầu năm 2021 - năm nay lùi xuống vị trí thứ 3."
    assert facts(gazetteer, text, "An Giang") == {("Thành phố Long Xuyên", "PAR", 2022): (None, 3),
                                                  ("Thành phố Long Xuyên", "PAR", 2021): (None, 1)}


def test_first_for_years_in_a_range_is_no_first_place_this_year(gazetteer):
    text = ("Chỉ số CCHC năm 2022 khối huyện: thành phố Châu Đốc dẫn đầu, vượt thành phố Long Xuyên - đơn vị đứng "
            "đầu 3 năm liên tiếp (2019 - 2021).")
    got = facts(gazetteer, text, "An Giang")
    assert got.get(("Thành phố Long Xuyên", "PAR", 2022), (None, None))[1] is None
    assert got[("Thành phố Châu Đốc", "PAR", 2022)] == (None, 1)


# Early years: a tie inside a running list, points out of a unit's maximum beside the percent.
def test_a_tie_without_a_place_inside_a_running_list(gazetteer):
    text = ("Chỉ số CCHC năm 2015 của 7 huyện, thành phố, kết quả lần lượt như sau: thành phố Cà Mau xếp thứ nhất với "
            "86,1%, huyện Cái Nước 83,2%, huyện Đầm Dơi và huyện Phú Tân đồng hạng với 79,6%, huyện U Minh 76,2%.")
    got = facts(gazetteer, text, "Cà Mau")
    assert [got[(u, "PAR", 2015)] for u in ("Thành phố Cà Mau", "Huyện Cái Nước", "Huyện Đầm Dơi", "Huyện Phú Tân",
                                           "Huyện U Minh")] == [(86.1, 1), (83.2, 2), (79.6, 3), (79.6, 3), (76.2, 5)]


@pytest.mark.parametrize("sentence", [
    "Sở Nội vụ đạt 81,4/95 điểm, tỷ lệ 85,68%, xếp thứ nhất.",
    "Sở Nội vụ xếp thứ nhất khi đạt 81,4 điểm trên tổng số 95 điểm, tương ứng 85,68%.",
])
def test_points_out_of_a_units_maximum_beside_the_percent(gazetteer, sentence):
    got = facts(gazetteer, f"Chỉ số CCHC năm 2013 khối sở. {sentence}", "Cà Mau")
    assert got == {("Sở Nội vụ", "PAR", 2013): (85.68, 1)}


# Bloc sizes said as "N units were assessed" or before a name; "xếp ngay trên là"; "xếp hạng 4 và 5".
@pytest.mark.parametrize("size", ["Năm 2019, 16 sở, ban, ngành được đánh giá.",
                                  "Đối với khối sở, ban, ngành, 16 đơn vị được đánh giá."])
def test_a_bloc_size_said_as_the_units_assessed(gazetteer, size):
    text = (f"Chỉ số CCHC năm 2019. {size} Sở Y tế đứng đầu với 90,2 điểm. Hai đơn vị có điểm thấp nhất là Sở Xây "
            "dựng (76,4 điểm) và Sở Tài chính (75,1 điểm).")
    got = facts(gazetteer, text, "Hải Dương")
    assert [got[(u, "PAR", 2019)] for u in ("Sở Xây dựng", "Sở Tài chính")] == [(76.4, 15), (75.1, 16)]


def test_a_bloc_size_before_the_name_of_the_leader(gazetteer):
    text = ("Chỉ số hài lòng năm 2021: đối với 16 sở, ban, ngành, Sở Tư pháp đạt tỷ lệ cao nhất (95,8%). Sở Xây dựng "
            "thấp nhất với 88,2%.")
    assert facts(gazetteer, text, "Hải Dương")[("Sở Xây dựng", "SIPAS", 2021)] == (88.2, 16)


def test_the_one_ranked_just_above_the_last(gazetteer):
    text = ("Chỉ số CCHC năm 2019 của khối sở, ban, ngành (16 đơn vị). Đứng cuối bảng là Sở Ngoại vụ với 70,1 điểm; "
            "xếp ngay trên là Sở Xây dựng (72,4 điểm).")
    got = facts(gazetteer, text, "Hải Dương")
    assert (got[("Sở Ngoại vụ", "PAR", 2019)], got[("Sở Xây dựng", "PAR", 2019)]) == ((70.1, 16), (72.4, 15))


def test_two_units_ranked_in_turn_with_a_number_each(gazetteer):
    text = "Chỉ số CCHC năm 2019: Sở Y tế và Sở Xây dựng lần lượt xếp hạng 4 và 5 với 88,12 và 87,47 điểm."
    assert facts(gazetteer, text, "Hải Dương") == {("Sở Y tế", "PAR", 2019): (88.12, 4),
                                                   ("Sở Xây dựng", "PAR", 2019): (87.47, 5)}


def test_last_years_place_after_so_voi_nam_khi(gazetteer):
    text = ("Chỉ số CCHC năm 2025 của Thành phố Hồ Chí Minh đạt 88,1%, xếp thứ 8/34 tỉnh, thành. So với năm 2024, khi "
            "TP.HCM (cũ) xếp thứ 7/63, thứ hạng của thành phố giảm nhẹ.")
    assert facts(gazetteer, text, None) == {("Thành phố Hồ Chí Minh", "PAR", 2025): (88.1, 8),
                                            ("Thành phố Hồ Chí Minh", "PAR", 2024): (None, 7)}
