"""Validation stage: the extraction contract -> accepted table frames + an ``etl_reject`` frame.

Every row is checked lazily against its pandera model; a row that fails any check is held back and
becomes one ``etl_reject`` row per failed check (file, place, check, value, message), while the rows
that pass go on. Figures the extractor could not turn into facts (the contract's ``rejects``) join
the same frame. Pure: frames in, frames out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
import pandera.pandas as pa

from flows import EXTRACTOR_VERSION
from flows.consistency import consistency_findings
from flows.dimensions import Dimensions
from flows.errors import ParindexError
from flows.rejects import (
    CHECK_COLUMNS,
    FIXES,
    frame_value,
    make_reject,
    place_of,
    reject_frame,
    reject_message,
    shown,
    span_of,
)
from schemas import DimSource, FactClaim, FactLeaderRating, FactScore, FactScoreCandidate

FACT_KEY = ["unit_id", "index_code", "year", "criterion", "bloc"]


@dataclass(frozen=True)
class ValidatedDocument:
    """One document after validation: the frames that may be loaded and what was held back."""

    path: str
    source_id: str | None
    tables: dict[str, pd.DataFrame]
    rejects: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """False when the document itself could not be read (nothing but a reject to load)."""
        return "dim_source" in self.tables

    def count(self, table: str) -> int:
        """Rows accepted for ``table``."""
        frame = self.tables.get(table)
        return 0 if frame is None else len(frame)


def _row_cases(cases: pd.DataFrame, rows: pd.Index, allow_unpinned: bool = True) -> pd.DataFrame:
    """Failure cases per (row, check); a failure pandera could not pin to a row applies to every row."""
    row_cases = cases[cases["index"].notna()].drop_duplicates(["index", "check"])
    if not allow_unpinned and cases["index"].isna().any():
        raise _Unpinned
    if row_cases.empty:
        return pd.DataFrame([{**case, "index": idx} for idx in rows for case in cases.to_dict("records")])
    coerced = row_cases[row_cases["check"].str.startswith("coerce_dtype")][["index", "column"]]
    is_dtype = row_cases["check"].str.startswith("dtype(")
    shadowed = pd.MultiIndex.from_frame(row_cases[["index", "column"]]).isin(pd.MultiIndex.from_frame(coerced))
    return row_cases[~(is_dtype & shadowed)]


def validate_rows(frame: pd.DataFrame, model: type[pa.DataFrameModel], table: str, context: pd.DataFrame,
                  extractor_version: str = EXTRACTOR_VERSION,
                  allow_unpinned: bool = True) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Lazily validate ``frame``; return (rows that pass, one reject per failed check of the others).

    ``context`` (same index) holds what messages mention but the table does not store: the ``file``
    of each row and, where known, the unit's name and the place in the document.
    ``allow_unpinned=False`` raises ``_Unpinned`` for a failure pandera cannot pin to a row.
    """
    rejects: list[dict[str, Any]] = []
    remaining = frame
    while True:
        try:
            return model.validate(remaining, lazy=True), rejects
        except pa.errors.SchemaErrors as err:
            cases = err.failure_cases
        row_cases = _row_cases(cases, remaining.index, allow_unpinned)
        for case in row_cases.to_dict("records"):
            idx, check = case["index"], str(case["check"])
            columns = CHECK_COLUMNS.get(check)
            column = case["column"] if case["column"] in frame.columns else None
            value = frame_value(frame, idx, columns) if columns else shown(case["failure_case"])
            ctx = {**frame.loc[idx].to_dict(), **(context.loc[idx].to_dict() if idx in context.index else {})}
            rejects.append(make_reject(
                ctx.get("source_id"), ctx["file"], table, check,
                reject_message(table, check, column, value, ctx),
                value=value, place=ctx.get("place"), span=(ctx.get("span_start"), ctx.get("span_end")),
                extractor_version=extractor_version))
        failed = remaining.index.intersection(pd.Index(row_cases["index"].unique()))
        remaining = remaining.drop(index=failed) if len(failed) else remaining.iloc[0:0]  # always progress
        if remaining.empty:
            return model.validate(frame.iloc[0:0]), rejects


