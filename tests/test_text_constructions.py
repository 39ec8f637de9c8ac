"""The text extractor on sentences written for each construction it knows (not taken from any source)."""

from __future__ import annotations

import pytest

from flows.extract.document import split_sentences
from flows.extract.text import extract_text
from flows.gazetteer import Gazetteer

TITLE = "Kết quả Chỉ số cải cách hành chính năm 2019 của các sở, ngành và quận, huyện thành phố Hải Phòng\n\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def run(gazetteer: Gazetteer, body: str, title: str = TITLE) -> dict:
    return extract_text(title + body, gazetteer, None, "Hải Phòng")


def facts_of(result: dict) -> dict[tuple[str, str, int], dict]:
    return {(f["unit"], f["index"], f["year"]): f for f in result["facts"]}


def test_ordinals_in_words_digits_and_zero_padding(gazetteer):
    out = facts_of(run(gazetteer, "Quận Lê Chân xếp thứ nhất với 92,15 điểm; huyện An Lão đứng thứ nhì với "
                                  "90,02 điểm. Sở Tư pháp xếp thứ 02 trong khối sở với 88.5 điểm."))
    assert out[("Quận Lê Chân", "PAR", 2019)]["rank"] == 1
    assert out[("Quận Lê Chân", "PAR", 2019)]["score"] == 92.15
    assert out[("Huyện An Lão", "PAR", 2019)]["rank"] == 2
    assert out[("Sở Tư pháp", "PAR", 2019)]["rank"] == 2
    assert out[("Sở Tư pháp", "PAR", 2019)]["score"] == 88.5


def test_respectively_pairs_units_with_numbers_in_order(gazetteer):
    body = "Về Chỉ số hài lòng năm 2019, Sở Y tế và Sở Nội vụ lần lượt đạt 95,77% và 95,39%."
    out = facts_of(run(gazetteer, body))
    assert out[("Sở Y tế", "SIPAS", 2019)]["score"] == 95.77
    assert out[("Sở Nội vụ", "SIPAS", 2019)]["score"] == 95.39
    assert ("Sở Y tế", "PAR", 2019) not in out


def test_tie_shares_the_rank_and_the_next_rank_skips(gazetteer):
    body = ("Quận Hồng Bàng đứng đầu với 90 điểm, quận Ngô Quyền xếp thứ 2 với 88 điểm. Quận Kiến An và quận Hải An "
            "đồng hạng 3 với 85 điểm. Tiếp theo là huyện Vĩnh Bảo với 84,1 điểm.")
    out = facts_of(run(gazetteer, body))
    for name in ("Quận Kiến An", "Quận Hải An"):
        assert (out[(name, "PAR", 2019)]["rank"], out[(name, "PAR", 2019)]["tied"]) == (3, True)
    assert out[("Huyện Vĩnh Bảo", "PAR", 2019)]["rank"] == 5
    assert out[("Huyện Vĩnh Bảo", "PAR", 2019)]["basis"] == "implied"


def test_shared_score_with_distinct_published_ranks(gazetteer):
    body = "Huyện Cát Hải và huyện Tiên Lãng cùng đạt 80,5 điểm, xếp thứ 7 và thứ 8."
    out = facts_of(run(gazetteer, body))
    assert [out[(n, "PAR", 2019)]["score"] for n in ("Huyện Cát Hải", "Huyện Tiên Lãng")] == [80.5, 80.5]
    assert [out[(n, "PAR", 2019)]["rank"] for n in ("Huyện Cát Hải", "Huyện Tiên Lãng")] == [7, 8]


def test_previous_year_rank_written_after_the_rank(gazetteer):
    body = "Sở Xây dựng từ vị trí thứ 12 năm 2018 đã vươn lên vị trí thứ tư với 89 điểm."
    out = facts_of(run(gazetteer, body))
    assert out[("Sở Xây dựng", "PAR", 2019)]["rank"] == 4
    assert out[("Sở Xây dựng", "PAR", 2018)]["rank"] == 12
    assert out[("Sở Xây dựng", "PAR", 2018)]["score"] is None


def test_steps_up_give_the_previous_rank(gazetteer):
    out = facts_of(run(gazetteer, "Sở Tài chính tăng 3 bậc so với năm 2018, xếp thứ 5 với 89,6 điểm."))
    assert out[("Sở Tài chính", "PAR", 2019)]["rank"] == 5
    assert out[("Sở Tài chính", "PAR", 2018)]["rank"] == 8


def test_year_in_a_row_and_frequencies_are_not_ranks(gazetteer):
    body = ("Quận Ngô Quyền dẫn đầu năm thứ 02 liên tiếp với 93 điểm. Huyện Thủy Nguyên, từng có 3 năm đứng thứ 2, "
            "năm nay đứng thứ 9 với 81 điểm.")
    out = facts_of(run(gazetteer, body))
    assert out[("Quận Ngô Quyền", "PAR", 2019)]["rank"] == 1
    assert out[("Huyện Thủy Nguyên", "PAR", 2019)]["rank"] == 9
    assert len([k for k in out if k[0] == "Huyện Thủy Nguyên"]) == 1


def test_counts_and_thresholds_are_claims_not_facts(gazetteer):
    result = run(gazetteer, "Trong khối quận, huyện, có 12/15 quận, huyện đạt trên 85 điểm.")
    assert result["facts"] == []
    [claim] = result["claims"]
    assert (claim["stated_count"], claim["of"], claim["unit_kind"]) == (12, 15, "district")
    assert claim["condition"] == "score > 85"
    assert claim["status"] == "unverifiable"


def test_unknown_unit_goes_to_rejects_with_candidates(gazetteer):
    result = run(gazetteer, "Sở Tài nguyên Môi trường Biển đứng thứ 3 với 87 điểm.")
    assert result["facts"] == []
    [reject] = result["rejects"]
    assert reject["check"] == "unknown_unit"
    assert "Sở Tài nguyên và Môi trường" in reject["candidates"]
    assert "line 3" in reject["message"]


