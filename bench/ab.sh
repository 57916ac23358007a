#!/usr/bin/env bash
# A/B of two builds of the whole system: A from the checkout A_ROOT (built there beforehand), B from this one. Both
# run at once on their own ports (SILOS silos each, one thread per ffmpeg), and renders alternate between them, one
# at a time, REPS each: a LENGTH-second 1080p movie (bench/movie.py) at PARALLEL segments, new params every render.
# Prints the median wall time (POST /v2/render, then GET the mp4) and the median of each critical-path group of the
# phases both log (bench/phases.py) for A and for B, with B ÷ A. Both builds must log phase lines.
#   A_ROOT=/tmp/a REPS=7 LENGTH=10 PARALLEL=8 SILOS=2 bench/ab.sh
set -euo pipefail

B_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
A_ROOT="${A_ROOT:?A_ROOT names the checkout to compare with}"
ROOT="$B_ROOT"
OUT="$B_ROOT/bench/out/ab"
REPS="${REPS:-7}" LENGTH="${LENGTH:-10}" PARALLEL="${PARALLEL:-8}" SILOS="${SILOS:-2}"
rm -rf "$OUT" && mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source "$B_ROOT/bench/lib.sh"
trap stop_all EXIT
B_BASE="${BENCH_PORT_BASE}" A_BASE=$((BENCH_PORT_BASE + 20))

# use_system A|B: points lib.sh's functions at that system's checkout and ports.
use_system() {
    local base
    [ "$1" = A ] && { ROOT="$A_ROOT" base="$A_BASE"; } || { ROOT="$B_ROOT" base="$B_BASE"; }
    API_PORT=$((8097 + base)) SILO_PORT=$((11311 + base)) GATEWAY_PORT=$((30300 + base)) AZURITE_PORT_BASE=$((10300 + base))
    API="http://127.0.0.1:$API_PORT"
}

serve_logo
python3 "$B_ROOT/bench/movie.py" "$LENGTH" >"$OUT/movie.json"
declare -A projects=()
for system in A B; do
    use_system "$system"
    if [ "$system" = A ]; then
        BENCH_NO_BUILD=1 Silo__Dashboard=false Render__Engine__Encoder__Threads=1 start_system --silos "$SILOS"
    else
        Silo__Dashboard=false Render__Engine__Encoder__Threads=1 start_system --silos "$SILOS"
    fi
    cp "$OUT/run.log" "$OUT/run-$system.log"
    projects[$system]=$(create_movie "$OUT/movie.json")
    render "${projects[$system]}" "$PARALLEL" "$OUT/warm.mp4" "warm$system"
done

# ab_render SYSTEM NAME: as bench/scaling.sh's scaled_render, on one system.
ab_render() {
    local body token sent post get
    use_system "$1"
    body="{\"movie\": \"bench\", \"parallel\": $PARALLEL, \"params\": {\"name\": \"$2\", \"order\": \"12345\", \"logo\": \"http://127.0.0.1:$IMAGE_PORT/logo.png\"}}"
    sent=$(($(date +%s%N) / 1000000))
    post=$(curl -fsS -o "$OUT/response.json" -w '%{time_total}' -X POST -H 'Content-Type: application/json' -d "$body" "$API/v2/render/${projects[$1]}")
    token=$(token_of <"$OUT/response.json")
    get=$(curl -fsS -o "$OUT/out.mp4" -w '%{time_total}' "$API/v2/render/$token.mp4")
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$token" "$sent" "$post" "$get" >>"$OUT/tokens.tsv"
}

run=$(date +%s)
for rep in $(seq 1 "$REPS"); do
    for system in A B; do timed "$system" ab_render "$system" "ab$run$rep"; done
done
cat "$A_ROOT"/.data/logs/silo-*.log "$A_ROOT"/.data/logs/api.log "$B_ROOT"/.data/logs/silo-*.log "$B_ROOT"/.data/logs/api.log \
    | grep -o 'Phases of .*' >"$OUT/phases.txt"
stop_all

python3 - "$OUT" "$(uptime | sed 's/.*load average: //')" "$B_ROOT" <<'EOF'
import os, statistics, sys
sys.path.insert(0, os.path.join(sys.argv[3], "bench"))
import phases
from sections import read_times
out, load = sys.argv[1], sys.argv[2]
times, parts = read_times(out), phases.read(os.path.join(out, "phases.txt"))
rows, seen = {"A": [], "B": []}, {}
for entry in open(os.path.join(out, "tokens.tsv")):
    system, token, sent, post, get = entry.split()
    i = seen[system] = seen.get(system, -1) + 1
    path = phases.critical_path(parts.get(token, {}), int(sent), float(get))
    if path:
        groups = path[0]
        groups["other"] = times[system][i] * 1000 - sum(groups.values())
        rows[system].append(groups)
print(f"load average at the end: {load}; renders with phases: A {len(rows['A'])}, B {len(rows['B'])}")
print("| | A | B | B ÷ A |\n|---|---:|---:|---:|")
a, b = statistics.median(times["A"]), statistics.median(times["B"])
print(f"| wall (s) | {a:.2f} | {b:.2f} | **{b / a:.2f}** |")
ma, mb = phases.medians(rows["A"]), phases.medians(rows["B"])
for g in phases.GROUPS:
    print(f"| {g} (ms) | {ma[g]:.0f} | {mb[g]:.0f} | {mb[g] / ma[g]:.2f} |" if ma[g] else f"| {g} (ms) | {ma[g]:.0f} | {mb[g]:.0f} | – |")
print("All wall times (s): " + "; ".join(f"{k}: " + ", ".join(f"{x:.2f}" for x in v) for k, v in times.items()))
EOF