def _informative_first(frame: pd.DataFrame) -> pd.DataFrame:
    order = pd.DataFrame({"no_score": frame["score"].isna(), "no_rank": frame["rank"].isna(),
                          "implied": frame["basis"] == "implied", "at": frame["span_start"]}, index=frame.index)
    return frame.loc[order.sort_values(["no_score", "no_rank", "implied", "at"], kind="stable").index]


def deduplicate_facts(facts: pd.DataFrame, files: pd.Series,
                      places: pd.Series) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """One row per fact key and source: repeats that agree are dropped, repeats that contradict are rejected.

    The most informative statement is kept (a score over none, a rank over none, stated over implied,
    then the earliest in the text). ``files`` and ``places`` give each row's file and place (same index).
    """
    key = [*FACT_KEY, "source_id"]
    ordered = _informative_first(facts)
    repeated = ordered.duplicated(key, keep="first")
    kept = ordered[~repeated]
    rejects = []
    by_key = kept.set_index(key)
    for idx, row in ordered[repeated].iterrows():
        first = by_key.loc[tuple(row[key])]
        clashes = [c for c in ("score", "score_min", "score_max", "rank")
                   if pd.notna(row[c]) and pd.notna(first[c]) and row[c] != first[c]]
        if clashes:
            value = ", ".join(f"{c}={row[c]} (kept {first[c]})" for c in clashes)
            rejects.append(make_reject(
                row["source_id"], files[idx], "fact_score", "conflicting_duplicate",
                f"{row['unit_id']} ({row['index_code']} {row['year']}, bloc {row['bloc']}) is given twice in "
                f"one document with different figures: {value} — the first reading is kept; check which one "
                "the source means", value=value,
                place=place_of((row["span_start"], row["span_end"]), places.get(idx)),
                span=(row["span_start"], row["span_end"]), extractor_version=row["extractor_version"]))
    return kept.sort_index(), rejects


def _published_on(value: Any, source_id: str, file: str) -> tuple[date | None, list[dict[str, Any]]]:
    if value in (None, ""):
        return None, []
    try:
        return date.fromisoformat(str(value)), []
    except ValueError:
        return None, [make_reject(source_id, file, "dim_source", "published_is_iso_date",
                              f"publication date {value!r} is not an ISO date (YYYY-MM-DD) — the source is "
                              "loaded without it", value=value)]


