-- Earliest arrival from one actor over ActorGraph's CSV edge list, in DuckDB (>= 1.3, for USING KEY).
--
-- The same answer as `actorgraph path FROM TO --temporal earliest --possibly` for every TO at once: the lenient
-- reading of docs/QUERIES.md ("Time-respecting paths"), where a relation departs and arrives on its earliest
-- possible start (the CSV `start` column, an open start `../D` is the beginning of time) and each relation of a
-- path must start no earlier than the one before. Relations are followed both ways, as ActorGraph's paths are
-- unless `--directed` is given, undated relations take no part.
--
-- Usage (duckdb CLI or Python):
--   SET VARIABLE edges = 'relations.csv';   -- actorgraph export --format csv -o relations.csv
--   SET VARIABLE source = 'putin';          -- an actor id
--   .read recipes/duckdb/earliest-arrival.sql
-- Result: one row per reachable actor (the source included, at 0001-01-01), ordered by actor id.

CREATE OR REPLACE TEMP TABLE actorgraph_steps AS
WITH relations AS (
    SELECT source, target, coalesce(CAST(nullif(start, '') AS DATE), DATE '0001-01-01') AS departs
    FROM read_csv(getvariable('edges'), all_varchar = true, header = true)
    WHERE coalesce(date, '') <> ''
)
SELECT source AS from_actor, target AS to_actor, departs FROM relations
UNION ALL
SELECT target, source, departs FROM relations;

-- USING KEY keeps one row per actor, each round offers, per actor reached in the previous round, the earliest
-- relation leaving it no earlier than its arrival, and keeps it only where it improves the known arrival (the
-- per-round min() matters: without it DuckDB may keep any of the candidate rows).
WITH RECURSIVE arrival(actor, arrives) USING KEY (actor) AS (
    SELECT getvariable('source'), DATE '0001-01-01'
    UNION
    SELECT step.to_actor, min(step.departs)
    FROM arrival
    JOIN actorgraph_steps AS step ON step.from_actor = arrival.actor AND step.departs >= arrival.arrives
    LEFT JOIN recurring.arrival AS known ON known.actor = step.to_actor
    GROUP BY step.to_actor, known.arrives
    HAVING known.arrives IS NULL OR min(step.departs) < known.arrives
)
SELECT actor, arrives FROM arrival ORDER BY actor;
