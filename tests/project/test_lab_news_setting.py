"""The set-up turns off JupyterLab's "get notified about official Jupyter news?" question in the project's environment.

The check asks a real server: `jupyter lab` from this environment, on 127.0.0.1 on a free port with a token, with
empty user settings, must serve the notification plugin's settings with fetchNews "false" (its schema's default is
"none", which asks).
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PLUGIN = "@jupyterlab/apputils-extension:notification"
OVERRIDES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
HOW_TO_FIX = f"`make install` copies jupyter/overrides.json to {OVERRIDES}; on the conda route, copy it there by hand"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str, token: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_the_served_notification_settings_never_fetch_news(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    environment = {
        **os.environ,
        "JUPYTER_TOKEN": token,
        # Keep this user's own Jupyter configuration and settings out of it.
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={tmp_path}",
    ]  # fmt: skip
    if os.geteuid() == 0:
        command.append("--allow-root")
    url = f"http://127.0.0.1:{port}/lab/api/settings/{PLUGIN}"
    log_path = tmp_path / "jupyter.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while True:  # poll until the server answers
                assert server.poll() is None, f"jupyter lab exited with {server.returncode}:\n{log_path.read_text()}"
                try:
                    reply = get_json(url, token)
                    break
                except (urllib.error.URLError, ConnectionError):
                    assert time.monotonic() < deadline, f"no answer from {url} in 120 s:\n{log_path.read_text()}"
                    time.sleep(0.1)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    default = reply["schema"]["properties"]["fetchNews"]["default"]
    assert default == "false", f"the served default of fetchNews is {default!r}: {HOW_TO_FIX}"
    # What the page uses: the user's settings over the defaults (here there are no user settings).
    assert reply["settings"].get("fetchNews", default) == "false"
