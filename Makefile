# Quick start: `make` (install into .venv, validate, print the 2016 result) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: all install validate summary test clean

all: validate summary

# `make install` (and `make test`) give the whole test environment; `make` itself needs only the
# runtime packages, so it installs those first and prints its result sooner, and `make test` adds
# the test extra to the same venv.
install: $(VENV)/.installed

# constraints.txt pins every package the test environment resolves (pyproject.toml has floors only),
# so `make`, CI and every developer install the same versions; `make lock` re-resolves it.
CONSTRAINTS := constraints.txt

# uv installs the same pinned set about twice as fast as pip (parallel downloads), so it is used when
# it is on PATH or the system pip can put it in the venv (one ~20 MB wheel, a couple of seconds).
# Plain pip is the fallback, also when uv fails (uv does not read pip's configuration, e.g. a
# mirror), and `make INSTALLER=pip` asks for it. Both compile the packages' bytecode as they
# install (pip does by default, uv when asked): where PYTHONDONTWRITEBYTECODE is set, as here,
# nothing else would, and every command would compile numpy, polars and pandera from source as it
# imported them (validate of the real package: 1.9 s without, 1.4 s with).
INSTALLER ?= auto

# $(call venv_install,REQUIREMENTS): install them into the venv, pinned by constraints.txt.
define venv_install
	@test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	@uv=; if [ "$(INSTALLER)" != pip ]; then \
	  uv=$$(command -v uv || command -v $(BIN)/uv) || { \
	    $(PYTHON) -m pip --python $(BIN)/python install --quiet -c $(CONSTRAINTS) uv && uv=$(BIN)/uv; }; \
	fi; \
	if [ -n "$$uv" ] && echo "installing $(1) with $$uv" && "$$uv" pip install --quiet --compile-bytecode --python $(BIN)/python -c $(CONSTRAINTS) $(1); \
	then :; else \
	  echo "installing $(1) with pip" \
	  && { $(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --upgrade >/dev/null; } \
	  && $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) $(1); \
	fi
	@touch $@
endef

$(VENV)/.runtime: pyproject.toml $(CONSTRAINTS)
	$(call venv_install,-e .)

# pip too, pinned: the tests build and install the wheel with it.
$(VENV)/.installed: $(VENV)/.runtime
	$(call venv_install,-e '.[test]' pip)

SRC ?= $(or $(LABOUR2016_SOURCES),$(wildcard ../shared/sources))

validate: $(VENV)/.runtime
	$(BIN)/labour2016 validate $(if $(SRC),--sources $(SRC))

# The 2016 result, from the results view (see queries/views.sql; `labour2016 views` lists the rest).
summary: $(VENV)/.runtime
	@echo "The 2016 result (labour2016 query ... from results):"
	@$(BIN)/labour2016 query "select section, candidate_id, votes, round(share_pct,2) as share_pct, source_id from results where election_id='labour-leadership-2016' order by section, votes desc"

# pytest-xdist spreads the tests over two processes (the machines here have two cores); each
# builds the package at most once (tests/conftest.py's session fixture).
PYTEST_WORKERS ?= 2

test: install
	$(BIN)/ruff check .
	$(BIN)/frictionless validate datapackage.json
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)

# The edit loop: validate (with the source texts where found) and the fast tests (marked `check`
# in tests/conftest.py: derived files, views, spelling, CLI; no builds, browsers, wheels or servers).
.PHONY: check
check: install
	$(BIN)/labour2016 validate $(if $(SRC),--sources $(SRC))
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) -m "check and not slow"

clean:
	rm -rf $(VENV) dist build .pytest_cache site/node_modules

# The explorer (issues 14, 21): static pages rendered from the views through Python's DuckDB, in
# build/site, with duckdb-wasm on the SQL page only; serve it with `python -m http.server -d build/site`.
# npm ci installs duckdb-wasm, esbuild and axe-core (for the browser tests) at the versions
# site/package-lock.json pins; the site itself fetches nothing from the internet.
.PHONY: site
site: install site/node_modules/.package-lock.json
	$(BIN)/python -m labour2016.site --out build/site

site/node_modules/.package-lock.json: site/package.json site/package-lock.json
	cd site && npm ci --no-audit --no-fund

# Re-resolve constraints.txt from pyproject.toml for every Python the package supports (needs uv
# and the package index); commit the result with the change that needed it.
.PHONY: lock
lock:
	uv pip compile pyproject.toml --extra test --extra charts --universal --python-version 3.11 \
		--custom-compile-command "make lock" -o $(CONSTRAINTS)

# Timings of validate, query and build, and a scale test to 10^6 rows (issue 7): minutes, and
# not part of `make test`. Writes benchmarks/RESULTS.md; BENCH_ARGS=--quick for a short try.
# labour2016's own modules are compiled first, as installing its wheel compiles them: the editable
# install never is where PYTHONDONTWRITEBYTECODE is set, and compiling them cost every timed
# command 30 ms (frictionless is measured compiled too).
.PHONY: bench
bench: install
	$(BIN)/python -m compileall -q src/labour2016
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# After an edit to data/, schemas/ or queries/views/: regenerate everything derived from them
# (queries/views.sql, the data dictionary and datasheet, views/*.csv, README's dataset card and
# example outputs, the charts); the tests fail, naming this command, while any is stale.
.PHONY: docs
docs: install
	$(BIN)/labour2016 docs $(if $(SRC),--sources $(SRC))
