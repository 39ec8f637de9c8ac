"""More appendix styles: decorated unit cells, ranks in words, field maxima in the header, sub-criteria,
PAR and SIPAS side by side, 2025 names without their kind word, extra score columns, noise rows.

Every table here is written for the test (units from warehouse/seeds/dim_unit.csv, figures invented).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from table_fixtures import write_xlsx
from test_tables import gazetteer

from flows.extract import extract_path
from flows.extract.html import extract_html
from flows.extract.tables import extract_csv

HEADER = "STT;Tên đơn vị;Tổng điểm;Xếp hạng"


def extract_th(text: str, year: int = 2020, name: str = "bang.csv") -> dict:
    """A Thanh Hóa CSV appendix filed under raw/<year>/thanh-hoa/."""
    return extract_csv(text, f"raw/{year}/thanh-hoa/{name}", gazetteer(), year, "Thanh Hóa")


def xlsx_result(tmp_path: Path, rows: list[list[object]], merges: list[tuple[int, int, int, int]],
                year: int = 2020, province: str = "thanh-hoa", sheet: str = "Bảng") -> dict:
    folder = tmp_path / "raw" / str(year) / province
    folder.mkdir(parents=True)
    return extract_path(write_xlsx(folder / "phu-luc.xlsx", {sheet: rows}, {sheet: merges}), gazetteer())


def totals(result: dict) -> list[tuple]:
    return [(f["unit"], f["index"], f["score"], f["rank"]) for f in result["facts"] if f["criterion"] == "TOTAL"]


# 1. Decorated unit cells: the cell is cleaned for the gazetteer, the evidence stays the row as written.
@pytest.mark.parametrize(("cell", "unit"), [
    ("Sở Y tế (*)", "Sở Y tế"), ("Sở Tư pháp¹", "Sở Tư pháp"), ("Sở Y tế(**)", "Sở Y tế"),
    ("UBND huyện Yên Định, tỉnh Thanh Hóa", "Huyện Yên Định"),
    ("UBND thị xã Bỉm Sơn - tỉnh Thanh Hóa", "Thị xã Bỉm Sơn"),
])
def test_a_decorated_unit_cell_names_its_unit(cell: str, unit: str) -> None:
    result = extract_th(f"Chỉ số CCHC năm 2020\n{HEADER}\n1;{cell};90,10;1\n")
    assert [(f["unit"], f["score"], f["rank"]) for f in result["facts"]] == [(unit, 90.1, 1)]
    assert result["rejects"] == [] and cell in result["facts"][0]["evidence"]


def test_a_line_break_inside_an_excel_unit_cell(tmp_path: Path) -> None:
    rows = [["CHỈ SỐ CCHC NĂM 2020 CÁC SỞ, BAN, NGÀNH", None, None, None], HEADER.split(";"),
            [1, "Sở Lao động -\nThương binh và Xã hội", 91.2, 1], [2, "Sở Y tế (*)", 90.1, 2],
            [None, "(*) Đơn vị có điểm thưởng", None, None]]
    result = xlsx_result(tmp_path, rows, [(0, 0, 0, 3)])
    assert totals(result) == [("Sở Lao động - Thương binh và Xã hội", "PAR", 91.2, 1), ("Sở Y tế", "PAR", 90.1, 2)]
    assert result["rejects"] == []


def test_a_footnote_mark_in_html_superscript() -> None:
    page = ("<html><body><h1>Công bố Chỉ số CCHC năm 2020 của các sở, ban, ngành</h1><table>"
            "<tr><td>STT</td><td>Tên đơn vị</td><td>Tổng điểm</td><td>Xếp hạng</td></tr>"
            "<tr><td>1</td><td>Sở Tư pháp<sup>1</sup></td><td>91,20</td><td>1</td></tr>"
            "<tr><td>2</td><td>Sở Y tế<sup>(*)</sup></td><td>90,10</td><td>2</td></tr></table></body></html>")
    result = extract_html(page, "raw/2020/thanh-hoa/trang.html", gazetteer(), 2020, "Thanh Hóa")
    assert totals(result) == [("Sở Tư pháp", "PAR", 91.2, 1), ("Sở Y tế", "PAR", 90.1, 2)]
    assert result["rejects"] == []


# 2. Ranks written as words; an unreadable rank keeps the row's score.
def test_ranks_written_as_words_or_roman_numerals() -> None:
    text = ("Chỉ số CCHC năm 2020 các huyện, thị xã, thành phố\n" + HEADER + "\n"
            "1;Thành phố Thanh Hóa;90,10;Hạng 1\n2;Huyện Yên Định;88,20;Hạng nhì\n3;Thị xã Bỉm Sơn;87,30;III\n"
            "4;Huyện Vĩnh Lộc;86,40;IV\n")
    result = extract_th(text)
    assert [(f["unit"], f["rank"]) for f in result["facts"]] == [
        ("Thành phố Thanh Hóa", 1), ("Huyện Yên Định", 2), ("Thị xã Bỉm Sơn", 3), ("Huyện Vĩnh Lộc", 4)]
    assert result["rejects"] == []


def test_an_unreadable_rank_is_rejected_but_the_score_is_kept() -> None:
    result = extract_th(f"Chỉ số CCHC năm 2020 các sở\n{HEADER}\n1;Sở Y tế;90,10;Hạng ?\n2;Sở Tư pháp;88,20;2\n")
    assert [(f["unit"], f["score"], f["rank"]) for f in result["facts"]] == [
        ("Sở Y tế", 90.1, None), ("Sở Tư pháp", 88.2, 2)]
    assert [r["check"] for r in result["rejects"]] == ["rank_format"]


# 3. Field columns that print their maximum in the header.
@pytest.mark.parametrize("fields", [
    "Lĩnh vực 1 (7 điểm);Lĩnh vực 2 (6,5 điểm)", "LV1 (7đ);LV2 (6,5đ)", "Lĩnh vực 1 (tối đa 7 điểm);LV 2 (6,5 đ)"])
def test_field_columns_with_their_maximum_in_the_header(fields: str) -> None:
    text = f"Chỉ số CCHC năm 2020 các sở\nSTT;Tên đơn vị;{fields};Tổng điểm;Xếp hạng\n1;Sở Y tế;6,25;6,00;91,20;1\n"
    result = extract_th(text)
    assert [(f["criterion"], f["score"], f.get("max_points")) for f in result["facts"]] == [
        ("TOTAL", 91.2, None), ("L1", 6.25, 7.0), ("L2", 6.0, 6.5)]
    assert result["warnings"] == [] and result["rejects"] == []


def test_a_maximum_with_a_decimal_in_a_second_header_row_does_not_end_the_header() -> None:
    text = ("Chỉ số CCHC năm 2020 các sở\nSTT;Tên đơn vị;Điểm các lĩnh vực;;Tổng điểm;Xếp hạng\n"
            ";;LV1 (6,5đ);LV2 (8đ);;\n1;Sở Y tế;6,25;7,00;91,20;1\n")
    result = extract_th(text)
    assert [(f["criterion"], f["score"], f.get("max_points")) for f in result["facts"]] == [
        ("TOTAL", 91.2, None), ("L1", 6.25, 6.5), ("L2", 7.0, 8.0)]
    assert result["rejects"] == []


# 4. Sub-criteria columns under a field: not the field; the field's own "Cộng" column is.
def test_sub_criteria_under_a_field_with_its_subtotal(tmp_path: Path) -> None:
    rows = [["CHỈ SỐ CCHC NĂM 2020 CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"] + [None] * 9,
            ["STT", "Đơn vị", "Lĩnh vực 1", None, None, "Lĩnh vực 2", None, None, "Tổng điểm", "Xếp hạng"],
            [None, None, "1.1", "1.2", "Cộng", "2.1", "2.2", "Cộng", None, None],
            [1, "Huyện Yên Định", 3.5, 3.0, 6.5, 4.0, 3.5, 7.5, 92.5, 1],
            [2, "Thị xã Bỉm Sơn", 3.0, 3.0, 6.0, 3.5, 3.5, 7.0, 88.0, 2]]
    merges = [(0, 0, 0, 9), (1, 2, 1, 4), (1, 5, 1, 7), (1, 0, 2, 0), (1, 1, 2, 1), (1, 8, 2, 8), (1, 9, 2, 9)]
    result = xlsx_result(tmp_path, rows, merges)
    assert [(f["unit"], f["criterion"], f["score"]) for f in result["facts"]] == [
        ("Huyện Yên Định", "TOTAL", 92.5), ("Huyện Yên Định", "L1", 6.5), ("Huyện Yên Định", "L2", 7.5),
        ("Thị xã Bỉm Sơn", "TOTAL", 88.0), ("Thị xã Bỉm Sơn", "L1", 6.0), ("Thị xã Bỉm Sơn", "L2", 7.0)]
    assert sum("sub-criterion" in w and "not read" in w for w in result["warnings"]) == 4
    assert result["rejects"] == []


def test_sub_criteria_without_a_subtotal_are_not_stored_as_the_field() -> None:
    text = ("CHỈ SỐ CCHC NĂM 2020 CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ\nSTT;Đơn vị;Lĩnh vực 1;;Lĩnh vực 2;;Tổng điểm;Xếp hạng\n"
            ";;1.1;1.2;2.1;2.2;;\n1;Huyện Yên Định;3,5;3,0;4,0;3,5;92,50;1\n2;Thị xã Bỉm Sơn;3,0;3,0;3,5;3,5;88,00;2\n")
    result = extract_th(text)
    assert totals(result) == [("Huyện Yên Định", "PAR", 92.5, 1), ("Thị xã Bỉm Sơn", "PAR", 88.0, 2)]
    assert [f for f in result["facts"] if f["criterion"] != "TOTAL"] == []
    assert sum("sub-criterion" in w for w in result["warnings"]) == 4 and result["rejects"] == []


# 5. PAR and SIPAS of the same units in one table.
def test_two_rows_per_unit_labelled_by_their_index(tmp_path: Path) -> None:
    rows = [["KẾT QUẢ CHỈ SỐ CCHC VÀ CHỈ SỐ HÀI LÒNG NĂM 2020 CÁC SỞ, BAN, NGÀNH", None, None, None, None],
            ["STT", "Đơn vị", "Chỉ số", "Kết quả", "Xếp hạng"],
            [1, "Sở Tư pháp", "Chỉ số CCHC", 91.5, 1], [None, None, "Chỉ số SIPAS (%)", 88.2, 2],
            [2, "Sở Y tế", "Chỉ số CCHC", 89.0, 2], [None, None, "Chỉ số SIPAS (%)", 90.1, 1]]
    merges = [(0, 0, 0, 4), (2, 0, 3, 0), (2, 1, 3, 1), (4, 0, 5, 0), (4, 1, 5, 1)]
    result = xlsx_result(tmp_path, rows, merges)
    assert totals(result) == [("Sở Tư pháp", "PAR", 91.5, 1), ("Sở Tư pháp", "SIPAS", 88.2, 2),
                              ("Sở Y tế", "PAR", 89.0, 2), ("Sở Y tế", "SIPAS", 90.1, 1)]
    assert [f["tied"] for f in result["facts"]] == [False] * 4 and result["rejects"] == []


def test_two_column_groups_each_with_its_rank(tmp_path: Path) -> None:
    rows = [["KẾT QUẢ CHỈ SỐ CCHC VÀ CHỈ SỐ HÀI LÒNG NĂM 2020 CÁC SỞ, BAN, NGÀNH"] + [None] * 5,
            ["STT", "Đơn vị", "Chỉ số CCHC", None, "Chỉ số SIPAS", None],
            [None, None, "Điểm", "Xếp hạng", "Tỷ lệ (%)", "Xếp hạng"],
            [1, "Sở Tư pháp", 91.5, 1, 88.2, 2], [2, "Sở Y tế", 89.0, 2, 90.1, 1]]
    merges = [(0, 0, 0, 5), (1, 2, 1, 3), (1, 4, 1, 5), (1, 0, 2, 0), (1, 1, 2, 1)]
    result = xlsx_result(tmp_path, rows, merges)
    assert sorted(totals(result)) == [("Sở Tư pháp", "PAR", 91.5, 1), ("Sở Tư pháp", "SIPAS", 88.2, 2),
                                      ("Sở Y tế", "PAR", 89.0, 2), ("Sở Y tế", "SIPAS", 90.1, 1)]
    assert result["rejects"] == [] and result["warnings"] == []


def test_a_second_column_group_that_is_not_clean_is_left_out_with_a_warning() -> None:
    text = ("KẾT QUẢ CHỈ SỐ CCHC VÀ CHỈ SỐ HÀI LÒNG NĂM 2020 CÁC SỞ, BAN, NGÀNH\n"
            "STT;Đơn vị;Chỉ số CCHC;Chỉ số CCHC;Chỉ số SIPAS;Chỉ số SIPAS;Chỉ số SIPAS\n"
            ";;Điểm;Xếp hạng;Tiếp cận dịch vụ (%);Hài lòng chung (%);Xếp hạng\n1;Sở Tư pháp;91,50;1;87,10;88,20;2\n")
    result = extract_th(text)
    assert totals(result) == [("Sở Tư pháp", "PAR", 91.5, 1)]
    assert [w for w in result["warnings"] if "SIPAS" in w and "not read" in w] and result["rejects"] == []


# 6. 2025 names without their kind word, in a table that lists the kinds it ranks.
def extract_qn_2025(text: str) -> dict:
    return extract_csv(text, "raw/2025/quang-ninh/bang.csv", gazetteer(), 2025, "Quảng Ninh")


@pytest.mark.parametrize(("title", "unit_label"), [
    ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2025 CỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU", "Tên đơn vị"),
    ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2025", "Xã, phường, đặc khu"),
])
def test_bare_2025_names_are_units_of_the_kinds_the_table_lists(title: str, unit_label: str) -> None:
    text = f"{title}\nSTT;{unit_label};Tổng điểm;Xếp hạng\n1;Vân Đồn;89,00;1\n2;Hạ Long;88,00;2\n3;Cô Tô;85,00;3\n"
    result = extract_qn_2025(text)
    # ranked in one sequence (1, 2, 3 across a ward and special zones): one commune-level bloc
    assert [(f["unit"], f["bloc"]) for f in result["facts"]] == [
        ("Đặc khu Vân Đồn", "commune_level"), ("Phường Hạ Long", "commune_level"), ("Đặc khu Cô Tô", "commune_level")]


def test_short_kind_words_are_written_out() -> None:
    text = f"Chỉ số CCHC năm 2025\n{HEADER}\n1;ĐK Vân Đồn;89,00;1\n2;P. Hạ Long;88,00;2\n3;X. Tiên Yên;85,00;3\n"
    result = extract_qn_2025(text)
    assert [f["unit"] for f in result["facts"]] == ["Đặc khu Vân Đồn", "Phường Hạ Long", "Xã Tiên Yên"]
    assert result["rejects"] == []


def test_a_name_without_a_kind_list_is_read_as_before() -> None:
    text = f"Chỉ số CCHC năm 2019 các huyện, thị xã, thành phố\n{HEADER}\n1;Vân Đồn;89,00;1\n"
    result = extract_csv(text, "raw/2019/quang-ninh/bang.csv", gazetteer(), 2019, "Quảng Ninh")
    assert [f["unit"] for f in result["facts"]] == ["Huyện Vân Đồn"]


# 7. A score-like column beside the total: a grade, last year's or the unrounded figure.
def test_a_grade_column_is_not_a_score() -> None:
    text = "Chỉ số CCHC năm 2020 các sở\nSTT;Tên đơn vị;Tổng điểm;Xếp hạng;Kết quả xếp loại\n1;Sở Y tế;91,20;1;Tốt\n"
    result = extract_th(text)
    assert totals(result) == [("Sở Y tế", "PAR", 91.2, 1)] and result["rejects"] == []


@pytest.mark.parametrize("scores", ["Tổng điểm (chưa làm tròn);Tổng điểm", "Điểm năm trước;Tổng điểm",
                                    "Tổng điểm năm trước;Tổng điểm năm nay"])
def test_the_plain_or_this_years_total_is_read_and_the_other_left_out(scores: str) -> None:
    text = f"Chỉ số CCHC năm 2020 các sở\nSTT;Tên đơn vị;{scores};Xếp hạng\n1;Sở Y tế;89,12345;91,20;1\n"
    result = extract_th(text)
    assert totals(result) == [("Sở Y tế", "PAR", 91.2, 1)]
    assert [w for w in result["warnings"] if scores.split(";")[0] in w and "not read" in w]


# 8. Noise that was rejected: a repeated two-row header, maxima without their label, a breakdown row,
#    scores written with their unit.
def test_a_two_row_header_repeated_mid_table_is_skipped() -> None:
    header = "STT;Đơn vị;Điểm các lĩnh vực;;Tổng điểm;Xếp hạng\n;;LV1;LV2;;\n(1);(2);(3);(4);(5)=(3)+(4);(6)\n"
    text = (f"Chỉ số CCHC năm 2020 các huyện, thị xã, thành phố\n{header}1;Huyện Yên Định;8,50;9,00;17,50;1\n"
            f"{header}2;Thị xã Bỉm Sơn;8,00;8,50;16,50;2\n")
    result = extract_th(text)
    assert totals(result) == [("Huyện Yên Định", "PAR", 17.5, 1), ("Thị xã Bỉm Sơn", "PAR", 16.5, 2)]
    assert result["rejects"] == []


def test_a_maxima_row_without_its_label_gives_the_maxima() -> None:
    text = ("Chỉ số CCHC năm 2020 các sở\nSTT;Tên đơn vị;Lĩnh vực 1;Lĩnh vực 2;Tổng điểm;Xếp hạng\n"
            ";;6,5;8;100;\n1;Sở Tư pháp;6,25;7,50;95,00;1\n")
    result = extract_th(text)
    assert [(f["criterion"], f.get("max_points")) for f in result["facts"]] == [
        ("TOTAL", None), ("L1", 6.5), ("L2", 8.0)]
    assert result["rejects"] == []


def test_a_breakdown_row_and_scores_written_with_their_unit() -> None:
    text = (f"Chỉ số CCHC năm 2020 các sở\n{HEADER}\n1;Sở Tư pháp;91,50 điểm;1\n;Trong đó: điểm thưởng;1,50;\n"
            "2;Sở Y tế;90,5đ;2\n")
    result = extract_th(text)
    assert totals(result) == [("Sở Tư pháp", "PAR", 91.5, 1), ("Sở Y tế", "PAR", 90.5, 2)]
    assert result["rejects"] == []
