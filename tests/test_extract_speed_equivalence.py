"""The faster forms of the extractor's steps give what the plain forms give.

Several regular expressions were rewritten so that the regex engine can skip ahead (a first character
class instead of a leading ``\\b``, lookbehind or optional group); rules are skipped on paragraphs that
lack what they need; the gazetteer finds alias hits once per document (Aho-Corasick) and reads each
sentence from them. Each is checked here against its plain form, on the project's texts and on random
strings made of the words the patterns are about.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from flows.extract import scan as S
from flows.extract.document import _SENTENCE_END, paragraphs, split_sentences
from flows.gazetteer import Gazetteer
from flows.numerals import ORDINAL_PATTERN as _ORD
from flows.textindex import bare_name_at
from flows.textnorm import fold, normalize_text, token_spans, tokens

ROOT = Path(__file__).resolve().parents[1]
NUM = S.NUM
POINTS = r"(?:%\s*điểm|điểm|%)"
# The rules as they were written before they were reshaped (the reference).
PLAIN = {
    "dates": r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\b\d{1,2}[:h]\d{2}\b",
    "decisions": r"\b\d+/\d*[a-zđ][\w\-/.]*",
    "phones": r"\b0\d{1,3}[.\- ]?\d{2,4}[.\- ]\d{3,4}(?:[.\- ]\d{2,4})?\b|\b0\d{2,3}-\d{4,8}\b",
    "scores": S._NOT_A_YEAR + r"(?<!\d)(?:(?<![\w.,/])-(?=\d))?(?:" + NUM + r"\s*(?:,\s+|;\s*|\s+và\s+)){0,8}" + NUM
              + r"\s*(?:/\s*100\s*)?" + POINTS,
    "ranks": r"(?:(?:vị trí|hạng|xếp|đứng|ở)\s+)*thứ\s+(?P<ords>" + _ORD + r"(?:\s*(?:,|và)\s*(?:thứ\s+)?" + _ORD
             + r"(?!\s+năm\b))*)(?:\s*(?:/|trong tổng số|trên tổng số|trong số|trên)\s*(?P<of>\d+))?",
    "top": r"(?<!người )(?:dẫn đầu|đứng đầu|xếp đầu|vị trí đầu tiên|vị trí đầu|ngôi đầu|ngôi vị quán quân"
           r"|quán quân|vị trí số (?:1|một)\b|(?:mức |điểm |điểm số )?cao nhất)",
}
RESHAPED = {name: next(p for _, p, _ in S._RULES if p.startswith(start)) for name, start in {
    "dates": r"\d(?<!\w\d)(?:\d?[/", "decisions": r"\d(?<!\w\d)\d*/", "phones": "0(?<!",
    "scores": S._NOT_A_YEAR + "(?<!\\d)[-\\d](", "ranks": "[vhxđởt]", "top": "[dđxvnqmc]"}.items()}
ATOMS = ["1", "23", "4,5", "67.8", "0", "012", "-", " ", "  ", ",", ", ", ";", " và ", "/", "/100", ":", "h", ".",
         "điểm", "%", "% điểm", "(", ")", "\n", "a", "x1", "qđ-ubnd", "12/3/2019", "0225 3842", "0912.345.678",
         "vị trí", "hạng", "xếp", "đứng", "ở", "thứ", "nhất", "hai", "ba", "mười", "hai mươi", "trong tổng số",
         "trên", "người ", "dẫn đầu", "đứng đầu", "vị trí đầu tiên", "vị trí số 1", "ngôi vị quán quân", "quán quân",
         "mức ", "điểm số ", "cao nhất", "t", "đ",
         # what the gated rules are about
         "luôn", "nhiều năm", "các năm trước", "trước đó", "tiếp theo", "kế đến", "sau đó", "tiếp tục", "giữ vững",
         "duy trì", "giành", "vượt qua", "tăng", "giảm", "hơn", "chênh", "+", "−", "từ", "đến", "trở lên", "dưới",
         "không quá", "2018", "2019", "–", "nay", "năm", "liền", "đơn vị", "sở", "quận", "huyện", "cuối",
         "thấp nhất", "lượt xem", "°", "c", "độ ẩm", "đồng", "hạng", "á quân", "trung bình", "trong đó"]


def _texts() -> list[str]:
    """Paragraphs of the golden texts and the demo, and random strings of the rules' words."""
    out = []
    for path in sorted((ROOT / "tests" / "golden").glob("*.txt")) + sorted((ROOT / "raw").rglob("*.txt")):
        text = normalize_text(path.read_text(encoding="utf-8"))
        out += [text[s:e] for s, e in paragraphs(text)]
    rng = random.Random(7)
    out += ["".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 12))) for _ in range(2500)]
    return out


