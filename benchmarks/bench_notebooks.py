"""How long each notebook takes to execute top to bottom in a fresh kernel, as `make notebooks` runs it.

The peer, measured in the same run, is an empty notebook: starting a kernel and stopping it. Beside the whole
time is the time the notebook's own cells took (the kernel's execution replies), which the machine's load
changes less than the kernel's start.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from benchmarks.common import print_table, verdict

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
GOAL_SECONDS = 5.0


def execute(notebook: nbformat.NotebookNode) -> tuple[float, float]:
    """Run ``notebook`` in a fresh kernel; the wall-clock seconds in all and the seconds its cells took."""
    start = time.perf_counter()
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": "notebooks"}}).execute()
    wall = time.perf_counter() - start
    cells = 0.0
    for cell in notebook.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            began, ended = (
                # Python 3.10's fromisoformat does not read the "Z" (UTC) suffix that the kernel writes.
                datetime.fromisoformat(timing[key].replace("Z", "+00:00"))
                for key in ("iopub.execute_input", "shell.execute_reply")
            )
            cells += (ended - began).total_seconds()
    return wall, cells


def run(quick: bool = False) -> None:
    empty_wall, _ = execute(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")]))
    rows = [["(empty notebook: a kernel started and stopped)", f"{empty_wall:.1f}", "", ""]]
    for path in [] if quick else NOTEBOOKS:
        wall, cells = execute(nbformat.read(path, as_version=4))
        rows.append([path.name, f"{wall:.1f}", f"{cells:.1f}", verdict(wall < GOAL_SECONDS)])
    print_table(
        "5. notebooks executed top to bottom in a fresh kernel (seconds)",
        ["notebook", "in all", "its cells", f"goal in all < {GOAL_SECONDS:.0f} s"],
        rows,
    )
