"""The text extractor on constructions of a ninth round of announcements, written for these tests: units of a
list that share one figure."""

from __future__ import annotations

import pytest

from flows.extract.text import extract_text


def _read(gazetteer, text: str, province: str, year: int, keys: tuple[str, ...], values: tuple[str, ...]) -> dict:
    """The fields ``keys`` -> the fields ``values`` of every fact ``extract_text`` reads (a field alone, not a
    tuple, where one is named)."""
    def pick(fact: dict, names: tuple[str, ...]):  # noqa: ANN202 - a field or a tuple of them
        return fact[names[0]] if len(names) == 1 else tuple(fact[n] for n in names)
    return {pick(f, keys): pick(f, values) for f in extract_text(text, gazetteer, year, province)["facts"]}


def placed(gazetteer, text: str, province: str, year: int) -> dict[str, tuple]:
    """unit -> (score, rank, tied)."""
    return _read(gazetteer, text, province, year, ("unit",), ("score", "rank", "tied"))


def years(gazetteer, text: str, province: str, year: int) -> dict[tuple, tuple]:
    """(unit, year) -> (score, rank)."""
    return _read(gazetteer, text, province, year, ("unit", "year"), ("score", "rank"))


def indices(gazetteer, text: str, province: str, year: int) -> dict[tuple, str]:
    """(unit, year) -> index."""
    return _read(gazetteer, text, province, year, ("unit", "year"), ("index",))


def by_index(gazetteer, text: str, province: str, year: int) -> dict[tuple, tuple]:
    """(unit, index) -> (score, rank)."""
    return _read(gazetteer, text, province, year, ("unit", "index"), ("score", "rank"))


def provinces(gazetteer, text: str, province: str, year: int = 2025) -> dict[tuple, int]:
    """(unit, index, year) -> rank."""
    return _read(gazetteer, text, province, year, ("unit", "index", "year"), ("rank",))


# Two units of a list share one score: they share a place, the next unit comes two places later.
@pytest.mark.parametrize("text", [
    *(f"Năm sở dẫn đầu Chỉ số cải cách hành chính năm 2021 gồm Sở Tư pháp (88,40 điểm), Sở Nội vụ (86,15 điểm), "
      f"{shared}, Sở Công Thương (82,05 điểm)." for shared in ("Sở Xây dựng và Sở Y tế (cùng đạt 84,30 điểm)",
                                                               "Sở Xây dựng, Sở Y tế (đều đạt 84,30 điểm)",
                                                               "Sở Xây dựng và Sở Y tế (cùng 84,30 điểm)")),
    "Chỉ số cải cách hành chính năm 2021 của các sở: Sở Tư pháp đứng đầu với 88,40 điểm. Tiếp theo là Sở Nội vụ "
    "(86,15 điểm), Sở Xây dựng và Sở Y tế cùng đạt 84,30 điểm, Sở Công Thương (82,05 điểm).",
], ids=["cùng đạt", "đều đạt", "cùng", "running list"])
def test_a_pair_sharing_a_score_inside_a_list_shares_a_place(gazetteer, text):
    assert placed(gazetteer, text, "Nam Định", 2021) == {
        "Sở Tư pháp": (88.4, 1, False), "Sở Nội vụ": (86.15, 2, False), "Sở Xây dựng": (84.3, 3, True),
        "Sở Y tế": (84.3, 3, True), "Sở Công Thương": (82.05, 5, False)}


def test_units_sharing_a_score_at_the_end_of_a_list_share_a_place(gazetteer):
    text = ("Các địa phương có chỉ số hài lòng năm 2019 cao nhất là thành phố Sầm Sơn (92,4%), huyện Hoằng Hóa, huyện "
            "Quảng Xương và huyện Thọ Xuân (đều đạt 91,8%).")
    assert placed(gazetteer, text, "Thanh Hóa", 2019) == {
        "Thành phố Sầm Sơn": (92.4, 1, False), "Huyện Hoằng Hóa": (91.8, 2, True),
        "Huyện Quảng Xương": (91.8, 2, True), "Huyện Thọ Xuân": (91.8, 2, True)}


def test_a_pair_sharing_a_score_at_the_bottom_shares_the_place_above_the_last(gazetteer):
    text = ("Chỉ số cải cách hành chính năm 2019 của 27 huyện, thị xã, thành phố: ba địa phương xếp cuối là "
            "huyện Mường Lát (80,10 điểm), huyện Quan Sơn và huyện Lang Chánh (cùng đạt 78,20 điểm).")
    assert placed(gazetteer, text, "Thanh Hóa", 2019) == {
        "Huyện Mường Lát": (80.1, 25, False), "Huyện Quan Sơn": (78.2, 26, True), "Huyện Lang Chánh": (78.2, 26, True)}


