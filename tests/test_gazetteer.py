"""The gazetteer over every province, district, commune, department and ministry."""

from __future__ import annotations

import time
from datetime import date

import pytest

from flows.gazetteer import Gazetteer
from flows.paths import SEED_DIR


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.load()


def _valid(g: Gazetteer, kind: str, year: int) -> list:
    return [u for u in g.units.values() if u.unit_kind == kind and u.valid_in(year)]


def test_province_counts_before_and_after_2025(g):
    assert len(_valid(g, "province", 2024)) == 63
    assert len(_valid(g, "province", 2026)) == 34


def test_hai_duong_merged_into_hai_phong(g):
    hd = g.units["hai-duong"]
    assert hd.valid_to == date(2025, 6, 30) and hd.successor_id == "hai-phong"
    assert g.units["hai-phong"].valid_to is None
    assert g.units["hai-duong:so-y-te"].successor_id == "hai-phong:so-y-te"
    assert g.resolve("tỉnh Hải Dương", None, 2024).unit_id == "hai-duong"
    assert g.resolve("tỉnh Hải Dương", None, 2026) is None


def test_every_absorbed_province_has_a_valid_successor(g):
    ended = [u for u in g.provinces() if u.valid_to]
    assert len(ended) == 30  # 29 merged away + Thừa Thiên Huế renamed
    for u in ended:
        assert g.units[u.successor_id].valid_in(2026), u.unit_id


def test_ward_and_district_of_one_name_are_told_apart_by_year_and_kind(g):
    ward = g.resolve("phường Hồng Bàng", "Hải Phòng", 2026)
    assert ward.unit_id == "hai-phong:phuong-hong-bang" and ward.unit_kind == "commune"
    assert g.resolve("quận Hồng Bàng", "Hải Phòng", 2019).unit_id == "hai-phong:quan-hong-bang"
    assert g.resolve("quận Hồng Bàng", "Hải Phòng", 2026) is None
    assert g.resolve("phường Hồng Bàng", "Hải Phòng", 2019) is None
    assert g.resolve("Hồng Bàng", "Hải Phòng", 2019).unit_id == "hai-phong:quan-hong-bang"
    assert g.resolve("Hồng Bàng", "Hải Phòng", 2026) is None  # a bare commune name is not enough
    assert g.resolve("Hong Bang ward", "Hải Phòng", 2026).unit_id == "hai-phong:phuong-hong-bang"


def test_old_communes_point_to_their_2025_successor(g):
    old = g.units["hai-phong:quan-hong-bang:phuong-minh-khai"]
    assert old.valid_to == date(2025, 6, 30) and old.successor_id == "hai-phong:phuong-hong-bang"
    assert g.units["hai-phong:huyen-bach-long-vy"].successor_id == "hai-phong:dac-khu-bach-long-vi"


def test_central_agencies_in_each_province_apart_from_its_departments(g):
    tax = g.resolve("Cục Thuế tỉnh", "Nam Định", 2024)
    assert tax.unit_id == "nam-dinh:cuc-thue" and tax.valid_to == date(2025, 2, 28)  # regional offices after
    assert g.resolve("BHXH thành phố", "Hải Phòng", 2019).unit_id == "hai-phong:bao-hiem-xa-hoi"
    assert g.resolve("Công an tỉnh", "Nam Định", 2026) is None  # the province merged into Ninh Bình
    assert g.resolve("Công an tỉnh", "Ninh Bình", 2026).unit_id == "ninh-binh:cong-an"
    assert g.bloc_size("Hải Phòng", "department", 2019) == 20  # the checked departments, not the agencies


def test_a_name_of_a_ward_before_and_after_the_reorganisation_is_the_new_ward_in_2025(g):
    # both existed during 2025 (until 30 June, from 1 July); the 2025 index ranks the units that exist after it
    old, new = "hai-phong:quan-le-chan:phuong-an-bien", "hai-phong:phuong-an-bien"
    assert g.units[old].valid_in(2025) and g.units[new].valid_in(2025)
    assert g.resolve("phường An Biên", "Hải Phòng", 2025).unit_id == new
    assert g.resolve("phường An Biên", "Hải Phòng", 2024).unit_id == old
    assert g.resolve("Phường Bến Thành", "Hồ Chí Minh", 2025).unit_id == "ho-chi-minh:phuong-ben-thanh"
    assert g.resolve("quận Lê Chân", "Hải Phòng", 2025).unit_id == "hai-phong:quan-le-chan"  # the only one


