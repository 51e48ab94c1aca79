"""`python -m companion test`, the test route without make, runs what `make test` runs: the linters, then pytest
with the same options; one definition, in companion/checks.py, which the Makefile calls too."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from companion import __main__ as commands
from companion import checks, environment

ROOT = Path(__file__).resolve().parents[2]


class Recorder:
    """Records each command the checks would run, and answers with a failure for those naming a word in
    ``failing``."""

    def __init__(self) -> None:
        self.commands: list[list[str]] = []
        self.failing: set[str] = set()

    def __call__(self, command: list[str]) -> int:
        self.commands.append([Path(part).name if Path(part).is_absolute() else part for part in command])
        return 1 if self.failing & set(command) else 0


@pytest.fixture
def ran(monkeypatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(checks, "run", recorder)
    monkeypatch.setattr(environment, "install_tests", lambda: environment.VENV / "bin" / "python")
    return recorder


def exit_status(arguments: list[str]) -> int:
    with pytest.raises(SystemExit) as stop:
        commands.main(arguments)
    return stop.value.code


def test_companion_test_runs_the_linters_then_the_suite_as_make_test_did(ran):
    assert exit_status(["test"]) == 0
    assert ran.commands == [
        ["python", "-m", "ruff", "check", "."],
        ["python", "-m", "ruff", "format", "--check", "."],
        ["lint-imports"],
        ["python", "-m", "pytest", "--numprocesses=2", "--dist=loadscope"],
    ]


def test_ctrl_c_during_the_tests_ends_with_one_line_not_a_traceback(ran, monkeypatch):
    def interrupted(command: list[str]) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(checks, "run", interrupted)
    assert exit_status(["test"]) == "Tests stopped."


def test_a_failing_linter_fails_the_run_before_the_suite(ran):
    ran.failing.add("format")
    assert exit_status(["test"]) == 1
    assert [command[-2:] for command in ran.commands] == [["check", "."], ["--check", "."]]


def test_pytests_arguments_and_workers_are_passed_on(ran):
    assert exit_status(["test", "--workers=1", "tests/kernels", "-k", "softmax"]) == 0
    assert ran.commands[-1] == [
        "python",
        "-m",
        "pytest",
        "--numprocesses=1",
        "--dist=loadscope",
        "tests/kernels",
        "-k",
        "softmax",
    ]


def test_make_lint_and_make_test_call_the_same_commands():
    makefile = (ROOT / "Makefile").read_text()
    recipes = dict(re.findall(r"^(lint|test): [^\n]*\n\t([^\n]+)", makefile, re.MULTILINE))
    assert recipes == {
        "lint": "$(BIN)/python -m companion lint",
        "test": "$(BIN)/python -m companion test --workers=$(PYTEST_WORKERS)",
    }


def test_companion_test_runs_for_real_and_reports_the_suites_result():
    # The linters over the whole project and a small part of the suite, with the Python that runs this.
    selected = "tests/companion/test_jupyter_settings.py"
    result = subprocess.run(
        [sys.executable, "-m", "companion", "test", "--workers=1", selected, "-p", "no:cacheprovider"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b\d+ passed\b", result.stdout) and "lint-imports" in result.stdout, result.stdout
