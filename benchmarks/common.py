"""What every benchmark prints: the machine, the library versions, and tables of ratios; and the results file that
keeps what a full run printed (benchmarks/results/), which CONTRIBUTING.md links to instead of copying figures."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import platform
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def optional_module(name: str):
    """The module if it is installed, else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def cpu_model() -> str:
    """The processor's name as the system reports it ("" where it does not)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def machine_summary() -> str:
    versions = []
    for name in ("numpy", "sklearn", "matplotlib", "torch"):
        module = optional_module(name)
        versions.append(f"{name} {module.__version__ if module else 'not installed'}")
    cpu = f" ({cpu_model()})" if cpu_model() else ""
    return f"{os.cpu_count()} cores{cpu}, {platform.machine()}, Python {sys.version.split()[0]}; " + ", ".join(versions)


def print_table(title: str, headers: list[str], rows: list[list[str]]) -> None:
    """A Markdown table under a title, columns padded to their widest cell (readable as text, rendered as a table)."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    print(f"\n## {title}\n")
    for row in [headers, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) + " |")
    print()


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def run_context() -> str:
    """When and from what a run was made, and how busy the machine was (other work changes every timing)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        commit += " with uncommitted changes" if dirty.strip() else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    load = f"; load average (1 min) {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"{when}, commit {commit}, {platform.system()} {platform.release()}{load}"


class Tee(io.TextIOBase):
    """A text stream that writes to two others."""

    def __init__(self, first, second) -> None:
        self.first, self.second = first, second

    def write(self, text: str) -> int:
        self.first.write(text)
        self.second.write(text)
        return len(text)

    def flush(self) -> None:
        self.first.flush()


@contextlib.contextmanager
def results_file(path: Path | None) -> Iterator[None]:
    """Print as usual and, when ``path`` is given, write all that was printed to it once the run has finished, with
    the load at the end. A run that fails leaves the earlier file as it was."""
    if path is None:
        yield
        return
    printed = io.StringIO()
    with contextlib.redirect_stdout(Tee(sys.stdout, printed)):
        yield
    if hasattr(os, "getloadavg"):
        printed.write(f"\nLoad average (1 min) at the end: {os.getloadavg()[0]:.1f}.\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(printed.getvalue(), encoding="utf-8")
    print(f"\n(written to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path})")
