"""Shared helpers for the engine tests: the built actorgraph binary, exports, generated graphs."""

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("ACTORGRAPH", REPO / ".build" / "debug" / "actorgraph"))


def actorgraph(*arguments, check=True):
    """Runs the actorgraph binary from the repository root; output goes through files, never a full pipe."""
    if not BINARY.exists():
        raise RuntimeError(f"{BINARY} is missing: run `swift build` first (or set ACTORGRAPH)")
    result = subprocess.run([str(BINARY), *arguments], cwd=REPO, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"actorgraph {' '.join(arguments)} exited {result.returncode}: {result.stderr}")
    return result


def generated_graph(directory, actors, relations, seed):
    """A seeded synthetic graph as CSV edge list (with its actor list) in `directory`."""
    path = Path(directory) / f"generated-{seed}.csv"
    actorgraph("generate", "--actors", str(actors), "--relations", str(relations), "--seed", str(seed),
               "--format", "csv", "-o", str(path), "--actors-file", str(path.with_suffix(".actors.csv")))
    return path


def export_all(graph, directory):
    """Exports `graph` as CSV (+ actors), JSON Lines, node-link JSON and a Neo4j folder under `directory/exports`."""
    exports = Path(directory) / "exports"
    exports.mkdir()
    graph_argument = ["--graph", str(graph)]
    # For programs, not spreadsheets: cells exactly as stored (the default neutralises formula-like text cells).
    actorgraph("export", *graph_argument, "--format", "csv", "--no-safe-spreadsheet", "-o", str(exports / "relations.csv"),
               "--actors-file", str(exports / "actors.csv"))
    actorgraph("export", *graph_argument, "--format", "jsonl", "-o", str(exports / "relations.jsonl"))
    actorgraph("export", *graph_argument, "--format", "json", "-o", str(exports / "graph.json"))
    actorgraph("export", *graph_argument, "--format", "neo4j", "--no-safe-spreadsheet", "-o", str(exports / "neo4j"))
    return exports