def test_a_pair_with_a_score_each_is_no_shared_score(gazetteer):
    text = ("Năm sở dẫn đầu Chỉ số cải cách hành chính năm 2021 gồm Sở Tư pháp (88,40 điểm), Sở Nội vụ (86,15 điểm), "
            "Sở Xây dựng (84,30 điểm) và Sở Y tế (84,10 điểm), Sở Công Thương (82,05 điểm).")
    assert placed(gazetteer, text, "Nam Định", 2021) == {
        "Sở Tư pháp": (88.4, 1, False), "Sở Nội vụ": (86.15, 2, False), "Sở Xây dựng": (84.3, 3, False),
        "Sở Y tế": (84.1, 4, False), "Sở Công Thương": (82.05, 5, False)}


# A district portal: its own district's place stated first, the running list of the others leaves it out.
@pytest.mark.parametrize("running", ["các vị trí tiếp theo lần lượt là", "tiếp đến là"])
def test_a_running_list_goes_on_below_a_place_stated_before(gazetteer, running):
    text = (f"Chỉ số cải cách hành chính năm 2021 của huyện Gia Viễn đạt 88,10 điểm, xếp thứ 2/8 huyện, thành phố. "
            f"Đứng đầu là thành phố Ninh Bình với 90,02 điểm; {running} Hoa Lư (87,45 điểm), Yên Khánh (86,80 điểm) "
            f"và Kim Sơn (85,12 điểm).")
    assert placed(gazetteer, text, "Ninh Bình", 2021) == {
        "Huyện Gia Viễn": (88.1, 2, False), "Thành phố Ninh Bình": (90.02, 1, False), "Huyện Hoa Lư": (87.45, 3, False),
        "Huyện Yên Khánh": (86.8, 4, False), "Huyện Kim Sơn": (85.12, 5, False)}


def test_a_running_list_scoring_above_a_place_stated_before_does_not_skip_it(gazetteer):
    text = ("Chỉ số cải cách hành chính năm 2021 của huyện Gia Viễn đạt 80,10 điểm, xếp thứ 2/8 huyện, thành phố. Đứng "
            "đầu là thành phố Ninh Bình với 90,02 điểm; tiếp đến là Hoa Lư (87,45 điểm).")
    assert placed(gazetteer, text, "Ninh Bình", 2021) == {
        "Huyện Gia Viễn": (80.1, 2, False), "Thành phố Ninh Bình": (90.02, 1, False),
        "Huyện Hoa Lư": (87.45, None, False)}



# "Hạng n - unit - score" lines with last year's rank beside each: the line's place is this year's.
_LINES = ("Hạng 1 - Thành phố Quảng Ngãi - 91,40 điểm {a}\nHạng 2 - Huyện Bình Sơn - 89,75 điểm {b}\n"
          "Hạng 3 - Thị xã Đức Phổ - 88,02 điểm {c}")


@pytest.mark.parametrize(("note", "a", "b", "c"), [
    ("(Số trong ngoặc là thứ hạng năm 2021)", "(1)", "(4)", "(2)"),
    ("(Chữ số trong ngoặc đơn là thứ hạng năm 2021 của đơn vị)", "(1)", "(4)", "(2)"),
    ("", "(năm 2021: hạng 1)", "(năm 2021: hạng 4)", "(năm 2021: hạng 2)"),
])
def test_last_years_rank_beside_a_numbered_line(gazetteer, note, a, b, c):
    text = f"Chỉ số cải cách hành chính năm 2022 của các huyện, thị xã, thành phố\n\n{note}\n\n" + _LINES.format(
        a=a, b=b, c=c)
    assert years(gazetteer, text, "Quảng Ngãi", 2022) == {
        ("Thành phố Quảng Ngãi", 2022): (91.4, 1), ("Thành phố Quảng Ngãi", 2021): (None, 1),
        ("Huyện Bình Sơn", 2022): (89.75, 2), ("Huyện Bình Sơn", 2021): (None, 4),
        ("Thị xã Đức Phổ", 2022): (88.02, 3), ("Thị xã Đức Phổ", 2021): (None, 2)}


def test_a_note_on_the_parentheses_opening_the_text_is_no_title(gazetteer):
    text = "(Số trong ngoặc là thứ hạng năm 2021)\n\n" + _LINES.format(a="(1)", b="(4)", c="(2)")
    assert years(gazetteer, text, "Quảng Ngãi", 2022)[("Huyện Bình Sơn", 2022)] == (89.75, 2)


def test_numbers_in_parentheses_are_no_ranks_where_the_note_speaks_of_points(gazetteer):
    text = ("Chỉ số cải cách hành chính năm 2022 của các huyện\n\n(Số liệu trong ngoặc là điểm năm 2021)\n\n"
            + _LINES.format(a="(90)", b="(88)", c="(87)"))
    assert years(gazetteer, text, "Quảng Ngãi", 2022)[("Huyện Bình Sơn", 2022)] == (89.75, 2)
    assert ("Huyện Bình Sơn", 2021) not in years(gazetteer, text, "Quảng Ngãi", 2022)



