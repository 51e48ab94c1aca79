"""environment.yml (the conda route) and pyproject.toml (the uv route) list the same packages."""

import re
import sys
from pathlib import Path

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
NOT_PACKAGES = {"python", "pip"}


def requirement_name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0].lower()


def pyproject_requirements() -> dict[str, str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = list(pyproject["project"]["dependencies"])
    for group in pyproject["dependency-groups"].values():
        # A group can include another ({include-group = "lab"}); the included group's packages are counted under it.
        listed += [entry for entry in group if isinstance(entry, str)]
    # Back-ports needed only on older Pythons have no place in a conda file that pins python>=3.10.
    return {requirement_name(r): r.split(";")[0].replace(" ", "") for r in listed if "python_version" not in r}


def conda_requirements() -> tuple[dict[str, str], list[str]]:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda, pip = {}, []
    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            pip += entry["pip"]
        elif requirement_name(entry) not in NOT_PACKAGES:
            conda[requirement_name(entry)] = entry.replace(" ", "")
    return conda, pip


def test_both_files_list_the_same_packages_with_the_same_bounds():
    conda, _ = conda_requirements()
    assert conda == pyproject_requirements()


def test_environment_installs_the_project_itself():
    _, pip = conda_requirements()
    assert "-e ." in pip
