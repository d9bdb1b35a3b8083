"""Checks the DOM headless Chromium built from a report (its --dump-dom output): every chart has
its series, both axes with tick labels and a unit label, and a legend with an entry per series;
nothing is fetched from elsewhere. Given a second file, the --dump-dom output of the report with
scripts/check-report-layout.js added, also checks what the browser laid out: no two series of a
chart share a colour, no label is cut short or runs out of its room or into another, and every
value axis says its unit. Exits 1 with every problem listed."""
import json
import re
import sys
from html.parser import HTMLParser

# Words an axis label names its unit with.
UNITS = re.compile(r"£|%|hours|people|days|minutes|number|replications|providers|packages|index|ratio|"
                   r"organisations|lots|contracts|extensions")


class Charts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.charts = []          # one dict per <svg> inside a figure.chart
        self.stack = []           # open elements: (tag, classes)
        self.external = []
        self.active = False       # inside a chart's <svg>
        self.layout = None        # text of <pre id="layout-check">
        self.in_layout = False

    def classes(self, attrs):
        return set((dict(attrs).get("class") or "").split())

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href", "xlink:href"):
            value = a.get(key) or ""
            if value.startswith(("http:", "https:", "//")):
                self.external.append(f"<{tag} {key}={value}>")
        if tag == "link" or tag == "script":
            self.external.append(f"<{tag}> element")
        if tag == "pre" and a.get("id") == "layout-check":
            self.in_layout = True
            self.layout = ""
        cls = self.classes(attrs)
        if tag == "svg" and any(t == "figure" and "chart" in c for t, c in self.stack):
            self.charts.append({"series": [], "legend": [], "axes": {}, "texts": {"axis-x": 0, "axis-y": 0},
                                "plot": False})
            self.active = True
        if self.active:
            chart = self.charts[-1]
            if tag == "g" and "plot" in cls:
                chart["plot"] = True
            if tag == "g" and "series" in cls:
                chart["series"].append(a.get("data-series"))
            if tag == "g" and "legend-item" in cls:
                chart["legend"].append(a.get("data-series"))
            for axis in ("axis-x", "axis-y"):
                if tag == "g" and axis in cls:
                    chart["axes"][axis] = True
        self.stack.append((tag, cls))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.active = False
        if tag == "pre":
            self.in_layout = False
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.in_layout:
            self.layout += data
        if not self.active or not data.strip():
            return
        for axis in ("axis-x", "axis-y"):
            if any(axis in cls for _, cls in self.stack):
                self.charts[-1]["texts"][axis] += 1


def structure(path):
    parser = Charts()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    problems = []
    if not parser.charts:
        problems.append("the report has no charts")
    for i, chart in enumerate(parser.charts, 1):
        where = f"chart {i}"
        if not chart["plot"]:
            problems.append(f"{where}: no plot area")
        for axis in ("axis-x", "axis-y"):
            if not chart["axes"].get(axis):
                problems.append(f"{where}: no {axis}")
            elif chart["texts"][axis] < 2:
                problems.append(f"{where}: {axis} has no tick labels and unit")
        if not chart["series"] or None in chart["series"]:
            problems.append(f"{where}: no data series")
        if sorted(set(chart["legend"])) != sorted(set(chart["series"])):
            problems.append(f"{where}: legend {chart['legend']} does not match series {chart['series']}")
    problems += [f"external reference: {e}" for e in parser.external]
    return len(parser.charts), problems


def layout(path):
    parser = Charts()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    if parser.layout is None:
        return 0, ["the layout check did not run in the browser (no <pre id=\"layout-check\">)"]
    found = json.loads(parser.layout)
    problems = list(found["problems"])
    for chart in found["charts"]:
        where = chart["where"]
        colours = [s["colour"] for s in chart["series"]]
        if None in colours:
            problems.append(f"{where}: a series has no colour")
        repeated = sorted({c for c in colours if c and colours.count(c) > 1})
        if repeated:
            problems.append(f"{where}: series share the colour {', '.join(repeated)}")
        if not chart["legend"]:
            problems.append(f"{where}: no legend")
        labels = chart["yLabels"] + (chart["xLabels"] if "chart-histogram" in chart["kind"] else [])
        if not chart["yLabels"]:
            problems.append(f"{where}: the value axis has no label")
        for label in labels:
            if not UNITS.search(label):
                problems.append(f"{where}: the axis label \"{label}\" names no unit")
    return len(found["charts"]), problems


def main(paths):
    count, problems = structure(paths[0])
    summary = f"{count} charts, each with series, axes and a legend; nothing external"
    if len(paths) > 1:
        measured, more = layout(paths[1])
        problems += more
        summary += f"; {measured} charts laid out with distinct series colours, no label cut or overlapping, units on every axis"
    if problems:
        print(f"check-report: the rendered report ({paths[0]}) has problems:")
        for p in problems:
            print("  " + p)
        return 1
    print("check-report: " + summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
