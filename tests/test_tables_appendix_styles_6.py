"""Appendix styles, sixth round: the province named only in a table's title, a name shared by several provinces
among names only one province has, and department names ending in a bare "tỉnh".

Every table here is written for the test (units from warehouse/seeds/dim_unit.csv, figures invented).
"""

from __future__ import annotations

import pytest
from test_tables import gazetteer

from flows.extract.tables import extract_csv


def read(raw: str, year: int | None = None, province: str | None = None) -> dict:
    return extract_csv(raw, "phu-luc.csv", gazetteer(), year, province)


def totals(result: dict) -> dict[str, tuple]:
    return {f["unit_id"]: (f["score"], f["rank"]) for f in result["facts"] if f["criterion"] == "TOTAL"}


# T1. Departments exist in every province: the one the title names is theirs.
@pytest.mark.parametrize("title", [
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH;;;\nKẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 CỦA CÁC SỞ, BAN, NGÀNH;;;",
    "Kết quả Chỉ số cải cách hành chính năm 2022 của các sở, ban, ngành tỉnh Quảng Ninh;;;",
], ids=["issuer above", "in the title"])
def test_the_province_a_title_names_is_the_departments(title):
    raw = f"{title}\nSTT;Tên cơ quan, đơn vị;Tổng điểm;Xếp hạng\n1;Sở Nội vụ;91,87;1\n2;Sở Tư pháp;91,02;2\n"
    result = read(raw)
    assert result["source"]["province"] == "Quảng Ninh"
    assert totals(result) == {"quang-ninh:so-noi-vu": (91.87, 1), "quang-ninh:so-tu-phap": (91.02, 2)}
    assert result["rejects"] == []


def test_a_title_naming_two_provinces_names_none():
    raw = ("Kết quả Chỉ số CCHC năm 2022 của các sở: so sánh Quảng Ninh và Hải Phòng;;;\n"
           "STT;Tên cơ quan, đơn vị;Tổng điểm;Xếp hạng\n1;Sở Nội vụ;91,87;1\n")
    result = read(raw)
    assert result["facts"] == [] and [r["check"] for r in result["rejects"]] == ["unknown_unit"]


# T2. "Huyện Châu Thành" is in several provinces; beside units only Long An has, it is Long An's.
def test_a_shared_name_among_names_of_one_province_is_that_provinces():
    raw = ("\"Chỉ số hài lòng năm 2020 của các huyện, thị xã, thành phố\"\nSTT,Đơn vị,Tỷ lệ hài lòng (%),Xếp hạng\n"
           "1,Huyện Tân Hưng,92.30,1\n2,Huyện Châu Thành,90.12,2\n3,Huyện Mộc Hóa,88.40,3\n")
    result = read(raw)
    assert result["source"]["province"] == "Long An"
    assert totals(result) == {"long-an:huyen-tan-hung": (92.3, 1), "long-an:huyen-chau-thanh": (90.12, 2),
                              "long-an:huyen-moc-hoa": (88.4, 3)}
    assert result["rejects"] == []


def test_a_shared_name_alone_stays_a_reject():
    raw = "Chỉ số CCHC năm 2020\nSTT,Đơn vị,Tổng điểm,Xếp hạng\n1,Huyện Châu Thành,90.12,1\n"
    result = read(raw)
    assert result["facts"] == [] and result["rejects"][0]["check"] == "unknown_unit"


# T3. "Sở Tư pháp tỉnh": the province's own department, named with a bare "tỉnh".
@pytest.mark.parametrize("suffix", ["tỉnh", "Tỉnh", "thành phố"])
def test_department_names_ending_in_a_bare_province_word(suffix):
    raw = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020 CỦA CÁC SỞ, BAN, NGÀNH\n"
           "STT;Cơ quan, đơn vị;Tổng điểm;Xếp hạng\n"
           f"1;Sở Tư pháp {suffix};91,66;1\n2;Sở Y tế {suffix};86,90;2\n3;Ban Dân tộc tỉnh;80,62;3\n")
    assert totals(read(raw, 2020, "Hà Tĩnh")) == {
        "ha-tinh:so-tu-phap": (91.66, 1), "ha-tinh:so-y-te": (86.9, 2), "ha-tinh:ban-dan-toc": (80.62, 3)}


def test_a_district_name_ending_in_a_province_word_is_not_stripped():
    raw = "Chỉ số CCHC năm 2020\nSTT;Đơn vị;Tổng điểm;Xếp hạng\n1;Huyện Kỳ Anh tỉnh;88,1;1\n"
    result = read(raw, 2020, "Hà Tĩnh")
    assert result["facts"] == [] and result["rejects"][0]["check"] == "unknown_unit"
