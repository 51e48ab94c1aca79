"""The Colab route: what `make notebooks` puts at the top of each students' notebook so that it also runs in Colab.

Two cells, before the title:

- a link that opens the notebook in Colab, from the course's repository at this version's tag;
- a set-up cell that, in Colab only, installs the helpers from the same repository at the same tag with pip, which
  leaves every package Colab already has as it is when its version is in the package's ranges (pyproject.toml's
  ranges admit Colab's: tests/project/test_colab_versions.py). Anywhere else it does nothing and prints nothing,
  so the notebook's stored outputs and nbval are as before.

The repository's address is set once, in pyproject.toml's ``[tool.backprop-companion]`` table; the tag is
``v<version>`` of its ``[project]`` table. Both cells carry the tag ``colab`` in their metadata.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
TAG = "colab"
GITHUB = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class Course:
    """Where the course is published: ``repository``'s address, and ``ref``, the tag the notebooks' version has."""

    repository: str
    ref: str
    package: str

    def colab_url(self, notebook: str) -> str:
        """Colab's address of ``notebook`` (its path below notebooks/, with /) in the repository at ``ref``."""
        match = GITHUB.match(self.repository)
        if match is None:
            raise ValueError(
                f"[tool.backprop-companion] repository must be a GitHub address (https://github.com/<owner>/<name>) "
                f"for Colab to open it; got {self.repository!r}"
            )
        return (
            f"https://colab.research.google.com/github/{match['owner']}/{match['name']}/blob/{self.ref}/"
            f"notebooks/{notebook}"
        )

    def requirement(self) -> str:
        """What pip installs: the package from the repository at ``ref``."""
        return f"{self.package} @ git+{self.repository.rstrip('/')}@{self.ref}"


def course(pyproject: Path = ROOT / "pyproject.toml") -> Course:
    """The course's address and version, from ``pyproject``."""
    settings = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = settings["project"]
    return Course(settings["tool"]["backprop-companion"]["repository"], f"v{project['version']}", project["name"])


SETUP_CODE = """\
# In Colab only: install the course's helpers at this notebook's version, beside Colab's own packages.
# Anywhere else (your own JupyterLab) this cell does nothing.
import sys

if "google.colab" in sys.modules:
    import subprocess

    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "{requirement}"], check=True)"""


def setup_cells(notebook: str, where: Course | None = None) -> list[NotebookNode]:
    """The link and the set-up cell for ``notebook`` (its path below notebooks/, with /)."""
    where = where or course()
    link = nbformat.v4.new_markdown_cell(
        f"[Open this notebook in Colab]({where.colab_url(notebook)}) (nothing to install: its first code cell sets "
        "it up; your changes stay in Colab unless you save a copy)"
    )
    setup = nbformat.v4.new_code_cell(SETUP_CODE.format(requirement=where.requirement()))
    for cell, cell_id in ((link, "colab-link"), (setup, "colab-setup")):
        cell.id = cell_id  # the same at every `make notebooks`, so that the notebooks' diffs show only real changes
        cell.metadata["tags"] = [TAG]
        # The instructor's slides and the reading copy leave them out: they are for the students' copies.
        cell.metadata["slideshow"] = {"slide_type": "skip"}
    return [link, setup]


def with_setup(notebook: NotebookNode, name: str, where: Course | None = None) -> NotebookNode:
    """``notebook`` with the Colab cells at its top (its own, if it has them, replaced)."""
    notebook.cells = setup_cells(name, where) + [
        cell for cell in notebook.cells if TAG not in cell.get("metadata", {}).get("tags", [])
    ]
    return notebook
