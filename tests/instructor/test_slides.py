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
from instructor.assets import notebook_paths
from tests.instructor.offline import (
    RAW_TEX_JS,
    block_the_network,
    console_errors_but_mathjax_blank_font,
    wait_for_mathjax,
)

NOTEBOOK_PATHS = notebook_paths()  # the core notebooks, then the optional ones
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


# Where the deck is: the slide shown (its place among the slides, and among their sub-slides) and how many of its
# fragments are shown.
SLIDE_STATE_JS = """() => {
    const leaf = document.querySelector('.slides > section.present > section.present');
    const stack = leaf.parentElement;
    return [[...stack.parentElement.children].indexOf(stack), [...stack.children].indexOf(leaf),
            leaf.querySelectorAll('.fragment.visible').length];
}"""
# The states to step through: each slide, then one more per fragment.
STATE_COUNT_JS = """() => [...document.querySelectorAll('.slides > section > section')]
    .reduce((count, leaf) => count + 1 + leaf.querySelectorAll('.fragment').length, 0)"""
# The deck re-renders a slide's maths when it is shown: wait until MathJax has done so, and every formula on the slide
# shown, notes aside, has its typeset output just before its TeX, which MathJax keeps in a <script type="math/tex">.
MATHJAX_IDLE_JS = "() => new Promise(resolve => MathJax.Hub.Queue(resolve))"
FORMULAS_SHOWN_JS = """() => [...document.querySelectorAll(
        '.slides > section.present > section.present script[type^="math/tex"]')]
    .filter(script => script.closest('aside.notes') === null)"""
ALL_TYPESET_JS = f"""() => ({FORMULAS_SHOWN_JS})().every(script => {{
    const output = script.previousElementSibling;
    return output !== null && output.matches('.MathJax, .MathJax_Display')
        && !output.matches('.MathJax_Processing') && output.querySelector('.MathJax_Processing') === null;
}})"""
# The slide shown: its heading, its content's height and its frame's, its formulas typeset and failed.
SHOWN_SLIDE_JS = """() => {
    const leaf = document.querySelector('.slides > section.present > section.present');
    // The heading as written, its formulas in TeX: what to look for in the notebook.
    const heading = (leaf.querySelector('h1, h2, h3') || document.createElement('h3')).cloneNode(true);
    heading.querySelectorAll('.MathJax, .MathJax_Preview, .anchor-link').forEach(element => element.remove());
    heading.querySelectorAll('script').forEach(script => script.replaceWith(`$${script.textContent}$`));
    return {
        heading: heading.textContent.replace(/\\s+/g, ' ').trim() || '(no heading)',
        scroll: leaf.scrollHeight,
        client: leaf.clientHeight,
        failed: leaf.querySelectorAll('.MathJax_Error, merror').length,
    };
}"""
SHOWN_CONTENT = ".slides > section.present > section.present > :not(aside.notes)"


def step_through(page, deck: Path) -> tuple[dict[str, int], list[str], int]:
    """Show each state of ``deck`` in turn (space: the next fragment, or the next slide); return the slides taller
    than their frame, each with its largest excess in pixels, the formulas left untypeset, and how many were shown."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    overflowing, untypeset, formulas = {}, [], 0
    count = page.evaluate(STATE_COUNT_JS)
    for step in range(count):
        h, v, fragments = page.evaluate(SLIDE_STATE_JS)
        page.evaluate(MATHJAX_IDLE_JS)
        shown = page.evaluate(SHOWN_SLIDE_JS)
        where = f"{deck.name}#/{h}/{v} ({shown['heading']})"
        try:
            page.wait_for_function(ALL_TYPESET_JS, timeout=60_000)
        except PlaywrightTimeout:
            pytest.fail(f"{where}, {fragments} fragments shown: a formula was not typeset in 60 s{mathjax_log(page)}")
        shown = page.evaluate(SHOWN_SLIDE_JS)  # measured with every formula typeset
        formulas += page.evaluate(f"() => ({FORMULAS_SHOWN_JS})().length")
        if shown["scroll"] > shown["client"]:
            excess = shown["scroll"] - shown["client"]
            overflowing[where] = max(excess, overflowing.get(where, 0))
        raw = page.evaluate(RAW_TEX_JS, SHOWN_CONTENT)
        if raw or shown["failed"]:
            untypeset.append(f"{where}, {fragments} fragments shown: {shown['failed']} failed, untypeset {raw}")
        if step < count - 1:
            page.keyboard.press("Space")
            page.wait_for_function(f"() => ({SLIDE_STATE_JS})().join('/') !== '{h}/{v}/{fragments}'")
    return overflowing, untypeset, formulas


def mathjax_log(page) -> str:
    """What MathJax reported while it loaded and typeset (a file it could not load, say)."""
    return "\nMathJax's messages: " + page.evaluate("() => JSON.stringify(MathJax.Message.Log())")


def go_to_the_first_notes(page, deck: Path) -> None:
    h, v = page.evaluate(
        """() => {
            const leaf = document.querySelector('.slides aside.notes').closest('section');
            const stack = leaf.parentElement;
            return [[...stack.parentElement.children].indexOf(stack), [...stack.children].indexOf(leaf)];
        }"""
    )
    page.goto(f"{deck.as_uri()}#/{h}/{v}")
    page.wait_for_function(f"() => ({SLIDE_STATE_JS})().slice(0, 2).join('/') === '{h}/{v}'")


@pytest.mark.browser
@pytest.mark.parametrize("number", range(len(NOTEBOOK_PATHS)), ids=[path.stem for path in NOTEBOOK_PATHS])
def test_every_slide_fits_its_frame_with_every_fragment_shown(number, built, chromium, screenshots, record_property):
    """At 1280 × 720 each slide's content, every fragment shown, fits its 16:9 frame, its maths is typeset, and the
    speaker view shows the deck's notes, all offline."""
    deck = built[number]
    with chromium_page(chromium) as page:
        page.set_viewport_size({"width": 1280, "height": 720})
        network = block_the_network(page.context)  # the speaker view's window too
        page.goto(deck.as_uri())
        wait_for_mathjax(page)
        page.wait_for_selector(".reveal.ready", state="attached")
        overflowing, untypeset, formulas = step_through(page, deck)
        if overflowing:
            pytest.fail(
                "slides taller than their 1280 × 720 frame (content height above the frame's, every fragment shown):\n"
                + "\n".join(f"  {where}: {excess} px too tall" for where, excess in overflowing.items())
            )
        if untypeset:
            pytest.fail("formulas not typeset:\n" + "\n".join(f"  {line}" for line in untypeset) + mathjax_log(page))
        assert formulas > 0, f"{deck.name} shows no typeset formula{mathjax_log(page)}"
        # The speaker view (key s) opens in a window of its own and shows the notes of the slide shown.
        assert page.locator(".slides aside.notes").count() > 0, f"{deck.name} has no speaker notes"
        go_to_the_first_notes(page, deck)
        with page.expect_popup() as opened:
            page.keyboard.press("s")
        speaker_view = opened.value
        speaker_view.wait_for_function(
            "() => document.querySelector('.speaker-controls-notes .value')?.textContent.trim().length > 0"
        )
        shot = screenshots / f"speaker-view-{deck.stem}.png"
        speaker_view.screenshot(path=shot)
        record_property(f"screenshot_speaker_view_{deck.stem}", str(shot))
        assert network["blocked"] == [], f"the slides asked the network for {network['blocked']}"
        assert network["failed"] == [], f"requests failed: {network['failed']}"
        errors = console_errors_but_mathjax_blank_font(page)
        assert errors == [], f"the browser console logged errors: {errors}"


