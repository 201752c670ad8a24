"""solieu's questions on a PostgreSQL table against the same SQL typed into psql (see scripts/bench-postgres).

The table is loaded with psql's \\copy. For each question, solieu runs it `repeat` times after `connect`
(its own statement timer); the SQL it sends is read from `explain sql` and run `repeat` times by psql with
\\timing. solieu's peak resident memory for the whole run is measured by GNU time.
"""
import argparse, os, statistics, subprocess, sys, tempfile
from urllib.parse import urlparse

QUESTIONS = [
    ("count by province, one year", "count by province year=2023"),
    ("mean income by province, one year", "mean income by province year=2023"),
    ("compare a province over three years", "compare province=ninh binh year=2021..2023 rate"),
    ("rank provinces by mean income", "rank province by mean(income) year=2023 top 5"),
    ("filtered count", "count income<1500 members>=5"),
    ("trend of one province", "trend province=Kon Tum rate"),
]

SCHEMA = """DROP TABLE IF EXISTS households;
CREATE TABLE households (household_id bigint, province text, district text, year integer, urban integer,
  ethnic_minority integer, members integer, income double precision, poor integer, near_poor integer);"""


def psql(args, sql, url):
    u = urlparse(url)
    command = [args.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", u.hostname, "-p", str(u.port), "-U", u.username,
               "-d", u.path.lstrip("/")]
    done = subprocess.run(command, input=sql, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"psql failed:\n{done.stderr}")
    return done.stdout


def solieu(args, statements):
    with tempfile.NamedTemporaryFile("w", suffix=".solieu", delete=False) as script:
        script.write("\n".join([f"connect {args.url}", "use households", "measure rate = 100 * mean(poor)", "set timer on"]
                               + statements) + "\n")
    done = subprocess.run(["/usr/bin/time", "-f", "peak %M", args.solieu, script.name], capture_output=True, text=True)
    os.unlink(script.name)
    if done.returncode != 0:
        sys.exit(f"solieu failed:\n{done.stdout}\n{done.stderr}")
    times = [float(l.split()[1]) for l in done.stdout.splitlines() + done.stderr.splitlines() if l.startswith("time: ")]
    peak = [int(l.split()[1]) / 1024 for l in done.stderr.splitlines() if l.startswith("peak ")][0]
    return times, peak, done.stdout


def main():
    parser = argparse.ArgumentParser()
    for name in ("--solieu", "--data", "--psql", "--url"):
        parser.add_argument(name, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = sum(1 for _ in open(args.data, encoding="utf-8")) - 1
    psql(args, SCHEMA + f"\n\\copy households FROM '{os.path.abspath(args.data)}' WITH (FORMAT csv, HEADER true)\nANALYZE households;\n", args.url)
    print(f"households: {rows:,} rows in PostgreSQL\n")
    print("| question | solieu | the same SQL in psql | solieu's compile and transfer |")
    print("|---|---:|---:|---:|")
    statements = []
    for _, question in QUESTIONS:
        statements += [question] * args.repeat
    times, peak, _ = solieu(args, statements)
    for n, (label, question) in enumerate(QUESTIONS):
        _, _, explained = solieu(args, [f"explain sql {question}"])
        sent = [l for l in explained.splitlines() if l.startswith("SELECT")]
        timing = psql(args, "\\timing on\n" + "\n".join(sent * args.repeat) + "\n", args.url)
        per_run = [float(l.split()[1]) for l in timing.splitlines() if l.startswith("Time: ")]
        sql_ms = statistics.median([sum(per_run[i * len(sent):(i + 1) * len(sent)]) for i in range(args.repeat)])
        ours = times[n * args.repeat:(n + 1) * args.repeat]
        ours_ms = statistics.median(ours)
        print(f"| {label} (`{question}`) | {ours_ms:,.1f} ms | {sql_ms:,.1f} ms | {ours_ms - sql_ms:+,.1f} ms |")
    print(f"\nsolieu's peak resident memory over the whole run (connect and {len(statements)} statements): {peak:,.0f} MiB")
    print(f"medians of {args.repeat} runs; psql's time is the server's for the statements solieu sends "
          f"(shown by `explain sql`), summed per run")


if __name__ == "__main__":
    main()
