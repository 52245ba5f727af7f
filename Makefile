# The two commands a newcomer needs: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
# The demo's city: only its Sozialräume are offered (a deployment sets STAEDTE to its own city or cities).
STAEDTE ?= Bremen
FLASK := $(BIN)/flask --app app
PYTHON ?= python3

.PHONY: run dev test install browser-deps postgres-deps axe translations lint-sprache bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	touch $@

install: $(VENV)/.installed translations/en/LC_MESSAGES/messages.mo

translations/en/LC_MESSAGES/messages.mo: translations/en/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d translations

# Serve the app with content and marked demo data on the embedded SQLite database (or DATABASE_URL),
# with gunicorn as a deployment runs it (gunicorn.conf.py).
# COOKIE_SECURE=0 because the local server speaks plain http; a deployment behind https keeps the default.
run: install
	mkdir -p instance
	$(FLASK) db-upgrade
	$(FLASK) load-content
	@# Demo staff accounts with published passwords: allowed here on purpose, never in a deployment.
	@# Before load-demo, whose Willen and workshops belong to the demo Anbieter.
	DEMO_ACCOUNTS=1 $(FLASK) load-demo-staff
	$(FLASK) load-demo
	@echo "Mitreden: http://127.0.0.1:$(PORT)/  —  Mitarbeitende melden sich an unter http://127.0.0.1:$(PORT)/staff/anmelden (Demo-Konten oben)."
	STAEDTE="$(STAEDTE)" COOKIE_SECURE=0 PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py 'app:create_app()'

# For development: Flask's server, which reloads on every change of code or template.
dev: install
	mkdir -p instance
	$(FLASK) db-upgrade
	$(FLASK) load-content
	$(FLASK) load-demo
	STAEDTE="$(STAEDTE)" COOKIE_SECURE=0 $(FLASK) run --debug --host 127.0.0.1 --port $(PORT)

# Chromium and its driver come from Debian's packages; installed here when missing and we are root.
browser-deps:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
		echo "Die Browser-Tests brauchen Chromium und ChromeDriver."; \
		echo "Bitte als root installieren: apt-get install chromium chromium-driver"; exit 1; \
	fi

# PostgreSQL from Debian's packages: pg_virtualenv (postgresql-common) starts a throwaway cluster.
postgres-deps:
	@if command -v pg_virtualenv >/dev/null && ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else \
		echo "Die Tests brauchen PostgreSQL (pg_virtualenv)."; \
		echo "Bitte als root installieren: apt-get install postgresql"; exit 1; \
	fi

# axe-core (a current 4.x) from npm, pinned by package-lock.json.
axe: node_modules/axe-core/axe.min.js
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@command -v npm >/dev/null || { \
		if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
		else echo "Die Tests brauchen npm (Debian-Paket npm)."; exit 1; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Every test that touches the database runs on SQLite and on a throwaway PostgreSQL cluster, which
# pg_virtualenv starts before the tests and removes afterwards (-t: in a temporary folder).
PG_TEST_URL = postgresql+psycopg://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE
test: install browser-deps postgres-deps axe
	pg_virtualenv -t sh -c 'TEST_DATABASE_URL="$(PG_TEST_URL)" $(BIN)/python -m pytest -q -p no:cacheprovider -rs'

lint-sprache: install
	$(FLASK) lint-sprache

# Extract texts, update the catalogues and compile them (after changing a user-facing text).
translations: install
	$(FLASK) translations

# Part 2 of the benchmark needs PostgreSQL: pg_virtualenv (Debian's postgresql-common) makes a throwaway
# cluster and removes it afterwards. -t keeps its files in a temporary directory even as root, so a
# "regress" cluster of another pg_virtualenv run does not stop the benchmark. Without PostgreSQL (packages
# postgresql-common and postgresql), part 2 is skipped and parts 1 and 3 still run.
# What a person on a weak connection feels, and a 60-person workshop on a throwaway PostgreSQL.
bench: install browser-deps postgres-deps
	pg_virtualenv -t $(BIN)/python -m tools.bench

clean:
	rm -rf $(VENV) node_modules
