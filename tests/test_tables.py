"""The CSV extractor: header by meaning, delimiters, decimal commas, rejects and errors."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from flows.errors import ParindexError
from flows.extract import extract_path
from flows.extract.tables import extract_csv
from flows.gazetteer import Gazetteer
from flows.paths import RAW_DIR
from flows.textnorm import normalize_text


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def extract(text: str, path: str = "raw/2019/hai-phong/bang.csv", year: int | None = 2019,
            province: str | None = "Hải Phòng") -> dict:
    return extract_csv(text, path, gazetteer(), year, province)


def by_unit(result: dict) -> dict[str, dict]:
    return {f["unit"]: f for f in result["facts"]}


SEMICOLON = "STT;Đơn vị;Tổng điểm;Xếp hạng\n1;Quận Ngô Quyền;91,93;1\n2;Huyện Thuỷ Nguyên;83,19;8\n"
COMMA = 'STT,Đơn vị,Tổng điểm,Xếp hạng\n1,Quận Ngô Quyền,"91,93",1\n2,huyen Thuy Nguyen,83.19,8\n'


@pytest.mark.parametrize("text", [SEMICOLON, COMMA, SEMICOLON.replace(";", "\t"), SEMICOLON.replace(";", "|")],
                         ids=["semicolon", "comma-quoted-decimal", "tab", "pipe"])
def test_delimiters_and_decimal_marks(text: str) -> None:
    result = extract(text)
    facts = by_unit(result)
    assert set(facts) == {"Quận Ngô Quyền", "Huyện Thủy Nguyên"}
    ngo_quyen = facts["Quận Ngô Quyền"]
    assert (ngo_quyen["score"], ngo_quyen["rank"], ngo_quyen["year"], ngo_quyen["index"]) == (91.93, 1, 2019, "PAR")
    assert facts["Huyện Thủy Nguyên"]["score"] == 83.19
    norm = normalize_text(text)
    assert all(norm[f["span"][0]:f["span"][1]] == f["evidence"] for f in result["facts"])
    assert result["rejects"] == [] and result["claims"] == [] and result["leader_ratings"] == []


def test_fact_fields_follow_the_contract() -> None:
    text = "\ufeffSTT;Đơn vị;Tổng điểm;Xếp hạng\r\n1;Quận Ngô Quyền;91,93;1\r\n"
    fact = extract(text)["facts"][0]
    assert fact == {
        "unit": "Quận Ngô Quyền", "unit_id": "hai-phong:quan-ngo-quyen", "unit_kind": "district",
        "index": "PAR", "year": 2019, "criterion": "TOTAL", "bloc": "district", "score": 91.93,
        "score_min": None, "score_max": None, "rank": 1, "tied": False, "basis": "stated",
        "evidence": "1;Quận Ngô Quyền;91,93;1", "span": fact["span"], "place": "line 2",
    }


def test_evidence_is_the_line_at_its_span() -> None:
    text = "Bảng điểm năm 2019\n\nSTT;Đơn vị;Tổng điểm\n1;Sở Y tế;91,16\n2;Thanh tra thành phố;91,55\n"
    for fact in extract(text)["facts"]:
        start, end = fact["span"]
        assert text[start:end] == fact["evidence"]
        assert text.split("\n")[int(fact["place"].split()[1]) - 1] == fact["evidence"]


def test_columns_found_by_meaning_not_position() -> None:
    text = "Xếp hạng;Điểm;Tên đơn vị;Ghi chú\n6;90,29;Sở Ngoại vụ;đồng hạng\n6;90,29;Sở KH&ĐT;\n8;90,06;Nội vụ;\n"
    result = extract(text)
    facts = by_unit(result)
    assert facts["Sở Kế hoạch và Đầu tư"]["rank"] == 6 and facts["Sở Ngoại vụ"]["score"] == 90.29
    assert facts["Sở Kế hoạch và Đầu tư"]["tied"] and facts["Sở Ngoại vụ"]["tied"]
    assert not facts["Sở Nội vụ"]["tied"]
    assert all(f["unit_kind"] == "department" == f["bloc"] for f in result["facts"])


def test_blank_total_and_average_rows_are_skipped() -> None:
    text = ("STT;Đơn vị;Tổng điểm\n1;Quận Lê Chân;89,92\n;;\n\n"
            ";Trung bình khối quận, huyện;85,40\n;Tổng cộng;171,33\n2;Quận Hải An;82,07\n")
    result = extract(text)
    assert [f["unit"] for f in result["facts"]] == ["Quận Lê Chân", "Quận Hải An"]
    assert result["rejects"] == []


def test_unknown_unit_goes_to_rejects_with_candidates() -> None:
    text = "STT;Đơn vị;Tổng điểm\n1;Sở Tài nguyên Môi trường;85,10\n2;Quận Lê Chân;89,92\n"
    result = extract(text, path="raw/2019/hai-phong/so.csv")
    assert [f["unit"] for f in result["facts"]] == ["Quận Lê Chân"]
    [reject] = result["rejects"]
    assert reject["check"] == "unknown_unit" and reject["value"] == "Sở Tài nguyên Môi trường"
    assert reject["place"] == "line 2"
    assert reject["candidates"][0] == "Sở Tài nguyên và Môi trường"
    assert "raw/2019/hai-phong/so.csv line 2" in reject["message"]
    assert "closest: Sở Tài nguyên và Môi trường" in reject["message"]
    assert "warehouse/seeds/dim_unit_alias.csv" in reject["message"]


def test_unparsable_score_and_rank_go_to_rejects() -> None:
    text = "Đơn vị;Tổng điểm;Xếp hạng\nSở Y tế;chín mươi;2\nSở Du lịch;90,5;năm mươi hai rưỡi\nSở Tư pháp;88,1;\n"
    result = extract(text)
    assert [r["check"] for r in result["rejects"]] == ["score_format", "rank_format"]
    assert result["rejects"][0]["value"] == "chín mươi" and result["rejects"][0]["place"] == "line 2"
    assert [f["unit"] for f in result["facts"]] == ["Sở Tư pháp"]
    assert result["facts"][0]["rank"] is None


def test_figure_without_a_unit_is_rejected() -> None:
    [reject] = extract("STT;Đơn vị;Tổng điểm\n3;;88,10\n")["rejects"]
    assert reject["check"] == "missing_unit" and reject["place"] == "line 2"


def test_unquoted_decimal_comma_in_a_comma_file_is_rejected_with_the_fix() -> None:
    text = "STT,Đơn vị,Tổng điểm\n1,Quận Ngô Quyền,91,93\n"
    [reject] = extract(text)["rejects"]
    assert reject["check"] == "row_format" and "quote decimal commas" in reject["message"]


def test_percent_and_rank_written_as_words() -> None:
    text = "Đơn vị;Chỉ số hài lòng (%);Thứ hạng\nSở KH&CN;97,9%;Thứ nhất\nVăn phòng UBND thành phố;95,83 %;02\n"
    facts = by_unit(extract(text))
    assert facts["Sở Khoa học và Công nghệ"]["score"] == 97.9 and facts["Sở Khoa học và Công nghệ"]["rank"] == 1
    assert facts["Văn phòng UBND thành phố"]["rank"] == 2
    assert {f["index"] for f in facts.values()} == {"SIPAS"}


@pytest.mark.parametrize(("text", "path", "hint", "index", "year"), [
    ("Đơn vị;Điểm\nSở Y tế;91,16\n", "raw/2019/hai-phong/chi-so-hai-long.csv", 2019, "SIPAS", 2019),
    ("Kết quả SIPAS năm 2018\nĐơn vị;Điểm\nSở Y tế;91,16\n", "x/bang.csv", None, "SIPAS", 2018),
    ("Đơn vị;Điểm điều tra xã hội học\nSở Y tế;81,16\n", "x/bang-2017.csv", None, "SURVEY", 2017),
    ("Đơn vị;Tổng điểm\nSở Y tế;91,16\n", "raw/2019/hai-phong/bang.csv", 2019, "PAR", 2019),
])
def test_index_and_year_from_title_header_or_file_name(text: str, path: str, hint: int | None,
                                                       index: str, year: int) -> None:
    fact = extract(text, path=path, year=hint)["facts"][0]
    assert (fact["index"], fact["year"]) == (index, year)


def test_year_in_title_overrides_folder_with_a_warning() -> None:
    result = extract("Chỉ số CCHC năm 2018 (công bố 06/05/2019)\nĐơn vị;Điểm\nSở Y tế;89,97\n")
    assert result["facts"][0]["year"] == 2018
    assert any("2018" in w and "2019" in w for w in result["warnings"])


def test_unknown_columns_are_warned_about() -> None:
    result = extract("Đơn vị;Tổng điểm;Vùng\nSở Y tế;91,16;Bắc\n")
    assert result["facts"][0]["score"] == 91.16
    assert any("'Vùng'" in w for w in result["warnings"])


def test_province_taken_from_the_units_when_not_hinted() -> None:
    result = extract("Đơn vị;Tổng điểm\nQuận Lê Chân;89,92\n", province=None)
    assert result["source"] == {"title": None, "province": "Hải Phòng"}


def test_bad_header_names_file_line_and_fix() -> None:
    text = "\nCột A;Cột B;Cột C\nQuận Lê Chân;89,92;3\n"
    with pytest.raises(ParindexError) as info:
        extract(text, path="raw/2019/hai-phong/xau.csv")
    message = str(info.value)
    assert "raw/2019/hai-phong/xau.csv:line 2" in message
    assert "Đơn vị" in message and "header row such as" in message


def test_two_score_columns_are_an_error() -> None:
    with pytest.raises(ParindexError, match="2 score columns"):
        extract("Đơn vị;Điểm A;Điểm B\nSở Y tế;89,97;91,16\n")


def test_score_columns_of_two_years_are_read_year_by_year() -> None:
    result = extract("Đơn vị;Điểm 2018;Điểm 2019\nSở Y tế;89,97;91,16\n")
    assert {(f["year"], f["score"]) for f in result["facts"]} == {(2018, 89.97), (2019, 91.16)}


def test_no_year_anywhere_is_an_error() -> None:
    with pytest.raises(ParindexError, match="names no year"):
        extract("Đơn vị;Điểm\nSở Y tế;89,97\n", path="bang.csv", year=None)


def test_demo_csv_yields_the_fifteen_districts() -> None:
    result = extract_path(RAW_DIR / "2019" / "hai-phong" / "diem-cchc-khoi-quan-huyen-2019.csv", gazetteer())
    facts = by_unit(result)
    assert len(result["facts"]) == 15 and result["rejects"] == [] and result["warnings"] == []
    assert (facts["Quận Ngô Quyền"]["rank"], facts["Quận Ngô Quyền"]["score"]) == (1, 91.93)
    assert (facts["Huyện Bạch Long Vỹ"]["rank"], facts["Huyện Bạch Long Vỹ"]["score"]) == (15, 63.9)
    assert {f["index"] for f in result["facts"]} == {"PAR"} and {f["year"] for f in result["facts"]} == {2019}
    assert sorted(f["rank"] for f in result["facts"]) == list(range(1, 16))
    assert result["source"]["province"] == "Hải Phòng" and result["source"]["media_type"] == "text/csv"
    text = Path(result["source"]["path"]).read_text(encoding="utf-8")
    assert all(text[f["span"][0]:f["span"][1]] == f["evidence"] for f in result["facts"])


def test_towns_ranked_apart_from_the_rural_districts_in_a_province_without_quan() -> None:
    text = ("Kết quả Chỉ số CCHC năm 2019 các địa phương\nSTT;Đơn vị;Tổng điểm;Xếp hạng\n"
            "I;KHỐI THÀNH PHỐ, THỊ XÃ;;\n1;Thành phố Uông Bí;90,5;1\n2;Thị xã Quảng Yên;88,1;2\n"
            "II;KHỐI HUYỆN;;\n1;Huyện Vân Đồn;89,2;1\n2;Huyện Ba Chẽ;84,7;2\n")
    facts = by_unit(extract(text, "raw/2019/quang-ninh/bang.csv", 2019, "Quảng Ninh"))
    assert {name: (f["bloc"], f["rank"], f["tied"]) for name, f in facts.items()} == {
        "Thành phố Uông Bí": ("urban_district", 1, False), "Thị xã Quảng Yên": ("urban_district", 2, False),
        "Huyện Vân Đồn": ("rural_district", 1, False), "Huyện Ba Chẽ": ("rural_district", 2, False)}
