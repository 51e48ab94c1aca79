"""One source per notebook: the students' notebooks are the instructor notebooks with nbgrader's ClearSolutions
applied (and the Colab cells put at their top), every exercise has a solution there that its checker accepts, and the
students' copy shows the checker's hint for the stub in its place."""

from __future__ import annotations

import re

import nbformat
import pytest

from instructor.assets import NOTEBOOKS, is_optional, notebook_paths
from instructor.solutions import execute
from instructor.students import CODE_STUB, SOURCES, students_copy, students_notebook

SOURCE_PATHS = notebook_paths(SOURCES)  # the core notebooks, then the optional ones in further/
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
# An exercise's cell ends by calling its checker.
CHECK = re.compile(r"^check_\w+\(", re.MULTILINE)


def cells(notebook) -> list[tuple]:
    """What a notebook's author writes, cell by cell: the type, the source and the slide metadata."""
    return [(cell.cell_type, cell.source, cell.metadata.get("slideshow")) for cell in notebook.cells]


def output_text(cell) -> str:
    return "".join(output.get("text", "") for output in cell.outputs if output.output_type == "stream")


def solution_cells(notebook) -> list:
    return [cell for cell in notebook.cells if cell.cell_type == "code" and BEGIN in cell.source]


def test_the_instructor_notebooks_and_the_students_notebooks_are_the_same_notebooks():
    assert SOURCE_PATHS, "no instructor notebooks"
    assert [path.relative_to(SOURCES) for path in SOURCE_PATHS] == [
        path.relative_to(NOTEBOOKS) for path in notebook_paths(NOTEBOOKS)
    ]


def test_no_instructor_notebook_is_left_out_of_the_students_notebooks():
    # The core folder and further/ are the only places a notebook is made from: one anywhere else would never reach
    # the students, the reading copy or the tests.
    everywhere = [path for path in SOURCES.rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts]
    assert sorted(everywhere) == sorted(SOURCE_PATHS)


@pytest.mark.parametrize("source", SOURCE_PATHS, ids=lambda path: str(path.relative_to(SOURCES)))
def test_the_students_notebook_is_the_instructor_notebook_with_its_solutions_cleared(source):
    student = nbformat.read(students_copy(source), as_version=4)
    assert cells(student) == cells(students_notebook(source)), "run `make notebooks` after editing the source"


@pytest.mark.parametrize("source", SOURCE_PATHS, ids=lambda path: str(path.relative_to(SOURCES)))
def test_every_checked_exercise_has_a_solution_and_the_students_copy_shows_the_stubs_hint(source):
    instructor = nbformat.read(source, as_version=4)
    student = nbformat.read(students_copy(source), as_version=4)
    exercises = [i for i, cell in enumerate(instructor.cells) if cell.cell_type == "code" and CHECK.search(cell.source)]
    # A core notebook has checked exercises; an optional one may have none.
    assert exercises or is_optional(source), "a core notebook without a checked exercise"
    students_cells = {cell.id: cell for cell in student.cells}
    for i in exercises:
        assert BEGIN in instructor.cells[i].source and END in instructor.cells[i].source, instructor.cells[i].source
        shown = students_cells[instructor.cells[i].id]
        assert BEGIN not in shown.source and CODE_STUB in shown.source
        assert all(output.output_type != "error" for output in shown.outputs), "the stub ended in a traceback"
        assert output_text(shown).startswith("Not yet."), f"the checker did not answer the stub with a hint: {shown}"


@pytest.mark.parametrize("source", SOURCE_PATHS, ids=lambda path: str(path.relative_to(SOURCES)))
def test_each_checker_accepts_the_instructors_solution(source):
    executed = execute(source)
    for cell in solution_cells(executed):
        assert all(output.output_type != "error" for output in cell.outputs), cell.source
        assert "Correct" in output_text(cell) and "Not yet" not in output_text(cell), (cell.source, output_text(cell))
