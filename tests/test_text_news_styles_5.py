"""The text extractor on constructions of a fifth round of announcements, written for these tests: another
index's figures of the province between the text's own, and the bloc sizes a last place is counted from
(a bloc named with all its kinds, two blocs stated together, a group of the bloc, "tại N quận, huyện")."""

from __future__ import annotations

from helpers import text_facts as facts


def test_another_indexs_figures_of_the_province_stay_in_their_paragraph(gazetteer):
    text = ("Sóc Trăng công bố Chỉ số CCHC năm 2019\n\n"
            "Chỉ số PAPI năm 2019 của tỉnh giảm 2 bậc so với năm trước.\n\n"
            "Ở khối huyện, huyện Kế Sách đứng đầu với 86,3 điểm, huyện Mỹ Tú xếp thứ hai với 85,1 điểm.")
    got = facts(gazetteer, text, "Sóc Trăng")
    assert got == {("Huyện Kế Sách", "PAR", 2019): (86.3, 1), ("Huyện Mỹ Tú", "PAR", 2019): (85.1, 2)}


def test_another_indexs_score_of_the_province_stays_in_its_paragraph_too(gazetteer):
    text = ("Kết quả Chỉ số hài lòng năm 2021 của tỉnh Cà Mau\n\n"
            "Chỉ số PCI của tỉnh năm 2021 đạt 64,2 điểm.\n\n"
            "Huyện Trần Văn Thời dẫn đầu với 90,4%.")
    got = facts(gazetteer, text, "Cà Mau")
    assert got == {("Tỉnh Cà Mau", "PCI", 2021): (64.2, None), ("Huyện Trần Văn Thời", "SIPAS", 2021): (90.4, 1)}


def test_a_heading_of_another_index_still_holds_for_the_units_after_it(gazetteer):
    text = ("Công bố Chỉ số CCHC năm 2019 của tỉnh Sóc Trăng\n\n"
            "Huyện Kế Sách đứng đầu với 86,3 điểm.\n\n"
            "Về Chỉ số DDCI năm 2019:\n\n"
            "Huyện Mỹ Tú dẫn đầu với 71,5 điểm.")
    got = facts(gazetteer, text, "Sóc Trăng")
    assert got[("Huyện Kế Sách", "PAR", 2019)] == (86.3, 1)
    assert ("Huyện Mỹ Tú", "PAR", 2019) not in got


def test_a_last_place_counts_from_a_bloc_named_with_all_its_kinds(gazetteer):
    text = ("Chỉ số CCHC năm 2020, khối quận, huyện (9 đơn vị): quận Bình Thủy dẫn đầu với 89,6 điểm. "
            "Huyện Cờ Đỏ thấp nhất với 74,25 điểm.")
    got = facts(gazetteer, text, "Cần Thơ")
    assert got[("Huyện Cờ Đỏ", "PAR", 2020)] == (74.25, 9)


def test_a_bloc_introduced_with_the_range_of_its_scores_gives_the_last_places_count(gazetteer):
    text = ("Chỉ số hài lòng năm 2023 của 9 huyện, thị xã, thành phố tỉnh Lâm Đồng dao động từ 82,4% đến 91,7%. "
            "Huyện Lạc Dương đạt 91,7%, cao nhất. Huyện Đam Rông đạt thấp nhất (82,4%).")
    got = facts(gazetteer, text, "Lâm Đồng")
    assert got[("Huyện Đam Rông", "SIPAS", 2023)] == (82.4, 9)


def test_the_n_units_ranked_last_count_from_the_units_the_results_are_of(gazetteer):
    text = ("Chỉ số CCHC năm 2022 tại 13 huyện, thị xã, thành phố của tỉnh Đồng Tháp: 3 đơn vị xếp cuối là huyện Tân "
            "Hồng (80,6 điểm), huyện Tam Nông (80,1 điểm) và huyện Hồng Ngự (79,45 điểm).")
    got = facts(gazetteer, text, "Đồng Tháp")
    assert [got[(u, "PAR", 2022)][1] for u in ("Huyện Tân Hồng", "Huyện Tam Nông", "Huyện Hồng Ngự")] == [11, 12, 13]


def test_a_group_of_the_bloc_is_not_the_bloc_a_last_place_counts_from(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của 10 huyện, thị xã, thành phố: nhóm Khá gồm 4 đơn vị còn lại là các huyện Kon "
            "Plông, Kon Rẫy, Sa Thầy và Tu Mơ Rông. Huyện Tu Mơ Rông đứng cuối bảng với 78,9 điểm.")
    assert facts(gazetteer, text, "Kon Tum")[("Huyện Tu Mơ Rông", "PAR", 2021)] == (78.9, 10)


