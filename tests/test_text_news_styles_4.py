"""The text extractor on constructions of a fourth round of announcements, written for these tests: notes on
merged departments, the leading n named after a list, places on another scale, the units of a city, survey
scores of one unit, another index before the text's own, and last year's figures in parentheses."""

from __future__ import annotations

from helpers import text_facts as facts

from flows.extract.text import extract_text


def test_a_note_on_a_merged_department_in_parentheses_is_not_ranked(gazetteer):
    text = ("Chỉ số CCHC năm 2025: Sở Tài chính (sau khi tiếp nhận chức năng, nhiệm vụ của Sở Kế hoạch và Đầu tư) "
            "dẫn đầu với 92,6 điểm; Sở Công Thương (đã hợp nhất với Sở Khoa học và Công nghệ) xếp thứ hai với "
            "91,9 điểm.")
    got = facts(gazetteer, text, "Phú Thọ")
    assert got == {("Sở Tài chính", "PAR", 2025): (92.6, 1), ("Sở Công Thương", "PAR", 2025): (91.9, 2)}


def test_the_leading_n_named_after_their_scores_are_the_list_in_order(gazetteer):
    text = ("Khối huyện: huyện Krông Nô 88,4 điểm, huyện Cư Jút 87,9 điểm, huyện Đắk Mil 87,1 điểm là ba đơn vị dẫn "
            "đầu Chỉ số CCHC năm 2021.")
    got = facts(gazetteer, text, "Đắk Nông")
    assert got == {("Huyện Krông Nô", "PAR", 2021): (88.4, 1), ("Huyện Cư Jút", "PAR", 2021): (87.9, 2),
                   ("Huyện Đắk Mil", "PAR", 2021): (87.1, 3)}


def test_a_place_on_another_scale_is_not_a_rank(gazetteer):
    text = ("Năm 2024, tỉnh Hà Giang xếp thứ 40/63 về Chỉ số CCHC. Nếu quy đổi sang thang 34 tỉnh, thành phố, Tuyên "
            "Quang mới tương đương vị trí thứ 22.")
    got = facts(gazetteer, text, "Tuyên Quang")
    assert got == {("Tỉnh Hà Giang", "PAR", 2024): (None, 40)}


def test_the_units_of_a_city_are_ranked_not_the_city(gazetteer):
    text = ("Các phường của thành phố Sóc Trăng dẫn đầu về sự hài lòng năm 2019\n\n"
            "Về Chỉ số hài lòng năm 2019, thị xã Vĩnh Châu dẫn đầu khối huyện với 92,4%.")
    assert facts(gazetteer, text, "Sóc Trăng") == {("Thị xã Vĩnh Châu", "SIPAS", 2019): (92.4, 1)}


def test_a_survey_score_of_the_unit_just_named_stays_in_its_paragraph(gazetteer):
    text = ("Huyện Chợ Lách xếp thứ ba về Chỉ số CCHC năm 2020 với 88,2 điểm. Điểm điều tra xã hội học của huyện "
            "đạt 26,9/32 điểm.\n\nSở Nội vụ xếp thứ nhất khối sở với 92,4 điểm.")
    got = facts(gazetteer, text, "Bến Tre")
    assert got[("Huyện Chợ Lách", "PAR", 2020)] == (88.2, 3)
    assert got[("Sở Nội vụ", "PAR", 2020)] == (92.4, 1)


def test_the_index_named_after_the_units_follows_a_paragraph_on_another_index(gazetteer):
    text = ("Chỉ số PCI năm 2019 của tỉnh Bạc Liêu đạt 63,2 điểm.\n\n"
            "Sở Tư pháp có Chỉ số CCHC cao nhất khối sở với 90,7 điểm. Huyện Hòa Bình dẫn đầu khối huyện với 88,1 "
            "điểm.")
    got = facts(gazetteer, text, "Bạc Liêu")
    assert got[("Tỉnh Bạc Liêu", "PCI", 2019)] == (63.2, None)
    assert got[("Sở Tư pháp", "PAR", 2019)] == (90.7, 1) and got[("Huyện Hòa Bình", "PAR", 2019)] == (88.1, 1)


