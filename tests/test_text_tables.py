"""Score tables written inside a plain-text announcement ("|"- or tab-separated rows) are read as tables."""

from __future__ import annotations

from functools import cache

from flows.extract.text_tables import extract_text_with_tables
from flows.gazetteer import Gazetteer
from flows.textnorm import normalize_text

PROSE = ("Kết quả Chỉ số cải cách hành chính năm 2021 của các quận, huyện thành phố Hải Phòng\n\n"
         "Trang chủ | Tin tức | Sự kiện\n\n"
         "Năm 2021, quận Lê Chân dẫn đầu với 92,6 điểm.\n\n"
         "Bảng điểm các quận, huyện:\n")


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def facts(raw: str) -> dict[str, dict]:
    result = extract_text_with_tables(raw, "raw/2021/hai-phong/bai.txt", gazetteer(), 2021, "Hải Phòng")
    text = normalize_text(raw)
    for f in result["facts"]:  # every fact cites its line of the text, where it is
        assert text[f["span"][0]:f["span"][1]].startswith(f["evidence"][:20])
    return {f["unit"]: f for f in result["facts"]}


def test_a_pipe_table_with_rules_after_the_prose():
    raw = PROSE + ("| STT | Đơn vị | Tổng điểm | Xếp hạng |\n|---|---|---|---|\n| 1 | Quận Lê Chân | 92,6 | 1 |\n"
                   "| 2 | Huyện An Lão | 90,15 | 2 |\n\nNguồn: Sở Nội vụ.")
    got = {unit: (f["index"], f["year"], f["score"], f["rank"]) for unit, f in facts(raw).items()}
    assert got == {"Quận Lê Chân": ("PAR", 2021, 92.6, 1), "Huyện An Lão": ("PAR", 2021, 90.15, 2)}


def test_a_tab_separated_table_and_the_menu_line_is_not_a_table():
    raw = PROSE + "STT\tĐơn vị\tĐiểm\tXếp hạng\n1\tQuận Lê Chân\t92,6\t1\n2\tQuận Hải An\t91,3\t2\n"
    got = {unit: (f["score"], f["rank"]) for unit, f in facts(raw).items()}
    assert got == {"Quận Lê Chân": (92.6, 1), "Quận Hải An": (91.3, 2)}


def test_without_a_table_the_text_is_read_as_before():
    raw = PROSE.replace("Bảng điểm các quận, huyện:\n", "")
    assert {unit: f["score"] for unit, f in facts(raw).items()} == {"Quận Lê Chân": 92.6}


def test_columns_aligned_with_spaces_as_a_pdf_saved_as_text_has_them():
    raw = PROSE + ("STT  Đơn vị  Tổng điểm  Xếp hạng\n1  Quận Lê Chân  92,6  1\n2  Huyện An Lão  90,15  2\n"
                   "3  Huyện Vĩnh Bảo  88,4  3\n")
    got = {unit: (f["score"], f["rank"]) for unit, f in facts(raw).items()}
    assert got == {"Quận Lê Chân": (92.6, 1), "Huyện An Lão": (90.15, 2), "Huyện Vĩnh Bảo": (88.4, 3)}


def test_a_table_written_with_single_spaces_under_its_header():
    raw = PROSE + "STT Đơn vị Tổng điểm Xếp hạng\n1 Quận Lê Chân 92,6 1\n2 Huyện An Lão 90,15 2\n\nHết."
    got = {unit: (f["score"], f["rank"]) for unit, f in facts(raw).items()}
    assert got == {"Quận Lê Chân": (92.6, 1), "Huyện An Lão": (90.15, 2)}


def test_a_hard_wrapped_page_with_html_entities_left_in_it():
    raw = ("Kết quả Chỉ số cải cách hành chính năm 2021 của các quận, huyện thành phố Hải Phòng\n\n"
           "Năm 2021, đứng đầu khối sở là Sở Tư pháp với 93,02 điểm; xếp thứ hai là Sở Lao động &ndash; Thương\n"
           "binh và Xã hội với 91,10 điểm.&nbsp;Khối quận, huyện: quận Lê Chân, quận Hải An và huyện An\n"
           "Lão lần lượt đạt 90,5; 89,7 và 88,1 điểm, xếp thứ 1, 2 và 3.\n")
    result = extract_text_with_tables(raw, "raw/2021/hai-phong/bai.txt", gazetteer(), 2021, "Hải Phòng")
    assert {f["unit"]: (f["score"], f["rank"]) for f in result["facts"]} == {
        "Sở Tư pháp": (93.02, 1), "Sở Lao động - Thương binh và Xã hội": (91.1, 2),
        "Quận Lê Chân": (90.5, 1), "Quận Hải An": (89.7, 2), "Huyện An Lão": (88.1, 3)}
    for f in result["facts"]:  # the contract's text, unwrapped and unescaped, is what the evidence cites
        assert result["text"][f["span"][0]:f["span"][1]] == f["evidence"]


