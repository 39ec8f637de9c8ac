"""Appendix styles, seventh round: the province named only in the file's name, a title line with commas above a
comma-separated header, and a page saying its table is in the order of the ranking.

Every table here is written for the test (units from warehouse/seeds/dim_unit.csv, figures invented).
"""

from __future__ import annotations

import pytest
from test_tables import gazetteer

from flows.extract.html import extract_html
from flows.extract.tables import extract_csv, named_province

DEPARTMENTS = "STT;Tên đơn vị;Điểm;Xếp hạng\n1;Sở Y tế;91,20;1\n2;Sở Tư pháp;89,05;2\n"


def totals(result: dict) -> dict[str, tuple]:
    return {f["unit_id"]: (f["score"], f["rank"]) for f in result["facts"] if f["criterion"] == "TOTAL"}


@pytest.mark.parametrize("name", ["dong-thap-2022-so-nganh.csv", "dongthap-2022-so-nganh.csv", "DongThap_2022.csv",
                                  "phu-luc/Dong_Thap-2022.csv"])
def test_departments_of_the_province_the_file_name_spells(name):
    result = extract_csv(DEPARTMENTS, name, gazetteer(), 2022, None)
    assert result["source"]["province"] == "Đồng Tháp"
    assert totals(result) == {"dong-thap:so-y-te": (91.2, 1), "dong-thap:so-tu-phap": (89.05, 2)}
    assert result["rejects"] == []


@pytest.mark.parametrize("name", ["bang-diem-2022.csv", "so-sanh-ha-nam-ha-noi-2022.csv"])
def test_a_file_name_spelling_no_one_province_leaves_departments_unplaced(name):
    result = extract_csv(DEPARTMENTS, name, gazetteer(), 2022, None)
    assert result["facts"] == []
    assert [r["check"] for r in result["rejects"]] == ["unknown_unit", "unknown_unit"]
    # the message says what is missing: which province, and where to say it
    assert "several provinces" in result["rejects"][0]["message"]
    assert "raw/<year>/<province>/" in result["rejects"][0]["message"]


def test_a_province_in_a_title_line_wins_over_the_file_name():
    raw = "Chỉ số CCHC năm 2022 các sở, ngành tỉnh Quảng Ninh;;;\n" + DEPARTMENTS
    result = extract_csv(raw, "dong-thap-2022.csv", gazetteer(), 2022, None)
    assert set(totals(result)) == {"quang-ninh:so-y-te", "quang-ninh:so-tu-phap"}


@pytest.mark.parametrize("name, province", [
    ("thua-thien-hue-2020.csv", "Thừa Thiên Huế"), ("ba-ria-vung-tau.xlsx", "Bà Rịa - Vũng Tàu"),
    ("ket-qua-ha-nam-2021.csv", "Hà Nam"), ("2021.csv", None), ("ha-noi-va-hai-phong.csv", None)])
def test_the_province_a_file_name_spells(name, province):
    assert named_province(name, gazetteer()) == province


@pytest.mark.parametrize("title", [
    "Chỉ số CCHC năm 2021 các huyện, thị xã, thành phố tỉnh Quảng Ninh",
    "Kết quả xếp hạng, đánh giá Chỉ số CCHC năm 2021 của các địa phương, đơn vị",
])
def test_a_title_line_with_commas_over_a_comma_separated_header(title):
    raw = f"{title}\nSTT,Đơn vị,Điểm,Xếp hạng\n1,Thành phố Hạ Long,91.10,1\n2,Huyện Vân Đồn,89.20,2\n"
    result = extract_csv(raw, "phu-luc.csv", gazetteer(), 2021, None if "Quảng Ninh" in title else "Quảng Ninh")
    assert totals(result) == {"quang-ninh:thanh-pho-ha-long": (91.1, 1), "quang-ninh:huyen-van-don": (89.2, 2)}
    assert result["rejects"] == []


def test_a_header_with_an_unread_column_under_a_plain_title_is_kept():
    # the row under the header is data, not a better header: the header stays
    raw = "STT,Đơn vị,Điểm,Ghi chú khác,Xếp hạng\n1,Thành phố Hạ Long,91.10,,1\n2,Huyện Vân Đồn,89.20,,2\n"
    result = extract_csv(raw, "phu-luc.csv", gazetteer(), 2021, "Quảng Ninh")
    assert totals(result) == {"quang-ninh:thanh-pho-ha-long": (91.1, 1), "quang-ninh:huyen-van-don": (89.2, 2)}


