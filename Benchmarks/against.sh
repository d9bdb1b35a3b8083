#!/usr/bin/env bash
# Times the released command against the same command built from an earlier commit, in one run:
# Wiltshire, 1,000 replications on every core, the two binaries alternately (RUNS each, default
# 5), and reports each one's median wall time, the ratio of the medians and each one's peak
# resident memory. Alternating means load from anything else on the machine falls on both alike.
#
#     bash Benchmarks/against.sh 38e04ef          (from anywhere)
#     RUNS=3 REPLICATIONS=200 bash Benchmarks/against.sh 38e04ef
#
# The earlier commit is built in release in a worktree of its own under
# /tmp/sufficiency-against-REV (kept, so a second run does not build it again); the working
# tree's binary is built in release as usual (SKIP_BUILD=1 uses the one in .build/release).
# `38e04ef` is the commit before the engine's restructuring: the speed target of the
# restructuring ("Wiltshire, 1,000 replications: at least 2x faster") is judged against it.
# Needs /usr/bin/time (Debian's `time` package).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: bash Benchmarks/against.sh REVISION" >&2
    exit 2
fi
rev="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
replications="${REPLICATIONS:-1000}"
scenario="scenarios/wiltshire-home-care.yaml"

if [[ ! -x /usr/bin/time ]]; then
    echo "against.sh: /usr/bin/time is missing (apt-get install time)" >&2
    exit 1
fi

short="$(git rev-parse --short "$rev")"
earlier="/tmp/sufficiency-against-$short"
if [[ ! -x "$earlier/.build/release/sufficiency" ]]; then
    echo "Building $short in release in $earlier..."
    rm -rf "$earlier"
    git worktree add --detach "$earlier" "$rev" >/dev/null
    (cd "$earlier" && swift build -c release --product sufficiency >/dev/null)
fi
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    echo "Building the working tree in release..."
    swift build -c release --product sufficiency >/dev/null
fi
before="$earlier/.build/release/sufficiency"
after="$(swift build -c release --show-bin-path)/sufficiency"

out="$(mktemp -d /tmp/sufficiency-against.XXXXXX)"
trap 'rm -rf "$out"' EXIT

echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "Earlier: $short; now: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources 2>/dev/null || echo ' (Sources/ modified)')"
echo "Workload: run $scenario --replications $replications, every core, $runs runs each, alternately"
echo

# time_one KEY BINARY: one timed run; appends wall seconds to $out/KEY.wall and peak MB to $out/KEY.mb.
time_one() {
    local key="$1" bin="$2" load
    load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -o "$out/time.txt" -f "%e %M" \
        "$bin" run "$scenario" --replications "$replications" --quiet --out "$out/results" >/dev/null
    rm -rf "$out/results"
    read -r wall kb <"$out/time.txt"
    echo "$wall" >>"$out/$key.wall"
    awk -v kb="$kb" 'BEGIN { print kb / 1024 }' >>"$out/$key.mb"
    printf "%-8s %8.2f s  %7.1f MB peak  (load %s before)\n" "$key" "$wall" "$(awk -v kb="$kb" 'BEGIN { print kb / 1024 }')" "$load"
}

for ((i = 1; i <= runs; i++)); do
    time_one earlier "$before"
    time_one now "$after"
done

median() {
    sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
e="$(median "$out/earlier.wall")"; n="$(median "$out/now.wall")"
emb="$(sort -g "$out/earlier.mb" | tail -1)"; nmb="$(sort -g "$out/now.mb" | tail -1)"
echo
awk -v e="$e" -v n="$n" -v emb="$emb" -v nmb="$nmb" -v short="$short" 'BEGIN {
    printf "Medians: %s %.2f s, now %.2f s: now %.2fx as fast (target >= 2x)\n", short, e, n, e / n
    printf "Peak memory: %s %.1f MB, now %.1f MB (target <= 300 MB)\n", short, emb, nmb
}'
