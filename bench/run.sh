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
mkdir -p "$OUT"
rm -f "$OUT"/*.mp4 "$OUT/times.tsv"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap stop_all EXIT

serve_logo
start_system
project=$(create_movie "$ROOT/bench/reference-movie.json")
bare() { "$ROOT/bench/bare-ffmpeg.sh" "$OUT/logo.png" "$OUT/bare.mp4"; }
api() { render "$project" 1 "$OUT/api.mp4"; }

bare; api  # warm-up: page cache, JIT, grain activation
for _ in $(seq 1 "$REPS"); do
    timed bare bare
    timed api api
done

for f in bare api; do probe "$OUT/$f.mp4" >"$OUT/$f.probe"; done

python3 - "$OUT" "$ROOT/docs/benchmarks.md" "$REPS" <<'PY'
import statistics, sys, datetime, os
sys.path.insert(0, os.path.join(os.path.dirname(sys.argv[2]), "..", "bench"))
from sections import write_section, read_times, cpu_model
out, doc, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = read_times(out)
med = {k: statistics.median(v) for k, v in times.items()}
ratio = med["api"] / med["bare"]
probe = {k: open(os.path.join(out, f"{k}.probe")).read().strip() for k in times}
cpu = cpu_model()
row = lambda k, name: f"| {name} | {med[k]:.2f} | {min(times[k]):.2f}–{max(times[k]):.2f} | {300 / med[k]:.1f} | {10 / med[k]:.2f}× | `{probe[k]}` |"
text = f"""## Reference movie: API against bare ffmpeg

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
write_section(doc, "reference", text)
print(f"bare median {med['bare']:.2f} s, api median {med['api']:.2f} s, ratio {ratio:.3f}")
PY
