#!/usr/bin/env python3
"""Round trip against Python's csv module: random tables written by Python, loaded and exported by solieu,
read back by Python and compared cell by cell.

Usage: scripts/csv-roundtrip.py SOLIEU [--tables N] [--seed S]

Each table has an integer, a decimal and two text columns. The text holds Vietnamese (NFC), quotes, the
file's own separator, line ends inside fields (LF and CRLF), and values starting with the bytes one bit
away from a separator ('-' after ',', ':' after ';', '}' after '|'). Files use comma, semicolon, tab or bar,
LF or CRLF line ends. Exits 1 and prints the first differences when any table differs.
"""
import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import unicodedata

# No word that labels a totals row (Tổng, Cộng, …): such a row is kept apart from the data, by design.
WORDS = ["Ninh Bình", "Kon Tum", "Hòa Bình", "Đắk Lắk", "hộ nghèo", "cận nghèo", "Bắc Kạn", "Cần Thơ",
         "TP. Hồ Chí Minh", "Quảng Nam", "xã", "thôn", "Tân", "a", "B", "Yên"]
# Bytes one bit away from a separator or line end, and other punctuation.
PIECES = ["-", ":", "}", "-5.81", ":x", "}}", "\u000b", "\u000c", "+", "/", "(", "%", "'", "x"]
SEPARATORS = [",", ";", "\t", "|"]


def random_text(rng, separator, line_end):
    """A text cell: always a letter (so the column stays text), sometimes tricky bytes around it."""
    parts = [rng.choice(WORDS)]
    for _ in range(rng.randrange(3)):
        roll = rng.randrange(8)
        if roll == 0:
            parts.append('"')
        elif roll == 1:
            parts.append(separator)
        elif roll == 2:
            # Python's writer quotes a field holding CR or LF only when its line terminator has them.
            parts.append("\n" if line_end == "\n" else rng.choice(["\n", "\r\n"]))
        elif roll == 3:
            parts.insert(0, rng.choice(PIECES))
        else:
            parts.append(rng.choice(PIECES + WORDS))
    text = " ".join(parts) if rng.randrange(2) else "".join(parts)
    return unicodedata.normalize("NFC", text.strip(" "))


def random_decimal(rng):
    """A decimal with 1, 2, 4 or 5 fraction digits, never exactly 3 (which would read as a thousands dot)."""
    digits = rng.choice([1, 2, 4, 5])
    fraction = "".join(rng.choice("0123456789") for _ in range(digits - 1)) + rng.choice("123456789")
    sign = "-" if rng.randrange(3) == 0 else ""
    return f"{sign}{rng.randrange(100000)}.{fraction}"


def random_table(rng, separator, line_end):
    header = ["mã", "tên", "giá trị", "ghi chú"]
    rows = []
    for _ in range(1 + rng.randrange(12)):
        rows.append([str(rng.randrange(-10**12, 10**12)), random_text(rng, separator, line_end), random_decimal(rng),
                     random_text(rng, separator, line_end) if rng.randrange(6) else ""])
    return header, rows


def same_cell(column, expected, actual):
    if column in (0,):
        return int(expected) == int(actual)
    if column == 2:
        return float(expected) == float(actual)
    return unicodedata.normalize("NFC", expected) == actual


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("solieu")
    parser.add_argument("--tables", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2023)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)

    with tempfile.TemporaryDirectory(prefix="solieu-roundtrip-") as folder:
        tables = []
        script = []
        for i in range(arguments.tables):
            separator = SEPARATORS[i % len(SEPARATORS)]
            line_end = rng.choice(["\n", "\r\n"])
            header, rows = random_table(rng, separator, line_end)
            path = os.path.join(folder, f"t{i}.{'tsv' if separator == chr(9) else 'csv'}")
            with open(path, "w", encoding="utf-8", newline="") as f:
                csv.writer(f, delimiter=separator, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL).writerows([header] + rows)
            exported = os.path.join(folder, f"o{i}.csv")
            script += [f"load {path}", "show", f"export {exported}"]
            tables.append((path, header, rows, exported))
        script_path = os.path.join(folder, "roundtrip.solieu")
        with open(script_path, "w", encoding="utf-8") as f:
            f.write("\n".join(script) + "\n")
        run = subprocess.run([arguments.solieu, script_path], capture_output=True, text=True)
        if run.returncode != 0:
            print("solieu failed on the round-trip script:\n" + run.stderr[:2000], file=sys.stderr)
            return 1

        failures = 0
        for path, header, rows, exported in tables:
            with open(exported, encoding="utf-8", newline="") as f:
                back = list(csv.reader(f))
            problem = None
            # A column of province names gains the derived `region` and `unit_2025` columns when it is added.
            if back[0][len(header):] == ["region", "unit_2025"]:
                back = [row[:len(header)] for row in back]
            if back[0] != header:
                problem = f"header {back[0]!r} != {header!r}"
            elif len(back) - 1 != len(rows):
                problem = f"{len(back) - 1} rows != {len(rows)}"
            else:
                for r, (want, got) in enumerate(zip(rows, back[1:])):
                    bad = [c for c in range(len(header)) if len(got) != len(header) or not same_cell(c, want[c], got[c])]
                    if bad:
                        problem = f"row {r + 1}: {want!r} came back as {got!r}"
                        break
            if problem:
                failures += 1
                if failures <= 5:
                    with open(path, encoding="utf-8", newline="") as f:
                        print(f"{os.path.basename(path)}: {problem}\n  file: {f.read()!r}", file=sys.stderr)
        if failures:
            print(f"csv round trip: {failures} of {len(tables)} tables differ", file=sys.stderr)
            return 1
        print(f"csv round trip: {len(tables)} tables written by Python's csv, loaded and exported by solieu, read back equal")
        return 0


if __name__ == "__main__":
    sys.exit(main())
