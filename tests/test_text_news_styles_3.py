"""The text extractor on more constructions of provincial and national news, written for these tests:
the survey's share in a method sentence, a survey score of one unit, scores out of 100 without "điểm",
a place out of the bloc's size, membership of a leading group, the first of a region or a grade group,
"X đứng sau Y (thứ N)", a spaced hyphen in a province's name, and a folder named after the publication year."""

from __future__ import annotations

from helpers import text_facts as facts

from flows.extract.text import extract_text


def test_the_surveys_share_in_a_method_sentence_does_not_make_the_scores_survey_scores(gazetteer):
    text = ("Kết quả Chỉ số cải cách hành chính năm 2017 của tỉnh Bắc Giang\n\n"
            "Chỉ số năm nay được chấm trên thang 100 điểm, trong đó điểm điều tra xã hội học chiếm 35 điểm. "
            "Huyện Lạng Giang đạt 86,4 điểm, xếp thứ nhất; huyện Yên Thế xếp thứ hai với 85,1 điểm.")
    assert facts(gazetteer, text, "Bắc Giang") == {("Huyện Lạng Giang", "PAR", 2017): (86.4, 1),
                                                   ("Huyện Yên Thế", "PAR", 2017): (85.1, 2)}


def test_a_survey_score_stated_for_one_unit_is_that_paragraphs_only(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của tỉnh Phú Thọ\n\n"
            "Điểm điều tra xã hội học của huyện Thanh Sơn đạt 30,15 điểm, cao nhất tỉnh.\n\n"
            "Ở khối sở, ngành, Sở Tư pháp đứng đầu với 90,8 điểm.")
    assert facts(gazetteer, text, "Phú Thọ") == {("Huyện Thanh Sơn", "SURVEY", 2021): (30.15, 1),
                                                 ("Sở Tư pháp", "PAR", 2021): (90.8, 1)}


def test_a_score_out_of_100_without_the_word_points(gazetteer):
    text = ("Năm 2020, về Chỉ số cải cách hành chính, huyện Hoài Đức dẫn đầu với 90,25/100, tiếp đến là huyện "
            "Đan Phượng (89,7/100). Có 83/100 xã đạt chuẩn.")
    got = facts(gazetteer, text, "Hà Nội")
    assert got == {("Huyện Hoài Đức", "PAR", 2020): (90.25, 1), ("Huyện Đan Phượng", "PAR", 2020): (89.7, 2)}


def test_a_place_written_out_of_the_blocs_size(gazetteer):
    text = "Chỉ số cải cách hành chính năm 2018: huyện Si Ma Cai xếp vị trí 9/9 với 75,6 điểm."
    assert facts(gazetteer, text, "Lào Cai") == {("Huyện Si Ma Cai", "PAR", 2018): (75.6, 9)}


def test_membership_of_a_leading_group_is_no_rank(gazetteer):
    text = ("Năm 2021, tỉnh Bình Dương tiếp tục nằm trong nhóm 10 địa phương dẫn đầu Chỉ số CCHC. "
            "Về Chỉ số SIPAS, tỉnh Long An lọt vào tốp 5 tỉnh cao nhất với 87,3%.")
    assert facts(gazetteer, text, None) == {("Tỉnh Long An", "SIPAS", 2021): (87.3, None)}


