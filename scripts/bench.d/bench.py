"""Runs solieu, DuckDB and Polars side by side on the same file, checks that they agree, prints medians.

Each round runs every engine once, in its own process (so peak memory is its own): load the CSV, then each
query `repeat` times. solieu runs a script through its normal path (parser, engine, JSON output) and its own
timer (`set timer on`) times each statement; the whole process is timed and measured by GNU time.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from engines import QUERIES

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_solieu(binary, data, repeat):
    lines = ["set timer on", "set format json", f"load {data} as h", "measure rate = 100 * mean(poor)"]
    for _, _, statement, _ in QUERIES:
        lines += [statement] * repeat
    with tempfile.NamedTemporaryFile("w", suffix=".solieu", delete=False) as script:
        script.write("\n".join(lines) + "\n")
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "peak %M", binary, script.name], capture_output=True, text=True)
    wall = time.perf_counter() - start
    os.unlink(script.name)
    if done.returncode != 0:
        sys.exit(f"solieu failed:\n{done.stderr}")
    times = [float(l.split()[1]) / 1000 for l in done.stderr.splitlines() if l.startswith("time: ")]
    peak = [int(l.split()[1]) / 1024 for l in done.stderr.splitlines() if l.startswith("peak ")][0]
    results, decoder, text, i = [], json.JSONDecoder(), done.stdout, 0
    while (i := text.find('{"columns":', i)) >= 0:
        obj, i = decoder.raw_decode(text, i)
        results.append(obj)
    timings = {"a": [times[2]]}
    answers = {}
    for n, (qid, _, _, _) in enumerate(QUERIES):
        first = 4 + n * repeat
        timings[qid] = times[first:first + repeat]
        answers[qid] = results[n * repeat]
    return {"timings": timings, "answers": answers, "peak_mib": peak, "wall": wall}


def run_python(engine, data, repeat):
    start = time.perf_counter()
    done = subprocess.run([sys.executable, os.path.join(HERE, "run_python_engine.py"), engine, data, str(repeat)],
                          capture_output=True, text=True, cwd=HERE)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{engine} failed:\n{done.stderr}")
    out = json.loads(done.stdout)
    out["wall"] = wall
    return out


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def solieu_answer(qid, obj):
    """solieu's JSON result restated in the shape of the SQL answers."""
    rows = obj["rows"]
    if qid == "b":
        return {r["province"]: r["rate"] for r in rows}
    if qid == "c":
        r = rows[0]
        return {2021: r["2021"], 2023: r["2023"], "change": r["change (pp)"]}
    if qid == "d":
        return [(r["province"], r["mean(income)"]) for r in rows]
    if qid == "e":
        return {(r["province"], r["year"], r["ethnic_minority"]): (r["count()"], r["mean(income)"]) for r in rows}
    if qid == "f":
        return rows[0]["count"]


def sql_answer(qid, rows):
    if qid == "b":
        return {p: v for p, v in rows}
    if qid == "c":
        by_year = {y: v for y, v in rows}
        return {2021: by_year.get(2021), 2023: by_year.get(2023), "change": by_year[2023] - by_year[2021]}
    if qid == "d":
        return [(p, m) for p, m in rows]
    if qid == "e":
        return {(p, y, e): (n, m) for p, y, e, n, m in rows}
    if qid == "f":
        return rows[0][0]


def same(a, b):
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and close(float(a), float(b))
    return a == b


