"""A newcomer's first JupyterLab window, from this environment: no "get notified about official Jupyter news?"
question, and nothing of nbgrader (installed for the instructor's kit, for its ClearSolutions only).

The checks ask a real server: `jupyter lab` from this environment, on 127.0.0.1 on a free port with a token, with
empty user settings. It must serve the notification plugin's settings with fetchNews "false" (its schema's default
is "none", which asks), leave nbgrader's JupyterLab extension off the page and not serve nbgrader's pages.
"""

import importlib.util
import json
import os
import re
import secrets
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.servers import isolated_environment, start_server, stop_process

PLUGIN = "@jupyterlab/apputils-extension:notification"
OVERRIDES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
HOW_TO_FIX = f"`make install` copies jupyter/overrides.json to {OVERRIDES} (conda route: python -m companion settings)"
NBGRADER_HOW_TO_FIX = f"`make install` copies jupyter/etc/ into {Path(sys.prefix) / 'etc' / 'jupyter'}"
needs_nbgrader = pytest.mark.skipif(
    importlib.util.find_spec("nbgrader") is None, reason="nbgrader is not installed here (the lab set-up)"
)


def get_text(url: str, token: str) -> str:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def get_json(url: str, token: str) -> dict:
    return json.loads(get_text(url, token))


@dataclass
class Lab:
    port: int
    token: str

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[Lab]:
    folder = tmp_path_factory.mktemp("first-window")
    token = secrets.token_hex(16)
    environment = isolated_environment(folder, JUPYTER_TOKEN=token)

    def command(port: int) -> list[str]:
        arguments = [
            sys.executable, "-m", "jupyterlab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={folder}",
        ]  # fmt: skip
        return [*arguments, "--allow-root"] if os.geteuid() == 0 else arguments

    def settings_url(port: int) -> str:
        return f"http://127.0.0.1:{port}/lab/api/settings/{PLUGIN}"

    def answers(port: int) -> bool:
        try:
            get_json(settings_url(port), token)
            return True
        except (urllib.error.URLError, ConnectionError):
            return False

    server, port = start_server(command, environment, folder / "jupyter.log", answers)
    try:
        yield Lab(port, token)
    finally:
        stop_process(server)


def test_the_served_notification_settings_never_fetch_news(lab):
    reply = get_json(lab.url(f"/lab/api/settings/{PLUGIN}"), lab.token)

    default = reply["schema"]["properties"]["fetchNews"]["default"]
    assert default == "false", f"the served default of fetchNews is {default!r}: {HOW_TO_FIX}"
    # What the page uses: the user's settings over the defaults (here there are no user settings).
    assert reply["settings"].get("fetchNews", default) == "false"


@needs_nbgrader
def test_nbgraders_jupyterlab_extension_is_left_off_the_page(lab):
    page = get_text(lab.url("/lab"), lab.token)
    config = json.loads(
        re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.S)[1]
    )
    assert "@jupyter/nbgrader" in config["disabledExtensions"], NBGRADER_HOW_TO_FIX
    loaded = [extension["name"] for extension in config.get("federated_extensions", [])]
    assert "@jupyter-widgets/jupyterlab-manager" in loaded  # the page lists what it loads, so the check can fail


@needs_nbgrader
@pytest.mark.parametrize("page", ["/formgrader", "/assignments", "/courses"])
def test_nbgraders_server_pages_are_not_served(lab, page):
    with pytest.raises(urllib.error.HTTPError) as error:
        get_text(lab.url(page), lab.token)
    error.value.close()
    assert error.value.code == 404, f"{page} answered {error.value.code}: {NBGRADER_HOW_TO_FIX}"
