# argmap: `make run` opens the editor, `make test` runs the test suite.
# Both set up what is missing first: system packages (tools/setup-system.sh)
# and a virtual environment in .venv with argmap and its Python packages.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.argmap-installed
# The code mypy checks (annotated in full; docs/architecture.md, "Layers").
TYPED  := argmap/model argmap/sources argmap/formats argmap/analysis argmap/render \
          argmap/outputs argmap/errors.py argmap/fileio.py argmap/reading.py

.PHONY: run test check types setup system venv bench screenshot clean install-desktop

run: setup
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != offscreen ]; then \
	  echo "No display found (DISPLAY is not set). On a headless machine try: xvfb-run -a make run"; exit 1; fi
	$(PY) main.py $(FILE)

test: check
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# Lint and format (ruff), the layer contract (import-linter), types (mypy): see pyproject.toml.
check: setup
	$(PY) -m ruff check --no-cache argmap resources tests bench tools main.py
	$(PY) -m ruff format --no-cache --check argmap resources tests bench tools main.py
	$(VENV)/bin/lint-imports --no-cache
	$(MAKE) --no-print-directory types

types: venv
	$(PY) -m mypy --cache-dir=/dev/null $(TYPED)

setup: system venv

system:
	@PYTHON=$(PYTHON) bash tools/setup-system.sh

venv: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install-desktop: venv
	$(PY) -m argmap install-desktop

bench: setup
	$(PY) bench/export.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/gui.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/gui_process.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