@pytest.mark.parametrize("old, new", [
    ("so-ke-hoach-va-dau-tu", "so-tai-chinh"),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "so-noi-vu"),
    ("so-thong-tin-va-truyen-thong", "so-khoa-hoc-va-cong-nghe"),
    ("so-tai-nguyen-va-moi-truong", "so-nong-nghiep-va-moi-truong"),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "so-nong-nghiep-va-moi-truong"),
    ("so-giao-thong-van-tai", "so-xay-dung"),
    ("so-du-lich", "so-van-hoa-the-thao-va-du-lich"),
])
def test_department_mergers_of_2025(g, old, new):
    unit = g.units[f"hai-phong:{old}"]
    assert unit.valid_to == date(2025, 2, 28) and unit.successor_id == f"hai-phong:{new}"
    assert g.units[unit.successor_id].valid_in(2026)
    assert "Decree 45/2025" in unit.note


def test_department_names_by_year(g):
    assert g.resolve("Sở Nông nghiệp và Môi trường", "Hải Phòng", 2019) is None
    assert g.resolve("Sở NN&MT", "Hải Phòng", 2026).unit_id == "hai-phong:so-nong-nghiep-va-moi-truong"
    assert g.resolve("Sở KH&ĐT", "Hải Phòng", 2026) is None


def test_ministries_and_their_mergers(g):
    assert g.resolve("Bộ Tư pháp", None, 2020).unit_id == "bo-tu-phap"
    assert g.resolve("Ngân hàng Nhà nước", None, 2020).unit_id == "ngan-hang-nha-nuoc-viet-nam"
    assert g.resolve("NHNN", "Hải Phòng", 2020).unit_id == "ngan-hang-nha-nuoc-viet-nam"
    assert g.units["bo-ke-hoach-va-dau-tu"].successor_id == "bo-tai-chinh"
    assert g.resolve("Bộ KH&ĐT", None, 2019).unit_id == "bo-ke-hoach-va-dau-tu"
    assert g.resolve("Bộ LĐTB&XH", None, 2026) is None
    assert g.resolve("Ministry of Justice", None, 2020).unit_id == "bo-tu-phap"


@pytest.mark.parametrize("name, province, unit_id", [
    ("TP.HCM", None, "ho-chi-minh"), ("TP HCM", None, "ho-chi-minh"), ("Ho Chi Minh City", None, "ho-chi-minh"),
    ("TT-Huế", None, "thua-thien-hue"), ("BR-VT", None, "ba-ria-vung-tau"), ("Hanoi", None, "ha-noi"),
    ("Hai Phong City", None, "hai-phong"), ("Hải Phòng", None, "hai-phong"), ("Daklak", None, "dak-lak"),
    ("Department of Finance", "Hải Phòng", "hai-phong:so-tai-chinh"),
    ("Hong Bang District", "Hải Phòng", "hai-phong:quan-hong-bang"),
    ("Sở VH,TT&DL", "Hải Dương", "hai-duong:so-van-hoa-the-thao-va-du-lich"),
    ("BQL KKT", "Hải Phòng", "hai-phong:ban-quan-ly-khu-kinh-te"),
    ("Sở LĐ-TB&XH", "Nghệ An", "nghe-an:so-lao-dong-thuong-binh-va-xa-hoi"),
])
def test_english_names_short_forms_and_abbreviations_resolve(g, name, province, unit_id):
    unit = g.resolve(name, province, 2019)
    assert unit is not None and unit.unit_id == unit_id


def test_a_province_name_beats_its_same_named_city(g):
    assert g.resolve("Hà Tĩnh", None, 2019).unit_id == "ha-tinh"
    assert g.resolve("thành phố Hà Tĩnh", "Hà Tĩnh", 2019).unit_id == "ha-tinh:thanh-pho-ha-tinh"
    assert g.resolve("TP Hà Tĩnh", "Hà Tĩnh", 2019).unit_id == "ha-tinh:thanh-pho-ha-tinh"


def test_ambiguous_aliases_match_nothing_without_a_province(g):
    assert g.resolve("Sở Y tế", None, 2019) is None  # one per province
    assert g.resolve("Sở Y tế", "Hải Dương", 2019).unit_id == "hai-duong:so-y-te"
    assert g.resolve("Sở Y tế Hải Dương", "Hải Dương", 2019).unit_id == "hai-duong:so-y-te"
    # with no province, a name that carries one tells the province
    assert [m.unit_id for m in g.find_mentions("Sở Y tế Hải Dương", None, 2019)] == ["hai-duong"]


