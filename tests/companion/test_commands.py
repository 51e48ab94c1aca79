"""What `python -m companion` says before it does anything: a Python too old for the course is named, with where to
get a newer one (macOS's own python3 is 3.9)."""

import sys

import pytest

from companion.__main__ import main


@pytest.mark.parametrize("command", [["lab"], ["test"]])
def test_a_python_older_than_3_10_is_refused_with_what_to_do(monkeypatch, command):
    monkeypatch.setattr(sys, "version_info", (3, 9, 6, "final", 0))
    with pytest.raises(SystemExit) as stop:
        main(command)
    assert "needs Python 3.10 or newer" in str(stop.value.code) and "python.org/downloads" in str(stop.value.code)
