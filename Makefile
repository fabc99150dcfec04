# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The extractor is compiled with mypyc at install (see setup.py), so an edit to its source
# reinstalls; WATCHER_PURE_PYTHON=1 skips compiling.
$(STAMP): $(BIN)/python pyproject.toml setup.py $(wildcard rules/extraction/*.py)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/watcher demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy watcher rules state tests benchmarks

pytest: install
	$(BIN)/pytest -m "not slow" -p no:cacheprovider

test: lint typecheck pytest

bench: install
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
	rm -f *__mypyc*.so rules/extraction/*.so
