"""Run JupyterLab on a temporary copy of the notebooks and drive it with Debian's Chromium through Playwright.

Used by the browser tests and by the browser latency benchmark (`make bench-browser`). Nothing here
touches the committed notebooks, and the server and browser are stopped on
exit, whatever happens.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from harness.servers import answers, isolated_environment, start_server, stop_process

ROOT = Path(__file__).resolve().parents[1]
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
    """Start ``jupyter lab`` on a free port in a temporary folder holding copies of ``notebooks``; stop it at the
    end."""
    workdir = Path(tempfile.mkdtemp(prefix="backprop-lab-"))
    root = workdir / "notebooks"
    root.mkdir()
    for name in notebooks:
        shutil.copy(ROOT / "notebooks" / name, root / name)
    token = secrets.token_hex(16)
    environment = isolated_environment(workdir)

    def command(port: int) -> list[str]:
        arguments = [
            sys.executable, "-m", "jupyter", "lab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
            "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
        ]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            arguments.append("--allow-root")
        return arguments

    # Render every cell (JupyterLab 4 otherwise leaves cells outside the viewport out of the page).
    notebook_settings = workdir / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    notebook_settings.parent.mkdir(parents=True)
    notebook_settings.write_text(json.dumps({"windowingMode": "none"}))
    # and do not ask about fetching Jupyter news (this machine has no network to fetch it from).
    notification_settings = (
        workdir / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    notification_settings.parent.mkdir(parents=True)
    notification_settings.write_text(json.dumps({"fetchNews": "false"}))
    log = workdir / "jupyter.log"
    process, port = start_server(
        command, environment, log, lambda port: answers(f"http://127.0.0.1:{port}/api/status?token={token}")
    )
    server = LabServer(url=f"http://127.0.0.1:{port}", token=token, root=root, log=log, process=process)
    try:
        yield server
    finally:
        stop_process(process)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def chromium_page(executable: str) -> Iterator:
    """A headless Chromium page (Playwright), with every console error collected in ``page.console_errors``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.add_init_script(script=READING_STATE_JS)
            page.console_errors = []
            page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
            page.on("pageerror", lambda error: page.console_errors.append(str(error)))
            yield page
        finally:
            browser.close()


def run_all_cells(page, server: LabServer, name: str, timeout_ms: int = 600_000) -> None:
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
            const failed = document.querySelector(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']");
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
            return failed !== null || (prompts.length > 0 && prompts.every(p => /\[\d+\]/.test(p.textContent)));
        }""",
        timeout=timeout_ms,
    )
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout_ms)


def _menu(page, menu: str, item: str) -> None:
    page.get_by_role("menuitem", name=menu, exact=True).click()
    page.get_by_role("menuitem", name=item, exact=True).click()


# Installed in every page: the state of one explorer, read in one go so that its parts belong to one moment.
#   text      the reading the widget shows
#   settings  the exact control values that reading was computed for (the panel writes them into data-controls)
#   controls  what the controls show: a dropdown's value, a slider's readout (negatives with a plain minus)
#   consistent  whether the reading was computed for the settings the controls show, to the readouts' precision
READING_STATE_JS = r"""
window.readingState = (scope) => {
    const reading = scope.querySelector('pre.reading');
    const shown = [...scope.querySelectorAll('.widget-dropdown select, .widget-readout')];
    const controls = shown.map(e => e.tagName === 'SELECT' ? e.value : e.innerText.replace('\u2212', '-').trim());
    if (reading === null) return {text: null, settings: null, controls, consistent: false};
    const settings = JSON.parse(reading.dataset.controls);
    const values = Object.values(settings);
    const agrees = (value, text) => {
        if (typeof value !== 'number' || !/^-?[0-9.]+$/.test(text)) return String(value) === text;
        const decimals = (text.split('.')[1] || '').length;
        return Math.abs(value - parseFloat(text)) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
    };
    const consistent = values.length === controls.length && values.every((value, i) => agrees(value, controls[i]));
    return {text: reading.innerText, settings, controls, consistent};
};
"""


def reading_state(scope) -> dict:
    """The explorer's reading, the settings it was computed for and what its controls show, all at one moment."""
    return scope.evaluate("(scope) => window.readingState(scope)")


