"""`make html`: the reading copy opens from disk with the network blocked, every formula typeset and every widget
shown as a still with a note on how to make it move."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from harness.lab import chromium_page
from instructor import colab, reading_copy
from instructor.assets import is_optional, notebook_paths
from tests.instructor.offline import (
    RAW_TEX_JS,
    block_the_network,
    console_errors_but_mathjax_blank_font,
    wait_for_mathjax,
)

NOTEBOOK_PATHS = notebook_paths()  # the core notebooks, then the optional ones


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[Path]:
    return reading_copy.build(NOTEBOOK_PATHS, tmp_path_factory.mktemp("html"))


def test_there_is_a_page_per_notebook_and_an_index_that_links_them(pages):
    index, *notebook_pages = pages
    assert [page.stem for page in notebook_pages] == [path.stem for path in NOTEBOOK_PATHS]
    for page in notebook_pages:
        assert f'href="{page.name}"' in index.read_text()


def test_no_page_holds_a_widget_view_that_would_need_the_renderer_from_the_network(pages):
    for page in pages:
        assert "application/vnd.jupyter.widget-view+json" not in page.read_text(), page.name


def test_the_notebooks_link_to_each_others_pages(pages):
    assert 'href="02_softmax_quotient_rule.html"' in pages[1].read_text()
    for page in pages:
        assert not re.search(r'href="\d\d_\w+\.ipynb', page.read_text()), f"{page.name} links to a notebook file"


@pytest.mark.browser
@pytest.mark.parametrize("number", range(len(NOTEBOOK_PATHS) + 1), ids=["index"] + [p.stem for p in NOTEBOOK_PATHS])
def test_the_page_opens_offline_with_every_formula_typeset(number, pages, chromium, screenshots, record_property):
    page_path = pages[number]
    with chromium_page(chromium) as page:
        network = block_the_network(page)
        page.goto(page_path.as_uri())
        if number > 0:
            wait_for_mathjax(page)
            formulas = page.locator(".MathJax, .MathJax_Display")
            assert formulas.count() > 20, "MathJax typeset (almost) nothing"
            assert page.locator(".MathJax_Error, merror").count() == 0, "a formula failed to typeset"
            assert page.evaluate(RAW_TEX_JS, ".jp-MarkdownOutput") == [], "TeX left untypeset in the text"
            # The maths is drawn in MathJax's STIX-Web fonts, loaded from disk (a missing font would fail below).
            assert page.evaluate("() => document.fonts.check('12px STIXMathJax_Main')")
            # Every widget became a still: its figure and the line on how to move it (each core notebook has one).
            stills = page.locator(".widget-still")
            assert stills.count() >= 1 or is_optional(NOTEBOOK_PATHS[number - 1])
            if stills.count():
                assert stills.first.locator("img").count() >= 1 or "progress" in stills.first.inner_html()
                assert "make lab" in stills.first.inner_text()
            # the first formula: a displayed one, or an inline one where a page displays none
            page.locator(".MathJax_Display, .MathJax").first.scroll_into_view_if_needed()
        shot = screenshots / f"html-{page_path.stem}.png"
        page.screenshot(path=shot)
        record_property(f"screenshot_{page_path.stem}", str(shot))
        assert network["blocked"] == [], f"the page asked the network for {network['blocked']}"
        assert network["failed"] == [], f"requests failed: {network['failed']}"
        errors = console_errors_but_mathjax_blank_font(page)
        assert errors == [], f"the browser console logged errors: {errors}"


def test_a_figure_given_only_as_a_png_keeps_the_description_in_its_metadata(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_markdown_cell("# A figure"))
    cell = nbformat.v4.new_code_cell("figure")
    cell.outputs.append(
        nbformat.v4.new_output(
            "display_data",
            data={"image/png": "iVBORw0KGgo=", "text/plain": "a figure"},
            metadata={"image/png": {"alt": "Bars of ŷ: class 0 at 0.64 & class 1 at 0.36"}},
        )
    )
    notebook.cells.append(cell)
    path = tmp_path / "01_figure.ipynb"
    nbformat.write(notebook, path)
    _, page = reading_copy.build([path], tmp_path / "html")
    assert 'alt="Bars of ŷ: class 0 at 0.64 &amp; class 1 at 0.36"' in page.read_text()


def notebook_file(path: Path, *markdown: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text) for text in markdown]), path)
    return path


def test_an_optional_notebook_gets_a_page_beside_the_core_ones_under_its_own_heading_and_links_both_ways(tmp_path):
    core = notebook_file(tmp_path / "01_core.ipynb", "# The core", "[further](further/01_more.ipynb#A-section)")
    optional = notebook_file(tmp_path / "further" / "01_more.ipynb", "# More", "[back](../01_core.ipynb)")
    index, core_page, optional_page = reading_copy.build([core, optional], tmp_path / "html")
    assert optional_page == tmp_path / "html" / "01_more.html"  # one folder: MathJax is at the same address
    assert 'href="01_more.html#A-section"' in core_page.read_text()
    assert 'href="01_core.html"' in optional_page.read_text()
    listing = index.read_text()
    assert listing.index('href="01_core.html"') < listing.index("Going further") < listing.index('href="01_more.html"')


def test_two_notebooks_with_one_name_are_refused_rather_than_one_page_overwriting_the_other(tmp_path):
    core = notebook_file(tmp_path / "01_same.ipynb", "# The core")
    optional = notebook_file(tmp_path / "further" / "01_same.ipynb", "# More")
    with pytest.raises(ValueError, match="01_same"):
        reading_copy.build([core, optional], tmp_path / "html")


def test_the_colab_cells_stay_out_of_the_reading_copy(tmp_path):
    path = notebook_file(tmp_path / "01_core.ipynb", "# The core", "The derivation.")
    notebook = colab.with_setup(nbformat.read(path, as_version=4), path.name)
    nbformat.write(notebook, path)
    assert "colab" in nbformat.read(path, as_version=4).cells[0].metadata["tags"]
    _, page = reading_copy.build([path], tmp_path / "html")
    text = page.read_text()
    assert "The derivation." in text and "Colab" not in text and "google.colab" not in text
