"""Generate ``docs/data-dictionary.md`` from the pandera models and the warehouse DDL and views.

``python -m flows.datadict`` rewrites the file; ``python -m flows.datadict --check`` exits 1 when it
is stale. A test runs the check, so a changed model, DDL or view without a regenerated
dictionary fails the suite.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import duckdb
import pandera.pandas as pa

from flows import load
from flows.marts import MART_TABLES, MART_VIEWS
from flows.paths import PROJECT_ROOT, WAREHOUSE_DIR

DICTIONARY = PROJECT_ROOT / "docs" / "data-dictionary.md"
_COLUMN = re.compile(r"^\s+([a-z_][a-z0-9_]*)\s+([a-z]+(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?)([^-]*?)(?:--\s*(.*))?$",
                     re.IGNORECASE)
_NOT_COLUMNS = {"primary", "unique", "foreign", "check", "constraint"}


def header_comment(sql: str) -> str:
    """The leading ``--`` comment of a SQL file, as one paragraph.

    Example:
        >>> header_comment("-- one row per unit\\n-- (a renamed body is a new unit)\\ncreate table x (a int);")
        'one row per unit (a renamed body is a new unit)'
    """
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return " ".join(lines)


def ddl_columns(sql: str) -> list[tuple[str, str, bool, str]]:
    """(column, type, not null, comment) of a ``create table`` statement.

    Example:
        >>> ddl_columns("create table t (\\n    a varchar not null,  -- the key\\n    b double\\n);")
        [('a', 'varchar', True, 'the key'), ('b', 'double', False, '')]
    """
    out = []
    for line in sql.splitlines():
        match = _COLUMN.match(line)
        if match and match.group(1).lower() not in _NOT_COLUMNS:
            name, kind, rest, comment = match.groups()
            not_null = "not null" in rest.lower() or "primary key" in rest.lower()
            out.append((name, kind.lower(), not_null, (comment or "").strip()))
    return out


def _check_text(check: pa.Check) -> str:
    stats = {k: v for k, v in (check.statistics or {}).items() if v is not None}
    if not stats:
        return check.name
    values = ", ".join(str(list(v)) if isinstance(v, tuple) else str(v) for v in stats.values())
    return f"{check.name}({values})"


def _custom_checks(model: type[pa.DataFrameModel]) -> tuple[dict[str, list[str]], list[str]]:
    """Custom column checks by column, and row checks, by method name.

    Method names, not ``Check.name``: pandera 0.35 drops the ``name=`` of an inherited check once a
    subclass is built, so names would depend on what ran before.
    """
    columns: dict[str, list[str]] = {}
    frame: list[str] = []
    for klass in reversed(model.__mro__):
        for attr, member in vars(klass).items():
            if hasattr(member, "__check_config__"):
                for field in sorted(member.__check_config__.fields):
                    columns.setdefault(field, []).append(attr)
            if hasattr(member, "__dataframe_check_config__") and attr not in frame:
                frame.append(attr)
    return columns, frame


def _models() -> dict[str, type[pa.DataFrameModel]]:
    from schemas import TABLE_MODELS
    from schemas.marts import DimMethodologyBreak

    return {**TABLE_MODELS, "dim_methodology_break": DimMethodologyBreak}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_section(table: str, sql: str, model: type[pa.DataFrameModel] | None) -> str:
    """The markdown section of one table: grain, then every column with type, nullability and checks."""
    schema = model.to_schema() if model else None
    grain = (model.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ") if model else ""
    lines = [f"### `{table}`", "", grain or header_comment(sql), ""]
    if grain and header_comment(sql) and header_comment(sql) != grain:
        lines += [f"DDL: {header_comment(sql)}", ""]
    lines += [f"pandera model: `{model.__name__}`" if model else "pandera model: none (not written by the pipeline "
              "through validation)", ""]
    lines += ["| column | type | null | checks (pandera) | meaning |", "|---|---|---|---|---|"]
    custom, frame_checks = _custom_checks(model) if model else ({}, [])
    for name, kind, not_null, comment in ddl_columns(sql):
        column = schema.columns.get(name) if schema else None
        builtin = [_check_text(c) for c in column.checks if c.statistics] if column is not None else []
        checks = ", ".join(builtin + custom.get(name, []))
        if column is not None and column.unique:
            checks = ", ".join(filter(None, ["unique", checks]))
        nullable = "no" if not_null or (column is not None and not column.nullable) else "yes"
        lines.append(f"| `{name}` | {kind} | {nullable} | {_cell(checks)} | {_cell(comment)} |")
    if schema is not None and (frame_checks or schema.unique):
        extra = list(frame_checks)
        if schema.unique:
            extra.insert(0, "unique(" + ", ".join(schema.unique) + ")")
        lines += ["", "Row checks: " + ", ".join(extra) + "."]
    return "\n".join(lines) + "\n"


def view_section(con: duckdb.DuckDBPyConnection, view: str, sql: str) -> str:
    """The markdown section of one view: its header comment and its columns with DuckDB's types."""
    columns = con.execute("select column_name, data_type from information_schema.columns "
                          "where table_name = ? order by ordinal_position", [view]).fetchall()
    listing = ", ".join(f"`{name}` {kind.lower()}" for name, kind in columns)
    return f"### `{view}`\n\n{header_comment(sql)}\n\nColumns: {listing}.\n"


def generate(warehouse_dir: Path = WAREHOUSE_DIR) -> str:
    """The whole dictionary, from the DDL and view files and the pandera models."""
    models = _models()
    con = duckdb.connect(":memory:")
    try:
        load.apply_ddl(con)
        tables = [*load.TABLES, *MART_TABLES]
        views = [*load.VIEWS, *MART_VIEWS]
        parts = ["# Data dictionary", "",
                 "Generated by `python -m flows.datadict` from `schemas/` (pandera) and `warehouse/ddl/`, "
                 "`warehouse/views/`; do not edit by hand. `tests/test_datadict.py` fails when it is stale.", "",
                 "## Tables", ""]
        for table in tables:
            parts.append(table_section(table, load.read_sql("ddl", table, warehouse_dir), models.get(table)))
        parts += ["## Views", ""]
        for view in views:
            parts.append(view_section(con, view, load.read_sql("views", view, warehouse_dir)))
    finally:
        con.close()
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the dictionary, or with ``--check`` say whether it is up to date."""
    argv = sys.argv[1:] if argv is None else argv
    text = generate()
    if "--check" in argv:
        current = DICTIONARY.read_text(encoding="utf-8") if DICTIONARY.exists() else ""
        if current != text:
            print(f"{DICTIONARY.relative_to(PROJECT_ROOT)} is stale: run `python -m flows.datadict`",
                  file=sys.stderr)
            return 1
        return 0
    DICTIONARY.parent.mkdir(parents=True, exist_ok=True)
    DICTIONARY.write_text(text, encoding="utf-8")
    print(f"wrote {DICTIONARY.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
