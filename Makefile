# ActorGraph: `make demo` and `make test` work on a fresh Debian machine with Swift.
SWIFT        ?= swift
SEEDS        ?= ../shared/seeds
DEMO_OUTPUT  ?= demo-output
PYTHON       ?= python3
# apt-get needs root; use sudo when we are not root and sudo exists.
SUDO         := $(shell if [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then echo sudo; fi)
BIN          := .build/release/actorgraph
PREFIX       ?= /usr/local

.PHONY: all demo test deps graphviz python-deps engine-deps engine-test build release install explorer explore bench fuzz sanitize clean browser-deps browser-test explorer-build explorer-test explorer-bench fuzz-totals

all: build

## deps: install what the build and tests need (Graphviz's C library, networkx for consumer checks).
deps: graphviz python-deps

graphviz:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null 2>&1; then \
		echo "Installing Graphviz (libgraphviz-dev, graphviz, pkg-config) with apt-get..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgraphviz-dev graphviz pkg-config; \
	fi
	@pkg-config --exists libgvc || { echo "error: libgvc is still missing; install libgraphviz-dev" >&2; exit 1; }

# networkx reads our GraphML/GEXF in the tests, which run .venv's Python whenever .venv exists (the browser and engine
# tests create it too), so networkx goes into .venv even when the system Python has it.
python-deps:
	@[ -x .venv/bin/python3 ] || $(PYTHON) -m venv .venv
	@if ! .venv/bin/python3 -c 'import networkx' 2>/dev/null; then \
		echo "Installing networkx into .venv (for the GraphML/GEXF consumer tests)..."; \
		.venv/bin/pip install -q networkx || \
		echo "warning: could not install networkx; its consumer tests will be skipped (and fail under CI=true)" >&2; \
	fi

# The engine tests (Tests/Engines) load our exports into DuckDB and run the Spark recipe in local mode: they need
# duckdb, pyspark and pytest in .venv and a Java runtime (Debian's OpenJDK 17) for Spark.
engine-deps:
	@if ! command -v java >/dev/null 2>&1; then \
		echo "Installing a Java runtime for Spark (openjdk-17-jre-headless) with apt-get..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless; \
	fi
	@[ -x .venv/bin/python3 ] || $(PYTHON) -m venv .venv
	@if ! .venv/bin/python3 -c 'import duckdb, pyspark, pytest' 2>/dev/null; then \
		echo "Installing duckdb, pyspark and pytest into .venv (for the engine tests)..."; \
		.venv/bin/pip install -q duckdb pyspark pytest; \
	fi

## engine-test: DuckDB and Spark (local mode) read our exports and agree with our answers (a few minutes).
engine-test: engine-deps
	$(SWIFT) build
	cd Tests/Engines && SPARK_LOCAL_IP=127.0.0.1 ACTORGRAPH=$(CURDIR)/.build/debug/actorgraph \
		../../.venv/bin/python3 -m pytest -q -p no:cacheprovider .

build: graphviz
	$(SWIFT) build

release: graphviz
	$(SWIFT) build -c release

## test: install what is missing (Graphviz, networkx, Chromium, chromium-driver, node-d3, Selenium), then run every
## test of the main package, the explorer's route tests (Explorer/Tests) and its browser tests (Explorer/BrowserTests).
## The browser tests are skipped, with a banner, only outside CI when Chromium or Selenium cannot be installed;
## under CI=true that is a failure.
test: deps browser-deps
	$(PYTHON) scripts/house-check.py
	$(SWIFT) test
	$(MAKE) explorer-test
	$(MAKE) browser-test

## browser-deps: Debian's chromium, chromium-driver and node-d3 (the explorer's /vendor/d3.min.js), Selenium in .venv.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || \
		[ ! -f /usr/share/nodejs/d3/dist/d3.min.js ]; then \
		echo "Installing chromium, chromium-driver and node-d3 with apt-get (for the explorer's browser tests)..."; \
		($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
			--no-install-recommends chromium chromium-driver node-d3) || \
		echo "warning: could not install chromium, chromium-driver or node-d3 with apt-get" >&2; \
	fi
	@if ! .venv/bin/python3 -c 'import selenium' 2>/dev/null; then \
		echo "Installing Selenium into .venv (for the explorer's browser tests)..."; \
		([ -x .venv/bin/python3 ] || $(PYTHON) -m venv .venv) && .venv/bin/pip install -q selenium || \
		echo "warning: could not install Selenium into .venv" >&2; \
	fi

## explorer-build: the explorer server (nested package Explorer/, debug build, with its tests so that it shares
## explorer-test's build).
explorer-build: graphviz
	$(SWIFT) build --package-path Explorer --build-tests

## explorer-test: the explorer's route tests (Explorer/Tests); the parity tests run the main package's CLI, built first.
# (Builds use --build-tests throughout: a --product build of the nested package recompiles Hummingbird each time.)
explorer-test: graphviz
	$(SWIFT) build
	$(SWIFT) build --package-path Explorer --build-tests
	ACTORGRAPH_CLI=$(CURDIR)/.build/debug/actorgraph $(SWIFT) test --package-path Explorer --skip-build

## browser-test: the explorer page in headless Chromium (Explorer/BrowserTests); screenshots in its output/ folder.
# Skipped, loudly, only outside CI when Chromium or Selenium cannot be installed; under CI=true that fails.
browser-test: browser-deps explorer-build
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || \
		! .venv/bin/python3 -c 'import selenium' 2>/dev/null; then \
		if [ "$$CI" = true ]; then echo "error: CI=true but chromium, chromedriver or Selenium is missing" >&2; exit 1; fi; \
		echo "************************************************************************" >&2; \
		echo "** SKIPPED: the explorer's browser tests (chromium, chromium-driver or **" >&2; \
		echo "** Selenium could not be installed). The web page is NOT tested.      **" >&2; \
		echo "************************************************************************" >&2; \
	else \
		cd Explorer/BrowserTests && ../../.venv/bin/python3 -m unittest discover -p 'test_*.py' -v; \
	fi

## demo: install what is missing, build in release mode, and run the main job on graphs/.
demo: deps release
	@echo "== actorgraph check: the seed graph, verified against the source texts where they are present"
	@if [ -d "$(SEEDS)" ]; then $(BIN) check --require-sources --graph graphs --sources $(SEEDS); else $(BIN) check --require-sources --graph graphs; fi
	@echo
	@echo "== actorgraph show Russia"
	@$(BIN) show Russia
	@echo
	@echo "== actorgraph show Taliban"
	@$(BIN) show Taliban
	@echo
	@echo "== actorgraph show Zhirnov"
	@$(BIN) show Zhirnov
	@echo
	@echo "== actorgraph path putin al-qaeda: how is Putin connected to al-Qaeda?"
	@$(BIN) path putin al-qaeda
	@echo
	@echo "== actorgraph timeline russia taliban: from war to accreditation"
	@$(BIN) timeline russia taliban
	@echo
	@echo "== actorgraph diff --from 2001-06-01 --to 2023-06-01 --actor taliban --possibly"
	@$(BIN) diff --from 2001-06-01 --to 2023-06-01 --actor taliban --possibly
	@echo
	@echo "== actorgraph central --measure betweenness --top 5: who brokers the connections"
	@$(BIN) central --measure betweenness --top 5
	@mkdir -p $(DEMO_OUTPUT)
	@echo
	@echo "== diagrams (Graphviz in an isolated worker) and exports"
	@$(BIN) render --legend --no-labels -o $(DEMO_OUTPUT)/whole-graph.svg
	@$(BIN) render --legend --no-labels -o $(DEMO_OUTPUT)/whole-graph.png
	@$(BIN) render --legend --no-labels --page a3 -o $(DEMO_OUTPUT)/whole-graph-a3.pdf
	@$(BIN) render --focus russia --depth 2 --legend -o $(DEMO_OUTPUT)/russia-two-steps.svg
	@$(BIN) render --focus taliban --direct-only --at 2023 --legend -o $(DEMO_OUTPUT)/taliban-ties-2023.png
	@$(BIN) render --path putin al-qaeda --legend -o $(DEMO_OUTPUT)/putin-to-al-qaeda.svg
	@$(BIN) render --path putin al-qaeda --legend -o $(DEMO_OUTPUT)/putin-to-al-qaeda.png
	@$(BIN) render --path putin al-qaeda --shortest 3 --legend -o $(DEMO_OUTPUT)/putin-to-al-qaeda-3-paths.png
	@$(BIN) render --timeline russia,taliban --legend -o $(DEMO_OUTPUT)/russia-taliban-timeline.svg
	@$(BIN) render --timeline russia,taliban --legend -o $(DEMO_OUTPUT)/russia-taliban-timeline.png
	@$(BIN) export --format csv --actors-file $(DEMO_OUTPUT)/actors.csv -o $(DEMO_OUTPUT)/relations.csv
	@$(BIN) export --format graphml -o $(DEMO_OUTPUT)/graph.graphml
	@$(BIN) export --format gexf -o $(DEMO_OUTPUT)/graph.gexf
	@echo
	@echo "Diagrams and exports are in $(DEMO_OUTPUT)/:"
	@ls -1 $(DEMO_OUTPUT)
	@echo
	@echo "Next: make explore   (the same graph in your browser: search, expand, time bar, evidence, paths)"

## explorer: build the explorer server (the nested package in Explorer/) in release mode.
explorer: graphviz
	$(SWIFT) build --package-path Explorer -c release

## explore: build both, then serve graphs/ (with the source texts in $(SEEDS) when present) on 127.0.0.1.
explore: release explorer
	@if [ -d "$(SEEDS)" ]; then $(BIN) serve --graph graphs --sources $(SEEDS); else $(BIN) serve --graph graphs; fi

## install: the release binary, its man page (swift-argument-parser's generate-manual plugin, from the command
## tree) and shell completions for bash, zsh and fish, under $(PREFIX) (default /usr/local; DESTDIR honoured).
install: release
	$(SWIFT) package plugin generate-manual
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/actorgraph
	install -D -m 0644 .build/plugins/GenerateManual/outputs/actorgraph/actorgraph.1 \
		$(DESTDIR)$(PREFIX)/share/man/man1/actorgraph.1
	mkdir -p $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/actorgraph
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_actorgraph
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/actorgraph.fish
	@echo "installed actorgraph, its man page (man actorgraph) and completions under $(DESTDIR)$(PREFIX)"

## explorer-bench: the explorer under load (scripts/explorer-load.py; figures in docs/PERFORMANCE.md): the M snapshot
## (generated with seed 7 and compiled once into $(BENCH_DIR)), the release explorer, 50 clients for 60 s.
BENCH_DIR ?= /tmp/actorgraph-bench
explorer-bench: release explorer
	@mkdir -p $(BENCH_DIR)
	@if [ ! -f $(BENCH_DIR)/M.agraph ]; then \
		$(BIN) generate --actors 100000 --relations 1000000 --seed 7 --format csv -o $(BENCH_DIR)/M.csv \
			--actors-file $(BENCH_DIR)/M.actors.csv && \
		$(BIN) compile $(BENCH_DIR)/M.csv --graph-actors $(BENCH_DIR)/M.actors.csv -o $(BENCH_DIR)/M.agraph; \
	fi
	@uptime
	$(PYTHON) scripts/explorer-load.py --explorer Explorer/.build/release/actorgraph-explorer --graph $(BENCH_DIR)/M.agraph
	@uptime

bench: release
	@if [ -x scripts/bench.sh ]; then BIN=$(BIN) scripts/bench.sh; else echo "no benchmark harness yet (see docs/PERFORMANCE.md)"; fi

## fuzz: build the libFuzzer targets (Fuzz/, in .build-fuzz) and run each for FUZZ_SECONDS (default 300 s), or only
## FUZZ_TARGETS (e.g. FUZZ_TARGETS="FuzzCSV FuzzSnapshot"); a crashing input is kept in Fuzz/Regressions/TARGET/ and
## replayed on every later run. Each target's totals (time, inputs, coverage, corpus) are appended to Fuzz/runs.tsv.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?=
fuzz: graphviz
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh $(FUZZ_TARGETS)

## fuzz-totals: the hours fuzzed per target so far, from Fuzz/runs.tsv (a Markdown table).
fuzz-totals:
	scripts/fuzz-totals.sh

## sanitize: the test suite under AddressSanitizer and its concurrent parts under ThreadSanitizer (both in
## .build-sanitize); see scripts/sanitize.sh for the subsets.
sanitize: deps
	scripts/sanitize.sh

clean:
	rm -rf .build .build-fuzz .build-sanitize .build-asan .build-tsan Explorer/.build $(DEMO_OUTPUT)
