"""Appendix styles, third round: unit columns headed by one kind word or by ministries, comparison and
other-year columns beside the current one, hidden Excel columns, SIPAS factors under a merged header, a
"Khối" column, and transposed tables (units across a row).

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


def csv_of(text: str, path: str, year: int | None, province: str | None) -> dict:
    return extract_csv(text, path, gazetteer(), year, province)


def totals(result: dict) -> list[tuple]:
    return [(f["unit"], f["index"], f["year"], f["score"], f["rank"]) for f in result["facts"]
            if f["criterion"] == "TOTAL"]


# P1. A unit column headed by one kind word, a kind with "Tên", "UBND cấp huyện", or ministries.
@pytest.mark.parametrize(("label", "cells", "units"), [
    ("Quận", ("Quận Kiến An", "Quận Đồ Sơn"), ("Quận Kiến An", "Quận Đồ Sơn")),
    ("Huyện", ("Tiên Lãng", "Vĩnh Bảo"), ("Huyện Tiên Lãng", "Huyện Vĩnh Bảo")),
    ("Tên huyện", ("Huyện Tiên Lãng", "Huyện Vĩnh Bảo"), ("Huyện Tiên Lãng", "Huyện Vĩnh Bảo")),
    ("UBND cấp huyện", ("Quận Kiến An", "Huyện Vĩnh Bảo"), ("Quận Kiến An", "Huyện Vĩnh Bảo")),
    ("Tên sở", ("Sở Tài chính", "Sở Xây dựng"), ("Sở Tài chính", "Sở Xây dựng")),
])
def test_a_unit_column_headed_by_one_kind(label: str, cells: tuple[str, str], units: tuple[str, str]) -> None:
    text = f"TT;{label};Tổng điểm;Xếp hạng\n1;{cells[0]};88,40;1\n2;{cells[1]};86,15;2\n"
    result = csv_of(text, "raw/2020/hai-phong/phu-luc.csv", 2020, "Hải Phòng")
    assert [(f["unit"], f["score"], f["rank"]) for f in result["facts"]] == [
        (units[0], 88.4, 1), (units[1], 86.15, 2)]
    assert result["rejects"] == []


@pytest.mark.parametrize("label", ["Bộ, ngành", "Bộ, cơ quan ngang bộ", "Tên bộ, ngành"])
def test_a_ministry_column_under_a_title_with_a_comma(label: str) -> None:
    # the title's comma must not make the reader split the file on commas
    text = (f"CHỈ SỐ CCHC NĂM 2022 CÁC BỘ, CƠ QUAN NGANG BỘ\nTT;{label};Chỉ số CCHC (%);Xếp hạng\n"
            "1;Bộ Xây dựng;87,35;1\n2;Bộ Y tế;84,90;2\n")
    result = csv_of(text, "raw/2023/toan-quoc/phu-luc.csv", 2023, None)
    assert totals(result) == [("Bộ Xây dựng", "PAR", 2022, 87.35, 1), ("Bộ Y tế", "PAR", 2022, 84.9, 2)]
    assert [f["unit_kind"] for f in result["facts"]] == ["ministry", "ministry"]
    assert result["rejects"] == []


def test_a_count_column_is_not_a_unit_column() -> None:
    # "Số đơn vị" (a count) folds like "Sở đơn vị" but is no unit column
    text = "STT;Đơn vị;Số đơn vị;Tổng điểm;Xếp hạng\n1;Sở Tài chính;3;88,40;1\n"
    result = csv_of(text, "raw/2020/hai-phong/phu-luc.csv", 2020, "Hải Phòng")
    assert [(f["unit"], f["score"]) for f in result["facts"]] == [("Sở Tài chính", 88.4)]


def test_bare_2025_names_under_a_ward_column_are_wards() -> None:
    text = "STT;Phường;Chỉ số SIPAS (%);Xếp hạng\n1;Hồng An;91,05;1\n2;Lê Chân;90,20;2\n"
    result = csv_of(text, "raw/2025/hai-phong/sipas.csv", 2025, "Hải Phòng")
    assert [(f["unit"], f["unit_kind"], f["bloc"], f["index"], f["score"], f["rank"]) for f in result["facts"]] == [
        ("Phường Hồng An", "commune", "ward", "SIPAS", 91.05, 1),
        ("Phường Lê Chân", "commune", "ward", "SIPAS", 90.2, 2)]


# P2. A comparison column's year is not the table's.
@pytest.mark.parametrize("label", ["Tăng (+), giảm (-) bậc so với năm 2019", "Tăng, giảm điểm so với năm 2019",
                                   "Ghi chú (so với năm 2019)"])
def test_a_comparison_columns_year_is_not_the_tables(label: str) -> None:
    text = (f"BẢNG CHỈ SỐ CCHC NĂM 2020 CÁC HUYỆN\nSTT;Địa phương;Tổng điểm;Xếp hạng;{label}\n"
            "1;Huyện Tiên Lãng;88,40;1;+1\n2;Huyện Vĩnh Bảo;86,15;2;-1\n")
    result = csv_of(text, "raw/2021/hai-phong/phu-luc.csv", 2021, "Hải Phòng")
    current = [f for f in totals(result) if f[2] != 2019]
    assert current == [("Huyện Tiên Lãng", "PAR", 2020, 88.4, 1), ("Huyện Vĩnh Bảo", "PAR", 2020, 86.15, 2)]
    if "điểm" in label:  # a change of score: said, not read
        assert [w for w in result["warnings"] if label in w and "not read" in w]
        assert len(current) == len(totals(result))
    else:  # a change of place: the places of the year it names ("+1": up one place since 2019)
        assert sorted(f for f in totals(result) if f[2] == 2019) == [
            ("Huyện Tiên Lãng", "PAR", 2019, None, 2), ("Huyện Vĩnh Bảo", "PAR", 2019, None, 1)]


# P3. A column of another year beside an un-yeared current one: that year's figures.
@pytest.mark.parametrize(("extra", "values", "earlier"), [
    ("Xếp hạng năm 2019", ("2", "1"), [(None, 2), (None, 1)]),
    ("Tổng điểm năm 2019", ("85,00", "87,10"), [(85.0, None), (87.1, None)])])
@pytest.mark.parametrize(("title", "year"), [("CHỈ SỐ CCHC NĂM 2020\n", 2020), ("", 2021)])
def test_another_years_column_beside_the_current_one(extra: str, values: tuple[str, str], earlier: list,
                                                     title: str, year: int) -> None:
    text = (f"{title}STT;Địa phương;Tổng điểm;Xếp hạng;{extra}\n1;Huyện Tiên Lãng;88,40;1;{values[0]}\n"
            f"2;Huyện Vĩnh Bảo;86,15;2;{values[1]}\n")
    result = csv_of(text, "raw/2021/hai-phong/phu-luc.csv", 2021, "Hải Phòng")
    assert totals(result) == [("Huyện Tiên Lãng", "PAR", year, 88.4, 1), ("Huyện Vĩnh Bảo", "PAR", year, 86.15, 2),
                              *[(unit, "PAR", 2019, *figures)
                                for unit, figures in zip(["Huyện Tiên Lãng", "Huyện Vĩnh Bảo"], earlier, strict=True)]]
    assert not [w for w in result["warnings"] if "not read" in w]


def test_a_hidden_column_of_another_year_and_a_bad_sheet_leave_the_other_sheets(tmp_path: Path) -> None:
    import xlsxwriter

    folder = tmp_path / "raw" / "2021" / "hai-phong"
    folder.mkdir(parents=True)
    book = xlsxwriter.Workbook(str(folder / "phu-luc.xlsx"))
    rows = {"PAR": [["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Thứ hạng cũ"], [1, "Sở Tài chính", 88.4, 1, 2],
                    [2, "Sở Xây dựng", 86.15, 2, 1]],
            "Lỗi": [["STT", "Đơn vị", "Tổng điểm", "Tổng điểm"], [1, "Sở Tài chính", 88.4, 80]]}
    for name, grid in rows.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(grid):
            sheet.write_row(r, 0, row)
    book.get_worksheet_by_name("PAR").set_column(4, 4, None, None, {"hidden": True})
    book.close()
    result = extract_path(folder / "phu-luc.xlsx", gazetteer())
    assert totals(result) == [("Sở Tài chính", "PAR", 2021, 88.4, 1), ("Sở Xây dựng", "PAR", 2021, 86.15, 2)]
    assert [w for w in result["warnings"] if "'PAR'!E1" in w and "hidden" in w]
    assert [r["check"] for r in result["rejects"]] == ["table_format"]
    assert "2 score columns" in result["rejects"][0]["message"] and "'Lỗi'" in result["rejects"][0]["message"]


# P4. SIPAS factors under a merged header: the "Chỉ số SIPAS" column is the headline.
@pytest.mark.parametrize("group", ["Chỉ số hài lòng theo các yếu tố (%)", "Mức độ hài lòng (%)"])
def test_sipas_factors_under_a_merged_header_are_not_the_headline(group: str) -> None:
    text = (f"STT;Đơn vị;{group};;Chỉ số SIPAS (%);Xếp hạng\n;;Tiếp cận dịch vụ;Kết quả giải quyết công việc;;\n"
            "1;Quận Kiến An;90,10;88,30;89,45;1\n2;Quận Đồ Sơn;87,00;86,50;86,70;2\n")
    result = csv_of(text, "raw/2022/hai-phong/sipas-2022.csv", 2022, "Hải Phòng")
    assert totals(result) == [("Quận Kiến An", "SIPAS", 2022, 89.45, 1), ("Quận Đồ Sơn", "SIPAS", 2022, 86.7, 2)]
    assert len(result["facts"]) == 2
    assert [w for w in result["warnings"] if "Tiếp cận dịch vụ" in w and "not read" in w]


def test_sipas_factors_under_merged_excel_cells(tmp_path: Path) -> None:
    folder = tmp_path / "raw" / "2022" / "hai-phong"
    folder.mkdir(parents=True)
    rows = [["STT", "Đơn vị", "Chỉ số hài lòng theo các yếu tố (%)", None, None, "Chỉ số SIPAS (%)", "Xếp hạng"],
            [None, None, "Tiếp cận dịch vụ", "Thủ tục hành chính", "Kết quả giải quyết công việc", None, None],
            [1, "Quận Kiến An", 90.1, 88.3, 89.0, 89.45, 1], [2, "Quận Đồ Sơn", 87.0, 86.5, 86.1, 86.7, 2]]
    merges = [(0, 2, 0, 4), (0, 0, 1, 0), (0, 1, 1, 1), (0, 5, 1, 5), (0, 6, 1, 6)]
    result = extract_path(write_xlsx(folder / "sipas.xlsx", {"Quận": rows}, {"Quận": merges}), gazetteer())
    assert totals(result) == [("Quận Kiến An", "SIPAS", 2022, 89.45, 1), ("Quận Đồ Sơn", "SIPAS", 2022, 86.7, 2)]
    assert len(result["facts"]) == 2


# P5. A "Khối" column gives each row its bloc.
def test_a_bloc_column_sets_each_rows_bloc() -> None:
    text = ("STT;Khối;Đơn vị;Tổng điểm;Xếp hạng\n1;Khối quận;Quận Kiến An;88,10;1\n2;Khối quận;Quận Đồ Sơn;86,00;2\n"
            "3;Khối huyện;Huyện Tiên Lãng;89,30;1\n4;Khối huyện;Huyện Vĩnh Bảo;85,70;2\n")
    result = csv_of(text, "raw/2021/hai-phong/phu-luc.csv", 2021, "Hải Phòng")
    assert [(f["unit"], f["bloc"], f["rank"], f["tied"]) for f in result["facts"]] == [
        ("Quận Kiến An", "urban_district", 1, False), ("Quận Đồ Sơn", "urban_district", 2, False),
        ("Huyện Tiên Lãng", "rural_district", 1, False), ("Huyện Vĩnh Bảo", "rural_district", 2, False)]
    assert not [w for w in result["warnings"] if "Khối" in w]


def test_an_html_bloc_cell_spanning_rows() -> None:
    page = ("<html><body><h1>Chỉ số CCHC năm 2021 các quận, huyện</h1><table>"
            "<tr><th>Khối</th><th>Đơn vị</th><th>Tổng điểm</th><th>Xếp hạng</th></tr>"
            "<tr><td rowspan='2'>Khối quận</td><td>Quận Kiến An</td><td>88,10</td><td>1</td></tr>"
            "<tr><td>Quận Đồ Sơn</td><td>86,00</td><td>2</td></tr>"
            "<tr><td rowspan='2'>Khối huyện</td><td>Huyện Tiên Lãng</td><td>89,30</td><td>1</td></tr>"
            "<tr><td>Huyện Vĩnh Bảo</td><td>85,70</td><td>2</td></tr></table></body></html>")
    result = extract_html(page, "raw/2021/hai-phong/tin.html", gazetteer(), 2021, "Hải Phòng")
    table = [f for f in result["facts"] if f.get("place", "").startswith("table")]
    assert [(f["unit"], f["bloc"], f["rank"], f["tied"]) for f in table] == [
        ("Quận Kiến An", "urban_district", 1, False), ("Quận Đồ Sơn", "urban_district", 2, False),
        ("Huyện Tiên Lãng", "rural_district", 1, False), ("Huyện Vĩnh Bảo", "rural_district", 2, False)]


# P6. Transposed tables: the units across a row, the measures down the first column.
def test_a_transposed_csv_table_is_read_column_by_column() -> None:
    text = ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2020 CỦA CÁC HUYỆN, THỊ XÃ\nNội dung;Huyện Tiên Lãng;Huyện Vĩnh Bảo;Huyện An Lão\n"
            "Điểm thẩm định;60,10;58,00;57,20\nTổng điểm;88,40;86,15;86,15\nXếp hạng;1;2;2\n")
    result = csv_of(text, "raw/2021/hai-phong/phu-luc.csv", 2021, "Hải Phòng")
    assert totals(result) == [("Huyện Tiên Lãng", "PAR", 2020, 88.4, 1), ("Huyện Vĩnh Bảo", "PAR", 2020, 86.15, 2),
                              ("Huyện An Lão", "PAR", 2020, 86.15, 2)]
    assert [f["tied"] for f in result["facts"] if f["criterion"] == "TOTAL"] == [False, True, True]
    assert [(f["unit"], f["score"]) for f in result["facts"] if f["criterion"] == "APPRAISED"][0] == (
        "Huyện Tiên Lãng", 60.1)
    first = result["facts"][0]
    assert text[first["span"][0]:first["span"][1]] == first["evidence"] and "Tổng điểm;88,40" in first["evidence"]
    assert first["place"] == "line 4"
    assert [w for w in result["warnings"] if "transposed" in w]


def test_a_transposed_html_table() -> None:
    page = ("<html><body><h1>Chỉ số CCHC năm 2021 khối quận</h1><table>"
            "<tr><th>Tiêu chí</th><th>Quận Kiến An</th><th>Quận Đồ Sơn</th></tr>"
            "<tr><td>Tổng điểm</td><td>88,10</td><td>86,00</td></tr>"
            "<tr><td>Xếp hạng</td><td>1</td><td>2</td></tr></table></body></html>")
    result = extract_html(page, "raw/2022/hai-phong/tin.html", gazetteer(), 2022, "Hải Phòng")
    assert [(f["unit"], f["year"], f["bloc"], f["score"], f["rank"]) for f in result["facts"]] == [
        ("Quận Kiến An", 2021, "urban_district", 88.1, 1), ("Quận Đồ Sơn", 2021, "urban_district", 86.0, 2)]
    for fact in result["facts"]:
        assert result["text"][fact["span"][0]:fact["span"][1]] == fact["evidence"]
