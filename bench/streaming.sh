#!/usr/bin/env bash
# Benchmark: time to first byte of streaming delivery against the full render, for REF-1 (bench/ref1-movie.json:
# 10 s, 1920x1080, 30 fps, a 1 s crossfade). REPS rounds after one warm-up, each measuring on new tokens (a name never
# rendered before, so nothing comes from the segment store): POST /v2/token then GET /v2/get/{token}.mp4 (first and last
# byte), the same with GET /v2/play/{token}.webm, the same then HLS as a player (playlist, init.mp4, 0.m4s, the rest),
# and the blocking POST /v2/render plus the mp4's download. Every output must decode to the movie's frames. The
# medians go into the "Streaming: time to first byte" section of docs/benchmarks.md. Starts its own system on spare
# ports (SILOS silos, default 1).
#   REPS=5 bench/streaming.sh
#   QUICK=1 bench/streaming.sh     a 320x180 2 s movie, REPS=1, docs/benchmarks.md untouched: checks the script works
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
QUICK="${QUICK:-0}"
SILOS="${SILOS:-1}"
if [ "$QUICK" = 1 ]; then REPS="${REPS:-1}"; else REPS="${REPS:-5}"; fi
mkdir -p "$OUT/streaming"
rm -f "$OUT"/streaming/*
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap stop_all EXIT

movie="$ROOT/bench/ref1-movie.json" frames=300
if [ "$QUICK" = 1 ]; then
    movie="$OUT/streaming/quick-movie.json" frames=60
    cat >"$movie" <<'JSON'
{"width": 320, "height": 180, "fps": 30, "scenes": [
  {"duration": 1.5, "background": "#000080", "layers": [
    {"type": "image", "url": "${logo}", "width": 160, "height": 90, "fit": "stretch", "x": 20, "y": 40},
    {"type": "text", "text": "Hello, ${name}!", "y": 130, "height": 30, "fontSize": 16, "color": "#ffffff", "fadeIn": 0.5}]},
  {"duration": 1, "background": "#006400", "transition": {"type": "crossfade", "duration": 0.5}, "layers": [
    {"type": "text", "text": "Your order #${order} ships today", "y": 130, "height": 30, "fontSize": 16, "color": "#ffffff"}]}]}
JSON
fi

serve_logo
# Without the dashboard's collector, as in bench/parallel.sh: it takes CPU the renders could use.
Silo__Dashboard=false start_system --silos "$SILOS"
project=$(create_movie "$movie")

# A run id in every name: the segment store outlives the system, and a name rendered by an earlier run would be reused.
export API OUT ROOT PROJECT="$project" LOGO="http://127.0.0.1:$IMAGE_PORT/logo.png" REPS QUICK SILOS FRAMES="$frames" RUN="$(date +%s)"
PYTHONDONTWRITEBYTECODE=1 python3 "$ROOT/bench/streaming.py" measure
stop_all
PYTHONDONTWRITEBYTECODE=1 python3 "$ROOT/bench/streaming.py" report