# A paragraph on both indices does not make the next paragraph the last one's.
_BEFORE_MERGER = "Năm 2024, tỉnh Bình Định (cũ) xếp thứ 10/63 với 89,20%, còn Gia Lai (cũ) xếp thứ 40/63 với 84,90%."


def test_a_paragraph_on_both_indices_leaves_the_next_to_the_texts_index(gazetteer):
    text = ("Gia Lai xếp thứ 12/34 về Chỉ số cải cách hành chính năm 2025\n\nNăm 2025, Chỉ số CCHC của tỉnh đạt "
            "87,15%, xếp thứ 12/34. Chỉ số SIPAS của tỉnh đạt 86,40%, xếp thứ 20/34.\n\n" + _BEFORE_MERGER)
    got = indices(gazetteer, text, "Gia Lai", 2025)
    assert got[("Tỉnh Bình Định", 2024)] == got[("Tỉnh Gia Lai", 2024)] == "PAR"


@pytest.mark.parametrize("paragraph", [
    "Năm 2025, Chỉ số SIPAS của tỉnh đạt 86,40%, xếp thứ 20/34.",  # one index: its paragraphs follow
    "Năm 2025, Chỉ số CCHC của tỉnh đạt 87,15%, xếp thứ 12/34. Về Chỉ số SIPAS, kết quả như sau.",  # an opener
])
def test_a_paragraph_on_one_index_or_opening_the_next_carries_it(gazetteer, paragraph):
    text = f"Gia Lai công bố kết quả Chỉ số cải cách hành chính năm 2025\n\n{paragraph}\n\n{_BEFORE_MERGER}"
    got = indices(gazetteer, text, "Gia Lai", 2025)
    assert got[("Tỉnh Bình Định", 2024)] == got[("Tỉnh Gia Lai", 2024)] == "SIPAS"


# "Đứng trên X lần lượt là A, B": the units above a unit placed n-th, when they are n - 1.
@pytest.mark.parametrize("above", ["Đứng trên Quảng Trị lần lượt là", "Xếp trên tỉnh Quảng Trị là",
                                   "Đứng trước Quảng Trị là"])
def test_the_units_above_a_place_stated_before_take_the_places_above_it(gazetteer, above):
    text = (f"Chỉ số cải cách hành chính năm 2023 của Quảng Trị đạt 89,10%, xếp thứ 3/63 tỉnh, thành phố. {above} "
            f"Hải Phòng và Quảng Ninh.")
    assert placed(gazetteer, text, "Quảng Trị", 2023) == {
        "Tỉnh Quảng Trị": (89.1, 3, False), "Thành phố Hải Phòng": (None, 1, False),
        "Tỉnh Quảng Ninh": (None, 2, False)}


def test_units_above_a_place_are_not_placed_when_they_are_not_all_of_them(gazetteer):
    text = ("Chỉ số cải cách hành chính năm 2023 của Quảng Trị đạt 89,10%, xếp thứ 4/63 tỉnh, thành phố. Đứng trên "
            "Quảng Trị lần lượt là Hải Phòng và Quảng Ninh.")
    assert placed(gazetteer, text, "Quảng Trị", 2023) == {"Tỉnh Quảng Trị": (89.1, 4, False)}


@pytest.mark.parametrize("change", ["là đơn vị có mức tăng điểm cao nhất khối huyện",
                                    "cải thiện thứ hạng nhiều nhất trong năm", "là địa phương tăng bậc mạnh nhất"])
def test_the_biggest_change_is_no_first_place(gazetteer, change):
    text = (f"Năm 2021, huyện Thuận Châu dẫn đầu khối huyện với 90,15 điểm; huyện Sốp Cộp xếp thứ sáu với 84,30 điểm. "
            f"Huyện Sốp Cộp {change}.")
    assert placed(gazetteer, text, "Sơn La", 2021) == {"Huyện Thuận Châu": (90.15, 1, False),
                                                      "Huyện Sốp Cộp": (84.3, 6, False)}


# More ways to say "the next places are".
@pytest.mark.parametrize("next_", ["Tiếp sau là", "Bám sát phía sau là", "Theo sau lần lượt là", "Liền sau là"])
def test_more_words_for_the_next_places(gazetteer, next_):
    text = f"Năm 2021, Sở Tư pháp dẫn đầu với 90,14 điểm. {next_} Sở Nội vụ (89,52 điểm) và Sở Y tế (89,07 điểm)."
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {
        "Sở Tư pháp": (90.14, 1, False), "Sở Nội vụ": (89.52, 2, False), "Sở Y tế": (89.07, 3, False)}


def test_places_listed_after_vi_tri(gazetteer):
    text = ("Năm 2021, huyện Lục Ngạn xếp thứ tư với 85,79 điểm, các huyện Lạng Giang, Tân Yên, Hiệp Hòa tiếp nối ở "
            "các vị trí 5, 6 và 7.")
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {
        "Huyện Lục Ngạn": (85.79, 4, False), "Huyện Lạng Giang": (None, 5, False), "Huyện Tân Yên": (None, 6, False),
        "Huyện Hiệp Hòa": (None, 7, False)}