TEXTS = _texts()


def _matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_reshaped_rules_match_as_written(name: str) -> None:
    for mode in ("vi", "folded"):
        plain, reshaped = re.compile(S._shape(PLAIN[name], mode)), re.compile(S._shape(RESHAPED[name], mode))
        for text in TEXTS:
            low = text.lower() if mode == "vi" else fold(text)
            assert _matches(reshaped, low) == _matches(plain, low), (name, mode, low)


def test_reshaped_rules_tell_apart_what_they_should() -> None:
    scores = re.compile(RESHAPED["scores"])
    assert [m.group() for m in scores.finditer("đạt -12,5 điểm; a-3 điểm; 1/-2 điểm")] == [
        "-12,5 điểm", "3 điểm", "2 điểm"]
    top = re.compile(RESHAPED["top"])
    assert [m.group() for m in top.finditer("người đứng đầu sở; quận a dẫn đầu")] == ["dẫn đầu"]


def test_sentence_ends_as_written() -> None:
    plain = re.compile(r"(?<!\bTP)(?<!\bTp)(?<!\bThS)(?<!\bTS)[.!?](?=\s+[A-ZĐÀ-Ỹ0-9\"“(])|\n")
    for text in TEXTS + ["TP. Hải Phòng. ThS. Lê A. TS. B! Tp. C? aTP. D.\n1. E"]:
        assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]
    t = "Quận A đứng đầu. TP. Hải Phòng có 15 quận.\nHết"
    assert [t[s:e] for s, e in split_sentences(t, 0, len(t))] == ["Quận A đứng đầu.", "TP. Hải Phòng có 15 quận.",
                                                                    "Hết"]


def test_a_rule_skipped_by_its_gates_would_have_found_nothing() -> None:
    for mode in ("vi", "folded"):
        needles, gates = S._gates(mode)
        for text in TEXTS:
            low = text.lower() if mode == "vi" else fold(text)
            present = {n for n in needles if n in low}
            for (kind, pattern, _), (groups, check) in zip(S._compiled(mode), gates, strict=True):
                skipped = any(present.isdisjoint(g) for g in groups) or (check and not check.search(low))
                if skipped:
                    assert not [m for m in pattern.finditer(low) if m.end() > m.start()], (kind, pattern.pattern, low)


def test_gates_skip_paragraphs_without_the_construction() -> None:
    needles, gates = S._gates("vi")
    rules = S._compiled("vi")
    low = "sở tư pháp đứng thứ hai với 93,5 điểm."
    present = {n for n in needles if n in low}
    run = [kind for (kind, _, _), (groups, check) in zip(rules, gates, strict=True)
           if not any(present.isdisjoint(g) for g in groups) and not (check and not check.search(low))]
    assert "habitual" not in run and "take" not in run and "count" not in run  # nothing of theirs is there
    assert "ranks" in run and "scores" in run
    assert [(t.kind, t.start) for t in S.scan(low, offset=100)] == [("ranks", 111), ("scores", 128)]


def test_scan_of_a_paragraph_does_not_depend_on_its_document() -> None:
    for path in sorted((ROOT / "tests" / "golden").glob("*.txt")):
        text = normalize_text(path.read_text(encoding="utf-8"))
        for whole, ascii_only in ((text.lower(), False), (fold(text), True)):
            for s, e in paragraphs(text):
                alone = [(t.kind, t.start + s, t.end + s, t.value) for t in S.scan(whole[s:e], ascii_only)]
                within = [(t.kind, t.start, t.end, t.value) for t in S.scan(whole[s:e], ascii_only, False, s, whole)]
                assert within == alone, (path.name, whole[s:e])


def test_token_spans_are_the_regex_tokens() -> None:
    for text in TEXTS[:300] + ["", "  ", "a", "ä b1 ,c"]:
        folded = fold(text)
        expected = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+", folded)]
        assert tokens(folded) == expected
        assert list(zip(*token_spans(folded), strict=True)) == expected


