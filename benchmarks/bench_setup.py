"""How long a newcomer waits for the set-up: `make bench-setup`, or `python -m benchmarks.bench_setup`.

Each route runs in its own fresh clone of this repository's committed HEAD, with uv's, pip's and matplotlib's caches
pointed at new empty folders, so every package is downloaded as on a first clone:

- `make lab`, timed until JupyterLab answers on its port (goal: under 20 s), and the part of it spent on the set-up;
- `make test` in all (goal: under 150 s): its set-up (`make install`: the package and every dependency group), the
  linters and every test (the browser tests are skipped where Chromium is missing);
- for comparison, in the same run, the old pip route with the same groups: the old Makefile's steps
  (`python -m venv`, pip upgraded, `pip install -e . --group ...`, matplotlib's font cache).

The wall-clock seconds depend on the network to the package index and on other work on the machine as much as on
the set-up, so compare the routes within one run. Beside them are the CPU seconds of every process a route ran, as
user + system: the user part is the set-up's own computing and changes little with the load; the system part is
mostly the kernel writing the environment's files, and on a virtual machine's disk it varies from run to run.
Needs only Python, git and make; it is not part of `make test`. What it printed is kept in
benchmarks/results/bench-setup.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import RESULTS, print_table, results_file, run_context, verdict
from harness.servers import free_port, isolated_environment

ROOT = Path(__file__).resolve().parent.parent
LAB_GOAL_SECONDS = 20.0
TEST_GOAL_SECONDS = 150.0
TIMEOUT_SECONDS = 900
# The files the Makefile writes last before it starts JupyterLab: their time marks the end of the set-up.
LAB_SET_UP_FILES = (".venv/.lab-set", ".venv/share/jupyter/lab/settings/overrides.json")


def uv_version() -> str:
    match = re.search(r"^UV_VERSION := (\S+)", (ROOT / "Makefile").read_text(), re.MULTILINE)
    return match.group(1) if match else "unknown"


@dataclass
class Cpu:
    """CPU seconds: user and system."""

    user: float = 0.0
    system: float = 0.0

    def __add__(self, other: Cpu) -> Cpu:
        return Cpu(self.user + other.user, self.system + other.system)

    def __sub__(self, other: Cpu) -> Cpu:
        return Cpu(self.user - other.user, self.system - other.system)

    def __str__(self) -> str:
        return f"{self.user:.1f} + {self.system:.1f}"


def children_cpu() -> Cpu:
    """The CPU time of this process's children that have ended and been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Cpu(usage.ru_utime, usage.ru_stime)


def group_cpu(leader: int) -> tuple[Cpu, Cpu]:
    """CPU time so far in the process group that ``leader`` leads, from /proc: the leader's with that of its
    ended children, and that of the group's other (running) processes."""
    tick = os.sysconf("SC_CLK_TCK")
    leader_cpu, others = Cpu(), Cpu()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        if int(fields[2]) != leader:  # the process group
            continue
        utime, stime, cutime, cstime = (int(value) / tick for value in fields[11:15])
        if int(stat.parent.name) == leader:
            leader_cpu += Cpu(utime + cutime, stime + cstime)
        else:
            others += Cpu(utime + cutime, stime + cstime)
    return leader_cpu, others


def output(command: list[str]) -> str:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


