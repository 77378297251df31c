# ActorGraph: `make demo` and `make test` work on a fresh Debian machine with Swift.
SWIFT        ?= swift
SEEDS        ?= ../shared/seeds
DEMO_OUTPUT  ?= demo-output
PYTHON       ?= python3
# apt-get needs root; use sudo when we are not root and sudo exists.
SUDO         := $(shell if [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then echo sudo; fi)
BIN          := .build/release/actorgraph

.PHONY: all demo test deps graphviz python-deps build release bench clean

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

# networkx reads our GraphML/GEXF in the tests. Use the system one when present, else a local venv.
python-deps:
	@if $(PYTHON) -c 'import networkx' 2>/dev/null; then :; \
	elif [ -x .venv/bin/python3 ] && .venv/bin/python3 -c 'import networkx' 2>/dev/null; then :; \
	else \
		echo "Installing networkx into .venv (for the GraphML/GEXF consumer tests)..."; \
		($(PYTHON) -m venv .venv && .venv/bin/pip install -q networkx) || \
		echo "warning: could not install networkx; its consumer tests will be skipped (and fail under CI=true)" >&2; \
	fi

build: graphviz
	$(SWIFT) build

release: graphviz
	$(SWIFT) build -c release

## test: install what is missing, then run every test.
test: deps
	$(SWIFT) test

## demo: install what is missing, build in release mode, and run the main job on graphs/.
demo: deps release
	@echo "== actorgraph check: the seed graph, verified against the source texts where they are present"
	@if [ -d "$(SEEDS)" ]; then $(BIN) check --graph graphs --sources $(SEEDS); else $(BIN) check --graph graphs; fi
	@echo
	@echo "== actorgraph show Russia"
	@$(BIN) show Russia
	@echo
	@echo "== actorgraph show Taliban"
	@$(BIN) show Taliban
	@echo
	@echo "== actorgraph show Zhirnov"
	@$(BIN) show Zhirnov
	@if [ -x scripts/demo-more.sh ]; then BIN=$(BIN) DEMO_OUTPUT=$(DEMO_OUTPUT) scripts/demo-more.sh; fi

bench: release
	@if [ -x scripts/bench.sh ]; then BIN=$(BIN) scripts/bench.sh; else echo "no benchmark harness yet (see docs/PERFORMANCE.md)"; fi

clean:
	rm -rf .build $(DEMO_OUTPUT)
