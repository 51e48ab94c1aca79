"""What the tests and the benchmarks share to drive real servers and a real browser.

- ``harness.servers``: start a server on a free port, wait until it answers, stop it and all it started;
- ``harness.lab``: JupyterLab on a temporary copy of the notebooks, driven in Debian's Chromium through Playwright.
"""
