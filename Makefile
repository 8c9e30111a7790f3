# Quick start: `make` (install into .venv, validate, print the 2016 result) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: all install validate summary test clean

all: validate summary

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

SRC ?= $(or $(LABOUR2016_SOURCES),$(wildcard ../shared/sources))

validate: install
	$(BIN)/labour2016 validate $(if $(SRC),--sources $(SRC))

# The 2016 result, from the results view (see queries/views.sql; `labour2016 views` lists the rest).
summary: install
	@echo "The 2016 result (labour2016 query ... from results):"
	@$(BIN)/labour2016 query "select section, candidate_id, votes, round(share_pct,2) as share_pct, source_id from results where election_id='labour-leadership-2016' order by section, votes desc"

test: install
	$(BIN)/frictionless validate datapackage.json
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) dist build .pytest_cache site/node_modules

# The explorer (issue 14): DuckDB in the browser over data/ and queries/views.sql, in build/site;
# serve it with `python -m http.server -d build/site`. npm ci installs duckdb-wasm and esbuild at
# the versions site/package-lock.json pins; the site itself fetches nothing from the internet.
.PHONY: site
site: install site/node_modules/.package-lock.json
	$(BIN)/python -m labour2016.site --out build/site

site/node_modules/.package-lock.json: site/package.json site/package-lock.json
	cd site && npm ci --no-audit --no-fund

# Timings of validate, query and build, and a scale test to 10^6 rows (issue 7): minutes, and
# not part of `make test`. Writes benchmarks/RESULTS.md; BENCH_ARGS=--quick for a short try.
.PHONY: bench
bench: install
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# Regenerate docs/data-dictionary.md and the datasheet's counts from the schemas and data.
.PHONY: docs
docs: install
	$(BIN)/labour2016 docs
