"""`make lab` installs the package and the lab group only, so whatever the helpers package and the notebooks import
must come from the package's own dependencies, never from the test group alone."""

import ast
import json
import re
import sys
from importlib.metadata import packages_distributions
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
    distributions = packages_distributions()
    missing = {}
    for module in sorted(imported_modules()):
        names = {normalized(name) for name in distributions.get(module, [module])}
        if not names & declared:
            missing[module] = sorted(names)
    assert not missing, (
        f"imported but not in pyproject.toml's [project] dependencies (module: distributions): {missing}"
    )