def longer_notebook() -> nbformat.NotebookNode:
    """A section of the kinds a notebook's text holds, each larger than any in the notebooks today: long paragraphs,
    tall and many equations, a tall output, a long listing, a figure beside long code."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    paragraph = "Each of these words is prose the lecturer says rather than shows on a slide. " * 8
    matrix = r"$$\nabla_{a_L} \mathcal{L} = \begin{bmatrix}" + r" \\ ".join(
        rf"\frac{{a_{n}}}{{b_{n}}}" for n in range(9)
    )
    matrix += r"\end{bmatrix}$$"
    cells = [
        new_markdown_cell("# A longer notebook", metadata={"slideshow": {"slide_type": "slide"}}),
        new_markdown_cell(
            f"## 1. Many ideas\n\n{paragraph}\n\n{matrix}\n\nShort lead-in:\n\n{matrix}\n\n**A label.** {paragraph}",
            metadata={"slideshow": {"slide_type": "slide"}},
        ),
        new_code_cell("import numpy as np\nprint('\\n'.join(str(n) for n in range(14)))", metadata={}),
        new_markdown_cell(f"{matrix}\n\n{paragraph}\n\n{matrix}", metadata={"slideshow": {"slide_type": "fragment"}}),
        new_code_cell("print('\\n'.join(str(n) for n in range(60)))", metadata={}),
        new_code_cell(
            "import matplotlib.pyplot as plt\n"
            + "\n".join(f"x{n} = {n}  # a line of set-up" for n in range(12))
            + "\nfig, ax = plt.subplots(figsize=(6, 6), dpi=100)\nax.plot([0, 1], [1, 0])\nplt.show()",
            metadata={},
        ),
    ]
    for cell in cells:
        cell.metadata.setdefault("slideshow", {"slide_type": "-"})
    return new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})


@pytest.mark.browser
def test_longer_text_of_the_same_kinds_still_fits(built, chromium, tmp_path):
    from nbconvert.preprocessors import ExecutePreprocessor

    notebook = longer_notebook()
    ExecutePreprocessor(kernel_name="python3", timeout=120).preprocess(notebook, {"metadata": {"path": str(tmp_path)}})
    source = tmp_path / "longer.ipynb"
    nbformat.write(notebook, source)
    (deck,) = slides.build([source], tmp_path / "slides")
    with chromium_page(chromium) as page:
        page.set_viewport_size({"width": 1280, "height": 720})
        block_the_network(page)
        page.goto(deck.as_uri())
        wait_for_mathjax(page)
        page.wait_for_selector(".reveal.ready", state="attached")
        overflowing, untypeset, formulas = step_through(page, deck)
        assert overflowing == {}, overflowing
        assert untypeset == [], f"{untypeset}{mathjax_log(page)}"
        assert formulas > 0, f"no typeset formula{mathjax_log(page)}"
        assert page.locator(".slides aside.notes").count() > 0
