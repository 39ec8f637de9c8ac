"""The text extractor on constructions of a sixth round of announcements (full provincial articles), written
for these tests: lists announced as rankings, places that open a clause before the unit, "the highest" said
of a list in turn, ordinals after a list of scores, a sentence that points back at the list before it,
survey scores out of their maximum, and rank ranges written with a dash."""

from __future__ import annotations

from helpers import text_facts as facts


def _ranks(got: dict, units: tuple[str, ...], index: str, year: int) -> list:
    return [got.get((u, index, year), (None, None))[1] for u in units]


def test_a_list_announced_as_a_ranking_is_in_rank_order(gazetteer):
    text = ("Chỉ số CCHC năm 2020 của 9 huyện, thành phố xếp hạng như sau: thành phố Sông Công 88,6 điểm; huyện Phú "
            "Bình 87,15 điểm; huyện Đại Từ 86,4 điểm.")
    got = facts(gazetteer, text, "Thái Nguyên")
    assert _ranks(got, ("Thành phố Sông Công", "Huyện Phú Bình", "Huyện Đại Từ"), "PAR", 2020) == [1, 2, 3]


def test_the_remaining_places_in_order_follow_the_last_place_stated(gazetteer):
    text = ("Chỉ số CCHC năm 2021 khối huyện: xếp thứ hai là thị xã Phú Thọ, 87,2 điểm. Các vị trí còn lại theo thứ "
            "tự: huyện Lâm Thao (86,05), huyện Phù Ninh (85,4), huyện Thanh Ba (84,9).")
    got = facts(gazetteer, text, "Phú Thọ")
    assert _ranks(got, ("Huyện Lâm Thao", "Huyện Phù Ninh", "Huyện Thanh Ba"), "PAR", 2021) == [3, 4, 5]


def test_a_place_that_opens_a_clause_is_the_next_units(gazetteer):
    text = ("Chỉ số CCHC năm 2022 khối huyện: đứng đầu là thành phố Tam Kỳ với 91,3 điểm, thứ hai thành phố Hội An "
            "(90,45 điểm), thứ ba thị xã Điện Bàn (89,9 điểm).")
    got = facts(gazetteer, text, "Quảng Nam")
    assert got == {("Thành phố Tam Kỳ", "PAR", 2022): (91.3, 1), ("Thành phố Hội An", "PAR", 2022): (90.45, 2),
                   ("Thị xã Điện Bàn", "PAR", 2022): (89.9, 3)}


def test_the_highest_said_of_a_list_whose_scores_follow_in_turn(gazetteer):
    text = ("Chỉ số hài lòng năm 2023 khối huyện: huyện Duy Xuyên, huyện Núi Thành và huyện Đại Lộc có mức hài lòng "
            "cao nhất, lần lượt đạt 95,8%, 95,1% và 94,6%.")
    got = facts(gazetteer, text, "Quảng Nam")
    assert _ranks(got, ("Huyện Duy Xuyên", "Huyện Núi Thành", "Huyện Đại Lộc"), "SIPAS", 2023) == [1, 2, 3]


def test_the_highest_said_of_a_list_whose_scores_do_not_fall_gives_one_place(gazetteer):
    text = ("Chỉ số hài lòng năm 2023 khối huyện: huyện Duy Xuyên, huyện Núi Thành và huyện Đại Lộc có mức hài lòng "
            "cao nhất, lần lượt đạt 95,1%, 95,8% và 94,6%.")
    got = facts(gazetteer, text, "Quảng Nam")
    assert got[("Huyện Núi Thành", "SIPAS", 2023)][1] != 2


def test_ordinals_after_a_list_of_scores_are_the_units_places_in_turn(gazetteer):
    text = ("Chỉ số CCHC năm 2023 khối huyện: thành phố Việt Trì 91,2 điểm, huyện Lâm Thao 90,05 điểm, huyện Phù "
            "Ninh 89,3 điểm xếp thứ nhất, thứ hai, thứ ba.")
    got = facts(gazetteer, text, "Phú Thọ")
    assert _ranks(got, ("Thành phố Việt Trì", "Huyện Lâm Thao", "Huyện Phù Ninh"), "PAR", 2023) == [1, 2, 3]


