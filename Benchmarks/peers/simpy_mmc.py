#!/usr/bin/env python3
"""M/M/c in SimPy: Poisson arrivals at 10 a day, exponential service with mean 20 days,
a Resource of capacity 220 (FIFO), starting empty.

A source process spawns one process per customer; each requests a server, holds it for its
service time and releases it. The run stops at the last arrival: 2,000 warm-up customers,
then the counted ones, then 1,000 more so every counted customer has started service.

    python simpy_mmc.py [--customers 1000000] [--seed 7]

Prints one JSON line (see mmc_common.emit). "seconds" is the wall time of env.run() alone
(time.perf_counter), not start-up or the statistics afterwards.
"""

import random
import time

import simpy

import mmc_common as mmc


def customer(env, i, servers, service_time, arrivals, starts):
    arrivals[i] = env.now
    with servers.request() as request:
        yield request
        starts[i] = env.now
        yield env.timeout(service_time)


def source(env, count, servers, rng, arrivals, starts):
    for i in range(count):
        yield env.timeout(rng.expovariate(mmc.ARRIVAL_RATE))
        env.process(customer(env, i, servers, rng.expovariate(mmc.SERVICE_RATE), arrivals, starts))


def main():
    args = mmc.parse_args(__doc__.splitlines()[0])
    rng = random.Random(args.seed)
    total = mmc.WARM_UP_CUSTOMERS + args.customers + mmc.COOL_DOWN_CUSTOMERS
    arrivals = [None] * total
    starts = [None] * total

    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=mmc.SERVERS)
    arrival_process = env.process(source(env, total, servers, rng, arrivals, starts))

    began = time.perf_counter()
    env.run(until=arrival_process)
    seconds = time.perf_counter() - began

    mean_wait, se, mean_queue = mmc.summarise(arrivals, starts, mmc.WARM_UP_CUSTOMERS, args.customers)
    mmc.emit("SimPy", simpy.__version__, args.customers, args.seed, seconds,
             mean_wait, se, mean_queue, total)


if __name__ == "__main__":
    main()
