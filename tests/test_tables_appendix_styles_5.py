"""Appendix styles, fifth round: a group label centred over numbered field columns in a text table, a name printed
around its row's figures, a maxima row whose total is not 100 beside a percent column, and an economic-zone
authority named with its zone.

Every table here is written for the test (units from warehouse/seeds/dim_unit.csv, figures invented).
"""

from __future__ import annotations

import pytest
from test_tables import gazetteer

from flows.extract.tables import extract_csv
from flows.extract.text_tables import extract_text_with_tables


def totals(result: dict) -> dict[str, tuple]:
    return {f["unit"]: (f["score"], f["rank"]) for f in result["facts"] if f["criterion"] == "TOTAL"}


def text_table(raw: str, year: int = 2022, province: str = "Lào Cai") -> dict:
    return extract_text_with_tables(raw, f"raw/{year}/x/phu-luc.txt", gazetteer(), year, province)


# R1. "Chỉ số thành phần" centred over fields numbered 1 to 5: over all five, not only those under it.
@pytest.mark.parametrize("label", [
    "  STT  Đơn vị                                 Chỉ số thành phần              Tổng   Xếp hạng",
    "  STT  Đơn vị                      Chỉ số thành phần                         Tổng   Xếp hạng",
])
def test_a_group_label_over_numbered_field_columns(label: str) -> None:
    raw = ("BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022\n\n" + label + "\n"
           "                                    1      2      3      4      5     điểm\n"
           " 1     Sở Tư pháp                 11,50   8,18  12,83   9,60  13,41   92,64      1\n"
           " 2     Sở Nội vụ                  10,48   8,13  12,84   8,66  12,83   90,26      2\n")
    result = text_table(raw)
    assert totals(result) == {"Sở Tư pháp": (92.64, 1), "Sở Nội vụ": (90.26, 2)}
    assert len([f for f in result["facts"] if f["criterion"] != "TOTAL"]) == 10


# R2. A name printed on the lines around its row's figures (a cell centred in a Word table).
def test_a_name_printed_around_its_rows_figures() -> None:
    raw = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 CỦA CÁC SỞ, BAN, NGÀNH\n\n"
           "  TT        Tên đơn vị                    Tổng điểm   Xếp hạng\n"
           " 11    Sở Công Thương                        84,15         11\n"
           "       Sở Nông nghiệp và Phát triển\n"
           " 12                                          83,47         12\n"
           "       nông thôn\n"
           " 13    Sở Giáo dục và Đào tạo                82,01         13\n")
    assert totals(text_table(raw)) == {"Sở Công Thương": (84.15, 11),
                                       "Sở Nông nghiệp và Phát triển nông thôn": (83.47, 12),
                                       "Sở Giáo dục và Đào tạo": (82.01, 13)}


# R3. A maxima row giving 95 under the total and 100 under the percent: the percent is the index.
@pytest.mark.parametrize(("total_max", "headline"), [("95", 90.65), ("100", 86.12)])
def test_a_maxima_row_below_100_makes_the_percent_the_headline(total_max: str, headline: float) -> None:
    text = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017 CỦA CÁC SỞ, BAN, NGÀNH\n"
            "STT;Đơn vị;Cải cách TTHC;Tổng điểm;Chỉ số (%);Xếp hạng\n"
            f";Điểm tối đa;14;{total_max};100;\n1;Sở Tư pháp;12,94;86,12;90,65;1\n")
    result = extract_csv(text, "raw/2017/quang-nam/pl.csv", gazetteer(), 2017, "Quảng Nam")
    assert totals(result) == {"Sở Tư pháp": (headline, 1)}


# R4. The economic-zone authority named with its zone.
@pytest.mark.parametrize("zone", ["Khu kinh tế mở Chu Lai", "Khu kinh tế Chu Lai"])
def test_an_economic_zone_authority_named_with_its_zone(zone: str) -> None:
    text = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017 CỦA CÁC SỞ, BAN, NGÀNH\nSTT;Đơn vị;Tổng điểm;Xếp hạng\n"
            f"1;Sở Tư pháp;86,12;1\n2;Ban Quản lý {zone};85,40;2\n3;Sở Y tế Mới;80,00;3\n")
    result = extract_csv(text, "raw/2017/quang-nam/pl.csv", gazetteer(), 2017, "Quảng Nam")
    assert totals(result) == {"Sở Tư pháp": (86.12, 1), "Ban Quản lý Khu kinh tế": (85.4, 2)}
    assert [r["value"] for r in result["rejects"]] == ["Sở Y tế Mới"]


# R5. Header cells broken over lines inside quotes, as Excel writes Alt+Enter.
def test_a_csv_header_cell_with_a_line_break_inside_its_quotes() -> None:
    text = ('KẾT QUẢ CHỈ SỐ CCHC NĂM 2021 CỦA CÁC HUYỆN\nSTT;Đơn vị;"Tổng\nđiểm";"Xếp\nhạng"\n'
            '1;Huyện Tuy Phước;91,25;1\n2;Huyện Phù Cát;90,10;2\n3;Huyện "An Lão;88,40;3\n')
    result = extract_csv(text, "raw/2021/binh-dinh/pl.csv", gazetteer(), 2021, "Bình Định")
    assert totals(result) == {"Huyện Tuy Phước": (91.25, 1), "Huyện Phù Cát": (90.1, 2)}
    assert all(text[f["span"][0]:f["span"][1]] == f["evidence"] for f in result["facts"])


# R6. A row of years over repeated (score, rank) pairs, the labels under them drifting out of place to the right.
def test_a_row_of_years_over_repeated_pairs_of_columns() -> None:
    raw = ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC TỈNH GIAI ĐOẠN 2021 - 2023\n\n"
           "                                 Năm 2021          Năm 2022          Năm 2023\n"
           " TT   Tỉnh, thành phố       Chỉ số   Xếp     Chỉ số   Xếp     Chỉ số   Xếp\n"
           "                            (%)     hạng     (%)     hạng        hạng  (%)\n\n"
           "  1   Quảng Ninh             89,90      1      90,80      1      91,88      1\n"
           "  2   Bắc Giang              88,41      4      89,71      3      91,23      2\n"
           "  3   Sơn La                 87,91      7      89,16      5      90,32      3\n")
    got = {(f["unit"], f["year"]): (f["score"], f["rank"])
           for f in text_table(raw, 2023, None)["facts"] if f["criterion"] == "TOTAL"}
    assert got == {("Tỉnh Quảng Ninh", 2021): (89.9, 1), ("Tỉnh Quảng Ninh", 2022): (90.8, 1),
                   ("Tỉnh Quảng Ninh", 2023): (91.88, 1), ("Tỉnh Bắc Giang", 2021): (88.41, 4),
                   ("Tỉnh Bắc Giang", 2022): (89.71, 3), ("Tỉnh Bắc Giang", 2023): (91.23, 2),
                   ("Tỉnh Sơn La", 2021): (87.91, 7), ("Tỉnh Sơn La", 2022): (89.16, 5),
                   ("Tỉnh Sơn La", 2023): (90.32, 3)}