class Workspace:
    """A fresh clone and fresh empty caches under one temporary folder; every command's output goes to a log."""

    def __init__(self, parent: Path, name: str) -> None:
        self.folder = parent / name
        self.clone = self.folder / "clone"
        self.log = self.folder / "log.txt"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(self.clone)], check=True)
        caches = self.folder / "caches"
        # This user's Jupyter files are kept out; so are the virtual environment and make flags of this process.
        self.environment = isolated_environment(
            self.folder / "jupyter",
            UV_CACHE_DIR=str(caches / "uv"),
            PIP_CACHE_DIR=str(caches / "pip"),
            MPLCONFIGDIR=str(caches / "matplotlib"),
        )
        for key in ("VIRTUAL_ENV", "MAKEFLAGS"):
            self.environment.pop(key, None)

    def run(self, *commands: list[str]) -> tuple[float, Cpu]:
        """Run the commands one after another in the clone; the wall-clock seconds they took together, and their CPU
        seconds."""
        start, cpu_start = time.perf_counter(), children_cpu()
        with open(self.log, "a") as log:
            for command in commands:
                log.write(f"$ {' '.join(command)}\n")
                log.flush()
                result = subprocess.run(
                    command, cwd=self.clone, env=self.environment, stdout=log, stderr=subprocess.STDOUT,
                    timeout=TIMEOUT_SECONDS, check=False,
                )  # fmt: skip
                if result.returncode != 0:
                    raise RuntimeError(f"{' '.join(command)} failed with {result.returncode}; see {self.log}")
        return time.perf_counter() - start, children_cpu() - cpu_start

    def venv_megabytes(self, venv: str = ".venv") -> float:
        return sum(f.stat().st_size for f in (self.clone / venv).rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def time_make_lab(workspace: Workspace, python: str) -> tuple[float, float, Cpu, Cpu]:
    """Seconds from `make lab` to JupyterLab answering on its port, and the first part of them spent on the set-up;
    the CPU seconds of the set-up (make's finished commands) and of JupyterLab until it answered."""
    port, token = free_port(), secrets.token_hex(16)
    command = [
        "make", "lab", f"PYTHON={python}", f"LAB_PORT={port}", "LAB_OPTIONS=--no-browser --ServerApp.port_retries=0",
    ]  # fmt: skip
    request = urllib.request.Request(f"http://127.0.0.1:{port}/lab", headers={"Authorization": f"token {token}"})
    with open(workspace.log, "a") as log:
        log.write(f"$ {' '.join(command)}\n")
        log.flush()
        wall_start, start = time.time(), time.perf_counter()
        # Its own process group, so that make and the server it started are stopped together.
        process = subprocess.Popen(
            command, cwd=workspace.clone, env={**workspace.environment, "JUPYTER_TOKEN": token},
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        try:
            while True:  # poll until JupyterLab answers
                if process.poll() is not None:
                    raise RuntimeError(f"make lab exited with {process.returncode}; see {workspace.log}")
                try:
                    with urllib.request.urlopen(request, timeout=5) as response:
                        if response.status == 200:
                            break
                except (urllib.error.URLError, ConnectionError):
                    pass
                if time.perf_counter() - start > TIMEOUT_SECONDS:
                    raise RuntimeError(f"JupyterLab did not answer in {TIMEOUT_SECONDS} s; see {workspace.log}")
                time.sleep(0.05)
            elapsed = time.perf_counter() - start
            set_up_cpu, lab_cpu = group_cpu(process.pid)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    set_up_done = max((workspace.clone / name).stat().st_mtime for name in LAB_SET_UP_FILES)
    return elapsed, set_up_done - wall_start, set_up_cpu, lab_cpu


def pip_route(python: str, group: str) -> list[list[str]]:
    """The old Makefile's steps, with a dependency group in place of the old extra (`--group` needs pip 25.1)."""
    pip = [".venv/bin/python", "-m", "pip", "--disable-pip-version-check"]
    return [
        [python, "-m", "venv", ".venv"],
        [*pip, "install", "--quiet", "--upgrade", "pip"],
        [*pip, "install", "--quiet", "-e", ".", "--group", group],
        [".venv/bin/python", "-c", "import matplotlib.pyplot"],
    ]


def measure(python: str) -> None:
    """Time both routes with ``python`` and print the tables."""
    head = output(["git", "rev-parse", "--short", "HEAD"])
    version = output([python, "--version"])
    print("# set-up from a fresh clone with empty caches")
    print(f"\nRun {run_context()}.\n")
    print(f"{os.cpu_count()} cores, {platform.machine()}, {version}; uv {uv_version()}; clone of {head}")
    load_before = os.getloadavg()[0]
    if output(["git", "status", "--porcelain"]):
        print("(the clones hold the last commit: uncommitted changes are not measured)")

    with tempfile.TemporaryDirectory(prefix="bench-setup-") as temporary:
        parent = Path(temporary)
        lab = Workspace(parent, "uv-lab")
        lab_total, lab_set_up, lab_set_up_cpu, lab_start_cpu = time_make_lab(lab, python)
        lab_again, _, _, lab_again_cpu = time_make_lab(lab, python)
        lab_size = lab.venv_megabytes()

        test = Workspace(parent, "uv-test")
        # make test is make install, then the linters and the tests: run as two commands, to time each part.
        test_set_up, test_cpu = test.run(["make", "install", f"PYTHON={python}"])
        test_rest, test_rest_cpu = test.run(["make", "test", f"PYTHON={python}"])
        test_total = test_set_up + test_rest
        test_size = test.venv_megabytes()
        tests_line = [line for line in test.log.read_text().splitlines() if " passed" in line][-1].strip(" =")

        pip_lab = Workspace(parent, "pip-lab")
        pip_lab_set_up, pip_lab_cpu = pip_lab.run(*pip_route(python, "lab"))
        pip_test = Workspace(parent, "pip-test")
        pip_test_set_up, pip_test_cpu = pip_test.run(*pip_route(python, "test"))

    # Other work on the machine slows every wall-clock figure: say how busy it was.
    print(f"load average (1 min) at the start {load_before:.1f}, at the end {os.getloadavg()[0]:.1f}")
    print_table(
        "make lab: from a fresh clone to JupyterLab answering",
        ["what", "seconds", "CPU s (user + sys)", "goal"],
        [
            ["make lab, until JupyterLab answers", f"{lab_total:.1f}", str(lab_set_up_cpu + lab_start_cpu),
             f"< {LAB_GOAL_SECONDS:.0f} s: {verdict(lab_total < LAB_GOAL_SECONDS)}"],
            ["  of which the set-up (uv from PyPI, .venv, font cache)", f"{lab_set_up:.1f}", str(lab_set_up_cpu), ""],
            ["  of which JupyterLab's start", f"{lab_total - lab_set_up:.1f}", str(lab_start_cpu), ""],
            ["make lab again, already set up", f"{lab_again:.1f}", str(lab_again_cpu), ""],
        ],
    )  # fmt: skip
    print_table(
        "make test: from a fresh clone, set-up, linters and every test",
        ["what", "seconds", "CPU s (user + sys)", "goal"],
        [
            ["make test, in all", f"{test_total:.1f}", str(test_cpu + test_rest_cpu),
             f"< {TEST_GOAL_SECONDS:.0f} s: {verdict(test_total < TEST_GOAL_SECONDS)}"],
            ["  of which the set-up (make install)", f"{test_set_up:.1f}", str(test_cpu), ""],
            ["  of which the linters and the tests", f"{test_rest:.1f}", str(test_rest_cpu), ""],
        ],
    )  # fmt: skip
    print(f"pytest's summary: {tests_line}")
    print_table(
        "set-up: uv from the lock against the old pip route, same groups, each from empty caches",
        ["set", "uv (make)", "pip (old steps)", "pip / uv", "CPU s, uv", "CPU s, pip", ".venv size (uv)"],
        [
            ["package + lab group (make lab)", f"{lab_set_up:.1f} s", f"{pip_lab_set_up:.1f} s",
             f"{pip_lab_set_up / lab_set_up:.1f}", str(lab_set_up_cpu), str(pip_lab_cpu), f"{lab_size:.0f} MB"],
            ["package + every group (make test)", f"{test_set_up:.1f} s", f"{pip_test_set_up:.1f} s",
             f"{pip_test_set_up / test_set_up:.1f}", str(test_cpu), str(pip_test_cpu), f"{test_size:.0f} MB"],
        ],
    )  # fmt: skip
    print(
        "\nThe uv figures include installing uv itself from PyPI and building matplotlib's font cache; the pip route "
        "resolves the newest releases in pyproject.toml's ranges, uv installs what uv.lock pins."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", default="python3", help="the Python both routes use (default: python3)")
    parser.add_argument("--results", type=Path, default=RESULTS / "bench-setup.md", help="where to keep its output")
    args = parser.parse_args()
    with results_file(args.results):
        measure(shutil.which(args.python) or args.python)


if __name__ == "__main__":
    main()
