"""The route without make, as a Windows or macOS student takes it: `python -m companion lab` in a clone, with no
make on the PATH, sets up .venv with the versions uv.lock pins and opens the student's copy of the notebooks in
JupyterLab; a save through JupyterLab's contents API (what the Save button sends) lands in that copy and leaves
`git status` clean. It prints what the student needs (where the notebooks are, the one link, how to stop) and none
of the server's log; opening a notebook and running code in it, as the page does (the contents API, a session, the
kernel's websocket), adds no warning to that log; Ctrl-C stops it at once; --verbose shows the log.

The clone is this working tree's files, committed into a new repository in a temporary folder; uv comes
from PyPI into its .tools/ as on a first clone (pip's and uv's own caches are this user's, as a student's would be).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.servers import free_port, isolated_environment, start_server, stop_process

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = "01_grad_wrt_yhat.ipynb"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Course",
    "GIT_AUTHOR_EMAIL": "course@example.org",
    "GIT_COMMITTER_NAME": "Course",
    "GIT_COMMITTER_EMAIL": "course@example.org",
}


def system_python() -> str:
    """The Python this test environment was made from (a student's own Python), not the environment's."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (Path(sys.base_prefix) / "bin" / version, Path(sys.base_prefix) / "python.exe"):
        if candidate.is_file():
            return str(candidate)
    return sys.executable


def git(folder: Path, *arguments: str) -> str:
    environment = {**os.environ, **GIT_IDENTITY}
    return subprocess.run(
        ["git", *arguments], cwd=folder, env=environment, capture_output=True, text=True, check=True
    ).stdout


def committed_copy_of_this_tree(clone: Path) -> None:
    """Every file git would track (the tracked ones and new ones not ignored), as it is in the working tree,
    committed into a new repository at ``clone``."""
    for name in git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0"):
        source = ROOT / name
        if name and source.is_file():  # a tracked file deleted in the working tree is left out
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    git(clone, "init", "--quiet", "--initial-branch=main")
    git(clone, "add", "-A")
    git(clone, "commit", "--quiet", "-m", "the course")


def request(url: str, token: str, data: dict | None = None) -> dict:
    body = None if data is None else json.dumps(data).encode()
    headers = {"Authorization": f"token {token}", "Content-Type": "application/json"}
    call = urllib.request.Request(url, data=body, headers=headers, method="GET" if data is None else "PUT")
    with urllib.request.urlopen(call, timeout=30) as response:
        return json.load(response)


@dataclass
class Route:
    clone: Path
    url: str
    token: str
    path: str  # the PATH the route ran with
    printed: Path  # what the route printed
    environment: dict[str, str]

    def api(self, path: str, data: dict | None = None) -> dict:
        return request(f"{self.url}{path}", self.token, data)


@pytest.fixture(scope="module")
def route(tmp_path_factory) -> Iterator[Route]:
    folder = tmp_path_factory.mktemp("route-without-make")
    clone = folder / "clone"
    committed_copy_of_this_tree(clone)
    # A PATH with Python and git on it, and no make.
    shims = folder / "bin"
    shims.mkdir()
    (shims / "python").symlink_to(system_python())
    (shims / "git").symlink_to(shutil.which("git"))
    token = secrets.token_hex(16)
    environment = isolated_environment(folder / "jupyter", JUPYTER_TOKEN=token, PATH=str(shims))
    for key in ("VIRTUAL_ENV", "MAKEFLAGS", "MAKELEVEL"):
        environment.pop(key, None)

    def command(port: int) -> list[str]:
        return [
            str(shims / "python"), "-m", "companion", "lab", f"--port={port}", "--no-browser",
            "--ServerApp.port_retries=0",
        ]  # fmt: skip

    def answers(port: int) -> bool:
        try:
            request(f"http://127.0.0.1:{port}/api/contents", token)
            return True
        except (urllib.error.URLError, ConnectionError):
            return False

    log = folder / "route.log"
    process, port = start_server(command, environment, log, answers, timeout=600, attempts=1, cwd=clone)
    try:
        yield Route(
            clone=clone, url=f"http://127.0.0.1:{port}", token=token, path=environment["PATH"], printed=log,
            environment=environment,
        )  # fmt: skip
    finally:
        stop_process(process)


def test_the_route_ran_without_make(route):
    assert shutil.which("make", path=route.path) is None


def test_it_installs_the_versions_that_uv_lock_pins(route):
    locked = tomllib.loads((route.clone / "uv.lock").read_text())["package"]
    venv_python = route.clone / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    for name in ("numpy", "jupyterlab", "matplotlib", "ipywidgets"):
        installed = subprocess.run(
            [str(venv_python), "-c", f"import importlib.metadata as m; print(m.version({name!r}))"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        assert installed in {package["version"] for package in locked if package["name"] == name}, name


def test_it_opens_the_students_copy_with_the_settings(route):
    listed = sorted(item["name"] for item in route.api("/api/contents")["content"] if item["type"] == "notebook")
    assert listed == sorted(path.name for path in (route.clone / "notebooks").glob("*.ipynb"))
    assert (route.clone / "my-notebooks" / NOTEBOOK).is_file()
    notification = route.api("/lab/api/settings/@jupyterlab/apputils-extension:notification")
    assert notification["schema"]["properties"]["fetchNews"]["default"] == "false"


def test_a_save_through_jupyterlab_lands_in_the_copy_and_leaves_git_status_clean(route):
    notebook = route.api(f"/api/contents/{NOTEBOOK}?content=1")
    assert notebook["type"] == "notebook"
    content = notebook["content"]
    content["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "My answer: e(ℓ) picks one entry."})
    saved = route.api(f"/api/contents/{NOTEBOOK}", {"type": "notebook", "format": "json", "content": content})
    assert saved["path"] == NOTEBOOK

    assert "My answer: e(ℓ) picks one entry." in (route.clone / "my-notebooks" / NOTEBOOK).read_text(encoding="utf-8")
    assert "My answer" not in (route.clone / "notebooks" / NOTEBOOK).read_text(encoding="utf-8")
    assert git(route.clone, "status", "--porcelain", "--untracked-files=all") == ""


# What the server's log said when a student first opened a notebook, before these were dealt with at their source.
WARNINGS = ("is not trusted", "without encryption", "eavesdropping", "websocket_ping_timeout")


def test_the_start_prints_where_the_notebooks_are_the_one_link_and_how_to_stop(route):
    printed = route.printed.read_text(encoding="utf-8")
    links = re.findall(r"\S+://\S+", printed)
    assert links == [f"{route.url}/lab?token={route.token}"], printed
    assert str(route.clone / "my-notebooks") in printed and "Ctrl-C" in printed
    # None of the server's log: its lines start with [I ...], [W ...] and the like.
    assert not re.search(r"^\s*\[[A-Z]", printed, re.MULTILINE), printed


async def run_in_kernel(url: str, token: str, kernel: str, code: str) -> str:
    """Run ``code`` in ``kernel`` through its websocket, as JupyterLab's page does; what it printed."""
    from tornado.websocket import websocket_connect

    session = uuid.uuid4().hex
    socket = await websocket_connect(
        f"{url.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels?session_id={session}&token={token}"
    )
    request_id = uuid.uuid4().hex
    header = {"msg_id": request_id, "msg_type": "execute_request", "session": session, "username": "", "version": "5.3"}
    socket.write_message(json.dumps({
        "channel": "shell", "header": header, "parent_header": {}, "metadata": {},
        "content": {"code": code, "silent": False, "store_history": False},
    }))  # fmt: skip
    printed = []
    # Done when the reply (on the shell channel) and the kernel's return to idle (on iopub, after all it printed)
    # have both come: the two channels are not ordered with respect to each other.
    replied = idle = False
    while not (replied and idle):
        message = json.loads(await asyncio.wait_for(socket.read_message(), timeout=120))
        if message.get("parent_header", {}).get("msg_id") != request_id:
            continue
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])
        replied = replied or message["msg_type"] == "execute_reply"
        idle = idle or (message["msg_type"] == "status" and message["content"]["execution_state"] == "idle")
    socket.close()
    return "".join(printed)


def test_opening_a_notebook_and_running_code_adds_no_warning(route):
    # One the student has not saved: a saved copy is JupyterLab's own to sign (the test above saves notebook 1).
    opened = "02_softmax_quotient_rule.ipynb"
    route.api(f"/api/contents/{opened}?content=1")  # what opening it loads
    call = urllib.request.Request(
        f"{route.url}/api/sessions", method="POST",
        data=json.dumps({"path": opened, "type": "notebook", "kernel": {"name": "python3"}}).encode(),
        headers={"Authorization": f"token {route.token}", "Content-Type": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(call, timeout=60) as response:
        kernel = json.load(response)["kernel"]["id"]
    assert asyncio.run(run_in_kernel(route.url, route.token, kernel, "print(6 * 7)")) == "42\n"

    log = (route.clone / ".lab.log").read_text(encoding="utf-8")
    assert f"Kernel started: {kernel}" in log  # the log is the server's, and it saw all of this
    assert [warning for warning in WARNINGS if warning in log] == [], log
    assert not any(warning in route.printed.read_text(encoding="utf-8") for warning in WARNINGS)


def read_until(stream, pattern: str, seen: list[str], timeout: float = 120.0) -> bool:
    """Read ``stream`` line by line into ``seen`` until a line matches ``pattern``; whether one did before the
    stream ended or ``timeout`` passed."""
    deadline = time.monotonic() + timeout
    for line in iter(stream.readline, ""):
        seen.append(line)
        if re.search(pattern, line):
            return True
        if time.monotonic() > deadline:
            return False
    return False


def serve(route: Route, *options: str, **popen) -> subprocess.Popen:
    venv_python = route.clone / ".venv" / "bin" / "python"
    command = [str(venv_python), "-m", "companion", "serve", f"--port={free_port()}", "--no-browser", *options]
    return subprocess.Popen(command, cwd=route.clone, env=route.environment, text=True, **popen)


@pytest.mark.skipif(os.name == "nt", reason="a terminal's Ctrl-C, through a pseudo-terminal")
def test_one_ctrl_c_stops_jupyterlab(route):
    import fcntl
    import termios

    controller, terminal = os.openpty()

    def own_terminal() -> None:  # a session of its own, with the pseudo-terminal as its terminal, as in a window
        os.setsid()
        fcntl.ioctl(terminal, termios.TIOCSCTTY, 0)

    process = serve(route, stdin=terminal, stdout=terminal, stderr=terminal, preexec_fn=own_terminal)
    os.close(terminal)
    output = open(controller, encoding="utf-8", errors="replace")  # closes the controller when done
    try:
        seen: list[str] = []
        assert read_until(output, r"Ctrl-C", seen), "".join(seen)
        os.write(controller, b"\x03")  # what pressing Ctrl-C sends
        assert process.wait(timeout=60) is not None  # ended, with no question to answer
        assert read_until(output, r"Stopping JupyterLab", seen, timeout=10), "".join(seen)
    finally:
        if process.poll() is None:
            process.kill()
        output.close()


def test_verbose_shows_the_servers_log(route):
    process = serve(route, "--verbose", stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        seen: list[str] = []
        assert read_until(process.stdout, r"^\[I .*ServerApp\]", seen), "".join(seen)
    finally:
        process.terminate()
        process.wait(timeout=60)
        process.stdout.close()
