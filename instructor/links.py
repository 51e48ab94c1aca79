"""Links between the notebooks, pointed at the pages built from them (a reading copy links page to page)."""

from __future__ import annotations

import re

from nbconvert.preprocessors import Preprocessor
from traitlets import Unicode

# A markdown link target naming one of our notebooks: (02_softmax_quotient_rule.ipynb) or (...ipynb#a-section), from
# a core notebook to an optional one (further/02_….ipynb) or back (../02_….ipynb).
NOTEBOOK_LINK = re.compile(r"\((?:\.\./|further/)?(\d\d_[A-Za-z0-9_]+)\.ipynb(#[^)\s]*)?\)")


class NotebookLinks(Preprocessor):
    """Rewrite each markdown link to a notebook into a link to its page, ``<stem><suffix>``.

    The pages of the core and the optional notebooks share one folder (instructor/assets.py), so the folder part of
    a link between them (``further/``, ``../``) goes.
    """

    suffix = Unicode(".html", help="What replaces .ipynb in a link to a notebook.").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            cell.source = self._rewrite(cell.source)
        # A code cell's markdown output (the notation table of notebooks 2-4 links to notebook 1) is a page's text too.
        for output in cell.get("outputs", []):
            if "text/markdown" in output.get("data", {}):
                output.data["text/markdown"] = self._rewrite(output.data["text/markdown"])
        return cell, resources

    def _rewrite(self, text: str) -> str:
        return NOTEBOOK_LINK.sub(lambda link: f"({link[1]}{self.suffix}{link[2] or ''})", text)
