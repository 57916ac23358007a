#!/usr/bin/env bash
# Benchmark: REF-1 (bench/ref1-movie.json: the peer benchmark's movie, 10 s, 1920x1080, 30 fps, two scenes joined by
# a 1 s crossfade) rendered end to end through the API (POST /v2/render, then GET the mp4) against the tuned
# hand-written ffmpeg command of shared/research/peer-bench.md (bench/ref1-bare.sh), same encoder settings,
# interleaved, REPS runs each after one warm-up of each. Besides the wall times it records the CPU time of the bare
# command and the silo's own account of each render (prepare, ffmpeg), and the load average, since the machine is
# shared. Writes the "ref1" section of docs/benchmarks.md. Starts its own system on spare ports.
#   REPS=7 bench/ref1.sh
#   NO_BUILD=1 bench/ref1.sh     use the last build (start-up waits at most 300 s for /health, build included)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/ref1"
REPS="${REPS:-7}"
mkdir -p "$OUT"
rm -f "$OUT"/*.mp4 "$OUT"/*.tsv "$OUT"/*.probe
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap stop_all EXIT

serve_logo
# Without the dashboard's collector, as in bench/parallel.sh: it takes CPU the renders could use.
Silo__Dashboard=false start_system ${NO_BUILD:+--no-build}
project=$(create_movie "$ROOT/bench/ref1-movie.json")
bare() { /usr/bin/time -f "bare\t%U\t%S" -a -o "$OUT/cpu.tsv" "$ROOT/bench/ref1-bare.sh" "$OUT/logo.png" "$OUT/bare.mp4"; }
api() { render "$project" 1 "$OUT/api.mp4"; }

bare; api  # warm-up: page cache, JIT, grain activation
rm -f "$OUT/cpu.tsv"
silo_log="$ROOT/.data/logs/silo-0.log"
logged=$(wc -l <"$silo_log")
cut -d' ' -f1-3 /proc/loadavg >"$OUT/load-start.txt"
for _ in $(seq 1 "$REPS"); do
    timed bare bare
    timed api api
done
cut -d' ' -f1-3 /proc/loadavg >"$OUT/load-end.txt"
tail -n +"$((logged + 1))" "$silo_log" | grep -o 'Rendered frames 0-300 as Mp4: prepare [0-9]* ms, ffmpeg [0-9]* ms' \
    | awk '{printf "%s\t%s\n", $7, $10}' >"$OUT/silo.tsv"
for f in bare api; do probe "$OUT/$f.mp4" >"$OUT/$f.probe"; done
ffmpeg -nostats -i "$OUT/api.mp4" -i "$OUT/bare.mp4" -lavfi "[0][1]psnr" -f null - 2>&1 | grep -o 'average:[0-9.inf]*' | cut -d: -f2 >"$OUT/psnr.txt"

python3 - "$OUT" "$ROOT/docs/benchmarks.md" "$REPS" <<'PY'
import statistics, sys, datetime, os
# Measured by hand while fixing the compiler; the graphs are in the text so the runs can be repeated.
FINDINGS = """
Where the compiled graph lost time (measured 2026-11-30 while fixing it, on the same loaded machine): the graph the
engine compiled for REF-1 and the tuned graph, run alone with `ffmpeg … -filter_complex_script G -map '[out]' -f null -`
(300 frames, no encoder), 7 interleaved runs each, median CPU time (user + sys, which the load inflates far less than
the wall time, 8–16 s here):

| Graph | CPU-s | What it shows |
|---|---:|---|
| tuned command (bench/ref1-bare.sh) | 1.07 | the baseline |
| compiled, before the fix: `[out][in]xfade=…,format=yuv420p` on the 30 shared frames | **1.58** | |
| the same with the 30 frames cut instead of blended (`[in]nullsink;[out]null`) | 0.85 | so the blend cost 0.73 CPU-s, 24 ms a frame |
| compiled, after the fix: each plane blended as grey (`extractplanes`, 3 × `xfade`, `mergeplanes`) | **1.00** | the blend costs 0.15 CPU-s, 5 ms a frame |
| REF-1 with a cut instead of the crossfade, compiled | 0.72 | composing both scenes for the 30 shared frames costs 0.13 |
| the tuned command with a cut | 0.84 | `drawtext` costs more than overlaying pre-rasterised text |

The scenes are composed in yuv420p and xfade in ffmpeg 5.1 takes no yuv420p, so ffmpeg inserted a yuv420p→yuv444p
conversion on both inputs and one back after the blend, on each of the 30 frames. The tuned command pays only the way
back: its colour sources produce yuv444p themselves. Alone, on 300 1080p frames: xfade in yuv444p 6.4 ms a frame,
plus the conversion back 10.6 ms, while `extractplanes` + xfade on the three grey planes + `mergeplanes` takes
4.0 ms with no conversion (and the chroma is no longer resampled: luma is bit-identical to before, chroma PSNR
46–49 dB against the old route). Blending with `overlay` of a faded yuva420p copy (15 ms) or `blend` with `sendcmd`
opacity was slower still. `Compilation/TransitionBlend` now blends plane by plane for the crossfade, wipes and slides;
fadeblack keeps the conversion, because it mixes in black and a grey plane would take black chroma as 0.
"""
sys.path.insert(0, os.path.join(os.path.dirname(sys.argv[2]), "..", "bench"))
from sections import write_section, read_times, cpu_model
out, doc, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
read = lambda name: open(os.path.join(out, name)).read().strip()
times = read_times(out)
med = {k: statistics.median(v) for k, v in times.items()}
ratio = med["api"] / med["bare"]
ratios = [a / b for b, a in zip(times["bare"], times["api"])]
cpu = [float(u) + float(s) for _, u, s in (l.split("\t") for l in read("cpu.tsv").splitlines())]
silo = [tuple(int(v) / 1000 for v in l.split("\t")) for l in read("silo.tsv").splitlines()]
prepare, inside = statistics.median(p for p, _ in silo), statistics.median(f for _, f in silo)
probe = {k: read(f"{k}.probe") for k in times}
row = lambda k, name: f"| {name} | {med[k]:.2f} | {min(times[k]):.2f}–{max(times[k]):.2f} | {300 / med[k]:.1f} | `{probe[k]}` |"
verdict = "met" if ratio <= 1.10 else "not met"
text = f"""## REF-1 with its crossfade: API against the tuned bare ffmpeg command

Produced by `bench/ref1.sh` (REPS={reps}) on {datetime.date.today()}: {os.cpu_count()} cores, {cpu_model()}. Load
average (1, 5, 15 min) at the start of the timed runs {read("load-start.txt")}, at the end {read("load-end.txt")}: other
helpers were building and testing on the machine, so the absolute times are inflated and noisy; the runs are
interleaved (bare, API, bare, API, …) so both variants see the same load, and the ratio is what to read.

REF-1 (`bench/ref1-movie.json`, the movie of shared/research/peer-bench.md): 10 s, 1920x1080, 30 fps; a 6 s navy
scene and a 5 s green one joined by a 1 s crossfade (300 frames), the 640x360 logo moving from x=100 to x=600
between 1 s and 9 s, "Hello, Alex!" fading in over 2 s, the order line from 5 s. The baseline is the peer
benchmark's tuned command (`bench/ref1-bare.sh`: the background in three parts joined by `concat` so only the 30
crossfade frames pass through `xfade`, the logo by `overlay` with a motion expression, two `drawtext`s). Both encode
with libx264 `-preset veryfast -crf 23`, yuv420p, `+faststart`. The API time is end to end: `POST /v2/render`
(blocking until the render is stored) plus `GET /v2/render/{{token}}.mp4`; every request names the logo with a new
query, so the segment store never hands back an earlier render and each run runs ffmpeg.

| Variant | Median wall (s) | Range (s) | Frames/s | ffprobe: size, fps, frames, duration |
|---|---:|---:|---:|---|
{row("bare", "bare ffmpeg, tuned command")}
{row("api", "Orleans.Render API, end to end")}

**API ÷ tuned bare ffmpeg: {ratio:.3f}** (median of the walls; target ≤ 1.10: {verdict}). Ratio of each interleaved
pair: {", ".join(f"{r:.2f}" for r in ratios)} (median {statistics.median(ratios):.3f}; a pair's two runs see nearly the
same load, so this median is the steadier figure when the load drifts during the run). A ratio below 1 on a loaded
machine does not mean the API beats ffmpeg on a quiet one: each variant gets a share of the 2 cores, and the compiled
graph now needs less CPU than the tuned one (below: pre-rasterised text instead of `drawtext`), which counts for
more when CPU is scarce. On a quiet machine expect about 1.0, as for the cut movie above.

All runs: bare {", ".join(f"{t:.2f}" for t in times["bare"])}; API {", ".join(f"{t:.2f}" for t in times["api"])}.
The bare command used {statistics.median(cpu):.2f} CPU-s (median; {", ".join(f"{c:.2f}" for c in cpu)}). The silo
logged a median of {prepare:.2f} s preparing (text rasterised, logo fetched) and {inside:.2f} s in ffmpeg per render;
the rest of the API's time is the HTTP calls, the grain hops and storing. PSNR of the last API output against the
last bare one: {float(read("psnr.txt")):.1f} dB (the texts sit a few pixels apart: drawtext places by glyph box, the API by line
box).
"""
write_section(doc, "ref1", text + FINDINGS)
print(f"bare median {med['bare']:.2f} s, api median {med['api']:.2f} s, ratio {ratio:.3f}")
PY
