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

from instructor.assets import BUILD, CODE_STYLE, NOTEBOOKS, TEMPLATES, copy_mathjax, export_pages, notebook_title
from instructor.links import NotebookLinks
from instructor.static_widgets import StaticWidgets


def reading_exporter() -> HTMLExporter:
    config = Config()
    config.HTMLExporter.preprocessors = [StaticWidgets, NotebookLinks]
    config.CSSHTMLHeaderPreprocessor.style = CODE_STYLE
    return HTMLExporter(
        config=config,
        template_name="reading",
        extra_template_basedirs=[str(TEMPLATES)],
        extra_template_paths=[str(TEMPLATES)],
    )


def build(notebooks: list[Path], out: Path) -> list[Path]:
    """Write each notebook's page and index.html into ``out``; return the pages, index first."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    exporter = reading_exporter()
    exporter.mathjax_url = copy_mathjax(out)
    pages = export_pages(exporter, notebooks, out, ".html")
    entries = [
        f'<li><a href="{page.name}">{html.escape(notebook_title(notebook))}</a></li>' for page, notebook in pages
    ]
    index = out / "index.html"
    index.write_text(INDEX.format(entries="\n".join(entries)), encoding="utf-8")
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
</body>
</html>
"""


def main() -> None:
    out = BUILD / "html"
    pages = build(sorted(NOTEBOOKS.glob("*.ipynb")), out)
    print(f"The reading copy: {len(pages) - 1} pages and an index, in {out}; open {pages[0]} in a browser.")


if __name__ == "__main__":
    sys.exit(main())