def test_a_bare_score_between_dashes_before_the_lines_place(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2021 của 10 huyện, thành phố (điểm/100, thứ hạng):\n"
            "• Huyện Lục Ngạn – 90,12 – hạng 1\n• Huyện Tân Yên – 89,40 – hạng 2\n• Huyện Hiệp Hòa – 88,95 – hạng 3")
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {
        "Huyện Lục Ngạn": (90.12, 1, False), "Huyện Tân Yên": (89.4, 2, False), "Huyện Hiệp Hòa": (88.95, 3, False)}


@pytest.mark.parametrize("stated", ["của 10 UBND huyện, thành phố",
                                    "đối với 21 sở, ban, ngành cấp tỉnh và 10 UBND huyện, thành phố"])
def test_the_bloc_size_counted_as_people_s_committees_numbers_the_last_place(gazetteer, stated):
    text = f"UBND tỉnh công bố Chỉ số CCHC năm 2021 {stated}. Huyện Sơn Động xếp cuối bảng với 74,41 điểm."
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {"Huyện Sơn Động": (74.41, 10, False)}


def test_a_year_written_after_a_place_is_that_places_not_the_sentences(gazetteer):
    text = ("Chỉ số cải cách hành chính năm 2021 của các sở\n\nĐiểm sáng năm nay là Sở Tư pháp. Từ vị trí thứ 9 năm "
            "2020, Sở đã vươn lên dẫn đầu với 91,06 điểm. Sở Y tế đứng thứ hai với 90,22 điểm.")
    assert years(gazetteer, text, "Bắc Giang", 2021) == {
        ("Sở Tư pháp", 2021): (91.06, 1), ("Sở Y tế", 2021): (90.22, 2), ("Sở Tư pháp", 2020): (None, 9)}


# A unit named by its kind word alone: the one named before in its paragraph, or a portal's own.
_PORTAL = ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN LỤC NAM\n\nChỉ số CCHC năm 2021 của huyện Lục Nam tăng 4 bậc\n\n"
           "Theo kết quả công bố, Chỉ số CCHC năm 2021 của huyện ta đạt 86,73 điểm, xếp thứ 3/10 huyện, thành phố, "
           "là thứ hạng cao nhất của huyện kể từ năm 2016. Huyện chỉ đứng sau huyện Lục Ngạn (89,12 điểm) và huyện "
           "Tân Yên (87,05 điểm).\n\nNgoài ra, Chỉ số hài lòng của người dân đối với sự phục vụ của UBND huyện đạt "
           "88,16%, đứng thứ 6 toàn tỉnh.")


def test_a_district_portal_speaking_of_itself(gazetteer):
    got = extract_text(_PORTAL, gazetteer, 2021, "Bắc Giang")["facts"]
    assert {(f["unit"], f["index"]): (f["score"], f["rank"]) for f in got} == {
        ("Huyện Lục Nam", "PAR"): (86.73, 3), ("Huyện Lục Ngạn", "PAR"): (89.12, 1),
        ("Huyện Tân Yên", "PAR"): (87.05, 2), ("Huyện Lục Nam", "SIPAS"): (88.16, 6)}


def test_a_kind_word_alone_refers_within_its_paragraph_only(gazetteer):
    text = ("Chỉ số CCHC năm 2021 của tỉnh Bắc Giang\n\nHuyện Lục Ngạn dẫn đầu với 90,10 điểm. Điểm điều tra xã hội "
            "học của huyện đạt 26,10 điểm.\n\nĐiểm điều tra xã hội học của huyện đạt 25,30 điểm.")
    got = extract_text(text, gazetteer, 2021, "Bắc Giang")["facts"]
    assert {(f["unit"], f["index"]): (f["score"], f["rank"]) for f in got} == {
        ("Huyện Lục Ngạn", "PAR"): (90.1, 1), ("Huyện Lục Ngạn", "SURVEY"): (26.1, None)}



# Counted lists: the cue some words after the count, or "có chỉ số cao/thấp" before a colon.
def test_n_units_rated_highest_with_words_between(gazetteer):
    text = ("Về Chỉ số hài lòng năm 2021, ba sở được người dân, tổ chức đánh giá cao nhất là Sở Tư pháp (94,30%), "
            "Sở Y tế (93,85%) và Sở Nội vụ (93,10%).")
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {
        "Sở Tư pháp": (94.3, 1, False), "Sở Y tế": (93.85, 2, False), "Sở Nội vụ": (93.1, 3, False)}


def test_a_bloc_size_before_the_highest_is_no_top_list(gazetteer):
    text = "Năm 2021, khối sở, ban, ngành gồm 20 đơn vị, xếp hạng cao nhất là Sở Tư pháp (90,05 điểm)."
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {"Sở Tư pháp": (90.05, 1, False)}


