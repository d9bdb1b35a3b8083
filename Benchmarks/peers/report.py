#!/usr/bin/env python3
"""Prints the comparison table from the JSON lines of sufficiency_mmc.py, simpy_mmc.py and
ciw_mmc.py (one file each, named on the command line, ours first), with the Erlang C values;
a result whose simulator starts with "floor" (floor_mmc.swift) is shown as the floor, not a peer.
--generators names a file of floor results, one JSON line for each GSL generator, shown in a
table of their own with the fastest against the target.

    python report.py engine.json simpy.json ciw.json [floor.json] [--generators generators.json]

Standard library only.
"""

import json
import sys

import mmc_common as mmc

TOLERANCE = 0.05        # "within 5% of Erlang C"
TARGET_SIMPY = 100      # ours >= 100x SimPy's customers a second
TARGET_CIW = 300        # ours >= 300x Ciw's
TARGET_RATE = 10e6      # ours >= 10 million customers a second on one core


def load(path):
    with open(path) as f:
        lines = [line for line in f if line.strip().startswith("{")]
    if len(lines) != 1:
        sys.exit(f"{path}: expected one JSON line, found {len(lines)}")
    return json.loads(lines[0])


def table(header, rows):
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    line = lambda cells: "| " + " | ".join(
        (str(c).ljust(w) if i == 0 else str(c).rjust(w)) for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    print(line(header))
    print("|" + "|".join(("-" * (w + 2)) if i == 0 else ("-" * (w + 1) + ":") for i, w in enumerate(widths)) + "|")
    for row in rows:
        print(line(row))


def generator_table(path):
    """The floor on each GSL generator, fastest first, and what the fastest says of the target."""
    with open(path) as f:
        runs = [json.loads(line) for line in f if line.strip().startswith("{")]
    if not runs:
        sys.exit(f"{path}: expected a JSON line for each generator, found none")
    runs.sort(key=lambda r: -r["customers_per_second"])
    probability, wq, lq = mmc.erlang_c()
    print(f"The floor on each of GSL's simulation-quality generators ({runs[0]['customers']:,} customers, "
          "best of 3 runs each):")
    print()
    table(["generator", "seconds", "customers/s", "Wq (days)", "z", f">= {TARGET_RATE / 1e6:g} million"],
          [[r["generator"], f"{r['seconds']:.3f}", f"{r['customers_per_second']:,.0f}", f"{r['mean_wait']:.6f}",
            f"{(r['mean_wait'] - wq) / r['mean_wait_se']:+.2f}",
            "yes" if r["customers_per_second"] >= TARGET_RATE else "no"] for r in runs])
    fastest = runs[0]
    rate = fastest["customers_per_second"]
    print()
    if rate < TARGET_RATE:
        print(f"the fastest, {fastest['generator']}, runs the bare queue at {rate / 1e6:.2f} million customers a second: "
              f"the target is {TARGET_RATE / rate:.2f}x it,")
        print("so no GSL generator lets even the bare queue loop reach the target on this machine.")
    else:
        print(f"the fastest, {fastest['generator']}, runs the bare queue at {rate / 1e6:.2f} million customers a second, "
              "at or above the target.")


def main():
    arguments = sys.argv[1:]
    generators = None
    if "--generators" in arguments:
        at = arguments.index("--generators")
        if at + 1 >= len(arguments):
            sys.exit("report.py: --generators needs a file")
        generators = arguments[at + 1]
        del arguments[at:at + 2]
    results = [load(p) for p in arguments]
    ours = results[0]
    peers = [r for r in results[1:] if not r["simulator"].startswith("floor")]
    floors = [r for r in results[1:] if r["simulator"].startswith("floor")]
    probability, wq, lq = mmc.erlang_c()
    print(f"M/M/c: lambda = {mmc.ARRIVAL_RATE:g} a day, mean service {mmc.MEAN_SERVICE:g} days, "
          f"c = {mmc.SERVERS}, utilisation {mmc.ARRIVAL_RATE * mmc.MEAN_SERVICE / mmc.SERVERS:.3f}")
    print(f"Erlang C: P(wait) = {probability:.6f}, Wq = {wq:.6f} days, Lq = {lq:.6f}")
    print()

    rows = []
    for r in results:
        se = r.get("mean_wait_se")
        error = r["mean_wait"] / wq - 1
        z = (r["mean_wait"] - wq) / se if se else float("nan")
        rows.append([
            f"{r['simulator']} {r.get('version', '')}".strip(),
            f"{r['customers']:,}",
            f"{r['seconds']:.3f}",
            f"{r['customers_per_second']:,.0f}",
            f"{r['mean_wait']:.6f}",
            f"{se:.6f}" if se else "",
            f"{r['mean_queue']:.6f}",
            f"{wq:.6f}",
            f"{lq:.6f}",
            f"{error:+.1%}",
            "yes" if abs(error) <= TOLERANCE else "no",
            f"{z:+.2f}",
            "yes" if abs(z) <= 3 else "NO",
        ])
    table(["simulator", "customers", "seconds", "customers/s", "Wq (days)", "Wq s.e.", "Lq",
           "Erlang C Wq", "Erlang C Lq", "Wq vs C", "within 5%", "z", "agrees"], rows)
    print()
    print("seconds: each simulator's simulation alone: SimPy's env.run() and Ciw's simulate_until_max_customers")
    print("  (time.perf_counter); ours, simulationSeconds from the run's manifest.json (simulating and summarising).")
    if floors:
        print("  The floor: the loop alone (best of 3), two GSL exponential draws and a heap update a customer.")
    if "end_to_end_seconds" in ours:
        print(f"  Ours end to end, the whole `sufficiency run` command (start-up, loading, simulating, writing the")
        print(f"  results and the report): {ours['end_to_end_seconds']:.3f} s, "
              f"{ours['end_to_end_customers_per_second']:,.0f} customers/s; a 1-day run of it takes "
              f"{ours.get('overhead_seconds', float('nan')):.3f} s.")
    print("Wq s.e.: batch-means standard error (100 batches of customers; ours, 11-quarter batches); "
          "z = (Wq - Erlang C) / s.e.")
    print("Waits in this queue are correlated over months: with 1,000,000 customers one run's Wq has a")
    print("standard deviation of about 8-12% of Erlang C, so 'within 5%' is often 'no' by chance;")
    print("agrees: |z| <= 3, agreement with Erlang C within sampling error.")
    print()

    rate = ours["customers_per_second"]
    targets = {"SimPy": TARGET_SIMPY, "Ciw": TARGET_CIW}
    for peer in peers:
        ratio = rate / peer["customers_per_second"]
        target = targets.get(peer["simulator"])
        verdict = ""
        if target:
            verdict = f"  target >= {target}x: {'met' if ratio >= target else 'NOT met'}"
        whole = ""
        if "end_to_end_customers_per_second" in ours:
            whole = f"  (end to end: {ours['end_to_end_customers_per_second'] / peer['customers_per_second']:,.1f}x)"
        print(f"ours / {peer['simulator']}: {ratio:,.1f}x customers a second{verdict}{whole}")
    print(f"ours: {rate / 1e6:.2f} million customers a second  target >= {TARGET_RATE / 1e6:g} million: "
          f"{'met' if rate >= TARGET_RATE else 'NOT met'}")
    for floor in floors:
        bare = floor["customers_per_second"]
        print(f"the floor: {bare / 1e6:.2f} million customers a second; ours runs at {rate / bare:.0%} of it, "
              f"and the target is {TARGET_RATE / bare:.2f}x it")
        print("the floor / " + ", / ".join(f"{peer['simulator']}: {bare / peer['customers_per_second']:,.1f}x"
                                          for peer in peers))
    if generators:
        print()
        generator_table(generators)


if __name__ == "__main__":
    main()
