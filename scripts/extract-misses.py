#!/usr/bin/env python3
"""Lists what `actorgraph extract` misses and proposes wrongly on the seed texts, against the seed graph.

Usage: scripts/extract-misses.py [ACTORGRAPH] [--known-only] [--wrong]
  ACTORGRAPH  the binary (default .build/debug/actorgraph); run from the repository root.

For each seed text: the graph's (unordered actor pair, cited lines) items that no candidate joins within one line
(the same rule as `extract`'s summary, ExtractionComparison), each with the relation ids and types; with --wrong, also
the candidates that match no relation. The text's lines are not printed (cite seeds by file and line only).
"""
import json
import subprocess
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
binary = args[0] if args else ".build/debug/actorgraph"
known = ["--known-only"] if "--known-only" in sys.argv else []
SEEDS = "../shared/seeds"
TEXTS = ["000_23bfb61873177c7c", "001_7d15eccdda874733", "002_a10f0a206dc980b4", "003_ec5cf1e5ddf186b9",
         "004_240c3634fbd9ccea"]


def run(*command):
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def span(text):
    first, _, last = text.partition("-")
    return int(first), int(last or first)


relations = run(binary, "relations", "--graph", "graphs", "--format", "json")
for text in TEXTS:
    draft = run(binary, "extract", f"{SEEDS}/{text}.txt", "--graph", "graphs", "--format", "json", *known)
    source = draft["source"]
    items = {}
    for relation in relations:
        for citation in relation["sources"]:
            if citation["source"] != source:
                continue
            key = (tuple(sorted([relation["from"], relation["to"]])), citation["first_line"], citation["last_line"])
            items.setdefault(key, []).append(f'{relation["id"]} ({relation["type"]})')
    candidates = [(tuple(sorted([c["from"].get("id") or "+" + c["from"]["text"],
                                 c["to"].get("id") or "+" + c["to"]["text"]])), span(c["lines"]), c)
                  for c in draft["candidates"]]

    def joins(pair, lines, key):
        return pair == key[0] and lines[0] <= key[2] + 1 and lines[1] >= key[1] - 1

    missed = [key for key in items if not any(joins(p, l, key) for p, l, _ in candidates)]
    print(f"== {text} ({source}): {len(items) - len(missed)} of {len(items)} found")
    for key in sorted(missed, key=lambda k: (k[1], k[0])):
        print(f"  miss l.{key[1]}-{key[2]} {key[0][0]} ~ {key[0][1]}: {', '.join(items[key])}")
    if "--wrong" in sys.argv:
        for pair, lines, c in candidates:
            if not any(joins(pair, lines, key) for key in items):
                print(f"  wrong l.{c['lines']} {pair[0]} ~ {pair[1]} {c['type']} ('{c['trigger']}')")
