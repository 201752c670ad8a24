"""Excel in and out, checked by another program: workbooks written by openpyxl load into solieu as the
right tables, and solieu's .xlsx exports and Excel CSV read back (openpyxl, Python's csv) with every value
and type. Run by scripts/test with the solieu binary as its argument."""
import csv, datetime, json, os, subprocess, sys, tempfile

import openpyxl

solieu = os.path.abspath(sys.argv[1])
work = tempfile.mkdtemp(prefix="solieu-excel-")
failures = []


def run(*statements):
    args = [solieu]
    for s in statements:
        args += ["-c", s]
    done = subprocess.run(args, cwd=work, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"solieu failed ({done.returncode}) on {statements}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def check(what, actual, expected):
    if actual != expected:
        failures.append(f"{what}:\n  expected {expected!r}\n  actual   {actual!r}")


def exported_rows(path):
    with open(os.path.join(work, path), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


# A workbook as a Sở LĐTB&XH keeps it: a title row, a merged two-row Vietnamese header, numbers stored as
# text with decimal commas and thousands dots, a date column, a totals row; a second sheet.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Biểu 01"
ws["A1"] = "BÁO CÁO KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2023"
ws.merge_cells("A1:F1")
for ref, text in [("A3", "STT"), ("B3", "Huyện"), ("C3", "Số hộ nghèo"), ("E3", "Tỷ lệ hộ nghèo (%)"), ("F3", "Ngày rà soát"),
                  ("C4", "Tổng số"), ("D4", "Trong đó DTTS")]:
    ws[ref] = text
for span in ["A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4"]:
    ws.merge_cells(span)
districts = [("Kon Plông", "1.074", 277, "19,9"), ("Kon Rẫy", "2.573", 1951, "33,0"), ("Đắk Hà", "2.479", 278, "32,0")]
for i, (name, poor, minority, rate) in enumerate(districts):
    r = 5 + i
    ws.cell(r, 1, i + 1)
    ws.cell(r, 2, name)
    ws.cell(r, 3, poor)
    ws.cell(r, 4, minority)
    ws.cell(r, 5, rate)
    ws.cell(r, 6, datetime.date(2023, 11, 7 + i)).number_format = "dd/mm/yyyy"
ws.cell(8, 2, "Tổng cộng")
ws.cell(8, 3, "6.126")
ws.cell(8, 4, 2506)
second = wb.create_sheet("Tổng hợp")
second.append(["tỉnh", "năm", "tỷ lệ"])
second.append(["Kon Tum", 2017, 20.3])
second.append(["Ninh Bình", 2023, 1.86])
wb.save(os.path.join(work, "baocao.xlsx"))

run("load baocao.xlsx", "show", "export first.csv")
rows = exported_rows("first.csv")
check("sheet 1 header", rows[0], ["STT", "Huyện", "Số hộ nghèo - Tổng số", "Số hộ nghèo - Trong đó DTTS", "Tỷ lệ hộ nghèo (%)", "Ngày rà soát"])
check("sheet 1 rows", rows[1:], [["1", "Kon Plông", "1074", "277", "19.9", "2023-11-07"], ["2", "Kon Rẫy", "2573", "1951", "33.0", "2023-11-08"],
                                 ["3", "Đắk Hà", "2479", "278", "32.0", "2023-11-09"]])
run("load baocao.xlsx", "use baocao_totals", "show", "export totals.csv")
check("totals row kept apart", exported_rows("totals.csv")[1][:5], ["8", "", "Tổng cộng", "6126", "2506"])
run('load baocao.xlsx sheet="tong hop"', "show", "export second.csv")
# A province column brings its region and 2025 unit, as for any file.
check("sheet 2", [r[:3] for r in exported_rows("second.csv")], [["tỉnh", "năm", "tỷ lệ"], ["Kon Tum", "2017", "20.3"], ["Ninh Bình", "2023", "1.86"]])

# solieu's own .xlsx export, read back by openpyxl: numbers are numbers, and equal to the JSON export.
statement = "compare province=Ninh Bình year=2021..2023 rate"
run(statement, "export q4.xlsx", "export q4.json")
expected = json.load(open(os.path.join(work, "q4.json"), encoding="utf-8"))
book = openpyxl.load_workbook(os.path.join(work, "q4.xlsx"))
sheet = book.active
cells = list(sheet.iter_rows(values_only=True))
check("xlsx header", list(cells[0]), expected["columns"])
check("xlsx frozen header", sheet.freeze_panes, "A2")
for r, row in enumerate(expected["rows"]):
    for c, name in enumerate(expected["columns"]):
        want, got = row[name], cells[r + 1][c]
        if isinstance(want, float):
            if not isinstance(got, (int, float)) or abs(got - want) > 1e-12 * max(1, abs(want)):
                failures.append(f"xlsx cell {name}: {got!r} is not the number {want!r}")
        else:
            check(f"xlsx cell {name}", got, want)
types = [c.data_type for c in next(sheet.iter_rows(min_row=2, max_row=2))]
check("xlsx cell types", types, ["s", "n", "n", "n", "n", "n"])

# The CSV for Excel: BOM, ';', decimal comma, CRLF; loads back into solieu equal to the result.
run(statement, "export q4e.csv excel")
raw = open(os.path.join(work, "q4e.csv"), "rb").read()
check("Excel CSV starts with a BOM", raw[:3], b"\xef\xbb\xbf")
text = raw[3:].decode("utf-8")
check("Excel CSV line ends", text.count("\r\n"), 2)
records = list(csv.reader(text.splitlines(), delimiter=";"))
check("Excel CSV header", records[0], expected["columns"])
check("Excel CSV decimal comma", records[1][1], "3,07")
run("load q4e.csv", "show", "export back.json")
back = json.load(open(os.path.join(work, "back.json"), encoding="utf-8"))
check("Excel CSV columns load back", back["columns"], expected["columns"])
for name in expected["columns"]:
    want, got = expected["rows"][0][name], back["rows"][0][name]
    if isinstance(want, float):
        if abs(got - want) > 1e-12 * max(1, abs(want)):
            failures.append(f"Excel CSV {name}: {got!r} loads back, {want!r} was exported")
    else:
        check(f"Excel CSV {name}", got, want)

if failures:
    print("\n".join(failures))
    raise SystemExit(f"excel checks: {len(failures)} failed")
print("excel checks: all passed")
