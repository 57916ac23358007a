#!/usr/bin/env bash
# Load and chaos against ./run.sh --silos 3 (started here on spare loopback ports, stopped at the end):
#   burst  500 concurrent async POST /v2/render of a tiny movie (320x180, 1 s), once with identical params and once
#          with a unique param each, then polled until every token is done; then 200 concurrent blocking POSTs.
#   kills  REPS renders of bench/chaos-movie.json (720p, 20 s, parallel 3) with kill -9 of silo 1 or 2 (round robin)
#          at 20/50/80 % of the frames, then REPS more killing the job's silo (the API does not tell which; the silo
#          logs do); each against an undisturbed render of the same pixels (byte and framemd5 comparison).
#   pause  kill -STOP Azurite for 10 s during a render, with /v2/progress and /health polled throughout.
#   reuse  the same request again on a new token (720p, 10 s), and a change of the last of 3 scenes (parallel 3).
# Each part writes bench/out/chaos/<part>.json; the report (a table printed and written into the "Load and chaos"
# section of docs/benchmarks.md) is made from every part's latest file.
#   REPS=10 BURST=500 BLOCKING=200 bench/chaos.sh [burst] [kills] [pause] [reuse]      (default: all four)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
REPS="${REPS:-10}" BURST="${BURST:-500}" BLOCKING="${BLOCKING:-200}"
PARTS=("$@")
[ "${#PARTS[@]}" -gt 0 ] || PARTS=(burst kills pause reuse)
for part in "${PARTS[@]}"; do
    case "$part" in burst | kills | pause | reuse) ;; *) echo "usage: REPS=10 $0 [burst] [kills] [pause] [reuse]" >&2; exit 2 ;; esac
done
mkdir -p "$OUT/chaos"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap stop_all EXIT

# put_movie NAME PYTHON-EXPRESSION: stores the movie the expression makes of chaos-movie.json (as m) in $project.
put_movie() {
    python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(json.dumps($2))" "$ROOT/bench/chaos-movie.json" \
        | curl -fsS -u "$KEY" -X PUT --data-binary @- "$API/v1/sdl/$project/$1" >/dev/null
}

# up [run.sh options]: the system with 3 silos, the movies, and the environment bench/chaos.py reads.
built=0
up() {
    # Without the dashboard's collector, as in bench/parallel.sh: it takes CPU the renders could use.
    Silo__Dashboard=false start_system --silos 3 "$@"
    project=$(create_movie "$ROOT/bench/chaos-movie.json")
    put_movie tiny '{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "background": "#203040",
        "layers": [{"type": "text", "text": "${n}", "fontSize": 32, "color": "#ffffff"}]}]}'
    put_movie ten '{**m, "scenes": m["scenes"][:2]}'
    put_movie three '{**m, "scenes": [m["scenes"][i] for i in (0, 1, 3)]}'
    export API OUT ROOT PROJECT="$project" LOGO="http://127.0.0.1:$IMAGE_PORT/logo.png" REPS BURST BLOCKING
    PYTHONDONTWRITEBYTECODE=1 python3 -c "import sys; sys.path.insert(0, '$ROOT/bench'); import chaos; sys.exit(chaos.wait_silos(None, 0) is None)"
}
# down: stops the system, and checks that none of its processes is left.
down() {
    stop_system
    local pid left=0
    for pid in $(pgrep -f 'Orleans\.Render\.(Silo|Api)\.dll|azurite' || true); do
        [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$ROOT"* ]] && ps -o pid=,args= -p "$pid" >&2 && left=1
    done
    if [ "$left" = 1 ]; then
        echo "error: processes of this checkout are still running after run.sh stopped" >&2
        exit 1
    fi
}
client() { RUN="$(date +%s)" python3 "$ROOT/bench/chaos.py" "$@"; }
# A system started before each part that kills: run.sh gives up on a silo restarted 5 times in 10 minutes.
fresh() {
    if [ "$built" = 1 ]; then
        down
        up --no-build
    else
        up
        built=1
    fi
}

serve_logo
for part in "${PARTS[@]}"; do
    case "$part" in
        burst) fresh; echo "== burst" >&2; client burst ;;
        kills)
            fresh; echo "== segment silo killed, $REPS runs" >&2; client kills segment
            fresh; echo "== job silo killed, $REPS runs" >&2; client kills job ;;
        pause) fresh; echo "== Azurite paused" >&2; client pause ;;
        reuse) fresh; echo "== reuse" >&2; client reuse ;;
    esac
done
[ "$built" = 0 ] || down
client report
