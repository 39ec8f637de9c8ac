"""Appendix styles the table extractor meets in provincial decisions: decision lines above the title,
titles naming two indices, previous-year columns, SIPAS components, unit columns named by their bloc.

Every table here is written for the test (units from warehouse/seeds/dim_unit.csv, figures invented).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from table_fixtures import write_pdf, write_xlsx
from test_tables import gazetteer

from flows.extract import extract_path
from flows.extract.tables import extract_csv

HEADER = "STT;Tên đơn vị;Tổng điểm;Xếp hạng"


def extract_qn(text: str, year: int | None = 2020, name: str = "bang.csv") -> dict:
    """A Quảng Ninh CSV appendix filed under raw/<year>/quang-ninh/."""
    return extract_csv(text, f"raw/{year or 'x'}/quang-ninh/{name}", gazetteer(), year, "Quảng Ninh")


# 1. The year of the results, not of the decision that publishes them.
@pytest.mark.parametrize("decision", [
    "(Kèm theo Quyết định số 512/QĐ-UBND ngày 20 tháng 4 năm 2021 của UBND tỉnh)",
    "Ban hành kèm theo Quyết định số 05/2021/QĐ-UBND năm 2021 của Chủ tịch UBND tỉnh Quảng Ninh",
    "Quảng Ninh, ngày 9 tháng 3 năm 2021",
])
def test_the_decision_line_above_the_title_does_not_date_the_table(decision: str) -> None:
    text = f"{decision}\nBẢNG TỔNG HỢP CHỈ SỐ CCHC NĂM 2020 CÁC SỞ, BAN, NGÀNH\n{HEADER}\n1;Sở Xây dựng;90,41;1\n"
    result = extract_qn(text)
    assert [(f["unit"], f["year"]) for f in result["facts"]] == [("Sở Xây dựng", 2020)]
    assert result["warnings"] == []


# 2. A title naming two indices: the headline column decides; SURVEY only from a survey column.
@pytest.mark.parametrize(("title", "header", "index"), [
    ("Kết quả Chỉ số CCHC và Chỉ số hài lòng năm 2020", HEADER, "PAR"),
    ("Kết quả Chỉ số CCHC và Chỉ số hài lòng năm 2020", "STT;Tên đơn vị;Kết quả (%);Xếp hạng", "SIPAS"),
    ("Chỉ số CCHC năm 2020 (gồm điểm thẩm định và điểm điều tra xã hội học)", HEADER, "PAR"),
])
def test_a_title_naming_several_indices_lets_the_headline_column_decide(title: str, header: str, index: str) -> None:
    result = extract_qn(f"{title}\n{header}\n1;Thị xã Quảng Yên;88,37;1\n2;Huyện Tiên Yên;85,02;2\n")
    assert {(f["index"], f["criterion"]) for f in result["facts"]} == {(index, "TOTAL")}


def test_a_survey_column_still_gives_survey_facts_under_such_a_title() -> None:
    text = ("Chỉ số CCHC năm 2020 (gồm điểm thẩm định và điểm điều tra xã hội học)\n"
            "STT;Tên đơn vị;Điểm thẩm định;Điểm điều tra XHH;Tổng điểm;Xếp hạng\n1;Sở Y tế;60,10;27,30;87,40;1\n")
    facts = {(f["index"], f["criterion"]): f["score"] for f in extract_qn(text)["facts"]}
    assert facts == {("PAR", "TOTAL"): 87.4, ("PAR", "APPRAISED"): 60.1, ("SURVEY", "TOTAL"): 27.3}


# 3. Previous-year comparison columns.
def test_rank_of_the_previous_year_is_that_years_fact_and_the_change_is_not_read() -> None:
    text = ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2021 VÀ SO SÁNH VỚI NĂM 2020\n"
            "STT;Đơn vị;Tổng điểm năm 2021;Xếp hạng năm 2021;Xếp hạng năm 2020;Tăng, giảm bậc\n"
            "1;Sở Giáo dục và Đào tạo;91,20;1;4;+3\n2;Sở Công Thương;89,75;2;1;-1\n")
    result = extract_qn(text, year=2021)
    assert [(f["unit"], f["year"], f["score"], f["rank"]) for f in result["facts"]] == [
        ("Sở Giáo dục và Đào tạo", 2021, 91.2, 1), ("Sở Công Thương", 2021, 89.75, 2),
        ("Sở Giáo dục và Đào tạo", 2020, None, 4), ("Sở Công Thương", 2020, None, 1)]
    assert not [w for w in result["warnings"] if "not read" in w]


def test_two_years_under_merged_score_and_rank_headers(tmp_path: Path) -> None:
    rows = [["KẾT QUẢ CHỈ SỐ CCHC NĂM 2021 CÁC SỞ, BAN, NGÀNH", None, None, None, None, None],
            ["STT", "Tên đơn vị", "Tổng điểm", None, "Xếp hạng", None],
            [None, None, "Năm 2021", "Năm 2020", "Năm 2021", "Năm 2020"],
            [1, "Sở Tài chính", 90.55, 88.1, 1, 3], [2, "Sở Ngoại vụ", 89.3, 89.5, 2, 1]]
    merges = [(0, 0, 0, 5), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3), (1, 4, 1, 5)]
    folder = tmp_path / "raw" / "2021" / "quang-ninh"
    folder.mkdir(parents=True)
    result = extract_path(write_xlsx(folder / "hai-nam.xlsx", {"Tổng hợp": rows}, {"Tổng hợp": merges}), gazetteer())
    assert [(f["unit"], f["year"], f["score"], f["rank"]) for f in result["facts"]] == [
        ("Sở Tài chính", 2021, 90.55, 1), ("Sở Ngoại vụ", 2021, 89.3, 2),
        ("Sở Tài chính", 2020, 88.1, 3), ("Sở Ngoại vụ", 2020, 89.5, 1)]
    assert not [w for w in result["warnings"] if "not read" in w]


# 6. SIPAS components are not the headline and not PAR fields.
def test_sipas_headline_is_the_satisfaction_column_and_components_are_left_out() -> None:
    text = ("Chỉ số hài lòng của người dân, tổ chức (SIPAS) năm 2021\n"
            "STT;Tên cơ quan, đơn vị;Kết quả giải quyết công việc;Thủ tục hành chính;Chỉ số hài lòng (%);Xếp hạng\n"
            "1;Sở Tư pháp;92,20;91,50;91,76;1\n2;Thị xã Quảng Yên;87,00;86,40;86,80;2\n")
    result = extract_qn(text, year=2021)
    assert [(f["unit"], f["index"], f["criterion"], f["score"]) for f in result["facts"]] == [
        ("Sở Tư pháp", "SIPAS", "TOTAL", 91.76), ("Thị xã Quảng Yên", "SIPAS", "TOTAL", 86.8)]
    left_out = [w for w in result["warnings"] if "SIPAS" in w and "not read" in w]
    assert len(left_out) == 2 and any("'Thủ tục hành chính'" in w for w in left_out)


# 8. A unit column headed by the kinds of unit it lists.
@pytest.mark.parametrize(("label", "first", "second"), [
    ("Sở, ban, ngành", "Sở Nội vụ", "Thanh tra tỉnh"),
    ("Tên sở, ban, ngành", "Sở Y tế", "Văn phòng UBND tỉnh"),
    ("Huyện, thị xã, thành phố", "Thị xã Quảng Yên", "Huyện Cô Tô"),
    ("Quận, huyện", "Thành phố Cẩm Phả", "Huyện Bình Liêu"),
    ("Tên cơ quan, đơn vị", "Cục Thuế tỉnh", "Sở Du lịch"),
    ("Địa phương", "Thành phố Móng Cái", "Huyện Đầm Hà"),
])
def test_unit_column_named_by_the_kinds_it_lists(label: str, first: str, second: str) -> None:
    text = f"Chỉ số CCHC năm 2019\nSTT;{label};Tổng điểm;Xếp hạng\n1;{first};90,12;1\n2;{second};87,45;2\n"
    result = extract_qn(text, year=2019)
    assert [(f["unit"], f["rank"]) for f in result["facts"]] == [(first, 1), (second, 2)]


def test_a_section_row_listing_kinds_under_the_header_is_not_a_new_header() -> None:
    text = (f"Chỉ số CCHC năm 2019\n{HEADER}\nI;Sở, ban, ngành;;\n1;Sở Nội vụ;90,12;1\n"
            "II;Huyện, thị xã, thành phố;;\n1;Huyện Cô Tô;87,45;1\n")
    assert [f["unit"] for f in extract_qn(text, year=2019)["facts"]] == ["Sở Nội vụ", "Huyện Cô Tô"]


# 7. Excel shows 0.9412 formatted "0.00%" as 94,12 %: the satisfaction index is 94.12.
def test_percent_formatted_excel_cells_are_read_as_percent(tmp_path: Path) -> None:
    rows = [["CHỈ SỐ HÀI LÒNG (SIPAS) NĂM 2023", None, None, None, None],
            ["STT", "Tên cơ quan, đơn vị", "Số phiếu", "Chỉ số hài lòng (%)", "Xếp hạng"],
            [1, "Sở Tư pháp", 250, 0.9412, 1], [2, "Sở Xây dựng", 240, 0.9023, 2], [3, "Sở Nội vụ", 230, 89.5, 3]]
    formats = {(2, 3): "0.00%", (3, 3): '0.0"%"', (4, 3): "0.00"}  # a quoted '%' is text: no scaling
    rows[3][3] = 90.2
    folder = tmp_path / "raw" / "2023" / "quang-ninh"
    folder.mkdir(parents=True)
    path = write_xlsx(folder / "sipas.xlsx", {"Khối sở": rows}, {"Khối sở": [(0, 0, 0, 4)]}, {"Khối sở": formats})
    result = extract_path(path, gazetteer())
    assert [(f["unit"], f["index"], f["score"]) for f in result["facts"]] == [
        ("Sở Tư pháp", "SIPAS", 94.12), ("Sở Xây dựng", "SIPAS", 90.2), ("Sở Nội vụ", "SIPAS", 89.5)]


# 10. Summary rows under the table are not units.
def test_average_highest_and_lowest_rows_are_skipped() -> None:
    text = (f"Chỉ số CCHC năm 2024 các sở\n{HEADER}\n1;Sở Nội vụ;92,00;1\n2;Sở Y tế;88,00;2\n"
            ";Điểm bình quân;90,00;\n;Bình quân;90,00;\n;Cao nhất;92,00;\n;Thấp nhất;88,00;\n;TB;90,00;\n"
            ";Trung bình chung;90,00;\n;Tổng số đơn vị: 2;;\n")
    result = extract_qn(text, year=2024)
    assert [f["unit"] for f in result["facts"]] == ["Sở Nội vụ", "Sở Y tế"]
    assert result["rejects"] == []


# 4. A second table stacked under the first, with its own title and header.
def test_a_stacked_table_has_its_own_index_and_columns() -> None:
    text = ("Bảng 1. Chỉ số CCHC năm 2021 khối sở, ban, ngành\n"
            f"{HEADER}\n1;Sở Nội vụ;92,00;1\n2;Sở Y tế;88,00;2\n\n"
            "Bảng 2. Chỉ số hài lòng (SIPAS) năm 2021 khối sở, ban, ngành\n"
            "STT;Tên đơn vị;Số phiếu;Chỉ số hài lòng (%);Xếp hạng\n1;Sở Y tế;310;95,10;1\n2;Sở Nội vụ;290;93,40;2\n")
    result = extract_qn(text, year=2021)
    assert [(f["unit"], f["index"], f["score"], f["rank"], f["tied"]) for f in result["facts"]] == [
        ("Sở Nội vụ", "PAR", 92.0, 1, False), ("Sở Y tế", "PAR", 88.0, 2, False),
        ("Sở Y tế", "SIPAS", 95.1, 1, False), ("Sở Nội vụ", "SIPAS", 93.4, 2, False)]
    assert result["rejects"] == []


def test_a_stacked_table_titled_by_its_bloc_keeps_the_first_titles_index_and_year() -> None:
    text = ("CHỈ SỐ HÀI LÒNG (SIPAS) NĂM 2022\nKHỐI SỞ, BAN, NGÀNH\nTên đơn vị;Chỉ số (%);Xếp hạng\n"
            "Sở Tư pháp;93,10;1\nSở Xây dựng;91,00;2\nKHỐI HUYỆN\nTên đơn vị;Chỉ số (%);Xếp hạng\n"
            "Huyện Hải Hà;92,50;1\nHuyện Ba Chẽ;90,20;2\n")
    result = extract_qn(text, year=2022)
    assert [(f["unit"], f["index"], f["year"], f["bloc"], f["rank"], f["tied"]) for f in result["facts"]] == [
        ("Sở Tư pháp", "SIPAS", 2022, "department", 1, False),
        ("Sở Xây dựng", "SIPAS", 2022, "department", 2, False),
        ("Huyện Hải Hà", "SIPAS", 2022, "district", 1, False),
        ("Huyện Ba Chẽ", "SIPAS", 2022, "district", 2, False)]


def test_a_header_repeated_without_a_title_continues_the_table() -> None:
    text = (f"Chỉ số CCHC năm 2021\n{HEADER}\n1;Sở Nội vụ;92,00;1\n{HEADER}\n2;Sở Y tế;88,00;2\n")
    assert [(f["unit"], f["rank"]) for f in extract_qn(text, year=2021)["facts"]] == [("Sở Nội vụ", 1), ("Sở Y tế", 2)]


# 5. A page number above the table on the next page is not a title.
@pytest.mark.parametrize("page_number", ["2", "- 2 -", "Trang 2"])
def test_a_page_number_does_not_start_a_table_or_drop_the_bloc(tmp_path: Path, page_number: str) -> None:
    header = ["STT", "Tên đơn vị", "Tổng điểm", "Xếp hạng"]
    folder = tmp_path / "raw" / "2020" / "da-nang"
    folder.mkdir(parents=True)
    pages = [(["KẾT QUẢ CHỈ SỐ CCHC NĂM 2020 KHỐI QUẬN"],
              [header, ["1", "Quận Hải Châu", "91,40", "1"], ["2", "Quận Thanh Khê", "90,00", "2"]]),
             ([page_number], [header, ["3", "Quận Liên Chiểu", "87,00", "3"], ["4", "Quận Cẩm Lệ", "85,70", "4"]])]
    result = extract_path(write_pdf(folder / "phu-luc.pdf", pages, widths=[15, 70, 30, 25]), gazetteer())
    assert [(f["unit"], f["bloc"], f["rank"]) for f in result["facts"]] == [
        ("Quận Hải Châu", "urban_district", 1), ("Quận Thanh Khê", "urban_district", 2),
        ("Quận Liên Chiểu", "urban_district", 3), ("Quận Cẩm Lệ", "urban_district", 4)]


def test_a_page_number_row_before_a_repeated_header_is_not_a_title() -> None:
    text = (f"KẾT QUẢ CHỈ SỐ CCHC NĂM 2020 KHỐI QUẬN\n{HEADER}\n1;Quận Hải Châu;91,40;1\n"
            f"- 2 -\n{HEADER}\n2;Quận Sơn Trà;89,30;2\n")
    result = extract_csv(text, "raw/2020/da-nang/bang.csv", gazetteer(), 2020, "Đà Nẵng")
    assert [(f["unit"], f["bloc"], f["rank"]) for f in result["facts"]] == [
        ("Quận Hải Châu", "urban_district", 1), ("Quận Sơn Trà", "urban_district", 2)]


# 9. Valid cells that were rejected.
def test_rank_written_dong_hang_before_the_number_is_a_tied_rank() -> None:
    text = ("Chỉ số CCHC năm 2024 các sở\nSTT;Tên đơn vị;Tổng điểm;Thứ hạng\n1;Sở Nội vụ;92,00;1\n"
            "2;Sở Y tế;90,00;Đồng hạng 2\n3;Sở Tư pháp;90,00;đồng hạng 2\n4;Sở Tài chính;85,00;4\n")
    result = extract_qn(text, year=2024)
    assert [(f["unit"], f["rank"], f["tied"]) for f in result["facts"]] == [
        ("Sở Nội vụ", 1, False), ("Sở Y tế", 2, True), ("Sở Tư pháp", 2, True), ("Sở Tài chính", 4, False)]
    assert result["rejects"] == []


def test_a_penalty_written_negative_is_a_penalty_component() -> None:
    text = "Chỉ số CCHC năm 2023\nĐơn vị;Điểm thẩm định;Điểm trừ;Tổng điểm;Xếp hạng\nSở Xây dựng;85,00;-1,50;83,50;1\n"
    result = extract_qn(text, year=2023)
    assert {f["criterion"]: f["score"] for f in result["facts"]} == {"TOTAL": 83.5, "APPRAISED": 85.0, "PENALTY": 1.5}
    assert result["rejects"] == []


def test_a_negative_score_elsewhere_is_rejected_without_the_decimal_advice() -> None:
    text = "Chỉ số CCHC năm 2023\nĐơn vị;Điểm thưởng;Tổng điểm;Xếp hạng\nSở Xây dựng;-0,50;83,50;1\n"
    [reject] = extract_qn(text, year=2023)["rejects"]
    assert reject["check"] == "score_format" and "never negative" in reject["message"]
    assert "91,93" not in reject["message"]


# 11. A header with nothing under it says so.
@pytest.mark.parametrize("below", ["", ";;;\n", ";Điểm bình quân;;\n"])
def test_a_header_without_data_rows_is_warned_about(below: str) -> None:
    result = extract_qn(f"Chỉ số CCHC năm 2020\n{HEADER}\n{below}")
    assert result["facts"] == [] and result["rejects"] == []
    assert [w for w in result["warnings"] if "no unit rows" in w and "line 2" in w]
