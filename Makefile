# Two commands for a new user: `make serve` and `make test`. Each creates the virtual
# environment from requirements.txt (hash-checked) when it is missing or out of date.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-from-lock
SITE_DIR ?= site
# The project the translator's targets (check, status, diff, stamp, term, build, serve) work on; another
# copy: `make check ROOT=../copy`.
ROOT ?= .
# The engine that builds and serves the site from mkdocs.yml: ProperDocs, the maintained continuation of
# MkDocs 1.6, or MkDocs itself (README, "The engine"; tests/test_engines.py keeps the other one building).
ENGINE ?= properdocs
PYTEST := $(PY) -m pytest --engine $(ENGINE)

# Debian/Ubuntu packages the handbook needs beyond Python: Hunspell and its English and Norwegian
# dictionaries (the checker's spelling rule), and the thesauri the search's synonym table is built
# from. `make system-packages` installs the missing ones; the other targets ask for it first.
SYSTEM_PACKAGES := hunspell hunspell-en-us hunspell-no mythes-en-us mythes-no

# Material prints a multi-line end-of-life notice on every build; it is known noise.
export NO_MKDOCS_2_WARNING := 1

.PHONY: system-packages serve build site-url check status diff stamp term lint test test-fast ci bench engines zensical-trial search-bench lighthouse upgrade-canary lock clean

# The locked dependencies first (hash-checked), then the project's own package, `handbook`
# (scripts/handbook/: the checker, the translator commands and the MkDocs plugin), built with
# the locked setuptools, with its bytecode as pip writes the locked packages': Python reads it also
# where writing it is off (PYTHONDONTWRITEBYTECODE), and compiles anew only a file that changed.
$(INSTALLED): requirements.txt pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m compileall -q scripts/handbook
	touch $@

# Test tools from npm (the Nu HTML checker), installed from package-lock.json with its hashes.
NODE_TOOLS := node_modules/.installed-from-lock
$(NODE_TOOLS): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

system-packages: ## Install the Debian/Ubuntu packages the handbook needs, if missing (uses sudo unless root)
	@command -v dpkg >/dev/null || { echo "Not Debian or Ubuntu: install $(SYSTEM_PACKAGES) (or your system's equivalents) yourself."; exit 0; }; \
	missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# GNU make ends any failing recipe with its own `make: *** [Makefile:N: check] Error 1` line, and no
# option (-s, .SILENT, --no-print-directory) silences it; a translator reads it as a crash after the
# checker's count, the build's `Aborted with a BuildError!` or `Nothing was stamped.`. So the targets a
# translator runs wrap their command in `$(call quietly,COMMAND)`: when COMMAND fails, the recipe ends
# make itself with SIGPIPE, which make and shells end on without a word (exit status 141); where
# SIGPIPE is ignored, `exit 1` follows and make fails as usual. A make that runs such a target as a
# sub-make (`make ci` runs the build so) sees it end on a signal and fails, loudly. Ctrl+C (how
# `make serve` is stopped) interrupts COMMAND but not the recipe's shell (`trap : INT`), so make
# reports no `Interrupt` either. Only COMMAND is guarded: put it last on its recipe line.
quietly = trap : INT; $(1) || { kill -PIPE $$PPID; exit 1; }

# `$(call needs,VARIABLE,example)`: when VARIABLE is empty, stop (quietly) with an example of the
# command (the example has no single quote).
needs = $(call quietly,test -n "$(strip $($(1)))" || { echo 'make $@ needs $(1). For example: $(2)' >&2; false; })

serve: $(INSTALLED) system-packages ## Serve the site with live reload on http://127.0.0.1:8000/handbook/
	@$(call quietly,$(PY) -m $(ENGINE) serve -f "$(abspath $(ROOT))/mkdocs.yml")

build: $(INSTALLED) system-packages ## Strict build into site/, for the address `make site-url` prints (if any)
	@url="$$($(MAKE) --no-print-directory -s site-url)"; \
	if [ -n "$$url" ]; then export SITE_URL="$$url"; else unset SITE_URL; fi; \
	$(call quietly,$(PY) -m $(ENGINE) build --strict -f "$(abspath $(ROOT))/mkdocs.yml" --site-dir $(SITE_DIR))

# The address the site is built for: SITE_URL if set (on GitHub, the repository variable); else, with
# GITHUB_REPOSITORY=<owner>/<repo> (set on GitHub), GitHub Pages' address: https://<owner>.github.io/ for
# a repository named <owner>.github.io, https://<owner>.github.io/<repo>/ for any other; else nothing
# (mkdocs.yml's site_url).
site-url:
	@owner="$${GITHUB_REPOSITORY%%/*}"; repo="$${GITHUB_REPOSITORY#*/}"; \
	if [ -n "$$SITE_URL" ]; then echo "$$SITE_URL"; \
	elif [ -z "$$GITHUB_REPOSITORY" ]; then :; \
	elif [ "$$(echo "$$repo" | tr A-Z a-z)" = "$$(echo "$$owner.github.io" | tr A-Z a-z)" ]; then \
		echo "https://$$owner.github.io/"; \
	else echo "https://$$owner.github.io/$$repo/"; fi

