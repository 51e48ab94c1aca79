"""`make solutions`: the instructor notebooks, solutions included, executed top to bottom into build/solutions/."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
import numpy as np
from nbconvert.preprocessors import ExecutePreprocessor

from helpers import softmax
from instructor.assets import BUILD, notebook_paths
from instructor.students import SOURCES, students_copy

BEGIN_SOLUTION = "### BEGIN SOLUTION"


def solution(notebook: str, name: str) -> Callable:
    """The function ``name`` as instructor notebook ``notebook`` (a path under instructor/notebooks/, such as
    ``"02_softmax_quotient_rule.ipynb"`` or ``"further/…"``) defines it in an exercise's solution: the one copy of
    each reference solution, which the checkers' tests use too. It may use ``np`` and ``softmax``."""
    for cell in nbformat.read(SOURCES / notebook, as_version=4).cells:
        if cell.cell_type == "code" and BEGIN_SOLUTION in cell.source:
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.FunctionDef) and node.name == name:
                    namespace = {"np": np, "softmax": softmax}
                    exec(compile(ast.Module([node], type_ignores=[]), f"{notebook}: {name}", "exec"), namespace)
                    return namespace[name]
    raise LookupError(f"no solution defines {name} in {notebook}")


def execute(source: Path) -> nbformat.NotebookNode:
    """The instructor notebook ``source`` executed in a fresh kernel, in the folder of its students' copy."""
    notebook = nbformat.read(source, as_version=4)
    ExecutePreprocessor(kernel_name="python3", timeout=1200, record_timing=False).preprocess(
        notebook, {"metadata": {"path": str(students_copy(source).parent)}}
    )
    return notebook


def main() -> None:
    out = BUILD / "solutions"
    out.mkdir(parents=True, exist_ok=True)
    for source in notebook_paths(SOURCES):
        executed = out / source.relative_to(SOURCES)
        executed.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(execute(source), executed)
        print(f"{executed}")
    print(f"The notebooks with their solutions, executed, are in {out}. They are not for the students' folder.")


if __name__ == "__main__":
    sys.exit(main())
