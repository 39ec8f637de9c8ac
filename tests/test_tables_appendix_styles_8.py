"""Appendix styles, eighth round: English headers ("Rank | Province | Score"), rows numbered in score order without
a rank column, and a table row and a sentence stating the same unit's figures.

Every table here is written for the test (units from warehouse/seeds/dim_unit.csv, figures invented).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tables import gazetteer

from flows.extract import extract_path
from flows.extract.tables import extract_csv


def totals(result: dict) -> dict[str, tuple]:
    return {f["unit_id"]: (f["score"], f["rank"]) for f in result["facts"] if f["criterion"] == "TOTAL"}


def extracted(tmp_path: Path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_path(path, gazetteer())


@pytest.mark.parametrize("header", ["| Rank | Province | Score |", "| No. | Province/city | PAR Index 2018 |",
                                    "| Position | Locality | Points |"])
def test_a_markdown_table_with_an_english_header(tmp_path, header):
    text = (f"PAR Index 2018: the leaders\n\n{header}\n|---|---|---|\n| 1 | Quang Ninh | 88.71 |\n"
            "| 2 | Hai Phong | 86.14 |\n")
    result = extracted(tmp_path, "brief.txt", text)
    ranks = {"quang-ninh": 1, "hai-phong": 2} if not header.startswith("| No.") else {"quang-ninh": None,
                                                                                      "hai-phong": None}
    assert totals(result) == {"quang-ninh": (88.71, ranks["quang-ninh"]), "hai-phong": (86.14, ranks["hai-phong"])}


def test_a_plain_text_table_aligned_with_spaces_and_an_english_header(tmp_path):
    text = ("CAN THO CITY - 2021 PAR INDEX OF DISTRICTS\n\n"
            "Unit                      Score    Rank\n"
            "Ninh Kieu District        90.12    1\n"
            "Cai Rang District         88.40    2\n"
            "Phong Dien District       85.07    3\n")
    result = extracted(tmp_path, "can-tho.txt", text)
    assert totals(result) == {"can-tho:quan-ninh-kieu": (90.12, 1), "can-tho:quan-cai-rang": (88.4, 2),
                              "can-tho:huyen-phong-dien": (85.07, 3)}


ROWS = [("Sở Tư pháp", "93,10"), ("Sở Nội vụ", "91,65"), ("Sở Y tế", "91,65"), ("Sở Xây dựng", "88,02"),
        ("Sở Công Thương", "85,40")]


def _csv(rows, numbers=None, rank_column=False) -> str:
    head = "STT;Đơn vị;Điểm" + (";Xếp hạng" if rank_column else "")
    lines = [f"{n};{unit};{score}" + (f";{n}" if rank_column else "")
             for n, (unit, score) in zip(numbers or range(1, len(rows) + 1), rows, strict=True)]
    return "\n".join([head, *lines]) + "\n"


def test_rows_numbered_in_falling_score_order_are_the_ranking():
    result = extract_csv(_csv(ROWS), "so-nganh.csv", gazetteer(), 2022, "Bình Phước")
    assert totals(result) == {"binh-phuoc:so-tu-phap": (93.1, 1), "binh-phuoc:so-noi-vu": (91.65, 2),
                              "binh-phuoc:so-y-te": (91.65, 2), "binh-phuoc:so-xay-dung": (88.02, 4),
                              "binh-phuoc:so-cong-thuong": (85.4, 5)}
    assert {f["basis"] for f in result["facts"]} == {"implied"}
    assert [f["tied"] for f in result["facts"]] == [False, True, True, False, False]


def test_rows_left_out_keep_the_numbers_of_the_others():
    text = _csv(ROWS, numbers=[1, 2, 3, 17, 18])
    result = extract_csv(text, "so-nganh.csv", gazetteer(), 2022, "Bình Phước")
    assert totals(result)["binh-phuoc:so-cong-thuong"] == (85.4, 18)


@pytest.mark.parametrize("case", ["score rises", "numbers restart", "too few rows"])
def test_numbered_rows_that_are_not_a_ranking_get_no_place(case):
    rows, numbers = ROWS, None
    if case == "score rises":
        rows = [ROWS[0], ROWS[3], ROWS[1], ROWS[4]]
    elif case == "numbers restart":  # two sections, numbered each from 1
        numbers = [1, 2, 3, 1, 2]
    else:
        rows = ROWS[:3]
    result = extract_csv(_csv(rows, numbers), "so-nganh.csv", gazetteer(), 2022, "Bình Phước")
    assert {rank for _, rank in totals(result).values()} == {None}


def test_a_rank_column_beats_the_row_numbers():
    text = "STT;Đơn vị;Điểm;Xếp hạng\n" + "".join(
        f"{n};{unit};{score};{rank}\n" for n, (unit, score), rank in zip(range(1, 6), ROWS, (1, 2, 2, 5, 4),
                                                                          strict=True))
    result = extract_csv(text, "so-nganh.csv", gazetteer(), 2022, "Bình Phước")
    assert totals(result)["binh-phuoc:so-cong-thuong"] == (85.4, 4)


def test_a_sentence_and_a_row_on_one_unit_make_one_fact(tmp_path):
    text = ("Chỉ số CCHC năm 2022 của các sở tỉnh Bình Phước\n\n"
            "| Đơn vị | Điểm |\n|---|---|\n| Sở Nội vụ | 91,65 |\n| Sở Tư pháp | 93,10 |\n\n"
            "Sở Tư pháp là đơn vị dẫn đầu.\n")
    result = extracted(tmp_path, "so.md", text)
    got = [(f["unit"], f["score"], f["rank"], f["basis"]) for f in result["facts"]]
    assert sorted(got, key=str) == [("Sở Nội vụ", 91.65, None, "stated"), ("Sở Tư pháp", 93.1, 1, "stated")]


def test_a_sentence_and_a_row_in_conflict_stay_two_facts(tmp_path):
    text = ("Chỉ số CCHC năm 2022 của các sở tỉnh Bình Phước\n\n"
            "| Đơn vị | Điểm |\n|---|---|\n| Sở Nội vụ | 91,65 |\n| Sở Tư pháp | 93,10 |\n\n"
            "Sở Tư pháp đạt 92,10 điểm.\n")
    result = extracted(tmp_path, "so.md", text)
    assert sorted(f["score"] for f in result["facts"] if f["unit"] == "Sở Tư pháp") == [92.1, 93.1]


def test_a_tab_separated_file_is_read_as_a_table(tmp_path):
    text = ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2023 TỈNH BÌNH PHƯỚC\nTT\tĐơn vị\tTổng điểm\tXếp hạng\n"
            "1\tSở Tư pháp\t93,10\t1\n2\tSở Nội vụ\t91,65\t2\n")
    for name in ("phu-luc.tsv", "phu-luc.tab"):
        result = extracted(tmp_path, name, text)
        assert result["source"]["media_type"] == "text/tab-separated-values"
        assert totals(result) == {"binh-phuoc:so-tu-phap": (93.1, 1), "binh-phuoc:so-noi-vu": (91.65, 2)}


GROUPED_MD = ("Chỉ số CCHC và SIPAS năm 2023 tỉnh Bình Phước\n\n"
              "| | | Chỉ số CCHC | | Chỉ số hài lòng | |\n|---|---|---|---|---|---|\n"
              "| TT | Đơn vị | Điểm (%) | Hạng | Điểm (%) | Hạng |\n"
              "| 1 | Sở Tư pháp | 93,10 | 1 | 88,20 | 2 |\n| 2 | Sở Nội vụ | 91,65 | 2 | 90,05 | 1 |\n")
GROUPED_TEXT = ("Chỉ số CCHC và SIPAS năm 2023 tỉnh Bình Phước\n\n"
                "                       Chỉ số CCHC         Chỉ số hài lòng\n"
                " TT   Đơn vị          Điểm (%)   Hạng     Điểm (%)   Hạng\n"
                "  1   Sở Tư pháp         93,10      1        88,20      2\n"
                "  2   Sở Nội vụ          91,65      2        90,05      1\n")


@pytest.mark.parametrize("name, text", [("grouped.md", GROUPED_MD), ("grouped.txt", GROUPED_TEXT)],
                         ids=["markdown", "aligned"])
def test_a_row_of_index_labels_over_the_header_names_each_pair_of_columns(tmp_path, name, text):
    result = extracted(tmp_path, name, text)
    got = {(f["unit_id"], f["index"]): (f["score"], f["rank"]) for f in result["facts"]}
    assert got == {("binh-phuoc:so-tu-phap", "PAR"): (93.1, 1), ("binh-phuoc:so-noi-vu", "PAR"): (91.65, 2),
                   ("binh-phuoc:so-tu-phap", "SIPAS"): (88.2, 2), ("binh-phuoc:so-noi-vu", "SIPAS"): (90.05, 1)}


def test_a_title_line_over_the_header_is_no_row_of_labels(tmp_path):
    text = ("| Phụ lục: Chỉ số CCHC năm 2023 | | |\n|---|---|---|\n| TT | Đơn vị | Điểm |\n"
            "| 1 | Sở Tư pháp | 93,10 |\n")
    result = extracted(tmp_path, "binh-phuoc-2023.md", text)
    assert totals(result) == {"binh-phuoc:so-tu-phap": (93.1, None)}


@pytest.mark.parametrize("cell, unit", [("TX. Từ Sơn", "bac-ninh:thanh-pho-tu-son"),
                                        ("TX Phổ Yên", "thai-nguyen:thanh-pho-pho-yen"),
                                        ("H. Sa Pa", "lao-cai:thi-xa-sa-pa")])
def test_a_town_written_short_under_the_kind_it_had_before_its_upgrade(cell, unit):
    province = {"bac-ninh": "Bắc Ninh", "thai-nguyen": "Thái Nguyên", "lao-cai": "Lào Cai"}[unit.split(":")[0]]
    result = extract_csv(f"TT;Đơn vị;Điểm\n1;{cell};88,47\n", "huyen.csv", gazetteer(), 2018, province)
    assert totals(result) == {unit: (88.47, None)}


def test_a_district_of_the_same_name_is_not_a_towns_former_kind():
    # Đồng Tháp has both Huyện Hồng Ngự and Thành phố Hồng Ngự: "TX Hồng Ngự" is the town (the city now)
    g = gazetteer()
    assert g.resolve("Huyện Hồng Ngự", "Đồng Tháp", 2018).unit_id == "dong-thap:huyen-hong-ngu"
    assert g.resolve("TX Hồng Ngự", "Đồng Tháp", 2018).unit_id == "dong-thap:thanh-pho-hong-ngu"


def test_a_town_created_in_2025_is_no_unit_of_the_years_before():
    g = gazetteer()
    assert g.resolve("Thị xã Chũ", "Bắc Giang", 2024) is None
    assert g.resolve("Thị xã Chũ", "Bắc Giang", 2025).unit_id == "bac-giang:thi-xa-chu"


def test_columns_of_years_holding_whole_numbers_are_each_years_ranks(tmp_path):
    text = ("# Thứ hạng Chỉ số CCHC của các huyện tỉnh Bình Phước qua các năm\n\n"
            "| Đơn vị | 2021 | 2022 | 2023 | Điểm 2023 |\n|---|---|---|---|---|\n"
            "| Thành phố Đồng Xoài | 1 | 2 | 1 | 90,1 |\n| Thị xã Bình Long | 2 | 1 | 3 | 87,2 |\n"
            "| Huyện Lộc Ninh | 3 | 3 | 2 | 88,4 |\n")
    result = extracted(tmp_path, "qua-cac-nam.md", text)
    got = {(f["unit_id"].split(":")[1], f["year"]): (f["score"], f["rank"]) for f in result["facts"]}
    assert got == {("thanh-pho-dong-xoai", 2021): (None, 1), ("thanh-pho-dong-xoai", 2022): (None, 2),
                   ("thanh-pho-dong-xoai", 2023): (90.1, 1), ("thi-xa-binh-long", 2021): (None, 2),
                   ("thi-xa-binh-long", 2022): (None, 1), ("thi-xa-binh-long", 2023): (87.2, 3),
                   ("huyen-loc-ninh", 2021): (None, 3), ("huyen-loc-ninh", 2022): (None, 3),
                   ("huyen-loc-ninh", 2023): (88.4, 2)}


def test_columns_of_years_holding_decimals_are_each_years_scores(tmp_path):
    text = ("Chỉ số hài lòng (SIPAS) các sở tỉnh Bình Phước\n\n| Đơn vị | Năm 2022 | Năm 2023 |\n|---|---|---|\n"
            "| Sở Tư pháp | 88,1 | 90,2 |\n| Sở Y tế | 86,4 | 89,5 |\n")
    result = extracted(tmp_path, "sipas.md", text)
    got = {(f["unit"], f["year"]): (f["score"], f["rank"]) for f in result["facts"]}
    assert got == {("Sở Tư pháp", 2022): (88.1, None), ("Sở Tư pháp", 2023): (90.2, None),
                   ("Sở Y tế", 2022): (86.4, None), ("Sở Y tế", 2023): (89.5, None)}


@pytest.mark.parametrize("cell", ["90,2 (1)", "90,2 (thứ 1)", "90,2% (1)"])
def test_a_score_cell_with_its_rank_in_brackets(cell):
    text = f"Đơn vị;Tổng điểm\nSở Tư pháp;{cell}\nSở Y tế;89,5 (2)\n"
    result = extract_csv(text, "binh-phuoc-2023.csv", gazetteer(), 2023, "Bình Phước")
    assert totals(result) == {"binh-phuoc:so-tu-phap": (90.2, 1), "binh-phuoc:so-y-te": (89.5, 2)}
