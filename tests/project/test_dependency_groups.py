"""`make lab` installs the package and the lab group only, so whatever the helpers package and the notebooks import
must come from the package's own dependencies, never from the test group alone."""

import ast
import json
import re
import sys
from collections import defaultdict
from importlib.metadata import distributions
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    return normalized(re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0])


def providers() -> dict[str, set[str]]:
    """Each top-level module of the installed distributions, and the distributions that provide it.

    Read from each distribution's RECORD (and top_level.txt where there is one): Python 3.10's
    importlib.metadata.packages_distributions() reads only top_level.txt, which some wheels (scikit-learn's) lack.
    """
    modules = defaultdict(set)
    for distribution in distributions():
        listed = (distribution.read_text("RECORD") or "").splitlines()
        tops = {line.split(",", 1)[0].split("/", 1)[0] for line in listed}
        tops |= set((distribution.read_text("top_level.txt") or "").split())
        for top in tops:
            module = top.removesuffix(".py")
            if module.isidentifier():
                modules[module].add(normalized(distribution.metadata["Name"]))
    return modules


def top_level_imports(source: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def notebook_code(path: Path) -> str:
    """The code cells of a notebook, without IPython's magics and shell lines."""
    cells = ["".join(cell["source"]) for cell in json.loads(path.read_text())["cells"] if cell["cell_type"] == "code"]
    lines = "\n".join(cells).splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))


def imported_modules() -> set[str]:
    modules = set()
    for path in (ROOT / "helpers").rglob("*.py"):
        modules |= top_level_imports(path.read_text())
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        modules |= top_level_imports(notebook_code(path))
    return {module for module in modules if module not in sys.stdlib_module_names and module != "helpers"}


def test_what_helpers_and_the_notebooks_import_is_a_dependency_of_the_package():
    declared = {
        requirement_name(r) for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    provided_by = providers()
    missing = {}
    for module in sorted(imported_modules()):
        names = provided_by.get(module, {normalized(module)})
        if not names & declared:
            missing[module] = sorted(names)
    assert not missing, (
        f"imported but not in pyproject.toml's [project] dependencies (module: distributions): {missing}"
    )