def test_names_of_another_province_do_not_match(g):
    assert g.find_mentions("Kiến Thụy và huyện Kiến Thụy", "Hải Dương", 2019) == []
    assert g.find_mentions("Ngô Quyền đứng đầu", None, 2019) == []  # a bare district name needs a province


def test_commune_names_that_are_ordinary_words_do_not_match(g):
    text = ("Tinh thần Đoàn Kết, Thống Nhất và Quyết Thắng; Tân Tiến. Độc Lập, Tự Do. "
            "Quang Trung, Lê Lợi, Trần Phú là tên đường. Việc phân loại, an sinh xã hội, cán bộ, địa phương.")
    for province in ("Hải Phòng", "Hải Dương", "Nghệ An", None):
        assert [m.text for m in g.find_mentions(text, province, 2019)] == [], province


def test_communes_listed_after_their_kind_word(g):
    found = g.find_mentions("Các phường: Hồng Bàng, Lê Chân (95,1 điểm) và An Biên; xã Tân Tiến", "Hải Phòng", 2026)
    assert [m.unit_id for m in found] == ["hai-phong:phuong-hong-bang", "hai-phong:phuong-le-chan",
                                         "hai-phong:phuong-an-bien"]
    assert g.find_mentions("các địa phương: Hồng Bàng, Lê Chân", "Hải Phòng", 2026) == []


def test_numbered_districts_need_their_kind_word(g):
    assert g.resolve("Quận 1", "Hồ Chí Minh", 2019).unit_id == "ho-chi-minh:quan-1"
    assert g.find_mentions("xếp thứ 1 với 90 điểm", "Hồ Chí Minh", 2019) == []


def test_thu_duc_city_replaces_three_districts(g):
    assert g.units["ho-chi-minh:quan-2"].successor_id == "ho-chi-minh:thanh-pho-thu-duc"
    assert g.resolve("Thành phố Thủ Đức", "Hồ Chí Minh", 2019) is None
    assert g.resolve("Thành phố Thủ Đức", "Hồ Chí Minh", 2022).unit_id == "ho-chi-minh:thanh-pho-thu-duc"


@pytest.mark.parametrize(("name", "province", "unit_id", "successor"), [
    ("Thành phố Ninh Bình", "Ninh Bình", "ninh-binh:thanh-pho-ninh-binh", "ninh-binh:thanh-pho-hoa-lu"),
    ("Huyện Hoa Lư", "Ninh Bình", "ninh-binh:huyen-hoa-lu", "ninh-binh:thanh-pho-hoa-lu"),
    ("Huyện Đông Sơn", "Thanh Hóa", "thanh-hoa:huyen-dong-son", "thanh-hoa:thanh-pho-thanh-hoa"),
])
def test_districts_merged_in_2025_are_known_in_the_years_before(g, name, province, unit_id, successor):
    assert g.resolve(name, province, 2021).unit_id == unit_id
    assert g.units[unit_id].successor_id == successor


def test_bloc_sizes_only_where_the_seed_is_checked(g):
    assert g.bloc_size("Hải Phòng", "district", 2019) == 15
    assert g.bloc_size("Hải Phòng", "department", 2019) == 20
    assert g.bloc_size("Hải Dương", "department", 2019) is None  # template departments
    assert g.bloc_size("Hải Phòng", "commune", 2019) is None  # pre-2025 snapshot
    assert g.bloc_size("Hải Phòng", "commune", 2026) == 114


def test_every_unit_has_an_english_name_and_every_change_a_note(g):
    assert all(u.name_en for u in g.units.values())
    changed = [u for u in g.units.values() if u.valid_to or u.successor_id]
    assert changed and all(u.note for u in changed)


def test_every_name_writes_its_kind_word_in_sentence_case(g):
    # "Thị xã Việt Yên", not the upstream package's "Thị Xã Việt Yên": league tables show these names
    kinds = ("Thị xã ", "Thành phố ", "Thị trấn ")
    wrong = [u.name_vi for u in g.units.values()
             if any(u.name_vi.lower().startswith(k.lower()) and not u.name_vi.startswith(k) for k in kinds)]
    assert wrong == []


def test_hai_phong_unit_ids_are_stable(g):
    for uid in ("hai-phong", "hai-phong:quan-ngo-quyen", "hai-phong:so-y-te", "hai-phong:huyen-bach-long-vy",
                "hai-phong:van-phong-ubnd", "hai-phong:thanh-tra", "hai-phong:ban-quan-ly-khu-kinh-te"):
        assert uid in g.units


