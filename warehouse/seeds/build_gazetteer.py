"""Build dim_unit.csv and dim_unit_alias.csv from vietnamadminunits' data and the hand-kept sources.

Run by hand, never at runtime (the runtime reads the committed CSVs and needs no network):

    python3 -m venv /tmp/gz-venv && /tmp/gz-venv/bin/pip install vietnamadminunits==1.0.4
    /tmp/gz-venv/bin/python warehouse/seeds/build_gazetteer.py

Inputs: the package's ``data/dataset.db`` (provinces, districts and communes before and after the
2025 reorganisation) and ``data/converter_2025.json`` (old commune -> new commune), plus the files in
``warehouse/seeds/sources/`` (curated units and aliases, ministries, the department template and
province short forms). See ``warehouse/seeds/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
import unicodedata
from pathlib import Path

SEEDS = Path(__file__).resolve().parent
SOURCES = SEEDS / "sources"
sys.path.insert(0, str(SEEDS.parent.parent))
from flows.textnorm import fold_key  # noqa: E402

PACKAGE = "vietnamadminunits 1.0.4"
SNAPSHOT = f"snapshot before the 2025 reorganisation ({PACKAGE})"
DISTRICTS_END = "2025-06-30"
DISTRICTS_NOTE = "district level abolished from 2025-07-01 (Law on Organisation of Local Government 2025)"
MERGE_NOTE = "provincial merger from 2025-07-01 (Resolution 202/2025/QH15)"
COMMUNES_2025 = f"2025 commune-level reorganisation, from 2025-07-01 ({PACKAGE})"
FIELDS = ["unit_id", "name_vi", "name_en", "unit_kind", "province", "valid_from", "valid_to",
          "successor_id", "note"]
KIND_EN = {"tỉnh": "Province", "thành phố trung ương": "City", "quận": "District", "huyện": "District",
           "thị xã": "Town", "thành phố": "City", "phường": "Ward", "xã": "Commune",
           "thị trấn": "Township", "đặc khu": "Special Zone"}
HUE_TO = "2024-12-31"  # Thừa Thiên Huế became the centrally run Thành phố Huế (Resolution 175/2024/QH15)


def slug(name: str) -> str:
    """ASCII id part of a name.

    Example:
        >>> slug("Quận Hồng Bàng")
        'quan-hong-bang'
    """
    return fold_key(name).replace(" ", "-")


def ascii_title(name: str) -> str:
    """Name without diacritics, case kept.

    Example:
        >>> ascii_title("Đồ Sơn")
        'Do Son'
    """
    name = name.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def kind_word(name: str) -> str:
    """The division word a Vietnamese unit name starts with."""
    low = name.lower()
    for word in sorted(KIND_EN, key=len, reverse=True):
        if low.startswith(word + " "):
            return word
    raise ValueError(f"no kind word in {name!r}")


def english(name: str, level: str = "") -> str:
    """English name: 'Phường Hồng Bàng' -> 'Hong Bang Ward'."""
    word = kind_word(name)
    rest = name[len(word) + 1:]
    kind = "City" if level == "province" and word == "thành phố" else KIND_EN[word]
    return f"{ascii_title(rest)} {kind}"


def nfc(text: str) -> str:
    """NFC form of a package string."""
    return unicodedata.normalize("NFC", text or "").strip()


_KIND_CASE = {"Thị Xã ": "Thị xã ", "Thành Phố ": "Thành phố ", "Thị Trấn ": "Thị trấn "}


def kind_case(name: str) -> str:
    """A unit's name with its kind word in sentence case, as every other name has it ("Thị Xã Việt Yên" in the
    package -> "Thị xã Việt Yên")."""
    for wrong, right in _KIND_CASE.items():
        if name.startswith(wrong):
            return right + name[len(wrong):]
    return name


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a source CSV."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def package_data(data_dir: Path) -> tuple[list[sqlite3.Row], list[sqlite3.Row], dict]:
    """Legacy rows, 2025 rows and the converter of vietnamadminunits."""
    con = sqlite3.connect(f"file:{data_dir / 'dataset.db'}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    legacy = con.execute("select * from admin_units_legacy order by provinceCode, districtCode, wardCode").fetchall()
    new = con.execute("select * from admin_units order by provinceCode, wardCode").fetchall()
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    return legacy, new, converter


def province_short(row: sqlite3.Row) -> str:
    """The province name used in the ``province`` column (Huế before 2025 is Thừa Thiên Huế)."""
    short = nfc(row["provinceShort"])
    return "Thừa Thiên Huế" if short == "Huế" else short


def build_provinces(legacy: list, new: list, converter: dict) -> tuple[list[dict], dict[str, str]]:
    """Province units (63 before, 34 after 2025-07-01) and province key -> unit_id."""
    new_names = {r["provinceKey"]: nfc(r["province"]) for r in new}
    successor_of = {old: new_key for new_key, olds in converter["DICT_PROVINCE"].items() for old in olds}
    units, ids = [], {}
    for key in dict.fromkeys(r["provinceKey"] for r in legacy):
        row = next(r for r in legacy if r["provinceKey"] == key)
        name, short = nfc(row["province"]), province_short(row)
        new_key = successor_of[key]
        continues = nfc(new_names[new_key]) == name
        unit = {"unit_id": slug(short), "name_vi": name, "name_en": english(name, "province"),
                "unit_kind": "province", "province": short, "valid_from": "", "valid_to": "",
                "successor_id": "", "note": f"province ({PACKAGE})"}
        if short == "Thừa Thiên Huế":
            unit.update(name_vi="Tỉnh Thừa Thiên Huế", name_en="Thua Thien Hue Province", valid_to=HUE_TO,
                        successor_id="hue", note="became the centrally run Thành phố Huế from 2025-01-01 "
                                                  "(Resolution 175/2024/QH15)")
            units.append(unit)
            units.append({"unit_id": "hue", "name_vi": "Thành phố Huế", "name_en": "Hue City",
                          "unit_kind": "province", "province": "Huế", "valid_from": "2025-01-01",
                          "valid_to": "", "successor_id": "", "note": "centrally run city from 2025-01-01 "
                          "(Resolution 175/2024/QH15); unchanged by the 2025 provincial mergers"})
            ids[key] = "hue"
            continue
        if not continues:
            new_short = nfc(next(r["provinceShort"] for r in new if r["provinceKey"] == new_key))
            unit.update(valid_to=DISTRICTS_END, successor_id=slug(new_short),
                        note=f"merged into {new_names[new_key]} from 2025-07-01 (Resolution 202/2025/QH15)")
        else:
            absorbed = [o for o in converter["DICT_PROVINCE"][new_key] if o != key]
            if absorbed:
                unit["note"] = f"absorbed {len(absorbed)} province(s) from 2025-07-01 (Resolution 202/2025/QH15)"
        ids[key] = unit["unit_id"]
        units.append(unit)
    return units, ids


def build_districts_and_communes(legacy: list, new: list, converter: dict,
                                 province_ids: dict[str, str]) -> list[dict]:
    """Districts and communes before 2025-07-01 and the communes from 2025-07-01, with successors."""
    units: list[dict] = []
    new_ids: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    for r in new:
        pid = province_ids.get(r["provinceKey"]) or slug(nfc(r["provinceShort"]))
        name = nfc(r["ward"])
        uid = f"{pid}:{slug(name)}"
        if uid in used:  # 'Xã Cẩm Giang' and 'Xã Cẩm Giàng' fold alike: the NSO code tells them apart
            uid += f"-{r['wardCode']}"
        used.add(uid)
        new_ids[(r["provinceKey"], r["wardKey"])] = uid
        units.append({"unit_id": uid, "name_vi": name, "name_en": english(name), "unit_kind": "commune",
                      "province": nfc(r["provinceShort"]), "valid_from": "2025-07-01", "valid_to": "",
                      "successor_id": "", "note": COMMUNES_2025})
    successor: dict[str, str] = {}
    for new_prov, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, olds in wards.items():
            for old in olds:
                successor[old] = new_ids[(new_prov, ward_key)]
    split: dict[str, str] = {}
    for new_prov, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, targets in olds.items():
            default = next((t["newWardKey"] for t in targets if t["isDefaultNewWard"]), None)
            if default:
                split[old] = new_ids[(new_prov, default)]
    district_targets: dict[str, set[str]] = {}
    districts: dict[str, dict] = {}
    for r in legacy:
        pid = province_ids[r["provinceKey"]]
        pid = "thua-thien-hue" if pid == "hue" else pid
        dname = kind_case(nfc(r["district"]))
        did = f"{pid}:{slug(dname)}"
        key = f"{r['provinceKey']}_{r['districtKey']}_"
        districts.setdefault(did, {"unit_id": did, "name_vi": dname, "name_en": english(dname),
                                   "unit_kind": "district", "province": province_short(r), "valid_from": "",
                                   "valid_to": DISTRICTS_END, "successor_id": successor.get(key, ""),
                                   "note": f"{SNAPSHOT}; {DISTRICTS_NOTE}"})
        if not r["ward"]:
            continue
        wname = kind_case(nfc(r["ward"]))
        old_key = key + r["wardKey"]
        succ = successor.get(old_key) or split.get(old_key, "")
        note = SNAPSHOT + ("; split in 2025, successor is the default new commune" if old_key in split else "")
        district_targets.setdefault(did, set()).add(succ)
        wid = f"{did}:{slug(wname)}"
        wid = f"{wid}-{r['wardCode']}" if wid in used else wid
        used.add(wid)
        units.append({"unit_id": wid, "name_vi": wname, "name_en": english(wname),
                      "unit_kind": "commune", "province": province_short(r), "valid_from": "",
                      "valid_to": DISTRICTS_END, "successor_id": succ, "note": note})
    for did, targets in district_targets.items():
        if len(targets) == 1 and "" not in targets:  # a district whose communes all became one (islands)
            districts[did]["successor_id"] = next(iter(targets))
    return list(districts.values()) + units


def applies(rule: str, province: str) -> bool:
    """Whether a template row applies to a province ('all', 'only:A;B', 'except:A;B')."""
    if rule == "all":
        return True
    how, _, names = rule.partition(":")
    listed = province in [n.strip() for n in names.split(";")]
    return listed if how == "only" else not listed


def build_departments(provinces: list[dict]) -> tuple[list[dict], list[tuple[str, str, str]]]:
    """Departments per province from the template, with 2025 mergers and the provincial mergers."""
    template = read_csv(SOURCES / "department_template.csv")
    by_id = {p["unit_id"]: p for p in provinces}
    units, aliases = [], []
    for prov in provinces:
        short = prov["province"]
        city = prov["name_vi"].startswith("Thành phố")
        fill = {"cap": "thành phố" if city else "tỉnh", "cap_abbr": "TP" if city else "tỉnh",
                "Cap_en": "City" if city else "Provincial", "province": short}
        for row in template:
            if not applies(row["applies_to"], short):
                continue
            uid = f"{prov['unit_id']}:{row['key']}"
            valid_from = max(row["valid_from"], prov["valid_from"])
            valid_to = min(x for x in (row["valid_to"], prov["valid_to"], "9999") if x)
            if valid_to == "9999":
                valid_to = ""
            if valid_from and valid_to and valid_from > valid_to:
                continue
            checked = short == "Hải Phòng" and not row["note"].startswith("central agency")  # ngành dọc: not checked
            basis = "Hải Phòng set (hand-checked before 2025)" if checked else "template"
            succ, note = row["successor_key"], f"{basis}: {row['note']}"
            succ_id = f"{prov['unit_id']}:{succ}" if succ and valid_to == row["valid_to"] else ""
            if valid_to and valid_to == prov["valid_to"] and valid_to != row["valid_to"]:
                succ_id = f"{prov['successor_id']}:{row['key']}"
                note += f"; province {'renamed' if prov['unit_id'] == 'thua-thien-hue' else 'merged'} "
                note += f"into {by_id[prov['successor_id']]['name_vi']} after {valid_to}"
            units.append({"unit_id": uid, "name_vi": row["name_vi"].format(**fill),
                          "name_en": row["name_en"].format(**fill), "unit_kind": "department",
                          "province": short, "valid_from": valid_from, "valid_to": valid_to,
                          "successor_id": succ_id, "note": note})
            for abbr in filter(None, row["abbreviations"].split(";")):
                aliases.append((abbr.format(**fill), uid, "template abbreviation"))
            aliases.append((f"{row['name_vi'].format(**fill)} {short}", uid, "template: name with province"))
            if " {cap}" in row["name_vi"]:  # "Kho bạc Nhà nước Hà Tĩnh": the province named without "tỉnh"
                aliases.append((f"{row['name_vi'].replace(' {cap}', '').format(**fill)} {short}", uid,
                                "template: name with province"))
    ids = {u["unit_id"] for u in units}
    for u in units:  # a merged province's department has a successor only if the successor has one
        if u["successor_id"] and u["successor_id"] not in ids:
            u["successor_id"] = ""
            u["note"] += "; no same-named department in the successor"
    return units, aliases


def build_ministries() -> tuple[list[dict], list[tuple[str, str, str]]]:
    """Ministries and ministry-level agencies, national scope."""
    units, aliases = [], []
    for row in read_csv(SOURCES / "ministries.csv"):
        units.append({k: row[k] for k in FIELDS if k in row} | {"unit_kind": "ministry", "province": "Việt Nam"})
        aliases += [(a, row["unit_id"], "ministry abbreviation") for a in filter(None, row["aliases"].split(";"))]
    return units, aliases


def merge_curated(units: list[dict]) -> list[dict]:
    """Curated rows replace generated rows with the same unit_id (Hải Phòng's hand-kept ids)."""
    curated = read_csv(SOURCES / "curated_units.csv")
    by_id = {u["unit_id"]: u for u in units}
    for fold_from, fold_to in (("hai-phong:huyen-bach-long-vi", "hai-phong:huyen-bach-long-vy"),):
        if fold_from in by_id:
            by_id[fold_to] = by_id.pop(fold_from) | {"unit_id": fold_to}
            for u in by_id.values():
                if u["unit_id"].startswith(fold_from + ":"):
                    u["unit_id"] = fold_to + u["unit_id"][len(fold_from):]
    for row in curated:
        old = by_id.get(row["unit_id"], {})
        merged = dict(row)
        if not merged["successor_id"] and old.get("successor_id"):
            merged["successor_id"] = old["successor_id"]
        by_id[row["unit_id"]] = merged
    return list({u["unit_id"]: u for u in by_id.values()}.values())


def build(data_dir: Path) -> tuple[list[dict], list[tuple[str, str, str]]]:
    """All units and aliases."""
    legacy, new, converter = package_data(data_dir)
    provinces, province_ids = build_provinces(legacy, new, converter)
    departments, dep_aliases = build_departments(provinces)
    ministries, min_aliases = build_ministries()
    places = build_districts_and_communes(legacy, new, converter, province_ids)
    generated = provinces + places + departments + ministries
    check(generated, [])
    units = merge_curated(generated)
    by_province = {p["province"]: p["unit_id"] for p in provinces}
    aliases = [(r["alias"], r["unit_id"], r["note"]) for r in read_csv(SOURCES / "curated_aliases.csv")]
    aliases += [(r["alias"], by_province[r["province"]], r["note"]) for r in read_csv(SOURCES / "province_aliases.csv")]
    aliases += dep_aliases + min_aliases
    return units, aliases


def check(units: list[dict], aliases: list[tuple[str, str, str]]) -> None:
    """Fail on duplicate ids, dangling successors or aliases."""
    ids = [u["unit_id"] for u in units]
    seen: set[str] = set()
    dupes = {i for i in ids if i in seen or seen.add(i)}
    if dupes:
        raise SystemExit(f"duplicate unit_id: {sorted(dupes)[:10]}")
    known = set(ids)
    bad = [u["unit_id"] for u in units if u["successor_id"] and u["successor_id"] not in known]
    bad += [a for a, uid, _ in aliases if uid not in known]
    if bad:
        raise SystemExit(f"unknown successor or alias target: {bad[:10]}")


def write(units: list[dict], aliases: list[tuple[str, str, str]], out: Path) -> None:
    """Write the two seed CSVs, sorted for stable diffs."""
    units = sorted(units, key=lambda u: (u["unit_kind"] != "province", u["unit_kind"] != "ministry",
                                         u["province"] != "Hải Phòng", u["unit_id"]))
    with open(out / "dim_unit.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: u.get(k, "") for k in FIELDS} for u in units)
    seen: set[tuple[str, str]] = set()
    with open(out / "dim_unit_alias.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["alias", "unit_id", "note"])
        for alias, uid, note in aliases:
            if (alias, uid) not in seen:
                seen.add((alias, uid))
                writer.writerow([alias, uid, note])


def main() -> None:
    """Command line: build the seeds from the installed package's data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="vietnamadminunits/data (default: the installed package's)")
    parser.add_argument("--out", type=Path, default=SEEDS)
    args = parser.parse_args()
    data_dir = args.data_dir
    if data_dir is None:
        import vietnamadminunits  # only needed here, at build time

        data_dir = Path(vietnamadminunits.__file__).parent / "data"
    units, aliases = build(data_dir)
    check(units, aliases)
    write(units, aliases, args.out)
    kinds: dict[str, int] = {}
    for u in units:
        kinds[u["unit_kind"]] = kinds.get(u["unit_kind"], 0) + 1
    print(f"{len(units)} units {kinds}, {len(aliases)} aliases -> {args.out}")


if __name__ == "__main__":
    main()
