"""What every benchmark prints: the machine, the library versions, and tables of ratios."""

from __future__ import annotations

import importlib
import os
import platform
import sys


def optional_module(name: str):
    """The module if it is installed, else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def machine_summary() -> str:
    versions = []
    for name in ("numpy", "sklearn", "matplotlib", "torch"):
        module = optional_module(name)
        versions.append(f"{name} {module.__version__ if module else 'not installed'}")
    return f"{os.cpu_count()} cores, {platform.machine()}, Python {sys.version.split()[0]}; " + ", ".join(versions)


def print_table(title: str, headers: list[str], rows: list[list[str]]) -> None:
    """A plain-text table under a title, columns padded to their widest cell."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    print(f"\n## {title}\n")
    for row in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"