def test_n_units_with_high_and_low_scores_before_a_colon(gazetteer):
    text = ("Năm 2021, khối sở, ngành có 19 đơn vị. Ba đơn vị có chỉ số cao: Sở Tư pháp: 88,20 điểm; Sở Y tế: 87,35 "
            "điểm; Sở Nội vụ: 86,94 điểm. Hai đơn vị có chỉ số thấp, từ thấp lên: Sở Xây dựng 70,12 điểm; Sở Công "
            "Thương 71,48 điểm.")
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {
        "Sở Tư pháp": (88.2, 1, False), "Sở Y tế": (87.35, 2, False), "Sở Nội vụ": (86.94, 3, False),
        "Sở Xây dựng": (70.12, 19, False), "Sở Công Thương": (71.48, 18, False)}


# One unit's PAR and SIPAS figures in one sentence.
def test_a_units_figures_of_both_indices_in_one_sentence(gazetteer):
    text = ("Năm 2021, huyện Lục Ngạn vừa đứng đầu về Chỉ số CCHC với 89,75 điểm, vừa có mức độ hài lòng cao nhất "
            "(93,12%). Huyện Tân Yên xếp thứ hai về CCHC (88,40 điểm) nhưng chỉ đứng thứ năm về sự hài lòng (89,06%).")
    assert by_index(gazetteer, text, "Bắc Giang", 2021) == {
        ("Huyện Lục Ngạn", "PAR"): (89.75, 1), ("Huyện Lục Ngạn", "SIPAS"): (93.12, 1),
        ("Huyện Tân Yên", "PAR"): (88.4, 2), ("Huyện Tân Yên", "SIPAS"): (89.06, 5)}


def test_last_in_both_rankings_is_a_place_in_each(gazetteer):
    text = ("Năm 2021, trong 10 huyện, thành phố, hai huyện Sơn Động và Lục Nam đứng cuối cả hai bảng xếp hạng: về "
            "CCHC lần lượt đạt 80,17 và 79,64 điểm, về SIPAS đạt 86,20% và 85,91%.")
    assert by_index(gazetteer, text, "Bắc Giang", 2021) == {
        ("Huyện Sơn Động", "PAR"): (80.17, 9), ("Huyện Lục Nam", "PAR"): (79.64, 10),
        ("Huyện Sơn Động", "SIPAS"): (86.2, 9), ("Huyện Lục Nam", "SIPAS"): (85.91, 10)}


@pytest.mark.parametrize("part", ["Sở Y tế dẫn đầu về hiện đại hóa hành chính với 9,50/10 điểm.",
                                  "Sở Y tế chỉ đạt 7,25/12 điểm ở lĩnh vực cải cách thủ tục hành chính."])
def test_points_out_of_less_than_100_are_a_components(gazetteer, part):
    text = f"Năm 2021, Sở Tư pháp dẫn đầu với 92,16 điểm, Sở Y tế xếp thứ hai với 91,35 điểm. {part}"
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {"Sở Tư pháp": (92.16, 1, False), "Sở Y tế": (91.35, 2, False)}


@pytest.mark.parametrize("pair", ["Sở Nội vụ cùng Sở Y tế chia nhau vị trí thứ tư khi có chung số điểm 87,90",
                                  "Sở Nội vụ và Sở Y tế chia nhau vị trí thứ tư với 87,90 điểm"])
def test_two_units_sharing_a_place(gazetteer, pair):
    text = f"Chỉ số CCHC năm 2021 của các sở: {pair}."
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {"Sở Nội vụ": (87.9, 4, True), "Sở Y tế": (87.9, 4, True)}


def test_a_place_kept_from_the_year_before_said_in_a_later_sentence(gazetteer):
    text = "Năm 2021, huyện Tân Yên xếp thứ 2 với 89,40 điểm. So với năm 2020, huyện Tân Yên giữ nguyên thứ hạng."
    assert years(gazetteer, text, "Bắc Giang", 2021) == {("Huyện Tân Yên", 2021): (89.4, 2),
                                                        ("Huyện Tân Yên", 2020): (None, 2)}


def test_moves_of_two_units_listed_in_turn(gazetteer):
    text = ("Năm 2021, Sở Y tế (xếp thứ 2, đạt 89,12 điểm) và Sở Tư pháp (xếp thứ 3, đạt 88,76 điểm) là hai đơn vị có "
            "mức tăng ấn tượng, lần lượt tăng 6 bậc và 4 bậc so với năm 2020.")
    assert years(gazetteer, text, "Bắc Giang", 2021) == {
        ("Sở Y tế", 2021): (89.12, 2), ("Sở Tư pháp", 2021): (88.76, 3), ("Sở Y tế", 2020): (None, 8),
        ("Sở Tư pháp", 2020): (None, 7)}


def test_a_unit_of_a_list_named_again_after_a_semicolon_takes_the_figures_after_it(gazetteer):
    text = "Năm 2021, ở khối sở, tốp 3 gồm Sở Tư pháp, Sở Nội vụ, Sở Y tế; Sở Tư pháp có 91,55 điểm."
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {"Sở Tư pháp": (91.55, None, False)}