def test_last_place_takes_the_size_of_the_bloc(gazetteer):
    out = facts_of(run(gazetteer, "Huyện Bạch Long Vỹ xếp cuối với 60,5 điểm."))
    assert out[("Huyện Bạch Long Vỹ", "PAR", 2019)]["rank"] == 15


def test_declared_order_without_scores_gives_ranks_and_bounds(gazetteer):
    body = ("Sở Y tế đứng đầu với 92 điểm; Sở Nội vụ đứng thứ 2 với 91,2 điểm. Các sở còn lại đều đạt trên 85 điểm, "
            "theo thứ tự từ cao xuống thấp là: Sở Tư pháp, Sở Xây dựng và Sở Ngoại vụ.")
    out = facts_of(run(gazetteer, body))
    assert [out[(n, "PAR", 2019)]["rank"] for n in ("Sở Tư pháp", "Sở Xây dựng", "Sở Ngoại vụ")] == [3, 4, 5]
    justice = out[("Sở Tư pháp", "PAR", 2019)]
    assert (justice["score"], justice["score_min"], justice["score_max"]) == (None, 85, 91.2)


def test_names_without_diacritics_tone_variants_and_abbreviations(gazetteer):
    body = ("huyen Thuỷ Nguyên đạt 86,4 điểm, xếp thứ 3. Kien An xếp thứ 4 với 85,9 điểm. "
            "Sở LĐ-TB&XH xếp thứ 6 với 88 điểm.")
    out = facts_of(run(gazetteer, body))
    assert out[("Huyện Thủy Nguyên", "PAR", 2019)]["rank"] == 3
    assert out[("Quận Kiến An", "PAR", 2019)]["score"] == 85.9
    assert out[("Sở Lao động - Thương binh và Xã hội", "PAR", 2019)]["rank"] == 6


def test_averages_changes_dates_and_phone_numbers_are_not_facts(gazetteer):
    body = ("Điểm trung bình của khối quận, huyện là 85,12 điểm, tăng 0,81 điểm so với năm 2018. Ngày 12/3/2020, "
            "quận Hồng Bàng tổ chức hội nghị; điện thoại 0225.3821.055.")
    assert run(gazetteer, body)["facts"] == []


def test_index_and_year_context_carry_across_sentences(gazetteer):
    body = ("Về điểm điều tra xã hội học, quận Lê Chân dẫn đầu với 84 điểm. Quận Ngô Quyền đứng thứ 2 với 83,5 "
            "điểm.\n\nNăm 2018, Sở Du lịch chỉ xếp thứ 10.")
    out = facts_of(run(gazetteer, body))
    assert out[("Quận Lê Chân", "SURVEY", 2019)]["rank"] == 1
    assert out[("Quận Ngô Quyền", "SURVEY", 2019)]["rank"] == 2
    assert out[("Sở Du lịch", "SURVEY", 2018)]["rank"] == 10


def test_predicate_first_and_list_headers(gazetteer):
    body = ("Dẫn đầu khối sở là Sở Ngoại vụ với 91 điểm. Đứng thứ 2 là Sở Công Thương với 90,4 điểm. "
            "Hai đơn vị xếp cuối là Sở Xây dựng với 70,2 điểm và Sở Tư pháp với 69 điểm.")
    out = facts_of(run(gazetteer, body))
    assert out[("Sở Ngoại vụ", "PAR", 2019)]["rank"] == 1
    assert out[("Sở Công Thương", "PAR", 2019)]["rank"] == 2
    assert out[("Sở Xây dựng", "PAR", 2019)]["rank"] == 19
    assert out[("Sở Tư pháp", "PAR", 2019)]["rank"] == 20


def test_leader_ratings_with_titles(gazetteer):
    body = ("Giám đốc Sở Tư pháp và Chánh Thanh tra thành phố hoàn thành tốt nhiệm vụ; Chủ tịch UBND các huyện: "
            "An Lão, Tiên Lãng hoàn thành xuất sắc nhiệm vụ.")
    ratings = {(r["unit"], r["title"], r["rating"]) for r in run(gazetteer, body)["leader_ratings"]}
    assert ratings == {
        ("Sở Tư pháp", "Giám đốc", "hoàn thành tốt nhiệm vụ"),
        ("Thanh tra thành phố", "Chánh Thanh tra", "hoàn thành tốt nhiệm vụ"),
        ("Huyện An Lão", "Chủ tịch UBND", "hoàn thành xuất sắc nhiệm vụ"),
        ("Huyện Tiên Lãng", "Chủ tịch UBND", "hoàn thành xuất sắc nhiệm vụ"),
    }


def test_leader_ratings_before_their_list_the_head_and_the_name_of_the_assessment(gazetteer):
    body = ("Chủ tịch UBND thành phố ký quyết định công bố kết quả xếp loại mức độ hoàn thành nhiệm vụ của người "
            "đứng đầu các cơ quan.\n\nBa người được xếp loại hoàn thành xuất sắc nhiệm vụ, gồm: Giám đốc Sở Y tế, "
            "Chánh Văn phòng UBND thành phố và Chủ tịch UBND huyện Vĩnh Bảo.\n\nNgười đứng đầu Sở Xây dựng và người "
            "đứng đầu huyện Cát Hải được xếp loại ở mức hoàn thành tốt nhiệm vụ.")
    ratings = {(r["unit"], r["title"], r["rating"]) for r in run(gazetteer, body)["leader_ratings"]}
    assert ratings == {
        ("Sở Y tế", "Giám đốc", "hoàn thành xuất sắc nhiệm vụ"),
        ("Văn phòng UBND thành phố", "Chánh Văn phòng", "hoàn thành xuất sắc nhiệm vụ"),
        ("Huyện Vĩnh Bảo", "Chủ tịch UBND", "hoàn thành xuất sắc nhiệm vụ"),
        ("Sở Xây dựng", "Giám đốc", "hoàn thành tốt nhiệm vụ"),
        ("Huyện Cát Hải", "Chủ tịch UBND", "hoàn thành tốt nhiệm vụ"),
    }  # and no rating of the city's chairman, who signed: "mức độ hoàn thành nhiệm vụ" names the assessment


