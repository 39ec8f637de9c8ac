"""The one-page HTML report of a year: league tables, bump chart, score changes, components, claims.

Self-contained (inline CSS and SVG, no script, no external resource), so it works offline and can be
mailed. Every figure links to its evidence: ``#ev-<figure_id>`` (``v_provenance``) at the foot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from flows import charts
from flows.errors import ParindexError
from flows.load import read_sql
from flows.query import _plain, score_text

INDEX_ORDER = ("PAR", "SIPAS", "SURVEY")
CSS = """
body{font:15px/1.45 system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1d2733;margin:0;background:#f5f6f8}
main{max-width:1080px;margin:0 auto;padding:24px 28px 64px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{margin:36px 0 8px;padding-top:12px;border-top:3px solid #1f4e79}
h3{margin:24px 0 6px;font-size:17px}.lede{color:#555;margin:0 0 12px}
nav a{margin-right:14px}a{color:#1f4e79}
table{border-collapse:collapse;width:100%;margin:6px 0 14px;font-variant-numeric:tabular-nums}
th,td{padding:4px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#556;background:#f0f3f7}
td.num,th.num{text-align:right}.bar{display:inline-block;height:9px;background:#8fb4d9;border-radius:2px}
.up{color:#2a9d4a}.down{color:#c8423b}.note{font-size:12px;color:#666}.flag{color:#b35c00;font-weight:600}
.lead td{background:#fff8e1}.failed{background:#fdecea}.chart{display:block;max-width:100%;height:auto;margin:8px 0}
.evidence li{margin:6px 0}.evidence blockquote{margin:2px 0 0 0;padding:4px 10px;border-left:3px solid #8fb4d9;
background:#f7f9fb}.evidence li:target{background:#fff3c4}.muted{color:#888}
"""


@dataclass
class ReportData:
    """Everything one report shows, fetched from the warehouse."""

    year: int
    indices: pd.DataFrame
    league: pd.DataFrame
    components: pd.DataFrame
    ratings: pd.DataFrame
    claims: pd.DataFrame
    conflicts: pd.DataFrame
    evidence: pd.DataFrame


def gather(con: duckdb.DuckDBPyConnection, year: int, index_code: str | None = None) -> ReportData:
    """Fetch the report of ``year`` (every index with figures that year, or only ``index_code``)."""
    held = con.execute("select distinct index_code from v_league_table where year = ? and criterion = 'TOTAL'",
                       [year]).df()["index_code"].tolist()
    if index_code:
        held = [code for code in held if code == index_code.upper()]
    if not held:
        years = [r[0] for r in con.execute("select distinct year from v_league_table order by year").fetchall()]
        raise ParindexError(f"no league-table figures for {index_code.upper() + ' ' if index_code else ''}{year}",
                            fix="years in the warehouse: " + (", ".join(map(str, years)) or "none (run ingest)"))
    held.sort(key=lambda c: (INDEX_ORDER.index(c) if c in INDEX_ORDER else len(INDEX_ORDER), c))
    indices = con.execute("select * from dim_index where list_contains(?, index_code)", [held]).df()
    league = con.execute(read_sql("queries", "report_league"), {"indices": held}).df()
    components = con.execute(
        "select c.*, p.figure_id from v_component_breakdown as c left join v_provenance as p "
        "on p.fact_table = 'fact_score' and p.unit_id = c.unit_id and p.index_code = c.index_code "
        "and p.year = c.year and p.criterion = c.criterion and p.bloc = c.bloc and p.source_id = c.source_id "
        "where c.year = ? and list_contains(?, c.index_code) order by c.criterion", [year, held]).df()
    ratings = con.execute("select r.*, p.figure_id from v_leader_rating as r left join v_provenance as p "
                          "on p.fact_table = 'fact_leader_rating' and p.unit_id = r.unit_id and p.year = r.year "
                          "and p.source_id = r.source_id and p.evidence = r.evidence "
                          "where r.year = ? order by r.province, r.rating_order, r.unit", [year]).df()
    claims = con.execute("select c.*, p.figure_id from v_claim_status as c left join v_provenance as p "
                         "on p.fact_table = 'fact_claim' and p.source_id = c.source_id and p.evidence = c.text "
                         "where c.year = ? order by c.failed desc, c.claim_no", [year]).df()
    conflicts = con.execute("select * from v_score_conflict_detail where year = ? and list_contains(?, index_code) "
                            "order by unit, index_code, source_id", [year, held]).df()
    evidence = con.execute("select * from v_provenance where year = ? or (fact_table = 'fact_score' and "
                           "list_contains(?, index_code))", [year, held]).df()
    return ReportData(year, indices, league, components, ratings, claims, conflicts, evidence)


def _num(value: Any, digits: int = 2) -> str:
    value = _plain(value)
    return "" if value is None else f"{value:.{digits}f}"


def _ev(figure_id: Any, text: str) -> str:
    """``text`` linked to its evidence at the foot of the page."""
    figure_id = _plain(figure_id)
    return f'<a class="fig" href="#ev-{escape(figure_id)}">{text}</a>' if figure_id else text


def _change(value: Any, *, digits: int = 0) -> str:
    value = _plain(value)
    if value is None or value == 0:
        return "" if value is None else '<span class="muted">0</span>'
    arrow, css = ("▲", "up") if value > 0 else ("▼", "down")
    return f'<span class="{css}">{arrow} {abs(value):.{digits}f}</span>'


def league_table_html(group: pd.DataFrame, max_score: float) -> str:
    """One bloc's table; every score links to its evidence, data-* attributes carry the raw figures."""
    rows = []
    for _, r in group.iterrows():
        rank, score = _plain(r["rank"]), _plain(r["score"])
        tie = "=" if bool(_plain(r["rank_tied"])) else ""
        notes = []
        if bool(_plain(r["rank_tied"])):
            notes.append("tied")
        if bool(_plain(r["rank_mismatch"])):
            notes.append(f'<span class="flag">published {r["rank_published"]}, scores give {r["rank_computed"]}</span>')
        if bool(_plain(r["first_time_leader"])):
            notes.append("first-time leader")
        reason = _plain(r["suppressed_reason"])
        if reason and reason != "no earlier figure":
            notes.append(f'<span class="note">not compared: {escape(reason)}</span>')
        bar = f'<span class="bar" style="width:{max(score or 0, 0) / max_score * 120:.0f}px"></span>' if score else ""
        prev = f'{r["prev_rank"]} <span class="note">({r["prev_year"]})</span>' if _plain(r["prev_rank"]) else ""
        rows.append(
            f'<tr class="league-row{" lead" if rank == 1 else ""}" data-unit-id="{escape(r["unit_id"])}" '
            f'data-index="{escape(r["index_code"])}" data-bloc="{escape(r["bloc"])}" '
            f'data-rank="{rank if rank is not None else ""}" data-score="{"" if score is None else score}">'
            f'<td class="num rank">{rank if rank is not None else "–"}{tie}</td>'
            f'<td class="unit">{escape(r["unit"])}</td>'
            f'<td class="num score">{_ev(r["figure_id"], score_text(score, r["score_min"], r["score_max"]))}</td>'
            f"<td>{bar}</td><td class=\"num\">{prev}</td><td class=\"num\">{_change(r['rank_change'])}</td>"
            f"<td class=\"num\">{_change(r['score_change'], digits=2)}</td><td>{'; '.join(notes)}</td></tr>")
    head = ("<tr><th class=num>Rank</th><th>Unit</th><th class=num>Score</th><th></th><th class=num>Before</th>"
            "<th class=num>Rank ±</th><th class=num>Score ±</th><th>Notes</th></tr>")
    return f'<table class="league">{head}{"".join(rows)}</table>'


def bloc_section(data: ReportData, code: str, province: str, bloc: str, history: pd.DataFrame,
                 max_score: float, unit_word: str) -> str:
    """League table, bump chart, score changes and component heatmap of one bloc."""
    this_year = history[history["year"] == data.year]
    out = [f'<h3 id="{escape(code)}-{escape(bloc)}">{escape(province)} · {escape(bloc)} '
           f'<span class="note">({len(this_year)} units)</span></h3>', league_table_html(this_year, max_score)]
    ranked = history[history["rank"].notna() & (history["year"] <= data.year)]
    if ranked["year"].nunique() > 1:
        series = {unit: [charts.Point(int(p["year"]), int(p["rank"]),
                                      score_text(p["score"], p["score_min"], p["score_max"]), _plain(p["figure_id"]))
                         for _, p in g.iterrows()]
                  for unit, g in ranked.groupby("unit") if data.year in set(g["year"])}
        out.append(f"<h4>Ranks over the years held ({ranked['year'].min()}–{data.year})</h4>")
        out.append(charts.bump_chart(series, f"{code} ranks, {province} {bloc}"))
    moved = this_year[this_year["score_change"].notna()].sort_values("score_change", ascending=False)
    if not moved.empty:
        out.append("<h4>Score change since the previous year held</h4>")
        out.append(charts.change_bars([(r["unit"], float(r["score_change"]), _plain(r["figure_id"]))
                                       for _, r in moved.iterrows()], f"{code} score change {province} {bloc}",
                                      unit_word))
    comps = data.components[(data.components["index_code"] == code) & (data.components["bloc"] == bloc)
                            & (data.components["province"] == province) & data.components["score"].notna()]
    if not comps.empty:
        units = this_year["unit"].tolist() + sorted(set(comps["unit"]) - set(this_year["unit"]))
        cells = {(r["unit"], r["criterion"]): (float(r["score"]), float(r["bloc_best"]), _plain(r["figure_id"]))
                 for _, r in comps.iterrows()}
        out.append("<h4>Components against the bloc's best</h4>")
        out.append(charts.heatmap([u for u in units if any(k[0] == u for k in cells)],
                                  sorted(comps["criterion"].unique()), cells, f"{code} components {bloc}"))
    return "\n".join(out)


def _simple_table(headers: list[str], rows: list[list[str]], row_class: list[str] | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(f'<tr class="{(row_class or [""] * len(rows))[i]}">' + "".join(f"<td>{c}</td>" for c in row)
                   + "</tr>" for i, row in enumerate(rows))
    return f"<table>{'<tr>' + head + '</tr>'}{body}</table>"


def claims_html(claims: pd.DataFrame) -> str:
    """Claims that failed first, then the others."""
    if claims.empty:
        return '<p class="muted">No aggregate claims for this year.</p>'
    failed = int(claims["failed"].sum())
    lede = (f"<p><b>{failed} claim{'s' if failed != 1 else ''} failed</b> against the published figures"
            f" (of {len(claims)}).</p>" if failed else
            f"<p>No claim failed: all {len(claims)} are consistent with the figures or cannot be checked.</p>")
    rows = [[_ev(r["figure_id"], escape(r["text"])), str(_plain(r["stated_count"]) or ""),
             str(_plain(r["observed_count"]) or ""), escape(r["status"])] for _, r in claims.iterrows()]
    return lede + _simple_table(["Claim", "Stated", "Figures give", "Status"], rows,
                                ["failed" if bool(f) else "" for f in claims["failed"]])


def evidence_html(evidence: pd.DataFrame) -> str:
    """The evidence sentence of every figure on the page, as link targets."""
    items = []
    for _, e in evidence.sort_values(["fact_table", "index_code", "year", "unit"], ascending=[False, True, True, True],
                                           na_position="last").iterrows():
        where = f"{escape(e['path'] or '')}"
        span = f", chars {e['span_start']}–{e['span_end']}" if _plain(e["span_start"]) is not None else ""
        parts = (e["unit"], e["index_code"], e["year"], e["bloc"], e["criterion"], e["figure"])
        what = " · ".join(escape(str(v)) for v in parts if _plain(v) not in (None, "", "TOTAL"))
        items.append(f'<li id="ev-{escape(e["figure_id"])}"><b>{what}</b> <span class="note">{where}{span}'
                     f'{" · " + escape(e["decision_no"]) if _plain(e["decision_no"]) else ""}</span>'
                     f"<blockquote>{escape(e['evidence'])}</blockquote></li>")
    return f'<ol class="evidence">{"".join(items)}</ol>'


def render(data: ReportData) -> str:
    """The whole page."""
    sections, nav = [], []
    for _, idx in data.indices.set_index("index_code").loc[
            [c for c in data.league["index_code"].unique() if c in set(data.indices["index_code"])]].iterrows():
        code = idx.name
        nav.append(f'<a href="#{escape(code)}">{escape(code)}</a>')
        sections.append(f'<h2 id="{escape(code)}">{escape(idx["name_vi"])} ({escape(code)}) {data.year}</h2>'
                        f'<p class="lede">{escape(idx["name_en"])}; scores in {escape(idx["score_unit"])}, '
                        f"at most {idx['max_score']:g}.</p>")
        of_index = data.league[data.league["index_code"] == code]
        blocs = of_index[of_index["year"] == data.year][["province", "bloc"]].drop_duplicates()
        for _, b in blocs.iterrows():
            history = of_index[(of_index["province"] == b["province"]) & (of_index["bloc"] == b["bloc"])]
            sections.append(bloc_section(data, code, b["province"], b["bloc"], history, float(idx["max_score"]),
                                         "%" if idx["score_unit"] == "percent" else "points"))
    ratings = [[escape(r["unit"]), escape(r["title"] or ""), _ev(r["figure_id"], escape(r["rating"]))]
               for _, r in data.ratings.iterrows()]
    conflicts = [[escape(r["unit"]), escape(r["index_code"]), escape(r["bloc"]),
                  score_text(r["score"], r["score_min"], r["score_max"]), str(_plain(r["rank"]) or ""),
                  escape(r["path"] or ""), "preferred" if r["is_preferred"] else ""]
                 for _, r in data.conflicts.iterrows()]
    shown = set(data.league.loc[data.league["year"] <= data.year, "figure_id"].dropna()) | set(
        data.components["figure_id"].dropna()) | set(data.ratings["figure_id"].dropna()) | set(
        data.claims["figure_id"].dropna())
    evidence = data.evidence[data.evidence["figure_id"].isin(shown)]
    nav += ['<a href="#ratings">Leader ratings</a>', '<a href="#claims">Claims</a>',
            '<a href="#conflicts">Conflicts</a>', '<a href="#evidence">Evidence</a>']
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = [f"<h1>Administrative reform rankings {data.year}</h1>",
            f'<p class="lede">From the parindex warehouse, {generated}. Ranks are as published (computed from the '
            "scores where none is published); ▲ climbed, ▼ fell since the previous year held. Every figure links to "
            "the sentence or table cell it comes from.</p>", f"<nav>{''.join(nav)}</nav>", *sections,
            '<h2 id="ratings">Leader ratings</h2>',
            _simple_table(["Unit", "Title", "Rating"], ratings) if ratings else '<p class="muted">None this year.</p>',
            '<h2 id="claims">Claims in the announcements</h2>', claims_html(data.claims),
            '<h2 id="conflicts">Conflicts between sources</h2>',
            _simple_table(["Unit", "Index", "Bloc", "Score", "Rank", "Document", ""], conflicts) if conflicts
            else '<p class="muted">No two sources disagree on a figure of this year.</p>',
            f'<h2 id="evidence">Evidence ({len(evidence)} figures)</h2>', evidence_html(evidence)]
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>parindex report {data.year}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(body)}</main></body></html>\n")


def write_report(con: duckdb.DuckDBPyConnection, year: int, out: Path, *, index_code: str | None = None) -> Path:
    """Gather, render and write the report of ``year``; the path written."""
    html = render(gather(con, year, index_code))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
