"""The JupyterLab settings the companion installs into an environment, from the files in jupyter/.

- ``jupyter/overrides.json`` goes to ``<prefix>/share/jupyter/lab/settings/``: no "get notified about official
  Jupyter news?" question in a newcomer's first window (there is no news to fetch without a network anyway);
- ``jupyter/etc/`` goes to ``<prefix>/etc/jupyter/``: the files that `jupyter labextension disable --level=sys_prefix
  @jupyter/nbgrader` and `jupyter server extension disable --sys-prefix nbgrader.server_extensions.<name>` would
  write, which keep nbgrader's menus and server pages out of JupyterLab (nbgrader is installed for the instructor's
  kit, for its ClearSolutions only). Copying them takes no time, where the five commands took 10 s; where nbgrader
  is not installed they switch off nothing. Beside them, ``jupyter_server_config.json``, the server's settings:
  kernels reached over an encrypted connection (CurveZMQ keys the server makes for each kernel, which ipykernel
  declares it supports; without them the kernel warns that its plain TCP traffic "is susceptible to eavesdropping"),
  and no keep-alive pings on a websocket (Jupyter Server's pings, 30 s apart with a 90 s timeout, are read by
  Tornado as a timeout longer than the interval, which it warns about and corrects for each connection; pings keep
  a connection through a proxy alive, and there is none between a browser and a server on 127.0.0.1).

``prefix`` is the environment's root (``sys.prefix`` of its Python): `.venv` for make and for ``python -m companion
lab``, the conda environment on the conda route. Plain file copies, so they work the same on Windows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "jupyter"


def lab_overrides(prefix: Path) -> Path:
    return prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def write_settings(prefix: Path, source: Path = SOURCE) -> list[Path]:
    """Copy the settings override and the nbgrader switches into the environment at ``prefix``; the files written."""
    written = []
    overrides = lab_overrides(prefix)
    overrides.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "overrides.json", overrides)
    written.append(overrides)
    for file in sorted((source / "etc").rglob("*.json")):
        target = prefix / "etc" / "jupyter" / file.relative_to(source / "etc")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
        written.append(target)
    return written
