"""python -m companion: the student's commands, with Python alone (no make needed), from the clone's folder.

    python -m companion lab                  set up .venv with uv (the versions uv.lock pins) and open your copy
                                             of the notebooks in JupyterLab: what `make lab` does
    python -m companion test                 set up .venv with every dependency group, then run the linters and
                                             every test: what `make test` does
    python -m companion restore NOTEBOOK     replace your copy of NOTEBOOK with the original, keeping yours beside
                                             it: what `make restore NOTEBOOK=...` does
    python -m companion serve                open your copy in JupyterLab with the Python that runs this (the conda
                                             route, once its environment is active; `make lab` ends with it)
    python -m companion settings             write the JupyterLab settings and nbgrader's switches into the
                                             environment of the Python that runs this (the conda route, once)

lab and serve print the link to open and keep the server's log in .lab.log (--verbose shows it instead), and pass
every option they do not know on to `jupyter lab` (e.g. --no-browser). test passes its arguments on to pytest.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from companion import checks, copies
from companion.jupyter_settings import write_settings

DEFAULT_PORT = 8888


def restore_command() -> str:
    """How the student restores a notebook, in the route they came by (make sets MAKELEVEL for what it runs)."""
    return "make restore NOTEBOOK={name}" if "MAKELEVEL" in os.environ else "python -m companion restore {name}"


def run_in_place(command: list[str]) -> None:
    """Run ``command`` in place of this process, so that Ctrl-C and a stop signal reach it directly. Windows has no
    such exec (its os.execv starts a new process and returns the console to the shell at once): wait for it there."""
    if os.name == "nt":
        try:
            sys.exit(subprocess.call(command))
        except KeyboardInterrupt:
            sys.exit(130)
    os.execv(command[0], command)


def jupyter_lab_command(port: int, options: list[str]) -> list[str]:
    # `-m jupyterlab`, not `-m jupyter lab`: on Windows the latter starts the server as a second process, whose
    # runtime file (named by its process id) the quiet start could not find.
    command = [
        sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={copies.COPIES}",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
    ]  # fmt: skip
    # jupyter refuses to start as root (containers, CI machines) unless told to.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return [*command, *options]


def serve(port: int, options: list[str], verbose: bool = False) -> None:
    """Bring the student's copy up to date, say what changed, and run JupyterLab on it: quietly (the link and how to
    stop), or with the server's log if ``verbose``."""
    if importlib.util.find_spec("jupyterlab") is None:
        sys.exit(
            f"JupyterLab is not installed for {sys.executable}. Run `python -m companion lab` (it sets up .venv), "
            "or activate the conda environment first (conda activate backprop-companion)."
        )
    report = copies.sync()
    for line in copies.describe(report, copies.COPIES, restore_command()):
        print(line, flush=True)
    from companion.server import run_quietly
    from companion.trust import sign_copies

    sign_copies(copies.COPIES)
    command = jupyter_lab_command(port, options)
    if verbose:
        run_in_place(command)
    sys.exit(run_quietly(command, copies.COPIES))


# pyproject.toml's requires-python. macOS's own python3 (from the command line developer tools) is 3.9.
OLDEST_PYTHON = (3, 10)


def main(arguments: list[str] | None = None) -> None:
    if sys.version_info < OLDEST_PYTHON:
        sys.exit(
            f"This course needs Python {'.'.join(map(str, OLDEST_PYTHON))} or newer; {sys.executable} is Python "
            f"{sys.version.split()[0]}. Install a newer one from https://www.python.org/downloads/ and run this again."
        )
    parser = argparse.ArgumentParser(
        prog="python -m companion", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", required=True)
    for name, what in (
        ("lab", "set up .venv with uv and open your copy of the notebooks in JupyterLab"),
        ("serve", "open your copy of the notebooks in JupyterLab with this Python"),
    ):
        command = commands.add_parser(name, help=what, description=what, allow_abbrev=False)
        command.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
        command.add_argument("--verbose", action="store_true", help="show the server's log here, as it comes")
    test = commands.add_parser(
        "test", help="set up .venv with every dependency group, run the linters and every test (what `make test` does)"
    )
    test.add_argument("--workers", type=int, default=checks.WORKERS, help=f"pytest's workers, default {checks.WORKERS}")
    commands.add_parser("lint", help="run the linters with .venv's tools (what `make lint` runs once set up)")
    commands.add_parser("settings", help="write the JupyterLab settings into this Python's environment")
    restore = commands.add_parser("restore", help="replace your copy of a notebook with the original, keeping yours")
    restore.add_argument("notebook", help="e.g. 01_grad_wrt_yhat.ipynb")
    args, options = parser.parse_known_args(arguments)
    if options and args.command not in ("lab", "serve", "test"):
        parser.error(f"unrecognized arguments: {' '.join(options)}")

    if args.command == "lab":
        from companion.environment import install_lab

        venv_python = install_lab()
        os.chdir(copies.ROOT)  # where `-m companion` is found
        verbose = ["--verbose"] if args.verbose else []
        run_in_place([str(venv_python), "-m", "companion", "serve", f"--port={args.port}", *verbose, *options])
    elif args.command == "serve":
        serve(args.port, options, args.verbose)
    elif args.command == "test":
        from companion.environment import VENV, install_tests

        install_tests()
        try:
            sys.exit(checks.lint(VENV) or checks.pytest(VENV, args.workers, options))
        except KeyboardInterrupt:  # pytest has stopped and said so; a traceback here would only alarm
            sys.exit("Tests stopped.")
    elif args.command == "lint":
        from companion.environment import VENV

        sys.exit(checks.lint(VENV))
    elif args.command == "settings":
        for path in write_settings(Path(sys.prefix)):
            print(f"wrote {path}")
    elif args.command == "restore":
        try:
            backup = copies.restore(args.notebook)
        except ValueError as error:
            sys.exit(str(error))
        name = copies.notebook_name(args.notebook)
        kept = f"; yours is kept as {backup.relative_to(copies.ROOT)}" if backup else ""
        print(f"{copies.COPIES.name}/{name} is the original again{kept}")


if __name__ == "__main__":
    main()
