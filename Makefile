# Two commands for a newcomer: `make lab` to read the notebooks, `make test` to run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# jupyter refuses to start as root (containers, CI machines) unless told to.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: install lab lint test test-browser notebooks bench bench-browser clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# Build matplotlib's font cache now, so that the first notebook run prints no "building the font cache" warning.
	$(BIN)/python -c "import matplotlib.pyplot"
	touch $(INSTALLED)

install: $(INSTALLED)

lab: $(INSTALLED)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks $(ALLOW_ROOT)

# ruff (lint and format) over the code, and import-linter over helpers' layers (contracts in pyproject.toml).
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest

test-browser: $(INSTALLED)
	$(BIN)/python -m pytest -m browser tests/browser

bench: $(INSTALLED)
	$(BIN)/python -m benchmarks.run

bench-browser: $(INSTALLED)
	$(BIN)/python -m benchmarks.browser_latency

notebooks: $(INSTALLED)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.kernel_name=python3 notebooks/*.ipynb

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