def test_a_count_of_central_agencies_is_no_size_of_the_districts(gazetteer):
    text = ("UBND tỉnh công bố Chỉ số hài lòng năm 2021 đối với 21 sở, ban, ngành; 10 huyện, thành phố và 5 cơ quan "
            "Trung ương. Đối với 5 cơ quan ngành dọc, Kho bạc Nhà nước tỉnh dẫn đầu với 93,40%. Về khối huyện, thấp "
            "nhất là huyện Sơn Động (84,35%).")
    assert placed(gazetteer, text, "Bắc Giang", 2021)["Huyện Sơn Động"] == (84.35, 10, False)


@pytest.mark.parametrize("after", ["xếp ngay sau", "đứng liền sau"])
def test_a_unit_placed_right_after_the_one_before(gazetteer, after):
    text = f"Năm 2021, huyện Lục Ngạn giành vị trí thứ ba với 86,81 điểm, huyện Tân Yên {after}."
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {"Huyện Lục Ngạn": (86.81, 3, False),
                                                         "Huyện Tân Yên": (None, 4, False)}


# 2025 stories on the merged provinces: last year's figures of the provinces before the merger.
def test_two_old_provinces_with_their_places_in_turn(gazetteer):
    text = ("Ninh Bình công bố Chỉ số CCHC năm 2025\n\nNăm 2024, tỉnh Nam Định (cũ) và tỉnh Hà Nam (cũ) lần lượt xếp "
            "thứ 10 và thứ 25/63 về Chỉ số CCHC.")
    assert provinces(gazetteer, text, "Ninh Bình") == {("Tỉnh Nam Định", "PAR", 2024): 10,
                                                       ("Tỉnh Hà Nam", "PAR", 2024): 25}


@pytest.mark.parametrize("sep", [". Năm 2024,", "; năm 2024,"])
def test_a_province_renamed_since_is_read_in_the_year_opening_its_clause(gazetteer, sep):
    text = (f"Năm 2025, thành phố Huế xếp thứ 5/34 về Chỉ số CCHC và thứ 7/34 về Chỉ số hài lòng{sep} Thừa Thiên Huế "
            f"(nay là thành phố Huế) xếp thứ 6/63 về Chỉ số CCHC.")
    assert provinces(gazetteer, text, "Huế") == {("Thành phố Huế", "PAR", 2025): 5, ("Thành phố Huế", "SIPAS", 2025): 7,
                                                  ("Tỉnh Thừa Thiên Huế", "PAR", 2024): 6}


def test_a_year_the_announcing_body_speaks_of_is_the_sentences(gazetteer):
    text = ("Ninh Bình công bố Chỉ số CCHC năm 2025 của 129 xã, phường\n\nCũng tại hội nghị, Sở Nội vụ thông tin năm "
            "2024, Ninh Bình xếp thứ 12/63 về Chỉ số CCHC.")
    assert provinces(gazetteer, text, "Ninh Bình") == {("Tỉnh Ninh Bình", "PAR", 2024): 12}


# Every grade band listed in one sentence, with counts and falling scores: the places run on from band to band.
_BANDS = ("Chỉ số CCHC năm 2021 của {n} huyện, thành phố: loại Tốt gồm 2 đơn vị là huyện Lục Ngạn (88,10 điểm) và "
          "huyện Tân Yên (86,40 điểm); loại Khá gồm 2 đơn vị là huyện Hiệp Hòa (79,10 điểm) và huyện Lạng Giang "
          "(77,45 điểm); loại Trung bình có 1 đơn vị là huyện Sơn Động (68,92 điểm).")


def test_grade_bands_listed_in_full_number_the_middle_band(gazetteer):
    assert {u: r for u, (_, r, _) in placed(gazetteer, _BANDS.format(n=5), "Bắc Giang", 2021).items()} == {
        "Huyện Lục Ngạn": 1, "Huyện Tân Yên": 2, "Huyện Hiệp Hòa": 3, "Huyện Lạng Giang": 4, "Huyện Sơn Động": 5}


def test_grade_bands_that_do_not_cover_the_bloc_number_no_middle_band(gazetteer):
    got = placed(gazetteer, _BANDS.format(n=10), "Bắc Giang", 2021)
    assert got["Huyện Lục Ngạn"][1] == 1 and got["Huyện Hiệp Hòa"][1] is None


@pytest.mark.parametrize(("bands", "rank"), [
    ("Có 15 đơn vị xếp loại Tốt, 5 đơn vị xếp loại Khá, không có đơn vị xếp loại Trung bình.", 19),
    ("Có 15 đơn vị xếp loại Tốt, 5 đơn vị xếp loại Khá. Ba đơn vị xếp loại Trung bình gồm A, B và C.", None),
])
def test_the_bloc_size_as_the_counts_of_every_grade_band(gazetteer, bands, rank):
    text = (f"Năm 2021, ở khối sở, ban, ngành, Sở Tư pháp dẫn đầu với 89,84 điểm. {bands} Sở Xây dựng và Sở Y tế cùng "
            f"đứng cuối với 76,40 điểm.")
    got = placed(gazetteer, text, "Bắc Giang", 2021)
    assert (got["Sở Xây dựng"][1], got["Sở Y tế"][1]) == (rank, rank)


