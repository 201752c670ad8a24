"""Load time, peak memory and three questions per engine at several table sizes (see scripts/bench-scale).

Each engine runs in its own process per size, so its peak resident memory (GNU time) is its own. solieu's
times are its statement timer; DuckDB's and Polars' are perf_counter around each query.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

QUESTIONS = [
    ("rate by province, one year", "show rate by province year=2022",
     "SELECT province, 100 * avg(poor) FROM h WHERE year = 2022 GROUP BY province"),
    ("filtered count", "count income<1500 members>=5",
     "SELECT count(*) FROM h WHERE income < 1500 AND members >= 5"),
    ("count and mean by 3 keys", "show count(), mean(income) by province year ethnic_minority",
     "SELECT province, year, ethnic_minority, count(*), avg(income) FROM h GROUP BY ALL"),
]

PEER = r'''
import json, sys, time
engine, data, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
questions = json.loads(sys.argv[4])
out = {"query": [], "count": None}
if engine == "duckdb":
    import duckdb
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(f"CREATE TABLE h AS SELECT * FROM read_csv('{data}')")
    out["load"] = time.perf_counter() - start
    for n, sql in enumerate(questions):
        answer = con.execute(sql).fetchall()  # warm, unmeasured
        if n == 1: out["count"] = answer[0][0]
        times = []
        for _ in range(repeat):
            t = time.perf_counter(); con.execute(sql).fetchall(); times.append(time.perf_counter() - t)
        out["query"].append(times)
else:
    import polars as pl
    start = time.perf_counter()
    df = pl.scan_csv(data).collect()
    out["load"] = time.perf_counter() - start
    c = pl.col
    lazy = [
        lambda: df.lazy().filter(c("year") == 2022).group_by("province").agg(c("poor").mean() * 100).collect(),
        lambda: df.lazy().filter((c("income") < 1500) & (c("members") >= 5)).select(pl.len()).collect(),
        lambda: df.lazy().group_by(["province", "year", "ethnic_minority"]).agg(pl.len(), c("income").mean()).collect(),
    ]
    for n, q in enumerate(lazy):
        answer = q()  # warm, unmeasured
        if n == 1: out["count"] = answer.item()
        times = []
        for _ in range(repeat):
            t = time.perf_counter(); q(); times.append(time.perf_counter() - t)
        out["query"].append(times)
print(json.dumps(out))
'''


def measured(command):
    done = subprocess.run(["/usr/bin/time", "-f", "peak %M"] + command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    peak = [int(l.split()[1]) / 1024 for l in done.stderr.splitlines() if l.startswith("peak ")][-1]
    return done, peak


def run_solieu(binary, data, repeat):
    lines = ["set timer on", "set format csv", f"load {os.path.abspath(data)} as h", "measure rate = 100 * mean(poor)"]
    for _, statement, _ in QUESTIONS:
        lines += [statement] * (repeat + 1)
    with tempfile.NamedTemporaryFile("w", suffix=".solieu", delete=False) as script:
        script.write("\n".join(lines) + "\n")
    done, peak = measured([binary, script.name])
    os.unlink(script.name)
    times = [float(l.split()[1]) / 1000 for l in done.stderr.splitlines() if l.startswith("time: ")]
    # The timer reports set, set, load, measure, then each question: one warm run, then `repeat` measured.
    runs = repeat + 1
    # The filtered count's answer: its csv is a header and one number, first of its runs.
    answers = [l for l in done.stdout.splitlines() if l.strip()]
    count = None
    for i, line in enumerate(answers):
        if line.strip() == "count" and i + 1 < len(answers):
            count = int(answers[i + 1]); break
    return {"load": times[2], "query": [times[4 + n * runs + 1:4 + (n + 1) * runs] for n in range(len(QUESTIONS))],
            "peak": peak, "count": count}


def run_peer(engine, data, repeat):
    done, peak = measured([sys.executable, "-c", PEER, engine, data, str(repeat), json.dumps([q[2] for q in QUESTIONS])])
    # The answer is the last line; anything a library printed before it is not ours to read.
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out["peak"] = peak
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--solieu", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    print("| rows | engine | load | peak memory | " + " | ".join(q[0] for q in QUESTIONS) + " |")
    print("|---:|---|---:|---:|" + "---:|" * len(QUESTIONS))
    for data in args.files:
        rows = os.path.basename(data).split("-")[1].split(".")[0]
        counts = {}
        for engine in ("solieu", "duckdb", "polars"):
            r = run_solieu(args.solieu, data, args.repeat) if engine == "solieu" else run_peer(engine, data, args.repeat)
            counts[engine] = r["count"]
            cells = [f"{statistics.median(t) * 1000:,.1f} ms" for t in r["query"]]
            print(f"| {int(rows):,} | {engine} | {r['load']:,.2f} s | {r['peak']:,.0f} MiB | " + " | ".join(cells) + " |", flush=True)
        if len(set(counts.values())) != 1:
            sys.exit(f"the engines disagree on the filtered count of {data}: {counts}")
    print(f"\nmedians of {args.repeat} warm runs (after one unmeasured); the filtered counts agree; peak memory is the process's maximum resident set (GNU time)")


if __name__ == "__main__":
    main()
