"""Legacy Vietnamese encodings: detected and converted, or rejected with a message naming file and fix.

tests/fixtures/encoding/thong-bao-2017.utf8.txt is an invented announcement; make_fixtures.py wrote
its other versions with parindex's own encoders, whose inverses are checked here on random text.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scoring import report, score

from flows import cli
from flows.errors import UnreadableInput
from flows.extract import extract_path
from flows.extract.encoding import (
    decode_bytes,
    is_vietnamese_syllable,
    tcvn3_to_unicode,
    unicode_to_cp1258,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

FIXTURES = Path(__file__).parent / "fixtures" / "encoding"
REFERENCE = (FIXTURES / "thong-bao-2017.utf8.txt").read_text(encoding="utf-8")
EXPECTED = json.loads((FIXTURES / "thong-bao-2017.expected.json").read_text(encoding="utf-8"))
VERSIONS = {"utf8": ("utf-8", False), "nfd": ("utf-8", False), "cp1258": ("windows-1258", True),
            "tcvn3": ("tcvn3", True), "vni": ("vni", True), "tcvn3-as-utf8": ("tcvn3", True)}
LOWER = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
VIETNAMESE = LOWER + LOWER.upper() + "bcdghklmnpqrstvx BCDGHKLMNPQRSTVX0123456789,.;:()%-\n"
TCVN3_TEXT = LOWER + "ĂÂÊÔƠƯĐ" + "bcdghklmnpqrstvxBCDGHKLMNPQRSTVX AEIOUY0123456789,.;:()%-\n"


def path_of(version: str) -> Path:
    return FIXTURES / f"thong-bao-2017.{version}.txt"


@pytest.mark.parametrize("version", VERSIONS)
def test_each_version_decodes_to_the_same_nfc_text(version: str) -> None:
    encoding, converted = VERSIONS[version]
    decoded = decode_bytes(path_of(version).read_bytes(), path_of(version))
    assert decoded.text == REFERENCE and unicodedata.is_normalized("NFC", decoded.text)
    assert decoded.encoding == encoding
    assert bool(decoded.warnings) == converted
    for warning in decoded.warnings:
        assert path_of(version).name in warning and "converted to Unicode" in warning


@pytest.mark.parametrize("version", VERSIONS)
def test_each_version_gives_the_labelled_facts(version: str) -> None:
    result = extract_path(path_of(version))
    precision, recall, missed, wrong = score(EXPECTED, result)
    assert precision == 1.0 and recall == 1.0, report(precision, recall, missed, wrong)
    assert result["source"]["encoding"] == VERSIONS[version][0]
    for fact in result["facts"]:
        assert unicodedata.is_normalized("NFC", fact["evidence"]) and fact["evidence"] in REFERENCE


def test_the_legacy_fixtures_really_are_legacy_bytes() -> None:
    """Guard: the converted versions are not UTF-8, and read as cp1252 they are the familiar garble."""
    for version in ("cp1258", "tcvn3", "vni"):
        with pytest.raises(UnicodeDecodeError):
            path_of(version).read_bytes().decode("utf-8")
    assert "H¶i Phßng" in path_of("tcvn3").read_bytes().decode("cp1252")
    assert "Haûi Phoøng" in path_of("vni").read_bytes().decode("cp1252")
    assert "H¶i Phßng" in path_of("tcvn3-as-utf8").read_text(encoding="utf-8")


def test_known_words_of_each_map() -> None:
    assert tcvn3_to_unicode("§µ N½ng, ViÖt Nam, NguyÔn, mÆt trËn, c«ng, t­¬ng") == \
        "Đà Nẵng, Việt Nam, Nguyễn, mặt trận, công, tương"
    assert vni_to_unicode("Ñaø Naüng, Vieät Nam, Nguyeãn, Thöông, ngöôøi, Quyeát, kyø, Coâng, Hoøa, yù, Yeân") == \
        "Đà Nẵng, Việt Nam, Nguyễn, Thương, người, Quyết, kỳ, Công, Hòa, ý, Yên"
    assert vni_to_unicode("HAÛI PHOØNG, ÑIEÅM, ÖÙNG") == "HẢI PHÒNG, ĐIỂM, ỨNG"
    sentence = "Hội nghị công bố Chỉ số hài lòng năm 2019 của các sở, ban, ngành thành phố Hải Phòng"
    assert b"Ha\xd2i Pho\xccng" in unicode_to_cp1258(sentence)  # base letters, then combining tone bytes
    assert decode_bytes(unicode_to_cp1258(sentence), "x.txt").text == sentence


@given(st.text(alphabet=VIETNAMESE, max_size=60))
def test_vni_round_trip(text: str) -> None:
    assert vni_to_unicode(unicode_to_vni(text).decode("latin-1")) == text


@given(st.text(alphabet=TCVN3_TEXT, max_size=60))
def test_tcvn3_round_trip(text: str) -> None:
    assert tcvn3_to_unicode(unicode_to_tcvn3(text).decode("latin-1")) == text


@given(st.text(alphabet=VIETNAMESE, max_size=60))
def test_cp1258_round_trip(text: str) -> None:
    assert unicodedata.normalize("NFC", unicode_to_cp1258(text).decode("cp1258")) == text


def test_syllables() -> None:
    good = "Hải Phòng người khuya quyết nghiêng giữa gì thuở xoong Ủy QUẬN".split()
    bad = "Së tÕ Haûi Phoøng LĐTB caf\u00e9 Hå".split()
    assert all(map(is_vietnamese_syllable, good)) and not any(map(is_vietnamese_syllable, bad))


def test_valid_utf8_stays_utf8() -> None:
    for text in (REFERENCE, "Ngày 15/4/2020, café và bánh mì ở Hải Phòng", "PAR Index 2019: Hai Phong ranked 2nd",
                 "naïve résumé café crème brûlée façade déjà vu " * 5):
        decoded = decode_bytes(text.encode("utf-8"), "a.txt")
        assert (decoded.text, decoded.encoding, decoded.warnings) == (text, "utf-8", [])


def reject_message(data: bytes, name: str = "raw/2019/hai-phong/cu.txt") -> str:
    with pytest.raises(UnreadableInput) as caught:
        decode_bytes(data, name)
    message = str(caught.value)
    assert name in message
    return message


def test_uncertain_legacy_text_is_rejected_with_the_fix() -> None:
    french = ("Le conseil a publié les résultats de l'année; la délégation était très satisfaite. " * 4)
    message = reject_message(french.encode("cp1252"))
    assert "not valid UTF-8" in message and "save it as UTF-8" in message and "TCVN3" in message
    short = unicode_to_tcvn3("Sở Y tế đạt 91 điểm")  # too few words to tell an encoding by
    assert "no legacy Vietnamese encoding fits" in reject_message(short)


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"), (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"), (bytes(range(256)) * 4, "NUL"), (b"\x01\x02\x03\x04\x05abc" * 20, "control"),
])
def test_binary_input_is_rejected(data: bytes, kind: str) -> None:
    message = reject_message(data, "scan.txt")
    assert "binary" in message and kind in message


def test_utf16_with_bom() -> None:
    assert decode_bytes(REFERENCE.encode("utf-16"), "u.txt").text == REFERENCE


def test_extract_folder_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for version in ("utf8", "tcvn3", "vni"):
        (tmp_path / f"{version}.txt").write_bytes(path_of(version).read_bytes())
    assert cli.main(["extract", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().split("\n")
    assert lines[0].split() == ["document", "facts", "warnings", "rejects"]
    assert sorted(line.split()[1:] for line in lines[1:4]) == [["6", "0", "0"], ["6", "1", "0"], ["6", "1", "0"]]
    assert lines[-1] == "3 document(s): 18 facts, 2 warnings, 0 rejects, 0 unreadable"


def test_extract_folder_with_an_unreadable_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(REFERENCE, encoding="utf-8")
    (tmp_path / "b.html").write_bytes(b"%PDF-1.7 scanned")
    assert cli.main(["extract", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "b.html" in err and "binary" in err and "Traceback" not in err
    assert "unreadable" in out and out.strip().endswith("1 unreadable")


def test_extract_folder_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(REFERENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(path_of("cp1258").read_bytes())
    assert cli.main(["extract", str(tmp_path), "--json"]) == 0
    out, _ = capsys.readouterr()
    docs = [json.loads(line) for line in out.strip().split("\n")]
    assert [Path(d["source"]["path"]).name for d in docs] == ["a.txt", "b.txt"]
    assert [len(d["facts"]) for d in docs] == [6, 6] and docs[1]["source"]["encoding"] == "windows-1258"


def test_committed_fixtures_are_what_the_encoders_write() -> None:
    assert path_of("tcvn3").read_bytes() == unicode_to_tcvn3(REFERENCE)
    assert path_of("vni").read_bytes() == unicode_to_vni(REFERENCE)
    assert path_of("cp1258").read_bytes() == unicode_to_cp1258(REFERENCE)
    page = (FIXTURES / "trang-cu-2016.html.utf8").read_text(encoding="utf-8")
    assert (FIXTURES.parent / "html" / "trang-cu-2016-tcvn3.htm").read_bytes() == unicode_to_tcvn3(page)
