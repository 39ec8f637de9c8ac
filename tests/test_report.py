"""The HTML report, rendered by headless Chromium: the numbers on the page are the warehouse's."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from warehouse_rows import HA, HB, LC, NQ, SRC, SRC2, add_score, add_source

from flows import cli, load
from flows.query import score_text

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")


def chromium() -> str:
    """The Chromium binary. Under CI (CI=true, where .ci/run installs it) a missing browser fails the test;
    on a machine with only Python and pip the rendering tests are skipped with the command that enables them."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        message = "headless Chromium is needed to render the report: apt-get install -y chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (.ci/run installs it)")
        pytest.skip(message)
    return binary


def run_chromium(page: Path, tmp_path: Path, *mode: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    return subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *mode, page.as_uri()],
                          capture_output=True, text=True, timeout=180, check=True)


class Page(HTMLParser):
    """What the tests read off the rendered DOM: league rows, ids, links, chart marks, resources."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.cells: list[dict] = []
        self.changes: list[dict] = []
        self.bump_units: list[str] = []
        self.failed_rows: list[str] = []
        self.evidence: dict[str, str] = {}
        self._row: dict | None = None
        self._td: str | None = None
        self._failed: bool = False
        self._li: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("script", "link", "img", "iframe") or (tag != "a" and "src" in a):
            self.resources.append(f"{tag} {a}")
        cls = a.get("class", "")
        if tag == "tr" and "league-row" in cls:
            self._row = {**a, "rank": "", "unit": "", "score": ""}
            self.rows.append(self._row)
        elif tag == "tr":
            self._failed = "failed" in cls
        if tag == "td" and self._row is not None:
            self._td = next((c for c in ("rank", "unit", "score") if c in cls.split()), None)
        if tag == "td" and self._failed:
            self.failed_rows.append("")
        if tag == "g" and cls == "cell":
            self.cells.append(a)
        if tag == "g" and cls == "change":
            self.changes.append(a)
        if tag == "g" and cls == "bump-unit":
            self.bump_units.append(a["data-unit"])
        if tag == "li" and a.get("id", "").startswith("ev-"):
            self._li = a["id"]
            self.evidence[self._li] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._td = None
        if tag == "tr":
            self._row, self._failed = None, False
        if tag == "li":
            self._li = None

    def handle_data(self, data: str) -> None:
        if self._row is not None and self._td:
            self._row[self._td] += data
        if self._failed and self.failed_rows:
            self.failed_rows[-1] += data
        if self._li:
            self.evidence[self._li] += data


@pytest.fixture(scope="module")
def report_db(tmp_path_factory, dimension_frames) -> Path:
    """A closed warehouse: districts 2017-2019 with a mismatched rank, components, a failed claim,
    a leader rating, two sources disagreeing and SIPAS across its 2022 methodology break."""
    db = tmp_path_factory.mktemp("report") / "report.duckdb"
    con = load.connect(db)
    load.prepare(con, dimension_frames)
    add_source(con)
    add_source(con, SRC2, published="2020-06-01", path="raw/2019/hai-phong/b.csv")
    rows = {2017: [(HB, 88.0, 1), (NQ, 87.0, 2), (LC, 80.0, 3), (HA, 79.0, 4)],
            2018: [(HB, 90.0, 1), (NQ, 88.0, 2), (HA, 82.0, 3), (LC, 80.0, 4)],
            2019: [(NQ, 91.93, 1), (HB, 91.89, 2), (LC, 85.0, 3), (HA, 85.0, 4)]}
    for year, figures in rows.items():
        for unit_id, score, rank in figures:
            add_score(con, unit_id, year, score, rank)
    add_score(con, HB, 2019, 91.5, 2, source=SRC2)
    for unit_id, scores in ((NQ, (8.5, 19.0)), (HB, (9.0, 18.0)), (LC, (7.0, 15.5)), (HA, (6.5, 17.25))):
        for criterion, score in zip(("LV1 Chỉ đạo", "LV2 Thể chế"), scores, strict=True):
            add_score(con, unit_id, 2019, score, None, criterion=criterion)
    add_score(con, NQ, 2019, 95.5, 1, index="SIPAS")
    add_score(con, HB, 2019, 93.0, 2, index="SIPAS")
    con.execute("insert into fact_claim values (?, 1, '4/4 quận đạt trên 86 điểm', 'PAR', 2019, 'district', "
                "'score > 86', 4, 2, 'inconsistent', 50, 90, 'test')", [SRC])
    con.execute("insert into fact_leader_rating values (?, 2019, 'Chủ tịch UBND quận', "
                "'hoàn thành xuất sắc nhiệm vụ', ?, 'Chủ tịch UBND quận Ngô Quyền hoàn thành xuất sắc nhiệm vụ', "
                "5, 60, 'test')", [NQ, SRC])
    con.close()
    return db


@pytest.fixture(scope="module")
def rendered(report_db, tmp_path_factory) -> tuple[Page, Path, Path]:
    out = tmp_path_factory.mktemp("page")
    page = out / "report.html"
    assert cli.main(["report", "--year", "2019", "--out", str(page), "--db", str(report_db)]) == 0
    dom = run_chromium(page, out, "--dump-dom").stdout
    parsed = Page()
    parsed.feed(dom)
    shot = out / "report.png"
    run_chromium(page, out, "--window-size=1200,2600", f"--screenshot={shot}")
    return parsed, page, shot


def test_league_tables_on_the_page_equal_the_warehouse(rendered, report_db):
    page, _, _ = rendered
    con = load.connect(report_db, read_only=True)
    expected = con.execute("select index_code, bloc, unit_id, unit, rank, rank_tied, score, score_min, score_max "
                           "from v_league_table where year = 2019 and criterion = 'TOTAL' "
                           "order by index_code, bloc, rank, unit").fetchall()
    con.close()
    shown = [(r["data-index"], r["data-bloc"], r["data-unit-id"], r["unit"], r["rank"], r["score"])
             for r in page.rows]
    assert sorted(shown) == sorted((i, b, u, name, f"{rank}{'=' if tied else ''}", score_text(s, lo, hi))
                                   for i, b, u, name, rank, tied, s, lo, hi in expected)
    assert len(shown) == 6


def test_every_figure_links_to_its_evidence_sentence(rendered, report_db):
    page, _, _ = rendered
    con = load.connect(report_db, read_only=True)
    evidence = dict(con.execute("select figure_id, evidence from v_provenance").fetchall())
    con.close()
    targets = [link[1:] for link in page.links if link.startswith("#ev-")]
    assert len(targets) >= 6 + 8 + 1 + 1  # league scores, component cells, the rating, the claim
    for target in targets:
        assert target in page.ids, f"link to #{target} has no target"
        assert evidence[target.removeprefix("ev-")] in page.evidence[target]


def test_charts_show_the_warehouse_numbers(rendered, report_db):
    page, _, _ = rendered
    con = load.connect(report_db, read_only=True)
    components = {(u, c): s for u, c, s in con.execute(
        "select unit, criterion, score from v_component_breakdown where year = 2019").fetchall()}
    changes = dict(con.execute("select unit, score_change from v_year_over_year where year = 2019 "
                               "and index_code = 'PAR' and criterion = 'TOTAL'").fetchall())
    con.close()
    assert {(c["data-unit"], c["data-criterion"]): float(c["data-score"]) for c in page.cells} == components
    assert {c["data-unit"]: float(c["data-change"]) for c in page.changes} == changes
    assert sorted(page.bump_units) == sorted(changes)


def test_failed_claims_are_shown(rendered):
    page, _, _ = rendered
    assert any("4/4 quận đạt trên 86 điểm" in row for row in page.failed_rows)


def test_the_page_is_self_contained_and_the_screenshot_renders(rendered):
    page, html, shot = rendered
    text = html.read_text(encoding="utf-8")
    assert page.resources == []
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in text
    assert shot.stat().st_size > 20_000  # a blank page is a few kB


def test_report_of_a_year_without_figures_names_the_years_held(report_db, tmp_path, capsys):
    assert cli.main(["report", "--year", "2012", "--out", str(tmp_path / "r.html"), "--db", str(report_db)]) == 2
    err = capsys.readouterr().err
    assert "no league-table figures for 2012" in err and "2017, 2018, 2019" in err
