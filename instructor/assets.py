"""The scripts and fonts the slides and the reading copy load, copied beside them so that they open offline.

MathJax 2.7 comes from the jupyter-server-mathjax package (the instructor dependency group). reveal.js, require.js
and jQuery come from the npm registry (``npm pack``, once: they are kept in build/vendor/)."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
# The optional "going further" notebooks: a folder of this name beside the core notebooks, in instructor/notebooks/
# (their source) and in notebooks/ (the students' copies).
FURTHER = "further"
BUILD = ROOT / "build"
TEMPLATES = Path(__file__).resolve().parent / "templates"
VENDOR = BUILD / "vendor"
NPM_PACKAGES = {
    "reveal.js": "4.0.2",  # the version nbconvert's slides template is written for (its default CDN prefix names it)
    "requirejs": "2.3.7",
    "jquery": "3.7.1",
    "axe-core": "4.14.1",  # not loaded by any page: the accessibility test injects it to audit them
}
# The code's colours in the slides and the reading copy: a style from accessible-pygments (the instructor group) whose
# every colour has a contrast of 7:1 or more on its background, so that it still reads on a projector that washes the
# colours out. nbconvert's default draws comments, numbers and operators at 4.2-4.4:1 on the code's grey, under AA's
# 4.5:1.
CODE_STYLE = "a11y-high-contrast-light"


def copy_mathjax(folder: Path) -> str:
    """Copy MathJax into ``folder``/mathjax; return the URL, relative to ``folder``, that loads it."""
    import jupyter_server_mathjax

    shutil.copytree(Path(jupyter_server_mathjax.__file__).parent / "static", folder / "mathjax", dirs_exist_ok=True)
    return "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"


def npm_package(name: str) -> Path:
    """The unpacked npm package ``name`` at the version pinned in NPM_PACKAGES, fetched with ``npm pack`` once."""
    folder = VENDOR / f"{name}-{NPM_PACKAGES[name]}"
    if not folder.is_dir():
        with tempfile.TemporaryDirectory() as download:
            subprocess.run(
                ["npm", "pack", "--silent", f"{name}@{NPM_PACKAGES[name]}", "--pack-destination", download],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            (tarball,) = Path(download).glob("*.tgz")
            with tarfile.open(tarball) as archive:
                extract_safely(archive, Path(download))
            shutil.copytree(Path(download) / "package", folder)
    return folder


def extract_safely(archive: tarfile.TarFile, into: Path) -> None:
    """Extract ``archive`` into ``into``, refusing any entry that is not a plain file or folder inside it.

    Python 3.10.12+ and 3.11.4+ do this with ``filter="data"``; older patch releases (Debian 12's Python 3.11.2)
    do not know the argument, so there the entries are checked here first.
    """
    if hasattr(tarfile, "data_filter"):
        archive.extractall(into, filter="data")
        return
    root = into.resolve()
    for member in archive.getmembers():
        if not (member.isfile() or member.isdir()) or not (root / member.name).resolve().is_relative_to(root):
            raise ValueError(f"{archive.name} holds {member.name!r}, which is not a file or folder inside it")
    archive.extractall(into)


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks in ``folder``: the core ones in order, then the optional ones in its further/ folder."""
    return sorted(folder.glob("*.ipynb")) + sorted((folder / FURTHER).glob("*.ipynb"))


def is_optional(path: Path) -> bool:
    """Whether the notebook at ``path`` is one of the optional ones (it lives in a further/ folder)."""
    return path.parent.name == FURTHER


def export_pages(exporter, notebooks: list[Path], out: Path, suffix: str) -> list[tuple[Path, object]]:
    """Export each notebook with ``exporter`` into folder ``out`` as ``<stem><suffix>``; return the pages with the
    notebooks they were made from.

    The pages of the core and the optional notebooks share one folder, so that the scripts and fonts beside them are
    found at the same relative address from every page and a link between two notebooks is the other page's name
    (instructor/links.py): two notebooks with one name would overwrite each other's page, and are refused.
    """
    names = [path.stem for path in notebooks]
    clashes = sorted({name for name in names if names.count(name) > 1})
    if clashes:
        raise ValueError(f"notebooks must have different names to share one folder of pages; these repeat: {clashes}")
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": notebook_title(notebook)}})
        page = out / f"{path.stem}{suffix}"
        page.write_text(body, encoding="utf-8")
        pages.append((page, notebook))
    return pages


def notebook_title(notebook) -> str:
    """The text of the notebook's first heading."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("#"):
            return cell.source.lstrip().splitlines()[0].lstrip("#").strip()
    return "Untitled"