def test_last_years_figures_in_parentheses_and_a_component_in_a_breakdown(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của 11 huyện, thành phố. Huyện Lương Tài xếp thứ hai với 88,5 điểm (năm 2020: "
            "84,1 điểm, xếp thứ 6). Thành phố Bắc Ninh dẫn đầu với 91,2 điểm (năm 2020: 90,3 điểm), trong đó lĩnh "
            "vực cải cách thủ tục hành chính đạt 12,5/13 điểm.")
    got = facts(gazetteer, text, "Bắc Ninh")
    assert got[("Huyện Lương Tài", "PAR", 2021)] == (88.5, 2) and got[("Huyện Lương Tài", "PAR", 2020)] == (84.1, 6)
    assert got[("Thành phố Bắc Ninh", "PAR", 2021)] == (91.2, 1)
    assert got[("Thành phố Bắc Ninh", "PAR", 2020)] == (90.3, None)


def test_a_last_place_with_the_blocs_size_in_parentheses_or_a_claims_denominator(gazetteer):
    paren = "Chỉ số hài lòng năm 2025: phường Tân Sơn Nhì đứng cuối khối phường (40 đơn vị) với 83,7%."
    assert facts(gazetteer, paren, "Hồ Chí Minh") == {("Phường Tân Sơn Nhì", "SIPAS", 2025): (83.7, 40)}
    claim = ("Chỉ số CCHC năm 2019: có 9/19 sở, ban, ngành đạt trên 85 điểm. Sở Xây dựng thấp nhất khối với 79,2 "
             "điểm.")
    assert facts(gazetteer, claim, "Long An") == {("Sở Xây dựng", "PAR", 2019): (79.2, 19)}


def test_short_kind_words_do_not_end_a_sentence_or_split_a_list(gazetteer):
    text = ("Chỉ số CCHC năm 2017: UBND H. Châu Thành đạt 87,9 điểm, xếp hạng 3. H. Tiểu Cần và H. Trà Cú cùng đạt "
            "84,6 điểm, đồng hạng 5.")
    got = facts(gazetteer, text, "Trà Vinh")
    assert got[("Huyện Tiểu Cần", "PAR", 2017)] == (84.6, 5) and got[("Huyện Trà Cú", "PAR", 2017)] == (84.6, 5)


def test_names_that_differ_only_in_their_marks_are_told_apart_by_the_spelling(gazetteer):
    assert facts(gazetteer, "Chỉ số SIPAS năm 2025: Xã Thạnh An đạt 86,1%, xếp thứ 40.", "Hồ Chí Minh") == {
        ("Xã Thạnh An", "SIPAS", 2025): (86.1, 40)}


def test_a_unit_of_a_province_merged_into_the_documents_province_when_the_text_names_it(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2024 của tỉnh Bắc Kạn (cũ): huyện Ba Bể (cũ) xếp thứ ba với 85,3 điểm.")
    got = extract_text(text, gazetteer, 2024, "Thái Nguyên")
    assert [(f["unit"], f["unit_id"], f["score"], f["rank"]) for f in got["facts"]] == [
        ("Huyện Ba Bể", "bac-kan:huyen-ba-be", 85.3, 3)]
    unnamed = extract_text("Chỉ số CCHC năm 2024: huyện Ba Bể xếp thứ ba với 85,3 điểm.", gazetteer, 2024,
                           "Thái Nguyên")
    assert unnamed["facts"] == [] and [r["value"] for r in unnamed["rejects"]] == ["huyện Ba Bể"]


def test_a_numbered_ward_of_two_districts_is_rejected_as_ambiguous_and_its_neighbour_kept(gazetteer):
    text = "Kết quả SIPAS năm 2023.\n\nPhường 5 dẫn đầu với 96,1%; Phường 1 xếp thứ 2 với 95,2%."
    got = extract_text(text, gazetteer, 2023, "Trà Vinh")
    assert [(f["unit"], f["score"], f["rank"]) for f in got["facts"]] == [("Phường 5", 96.1, 1)]
    (reject,) = got["rejects"]
    assert reject["value"] == "Phường 1" and len(reject["candidates"]) == 2 and "the text does not say which" in \
        reject["message"]


def test_a_name_ending_in_hon_is_no_bound_and_a_change_counts_from_the_stated_year_once(gazetteer):
    text = ("Chỉ số hài lòng năm 2025: ba đơn vị đạt cao nhất là phường Quy Nhơn 93,1%, phường Pleiku 92,7% và phường "
            "An Khê 91,9%, tương ứng với các vị trí thứ nhất, thứ hai, thứ ba.")
    got = facts(gazetteer, text, "Gia Lai")
    assert got == {("Phường Quy Nhơn", "SIPAS", 2025): (93.1, 1), ("Phường Pleiku", "SIPAS", 2025): (92.7, 2),
                   ("Phường An Khê", "SIPAS", 2025): (91.9, 3)}
    change = ("Chỉ số CCHC năm 2016: huyện Sa Thầy xếp thứ 3 với 84,2 điểm. So với năm 2015, huyện Sa Thầy tăng 2 bậc "
              "(năm 2015 xếp thứ 5).")
    assert {k[2]: v for k, v in facts(gazetteer, change, "Kon Tum").items()} == {2016: (84.2, 3), 2015: (None, 5)}


def test_came_first_in_quotes(gazetteer):
    text = "Chỉ số CCHC năm 2014 khối sở: Sở Xây dựng \"về nhất\" với 88,2 điểm; Sở Y tế \"về nhì\" với 87,6 điểm."
    assert facts(gazetteer, text, "Kon Tum") == {("Sở Xây dựng", "PAR", 2014): (88.2, 1),
                                                ("Sở Y tế", "PAR", 2014): (87.6, 2)}
