"""`make present`: the notebooks as apps with Voilà (code hidden, widgets live), for the lecture hall.

Voilà listens on 127.0.0.1 only and asks for a token, since a classroom machine is shared: the link printed below
carries it. Set PRESENT_TOKEN to choose the token and PRESENT_PORT the port (default 8866)."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from instructor.assets import NOTEBOOKS

# Where Voilà finds the "accessible" template (instructor/voila/templates/accessible/): a data folder of Jupyter's.
JUPYTER_DATA = Path(__file__).resolve().parent


def voila_command(port: int, token: str) -> list[str]:
    return [
        sys.executable, "-m", "voila", str(NOTEBOOKS),
        "--Voila.ip=127.0.0.1", f"--port={port}", "--no-browser", f"--token={token}",
        # Extensions made for JupyterLab's own pages, which fail to load in Voilà's. A list option takes one item
        # per flag: traitlets 5 deprecates (and warns about) a whole list written as one Python literal.
        "--VoilaConfiguration.extension_denylist=@jupyter/nbgrader",
        "--VoilaConfiguration.extension_denylist=@jupyter-notebook/lab-extension",
        # The widgets are the point of this view; the tracebacks of a failing cell are not for the audience.
        "--VoilaConfiguration.show_tracebacks=False",
        # Voilà's lab template with each slider named for a screen reader.
        "--template=accessible",
    ]  # fmt: skip


def main() -> None:
    port = int(os.environ.get("PRESENT_PORT", "8866"))
    token = os.environ.get("PRESENT_TOKEN") or secrets.token_hex(16)
    print(f"Presenting the notebooks at http://127.0.0.1:{port}/?token={token}", flush=True)
    print("Open that link in the browser on this machine (Ctrl-C stops the server).", flush=True)
    data_path = os.pathsep.join(filter(None, [str(JUPYTER_DATA), os.environ.get("JUPYTER_PATH")]))
    os.execve(sys.executable, voila_command(port, token), {**os.environ, "JUPYTER_PATH": data_path})


if __name__ == "__main__":
    main()
