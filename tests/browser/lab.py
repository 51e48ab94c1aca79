"""Run JupyterLab on a temporary copy of the notebooks and drive it with Debian's Chromium through Playwright.

Used by the browser tests and by the browser latency benchmark. Nothing here
touches the committed notebooks, and the server and browser are stopped on
exit, whatever happens.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Keep the browser off the network and quiet: this machine reaches no host but the package registries.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium() -> str | None:
    """The system Chromium's path, or None if it is not installed."""
    for path in CHROMIUM_PATHS:
        if os.access(path, os.X_OK):
            return path
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    """A JupyterLab server on 127.0.0.1 serving ``root``, with its token."""

    url: str
    token: str
    root: Path
    log: Path
    process: subprocess.Popen = field(repr=False)

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?token={self.token}&reset"


@contextmanager
def lab_server(notebooks: list[str]) -> Iterator[LabServer]:
    """Start ``jupyter lab`` on a free port in a temporary folder holding copies of ``notebooks``; stop it at the end."""
    workdir = Path(tempfile.mkdtemp(prefix="backprop-lab-"))
    root = workdir / "notebooks"
    root.mkdir()
    for name in notebooks:
        shutil.copy(ROOT / "notebooks" / name, root / name)
    port, token = free_port(), secrets.token_hex(16)
    environment = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(workdir / "config"),
        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(workdir / "workspaces"),
        "JUPYTERLAB_SETTINGS_DIR": str(workdir / "settings"),
    }
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    # Render every cell (JupyterLab 4 otherwise leaves cells outside the viewport out of the page).
    notebook_settings = workdir / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    notebook_settings.parent.mkdir(parents=True)
    notebook_settings.write_text(json.dumps({"windowingMode": "none"}))
    # and do not ask about fetching Jupyter news (this machine has no network to fetch it from).
    notification_settings = workdir / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification_settings.parent.mkdir(parents=True)
    notification_settings.write_text(json.dumps({"fetchNews": "false"}))
    log = workdir / "jupyter.log"
    with open(log, "w") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, env=environment, start_new_session=True)
    server = LabServer(url=f"http://127.0.0.1:{port}", token=token, root=root, log=log, process=process)
    try:
        _wait_until_up(server)
        yield server
    finally:
        _stop(process)
        shutil.rmtree(root, ignore_errors=True)


def _wait_until_up(server: LabServer, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with {server.process.returncode}:\n{server.log.read_text()}")
        try:
            with urllib.request.urlopen(f"{server.url}/api/status?token={server.token}", timeout=2):
                return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"jupyter lab did not answer within {timeout:.0f} s:\n{server.log.read_text()}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


@contextmanager
def chromium_page(executable: str) -> Iterator:
    """A headless Chromium page (Playwright), with every console error collected in ``page.console_errors``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.console_errors = []
            page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
            page.on("pageerror", lambda error: page.console_errors.append(str(error)))
            yield page
        finally:
            browser.close()


def run_all_cells(page, server: LabServer, name: str, timeout_ms: int = 180_000) -> None:
    """Open notebook ``name``, clear its stored outputs, run every cell in a fresh kernel, and wait until all have run.

    Run All stops at a cell that raises; the wait ends then too, and the caller sees the error output.
    """
    page.goto(server.notebook_url(name))
    # The kernel must have started: before that, Run All has nothing to run on.
    page.locator(".jp-StatusBar-Widget", has_text="Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)
    _menu(page, "Edit", "Clear Outputs of All Cells")
    _menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        r"""() => {
            const failed = document.querySelector(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']");
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
            return failed !== null || (prompts.length > 0 && prompts.every(p => /\[\d+\]/.test(p.textContent)));
        }""",
        timeout=timeout_ms,
    )
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout_ms)


def _menu(page, menu: str, item: str) -> None:
    page.get_by_role("menuitem", name=menu, exact=True).click()
    page.get_by_role("menuitem", name=item, exact=True).click()


def readout_values(page, scope) -> list[float]:
    """The numbers shown beside the sliders in ``scope``; ipywidgets writes negatives with the Unicode minus sign."""
    return [float(text.replace("\u2212", "-")) for text in scope.locator(".widget-readout").all_inner_texts()]


def wait_for_new_reading(page, scope, before: str, timeout_ms: int = 30_000) -> str:
    """Wait until the explorer's text in ``scope`` differs from ``before``; return the new text.

    The HTML widget replaces its <pre> at every update, so the text is looked up afresh at each poll.
    """
    page.wait_for_function(
        """([scope, before]) => {
            const reading = scope.querySelector('pre.reading');
            return reading !== null && reading.innerText !== before;
        }""",
        arg=[scope.element_handle(), before],
        timeout=timeout_ms,
    )
    return scope.locator("pre.reading").inner_text()


def response_times_ms(page, scope, slider: int, moves: int) -> list[float]:
    """Move slider number ``slider`` in ``scope`` ``moves`` times with the arrow keys; per move, the milliseconds
    from the key press to the widget's new text in the page, timed inside the page (no Playwright round trip)."""
    scope.evaluate(
        """(scope) => {
            window.__responses = [];
            window.__pressedAt = null;
            const text = () => (scope.querySelector('pre.reading') || {}).innerText;
            document.addEventListener('keydown', () => { window.__pressedAt = performance.now(); window.__textBefore = text(); }, true);
            new MutationObserver(() => {
                if (window.__pressedAt !== null && text() !== window.__textBefore) {
                    window.__responses.push(performance.now() - window.__pressedAt);
                    window.__pressedAt = null;
                }
            }).observe(scope, {subtree: true, childList: true, characterData: true});
        }"""
    )
    handle = scope.locator(".noUi-handle").nth(slider)
    for move in range(moves):
        before = scope.locator("pre.reading").inner_text()
        handle.focus()
        page.keyboard.press("ArrowRight" if move % 2 == 0 else "ArrowLeft")
        wait_for_new_reading(page, scope, before, timeout_ms=60_000)
    return page.evaluate("window.__responses")
