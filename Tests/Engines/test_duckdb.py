"""DuckDB, a real database engine, reads ActorGraph's exports unchanged and agrees with ActorGraph.

Run by `make engine-test` (and so by `.ci/run`). For the seed graph and for a generated graph: DuckDB loads the
CSV edge list with its actor list, the JSON Lines export and the Neo4j-import folder, and the counts, ids, dates,
statuses and endpoints it reads equal those of ActorGraph's own JSON (node-link) export. On the generated graph
the recipe `recipes/duckdb/earliest-arrival.sql` gives, from 20 seeded actors, the same earliest arrivals as
`actorgraph path FROM TO --temporal earliest --possibly`.
"""

import json
import random

import duckdb
import pytest

from engine_support import REPO, actorgraph, export_all, generated_graph

RECIPE = (REPO / "recipes" / "duckdb" / "earliest-arrival.sql").read_text()


def reference(exports):
    """ActorGraph's own view of the graph: its node-link JSON export."""
    document = json.loads((exports / "graph.json").read_text())
    relations = {link["id"]: link for link in document["links"]}
    actors = {node["id"]: node for node in document["nodes"]}
    return actors, relations


def empty_as_none(value):
    return None if value in ("", None) else value


def check_engine_reads(graph, exports):
    actors, relations = reference(exports)
    con = duckdb.connect()

    csv = con.sql(
        f"SELECT id, source, target, type, date, start, \"end\", status, claimed_by, citations "
        f"FROM read_csv('{exports / 'relations.csv'}', all_varchar = true, header = true)"
    ).fetchall()
    assert len(csv) == len(relations)
    for row in csv:
        rel_id, source, target, type_, date, start, end, status, claimed_by, citations = row
        expected = relations[rel_id]
        assert (source, target, type_) == (expected["from"], expected["to"], expected["type"]), rel_id
        assert (empty_as_none(date), empty_as_none(start), empty_as_none(end)) == (
            expected["date"], expected["start"], expected["end"]), rel_id
        assert (status, empty_as_none(claimed_by)) == (expected["status"], expected["claimed_by"]), rel_id
        # SOURCE:LINES[:GRADE][:date] (docs/EXPORT.md), ":date" for a citation of the relation's date only.
        cited = [
            f"{s['source']}:{s['lines']}" + (f":{s['grade']}" if s["grade"] else "") + (":date" if s["for"] == "date" else "")
            for s in expected["sources"]]
        assert (citations or "") == "; ".join(cited), rel_id

    actor_rows = con.sql(
        f"SELECT id, name, kind FROM read_csv('{exports / 'actors.csv'}', all_varchar = true, header = true)"
    ).fetchall()
    assert {row[0]: (row[1], row[2]) for row in actor_rows} == {k: (v["name"], v["kind"]) for k, v in actors.items()}

    jsonl = con.sql(
        f"SELECT id, \"from\", \"to\", type, date, start, \"end\", status, len(sources) "
        f"FROM read_json('{exports / 'relations.jsonl'}', format = 'newline_delimited')"
    ).fetchall()
    assert len(jsonl) == len(relations)
    for rel_id, source, target, type_, date, start, end, status, source_count in jsonl:
        expected = relations[rel_id]
        assert (source, target, type_, date, status) == (
            expected["from"], expected["to"], expected["type"], expected["date"], expected["status"]), rel_id
        # DuckDB reads the ISO days as DATE values: compare their text.
        assert (start and start.isoformat(), end and end.isoformat()) == (expected["start"], expected["end"]), rel_id
        assert (source_count or 0) == len(expected["sources"]), rel_id

    neo4j_relations = con.sql(
        f"SELECT \":START_ID(Actor)\", \":END_ID(Actor)\", \":TYPE\", id, \"start:date\", \"end:date\", status, "
        f"claimed_by, evidence_grade, \"grade_derived:boolean\", \"independent_sources:int\", \"unsourced:boolean\" "
        f"FROM read_csv('{exports / 'neo4j' / 'relations.csv'}', all_varchar = true, header = true)"
    ).fetchall()
    assert len(neo4j_relations) == len(relations)
    for (source, target, label, rel_id, start, end, status, claimed_by, grade, derived, independent,
         unsourced) in neo4j_relations:
        expected = relations[rel_id]
        assert (source, target, label) == (expected["from"], expected["to"], expected["type"].upper()), rel_id
        assert (empty_as_none(start), empty_as_none(end), status) == (
            expected["start"], expected["end"], expected["status"]), rel_id
        # The evidence a graph database user filters on: the same as the JSON export's.
        evidence = expected["evidence"]
        assert (empty_as_none(claimed_by), empty_as_none(grade), derived == "true", int(independent)) == (
            expected["claimed_by"], evidence["grade"], evidence["grade_derived"], evidence["independent_sources"]), rel_id
        assert (unsourced == "true") == expected["unsourced"], rel_id
    neo4j_actors = con.sql(
        f"SELECT \"id:ID(Actor)\", name, \":LABEL\" "
        f"FROM read_csv('{exports / 'neo4j' / 'actors.csv'}', all_varchar = true, header = true)"
    ).fetchall()
    assert {row[0] for row in neo4j_actors} == set(actors)
    for actor_id, name, labels in neo4j_actors:
        assert name == actors[actor_id]["name"]
        assert labels == "Actor;" + actors[actor_id]["kind"].capitalize()

    summary = json.loads(actorgraph("check", "--format", "json", "--graph", str(graph)).stdout)
    assert (summary["actors"], summary["relations"]) == (len(actors), len(relations))


def test_seed_graph_exports_load_in_duckdb(tmp_path):
    exports = export_all(REPO / "graphs", tmp_path)
    check_engine_reads(REPO / "graphs", exports)


def test_generated_graph_exports_load_in_duckdb(tmp_path):
    graph = generated_graph(tmp_path, actors=300, relations=1500, seed=11)
    check_engine_reads(graph, export_all(graph, tmp_path))


def earliest_arrivals(con, edges, source):
    con.execute("SET VARIABLE edges = ?", [str(edges)])
    con.execute("SET VARIABLE source = ?", [source])
    return {actor: arrives.isoformat() for actor, arrives in con.sql(RECIPE).fetchall() if actor != source}


def test_duckdb_earliest_arrival_equals_actorgraph(tmp_path):
    graph = generated_graph(tmp_path, actors=300, relations=1500, seed=11)
    exports = export_all(graph, tmp_path)
    actor_ids = sorted(json.loads((exports / "graph.json").read_text())["nodes"], key=lambda n: n["id"])
    actor_ids = [node["id"] for node in actor_ids]
    rng = random.Random(20261206)
    con = duckdb.connect()
    compared = 0
    for source in rng.sample(actor_ids, 20):
        arrivals = earliest_arrivals(con, exports / "relations.csv", source)
        targets = rng.sample([a for a in actor_ids if a != source], 6)
        for target in targets:
            answer = json.loads(actorgraph(
                "path", source, target, "--graph", str(graph), "--temporal", "earliest", "--possibly",
                "--format", "json", check=False).stdout)
            paths = answer["paths"]
            if not paths:
                assert target not in arrivals, f"{source}->{target}: DuckDB reaches it, ActorGraph does not"
                continue
            arrival = paths[0]["arrival"]
            expected = arrivals.get(target)
            # ActorGraph prints `open` for an arrival at an open start: the recipe's beginning of time.
            assert expected == ("0001-01-01" if arrival == "open" else arrival), f"{source}->{target}"
            compared += 1
    assert compared >= 60, "too few reachable pairs to compare"