def test_units_that_follow_without_scores_then_the_last_with_its_own_clause(gazetteer):
    text = ("Chỉ số CCHC năm 2023 của 9 huyện, thành phố: thành phố Thái Nguyên, thành phố Sông Công, thành phố Phổ "
            "Yên lần lượt xếp thứ nhất, thứ hai, thứ ba. Tiếp đến là huyện Phú Bình, huyện Đại Từ; huyện Võ Nhai "
            "đứng cuối (80,2 điểm).")
    got = facts(gazetteer, text, "Thái Nguyên")
    assert _ranks(got, ("Huyện Phú Bình", "Huyện Đại Từ", "Huyện Võ Nhai"), "PAR", 2023) == [4, 5, 9]


def test_a_sentence_pointing_back_at_the_list_before_it(gazetteer):
    text = ("Chỉ số CCHC năm 2021 khối sở: Sở Tư pháp đạt 92,1 điểm; Sở Nội vụ 91,6 điểm; Sở Tài chính 90,2 điểm. "
            "Đây là 3 đơn vị dẫn đầu.")
    got = facts(gazetteer, text, "Quảng Nam")
    assert _ranks(got, ("Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"), "PAR", 2021) == [1, 2, 3]


def test_a_sentence_pointing_back_at_units_of_another_count_places_none(gazetteer):
    text = ("Chỉ số CCHC năm 2021 khối sở: Sở Tư pháp đạt 92,1 điểm; Sở Nội vụ 91,6 điểm. Đây là 3 đơn vị dẫn đầu.")
    got = facts(gazetteer, text, "Quảng Nam")
    assert _ranks(got, ("Sở Tư pháp", "Sở Nội vụ"), "PAR", 2021) == [None, None]


def test_a_survey_score_out_of_its_maximum_is_the_score_not_the_maximum(gazetteer):
    text = ("Về điểm điều tra xã hội học của Chỉ số CCHC năm 2022, Sở Tư pháp đạt 27,35/30 điểm, cao nhất khối sở.")
    got = facts(gazetteer, text, "Quảng Nam")
    assert got[("Sở Tư pháp", "SURVEY", 2022)][0] == 27.35


def test_a_rank_range_written_with_a_dash(gazetteer):
    text = ("Chỉ số CCHC năm 2024 khối huyện: xếp hạng từ 1 - 3 là thành phố Tam Kỳ (90,7 điểm), thành phố Hội An "
            "(90,1 điểm), huyện Núi Thành (89,45 điểm).")
    got = facts(gazetteer, text, "Quảng Nam")
    assert _ranks(got, ("Thành phố Tam Kỳ", "Thành phố Hội An", "Huyện Núi Thành"), "PAR", 2024) == [1, 2, 3]


def test_a_score_range_with_a_dash_is_no_rank_range(gazetteer):
    text = "Chỉ số CCHC năm 2024: các huyện miền núi đạt từ 80 - 85 điểm; huyện Nam Giang xếp thứ 12."
    got = facts(gazetteer, text, "Quảng Nam")
    assert got[("Huyện Nam Giang", "PAR", 2024)] == (None, 12)


def test_the_first_of_each_bloc_named_after_a_list_are_not_first_and_second(gazetteer):
    text = "Chỉ số hài lòng năm 2021: Sở Tư pháp 93,1%, thành phố Hội An 90,55% là hai đơn vị cao nhất ở mỗi khối."
    got = facts(gazetteer, text, "Quảng Nam")
    assert got[("Thành phố Hội An", "SIPAS", 2021)][1] != 2


def test_kind_words_written_short_choose_the_unit_of_that_kind(gazetteer):
    text = ("Chỉ số CCHC năm 2025 khối phường: P. Châu Đốc đứng đầu với 91,1 điểm, tiếp theo là P. Tân Châu (90,6 "
            "điểm). Khối xã: X. Thoại Sơn đạt 90,2 điểm, xếp thứ nhất.")
    got = facts(gazetteer, text, "An Giang", 2025)
    assert got[("Phường Châu Đốc", "PAR", 2025)] == (91.1, 1)
    assert got[("Phường Tân Châu", "PAR", 2025)][0] == 90.6
    assert got[("Xã Thoại Sơn", "PAR", 2025)] == (90.2, 1)