# 2025 stories on the new communes and the provinces' new departments.
@pytest.mark.parametrize("commune", ["Xã Định Hóa (huyện Định Hóa cũ)", "Xã Định Hóa, thuộc huyện Định Hóa cũ,"])
def test_the_old_district_a_commune_is_told_apart_by_is_an_aside(gazetteer, commune):
    text = f"Khối xã có 77 đơn vị. {commune} dẫn đầu với 89,12 điểm; xã Võ Nhai xếp thứ hai với 88,40 điểm."
    assert placed(gazetteer, text, "Thái Nguyên", 2025) == {"Xã Định Hóa": (89.12, 1, False),
                                                           "Xã Võ Nhai": (88.4, 2, False)}


def test_a_year_compared_with_does_not_carry_to_the_next_sentence(gazetteer):
    text = ("Chỉ số CCHC năm 2025 của 34 tỉnh, thành phố\n\nNhiều địa phương cải thiện đáng kể so với kết quả năm 2024 "
            "của các tỉnh trước hợp nhất. Tỉnh Thái Nguyên đạt 89,67%, xếp thứ 11/34.")
    assert provinces(gazetteer, text, "Thái Nguyên") == {("Tỉnh Thái Nguyên", "PAR", 2025): 11}


@pytest.mark.parametrize("last", [
    "Sở Dân tộc và Tôn giáo xếp cuối với 81,20 điểm; đây là sở mới được thành lập trên cơ sở Ban Dân tộc tỉnh.",
    "Sở Nông nghiệp và Môi trường - đơn vị hợp nhất từ Sở Nông nghiệp và Phát triển nông thôn và Sở Tài nguyên "
    "và Môi trường - xếp cuối với 81,20 điểm.",
])
def test_a_note_on_a_new_department_is_an_aside_and_ok_khoi_n_so_sizes_the_bloc(gazetteer, last):
    text = f"Ở khối 14 sở, ban, ngành, Sở Nội vụ dẫn đầu với 92,40 điểm. {last}"
    got = placed(gazetteer, text, "Thái Nguyên", 2025)
    assert got.pop("Sở Nội vụ") == (92.4, 1, False) and list(got.values()) == [(81.2, 14, False)]


def test_a_year_after_trong_khi_opens_the_clause_of_the_unit_after_it(gazetteer):
    text = ("Chỉ số CCHC năm 2025 của phường Phổ Yên đạt 90,52 điểm, xếp thứ 3 khối phường, trong khi năm 2024 huyện "
            "Võ Nhai chỉ xếp thứ 6/9 huyện, thành phố.")
    assert years(gazetteer, text, "Thái Nguyên", 2025) == {("Phường Phổ Yên", 2025): (90.52, 3),
                                                          ("Huyện Võ Nhai", 2024): (None, 6)}


def test_the_provinces_overall_satisfaction_over_its_units_is_no_figure_of_its_own(gazetteer):
    text = "Chỉ số SIPAS chung của tỉnh năm 2025 đạt 89,37%; xã Võ Nhai cao nhất với 94,10%."
    assert placed(gazetteer, text, "Thái Nguyên", 2025) == {"Xã Võ Nhai": (94.1, 1, False)}


def test_an_index_named_at_the_end_of_a_clause_is_every_units_in_it(gazetteer):
    text = ("Về Chỉ số SIPAS năm 2025, xã Võ Nhai dẫn đầu với 94,37%.\n\nNăm 2024, tỉnh Thái Nguyên xếp thứ 12/63 và "
            "tỉnh Bắc Kạn xếp thứ 50/63 về Chỉ số CCHC.")
    assert provinces(gazetteer, text, "Thái Nguyên") == {("Xã Võ Nhai", "SIPAS", 2025): 1,
                                                        ("Tỉnh Thái Nguyên", "PAR", 2024): 12,
                                                        ("Tỉnh Bắc Kạn", "PAR", 2024): 50}


def test_a_grade_bands_count_stated_in_a_summary_before_its_list(gazetteer):
    text = ("Toàn tỉnh có 92 xã, phường được xếp hạng. Có 3 đơn vị xếp loại Tốt, 80 đơn vị xếp loại Khá và 9 đơn vị "
            "xếp loại Trung bình.\n\nNhóm xếp loại Tốt gồm: phường Phổ Yên (93,18 điểm), xã Võ Nhai (92,75 điểm) và "
            "xã Định Hóa (91,96 điểm).")
    assert {u: r for u, (_, r, _) in placed(gazetteer, text, "Thái Nguyên", 2025).items()} == {
        "Phường Phổ Yên": 1, "Xã Võ Nhai": 2, "Xã Định Hóa": 3}


