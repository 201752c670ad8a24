"""Exact decimals, checked by Python's decimal module: random CSV files whose columns hold decimals of a fixed
number of places (at most N: some values are written with fewer) load into solieu, which computes sums,
differences and products of columns and literals, comparisons, filters and column sums; every value it writes
(--format csv) must equal the one Decimal computes, exactly. Run by scripts/test with the solieu binary as its
argument; `--files N` and `--seed S` change how many files and which."""
import argparse, csv, io, os, random, subprocess, sys, tempfile
from decimal import Decimal

parser = argparse.ArgumentParser()
parser.add_argument("solieu")
parser.add_argument("--files", type=int, default=40)
parser.add_argument("--rows", type=int, default=200)
parser.add_argument("--seed", type=int, default=20261201)
options = parser.parse_args()
solieu = os.path.abspath(options.solieu)
work = tempfile.mkdtemp(prefix="solieu-decimals-")
failures = []
checked = 0


def decimal_text(scaled, places, mark="."):
    """scaled / 10^places written with exactly `places` digits after the mark (`-0.05`, `3.40`)."""
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    if places == 0:
        return sign + digits
    return sign + digits[:-places] + mark + digits[-places:]


def random_value(places, rng):
    """A decimal of at most `places` places and at most 7 digits once scaled, so products stay within 15 digits."""
    scaled = rng.randint(-10**7 + 1, 10**7 - 1) if rng.random() < 0.7 else rng.randint(-999, 999)
    shown = places
    # "At most N places": a value such as 3.4 in a column of 3.40s, written without its trailing zero.
    while shown > 0 and scaled % 10 == 0 and rng.random() < 0.5:
        scaled //= 10
        shown -= 1
    return Decimal(scaled).scaleb(-shown), decimal_text(scaled, shown)


def literal(rng):
    places = rng.randint(0, 4)
    scaled = rng.randint(-99999, 99999)
    text = decimal_text(scaled, places)
    return Decimal(text), text


def run(path, statements):
    args = [solieu, "--no-init", "--format", "csv", "-c", f"load {path} as t"]
    for s in statements:
        args += ["-c", s]
    done = subprocess.run(args, cwd=work, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"solieu failed ({done.returncode}) on {path} {statements}:\n{done.stdout}\n{done.stderr}")
    # Each result is one csv block; blocks are separated by an empty line (every row has an id, never empty).
    return [list(csv.reader(io.StringIO(block))) for block in done.stdout.strip("\n").split("\n\n")]


def expect_equal(what, actual_text, expected):
    global checked
    checked += 1
    if expected is None:
        if actual_text != "":
            failures.append(f"{what}: expected missing, solieu wrote {actual_text!r}")
        return
    if isinstance(expected, bool):
        if actual_text != ("true" if expected else "false"):
            failures.append(f"{what}: expected {expected}, solieu wrote {actual_text!r}")
        return
    if actual_text == "" or Decimal(actual_text) != expected:
        failures.append(f"{what}: expected {expected}, solieu wrote {actual_text!r}")


def check_file(index, rng):
    places_a, places_b = rng.randint(1, 4), rng.randint(1, 4)
    rows = []
    for row in range(options.rows):
        a = random_value(places_a, rng)
        b = random_value(places_b, rng) if rng.random() > 0.05 else (None, "")
        k = rng.randint(-500, 500)
        rows.append((row + 1, a, b, k))
    # The first row proves the decimal point (0.x cannot be a thousands group), as `0,5` would a decimal comma.
    rows[0] = (1, (Decimal(decimal_text(7, places_a)), decimal_text(7, places_a)),
               (Decimal(decimal_text(-3, places_b)), decimal_text(-3, places_b)), 0)
    path = os.path.join(work, f"decimals-{index}.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write("id,a,b,k\n")
        for id, (_, a), (_, b), k in rows:
            f.write(f"{id},{a},{b},{k}\n")
    lit1, lit1_text = literal(rng)
    lit2, lit2_text = literal(rng)
    statements = [
        "let s = a + b", "let d = a - b", "let p = a * b", f"let q = a - {lit1_text}", f"let r = b * {lit2_text} + a",
        "let n = a * k - b", "let ge = a >= b", f"let lt = a - b < {lit1_text}", f"let eq = a * 1 = {lit1_text}",
        "show id s d p q r n ge lt eq",
        f"show id a >= {lit1_text}",
        "show sum(a) sum(d)",
        "describe",
    ]
    results = run(path, statements)
    table, chosen, sums, described = results[0], results[1], results[2], results[3]
    header = table[0]
    by_id = {int(line[0]): dict(zip(header, line)) for line in table[1:]}

    def opt(f, *values):
        return None if any(v is None for v in values) else f(*values)

    for id, (a, _), (b, _), k in rows:
        got = by_id.get(id)
        if got is None:
            failures.append(f"file {index}: row {id} missing from the result")
            continue
        where = f"file {index} (a {places_a} places, b {places_b}) row {id}"
        expect_equal(f"{where}: a + b", got["s"], opt(lambda x, y: x + y, a, b))
        expect_equal(f"{where}: a - b", got["d"], opt(lambda x, y: x - y, a, b))
        expect_equal(f"{where}: a * b", got["p"], opt(lambda x, y: x * y, a, b))
        expect_equal(f"{where}: a - {lit1_text}", got["q"], a - lit1)
        expect_equal(f"{where}: b * {lit2_text} + a", got["r"], opt(lambda y: y * lit2 + a, b))
        expect_equal(f"{where}: a * k - b", got["n"], opt(lambda y: a * k - y, b))
        expect_equal(f"{where}: a >= b", got["ge"], opt(lambda x, y: x >= y, a, b))
        expect_equal(f"{where}: a - b < {lit1_text}", got["lt"], opt(lambda x, y: x - y < lit1, a, b))
        expect_equal(f"{where}: a * 1 = {lit1_text}", got["eq"], a == lit1)
    wanted = sorted(id for id, (a, _), _, _ in rows if a >= lit1)
    kept = sorted(int(line[0]) for line in chosen[1:])
    global checked
    checked += 1
    if kept != wanted:
        failures.append(f"file {index}: show id a >= {lit1_text} kept {len(kept)} rows, Decimal keeps {len(wanted)}")
    expect_equal(f"file {index}: sum(a)", sums[1][0], sum(a for _, (a, _), _, _ in rows))
    expect_equal(f"file {index}: sum(d)", sums[1][1], sum(a - b for _, (a, _), (b, _), _ in rows if b is not None))
    conventions = {line[0]: line[-1] for line in described[1:]}
    for column, places in (("a", places_a), ("b", places_b)):
        expect_equal(f"file {index}: describe {column}", str(conventions.get(column) == f"exact, {places} place{'' if places == 1 else 's'}").lower(), True)


rng = random.Random(options.seed)
for index in range(options.files):
    check_file(index, rng)
if failures:
    print(f"decimals: {len(failures)} of {checked} values differ from Python's Decimal:", file=sys.stderr)
    for failure in failures[:30]:
        print("  " + failure, file=sys.stderr)
    sys.exit(1)
print(f"decimals: {checked} values in {options.files} files equal Python's Decimal exactly")