def test_a_table_pasted_one_cell_per_line():
    raw = PROSE + "STT\nĐơn vị\nTổng điểm\nXếp hạng\n1\nQuận Lê Chân\n92,6\n1\n2\nHuyện An Lão\n90,15\n2\n\nHết."
    got = {unit: (f["score"], f["rank"]) for unit, f in facts(raw).items()}
    assert got == {"Quận Lê Chân": (92.6, 1), "Huyện An Lão": (90.15, 2)}


def test_long_runs_of_spaces_are_read_in_linear_time():
    # a list gap once matched runs of spaces with a nested quantifier: 24 spaces took over a second, 40 forever
    raw = PROSE + ("STT" + " " * 40 + "Đơn vị" + " " * 40 + "Tổng điểm" + " " * 40 + "Xếp hạng\n"
                   "1" + " " * 42 + "Quận Lê Chân" + " " * 40 + "92,6" + " " * 45 + "1\n"
                   "2" + " " * 42 + "Huyện An Lão" + " " * 40 + "90,15" + " " * 44 + "2\n")
    assert {unit: (f["score"], f["rank"]) for unit, f in facts(raw).items()} == {
        "Quận Lê Chân": (92.6, 1), "Huyện An Lão": (90.15, 2)}


def test_columns_aligned_with_spaces_under_a_header_grouped_over_two_columns():
    raw = ("Kết quả Chỉ số CCHC và Chỉ số hài lòng năm 2021 của các quận\n\n"
           "  STT   Đơn vị              Chỉ số CCHC          Chỉ số hài lòng\n"
           "                          Điểm     Xếp hạng    Tỷ lệ (%)  Xếp hạng\n"
           "   1    Quận Lê Chân        92,60        1         91,45        2\n"
           "   2    Quận Hải An         91,35        2         92,08        1\n")
    result = extract_text_with_tables(raw, "raw/2021/hai-phong/bai.txt", gazetteer(), 2021, "Hải Phòng")
    got = sorted((f["unit"], f["index"], f["score"], f["rank"]) for f in result["facts"])
    assert got == [("Quận Hải An", "PAR", 91.35, 2), ("Quận Hải An", "SIPAS", 92.08, 1),
                   ("Quận Lê Chân", "PAR", 92.6, 1), ("Quận Lê Chân", "SIPAS", 91.45, 2)]


def test_a_single_spaced_table_with_several_figure_columns_and_a_wrapped_name():
    raw = ("Kết quả Chỉ số CCHC năm 2021 của các sở\n\n"
           "STT Tên cơ quan, đơn vị Điểm thẩm định Điểm điều tra XHH Tổng điểm Xếp hạng\n"
           "1 Sở Tư pháp 66,10 25,05 91,15 1\n"
           "2 Sở Lao động - Thương binh và\nXã hội 65,80 24,92 90,72 2\n")
    result = extract_text_with_tables(raw, "raw/2021/hai-phong/bai.txt", gazetteer(), 2021, "Hải Phòng")
    got = sorted((f["unit"], f["index"], f["criterion"], f["score"], f["rank"]) for f in result["facts"])
    assert got == [("Sở Lao động - Thương binh và Xã hội", "PAR", "APPRAISED", 65.8, None),
                   ("Sở Lao động - Thương binh và Xã hội", "PAR", "TOTAL", 90.72, 2),
                   ("Sở Lao động - Thương binh và Xã hội", "SURVEY", "TOTAL", 24.92, None),
                   ("Sở Tư pháp", "PAR", "APPRAISED", 66.1, None), ("Sở Tư pháp", "PAR", "TOTAL", 91.15, 1),
                   ("Sở Tư pháp", "SURVEY", "TOTAL", 25.05, None)]


def test_a_single_spaced_header_broken_one_word_a_line():
    raw = ("Kết quả Chỉ số CCHC năm 2021 của các sở\n\nSTT Tên cơ quan\nTổng\nđiểm\nXếp\nhạng\n"
           "1 Sở Tư pháp 91,15 1\n2 Sở Y tế 90,72 2\n")
    assert {u: (f["score"], f["rank"]) for u, f in facts(raw).items()} == {"Sở Tư pháp": (91.15, 1),
                                                                           "Sở Y tế": (90.72, 2)}


def test_a_table_one_cell_a_line_over_two_pages():
    raw = ("Kết quả Chỉ số CCHC năm 2021 của các quận\n\nSTT\nĐơn vị\nTổng điểm\nXếp hạng\n1\nQuận Lê Chân\n92,6\n1\n"
           "Trang 1/2\nSTT\nĐơn vị\nTổng điểm\nXếp hạng\n2\nQuận Hải An\n91,35\n2\n")
    assert {u: (f["score"], f["rank"]) for u, f in facts(raw).items()} == {"Quận Lê Chân": (92.6, 1),
                                                                           "Quận Hải An": (91.35, 2)}


