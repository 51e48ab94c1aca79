"""The student's copy: made once, brought up to date without losing an edit, restored with a backup, and kept out of
git, so that a `git pull` after the student's work merges."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from companion import copies
from companion.copies import describe, notebook_name, restore, sync

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["01_first.ipynb", "02_second.ipynb"]
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Course",
    "GIT_AUTHOR_EMAIL": "course@example.org",
    "GIT_COMMITTER_NAME": "Course",
    "GIT_COMMITTER_EMAIL": "course@example.org",
}


def notebook_text(marker: str) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": [marker]}], "nbformat": 4})


@pytest.fixture
def folders(tmp_path) -> tuple[Path, Path]:
    originals, student = tmp_path / "notebooks", tmp_path / "my-notebooks"
    originals.mkdir()
    for name in NAMES:
        (originals / name).write_text(notebook_text(f"original {name}"))
    return originals, student


def test_the_first_sync_copies_every_original(folders):
    originals, student = folders
    report = sync(originals, student)
    assert report.copied == NAMES and report.updated == report.newer_original == []
    for name in NAMES:
        assert (student / name).read_bytes() == (originals / name).read_bytes()


def test_a_later_sync_leaves_the_students_edits_alone(folders):
    originals, student = folders
    sync(originals, student)
    (student / NAMES[0]).write_text(notebook_text("my answer"))
    report = sync(originals, student)
    assert report.copied == report.updated == report.newer_original == []
    assert (student / NAMES[0]).read_text() == notebook_text("my answer")


def test_a_notebook_new_upstream_appears_and_the_others_stay_as_they_are(folders):
    originals, student = folders
    sync(originals, student)
    (student / NAMES[0]).write_text(notebook_text("my answer"))
    (originals / "03_third.ipynb").write_text(notebook_text("new"))
    report = sync(originals, student)
    assert report.copied == ["03_third.ipynb"]
    assert (student / "03_third.ipynb").read_text() == notebook_text("new")
    assert (student / NAMES[0]).read_text() == notebook_text("my answer")


def test_an_unchanged_copy_follows_its_original(folders):
    originals, student = folders
    sync(originals, student)
    (originals / NAMES[1]).write_text(notebook_text("fixed upstream"))
    report = sync(originals, student)
    assert report.updated == [NAMES[1]] and report.newer_original == []
    assert (student / NAMES[1]).read_text() == notebook_text("fixed upstream")


def test_an_edited_copy_whose_original_changed_is_kept_and_reported_until_restored(folders):
    originals, student = folders
    sync(originals, student)
    (student / NAMES[0]).write_text(notebook_text("my answer"))
    (originals / NAMES[0]).write_text(notebook_text("fixed upstream"))
    for _ in range(2):  # every start says so, not only the first after the change
        report = sync(originals, student)
        assert report.newer_original == [NAMES[0]] and report.updated == []
        assert (student / NAMES[0]).read_text() == notebook_text("my answer")
    lines = describe(report, student, "make restore NOTEBOOK={name}")
    assert any(NAMES[0] in line and f"make restore NOTEBOOK={NAMES[0]}" in line for line in lines), lines

    backup = restore(NAMES[0], originals, student, now=datetime(2026, 12, 2, 14, 30, 5))
    assert backup == student / "01_first.mine-20261202-143005.ipynb"
    assert backup.read_text() == notebook_text("my answer")
    assert (student / NAMES[0]).read_text() == notebook_text("fixed upstream")
    report = sync(originals, student)
    assert report.newer_original == [] and report.copied == [], "the backup must not be taken for a notebook"


def test_restoring_twice_in_one_second_keeps_both_versions(folders):
    originals, student = folders
    sync(originals, student)
    now = datetime(2026, 12, 2, 14, 30, 5)
    kept = []
    for answer in ("first try", "second try"):
        (student / NAMES[0]).write_text(notebook_text(answer))
        kept.append(restore(NAMES[0], originals, student, now=now))
    assert len(set(kept)) == 2
    assert [path.read_text() for path in kept] == [notebook_text("first try"), notebook_text("second try")]


def test_restore_without_a_copy_makes_one_and_keeps_nothing(folders):
    originals, student = folders
    assert restore(NAMES[1], originals, student) is None
    assert (student / NAMES[1]).read_bytes() == (originals / NAMES[1]).read_bytes()


def test_restoring_a_copy_that_is_the_original_keeps_no_backup(folders):
    originals, student = folders
    sync(originals, student)
    assert restore(NAMES[1], originals, student) is None
    assert sorted(path.name for path in student.glob("*.ipynb")) == NAMES


def test_a_notebook_is_named_with_or_without_its_suffix_or_by_its_path(folders):
    originals, _ = folders
    for argument in ("01_first", "01_first.ipynb", "my-notebooks/01_first.ipynb"):
        assert notebook_name(argument, originals) == "01_first.ipynb"
    with pytest.raises(ValueError, match=r"notebook must be one of 01_first.ipynb, 02_second.ipynb; got '1'"):
        notebook_name("1", originals)


def test_a_copy_whose_original_is_gone_is_kept_and_reported(folders):
    originals, student = folders
    sync(originals, student)
    (originals / NAMES[1]).unlink()
    report = sync(originals, student)
    assert report.without_original == [NAMES[1]]
    assert (student / NAMES[1]).exists()


def test_a_deleted_copy_is_made_again(folders):
    originals, student = folders
    sync(originals, student)
    (student / NAMES[0]).unlink()
    assert sync(originals, student).copied == [NAMES[0]]


def git(folder: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *arguments], cwd=folder, capture_output=True, text=True, env={**os.environ, **GIT_IDENTITY}
    )


def test_after_the_students_work_git_pull_merges_and_the_edit_survives(tmp_path):
    upstream = tmp_path / "upstream"
    (upstream / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / ".gitignore", upstream / ".gitignore")  # the project's own ignore rules
    for name in NAMES:
        (upstream / "notebooks" / name).write_text(notebook_text(f"original {name}"))
    git(upstream, "init", "--quiet", "--initial-branch=main")
    git(upstream, "add", "-A")
    assert git(upstream, "commit", "--quiet", "-m", "course").returncode == 0
    clone = tmp_path / "clone"
    assert git(tmp_path, "clone", "--quiet", str(upstream), str(clone)).returncode == 0

    # A student's evening: the copy is made, a notebook is answered and saved, a checkpoint written.
    student = clone / copies.COPIES.name
    sync(clone / "notebooks", student)
    (student / NAMES[0]).write_text(notebook_text("my answer"))
    (student / ".ipynb_checkpoints").mkdir()
    (student / ".ipynb_checkpoints" / "01_first-checkpoint.ipynb").write_text(notebook_text("my answer"))
    assert git(clone, "status", "--porcelain", "--untracked-files=all").stdout == ""

    # Upstream fixes that very notebook and adds one.
    (upstream / "notebooks" / NAMES[0]).write_text(notebook_text("fixed upstream"))
    (upstream / "notebooks" / "03_third.ipynb").write_text(notebook_text("new"))
    git(upstream, "add", "-A")
    git(upstream, "commit", "--quiet", "-m", "fix notebook 1, add notebook 3")

    pulled = git(clone, "pull", "--quiet", "--ff-only")
    assert pulled.returncode == 0, pulled.stderr
    assert (clone / "notebooks" / NAMES[0]).read_text() == notebook_text("fixed upstream")
    assert (student / NAMES[0]).read_text() == notebook_text("my answer")
    report = sync(clone / "notebooks", student)
    assert report.copied == ["03_third.ipynb"] and report.newer_original == [NAMES[0]]
    assert git(clone, "status", "--porcelain", "--untracked-files=all").stdout == ""


@pytest.fixture
def with_further(folders) -> tuple[Path, Path]:
    """The core notebooks and one optional notebook in notebooks/further/."""
    originals, student = folders
    (originals / "further").mkdir()
    (originals / "further" / "05_more.ipynb").write_text(notebook_text("optional"))
    return originals, student


def test_the_optional_notebooks_are_copied_into_their_own_folder_after_the_core_ones(with_further):
    originals, student = with_further
    assert sync(originals, student).copied == [*NAMES, "further/05_more.ipynb"]
    assert (student / "further" / "05_more.ipynb").read_bytes() == (
        originals / "further" / "05_more.ipynb"
    ).read_bytes()


def test_an_optional_notebook_is_updated_and_kept_like_a_core_one(with_further):
    originals, student = with_further
    sync(originals, student)
    (originals / "further" / "05_more.ipynb").write_text(notebook_text("optional, fixed"))
    assert sync(originals, student).updated == ["further/05_more.ipynb"]
    (student / "further" / "05_more.ipynb").write_text(notebook_text("my notes"))
    (originals / "further" / "05_more.ipynb").write_text(notebook_text("optional, fixed again"))
    assert sync(originals, student).newer_original == ["further/05_more.ipynb"]
    backup = restore("05_more", originals, student)
    assert backup.parent == student / "further" and backup.read_text() == notebook_text("my notes")
    assert (student / "further" / "05_more.ipynb").read_text() == notebook_text("optional, fixed again")


def test_an_optional_notebook_is_named_by_its_path_or_its_file_name(with_further):
    originals, _ = with_further
    for argument in ("further/05_more.ipynb", "05_more", "my-notebooks/further/05_more.ipynb", "05_more.ipynb"):
        assert notebook_name(argument, originals) == "further/05_more.ipynb"
    with pytest.raises(
        ValueError, match=r"01_first.ipynb, 02_second.ipynb, further/05_more.ipynb; got 'further/01_first'"
    ):
        notebook_name("further/01_first", originals)


def test_the_students_copy_of_this_repository_has_every_notebook():
    expected = {path.relative_to(ROOT / "notebooks").as_posix() for path in (ROOT / "notebooks").rglob("*.ipynb")}
    assert set(copies.original_names(ROOT / "notebooks")) == expected
