#!/usr/bin/env bash
# Benchmark: the reference movie (bench/reference-movie.json: 10 s, 1920x1080, 30 fps, two scenes with a cut, an image
# moving across, two text layers, one fading in) rendered end to end through the API (POST /v2/render, then GET the
# mp4) against the equivalent hand-written ffmpeg command (bench/bare-ffmpeg.sh), same encoder settings, interleaved,
# REPS runs each. Prints the medians and rewrites docs/benchmarks.md. Starts its own system on spare ports.
#   REPS=5 bench/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
REPS="${REPS:-5}"
API_PORT=8097 IMAGE_PORT=8098
API="http://127.0.0.1:$API_PORT"
KEY="DEVKEY:dev-secret-change-me"
mkdir -p "$OUT"
rm -f "$OUT"/*.mp4 "$OUT/times.tsv"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

ffmpeg -v error -y -f lavfi -i testsrc2=s=640x360 -frames:v 1 -update 1 "$OUT/logo.png"
python3 -m http.server "$IMAGE_PORT" --bind 127.0.0.1 --directory "$OUT" >"$OUT/images.log" 2>&1 &
pids+=($!)

RemoteMedia__AllowedEndpoints__0="127.0.0.1:$IMAGE_PORT" "$ROOT/run.sh" --port "$API_PORT" --silo-port 11311 \
    --gateway-port 30300 --azurite-port-base 10300 >"$OUT/run.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
    curl -fsS "$API/health" >/dev/null 2>&1 && break
    sleep 1
done
curl -fsS "$API/health" >/dev/null || { tail -20 "$OUT/run.log"; exit 1; }

project=$(curl -fsS -u "$KEY" -X POST "$API/v1/project/bench" | python3 -c 'import sys,json;print(json.load(sys.stdin)["Project-UID"])')
curl -fsS -u "$KEY" -X PUT --data-binary @"$ROOT/bench/reference-movie.json" "$API/v1/sdl/$project/reference" >/dev/null
body="{\"movie\": \"reference\", \"params\": {\"name\": \"Alex\", \"order\": \"12345\", \"logo\": \"http://127.0.0.1:$IMAGE_PORT/logo.png\"}}"

now() { date +%s%N; }
bare() { "$ROOT/bench/bare-ffmpeg.sh" "$OUT/logo.png" "$OUT/bare.mp4"; }
api() {
    local token
    token=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$body" "$API/v2/render/$project" \
        | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
    curl -fsS -o "$OUT/api.mp4" "$API/v2/render/$token.mp4"
}

bare; api  # warm-up: page cache, JIT, grain activation
for i in $(seq 1 "$REPS"); do
    for variant in bare api; do
        start=$(now); $variant; end=$(now)
        awk -v v="$variant" -v s="$start" -v e="$end" 'BEGIN { printf "%s\t%.3f\n", v, (e - s) / 1e9 }' >>"$OUT/times.tsv"
    done
done

for f in bare api; do
    ffprobe -v error -count_frames -select_streams v:0 \
        -show_entries stream=width,height,nb_read_frames,avg_frame_rate -show_entries format=duration -of csv=p=0 "$OUT/$f.mp4" \
        | tr '\n' ' ' >"$OUT/$f.probe"
done

python3 - "$OUT" "$ROOT/docs/benchmarks.md" "$REPS" <<'PY'
import statistics, sys, datetime, os, platform
out, doc, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = {"bare": [], "api": []}
for line in open(os.path.join(out, "times.tsv")):
    variant, seconds = line.split()
    times[variant].append(float(seconds))
med = {k: statistics.median(v) for k, v in times.items()}
ratio = med["api"] / med["bare"]
probe = {k: open(os.path.join(out, f"{k}.probe")).read().strip() for k in times}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
row = lambda k, name: f"| {name} | {med[k]:.2f} | {min(times[k]):.2f}–{max(times[k]):.2f} | {300 / med[k]:.1f} | {10 / med[k]:.2f}× | `{probe[k]}` |"
text = f"""# Benchmarks

Produced by `bench/run.sh` (REPS={reps}) on {datetime.date.today()}: {os.cpu_count()} cores, {cpu}.

The reference movie (`bench/reference-movie.json`): 10 s, 1920x1080, 30 fps; a navy and a green scene joined by a
cut, a 640x360 image moving from x=100 to x=600 between 1 s and 9 s, "Hello, Alex!" at 96 px fading in over 2 s and
"Your order #12345 ships today" at 48 px from 5 s. The baseline is the same movie as one hand-written ffmpeg command
(`bench/bare-ffmpeg.sh`: colour sources, `overlay` with a motion expression, `drawtext`). Both encode with libx264
`-preset veryfast -crf 23`, yuv420p, `+faststart`. The API time is end to end: `POST /v2/render` (which blocks until
the render is stored) plus downloading the mp4 with `GET /v2/render/{{token}}.mp4`; each run is a new token, so
nothing is reused. Runs are interleaved (bare, API, bare, API, …) after one warm-up of each.

| Variant | Median wall (s) | Range (s) | Frames/s | Realtime factor | ffprobe: size, fps, frames, duration |
|---|---:|---:|---:|---:|---|
{row("bare", "bare ffmpeg, one command")}
{row("api", "Orleans.Render API, end to end")}

**API ÷ bare ffmpeg: {ratio:.3f}** (target ≤ 1.15).

All runs: bare {", ".join(f"{t:.2f}" for t in times["bare"])}; API {", ".join(f"{t:.2f}" for t in times["api"])}.

Why the API can keep up: text is rasterised once per render and images are fetched and normalised once, so ffmpeg
only composites pre-made layers; the filter graph stays in yuv420p/yuva420p with no per-frame format conversion, and
x264 dominates the time in both variants. The API adds the HTTP calls, two grain hops, rasterising two text layers
and fetching the image, and the ffmpeg process start.
"""
open(doc, "w").write(text)
print(f"bare median {med['bare']:.2f} s, api median {med['api']:.2f} s, ratio {ratio:.3f}")
PY
