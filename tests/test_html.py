"""Saved web pages: the article is found, boilerplate gives no facts, the page's tables are read.

The pages under tests/fixtures/html/ are written for these tests (invented figures), each beside the
facts a careful reader takes from it (NAME.expected.json, scored by tests/scoring.py).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from scoring import missing_rejects, report, score, unit_key
from test_golden_docs import CORPUS, MAX_SHARED_WORDS, _longest_shared_run, _words, expected_for, extracted, gazetteer

from flows.extract import media_type_of
from flows.extract.html import extract_html, page_tables, row_line, table_grid
from flows.extract.text import extract_text

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".htm"))
NEWS_PAGE = FIXTURES / "cong-bo-cchc-2018-quan-huyen.html"
BOILERPLATE = ("Trang chủ", "Lượt xem", "lượt xem", "Độ ẩm", "Tin liên quan", "Đọc nhiều nhất", "Thăm dò",
               "Điện thoại", "Truy cập hôm nay", "Chia sẻ", "Số lượt truy cập", "Thời tiết", "84,20", "93,10")


def test_every_page_has_its_labels() -> None:
    assert len(PAGES) >= 3 and all(p.with_suffix(".expected.json").exists() for p in PAGES)


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_page_facts_match_the_labels(path: Path) -> None:
    precision, recall, missed, wrong = score(expected_for(path), extracted(path))
    assert precision == 1.0 and recall == 1.0, report(precision, recall, missed, wrong)
    produced = {(unit_key(f["unit"]), f["index"], f["year"]): f for f in extracted(path)["facts"]}
    for label in expected_for(path)["facts"]:
        assert produced[(unit_key(label["unit"]), label["index"], label["year"])]["tied"] == label["tied"], label


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_page_rejects_and_source(path: Path) -> None:
    result, expected = extracted(path), expected_for(path)
    assert not missing_rejects(expected, result), result["rejects"]
    for want in expected.get("rejects", []):
        assert any(r["place"] == want["place"] and path.name in r["message"] for r in result["rejects"]), want
    assert result["source"]["media_type"] == "text/html"
    for key, value in expected["source"].items():
        assert result["source"][key] == value, key


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_evidence_is_the_cited_span_of_the_returned_text(path: Path) -> None:
    result = extracted(path)
    for item in result["facts"] + [r for r in result["rejects"] if r.get("span")]:
        start, end = item["span"]
        assert result["text"][start:end] == item.get("evidence", result["text"][start:end]), item
        assert item.get("unit", item.get("value")) in result["text"][start:end] or "unit" in item, item
    for fact in result["facts"]:
        assert fact["evidence"].strip() and fact["evidence"] in result["text"]


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_boilerplate_gives_no_facts_and_no_text(path: Path) -> None:
    result = extracted(path)
    distractors = {unit_key(u) for u in expected_for(path)["distractor_units"]}
    assert not [f for f in result["facts"] if unit_key(f["unit"]) in distractors]
    assert not [w for w in BOILERPLATE if w in result["text"]], result["text"]


def test_the_distractors_would_give_facts_if_read_as_prose() -> None:
    """Guard for the test above: the page's boxes of links, read as prose, do state facts about the distractors."""
    root = lxml.html.document_fromstring(NEWS_PAGE.read_text(encoding="utf-8"))
    boxes = root.xpath("//section[contains(@class, 'related')]//a|//aside//a")
    naive = extract_text("\n\n".join(a.text_content().strip() for a in boxes), gazetteer(), None, "Hải Phòng")
    naive_units = {unit_key(f["unit"]) for f in naive["facts"]}
    assert naive_units & {unit_key(u) for u in expected_for(NEWS_PAGE)["distractor_units"]}


def test_the_table_in_the_news_page_is_read_with_its_place() -> None:
    result = extracted(NEWS_PAGE)
    by_unit = {f["unit"]: f for f in result["facts"]}
    assert by_unit["Sở Nội vụ"]["place"] == "table 2, row 4, column 3"
    assert by_unit["Sở Nội vụ"]["evidence"] == "2 | Sở Nội vụ | 91,08 | 2"
    assert by_unit["Sở Tài chính"]["rank"] == 2 and by_unit["Sở Tài chính"]["tied"]  # the rank cell spans 2 rows
    assert "Bảng 1. Chỉ số cải cách hành chính năm 2018 khối sở, ban, ngành" in result["text"]
    assert not [f for f in result["facts"] if f["score"] == 90.98]  # the average row


