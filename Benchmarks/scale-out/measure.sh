#!/usr/bin/env bash
# Wall time of one small `pare search` (release build, a slice of MNIST) run by 1 worker and by 2 workers sharing
# one folder (each --jobs 1), plus single-process runs with --jobs 1 and 2 (the first is the answer every run must
# agree with, the second what two cores give without workers); prints the load average during each run, the
# seconds spent inside trainings, and checks that every run found the same size–accuracy front.
#
# Usage: Benchmarks/scale-out/measure.sh [OUT_ROOT]   (from the package root, after 'swift build -c release')
# Environment: PARE (default .build/release/pare), TRAIN_LIMIT (default 30000).
set -euo pipefail
cd "$(dirname "$0")/../.."
PARE=${PARE:-.build/release/pare}
ROOT=${1:-$(mktemp -d /tmp/pare-scale-out.XXXXXX)}
mkdir -p "$ROOT"
STUDY=(search models/qiita_cnn1.pare --set n=4 --train-limit "${TRAIN_LIMIT:-30000}" --test-limit 2000 --epochs 4
       --target 0.96 --moves width,drop-dense,conv-stage --seeds 2)

# Runs "$@" in the background while sampling /proc/loadavg every second; prints seconds and mean 1-min load.
timed() {
    local name=$1; shift
    local start samples=0 total=0 pids=()
    start=$(date +%s.%N)
    for command in "$@"; do bash -c "$command" & pids+=($!); done
    while kill -0 "${pids[@]}" 2>/dev/null; do
        total=$(awk -v t="$total" '{ print t + $1 }' /proc/loadavg); samples=$((samples + 1)); sleep 1
    done
    wait "${pids[@]}"
    awk -v n="$name" -v s="$start" -v e="$(date +%s.%N)" -v t="$total" -v k="$samples" \
        'BEGIN { printf "%-28s %7.1f s   mean load %.2f (2 cores)\n", n, e - s, (k ? t / k : 0) }'
}

front() { awk -F, '$1 == "size-accuracy" { print $2, $3, $4, $5, $6 }' "$1/pareto.csv"; }

echo "study: pare ${STUDY[*]}"
echo "before: load $(cut -d' ' -f1-3 /proc/loadavg)"
timed "1 process --jobs 1" "$PARE ${STUDY[*]} --jobs 1 --out $ROOT/alone > $ROOT/alone.log 2>&1"
timed "1 process --jobs 2" "$PARE ${STUDY[*]} --jobs 2 --out $ROOT/alone2 > $ROOT/alone2.log 2>&1"
timed "1 worker --jobs 1" "$PARE ${STUDY[*]} --jobs 1 --worker --out $ROOT/one > $ROOT/one.log 2>&1"
timed "2 workers --jobs 1 each" "$PARE ${STUDY[*]} --jobs 1 --worker --out $ROOT/two > $ROOT/two-a.log 2>&1" \
                                "$PARE ${STUDY[*]} --jobs 1 --worker --out $ROOT/two > $ROOT/two-b.log 2>&1"
grep -h "search finished" "$ROOT"/*.log
# Seconds each run spent inside its own trainings: if two workers' trainings take longer each than one process's,
# the cores were not free (other work on the machine), whatever the coordination costs.
for log in "$ROOT"/*.log; do
    awk -v name="$(basename "$log")" '/^  / && / ep / && !/from journal/ { n++; for (i = NF; i > 0; i--) if ($i ~ /^[0-9.]+s$/) { t += $i; break } }
        END { printf "%-12s %3d trainings here, %6.1f s inside them\n", name, n, t }' "$log"
done
for folder in alone2 one two; do
    if [ "$(front "$ROOT/alone")" == "$(front "$ROOT/$folder")" ]; then echo "$folder: same front as the single process"
    else echo "$folder: FRONT DIFFERS"; fi
done
echo "claims in two/: $(ls "$ROOT/two/claims" | wc -l), results: $(ls "$ROOT/two/results" | wc -l)"
