# Digest: `make html` builds the site, `make test` runs every check. `make help` lists the rest.
# Each target sets up what it needs: the venv from requirements.lock and node_modules from
# package-lock.json are (re)installed only when missing or when their lock file changed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONTENT ?= content
OUTPUT ?= output
REVIEW ?= review
PORT ?= 8000
BENCH_SIZES ?= 100 1000 5000 10000
PELICAN := $(BIN)/pelican $(CONTENT) -s pelican.conf.py --fatal warnings
# The site is built beside $(OUTPUT) (same file system: the swap is two renames, never a copy)
# and swapped in only when Pelican succeeded. A run killed between the two renames leaves the
# previous site in $(OUTPUT_OLD); the next run puts it back before doing anything else.
OUTPUT_ABS := $(abspath $(OUTPUT))
OUTPUT_NEW := $(dir $(OUTPUT_ABS)).$(notdir $(OUTPUT_ABS))-new
OUTPUT_OLD := $(dir $(OUTPUT_ABS)).$(notdir $(OUTPUT_ABS))-old
export DIGEST_CONTENT := $(abspath $(CONTENT))

VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: help setup check content html review serve devserver clean publish github test lint golden \
        bench bench-clean bench-search train-cleaner lock

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# The pip bundled with Python 3.11 (23.2) fails on two packages asking lxml for one extra
# spelled two ways (html_clean, html-clean); pip 24.1+ reads them as one.
PIP_PIN := pip==25.3

$(VENV_STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check '$(PIP_PIN)'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
	    --no-build-isolation -e .
	touch $@

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV_STAMP) $(NODE_STAMP) ## install the Python and npm dependencies (done by every target)

check: $(VENV_STAMP) ## check the editor's content (site.yaml, YAML, captures, warnings), build nothing
	$(BIN)/digest check --content $(CONTENT)

content: $(VENV_STAMP) ## turn content/captures into content/articles and print the report
	$(BIN)/digest content --content $(CONTENT)

define restore_output
	if [ ! -d $(OUTPUT) ] && [ -d $(OUTPUT_OLD) ]; then mv $(OUTPUT_OLD) $(OUTPUT); fi
	rm -rf $(OUTPUT_NEW) $(OUTPUT_OLD)
endef

define swap_output
	if [ -d $(OUTPUT) ]; then mv $(OUTPUT) $(OUTPUT_OLD); fi; mv $(OUTPUT_NEW) $(OUTPUT)
	rm -rf $(OUTPUT_OLD)
endef

html: setup check ## check the content, then build the site into output/ (replaced only on success)
	$(BIN)/digest content --content $(CONTENT) --quiet
	$(restore_output)
	DIGEST_PREVIOUS_OUTPUT=$(OUTPUT_ABS) $(PELICAN) -o $(OUTPUT_NEW)
	$(swap_output)
	@echo "site built in $(OUTPUT)/ -- make serve to read it"

review: setup ## write the review pages into review/: every line of every capture, its verdict
	$(BIN)/digest review --content $(CONTENT) --out $(REVIEW)

# SITEURL is checked before anything runs: the content stage is no prerequisite, it is made
# (by a sub-make) only once the check passed.
publish: ## build for publishing: SITEURL from the environment (or url: in site.yaml), feeds on
	@test -n "$${SITEURL:-}" || grep -qE '^url:[[:space:]]*[^[:space:]#]' $(CONTENT)/site.yaml 2>/dev/null || { echo "make publish: set SITEURL (SITEURL=https://user.github.io/repo make publish) or url: in $(CONTENT)/site.yaml" >&2; exit 2; }
	@$(MAKE) --no-print-directory setup content
	$(restore_output)
	DIGEST_PUBLISH=1 $(PELICAN) -o $(OUTPUT_NEW) --ignore-cache
	$(swap_output)

serve: ## serve output/ on http://127.0.0.1:8000
	@test -d $(OUTPUT) || { echo "no $(OUTPUT)/ yet: run make html first" >&2; exit 2; }
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

devserver: setup ## rebuild on every change to content, theme, plugins or scripts, and serve
	$(BIN)/python scripts/devserver.py --port $(PORT)

github: setup ## push output/ to the gh-pages branch (after make publish; refuses otherwise)
	@$(BIN)/python scripts/github_pages.py --output $(OUTPUT)

test: setup ## lint, then every test (unit, build, browser, quality gates)
	$(BIN)/ruff check pelican.conf.py scripts plugins tests
	$(BIN)/mypy
	$(BIN)/actionlint .github/workflows/*.yml
	$(BIN)/pytest

lint: setup ## ruff and mypy only
	$(BIN)/ruff check pelican.conf.py scripts plugins tests
	$(BIN)/mypy

golden: setup ## rewrite the golden files of the seed captures (then read the diff!)
	$(BIN)/python -m tests.golden_refresh

bench: setup ## build benchmark: digest vs plain Pelican vs Hugo, BENCH_SIZES="100 1000"
	$(BIN)/python scripts/bench_build.py --sizes $(BENCH_SIZES) --curate all

bench-clean: setup ## score the cleaner on dev + train-validation (text, html, appended, headline, date) + speed, articles with a box set inside, recent headers, recent page furniture
	$(BIN)/python scripts/bench_clean.py
	$(BIN)/python scripts/bench_boxes.py
	$(BIN)/python scripts/bench_headers.py
	$(BIN)/python scripts/bench_pages.py

# The headline scorer reads the lines the line model keeps, the line model where the headline
# stands: the two are retrained in turn until a pass changes no model file (a fixed point, so
# that a second run, or --check, gives the same bytes).
MODEL_FILES := scripts/digest/headline-model.json scripts/digest/cut-model.json scripts/digest/cleaner-model.json
train-cleaner: setup ## retrain the headline scorer, the appended cut and the line model (scripts/digest/*-model.json) on ../shared/cleaning-train, until a pass changes none
	@for pass in 1 2 3 4; do \
	  before=$$(cat $(MODEL_FILES) 2>/dev/null | sha256sum); \
	  $(BIN)/python scripts/train_headline.py && $(BIN)/python scripts/train_cleaner.py || exit 1; \
	  if [ "$$before" = "$$(cat $(MODEL_FILES) | sha256sum)" ]; then \
	    echo "train-cleaner: pass $$pass changed no model: done"; exit 0; fi; \
	done; echo "train-cleaner: the models still change after 4 passes" >&2; exit 1

bench-search: setup ## search budget in headless Chromium, digest vs plain lunr
	$(BIN)/python scripts/bench_search.py

lock: ## re-pin requirements.lock from pyproject.toml into a fresh venv
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet '$(PIP_PIN)' setuptools wheel && .venv-lock/bin/pip install --quiet -e '.[dev]'
	{ echo "# Exact pins of every Python package Digest needs (runtime, tests, lint)."; \
	  echo "# Regenerate after changing pyproject.toml: make lock"; \
	  .venv-lock/bin/pip freeze --all --exclude-editable | grep -vE '^pip==' | sort -f; } > requirements.lock
	rm -rf .venv-lock

clean: ## remove everything the build generates (keeps the venv and node_modules)
	rm -rf $(OUTPUT) $(OUTPUT_NEW) $(OUTPUT_OLD) $(CONTENT)/articles $(CONTENT)/site-pages .digest-cache $(REVIEW)
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +
