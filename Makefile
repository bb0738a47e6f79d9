# One task runner for people and CI. Everything installs into .venv from PyPI; no network beyond it.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
QUESTION ?= Which Sector handles emergency telecommunications?

.PHONY: install setup demo test lint bench bench-slack clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/sectorbot: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e ".[dev]"
	@touch $@

install: $(BIN)/sectorbot  ## create .venv and install sectorbot with its dev tools

setup: install  ## provision the offline embedding model (once)
	$(BIN)/sectorbot setup

demo: setup  ## install, index the bundled corpus and ask a question, offline
	$(BIN)/sectorbot ingest
	$(BIN)/sectorbot ask "$(QUESTION)"

lint: install  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

test: setup lint  ## install, provision, lint, run the test suite
	$(BIN)/pytest -q || test $$? -eq 5  # exit 5 = no tests collected

bench: setup  ## retrieval benchmark: hybrid vs naive baseline, latency at 1k/10k/100k clauses
	$(BIN)/python -m bench.retrieval_bench

bench-slack: setup  ## Slack HTTP mode: 50 signed events at once; ack latency and time to posted answer
	$(BIN)/python -m bench.slack_bench

clean:  ## remove the venv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
