"""Runs solieu, DuckDB and Polars side by side on the same file, checks that they agree, prints medians.

Each round runs every engine once, in its own process (so peak memory is its own): load the CSV, then each
query once unmeasured and `repeat` measured times. solieu runs a script through its normal path (parser,
engine, JSON output) and its own timer (`set timer on`) times each statement, under GNU time for its peak
memory. DuckDB runs SQL; Polars runs each query eagerly, lazily and in SQL on one loaded frame. The ratio is
solieu's median over the best peer path's median.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from engines import PATHS, QUERIES

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GAZETTEER = os.path.join(ROOT, "datasets", "provinces.csv")


def run_solieu(binary, data, repeat):
    """One solieu process: load, then each statement once unmeasured (warm) and `repeat` measured times."""
    lines = ["set timer on", "set format json", f"load {data} as h", "measure rate = 100 * mean(poor)"]
    for _, _, statement, _ in QUERIES:
        lines += [statement] * (repeat + 1)
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
        first = 4 + n * (repeat + 1)
        timings[qid] = times[first + 1:first + 1 + repeat]
        answers[qid] = results[n * (repeat + 1)]
    return {"timings": {"solieu": timings}, "answers": answers, "peak_mib": peak, "wall": wall}


def run_python(engine, data, repeat):
    done = subprocess.run([sys.executable, os.path.join(HERE, "run_python_engine.py"), engine, data, GAZETTEER, str(repeat)],
                          capture_output=True, text=True, cwd=HERE)
    if done.returncode != 0:
        sys.exit(f"{engine} failed:\n{done.stderr}")
    return json.loads(done.stdout)


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
    if qid in ("d", "i"):
        return [(r["province"], r["mean(income)"]) for r in rows]
    if qid == "e":
        return {(r["province"], r["year"], r["ethnic_minority"]): (r["count()"], r["mean(income)"]) for r in rows}
    if qid == "f":
        return rows[0]["count"]
    if qid == "h":
        return {(r["province"], r["year"]): r["mean(income)"] for r in rows}
    if qid == "j":
        return {r["province"]: r["count_distinct(district)"] for r in rows}
    if qid == "k":
        return {r["province"]: r["median(income)"] for r in rows}
    if qid == "l":
        return {r["region"]: r["mean(income)"] for r in rows}
    if qid == "m":
        return {(r["province"], r["urban"], r["ethnic_minority"]): (r["count()"], r["mean(income)"]) for r in rows}
    raise ValueError(qid)


def sql_answer(qid, rows):
    if qid == "c":
        by_year = {y: v for y, v in rows}
        return {2021: by_year.get(2021), 2023: by_year.get(2023), "change": by_year[2023] - by_year[2021]}
    if qid in ("d", "i"):
        return [(p, m) for p, m in rows]
    if qid in ("e", "m"):
        return {(p, y, e): (n, m) for p, y, e, n, m in rows}
    if qid == "f":
        return rows[0][0]
    if qid == "h":
        return {(p, y): m for p, y, m in rows}
    return {k: v for k, v in rows}


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
    repeat = 1 if args.check_only else args.repeat
    for round_ in range(1 if args.check_only else args.rounds):
        runs["solieu"].append(run_solieu(binary, data, repeat))
        runs["duckdb"].append(run_python("duckdb", data, repeat))
        runs["polars"].append(run_python("polars", data, repeat))

    # Agreement: solieu and every Polars path against DuckDB's answer to the same SQL.
    reference = runs["duckdb"][0]["answers"]["duckdb"]
    disagreements, compared = [], 0
    for qid, what, _, _ in QUERIES:
        truth = sql_answer(qid, [tuple(r) for r in reference[qid]])
        answers = {"solieu": solieu_answer(qid, runs["solieu"][0]["answers"][qid])}
        for path in PATHS[1:]:
            answers[path] = sql_answer(qid, [tuple(r) for r in runs["polars"][0]["answers"][path][qid]])
        for path, answer in answers.items():
            compared += 1
            if not same(answer, truth):
                disagreements.append(f"({qid}) {what}: {path} and DuckDB disagree")
    print(f"rows: {rows:,}; answers compared with DuckDB's: {compared} ({len(QUERIES)} queries × solieu and "
          f"{len(PATHS) - 1} Polars paths): {'all agree' if not disagreements else str(len(disagreements)) + ' disagreements'}")
    for d in disagreements:
        print("  " + d)
    if disagreements:
        sys.exit(1)
    if args.check_only:
        print(f"agreement check: {compared} of {compared} answers agree")
        return

    def times(path, qid):
        engine = path.split("-")[0]
        return [t for run in runs[engine] for t in run["timings"].get(path, {}).get(qid, [])]

    names = {"a": "(a) load the CSV"} | {q[0]: f"({q[0]}) {q[1]}" for q in QUERIES}
    headers = {"duckdb": "DuckDB SQL", "polars-eager": "Polars eager", "polars-lazy": "Polars lazy", "polars-sql": "Polars SQL"}
    starts = startup(binary, 10)
    print()
    print("| query | solieu | " + " | ".join(headers[p] for p in PATHS) + " | best peer path | solieu / best |")
    print("|---|---:|" + "---:|" * len(PATHS) + "---|---:|")
    ratios = {}
    for qid in ["a"] + [q[0] for q in QUERIES]:
        mine = times("solieu", qid)
        peers = {p: times(p, qid) for p in PATHS if times(p, qid)}
        best = min(peers, key=lambda p: statistics.median(peers[p]))
        ratio = statistics.median(mine) / statistics.median(peers[best])
        ratios[qid] = ratio
        cells = [spread(peers[p]) if p in peers else "–" for p in PATHS]
        print(f"| {names[qid]} | {spread(mine)} | " + " | ".join(cells) + f" | {headers[best]} | {ratio:.2f} |")
    s, d, p = (statistics.median(starts[k]) for k in ("solieu", "duckdb", "polars"))
    print(f"| (g) start-up to the first answer (whole process) | {fmt(s)} | {fmt(d)} | {fmt(p)} | – | – | "
          f"{'DuckDB SQL' if d <= p else 'Polars eager'} | {s / min(d, p):.2f} |")
    peaks = {k: max(r["peak_mib"] for r in runs[k]) for k in runs}
    print(f"| peak memory (MiB) | {peaks['solieu']:,.0f} | {peaks['duckdb']:,.0f} | {peaks['polars']:,.0f} (all three paths) "
          f"| – | – | | {peaks['solieu'] / min(peaks['duckdb'], peaks['polars']):.2f} |")
    met = [q for q, r in ratios.items() if r <= 0.67]
    print(f"\nmedians (min–max) of {args.rounds} rounds × {args.repeat} warm runs (each query run once unmeasured first; "
          f"load: one per round; start-up: 10 runs); engines alternate round by round; solieu's times are its own "
          f"statement timer. Ratio ≤ 0.67 on {len(met)} of {len(ratios)} rows" +
          (f"; above it: {', '.join(q for q in ratios if q not in met)}" if len(met) < len(ratios) else ""))


def spread(seconds):
    """A median with the range of the runs behind it."""
    return f"{fmt(statistics.median(seconds))} ({fmt(min(seconds), unit=False)}–{fmt(max(seconds), unit=False)})"


def fmt(seconds, unit=True):
    if seconds < 10:
        return f"{seconds * 1000:,.1f}" + (" ms" if unit else "")
    return f"{seconds:,.1f}" + (" s" if unit else "")


if __name__ == "__main__":
    main()
