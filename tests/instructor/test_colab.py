"""The Colab cells `make notebooks` puts at the top of each students' notebook: a link to the notebook in Colab and a
set-up cell, both from the one address in pyproject.toml, the set-up doing nothing outside Colab."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from instructor.assets import NOTEBOOKS, notebook_paths
from instructor.colab import Course, course, setup_cells, with_setup

EXAMPLE = Course("https://github.com/a-course/its-repo", "v1.2.0", "backprop-companion")


def test_the_link_and_the_install_name_the_repository_at_the_versions_tag():
    link, setup = setup_cells("further/05_more.ipynb", EXAMPLE)
    assert (
        "(https://colab.research.google.com/github/a-course/its-repo/blob/v1.2.0/notebooks/further/05_more.ipynb)"
        in (link.source)
    )
    assert '"backprop-companion @ git+https://github.com/a-course/its-repo@v1.2.0"' in setup.source


def test_the_address_is_read_from_pyproject_and_the_tag_from_the_version():
    where = course()
    assert where.repository.startswith("https://github.com/") and where.ref == "v0.1.0"


def test_an_address_colab_cannot_open_is_refused_with_what_it_needs():
    with pytest.raises(ValueError, match=r"must be a GitHub address .* got 'https://gitlab.com/a/b'"):
        Course("https://gitlab.com/a/b", "v1", "p").colab_url("01.ipynb")


def test_outside_colab_the_set_up_cell_prints_nothing_and_installs_nothing():
    _, setup = setup_cells("01.ipynb", EXAMPLE)
    result = subprocess.run([sys.executable, "-c", setup.source], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_in_colab_the_set_up_cell_runs_pip_install_of_the_package_only(tmp_path):
    _, setup = setup_cells("01.ipynb", EXAMPLE)
    # A stand-in for Colab: google.colab imported, and subprocess.run recording what it is asked to run.
    probe = (
        "import sys, types, subprocess\n"
        "sys.modules['google.colab'] = types.ModuleType('google.colab')\n"
        "subprocess.run = lambda command, check: print(command[1:])\n" + setup.source
    )
    printed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60).stdout
    assert printed.strip() == str(["-m", "pip", "install", "--quiet", EXAMPLE.requirement()])


def test_every_students_notebook_starts_with_the_cells_once():
    for path in notebook_paths(NOTEBOOKS):
        notebook = nbformat.read(path, as_version=4)
        name = path.relative_to(NOTEBOOKS).as_posix()
        assert [cell.source for cell in notebook.cells[:2]] == [cell.source for cell in setup_cells(name)], name
        assert notebook.cells[1].outputs == []
        again = with_setup(nbformat.read(path, as_version=4), name)
        assert len(again.cells) == len(notebook.cells)  # made again, not added twice
