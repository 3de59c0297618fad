# Two commands for a new user: `make serve` and `make test`. Each creates the virtual
# environment from requirements.txt (hash-checked) when it is missing or out of date.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-from-lock
SITE_DIR ?= site
# The project `make check` checks (another copy: `make check ROOT=../copy`).
ROOT ?= .

# Material prints a multi-line end-of-life notice on every build; it is known noise.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check status lint test test-fast bench search-bench lighthouse lock clean

# The locked dependencies first (hash-checked), then the project's own package, `handbook`
# (scripts/handbook/: the checker, the translator commands and the MkDocs plugin), built with
# the locked setuptools.
$(INSTALLED): requirements.txt pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Test tools from npm (the Nu HTML checker), installed from package-lock.json with its hashes.
NODE_TOOLS := node_modules/.installed-from-lock
$(NODE_TOOLS): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: $(INSTALLED) ## Serve the site with live reload on http://127.0.0.1:8000/handbook/
	$(PY) -m mkdocs serve

build: $(INSTALLED) ## Strict build into site/
	$(PY) -m mkdocs build --strict --site-dir $(SITE_DIR)

# GNU make ends any failing recipe with its own `make: *** [Makefile:N: check] Error 1` line, and no
# option (-s, .SILENT, --no-print-directory) silences it; a translator reads it as a crash after the
# checker's summary. So when the check fails, the recipe ends make itself with SIGPIPE, which make
# and shells end on without a word (exit status 141); where SIGPIPE is ignored, `exit 1` follows and
# make fails as usual.
check: $(INSTALLED) ## Check every locale against the default locale and the registry
	@$(VENV)/bin/handbook --root $(ROOT) check || { kill -PIPE $$PPID; exit 1; }

status: $(INSTALLED) ## Translation status per locale: missing, untranslated, outdated, up to date
	$(VENV)/bin/handbook status

lint: $(INSTALLED) ## ruff, and mypy (strict on the handbook package and the CI runner)
	$(VENV)/bin/ruff check scripts tests .ci
	$(VENV)/bin/ruff format --check scripts tests .ci
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --strict .ci/runner

test: $(INSTALLED) $(NODE_TOOLS) lint ## Everything that must pass (outdated translations count as errors here)
	$(VENV)/bin/handbook check --strict
	$(PY) -m pytest

test-fast: $(INSTALLED) $(NODE_TOOLS) ## The tests that need no browser and no Java, in seconds
	$(VENV)/bin/handbook check --strict
	$(PY) -m pytest -m "not browser and not java"

bench: $(INSTALLED) ## Print timing and size figures (not a test)
	PYTHONPATH=scripts $(PY) -m handbook_bench bench

lighthouse: $(INSTALLED) $(NODE_TOOLS) ## Print Lighthouse scores (3 runs, median performance; not a test)
	PYTHONPATH=scripts $(PY) -m handbook_bench.lighthouse

search-bench: $(INSTALLED) ## Search relevance (success@5, MRR) beside vanilla Material, typed into Chromium (not a test)
	PYTHONPATH=scripts $(PY) -m handbook_bench search-bench $(if $(AGAINST),--against $(AGAINST))

lock: ## Re-resolve requirements.in into requirements.txt with hashes
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) $(SITE_DIR) .pytest_cache node_modules
