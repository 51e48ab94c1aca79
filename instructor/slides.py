"""`make slides`: reveal.js slides of each notebook in build/slides/, with every script they load copied beside them.

A cell's place in the slides starts from its metadata ``slideshow.slide_type``, kept in the instructor notebooks (see
slide_metadata.py); slide_layout.py then fits each slide to a 1280 × 720 frame and moves the prose into the speaker
notes. Widgets are shown as the stills they saved; `make present` shows them live. The optional notebooks get slides
too, in the same folder: a core notebook's link to one of them then leads to its slides."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from nbconvert import SlidesExporter
from traitlets.config import Config

from instructor.assets import BUILD, CODE_STYLE, TEMPLATES, copy_mathjax, export_pages, notebook_paths, npm_package
from instructor.links import NotebookLinks
from instructor.slide_layout import SlideLayout
from instructor.static_widgets import StaticWidgets


def slides_exporter(out: Path) -> SlidesExporter:
    """An exporter whose slides load reveal.js, require.js, jQuery and MathJax from ``out``."""
    vendor = out / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    shutil.copytree(npm_package("reveal.js"), out / "reveal.js", dirs_exist_ok=True)
    shutil.copy(npm_package("requirejs") / "require.js", vendor / "require.js")
    shutil.copy(npm_package("jquery") / "dist" / "jquery.min.js", vendor / "jquery.min.js")
    config = Config()
    # StaticWidgets first: the layout measures the stills it leaves.
    config.SlidesExporter.preprocessors = [StaticWidgets, NotebookLinks, SlideLayout]
    config.CSSHTMLHeaderPreprocessor.style = CODE_STYLE
    config.NotebookLinks.suffix = ".slides.html"
    config.SlidesExporter.reveal_url_prefix = "reveal.js"
    config.SlidesExporter.require_js_url = "vendor/require.js"
    config.SlidesExporter.jquery_url = "vendor/jquery.min.js"
    # A 16:9 frame, 1280 × 720 CSS pixels, that reveal.js scales to the screen. No scrolling slides: each fits.
    config.SlidesExporter.reveal_width = "1280"
    config.SlidesExporter.reveal_height = "720"
    # The "white" theme's font ships with reveal.js; the default "simple" theme fetches its fonts from Google.
    config.SlidesExporter.reveal_theme = "white"
    config.SlidesExporter.mathjax_url = copy_mathjax(out)
    return SlidesExporter(
        config=config,
        template_name="offline-slides",
        extra_template_basedirs=[str(TEMPLATES)],
        extra_template_paths=[str(TEMPLATES)],
    )


def build(notebooks: list[Path], out: Path) -> list[Path]:
    """Write each notebook's slides into ``out``; return their paths."""
    shutil.rmtree(out, ignore_errors=True)
    exporter = slides_exporter(out)  # copies the scripts the slides load into out
    return [page for page, _ in export_pages(exporter, notebooks, out, ".slides.html")]


def main() -> None:
    out = BUILD / "slides"
    pages = build(notebook_paths(), out)
    print(f"The slides of {len(pages)} notebooks are in {out}; open one in a browser (space or the arrow keys move on,")
    print("s opens the speaker view with the notes):")
    for page in pages:
        print(f"  {page}")


if __name__ == "__main__":
    sys.exit(main())
