#!/usr/bin/env python3
"""Twenty runs asked of the workbench at once: all queued, all finished, each in its own folder,
and the server's memory while they run.

Starts `sufficiency serve --port 0` on a temporary workspace, runs one request alone (for the
memory of one run), then posts REQUESTS run requests at the same moment (the quick-start
scenario, REPLICATIONS replications each), waits for every one to finish, and checks that each
has its own run folder with a complete results folder and that their summary.csv files are
byte-identical (same inputs and seed); with --rounds, does it again on the same server. Samples
the server's resident memory (VmRSS) every 50 ms throughout and prints the figures. Not a timed test: the times printed are for information.

    /usr/bin/python3 Benchmarks/workbench-queue.py [--binary .build/release/sufficiency]
        [--scenario quickstart] [--requests 20] [--replications 10] [--workers 1] [--rounds 1]

Exits 1 when a run fails, is refused or shares a folder.
"""
import argparse
import hashlib
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ADDRESS = re.compile(r"Sufficiency workbench: http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]+)")
TERMINAL = {"finished", "failed", "cancelled"}


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class Sampler(threading.Thread):
    """The server's resident memory every 50 ms; `peak()` since the last `reset()`."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        self.highest = 0

    def run(self):
        while not self.stopped.is_set():
            value = rss_kib(self.pid)
            if value is not None:
                with self.lock:
                    self.highest = max(self.highest, value)
            time.sleep(0.05)

    def reset(self):
        with self.lock:
            self.highest = rss_kib(self.pid) or 0

    def peak(self):
        with self.lock:
            return self.highest


class Workbench:
    def __init__(self, port, token):
        self.port = port
        self.token = token

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"X-Sufficiency-Token": self.token, "Host": f"127.0.0.1:{self.port}"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, response.getheader("Location"), data

    def submit(self, scenario, replications):
        body = urllib.parse.urlencode({"scenario": scenario, "kind": "run",
                                       "set:run.replications": str(replications)})
        status, location, data = self.request("POST", "/runs", body)
        if status not in (301, 302, 303) or not location or not location.startswith("/runs/"):
            raise RuntimeError(f"POST /runs answered {status}: {data[:300].decode(errors='replace')}")
        return location[len("/runs/"):]

    def status(self, run):
        status, _, data = self.request("GET", f"/runs/{run}/status")
        if status != 200:
            raise RuntimeError(f"GET /runs/{run}/status answered {status}")
        return json.loads(data)


def wait(workbench, runs, timeout):
    deadline = time.time() + timeout
    states = {}
    while time.time() < deadline:
        states = {run: workbench.status(run)["state"] for run in runs}
        if all(state in TERMINAL for state in states.values()):
            return states
        time.sleep(0.2)
    raise RuntimeError(f"not all runs ended within {timeout} s: {states}")


def burst_of(workbench, args):
    """Posts args.requests runs at the same moment and waits for them all; returns the runs,
    how many were queued right after, and the seconds to post them and to finish them."""
    barrier = threading.Barrier(args.requests)
    submitted, errors = [], []

    def post():
        barrier.wait()
        try:
            submitted.append(workbench.submit(args.scenario, args.replications))
        except Exception as error:  # a refusal is reported below, with the others
            errors.append(str(error))

    started = time.time()
    threads = [threading.Thread(target=post) for _ in range(args.requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    posted_seconds = time.time() - started
    if errors:
        raise RuntimeError(f"{len(errors)} of {args.requests} requests were refused: {errors[0]}")
    queued = sum(1 for run in submitted if workbench.status(run)["state"] == "queued")
    wait(workbench, submitted, args.timeout)
    return submitted, queued, posted_seconds, time.time() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "sufficiency"))
    parser.add_argument("--scenario", default="quickstart")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1, help="the server's --workers")
    parser.add_argument("--rounds", type=int, default=1,
                        help="bursts of --requests, one after another on the same server (memory after each)")
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()

    temporary = tempfile.mkdtemp(prefix="workbench-queue-")
    workspace = os.path.join(temporary, "workspace")
    server = subprocess.Popen([args.binary, "serve", "--port", "0", "--workspace", workspace,
                               "--workers", str(args.workers)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        match = ADDRESS.search(line)
        if not match:
            raise RuntimeError(f"the server printed {line!r}, not its address")
        workbench = Workbench(int(match.group(1)), match.group(2))
        sampler = Sampler(server.pid)
        sampler.start()
        time.sleep(0.5)
        idle = rss_kib(server.pid)

        # One run alone: the memory one run takes.
        sampler.reset()
        started = time.time()
        alone = workbench.submit(args.scenario, args.replications)
        wait(workbench, [alone], args.timeout)
        one_seconds = time.time() - started
        one_peak = sampler.peak()

        submitted, rounds = [], []
        sampler.reset()
        for _ in range(args.rounds):
            # Every request at the same moment.
            burst, queued, posted_seconds, all_seconds = burst_of(workbench, args)
            submitted += burst
            rounds.append((queued, posted_seconds, all_seconds, sampler.peak(), rss_kib(server.pid)))
            sampler.reset()
        states = {run: workbench.status(run)["state"] for run in submitted}

        problems = []
        if len(set(submitted)) != len(submitted):
            problems.append("two requests were given the same run")
        not_finished = {run: state for run, state in states.items() if state != "finished"}
        if not_finished:
            problems.append(f"runs that did not finish: {not_finished}")
        digests = set()
        for run in submitted + [alone]:
            summary = os.path.join(workspace, "runs", run, "results", "summary.csv")
            if not os.path.isfile(summary):
                problems.append(f"run {run} has no results/summary.csv")
                continue
            with open(summary, "rb") as handle:
                digests.add(hashlib.sha256(handle.read()).hexdigest())
        folders = [name for name in os.listdir(os.path.join(workspace, "runs"))]
        if len(folders) != len(submitted) + 1:
            problems.append(f"{len(folders)} run folders for {len(submitted) + 1} runs")
        if len(digests) != 1:
            problems.append(f"the runs' summary.csv files differ ({len(digests)} distinct) for the same inputs")

        print(f"workbench-queue: {args.requests} requests of {args.scenario} × {args.replications} replications, "
              f"--workers {args.workers}, {args.rounds} round(s)")
        print(f"  server resident memory: {idle / 1024:.1f} MiB idle; one run alone: {one_seconds:.1f} s, "
              f"peak {one_peak / 1024:.1f} MiB")
        for number, (queued, posted, finished, peak, after) in enumerate(rounds, 1):
            print(f"  round {number}: posted in {posted:.2f} s, {queued} still queued right after, all finished in "
                  f"{finished:.1f} s; peak {peak / 1024:.1f} MiB, {after / 1024:.1f} MiB after")
        print(f"  {len(set(submitted))} distinct runs, {len(folders)} run folders in the workspace "
              f"(with the run alone), {len(digests)} distinct summary.csv")
        if problems:
            for problem in problems:
                print(f"workbench-queue: {problem}", file=sys.stderr)
            return 1
        return 0
    except RuntimeError as error:
        print(f"workbench-queue: {error}", file=sys.stderr)
        return 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
