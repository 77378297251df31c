#!/usr/bin/env python3
"""ActorGraph's time questions on Apache Spark, for graphs that outgrow one machine (docs/SCALE.md).

Reads ActorGraph's CSV edge list (`actorgraph export --format csv`, the columns of docs/EXPORT.md) — or, with
`--events`, a raw event table (`source,target,type,date[,category,directed]`, one row per dated event) that it
first aggregates into dated relations — and computes, with DataFrames only (no GraphFrames, which this machine
cannot download):

* `earliest`: earliest arrival from each `--from` actor to every actor it reaches, the answer of
  `actorgraph path FROM TO --temporal earliest --possibly` (the lenient reading of docs/QUERIES.md: a relation
  departs and arrives on its earliest possible start, an open start being the beginning of time, and each
  relation of a path starts no earlier than the one before; relations followed both ways; undated ones skipped);
* `as-of`: hop distances from each `--from` actor over the relations possibly active at `--at` (first possible
  day ≤ D ≤ last possible day, open sides unbounded), the distances of `actorgraph neighbors FROM --depth N
  --at D --possibly`;
* `aggregate` (with `--events`): the dated relations themselves, as an edge list `actorgraph import` reads.

Results are JSON Lines on standard output or in `--output`:
  {"from": "a1", "actor": "a7", "arrival": "1975-07-01"}      (earliest; arrival 0001-01-01 = open start)
  {"from": "a1", "actor": "a7", "distance": 2}                  (as-of)

    spark-submit recipes/spark/temporal_reachability.py earliest relations.csv --from a1 --from a9
    python3 recipes/spark/temporal_reachability.py as-of relations.csv --at 2021-08-17 --from putin
    python3 recipes/spark/temporal_reachability.py aggregate events.csv --events --output relations.csv

Local mode by default (`--master local[*]`); on a cluster pass the master URL or use spark-submit's.
"""

import argparse
import json
import sys

BEGINNING = "0001-01-01"


def session(master, partitions):
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .appName("actorgraph-temporal-reachability")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.ui.enabled", "false")
        # Local mode talks to itself only: keep the driver on loopback (else Spark picks the first interface).
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )


def read_relations(spark, path, events):
    """The dated relations as (source, target, type, date, start, end) rows; `start`/`end` are ISO days or null."""
    from pyspark.sql import functions as F

    table = spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(path)
    if not events:
        return table.select("id", "source", "target", "type", "date", "start", "end")
    # One relation per (source, target, type): its first and last event day become the EDTF interval FIRST/LAST,
    # which is also its first and last possible day.
    day = F.to_date(F.col("date"))
    grouped = (
        table.where(F.col("date").isNotNull())
        .groupBy("source", "target", "type")
        .agg(F.min(day).alias("first"), F.max(day).alias("last"), F.count(F.lit(1)).alias("events"))
    )
    first = F.date_format("first", "yyyy-MM-dd")
    last = F.date_format("last", "yyyy-MM-dd")
    return grouped.select(
        F.concat_ws("-", F.lit("agg"), "source", "target", "type").alias("id"),
        "source",
        "target",
        "type",
        F.when(first == last, first).otherwise(F.concat_ws("/", first, last)).alias("date"),
        first.alias("start"),
        last.alias("end"),
        F.col("events").cast("string").alias("events"),
    )


def steps(relations):
    """Every dated relation as two steps (both ways), departing on its first possible day."""
    from pyspark.sql import functions as F

    dated = relations.where(F.col("date").isNotNull() & (F.col("date") != ""))
    departs = F.coalesce(F.to_date(F.col("start")), F.to_date(F.lit(BEGINNING)))
    forward = dated.select(F.col("source").alias("from_actor"), F.col("target").alias("to_actor"), departs.alias("departs"))
    backward = dated.select(F.col("target").alias("from_actor"), F.col("source").alias("to_actor"), departs.alias("departs"))
    return forward.unionByName(backward).cache()


