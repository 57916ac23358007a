# Shared by the benchmark scripts: start the system on spare ports, serve the logo, render through the API.
# Source it after setting ROOT and OUT.

# Fixed ports unless the environment names others (benchmarks side by side on one machine): each one by name, or all
# shifted by BENCH_PORT_BASE.
BENCH_PORT_BASE="${BENCH_PORT_BASE:-0}"
API_PORT="${API_PORT:-$((8097 + BENCH_PORT_BASE))}" IMAGE_PORT="${IMAGE_PORT:-$((8098 + BENCH_PORT_BASE))}"
SILO_PORT="${SILO_PORT:-$((11311 + BENCH_PORT_BASE))}" GATEWAY_PORT="${GATEWAY_PORT:-$((30300 + BENCH_PORT_BASE))}"
AZURITE_PORT_BASE="${AZURITE_PORT_BASE:-$((10300 + BENCH_PORT_BASE))}"
API="http://127.0.0.1:$API_PORT"
KEY="DEVKEY:dev-secret-change-me"
pids=()

stop_all() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}

# serve_logo: a 640x360 test image on a loopback HTTP server the silos may fetch from.
serve_logo() {
    ffmpeg -v error -y -f lavfi -i testsrc2=s=640x360 -frames:v 1 -update 1 "$OUT/logo.png"
    python3 -m http.server "$IMAGE_PORT" --bind 127.0.0.1 --directory "$OUT" >"$OUT/images.log" 2>&1 &
    pids+=($!)
}

# start_system [run.sh options…]: the whole system in the background; returns when /health is 200, or fails after
# BENCH_START_TIMEOUT seconds (300; more on a loaded machine, with run.sh's own AZURITE_TIMEOUT and SILO_TIMEOUT).
# BENCH_NO_BUILD=1 skips run.sh's build (the binaries must be current).
start_system() {
    RemoteMedia__AllowedEndpoints__0="127.0.0.1:$IMAGE_PORT" "$ROOT/run.sh" --port "$API_PORT" --silo-port "$SILO_PORT" \
        --gateway-port "$GATEWAY_PORT" --azurite-port-base "$AZURITE_PORT_BASE" ${BENCH_NO_BUILD:+--no-build} "$@" \
        >"$OUT/run.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 "${BENCH_START_TIMEOUT:-300}"); do
        curl -fsS "$API/health" >/dev/null 2>&1 && return 0
        sleep 1
    done
    tail -20 "$OUT/run.log"
    return 1
}

# stop_system: stops the last started run.sh (the logo server keeps running).
stop_system() {
    local pid="${pids[-1]}"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset 'pids[-1]'
}

# create_movie FILE: a project holding FILE as the movie "bench"; prints the project uid.
create_movie() {
    local project
    project=$(curl -fsS -u "$KEY" -X POST "$API/v1/project/bench" | python3 -c 'import sys,json;print(json.load(sys.stdin)["Project-UID"])')
    curl -fsS -u "$KEY" -X PUT --data-binary @"$1" "$API/v1/sdl/$project/bench" >/dev/null
    echo "$project"
}

# token_of: the token in a render response on stdin. Plain text tools: a Python start-up (over 0.1 s behind pyenv's
# shim) inside a timed render would be counted as the system's time.
token_of() {
    grep -o '"token": *"[A-Za-z0-9_-]*"' | cut -d'"' -f4
}

# render PROJECT PARALLEL OUTFILE [NAME]: POST /v2/render (blocks until stored), then GET the mp4. NAME (default Alex)
# is the name param. BENCH_LOGO, when set, is the image URL instead of the logo. The image URL gets a query never sent
# before (the image server ignores it), so the render is new work: the segment store outlives the system and would
# otherwise hand back the output of an earlier identical request without running ffmpeg.
render() {
    local body token logo="${BENCH_LOGO:-http://127.0.0.1:$IMAGE_PORT/logo.png}"
    [[ "$logo" == *\?* ]] && logo="$logo&run=$(date +%s%N)" || logo="$logo?run=$(date +%s%N)"
    body="{\"movie\": \"bench\", \"parallel\": $2, \"params\": {\"name\": \"${4:-Alex}\", \"order\": \"12345\", \"logo\": \"$logo\"}}"
    token=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$body" "$API/v2/render/$1" | token_of)
    curl -fsS -o "$3" "$API/v2/render/$token.mp4"
}

# timed LABEL COMMAND…: runs the command and appends "LABEL<TAB>seconds" to $OUT/times.tsv.
timed() {
    local label=$1 start end
    shift
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    awk -v v="$label" -v s="$start" -v e="$end" 'BEGIN { printf "%s\t%.3f\n", v, (e - s) / 1e9 }' >>"$OUT/times.tsv"
}

probe() {
    ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=width,height,nb_read_frames,avg_frame_rate \
        -show_entries format=duration -of csv=p=0 "$1" | tr '\n' ' '
}
