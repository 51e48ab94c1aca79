"""The npm packages behind the slides are unpacked safely on every Python the project supports, including patch
releases that predate tarfile's ``filter="data"`` (Debian 12's Python 3.11.2)."""

from __future__ import annotations

import io
import tarfile
import warnings
from pathlib import Path

import pytest

from instructor.assets import extract_safely


def make_archive(folder: Path, names: list[str]) -> Path:
    path = folder / "package.tgz"
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            content = f"contents of {name}".encode()
            member = tarfile.TarInfo(name)
            member.size = len(content)
            archive.addfile(member, io.BytesIO(content))
    return path


@pytest.fixture(params=["with tarfile's data filter", "without it, as on Python 3.11.2"])
def tarfile_module(request, monkeypatch):
    if request.param.startswith("without"):
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    with warnings.catch_warnings():
        # Python 3.12+ warns when extractall is called without a filter: the very case the second run imitates.
        warnings.simplefilter("ignore", DeprecationWarning)
        yield request.param


def test_a_package_is_unpacked_file_for_file(tarfile_module, tmp_path):
    archive_path = make_archive(tmp_path, ["package/reveal.js", "package/dist/reveal.css"])
    into = tmp_path / "out"
    into.mkdir()
    with tarfile.open(archive_path) as archive:
        extract_safely(archive, into)
    assert (into / "package" / "reveal.js").read_text() == "contents of package/reveal.js"
    assert (into / "package" / "dist" / "reveal.css").read_text() == "contents of package/dist/reveal.css"


def test_an_entry_that_would_land_outside_the_folder_is_refused(tarfile_module, tmp_path):
    archive_path = make_archive(tmp_path, ["package/reveal.js", "../escaped.js"])
    into = tmp_path / "out"
    into.mkdir()
    with tarfile.open(archive_path) as archive, pytest.raises((ValueError, tarfile.TarError), match="escaped.js"):
        extract_safely(archive, into)
    assert not (tmp_path / "escaped.js").exists()
