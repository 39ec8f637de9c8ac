"""Document bytes -> Unicode (NFC): UTF-8 as it is, legacy Vietnamese encodings detected and converted.

Before Unicode, Vietnamese was written in Windows-1258 (a code page whose tone marks are combining
characters) or in font encodings: TCVN3 (ABC, fonts ``.VnTime``) stores each toned letter as one
Latin-1 byte, VNI-Windows (fonts ``VNI-Times``) stores a base letter followed by mark bytes. Such a
file is valid cp1252, so the encoding is told by reading the bytes each way and keeping the reading
whose words are Vietnamese syllables; when no reading clearly wins the file is rejected with the fix.
Valid UTF-8 is kept, except text typed in a TCVN3/VNI font and saved as Unicode (a browser's "save
page" of an old portal), which is converted only when no real Vietnamese letter occurs in it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from flows.errors import UnreadableInput

NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16", "windows-1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)",
         "vni": "VNI-Windows"}
FIX = ("open it in a Vietnamese converter (for example Unikey's toolkit: source TCVN3/VNI/CP 1258, "
       "destination Unicode) and save it as UTF-8")
SIGNATURES = {b"%PDF-": "a PDF document", b"PK\x03\x04": "a ZIP archive (.docx and .xlsx files are ZIP archives)",
              b"\xd0\xcf\x11\xe0": "an old Office document (.doc or .xls)", b"\x89PNG": "a PNG image",
              b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"\x1f\x8b": "a gzip archive"}
MIN_SYLLABLES = 8  # words with Vietnamese letters a reading needs before it is believed
MIN_RATIO, MIN_MARGIN = 0.85, 0.3  # share of those words that are syllables; lead over the next reading

# TCVN3 (TCVN 5712:1993, VN3): one byte per lowercase toned letter; capitals only for the 7 bare letters.
_TCVN3 = dict(zip(
    "¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
    "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ", strict=True))
# VNI-Windows: a letter, then a shape byte and/or a tone byte (or one byte for both); a few letters alone.
_TONE_BYTES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_HAT_BYTES = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE_BYTES = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
               "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ"}
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SHAPE = {"\u0302": "hat", "\u0306": "breve", "\u031b": "horn"}
# Real Vietnamese letters that no font-encoded text can contain (it only has Latin-1 code points).
_VIETNAMESE_ONLY = re.compile("[ăâđơưĂÂĐƠƯ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
_WORD = re.compile(r"[^\W\d_]+")
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_NUCLEI = ("iêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu yêu uơi ai ao au ay âu ây eo êu ia iê iu oa oă "
           "oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ ya yê a ă â e ê i o ô ơ u ư y").split()
_SYLLABLE = re.compile(f"(?:{_INITIALS})?(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|[cmnpt])?")


@dataclass(frozen=True)
class Decoded:
    """A document's text (NFC), the encoding it was read as, and what the reader should know."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is spelled like one Vietnamese syllable (letters, at most one tone mark).

    Example:
        >>> [is_vietnamese_syllable(w) for w in ["Nguyễn", "người", "khuya", "QUYẾT", "Së", "tÕ", "Haûi", "LĐTB"]]
        [True, True, True, True, False, False, False, False]
    """
    if not word.isupper() and any(c.isupper() for c in word[1:]):  # "tÕ", "ViÖt": a capital inside
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def syllable_counts(text: str) -> tuple[int, int]:
    """(syllables, other words) among the words of ``text`` that hold a non-ASCII letter.

    Example:
        >>> syllable_counts("Sở Y tế Hải Phòng: Së Y tÕ")
        (4, 2)
    """
    good = bad = 0
    for word in _WORD.findall(text):
        if not word.isascii():
            if is_vietnamese_syllable(word):
                good += 1
            else:
                bad += 1
    return good, bad


def tcvn3_to_unicode(text: str) -> str:
    """Text typed in a TCVN3 (ABC) font, read as Latin-1, into Unicode.

    Example:
        >>> tcvn3_to_unicode("Së Y tÕ thµnh phè H¶i Phßng")
        'Sở Y tế thành phố Hải Phòng'
    """
    return "".join(_TCVN3.get(c, c) for c in text)


def vni_to_unicode(text: str) -> str:
    """Text typed in a VNI-Windows font, read as Latin-1, into Unicode (NFC).

    Example:
        >>> vni_to_unicode("Sôû Y teá thaønh phoá Haûi Phoøng, Ñaø Naüng, Vieät Nam")
        'Sở Y tế thành phố Hải Phòng, Đà Nẵng, Việt Nam'
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        i += 1
        if ch in _VNI_SINGLE:
            out.append(_VNI_SINGLE[ch])
            if ch.lower() not in "ôö":
                continue
            ch = _VNI_SINGLE[ch]
        elif ch.lower() not in "aeouy":
            out.append(ch)
            continue
        else:
            out.append(ch)
        marks = ""
        nxt = text[i].lower() if i < n else ""
        if ch.lower() in "aeo" and nxt in _HAT_BYTES:
            marks, i = "\u0302" + _HAT_BYTES[nxt], i + 1
        elif ch.lower() == "a" and nxt in _BREVE_BYTES:
            marks, i = "\u0306" + _BREVE_BYTES[nxt], i + 1
        if len(marks) < 2 and i < n and text[i].lower() in _TONE_BYTES:
            marks, i = marks + _TONE_BYTES[text[i].lower()], i + 1
        if marks:
            out[-1] = unicodedata.normalize("NFC", out[-1] + marks)
    return "".join(out)


@lru_cache(maxsize=1)
def _tcvn3_inverse() -> dict[str, str]:
    inverse = {u: b for b, u in _TCVN3.items()}
    for b, u in _TCVN3.items():  # toned capitals were typed with the capitals font on the same codes
        inverse.setdefault(u.upper(), b)
    return inverse


