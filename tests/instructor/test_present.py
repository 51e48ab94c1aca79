"""`make present`: Voilà on 127.0.0.1 answers only with the token it prints, hides the code, and a widget moved in
Chromium shows what helpers computes for its new settings."""

from __future__ import annotations

import secrets
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.lab import chromium_page, reading_state, wait_for_reading_of_new_controls
from harness.servers import isolated_environment, start_server, stop_process
from instructor.assets import NOTEBOOKS, notebook_paths
from tests.browser.test_widgets_in_browser import CASES

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Presentation:
    url: str
    token: str
    printed: str  # what `make present` printed before the server started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


def status(url: str) -> tuple[int, str]:
    """The HTTP status of a GET of ``url``, and where a redirect points, without following it."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


@pytest.fixture(scope="module")
def presentation() -> Iterator[Presentation]:
    workdir = Path(tempfile.mkdtemp(prefix="backprop-present-"))
    token = secrets.token_hex(16)
    environment = isolated_environment(workdir, PRESENT_TOKEN=token)
    log = workdir / "present.log"

    def command(port: int) -> list[str]:
        environment["PRESENT_PORT"] = str(port)  # read by instructor.present when it starts
        return [sys.executable, "-m", "instructor.present"]

    process, port = start_server(
        command, environment, log, lambda port: _answers(f"http://127.0.0.1:{port}/?token={token}"), cwd=ROOT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        yield Presentation(url=url, token=token, printed=log.read_text())
    finally:
        stop_process(process)


def _answers(url: str) -> bool:
    """Whether the server answers ``url`` with 200 yet (before it listens, connecting fails)."""
    try:
        return status(url)[0] == 200
    except OSError:
        return False


def test_the_link_printed_carries_the_token(presentation):
    assert f"{presentation.url}/?token={presentation.token}" in presentation.printed


def test_it_prints_no_warning(presentation):
    # Voilà's own log lines start with [Voila]; a Python warning names its category, e.g. DeprecationWarning.
    assert "Warning" not in presentation.printed, presentation.printed
    assert "Voilà is running at" in presentation.printed  # the server's start is in what was read


@pytest.mark.parametrize("path", ["/", "/voila/render/01_grad_wrt_yhat.ipynb"])
def test_without_the_token_it_answers_with_the_login_page_or_a_refusal(presentation, path):
    for query in ("", "?token=wrong"):
        code, location = status(f"{presentation.url}{path}{query}")
        assert code in (401, 403) or (code == 302 and "/login" in location), (path, query, code, location)


def test_with_the_token_it_serves_the_notebooks(presentation):
    assert status(f"{presentation.url}/?token={presentation.token}")[0] == 200


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda path: str(path.relative_to(NOTEBOOKS)))
def test_with_the_token_it_renders_each_notebook_the_optional_ones_in_their_folder_included(presentation, path):
    # Voilà serves notebooks/ with its subfolders, so a core notebook's link further/….ipynb opens the optional one.
    address = f"{presentation.url}/voila/render/{path.relative_to(NOTEBOOKS).as_posix()}?token={presentation.token}"
    assert status(address)[0] == 200


@pytest.mark.browser
def test_a_widget_moved_in_the_browser_shows_what_helpers_computes(
    presentation, chromium, screenshots, record_property
):
    case = CASES[0]
    with chromium_page(chromium) as page:
        # This machine reaches no other host; record what the page asks of one (Voilà's template links its icon font
        # from a CDN: in a lecture hall without network the icons are missing and nothing else).
        elsewhere = []
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(presentation.url)
                else (elsewhere.append(route.request.url), route.abort())
            ),
        )
        page.goto(f"{presentation.url}/voila/render/{case.notebook}?token={presentation.token}")
        explorer = page.locator(".jp-OutputArea-output").filter(has=page.locator("pre.reading")).first
        explorer.locator(".widget-slider, .widget-dropdown").first.wait_for(timeout=120_000)
        # The widget cell's code, which JupyterLab shows, is not on the page.
        assert "widgets.interactive(" not in page.locator("body").inner_text(), "Voilà showed the code"
        explorer.scroll_into_view_if_needed()
        before = reading_state(explorer)
        case.move(page, explorer)
        shown = wait_for_reading_of_new_controls(page, explorer, before["controls"])
        shot = screenshots / "present-01_grad_wrt_yhat.png"
        page.screenshot(path=shot)
        record_property("screenshot_present", str(shot))
        assert shown["settings"] != before["settings"]
        assert shown["text"] == case.expected(shown["settings"])
        assert all("fontawesome" in url for url in elsewhere), f"asked the network for {elsewhere}"
        errors = [error for error in page.console_errors if error != "Failed to load resource: net::ERR_FAILED"]
        assert errors == [], f"the browser console logged errors: {errors}"
