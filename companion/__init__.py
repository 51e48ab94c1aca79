"""The student's side of the companion, with the standard library only (it runs before anything is installed):

- ``companion.copies``: the student's own copy of the notebooks (``my-notebooks/``), kept apart from the originals;
- ``companion.environment``: the lab's set-up with Python alone (uv, the locked versions), for the route without make;
- ``companion.jupyter_settings``: the JupyterLab settings and nbgrader's switches, written into an environment;
- ``python -m companion``: the commands (lab, restore, serve, settings).
"""
