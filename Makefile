# Pathways: `make run` to serve the site, `make test` for the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock | cksum | cut -d' ' -f1)

.PHONY: install run test test-sqlite test-postgres lint format fixtures check-fixtures bench loadtest screenshots lighthouse clean

install: $(STAMP)

$(STAMP): requirements-dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-dev.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

run: install
	@mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) import_pathways fixtures/pathways.json
	@echo "First time? Create an admin account with: $(BIN)/python manage.py createsuperuser"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The two legs side by side, one per core; each prints its output when it is done.
test: install
	@$(MAKE) --no-print-directory --output-sync=target -j2 test-sqlite test-postgres

test-sqlite:
	$(BIN)/python -m pytest

# Again on a throwaway PostgreSQL cluster, when the binaries exist: only the tests
# whose outcome the database can change (tests/conftest.py says which).
test-postgres:
	@if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then \
		bin/with-postgres $(BIN)/python -m pytest --database-dependent-only; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL binaries (initdb, pg_ctl) not found: the PostgreSQL leg cannot run in CI" >&2; exit 1; \
	else \
		echo "SKIPPED: PostgreSQL leg (initdb/pg_ctl not on PATH); the suite ran on SQLite only"; \
	fi

# The deploy check gets a throwaway key: it wants a long random one, as production has.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		DJANGO_ALLOWED_HOSTS=pathways.example \
		$(BIN)/python manage.py check --deploy --fail-level WARNING --settings pathways_site.settings.production
	$(BIN)/hadolint Dockerfile

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the shipped content from the source texts.
fixtures: install
	bin/build-fixtures fixtures/pathways.json

# Fail when the committed fixture is not what the source texts give.
check-fixtures: install
	bin/build-fixtures var/pathways.check.json
	diff -u fixtures/pathways.json var/pathways.check.json

# SQLite + local memory and PostgreSQL + Redis, about 20 minutes; results into docs/benchmarks.md.
bench: install
	$(BIN)/python -m bench

# 100 connections for 30 s against gunicorn, a throwaway PostgreSQL and Redis on loopback.
loadtest: install
	$(BIN)/python -m bench.loadtest --report docs/load-test.md

# The README's pictures of a guide and a hub, phone and desktop, from the running site.
screenshots: install
	$(BIN)/python -m bench.screenshots

# Lighthouse on a guide, a hub and the home page (production settings, mobile) into
# docs/lighthouse.md; the npm package goes to the git-ignored var/lighthouse/.
LIGHTHOUSE_VERSION ?= 12.8.2
lighthouse: install
	@test -x var/lighthouse/node_modules/.bin/lighthouse || \
		npm install --prefix var/lighthouse --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)
	$(BIN)/python -m bench.lighthouse

clean:
	rm -rf $(VENV) var staticfiles
