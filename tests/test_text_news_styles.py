"""The text extractor on constructions of provincial news written for these tests (not taken from any source):
method sentences, speakers, acronyms after an index name, references to another unit's place."""

from __future__ import annotations

import pytest

from flows.extract.text import extract_text
from flows.gazetteer import Gazetteer

TITLE = "Kết quả Chỉ số cải cách hành chính năm 2020 của thành phố Hải Phòng\n\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def facts(gazetteer: Gazetteer, body: str, title: str = TITLE, province: str | None = "Hải Phòng") -> dict:
    result = extract_text(title + body, gazetteer, None, province)
    return {(f["unit"], f["index"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]}


def test_the_survey_named_in_the_method_does_not_make_the_next_paragraphs_survey_scores(gazetteer):
    body = ("Kết quả được xác định trên cơ sở điểm thẩm định và điểm điều tra xã hội học.\n\n"
            "Quận Lê Chân đạt 90,7 điểm, đứng đầu; quận Hải An xếp thứ hai với 89,6 điểm.\n\n"
            "Về điểm điều tra xã hội học, khối quận, huyện có kết quả như sau. Quận Kiến An đứng đầu với 31,2 điểm.")
    assert facts(gazetteer, body) == {("Quận Lê Chân", "PAR", 2020): (90.7, 1), ("Quận Hải An", "PAR", 2020): (89.6, 2),
                                      ("Quận Kiến An", "SURVEY", 2020): (31.2, 1)}


def test_a_head_who_speaks_is_not_the_unit_ranked(gazetteer):
    body = ("Quận Lê Chân đứng đầu với 90,7 điểm. Theo Giám đốc Sở Nội vụ, khối sở đạt bình quân 84,35 điểm.\n\n"
            "Giám đốc Sở Nội vụ Nguyễn Văn An cho biết: \"Chỉ số CCHC của thành phố năm 2020 đạt 88,9%, xếp thứ "
            "5/63\".")
    assert facts(gazetteer, body) == {("Quận Lê Chân", "PAR", 2020): (90.7, 1),
                                      ("Thành phố Hải Phòng", "PAR", 2020): (88.9, 5)}


def test_the_capital_and_an_acronym_in_parentheses_after_the_index_name(gazetteer):
    body = ("Năm 2020, Chỉ số SIPAS của Thủ đô đạt 86,8%, xếp thứ 5/63; Chỉ số cải cách hành chính (PAR Index) "
            "đạt 89,9%, xếp thứ nhất.")
    title = "Chỉ số CCHC năm 2020 của 63 tỉnh, thành phố\n\n"
    assert facts(gazetteer, body, title, None) == {("Thành phố Hà Nội", "SIPAS", 2020): (86.8, 5),
                                                   ("Thành phố Hà Nội", "PAR", 2020): (89.9, 1)}


def test_another_units_place_as_a_reference_and_a_self_assessed_score(gazetteer):
    body = ("Quận Lê Chân đứng đầu với 91,05 điểm. Huyện Bạch Long Vĩ đạt 74,2 điểm, thấp hơn 16,85 điểm so với đơn "
            "vị dẫn đầu. Quận Hải An tự chấm 95,5 điểm, sau thẩm định đạt 90,36 điểm, xếp thứ hai.")
    assert facts(gazetteer, body) == {("Quận Lê Chân", "PAR", 2020): (91.05, 1),
                                      ("Huyện Bạch Long Vỹ", "PAR", 2020): (74.2, None),
                                      ("Quận Hải An", "PAR", 2020): (90.36, 2)}


def test_a_decisions_own_number_and_date_not_those_it_cites(gazetteer):
    text = ("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nSố: 905/QĐ-UBND\nHải Phòng, ngày 20 tháng 4 năm 2021\n\nQUYẾT ĐỊNH\n"
            "Về việc công bố Chỉ số cải cách hành chính năm 2020\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày "
            "19/6/2015;\nCăn cứ Quyết định số 1620/QĐ-UBND ngày 12/6/2020 của Ủy ban nhân dân thành phố;\n\n"
            "Điều 1. Quận Lê Chân đứng đầu với 90,7 điểm.")
    source = extract_text(text, gazetteer, None, "Hải Phòng")["source"]
    assert (source["decision_no"], source["published"]) == ("905/QĐ-UBND", "2021-04-20")


def test_numbered_items_that_state_their_rank_and_a_numbered_section(gazetteer):
    body = ("1. Quận Kiến An: 85,2 điểm, xếp thứ 3\n2. Quận Lê Chân: 91,0 điểm, xếp thứ 1\n"
            "3. Quận Hải An: 88,4 điểm, xếp thứ 2\n\n"
            "2. Khối sở, ngành: Sở Tư pháp đạt 90,1 điểm, xếp thứ 1; Sở Nội vụ đạt 89,9 điểm, xếp thứ 2.")
    assert facts(gazetteer, body) == {
        ("Quận Kiến An", "PAR", 2020): (85.2, 3), ("Quận Lê Chân", "PAR", 2020): (91.0, 1),
        ("Quận Hải An", "PAR", 2020): (88.4, 2), ("Sở Tư pháp", "PAR", 2020): (90.1, 1),
        ("Sở Nội vụ", "PAR", 2020): (89.9, 2)}


def test_a_survey_breakdown_names_only_its_own_part_and_an_unknown_management_board_is_rejected(gazetteer):
    body = ("Sở Tư pháp dẫn đầu với 93,47 điểm, trong đó điểm điều tra xã hội học đạt 31,20/35 điểm; Sở Nội vụ xếp "
            "thứ hai với 92,15 điểm; Ban Quản lý các khu chế xuất đạt 80,2 điểm, xếp thứ 3.")
    result = extract_text(TITLE + body, gazetteer, None, "Hải Phòng")
    assert {(f["unit"], f["index"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]} == {
        ("Sở Tư pháp", "PAR", 2020): (93.47, 1), ("Sở Nội vụ", "PAR", 2020): (92.15, 2)}
    assert [r["value"] for r in result["rejects"]] == ["Ban Quản lý các khu chế xuất"]


def test_a_rating_given_to_the_heads_listed_after_it(gazetteer):
    body = ("UBND thành phố xếp loại hoàn thành tốt nhiệm vụ đối với người đứng đầu các cơ quan, đơn vị: Sở Tư pháp, "
            "Thanh tra thành phố và UBND huyện An Lão.")
    ratings = extract_text(TITLE + body, gazetteer, None, "Hải Phòng")["leader_ratings"]
    assert {(r["unit"], r["title"], r["rating"]) for r in ratings} == {
        ("Sở Tư pháp", "Giám đốc", "hoàn thành tốt nhiệm vụ"),
        ("Thanh tra thành phố", "Chánh Thanh tra", "hoàn thành tốt nhiệm vụ"),
        ("Huyện An Lão", "Chủ tịch UBND", "hoàn thành tốt nhiệm vụ")}


def test_a_satisfaction_factor_is_not_the_satisfaction_index(gazetteer):
    body = ("Về Chỉ số hài lòng, quận Lê Chân xếp thứ nhất với mức độ hài lòng chung 95,6%. Về yếu tố tiếp cận dịch "
            "vụ, huyện An Lão đạt 97,2%, cao nhất thành phố. Mức độ hài lòng về thủ tục hành chính của quận Hải An "
            "đạt 96,0%.")
    result = extract_text(TITLE + body, gazetteer, None, "Hải Phòng")
    assert {(f["unit"], f["index"]): (f["score"], f["rank"], f["tied"]) for f in result["facts"]} == {
        ("Quận Lê Chân", "SIPAS"): (95.6, 1, False)}
    assert sum("SIPAS factor" in w for w in result["warnings"]) == 2


def test_a_history_of_places_in_one_sentence(gazetteer):
    body = "Quận Hải An từ vị trí 12 năm 2018 lên 7 năm 2019 và lên thứ 3 năm 2020, đạt 89,02 điểm."
    assert facts(gazetteer, body) == {("Quận Hải An", "PAR", 2020): (89.02, 3),
                                      ("Quận Hải An", "PAR", 2018): (None, 12)}


def test_the_body_that_ran_the_survey_is_not_scored(gazetteer):
    body = ("Theo kết quả khảo sát do Sở Nội vụ phối hợp với Viện Nghiên cứu thực hiện, chỉ số hài lòng của các quận, "
            "huyện dao động từ 84,2% đến 95,6%. Quận Lê Chân đứng đầu với 95,6%.")
    assert facts(gazetteer, body) == {("Quận Lê Chân", "SIPAS", 2020): (95.6, 1)}


def test_numbered_districts_listed_after_one_kind_word(gazetteer):
    text = ("Chỉ số hài lòng năm 2023 của các quận, huyện Thành phố Hồ Chí Minh\n\n"
            "Các quận 4, 6 và 11 lần lượt đạt 94,6%, 93,95% và 93,4%.")
    assert facts(gazetteer, text, "", "Hồ Chí Minh") == {
        ("Quận 4", "SIPAS", 2023): (94.6, None), ("Quận 6", "SIPAS", 2023): (93.95, None),
        ("Quận 11", "SIPAS", 2023): (93.4, None)}


def test_three_scores_joined_by_dashes(gazetteer):
    body = ("Ba vị trí dẫn đầu khối quận lần lượt là quận Lê Chân, quận Hải An và quận Kiến An, với điểm số tương "
            "ứng 90,15 - 88,62 - 87,34 điểm. Các đơn vị còn lại đạt từ 80 - 87 điểm.")
    assert facts(gazetteer, body) == {("Quận Lê Chân", "PAR", 2020): (90.15, 1),
                                      ("Quận Hải An", "PAR", 2020): (88.62, 2),
                                      ("Quận Kiến An", "PAR", 2020): (87.34, 3)}


def test_the_blocks_of_a_saved_page_around_the_article_are_not_read(gazetteer):
    text = ("Đọc nhiều nhất\n1. Quận Kiến An đạt 88,2 điểm Chỉ số CCHC\n\n"
            "# Hải Phòng công bố Chỉ số cải cách hành chính năm 2019\nSở Tư pháp dẫn đầu với 89,26 điểm.\n\n"
            "Các tin khác\nSở Y tế đạt 88 điểm, xếp thứ 3 khối sở năm 2018\n\n"
            "Ý kiến bạn đọc (2)\nHuyện An Lão năm ngoái xếp thứ 5 mà năm nay chỉ còn 80,5 điểm?")
    result = extract_text(text, gazetteer, None, "Hải Phòng")
    assert result["source"]["title"] == "Hải Phòng công bố Chỉ số cải cách hành chính năm 2019"
    assert {(f["unit"], f["index"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]} == {
        ("Sở Tư pháp", "PAR", 2019): (89.26, 1)}


def test_the_date_a_page_was_published_not_todays_nor_the_printouts(gazetteer):
    text = ("21/02/2025 15:02  Chỉ số CCHC năm 2024 - Cổng thông tin điện tử\nHôm nay: Thứ Sáu, 21/02/2025\n\n"
            "Hải Phòng công bố Chỉ số CCHC năm 2024\nNgày xuất bản: 20/02/2025\n\nSở Tư pháp dẫn đầu với 93,1 điểm.")
    assert extract_text(text, gazetteer, None, "Hải Phòng")["source"]["published"] == "2025-02-20"


def test_a_range_of_places_written_without_tu(gazetteer):
    body = ("Quận Lê Chân dẫn đầu với 94,1 điểm. Xếp thứ tư đến thứ sáu là các quận: Hải An (92,6); Kiến An (92,4); "
            "Đồ Sơn (91,9).")
    assert facts(gazetteer, body) == {("Quận Lê Chân", "PAR", 2020): (94.1, 1), ("Quận Hải An", "PAR", 2020): (92.6, 4),
                                      ("Quận Kiến An", "PAR", 2020): (92.4, 5), ("Quận Đồ Sơn", "PAR", 2020): (91.9, 6)}


def test_places_listed_with_tuong_ung(gazetteer):
    body = "Huyện An Lão, huyện Tiên Lãng và huyện Vĩnh Bảo xếp ba vị trí cuối, tương ứng với các thứ hạng 13, 14, 15."
    assert facts(gazetteer, body) == {("Huyện An Lão", "PAR", 2020): (None, 13),
                                      ("Huyện Tiên Lãng", "PAR", 2020): (None, 14),
                                      ("Huyện Vĩnh Bảo", "PAR", 2020): (None, 15)}


def test_a_count_of_a_grade_defined_in_parentheses_is_a_claim(gazetteer):
    body = "Có 2/19 sở, ngành đạt loại xuất sắc (từ 90 điểm trở lên). Sở Tư pháp dẫn đầu với 91,2 điểm."
    claims = extract_text(TITLE + body, gazetteer, None, "Hải Phòng")["claims"]
    assert [(c["stated_count"], c["of"], c["condition"]) for c in claims] == [(2, 19, "score >= 90")]


def test_a_city_named_like_a_province_in_the_national_ranking_is_the_province(gazetteer):
    text = ("Thành phố Huế xếp thứ 4 cả nước về Chỉ số cải cách hành chính năm 2024\n\nNgày 23/5/2025, Bộ Nội vụ công "
            "bố kết quả. Theo đó, thành phố Huế đạt 90,46%, xếp thứ 4/63.")
    assert facts(gazetteer, text, "", "Thừa Thiên Huế") == {("Tỉnh Thừa Thiên Huế", "PAR", 2024): (90.46, 4)}


def test_a_unit_set_against_another_gets_no_order_and_a_past_clause_no_rank(gazetteer):
    text = ("Results of the 2019 PAR Index\n\nIn the satisfaction index, Hai Phong led with 88.36 percent, while Hanoi "
            "scored 84.4 percent. Quang Ninh, which had held first place for nine consecutive years, came second "
            "in the PAR Index with 91.71 percent.")
    assert facts(gazetteer, text, "", None) == {("Thành phố Hải Phòng", "SIPAS", 2019): (88.36, 1),
                                                ("Thành phố Hà Nội", "SIPAS", 2019): (84.4, None),
                                                ("Tỉnh Quảng Ninh", "PAR", 2019): (91.71, 2)}


def test_order_cues_of_other_portals_counts_of_district_level_units_and_one_of_the_leaders(gazetteer):
    body = ("Kết quả được tính trên thang điểm 100, trong đó điểm điều tra xã hội học tối đa 35 điểm.\n\n"
            "Thứ tự xếp hạng lần lượt là: quận Lê Chân (87,55 điểm), quận Hải An (86,91 điểm), quận Kiến An (85,2 "
            "điểm). 3/15 đơn vị cấp huyện đạt từ 85 điểm trở lên. Huyện Tiên Lãng là một trong những địa phương dẫn "
            "đầu về cải cách thủ tục.")
    result = extract_text(TITLE + body, gazetteer, None, "Hải Phòng")
    assert {(f["unit"], f["index"]): (f["score"], f["rank"]) for f in result["facts"]} == {
        ("Quận Lê Chân", "PAR"): (87.55, 1), ("Quận Hải An", "PAR"): (86.91, 2), ("Quận Kiến An", "PAR"): (85.2, 3)}
    assert [(c["unit_kind"], c["stated_count"]) for c in result["claims"]] == [("district", 3)]


def test_the_head_of_each_listed_department_and_a_town_abbreviated_tx(gazetteer):
    body = ("Người đứng đầu của Sở Tư pháp, Sở Nội vụ được xếp loại hoàn thành xuất sắc nhiệm vụ. Huyện An Lão đứng "
            "đầu với 90,2 điểm, TX. Đồ Sơn xếp thứ hai.")
    result = extract_text(TITLE + body, gazetteer, None, "Hải Phòng")
    assert {(r["unit"], r["title"]) for r in result["leader_ratings"]} == {("Sở Tư pháp", "Giám đốc"),
                                                                          ("Sở Nội vụ", "Giám đốc")}
    assert {f["unit"]: f["rank"] for f in result["facts"]}["Huyện An Lão"] == 1


def test_two_districts_after_one_kind_word_one_unknown_and_a_word_that_is_a_place_but_for_its_tone(gazetteer):
    text = ("Kết quả Chỉ số cải cách hành chính năm 2023 của tỉnh Bắc Giang\n\nCác huyện Tân Yên, huyện Yên Dũng và "
            "Hiệp Hòa lần lượt đạt 88,1; 87,2 và 86,3 điểm. Giám đốc Sở Tư pháp và Chủ tịch UBND huyện Lục Nam hoàn "
            "thành xuất sắc nhiệm vụ.")
    result = extract_text(text, gazetteer, None, "Bắc Giang")
    assert {f["unit"]: f["score"] for f in result["facts"]} == {"Huyện Tân Yên": 88.1, "Huyện Yên Dũng": 87.2,
                                                               "Huyện Hiệp Hòa": 86.3}
    assert {(r["unit"], r["title"]) for r in result["leader_ratings"]} == {("Sở Tư pháp", "Giám đốc"),
                                                                          ("Huyện Lục Nam", "Chủ tịch UBND")}


def test_the_last_place_with_a_size_stated_before_the_unit_or_beside_it(gazetteer):
    text = ("Kết quả Chỉ số cải cách hành chính năm 2021 của tỉnh Quảng Nam\n\nTrong 18 huyện, thị xã, thành phố, "
            "huyện Tây Giang xếp cuối với 73,4 điểm. Trong khối sở, Sở Xây dựng xếp cuối (21/21) với 80,2 điểm.")
    assert facts(gazetteer, text, "", "Quảng Nam") == {("Huyện Tây Giang", "PAR", 2021): (73.4, 18),
                                                      ("Sở Xây dựng", "PAR", 2021): (80.2, 21)}


def test_a_list_introduced_in_the_clause_after_the_leader(gazetteer):
    body = ("Khối quận, huyện: quận Lê Chân là đơn vị duy nhất đạt trên 90 điểm (90,67 điểm), xếp thứ nhất; 3 đơn vị "
            "đạt từ 80 đến dưới 90 điểm, xếp theo thứ tự từ cao xuống thấp gồm: quận Hải An, Kiến An, huyện An Lão.")
    result = extract_text(TITLE + body, gazetteer, None, "Hải Phòng")
    assert {f["unit"]: (f["score"], f["score_min"], f["score_max"], f["rank"]) for f in result["facts"]} == {
        "Quận Lê Chân": (90.67, None, None, 1), "Quận Hải An": (None, 80.0, 90.0, 2),
        "Quận Kiến An": (None, 80.0, 90.0, 3), "Huyện An Lão": (None, 80.0, 90.0, 4)}


def test_english_with_typographic_dashes_and_quotes(gazetteer):
    text = ("Quang Ninh tops the 2018 PAR Index\n\nHA NOI — Quang Ninh topped the 2018 PAR Index with 90.07 per cent, "
            "the ministry’s report said.")
    assert facts(gazetteer, text, "", None) == {("Tỉnh Quảng Ninh", "PAR", 2018): (90.07, 1)}


def test_an_announcement_naming_the_next_index_sets_it_and_hcm_city(gazetteer):
    text = ("Chỉ số SIPAS năm 2020\n\nChỉ số SIPAS năm 2020 của Ninh Bình đạt 89,76%, xếp thứ 3.\n\nCùng ngày, Bộ Nội "
            "vụ cũng công bố Chỉ số cải cách hành chính năm 2020. Quảng Ninh đứng đầu với 91,04%.")
    assert facts(gazetteer, text, "", None) == {("Tỉnh Ninh Bình", "SIPAS", 2020): (89.76, 3),
                                                ("Tỉnh Quảng Ninh", "PAR", 2020): (91.04, 1)}
    english = "The 2018 PAR Index\n\nHCM City ranked fifth with 88.1 per cent."
    assert facts(gazetteer, english, "", None) == {("Thành phố Hồ Chí Minh", "PAR", 2018): (88.1, 5)}


def test_english_last_place_is_not_an_implied_second(gazetteer):
    text = ("Results of the 2019 PAR Index\n\nHai Phong ranked first at 92.17 per cent. Lang Son came in last at 72.07 "
            "per cent.")
    assert facts(gazetteer, text, "", None) == {("Thành phố Hải Phòng", "PAR", 2019): (92.17, 1),
                                                ("Tỉnh Lạng Sơn", "PAR", 2019): (72.07, 63)}
