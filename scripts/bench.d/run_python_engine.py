"""Runs one round of the benchmark in DuckDB or Polars and prints timings, answers and peak memory as JSON."""
import json, resource, sys, time
from engines import QUERIES, polars_query

engine, data, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
timings, answers = {}, {}

def normalise(qid, rows):
    """Answers as plain lists, so all engines can be compared."""
    if qid == "f":
        return [[int(rows)]]
    return [list(r) for r in rows]

start = time.perf_counter()
if engine == "duckdb":
    import duckdb
    con = duckdb.connect()
    con.execute(f"CREATE TABLE h AS SELECT * FROM read_csv('{data}')")
    timings["a"] = [time.perf_counter() - start]
    for qid, _, _, sql in QUERIES:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            rows = con.execute(sql).fetchall()
            times.append(time.perf_counter() - t)
        timings[qid] = times
        answers[qid] = normalise(qid, rows[0][0] if qid == "f" else rows)
else:
    import polars as pl
    df = pl.read_csv(data)
    timings["a"] = [time.perf_counter() - start]
    for qid, *_ in QUERIES:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            result = polars_query(pl, df, qid)
            times.append(time.perf_counter() - t)
        timings[qid] = times
        answers[qid] = normalise(qid, result if qid == "f" else result.rows())

print(json.dumps({"timings": timings, "answers": answers,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
