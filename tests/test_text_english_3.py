"""English news on the national rankings, written for these tests (not taken from any source): names that keep
their Vietnamese diacritics, "rounded out the top five", "runner-up", ministries' short names, the last places of a
stated size, and relative clauses between a name and its rank."""

from __future__ import annotations

import pytest

from flows.extract.scan_en import looks_english
from flows.extract.text import extract_text
from flows.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def facts(gazetteer: Gazetteer, text: str) -> dict:
    result = extract_text(text, gazetteer, None, None)
    return {(f["unit"], f["index"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]}


# A. English with Vietnamese names

@pytest.mark.parametrize("paragraph", [
    "Đắk Lắk placed 12th in the 2021 SIPAS index with 83.5 per cent.",
    "HÀ NỘI — In the 2019 PAR Index, Thừa Thiên-Huế ranked fourth, while Bình Định's score rose to 86.1 percent.",
    "The Ministry of Justice (Bộ Tư pháp) led the ministries, and Khánh Hòa was the best of the provinces.",
])
def test_english_with_names_in_diacritics_is_english(paragraph):
    assert looks_english(paragraph)


@pytest.mark.parametrize("paragraph", [
    "Năm 2021, tỉnh Đắk Lắk xếp thứ 12 trong PAR Index với 83,5%.",
    "Theo PAR Index 2020 (Public Administration Reform Index) của Bộ Nội vụ, Bình Định xếp thứ 9 với 88,5%.",
    "KHÁNH HÒA DẪN ĐẦU PAR INDEX 2021",
    "PAR Index 2022: Bắc Giang vượt Đà Nẵng",
])
def test_vietnamese_with_english_index_names_stays_vietnamese(paragraph):
    assert not looks_english(paragraph)


def test_a_province_with_diacritics_in_an_english_sentence(gazetteer):
    assert facts(gazetteer, "Đắk Lắk placed 12th in the 2021 SIPAS index with 83.5 per cent.") == {
        ("Tỉnh Đắk Lắk", "SIPAS", 2021): (83.5, 12)}
    text = "In the 2019 PAR Index, Khánh Hòa came first with 88.42 percent, and Bình Định was 9th with 85.1 percent."
    assert facts(gazetteer, text) == {("Tỉnh Khánh Hòa", "PAR", 2019): (88.42, 1),
                                      ("Tỉnh Bình Định", "PAR", 2019): (85.1, 9)}


def test_a_vietnamese_paragraph_naming_the_index_in_english_keeps_the_vietnamese_rules(gazetteer):
    text = "Theo PAR Index 2020 (Public Administration Reform Index), tỉnh Bình Định xếp thứ 9 với 88,5%."
    assert facts(gazetteer, text) == {("Tỉnh Bình Định", "PAR", 2020): (88.5, 9)}


# G. "rounded out the top n", "runner-up"

def test_rounded_out_the_top_five_is_fifth(gazetteer):
    text = "Bình Dương came third in the 2019 PAR Index. Khánh Hòa rounded out the top five."
    assert facts(gazetteer, text) == {("Tỉnh Bình Dương", "PAR", 2019): (None, 3),
                                      ("Tỉnh Khánh Hòa", "PAR", 2019): (None, 5)}


def test_two_units_rounding_out_the_top_three_are_second_and_third(gazetteer):
    text = "Dong Thap topped the 2017 SIPAS index, while Ben Tre and Vinh Long rounded out the top three."
    assert facts(gazetteer, text) == {("Tỉnh Đồng Tháp", "SIPAS", 2017): (None, 1),
                                      ("Tỉnh Bến Tre", "SIPAS", 2017): (None, 2),
                                      ("Tỉnh Vĩnh Long", "SIPAS", 2017): (None, 3)}


def test_the_runner_up_is_second(gazetteer):
    text = "In the 2019 PAR Index, Hải Dương was runner-up with 89.3 per cent."
    assert facts(gazetteer, text) == {("Tỉnh Hải Dương", "PAR", 2019): (89.3, 2)}


# H. Ministries: short names, the last of a stated number

def test_a_ministrys_short_english_name(gazetteer):
    text = "In the 2020 PAR Index, the Justice Ministry came second with 89.1 percent and the Health Ministry was 15th."
    assert facts(gazetteer, text) == {("Bộ Tư pháp", "PAR", 2020): (89.1, 2), ("Bộ Y tế", "PAR", 2020): (None, 15)}


def test_last_among_a_stated_number_is_that_rank(gazetteer):
    text = "In the 2021 PAR Index, the Government Inspectorate ranked last among 17 ministries and agencies."
    assert facts(gazetteer, text) == {("Thanh tra Chính phủ", "PAR", 2021): (None, 17)}


def test_at_the_bottom_after_the_number_of_ministries(gazetteer):
    text = "Among 18 ministries in the 2016 PAR Index, the Transport Ministry was at the bottom."
    assert facts(gazetteer, text) == {("Bộ Giao thông vận tải", "PAR", 2016): (None, 18)}


# F. "the bottom n were"

def test_the_bottom_three_of_the_provinces(gazetteer):
    text = ("The bottom three in the 2019 PAR Index were Kon Tum, Đắk Nông and Bình Phước, with 75.2, 74.8 and 74.1 "
            "percent respectively.")
    assert facts(gazetteer, text) == {("Tỉnh Kon Tum", "PAR", 2019): (75.2, 61),
                                      ("Tỉnh Đắk Nông", "PAR", 2019): (74.8, 62),
                                      ("Tỉnh Bình Phước", "PAR", 2019): (74.1, 63)}


def test_the_last_two_years_are_no_last_places(gazetteer):
    text = "In the 2019 PAR Index, Kon Tum scored 75.2 percent, its best result in the last two years."
    assert facts(gazetteer, text) == {("Tỉnh Kon Tum", "PAR", 2019): (75.2, None)}


# M. A relative clause between a name and its rank

def test_a_past_lead_in_a_relative_clause_is_not_the_rank(gazetteer):
    text = "In the 2023 SIPAS index, Hà Giang, which led the index in previous years, dropped to ninth."
    assert facts(gazetteer, text) == {("Tỉnh Hà Giang", "SIPAS", 2023): (None, 9)}


def test_provinces_absorbed_in_a_relative_clause_get_nothing(gazetteer):
    text = "In the 2025 PAR Index, Ninh Binh, which absorbed Ha Nam and Nam Dinh, ranked fourth."
    result = extract_text(text, gazetteer, None, None)
    assert facts(gazetteer, text) == {("Tỉnh Ninh Bình", "PAR", 2025): (None, 4)}
    assert result["rejects"] == []


def test_a_relative_clause_with_the_years_figure_keeps_it(gazetteer):
    text = "Quảng Trị, which scored 82.4 per cent, placed 30th in the 2019 PAR Index."
    assert facts(gazetteer, text) == {("Tỉnh Quảng Trị", "PAR", 2019): (82.4, 30)}


# F. The bottom n after the names, "ahead of", a ranking "announced by" a ministry (round 10).

def test_the_bottom_two_after_names_with_scores_in_brackets(gazetteer):
    text = ("In the 2025 PAR Index of 34 provinces, Hung Yen ranked first with 90.5 percent. Lai Chau (78.85 percent) "
            "and Son La (78.2 percent) were the bottom two.")
    got = facts(gazetteer, text)
    assert (got[("Tỉnh Lai Châu", "PAR", 2025)], got[("Tỉnh Sơn La", "PAR", 2025)]) == ((78.85, 33), (78.2, 34))


def test_the_lowest_ranked_in_turn(gazetteer):
    text = ("In the SIPAS 2020, Quang Ninh came first with 90.1 per cent. The lowest-ranked localities were Lai Chau, "
            "Son La and Dien Bien, at 79.07, 78.81 and 77.64 per cent, respectively.")
    got = facts(gazetteer, text)
    assert [got[(u, "SIPAS", 2020)][1] for u in ("Tỉnh Lai Châu", "Tỉnh Sơn La", "Tỉnh Điện Biên")] == [61, 62, 63]


def test_ahead_of_two_ministries(gazetteer):
    text = ("In the 2022 PAR Index, the Ministry of Justice came first with 91.2 percent, ahead of the Ministry of "
            "Finance (90.4 percent) and the Ministry of Home Affairs (89.6 percent).")
    assert facts(gazetteer, text) == {("Bộ Tư pháp", "PAR", 2022): (91.2, 1), ("Bộ Tài chính", "PAR", 2022): (90.4, 2),
                                      ("Bộ Nội vụ", "PAR", 2022): (89.6, 3)}


def test_the_ministry_that_announced_the_ranking_is_not_ranked(gazetteer):
    text = "In the rankings announced by the Ministry of Home Affairs, Hanoi placed fourth in the 2023 PAR Index."
    assert facts(gazetteer, text) == {("Thành phố Hà Nội", "PAR", 2023): (None, 4)}


def test_numbered_districts_written_the_english_way(gazetteer):
    text = ("In the 2022 PAR Index of Ho Chi Minh City's 22 districts, District 1 topped the ranking with 90.13 "
            "points, while Can Gio, Cu Chi and District 8 were the lowest-ranked, at 20th, 21st and 22nd.")
    got = facts(gazetteer, text)
    assert got[("Quận 1", "PAR", 2022)] == (90.13, 1) and got[("Quận 8", "PAR", 2022)] == (None, 22)


@pytest.mark.parametrize("size", ["Among 17 ministries and ministerial-level agencies in the 2023 PAR Index,",
                                  "In the 2023 PAR Index of 17 ministries,"])
def test_an_english_bloc_size_stated_before_the_last_place(gazetteer, size):
    text = (f"{size} the Ministry of Justice came first with 91.76 percent. The Ministry of Health ranked last with "
            "78.36 percent.")
    assert facts(gazetteer, text)[("Bộ Y tế", "PAR", 2023)] == (78.36, 17)


# Tenth round: places and scores English news writes without a verb or a unit.
@pytest.mark.parametrize("text, expected", [
    ("HCMC PAR Index 2023\n\nThe Department of Justice scored 92.87, the highest among departments. The Department of "
     "Information and Communications (92.40) and the Department of Home Affairs (91.52) made up the top three.",
     {"Sở Tư pháp": (92.87, 1), "Sở Thông tin và Truyền thông": (92.4, 2), "Sở Nội vụ": (91.52, 3)}),
    ("HCMC PAR Index 2023\n\nThe city assessed 24 departments. The Department of Transport ranked 22nd with 80.02, "
     "the Department of Construction 23rd with 79.64, and the Department of Natural Resources and Environment last "
     "with 78.20.", {"Sở Giao thông vận tải": (80.02, 22), "Sở Xây dựng": (79.64, 23),
                     "Sở Tài nguyên và Môi trường": (78.2, 24)}),
    ("PAR Index 2025\n\nDong Thap was sixth (89.05), Hue seventh (88.71) and Ha Noi eighth (88.20).",
     {"Tỉnh Đồng Tháp": (89.05, 6), "Thành phố Huế": (88.71, 7), "Thành phố Hà Nội": (88.2, 8)}),
    ("PAR Index and SIPAS 2017\n\nHanoi's satisfaction index was 83.65 percent, 13th in the country.",
     {"Thành phố Hà Nội": (83.65, 13)}),
    ("SIPAS 2025 results announced\n\nAmong the 34 provinces, Hai Phong had the highest result at 90.82 per cent. "
     "Lai Chau had the lowest satisfaction, at 79.02 per cent.",
     {"Thành phố Hải Phòng": (90.82, 1), "Tỉnh Lai Châu": (79.02, 34)}),
    ("Can Tho releases 2024 PAR Index results\n\nThoi Lai District ranked last of the nine districts with 81.33 "
     "points.", {"Huyện Thới Lai": (81.33, 9)}),
], ids=["the highest among", "last with", "elided verbs", "13th in the country", "had the lowest", "last of nine"])
def test_english_places_without_a_verb_or_a_unit(gazetteer, text, expected):
    from flows.extract.text import extract_text

    province = "Hồ Chí Minh" if text.startswith("HCMC") else "Cần Thơ" if text.startswith("Can Tho") else None
    facts = extract_text(text, gazetteer, None, province)["facts"]
    assert {f["unit"]: (f["score"], f["rank"]) for f in facts} == expected


@pytest.mark.parametrize("text, expected", [
    ("SIPAS 2021 results announced\n\nAt the bottom of the table were Lai Chau (61st), Dak Nong (62nd) and Ha Giang, "
     "which came last with 78.40%.", {("Tỉnh Lai Châu", 2021): (None, 61), ("Tỉnh Đắk Nông", 2021): (None, 62),
                                       ("Tỉnh Hà Giang", 2021): (78.4, 63)}),
    ("PAR Index 2020 results\n\nQuang Ninh Province topped the PAR Index 2020 with 91.25 points, making it the third "
     "consecutive year that the province has ranked first.", {("Tỉnh Quảng Ninh", 2020): (91.25, 1),
                                                             ("Tỉnh Quảng Ninh", 2019): (None, 1),
                                                             ("Tỉnh Quảng Ninh", 2018): (None, 1)}),
    ("PAR Index 2021 results\n\nIn the PAR Index 2021, Quang Ninh continued to lead with 90.06 points.",
     {("Tỉnh Quảng Ninh", 2021): (90.06, 1), ("Tỉnh Quảng Ninh", 2020): (None, 1)}),
    ("PAR Index 2020 results\n\nQuang Ninh Province topped the PAR Index 2020 with 91.25 points. Quang Ninh's GRDP "
     "grew 10.05 per cent in 2020, and 98.6 percent of dossiers were settled on time.",
     {("Tỉnh Quảng Ninh", 2020): (91.25, 1)}),
    ("PAR Index 2022 results\n\nBac Ninh came in fourth at 89.27.", {("Tỉnh Bắc Ninh", 2022): (89.27, 4)}),
], ids=["ordinals in brackets", "third consecutive year", "continued to lead", "other percentages", "at 89.27"])
def test_english_tenth_round_more(gazetteer, text, expected):
    from flows.extract.text import extract_text

    facts = extract_text(text, gazetteer, None, None)["facts"]
    assert {(f["unit"], f["year"]): (f["score"], f["rank"]) for f in facts} == expected


def test_the_one_a_place_is_only_behind_scores_at_least_as_much(gazetteer):
    from flows.extract.text import extract_text

    text = "SIPAS 2020 results\n\nQuang Ninh ranked second with 87.61 per cent, only behind Da Nang."
    facts = {f["unit"]: f for f in extract_text(text, gazetteer, None, None)["facts"]}
    assert (facts["Thành phố Đà Nẵng"]["rank"], facts["Thành phố Đà Nẵng"]["score_min"],
            facts["Thành phố Đà Nẵng"]["score_max"]) == (1, 87.61, None)


def test_places_listed_before_respectively_go_to_units_with_their_own_scores(gazetteer):
    from flows.extract.text import extract_text

    text = ("PAR Index 2023 results\n\nKon Tum, with 80.69 points, and Quang Nam, with 81.25, ranked 62nd and 61st "
            "respectively.")
    facts = extract_text(text, gazetteer, None, None)["facts"]
    assert {f["unit"]: (f["score"], f["rank"]) for f in facts} == {"Tỉnh Kon Tum": (80.69, 62),
                                                                  "Tỉnh Quảng Nam": (81.25, 61)}