def test_a_grade_with_its_count_is_not_the_bloc_either(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của 8 huyện, thành phố: xếp loại Tốt có 3 đơn vị là huyện Gò Dầu, huyện Tân Biên "
            "và huyện Bến Cầu. Huyện Bến Cầu xếp cuối cùng với 80,2 điểm.")
    assert facts(gazetteer, text, "Tây Ninh")[("Huyện Bến Cầu", "PAR", 2021)] == (80.2, 8)


def test_two_blocs_stated_together_each_give_their_size(gazetteer):
    text = ("Sở Nội vụ công bố Chỉ số hài lòng năm 2023 đối với 9 huyện, thành phố và 17 sở, ban, ngành.\n"
            "Khối sở: Sở Tư pháp dẫn đầu với 94,8%; Sở Xây dựng thấp nhất với 83,6%.")
    got = facts(gazetteer, text, "Lâm Đồng")
    assert got[("Sở Xây dựng", "SIPAS", 2023)] == (83.6, 17)


def test_the_two_last_places_of_a_bloc_stated_after_khoi(gazetteer):
    text = ("Chỉ số CCHC năm 2019 của khối 8 huyện, thị xã, thành phố: huyện Châu Thành và huyện Dương Minh Châu xếp "
            "hai vị trí cuối với 81,2 và 80,35 điểm.")
    got = facts(gazetteer, text, "Tây Ninh")
    assert got[("Huyện Châu Thành", "PAR", 2019)] == (81.2, 7)
    assert got[("Huyện Dương Minh Châu", "PAR", 2019)] == (80.35, 8)


def test_units_claimed_above_a_score_are_not_the_bloc(gazetteer):
    text = ("Chỉ số CCHC năm 2019: trong 11 huyện, thị xã có 4 huyện đạt trên 85 điểm. Huyện Thạnh Trị xếp cuối với "
            "76,4 điểm.")
    assert facts(gazetteer, text, "Sóc Trăng")[("Huyện Thạnh Trị", "PAR", 2019)] == (76.4, 11)


def test_scores_written_bare_after_the_first_items_are_the_units_scores(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2020 của khối huyện theo thứ tự từ cao xuống thấp: thành phố Bến Tre 90,42 điểm; "
            "huyện Chợ Lách 89,7; huyện Ba Tri 88,15.")
    got = facts(gazetteer, text, "Bến Tre")
    assert got == {("Thành phố Bến Tre", "PAR", 2020): (90.42, 1), ("Huyện Chợ Lách", "PAR", 2020): (89.7, 2),
                   ("Huyện Ba Tri", "PAR", 2020): (88.15, 3)}


def test_scores_after_a_dash_in_a_list_without_points_are_scores(gazetteer):
    text = "Chỉ số hài lòng năm 2022, khối huyện: thành phố Vị Thanh – 93,4; huyện Long Mỹ – 91,05."
    got = facts(gazetteer, text, "Hậu Giang")
    assert got == {("Thành phố Vị Thanh", "SIPAS", 2022): (93.4, None), ("Huyện Long Mỹ", "SIPAS", 2022): (91.05, None)}


def test_one_bare_number_after_a_unit_is_not_taken_for_its_score(gazetteer):
    text = "Chỉ số CCHC năm 2020: huyện Ba Tri đứng đầu khối huyện; huyện Giồng Trôm 12,5."
    assert facts(gazetteer, text, "Bến Tre") == {("Huyện Ba Tri", "PAR", 2020): (None, 1)}


def test_the_numbers_of_a_list_written_inline_are_the_items_ranks(gazetteer):
    text = ("Chỉ số CCHC năm 2023, khối huyện, thành phố: 1. Thành phố Sa Đéc, 91,6 điểm; 2. Huyện Lấp Vò, 90,25 "
            "điểm; 3. Huyện Tháp Mười, 89,8 điểm.")
    got = facts(gazetteer, text, "Đồng Tháp")
    assert [got[(u, "PAR", 2023)] for u in ("Thành phố Sa Đéc", "Huyện Lấp Vò", "Huyện Tháp Mười")] == [
        (91.6, 1), (90.25, 2), (89.8, 3)]


def test_the_numbers_in_brackets_of_an_inline_list_are_ranks_too(gazetteer):
    text = "Chỉ số CCHC năm 2023 khối huyện: (1) Huyện Lai Vung 90,1 điểm; (2) Huyện Thanh Bình 89,35 điểm."
    got = facts(gazetteer, text, "Đồng Tháp")
    assert got == {("Huyện Lai Vung", "PAR", 2023): (90.1, 1), ("Huyện Thanh Bình", "PAR", 2023): (89.35, 2)}


