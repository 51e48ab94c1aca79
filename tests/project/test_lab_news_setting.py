"""The set-up turns off JupyterLab's "get notified about official Jupyter news?" question in the project's environment.

The check asks a real server: `jupyter lab` from this environment, on 127.0.0.1 on a free port with a token, with
empty user settings, must serve the notification plugin's settings with fetchNews "false" (its schema's default is
"none", which asks).
"""

import json
import os
import secrets
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tests.browser.lab import _stop, start_server

PLUGIN = "@jupyterlab/apputils-extension:notification"
OVERRIDES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
HOW_TO_FIX = f"`make install` copies jupyter/overrides.json to {OVERRIDES}; on the conda route, copy it there by hand"


def get_json(url: str, token: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_the_served_notification_settings_never_fetch_news(tmp_path):
    token = secrets.token_hex(16)
    environment = {
        **os.environ,
        "JUPYTER_TOKEN": token,
        # Keep this user's own Jupyter configuration and settings out of it.
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }

    def command(port: int) -> list[str]:
        arguments = [
            sys.executable, "-m", "jupyterlab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={tmp_path}",
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

    server, port = start_server(command, environment, tmp_path / "jupyter.log", answers)
    try:
        reply = get_json(settings_url(port), token)
    finally:
        _stop(server)

    default = reply["schema"]["properties"]["fetchNews"]["default"]
    assert default == "false", f"the served default of fetchNews is {default!r}: {HOW_TO_FIX}"
    # What the page uses: the user's settings over the defaults (here there are no user settings).
    assert reply["settings"].get("fetchNews", default) == "false"
