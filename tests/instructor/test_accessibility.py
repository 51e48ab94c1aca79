"""What instructors hand out meets WCAG 2.1 AA, as axe-core checks it in headless Chromium with the network blocked:
every page of the reading copy, every slide of every deck (each shown in turn, its fragments shown, reached with the
keyboard alone), and the Voilà view of each notebook. A serious or critical violation fails; the report lists them
all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from harness.lab import chromium_page
from instructor import reading_copy, slides
from instructor.assets import NOTEBOOKS, is_optional, notebook_paths
from tests.instructor.axe import audit, audit_every_slide, failing, report
from tests.instructor.offline import block_the_network, wait_for_mathjax
from tests.instructor.test_present import presentation  # noqa: F401 - the fixture that starts `make present`

NOTEBOOK_PATHS = notebook_paths()  # the core notebooks, then the optional ones
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[Path]:
    return reading_copy.build(NOTEBOOK_PATHS, tmp_path_factory.mktemp("html"))


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> list[Path]:
    if shutil.which("npm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("npm is missing in CI, where the slides must be built")
        pytest.skip("npm not found: make slides fetches reveal.js with it (`apt-get install npm`)")
    return slides.build(NOTEBOOK_PATHS, tmp_path_factory.mktemp("slides"))


def assert_none_failing(violations, where: str) -> None:
    print(report(violations))
    serious = failing(violations)
    assert serious == [], f"{where}: {len(serious)} serious or critical violations\n{report(serious)}"


@pytest.mark.parametrize("number", range(len(NOTEBOOK_PATHS) + 1), ids=["index"] + [p.stem for p in NOTEBOOK_PATHS])
def test_every_page_of_the_reading_copy_passes_axe(number, pages, chromium):
    with chromium_page(chromium) as page:
        block_the_network(page)
        page.goto(pages[number].as_uri())
        if number > 0:
            wait_for_mathjax(page)
        assert page.evaluate("() => document.documentElement.lang") == "en"
        assert_none_failing(audit(page, pages[number].name), pages[number].name)


@pytest.mark.parametrize("number", range(len(NOTEBOOK_PATHS)), ids=[path.stem for path in NOTEBOOK_PATHS])
def test_every_slide_of_every_deck_passes_axe_and_is_reached_by_the_keyboard(number, decks, chromium):
    with chromium_page(chromium) as page:
        block_the_network(page)
        page.goto(decks[number].as_uri())
        wait_for_mathjax(page)
        page.wait_for_selector(".reveal.ready", state="attached")
        violations, audited = audit_every_slide(page, decks[number].name)
        print(f"{decks[number].name}: {audited} slides audited")
        assert audited > 1
        assert_none_failing(violations, decks[number].name)


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=[path.stem for path in NOTEBOOK_PATHS])
def test_the_voila_view_of_each_notebook_passes_axe(path, presentation, chromium):  # noqa: F811
    with chromium_page(chromium) as page:
        page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(presentation.url) else route.abort(),
        )
        # Voilà serves the notebooks' folder: an optional notebook's address has further/ in it.
        address = path.relative_to(NOTEBOOKS).as_posix()
        response = page.goto(f"{presentation.url}/voila/render/{address}?token={presentation.token}", timeout=180_000)
        assert response is not None and response.ok, f"Voilà did not serve {address}"
        # Voilà runs the notebook as the page loads; the page is done when its spinner has gone (an optional
        # notebook may have no widget to wait for).
        page.wait_for_function(
            """() => { const spinner = document.querySelector('#loading');
                return spinner === null || getComputedStyle(spinner).display === 'none'; }""",
            timeout=180_000,
        )
        if "application/vnd.jupyter.widget-view+json" in path.read_text(encoding="utf-8"):
            # its widgets draw after the spinner has gone
            page.wait_for_selector(".widget-slider", timeout=180_000)
        assert page.locator(".jupyter-widgets-error-widget").count() == 0, "a widget failed to draw"
        assert_none_failing(audit(page, f"Voilà {path.name}"), path.name)
        # and axe counted the sliders: each handle is named by its label (instructor/voila/templates/accessible).
        handles = page.locator("[role='slider']")
        assert handles.count() > 0 or is_optional(path), "a core notebook's widget drew no slider"
        assert all(handles.nth(i).get_attribute("aria-labelledby") for i in range(handles.count()))