def test_an_inline_item_that_states_its_rank_keeps_it(gazetteer):
    text = ("Chỉ số CCHC năm 2023: 1. Huyện Lai Vung, 90,1 điểm, xếp thứ hai; 2. Huyện Thanh Bình, 91,35 điểm, xếp "
            "thứ nhất.")
    got = facts(gazetteer, text, "Đồng Tháp")
    assert got == {("Huyện Lai Vung", "PAR", 2023): (90.1, 2), ("Huyện Thanh Bình", "PAR", 2023): (91.35, 1)}


def test_the_last_n_named_after_their_scores_count_from_the_end(gazetteer):
    text = ("Chỉ số hài lòng năm 2021 của 8 huyện, thị xã, thành phố: huyện Vị Thủy 84,2%, huyện Phụng Hiệp 83,9% là "
            "hai đơn vị xếp cuối.")
    got = facts(gazetteer, text, "Hậu Giang")
    assert got == {("Huyện Vị Thủy", "SIPAS", 2021): (84.2, 7), ("Huyện Phụng Hiệp", "SIPAS", 2021): (83.9, 8)}


def test_a_provinces_places_on_two_indices_in_one_sentence(gazetteer):
    text = "Năm 2021, Hậu Giang xếp thứ 20/63 tỉnh, thành phố về Chỉ số CCHC và thứ 7/63 về Chỉ số hài lòng."
    got = facts(gazetteer, text, "Hậu Giang")
    assert got == {("Tỉnh Hậu Giang", "PAR", 2021): (None, 20), ("Tỉnh Hậu Giang", "SIPAS", 2021): (None, 7)}


def test_another_indexs_place_first_then_the_texts_own_with_its_score(gazetteer):
    text = "Năm 2022, Chỉ số PAPI của tỉnh Bến Tre xếp thứ 31/63, còn Chỉ số CCHC xếp thứ 11/63 với 87,2%."
    got = facts(gazetteer, text, "Bến Tre")
    assert got == {("Tỉnh Bến Tre", "PAPI", 2022): (None, 31), ("Tỉnh Bến Tre", "PAR", 2022): (87.2, 11)}


def test_the_texts_own_index_first_then_another_indexs_place(gazetteer):
    text = ("Năm 2023, Đồng Tháp đứng thứ 4/63 tỉnh, thành phố về Chỉ số cải cách hành chính với 89,1%, trong khi chỉ "
            "số PCI xếp thứ 12.")
    got = facts(gazetteer, text, "Đồng Tháp")
    assert got == {("Tỉnh Đồng Tháp", "PAR", 2023): (89.1, 4), ("Tỉnh Đồng Tháp", "PCI", 2023): (None, 12)}


def test_a_rank_then_a_score_in_brackets_keeps_both(gazetteer):
    text = ("Chỉ số CCHC năm 2023: nhóm cuối gồm huyện Kỳ Sơn (xếp thứ 21, đạt 78,05 điểm) và huyện Quế Phong (thứ 20, "
            "78,6 điểm).")
    got = facts(gazetteer, text, "Nghệ An")
    assert got == {("Huyện Kỳ Sơn", "PAR", 2023): (78.05, 21), ("Huyện Quế Phong", "PAR", 2023): (78.6, 20)}


def test_the_figures_after_an_overtaken_unit_are_the_overtakers(gazetteer):
    text = ("Chỉ số CCHC năm 2022: huyện Nghi Lộc lần đầu vượt thành phố Vinh để dẫn đầu khối huyện với 91,3 điểm. "
            "Thành phố Vinh đứng thứ hai với 90,85 điểm.")
    got = facts(gazetteer, text, "Nghệ An")
    assert got == {("Huyện Nghi Lộc", "PAR", 2022): (91.3, 1), ("Thành phố Vinh", "PAR", 2022): (90.85, 2)}


def test_an_overtaken_units_own_figures_in_brackets_stay_its_own(gazetteer):
    text = "Chỉ số CCHC năm 2022: huyện Đô Lương xếp thứ nhất, vượt qua thị xã Thái Hòa (90,4 điểm, thứ hai)."
    got = facts(gazetteer, text, "Nghệ An")
    assert got == {("Huyện Đô Lương", "PAR", 2022): (None, 1), ("Thị xã Thái Hòa", "PAR", 2022): (90.4, 2)}