# For a failing test's report: what the kernel holds, to tell a change that never reached it from a reading that
# never reached the page. The controls of every `interactive` (widgets with a `_kwarg`), and every reading's HTML.
KERNEL_WIDGETS_CODE = """
from ipywidgets.widgets.widget import _instances
print(sorted((w._kwarg, w.value) for w in list(_instances.values()) if hasattr(w, "_kwarg")))
print([w.value for w in list(_instances.values()) if "class='reading'" in str(getattr(w, "value", ""))])
"""


def kernel_output(server: LabServer, notebook: str, code: str, timeout: float = 30.0) -> str:
    """Run ``code`` in the kernel of open notebook ``notebook``, from a second client beside the page's, and return
    what it printed (or why it could not)."""
    from jupyter_client import BlockingKernelClient

    request = urllib.request.Request(f"{server.url}/api/sessions", headers={"Authorization": f"token {server.token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            sessions = json.load(response)
        kernel = next(session["kernel"]["id"] for session in sessions if session["path"].endswith(notebook))
        client = BlockingKernelClient(connection_file=str(server.root.parent / "runtime" / f"kernel-{kernel}.json"))
        client.load_connection_file()
        client.start_channels()
    except (OSError, StopIteration, ValueError) as error:
        return f"(could not reach the kernel of {notebook}: {error!r})"
    printed: list[str] = []

    def keep(message: dict) -> None:
        content = message["content"]
        if message["msg_type"] == "stream":
            printed.append(content["text"])
        elif message["msg_type"] == "error":
            printed.append(f"{content['ename']}: {content['evalue']}")

    try:
        client.execute_interactive(code, timeout=timeout, output_hook=keep)
    except TimeoutError:
        printed.append(f"(the kernel did not answer in {timeout:.0f} s)")
    finally:
        client.stop_channels()
    return "".join(printed)


def wait_for_reading_of_new_controls(page, scope, controls_before: list[str], timeout_ms: int = 60_000) -> dict:
    """Wait until the controls show other values than ``controls_before`` and the reading shown was computed for
    exactly those values; return that state (see ``READING_STATE_JS``), read at the moment the condition held.

    Moving two controls makes the kernel answer twice; the first answer, computed for the first move only,
    does not satisfy the condition, so a reading in between is never taken for the final one.
    """
    handle = page.wait_for_function(
        """([scope, before]) => {
            const state = window.readingState(scope);
            const moved = JSON.stringify(state.controls) !== JSON.stringify(before);
            return moved && state.consistent ? state : false;
        }""",
        arg=[scope.element_handle(), controls_before],
        timeout=timeout_ms,
    )
    return handle.json_value()


def response_times_ms(page, scope, slider: int, moves: int) -> list[float]:
    """Move slider number ``slider`` in ``scope`` ``moves`` times with the arrow keys; per move, the milliseconds
    from the key press to the reading computed for the slider's new value, timed inside the page (no Playwright
    round trip)."""
    scope.evaluate(
        """(scope) => {
            window.__responses = [];
            window.__pressedAt = null;
            document.addEventListener('keydown', () => {
                window.__pressedAt = performance.now();
                window.__controlsBefore = JSON.stringify(window.readingState(scope).controls);
            }, true);
            new MutationObserver(() => {
                if (window.__pressedAt === null) return;
                const state = window.readingState(scope);
                if (state.consistent && JSON.stringify(state.controls) !== window.__controlsBefore) {
                    window.__responses.push(performance.now() - window.__pressedAt);
                    window.__pressedAt = null;
                }
            }).observe(scope, {subtree: true, childList: true, characterData: true, attributes: true});
        }"""
    )
    handle = scope.locator(".noUi-handle").nth(slider)
    for move in range(moves):
        controls_before = reading_state(scope)["controls"]
        handle.focus()
        page.keyboard.press("ArrowRight" if move % 2 == 0 else "ArrowLeft")
        wait_for_reading_of_new_controls(page, scope, controls_before)
    responses = page.evaluate("window.__responses")
    if len(responses) != moves:
        raise RuntimeError(f"timed {len(responses)} of {moves} moves: the page missed some of the widget's answers")
    return responses
