# Two commands on a fresh machine: `make run` and `make test`. Everything else follows from them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint format bench bench-full index clean-index

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Bytecode is written here as a wheel install would: with PYTHONDONTWRITEBYTECODE set (as in
# many containers) every start would compile the sources again. Up to date, this takes ~50 ms.
run: $(STAMP)
	$(BIN)/python -m compileall -q src > /dev/null
	$(BIN)/idlibtui

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

lint: $(STAMP)
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

index: $(STAMP)
	$(BIN)/idlibtui index

# The benchmarks also need the `bench` extra (psutil, for memory and machine figures).
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench --quick

bench-full: $(BENCH_STAMP)
	$(BIN)/python -m bench --full
