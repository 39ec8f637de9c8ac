"""Cross-row checks of one document's accepted scores: parts add up to totals, ranks follow scores.

These are warnings: a failing row stays loaded and one ``etl_reject`` row says what disagrees
(the source may have a typo, or the methodology adds points we do not model). Pure: a
``fact_score`` frame in, findings out (``validate.py`` turns them into reject rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa

from schemas.criteria import ScoreBreakdown, ScoreRanking

FIELD_PREFIX = "L"
GROUP = ["unit_id", "year", "bloc", "source_id"]


@dataclass(frozen=True)
class Finding:
    """A cross-row check that failed for one fact row (by its frame index)."""

    row: Any
    check: str
    value: str
    message: str


def breakdown(facts: pd.DataFrame) -> pd.DataFrame:
    """Per PAR headline row: the total, the sum of its parts, bonus minus penalty, survey points."""
    par = facts[facts["index_code"] == "PAR"]
    if par.empty:
        return pd.DataFrame(columns=["total", "parts", "adjustment", "survey"])
    wide = par.pivot_table(index=GROUP, columns="criterion", values="score", aggfunc="first")
    fields = [c for c in wide.columns if c.startswith(FIELD_PREFIX) and c[1:].isdigit()]
    parts = wide[fields].sum(axis=1, min_count=1) if fields else pd.Series(float("nan"), index=wide.index)
    if "APPRAISED" in wide.columns:
        parts = parts.combine_first(wide["APPRAISED"])
    adjustment = wide.get("BONUS", 0).fillna(0) - wide.get("PENALTY", 0).fillna(0) if (
        "BONUS" in wide or "PENALTY" in wide) else pd.Series(0.0, index=wide.index)
    survey_rows = facts[(facts["index_code"] == "SURVEY") & (facts["criterion"] == "TOTAL")]
    survey = survey_rows.set_index(GROUP)["score"].reindex(wide.index)
    out = pd.DataFrame({"total": wide.get("TOTAL"), "parts": parts, "adjustment": adjustment,
                        "survey": survey}, index=wide.index)
    heads = par[par["criterion"] == "TOTAL"].reset_index().set_index(GROUP)["index"]
    out = out.join(heads.rename("row"), how="inner")
    return out.set_index("row")


def _failed(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.Index:
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        return pd.Index(err.failure_cases["index"].dropna().unique())
    return pd.Index([])


def rank_orders(facts: pd.DataFrame) -> pd.DataFrame:
    """Headline rows with a score and a published rank: the order of each within its group."""
    heads = facts[(facts["criterion"] == "TOTAL") & facts["score"].notna() & facts["rank"].notna()]
    groups = heads.groupby(["index_code", "year", "bloc", "source_id"])
    return pd.DataFrame({"rank_order": groups["rank"].rank(method="min").astype(int),
                         "score_first": groups["score"].rank(method="min", ascending=False).astype(int),
                         "score_last": groups["score"].rank(method="max", ascending=False).astype(int)},
                        index=heads.index)


def consistency_findings(facts: pd.DataFrame, names: pd.Series) -> list[Finding]:
    """Warnings for totals that are not the sum of their parts and ranks out of line with the scores."""
    findings = []
    parts = breakdown(facts)
    for row in _failed(parts, ScoreBreakdown):
        p = parts.loc[row]
        what = f"{names.get(row, facts.at[row, 'unit_id'])} ({facts.at[row, 'year']})"
        value = f"total={p['total']:g}, parts={p['parts']:g}" + (
            f", survey={p['survey']:g}" if pd.notna(p["survey"]) else "") + (
            f", bonus-penalty={p['adjustment']:g}" if p["adjustment"] else "")
        findings.append(Finding(row, "components_sum_to_total", value,
                                f"warning: the components of {what} do not add up to its total ({value}) — the "
                                "figures are loaded as published; check the table for a typo"))
    orders = rank_orders(facts)
    for row in _failed(orders, ScoreRanking):
        what = f"{names.get(row, facts.at[row, 'unit_id'])} ({facts.at[row, 'index_code']} {facts.at[row, 'year']})"
        value = f"rank={facts.at[row, 'rank']:g}, score={facts.at[row, 'score']:g}"
        findings.append(Finding(row, "rank_consistent_with_score", value,
                                f"warning: {what} is ranked {facts.at[row, 'rank']:g} but by its score "
                                f"{facts.at[row, 'score']:g} it comes {orders.at[row, 'score_first']} of the "
                                f"table's rows, not {orders.at[row, 'rank_order']} — both are kept "
                                "(v_league_table shows rank_mismatch); check the table"))
    return findings
