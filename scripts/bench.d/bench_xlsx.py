"""Times loading one .xlsx sheet in solieu, Polars (calamine engine) and openpyxl (read-only), alternating."""
import argparse, os, re, statistics, subprocess, sys

PEERS = {
    "polars read_excel (calamine)": "import polars as pl\ndf = pl.read_excel(BOOK, engine='calamine')\nrows = df.height",
    "openpyxl read-only": "import openpyxl\nwb = openpyxl.load_workbook(BOOK, read_only=True)\nrows = sum(1 for _ in wb.active.iter_rows(values_only=True)) - 1",
}

TIMER = """
import resource, sys, time
BOOK = sys.argv[1]
started = time.perf_counter()
{code}
elapsed = time.perf_counter() - started
print(f"{{elapsed:.6f}} {{rows}} {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}")
"""


def run_solieu(binary, book):
    done = subprocess.run(["/usr/bin/env", binary, "--load", book, "--stats", "-c", "count"], capture_output=True, text=True, check=True)
    seconds = float(re.search(r"stats: load ([0-9.]+) s", done.stdout + done.stderr).group(1))
    rows = int(re.search(r"loaded .*?: (\d+) rows", done.stdout + done.stderr).group(1))
    return seconds, rows, max_rss_of([binary, "--load", book, "-c", "count"])


def max_rss_of(command):
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True, check=True)
    return int(done.stderr.strip().splitlines()[-1])


def run_peer(code, book):
    done = subprocess.run([sys.executable, "-c", TIMER.format(code=code), book], capture_output=True, text=True, check=True)
    seconds, rows, rss = done.stdout.split()
    return float(seconds), int(rows), int(rss)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--solieu", required=True)
    parser.add_argument("--book", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    times = {name: [] for name in ["solieu"] + list(PEERS)}
    memory = {}
    for _ in range(args.rounds):
        seconds, rows, rss = run_solieu(args.solieu, args.book)
        assert rows == args.rows, f"solieu loaded {rows} rows"
        times["solieu"].append(seconds)
        memory["solieu"] = max(memory.get("solieu", 0), rss)
        for name, code in PEERS.items():
            seconds, rows, rss = run_peer(code, args.book)
            assert rows == args.rows, f"{name} loaded {rows} rows"
            times[name].append(seconds)
            memory[name] = max(memory.get(name, 0), rss)
    size = os.path.getsize(args.book) / 1e6
    print(f"load one sheet: {args.rows:,} rows x 10 columns, {size:.1f} MB .xlsx; median of {args.rounds} runs (min-max), peak resident memory")
    print(f"| engine | median | min-max | peak memory |")
    print(f"|---|---:|---:|---:|")
    best_peer = min(statistics.median(times[n]) for n in PEERS)
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values) * 1000:,.0f} ms | {min(values) * 1000:,.0f}-{max(values) * 1000:,.0f} ms | {memory[name] / 1024:,.0f} MiB |")
    print(f"ratio solieu / fastest peer: {statistics.median(times['solieu']) / best_peer:.2f}")


main()
