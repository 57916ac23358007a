#!/usr/bin/env bash
# Benchmark: the effects template (bench/effects-template-movie.json: 10 s, 1280x720, 30 fps; a background video with
# two filters, a logo in screen blend mode, a yellow layer masked by a text, and text to speech) rendered end to end
# through the API (POST /v2/render, then GET the mp4) against the same movie as one hand-written ffmpeg command
# (bench/effects-template-bare.sh: same inputs, the text pre-rasterised and the speech pre-synthesised with espeak-ng,
# same encoder settings), interleaved, REPS runs each. Prints the medians and rewrites the "effects-template" section
# of docs/benchmarks.md. Starts its own system on spare ports.
#   REPS=5 bench/effects-template.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/effects-template"
REPS="${REPS:-5}"
mkdir -p "$OUT"
rm -f "$OUT"/*.mp4 "$OUT/times.tsv"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap stop_all EXIT

ffmpeg -v error -y -f lavfi -i testsrc2=s=1280x720:r=30:d=10 -c:v libx264 -preset veryfast -crf 28 -pix_fmt yuv420p "$OUT/background.mp4"
printf '%s' "SALE 30% OFF" >"$OUT/sale.txt"
ffmpeg -v error -y -f lavfi -i "color=c=black@0:s=1280x200,format=rgba" -frames:v 1 \
    -vf "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:textfile=$OUT/sale.txt:fontsize=150:fontcolor=white:expansion=none:x=(w-text_w)/2:y=0" "$OUT/sale.png"
printf '%s' "Hello Alex, everything is 30 percent off today." >"$OUT/speech.txt"
espeak-ng -v en -f "$OUT/speech.txt" -w "$OUT/speech.wav"
serve_logo
start_system
project=$(create_movie "$ROOT/bench/effects-template-movie.json")
api() {
    local body token
    # A logo URL never asked for before makes each run new work (the segment store would hand back an earlier output);
    # the speech is the same every run, so after the warm-up it comes from the speech cache, as the bare command's does
    # from its file.
    body="{\"movie\": \"bench\", \"params\": {\"name\": \"Alex\", \"percent\": \"30\", \"base\": \"http://127.0.0.1:$IMAGE_PORT\", \"logo\": \"http://127.0.0.1:$IMAGE_PORT/logo.png?run=$(date +%s%N)\"}}"
    token=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$body" "$API/v2/render/$project" | token_of)
    curl -fsS -o "$OUT/api.mp4" "$API/v2/render/$token.mp4"
}
bare() { "$ROOT/bench/effects-template-bare.sh" "$OUT" "$OUT/bare.mp4"; }

bare; api  # warm-up: page cache, JIT, grain activation, the speech cache
for _ in $(seq 1 "$REPS"); do
    timed bare bare
    timed api api
done

for f in bare api; do
    { probe "$OUT/$f.mp4"; ffprobe -v error -select_streams a:0 -show_entries stream=codec_name,sample_rate,channels,duration -of csv=p=0 "$OUT/$f.mp4"; } | tr '\n' ' ' >"$OUT/$f.probe"
done
psnr=$(ffmpeg -hide_banner -i "$OUT/api.mp4" -i "$OUT/bare.mp4" -lavfi psnr -f null - 2>&1 | grep -o 'average:[0-9.inf]*' | cut -d: -f2)

python3 - "$OUT" "$ROOT/docs/benchmarks.md" "$REPS" "$psnr" <<'PY'
import statistics, sys, datetime, os
sys.path.insert(0, os.path.join(os.path.dirname(sys.argv[2]), "..", "bench"))
from sections import write_section, read_times, cpu_model
out, doc, reps, psnr = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
times = read_times(out)
med = {k: statistics.median(v) for k, v in times.items()}
ratio = med["api"] / med["bare"]
probe = {k: open(os.path.join(out, f"{k}.probe")).read().strip() for k in times}
load = open("/proc/loadavg").read().split()[0]
row = lambda k, name: f"| {name} | {med[k]:.2f} | {min(times[k]):.2f}–{max(times[k]):.2f} | {300 / med[k]:.1f} | `{probe[k]}` |"
text = f"""## Effects template: blend mode, mask, two filters and text to speech, API against bare ffmpeg

Produced by `bench/effects-template.sh` (REPS={reps}) on {datetime.date.today()}: {os.cpu_count()} cores, {cpu_model()};
load average {load} when it finished. **The machine was shared with other helpers building and testing while this
ran**, so single runs are noisy; the runs are interleaved and the ratio is of medians.

The movie (`bench/effects-template-movie.json`): 10 s, 1280x720, 30 fps, 300 frames, one scene: a 720p background
video with `saturation` 0.5 and `contrast` 1.2, a 640x360 logo in `screen` blend mode, a yellow solid masked by the
alpha of a text ("SALE 30% OFF", 150 px), and a sentence spoken by espeak-ng from 0.5 s. The baseline
(`bench/effects-template-bare.sh`) is the movie as one hand-written ffmpeg command over the same inputs, as a person
would write it knowing the content: one `eq` for both filters, the screen blend computed only on the logo's 640x360
area (cropped, blended in gbrp, laid back; the API does the same on the logo's box, in gbrap, with the logo converted
once), the text pre-rasterised and its alpha merged with the colour, the speech pre-synthesised. Both encode with
libx264 `-preset veryfast -crf 23`, yuv420p, `+faststart`, AAC 160 kb/s. The API time is end to end
(`POST /v2/render`, which blocks until the render is stored, plus the GET); each run asks for a logo URL never used before, so it is new work; the speech comes from the speech
cache after the warm-up, as the bare command reads its file. PSNR of the last API output against the last bare one:
{psnr} dB.

| Variant | Median wall (s) | Range (s) | Frames/s | ffprobe: video size, fps, frames, duration; audio |
|---|---:|---:|---:|---|
{row("bare", "bare ffmpeg, one command")}
{row("api", "Orleans.Render API, end to end")}

**API ÷ bare ffmpeg: {ratio:.3f}** (target ≤ 1.2).

All runs: bare {", ".join(f"{t:.2f}" for t in times["bare"])}; API {", ".join(f"{t:.2f}" for t in times["api"])}.
"""
write_section(doc, "effects-template", text)
print(f"bare median {med['bare']:.2f} s, api median {med['api']:.2f} s, ratio {ratio:.3f}")
PY