def test_evidence_is_an_exact_substring_at_its_span(gazetteer):
    text = TITLE + "Quận Lê Chân xếp thứ nhất với 92,15 điểm."
    result = extract_text(text, gazetteer, None, "Hải Phòng")
    for fact in result["facts"]:
        start, end = fact["span"]
        assert text[start:end] == fact["evidence"]


def test_sentences_do_not_break_inside_decimals_or_abbreviations():
    text = "Sở A đạt 95.98 điểm. TP. Hải Phòng xếp thứ 2.\nDòng mới"
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "Sở A đạt 95.98 điểm.", "TP. Hải Phòng xếp thứ 2.", "Dòng mới"]


def test_rank_out_of_a_total_and_scores_in_parentheses(gazetteer):
    body = ("Quận Hải An đạt 91,80%, xếp thứ 14 trong tổng số 15 quận, huyện. Quận Đồ Sơn (88,2 điểm) và quận "
            "Kiến An (87,3 điểm) xếp thứ 5 và 6.")
    out = facts_of(run(gazetteer, body))
    assert (out[("Quận Hải An", "PAR", 2019)]["rank"], out[("Quận Hải An", "PAR", 2019)]["score"]) == (14, 91.8)
    assert (out[("Quận Đồ Sơn", "PAR", 2019)]["rank"], out[("Quận Đồ Sơn", "PAR", 2019)]["score"]) == (5, 88.2)
    assert (out[("Quận Kiến An", "PAR", 2019)]["rank"], out[("Quận Kiến An", "PAR", 2019)]["score"]) == (6, 87.3)


def test_steps_down_and_rising_from_a_rank(gazetteer):
    body = "Quận Hồng Bàng giảm 3 bậc, xếp thứ 6. Sở Du lịch từ thứ 12 năm 2018 lên thứ nhất."
    out = facts_of(run(gazetteer, body))
    assert out[("Quận Hồng Bàng", "PAR", 2018)]["rank"] == 3
    assert out[("Sở Du lịch", "PAR", 2019)]["rank"] == 1
    assert out[("Sở Du lịch", "PAR", 2018)]["rank"] == 12


def test_unclear_pairing_is_a_warning_not_a_guess(gazetteer):
    result = run(gazetteer, "Sở Y tế và Sở Nội vụ xếp thứ 3 với 88 và 87 và 86 điểm.")
    assert all(f["rank"] is None for f in result["facts"])
    assert result["warnings"]


def test_group_lists_give_bounds_and_no_ranks(gazetteer):
    body = ("Nhóm A, đạt từ 90% trở lên, gồm Sở Y tế (91,8%), Sở Nội vụ (91,14%). Nhóm B, đạt từ 80% đến dưới 90%, "
            "gồm Sở Tư pháp, Sở Xây dựng.")
    out = facts_of(run(gazetteer, body))
    assert out[("Sở Y tế", "PAR", 2019)]["score"] == 91.8
    justice = out[("Sở Tư pháp", "PAR", 2019)]
    assert (justice["score_min"], justice["score_max"], justice["rank"]) == (80, 90, None)
    assert all(f["rank"] is None for f in out.values())


def test_component_scores_are_not_the_total(gazetteer):
    result = run(gazetteer, "Ở lĩnh vực hiện đại hóa hành chính, Sở Thông tin và Truyền thông dẫn đầu với 9,5 điểm. "
                            "Xét tiêu chí 3, Sở Tư pháp đạt 4 điểm.")
    assert result["facts"] == []
    assert len(result["warnings"]) == 2


def test_blocs_ranked_apart_have_their_own_ranks_and_sizes(gazetteer):
    body = ("Ở khối quận, quận Lê Chân dẫn đầu với 92 điểm, quận Hải An xếp cuối với 85 điểm. Ở khối huyện, huyện An "
            "Lão dẫn đầu với 90 điểm; tiếp theo là huyện Kiến Thụy với 89 điểm.")
    out = facts_of(run(gazetteer, body))
    assert out[("Quận Hải An", "PAR", 2019)]["rank"] == 7  # Hải Phòng had 7 quận in 2019
    assert out[("Quận Hải An", "PAR", 2019)]["bloc"] == "urban_district"
    assert out[("Huyện Kiến Thụy", "PAR", 2019)]["rank"] == 2
    assert out[("Huyện Kiến Thụy", "PAR", 2019)]["bloc"] == "rural_district"


def test_last_of_a_stated_total(gazetteer):
    out = facts_of(run(gazetteer, "Huyện Cát Hải đứng cuối trong 16 quận, huyện với 70 điểm."))
    assert out[("Huyện Cát Hải", "PAR", 2019)]["rank"] == 16


