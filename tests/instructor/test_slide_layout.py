"""slide_layout: the prose of the slides goes to the speaker notes, word for word, and a section with more than one idea
is split into sub-slides, decided by what each block holds."""

from __future__ import annotations

import base64
import struct

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from instructor.assets import notebook_paths
from instructor.slide_layout import SlideLayout, markdown_blocks
from instructor.static_widgets import StaticWidgets

LONG_PARAGRAPH = (
    "The output layer turns the logits into probabilities with the softmax, and the cross-entropy loss of one "
    "example is the negative log of the probability given to the true class, which is what this paragraph explains "
    "at a length no slide should carry."
)
EQUATION = r"$$\mathcal{L}(\theta) = -\log \hat{y}_\ell$$"
TALL_EQUATION = r"$$\begin{bmatrix} a \\ b \\ c \\ d \\ e \\ f \\ g \\ h \end{bmatrix}$$"
# The start of a PNG of 800 × 360 pixels: the layout reads a figure's size from its header.
PNG = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", 800, 360) + b"\x08\x06\x00\x00\x00"
).decode()
FIGURE = new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})


def markdown(source: str, slide_type: str = "-"):
    return new_markdown_cell(source, metadata={"slideshow": {"slide_type": slide_type}})


def code(source: str, *outputs, slide_type: str = "-"):
    cell = new_code_cell(source, metadata={"slideshow": {"slide_type": slide_type}})
    cell.outputs = list(outputs)
    return cell


def laid_out(*cells) -> list:
    notebook, _ = SlideLayout().preprocess(new_notebook(cells=list(cells)), {})
    return notebook.cells


def slide_type(cell) -> str:
    return cell.metadata.slideshow.slide_type


def shown(cells) -> list:
    return [cell for cell in cells if slide_type(cell) not in ("notes", "skip")]


def test_a_long_paragraph_goes_to_the_notes_and_the_heading_and_equation_stay():
    cells = laid_out(markdown(f"## 1. The loss\n\n{LONG_PARAGRAPH}\n\n{EQUATION}", "slide"))
    notes = [cell.source for cell in cells if slide_type(cell) == "notes"]
    assert notes == [LONG_PARAGRAPH]
    on_slides = "\n".join(cell.source for cell in shown(cells))
    assert "## 1. The loss" in on_slides and EQUATION in on_slides and LONG_PARAGRAPH not in on_slides


def test_a_short_lead_in_stays_and_a_bold_label_of_a_long_paragraph_stays_with_it():
    lead_in = "Take $k = 4$ classes and these logits:"
    cells = laid_out(markdown(f"## 1. The loss\n\n{lead_in}\n\n**Relative error.** {LONG_PARAGRAPH}", "slide"))
    on_slides = "\n".join(cell.source for cell in shown(cells))
    assert lead_in in on_slides and "**Relative error.**" in on_slides
    assert [cell.source for cell in cells if slide_type(cell) == "notes"] == [f"**Relative error.** {LONG_PARAGRAPH}"]


def test_a_heading_inside_a_cell_starts_a_slide():
    cells = laid_out(markdown(f"## 1. One\n\n{EQUATION}\n\n## 2. Two\n\n{EQUATION}", "slide"))
    assert [slide_type(cell) for cell in shown(cells)] == ["slide", "slide"]


def test_a_second_equation_on_a_slide_comes_on_the_next_click():
    cells = laid_out(markdown(f"## 1. One\n\n{EQUATION}\n\nso\n\n{EQUATION}", "slide"))
    assert [slide_type(cell) for cell in shown(cells)] == ["slide", "fragment"]


def test_the_equation_of_a_next_step_starts_a_sub_slide_under_the_same_heading():
    cells = laid_out(markdown(f"## 2. Steps\n\n{EQUATION}", "slide"), code("print(1)"), markdown(EQUATION))
    types = [(slide_type(cell), cell.source) for cell in shown(cells)]
    assert types[2:] == [("subslide", "### 2. Steps"), ("-", EQUATION)]


def test_a_figure_ends_its_sub_slide():
    cells = laid_out(markdown("## 5. A plot", "slide"), code("plt.plot(x)", FIGURE), markdown("Short words after."))
    assert [slide_type(cell) for cell in shown(cells)] == ["slide", "-", "subslide", "-"]


def test_a_section_taller_than_the_frame_is_split_into_sub_slides_that_each_fit():
    cells = laid_out(markdown("## 4. Tall", "slide"), *[markdown(TALL_EQUATION) for _ in range(4)])
    types = [slide_type(cell) for cell in shown(cells)]
    assert types.count("subslide") >= 1, types


def test_an_output_too_tall_for_a_slide_leaves_its_code_for_the_notes():
    listing = new_output("stream", name="stdout", text="".join(f"line {n}\n" for n in range(40)))
    cells = laid_out(markdown("## 6. Long", "slide"), code("print_everything()", listing))
    (notes,) = [cell for cell in cells if slide_type(cell) == "notes"]
    assert "print_everything()" in notes.source and "line 39" in notes.source
    assert all(cell.cell_type == "markdown" for cell in cells)


def test_a_figure_too_tall_with_its_code_keeps_the_figure_on_the_slide():
    source = "\n".join(f"ax.plot({n})" for n in range(14))
    cells = laid_out(markdown("## 7. A figure", "slide"), code(source, FIGURE))
    (figure_cell,) = [cell for cell in shown(cells) if cell.cell_type == "code"]
    assert figure_cell.metadata.transient == {"remove_source": True} and figure_cell.outputs
    assert any(source in cell.source for cell in cells if slide_type(cell) == "notes")


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda path: path.stem)
def test_every_block_of_every_notebook_is_on_a_slide_or_in_the_notes(path):
    notebook = nbformat.read(path, as_version=4)
    notebook, _ = StaticWidgets().preprocess(notebook, {})
    cells = laid_out(*notebook.cells)
    kept = "\n".join(cell.source for cell in cells if slide_type(cell) != "skip")
    for cell in notebook.cells:
        if slide_type(cell) == "skip":  # the import cell, and the Colab link and set-up of the students' copies
            continue
        if cell.cell_type == "markdown":
            for block in markdown_blocks(cell.source):
                assert block.strip("-\n ") in kept, block[:80]
        else:
            assert any(cell.source in other.source for other in cells), cell.source[:80]
    assert any(slide_type(cell) == "notes" for cell in cells)
