# Two commands for a newcomer: `make lab` to read the notebooks, `make test` to run every test.
# They need only Python 3.10+ and make. The first run installs uv, at the version pinned here, from PyPI into
# .tools/, and uv installs into .venv/ the exact versions that uv.lock pins. Without make, `python -m companion lab`
# does what `make lab` does (companion/environment.py), with the same uv version (read from this file) and lock.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_INSTALLED := $(TOOLS)/uv-$(UV_VERSION).installed
VENV := .venv
BIN := $(VENV)/bin
# --locked: install what uv.lock pins, and stop if pyproject.toml has changed since it was locked (then: make lock).
SYNC := $(UV) sync --locked --quiet --python $(PYTHON)
# When each set was last installed: the lab set (the package and the lab group), the test set (every group).
LAB_SET := $(VENV)/.lab-set
TEST_SET := $(VENV)/.test-set
# A JupyterLab settings override: no "get notified about official Jupyter news?" question in a newcomer's first window.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
# make lab LAB_PORT=9000 LAB_OPTIONS=--no-browser; the token can be fixed with JUPYTER_TOKEN.
LAB_PORT ?= 8888
LAB_OPTIONS ?=

# make present PRESENT_PORT=9000; the token can be fixed with PRESENT_TOKEN (otherwise a new one is printed).
PRESENT_PORT ?= 8866
# When the instructor set (the package, the lab and instructor groups) was last installed.
INSTRUCTOR_SET := $(VENV)/.instructor-set
# nbgrader is here for its ClearSolutions only: keep its menus and server pages out of the students' JupyterLab.
# jupyter/etc/ holds the files that `jupyter labextension disable --level=sys_prefix @jupyter/nbgrader` and
# `jupyter server extension disable --sys-prefix nbgrader.server_extensions.<name>` write; copying them takes no
# time, where the five commands took 10 s of every set-up. `python -m companion settings` copies them and
# jupyter/overrides.json into the environment it runs in, the same on every system (companion/jupyter_settings.py).
QUIET_NBGRADER := $(wildcard jupyter/etc/*/*.json)
# and the server's own settings (companion/jupyter_settings.py says what they are for).
SERVER_SETTINGS := jupyter/etc/jupyter_server_config.json
define quiet_nbgrader
	$(BIN)/python -m companion settings >/dev/null
endef

.PHONY: install install-lab install-instructor lab restore lint test test-browser notebooks lock bench bench-browser bench-setup \
	solutions slides present html clean

$(UV_INSTALLED):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --quiet --disable-pip-version-check uv==$(UV_VERSION)
	touch $@

# --seed keeps pip in .venv, for installing something by hand (uv leaves it there when it syncs).
$(BIN)/python: | $(UV_INSTALLED)
	$(UV) venv --quiet --seed --clear --python $(PYTHON) $(VENV)

# --inexact: keep what `make test` installed beside it.
$(LAB_SET): uv.lock pyproject.toml | $(BIN)/python
	$(SYNC) --inexact --group lab
	@# Build matplotlib's font cache now, so that the first notebook run prints no "building the font cache" warning.
	$(BIN)/python -c "import matplotlib.pyplot"
	touch $@

$(TEST_SET): uv.lock pyproject.toml $(QUIET_NBGRADER) | $(BIN)/python
	$(SYNC) --all-groups
	$(BIN)/python -c "import matplotlib.pyplot"
	$(quiet_nbgrader)
	touch $@

$(INSTRUCTOR_SET): uv.lock pyproject.toml $(QUIET_NBGRADER) | $(BIN)/python
	$(SYNC) --inexact --group instructor
	$(BIN)/python -c "import matplotlib.pyplot"
	$(quiet_nbgrader)
	touch $@

$(LAB_OVERRIDES): jupyter/overrides.json $(SERVER_SETTINGS) $(QUIET_NBGRADER) | $(BIN)/python
	$(BIN)/python -m companion settings >/dev/null

install-lab: $(LAB_SET) $(LAB_OVERRIDES)

install: $(TEST_SET) $(LAB_OVERRIDES)

install-instructor: $(INSTRUCTOR_SET)

# JupyterLab on the student's own copy of the notebooks, my-notebooks/ (git-ignored): made from notebooks/ the first
# time, then brought up to date without overwriting what the student changed (companion/copies.py).
# It prints the link to open and keeps the server's log in .lab.log: make lab LAB_OPTIONS=--verbose shows the log.
lab: install-lab
	@$(BIN)/python -m companion serve --port=$(LAB_PORT) $(LAB_OPTIONS)

# make restore NOTEBOOK=01_grad_wrt_yhat.ipynb: that copy becomes the original again; the student's is kept beside it.
restore:
	@$(PYTHON) -m companion restore "$(NOTEBOOK)"

# ruff (lint and format) over the code, and import-linter over helpers' layers (contracts in pyproject.toml). The
# commands are written once, in companion/checks.py, for make and for `python -m companion test` alike.
lint: install
	$(BIN)/python -m companion lint

# The linters, then pytest: two workers (the suite waits on kernels, servers and Chromium as much as it computes),
# --dist loadscope keeping each module (and each notebook's cells, which share one kernel) on one worker.
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest --numprocesses=$(PYTEST_WORKERS) --dist=loadscope

test: install
	$(BIN)/python -m companion test --workers=$(PYTEST_WORKERS)

test-browser: install
	$(PYTEST) -m browser tests/browser tests/instructor

# After changing a range in pyproject.toml: re-resolve, keeping every locked version the new ranges allow.
lock: | $(UV_INSTALLED)
	$(UV) lock --python $(PYTHON)

bench: install
	$(BIN)/python -m benchmarks.run

bench-browser: install
	$(BIN)/python -m benchmarks.browser_latency

# Times the set-up itself from fresh clones with empty caches; needs only Python, so it runs with $(PYTHON).
bench-setup:
	$(PYTHON) -m benchmarks.bench_setup --python $(PYTHON)

# The students' notebooks are made from the instructor notebooks (instructor/notebooks/, the one source of each
# notebook, solutions included): nbgrader's ClearSolutions replaces each solution with a stub, then each is executed.
# The optional notebooks (instructor/notebooks/further/ -> notebooks/further/) too; find lists them after
# instructor.students has written them, so that a new one is executed on its first run.
notebooks: install
	$(BIN)/python -m instructor.students
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.record_timing=False \
		$$(find notebooks -maxdepth 2 -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)

# The instructor's kit (docs/instructors.md): the notebooks executed with their solutions, in build/solutions/;
solutions: install-instructor
	$(BIN)/python -m instructor.solutions

# reveal.js slides of each notebook, in build/slides/ (reveal.js, require.js and jQuery come from npm, once);
slides: install-instructor
	$(BIN)/python -m instructor.slides

# the notebooks as apps in Voilà (code hidden, widgets live), on 127.0.0.1 with a token, for the lecture hall;
present: install-instructor
	PRESENT_PORT=$(PRESENT_PORT) $(BIN)/python -m instructor.present

# and a reading copy, one HTML page per notebook and an index, that opens from disk offline, in build/html/.
html: install-instructor
	$(BIN)/python -m instructor.reading_copy

# Leaves my-notebooks/, the student's work, alone.
clean:
	rm -rf $(VENV) $(TOOLS) *.egg-info .pytest_cache .hypothesis
