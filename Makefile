# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-serial mutation install dev lint bench eval taxonomy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

install: $(STAMP)

dev: $(DEV_STAMP)

run: $(STAMP)
	$(BIN)/resumeiq serve --host $(HOST) --port $(PORT)

# Random order (pytest-randomly; the seed is printed, rerun one with -p randomly --randomly-seed=N)
# on two processes (pytest-xdist; each has its own PostgreSQL database, Redis prefixes and tmp dirs).
test: $(DEV_STAMP)
	$(BIN)/python -m pytest -q -n 2

test-serial: $(DEV_STAMP)
	$(BIN)/python -m pytest -q

MUTATION_STAMP := $(VENV)/.installed-mutation
MUTANTS := "resumeiq.ratelimit.*" "resumeiq.worker.claim.*" "resumeiq.emails.tasks.*" \
	"resumeiq.engine.extract._limits.*" "resumeiq.engine.extract._docx.x__check_zip__*" \
	"resumeiq.engine.extract.x_extract_text__*" "resumeiq.screening.export.*" "resumeiq.users.security.*"

$(MUTATION_STAMP): $(DEV_STAMP)
	$(BIN)/pip install --quiet -e '.[dev,mutation]'
	touch $@

# Mutation testing of the modules issue 14 named (config: [tool.mutmut] in pyproject.toml); not
# part of `make test`. About 12 minutes here; prints the score per module and every survivor.
mutation: $(MUTATION_STAMP)
	nice -n 10 $(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/python scripts/mutation_score.py

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/eval_engine.py

taxonomy: $(STAMP)
	$(BIN)/python scripts/build_taxonomy.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
