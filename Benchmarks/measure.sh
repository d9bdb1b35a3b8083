#!/usr/bin/env bash
# Times the released command-line tool on the Wiltshire scenario, end to end:
# replications a second and peak resident memory for 100 and 1,000 replications on
# every core, 100 replications on one thread, the same on the twin county (twice the
# demand and providers, made by scaling/twin-county.py, which needs PyYAML),
# `validate` wall time, and `validate` of a file of a million unknown keys; then compares the medians with the performance targets in
# Benchmarks/README.md.
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
    echo "Building the release binary (scripts/build-release)..."
    ./scripts/build-release >/dev/null
fi
bin="$(swift build -c release --show-bin-path)/sufficiency"

out="$(mktemp -d /tmp/sufficiency-measure.XXXXXX)"
trap 'rm -rf "$out"' EXIT

echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- Sources 2>/dev/null || echo ' (Sources/ modified)')"
echo "Scenario: $scenario"
echo

# median FILE: the median of the numbers in FILE, one a line.
median() {
    sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# time_run KEY LABEL REPLICATIONS [extra arguments...]
# Prints wall seconds, replications a second and peak resident memory for each run, and
# appends wall seconds and peak MB to $out/KEY.wall and $out/KEY.mb.
time_run() {
    local key="$1" label="$2" replications="$3"
    shift 3
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
        awk '{ print $1 }' "$timing" >>"$out/$key.wall"
        awk '{ print $3 / 1024 }' "$timing" >>"$out/$key.mb"
        rm -rf "$out/results"
    done
}

time_run all100 "run, 100 replications, all cores" 100
time_run all1000 "run, 1000 replications, all cores" 1000
time_run one100 "run, 100 replications, --threads 1" 100 --threads 1
wiltshire="$scenario"
if python3 -c 'import yaml' 2>/dev/null; then
    python3 Benchmarks/scaling/twin-county.py "$wiltshire" "$out/twin.yaml"
    scenario="$out/twin.yaml"
    time_run twin100 "twin county, 100 replications, -t 1" 100 --threads 1
    scenario="$wiltshire"
else
    echo "twin county: skipped (PyYAML is missing: apt-get install python3-yaml)"
fi

# validate: /usr/bin/time's wall time has 10 ms steps, so the shell's clock
# (EPOCHREALTIME, microseconds) times the same command too.
for ((i = 1; i <= runs; i++)); do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    start="$EPOCHREALTIME"
    /usr/bin/time -o "$out/time.txt" -f "%e s, %M KB peak" "$bin" validate "$scenario" >/dev/null
    end="$EPOCHREALTIME"
    ms="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) * 1000 }')"
    echo "$ms" >>"$out/validate.ms"
    awk -v load="$load" -v ms="$ms" '{ printf "%-36s %8.2f s  (%s ms by the shell clock)  %6.1f MB peak RSS  (load %s before)\n",
        "validate", $1, ms, $3 / 1024, load }' "$out/time.txt"
done

# validate of a scenario followed by a million unknown keys: the report lists 30 and counts the
# rest, keeping 1,000, so the work is linear with a small constant and the memory bounded.
unknown="$out/unknown-keys.yaml"
{ cat scenarios/quickstart.yaml; awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "unknown_key_%d: 1\n", i }'; } >"$unknown"
for ((i = 1; i <= runs; i++)); do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -o "$out/time.txt" -f "%e s, %M KB peak" "$bin" validate "$unknown" >/dev/null 2>&1 || true
    awk '{ print $1 }' "$out/time.txt" >>"$out/unknown.wall"
    awk '{ print $3 / 1024 }' "$out/time.txt" >>"$out/unknown.mb"
    awk -v load="$load" '{ printf "%-36s %8.2f s  %6.1f MB peak RSS  (load %s before)\n",
        "validate, 1,000,000 unknown keys", $1, $3 / 1024, load }' "$out/time.txt"
done

# Medians against the targets (Benchmarks/README.md).
all100="$(median "$out/all100.wall")"
all1000="$(median "$out/all1000.wall")"
all1000mb="$(sort -g "$out/all1000.mb" | tail -1)"
one100="$(median "$out/one100.wall")"
twin100="$( [[ -s "$out/twin100.wall" ]] && median "$out/twin100.wall" || echo nan)"
validate="$(median "$out/validate.ms")"
unknown="$(median "$out/unknown.wall")"
unknownmb="$(sort -g "$out/unknown.mb" | tail -1)"
cores="$(nproc)"
echo
echo "Medians of $runs run(s) against the targets:"
awk -v a100="$all100" -v a1000="$all1000" -v mb="$all1000mb" -v o100="$one100" -v t100="$twin100" -v v="$validate" -v cores="$cores" -v u="$unknown" -v umb="$unknownmb" 'BEGIN {
    verdict = "met"; if (!(a1000 <= 3 && cores == 2)) verdict = (cores == 2) ? "not met" : "not comparable (needs 2 cores)"
    printf "  1000 replications, all %d cores: %.2f s wall (target <= 3 s on 2 cores): %s\n", cores, a1000, verdict
    printf "  peak memory, 1000 replications: %.1f MB (target <= 300 MB): %s\n", mb, (mb <= 300) ? "met" : "not met"
    ratio = o100 / a100
    printf "  all cores over --threads 1, 100 replications: %.2fx (target >= 1.8x with 2 threads): %s\n", ratio,
        (cores != 2) ? "not comparable (needs 2 cores)" : (ratio >= 1.8) ? "met" : "not met"
    if (t100 == "nan") {
        printf "  twin county over Wiltshire: not measured (PyYAML missing)\n"
    } else {
        twin = t100 / o100
        printf "  twin county over Wiltshire, 100 replications, one thread: %.2fx (target <= 2.2x): %s\n", twin,
            (twin <= 2.2) ? "met" : "not met"
    }
    printf "  validate: %.1f ms (target < 50 ms): %s\n", v, (v < 50) ? "met" : "not met"
    printf "  validate, 1,000,000 unknown keys: %.2f s (target <= 10 s, under 1 s a 100,000 keys): %s\n", u,
        (u <= 10) ? "met" : "not met"
    printf "  peak memory, 1,000,000 unknown keys: %.1f MB (target <= 1024 MB): %s\n", umb,
        (umb <= 1024) ? "met" : "not met"
}'