# English: "highest at", "lowest at", "the lowest among the N units", "rising N places from 2019 to 14th".
def test_english_highest_and_lowest_at_a_figure_in_a_bloc_of_a_size_in_words(gazetteer):
    text = ("Lục Ngạn District ranked first among the ten district-level localities of Bắc Giang in its 2021 PAR "
            "Index, with 91.58 points. The satisfaction survey showed Tân Yên District highest at 92.15 percent "
            "and Sơn Động District lowest at 84.02 percent.")
    assert by_index(gazetteer, text, "Bắc Giang", 2021) == {
        ("Huyện Lục Ngạn", "PAR"): (91.58, 1), ("Huyện Tân Yên", "SIPAS"): (92.15, 1),
        ("Huyện Sơn Động", "SIPAS"): (84.02, 10)}


def test_english_the_lowest_among_n_units(gazetteer):
    text = ("In the 2021 satisfaction index, the Department of Justice posted the highest rate at 95.6 percent, while "
            "the Department of Health had the lowest among the 19 units at 84.3 percent.")
    assert placed(gazetteer, text, "Bắc Giang", 2021) == {"Sở Tư pháp": (95.6, 1, False), "Sở Y tế": (84.3, 19, False)}


def test_english_rising_n_places_from_a_year_to_a_place(gazetteer):
    text = ("In the 2021 PAR Index of the 63 provinces, Bắc Giang made the biggest leap, rising 11 places from 2020 "
            "to 14th.")
    assert provinces(gazetteer, text, "Bắc Giang", 2021) == {("Tỉnh Bắc Giang", "PAR", 2021): 14,
                                                            ("Tỉnh Bắc Giang", "PAR", 2020): 25}


# Grade bands and bloc sizes of 2025 decisions on the communes and wards.
def test_a_breakdown_in_brackets_after_a_total_is_no_size_of_its_own(gazetteer):
    text = ("Công bố Chỉ số CCHC năm 2025 của UBND 92 xã, phường (15 phường và 77 xã). Ba đơn vị xếp cuối là xã Võ "
            "Nhai (69,48 điểm), xã Định Hóa (68,95 điểm) và xã Đại Từ (65,12 điểm).")
    got = placed(gazetteer, text, "Thái Nguyên", 2025)
    assert [score for score, _, _ in got.values()] == [69.48, 68.95, 65.12]
    assert not {rank for _, rank, _ in got.values()} & {75, 76, 77}  # the communes' count is no size of this ranking


def test_a_tie_inside_the_best_band_and_an_empty_worst_band(gazetteer):
    text = ("Kết quả Chỉ số CCHC năm 2025 của UBND các xã, phường\n\nCó 4 đơn vị xếp loại Tốt, 85 đơn vị xếp loại Khá, "
            "3 đơn vị xếp loại Trung bình. Xếp loại Tốt: 4 đơn vị, gồm: phường Phổ Yên (90,21 điểm), xã Võ Nhai (88,03 "
            "điểm), xã Định Hóa (88,03 điểm), xã Đại Từ (85,27 điểm). Xếp loại Trung bình: 3 đơn vị, gồm: xã Phú "
            "Bình (69,48 điểm), xã La Hiên (68,95 điểm), xã Bình Yên (65,12 điểm). Xếp loại Yếu: không có.")
    assert {u: (r, t) for u, (_, r, t) in placed(gazetteer, text, "Thái Nguyên", 2025).items()} == {
        "Phường Phổ Yên": (1, False), "Xã Võ Nhai": (2, True), "Xã Định Hóa": (2, True), "Xã Đại Từ": (4, False),
        "Xã Phú Bình": (90, False), "Xã La Hiên": (91, False), "Xã Bình Yên": (92, False)}


def test_a_tied_pair_whose_first_unit_has_its_old_district_in_brackets(gazetteer):
    text = ("Về Chỉ số SIPAS năm 2025, xã Đại Từ (huyện Đại Từ cũ) và xã Võ Nhai cùng đạt 94,05%, đồng hạng nhất; tiếp "
            "theo là xã Định Hóa với 93,62%.")
    assert placed(gazetteer, text, "Thái Nguyên", 2025) == {
        "Xã Đại Từ": (94.05, 1, True), "Xã Võ Nhai": (94.05, 1, True), "Xã Định Hóa": (93.62, 3, False)}


@pytest.mark.parametrize("sentence", [
    "Chỉ số SIPAS năm 2021 tại UBND 10 huyện, thành phố. Huyện Sơn Động có chỉ số thấp nhất (84,33%).",
    "Năm 2021, huyện Sơn Động xếp cuối với 84,33% trong tổng số 10 huyện, thành phố.",
])
def test_more_ways_to_state_the_bloc_size_of_a_last_place(gazetteer, sentence):
    assert placed(gazetteer, sentence, "Bắc Giang", 2021) == {"Huyện Sơn Động": (84.33, 10, False)}
