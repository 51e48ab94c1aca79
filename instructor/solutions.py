"""`make solutions`: the instructor notebooks, solutions included, executed top to bottom into build/solutions/."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ExecutePreprocessor

from instructor.assets import BUILD, NOTEBOOKS
from instructor.students import SOURCES


def execute(source: Path) -> nbformat.NotebookNode:
    """The instructor notebook ``source`` executed in a fresh kernel, in the students' notebooks folder."""
    notebook = nbformat.read(source, as_version=4)
    ExecutePreprocessor(kernel_name="python3", timeout=1200, record_timing=False).preprocess(
        notebook, {"metadata": {"path": str(NOTEBOOKS)}}
    )
    return notebook


def main() -> None:
    out = BUILD / "solutions"
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted(SOURCES.glob("*.ipynb")):
        nbformat.write(execute(source), out / source.name)
        print(f"{out / source.name}")
    print(f"The notebooks with their solutions, executed, are in {out}. They are not for the students' folder.")


if __name__ == "__main__":
    sys.exit(main())
