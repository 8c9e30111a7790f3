# Quick start: `make` (install into .venv, validate, print the 2016 result) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: all install validate summary test clean

all: validate summary

install: $(VENV)/.installed

# constraints.txt pins every package the test environment resolves (pyproject.toml has floors only),
# so `make`, CI and every developer install the same versions; `make lock` re-resolves it.
CONSTRAINTS := constraints.txt

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip -c $(CONSTRAINTS)
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[test]'
	touch $@

SRC ?= $(or $(LABOUR2016_SOURCES),$(wildcard ../shared/sources))

validate: install
	$(BIN)/labour2016 validate $(if $(SRC),--sources $(SRC))

# The 2016 result, from the results view (see queries/views.sql; `labour2016 views` lists the rest).
summary: install
	@echo "The 2016 result (labour2016 query ... from results):"
	@$(BIN)/labour2016 query "select section, candidate_id, votes, round(share_pct,2) as share_pct, source_id from results where election_id='labour-leadership-2016' order by section, votes desc"

test: install
	$(BIN)/ruff check .
	$(BIN)/frictionless validate datapackage.json
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) dist build .pytest_cache

# Re-resolve constraints.txt from pyproject.toml for every Python the package supports (needs uv
# and the package index); commit the result with the change that needed it.
.PHONY: lock
lock:
	uv pip compile pyproject.toml --extra test --extra charts --universal --python-version 3.11 \
		--custom-compile-command "make lock" -o $(CONSTRAINTS)

# Timings of validate, query and build, and a scale test to 10^6 rows (issue 7): minutes, and
# not part of `make test`. Writes benchmarks/RESULTS.md; BENCH_ARGS=--quick for a short try.
.PHONY: bench
bench: install
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# Regenerate docs/data-dictionary.md and the datasheet's counts from the schemas and data.
.PHONY: docs
docs: install
	$(BIN)/labour2016 docs