def unicode_to_tcvn3(text: str) -> bytes:
    """Unicode text as a TCVN3 (ABC) file's bytes: the inverse of ``tcvn3_to_unicode`` (fixtures, tests).

    Example:
        >>> tcvn3_to_unicode(unicode_to_tcvn3("Quận Lê Chân").decode("latin-1"))
        'Quận Lê Chân'
    """
    inverse = _tcvn3_inverse()
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text)).encode("latin-1", "replace")


def unicode_to_vni(text: str) -> bytes:
    """Unicode text as a VNI-Windows file's bytes: the inverse of ``vni_to_unicode`` (fixtures, tests).

    Example:
        >>> vni_to_unicode(unicode_to_vni("Huyện Thủy Nguyên, Ưu tiên").decode("latin-1"))
        'Huyện Thủy Nguyên, Ưu tiên'
    """
    singles = {u: b for b, u in _VNI_SINGLE.items() if u.lower() not in "ơư"}
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isascii() or ch in singles:
            out.append(singles.get(ch, ch))
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        shape = next((_SHAPE[m] for m in marks if m in _SHAPE), None)
        tone = next((m for m in marks if m in _TONES), "")
        upper = base.isupper()
        if shape == "horn":
            head, tail = ("Ô" if base.lower() == "o" else "Ö"), _tone_byte(tone)
        elif shape == "hat":
            head, tail = base, next(b for b, t in _HAT_BYTES.items() if t == tone)
        elif shape == "breve":
            head, tail = base, next(b for b, t in _BREVE_BYTES.items() if t == tone)
        else:
            head, tail = base, _tone_byte(tone)
        head = head if upper else head.lower()
        out.append(head + (tail.upper() if upper else tail))
    return "".join(out).encode("latin-1", "replace")


def _tone_byte(tone: str) -> str:
    return next((b for b, t in _TONE_BYTES.items() if t == tone), "")


def unicode_to_cp1258(text: str) -> bytes:
    """Unicode text as Windows-1258 bytes, tone marks as combining bytes where needed (fixtures, tests).

    Example:
        >>> unicode_to_cp1258("Hải") == b"Ha\\xd2i"
        True
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258", "replace") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return bytes(out)


@lru_cache(maxsize=1)
def _cp1252_controls() -> dict[int, str]:
    return {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _latin(data: bytes) -> str:
    """Bytes as code points: cp1252 where it defines the byte (smart quotes), Latin-1 elsewhere."""
    return data.decode("latin-1").translate(_cp1252_controls())


def _readings(latin: str, data: bytes | None) -> dict[str, str]:
    readings = {"tcvn3": tcvn3_to_unicode(latin), "vni": vni_to_unicode(latin)}
    if data is not None:
        try:
            readings["windows-1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            pass
    return readings


def _best(readings: dict[str, str]) -> tuple[str | None, dict[str, tuple[int, int]]]:
    """The reading whose words are clearly Vietnamese syllables, None when none clearly is."""
    counts = {name: syllable_counts(text) for name, text in readings.items()}
    ratio = {name: good / (good + bad) if good + bad else 0.0 for name, (good, bad) in counts.items()}
    ranked = sorted(ratio, key=ratio.get, reverse=True)
    best = ranked[0]
    runner_up = ratio[ranked[1]] if len(ranked) > 1 else 0.0
    if counts[best][0] >= MIN_SYLLABLES and ratio[best] >= MIN_RATIO and ratio[best] - runner_up >= MIN_MARGIN:
        return best, counts
    return None, counts


# Bytes below 32 that text never holds: all but tab, line feed, vertical tab, form feed, carriage return, ESC.
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or (13 < b and b != 27))


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in SIGNATURES.items():
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if b"\x00" in head:
        return "it holds NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return "it holds control bytes that text never has" if head and controls > max(2, len(head) // 100) else None


def decode_bytes(data: bytes, path: str | Path) -> Decoded:
    """Decode a document's bytes to NFC text, or raise ``UnreadableInput`` naming the file and the fix."""
    path = str(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(unicodedata.normalize("NFC", data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableInput("starts like UTF-16 but is not valid UTF-16", path=path, fix=FIX) from exc
    kind = _binary_kind(data)
    if kind:
        raise UnreadableInput(f"this is a binary file ({kind}), not text", path=path,
                              fix="give parindex the announcement as .txt/.md/.html or its table as .csv")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, path, exc)
    text = unicodedata.normalize("NFC", text)
    if _VIETNAMESE_ONLY.search(text) or not any(ord(c) > 0x7F for c in text):
        return Decoded(text, "utf-8")
    good, bad = syllable_counts(text)
    if bad <= good:
        return Decoded(text, "utf-8")
    readings = _readings(text, None)
    best, _ = _best(readings)
    if best is None:
        return Decoded(text, "utf-8")
    return Decoded(readings[best], best, [
        f"{path}: the text was typed in a {NAMES[best]} font and saved as Unicode; converted to Unicode"])


def _decode_legacy(data: bytes, path: str, exc: UnicodeDecodeError) -> Decoded:
    readings = _readings(_latin(data), data)
    best, counts = _best(readings)
    if best is None:
        tried = ", ".join(f"{NAMES[n]} {g} of {g + b} words Vietnamese" for n, (g, b) in counts.items())
        raise UnreadableInput(
            f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}) and no legacy Vietnamese "
            f"encoding fits it clearly ({tried})", path=path, fix=FIX) from exc
    return Decoded(readings[best], best, [f"{path}: read as {NAMES[best]} and converted to Unicode"])
