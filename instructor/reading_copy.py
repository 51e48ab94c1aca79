"""`make html`: one self-contained HTML page per notebook, and an index page, in build/html/.

The pages open from disk with no request to the network: the maths is typeset by MathJax copied beside them, the
figures are embedded, and each widget is shown as the still it saved (see static_widgets.py)."""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

from nbconvert import HTMLExporter
from traitlets.config import Config

from instructor import colab
from instructor.assets import (
    BUILD,
    CODE_STYLE,
    TEMPLATES,
    copy_mathjax,
    export_pages,
    is_optional,
    notebook_paths,
    notebook_title,
)
from instructor.links import NotebookLinks
from instructor.static_widgets import StaticWidgets


def reading_exporter() -> HTMLExporter:
    config = Config()
    config.HTMLExporter.preprocessors = [StaticWidgets, NotebookLinks]
    # The Colab link and set-up cell are for the students' own copies: a page read offline has nothing to set up.
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {colab.TAG}
    config.CSSHTMLHeaderPreprocessor.style = CODE_STYLE
    return HTMLExporter(
        config=config,
        template_name="reading",
        extra_template_basedirs=[str(TEMPLATES)],
        extra_template_paths=[str(TEMPLATES)],
    )


def build(notebooks: list[Path], out: Path) -> list[Path]:
    """Write each notebook's page and index.html into ``out``; return the pages, index first.

    The index lists the core notebooks, then the optional ones (those in a further/ folder) under their own heading.
    """
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    exporter = reading_exporter()
    exporter.mathjax_url = copy_mathjax(out)
    pages = export_pages(exporter, notebooks, out, ".html")
    entries = {False: [], True: []}
    for path, (page, notebook) in zip(notebooks, pages, strict=True):
        entries[is_optional(path)].append(f'<li><a href="{page.name}">{html.escape(notebook_title(notebook))}</a></li>')
    further = FURTHER_LIST.format(entries="\n".join(entries[True])) if entries[True] else ""
    index = out / "index.html"
    index.write_text(INDEX.format(entries="\n".join(entries[False]), further=further), encoding="utf-8")
    return [index, *(page for page, _ in pages)]


INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Backpropagation: gradients with respect to the output units</title>
<style>body {{ font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.5; }}</style>
</head>
<body>
<h1>Backpropagation: computing gradients with respect to the output units</h1>
<p>The lecture's companion notebooks, to read offline. The widgets are shown as stills: to move them, open the
notebooks in JupyterLab (<code>make lab</code>).</p>
<ol>
{entries}
</ol>
{further}</body>
</html>
"""


FURTHER_LIST = """<h2>Going further (optional)</h2>
<p>What goes beyond the lecture, for after the notebook each one follows.</p>
<ul>
{entries}
</ul>
"""


def main() -> None:
    out = BUILD / "html"
    pages = build(notebook_paths(), out)
    print(f"The reading copy: {len(pages) - 1} pages and an index, in {out}; open {pages[0]} in a browser.")


if __name__ == "__main__":
    sys.exit(main())
