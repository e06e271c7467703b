# The two set-up commands: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint system-deps venv clean bench

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

# Debian packages for OCR, the real IMAP server, PostgreSQL and the browser. Skipped (with a
# note) where they are present already or where we are neither root nor have sudo.
system-deps:
	@bash scripts/system-deps.sh

demo: system-deps venv
	@$(PY) -m app.demo

test: system-deps venv
	@bash scripts/test.sh

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy claims parsers

bench: venv
	$(PY) bench/parse.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