PAGE = """<html><head><meta charset="utf-8"><title>Tây Ninh công bố Chỉ số CCHC năm 2023</title></head><body>
<p>{note}</p>
<table><tr><th>STT</th><th>Đơn vị</th><th>Điểm đạt được</th></tr>
<tr><td>1</td><td>Huyện Tân Châu</td><td>{first}</td></tr>
<tr><td>2</td><td>Huyện Gò Dầu</td><td>89,59</td></tr>
<tr><td>3</td><td>Thành phố Tây Ninh</td><td>88,75</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("note, first, ranked", [
    ("Kết quả của khối huyện được xếp theo thứ tự từ cao xuống thấp như sau:", "90,02", True),
    ("Kết quả của khối huyện như sau:", "90,02", False),
    # not in falling order after all: no places
    ("Kết quả của khối huyện được xếp theo thứ tự từ cao xuống thấp như sau:", "87,02", False),
], ids=["ordered", "no note", "scores not falling"])
def test_a_page_table_said_to_be_in_rank_order(note, first, ranked):
    result = extract_html(PAGE.format(note=note, first=first), "tay-ninh.html", gazetteer(), 2023, "Tây Ninh")
    got = totals(result)
    expected_ranks = [1, 2, 3] if ranked else [None, None, None]
    assert [got[u][1] for u in ("tay-ninh:huyen-tan-chau", "tay-ninh:huyen-go-dau", "tay-ninh:thanh-pho-tay-ninh")] \
        == expected_ranks
    assert {f["basis"] for f in result["facts"] if f["rank"] is not None} <= {"implied"}


def placed_by_year(result: dict) -> dict[tuple, tuple]:
    return {(f["unit_id"], f["year"]): (f["rank"], f["basis"]) for f in result["facts"] if f["criterion"] == "TOTAL"}


@pytest.mark.parametrize("label, up, down", [
    ("Tăng/giảm bậc so với năm trước", "+2", "-1"),
    ("Thay đổi so với năm 2020", "↑2", "↓1"),
    ("Ghi chú", "Tăng 2 bậc", "Giảm 1 bậc"),
], ids=["signs", "arrows, year named", "notes"])
def test_a_change_of_place_gives_the_year_befores_rank(label, up, down):
    raw = (f"Chỉ số CCHC năm 2021 các huyện tỉnh Long An;;;;\nSTT;Đơn vị;Điểm;Xếp hạng;{label}\n"
           f"1;Huyện Đức Hòa;91,05;1;{up}\n2;Huyện Tân Thạnh;89,28;2;{down}\n3;Huyện Cần Giuộc;88,10;3;Giữ nguyên\n")
    result = extract_csv(raw, "phu-luc.csv", gazetteer(), None, None)
    assert placed_by_year(result) == {
        ("long-an:huyen-duc-hoa", 2021): (1, "stated"), ("long-an:huyen-duc-hoa", 2020): (3, "implied"),
        ("long-an:huyen-tan-thanh", 2021): (2, "stated"), ("long-an:huyen-tan-thanh", 2020): (1, "implied"),
        ("long-an:huyen-can-giuoc", 2021): (3, "stated"), ("long-an:huyen-can-giuoc", 2020): (3, "implied")}


def test_a_change_of_score_is_no_change_of_place():
    raw = ("Chỉ số CCHC năm 2021 các huyện tỉnh Long An;;;;\nSTT;Đơn vị;Điểm;Xếp hạng;Tăng/giảm điểm so với năm 2020\n"
           "1;Huyện Đức Hòa;91,05;1;+2\n")
    result = extract_csv(raw, "phu-luc.csv", gazetteer(), None, None)
    assert placed_by_year(result) == {("long-an:huyen-duc-hoa", 2021): (1, "stated")}


def test_a_stated_rank_of_the_year_before_wins_over_the_change_column():
    raw = ("Chỉ số CCHC năm 2021 các huyện tỉnh Long An;;;;;\n"
           "STT;Đơn vị;Điểm 2021;Xếp hạng 2021;Xếp hạng 2020;Tăng/giảm\n1;Huyện Đức Hòa;91,05;1;2;+1\n")
    result = extract_csv(raw, "phu-luc.csv", gazetteer(), None, None)
    assert placed_by_year(result) == {("long-an:huyen-duc-hoa", 2021): (1, "stated"),
                                      ("long-an:huyen-duc-hoa", 2020): (2, "stated")}


def test_districts_abbreviated_h_with_ubnd():
    raw = ("Chỉ số cải cách hành chính năm 2022 tỉnh Bắc Giang;;\nXếp hạng;Đơn vị;Điểm\n"
           "1;UBND H. Yên Dũng;91,50\n2;UBND TX. Việt Yên;90,98\n3;UBND TP. Bắc Giang;89,94\n")
    result = extract_csv(raw, "phu-luc.csv", gazetteer(), None, None)
    assert totals(result) == {"bac-giang:huyen-yen-dung": (91.5, 1), "bac-giang:thi-xa-viet-yen": (90.98, 2),
                              "bac-giang:thanh-pho-bac-giang": (89.94, 3)}