def earliest(spark, relations, sources, max_rounds):
    """Earliest arrival by repeated relaxation: each round offers every reached actor's earliest usable step."""
    from pyspark.sql import functions as F

    edges = steps(relations)
    results = []
    for source in sources:
        known = spark.createDataFrame([(source, BEGINNING)], ["actor", "arrives"]).select(
            "actor", F.to_date("arrives").alias("arrives"))
        frontier = known
        for _ in range(max_rounds):
            offers = (
                frontier.join(edges, frontier.actor == edges.from_actor)
                .where(edges.departs >= frontier.arrives)
                .groupBy("to_actor")
                .agg(F.min("departs").alias("offer"))
            )
            improved = (
                offers.join(known, offers.to_actor == known.actor, "left")
                .where(F.col("arrives").isNull() | (F.col("offer") < F.col("arrives")))
                .select(F.col("to_actor").alias("actor"), F.col("offer").alias("arrives"))
                .localCheckpoint()
            )
            if improved.isEmpty():
                break
            known = (
                known.join(improved.withColumnRenamed("arrives", "better"), "actor", "full_outer")
                .select("actor", F.least("arrives", "better").alias("arrives"))
                .localCheckpoint()
            )
            frontier = improved
        else:
            raise RuntimeError(f"no fixed point after {max_rounds} rounds from {source}: raise --max-rounds")
        for row in known.where(F.col("actor") != source).orderBy("actor").collect():
            results.append({"from": source, "actor": row.actor, "arrival": row.arrives.isoformat()})
    return results


def as_of(spark, relations, sources, day, max_rounds):
    """Breadth-first hop distances over the relations possibly active on `day`."""
    from pyspark.sql import functions as F

    at = F.to_date(F.lit(day))
    active = relations.where(
        F.col("date").isNotNull()
        & (F.col("date") != "")
        & (F.col("start").isNull() | (F.to_date("start") <= at))
        & (F.col("end").isNull() | (F.to_date("end") >= at))
    )
    edges = steps(active)
    results = []
    for source in sources:
        seen = spark.createDataFrame([(source, 0)], ["actor", "distance"])
        frontier = seen
        for distance in range(1, max_rounds + 1):
            reached = (
                frontier.join(edges, frontier.actor == edges.from_actor)
                .select(F.col("to_actor").alias("actor"))
                .distinct()
                .join(seen, "actor", "left_anti")
                .withColumn("distance", F.lit(distance))
                .localCheckpoint()
            )
            if reached.isEmpty():
                break
            seen = seen.unionByName(reached).localCheckpoint()
            frontier = reached
        for row in seen.where(F.col("actor") != source).orderBy("actor").collect():
            results.append({"from": source, "actor": row.actor, "distance": row.distance})
    return results


def main(arguments):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("question", choices=["earliest", "as-of", "aggregate"])
    parser.add_argument("edges", help="ActorGraph CSV edge list (or, with --events, an event table)")
    parser.add_argument("--events", action="store_true", help="aggregate one-row-per-event input first")
    parser.add_argument("--from", dest="sources", action="append", default=[], help="source actor id (repeatable)")
    parser.add_argument("--at", help="the day of an as-of question, YYYY-MM-DD")
    parser.add_argument("--max-rounds", type=int, default=10_000, help="bound on relaxation rounds")
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--partitions", type=int, default=4, help="spark.sql.shuffle.partitions")
    parser.add_argument("--output", help="write here instead of standard output")
    options = parser.parse_args(arguments)
    if options.question != "aggregate" and not options.sources:
        parser.error("name at least one --from actor")
    if options.question == "as-of" and not options.at:
        parser.error("as-of needs --at YYYY-MM-DD")

    spark = session(options.master, options.partitions)
    try:
        relations = read_relations(spark, options.edges, options.events)
        if options.question == "aggregate":
            if not options.output:
                parser.error("aggregate writes a CSV: give --output FILE")
            rows = relations.orderBy("source", "target", "type").collect()
            write_edge_list(rows, options.output)
            return 0
        if options.question == "earliest":
            results = earliest(spark, relations, options.sources, options.max_rounds)
        else:
            results = as_of(spark, relations, options.sources, options.at, options.max_rounds)
    finally:
        spark.stop()
    lines = "".join(json.dumps(result, sort_keys=True) + "\n" for result in results)
    if options.output:
        with open(options.output, "w", encoding="utf-8") as handle:
            handle.write(lines)
    else:
        sys.stdout.write(lines)
    return 0


def write_edge_list(rows, path):
    """The aggregated relations in the columns `actorgraph import` reads (docs/EXPORT.md), with their event count."""
    import csv

    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["id", "source", "target", "type", "date", "attr.events"])
        for row in rows:
            writer.writerow([row.id, row.source, row.target, row.type, row.date, row.events])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
