"""The student's side of the companion, with the standard library only (it runs before anything is installed):

- ``companion.copies``: the student's own copy of the notebooks (``my-notebooks/``), kept apart from the originals;
- ``companion.environment``: the lab's set-up with Python alone (uv, the locked versions), for the route without make;
- ``companion.jupyter_settings``: the JupyterLab settings, the server's and nbgrader's switches, written into an
  environment;
- ``companion.server`` (in the lab's environment): JupyterLab with the link on the screen and its log in a file;
- ``companion.trust`` (in the lab's environment): the copies signed, so that JupyterLab trusts them;
- ``companion.checks``: the linters and pytest, one definition for make and for the route without make;
- ``python -m companion``: the commands (lab, test, lint, restore, serve, settings).
"""
