# The two commands of the README: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Where `make run` serves; `make run PORT=8001` when 8000 is taken.
HOST ?= 127.0.0.1
PORT ?= 8000
# The data of the embedded mode: the database, its secret key, its backups, the outbox.
VAR_DIR ?= $(or $(UNDERSIGNED_VAR_DIR),var)

.PHONY: run test lint bench clean clean-data lock

$(BIN)/.installed: pyproject.toml requirements.lock
	@echo "Setting up $(VENV) (first run only)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	@touch $@

run: $(BIN)/.installed  ## Load the demo into ./var/ (SQLite) and serve it on http://127.0.0.1:8000
	@case "$(PORT)" in ''|*[!0-9]*) echo "PORT=$(PORT) is not a port number: use a number from 1 to 65535, e.g. make run PORT=8001" >&2; exit 1;; esac
	@[ "$(PORT)" -ge 1 ] && [ "$(PORT)" -le 65535 ] || { echo "PORT=$(PORT) is not a port number: use a number from 1 to 65535, e.g. make run PORT=8001" >&2; exit 1; }
	@# Say so before gunicorn fails five times on a taken port.
	@$(BIN)/python -c 'import socket, sys; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("$(HOST)", $(PORT)))' 2>/dev/null \
	  || { echo "Port $(PORT) on $(HOST) is taken by another program. Serve on another one with: make run PORT=8001" >&2; exit 1; }
	$(BIN)/undersigned compiletranslations
	HOST=$(HOST) PORT=$(PORT) $(BIN)/undersigned demo
	HOST=$(HOST) PORT=$(PORT) $(BIN)/undersigned serve

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	@# Types of the actions and the permission module (pyproject.toml [tool.mypy]).
	PYTHONPATH=src $(BIN)/mypy src/undersigned/*/actions.py src/undersigned/coalitions/permissions.py src/undersigned/accounts/tokens.py src/undersigned/coalitions/bulk.py src/undersigned/signing/reminders.py src/undersigned/signing/notices.py src/undersigned/accounts/languages.py
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

clean:  ## Delete what can be made again (the virtualenv, test leftovers); never the data in var/
	rm -rf $(VENV) test-artifacts .pytest_cache .hypothesis

clean-data:  ## Delete var/: the database, its secret key and its backups (asks first)
	@if [ ! -e "$(VAR_DIR)" ]; then echo "There is no $(VAR_DIR)/: nothing to delete."; exit 0; fi; \
	printf '%s\n' "This deletes $(abspath $(VAR_DIR)): the database, its secret key, its backups and the outbox." \
	  "In the embedded mode that is all the site's data; copy what you need out of it first."; \
	printf 'Type "delete" to delete it: '; read answer; \
	if [ "$$answer" = delete ]; then rm -rf "$(VAR_DIR)" && echo "Deleted $(VAR_DIR)/."; \
	else echo "Nothing deleted."; exit 1; fi

lock:  ## Pin the versions installed now (after changing pyproject.toml) into requirements.lock
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	(head -2 requirements.lock; .lock-venv/bin/pip freeze --exclude-editable | grep -v '^undersigned') > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-venv
