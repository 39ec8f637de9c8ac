"""The yearly deployment: ingest last year's results every spring, on a cron schedule in Vietnam's time zone.

``parindex serve`` runs :func:`serve`, which registers the deployment with the Prefect server named by
``PREFECT_API_URL`` (``prefect server start`` on loopback, or Prefect Cloud) and executes its runs until
stopped. The temporary server Prefect starts when no API URL is set registers but never schedules.
Importing this module imports Prefect: only ``parindex serve`` does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from prefect import flow
from prefect.schedules import Cron

from flows.backfill import backfill

DEPLOYMENT_NAME = "yearly"
TIMEZONE = "Asia/Ho_Chi_Minh"
CRON = "0 6 15 4 *"  # 06:00 on 15 April: provinces publish the previous year's PAR Index in spring


def previous_year(now: datetime | None = None) -> int:
    """The evaluated year a run ingests by default: the year before today, in Vietnam.

    Example:
        >>> previous_year(datetime(2026, 4, 15, 6, 0, tzinfo=ZoneInfo(TIMEZONE)))
        2025
    """
    return (now or datetime.now(ZoneInfo(TIMEZONE))).year - 1


@flow(name="yearly-ingest", log_prints=False, validate_parameters=True)
def yearly_ingest(year: int | None = None, raw: str | None = None, db: str | None = None,
                  task_runner: str = "thread", dask_address: str | None = None) -> dict[str, Any]:
    """Ingest ``raw/<year>/`` (default: last year) into the warehouse; the run is recorded in ``etl_run``."""
    year = year or previous_year()
    return backfill(year, year, raw=raw, db=db, task_runner=task_runner, dask_address=dask_address)


def schedule() -> Any:
    """The deployment's schedule: once a year, in Asia/Ho_Chi_Minh."""
    return Cron(CRON, timezone=TIMEZONE)


def build_deployment(parameters: dict[str, Any] | None = None) -> Any:
    """The yearly deployment (a Prefect ``RunnerDeployment``), not yet registered."""
    return yearly_ingest.to_deployment(
        name=DEPLOYMENT_NAME, schedules=[schedule()], parameters=parameters or {},
        description="Ingest the previous year's PAR Index and SIPAS announcements from raw/<year>/.",
        tags=["parindex"])


def check_server() -> str:
    """The configured Prefect API URL; a clear error when there is none (the temporary server cannot schedule)."""
    from prefect.settings import PREFECT_API_URL

    from flows.errors import ParindexError

    url = PREFECT_API_URL.value()
    if not url:
        raise ParindexError(
            "no Prefect server configured: schedules need a running one",
            fix="start `prefect server start --host 127.0.0.1` (with "
                "PREFECT_SERVER_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME=P400D) and set "
                "PREFECT_API_URL=http://127.0.0.1:4200/api, or log in to Prefect Cloud")
    return url


def serve(parameters: dict[str, Any] | None = None) -> None:
    """Register the yearly deployment and run its scheduled runs until interrupted (blocks)."""
    from prefect import serve as prefect_serve

    check_server()
    prefect_serve(build_deployment(parameters), print_starting_message=True)
