"""The M/M/c workload that Benchmarks/peers/ runs on every simulator, Erlang C, and the
statistics the SimPy and Ciw scripts compute from per-customer times.

Workload (the same as the engine's `M/M/c engine` benchmark, Benchmarks/SufficiencyBenchmarks/
Workloads.swift): Poisson arrivals at 10 a day, exponential service with mean 20 days,
c = 220 servers, FIFO, starting empty. Offered load 200, utilisation 0.909.

Standard library only, so it runs with any Python 3.8+ (the virtual environment adds SimPy and
Ciw, which import it).
"""

import argparse
import json
import math

ARRIVAL_RATE = 10.0          # customers a day (lambda)
MEAN_SERVICE = 20.0          # days (1 / mu)
SERVICE_RATE = 1.0 / MEAN_SERVICE
SERVERS = 220                # c

WARM_UP_CUSTOMERS = 2_000    # the first arrivals, simulated and discarded (about 200 days)
COOL_DOWN_CUSTOMERS = 1_000  # arrivals after the counted ones, so every counted customer has
                             # started service when the run stops (not counted)
DEFAULT_CUSTOMERS = 1_000_000
DEFAULT_SEED = 7
BATCHES = 100                # batch means for the standard error of the mean wait


def erlang_c(arrival_rate=ARRIVAL_RATE, service_rate=SERVICE_RATE, servers=SERVERS):
    """Erlang C for M/M/c: returns (P(wait), Wq, Lq).

    Numerically stable: Erlang B by its recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))
    (no factorials or powers of a), then C = c B / (c - a (1 - B)).
    """
    a = arrival_rate / service_rate          # offered load in Erlangs
    if a >= servers:
        raise ValueError(f"unstable: offered load {a} >= {servers} servers")
    b = 1.0
    for k in range(1, servers + 1):
        b = a * b / (k + a * b)
    c = servers * b / (servers - a * (1.0 - b))
    wq = c / (servers * service_rate - arrival_rate)
    return c, wq, arrival_rate * wq


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--customers", type=int, default=DEFAULT_CUSTOMERS,
                        help="customers counted after the warm-up (default %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    args = parser.parse_args()
    if args.customers < BATCHES:
        parser.error(f"--customers must be at least {BATCHES}")
    return args


def summarise(arrivals, starts, counted_from, counted):
    """Wq, its batch-means standard error, and Lq from per-customer times.

    arrivals[i], starts[i]: arrival and service-start time of the i-th arrival (starts[i] is
    None for a customer still waiting when the run stopped). Customers counted_from ..
    counted_from + counted - 1 are the counted ones; they must all have started service.

    Wq: mean wait in queue of the counted customers. Its standard error comes from BATCHES
    batch means over consecutive customers (waits in this queue are strongly correlated over
    weeks, so the naive sd/sqrt(n) would be far too small).
    Lq: time-average number waiting over [arrival of the first counted customer, arrival of the
    last], the integral of the number waiting over that window (from every customer's waiting
    interval, whoever it belongs to) divided by its length.
    """
    last = counted_from + counted
    waits = []
    for i in range(counted_from, last):
        s = starts[i]
        if s is None:
            raise SystemExit(f"customer {i} had not started service when the run stopped; "
                             "raise COOL_DOWN_CUSTOMERS")
        waits.append(s - arrivals[i])
    mean_wait = math.fsum(waits) / counted

    size = counted // BATCHES
    means = [math.fsum(waits[b * size:(b + 1) * size]) / size for b in range(BATCHES)]
    grand = math.fsum(means) / BATCHES
    sd = math.sqrt(math.fsum((m - grand) ** 2 for m in means) / (BATCHES - 1))
    se = sd / math.sqrt(BATCHES)

    t0, t1 = arrivals[counted_from], arrivals[last - 1]
    area = 0.0
    for i in range(len(arrivals)):
        a = arrivals[i]
        if a >= t1:
            break                      # arrivals are in time order
        s = starts[i]
        end = t1 if s is None or s > t1 else s
        begin = t0 if a < t0 else a
        if end > begin:
            area += end - begin
    mean_queue = area / (t1 - t0)
    return mean_wait, se, mean_queue


def emit(simulator, version, customers, seed, seconds, mean_wait, mean_wait_se, mean_queue, simulated):
    print(json.dumps({
        "simulator": simulator,
        "customers": customers,
        "seconds": round(seconds, 4),
        "customers_per_second": round(customers / seconds, 1),
        "mean_wait": mean_wait,
        "mean_queue": mean_queue,
        "mean_wait_se": mean_wait_se,
        "version": version,
        "seed": seed,
        "simulated_customers": simulated,
    }))