def test_the_first_of_a_region_or_of_a_grade_group_is_not_first_in_the_ranking(gazetteer):
    national = ("Năm 2016, về Chỉ số CCHC, Hà Giang cao nhất trong nhóm 14 tỉnh miền núi phía Bắc với 80,1%; "
                "Lào Cai dẫn đầu khu vực Tây Bắc về Chỉ số SIPAS.")
    assert facts(gazetteer, national, None) == {("Tỉnh Hà Giang", "PAR", 2016): (80.1, None)}
    groups = ("Chỉ số cải cách hành chính năm 2019 của các huyện: nhóm xếp loại Tốt gồm huyện Diễn Châu 90,2 điểm "
              "(thứ 1) và huyện Yên Thành 89,5 điểm (thứ 2). Nhóm xếp loại Khá có 10 đơn vị, huyện Anh Sơn đứng đầu "
              "nhóm với 84,3 điểm.")
    got = facts(gazetteer, groups, "Nghệ An")
    assert got[("Huyện Diễn Châu", "PAR", 2019)] == (90.2, 1) and got[("Huyện Yên Thành", "PAR", 2019)] == (89.5, 2)
    assert got[("Huyện Anh Sơn", "PAR", 2019)][0] == 84.3 and got[("Huyện Anh Sơn", "PAR", 2019)][1] != 1


def test_behind_a_named_province_gives_the_named_ones_their_places_only(gazetteer):
    text = ("Năm 2020, về Chỉ số CCHC, Ninh Bình đứng sau Nam Định (xếp thứ 12) và Thái Bình (xếp thứ 20). "
            "Hà Nam xếp sau Hưng Yên (thứ 30).")
    assert facts(gazetteer, text, None) == {("Tỉnh Nam Định", "PAR", 2020): (None, 12),
                                            ("Tỉnh Thái Bình", "PAR", 2020): (None, 20),
                                            ("Tỉnh Hưng Yên", "PAR", 2020): (None, 30)}
    listed = "Năm 2020, về Chỉ số CCHC, Quảng Ninh dẫn đầu, xếp sau là Hải Phòng."
    assert facts(gazetteer, listed, None)[("Thành phố Hải Phòng", "PAR", 2020)][1] == 2


def test_a_province_written_with_a_spaced_hyphen(gazetteer):
    text = "Năm 2017, Bà Rịa - Vũng Tàu xếp thứ 18 về Chỉ số CCHC; Thừa Thiên - Huế đạt 84,2%, xếp thứ 7."
    assert facts(gazetteer, text, None) == {("Tỉnh Bà Rịa - Vũng Tàu", "PAR", 2017): (None, 18),
                                            ("Tỉnh Thừa Thiên Huế", "PAR", 2017): (84.2, 7)}


def test_a_folder_named_after_the_year_of_publication(gazetteer):
    text = ("Bình Phước tăng 6 bậc về cải cách hành chính\n\n"
            "Năm 2018, tỉnh Bình Phước xếp thứ 40/63.\n\n"
            "Cũng trong năm này, Tây Ninh đứng thứ 22.")
    got = facts(gazetteer, text, "Bình Phước", 2019)  # raw/2019/binh-phuoc/: published in 2019
    assert got == {("Tỉnh Bình Phước", "PAR", 2018): (None, 40), ("Tỉnh Tây Ninh", "PAR", 2018): (None, 22)}
    titled = "Chỉ số CCHC năm 2019 của tỉnh Bình Phước\n\nNăm 2018, tỉnh xếp thứ 40/63.\n\nTây Ninh đứng thứ 22."
    assert facts(gazetteer, titled, "Bình Phước", 2019)[("Tỉnh Tây Ninh", "PAR", 2019)] == (None, 22)


def test_last_places_take_the_blocs_size_stated_earlier_in_the_text(gazetteer):
    text = ("Chỉ số cải cách hành chính năm 2023 của tỉnh Hưng Yên. Cả 10 huyện, thị xã, thành phố đều đạt trên "
            "80 điểm. Huyện Tiên Lữ thấp nhất với 80,6 điểm.\n\n"
            "Khối sở, ban, ngành có 19 đơn vị. Hai đơn vị thấp nhất là Sở Xây dựng (78,4 điểm) và Sở Y tế "
            "(77,9 điểm).")
    got = facts(gazetteer, text, "Hưng Yên")
    assert got[("Huyện Tiên Lữ", "PAR", 2023)] == (80.6, 10)
    assert got[("Sở Xây dựng", "PAR", 2023)] == (78.4, 18) and got[("Sở Y tế", "PAR", 2023)] == (77.9, 19)


