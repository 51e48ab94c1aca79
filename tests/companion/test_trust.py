"""The copies the companion made are trusted by JupyterLab (their signatures are in the user's store, as JupyterLab
checks them), and a copy the student changed is left to JupyterLab, which signs what it saves."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.sign import NotebookNotary

from companion.copies import sync
from companion.trust import sign_copies


def notebook(text: str) -> str:
    cell = nbformat.v4.new_code_cell("print(1)", outputs=[nbformat.v4.new_output("display_data", {"text/html": text})])
    return nbformat.writes(nbformat.v4.new_notebook(cells=[cell]))


@pytest.fixture
def notary(tmp_path) -> NotebookNotary:
    """A notary with its own key and store, as a user's would be."""
    (tmp_path / "data").mkdir()
    return NotebookNotary(data_dir=str(tmp_path / "data"))


def is_trusted(path, notary: NotebookNotary) -> bool:
    """What JupyterLab's contents manager checks as it opens a notebook."""
    return notary.check_signature(nbformat.read(path, as_version=4))


def test_the_copies_made_are_signed_and_a_changed_one_is_not(tmp_path, notary):
    originals, student = tmp_path / "notebooks", tmp_path / "my-notebooks"
    (originals / "further").mkdir(parents=True)
    for name in ("01_first.ipynb", "02_second.ipynb", "further/05_more.ipynb"):
        (originals / name).write_text(notebook(f"<b>{name}</b>"))
    sync(originals, student)
    (student / "02_second.ipynb").write_text(notebook("<b>my answer</b>"))

    assert not is_trusted(student / "01_first.ipynb", notary)
    signed = sign_copies(student, notary)
    assert signed == [student / "01_first.ipynb", student / "further" / "05_more.ipynb"]
    assert is_trusted(student / "01_first.ipynb", notary) and is_trusted(student / "further" / "05_more.ipynb", notary)
    assert not is_trusted(student / "02_second.ipynb", notary)
    assert sign_copies(student, notary) == []  # signed once: nothing to do at the next start