def _fact_frames(contracts: Sequence[Mapping[str, Any]], dims: Dimensions,
                 version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, ctx = [], []
    for contract in contracts:
        source_id, file = contract["source"]["sha256"], contract["source"]["path"]
        _document_fact_rows(contract, source_id, file, dims, version, rows, ctx)
    columns = list(FactScoreCandidate.to_schema().columns)
    frame = pd.DataFrame(rows, columns=columns)
    for col in ("score", "score_min", "score_max", "max_score", "criterion_max"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame, pd.DataFrame(ctx, columns=["unit", "place", "file"], index=frame.index)


def _document_fact_rows(contract: Mapping[str, Any], source_id: str, file: str, dims: Dimensions, version: str,
                        rows: list[dict[str, Any]], ctx: list[dict[str, Any]]) -> None:
    for fact in contract.get("facts", []):
        start, end = span_of(fact)
        unit_id, index_code = fact.get("unit_id") or None, fact.get("index")
        rows.append({
            "unit_id": unit_id, "index_code": index_code, "year": fact.get("year"),
            "criterion": fact.get("criterion") or "TOTAL", "bloc": fact.get("bloc") or fact.get("unit_kind"),
            "score": fact.get("score"), "score_min": fact.get("score_min"), "score_max": fact.get("score_max"),
            "rank": fact.get("rank"), "rank_tied": bool(fact.get("tied")), "basis": fact.get("basis"),
            "source_id": source_id, "evidence": fact.get("evidence") or "", "span_start": start,
            "span_end": end, "extractor_version": version, "unit_kind": fact.get("unit_kind"),
            "dim_unit_kind": dims.unit_kinds.get(unit_id), "max_score": dims.index_max.get(index_code),
            **_criterion_columns(fact, dims),
        })
        ctx.append({"unit": fact.get("unit"), "place": place_of(fact.get("span"), fact.get("place")), "file": file})


def _with_held_components(facts: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    """Accepted facts plus components held back only for exceeding their maximum (they still count in sums)."""
    held = candidates.loc[candidates.index.difference(facts.index)]
    score = pd.to_numeric(held["score"], errors="coerce")
    over = held[(score > pd.to_numeric(held["criterion_max"], errors="coerce")) & held["criterion_known"].astype(bool)
                & held["unit_id"].notna()]
    return pd.concat([facts, over[facts.columns].assign(score=score[over.index])]) if len(over) else facts


def _criterion_columns(fact: Mapping[str, Any], dims: Dimensions) -> dict[str, Any]:
    """Whether the fact's criterion is known for its index, and its maximum (the table's own, else the seed's)."""
    criterion, key = fact.get("criterion") or "TOTAL", (fact.get("index"), fact.get("criterion") or "TOTAL")
    known = criterion == "TOTAL" or key in dims.criteria
    maximum = fact.get("max_points")  # the table's own "Điểm tối đa" row (never given for a headline total)
    return {"criterion_known": known, "criterion_max": maximum if maximum is not None else dims.criteria.get(key)}


def _rating_rows(contracts: Sequence[Mapping[str, Any]], version: str) -> tuple[pd.DataFrame, pd.Series]:
    """Leader-rating rows of the contracts, and the file of each row."""
    rows, files = [], []
    for contract in contracts:
        source_id, file = contract["source"]["sha256"], contract["source"]["path"]
        for item in contract.get("leader_ratings", []):
            start, end = span_of(item)
            rating = unicodedata.normalize("NFC", str(item.get("rating") or "")).strip().lower()
            rows.append({"unit_id": item.get("unit_id") or None, "year": item.get("year"),
                         "title": item.get("title") or None, "rating": rating, "source_id": source_id,
                         "evidence": item.get("evidence") or "", "span_start": start, "span_end": end,
                         "extractor_version": version})
            files.append(file)
    frame = pd.DataFrame(rows, columns=list(FactLeaderRating.to_schema().columns))
    return frame, pd.Series(files, index=frame.index, dtype=object)


def _claim_rows(contracts: Sequence[Mapping[str, Any]], version: str) -> tuple[pd.DataFrame, pd.Series]:
    """Claim rows of the contracts (numbered per document), and the file of each row."""
    rows, files = [], []
    for contract in contracts:
        source_id, file = contract["source"]["sha256"], contract["source"]["path"]
        for number, claim in enumerate(contract.get("claims", []), start=1):
            start, end = span_of(claim)
            rows.append({"source_id": source_id, "claim_no": number, "text": claim.get("text"),
                         "index_code": claim.get("index"), "year": claim.get("year"),
                         "unit_kind": claim.get("unit_kind"), "condition": claim.get("condition"),
                         "stated_count": claim.get("stated_count"), "observed_count": claim.get("observed_count"),
                         "status": claim.get("status"), "span_start": start, "span_end": end,
                         "extractor_version": version})
            files.append(file)
    frame = pd.DataFrame(rows, columns=list(FactClaim.to_schema().columns))
    return frame, pd.Series(files, index=frame.index, dtype=object)


def _unknown_units(frame: pd.DataFrame, dims: Dimensions, table: str, files: pd.Series) -> list[dict[str, Any]]:
    unknown = frame[frame["unit_id"].notna() & ~frame["unit_id"].isin(list(dims.unit_kinds))]
    return [make_reject(row["source_id"], files[idx], table, "unit_id_known",
                    f"unit_id {row['unit_id']!r} is not in dim_unit — {FIXES['unit_id_known']}",
                    value=row["unit_id"], place=place_of((row["span_start"], row["span_end"])),
                    span=(row["span_start"], row["span_end"]), extractor_version=row["extractor_version"])
            for idx, row in unknown.iterrows()]


def validate_contract(contract: Mapping[str, Any], dims: Dimensions, *, ingested_at: datetime,
                      extractor_version: str = EXTRACTOR_VERSION) -> ValidatedDocument:
    """Split one extraction contract into accepted table frames and an ``etl_reject`` frame."""
    return validate_batch([contract], dims, ingested_at=ingested_at, extractor_version=extractor_version)[0]


def validate_batch(contracts: Sequence[Mapping[str, Any]], dims: Dimensions, *, ingested_at: datetime,
                   extractor_version: str = EXTRACTOR_VERSION) -> list[ValidatedDocument]:
    """``validate_contract`` of each contract, with one pandera pass per model for the whole batch.

    Pandera's cost is per call, not per row, so the documents are validated together and split back;
    a batch whose failures pandera cannot pin to rows, or that repeats a document's bytes, is
    validated one document at a time so that one document never changes another's outcome.
    """
    if len(contracts) > 1 and len({c["source"]["sha256"] for c in contracts}) < len(contracts):
        return [doc for c in contracts for doc in _validate_together([c], dims, ingested_at, extractor_version)]
    try:
        return _validate_together(contracts, dims, ingested_at, extractor_version)
    except _Unpinned:
        if len(contracts) == 1:
            return _validate_together(contracts, dims, ingested_at, extractor_version, allow_unpinned=True)
        return [doc for c in contracts for doc in _validate_together([c], dims, ingested_at, extractor_version,
                                                                      allow_unpinned=True)]


class _Unpinned(Exception):
    """A failure pandera could not attribute to a row: it would touch every document of the batch."""


def _sources(contracts: Sequence[Mapping[str, Any]], ingested_at: datetime,
             version: str) -> tuple[pd.DataFrame, list[list[dict[str, Any]]]]:
    rows, rejects = [], []
    for contract in contracts:
        src = contract["source"]
        published, bad_date = _published_on(src.get("published"), src["sha256"], src["path"])
        rejects.append(bad_date)
        rows.append({
            "source_id": src["sha256"], "path": src["path"], "media_type": src.get("media_type"),
            "title": src.get("title"), "published_on": published, "decision_no": src.get("decision_no"),
            "url": src.get("url"), "province": src.get("province"), "extractor_version": version,
            "ingested_at": ingested_at,
        })
    try:
        return DimSource.validate(pd.DataFrame(rows), lazy=True), rejects
    except pa.errors.SchemaErrors as err:
        case = err.failure_cases.iloc[0]
        index = case["index"]
        file = rows[int(index)]["path"] if pd.notna(index) else ", ".join(r["path"] for r in rows)
        raise ParindexError(f"the extractor returned an invalid source record: {err.failure_cases.to_dict('records')}",
                            path=file, fix="this is a bug in the extractor; please report it") from err


def _validate_together(contracts: Sequence[Mapping[str, Any]], dims: Dimensions, ingested_at: datetime,
                       version: str, allow_unpinned: bool = False) -> list[ValidatedDocument]:
    sources, date_rejects = _sources(contracts, ingested_at, version)
    candidates, context = _fact_frames(contracts, dims, version)
    checked, fact_rejects = validate_rows(candidates, FactScoreCandidate, "fact_score", context, version,
                                          allow_unpinned)
    facts = checked[list(FactScore.to_schema().columns)]  # FactScoreCandidate holds every FactScore check
    facts, duplicate_rejects = deduplicate_facts(facts, context["file"], context["place"])
    duplicate_rejects += [
        make_reject(candidates.at[f.row, "source_id"], context.at[f.row, "file"], "fact_score", f.check, f.message,
                value=f.value, place=context.at[f.row, "place"],
                span=(candidates.at[f.row, "span_start"], candidates.at[f.row, "span_end"]), extractor_version=version)
        for f in consistency_findings(_with_held_components(facts, candidates), context["unit"])]

    ratings, rating_files = _rating_rows(contracts, version)
    rating_rejects = _unknown_units(ratings, dims, "fact_leader_rating", rating_files)
    known = ratings["unit_id"].isna() | ratings["unit_id"].isin(list(dims.unit_kinds))
    ratings, more = validate_rows(ratings[known], FactLeaderRating, "fact_leader_rating",
                                  rating_files[known].to_frame("file"), version, allow_unpinned)
    ratings = ratings.drop_duplicates(["source_id", "unit_id", "year", "title", "rating"])
    claims, claim_files = _claim_rows(contracts, version)
    claims, claim_rejects = validate_rows(claims, FactClaim, "fact_claim", claim_files.to_frame("file"), version,
                                          allow_unpinned)

    found = fact_rejects + duplicate_rejects + rating_rejects + more + claim_rejects
    all_rejects = [r for bad_date, c in zip(date_rejects, contracts, strict=True)
                   for r in bad_date + _contract_rejects(c, version)] + found
    rejects = reject_frame(all_rejects)
    order = {c["source"]["path"]: n for n, c in enumerate(contracts)}
    reject_doc = rejects["file"].map(order)
    tables = {"dim_source": sources, "fact_score": facts, "fact_leader_rating": ratings, "fact_claim": claims}
    split = {name: _split(frame, frame["source_id"]) for name, frame in tables.items()}
    reject_parts = _split(rejects, reject_doc)
    docs = []
    for number, contract in enumerate(contracts):
        src = contract["source"]
        doc_tables = {name: parts.get(src["sha256"]) if src["sha256"] in parts else _part(tables[name], [])
                      for name, parts in split.items()}
        docs.append(ValidatedDocument(path=src["path"], source_id=src["sha256"], tables=doc_tables,
                                      rejects=reject_parts.get(number, _part(rejects, [])),
                                      warnings=list(contract.get("warnings", []))))
    return docs


def _part(frame: pd.DataFrame, positions: Any) -> pd.DataFrame:
    """The rows at ``positions``, numbered from 0: a slice when they are consecutive, as a document's are."""
    consecutive = len(positions) and positions[-1] - positions[0] + 1 == len(positions)
    part = frame.iloc[positions[0]:positions[-1] + 1] if consecutive else frame.take(positions)
    part.index = pd.RangeIndex(len(part))
    return part


def _split(frame: pd.DataFrame, keys: pd.Series) -> dict[Any, pd.DataFrame]:
    """The rows of each key, in their order, numbered from 0 as if the document had been validated alone."""
    if frame.empty:
        return {}
    groups = frame.groupby(keys.to_numpy(), sort=False).indices
    return {key: _part(frame, positions) for key, positions in groups.items()}


def _contract_rejects(contract: Mapping[str, Any], version: str) -> list[dict[str, Any]]:
    """The figures the extractor itself could not turn into facts."""
    src = contract["source"]
    return [make_reject(src["sha256"], src["path"], item.get("table", "fact_score"), item.get("check") or "extract",
                    item.get("message") or f"{item.get('value')!r} could not become a fact", value=item.get("value"),
                    place=place_of(item.get("span"), item.get("place")), candidates=item.get("candidates"),
                    span=span_of(item), extractor_version=version)
            for item in contract.get("rejects", [])]


def rejected_document(path: str, error: ParindexError, source_id: str | None = None,
                      extractor_version: str = EXTRACTOR_VERSION) -> ValidatedDocument:
    """A document that could not be read or extracted: nothing to load but one reject row."""
    row = make_reject(source_id, path, "document", type(error).__name__, str(error), place=error.place,
                  extractor_version=extractor_version)
    return ValidatedDocument(path=path, source_id=source_id, tables={}, rejects=reject_frame([row]))
