"""The project's checks, run with the tools in ``.venv``: one definition for `make lint` / `make test` and for
``python -m companion test`` (the route without make), so that both run the same commands.

- the linters: ruff (lint and format) over the code, and import-linter over helpers' layers (pyproject.toml);
- the tests: pytest with two workers (the suite waits on kernels, servers and Chromium as much as it computes), and
  ``--dist loadscope``, which keeps each module, and each notebook's cells (which share one kernel), on one worker,
  as nbval needs.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from companion.environment import ROOT, program

WORKERS = 2


def lint_commands(venv: Path) -> list[list[str]]:
    python = str(program(venv, "python"))
    return [
        [python, "-m", "ruff", "check", "."],
        [python, "-m", "ruff", "format", "--check", "."],
        [str(program(venv, "lint-imports"))],
    ]


def pytest_command(venv: Path, workers: int = WORKERS, arguments: list[str] | None = None) -> list[str]:
    python = str(program(venv, "python"))
    return [python, "-m", "pytest", f"--numprocesses={workers}", "--dist=loadscope", *(arguments or [])]


def run(command: list[str]) -> int:
    shown = " ".join(os.path.relpath(part, ROOT) if os.path.isabs(part) else part for part in command)
    print("$", shown, flush=True)
    return subprocess.run(command, cwd=ROOT).returncode


def lint(venv: Path) -> int:
    """Run the linters; the first non-zero exit status (and stop there), or 0."""
    for command in lint_commands(venv):
        status = run(command)
        if status:
            return status
    return 0


def pytest(venv: Path, workers: int = WORKERS, arguments: list[str] | None = None) -> int:
    return run(pytest_command(venv, workers, arguments))
