VENV ?= .venv
PY := $(VENV)/bin/python
SEED := seeds/000_4884c0e8cb92d681.txt

.PHONY: demo test bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,syntax,serve,lsp,languagetool]'
	touch $@

demo: $(VENV)/.installed
	-$(VENV)/bin/mtfix check $(SEED)
	@$(VENV)/bin/mtfix score $(SEED)

test: $(VENV)/.installed
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) bench/accuracy.py
	$(PY) bench/speed.py
	$(PY) bench/syntax.py
	$(PY) bench/rulestats.py --print

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
