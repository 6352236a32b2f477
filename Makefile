# hoinhap — the README's commands. `make run` and `make test` both start with `make install`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: install run test test-sqlite test-postgres lint format bench browser-deps clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	test -x $(UV) || $(PY) -m pip install -q --disable-pip-version-check uv==0.13.9
	$(UV) pip install -q --python $(PY) -r requirements.lock
	$(UV) pip install -q --python $(PY) --no-deps -e .
	touch $@

# Debian's Chromium for the browser tests: never a browser download.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Cài Chromium từ kho Debian cho kiểm thử trình duyệt…"; \
	  for try in 1 2 3; do \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/tmp/hoinhap-apt.log 2>&1 && break; \
	    sleep 5; \
	  done; \
	  test -x /usr/bin/chromium || { echo "Không cài được chromium (xem /tmp/hoinhap-apt.log)"; tail -5 /tmp/hoinhap-apt.log; exit 1; }; \
	fi

run: install
	PORT=$(PORT) $(VENV)/bin/hoinhap embedded

test: install browser-deps
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory lint

test-sqlite:
	@echo "== Kiểm thử trên SQLite"
	env -u DATABASE_URL $(PY) -m pytest

test-postgres:
	@echo "== Kiểm thử trên PostgreSQL"
	DATABASE_URL=$(PG_URL) $(PY) -m pytest

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PY) bench/parse.py
	$(PY) bench/screen.py

clean:
	rm -rf $(VENV) var
