#!/usr/bin/env bash
# Our engine against SimPy and Ciw on the same M/M/c workload (10 arrivals a day, exponential
# service with mean 20 days, 220 servers, FIFO, starting empty, warm-up discarded), measured
# side by side in one run, with the Erlang C values.
#
#   bash Benchmarks/peers/compare.sh                     # 1,000,000 customers or more, seed 7
#   bash Benchmarks/peers/compare.sh --customers 200000 --seed 3
#
# 1. A virtual environment in Benchmarks/peers/.venv (git-ignored) with the pinned
#    requirements.txt (made or refreshed when that file changes).
# 2. The root package built in release when .build/release/sufficiency is missing or older
#    than Package.swift or anything in Sources/ (SKIP_BUILD=1 never builds).
# 3. Ours first (sufficiency_mmc.py: the CLI on mmc.yaml, median of ENGINE_RUNS=3 runs, timed by
#    the manifest's simulationSeconds like the peers' simulation calls, and end to end),
#    which fixes the customer count (at least N; Poisson arrivals), then SimPy and Ciw with
#    exactly that count, one run each.
# 4. The floor: floor_mmc.swift, a minimal hand-written Swift loop over GSL's generator doing
#    only the queue (compiled with swiftc -O into the output folder; best of 3 runs), so the
#    table shows what the bare queue costs on this machine beside the targets; then the same
#    loop on each of GSL's simulation-quality generators (best of 3 each; GENERATORS=0 skips
#    them), to show the bare queue with the fastest generator GSL has.
# 5. The table (report.py). The JSON lines and our results folder stay in a temporary folder,
#    printed at the end (OUT=DIR to choose it).
set -euo pipefail

CUSTOMERS=1000000
SEED=7
while [ $# -gt 0 ]; do
    case "$1" in
        --customers) CUSTOMERS="$2"; shift 2 ;;
        --customers=*) CUSTOMERS="${1#*=}"; shift ;;
        --seed) SEED="$2"; shift 2 ;;
        --seed=*) SEED="${1#*=}"; shift ;;
        -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown argument '$1' (try --help)" >&2; exit 64 ;;
    esac
done

PEERS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PEERS/../.." && pwd)"
VENV="$PEERS/.venv"
BINARY="$ROOT/.build/release/sufficiency"
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/sufficiency-peers.XXXXXX")}"
mkdir -p "$OUT"
cd "$ROOT"

# 1. Python environment.
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1 \
    && ! git -C "$ROOT" check-ignore -q "Benchmarks/peers/.venv/"; then
    echo "compare.sh: warning: Benchmarks/peers/.venv/ is not ignored by git" >&2
fi
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$PEERS/requirements.txt" "$VENV/requirements.installed"; then
    echo "== Python environment: $VENV"
    "${PYTHON:-python3}" -m venv --clear "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$PEERS/requirements.txt"
    cp "$PEERS/requirements.txt" "$VENV/requirements.installed"
fi
PY="$VENV/bin/python"

# 2. Our engine, built in release if needed.
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    if [ ! -x "$BINARY" ] || [ -n "$(find "$ROOT/Package.swift" "$ROOT/Sources" -newer "$BINARY" -print -quit)" ]; then
        echo "== scripts/build-release"
        "$ROOT/scripts/build-release"
    fi
fi
[ -x "$BINARY" ] || { echo "compare.sh: no $BINARY" >&2; exit 1; }

echo "== $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $("$PY" --version); $("$PY" -m pip freeze --disable-pip-version-check | tr '\n' ' ')"
echo "== $("$BINARY" --version); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"

# 3. The runs, ours first: it fixes the count.
echo "== Sufficiency: sufficiency run Benchmarks/peers/mmc.yaml (at least $CUSTOMERS customers, seed $SEED)"
"$PY" "$PEERS/sufficiency_mmc.py" --customers "$CUSTOMERS" --seed "$SEED" --binary "$BINARY" \
    --out "$OUT/sufficiency-results" --runs "${ENGINE_RUNS:-3}" | tee "$OUT/sufficiency.json"
COUNT="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["customers"])' "$OUT/sufficiency.json")"

echo "== SimPy: $COUNT customers"
"$PY" "$PEERS/simpy_mmc.py" --customers "$COUNT" --seed "$SEED" | tee "$OUT/simpy.json"
echo "== Ciw: $COUNT customers"
"$PY" "$PEERS/ciw_mmc.py" --customers "$COUNT" --seed "$SEED" | tee "$OUT/ciw.json"

# 4. The floor, best of three (it takes a tenth of a second, so one run is mostly noise).
echo "== Floor: minimal Swift loop over GSL, $COUNT customers"
swiftc -O -I "$ROOT/Sources/CGSL" "$PEERS/floor_mmc.swift" -o "$OUT/floor_mmc" 2>"$OUT/floor-build.log" \
    || { cat "$OUT/floor-build.log" >&2; exit 1; }
for run in 1 2 3; do "$OUT/floor_mmc" --customers "$COUNT" --seed "$SEED"; done > "$OUT/floor-runs.json"
"$PY" -c 'import json,sys; runs=[json.loads(l) for l in open(sys.argv[1])]; print(json.dumps(max(runs, key=lambda r: r["customers_per_second"])))' \
    "$OUT/floor-runs.json" | tee "$OUT/floor.json"
# The 13 generators GSL's manual recommends for simulation ("Random number generator
# algorithms"), and taus113, L'Ecuyer's four-part Tausworthe generator.
GENERATOR_ARGS=()
if [ "${GENERATORS:-1}" != 0 ]; then
    echo "== Floor on GSL's simulation-quality generators, $COUNT customers, best of 3 each"
    : > "$OUT/floor-generators.json"
    for generator in mt19937 ranlxs0 ranlxs1 ranlxs2 ranlxd1 ranlxd2 ranlux ranlux389 cmrg mrg taus taus2 taus113 gfsr4; do
        for run in 1 2 3; do "$OUT/floor_mmc" --customers "$COUNT" --seed "$SEED" --generator "$generator"; done \
            | "$PY" -c 'import json,sys; runs=[json.loads(l) for l in sys.stdin]; print(json.dumps(max(runs, key=lambda r: r["customers_per_second"])))' \
            | tee -a "$OUT/floor-generators.json"
    done
    GENERATOR_ARGS=(--generators "$OUT/floor-generators.json")
fi
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# 5. The table.
"$PY" "$PEERS/report.py" "$OUT/sufficiency.json" "$OUT/simpy.json" "$OUT/ciw.json" "$OUT/floor.json" \
    "${GENERATOR_ARGS[@]}" | tee "$OUT/report.txt"
echo
echo "JSON lines, report and our results: $OUT"