def test_a_district_named_like_a_province_after_its_short_kind_word(gazetteer):
    text = "Chỉ số CCHC năm 2024 khối huyện:\n- H. Vĩnh Lợi: 87,9 điểm (hạng 3/7)\n- H. Hòa Bình: 86,05 điểm (hạng 4/7)"
    got = facts(gazetteer, text, "Bạc Liêu")
    assert got[("Huyện Hòa Bình", "PAR", 2024)] == (86.05, 4)
    assert not any(unit == "Tỉnh Hòa Bình" for unit, _, _ in got)


def test_a_place_that_opens_a_line_before_the_unit(gazetteer):
    text = ("Khối sở, ngành năm 2023:\nHạng 1 - Sở Tư pháp - 92,8 điểm\nHạng 2 - Sở Nội vụ - 92,1 điểm\n"
            "Hạng 3 - Sở Tài chính - 91,35 điểm")
    got = facts(gazetteer, text, "Quảng Nam")
    assert _ranks(got, ("Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"), "PAR", 2023) == [1, 2, 3]


def test_the_old_city_of_a_merged_province_written_tp(gazetteer):
    text = ("Chỉ số hài lòng năm 2025: phường Bến Tre đạt 93,5%, cao nhất khối phường. Năm 2024, TP. Bến Tre (cũ) "
            "đạt 92,3%, đứng đầu khối huyện tỉnh Bến Tre (cũ).")
    got = facts(gazetteer, text, "Vĩnh Long", 2025)
    assert got[("Thành phố Bến Tre", "SIPAS", 2024)] == (92.3, 1)
    assert not any(unit == "Tỉnh Bến Tre" for unit, _, _ in got)


def test_the_old_city_written_tp_that_is_not_a_province_name(gazetteer):
    text = ("Chỉ số CCHC năm 2025: phường Long An đạt 90,9 điểm. Trước sáp nhập, năm 2024, TP. Tân An (cũ) dẫn đầu "
            "khối huyện của tỉnh Long An (cũ) với 91,4 điểm.")
    got = facts(gazetteer, text, "Tây Ninh", 2025)
    assert got[("Thành phố Tân An", "PAR", 2024)] == (91.4, 1)


def test_the_units_after_one_named_follow_its_place(gazetteer):
    text = ("Đồng Tháp đứng đầu Chỉ số CCHC năm 2019 của 63 tỉnh, thành phố với 90,12%. Sau Đồng Tháp lần lượt là "
            "Bến Tre (89,4%), Long An (88,75%) và Cần Thơ (88,1%).")
    got = facts(gazetteer, text, None, 2019)
    assert got[("Tỉnh Đồng Tháp", "PAR", 2019)] == (90.12, 1)
    assert _ranks(got, ("Tỉnh Bến Tre", "Tỉnh Long An", "Thành phố Cần Thơ"), "PAR", 2019) == [2, 3, 4]


def test_ranked_after_one_named_then_the_units(gazetteer):
    text = ("Năm 2021, Sở Tư pháp dẫn đầu khối sở về Chỉ số CCHC. Xếp sau Sở Tư pháp là Sở Nội vụ 90,4 điểm và Sở Y tế "
            "89,7 điểm.")
    got = facts(gazetteer, text, "Quảng Nam")
    assert _ranks(got, ("Sở Tư pháp", "Sở Nội vụ", "Sở Y tế"), "PAR", 2021) == [1, 2, 3]


def test_one_standing_behind_another_is_not_the_next_place(gazetteer):
    text = "Chỉ số CCHC năm 2021: Sở Y tế đứng sau Sở Nội vụ (thứ 5) với 88,2 điểm."
    got = facts(gazetteer, text, "Quảng Nam")
    assert got.get(("Sở Y tế", "PAR", 2021), (None, None))[1] != 1


def test_two_indices_each_with_its_score_after_its_name(gazetteer):
    text = "Năm 2020, Đồng Tháp dẫn đầu cả hai chỉ số, với Chỉ số CCHC 91,3% và SIPAS 90,8%."
    got = facts(gazetteer, text, None, 2020)
    assert got[("Tỉnh Đồng Tháp", "PAR", 2020)][0] == 91.3
    assert got[("Tỉnh Đồng Tháp", "SIPAS", 2020)][0] == 90.8