def test_table_cells_are_not_read_twice_as_prose() -> None:
    result = extracted(FIXTURES / "phu-luc-sipas-2019.htm")
    assert all(f["place"].startswith("table 1,") for f in result["facts"])
    assert result["text"].count("Quận Ngô Quyền") == 1


def test_grid_expands_rowspan_and_colspan() -> None:
    table = lxml.html.fromstring(
        "<table><thead><tr><th rowspan=2>TT</th><th rowspan=2>Đơn vị</th><th colspan=2>Kết quả</th></tr>"
        "<tr><th>Điểm</th><th>Hạng</th></tr></thead><tbody>"
        "<tr><td>1</td><td>A<br>B</td><td rowspan=3>90</td><td rowspan=2>1</td></tr>"
        "<tr><td>2</td><td>C</td></tr><tr><td>3</td><td>D</td><td>3</td></tr>"
        "<tr><td colspan=9999>Ghi chú</td></tr></tbody></table>")
    assert table_grid(table) == [
        ["TT", "Đơn vị", "Kết quả", "Kết quả"], ["TT", "Đơn vị", "Điểm", "Hạng"], ["1", "A B", "90", "1"],
        ["2", "C", "90", "1"], ["3", "D", "90", "3"], ["Ghi chú"] * 4]


def test_grid_pads_short_rows() -> None:
    table = lxml.html.fromstring("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>")
    assert table_grid(table) == [["a", "b", "c"], ["d", "", ""]]
    assert row_line(["1", "Sở Y tế", "Sở Y tế", "", "89,40"]) == "1 | Sở Y tế | 89,40"


def test_furniture_and_layout_tables_are_skipped() -> None:
    page = ("<html><body><table><tr><td><table class='data'><tr><th>Đơn vị</th><th>Điểm</th></tr>"
            "<tr><td>Sở Y tế</td><td>90</td></tr></table></td></tr></table>"
            "<aside><table><tr><th>Đơn vị</th><th>Điểm</th></tr><tr><td>Sở Tư pháp</td><td>80</td></tr></table></aside>"
            "<div class='weather-box'><table><tr><th>Thứ Hai</th><th>Thứ Ba</th></tr><tr><td>30</td><td>31</td></tr>"
            "</table></div></body></html>")
    tables = page_tables(lxml.html.document_fromstring(page))
    assert [(t.number, t.grid) for t in tables] == [(2, [["Đơn vị", "Điểm"], ["Sở Y tế", "90"]])]


def test_a_table_that_is_not_a_score_table_gives_no_fact() -> None:
    page = ("<html><head><title>Lịch tiếp công dân năm 2019</title></head><body><article>"
            "<h1>Lịch tiếp công dân năm 2019 của Hải Phòng</h1>"
            "<p>Ủy ban nhân dân thành phố Hải Phòng thông báo lịch tiếp công dân định kỳ trong năm 2019 như sau, "
            "mời người dân và doanh nghiệp theo dõi để sắp xếp thời gian phù hợp.</p>"
            "<table><tr><th>Ngày</th><th>Thứ</th><th>Nhiệt độ</th></tr><tr><td>15/1/2019</td><td>Hai</td>"
            "<td>18</td></tr></table></article></body></html>")
    result = extract_html(page, "raw/2019/hai-phong/lich.html", gazetteer(), 2019, "Hải Phòng")
    assert result["facts"] == [] and result["rejects"] == []


def test_page_with_no_article_and_no_table() -> None:
    result = extract_html("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>", "x.html",
                          gazetteer(), None, None)
    assert result["facts"] == [] and isinstance(result["text"], str)


def test_html_media_types() -> None:
    assert media_type_of(Path("a/b/Trang.HTML")) == media_type_of(Path("c.htm")) == "text/html"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_fixtures_do_not_copy_the_corpus() -> None:
    corpus = [w for f in sorted(CORPUS.glob("*.txt")) for w in _words(f.read_text(encoding="utf-8"))]
    sources = [*PAGES, *sorted((FIXTURES.parent / "encoding").glob("*utf8*"))]
    for path in sources:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not _longest_shared_run(_words(text), corpus, MAX_SHARED_WORDS + 1), path.name
