#!/usr/bin/env python3
"""M/M/c on our engine, through the released command line: runs

    sufficiency run Benchmarks/peers/mmc.yaml --quiet --out DIR --seed S --set calendar.days=D

and prints one JSON line in the same form as simpy_mmc.py and ciw_mmc.py.

- customers: `referrals` of the horizon window, zone all, from summary.csv: the customers
  arriving after the 200-day warm-up. Arrivals are Poisson, so the count is random: D starts
  at ceil(N / 10) and grows (and the run is repeated) until at least N customers arrive.
  The peers are then run with exactly this count.
- seconds: `simulationSeconds` from the run's manifest.json: the time spent simulating the
  customers and folding them into the statistics, the same work as the peers' timed call
  (SimPy's env.run(), Ciw's simulate_until_max_customers), so the like-for-like figure.
- end_to_end_seconds: wall clock of the whole command (time.perf_counter around the process),
  which adds process start-up, reading and checking the scenario, and writing the results
  files and the report. With --runs R > 1 the command is run R times and the medians are
  reported (the results are identical: same seed). `overhead_seconds` is the median wall
  clock of the same command for a 1-day horizon (still with the 200-day warm-up): roughly the
  fixed cost in `seconds` that is not simulating the counted customers.
- mean_wait: `wait_mean_days` (horizon, all): mean wait from referral to placement, over the
  placements in the horizon.
- mean_queue: `waiting` (horizon, all): time-average number waiting over the horizon.
- mean_wait_se: batch-means standard error of mean_wait from the quarterly rows of
  summary.csv (batches of 11 quarters, about 1,000 days, weighted by placements).

Standard library only.
"""

import argparse
import csv
import json
import math
import os
import statistics
import subprocess
import sys
import time

import mmc_common as mmc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCENARIO = os.path.join(HERE, "mmc.yaml")
QUARTERS_PER_BATCH = 11


def run(binary, out, seed, days):
    command = [binary, "run", SCENARIO, "--quiet", "--out", out, "--seed", str(seed),
               "--set", f"calendar.days={days}"]
    began = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    with open(os.path.join(out, "manifest.json")) as f:
        simulating = json.load(f)["simulationSeconds"]
    return seconds, simulating


def read_summary(out):
    horizon, quarters = {}, {}
    with open(os.path.join(out, "summary.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["zone"] != "all" or row["option"] != "spot":
                continue
            value = float(row["mean"]) if row["mean"] else None
            if row["window"] == "horizon":
                horizon[row["measure"]] = value
            elif row["window"] == "period":
                quarters.setdefault(row["period_start"], {})[row["measure"]] = value
    return horizon, [quarters[k] for k in sorted(quarters)]


def batch_se(quarters):
    pairs = [((q.get("wait_mean_days") or 0.0) * (q.get("placements") or 0.0), q.get("placements") or 0.0)
             for q in quarters]
    means = []
    for b in range(len(pairs) // QUARTERS_PER_BATCH):
        chunk = pairs[b * QUARTERS_PER_BATCH:(b + 1) * QUARTERS_PER_BATCH]
        placed = sum(n for _, n in chunk)
        if placed > 0:
            means.append(sum(w for w, _ in chunk) / placed)
    return statistics.stdev(means) / math.sqrt(len(means)) if len(means) > 1 else None


def main():
    parser = argparse.ArgumentParser(description="M/M/c on the sufficiency command line")
    parser.add_argument("--customers", type=int, default=mmc.DEFAULT_CUSTOMERS,
                        help="at least this many customers after the warm-up (default %(default)s)")
    parser.add_argument("--seed", type=int, default=mmc.DEFAULT_SEED)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "sufficiency"))
    parser.add_argument("--out", required=True, help="results folder (replaced)")
    parser.add_argument("--runs", type=int, default=1, help="timed runs, median reported")
    args = parser.parse_args()

    days = math.ceil(args.customers / mmc.ARRIVAL_RATE)
    while True:
        times = [run(args.binary, args.out, args.seed, days)]
        horizon, quarters = read_summary(args.out)
        customers = int(round(horizon["referrals"]))
        if customers >= args.customers:
            break
        # Too few arrivals (Poisson): lengthen by the shortfall and three standard deviations.
        days += math.ceil((args.customers - customers + 3 * math.sqrt(args.customers)) / mmc.ARRIVAL_RATE)
    for _ in range(args.runs - 1):
        times.append(run(args.binary, args.out, args.seed, days))
    end_to_end = statistics.median(t for t, _ in times)
    seconds = statistics.median(s for _, s in times)

    overhead_out = args.out.rstrip("/") + "-overhead"
    overhead = statistics.median(run(args.binary, overhead_out, args.seed, 1)[0] for _ in range(3))

    # "sufficiency 0.1.0 (Swift 6.3, GSL 2.7.1)" -> "0.1.0"
    version = subprocess.run([args.binary, "--version"], capture_output=True, text=True).stdout.split()
    version = version[1] if len(version) > 1 else "?"
    if horizon.get("provider_exits"):
        sys.exit("sufficiency: the provider left the market: the run is not an M/M/c queue")
    print(json.dumps({
        "simulator": "Sufficiency",
        "customers": customers,
        "seconds": round(seconds, 4),
        "customers_per_second": round(customers / seconds, 1),
        "end_to_end_seconds": round(end_to_end, 4),
        "end_to_end_customers_per_second": round(customers / end_to_end, 1),
        "mean_wait": horizon["wait_mean_days"],
        "mean_queue": horizon["waiting"],
        "mean_wait_se": batch_se(quarters),
        "version": version,
        "seed": args.seed,
        "days": days,
        "runs_seconds": [round(t, 4) for t, _ in times],
        "runs_simulation_seconds": [round(s, 4) for _, s in times],
        "overhead_seconds": round(overhead, 4),
        "in_care": horizon["in_care"],
    }))


if __name__ == "__main__":
    main()
