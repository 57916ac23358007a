#!/usr/bin/env bash
# Benchmark and model: 1080p movies of LENGTHS seconds (bench/movie.py: the reference movie's scenes repeated) rendered
# through the API at parallel 1, 2 and 3, one thread per ffmpeg (Render:Engine:Encoder:Threads = 1),
# on SILOS silos (default 3, one per segment),
# interleaved, REPS runs each. bench/scaling.py takes a render's fixed cost, its cost per frame and the assembly cost
# per output second from the phases the API and the silos log (bench/phases.py; the join's cost per segment from
# bench/join.sh's results when present), checks them against a least-squares fit of the wall times, and projects a
# 60 s 1080p movie on 20 and 100 one-core silos. Writes the "scaling" section of docs/benchmarks.md.
#   REPS=3 LENGTHS="10 20 30" SILOS=3 bench/scaling.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
REPS="${REPS:-3}"
LENGTHS="${LENGTHS:-10 20 30}"
SILOS="${SILOS:-3}"
mkdir -p "$OUT"
rm -f "$OUT/times.tsv" "$OUT/scaling-tokens.tsv" "$OUT/scaling-phases.txt"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap stop_all EXIT

serve_logo
Silo__Dashboard=false Render__Engine__Encoder__Threads=1 start_system --silos "$SILOS"
for seconds in $LENGTHS; do
    python3 "$ROOT/bench/movie.py" "$seconds" >"$OUT/scaling-$seconds.json"
done
# A run id in every name: the segment store outlives the system, and a render it holds would not be rendered again.
run=$(date +%s)
# One project per length; the warm-up renders compile the silos' code and open their connections.
declare -A projects=()
for seconds in $LENGTHS; do
    projects[$seconds]=$(create_movie "$OUT/scaling-$seconds.json")
done
for parallel in 1 2 3; do render "${projects[${LENGTHS%% *}]}" "$parallel" "$OUT/scaling.mp4" "warm$run$parallel"; done

# scaled_render LABEL PROJECT PARALLEL NAME: render (as lib.sh's render), noting the token, when the request was sent
# (Unix ms) and curl's own times of the POST and the GET, so the phases the API and the silos log for the token
# ("Phases of TOKEN PART: …", see PhaseTimeline) can be laid on the client's timeline.
scaled_render() {
    local body token sent post get
    body="{\"movie\": \"bench\", \"parallel\": $3, \"params\": {\"name\": \"$4\", \"order\": \"12345\", \"logo\": \"http://127.0.0.1:$IMAGE_PORT/logo.png\"}}"
    sent=$(($(date +%s%N) / 1000000))
    post=$(curl -fsS -o "$OUT/scaling-response.json" -w '%{time_total}' -X POST -H 'Content-Type: application/json' -d "$body" "$API/v2/render/$2")
    token=$(token_of <"$OUT/scaling-response.json")
    get=$(curl -fsS -o "$OUT/scaling.mp4" -w '%{time_total}' "$API/v2/render/$token.mp4")
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$token" "$sent" "$post" "$get" >>"$OUT/scaling-tokens.tsv"
}

for rep in $(seq 1 "$REPS"); do
    for seconds in $LENGTHS; do
        for parallel in 1 2 3; do
            timed "$seconds-$parallel" scaled_render "$seconds-$parallel" "${projects[$seconds]}" "$parallel" "s$run$rep"
        done
    done
done
# Every phase line of the API and the silos.
cat "$ROOT"/.data/logs/silo-*.log "$ROOT"/.data/logs/api.log | grep -o 'Phases of .*' >"$OUT/scaling-phases.txt"
stop_all

python3 "$ROOT/bench/scaling.py" "$OUT" "$ROOT/docs/benchmarks.md" "$REPS" "$(uptime | sed 's/.*load average: //')" "$SILOS"
