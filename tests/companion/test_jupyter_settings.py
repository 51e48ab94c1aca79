"""`python -m companion settings` (the conda route, and make's set-up) writes jupyter/'s files where JupyterLab and
Jupyter Server read an environment's own configuration: plain copies, so the same on Windows."""

import json
from pathlib import Path

from companion.jupyter_settings import SOURCE, write_settings

ROOT = Path(__file__).resolve().parents[2]


def test_the_settings_land_under_the_environments_prefix(tmp_path):
    written = write_settings(tmp_path)
    overrides = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert overrides in written
    assert json.loads(overrides.read_text())["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    page_config = tmp_path / "etc" / "jupyter" / "labconfig" / "page_config.json"
    assert json.loads(page_config.read_text())["disabledExtensions"] == {"@jupyter/nbgrader": True}
    switches = sorted((tmp_path / "etc" / "jupyter" / "jupyter_server_config.d").glob("nbgrader.*.json"))
    assert len(switches) == 4
    for switch in switches:
        assert list(json.loads(switch.read_text())["ServerApp"]["jpserver_extensions"].values()) == [False]


def test_every_file_of_jupyter_etc_is_written_and_nothing_else(tmp_path):
    written = {
        path.relative_to(tmp_path / "etc" / "jupyter") for path in write_settings(tmp_path) if "etc" in path.parts
    }
    assert written == {path.relative_to(SOURCE / "etc") for path in (SOURCE / "etc").rglob("*.json")}
    assert SOURCE == ROOT / "jupyter"


def test_the_servers_settings_ask_for_an_encrypted_kernel_connection_and_one_ping_setting(tmp_path):
    write_settings(tmp_path)
    config = json.loads((tmp_path / "etc" / "jupyter" / "jupyter_server_config.json").read_text())
    assert config["KernelManager"]["transport_encryption"] == "auto"
    assert config["ServerApp"]["tornado_settings"] == {"ws_ping_interval": 0}
