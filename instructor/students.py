"""`make notebooks` (its first half): the students' notebooks in notebooks/, made from the instructor notebooks.

instructor/notebooks/ holds the one source of each notebook, the solutions of its exercises included, each between
nbgrader's markers ``### BEGIN SOLUTION`` and ``### END SOLUTION``. nbgrader's ClearSolutions (run here without
nbgrader's database or course layout) replaces each marked region with CODE_STUB, and the result is written to
notebooks/ without outputs; `make notebooks` then executes it. A test checks that notebooks/ is, cell for cell, what
this makes of the instructor notebooks. The optional notebooks, in instructor/notebooks/further/, go to
notebooks/further/ the same way. Each students' notebook opens with a link to it in Colab and the cell that sets it
up there (instructor/colab.py).
"""

from __future__ import annotations

import copy
import warnings
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from traitlets.config import Config

from instructor.assets import NOTEBOOKS, ROOT, notebook_paths
from instructor.colab import with_setup

SOURCES = ROOT / "instructor" / "notebooks"
# A comment only, so that it fits both kinds of exercise cell: in a function body below its docstring (the function
# then returns None, which every checker answers with a hint) and after `answer = None` (which the checker answers
# the same way).
CODE_STUB = "# Your code here"


def clear_solutions(notebook: NotebookNode) -> NotebookNode:
    """A copy of ``notebook`` with each solution replaced by CODE_STUB, and no outputs."""
    with warnings.catch_warnings():
        # nbgrader 0.9.5, the release Python 3.10 gets, defines database columns that SQLAlchemy 2.0 warns about as
        # nbgrader is imported; ClearSolutions never touches the database.
        warnings.filterwarnings("ignore", r"User-placed attribute \w+\.\w+ on Mapper", DeprecationWarning)
        from nbgrader.preprocessors import ClearSolutions

    config = Config()
    config.ClearSolutions.code_stub = {"python": CODE_STUB}
    # Our cells carry no nbgrader cell metadata: we use its assign step alone, not its grading.
    config.ClearSolutions.enforce_metadata = False
    student, _ = ClearSolutions(config=config).preprocess(copy.deepcopy(notebook), {})
    for cell in student.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return student


def students_copy(source: Path) -> Path:
    """Where the students' copy of the instructor notebook ``source`` goes: the same place under notebooks/."""
    return NOTEBOOKS / source.relative_to(SOURCES)


def students_notebook(source: Path) -> NotebookNode:
    """The students' notebook made from the instructor notebook at ``source``, before it is executed: its solutions
    cleared, and the Colab cells at its top."""
    student = clear_solutions(nbformat.read(source, as_version=4))
    return with_setup(student, students_copy(source).relative_to(NOTEBOOKS).as_posix())


def main() -> None:
    for source in notebook_paths(SOURCES):
        student = students_notebook(source)
        copy = students_copy(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(student, copy)
        print(f"{source.relative_to(ROOT)} -> {copy.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
