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


def text_table(raw: str, year: int = 2024, province: str = "Ninh Bình") -> dict:
    from flows.extract.text_tables import extract_text_with_tables

    return extract_text_with_tables(raw, f"raw/{year}/x/phu-luc.txt", gazetteer(), year, province)


def placed(result: dict) -> dict[str, tuple]:
    return {f["unit"]: (f["score"], f["rank"], f["tied"]) for f in result["facts"] if f["criterion"] == "TOTAL"}


# T4. A note that the rows are in the order of the ranking, under a table with no rank column.
@pytest.mark.parametrize("note", ["(Thứ tự trong bảng là thứ tự xếp hạng từ cao xuống thấp.)",
                                  "Ghi chú: các đơn vị được sắp xếp theo thứ tự từ cao xuống thấp."])
def test_rows_said_to_be_in_rank_order_take_their_places(note):
    raw = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CÁC SỞ\n\nSTT | Cơ quan, đơn vị | Điểm đạt được | Xếp loại\n"
           "1 | Sở Tư pháp | 91,62 | Xuất sắc\n2 | Sở Nội vụ | 91,10 | Xuất sắc\n3 | Sở Xây dựng | 91,10 | Xuất sắc\n"
           "4 | Sở Khu Vui Chơi | 90,00 | Tốt\n5 | Sở Y tế | 88,40 | Tốt\n\n" + note)
    assert placed(text_table(raw)) == {"Sở Tư pháp": (91.62, 1, False), "Sở Nội vụ": (91.1, 2, True),
                                       "Sở Xây dựng": (91.1, 2, True), "Sở Y tế": (88.4, 5, False)}


def test_rows_not_in_falling_order_get_no_places_from_a_note():
    raw = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CÁC SỞ\n\nSTT | Cơ quan, đơn vị | Điểm đạt được\n"
           "1 | Sở Tư pháp | 91,62\n2 | Sở Nội vụ | 92,10\n\n(Thứ tự trong bảng là thứ tự xếp hạng.)")
    assert placed(text_table(raw)) == {"Sở Tư pháp": (91.62, None, False), "Sở Nội vụ": (92.1, None, False)}


# T5. A note in brackets after a rank in a table aligned with spaces stays in the rank's cell.
def test_a_tie_note_after_a_rank_in_an_aligned_table():
    raw = ("STT   Đơn vị                       Điểm thẩm định     Tổng điểm    Xếp hạng\n"
           "1     Huyện Bảo Thắng                  57,91          86,15         1  (đồng hạng)\n"
           "2     Huyện Bắc Hà                     60,10          86,15         1  (đồng hạng)\n"
           "3     Huyện Si Ma Cai                  55,02          80,10         3\n")
    assert placed(text_table(raw, 2019, "Lào Cai")) == {
        "Huyện Bảo Thắng": (86.15, 1, True), "Huyện Bắc Hà": (86.15, 1, True), "Huyện Si Ma Cai": (80.1, 3, False)}


# T6. One cell per line: a header label and a unit name wrapped over two lines.
def test_one_cell_per_line_with_wrapped_labels_and_names():
    raw = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC SỞ, BAN, NGÀNH\nSTT\nCơ quan, đơn vị\nChỉ số\nCCHC\n"
           "Xếp hạng\n1\nSở Nông nghiệp và Phát triển\nnông thôn\n91,48\n1\n2\nVăn phòng UBND tỉnh\n90,62\n2\n"
           "3\nSở Nội vụ\n89,10\n3\n")
    assert placed(text_table(raw)) == {"Sở Nông nghiệp và Phát triển nông thôn": (91.48, 1, False),
                                       "Văn phòng UBND tỉnh": (90.62, 2, False), "Sở Nội vụ": (89.1, 3, False)}


# T7. The survey's points beside the index's total: the table is the index's; "Tối đa | Đạt được" under each group.
@pytest.mark.parametrize("under", ["Điểm tối đa;Điểm đạt;Điểm tối đa;Điểm đạt", "Tối đa;Đạt được;Tối đa;Đạt được"])
def test_survey_points_before_the_total_leave_the_table_the_indexs(under):
    raw = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC SỞ, BAN, NGÀNH;;;;;;;\n"
           "STT;Cơ quan, đơn vị;Điểm thẩm định;;Điểm điều tra xã hội học;;Tổng điểm (Chỉ số CCHC);Xếp hạng\n"
           f";;{under};;\n1;Sở Nội vụ;67;62,47;33;27,65;90,12;1\n2;Sở Tài chính;67;60,11;33;27,82;87,93;2\n")
    result = read(raw, 2023, "Thái Nguyên")
    assert {(f["unit_id"], f["index"]): (f["score"], f["rank"]) for f in result["facts"]
            if f["criterion"] == "TOTAL"} == {("thai-nguyen:so-noi-vu", "PAR"): (90.12, 1),
                                              ("thai-nguyen:so-tai-chinh", "PAR"): (87.93, 2)}


def test_a_maximum_written_with_its_points_under_a_field_keeps_the_field():
    from flows.extract.header import column_role

    assert column_role(["Cải cách thủ tục hành chính", "Tối đa 20"]).role == "component"
    assert column_role(["Điểm thẩm định", "Tối đa"]).role == "maximum"


# T8. A province table with each index's score and rank named "PAR INDEX 2024 | Xếp hạng PAR | SIPAS 2024 (%) |
# Xếp hạng SIPAS": both indices.
def test_each_index_with_its_own_rank_named_by_the_index():
    raw = ("Tổng hợp kết quả năm 2024;;;;;\nSTT;Tỉnh, thành phố;PAR INDEX 2024;Xếp hạng PAR;SIPAS 2024 (%);"
           "Xếp hạng SIPAS\n1;Hải Phòng;92,93;1;89,10;3\n2;Quảng Ninh;91,50;2;90,20;1\n")
    result = read(raw)
    assert {(f["unit_id"], f["index"]): (f["score"], f["rank"]) for f in result["facts"]} == {
        ("hai-phong", "PAR"): (92.93, 1), ("quang-ninh", "PAR"): (91.5, 2),
        ("hai-phong", "SIPAS"): (89.1, 3), ("quang-ninh", "SIPAS"): (90.2, 1)}


@pytest.mark.parametrize("stem", ["bao-cao-par-sipas-2024", "phu-luc-sipas_par-2024"])
def test_a_file_named_after_both_indices_leaves_points_to_par(stem):
    raw = ("Xếp hạng;Bộ, cơ quan ngang bộ;Tổng điểm (100)\n1;Bộ Tư pháp;93,85\n2;Bộ Y tế;90,75\n")
    result = extract_csv(raw, f"{stem}.csv", gazetteer(), 2024, None)
    assert {f["index"] for f in result["facts"]} == {"PAR"}
