"""PDFs read beyond their ruled tables: an announcement's sentences, a table drawn without borders, and a
sentence beside a ruled table (documents written here, laid out with fpdf2)."""

from __future__ import annotations

import pytest
from table_fixtures import write_text_pdf

from flows.errors import ParindexError
from flows.extract import extract_path

HEADER = ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"]
ROWS = [["1", "Huyện Thanh Hà", "90,36", "1"], ["2", "Thị xã Kinh Môn", "88,71", "2"],
        ["3", "Huyện Tứ Kỳ", "86,05", "3"], ["4", "Huyện Ninh Giang", "84,90", "4"]]


def figures(result: dict, year: int) -> dict[str, tuple]:
    return {f["unit"]: (f["index"], f["score"], f["rank"]) for f in result["facts"]
            if f["criterion"] == "TOTAL" and f["year"] == year}


def test_announcement_pdf_is_read_as_text_with_page_and_line_places(tmp_path, gazetteer) -> None:
    first = ("UBND tỉnh Hải Dương vừa công bố Chỉ số cải cách hành chính năm 2022 của các sở, ban, ngành. Với "
             "93,02 điểm, Sở Kế hoạch và Đầu tư tiếp tục đứng đầu khối, kế đến là Sở Tài chính đạt 91,47 điểm; "
             "Sở Xây dựng xếp thứ ba.")
    second = "Ở cuối bảng, Sở Y tế chỉ đạt 79,80 điểm và xếp thứ 20/20."
    path = write_text_pdf(tmp_path / "thong-bao.pdf", [[first], ["Trang sau.", second]])
    result = extract_path(path, gazetteer)
    assert figures(result, 2022) == {"Sở Kế hoạch và Đầu tư": ("PAR", 93.02, 1), "Sở Tài chính": ("PAR", 91.47, 2),
                                     "Sở Xây dựng": ("PAR", None, 3), "Sở Y tế": ("PAR", 79.8, 20)}
    assert figures(result, 2021) == {"Sở Kế hoạch và Đầu tư": ("PAR", None, 1)}  # "tiếp tục đứng đầu"
    places = {f["unit"]: f["place"] for f in result["facts"]}
    assert places["Sở Y tế"] == "page 2, line 2" and places["Sở Tài chính"].startswith("page 1, line ")
    assert all(f["span"] is None for f in result["facts"])  # offsets of a laid-out text would point nowhere
    assert result["source"]["media_type"] == "application/pdf" and result["source"]["province"] == "Hải Dương"


def test_table_drawn_without_borders_is_read_by_its_columns(tmp_path, gazetteer) -> None:
    title = "Kết quả Chỉ số CCHC năm 2023 của UBND các huyện, thị xã, thành phố tỉnh Hải Dương"
    path = write_text_pdf(tmp_path / "phu-luc.pdf", [[title, [HEADER, *ROWS]]], borders=False)
    result = extract_path(path, gazetteer)
    assert figures(result, 2023) == {"Huyện Thanh Hà": ("PAR", 90.36, 1), "Thị xã Kinh Môn": ("PAR", 88.71, 2),
                                     "Huyện Tứ Kỳ": ("PAR", 86.05, 3), "Huyện Ninh Giang": ("PAR", 84.9, 4)}


def test_sentence_beside_a_ruled_table_is_read_and_a_row_it_repeats_is_one_fact(tmp_path, gazetteer) -> None:
    lead = ("Theo Quyết định số 204/QĐ-UBND, năm 2023 Sở Tư pháp đạt 91,12 điểm, xếp thứ nhất khối sở, ngành; "
            "huyện Thanh Hà đứng đầu khối huyện.")
    title = "Kết quả Chỉ số CCHC năm 2023 của UBND các huyện, thị xã, thành phố tỉnh Hải Dương"
    path = write_text_pdf(tmp_path / "quyet-dinh.pdf", [[lead, title, [HEADER, *ROWS]]])
    result = extract_path(path, gazetteer)
    totals = [f for f in result["facts"] if f["criterion"] == "TOTAL"]
    assert figures(result, 2023)["Sở Tư pháp"] == ("PAR", 91.12, 1)
    assert [f["unit"] for f in totals].count("Huyện Thanh Hà") == 1
    assert figures(result, 2023)["Huyện Thanh Hà"] == ("PAR", 90.36, 1)
    assert {f["place"] for f in totals if f["unit"] == "Huyện Tứ Kỳ"} == {"page 1, row 4"}
    assert result["source"]["decision_no"] == "204/QĐ-UBND"


def test_pdf_with_neither_table_nor_figures_says_so(tmp_path, gazetteer) -> None:
    path = write_text_pdf(tmp_path / "cong-van.pdf", [["Đề nghị các đơn vị gửi báo cáo tự đánh giá trước ngày 15/12."]])
    with pytest.raises(ParindexError, match="no score table and no sentence"):
        extract_path(path, gazetteer)


def test_borderless_table_with_a_row_of_index_groups_over_its_labels(tmp_path, gazetteer) -> None:
    """Two header rows drawn without lines: each index over its own score and rank; the labels of the second row
    stand at their columns, not at the line's start."""
    from fpdf import FPDF
    from table_fixtures import _font

    pdf = FPDF(orientation="L")
    pdf.add_font("vn", "", str(_font()))
    pdf.set_font("vn", size=10)
    pdf.add_page()
    pdf.cell(0, 8, "Kết quả Chỉ số CCHC và Chỉ số hài lòng năm 2022 của các sở, ngành tỉnh Quảng Bình",
             new_x="LMARGIN", new_y="NEXT")
    widths = [15, 80, 60, 60]
    rows = [["STT", "Cơ quan, đơn vị", "Chỉ số CCHC năm 2022", "Chỉ số SIPAS năm 2022"],
            ["", "", "Điểm            Xếp hạng", "Tỷ lệ hài lòng (%)   Xếp hạng"],
            ["1", "Sở Tư pháp", "91,40            1", "88,15                      2"],
            ["2", "Sở Nội vụ", "90,06            2", "89,02                      1"],
            ["3", "Sở Tài chính", "88,73            3", "86,60                      3"]]
    for row in rows:
        for width, cell in zip(widths, row, strict=True):
            pdf.cell(width, 7, cell)
        pdf.ln(7)
    path = tmp_path / "phu-luc.pdf"
    pdf.output(str(path))
    result = extract_path(path, gazetteer)
    got = {(f["unit"], f["index"]): (f["score"], f["rank"]) for f in result["facts"] if f["criterion"] == "TOTAL"}
    assert got == {("Sở Tư pháp", "PAR"): (91.4, 1), ("Sở Nội vụ", "PAR"): (90.06, 2),
                   ("Sở Tài chính", "PAR"): (88.73, 3), ("Sở Tư pháp", "SIPAS"): (88.15, 2),
                   ("Sở Nội vụ", "SIPAS"): (89.02, 1), ("Sở Tài chính", "SIPAS"): (86.6, 3)}