def test_load_is_cached_and_matching_is_fast(g):
    assert Gazetteer.load() is g and Gazetteer.load(SEED_DIR) is g
    sentence = ("Năm 2019, UBND quận Ngô Quyền xếp thứ nhất với 91,93 điểm; Sở LĐTB&XH đạt 90,5 điểm, "
                "Sở Tài chính, Văn phòng UBND thành phố và huyện Bạch Long Vỹ xếp cuối. ")
    text = sentence * (8192 // len(sentence))
    started = time.perf_counter()
    for _ in range(5):
        mentions = g.find_mentions(text, "Hải Phòng", 2019)
    per_call = (time.perf_counter() - started) / 5
    assert len(mentions) >= 5 * (len(text) // len(sentence))
    assert per_call < 0.1, f"find_mentions over 8 KB took {per_call * 1000:.1f} ms"


@pytest.mark.parametrize(("name", "province", "year", "expected"), [
    ("huyện Hoành Bồ", "Quảng Ninh", 2018, "quang-ninh:huyen-hoanh-bo"),
    ("huyện Nam Đông", "Thừa Thiên Huế", 2019, "thua-thien-hue:huyen-nam-dong"),
    ("thị xã Cửa Lò", "Nghệ An", 2023, "nghe-an:thi-xa-cua-lo"),
    ("huyện Thông Nông", "Cao Bằng", 2016, "cao-bang:huyen-thong-nong"),
])
def test_districts_merged_before_the_2025_snapshot_are_known_in_their_years(name, province, year, expected):
    g = Gazetteer.load()
    unit = g.resolve(name, province, year)
    assert unit is not None and unit.unit_id == expected
    assert unit.valid_at_end_of(year) and not unit.valid_in(2026)
    assert g.units[unit.successor_id].unit_kind == "district"


@pytest.mark.parametrize(("name", "province", "year", "expected"), [
    ("Thị xã Dĩ An", "Bình Dương", 2018, "binh-duong:thanh-pho-di-an"),  # a thành phố from 2020
    ("huyện Sa Pa", "Lào Cai", 2015, "lao-cai:thi-xa-sa-pa"),  # a thị xã from 2019
    ("thị xã Hồng Ngự", "Đồng Tháp", 2018, "dong-thap:thanh-pho-hong-ngu"),
    ("huyện Hồng Ngự", "Đồng Tháp", 2018, "dong-thap:huyen-hong-ngu"),  # a district of that name: itself
])
def test_a_town_or_city_under_the_kind_it_had_before_its_upgrade(name, province, year, expected):
    unit = Gazetteer.load().resolve(name, province, year)
    assert unit is not None and unit.unit_id == expected


@pytest.mark.parametrize("province", [None, "Quảng Trị", "Sóc Trăng"])
def test_a_comma_the_name_does_not_have_ends_it(gazetteer, province):
    """"các huyện, thị xã, thành phố" holds no "Xã Thanh" (a Quảng Trị commune) in any province's text."""
    text = "Kết quả của các sở, ban, ngành và UBND các huyện, thị xã, thành phố năm 2019."
    assert gazetteer.find_mentions(text, province, 2019) == []


def test_a_name_with_its_own_comma_or_dash_still_matches_across_a_comma(gazetteer):
    text = "Sở Lao động, Thương binh và Xã hội; Sở VH, TT&DL"
    assert [m.unit_id for m in gazetteer.find_mentions(text, "Quảng Trị", 2019)] == [
        "quang-tri:so-lao-dong-thuong-binh-va-xa-hoi", "quang-tri:so-van-hoa-the-thao-va-du-lich"]


def test_the_bloc_phrase_does_not_make_a_text_quang_tris(gazetteer):
    from flows.extract.document import detect_province

    text = ("Ngày 24/4/2019, UBND tỉnh Quảng Nam công bố Chỉ số cải cách hành chính năm 2018 của các sở, ban, ngành "
            "và UBND các huyện, thị xã, thành phố. Huyện Núi Thành dẫn đầu với 90,43 điểm.")
    assert detect_province(text, gazetteer) == "Quảng Nam"


@pytest.mark.parametrize("name, province, year, expected", [
    ("Ban Quản lý các khu công nghiệp", "Bắc Ninh", 2022, "bac-ninh:ban-quan-ly-cac-khu-cong-nghiep"),
    ("BQL các KCN", "Vĩnh Phúc", 2020, "vinh-phuc:ban-quan-ly-cac-khu-cong-nghiep"),
    ("Ban Quản lý các khu công nghiệp", "Bắc Ninh", 2025, "bac-ninh:ban-quan-ly-cac-khu-cong-nghiep"),
    ("Ban Quản lý Khu kinh tế", "Lạng Sơn", 2023, "lang-son:ban-quan-ly-khu-kinh-te"),
    ("Ban Quản lý Khu kinh tế", "Cao Bằng", 2021, "cao-bang:ban-quan-ly-khu-kinh-te"),
])
def test_the_authorities_of_industrial_and_border_economic_zones(gazetteer, name, province, year, expected):
    unit = gazetteer.resolve(name, province, year)
    assert unit is not None and unit.unit_id == expected and unit.valid_in(year)


def test_a_merged_provinces_industrial_zones_authority_goes_to_its_successor(gazetteer):
    old = gazetteer.units["bac-giang:ban-quan-ly-cac-khu-cong-nghiep"]
    assert (old.valid_in(2024), old.valid_in(2026), old.successor_id) == (
        True, False, "bac-ninh:ban-quan-ly-cac-khu-cong-nghiep")


@pytest.mark.parametrize("year, expected", [(2025, ["ha-noi:phuong-hoan-kiem", "ha-noi:phuong-ba-dinh"]),
                                            (2024, ["ha-noi:quan-hoan-kiem", "ha-noi:quan-ba-dinh"])])
def test_a_bare_name_of_an_abolished_district_is_the_ward_named_after_it_from_2025(gazetteer, year, expected):
    text = "Năm phường dẫn đầu lần lượt là: Hoàn Kiếm (94,15 điểm), Ba Đình (93,88 điểm)."
    assert [m.unit_id for m in gazetteer.find_mentions(text, "Hà Nội", year)] == expected


def test_a_bare_special_zone_named_after_an_abolished_district(gazetteer):
    text = "Cô Tô có mức hài lòng 93,60%, cao hơn Vân Đồn (91,22%)."
    assert [m.unit_id for m in gazetteer.find_mentions(text, "Quảng Ninh", 2025)] == [
        "quang-ninh:dac-khu-co-to", "quang-ninh:dac-khu-van-don"]


@pytest.mark.parametrize("written, unit_id", [
    ("Huyện Phú Quý", "binh-thuan:huyen-phu-qui"), ("Thị xã Kì Anh", "ha-tinh:thi-xa-ky-anh"),
    ("Huyện Kì Anh", "ha-tinh:huyen-ky-anh")])
def test_a_final_y_after_consonants_may_be_written_i(gazetteer, written, unit_id):
    province = unit_id.split(":")[0].replace("-", " ")
    unit = gazetteer.resolve(written, {"binh thuan": "Bình Thuận", "ha tinh": "Hà Tĩnh"}[province], 2020)
    assert unit is not None and unit.unit_id == unit_id


@pytest.mark.parametrize("name, province, year, expected", [
    ("Ban Quản lý các Khu chế xuất và công nghiệp", "Hồ Chí Minh", 2019,
     "ho-chi-minh:ban-quan-ly-cac-khu-che-xuat-va-cong-nghiep"),
    ("HEPZA", "Hồ Chí Minh", 2019, "ho-chi-minh:ban-quan-ly-cac-khu-che-xuat-va-cong-nghiep"),
    ("Ban Quản lý Khu công nghệ cao", "Hồ Chí Minh", 2019, "ho-chi-minh:ban-quan-ly-khu-cong-nghe-cao"),
    ("Food Safety Management Board", "Hồ Chí Minh", 2018, "ho-chi-minh:ban-quan-ly-an-toan-thuc-pham"),
    ("Ban Quản lý các khu công nghiệp và chế xuất Hà Nội", "Hà Nội", 2020,
     "ha-noi:ban-quan-ly-cac-khu-cong-nghiep-va-che-xuat"),
    ("Ban Quản lý Khu kinh tế và các khu công nghiệp", "Thái Bình", 2024, "thai-binh:ban-quan-ly-khu-kinh-te"),
    ("Huyện Đạ Tẻh", "Lâm Đồng", 2022, "lam-dong:huyen-da-teh"),
    ("Huyện Tây Trà", "Quảng Ngãi", 2019, "quang-ngai:huyen-tay-tra"),
])
def test_the_boards_of_the_big_cities_and_districts_merged_before_2025(gazetteer, name, province, year, expected):
    unit = gazetteer.resolve(name, province, year)
    assert unit is not None and unit.unit_id == expected


def test_a_district_merged_in_2024_is_not_a_unit_of_2025(gazetteer):
    assert not gazetteer.units["lam-dong:huyen-da-teh"].valid_at_end_of(2025)
    assert gazetteer.units["lam-dong:huyen-da-teh"].successor_id == "lam-dong:huyen-da-huoai"