def test_sources_in_english_map_to_the_same_units_and_facts(gazetteer):
    text = ("Hai Phong announces 2019 PAR Index results\n\nIn the 2019 PAR Index, Ngo Quyen district ranked first "
            "with 91.93 points, ahead of Hong Bang, which came second with 91.89 points. Le Chan and Kien Thuy kept "
            "third and fourth place with 89.92 and 89.24 points respectively. An Lao rose from ninth in 2018 to "
            "fifth with 89.19 points. 14 of 15 districts scored above 80 points.")
    result = extract_text(text, gazetteer, None, "Hải Phòng")
    out = facts_of(result)
    assert (out[("Quận Ngô Quyền", "PAR", 2019)]["rank"], out[("Quận Ngô Quyền", "PAR", 2019)]["score"]) == (1, 91.93)
    assert out[("Huyện Kiến Thụy", "PAR", 2019)]["score"] == 89.24
    assert out[("Huyện Kiến Thụy", "PAR", 2018)]["rank"] == 4
    assert (out[("Huyện An Lão", "PAR", 2019)]["rank"], out[("Huyện An Lão", "PAR", 2018)]["rank"]) == (5, 9)
    [claim] = result["claims"]
    assert (claim["stated_count"], claim["of"], claim["condition"]) == (14, 15, "score > 80")


def test_fronted_score_and_header_rank_of_the_first_group_only(gazetteer):
    body = ("Với 88 điểm, Sở Tài chính xếp thứ hai. Đứng đầu khối quận, huyện là quận Ngô Quyền (91,93 điểm), tiếp "
            "đến là quận Hồng Bàng (91,89 điểm), quận Lê Chân (89,92 điểm).")
    result = run(gazetteer, body)
    out = facts_of(result)
    assert (out[("Sở Tài chính", "PAR", 2019)]["score"], out[("Sở Tài chính", "PAR", 2019)]["rank"]) == (88, 2)
    assert [out[(n, "PAR", 2019)]["rank"] for n in ("Quận Ngô Quyền", "Quận Hồng Bàng", "Quận Lê Chân")] == [1, 2, 3]
    assert result["warnings"] == []


def test_previous_rank_in_parentheses_after_the_compared_year(gazetteer):
    out = facts_of(run(gazetteer, "Sở Nội vụ đạt 91,5 điểm, xếp thứ 2, tăng 3 bậc so với năm 2018 (xếp thứ 5)."))
    assert (out[("Sở Nội vụ", "PAR", 2019)]["rank"], out[("Sở Nội vụ", "PAR", 2018)]["rank"]) == (2, 5)


def test_last_place_without_a_known_bloc_size_gives_no_rank(gazetteer):
    text = ("UBND tỉnh Nghệ An công bố Chỉ số cải cách hành chính năm 2021. Ở khối UBND cấp huyện, thị xã Hoàng Mai "
            "xếp thứ nhất với 88,4 điểm, huyện Quế Phong xếp cuối với 71,3 điểm.")
    out = facts_of(extract_text(text, gazetteer, None, None))
    assert out[("Thị xã Hoàng Mai", "PAR", 2021)]["rank"] == 1
    assert out[("Huyện Quế Phong", "PAR", 2021)]["score"] == 71.3
    assert out[("Huyện Quế Phong", "PAR", 2021)]["rank"] is None  # the seed's district list is not checked


def test_a_negative_score_is_rejected_not_loaded_positive(gazetteer):
    result = run(gazetteer, "Quận Ngô Quyền đạt -12,5 điểm. Quận Lê Chân - 91,2 điểm, xếp thứ 2.")
    assert [r["check"] for r in result["rejects"]] == ["score_range"]
    assert [(f["unit"], f["score"]) for f in result["facts"]] == [("Quận Lê Chân", 91.2)]


def test_numbered_lists_rank_only_when_the_scores_fall_with_the_numbers(gazetteer):
    ranked = facts_of(run(gazetteer, "Kết quả cụ thể:\n1. Sở Tư pháp: 93,5 điểm;\n2. Sở Nội vụ: 92,1 điểm;\n"
                                     "3. Sở Y tế: 91 điểm."))
    assert [ranked[(n, "PAR", 2019)]["rank"] for n in ("Sở Tư pháp", "Sở Nội vụ", "Sở Y tế")] == [1, 2, 3]
    result = run(gazetteer, "Các đơn vị gồm:\n1. Sở Tư pháp: 90 điểm;\n2. Sở Nội vụ: 92,1 điểm.")
    assert all(f["rank"] is None for f in result["facts"]) and result["warnings"]


def test_wards_of_2025_are_the_wards_formed_that_year_not_their_namesakes_before_it(gazetteer):
    title = "Công bố Chỉ số cải cách hành chính năm 2025 của các phường, xã thành phố Hải Phòng\n\n"
    body = ("Ở khối phường, phường An Biên đạt 93,4 điểm, xếp thứ nhất; phường Hồng Bàng xếp thứ hai với "
            "92,1 điểm.")
    out = {(f["unit_id"], f["year"]): f for f in run(gazetteer, body, title)["facts"]}
    assert out[("hai-phong:phuong-an-bien", 2025)]["score"] == 93.4
    assert out[("hai-phong:phuong-an-bien", 2025)]["rank"] == 1
    assert out[("hai-phong:phuong-hong-bang", 2025)]["rank"] == 2
    assert len(out) == 2


NATIONAL_TITLE = "Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2022 của các bộ, các tỉnh, thành phố\n\n"


def test_a_national_ranking_reads_the_provinces_in_every_sentence_and_ranks_the_last_among_all(gazetteer):
    body = ("Đối với các tỉnh, thành phố, Quảng Ninh tiếp tục dẫn đầu với 89,91%, Hải Phòng xếp thứ 2 với 89,13%. "
            "Tỉnh có kết quả thấp nhất là Bình Định với 79,81%.\n\nỞ khối bộ, Bộ Tư pháp đứng đầu với 90,15%.")
    result = extract_text(NATIONAL_TITLE + body, gazetteer, None, None)
    assert result["source"]["province"] is None  # about no one province
    out = {(f["unit_id"], f["year"]): f for f in result["facts"]}
    assert out[("quang-ninh", 2022)]["rank"] == 1  # "các tỉnh, thành phố, Quảng Ninh": not a city of that name
    assert out[("hai-phong", 2022)]["score"] == 89.13
    assert (out[("binh-dinh", 2022)]["score"], out[("binh-dinh", 2022)]["rank"]) == (79.81, 63)
    assert out[("bo-tu-phap", 2022)]["rank"] == 1