check: $(INSTALLED) system-packages ## Check every locale against the default locale and the registry
	@$(call quietly,$(VENV)/bin/handbook --root $(ROOT) check)

status: $(INSTALLED) ## Translation status per locale: missing, untranslated, outdated, up to date
	@$(call quietly,$(VENV)/bin/handbook --root $(ROOT) status)

# The translator's `handbook` commands without activating .venv (TRANSLATING.md): PAGE is a page's file
# name (for `stamp`, several in quotes), LOCALE its language, WORD a word or phrase in any language.
LOCALE ?= nb

diff: $(INSTALLED) ## What changed in English since PAGE was stamped: make diff PAGE=roadblocks.md [LOCALE=nb]
	@$(call needs,PAGE,make diff PAGE=roadblocks.md)
	@$(call quietly,$(VENV)/bin/handbook --root $(ROOT) diff $(LOCALE) $(PAGE))

stamp: $(INSTALLED) system-packages ## Record that PAGE translates the current English: make stamp PAGE=roadblocks.md [UNCHANGED=1] [LOCALE=nb]
	@$(call needs,PAGE,make stamp PAGE=roadblocks.md (several pages: PAGE="roadblocks.md mistakes.md"))
	@$(call quietly,$(VENV)/bin/handbook --root $(ROOT) stamp $(if $(UNCHANGED),--unchanged) $(LOCALE) $(PAGE))

term: $(INSTALLED) system-packages ## Look a word up in the termbase, in either language: make term WORD=kunde
	@$(call needs,WORD,make term WORD=kunde (a phrase: WORD="med en gang"))
	@$(call quietly,$(VENV)/bin/handbook --root $(ROOT) term "$(WORD)")

lint: $(INSTALLED) ## ruff, mypy strict, and zizmor (offline, pedantic) on the workflows
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests
	$(VENV)/bin/mypy
	$(VENV)/bin/zizmor --offline --persona pedantic --no-progress --quiet .github

test: $(INSTALLED) system-packages $(NODE_TOOLS) lint ## Everything that must pass (outdated translations count as errors here)
	$(VENV)/bin/handbook check --strict
	$(PYTEST)

test-fast: $(INSTALLED) system-packages $(NODE_TOOLS) ## The tests that need no browser and no Java, in seconds
	$(VENV)/bin/handbook check --strict
	$(PYTEST) -m "not browser and not java and not slow"

# What CI runs, in the workflow's test job and in .ci/run: `make test` plus the build; pytest comes last so
# that its summary line ends the output.
ci: $(INSTALLED) system-packages $(NODE_TOOLS) lint
	$(VENV)/bin/handbook check --strict
	$(MAKE) --no-print-directory build
	$(PYTEST)

bench: $(INSTALLED) system-packages ## Print timing and size figures (not a test)
	PYTHONPATH=scripts $(PY) -m handbook_bench bench

engines: $(INSTALLED) system-packages ## MkDocs beside ProperDocs: build times and the two sites compared file by file (not a test)
	PYTHONPATH=scripts $(PY) -m handbook_bench engines

zensical-trial: $(INSTALLED) ## The handbook built with Zensical (throwaway environment): what survives, feature by feature (not a test)
	PYTHONPATH=scripts $(PY) -m handbook_bench.zensical_trial

lighthouse: $(INSTALLED) $(NODE_TOOLS) ## Print Lighthouse scores (3 runs, median performance; not a test)
	PYTHONPATH=scripts $(PY) -m handbook_bench.lighthouse

search-bench: $(INSTALLED) system-packages ## Search relevance (success@5, MRR) beside vanilla Material, typed into Chromium (not a test)
	PYTHONPATH=scripts $(PY) -m handbook_bench search-bench $(if $(AGAINST),--against $(AGAINST))

# Early warning (.github/workflows/upgrade-canary.yml runs it weekly): the newest releases of the engines,
# Material, static-i18n and pymdown-extensions over the lock, in .venv-canary/; the build and the fast tests;
# what broke, with the versions and the failing tests. Needs only python3: it builds its own environment.
upgrade-canary: $(NODE_TOOLS) ## The newest MkDocs family over the lock: build and fast tests, what broke (not a test)
	PYTHONPATH=scripts $(PYTHON) -m handbook_bench.canary --engine $(ENGINE)

lock: ## Re-resolve requirements.in into requirements.txt with hashes
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) .venv-canary $(SITE_DIR) .pytest_cache node_modules
