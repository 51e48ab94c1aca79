"""The set-up with Python alone, on Linux, macOS and Windows: what `make install-lab` (for the lab) and `make install`
(for the tests) do, step for step.

1. uv, at the version the Makefile pins, from PyPI into ``.tools/`` (a virtual environment of its own: not into the
   student's Python, not onto the PATH);
2. ``.venv/``, with the exact versions that ``uv.lock`` pins, for the package and the lab group (``uv sync
   --locked``), or every group for the tests, and matplotlib's font cache built once;
3. the JupyterLab settings and nbgrader's switches, into ``.venv`` (``companion.jupyter_settings``).

Both routes share ``.tools/`` and ``.venv/`` and the same marker files, so a clone can be used with either. Steps
1 and 2 are skipped when done: ``.venv`` is synced again only when ``uv.lock`` or ``pyproject.toml`` is newer than
the last sync, as make decides.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from companion.jupyter_settings import write_settings

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / ".tools"
VENV = ROOT / ".venv"
# Virtual environments keep their programs in Scripts\ on Windows, in bin/ elsewhere.
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""


def uv_version(makefile: Path = ROOT / "Makefile") -> str:
    """The uv version the Makefile pins (``UV_VERSION := ...``): one pin for both routes."""
    match = re.search(r"^UV_VERSION := (\S+)", makefile.read_text(encoding="utf-8"), re.MULTILINE)
    if match is None:
        raise RuntimeError(f"no 'UV_VERSION := ...' line in {makefile}")
    return match.group(1)


def program(venv: Path, name: str) -> Path:
    return venv / BIN / f"{name}{EXE}"


def run(command: list[str | Path]) -> None:
    """Run a set-up step; its command is shown only if it fails (the student sees what is being done instead)."""
    try:
        subprocess.run([str(part) for part in command], cwd=ROOT, check=True)
    except subprocess.CalledProcessError:
        shown = [os.path.relpath(part, ROOT) if isinstance(part, Path) else part for part in command]
        print("This step of the set-up failed:", " ".join(shown), flush=True)
        raise


def is_newer(target: Path, *sources: Path) -> bool:
    """Whether ``target`` exists and is newer than every one of ``sources``, as make decides."""
    return target.exists() and all(target.stat().st_mtime >= source.stat().st_mtime for source in sources)


def install_uv(python: str) -> Path:
    """uv at the Makefile's version in ``.tools/``; its path."""
    version = uv_version()
    installed = TOOLS / f"uv-{version}.installed"
    if not installed.exists():
        print(f"Installing uv {version} into .tools/ ...", flush=True)
        run([python, "-m", "venv", TOOLS])
        # Twice quiet: pip's errors only, none of its warnings (about the index it was configured with, say).
        run([program(TOOLS, "python"), "-m", "pip", "install", "--quiet", "--quiet", "--disable-pip-version-check",
             f"uv=={version}"])  # fmt: skip
        installed.touch()
    return program(TOOLS, "uv")


def install(python: str, marker: str, groups: list[str], what: str) -> Path:
    """Set up ``.venv`` (steps 1 to 3 above) with ``python`` and the dependency ``groups`` (uv sync's options), unless
    ``marker`` in ``.venv`` is newer than the lock; the Python of ``.venv``."""
    uv = install_uv(python)
    venv_python = program(VENV, "python")
    if not venv_python.exists():
        # --seed keeps pip in .venv, for installing something by hand.
        run([uv, "venv", "--quiet", "--seed", "--clear", "--python", python, VENV])
    marker_file = VENV / marker
    if not is_newer(marker_file, ROOT / "uv.lock", ROOT / "pyproject.toml"):
        print(f"Installing {what} into .venv/ (the first time, this downloads them: a few minutes) ...", flush=True)
        # --locked stops on a lock that no longer matches pyproject.toml.
        run([uv, "sync", "--locked", "--quiet", "--python", python, *groups])
        # matplotlib's font cache, built now, so that the first notebook run prints no "building the font cache".
        run([venv_python, "-c", "import matplotlib.pyplot"])
        marker_file.touch()
    write_settings(VENV)  # a few small files: copied every time, so an edit in jupyter/ always arrives
    return venv_python


def install_lab(python: str = sys.executable) -> Path:
    """What `make install-lab` does: the package and the lab group (--inexact keeps what the tests' set-up installed
    beside them)."""
    return install(python, ".lab-set", ["--inexact", "--group", "lab"], "the course's packages")


def install_tests(python: str = sys.executable) -> Path:
    """What `make install` does: the package and every dependency group."""
    return install(python, ".test-set", ["--all-groups"], "the course's packages and the test tools")
