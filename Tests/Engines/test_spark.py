"""Apache Spark (local mode) computes ActorGraph's time questions the same way: the scale-out path of docs/SCALE.md.

Runs `recipes/spark/temporal_reachability.py` in Spark's local mode on a generated graph and compares, actor by
actor, its earliest arrivals with `actorgraph path --temporal earliest --possibly` and its as-of distances with
`actorgraph neighbors --at D --possibly`; then aggregates a seeded event table into dated relations, imports them
with `actorgraph import` and checks them against a brute-force aggregation. Slow (Spark's start and many small
jobs): `make engine-test` runs it, and `.ci/run` through it.
"""

import csv
import hashlib
import json
import random
import sys

import pytest

from engine_support import REPO, actorgraph, generated_graph

sys.path.insert(0, str(REPO / "recipes" / "spark"))
import temporal_reachability as job  # noqa: E402

pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    session = job.session("local[2]", partitions=4)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return generated_graph(tmp_path_factory.mktemp("spark"), actors=200, relations=800, seed=5)


def sources(graph, count):
    """The `count` actors with the most relations (preferential attachment makes them hubs), ties by id."""
    degree = {}
    with open(graph, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for actor in (row["source"], row["target"]):
                degree[actor] = degree.get(actor, 0) + 1
    return sorted(degree, key=lambda actor: (-degree[actor], actor))[:count]


def test_earliest_arrival_equals_actorgraph(spark, graph):
    chosen = sources(graph, 2)
    relations = job.read_relations(spark, str(graph), events=False)
    answers = job.earliest(spark, relations, chosen, max_rounds=1000)
    by_source = {}
    for answer in answers:
        by_source.setdefault(answer["from"], {})[answer["actor"]] = answer["arrival"]
    compared = 0
    for source in chosen:
        targets = random.Random(source).sample(sorted(by_source[source]), 8)
        for target in targets:
            path = json.loads(actorgraph("path", source, target, "--graph", str(graph), "--temporal", "earliest",
                                         "--possibly", "--format", "json").stdout)["paths"][0]
            arrival = "0001-01-01" if path["arrival"] == "open" else path["arrival"]
            assert by_source[source][target] == arrival, f"{source}->{target}"
            compared += 1
    assert compared == 16


@pytest.mark.parametrize("day", ["1990-06-01", "2021-08-17"])
def test_as_of_distances_equal_actorgraph(spark, graph, day):
    chosen = sources(graph, 1)
    relations = job.read_relations(spark, str(graph), events=False)
    answers = job.as_of(spark, relations, chosen, day, max_rounds=1000)
    for source in chosen:
        spark_distances = {a["actor"]: a["distance"] for a in answers if a["from"] == source}
        neighbors = json.loads(actorgraph("neighbors", source, "--graph", str(graph), "--depth", "1000", "--limit",
                                          "100000", "--at", day, "--possibly", "--format", "json").stdout)
        ours = {n["actor"]["id"]: n["distance"] for n in neighbors["neighbors"]}
        assert spark_distances == ours, source
        assert len(ours) >= 5, f"only {len(ours)} actors reachable from {source} on {day}: too weak a comparison"


def catalogue_for(document, path):
    """A source catalogue naming the event table itself, so the imported relations can cite it."""
    data = document.read_bytes()
    lines = data.count(b"\n")
    path.write_text(
        "sources:\n"
        "  - id: events\n"
        f"    file: {document.name}\n"
        "    title: Seeded event table\n"
        "    language: en\n"
        f"    sha256: {hashlib.sha256(data).hexdigest()}\n"
        f"    lines: {lines}\n"
        "    summary: Events made up by the Spark test.\n",
        encoding="utf-8")
    return path


def test_events_aggregate_into_relations_actorgraph_imports(spark, tmp_path):
    rng = random.Random(11)
    actors = [f"x{n}" for n in range(12)]
    types = ["meets", "supplies_arms_to", "sanctions"]
    events = []
    for _ in range(150):
        source, target = rng.sample(actors, 2)
        events.append((source, target, rng.choice(types), f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
    events_path = tmp_path / "events.csv"
    with open(events_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "target", "type", "date"])
        writer.writerows(events)
    expected = {}
    for source, target, type_, day in events:
        first, last, count = expected.get((source, target, type_), (day, day, 0))
        expected[(source, target, type_)] = (min(first, day), max(last, day), count + 1)

    aggregated = tmp_path / "relations.csv"
    relations = job.read_relations(spark, str(events_path), events=True)
    job.write_edge_list(relations.orderBy("source", "target", "type").collect(), str(aggregated))
    imported = tmp_path / "imported.yaml"
    catalogue = catalogue_for(events_path, tmp_path / "sources.yaml")
    actorgraph("import", str(aggregated), "--default-kind", "group", "--default-note", "Aggregated from events.",
               "--catalogue", str(catalogue), "--default-citation", "events:1", "-o", str(imported))
    lines = actorgraph("export", "--graph", str(imported), "--catalogue", str(catalogue), "--format",
                       "jsonl").stdout.splitlines()
    got = {}
    for line in lines:
        relation = json.loads(line)
        got[(relation["from"], relation["to"], relation["type"])] = (
            relation["start"], relation["end"], int(relation["attributes"]["events"]))
    assert got == expected
