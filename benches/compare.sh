#!/usr/bin/env bash
# The scale comparison of docs/performance.md: `assess score` against the bare
# csv loop (examples/bare_loop.rs) on a generated year of 2,000,000 daily
# records. Builds both (release), generates the inputs if they are missing,
# runs the two programs alternately (after one warm-up run of each, so both
# read the files from the page cache), and prints the median wall time of
# each, the ratio assess/bare and the peak resident memory of each
# (/usr/bin/time's "Maximum resident set size"). If hyperfine is installed it
# is run too, as a cross-check (hyperfine runs one command's runs, then the
# other's: it does not alternate).
#
# Usage: benches/compare.sh [RUNS]        (default 5)
# Environment: SHAPE (long, or short: records of about 75 bytes),
#   DATA (default /tmp/assess-scale, or /tmp/assess-short), ROWS (2000000), SEED (1),
#   CARGO_TARGET_DIR (default /tmp/bench-target), NICE (10), HYPERFINE (1; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
SHAPE=${SHAPE:-long}
case $SHAPE in
    long) DATA=${DATA:-/tmp/assess-scale} ;;
    short) DATA=${DATA:-/tmp/assess-short} ;;
    *) echo "error: SHAPE is long or short, not $SHAPE" >&2; exit 2 ;;
esac
ROWS=${ROWS:-2000000}
SEED=${SEED:-1}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/bench-target}
NICE=${NICE:-10}
HYPERFINE=${HYPERFINE:-1}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "error: $TIME is needed (apt-get install -y time)" >&2; exit 2; }

nice -n "$NICE" cargo build --release --quiet --bin assess --example gen_large --example bare_loop
BIN=$CARGO_TARGET_DIR/release
ASSESS=$BIN/assess
BARE=$BIN/examples/bare_loop

SPEC="--units 200 --items 12 --scorers 3 --rows $ROWS --seed $SEED --shape $SHAPE"
if [ "$(cat "$DATA/spec.txt" 2>/dev/null)" != "$SPEC" ] || [ ! -s "$DATA/daily.csv" ]; then
    echo "generating $DATA ($SPEC)"
    # shellcheck disable=SC2086
    nice -n "$NICE" "$BIN/examples/gen_large" $SPEC --out "$DATA"
    echo "$SPEC" > "$DATA/spec.txt"
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
bare=("$BARE" "$DATA/daily.csv")
score=("$ASSESS" score --rubric "$DATA/rubric.toml" --annual "$DATA/annual.csv" --daily "$DATA/daily.csv" --format json --output "$OUT/x.json")

commit=$(git rev-parse --short HEAD 2>/dev/null || cut -c1-7 .commit 2>/dev/null || echo unknown)
[ -z "$(GIT_OPTIONAL_LOCKS=0 git status --porcelain -- src Cargo.toml 2>/dev/null)" ] || commit="$commit + uncommitted changes"
echo "commit $commit; $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the times)"
echo "daily.csv: $(wc -l < "$DATA/daily.csv") lines, $(stat -c %s "$DATA/daily.csv") bytes"

# run NAME CMD...: one timed run, appending "wall-seconds peak-kilobytes
# cpu-seconds (user + system)" to $OUT/NAME.
run() {
    local name=$1
    shift
    nice -n "$NICE" "$TIME" -f "%e %M %U %S" -o "$OUT/one" "$@" > /dev/null
    awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$OUT/one" >> "$OUT/$name"
}

run warm "${bare[@]}"
run warm "${score[@]}"
for i in $(seq "$RUNS"); do
    run bare "${bare[@]}"
    run assess "${score[@]}"
    echo "run $i/$RUNS: bare $(tail -1 "$OUT/bare" | cut -d' ' -f1) s, assess $(tail -1 "$OUT/assess" | cut -d' ' -f1) s (wall)"
done

median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
bare_t=$(median "$OUT/bare" 1)
assess_t=$(median "$OUT/assess" 1)
bare_min=$(cut -d' ' -f1 "$OUT/bare" | sort -g | head -1)
assess_min=$(cut -d' ' -f1 "$OUT/assess" | sort -g | head -1)
bare_cpu=$(median "$OUT/bare" 3)
assess_cpu=$(median "$OUT/assess" 3)
bare_kb=$(cut -d' ' -f2 "$OUT/bare" | sort -g | tail -1)
assess_kb=$(cut -d' ' -f2 "$OUT/assess" | sort -g | tail -1)
echo
echo "$RUNS alternating runs: median wall time (fastest), median cpu time (user + system), peak RSS"
echo "  bare loop     $bare_t s ($bare_min s)   cpu $bare_cpu s   peak RSS $((bare_kb / 1024)) MiB"
echo "  assess score  $assess_t s ($assess_min s)   cpu $assess_cpu s   peak RSS $((assess_kb / 1024)) MiB"
awk -v a="$assess_t" -v b="$bare_t" -v ac="$assess_cpu" -v bc="$bare_cpu" \
    'BEGIN {printf "  ratio assess/bare %.2f (wall), %.2f (cpu)\n", a / b, ac / bc}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$HYPERFINE" != 0 ] && command -v hyperfine > /dev/null; then
    echo
    echo "hyperfine (cross-check, not alternating):"
    q() { printf '%q ' "$@"; }
    nice -n "$NICE" hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-json "$OUT/h.json" \
        -n bare "$(q "${bare[@]}")" -n assess "$(q "${score[@]}")" > /dev/null
    python3 - "$OUT/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
for n in ("bare", "assess"):
    x = r[n]
    print(f"  {n:<7} median {x['median']:.3f} s  (min {x['min']:.3f}, max {x['max']:.3f})")
print(f"  ratio assess/bare {r['assess']['median'] / r['bare']['median']:.2f}")
PY
fi