def test_the_last_province_of_2025_is_ranked_among_the_34(gazetteer):
    title = "Chỉ số cải cách hành chính năm 2025 của các tỉnh, thành phố\n\n"
    result = extract_text(title + "Hưng Yên đạt 88,2%. Tỉnh xếp cuối là Cà Mau với 80,5%.", gazetteer, None, None)
    out = {f["unit_id"]: f for f in result["facts"] if f["year"] == 2025}
    assert out["ca-mau"]["rank"] == 34 and out["hung-yen"]["score"] == 88.2


def test_a_provincial_text_still_reads_its_own_province_only_as_the_scene(gazetteer):
    out = facts_of(run(gazetteer, "Hải Phòng: quận Ngô Quyền đứng đầu với 91,2 điểm."))
    assert list(out) == [("Quận Ngô Quyền", "PAR", 2019)]


def test_a_kind_word_that_starts_a_name_is_not_a_bloc_cue(gazetteer):
    # "đối với huyện Tiên Lãng" names a district; "khối huyện" would rank the rural districts apart
    body = ("Mức độ hài lòng đối với huyện Tiên Lãng cao nhất (93,4%), tiếp đến là quận Kiến An (92,8%).")
    out = {f["unit"]: f for f in run(gazetteer, body)["facts"]}
    assert out["Huyện Tiên Lãng"]["bloc"] == "district" and out["Huyện Tiên Lãng"]["score"] == 93.4
    assert out["Quận Kiến An"]["bloc"] == "district"
    blocs = facts_of(run(gazetteer, "Ở khối huyện, huyện Tiên Lãng đứng đầu với 90,1 điểm."))
    assert blocs[("Huyện Tiên Lãng", "PAR", 2019)]["bloc"] == "rural_district"


def test_the_bloc_size_a_rank_is_written_with_places_the_last_unit(gazetteer):
    title = "Chỉ số cải cách hành chính năm 2023 của tỉnh Bình Dương\n\n"
    body = ("TP. Thủ Dầu Một đạt 90,25/100 điểm, xếp hạng 1/9; TP. Dĩ An xếp hạng 2/9 với 89,7 điểm; "
            "huyện Bàu Bàng đứng ở vị trí cuối cùng với 82,14 điểm.")
    out = {f["unit"]: f for f in extract_text(title + body, gazetteer, None, None)["facts"]}
    assert out["Thành phố Thủ Dầu Một"]["rank"] == 1 and out["Thành phố Dĩ An"]["rank"] == 2
    assert (out["Huyện Bàu Bàng"]["rank"], out["Huyện Bàu Bàng"]["basis"]) == (9, "implied")


def test_an_english_national_story_with_the_year_before_the_index_name(gazetteer):
    text = ("Quang Ninh tops PAR Index for the fifth consecutive year\n\n"
            "Quang Ninh led the 2022 Public Administration Reform Index with 89.91 percent, the ministry said. "
            "Hai Phong City came second with 89.13 percent, while Bac Ninh ranked third at 88.21 percent.\n\n"
            "Binh Dinh province was at the bottom of the list with 79.81 percent.")
    facts = extract_text(text, gazetteer, None, None)["facts"]
    out = {f["unit_id"]: f for f in facts if f["year"] == 2022}
    assert {u: (f["year"], f["score"], f["rank"]) for u, f in out.items()} == {
        "quang-ninh": (2022, 89.91, 1), "hai-phong": (2022, 89.13, 2), "bac-ninh": (2022, 88.21, 3),
        "binh-dinh": (2022, 79.81, 63)}
    # the headline's "tops ... for the fifth consecutive year": first in the four years before too
    assert sorted((f["unit_id"], f["year"], f["rank"]) for f in facts if f["year"] != 2022) == [
        ("quang-ninh", year, 1) for year in range(2018, 2022)]


def test_an_english_headline_gives_the_year(gazetteer):
    text = "Quang Ninh tops PAR Index 2022\n\nQuang Ninh province ranked first with 89.91 points."
    (fact,) = extract_text(text, gazetteer, None, None)["facts"]
    assert (fact["unit_id"], fact["year"], fact["score"], fact["rank"]) == ("quang-ninh", 2022, 89.91, 1)


def test_the_district_bloc_of_a_province_without_urban_districts_is_every_district(gazetteer):
    # Lào Cai has no quận: its "khối huyện" holds the towns and the city too, one bloc with them
    title = "Chỉ số cải cách hành chính năm 2023 của tỉnh Lào Cai\n\n"
    body = "Đứng đầu khối huyện là huyện Bát Xát với 89 điểm; thị xã Sa Pa xếp thứ 2 với 88,5 điểm."
    out = {f["unit"]: f for f in extract_text(title + body, gazetteer, None, None)["facts"]}
    assert out["Huyện Bát Xát"]["bloc"] == out["Thị xã Sa Pa"]["bloc"] == "district"


def test_a_year_named_in_passing_holds_for_its_paragraph_only(gazetteer):
    body = ("Quận Lê Chân xếp thứ tư với 88,02 điểm. Năm 2018, quận Lê Chân xếp thứ hai.\n\n"
            "Sở Tư pháp đạt 90,1 điểm, xếp thứ bảy.")
    out = facts_of(run(gazetteer, body))
    assert out[("Quận Lê Chân", "PAR", 2018)]["rank"] == 2
    assert out[("Sở Tư pháp", "PAR", 2019)]["rank"] == 7 and ("Sở Tư pháp", "PAR", 2018) not in out


