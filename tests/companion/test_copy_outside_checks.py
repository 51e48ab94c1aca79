"""`make test` checks the originals, whatever the student did to their copy: the linters and pytest, run with the
project's configuration in a repository holding both, see notebooks/ and never my-notebooks/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A notebook cell with an unused import and an undefined name: ruff's F401 and F821.
BROKEN = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "a1", "metadata": {}, "outputs": [],
               "source": ["import os\n", "print(undefined_name)\n"]}],
    "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
}  # fmt: skip


@pytest.fixture
def clone(tmp_path) -> Path:
    for name in (".gitignore", "pyproject.toml", "tests/sanitize.cfg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / "01_grad_wrt_yhat.ipynb", tmp_path / "notebooks")
    (tmp_path / "my-notebooks").mkdir()
    (tmp_path / "my-notebooks" / "01_grad_wrt_yhat.ipynb").write_text(json.dumps(BROKEN))
    subprocess.run(["git", "init", "--quiet"], cwd=tmp_path, check=True)
    return tmp_path


def ruff(clone: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=clone, capture_output=True, text=True)


def test_ruff_skips_the_students_copy(clone):
    assert ruff(clone).returncode == 0, ruff(clone).stdout
    shutil.copy(clone / "my-notebooks" / "01_grad_wrt_yhat.ipynb", clone / "scratch.ipynb")  # outside the copy
    result = ruff(clone)
    assert result.returncode == 1 and "F821" in result.stdout  # the same cell is caught where it is checked


def test_pytest_collects_the_originals_only(clone):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=clone, capture_output=True, text=True,
    )  # fmt: skip
    assert "notebooks/01_grad_wrt_yhat.ipynb::" in result.stdout, result.stdout + result.stderr
    assert "my-notebooks" not in result.stdout
