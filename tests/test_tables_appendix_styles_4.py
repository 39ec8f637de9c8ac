"""Appendix styles, fourth round: a column per year, a table printed in two halves side by side, a maximum
per unit beside the percent, quarters under a satisfaction column, the old unit in brackets after a 2025
name, footnote marks on scores, and more header words.

Every table here is written for the test (units from warehouse/seeds/dim_unit.csv, figures invented).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from table_fixtures import write_xlsx
from test_tables import gazetteer

from flows.extract import extract_path
from flows.extract.tables import extract_csv


def csv_of(text: str, path: str, year: int | None, province: str | None) -> dict:
    return extract_csv(text, path, gazetteer(), year, province)


def totals(result: dict) -> list[tuple]:
    return sorted((f["unit"], f["index"], f["year"], f["score"], f["rank"]) for f in result["facts"]
                  if f["criterion"] == "TOTAL")


# Q1. One column per year: each is that year's figure, when the table names its index.
@pytest.mark.parametrize("labels", [("Năm 2020", "Năm 2021"), ("2020", "2021"),
                                    ("Chỉ số CCHC năm 2020", "Chỉ số CCHC năm 2021")])
def test_a_column_per_year_gives_each_years_figures(labels: tuple[str, str]) -> None:
    text = (f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC HUYỆN GIAI ĐOẠN 2020 - 2021\nTT;Tên đơn vị;{labels[0]};{labels[1]}\n"
            "1;Huyện Tiên Lãng;84,25;86,70\n2;Huyện Vĩnh Bảo;85,10;85,95\n")
    result = csv_of(text, "raw/2022/hai-phong/giai-doan.csv", 2022, "Hải Phòng")
    assert totals(result) == [("Huyện Tiên Lãng", "PAR", 2020, 84.25, None),
                              ("Huyện Tiên Lãng", "PAR", 2021, 86.7, None),
                              ("Huyện Vĩnh Bảo", "PAR", 2020, 85.1, None), ("Huyện Vĩnh Bảo", "PAR", 2021, 85.95, None)]


def test_year_columns_of_a_table_naming_no_index_are_not_read() -> None:
    text = "Số hồ sơ trực tuyến\nTT;Tên đơn vị;Năm 2020;Năm 2021\n1;Huyện Tiên Lãng;1250;1432\n"
    result = csv_of(text, "raw/2021/hai-phong/ho-so.csv", 2021, "Hải Phòng")
    assert result["facts"] == []
    assert [w for w in result["warnings"] if "line 2" in w and "names none" in w and "title" in w]


def test_a_title_of_two_years_and_the_rank_of_the_later_one() -> None:
    text = ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2020 VÀ NĂM 2021 CÁC QUẬN\n"
            "STT;Đơn vị;Tổng điểm năm 2020;Tổng điểm năm 2021;Xếp hạng năm 2021\n"
            "1;Quận Lê Chân;87,05;90,40;1\n2;Quận Hải An;88,30;89,15;2\n")
    result = csv_of(text, "raw/2022/hai-phong/hai-nam.csv", 2022, "Hải Phòng")
    assert totals(result) == [("Quận Hải An", "PAR", 2020, 88.3, None), ("Quận Hải An", "PAR", 2021, 89.15, 2),
                              ("Quận Lê Chân", "PAR", 2020, 87.05, None), ("Quận Lê Chân", "PAR", 2021, 90.4, 1)]


# Q2. A table printed in two halves side by side.
@pytest.mark.parametrize("order", [("Xếp hạng", "Đơn vị", "Tổng điểm"), ("Đơn vị", "Tổng điểm", "Xếp hạng")])
def test_a_table_in_two_halves_side_by_side(order: tuple[str, str, str]) -> None:
    rows = [[("4", "Sở Xây dựng", "88,60"), ("6", "Sở Y tế", "86,25")],
            [("5", "Sở Tài chính", "87,95"), ("7", "Sở Công Thương", "85,40")]]
    pick = {"Xếp hạng": 0, "Đơn vị": 1, "Tổng điểm": 2}

    def half(cells: tuple[str, str, str]) -> str:
        return ";".join(cells[pick[label]] for label in order)

    text = ("CHỈ SỐ CCHC NĂM 2021 CÁC SỞ, NGÀNH\n" + ";".join(order * 2) + "\n"
            + "\n".join(f"{half(a)};{half(b)}" for a, b in rows) + "\n")
    result = csv_of(text, "raw/2022/hai-phong/hai-nua.csv", 2022, "Hải Phòng")
    assert totals(result) == [("Sở Công Thương", "PAR", 2021, 85.4, 7), ("Sở Tài chính", "PAR", 2021, 87.95, 5),
                              ("Sở Xây dựng", "PAR", 2021, 88.6, 4), ("Sở Y tế", "PAR", 2021, 86.25, 6)]
    assert not result["rejects"]


# Q3. A maximum per unit: the percent is the index, the points reached are not the headline.
@pytest.mark.parametrize("maximum", ["Điểm tối đa", "Tổng điểm tối đa"])
def test_a_maximum_per_unit_makes_the_percent_the_headline(maximum: str) -> None:
    text = (f"CHỈ SỐ CCHC NĂM 2023 CỦA CÁC SỞ, NGÀNH\nSTT;Tên đơn vị;{maximum};Tổng điểm đạt được;Chỉ số (%);"
            "Xếp hạng\n1;Sở Tư pháp;92,00;85,10;92,50;1\n2;Sở Y tế;100;90,20;90,20;2\n")
    result = csv_of(text, "raw/2024/hai-phong/toi-da.csv", 2024, "Hải Phòng")
    assert totals(result) == [("Sở Tư pháp", "PAR", 2023, 92.5, 1), ("Sở Y tế", "PAR", 2023, 90.2, 2)]
    assert [w for w in result["warnings"] if "'Tổng điểm đạt được'" in w and "maximum" in w]


# Q4. Quarters under the satisfaction column: the yearly average is the headline.
@pytest.mark.parametrize("average", ["Bình quân", "Cả năm", "Chung"])
def test_quarters_and_their_average_under_a_satisfaction_column(tmp_path: Path, average: str) -> None:
    rows = [["CHỈ SỐ HÀI LÒNG NĂM 2025 CỦA CÁC PHƯỜNG", None, None, None, None, None],
            ["STT", "Tên đơn vị", "Chỉ số hài lòng (%)", None, None, "Xếp hạng"],
            [None, None, "Quý III", "Quý IV", average, None],
            [1, "Phường Lê Chân", 91.2, 92.4, 91.8, 1], [2, "Phường Hồng An", 90.1, 90.5, 90.3, 2]]
    merges = [(0, 0, 0, 5), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 4), (1, 5, 2, 5)]
    folder = tmp_path / "raw" / "2026" / "hai-phong"
    folder.mkdir(parents=True)
    result = extract_path(write_xlsx(folder / "quy.xlsx", {"SIPAS": rows}, {"SIPAS": merges}), gazetteer())
    assert totals(result) == [("Phường Hồng An", "SIPAS", 2025, 90.3, 2), ("Phường Lê Chân", "SIPAS", 2025, 91.8, 1)]


# Q5. The old unit in brackets after a 2025 name; footnote marks on scores; more header words.
def test_the_old_unit_in_brackets_after_a_new_name() -> None:
    text = ("CHỈ SỐ CCHC NĂM 2025 CỦA CÁC XÃ, PHƯỜNG\nSTT;Tên đơn vị;Tổng điểm;Xếp hạng\n"
            "1;UBND phường Lê Chân (quận Lê Chân cũ);90,85;1\n2;Xã Tiên Lãng (huyện Tiên Lãng cũ);88,30;2\n")
    result = csv_of(text, "raw/2026/hai-phong/xa-phuong.csv", 2026, "Hải Phòng")
    assert totals(result) == [("Phường Lê Chân", "PAR", 2025, 90.85, 1), ("Xã Tiên Lãng", "PAR", 2025, 88.3, 2)]
    assert not result["rejects"]


@pytest.mark.parametrize("mark", ["(*)", "*", " (**)"])
def test_a_footnote_mark_on_a_score(mark: str) -> None:
    text = (f"CHỈ SỐ CCHC NĂM 2021 CÁC SỞ\nSTT;Tên cơ quan;Tổng điểm;Xếp hạng\n1;Sở Y tế;90,15;1\n"
            f"2;Sở Xây dựng;88,40{mark};2\nGhi chú: (*) bị trừ điểm do chậm báo cáo.\n")
    result = csv_of(text, "raw/2022/hai-phong/sao.csv", 2022, "Hải Phòng")
    assert totals(result) == [("Sở Xây dựng", "PAR", 2021, 88.4, 2), ("Sở Y tế", "PAR", 2021, 90.15, 1)]
    assert not result["rejects"]


@pytest.mark.parametrize(("label", "index", "cell"), [("Số điểm", "PAR", "88,40"),
                                                      ("Mức độ hài lòng chung", "SIPAS", "88,40%")])
def test_more_words_for_the_headline_column(label: str, index: str, cell: str) -> None:
    title = "CHỈ SỐ HÀI LÒNG NĂM 2021 CÁC SỞ" if index == "SIPAS" else "CHỈ SỐ CCHC NĂM 2021 CÁC SỞ"
    text = f"{title}\nSTT;Tên cơ quan;{label};Xếp hạng\n1;Sở Xây dựng;{cell};1\n"
    result = csv_of(text, "raw/2022/hai-phong/chu.csv", 2022, "Hải Phòng")
    assert totals(result) == [("Sở Xây dựng", index, 2021, 88.4, 1)]


# Q6. One header row with each index followed by its own rank; the points before a bonus beside the total.
def test_each_index_followed_by_its_own_rank_in_one_header_row() -> None:
    text = ("CHỈ SỐ CCHC VÀ CHỈ SỐ SIPAS NĂM 2020 CÁC QUẬN\nSTT;Đơn vị;Chỉ số CCHC (%);Xếp hạng;Chỉ số SIPAS (%);"
            "Xếp hạng\n1;Quận Lê Chân;90,45;1;91,20;2\n2;Quận Hải An;89,80;2;92,85;1\n")
    result = csv_of(text, "raw/2021/hai-phong/hai-chi-so.csv", 2021, "Hải Phòng")
    assert totals(result) == [("Quận Hải An", "PAR", 2020, 89.8, 2), ("Quận Hải An", "SIPAS", 2020, 92.85, 1),
                              ("Quận Lê Chân", "PAR", 2020, 90.45, 1), ("Quận Lê Chân", "SIPAS", 2020, 91.2, 2)]


def test_the_points_before_a_bonus_beside_the_total_are_not_the_headline() -> None:
    text = ("CHỈ SỐ CCHC NĂM 2022 CÁC QUẬN\nTT;Đơn vị;Điểm đạt được;Điểm thưởng;Tổng điểm;Xếp hạng\n"
            "1;Quận Lê Chân;89,86;1,00;90,86;1\n2;Quận Hải An;89,24;-;89,24;2\n")
    result = csv_of(text, "raw/2023/hai-phong/thuong.csv", 2023, "Hải Phòng")
    assert totals(result) == [("Quận Hải An", "PAR", 2022, 89.24, 2), ("Quận Lê Chân", "PAR", 2022, 90.86, 1)]
    assert [(f["unit"], f["score"]) for f in result["facts"] if f["criterion"] == "BONUS"] == [("Quận Lê Chân", 1.0)]
    assert not result["rejects"]
    assert [w for w in result["warnings"] if "'Điểm đạt được'" in w and "'Tổng điểm'" in w]


# Q7. A "Khối" column naming the kind of bare 2025 names; a unit that ended before the year's end.
def test_a_khoi_column_gives_bare_names_their_kind() -> None:
    text = ("CHỈ SỐ CCHC NĂM 2025 CỦA CÁC SỞ, NGÀNH, XÃ, PHƯỜNG\nKhối;Thứ hạng;Đơn vị;Điểm đạt\n"
            "Phường;1;Lê Chân;90,45\nPhường;2;Hồng An;89,96\nXã;1;Tiên Lãng;87,94\n")
    result = csv_of(text, "raw/2026/hai-phong/khoi.csv", 2026, "Hải Phòng")
    assert totals(result) == [("Phường Hồng An", "PAR", 2025, 89.96, 2), ("Phường Lê Chân", "PAR", 2025, 90.45, 1),
                              ("Xã Tiên Lãng", "PAR", 2025, 87.94, 1)]


def test_a_unit_that_ended_before_the_end_of_the_year_is_rejected() -> None:
    text = "CHỈ SỐ CCHC NĂM 2025\nSTT;Đơn vị;Tổng điểm\n1;Huyện Tiên Lãng;88,10\n2;Phường Lê Chân;90,45\n"
    result = csv_of(text, "raw/2026/hai-phong/cu.csv", 2026, "Hải Phòng")
    assert totals(result) == [("Phường Lê Chân", "PAR", 2025, 90.45, None)]
    assert [(r["check"], r["value"], r["place"]) for r in result["rejects"]] == [
        ("unit_not_valid", "Huyện Tiên Lãng", "line 3")]
    assert "ended on" in result["rejects"][0]["message"]


def test_the_percent_named_after_the_index_beside_the_points_reached() -> None:
    text = ("CHỈ SỐ CCHC NĂM 2016 CÁC SỞ\nSTT;Cơ quan, đơn vị;Tổng điểm đạt được;Chỉ số CCHC (%);Xếp hạng\n"
            "1;Sở Y tế;87,6;92,21;1\n2;Sở Xây dựng;84,5;88,95;2\n")
    result = csv_of(text, "raw/2017/hai-phong/chi-so.csv", 2017, "Hải Phòng")
    assert totals(result) == [("Sở Xây dựng", "PAR", 2016, 88.95, 2), ("Sở Y tế", "PAR", 2016, 92.21, 1)]


def test_a_signature_under_a_figure_column_is_no_row() -> None:
    text = ("CHỈ SỐ CCHC NĂM 2020 CÁC SỞ\nSTT;Đơn vị;Tổng điểm;Xếp hạng\n1;Sở Y tế;88,12;1\n;;;\n;;KT. CHỦ TỊCH;\n"
            ";;PHÓ CHỦ TỊCH;\n;;(Đã ký);\n")
    result = csv_of(text, "raw/2021/hai-phong/ky.csv", 2021, "Hải Phòng")
    assert totals(result) == [("Sở Y tế", "PAR", 2020, 88.12, 1)]
    assert result["rejects"] == []


def test_department_names_written_short_in_a_table() -> None:
    text = ("CHỈ SỐ CCHC NĂM 2020 CÁC SỞ\nSTT;Cơ quan, đơn vị;Tổng điểm;Xếp hạng\n1;Sở Nông nghiệp và PTNT;89,50;1\n"
            "2;Sở Lao động - TB&XH;88,50;2\n3;Sở Giáo dục - Đào tạo;86,50;3\n")
    result = csv_of(text, "raw/2021/hai-phong/ten-tat.csv", 2021, "Hải Phòng")
    assert [f["unit"] for f in result["facts"]] == ["Sở Nông nghiệp và Phát triển nông thôn",
                                                    "Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo"]
    assert not result["rejects"]


def test_section_rows_numbered_in_the_rank_column_and_a_last_years_rank_without_nam(tmp_path):
    from flows.extract import extract_path

    path = tmp_path / "raw" / "2023" / "thai-binh" / "phu-luc.csv"
    path.parent.mkdir(parents=True)
    path.write_text("Kết quả Chỉ số CCHC năm 2023\nThứ hạng;Đơn vị;Điểm;Thứ hạng 2022\nA;CÁC SỞ, BAN, NGÀNH;;\n"
                    "1;Sở Tư pháp;91,2;3\n2;Sở Y tế;89,5;1\nB;CÁC HUYỆN, THÀNH PHỐ;;\n1;Huyện Hưng Hà;90,1;2\n",
                    encoding="utf-8")
    result = extract_path(path)
    got = {(f["unit"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]}
    assert got == {("Sở Tư pháp", 2023): (91.2, 1), ("Sở Y tế", 2023): (89.5, 2), ("Huyện Hưng Hà", 2023): (90.1, 1),
                   ("Sở Tư pháp", 2022): (None, 3), ("Sở Y tế", 2022): (None, 1), ("Huyện Hưng Hà", 2022): (None, 2)}
    assert result["rejects"] == []
