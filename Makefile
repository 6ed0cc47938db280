# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-serial mutation install dev lint bench eval taxonomy synth train-entries clean chromium

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
test: $(DEV_STAMP) chromium
	$(BIN)/python -m pytest -q -n 2

# The web app's browser tests drive Debian's Chromium (never a browser Playwright downloads).
CHROMIUM := /usr/bin/chromium

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "make: $(CHROMIUM) is missing (the web app's browser tests drive it): installing it with apt-get"; \
		apt-get install -y chromium || { apt-get update && apt-get install -y chromium; } || \
		echo "make: Chromium could not be installed: the browser tests will be skipped (they fail under CI=true)"; \
	fi

test-serial: $(DEV_STAMP) chromium
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
	$(BIN)/python scripts/build_common_words.py

# The entry labeller's data and model (not part of `make test`; about 25 minutes on 2 cores).
# `make synth` writes generated resumes of invented people outside the repository: SYNTH_SEEDS
# training sets of SYNTH_N resumes in the "train" layouts, and a held-out set in the "heldout"
# layouts (other frames and arrangements), with invented postings and grades, for measuring parsing
# and ranking on layouts the model has not seen:
#   $(BIN)/python benchmarks/eval_engine.py --synth $(SYNTH_DIR)/heldout
# `make train-entries` trains src/resumeiq/engine/data/entries.crfsuite on the training sets.
SYNTH_DIR ?= /tmp/resumeiq-synth
SYNTH_N ?= 2500
SYNTH_SEEDS ?= 5 6 7
SYNTH_JOBS ?= 2

synth: $(DEV_STAMP)
	for seed in $(SYNTH_SEEDS); do \
		$(BIN)/python scripts/synth/build.py --out $(SYNTH_DIR)/train-s$$seed --n $(SYNTH_N) --seed $$seed \
			--renderers train --jobs $(SYNTH_JOBS) --no-postings || exit 1; \
	done
	$(BIN)/python scripts/synth/build.py --out $(SYNTH_DIR)/heldout --n 240 --seed 101 --renderers heldout --jobs $(SYNTH_JOBS)

train-entries: synth
	$(BIN)/python scripts/train_entries.py $(foreach seed,$(SYNTH_SEEDS),$(SYNTH_DIR)/train-s$(seed)) \
		--jobs $(SYNTH_JOBS) --out src/resumeiq/engine/data/entries.crfsuite

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
