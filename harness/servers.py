"""Start a server on a free port on 127.0.0.1, wait until it answers, and stop it with everything it started.

Used by the browser harness (``harness.lab``), the tests of the first JupyterLab window and of `make present`, and
`make bench-setup`, which runs under the system Python before any environment exists: the standard library only.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (see ``start_server`` for what happens if it is taken)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def isolated_environment(folder: Path, **extra: str) -> dict[str, str]:
    """This process's environment, with Jupyter's configuration, runtime, settings and workspaces folders inside
    ``folder``: a server started with it sees none of this user's own Jupyter files."""
    return {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(folder / "config"),
        "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(folder / "workspaces"),
        "JUPYTERLAB_SETTINGS_DIR": str(folder / "settings"),
        **extra,
    }


def answers(url: str) -> bool:
    """Whether a GET of ``url`` gets an answer yet (any status but an error one)."""
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def start_server(
    command: Callable[[int], list[str]],
    environment: dict[str, str],
    log: Path,
    is_up: Callable[[int], bool],
    timeout: float = 120.0,
    attempts: int = 3,
    cwd: Path | None = None,
) -> tuple[subprocess.Popen, int]:
    """Start ``command(port)`` on a free port and wait until ``is_up(port)``; return the process and its port.

    A port is free when chosen, but another process may take it before the server binds it; a server that exits
    before it answers is started again on another port, up to ``attempts`` times.
    """
    for _ in range(attempts):
        port = free_port()
        with open(log, "w") as log_file:
            process = subprocess.Popen(
                command(port), stdout=log_file, stderr=subprocess.STDOUT, env=environment, cwd=cwd,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while process.poll() is None and time.monotonic() < deadline:
            if is_up(port):
                return process, port
            time.sleep(0.25)  # between polls of the condition, not a wait for a time
        stop_process(process)
        if time.monotonic() >= deadline:
            raise RuntimeError(f"{command(port)[:4]} did not answer within {timeout:.0f} s:\n{log.read_text()}")
    raise RuntimeError(f"{command(port)[:4]} exited before answering, {attempts} times:\n{log.read_text()}")


def stop_process(process: subprocess.Popen) -> None:
    """Stop ``process`` and every process in its group (``start_server`` starts each in a session of its own):
    SIGTERM, then SIGKILL if it has not ended 15 s later."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)
