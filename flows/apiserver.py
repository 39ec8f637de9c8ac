"""Prefect's temporary API server, started by the CLI as its very first step.

Without a configured ``PREFECT_API_URL``, every flow run needs Prefect's temporary server: a
subprocess that imports the server application and opens its database, about four seconds on this
machine. Prefect starts it when the first flow begins, after the CLI has imported Prefect (1.4 s)
and the server module (1.6 s more). ``start_early`` launches the same subprocess (the command line
of Prefect's ``SubprocessASGIServer``) before Prefect is imported and sets ``PREFECT_API_URL`` to
it, so that it comes up while the CLI imports Prefect, discovers the documents and reads the
reference data, and so that every thread and worker process of the run reports to it;
``ensure_ready`` waits for it before the first flow starts. It stops when the command exits (after
Prefect's own exit handlers have sent their last logs), and with the command if that is killed.

This module must not import Prefect: importing Prefect is what the early start overlaps with.
"""

from __future__ import annotations

import atexit
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

from flows.errors import ParindexError

# Settings that do not choose an API (the CLI's own quiet defaults among them).
_HARMLESS = frozenset({"PREFECT_HOME", "PREFECT_PROFILE", "PREFECT_PROFILES_PATH", "PREFECT_LOGGING_LEVEL",
                       "PREFECT_SERVER_ANALYTICS_ENABLED", "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"})
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a child gets when its parent dies (Linux)
_EARLY: list[TemporaryApi] = []


class TemporaryApi:
    """One temporary Prefect API server subprocess on a free local port."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.ready = False
        self._log: IO[bytes] | None = None

    def failure(self) -> str:
        """The last error line the server wrote, or ''."""
        if self._log is None:
            return ""
        self._log.seek(0)
        lines = [ln.strip() for ln in self._log.read().decode("utf-8", "replace").splitlines() if ln.strip()]
        raised = [ln for ln in lines if re.match(r"[\w.]+(?:Error|Exception)\b", ln)]  # the exception, not the log
        errors = [ln for ln in lines if "error" in ln.lower()]
        return (raised or errors or lines or [""])[-1][:300]

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> None:
        """Launch the server (no wait): ``wait_ready`` waits for it to answer."""
        self.port = _free_port()
        self._log = tempfile.TemporaryFile()  # the server's stderr: why it failed, if it does (a pipe could fill)
        env = dict(os.environ, PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
        env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # as the CLI's quiet_prefect_defaults
        env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(_prefect_dir()), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env, stdout=subprocess.DEVNULL, stderr=self._log,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None)

    def wait_ready(self, timeout: float) -> bool:
        """True once the server answers its health check; False when it exited or did not answer in time."""
        deadline = time.monotonic() + timeout
        while self.process is not None and time.monotonic() < deadline:
            if self.process.poll() is not None:  # exited: 3 when another program took the port meanwhile
                return False
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=1) as response:
                    if response.status == 200:
                        self.ready = True
                        return True
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        """Terminate the server and reap it (killed when it does not stop within five seconds)."""
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None


def start_early() -> None:
    """Start the temporary server now and point ``PREFECT_API_URL`` at it, unless an API may be configured.

    Only when nothing but Prefect's defaults can be in effect: no Prefect setting in the environment,
    no settings file in the working directory, none in the active profile; otherwise Prefect decides.
    """
    if _EARLY or "prefect" in sys.modules or api_configured_cheaply():
        return  # started already; Prefect set up (a test harness, a server), or an API may be configured
    server = TemporaryApi()
    try:
        server.start()
    except OSError:
        return  # Prefect starts its own server later and reports what is wrong with it
    _EARLY.append(server)
    atexit.register(stop_early)  # registered before Prefect's handlers, so it runs after them
    os.environ["PREFECT_API_URL"] = server.api_url


SERVER_FIX = ("check that PREFECT_HOME (default ~/.prefect) is a writable folder; or run `prefect server start` in "
              "another terminal and set PREFECT_API_URL=http://127.0.0.1:4200/api; or raise "
              "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS")


def ensure_ready(timeout: float) -> None:
    """Wait until the early server answers; a clear error when it exited or did not answer in time."""
    if _EARLY and not _EARLY[0].ready:
        server = _EARLY[0]
        if not server.wait_ready(timeout):
            code = server.process.poll() if server.process else None
            reason = server.failure()
            stop_early()
            raise ParindexError(
                f"Prefect's temporary API server did not answer at {server.api_url} within {timeout:g} s"
                + (f" (it exited with code {code}: {reason or 'no message'})" if code is not None else ""),
                fix=SERVER_FIX)


def stop_early() -> None:
    """Stop the early server, if one was started (at the end of the command, or at exit), and forget its URL."""
    while _EARLY:
        server = _EARLY.pop()
        server.stop()
        if os.environ.get("PREFECT_API_URL") == server.api_url:
            del os.environ["PREFECT_API_URL"]


def api_configured_cheaply() -> bool:
    """True when a Prefect setting of the user's may be in effect: in the environment, a settings file
    of the working directory or the active profile (all but the harmless ones); Prefect decides then."""
    if any(name.startswith("PREFECT_") and name not in _HARMLESS for name in os.environ):
        return True
    if any(Path(name).is_file() for name in ("prefect.toml", ".env")):
        return True
    try:
        if "[tool.prefect" in Path("pyproject.toml").read_text(encoding="utf-8"):
            return True
    except (OSError, UnicodeDecodeError):
        pass
    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    try:
        data = tomllib.loads(Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").read_text(
            encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return False  # no profile: Prefect's defaults
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return True
    active = os.environ.get("PREFECT_PROFILE") or data.get("active") or "ephemeral"
    settings = dict(data.get("profiles", {}).get(active, {}))
    allowed = str(settings.pop("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true")).lower() in ("1", "true", "yes", "on")
    return not allowed or any(name not in _HARMLESS for name in settings)


def _die_with_parent() -> None:
    """In the server's process before it starts: end it when the CLI ends, even by ``kill -9``."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _free_port() -> int:
    """A local port that is free now (the operating system's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prefect_dir() -> Path:
    """The folder that holds the ``prefect`` package, found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("the prefect package is not installed")
    return Path(next(iter(spec.submodule_search_locations))).parent
