"""Runs one round of the benchmark in DuckDB or Polars and prints timings, answers and peak memory as JSON.

`duckdb` runs the SQL; `polars` runs every query three ways on one loaded frame: eager, lazy and SQL.
Each query runs once unmeasured (to warm caches and Polars' string cache), then `repeat` measured times.
"""
import json, os, resource, sys, time
from engines import QUERIES, polars_query

engine, data, gazetteer_file, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
timings, answers = {}, {}


def measure(path, qid, run, to_rows):
    """Times `repeat` warm runs of `run`, keeps the first answer as plain lists."""
    result = run()  # the unmeasured warm-up run
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t)
    timings.setdefault(path, {})[qid] = times
    answers.setdefault(path, {})[qid] = [list(r) for r in to_rows(result)]


if engine == "duckdb":
    import duckdb
    con = duckdb.connect()
    start = time.perf_counter()
    con.execute(f"CREATE TABLE h AS SELECT * FROM read_csv('{data}')")
    timings["duckdb"] = {"a": [time.perf_counter() - start]}
    con.execute(f"CREATE TABLE g AS SELECT * FROM read_csv('{gazetteer_file}', all_varchar = true)")
    for qid, _, _, sql in QUERIES:
        measure("duckdb", qid, lambda: con.execute(sql).fetchall(), lambda rows: rows)
else:
    import polars as pl
    # Both documented ways to load; the faster one is the Polars load figure (each is its own frame, the first
    # is dropped before the second is read, so peak memory is one table's).
    start = time.perf_counter()
    df = pl.scan_csv(data).collect()
    lazy_load = time.perf_counter() - start
    del df
    start = time.perf_counter()
    df = pl.read_csv(data)
    eager_load = time.perf_counter() - start
    timings["polars-eager"] = {"a": [eager_load]}
    timings["polars-lazy"] = {"a": [lazy_load]}
    gazetteer = pl.read_csv(gazetteer_file, infer_schema=False)
    context = pl.SQLContext(h=df, g=gazetteer)
    for qid, _, _, sql in QUERIES:
        if qid == "f":
            measure("polars-eager", qid, lambda: polars_query(pl, df, gazetteer, qid), lambda n: [[n]])
            measure("polars-lazy", qid, lambda: polars_query(pl, df.lazy(), gazetteer, qid).collect().item(), lambda n: [[n]])
            measure("polars-sql", qid, lambda: context.execute(sql, eager=True).item(), lambda n: [[n]])
        else:
            measure("polars-eager", qid, lambda: polars_query(pl, df, gazetteer, qid), lambda f: f.rows())
            measure("polars-lazy", qid, lambda: polars_query(pl, df.lazy(), gazetteer, qid).collect(), lambda f: f.rows())
            measure("polars-sql", qid, lambda: context.execute(sql, eager=True), lambda f: f.rows())

print(json.dumps({"timings": timings, "answers": answers,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
