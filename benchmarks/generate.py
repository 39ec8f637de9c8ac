"""Synthetic announcements and appendix tables for the benchmarks, written by the project.

Run by hand:

    .venv/bin/python benchmarks/generate.py --docs 1000 --seed 7 --out /tmp/corpus [--tables 0.1]

Each document is a Vietnamese announcement of one province's results in one year (2012-2025) about
the PAR Index and SIPAS of its departments, districts and communes, written with the constructions
the extractor knows (rank then score, score then rank, "Đứng thứ N là X", "dẫn đầu", "xếp cuối",
"A, B và C lần lượt đạt ...", figures in parentheses, ranks in words), plus paragraphs without
figures, and about 8 KB long. Provinces are the 34 of the gazetteer that exist today; units are the
gazetteer's units of that province valid in the year. Files go to ``OUT/<year>/<province-slug>/``
(the ``raw/`` layout), with ``OUT/truth.jsonl``: the facts each document states. ``--tables`` adds
an appendix CSV (``STT;Đơn vị;Tổng điểm;Xếp hạng``) beside that fraction of the announcements. The
same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.gazetteer import Gazetteer, Unit, same_province  # noqa: E402
from flows.textnorm import fold_key  # noqa: E402

YEARS = range(2012, 2026)
TARGET_BYTES = 8 * 1024
_ORDINAL_WORDS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}
_INDEX = {"PAR": ("Chỉ số cải cách hành chính", "điểm"), "SIPAS": ("Chỉ số hài lòng về sự phục vụ hành chính", "%")}
_BLOC_PHRASE = {"department": "khối sở, ban, ngành", "district": "khối quận, huyện",
                "commune": "khối xã, phường, thị trấn"}
_FILLER = [
    "Kết quả được công bố tại hội nghị tổng kết công tác cải cách hành chính của {p}, với sự tham dự của "
    "lãnh đạo các cơ quan, đơn vị và đại diện Mặt trận Tổ quốc, các đoàn thể.",
    "Theo Ủy ban nhân dân {p}, việc đánh giá được thực hiện khách quan, công khai, dựa trên hồ sơ tự chấm và "
    "kết quả thẩm định của hội đồng, kết hợp với phiếu khảo sát người dân và doanh nghiệp.",
    "Lãnh đạo {p} đề nghị người đứng đầu các cơ quan, địa phương phân tích kỹ những nội dung còn hạn chế, "
    "làm rõ nguyên nhân và có giải pháp khắc phục trong thời gian tới.",
    "Công tác tuyên truyền về cải cách hành chính được đẩy mạnh; việc tiếp nhận và trả kết quả hồ sơ qua dịch "
    "vụ bưu chính công ích và dịch vụ công trực tuyến tiếp tục được mở rộng ở nhiều lĩnh vực.",
    "Bộ phận Một cửa các cấp đã được sắp xếp lại, trang bị thêm máy tính, máy quét và hệ thống xếp hàng tự "
    "động, góp phần rút ngắn thời gian chờ đợi của người dân khi đến giao dịch.",
    "Nhiều cơ quan đã chủ động rà soát, đơn giản hóa thủ tục hành chính, công khai quy trình giải quyết và "
    "tiếp nhận phản ánh, kiến nghị của tổ chức, cá nhân qua đường dây nóng.",
]


@cache
def _units(province: str, kind: str, year: int) -> tuple[Unit, ...]:
    """Units of a kind in a province and year whose canonical name the gazetteer finds as itself."""
    g = Gazetteer.load()
    out = []
    for u in sorted(g.units.values(), key=lambda u: u.unit_id):
        if u.province != province or u.unit_kind != kind or not u.valid_at_end_of(year):
            continue
        name = _written(u)
        found = g.find_mentions(f"Năm {year}, {name} đạt 80 điểm.", province, year)
        if len(found) == 1 and found[0].unit_id == u.unit_id and found[0].text == name:
            out.append(u)
    return tuple(out)


def _named_in(province: str, year: int) -> str:
    """The name a province had in a year ("Huế" was "Thừa Thiên Huế" before 2025)."""
    if _units(province, "department", year):
        return province
    earlier = [u.province for u in Gazetteer.load().provinces()
               if same_province(u.province) == province and u.province != province]
    return next((p for p in earlier if _units(p, "department", year)), province)


def _written(u: Unit) -> str:
    """The name as prose writes it: the kind word of districts and communes in lower case."""
    if u.unit_kind in ("district", "commune"):
        head, _, rest = u.name_vi.partition(" ")
        if head in ("Quận", "Huyện", "Xã", "Phường") and rest:
            return head.lower() + " " + rest
    return u.name_vi


def _fig(value: float, unit: str) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return text + ("%" if unit == "%" else " điểm")


def _rank(rng: random.Random, r: int) -> str:
    return f"thứ {_ORDINAL_WORDS[r]}" if r in _ORDINAL_WORDS and rng.random() < 0.4 else f"thứ {r}"


def _sentences(rng: random.Random, ranked: list[tuple[Unit, float]], unit: str) -> list[str]:
    """Sentences stating rank and score of every unit in ``ranked`` (best first), varied constructions."""
    out, i, n = [], 0, len(ranked)
    while i < n:
        u, s = ranked[i]
        r, name = i + 1, _written(u)
        name = name[0].upper() + name[1:]
        if r == 1:
            out.append(f"{name} dẫn đầu với {_fig(s, unit)}.")
        elif r == n and n > 3:
            out.append(f"{name} xếp cuối với {_fig(s, unit)}.")
        elif i + 3 < n and rng.random() < 0.2:
            trio = ranked[i:i + 3]
            names = [_written(t[0]) for t in trio]
            names[0] = names[0][0].upper() + names[0][1:]
            figs = [_fig(t[1], unit) for t in trio]
            out.append(f"{names[0]}, {names[1]} và {names[2]} lần lượt đạt {figs[0]}; {figs[1]} và {figs[2]}, "
                       f"xếp thứ {r}, {r + 1} và {r + 2}.")
            i += 3
            continue
        else:
            shape = rng.randrange(4)
            if shape == 0:
                out.append(f"{name} xếp {_rank(rng, r)} với {_fig(s, unit)}.")
            elif shape == 1:
                out.append(f"{name} đứng {_rank(rng, r)} ({_fig(s, unit)}).")
            elif shape == 2:
                out.append(f"Đứng {_rank(rng, r)} là {_written(u)} với {_fig(s, unit)}.")
            else:
                out.append(f"{name} đạt {_fig(s, unit)}, xếp {_rank(rng, r)}.")
        i += 1
    return out


def _scores(rng: random.Random, n: int, unit: str) -> list[float]:
    """n distinct descending scores, two decimals."""
    top = rng.uniform(88, 97) if unit == "%" else rng.uniform(85, 95)
    values, v = [], top
    for _ in range(n):
        values.append(round(v, 2))
        v -= rng.choice((0.07, 0.13, 0.21, 0.34, 0.55, 0.89, 1.2))
    return values


def document(rng: random.Random, province: str, year: int) -> tuple[str, list[dict], list[tuple[Unit, float]]]:
    """(text, stated facts, the district PAR table) of one announcement."""
    p = "tỉnh " + province if not province.startswith(("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh",
                                                        "Huế")) else "thành phố " + province
    day, month = rng.randint(1, 28), rng.randint(2, 5)
    decision = f"{rng.randint(100, 3999)}/QĐ-UBND"
    paras = [f"{province} công bố Chỉ số cải cách hành chính và Chỉ số hài lòng năm {year}",
             f"Ngày đăng: {day:02d}/{month:02d}/{min(year + 1, 2026)}",
             f"Ủy ban nhân dân {p} vừa ban hành Quyết định số {decision} công bố kết quả xác định Chỉ số cải "
             f"cách hành chính và Chỉ số hài lòng về sự phục vụ hành chính năm {year} của các sở, ban, ngành, "
             f"UBND cấp huyện và cấp xã trên địa bàn."]
    facts: list[dict] = []
    table: list[tuple[Unit, float]] = []
    communes = list(_units(province, "commune", year))
    rng.shuffle(communes)
    plan = [("PAR", "department", list(_units(province, "department", year))),
            ("PAR", "district", list(_units(province, "district", year))),
            ("SIPAS", "department", list(_units(province, "department", year))),
            ("SIPAS", "district", list(_units(province, "district", year))),
            ("PAR", "commune", communes[:40])]
    for index, kind, units in plan:
        if not units:
            continue
        rng.shuffle(units)
        name, unit = _INDEX[index]
        ranked = list(zip(units, _scores(rng, len(units), unit), strict=True))
        if index == "PAR" and kind == "district":
            table = ranked
        # "xếp cuối" states no number: the extractor gives a rank only where the bloc's size is checked
        facts += [{"unit_id": u.unit_id, "index": index, "year": year, "score": s,
                   "rank": None if r == len(ranked) and r > 3 else r}
                  for r, (u, s) in enumerate(ranked, start=1)]
        body = _sentences(rng, ranked, unit)
        lead = f"Về {name} năm {year}, ở {_BLOC_PHRASE[kind]}:"
        chunk = 6
        for k in range(0, len(body), chunk):
            paras.append((lead + " " if k == 0 else "") + " ".join(body[k:k + chunk]))
        paras.append(rng.choice(_FILLER).format(p=p))
    text = "\n\n".join(paras) + "\n"
    while len(text.encode("utf-8")) < TARGET_BYTES - 400:
        text += "\n" + rng.choice(_FILLER).format(p=p) + "\n"
    return text, facts, table


def appendix(province: str, year: int, table: list[tuple[Unit, float]]) -> str:
    """The appendix CSV of the district PAR scores."""
    rows = [f"Chỉ số cải cách hành chính năm {year} của các quận, huyện {province}", "STT;Đơn vị;Tổng điểm;Xếp hạng"]
    rows += [f"{r};{u.name_vi};{_fig(s, '').split()[0]};{r}" for r, (u, s) in enumerate(table, start=1)]
    return "\n".join(rows) + "\n"


def slug(province: str) -> str:
    """The raw/ folder name of a province.

    Example:
        >>> slug("Hải Phòng")
        'hai-phong'
    """
    return fold_key(province).replace(" ", "-")


def generate(docs: int, seed: int, out: Path, tables: float = 0.0) -> dict:
    """Write ``docs`` announcements (and appendix tables) under ``out``; a summary."""
    rng = random.Random(seed)
    provinces = sorted(u.province for u in Gazetteer.load().provinces() if u.valid_to is None)
    out.mkdir(parents=True, exist_ok=True)
    n_facts = n_bytes = n_tables = 0
    with open(out / "truth.jsonl", "w", encoding="utf-8") as truth:
        for number in range(docs):
            province, year = rng.choice(provinces), rng.choice(YEARS)
            province = _named_in(province, year)
            text, facts, table = document(rng, province, year)
            folder = out / str(year) / slug(province)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"cong-bo-{number:05d}.txt"
            path.write_text(text, encoding="utf-8")
            n_facts += len(facts)
            n_bytes += len(text.encode("utf-8"))
            truth.write(json.dumps({"path": str(path.relative_to(out)), "facts": facts}, ensure_ascii=False) + "\n")
            if table and rng.random() < tables:
                (folder / f"phu-luc-{number:05d}.csv").write_text(appendix(province, year, table), encoding="utf-8")
                n_tables += 1
    return {"documents": docs, "tables": n_tables, "facts": n_facts, "mean_bytes": n_bytes // max(docs, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--tables", type=float, default=0.0, help="fraction of announcements with an appendix CSV")
    args = parser.parse_args()
    print(json.dumps(generate(args.docs, args.seed, args.out, args.tables)))


if __name__ == "__main__":
    main()