def test_without_a_year_in_the_title_the_year_written_with_the_index_is_the_texts(gazetteer):
    text = ("Quận Hải Châu dẫn đầu Chỉ số CCHC của Đà Nẵng\n\n"
            "UBND thành phố công bố Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành và các quận, huyện.\n\n"
            "Quận Thanh Khê xếp thứ tư với 88,02 điểm. Năm 2022, quận Thanh Khê xếp thứ hai.\n\n"
            "Sở Tư pháp đạt 90,1 điểm, xếp thứ bảy.")
    out = {(f["unit"], f["year"]): f for f in extract_text(text, gazetteer, None, "Đà Nẵng")["facts"]}
    assert out[("Quận Thanh Khê", 2023)]["rank"] == 4 and out[("Quận Thanh Khê", 2022)]["rank"] == 2
    assert out[("Sở Tư pháp", 2023)]["rank"] == 7


def test_central_agencies_in_a_province_are_ranked_in_a_bloc_of_their_own(gazetteer):
    title = "Công bố Chỉ số CCHC năm 2024 của các sở, ngành và cơ quan ngành dọc tỉnh Nam Định\n\n"
    body = ("Sở Tư pháp xếp thứ nhất khối sở với 92 điểm. Khối cơ quan ngành dọc: Cục Thuế tỉnh đạt 91,2 điểm, "
            "xếp thứ nhất; Bảo hiểm xã hội tỉnh xếp thứ hai với 90,5 điểm; Công an tỉnh xếp thứ ba với 89,8 điểm.")
    out = {f["unit_id"]: f for f in extract_text(title + body, gazetteer, None, "Nam Định")["facts"]}
    assert (out["nam-dinh:so-tu-phap"]["rank"], out["nam-dinh:so-tu-phap"]["bloc"]) == (1, "department")
    assert {u: (f["rank"], f["bloc"]) for u, f in out.items() if u != "nam-dinh:so-tu-phap"} == {
        "nam-dinh:cuc-thue": (1, "central_agency"), "nam-dinh:bao-hiem-xa-hoi": (2, "central_agency"),
        "nam-dinh:cong-an": (3, "central_agency")}


def test_wards_and_communes_named_in_one_sentence_keep_their_own_blocs(gazetteer):
    title = "Công bố Chỉ số cải cách hành chính năm 2025 của các phường, xã thành phố Hải Phòng\n\n"
    body = "Ở khối phường, phường An Biên xếp thứ nhất với 93,1 điểm; khối xã, xã Kiến Hưng xếp thứ nhất với 90,4 điểm."
    out = {f["unit_id"]: f for f in run(gazetteer, body, title)["facts"]}
    assert (out["hai-phong:phuong-an-bien"]["bloc"], out["hai-phong:phuong-an-bien"]["rank"]) == ("ward", 1)
    assert (out["hai-phong:xa-kien-hung"]["bloc"], out["hai-phong:xa-kien-hung"]["rank"]) == ("commune", 1)


def test_urban_and_rural_districts_named_in_one_sentence_keep_their_own_blocs(gazetteer):
    body = "Khối quận: quận Lê Chân xếp thứ nhất với 92,1 điểm; khối huyện: huyện An Lão xếp thứ nhất với 90,4 điểm."
    out = facts_of(run(gazetteer, body))
    assert out[("Quận Lê Chân", "PAR", 2019)]["bloc"] == "urban_district"
    assert out[("Huyện An Lão", "PAR", 2019)]["bloc"] == "rural_district"


def test_one_unit_with_the_figures_of_two_indices_each_named_beside_its_figure(gazetteer):
    body = ("Sở Tư pháp đạt 92,5 điểm Chỉ số CCHC, xếp thứ nhất, và đạt 95,1% Chỉ số hài lòng. "
            "Quận Lê Chân đạt 91,2% Chỉ số hài lòng và 88,4 điểm Chỉ số CCHC. "
            "Huyện An Lão có Chỉ số CCHC đạt 85,3 điểm, Chỉ số hài lòng đạt 90,6%.")
    out = facts_of(run(gazetteer, body))
    assert (out[("Sở Tư pháp", "PAR", 2019)]["score"], out[("Sở Tư pháp", "PAR", 2019)]["rank"]) == (92.5, 1)
    assert (out[("Sở Tư pháp", "SIPAS", 2019)]["score"], out[("Sở Tư pháp", "SIPAS", 2019)]["rank"]) == (95.1, None)
    assert out[("Quận Lê Chân", "SIPAS", 2019)]["score"] == 91.2
    assert out[("Quận Lê Chân", "PAR", 2019)]["score"] == 88.4
    assert (out[("Huyện An Lão", "PAR", 2019)]["score"], out[("Huyện An Lão", "SIPAS", 2019)]["score"]) == (85.3, 90.6)


def test_other_indices_of_the_same_evening_keep_their_own_codes(gazetteer):
    body = ("Cùng buổi, thành phố công bố Chỉ số chuyển đổi số (DTI) năm 2019: quận Lê Chân đứng đầu với 705,2 điểm. "
            "Về Chỉ số DDCI, Sở Tư pháp dẫn đầu với 80,4 điểm.\n\n"
            "Chỉ số CCHC năm 2019 của quận Kiến An đạt 88,1 điểm, xếp thứ 3.")
    facts = facts_of(run(gazetteer, body))
    assert (facts[("Quận Lê Chân", "DTI", 2019)]["score"], facts[("Quận Lê Chân", "DTI", 2019)]["rank"]) == (705.2, 1)
    assert facts[("Sở Tư pháp", "DDCI", 2019)]["score"] == 80.4
    assert (facts[("Quận Kiến An", "PAR", 2019)]["score"], facts[("Quận Kiến An", "PAR", 2019)]["rank"]) == (88.1, 3)
    assert {key[1] for key in facts} == {"DTI", "DDCI", "PAR"}


