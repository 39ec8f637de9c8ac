"""parindex: raw announcements -> extracted facts -> validated frames -> DuckDB warehouse.

Stages live in this package as plain functions (``extract``, ``gazetteer``, ``validate``,
``load``); ``ingest`` holds the Prefect flow that orchestrates them and ``cli`` the command line.
"""

EXTRACTOR_VERSION = "0.1.0"
