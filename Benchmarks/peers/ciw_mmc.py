#!/usr/bin/env python3
"""M/M/c in Ciw: one node with Exponential arrivals (rate 10 a day), Exponential service
(rate 1/20 a day) and 220 servers, FIFO (Ciw's default discipline), starting empty.

The run stops at the last arrival (simulate_until_max_customers with method "Arrive"):
2,000 warm-up customers, then the counted ones, then 1,000 more so every counted customer
has started service. Waits come from Ciw's records, including the incomplete records of
customers still in the system at the stop.

    python ciw_mmc.py [--customers 1000000] [--seed 7]

Prints one JSON line (see mmc_common.emit). "seconds" is the wall time of
simulate_until_max_customers alone (time.perf_counter), not building the network or reading
the records afterwards.
"""

import time

import ciw

import mmc_common as mmc


def main():
    args = mmc.parse_args(__doc__.splitlines()[0])
    total = mmc.WARM_UP_CUSTOMERS + args.customers + mmc.COOL_DOWN_CUSTOMERS

    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=mmc.ARRIVAL_RATE)],
        service_distributions=[ciw.dists.Exponential(rate=mmc.SERVICE_RATE)],
        number_of_servers=[mmc.SERVERS],
    )
    ciw.seed(args.seed)
    simulation = ciw.Simulation(network)

    began = time.perf_counter()
    simulation.simulate_until_max_customers(total, method="Arrive")
    seconds = time.perf_counter() - began

    # One record per customer on this one-node network: "service" for those who left,
    # "incomplete" for those still in service (service_start_date set) or waiting (None).
    arrivals = [None] * total
    starts = [None] * total
    for record in simulation.get_all_records(include_incomplete=True):
        i = record.id_number - 1           # ids count arrivals from 1
        arrivals[i] = record.arrival_date
        starts[i] = record.service_start_date
    if any(a is None for a in arrivals):
        raise SystemExit("Ciw: a customer has no record")

    mean_wait, se, mean_queue = mmc.summarise(arrivals, starts, mmc.WARM_UP_CUSTOMERS, args.customers)
    mmc.emit("Ciw", ciw.__version__, args.customers, args.seed, seconds,
             mean_wait, se, mean_queue, total)


if __name__ == "__main__":
    main()
