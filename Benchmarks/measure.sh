#!/usr/bin/env bash
# Times the released command-line tool on the Wiltshire scenario, end to end:
# replications a second and peak resident memory for 100 and 1,000 replications on
# every core, 100 replications on one thread, and `validate` wall time.
#
#     bash Benchmarks/measure.sh            (from the repository root, or from anywhere)
#
# Needs /usr/bin/time (Debian's `time` package). Results go to a temporary folder that
# is removed at the end. Environment: RUNS (default 1) repeats each timing and prints
# every run; SKIP_BUILD=1 uses the binary already in .build/release.
#
# Each line also gives the CPU time the run used over its wall time ("cores busy") and
# the 1-minute load average just before it started: on a shared 2-core machine a load
# above about 0.5 before a run, or "cores busy" well under 2 on an all-cores run, means
# other work was competing and the run is slower than the code.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scenario="scenarios/wiltshire-home-care.yaml"
runs="${RUNS:-1}"

if [[ ! -x /usr/bin/time ]]; then
    echo "measure.sh: /usr/bin/time is missing (apt-get install time)" >&2
    exit 1
fi

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    echo "Building the release binary (swift build -c release)..."
    swift build -c release >/dev/null
fi
bin="$(swift build -c release --show-bin-path)/sufficiency"

out="$(mktemp -d /tmp/sufficiency-measure.XXXXXX)"
trap 'rm -rf "$out"' EXIT

echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "Scenario: $scenario"
echo

# time_run LABEL REPLICATIONS [extra arguments...]
# Prints wall seconds, replications a second and peak resident memory.
time_run() {
    local label="$1" replications="$2"
    shift 2
    local i
    for ((i = 1; i <= runs; i++)); do
        local timing="$out/time.txt"
        local load
        load="$(cut -d' ' -f1 /proc/loadavg)"
        /usr/bin/time -o "$timing" -f "%e s, %M KB peak, %U %S CPU" \
            "$bin" run "$scenario" --replications "$replications" --quiet --out "$out/results" "$@" >/dev/null
        awk -v label="$label" -v n="$replications" -v load="$load" '{
            wall = $1; kb = $3; cpu = $6 + $7
            rate = (wall > 0) ? n / wall : 0
            busy = (wall > 0) ? cpu / wall : 0
            printf "%-36s %8.2f s  %6.2f replications/s  %6.1f MB peak RSS  (%.2f cores busy, load %s before)\n",
                label, wall, rate, kb / 1024, busy, load
        }' "$timing"
        rm -rf "$out/results"
    done
}

time_run "run, 100 replications, all cores" 100
time_run "run, 1000 replications, all cores" 1000
time_run "run, 100 replications, --threads 1" 100 --threads 1

for ((i = 1; i <= runs; i++)); do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -o "$out/time.txt" -f "%e s, %M KB peak" "$bin" validate "$scenario" >/dev/null
    awk -v load="$load" '{ printf "%-36s %8.2f s  (%.0f ms wall)  %6.1f MB peak RSS  (load %s before)\n",
        "validate", $1, $1 * 1000, $3 / 1024, load }' "$out/time.txt"
done
