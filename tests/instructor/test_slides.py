"""`make slides`: every notebook's cells carry slide metadata, and the slides open offline in Chromium with their
maths rendered."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest

from harness.lab import chromium_page
from instructor import slides
from instructor.assets import NOTEBOOKS
from tests.instructor.offline import (
    RAW_TEX_JS,
    block_the_network,
    console_errors_but_mathjax_blank_font,
    wait_for_mathjax,
)

NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda path: path.stem)
def test_every_cell_has_a_slide_type_and_every_section_starts_a_slide(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        assert cell.metadata.get("slideshow", {}).get("slide_type") in SLIDE_TYPES, cell.source[:80]
        if cell.cell_type == "markdown" and cell.source.startswith(("# ", "## ")):
            assert cell.metadata.slideshow.slide_type == "slide", cell.source[:80]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> list[Path]:
    if shutil.which("npm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("npm is missing in CI, where the slides must be built")
        pytest.skip("npm not found: make slides fetches reveal.js with it (`apt-get install npm`)")
    return slides.build(NOTEBOOK_PATHS, tmp_path_factory.mktemp("slides"))


@pytest.mark.browser
@pytest.mark.parametrize("number", range(len(NOTEBOOK_PATHS)), ids=[path.stem for path in NOTEBOOK_PATHS])
def test_the_slides_open_offline_and_show_rendered_maths(number, built, chromium, screenshots, record_property):
    with chromium_page(chromium) as page:
        network = block_the_network(page)
        page.goto(built[number].as_uri())
        wait_for_mathjax(page)
        # reveal.js marks itself ready once it has laid out the slides (loaded by require.js, it sets no global).
        page.wait_for_selector(".reveal.ready", state="attached")
        # Go to the slide of the first displayed equation, and click on through its steps (fragments) until it shows.
        h, v = page.evaluate(
            """() => {
                const slide = document.querySelector('.slides .MathJax_Display').closest('section');
                const stack = slide.parentElement.closest('section');
                const top = stack || slide;
                return [[...top.parentElement.children].indexOf(top), stack ? [...stack.children].indexOf(slide) : 0];
            }"""
        )
        page.goto(f"{built[number].as_uri()}#/{h}/{v}")
        page.wait_for_selector("section.present .MathJax_Display", state="attached")
        hidden = "() => document.querySelector('section.present .MathJax_Display').closest('.fragment:not(.visible)')"
        for _ in range(page.locator("section.present .fragment").count()):
            if page.evaluate(f"() => ({hidden})() === null"):
                break
            shown = page.locator("section.present .fragment.visible").count()
            page.keyboard.press("ArrowRight")
            page.wait_for_function(
                f"() => document.querySelectorAll('section.present .fragment.visible').length > {shown}"
            )
        page.wait_for_function(
            f"""() => ({hidden})() === null && [...document.querySelectorAll('section.present .MathJax_Display')]
                .some(formula => formula.getBoundingClientRect().width > 0
                    && getComputedStyle(formula.closest('.fragment') || formula).opacity === '1')"""
        )
        shot = screenshots / f"slides-{built[number].stem}.png"
        page.screenshot(path=shot)
        record_property(f"screenshot_{built[number].stem}", str(shot))
        assert page.locator(".MathJax_Error, merror").count() == 0, "a formula failed to typeset"
        assert page.evaluate(RAW_TEX_JS, ".slides section.present") == [], "TeX left untypeset on the slide"
        assert network["blocked"] == [], f"the slides asked the network for {network['blocked']}"
        assert network["failed"] == [], f"requests failed: {network['failed']}"
        errors = console_errors_but_mathjax_blank_font(page)
        assert errors == [], f"the browser console logged errors: {errors}"