def test_the_index_of_service_to_citizens_and_businesses_is_not_the_par_index(gazetteer):
    body = ("Năm 2019, thành phố đạt 84,7 điểm Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, "
            "doanh nghiệp (Bộ chỉ số 766). Trong các sở, Sở Tư pháp đứng đầu với 91,5 điểm.\n\n"
            "Để phục vụ người dân, doanh nghiệp tốt hơn, Chỉ số CCHC của Sở Nội vụ năm 2019 đạt 90,2 điểm.")
    facts = facts_of(run(gazetteer, body))
    assert facts[("Sở Tư pháp", "DVC766", 2019)]["score"] == 91.5
    assert facts[("Sở Nội vụ", "PAR", 2019)]["score"] == 90.2  # the same words, without "Bộ chỉ số", name no index
    assert ("Sở Tư pháp", "PAR", 2019) not in facts


def test_towns_and_rural_districts_ranked_apart_where_the_province_has_no_quan(gazetteer):
    text = ("Chỉ số cải cách hành chính năm 2020 của các địa phương tỉnh Quảng Ninh\n\n"
            "Ở khối thành phố, thị xã, thành phố Cẩm Phả đứng đầu với 91,3 điểm, thị xã Quảng Yên đứng thứ hai "
            "với 90,2 điểm. Ở khối huyện, huyện Tiên Yên đứng đầu với 89,8 điểm, huyện Bình Liêu đứng thứ hai "
            "với 88,6 điểm.")
    facts = facts_of(extract_text(text, gazetteer, None, "Quảng Ninh"))
    blocs = {unit: (f["bloc"], f["rank"], f["tied"]) for (unit, _, _), f in facts.items()}
    assert blocs == {"Thành phố Cẩm Phả": ("urban_district", 1, False),
                     "Thị xã Quảng Yên": ("urban_district", 2, False),
                     "Huyện Tiên Yên": ("rural_district", 1, False), "Huyện Bình Liêu": ("rural_district", 2, False)}


def test_an_index_named_after_the_rank_verb_names_the_rank_and_the_score(gazetteer):
    body = ("Huyện An Lão dẫn đầu về mức độ hài lòng với 93,4%. Sở Tư pháp đứng thứ nhất về điểm điều tra xã hội "
            "học với 31,8 điểm. Quận Kiến An xếp thứ 4 về Chỉ số hài lòng.")
    facts = facts_of(run(gazetteer, body))
    got = {key: (f["score"], f["rank"]) for key, f in facts.items()}
    assert got == {("Huyện An Lão", "SIPAS", 2019): (93.4, 1), ("Sở Tư pháp", "SURVEY", 2019): (31.8, 1),
                   ("Quận Kiến An", "SIPAS", 2019): (None, 4)}


def test_an_unknown_unit_written_in_lower_case_is_rejected_and_its_neighbour_kept(gazetteer):
    body = "Khối quận, huyện: quận Lê Chân xếp thứ nhất với 92,4 điểm; thị xã Bến Cảng xếp thứ 2 với 91,6 điểm."
    result = run(gazetteer, body)
    assert {k: (f["score"], f["rank"]) for k, f in facts_of(result).items()} == {
        ("Quận Lê Chân", "PAR", 2019): (92.4, 1)}
    assert [r["value"] for r in result["rejects"]] == ["thị xã Bến Cảng"]


def test_a_longer_name_ending_in_a_known_bare_name_is_not_that_unit(gazetteer):
    # Hải Phòng had a Sở Du lịch in 2019, no Sở Văn hóa, Thể thao và Du lịch: "Du lịch" ends the longer name
    result = run(gazetteer, "Sở Văn hóa, Thể thao và Du lịch xếp thứ nhất với 90,8 điểm; Sở Nội vụ xếp thứ hai.")
    assert ("Sở Du lịch", "PAR", 2019) not in facts_of(result)
    assert [r["value"] for r in result["rejects"]] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert facts_of(result)[("Sở Nội vụ", "PAR", 2019)]["rank"] == 2


def test_a_provincial_story_of_its_own_national_rank_and_the_body_that_announced_it(gazetteer):
    body = ("Theo kết quả Bộ Nội vụ vừa công bố, Hải Phòng tiếp tục đứng đầu với 90,37%.\n\n"
            "Theo Sở Nội vụ, quận Lê Chân đứng đầu khối quận với 92,1 điểm; tiếp theo Sở Tư pháp... \n\n"
            "Trong tỉnh, thành phố Hải Phòng có 6 quận đạt trên 90 điểm.")
    facts = facts_of(run(gazetteer, body))
    assert (facts[("Thành phố Hải Phòng", "PAR", 2019)]["score"], facts[("Thành phố Hải Phòng", "PAR", 2019)]["rank"],
            facts[("Thành phố Hải Phòng", "PAR", 2019)]["bloc"]) == (90.37, 1, "province")
    assert facts[("Quận Lê Chân", "PAR", 2019)]["score"] == 92.1
    assert not any(unit.startswith("Bộ") or unit == "Sở Nội vụ" for unit, _, _ in facts)
    assert all(f["score_min"] is None for f in facts.values())  # "6 quận ... trên 90 điểm" is a claim


def test_figures_in_points_after_a_satisfaction_paragraph_are_not_satisfaction(gazetteer):
    body = ("Chỉ số hài lòng của thành phố năm 2019 đạt 86,2%, xếp thứ 9 cả nước.\n\n"
            "Trong thành phố, quận Lê Chân đứng đầu với 92,4 điểm.\n\n"
            "Về mức độ hài lòng, quận Kiến An đứng đầu với 95,1%; quận Hải An đạt 94,0 điểm.")
    facts = facts_of(run(gazetteer, body))
    assert facts[("Quận Lê Chân", "PAR", 2019)]["score"] == 92.4
    assert facts[("Quận Kiến An", "SIPAS", 2019)]["score"] == 95.1
    assert facts[("Quận Hải An", "SIPAS", 2019)]["score"] == 94.0  # a sentence with a % keeps its index


