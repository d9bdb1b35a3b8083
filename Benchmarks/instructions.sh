#!/usr/bin/env bash
# Counts the instructions fixed workloads of the `sufficiency` command execute, with
# valgrind's callgrind, and compares them with the committed baseline
# Benchmarks/instructions-baseline.tsv. Instruction counts barely move from one run to
# the next (unlike times on a shared machine), so a change of more than 10% is the code.
#
#     bash Benchmarks/instructions.sh                  (from the repository root, or from anywhere)
#     bash Benchmarks/instructions.sh --update         (also rewrite the baseline with these counts)
#     bash Benchmarks/instructions.sh validate mmc-engine   (only the workloads named)
#
# Prints workload, baseline, now and change; flags REGRESSION for more than THRESHOLD
# percent above the baseline (exit status 1) and IMPROVED for more than THRESHOLD
# percent below it (update the baseline). Exit status 2 when the baseline file or a
# workload's line in it is missing (run with --update), 64 for a mistake on the command
# line.
#
# Environment: SKIP_BUILD=1 uses the binary already in .build/release instead of
# building it (scripts/build-release); THRESHOLD (default 10) is the percentage.
# Needs valgrind. About two minutes on the 2-core machine in Benchmarks/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
baseline="Benchmarks/instructions-baseline.tsv"
threshold="${THRESHOLD:-10}"

# The workloads, in order: name, then the command's arguments. OUT is replaced by a
# results folder in the temporary directory. Seeds are the files' own.
names=(wiltshire-replication mmc-engine validate quickstart)
declare -A arguments=(
    [wiltshire-replication]="run scenarios/wiltshire-home-care.yaml --replications 2 --threads 1 --no-ranking --quiet --out OUT"
    [mmc-engine]="run Benchmarks/peers/mmc.yaml --threads 1 --quiet --out OUT --set calendar.days=5000"
    [validate]="validate scenarios/wiltshire-home-care.yaml"
    [quickstart]="run scenarios/quickstart.yaml --replications 10 --threads 1 --quiet --out OUT"
)

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

update=0
selected=()
for arg in "$@"; do
    case "$arg" in
        --update) update=1 ;;
        -h | --help) usage; exit 0 ;;
        -*) echo "instructions.sh: unknown option $arg" >&2; exit 64 ;;
        *)
            if [[ -z "${arguments[$arg]+set}" ]]; then
                echo "instructions.sh: no workload called $arg (there are: ${names[*]})" >&2
                exit 64
            fi
            selected+=("$arg") ;;
    esac
done
if ((${#selected[@]} == 0)); then selected=("${names[@]}"); fi
if ! [[ "$threshold" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
    echo "instructions.sh: THRESHOLD must be a number of percent, not '$threshold'" >&2
    exit 64
fi

for tool in valgrind strip; do
    if ! command -v "$tool" >/dev/null; then
        echo "instructions.sh: $tool is missing (apt-get install valgrind binutils)" >&2
        exit 1
    fi
done

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    echo "Building the release binary (scripts/build-release)..." >&2
    ./scripts/build-release >/dev/null
fi
built="$(swift build -c release --show-bin-path)/sufficiency"
if [[ ! -x "$built" ]]; then
    echo "instructions.sh: no binary at $built (build it, or leave SKIP_BUILD unset)" >&2
    exit 1
fi

work="$(mktemp -d /tmp/sufficiency-instructions.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# callgrind fails on the binary as built (its debug information); a copy without it runs.
bin="$work/sufficiency"
cp "$built" "$bin"
strip --strip-debug "$bin"

# count NAME: runs workload NAME under callgrind and prints the instructions it executed.
count() {
    local name="$1" args
    args="${arguments[$name]//OUT/$work/results-$name}"
    # shellcheck disable=SC2086  # the arguments contain no spaces or patterns
    if ! valgrind --tool=callgrind --callgrind-out-file="$work/$name.callgrind" \
        --log-file="$work/$name.log" "$bin" $args >"$work/$name.stdout" 2>&1; then
        echo "instructions.sh: workload $name failed:" >&2
        cat "$work/$name.stdout" "$work/$name.log" >&2
        exit 1
    fi
    local total
    total="$(awk '/^(summary|totals):/ { print $2; exit }' "$work/$name.callgrind")"
    if [[ -z "$total" ]]; then
        total="$(sed -n 's/.*Collected : *\([0-9][0-9]*\).*/\1/p' "$work/$name.log" | head -n 1)"
    fi
    if [[ -z "$total" ]]; then
        echo "instructions.sh: no instruction count for $name in callgrind's output" >&2
        exit 1
    fi
    echo "$total"
}

# Baseline: name<TAB>instructions; lines starting with # are comments.
declare -A before=()
if [[ -f "$baseline" ]]; then
    while IFS=$'\t' read -r name value; do
        [[ -z "$name" || "$name" == \#* ]] && continue
        before[$name]="$value"
    done <"$baseline"
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git diff --quiet HEAD -- Sources Package.swift 2>/dev/null; then commit="$commit (Sources/ modified)"; fi
echo "Commit: $commit; $(valgrind --version), Swift $(swift --version 2>/dev/null | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -n 1)"
if [[ -f "$baseline" ]]; then
    echo "Baseline: $(sed -n 's/^# *Taken at //p' "$baseline" | head -n 1)"
fi
echo

declare -A now=()
regressions=0
improvements=0
missing=0
printf "%-22s %15s %15s %9s\n" "workload" "baseline" "now" "change"
for name in "${selected[@]}"; do
    now[$name]="$(count "$name")"
    if [[ -n "${before[$name]:-}" ]]; then
        read -r change verdict < <(awk -v b="${before[$name]}" -v n="${now[$name]}" -v t="$threshold" 'BEGIN {
            c = (n - b) / b * 100
            v = (c > t) ? "REGRESSION" : (c < -t) ? "IMPROVED" : "ok"
            printf "%+.2f%% %s\n", c, v
        }')
        case "$verdict" in
            REGRESSION) regressions=$((regressions + 1)) ;;
            IMPROVED) improvements=$((improvements + 1)) ;;
        esac
        printf "%-22s %15s %15s %9s  %s\n" "$name" "${before[$name]}" "${now[$name]}" "$change" "$verdict"
    else
        missing=$((missing + 1))
        printf "%-22s %15s %15s %9s  %s\n" "$name" "-" "${now[$name]}" "-" "no baseline"
    fi
done
echo

if ((update)); then
    for name in "${selected[@]}"; do before[$name]="${now[$name]}"; done
    {
        echo "# Instructions executed (callgrind's Ir) by the workloads of Benchmarks/instructions.sh."
        echo "# Taken at commit $commit on $(date -u '+%Y-%m-%d %H:%M UTC')."
        echo "# $(valgrind --version); update with: bash Benchmarks/instructions.sh --update"
        for name in "${names[@]}"; do
            if [[ -n "${before[$name]:-}" ]]; then printf "%s\t%s\n" "$name" "${before[$name]}"; fi
        done
    } >"$baseline"
    echo "Wrote $baseline."
    exit 0
fi

if ((regressions)); then
    echo "$regressions workload(s) more than $threshold% above the baseline."
fi
if ((improvements)); then
    echo "$improvements workload(s) more than $threshold% below the baseline: if that is intended," \
        "update it (bash Benchmarks/instructions.sh --update) and commit $baseline."
fi
if ((missing)); then
    echo "$missing workload(s) without a baseline: bash Benchmarks/instructions.sh --update"
fi
if ((regressions)); then exit 1; fi
if ((missing)); then exit 2; fi
exit 0