def test_two_units_ranked_last_together_and_a_claim_count_is_no_size(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2021 của 9 huyện, thành phố: huyện Mường Nhé và huyện Nậm Pồ xếp cuối, lần "
            "lượt đạt 76,1 và 75,3 điểm.")
    got = facts(gazetteer, text, "Điện Biên")
    assert got == {("Huyện Mường Nhé", "PAR", 2021): (76.1, 8), ("Huyện Nậm Pồ", "PAR", 2021): (75.3, 9)}
    claim = "Chỉ số CCHC năm 2021: có 5 huyện đạt trên 85 điểm. Huyện Nậm Pồ xếp cuối với 75,3 điểm."
    assert facts(gazetteer, claim, "Điện Biên") == {("Huyện Nậm Pồ", "PAR", 2021): (75.3, None)}


def test_respective_scores_and_ranks_written_after_the_names(gazetteer):
    scores_after = ("Chỉ số CCHC năm 2019 của các huyện: xếp thứ 2 đến thứ 4 lần lượt là huyện Gia Viễn, huyện Kim "
                    "Sơn và huyện Nho Quan với số điểm tương ứng 86,40; 85,90 và 84,15.")
    assert facts(gazetteer, scores_after, "Ninh Bình") == {
        ("Huyện Gia Viễn", "PAR", 2019): (86.4, 2), ("Huyện Kim Sơn", "PAR", 2019): (85.9, 3),
        ("Huyện Nho Quan", "PAR", 2019): (84.15, 4)}
    ranks_after = ("Chỉ số hài lòng năm 2022: huyện Đông Anh đạt 91,2%, huyện Gia Lâm đạt 90,6%, huyện Mê Linh đạt "
                   "89,9%, tương ứng với các vị trí thứ nhất, thứ hai và thứ ba.")
    assert facts(gazetteer, ranks_after, "Hà Nội") == {
        ("Huyện Đông Anh", "SIPAS", 2022): (91.2, 1), ("Huyện Gia Lâm", "SIPAS", 2022): (90.6, 2),
        ("Huyện Mê Linh", "SIPAS", 2022): (89.9, 3)}
    pair = "Chỉ số hài lòng năm 2022: huyện Sóc Sơn và huyện Ba Vì xếp thứ 4 và thứ 5, tương ứng 89,1% và 88,7%."
    assert facts(gazetteer, pair, "Hà Nội") == {("Huyện Sóc Sơn", "SIPAS", 2022): (89.1, 4),
                                               ("Huyện Ba Vì", "SIPAS", 2022): (88.7, 5)}


def test_two_units_placed_together_and_a_name_ending_in_dong(gazetteer):
    text = ("Chỉ số CCHC năm 2016: huyện Thạch Hà và huyện Kỳ Anh đồng xếp thứ ba với 84,2 điểm; xã Kỳ Đồng xếp "
            "thứ 20.")
    result = extract_text(text, gazetteer, None, "Hà Tĩnh")
    got = {f["unit"]: (f["score"], f["rank"], f["tied"]) for f in result["facts"]}
    assert got["Huyện Thạch Hà"] == (84.2, 3, True) and got["Huyện Kỳ Anh"] == (84.2, 3, True)
    assert all(not f["tied"] for f in result["facts"] if f["unit"] not in ("Huyện Thạch Hà", "Huyện Kỳ Anh"))


def test_the_department_of_a_quoted_official_is_not_ranked(gazetteer):
    text = ("Chỉ số CCHC năm 2020: theo bà Nguyễn Thị Hoa, Phó Giám đốc Sở Nội vụ, huyện Vân Đồn đạt 90,4 điểm, "
            "xếp thứ nhất.")
    assert facts(gazetteer, text, "Quảng Ninh") == {("Huyện Vân Đồn", "PAR", 2020): (90.4, 1)}