def test_short_english_paragraphs_and_per_cent(gazetteer):
    text = ("Results of the 2021 PAR Index\n\nHa Noi ranked third with 90.36 per cent, while Hai Phong placed fifth."
            "\n\nQuang Ninh's satisfaction index reached 88.5 percent, ranking 2nd nationwide.")
    facts = facts_of(extract_text(text, gazetteer, None, None))
    assert (facts[("Thành phố Hà Nội", "PAR", 2021)]["score"], facts[("Thành phố Hà Nội", "PAR", 2021)]["rank"]) \
        == (90.36, 3)
    assert facts[("Thành phố Hải Phòng", "PAR", 2021)]["rank"] == 5
    assert (facts[("Tỉnh Quảng Ninh", "SIPAS", 2021)]["score"], facts[("Tỉnh Quảng Ninh", "SIPAS", 2021)]["rank"]) \
        == (88.5, 2)


def test_a_unit_named_in_an_aside_about_another_does_not_take_its_figures(gazetteer):
    text = ("Chỉ số CCHC năm 2024 của 63 tỉnh, thành phố\n\nTỉnh Hải Dương, nay đã hợp nhất vào thành phố Hải Phòng, "
            "đạt 88,02%, xếp thứ 11. Thừa Thiên Huế (nay là thành phố Huế) xếp thứ 4 với 90,46%.")
    facts = facts_of(extract_text(text, gazetteer, None, None))
    assert {key: (f["score"], f["rank"], f["unit_kind"]) for key, f in facts.items()} == {
        ("Tỉnh Hải Dương", "PAR", 2024): (88.02, 11, "province"),
        ("Tỉnh Thừa Thiên Huế", "PAR", 2024): (90.46, 4, "province")}


def test_a_unit_that_ended_during_the_year_has_no_figure_of_that_year(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2025 khối sở, ngành thành phố Hải Phòng\n\nSở Tài chính (sau khi hợp nhất Sở Kế "
            "hoạch và Đầu tư) đứng đầu với 92,48 điểm. Sở Thông tin và Truyền thông xếp thứ 8 với 88,12 điểm.")
    result = extract_text(text, gazetteer, None, "Hải Phòng")
    assert {key: (f["score"], f["rank"]) for key, f in facts_of(result).items()} == {
        ("Sở Tài chính", "PAR", 2025): (92.48, 1)}
    assert [(r["check"], r["value"]) for r in result["rejects"]] == [("unit_not_valid", "Sở Thông tin và Truyền thông")]


def test_the_year_written_with_the_first_index_holds_when_another_index_is_named(gazetteer):
    text = ("Quảng Ninh tiếp tục dẫn đầu bảng xếp hạng cải cách hành chính\n\n"
            "Chỉ số CCHC năm 2021 của Quảng Ninh đạt 90,1%, xếp thứ nhất cả nước.\n\n"
            "Về Chỉ số hài lòng, Hải Phòng đứng đầu cả nước với 86,2%.")
    facts = facts_of(extract_text(text, gazetteer, None, None))
    assert facts[("Thành phố Hải Phòng", "SIPAS", 2021)]["score"] == 86.2


def test_earlier_years_cited_in_a_2025_story_keep_their_year(gazetteer):
    text = ("Chỉ số CCHC năm 2025\n\nPhường Lê Chân đứng đầu khối phường với 93,2 điểm.\n\n"
            "Trước khi sắp xếp, năm 2024 quận Lê Chân xếp thứ 2 với 91,1 điểm. Quận Kiến An xếp thứ 4 trong khối "
            "quận năm 2024 với 89,9 điểm.")
    result = extract_text(text, gazetteer, None, "Hải Phòng")
    assert result["source"]["title"] == "Chỉ số CCHC năm 2025"
    got = {key: (f["score"], f["rank"]) for key, f in facts_of(result).items()}
    assert got == {("Phường Lê Chân", "PAR", 2025): (93.2, 1), ("Quận Lê Chân", "PAR", 2024): (91.1, 2),
                   ("Quận Kiến An", "PAR", 2024): (89.9, 4)}
    assert result["rejects"] == []


def test_a_group_listed_after_the_last_of_several_thresholds_takes_that_threshold(gazetteer):
    text = ("Chỉ số CCHC năm 2023 của 63 tỉnh, thành phố\n\nCó 13 địa phương đạt trên 90%, 47 địa phương đạt từ 80% "
            "đến dưới 90% và 3 địa phương đạt dưới 80% gồm Lai Châu, Kon Tum và Đắk Nông.")
    result = extract_text(text, gazetteer, None, None)
    assert {unit: (f["score_min"], f["score_max"]) for (unit, _, _), f in facts_of(result).items()} == {
        "Tỉnh Lai Châu": (None, 80.0), "Tỉnh Kon Tum": (None, 80.0), "Tỉnh Đắk Nông": (None, 80.0)}
    listed = next(c for c in result["claims"] if c["stated_count"] == 3)
    assert (listed["unit_kind"], listed["observed_count"], listed["status"]) == ("province", 3, "consistent")


def test_one_unit_singled_out_of_a_list_by_trong_do(gazetteer):
    text = ("Chỉ số CCHC năm 2022 của 63 tỉnh, thành phố\n\nBa địa phương xếp cuối là Hà Giang, Bạc Liêu và Cao Bằng; "
            "trong đó Cao Bằng đứng cuối với 79,22%.")
    facts = facts_of(extract_text(text, gazetteer, None, None))
    assert (facts[("Tỉnh Cao Bằng", "PAR", 2022)]["score"], facts[("Tỉnh Cao Bằng", "PAR", 2022)]["rank"]) \
        == (79.22, 63)
