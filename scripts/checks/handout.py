"""The HTML handout checked by other programs: Python's html.parser reads the page (every element closed,
nothing fetched from elsewhere, no script), and headless Chromium renders it to a PNG in which the trend
chart must be seen: pixels of the first and second line colours (SVGChart.palette, used nowhere else on
the page) spread over the chart's area. Run by scripts/test with the solieu binary as its argument."""
import html.parser, os, struct, subprocess, sys, tempfile, zlib

solieu = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
script = os.path.join(root, "docs", "examples", "teaching", "reading-a-rate.solieu")
work = tempfile.mkdtemp(prefix="solieu-handout-")
failures = []


def check(what, ok, detail=""):
    if not ok:
        failures.append(what + (f": {detail}" if detail else ""))


done = subprocess.run([solieu, "--echo", "--format", "html", script], cwd=work, capture_output=True, text=True)
if done.returncode != 0:
    raise SystemExit(f"solieu failed ({done.returncode}):\n{done.stderr}")
page = os.path.join(work, "handout.html")
with open(page, "w", encoding="utf-8") as f:
    f.write(done.stdout)


class Strict(html.parser.HTMLParser):
    """Every element but the void ones closed in order; the tags and attributes the page may not hold."""
    VOID = {"meta", "br", "rect", "line", "circle", "polyline", "path"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.seen, self.problems = [], {}, []

    def handle_starttag(self, tag, attrs):
        self.seen[tag] = self.seen.get(tag, 0) + 1
        if tag in ("script", "link", "img", "iframe", "object"):
            self.problems.append(f"<{tag}> at line {self.getpos()[0]}")
        for name, value in attrs:
            if name in ("src", "href") or name.startswith("on") or (value or "").startswith(("http:", "https:", "//")) and name != "xmlns":
                self.problems.append(f"{tag} {name}={value!r} at line {self.getpos()[0]}")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen[tag] = self.seen.get(tag, 0) + 1

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> at line {self.getpos()[0]} closes {self.open[-1] if self.open else 'nothing'}")
        else:
            self.open.pop()


parser = Strict()
parser.feed(done.stdout)
parser.close()
check("html.parser finds no problem", not parser.problems, "; ".join(parser.problems))
check("every element is closed", not parser.open, str(parser.open))
check("two inline SVG charts", parser.seen.get("svg") == 2, str(parser.seen.get("svg")))
check("the page is one document", done.stdout.startswith("<!DOCTYPE html>") and done.stdout.endswith("</html>\n"))

chromium = next((c for c in ("chromium", "chromium-browser", "google-chrome") if subprocess.run(["sh", "-c", f"command -v {c}"], capture_output=True).returncode == 0), None)
if chromium is None:
    raise SystemExit("handout check: chromium is not installed (scripts/test installs Debian's chromium package)")
png = os.path.join(work, "handout.png")
render = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                         f"--user-data-dir={work}/profile", "--window-size=900,2600", f"--screenshot={png}", "file://" + page],
                        capture_output=True, text=True, timeout=120)
check("chromium wrote a screenshot", render.returncode == 0 and os.path.exists(png), render.stderr[-2000:])


def read_png(path):
    """The pixels of an 8-bit RGB or RGBA PNG without interlacing (what Chromium writes), row by row."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, f"PNG kind {depth}/{colour}/{interlace}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):  # PNG filters: None, Sub, Up, Average, Paeth
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


if os.path.exists(png):
    width, height, channels, rows = read_png(png)
    check("the screenshot is the window's size", (width, height) == (900, 2600), f"{width}×{height}")

    def pixels_near(rgb, tolerance=40):
        found = []
        for y, row in enumerate(rows):
            for x in range(width):
                r, g, b = row[x * channels:x * channels + 3]
                if abs(r - rgb[0]) + abs(g - rgb[1]) + abs(b - rgb[2]) <= tolerance:
                    found.append((x, y))
        return found

    blue, orange = pixels_near((0x1F, 0x77, 0xB4)), pixels_near((0xFF, 0x7F, 0x0E))
    white = sum(1 for row in rows for x in range(0, width, 7) if row[x * channels:x * channels + 3] == b"\xff\xff\xff")
    check("the page rendered (mostly white paper, not blank or black)", white > (width // 7) * height * 0.5, str(white))
    # The trend chart: both lines drawn, each spread across the chart's width and over some height.
    for name, found in (("Ninh Bình's line (blue)", blue), ("Kon Tum's line (orange)", orange)):
        check(f"{name} is drawn", len(found) > 300, f"{len(found)} pixels")
        if found:
            xs, ys = [p[0] for p in found], [p[1] for p in found]
            check(f"{name} spans the chart", max(xs) - min(xs) > 300 and max(ys) - min(ys) > 40,
                  f"x {min(xs)}–{max(xs)}, y {min(ys)}–{max(ys)}")
    if blue and orange:
        # The orange pixels (only in the line chart) mark its area; blue pixels must be found inside it too.
        ox, oy = [p[0] for p in orange], [p[1] for p in orange]
        inside = [p for p in blue if min(ox) - 20 <= p[0] <= max(ox) + 20 and min(oy) - 150 <= p[1] <= max(oy) + 150]
        check("the blue line lies in the trend chart's area", len(inside) > 200, f"{len(inside)} pixels")

if failures:
    print("handout check failed:\n- " + "\n- ".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"handout check: the page parses, and Chromium renders it with the trend chart ({len(blue)} blue, {len(orange)} orange pixels)")
