"""Excel and PDF tables (fixtures generated here), the real flow over a workbook, and source preference."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import make_contract, make_fact
from table_fixtures import DISTRICTS_2019, comma, split_total, write_pdf, write_xlsx

from flows import load
from flows.errors import ParindexError, UnreadableInput
from flows.extract import extract_path
from flows.paths import RAW_DIR

HEADER_2 = [["STT", "Đơn vị", "Điểm đạt được", None, "Tổng điểm", "Xếp hạng"],
            [None, None, "Điểm thẩm định", "Điểm điều tra XHH", None, None]]
MERGES_2 = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4), (0, 5, 1, 5)]


def district_rows(units: list[tuple[str, float, int]], numeric: bool = False) -> list[list[object]]:
    """Data rows: STT, unit, appraised, survey, total, rank (numbers as cells, or text with decimal commas)."""
    rows = []
    for i, (name, total, rank) in enumerate(units, start=1):
        appraised, survey = split_total(total)
        figures = [appraised, survey, total] if numeric else [comma(appraised), comma(survey), comma(total)]
        rows.append([i, name, *figures, rank])
    return rows


def place(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "raw" / "2019" / "hai-phong"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def by_key(result: dict) -> dict[tuple[str, str, str], dict]:
    return {(f["unit"], f["index"], f["criterion"]): f for f in result["facts"]}


def blocs_workbook(path: Path) -> Path:
    """2021-style: urban and rural districts on their own sheets, a notes sheet, titles merged over the table."""
    urban = [u for u in DISTRICTS_2019 if u[0].startswith("Quận")]
    rural = [u for u in DISTRICTS_2019 if u[0].startswith("Huyện")]
    sheets, merges = {"Ghi chú": [["Số liệu thành phần là số liệu minh họa"]]}, {}
    for name, units in (("Khối quận", urban), ("Khối huyện", rural)):
        ranked = [(u, t, r) for r, (u, t, _) in enumerate(units, start=1)]
        title = [f"KẾT QUẢ CHỈ SỐ CCHC NĂM 2019 - {name.upper()}", None, None, None, None, None]
        rows = [title, *HEADER_2, *district_rows(ranked, numeric=name == "Khối quận"),
                ["", "Trung bình", "", "", 84.0, ""], ["Ghi chú: số liệu minh họa", None, None, None, None, None], []]
        sheets[name] = rows
        merges[name] = [(0, 0, 0, 5), *((a + 1, b, c + 1, d) for a, b, c, d in MERGES_2),
                        (len(rows) - 2, 0, len(rows) - 2, 5)]
    return write_xlsx(path, sheets, merges)


def test_xlsx_one_sheet_per_bloc(tmp_path, gazetteer) -> None:
    result = extract_path(blocs_workbook(place(tmp_path, "chi-so-cchc-2019.xlsx")), gazetteer)
    facts = by_key(result)
    assert result["rejects"] == []
    path = place(tmp_path, "chi-so-cchc-2019.xlsx")
    assert result["warnings"] == [f"{path}: sheet 'Ghi chú' has no score table; skipped"]
    totals = [f for f in result["facts"] if f["index"] == "PAR" and f["criterion"] == "TOTAL"]
    assert len(totals) == 15 and len(result["facts"]) == 45  # TOTAL + APPRAISED + SURVEY per district
    le_chan = facts[("Quận Lê Chân", "PAR", "TOTAL")]
    assert (le_chan["score"], le_chan["rank"], le_chan["bloc"], le_chan["place"]) == (89.92, 3, "urban_district",
                                                                                       "'Khối quận'!E6")
    kien_thuy = facts[("Huyện Kiến Thụy", "PAR", "TOTAL")]
    assert (kien_thuy["rank"], kien_thuy["bloc"], kien_thuy["place"]) == (1, "rural_district", "'Khối huyện'!E4")
    assert facts[("Huyện Kiến Thụy", "SURVEY", "TOTAL")]["score"] == split_total(89.24)[1]
    assert facts[("Quận Ngô Quyền", "PAR", "APPRAISED")]["score"] == split_total(91.93)[0]
    assert result["source"]["media_type"].endswith("spreadsheetml.sheet")


def test_xlsx_2019_districts_bloc_from_title_row(tmp_path, gazetteer, validated) -> None:
    rows = [["Chỉ số CCHC năm 2019 của các quận, huyện thành phố Hải Phòng (Quyết định số 1091/QĐ-UBND)"],
            ["STT", "Tên đơn vị", "Tổng điểm", "Xếp hạng"],
            *([i, u, comma(t), r] for i, (u, t, r) in enumerate(DISTRICTS_2019, start=1))]
    result = extract_path(write_xlsx(place(tmp_path, "bang.xlsx"), {"Sheet1": rows}), gazetteer)
    assert [(f["unit"], f["score"], f["rank"]) for f in result["facts"]] == DISTRICTS_2019
    assert {f["bloc"] for f in result["facts"]} == {"district"}
    doc = validated(result)
    assert doc.rejects.empty and doc.count("fact_score") == 15


def test_pdf_table_over_two_pages_with_merged_header(tmp_path, gazetteer, validated) -> None:
    header = [[("STT", 1, 2), ("Tên đơn vị", 1, 2), ("Điểm đạt được", 2, 1), None, ("Tổng điểm", 1, 2),
               ("Xếp hạng", 1, 2)], [None, None, "Điểm thẩm định", "Điểm điều tra XHH", None, None]]
    rows = [[str(c) for c in row] for row in district_rows(DISTRICTS_2019)]
    path = write_pdf(place(tmp_path, "phu-luc-2019.pdf"),
                     [(["Kết quả Chỉ số CCHC năm 2019 khối quận, huyện"], header + rows[:8]), ([], rows[8:])],
                     widths=[10, 60, 30, 30, 25, 20])
    result = extract_path(path, gazetteer)
    facts = by_key(result)
    totals = [(f["unit"], f["score"], f["rank"]) for f in result["facts"] if f["criterion"] == "TOTAL"
              and f["index"] == "PAR"]
    assert totals == DISTRICTS_2019 and result["rejects"] == []
    assert facts[("Quận Kiến An", "PAR", "TOTAL")]["place"] == "page 2, row 1"
    assert facts[("Quận Ngô Quyền", "PAR", "TOTAL")]["place"] == "page 1, row 3"
    assert result["source"]["media_type"] == "application/pdf"
    doc = validated(result)
    assert doc.rejects.empty and doc.count("fact_score") == 45


def test_pdf_without_text_layer_is_refused(tmp_path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 20)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(UnreadableInput, match="no text layer"):
        extract_path(tmp_path / "scan.pdf")


def test_broken_and_tableless_workbooks_say_what_to_do(tmp_path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip file")
    with pytest.raises(UnreadableInput, match="not a readable Excel workbook"):
        extract_path(tmp_path / "broken.xlsx")
    write_xlsx(tmp_path / "notes.xlsx", {"Trang bìa": [["Ủy ban nhân dân thành phố Hải Phòng"]]})
    with pytest.raises(ParindexError, match="no sheet holds a score table") as info:
        extract_path(tmp_path / "notes.xlsx")
    assert "'Trang bìa'" in str(info.value) and "Đơn vị" in str(info.value)


def test_league_table_prefers_the_table_over_a_news_text(tmp_path, gazetteer, validated, warehouse) -> None:
    rows = [["Chỉ số CCHC năm 2019"], ["Đơn vị", "Tổng điểm", "Xếp hạng"], ["Quận Ngô Quyền", "91,93", 1]]
    table = extract_path(write_xlsx(place(tmp_path, "bang.xlsx"), {"Khối quận, huyện": rows}), gazetteer)
    # a later news text that rounds the score: published later, but prose
    news = make_contract([make_fact(score=91.9, evidence="Quận Ngô Quyền đạt 91,9 điểm")], sha="b" * 64,
                         path="raw/2019/hai-phong/tin.txt")
    news["source"]["published"] = "2020-06-01"
    for contract in (news, table):
        load.load_document(warehouse, validated(contract))
    league = warehouse.execute("""select score, source_count, source_id from v_league_table
                                  where unit_id = 'hai-phong:quan-ngo-quyen' and criterion = 'TOTAL'""").fetchall()
    assert league == [(91.93, 2, table["source"]["sha256"])]
    conflicts = warehouse.execute("select unit, score_values from v_score_conflict").fetchall()
    assert conflicts == [("Quận Ngô Quyền", [91.9, 91.93])]


def test_ingest_flow_loads_a_workbook_with_its_components(tmp_path) -> None:
    from flows.ingest import ingest

    blocs_workbook(place(tmp_path, "chi-so-cchc-2019.xlsx"))
    shutil.copy(RAW_DIR / "2019" / "hai-phong" / "cong-bo-chi-so-cchc-2019.txt", place(tmp_path, "cong-bo.txt"))
    db = tmp_path / "w.duckdb"
    ingest(paths=[str(tmp_path / "raw")], db=str(db))
    con = load.connect(db, read_only=True)
    try:
        media = con.execute("select media_type from dim_source order by media_type").fetchall()
        assert media == [("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",), ("text/plain",)]
        counts = dict(con.execute("""select criterion, count(*) from fact_score f join dim_source s using (source_id)
                                     where s.media_type like '%sheet' group by all""").fetchall())
        assert counts == {"TOTAL": 30, "APPRAISED": 15}  # PAR and SURVEY totals, appraised points
        assert con.execute("select count(*) from dim_criterion where index_code = 'PAR'").fetchone()[0] >= 12
        urban = con.execute("""select unit, rank from v_league_table where bloc = 'urban_district'
                               and index_code = 'PAR' and criterion = 'TOTAL' order by rank""").fetchall()
        assert urban[:2] == [("Quận Ngô Quyền", 1), ("Quận Hồng Bàng", 2)] and len(urban) == 7
        assert con.execute("select count(*) from etl_reject where file like '%.xlsx'").fetchone() == (0,)
        assert load.run_checks(con) == {}
    finally:
        con.close()
