"""parindex: raw announcements -> extracted facts -> validated frames -> DuckDB warehouse.

Stages live in this package as plain functions (``extract``, ``gazetteer``, ``validate``,
``load``); ``ingest`` holds the Prefect flow that orchestrates them and ``cli`` the command line.
"""

EXTRACTOR_VERSION = "0.1.0"
# From this many documents on, `--task-runner auto` extracts in worker processes (they take seconds to start).
AUTO_PROCESS_DOCUMENTS = 200