def test_blank_ruled_and_wrapped_lines_inside_an_aligned_table():
    raw = ("Kết quả Chỉ số CCHC năm 2021 của các sở\n\n"
           "TT   Tên cơ quan, đơn vị                       Tổng điểm  Xếp hạng\n\n"
           "1    Sở Tư pháp                                92,33      1\n"
           "-------------------------------------------------------------\n"
           "2    Sở Lao động - Thương binh và              89,00      2\n"
           "     Xã hội\n\n"
           "3    Sở Y tế                                   85,95      3\n")
    assert {u: (f["score"], f["rank"]) for u, f in facts(raw).items()} == {
        "Sở Tư pháp": (92.33, 1), "Sở Lao động - Thương binh và Xã hội": (89.0, 2), "Sở Y tế": (85.95, 3)}


def test_section_rows_with_a_roman_numeral_inside_an_aligned_table():
    raw = ("Kết quả Chỉ số CCHC năm 2021\n\n"
           " TT   Tên cơ quan, đơn vị                  Tổng điểm   Xếp hạng\n"
           " I    CÁC SỞ, BAN, NGÀNH THÀNH PHỐ\n"
           " 1    Sở Tư pháp                           91,40       1\n"
           " 2    Sở Y tế                              88,75       2\n"
           " II   UBND CÁC QUẬN, HUYỆN\n"
           " 1    Quận Lê Chân                         92,05       1\n"
           " 2    Huyện Kiến Thụy                      86,30       2\n")
    assert {u: (f["score"], f["rank"], f["bloc"]) for u, f in facts(raw).items()} == {
        "Sở Tư pháp": (91.4, 1, "department"), "Sở Y tế": (88.75, 2, "department"),
        "Quận Lê Chân": (92.05, 1, "district"), "Huyện Kiến Thụy": (86.3, 2, "district")}


def test_a_section_row_with_one_bar_inside_a_pipe_table_and_a_heading_after_the_table_stays_prose():
    raw = ("Kết quả Chỉ số CCHC năm 2021\n\nSTT | Đơn vị | Điểm | Xếp hạng\nA | Khối quận, huyện\n"
           "1 | Huyện An Lão | 89,10 | 1\n2 | Quận Đồ Sơn | 87,45 | 2\nB | Khối sở, ban, ngành\n"
           "1 | Sở Nội vụ | 90,20 | 1\nC  Chỉ số hài lòng\nQuận Hải An đứng đầu với 86,4%.\n")
    got = {u: (f["index"], f["score"], f["rank"]) for u, f in facts(raw).items()}
    assert got == {"Huyện An Lão": ("PAR", 89.1, 1), "Quận Đồ Sơn": ("PAR", 87.45, 2), "Sở Nội vụ": ("PAR", 90.2, 1),
                   "Quận Hải An": ("SIPAS", 86.4, 1)}


def test_field_labels_wrapped_over_three_header_lines():
    raw = ("Bảng điểm Chỉ số CCHC năm 2021 của các sở\n\n"
           " TT  Tên đơn vị             Công tác    Hiện đại    Tổng      Xếp\n"
           "                            chỉ đạo,    hóa hành    điểm      hạng\n"
           "                            điều hành   chính\n"
           " 1   Sở Tư pháp             7,41        8,53        93,64     1\n"
           " 2   Sở Y tế                7,02        8,10        91,20     2\n")
    result = extract_text_with_tables(raw, "raw/2021/hai-phong/bang.txt", gazetteer(), 2021, "Hải Phòng")
    got = {(f["unit"], f["criterion"]): f["score"] for f in result["facts"]}
    assert got == {("Sở Tư pháp", "L1"): 7.41, ("Sở Tư pháp", "L7"): 8.53, ("Sở Tư pháp", "TOTAL"): 93.64,
                   ("Sở Y tế", "L1"): 7.02, ("Sở Y tế", "L7"): 8.1, ("Sở Y tế", "TOTAL"): 91.2}
    assert not any("not read" in w for w in result["warnings"]), result["warnings"]


def _blocs(raw: str) -> dict[str, tuple]:
    result = extract_text_with_tables(raw, "raw/2025/lao-cai/bang.txt", gazetteer(), 2025, "Lào Cai")
    return {f["unit"]: (f["rank"], f["bloc"]) for f in result["facts"] if f["criterion"] == "TOTAL"}


