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
