#!/usr/bin/env python3
"""Writes a random DOT graph shaped like `actorgraph render` output, for measuring Graphviz's layout time.

Usage: render-budget.py ACTORS RELATIONS SEED labels|nolabels [degraded]
"""
import random
import sys


def main() -> None:
    actors, relations, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    labels = sys.argv[4] == "labels"
    degraded = len(sys.argv) > 5 and sys.argv[5] == "degraded"
    rng = random.Random(seed)
    lines = [
        'digraph "G" {',
        '    graph [fontname="Helvetica", rankdir="LR", nodesep="0.35", ranksep="0.6"];',
        '    node [fontname="Helvetica", fontsize="11"];',
        '    edge [fontname="Helvetica", fontsize="9"];',
    ]
    if degraded:
        lines.append('    graph [mclimit="0.2", nslimit="1", nslimit1="1", splines="line"];')
    for index in range(actors):
        lines.append(f'    "n{index}" [label="Actor number {index}", shape="box", style="rounded,filled"];')
    for _ in range(relations):
        tail, head = rng.randrange(actors), rng.randrange(actors)
        label = f' [label="signs agreement with · 20{rng.randrange(10, 25)}-0{rng.randrange(1, 9)}"]' if labels else ""
        lines.append(f'    "n{tail}" -> "n{head}"{label};')
    lines.append("}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
