# Two commands for a new user: `make serve` and `make test`. Each creates the virtual
# environment from requirements.txt (hash-checked) when it is missing or out of date.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-from-lock
SITE_DIR ?= site

# Material prints a multi-line end-of-life notice on every build; it is known noise.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check status test bench search-bench lock clean

# The .pth file lets MkDocs hooks import the project's `scripts` package from any directory.
$(INSTALLED): requirements.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	echo "$(CURDIR)" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/handbook-project.pth"
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

check: $(INSTALLED) ## Check every locale against the default locale and the registry
	$(PY) -m scripts check

status: $(INSTALLED) ## Translation status per locale: missing, untranslated, outdated, up to date
	$(PY) -m scripts status

test: $(INSTALLED) $(NODE_TOOLS) ## Everything that must pass (outdated translations count as errors here)
	$(PY) -m scripts check --strict
	$(PY) -m pytest

bench: $(INSTALLED) ## Print timing and size figures (not a test)
	$(PY) -m scripts bench

search-bench: $(INSTALLED) ## Search relevance (success@5, MRR) beside vanilla Material, typed into Chromium (not a test)
	$(PY) -m scripts search-bench $(if $(AGAINST),--against $(AGAINST))

lock: ## Re-resolve requirements.in into requirements.txt with hashes
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) $(SITE_DIR) .pytest_cache node_modules