def test_bare_commune_names_after_a_count_of_communes_in_2025(gazetteer):
    text = ("Chỉ số CCHC năm 2025: khối xã có 40 đơn vị. Hai xã xếp cuối là Sơn Dương (70,2 điểm) và Hàm Yên "
            "(69,5 điểm).")
    got = facts(gazetteer, text, "Tuyên Quang")
    assert got == {("Xã Sơn Dương", "PAR", 2025): (70.2, 39), ("Xã Hàm Yên", "PAR", 2025): (69.5, 40)}


def test_last_years_place_from_a_change_in_the_next_sentence_or_a_rank_kept(gazetteer):
    text = ("Chỉ số CCHC năm 2018: huyện Lục Nam xếp thứ 3 với 86,1 điểm. So với năm 2017, huyện Lục Nam tăng 4 "
            "bậc. Huyện Tân Yên xếp thứ 5 với 84,9 điểm, giữ nguyên thứ hạng so với năm trước.")
    got = facts(gazetteer, text, "Bắc Giang")
    assert got[("Huyện Lục Nam", "PAR", 2017)] == (None, 7)
    assert got[("Huyện Tân Yên", "PAR", 2017)] == (None, 5)


def test_a_headline_without_a_year_takes_the_texts_year_not_the_publication_folders(gazetteer):
    text = "Quảng Ninh dẫn đầu về cải cách hành chính\n\nNăm 2018, Quảng Ninh xếp thứ nhất với 90,1%."
    got = facts(gazetteer, text, None, 2019)
    assert got == {("Tỉnh Quảng Ninh", "PAR", 2018): (90.1, 1)}


def test_the_province_of_the_story_beside_the_provinces_it_is_compared_with(gazetteer):
    text = ("Năm 2016, Chỉ số CCHC của tỉnh đạt 80,4%, xếp thứ 12/63, xếp sau Đồng Nai (81,2%). Về Chỉ số SIPAS, "
            "tỉnh đạt 83,1%, xếp thứ 30, trong khi Tây Ninh đạt 85,6%.")
    got = facts(gazetteer, text, "Bình Phước")
    assert got[("Tỉnh Bình Phước", "PAR", 2016)] == (80.4, 12)
    assert got[("Tỉnh Bình Phước", "SIPAS", 2016)] == (83.1, 30)
    assert got[("Tỉnh Đồng Nai", "PAR", 2016)] == (81.2, None)


def test_a_provinces_history_of_places_in_sentences_of_its_own(gazetteer):
    text = ("Năm 2019, Chỉ số CCHC của tỉnh Hà Giang xếp thứ 33/63. Năm 2016 tỉnh xếp thứ 48 và năm 2017 xếp thứ "
            "41. Chỉ số cải cách hành chính của tỉnh năm 2018 xếp thứ 38, năm 2019 xếp thứ 33.")
    got = facts(gazetteer, text, "Hà Giang")
    assert {k[2]: v for k, v in got.items()} == {2019: (None, 33), 2016: (None, 48), 2017: (None, 41),
                                                 2018: (None, 38)}


def test_the_provinces_own_index_figure_and_what_is_not_the_province(gazetteer):
    text = ("Chỉ số SIPAS năm 2021 của tỉnh đạt 83,4%, cao hơn năm 2020 (81,2%), xếp thứ 25. Trong các lĩnh vực, "
            "tỉnh đạt điểm tối đa ở lĩnh vực cải cách thể chế (9,5/9,5). Ban Quản lý Khu kinh tế tỉnh xếp thứ ba "
            "với 90,1 điểm.")
    got = facts(gazetteer, text, "Hà Tĩnh")
    assert got[("Tỉnh Hà Tĩnh", "SIPAS", 2021)] == (83.4, 25)
    assert got[("Tỉnh Hà Tĩnh", "SIPAS", 2020)] == (81.2, None)
    assert ("Tỉnh Hà Tĩnh", "PAR", 2021) not in got and len([k for k in got if k[0] == "Tỉnh Hà Tĩnh"]) == 2
