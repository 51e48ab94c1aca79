"""Give each cell of the instructor notebooks a place in the slides (cell metadata ``slideshow.slide_type``), keyed on
what the cell holds. A cell that has one already keeps it, so that a type set by hand survives a rerun.

    .venv/bin/python -m instructor.slide_metadata && make notebooks

- a title or a numbered section (``#``, ``##``) starts a slide, a ``###`` heading or an exercise a sub-slide;
- a markdown cell with a displayed equation is a fragment: the derivation builds up one step per click;
- the import cell is skipped; every other cell (the checks, the widgets, the prose) is shown with the slide it is in.

These are where the slides start from: when the slides are made, slide_layout.py cuts each cell into its blocks, moves
the prose into the speaker notes and splits a section into sub-slides that fit the frame.
"""

from __future__ import annotations

import nbformat

from instructor.assets import notebook_paths
from instructor.students import SOURCES


def slide_type(cell, is_first_code_cell: bool) -> str:
    source = cell.source.lstrip()
    if cell.cell_type == "markdown":
        if source.startswith(("# ", "## ")):
            return "slide"
        if source.startswith(("### ", "**Exercise")):
            return "subslide"
        return "fragment" if "$$" in source else "-"
    return "skip" if is_first_code_cell and "import " in source else "-"


def main() -> None:
    for path in notebook_paths(SOURCES):
        notebook = nbformat.read(path, as_version=4)
        code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
        for cell in notebook.cells:
            if "slide_type" not in cell.metadata.get("slideshow", {}):
                is_first_code_cell = bool(code_cells) and cell is code_cells[0]
                cell.metadata["slideshow"] = {"slide_type": slide_type(cell, is_first_code_cell)}
        nbformat.write(notebook, path)


if __name__ == "__main__":
    main()