def test_figures_in_parentheses_are_the_year_the_text_says_they_are(gazetteer):
    text = ("Công bố Chỉ số CCHC năm 2023\n\nKết quả cụ thể (số liệu trong ngoặc là điểm và thứ hạng năm 2022):\n\n"
            "Khối huyện: thành phố Tam Kỳ 90,6 điểm, hạng 1 (89,9 điểm, hạng 2); thành phố Hội An 90,1 điểm, hạng 2 "
            "(90,3 điểm, hạng 1).")
    got = facts(gazetteer, text, "Quảng Nam")
    assert got[("Thành phố Tam Kỳ", "PAR", 2023)] == (90.6, 1)
    assert got[("Thành phố Tam Kỳ", "PAR", 2022)] == (89.9, 2)
    assert got[("Thành phố Hội An", "PAR", 2022)] == (90.3, 1)


def test_a_table_column_naming_only_the_index_is_its_score_beside_its_parts(gazetteer, tmp_path):
    path = tmp_path / "sipas-2025.txt"
    path.write_text("Chỉ số SIPAS năm 2025 của 34 tỉnh, thành phố:\n"
                    "| Thứ hạng | Tỉnh, thành phố | SIPAS (%) | Hài lòng về phục vụ hành chính (%) | Hài lòng về chính "
                    "sách (%) |\n| 1 | Ninh Bình | 90,12 | 91,05 | 88,3 |\n| 2 | Lào Cai | 89,7 | 90,2 | 88,9 |\n",
                    encoding="utf-8")
    from flows.extract import extract_path

    got = {(f["unit"], f["year"]): (f["score"], f["rank"]) for f in extract_path(path, gazetteer)["facts"]
           if f["criterion"] == "TOTAL"}
    assert got[("Tỉnh Ninh Bình", 2025)] == (90.12, 1)
    assert got[("Tỉnh Lào Cai", 2025)] == (89.7, 2)


def test_a_count_of_units_after_xep_hang_is_no_rank(gazetteer):
    text = ("Kết quả xếp hạng 19 sở theo thứ tự từ cao xuống thấp: Sở Tư pháp 90,6 điểm, Sở Nội vụ 89,9 điểm và Sở Y "
            "tế 88,1 điểm.")
    got = facts(gazetteer, text, "Quảng Nam", 2020)
    assert _ranks(got, ("Sở Tư pháp", "Sở Nội vụ", "Sở Y tế"), "PAR", 2020) == [1, 2, 3]


def test_units_in_the_province_are_its_bloc_not_a_claim(gazetteer):
    text = ("UBND tỉnh công bố Chỉ số hài lòng năm 2022 tại 18 huyện, thị xã, thành phố trên địa bàn tỉnh.\n\n"
            "Hai đơn vị có chỉ số thấp nhất là huyện Nam Trà My (80,2%) và huyện Tây Giang (79,6%).")
    got = facts(gazetteer, text, "Quảng Nam")
    assert _ranks(got, ("Huyện Nam Trà My", "Huyện Tây Giang"), "SIPAS", 2022) == [17, 18]


def test_the_list_that_follows_tiep_do(gazetteer):
    text = ("Chỉ số CCHC năm 2021: thành phố Tam Kỳ xếp thứ nhất với 90,4 điểm. Tiếp đó lần lượt là: thành phố Hội "
            "An (89,8 điểm), thị xã Điện Bàn (89,1 điểm).")
    got = facts(gazetteer, text, "Quảng Nam")
    assert _ranks(got, ("Thành phố Hội An", "Thị xã Điện Bàn"), "PAR", 2021) == [2, 3]


def test_a_target_to_join_the_leading_provinces_is_no_first_place(gazetteer):
    text = "Năm 2024, tỉnh phấn đấu đưa Chỉ số CCHC của Quảng Nam vào nhóm 30 tỉnh, thành dẫn đầu cả nước."
    got = facts(gazetteer, text, "Quảng Nam")
    assert got.get(("Tỉnh Quảng Nam", "PAR", 2024), (None, None))[1] != 1


def test_a_unit_the_gazetteer_does_not_know_keeps_its_place_in_a_list(gazetteer):
    text = ("Các sở được xếp theo thứ tự từ cao xuống thấp: Sở Tư pháp dẫn đầu với 90,2 điểm, tiếp theo là Sở Nội vụ "
            "88,5 điểm, Ban Quản lý Khu công nghệ cao 87,9 điểm, Sở Y tế 86,1 điểm.")
    got = facts(gazetteer, text, "Quảng Nam", 2019)
    assert _ranks(got, ("Sở Tư pháp", "Sở Nội vụ", "Sở Y tế"), "PAR", 2019) == [1, 2, 4]


