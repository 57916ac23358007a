#!/usr/bin/env bash
# Benchmark: the template movie (bench/template-movie.json: 30 s, 1920x1080, 30 fps, 3 scenes joined by a crossfade
# and a wipe, a video background, 6 text layers, 3 images, a music track) rendered end to end through the API
# (POST /v2/render, then GET the mp4) against the same movie as one hand-written ffmpeg command
# (bench/template-bare.sh: same inputs, the texts as pre-rasterised PNGs, same encoder settings), interleaved, REPS
# runs each. The media are made with ffmpeg here and served from a loopback server. Prints the medians and rewrites
# the "template" section of docs/benchmarks.md. Starts its own system on spare ports.
#   REPS=3 bench/template.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/template"
REPS="${REPS:-3}"
mkdir -p "$OUT"
rm -f "$OUT"/*.mp4 "$OUT/times.tsv"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap stop_all EXIT

# The media: a 10 s 1080p background video, the logo, 30 s of music; the six texts as PNGs for the bare command.
ffmpeg -v error -y -f lavfi -i testsrc2=s=1920x1080:r=30:d=10 -c:v libx264 -preset veryfast -crf 28 -pix_fmt yuv420p "$OUT/background.mp4"
ffmpeg -v error -y -f lavfi -i "sine=frequency=220:sample_rate=48000:duration=30" -f lavfi -i "sine=frequency=330:sample_rate=48000:duration=30" \
    -filter_complex amix=inputs=2 -c:a aac -b:a 160k -ac 2 "$OUT/music.m4a"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
texts=("Hello, Alex!" "Scene one of three" "Your order #12345" "ships today" "Thank you, Alex" "See you soon")
for i in "${!texts[@]}"; do
    if (( i % 2 == 0 )); then size=96 height=140; else size=48 height=80; fi
    printf '%s' "${texts[$i]}" >"$OUT/text$((i + 1)).txt"
    ffmpeg -v error -y -f lavfi -i "color=c=black@0:s=1920x$height,format=rgba" -frames:v 1 \
        -vf "drawtext=fontfile=$font:textfile=$OUT/text$((i + 1)).txt:fontsize=$size:fontcolor=white:x=(w-text_w)/2:y=0" "$OUT/text$((i + 1)).png"
done
serve_logo  # writes $OUT/logo.png and serves $OUT (all the media) on the loopback port the silo may fetch from
RemoteMedia__MaxBytes=200000000 start_system
project=$(create_movie "$ROOT/bench/template-movie.json")
api() {
    local body token
    body="{\"movie\": \"bench\", \"params\": {\"name\": \"Alex\", \"order\": \"12345\", \"base\": \"http://127.0.0.1:$IMAGE_PORT\"}}"
    token=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$body" "$API/v2/render/$project" | token_of)
    curl -fsS -o "$OUT/api.mp4" "$API/v2/render/$token.mp4"
}
bare() { "$ROOT/bench/template-bare.sh" "$OUT" "$OUT/bare.mp4"; }

bare; api  # warm-up: page cache, JIT, grain activation
for _ in $(seq 1 "$REPS"); do
    timed bare bare
    timed api api
done

for f in bare api; do
    { probe "$OUT/$f.mp4"; ffprobe -v error -select_streams a:0 -show_entries stream=codec_name,sample_rate,channels,duration -of csv=p=0 "$OUT/$f.mp4"; } | tr '\n' ' ' >"$OUT/$f.probe"
done

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
load = open("/proc/loadavg").read().split()[0]
row = lambda k, name: f"| {name} | {med[k]:.2f} | {min(times[k]):.2f}–{max(times[k]):.2f} | {900 / med[k]:.1f} | {30 / med[k]:.2f}× | `{probe[k]}` |"
text = f"""## Template movie: API against bare ffmpeg

Produced by `bench/template.sh` (REPS={reps}) on {datetime.date.today()}: {os.cpu_count()} cores, {cpu}; load average
{load} when it finished (the machine is shared, so other work may have run alongside: treat single runs as noisy).

The template movie (`bench/template-movie.json`): 30 s, 1920x1080, 30 fps, 900 frames; a 10 s scene on a 1080p
background video, an 11 s green scene entering with a 1 s crossfade and an 11 s red scene entering with a 1 s wipe
(10 + 11 + 11 − 2 = 30 s); a 640x360 image per scene (fading in, moving, still), two text layers per scene (one fading
in, one fading out) and a 30 s music track fading out over 2 s. The media are made with ffmpeg by the script and
served from a loopback HTTP server. The baseline (`bench/template-bare.sh`) is the same movie as one hand-written
ffmpeg command over the same inputs, with the texts as pre-rasterised PNGs, each scene composed separately and xfade
only over the 30 shared frames of each transition. Both encode with libx264 `-preset veryfast -crf 23`, yuv420p,
`+faststart`, and AAC 160 kb/s 48 kHz stereo. The API time is end to end: `POST /v2/render` (which blocks until the
render is stored) plus `GET /v2/render/{{token}}.mp4`; each run is a new token, so the API fetches the video, image and
music, rasterises the texts and probes the media every time. Runs are interleaved after one warm-up of each.

| Variant | Median wall (s) | Range (s) | Frames/s | Realtime factor | ffprobe: video size, fps, frames, duration; audio |
|---|---:|---:|---:|---:|---|
{row("bare", "bare ffmpeg, one command")}
{row("api", "Orleans.Render API, end to end")}

**API ÷ bare ffmpeg: {ratio:.3f}** (target ≤ 1.2).

All runs: bare {", ".join(f"{t:.2f}" for t in times["bare"])}; API {", ".join(f"{t:.2f}" for t in times["api"])}.
"""
write_section(doc, "template", text)
print(f"bare median {med['bare']:.2f} s, api median {med['api']:.2f} s, ratio {ratio:.3f}")
PY