def startup(binary, repeat):
    """Start-up to the first answer of a one-line script on the built-in teaching data."""
    reports = os.path.join(ROOT, "datasets", "reports.csv")
    commands = {
        "solieu": [binary, "-c", "compare province=Ninh Bình year=2021..2023 rate"],
        "duckdb": [sys.executable, "-c", "import duckdb; print(duckdb.sql(\"SELECT year, rate FROM read_csv('%s') "
                   "WHERE province = 'Ninh Bình' AND year BETWEEN 2021 AND 2023\").fetchall())" % reports],
        "polars": [sys.executable, "-c", "import polars as pl; print(pl.read_csv('%s').filter((pl.col('province') == 'Ninh Bình')"
                   " & pl.col('year').is_between(2021, 2023)).select('year', 'rate'))" % reports],
    }
    times = {k: [] for k in commands}
    for _ in range(repeat):
        for engine, command in commands.items():
            t = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times[engine].append(time.perf_counter() - t)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--solieu", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check-only", action="store_true")
    args = parser.parse_args()
    binary, data = os.path.abspath(args.solieu), os.path.abspath(args.data)
    rows = sum(1 for _ in open(data, "rb")) - 1

    runs = {"solieu": [], "duckdb": [], "polars": []}
    for round_ in range(1 if args.check_only else args.rounds):
        runs["solieu"].append(run_solieu(binary, data, 1 if args.check_only else args.repeat))
        runs["duckdb"].append(run_python("duckdb", data, 1 if args.check_only else args.repeat))
        runs["polars"].append(run_python("polars", data, 1 if args.check_only else args.repeat))

    # Agreement: every engine's answers against solieu's.
    disagreements = []
    for qid, what, _, _ in QUERIES:
        mine = solieu_answer(qid, runs["solieu"][0]["answers"][qid])
        for engine in ("duckdb", "polars"):
            theirs = sql_answer(qid, [tuple(r) for r in runs[engine][0]["answers"][qid]])
            if not same(mine, theirs):
                disagreements.append(f"({qid}) {what}: solieu and {engine} disagree")
    print(f"rows: {rows:,}; answers compared for {len(QUERIES)} queries × 2 engines: "
          f"{'all agree' if not disagreements else str(len(disagreements)) + ' disagreements'}")
    for d in disagreements:
        print("  " + d)
    if disagreements:
        sys.exit(1)
    if args.check_only:
        print(f"agreement check: {len(QUERIES) * 2} of {len(QUERIES) * 2} answers agree")
        return

    def med(engine, qid):
        return statistics.median(t for run in runs[engine] for t in run["timings"][qid])

    names = {"a": "(a) load the CSV"} | {q[0]: f"({q[0]}) {q[1]}" for q in QUERIES}
    starts = startup(binary, 10)
    print()
    print("| query | solieu | DuckDB | Polars | solieu / best other |")
    print("|---|---:|---:|---:|---:|")
    for qid in ["a"] + [q[0] for q in QUERIES]:
        s, d, p = med("solieu", qid), med("duckdb", qid), med("polars", qid)
        print(f"| {names[qid]} | {fmt(s)} | {fmt(d)} | {fmt(p)} | {s / min(d, p):.2f} |")
    s, d, p = (statistics.median(starts[k]) for k in ("solieu", "duckdb", "polars"))
    print(f"| (g) start-up to the first answer (whole process) | {fmt(s)} | {fmt(d)} | {fmt(p)} | {s / min(d, p):.2f} |")
    walls = {k: statistics.median(r["wall"] for r in runs[k]) for k in runs}
    print(f"| whole process: load + {args.repeat} × each query | {fmt(walls['solieu'])} | {fmt(walls['duckdb'])} | {fmt(walls['polars'])} | "
          f"{walls['solieu'] / min(walls['duckdb'], walls['polars']):.2f} |")
    peaks = {k: max(r["peak_mib"] for r in runs[k]) for k in runs}
    print(f"| peak memory (MiB) | {peaks['solieu']:,.0f} | {peaks['duckdb']:,.0f} | {peaks['polars']:,.0f} | "
          f"{peaks['solieu'] / min(peaks['duckdb'], peaks['polars']):.2f} |")
    print(f"\nmedians of {args.rounds} rounds × {args.repeat} runs (load: {args.rounds} runs; start-up: 10 runs); "
          f"engines alternate round by round; solieu's times are its own statement timer")


def fmt(seconds):
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


if __name__ == "__main__":
    main()