def test_the_body_overrules_a_headline_naming_two_indices(gazetteer):
    text = ("Công bố Chỉ số CCHC và Chỉ số hài lòng năm 2023: Thị xã Sa Pa dẫn đầu\n\n"
            "Khối huyện: thị xã Sa Pa dẫn đầu Chỉ số CCHC với 91,2 điểm. Về Chỉ số hài lòng, huyện Bắc Hà cao nhất "
            "(93,1%), Sa Pa đứng thứ hai (92,7%).")
    got = facts(gazetteer, text, "Lào Cai")
    assert got[("Thị xã Sa Pa", "PAR", 2023)] == (91.2, 1)
    assert got[("Thị xã Sa Pa", "SIPAS", 2023)] == (92.7, 2)


def test_ranks_that_pair_are_kept_when_the_scores_do_not(gazetteer):
    text = ("Chỉ số hài lòng năm 2019 của 9 huyện, thị xã, thành phố: từ vị trí 1 đến 3 lần lượt là thành phố Thủ Dầu "
            "Một, thành phố Dĩ An và thành phố Thuận An, với tỷ lệ từ 93,2% xuống 91,8%.")
    got = facts(gazetteer, text, "Bình Dương")
    assert [got[(u, "SIPAS", 2019)][1] for u in ("Thành phố Thủ Dầu Một", "Thành phố Dĩ An", "Thành phố Thuận An")] \
        == [1, 2, 3]


def test_a_clause_with_ranks_of_its_own_after_a_last_place_is_not_part_of_it(gazetteer):
    text = ("Chỉ số CCHC năm 2020 của 7 huyện, thị xã, thành phố: đứng cuối bảng là huyện Phú Giáo (80,4 điểm); huyện "
            "Dầu Tiếng và huyện Bàu Bàng lần lượt xếp thứ 6 và 5.")
    got = facts(gazetteer, text, "Bình Dương")
    assert got == {("Huyện Phú Giáo", "PAR", 2020): (80.4, 7), ("Huyện Dầu Tiếng", "PAR", 2020): (None, 6),
                   ("Huyện Bàu Bàng", "PAR", 2020): (None, 5)}


def test_units_holding_the_first_places_in_turn_after_their_scores(gazetteer):
    text = ("Chỉ số CCHC năm 2021: huyện Đức Hòa 90,6 điểm, huyện Bến Lức 89,9 điểm, huyện Cần Giuộc 88,45 điểm, lần "
            "lượt giữ ba vị trí đầu.")
    got = facts(gazetteer, text, "Long An")
    assert [got[(u, "PAR", 2021)][1] for u in ("Huyện Đức Hòa", "Huyện Bến Lức", "Huyện Cần Giuộc")] == [1, 2, 3]


def test_units_sharing_the_last_place_are_tied_there(gazetteer):
    text = ("Chỉ số CCHC năm 2021, khối sở (19 đơn vị): Sở Tư pháp đứng đầu với 91,2 điểm. Sở Xây dựng và Sở Y tế cùng "
            "đứng cuối với 78,5 điểm.")
    got = facts(gazetteer, text, "Bình Dương")
    assert got[("Sở Xây dựng", "PAR", 2021)] == got[("Sở Y tế", "PAR", 2021)] == (78.5, 18)


def test_the_next_unit_after_a_tie_comes_after_every_tied_place(gazetteer):
    text = ("Chỉ số CCHC năm 2022 khối sở: Sở Nội vụ và Sở Tài chính cùng xếp thứ ba với 89,5 điểm. Tiếp đến là Sở "
            "Y tế (88,7 điểm).")
    assert facts(gazetteer, text, "Long An")[("Sở Y tế", "PAR", 2022)] == (88.7, 5)


def test_the_next_unit_follows_the_first_place_after_a_place_stated_earlier(gazetteer):
    text = ("Chỉ số CCHC năm 2022: Sở Xây dựng chỉ xếp thứ 12 với 84,1 điểm. Đứng đầu khối sở là Sở Tư pháp (91,5 "
            "điểm), kế đến là Sở Nội vụ (90,8 điểm) và Sở Y tế (89,6 điểm).")
    got = facts(gazetteer, text, "Long An")
    assert [got[(u, "PAR", 2022)][1] for u in ("Sở Tư pháp", "Sở Nội vụ", "Sở Y tế")] == [1, 2, 3]


def test_the_next_unit_after_units_without_places_gets_none(gazetteer):
    text = ("Chỉ số hài lòng năm 2023: các huyện Đức Hòa, Bến Lức và Cần Đước lần lượt đạt 94,6%, 93,9% và 93,4%, dẫn "
            "đầu tỉnh. Kế đến là huyện Tân Trụ (92,8%).")
    assert facts(gazetteer, text, "Long An")[("Huyện Tân Trụ", "SIPAS", 2023)][1] in (None, 4)
