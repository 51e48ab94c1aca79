"""The student's own copy of the notebooks: a git-ignored folder that JupyterLab opens, apart from the originals.

``notebooks/`` holds the originals, tracked by git and tested by `make test`; a student's answers and runs are
saved into ``my-notebooks/`` instead, so the clone stays clean and every `git pull` merges. Each time the lab
starts, ``sync`` brings the copy up to date without losing anything:

- an original with no copy yet (the first start, or a notebook new upstream) is copied;
- a copy the student never changed, whose original has changed since, is replaced by the new original;
- a copy the student changed, whose original has changed since, is left as it is and reported: ``restore``
  replaces it with the original and keeps the student's version beside it.

The optional notebooks, in ``notebooks/further/``, are copied the same way into ``my-notebooks/further/``; a
notebook is named by its path below ``notebooks/`` (``further/<name>.ipynb``). Which original each copy was made
from is kept in ``my-notebooks/.originals.json`` (its SHA-256): a hidden file, which JupyterLab does not list. The
standard library only: this runs before any environment is installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORIGINALS = ROOT / "notebooks"
COPIES = ROOT / "my-notebooks"
MANIFEST = ".originals.json"
# The folder of the optional notebooks, beside the core ones (the instructor's tools use the same name).
FURTHER = "further"


@dataclass
class SyncReport:
    """What ``sync`` did, notebook names in each list."""

    copied: list[str] = field(default_factory=list)  # no copy before: copied from the original
    updated: list[str] = field(default_factory=list)  # unchanged by the student, replaced by a newer original
    newer_original: list[str] = field(default_factory=list)  # changed by the student; the original changed too
    without_original: list[str] = field(default_factory=list)  # recorded copies whose original is gone upstream


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(copies: Path) -> dict[str, str]:
    """Each copy's name and the SHA-256 of the original it was made from (empty before the first sync)."""
    path = copies / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write_manifest(copies: Path, manifest: dict[str, str]) -> None:
    # Written beside and renamed over the old one, so that an interrupted write never leaves half a file.
    path = copies / MANIFEST
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, path)


def original_names(originals: Path) -> list[str]:
    """The originals' paths below ``originals``, with ``/``: the core notebooks in order, then the optional ones."""
    core = sorted(path.name for path in originals.glob("*.ipynb"))
    return core + sorted(f"{FURTHER}/{path.name}" for path in (originals / FURTHER).glob("*.ipynb"))


def copy_original(original: Path, copy: Path) -> None:
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(original, copy)


def sync(originals: Path = ORIGINALS, copies: Path = COPIES) -> SyncReport:
    """Bring the student's copies in ``copies`` up to date with ``originals``, never overwriting a copy the student
    changed (see the module's docstring)."""
    copies.mkdir(exist_ok=True)
    manifest = read_manifest(copies)
    report = SyncReport()
    names = original_names(originals)
    for name in names:
        original, copy = originals / name, copies / name
        original_hash = sha256(original)
        if not copy.exists():
            copy_original(original, copy)
            manifest[name] = original_hash
            report.copied.append(name)
        elif manifest.get(name) == original_hash:
            continue  # the original has not changed since the copy was made: nothing to do, whatever the student did
        elif name in manifest and sha256(copy) == manifest[name]:
            copy_original(original, copy)
            manifest[name] = original_hash
            report.updated.append(name)
        elif sha256(copy) == original_hash:
            manifest[name] = original_hash  # a copy not recorded (or recorded elsewhere) that is the original
        else:
            report.newer_original.append(name)
    report.without_original = sorted(set(manifest) - set(names))
    write_manifest(copies, manifest)
    return report


def backup_path(copy: Path, now: datetime) -> Path:
    """A name beside ``copy`` for the student's version, that no earlier backup has: ``<name>.mine-<time>.ipynb``."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = copy.with_name(f"{copy.stem}.mine-{stamp}{copy.suffix}")
    number = 2
    while candidate.exists():
        candidate = copy.with_name(f"{copy.stem}.mine-{stamp}-{number}{copy.suffix}")
        number += 1
    return candidate


def notebook_name(argument: str, originals: Path = ORIGINALS) -> str:
    """The original's name (its path below ``originals``) that ``argument`` names: ``01_grad_wrt_yhat.ipynb``,
    ``01_grad_wrt_yhat``, ``further/<name>.ipynb``, an optional notebook's file name alone, or a path to either copy.
    A ValueError lists the notebooks if it names none."""
    path = Path(argument)
    path = path if path.suffix == ".ipynb" else path.with_name(f"{path.name}.ipynb")
    names = original_names(originals)
    in_further = path.parent.name == FURTHER
    matches = [name for name in names if name == (f"{FURTHER}/{path.name}" if in_further else path.name)]
    if not matches and not in_further:  # an optional notebook named by its file name alone
        matches = [name for name in names if name == f"{FURTHER}/{path.name}"]
    if not matches:
        raise ValueError(f"notebook must be one of {', '.join(names)}; got {argument!r}")
    return matches[0]


def restore(name: str, originals: Path = ORIGINALS, copies: Path = COPIES, now: datetime | None = None) -> Path | None:
    """Replace the copy of notebook ``name`` with its original; return where the student's version was kept (None
    if there was nothing to keep: no copy, or one that is the original already)."""
    name = notebook_name(name, originals)
    copies.mkdir(exist_ok=True)
    copy = copies / name
    backup = None
    if copy.exists() and sha256(copy) != sha256(originals / name):
        backup = backup_path(copy, now or datetime.now())
        os.replace(copy, backup)
    copy_original(originals / name, copy)
    manifest = read_manifest(copies)
    manifest[name] = sha256(originals / name)
    write_manifest(copies, manifest)
    return backup


def describe(report: SyncReport, copies: Path, restore_command: str) -> list[str]:
    """The lines that tell the student what ``sync`` did; ``restore_command`` is the command to restore a notebook,
    with ``{name}`` where its name goes."""
    where = copies.name
    lines = []
    if report.copied:
        lines.append(f"Copied into {where}/ (your copy, which JupyterLab opens): {', '.join(report.copied)}")
    if report.updated:
        lines.append(f"Updated to the newer original (you had not changed them): {', '.join(report.updated)}")
    for name in report.newer_original:
        lines.append(
            f"{name}: the original in notebooks/ has changed since your copy was made; your copy is kept as it is. "
            f"To take the new original, keeping yours beside it: {restore_command.format(name=name)}"
        )
    if report.without_original:
        lines.append(f"No longer among the originals (your copies are kept): {', '.join(report.without_original)}")
    return lines
