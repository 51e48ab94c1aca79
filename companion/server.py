"""JupyterLab for a student: what they need on the screen (where the notebooks are, the one link, how to stop), and
the server's own log in a file.

The server's log (about 25 lines at a start, more as notebooks open) reads as "something broke" to someone new to
the terminal, and it prints the link twice beside a ``file://`` path. So the log goes to ``LOG`` and this prints the
link the server wrote into its runtime file once it is listening (``jpserver-<pid>.json``, with the port it took
and its token). ``--verbose`` shows the log as it comes instead. The three warnings a first notebook used to add are
gone at their source: the copies are signed (``companion.trust``), and jupyter/etc/jupyter_server_config.json asks
for an encrypted kernel connection and no keep-alive pings on this local connection.

Ctrl-C stops the server at once: it runs with no terminal on its input, so it does not stop to ask for a
confirmation that the student would not see.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from companion.copies import ROOT

LOG = ROOT / ".lab.log"
# Lines of the log shown when the server stops before it answers, or stops on its own later.
LOG_TAIL = 20


def runtime_dir() -> Path:
    """Where the server writes its runtime file: Jupyter's runtime folder, as the server finds it."""
    from jupyter_core.paths import jupyter_runtime_dir

    return Path(jupyter_runtime_dir())


def tail(log: Path, lines: int = LOG_TAIL) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def wait_for_server_info(process: subprocess.Popen, info_file: Path) -> dict | None:
    """The server's runtime information, once it has written it; None if the server ends first."""
    while process.poll() is None:
        if info_file.is_file():
            try:
                return json.loads(info_file.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                pass  # caught half-written: read it again
        time.sleep(0.1)  # between looks for the file, not a wait for a time
    return None


def welcome(info: dict, copies: Path) -> list[str]:
    """What the student reads once the server answers."""
    link = f"{info['url'].rstrip('/')}/lab?token={info['token']}"
    return [
        "",
        f"JupyterLab is running, on your copy of the notebooks: {copies}",
        "Open this link in your browser (if a browser tab did not open by itself):",
        "",
        f"    {link}",
        "",
        "Keep this window open while you work. To stop JupyterLab: press Ctrl-C here (or close this window).",
        f"(The server's messages go to {LOG.name}; add --verbose to see them here.)",
        "",
    ]


def run_quietly(command: list[str], copies: Path, log: Path = LOG) -> int:
    """Run the JupyterLab ``command`` with its output in ``log``, print ``welcome`` once it answers, and wait until
    it ends (Ctrl-C stops it); its exit status."""
    # Stop the server too if this process is told to stop (a closed window sends SIGHUP, `kill` SIGTERM).
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda number, frame: sys.exit(128 + number))
    with open(log, "w", encoding="utf-8") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        info = wait_for_server_info(process, runtime_dir() / f"jpserver-{process.pid}.json")
        if info is None:
            print(f"JupyterLab stopped before it started. The end of its messages ({log}):\n{tail(log)}")
            return process.wait() or 1
        print("\n".join(welcome(info, copies)), flush=True)
        status = process.wait()
        if status != 0:
            print(f"JupyterLab stopped. The end of its messages ({log}):\n{tail(log)}")
        return status
    except KeyboardInterrupt:
        # Ctrl-C reached the server as well: it shuts its kernels down and ends.
        print("\nStopping JupyterLab...", flush=True)
        return finish(process, grace=30.0)
    finally:
        finish(process, grace=0.0)


def finish(process: subprocess.Popen, grace: float) -> int:
    """Wait ``grace`` seconds for ``process`` to end, then ask it to stop (the server shuts its kernels down on
    SIGTERM) and wait for it; its exit status."""
    try:
        return process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.terminate()
    try:
        return process.wait(timeout=30.0)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()
