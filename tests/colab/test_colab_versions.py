"""The Colab route, in an environment with Colab's versions (requirements.txt beside this file, on Colab's Python
3.12): installing this project, as each notebook's set-up cell does there, replaces none of Colab's packages, and
every notebook then runs top to bottom and prints its stored text (strict nbval, as `make test` checks it here).

The environment is made with uv from its cache (the packages are downloaded once); nbval and pytest are added to it
as the test's own tools. Marked ``colab``: part of `make test` and of CI, where a missing Python 3.12 fails it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = Path(__file__).with_name("requirements.txt")
COLAB_PYTHON = "3.12"
UV = ROOT / ".tools" / "bin" / "uv"
# What runs the notebooks in that environment (not Colab's: the test's own tools).
TEST_TOOLS = ["nbval==0.11.0", "pytest==8.3.5"]

pytestmark = pytest.mark.colab


def pinned() -> dict[str, str]:
    lines = [line.split("#")[0].strip() for line in REQUIREMENTS.read_text().splitlines()]
    return dict(line.split("==") for line in lines if line)


def uv(*arguments: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(UV), *arguments], capture_output=True, text=True, cwd=ROOT, **kwargs)


def colab_python() -> str | None:
    """A Python 3.12: the one uv finds, or one that pyenv installed (uv does not look behind pyenv's shims)."""
    found = uv("python", "find", COLAB_PYTHON)
    if found.returncode == 0:
        return found.stdout.strip()
    installed = sorted(Path.home().glob(f".pyenv/versions/{COLAB_PYTHON}.*/bin/python{COLAB_PYTHON}"))
    return str(installed[-1]) if installed else None


@pytest.fixture(scope="module")
def colab(tmp_path_factory) -> Path:
    """A virtual environment with Colab's Python and versions; its Python."""
    if not UV.exists():
        pytest.skip("uv is set up by `make install`")
    python = colab_python()
    if python is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Python {COLAB_PYTHON} (Colab's) is missing in CI")
        pytest.skip(f"Python {COLAB_PYTHON} (Colab's) is not installed here")
    venv = tmp_path_factory.mktemp("colab") / "venv"
    made = uv("venv", "--quiet", "--python", python, str(venv))
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = uv("pip", "install", "--quiet", "--python", str(python), "-r", str(REQUIREMENTS), *TEST_TOOLS)
    assert installed.returncode == 0, installed.stderr
    return python


def test_installing_the_project_replaces_none_of_colabs_packages(colab):
    # What the notebooks' set-up cell does in Colab (pip install of the package, its dependencies only if missing),
    # asked of uv with the same strategy and without doing it: the packages it would install or replace.
    planned = uv("pip", "install", "--dry-run", "--python", str(colab), str(ROOT))
    assert planned.returncode == 0, planned.stderr
    # uv lists each change as " + name==version" (or " + name @ url") to install, " - name==version" to remove.
    changes = re.findall(r"^ ([+-]) ([\w.-]+)(?:==| @ )", planned.stderr, re.MULTILINE)
    assert ("+", "backprop-companion") in changes, planned.stderr  # the plan was read
    replaced = sorted({name for sign, name in changes if sign == "-"} & set(pinned()))
    assert replaced == [], f"installing the project would replace Colab's {replaced}:\n{planned.stderr}"


def test_every_notebook_runs_and_prints_its_stored_text_with_colabs_versions(colab, tmp_path):
    installed = uv("pip", "install", "--quiet", "--python", str(colab), str(ROOT))
    assert installed.returncode == 0, installed.stderr
    versions = subprocess.run(
        [str(colab), "-c", "import ipywidgets, numpy, matplotlib; print(ipywidgets.__version__, numpy.__version__)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert versions == [pinned()["ipywidgets"], pinned()["numpy"]]
    # The notebooks and the project's nbval settings, away from the project's own conftest and environment.
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copy(ROOT / "tests" / "sanitize.cfg", tmp_path / "sanitize.cfg")
    result = subprocess.run(
        [str(colab), "-m", "pytest", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with", "sanitize.cfg", "-q", "notebooks"],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", result.stdout)