def test_a_district_named_like_its_province_in_a_list_of_districts_with_scores(gazetteer):
    text = ("Chỉ số CCHC năm 2017 khối huyện: huyện Mường Ảng xếp thứ 3 với 78,9 điểm. Tiếp theo là các huyện Tuần "
            "Giáo 76,4 điểm, Điện Biên 75,8 điểm, Tủa Chùa 73,2 điểm.")
    got = facts(gazetteer, text, "Điện Biên")
    assert _ranks(got, ("Huyện Tuần Giáo", "Huyện Điện Biên", "Huyện Tủa Chùa"), "PAR", 2017) == [4, 5, 6]


def test_a_rank_range_in_brackets_before_the_list_it_names(gazetteer):
    text = ("Năm 2025, tỉnh đánh giá 99 đơn vị gồm 10 phường và 89 xã. 3 đơn vị xếp cuối bảng (từ hạng 97 đến hạng "
            "99) là: phường Đa Mai (72,9 điểm), phường Nếnh (71,3 điểm) và phường Chũ (69,8 điểm).")
    got = facts(gazetteer, text, "Bắc Ninh", 2025)
    assert _ranks(got, ("Phường Đa Mai", "Phường Nếnh", "Phường Chũ"), "PAR", 2025) == [97, 98, 99]


def test_the_maximum_of_a_part_named_in_the_method_makes_no_survey_scores(gazetteer):
    text = ("Chỉ số CCHC năm 2025 của 99 xã, phường gồm điểm thẩm định (tối đa 68 điểm) và điểm điều tra xã hội học "
            "(tối đa 32 điểm). Phường Kinh Bắc đứng đầu với 93,1 điểm.")
    got = facts(gazetteer, text, "Bắc Ninh", 2025)
    assert got == {("Phường Kinh Bắc", "PAR", 2025): (93.1, 1)}


def test_lines_that_start_alike_are_a_list_not_a_wrapped_paragraph(gazetteer):
    text = ("Khối phường năm 2025:\nXếp thứ nhất: phường Buôn Ma Thuột - 92,84 điểm\n"
            "Xếp thứ hai: phường Tân Lập - 92,10 điểm\nXếp thứ ba: P. Ea Kao - 91,47 điểm")
    got = facts(gazetteer, text, "Đắk Lắk", 2025)
    assert _ranks(got, ("Phường Buôn Ma Thuột", "Phường Tân Lập", "Phường Ea Kao"), "PAR", 2025) == [1, 2, 3]


def test_the_city_after_a_semicolon_is_the_documents_own_not_the_one_named_before(gazetteer):
    text = ("Bộ Nội vụ công bố PAR Index 2025: Hà Nội đạt 92,4%, xếp thứ 2/34, chỉ sau Thành phố Hồ Chí Minh; Chỉ số "
            "SIPAS của thành phố đạt 86,9%, xếp thứ 5/34.")
    got = facts(gazetteer, text, "Hà Nội", 2026)
    assert got[("Thành phố Hà Nội", "SIPAS", 2025)] == (86.9, 5)
    assert ("Thành phố Hồ Chí Minh", "SIPAS", 2025) not in got


def test_a_place_held_for_the_third_year_running_is_the_two_years_befores_too(gazetteer):
    text = "Chỉ số CCHC năm 2022: Sở Tư pháp đạt 92,4 điểm, dẫn đầu khối sở năm thứ ba liên tiếp."
    got = facts(gazetteer, text, "Quảng Nam")
    assert [got.get(("Sở Tư pháp", "PAR", y), (None, None))[1] for y in (2022, 2021, 2020, 2019)] == [1, 1, 1, None]


def test_a_place_kept_for_the_second_year_running_after_tiep_tuc(gazetteer):
    text = "Chỉ số CCHC năm 2022: huyện Núi Thành tiếp tục xếp thứ 2 năm thứ hai liên tiếp với 90,1 điểm."
    got = facts(gazetteer, text, "Quảng Nam")
    assert [got.get(("Huyện Núi Thành", "PAR", y), (None, None))[1] for y in (2022, 2021, 2020)] == [2, 2, None]
