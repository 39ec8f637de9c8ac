"""Read-only SQL for people: parse with DuckDB, refuse what writes, run on a locked-down connection.

Two layers: ``check_read_only`` refuses any statement that is not a query (DuckDB's own parser
decides the statement type), and ``connect_locked`` opens the file read-only with file access
and configuration changes disabled, so that a query cannot reach another file either.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd

from flows.errors import ParindexError

ST = duckdb.StatementType
_READ_TYPES = {ST.SELECT, ST.EXPLAIN}
# PRAGMAs that only report; every other PRAGMA may change settings or files.
READ_PRAGMAS = frozenset({"table_info", "show_tables", "show_tables_expanded", "show", "database_size",
                          "database_list", "version", "platform", "storage_info", "functions", "metadata_info"})
_PRAGMA_NAME = re.compile(r"^\s*pragma\s+(\w+)", re.IGNORECASE)
_WHY = {
    ST.ATTACH: ("ATTACH opens another database file", "query the warehouse's own tables and views"),
    ST.DETACH: ("DETACH changes the attached databases", "query the warehouse's own tables and views"),
    ST.COPY: ("COPY writes or reads files", "use `parindex export --format csv --out DIR` to write files"),
    ST.COPY_DATABASE: ("COPY DATABASE writes another database", "use `parindex export` to copy data out"),
    ST.EXPORT: ("EXPORT DATABASE writes files", "use `parindex export --format parquet --out DIR`"),
    ST.LOAD: ("INSTALL and LOAD bring in extensions", "parindex sql runs with the built-in functions only"),
    ST.SET: ("SET, RESET and USE change the session's configuration", "run the query without it"),
    ST.PRAGMA: ("this PRAGMA may change settings", "read-only PRAGMAs allowed: " + ", ".join(sorted(READ_PRAGMAS))),
    ST.CALL: ("CALL runs procedures (such as checkpoint) that may write",
              "use SELECT * FROM <table function>() instead"),
}


class SqlRefused(ParindexError):
    """A statement ``parindex sql`` does not run, because it could write or reach outside the warehouse."""


def _first_words(sql: str, n: int = 6) -> str:
    words = sql.split()
    return " ".join(words[:n]) + (" ..." if len(words) > n else "")


def _text(statement: duckdb.Statement) -> str:
    return statement.query.strip().rstrip(";").strip()


def check_read_only(sql: str) -> list[str]:
    """The statements of ``sql`` when every one only reads; raise ``SqlRefused`` otherwise.

    Example:
        >>> check_read_only("select 1; pragma version")
        ['select 1', 'pragma version']
        >>> try:
        ...     check_read_only("drop table fact_score")
        ... except SqlRefused as refused:
        ...     print(refused.bare_message)
        statement 1 (drop table fact_score): DROP writes to the warehouse; parindex sql is read-only
    """
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise ParindexError(f"cannot parse the SQL: {str(exc).splitlines()[0]}",
                            fix="check the statement; `parindex sql \"show tables\"` lists the tables") from exc
    if not statements:
        raise ParindexError("no SQL statement given", fix='try: parindex sql "select * from v_leaders"')
    for number, statement in enumerate(statements, start=1):
        kind, text = statement.type, _text(statement)
        if kind in _READ_TYPES:
            continue
        if kind == ST.PRAGMA:
            name = _PRAGMA_NAME.match(text)
            if name and name.group(1).lower() in READ_PRAGMAS:
                continue
        why, fix = _WHY.get(kind, (f"{kind.name} writes to the warehouse; parindex sql is read-only",
                                   "run SELECT queries only; the warehouse changes through `parindex ingest`"))
        raise SqlRefused(f"statement {number} ({_first_words(text)}): {why}", fix=fix)
    return [_text(s) for s in statements]


def connect_locked(db: Path | str) -> duckdb.DuckDBPyConnection:
    """Open ``db`` read-only, with file access, extension loading and configuration changes disabled."""
    from flows.load import connect

    con = connect(db, read_only=True)
    for setting in ("set autoinstall_known_extensions = false", "set autoload_known_extensions = false",
                    "set enable_external_access = false", "set lock_configuration = true"):
        con.execute(setting)
    return con


def run_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Run the read-only statements of ``sql``; the result of the last one."""
    statements = check_read_only(sql)
    result = pd.DataFrame()
    for statement in statements:
        try:
            relation = con.execute(statement)
            result = relation.df() if relation.description else pd.DataFrame()
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0]
            raise ParindexError(f"the query failed: {first}", place=_first_words(statement),
                                fix="`parindex sql \"show tables\"` lists tables and views; "
                                    "docs/data-dictionary.md describes their columns") from exc
    return result
