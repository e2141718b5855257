# Corridor: `make run` sets up and serves the demo; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_SOURCES := corridor tests conftest.py $(wildcard benchmarks)
PG_URL ?= postgres://postgres@127.0.0.1:5432/corridor_test
# The suite runs in parallel (pytest-xdist): two workers by default, for CI's two
# cores; `make test TEST_WORKERS=0` runs it in one process. Each worker has its own
# test database (SQLite in memory; on PostgreSQL test_<name>_gw0, test_<name>_gw1).
TEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --dist load --durations=15
export CORRIDOR_VAR_DIR ?= $(CURDIR)/var

.PHONY: setup setup-dev run demo test test-postgres test-browser lint format browser-deps vendor bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Corridor needs Python 3.11 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/constraints.txt
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	@touch $@

setup: $(VENV)/.installed
	@mkdir -p var
	CORRIDOR_DEMO=1 $(BIN)/corridor migrate --noinput -v0

setup-dev: $(VENV)/.installed-dev

# The background worker (docs/worker.md) runs beside the web server; Ctrl-C stops both.
run: setup
	CORRIDOR_DEMO=1 $(BIN)/corridor demo --if-empty
	@CORRIDOR_DEMO=1 $(BIN)/corridor worker & worker=$$!; \
	trap : INT TERM; \
	CORRIDOR_DEMO=1 $(BIN)/corridor serve; status=$$?; \
	kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null; \
	echo "Stopped the web server and the background worker."; exit $$status

demo: setup
	CORRIDOR_DEMO=1 $(BIN)/corridor demo

# Browser tests drive Debian's Chromium. As root (CI, these machines) it is
# installed when missing; elsewhere install it with your package manager.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null; \
	  else \
	    echo "Chromium is not installed: the browser tests will be skipped (install the 'chromium' package)."; \
	  fi; }

test: setup-dev browser-deps
	$(PYTEST)

test-postgres: setup-dev browser-deps
	DATABASE_URL=$(PG_URL) $(PYTEST)

test-browser: setup-dev browser-deps
	$(PYTEST) -m browser

lint: setup-dev
	$(BIN)/ruff check $(PY_SOURCES)
	$(BIN)/ruff format --check $(PY_SOURCES)
	$(BIN)/mypy corridor
	$(BIN)/lint-imports --no-cache
	CORRIDOR_VAR_DIR=$$(mktemp -d) $(BIN)/corridor makemigrations --check --dry-run

format: setup-dev
	$(BIN)/ruff check --fix $(PY_SOURCES)
	$(BIN)/ruff format $(PY_SOURCES)

vendor:
	./scripts/vendor-assets.sh

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache build *.egg-info
