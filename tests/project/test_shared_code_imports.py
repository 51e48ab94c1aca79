"""The benchmarks and the browser harness stand on their own: neither imports a test module, and neither imports
another module's private (underscore) names, so that a test can change without breaking `make bench`."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = sorted((ROOT / "benchmarks").glob("*.py")) + sorted((ROOT / "harness").glob("*.py"))


def imports(path: Path) -> list[tuple[str, str]]:
    """Each (module, name) that ``path`` imports, name "" for a plain ``import module``; relative imports resolved
    against the file's package."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = ".".join([path.parent.name, module]).rstrip(".")
            found += [(module, alias.name) for alias in node.names]
    return found


def test_the_harness_and_benchmarks_exist():
    names = {path.relative_to(ROOT).as_posix() for path in SHARED}
    assert {"harness/lab.py", "harness/servers.py", "benchmarks/browser_latency.py"} <= names


@pytest.mark.parametrize("path", SHARED, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_imports_no_test_module_and_no_private_name(path):
    for module, name in imports(path):
        assert module.split(".")[0] != "tests", f"{path.name} imports {module}: move what it needs into harness/"
        assert not name.startswith("_"), f"{path.name} imports the private {module}.{name}"
        assert not any(part.startswith("_") for part in module.split(".") if part != "__future__"), (
            f"{path.name} imports the private module {module}"
        )