def test_fold_of_ascii_is_lowercase_and_keeps_length() -> None:
    text = "".join(map(chr, range(128))) + "Thủy Đồ Sơn"
    assert fold(text[:128]) == text[:128].lower()
    assert len(fold(text)) == len(text) and fold(text).endswith("thuy do son")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_alias_hits_are_every_key_spanning_whole_tokens(gazetteer: Gazetteer) -> None:
    """The Aho-Corasick hits (and the per-word lookup of one- and two-letter keys) are what a plain
    search of every run of tokens finds; keys that are only bare names need a capital (and their own tone
    marks, when written with marks: "Chủ" is not "Chũ")."""
    matcher = gazetteer._automaton()
    for path in sorted((ROOT / "tests" / "golden").glob("*.txt"))[:12]:
        text = normalize_text(path.read_text(encoding="utf-8"))
        doc = gazetteer.prepare(text)
        words, starts = doc.words, doc.starts
        expected: dict[int, list[tuple[int, str]]] = {}
        for i in range(len(words)):
            key = ""
            for j in range(i, len(words)):
                key += words[j]
                if len(key) > 60:
                    break
                if key in gazetteer._index and (key not in matcher.bare_only or bare_name_at(
                        text, starts[i], doc.ends[j], matcher.bare_only[key])):
                    expected.setdefault(i, []).append((j, key))
        assert doc.hits == expected, path.name


def test_mentions_of_a_sentence_are_those_of_its_text_alone(gazetteer: Gazetteer) -> None:
    for path in sorted((ROOT / "tests" / "golden").glob("*.txt")):
        text = normalize_text(path.read_text(encoding="utf-8"))
        doc = gazetteer.prepare(text)
        for ps, pe in paragraphs(text):
            for s, e in split_sentences(text, ps, pe):
                alone = [(m.unit_id, m.start + s, m.end + s, m.text, m.bare)
                         for m in gazetteer.find_mentions(text[s:e], "Hải Phòng", 2019)]
                got = [(m.unit_id, m.start, m.end, m.text, m.bare)
                       for m in gazetteer.mentions_in(doc, s, e, "Hải Phòng", 2019)]
                assert got == alone, (path.name, text[s:e])
    doc = gazetteer.prepare("Quận Ngô Quyền đứng đầu")
    # a span that cuts a word ("Quận") is read on its own: "Ngô Quyền" is then a bare name
    assert [(m.text, m.start) for m in gazetteer.mentions_in(doc, 2, 23, "Hải Phòng", 2019)] == [("Ngô Quyền", 5)]


def test_an_index_of_one_province_finds_what_the_whole_index_finds(gazetteer: Gazetteer) -> None:
    for path in sorted((ROOT / "tests" / "golden").glob("*.txt"))[:20]:
        text = normalize_text(path.read_text(encoding="utf-8"))
        whole = gazetteer.prepare(text)
        for province in ("Hải Phòng", "Thừa Thiên Huế", "Quảng Nam", "Nowhere"):
            own = gazetteer.prepare(text, province=province)
            assert set(own.hits) <= set(whole.hits)
            for year in (2015, 2026):
                assert gazetteer.mentions_in(own, 0, len(text), province, year) == gazetteer.mentions_in(
                    whole, 0, len(text), province, year), (path.name, province)
            # asked for another province (or none), it reads the text with the whole index
            assert gazetteer.mentions_in(own, 0, len(text), None, 2019) == gazetteer.mentions_in(
                whole, 0, len(text), None, 2019)


def test_texts_without_words(gazetteer: Gazetteer) -> None:
    for text in ("", " ", "\n\n", "—:;"):
        assert gazetteer.find_mentions(text, "Hải Phòng", 2019) == []
        assert gazetteer.prepare(text).hits == {}


def test_one_and_two_letter_names_in_a_list(gazetteer: Gazetteer) -> None:
    found = gazetteer.find_mentions("Các phường: I, IV và V đạt; từ ba năm", "Hậu Giang", 2019)
    assert [m.text for m in found] == ["I", "IV", "V"]
    found = gazetteer.find_mentions("Khối xã: Tư, Ba đều đạt; từ ba năm", "Quảng Nam", 2019)
    assert [m.unit_id for m in found] == ["quang-nam:huyen-dong-giang:xa-tu", "quang-nam:huyen-dong-giang:xa-ba"]
