# Newsroom timeline: `make run` serves the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core (npm) for the accessibility checks of the browser tests, kept inside the venv.
AXE_CORE_VERSION := 4.14.1
AXE := $(VENV)/node/node_modules/axe-core/axe.min.js

.PHONY: install run test lint format bench clean

install: $(STAMP) $(AXE)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(AXE): | $(STAMP)
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/node axe-core@$(AXE_CORE_VERSION); \
	else echo "npm not found: the browser tests' accessibility checks will be skipped"; fi

run: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py ingest fixtures/articles
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Test files run side by side, one file to a process, on up to four cores.
test: install lint
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadfile

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
