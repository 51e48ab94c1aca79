"""Links to a notebook become links to its page, in markdown cells and in a code cell's markdown output."""

import nbformat

from instructor.links import NotebookLinks


def test_links_in_markdown_cells_and_in_markdown_outputs_point_at_pages():
    markdown_output = nbformat.v4.new_output(
        "display_data", data={"text/markdown": "see [notebook 1](01_grad_wrt_yhat.ipynb)", "text/plain": "<Markdown>"}
    )
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("[next](02_softmax_quotient_rule.ipynb#2.-The-derivation)"),
            nbformat.v4.new_code_cell("notation_table(rows)", outputs=[markdown_output]),
            nbformat.v4.new_code_cell("print(1)", outputs=[nbformat.v4.new_output("stream", text="1\n")]),
        ]
    )
    notebook, _ = NotebookLinks(suffix=".slides.html").preprocess(notebook, {})
    assert notebook.cells[0].source == "[next](02_softmax_quotient_rule.slides.html#2.-The-derivation)"
    assert notebook.cells[1].outputs[0].data["text/markdown"] == "see [notebook 1](01_grad_wrt_yhat.slides.html)"
    assert notebook.cells[2].outputs[0].text == "1\n"


def test_links_between_a_core_and_an_optional_notebook_lose_their_folder_since_the_pages_share_one():
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "[more](further/02_softmax_further.ipynb#1.-The-Hessian) and [back](../02_softmax_quotient_rule.ipynb)"
            ),
            nbformat.v4.new_markdown_cell("[a file](data/02_table.csv), [elsewhere](https://example.org/03_x.ipynb)"),
        ]
    )
    notebook, _ = NotebookLinks(suffix=".html").preprocess(notebook, {})
    assert notebook.cells[0].source == (
        "[more](02_softmax_further.html#1.-The-Hessian) and [back](02_softmax_quotient_rule.html)"
    )
    assert notebook.cells[1].source == "[a file](data/02_table.csv), [elsewhere](https://example.org/03_x.ipynb)"
