# The two commands of the README: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Where `make run` serves; `make run PORT=8001` when 8000 is taken.
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench clean lock

$(BIN)/.installed: pyproject.toml requirements.lock
	@echo "Setting up $(VENV) (first run only)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	@touch $@

run: $(BIN)/.installed  ## Load the demo into ./var/ (SQLite) and serve it on http://127.0.0.1:8000
	@# Say so before gunicorn fails five times on a taken port.
	@$(BIN)/python -c 'import socket, sys; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("$(HOST)", $(PORT)))' 2>/dev/null \
	  || { echo "Port $(PORT) on $(HOST) is taken by another program. Serve on another one with: make run PORT=8001" >&2; exit 1; }
	$(BIN)/undersigned compiletranslations
	$(BIN)/undersigned demo
	HOST=$(HOST) PORT=$(PORT) $(BIN)/undersigned serve

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	@# Types of the actions and the permission module (pyproject.toml [tool.mypy]).
	PYTHONPATH=src $(BIN)/mypy src/undersigned/*/actions.py src/undersigned/coalitions/permissions.py src/undersigned/accounts/tokens.py
	$(BIN)/undersigned check --fail-level WARNING
	$(BIN)/undersigned makemigrations --check --dry-run

test: lint  ## Lint, then the whole test suite (browser tests need /usr/bin/chromium)
	$(BIN)/undersigned compiletranslations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(BIN)/.installed  ## Load benchmarks on SQLite, PostgreSQL and through nginx; writes BENCHMARKS.md
	@# wrk (GETs) and nginx (the at-scale run) come from Debian's packages; CI never needs them.
	@if ! command -v wrk >/dev/null || ! [ -x /usr/sbin/nginx ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get install -y -qq nginx-light wrk || { apt-get update -qq && apt-get install -y -qq nginx-light wrk; }; \
		else echo "Install wrk and nginx (apt-get install nginx-light wrk) for the full benchmark."; fi; \
	fi
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache .hypothesis

lock:  ## Pin the versions installed now (after changing pyproject.toml) into requirements.lock
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	(head -2 requirements.lock; .lock-venv/bin/pip freeze --exclude-editable | grep -v '^undersigned') > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-venv