def test_wards_and_communes_ranked_in_one_sequence_are_one_bloc():
    raw = ("Kết quả Chỉ số CCHC năm 2025 của các xã, phường\n\nSTT | Đơn vị | Điểm | Xếp hạng\n"
           "1 | Phường Lào Cai | 94,36 | 1\n2 | Xã Bảo Thắng | 92,40 | 2\n3 | Phường Sa Pa | 92,10 | 3\n")
    assert _blocs(raw) == {"Phường Lào Cai": (1, "commune_level"), "Xã Bảo Thắng": (2, "commune_level"),
                           "Phường Sa Pa": (3, "commune_level")}


def test_wards_and_communes_each_ranked_from_one_stay_apart():
    raw = ("Kết quả Chỉ số CCHC năm 2025 của các xã, phường\n\nSTT | Đơn vị | Điểm | Xếp hạng\n"
           "1 | Phường Lào Cai | 94,36 | 1\n2 | Phường Sa Pa | 92,10 | 2\n3 | Xã Bảo Thắng | 92,40 | 1\n")
    assert _blocs(raw) == {"Phường Lào Cai": (1, "ward"), "Phường Sa Pa": (2, "ward"), "Xã Bảo Thắng": (1, "commune")}


def test_a_section_row_numbered_with_a_dot_and_one_space():
    raw = ("Kết quả Chỉ số CCHC năm 2021\n\n"
           "  Thứ hạng   Tên đơn vị                       Tổng điểm\n"
           "  I. KHỐI SỞ, BAN, NGÀNH\n"
           "  1          Sở Tư pháp                       91,26\n"
           "  2          Sở Y tế                          86,90\n"
           "  II. KHỐI UBND CÁC QUẬN, HUYỆN\n"
           "  1          Quận Lê Chân                     90,14\n"
           "  2          Huyện An Lão                     89,22\n")
    result = extract_text_with_tables(raw, "raw/2021/hai-phong/bang.txt", gazetteer(), 2021, "Hải Phòng")
    assert {f["unit"]: f["rank"] for f in result["facts"]} == {"Sở Tư pháp": 1, "Sở Y tế": 2, "Quận Lê Chân": 1,
                                                              "Huyện An Lão": 2}
    assert result["rejects"] == []


def test_wrapped_labels_of_the_self_assessed_and_the_appraised_score():
    raw = ("Kết quả Chỉ số CCHC năm 2021 các sở\n\n"
           "  TT     Tên cơ quan, đơn vị          Điểm tự        Điểm thẩm      Xếp\n"
           "                                      đánh giá       định           hạng\n\n"
           "  1      Sở Tư pháp                   90,60          88,45          1\n"
           "  2      Sở Y tế                      88,45          86,30          2\n")
    result = extract_text_with_tables(raw, "raw/2021/hai-phong/bang.txt", gazetteer(), 2021, "Hải Phòng")
    got = {(f["unit"], f["criterion"]): (f["score"], f["rank"]) for f in result["facts"]}
    assert got == {("Sở Tư pháp", "TOTAL"): (88.45, 1), ("Sở Tư pháp", "SELF_ASSESSED"): (90.6, None),
                   ("Sở Y tế", "TOTAL"): (86.3, 2), ("Sở Y tế", "SELF_ASSESSED"): (88.45, None)}


def test_a_wrapped_name_in_a_table_with_an_empty_note_column():
    raw = ("Kết quả Chỉ số CCHC năm 2021 của các sở\n\n"
           "  Thứ hạng   Tên đơn vị                       Tổng điểm   Ghi chú\n\n"
           "  1          Sở Tư pháp                       91,26       Tăng 2 bậc\n"
           "  2          Sở Lao động - Thương binh        88,05\n"
           "             và Xã hội\n"
           "  3          Sở Y tế                          86,90\n")
    result = extract_text_with_tables(raw, "raw/2021/hai-phong/bang.txt", gazetteer(), 2021, "Hải Phòng")
    assert {(f["unit"], f["year"]): f["rank"] for f in result["facts"]} == {
        ("Sở Tư pháp", 2021): 1, ("Sở Lao động - Thương binh và Xã hội", 2021): 2, ("Sở Y tế", 2021): 3,
        ("Sở Tư pháp", 2020): 3}  # "Tăng 2 bậc" in the note: third the year before
    assert result["rejects"] == []


def test_a_department_named_with_the_place_it_works_in():
    raw = ("Kết quả Chỉ số cải cách hành chính năm 2021 của các sở, ban, ngành\n\n"
           "| STT | Tên đơn vị | Tổng điểm | Xếp hạng |\n|---|---|---|---|\n| 1 | Sở Y tế | 88,47 | 1 |\n"
           "| 2 | Ban Quản lý Khu kinh tế Đình Vũ - Cát Hải | 87,90 | 2 |\n| 3 | Xã Tân Tiến Mới | 87,33 | 3 |\n")
    got = {unit: (f["score"], f["rank"]) for unit, f in facts(raw).items()}
    assert got == {"Sở Y tế": (88.47, 1), "Ban Quản lý Khu kinh tế": (87.9, 2)}
