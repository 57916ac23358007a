#!/usr/bin/env bash
# What a colour keyframe costs per frame, and which ffmpeg filter is cheapest for it: a 1280x720 still layer (a solid
# or rasterised text is one looped picture) whose colour changes on every one of 90 frames at 30 fps, laid over a
# 1920x1080 background, no encoding (-f null). Variants run interleaved (one run of each, REPS times), so load on the
# shared machine hits them alike; the table gives the median and the ratio to "none" (the same layer in one fixed
# colour). The winner is what Compilation/LayerColorFilter uses. No ports are opened (BENCH_PORT_BASE is not needed).
# Usage: bench/color-keyframe-filters.sh   (REPS=5 by default; writes the "color-keyframes" section of docs/benchmarks.md)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPS=${REPS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Per-frame commands from red to blue, as the compiler writes them (half a frame early): Y/U/V for lutyuv, factors for
# colorchannelmixer, the colour for the color source.
read -r lut mixer source < <(python3 - <<'PY'
fps, frames = 30, 90
lut, mixer, source = [], [], []
for n in range(1, frames):
    r, g, b = round(255 * (1 - n / frames)), 0, round(255 * n / frames)
    t = (n - 0.5) / fps
    y = round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255)
    u = round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255)
    v = round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255)
    lut.append(f"{t:.4f} lutyuv@c y {y},lutyuv@c u {u},lutyuv@c v {v}")
    mixer.append(f"{t:.4f} colorchannelmixer@c rr {r / 255:.4f},colorchannelmixer@c gg {g / 255:.4f},colorchannelmixer@c bb {b / 255:.4f}")
    source.append(f"{t:.4f} color@c c 0x{r:02x}{g:02x}{b:02x}")
print(";".join(lut).replace(" ", "_"), ";".join(mixer).replace(" ", "_"), ";".join(source).replace(" ", "_"))
PY
)
lut=${lut//_/ }; mixer=${mixer//_/ }; source=${source//_/ }
white="color=c=white:s=1280x720:r=30,format=yuva420p,trim=end_frame=1,loop=loop=89:size=1:start=0,settb=1/30,setpts=N"
over="[l];[0:v][l]overlay=x=10:y=10:format=yuv420[o]"
declare -A graphs=(
  [none]="color=c=red:s=1280x720:r=30,format=yuva420p,trim=end_frame=1,loop=loop=89:size=1:start=0,settb=1/30,setpts=N$over"
  [lutyuv_sendcmd]="$white,sendcmd=c='$lut',lutyuv@c=y=81:u=90:v=240:a=val$over"
  [colorchannelmixer_sendcmd]="$white,format=rgba,sendcmd=c='$mixer',colorchannelmixer@c=rr=1:gg=0:bb=0$over"
  [geq]="$white,format=rgba,geq=r='255*(1-N/90)':g=0:b='255*N/90':a='alpha(X,Y)'$over"
  [color_source_sendcmd]="color@c=c=red:s=1280x720:r=30,trim=end_frame=90,sendcmd=c='$source',format=yuva420p$over"
)
order=(none lutyuv_sendcmd colorchannelmixer_sendcmd geq color_source_sendcmd)
for _ in $(seq "$REPS"); do
  for name in "${order[@]}"; do
    # CPU seconds (user + system, from -benchmark) rather than wall time: on a shared machine waiting for a core is
    # not the filter's cost.
    cpu=$(ffmpeg -hide_banner -nostats -benchmark -y -f lavfi -i "color=c=blue:s=1920x1080:r=30,trim=end_frame=90" \
      -filter_complex "${graphs[$name]}" -map "[o]" -f null - 2>&1 | sed -nE 's/.*utime=([0-9.]+)s stime=([0-9.]+)s.*/\1 \2/p')
    echo "$name $(echo "$cpu" | awk '{print $1 + $2}')" >> "$work/times"
  done
done
python3 - "$work/times" "$ROOT/docs/benchmarks.md" "$REPS" "${order[@]}" <<'PY'
import datetime, os, statistics, sys
sys.path.insert(0, os.path.join(os.path.dirname(sys.argv[2]), "..", "bench"))
from sections import write_section
times = {}
for line in open(sys.argv[1]):
    name, seconds = line.split()
    times.setdefault(name, []).append(float(seconds))
order = sys.argv[4:]
base = statistics.median(times["none"])
rows = "\n".join(f"| `{n}` | {statistics.median(times[n]):.2f} | {statistics.median(times[n]) / base:.2f} |" for n in order)
text = f"""
## Colour keyframes: what recolouring a layer per frame costs

Produced by `bench/color-keyframe-filters.sh` (REPS={sys.argv[3]}, variants interleaved) on {datetime.date.today()}: {os.cpu_count()} cores,
**shared and loaded** (load average about 40): other helpers were building and testing at the same time, so compare the
ratios, not the seconds. A 1280x720 still layer (one picture looped, as a solid or rasterised text is) whose colour changes on each of 90
frames at 30 fps, over a 1920x1080 background, decoded to `-f null`. `none` is the same layer in one fixed colour.
Times are ffmpeg's own CPU time (`-benchmark`: user + system), which waiting for a busy core does not inflate.

| Variant | Median CPU seconds | × none |
|---|---|---|
{rows}

What the compiler uses (`Compilation/LayerColorFilter`): the layer prepared in opaque white and one `lutyuv` whose Y,
U, V (and alpha factor) `sendcmd` changes on the frames where the colour changes; it stays yuva420p and works for text
as well as solids. `colorchannelmixer` needs RGBA and a conversion per frame, `geq` evaluates an expression per pixel.
Changing a `color` source's colour measured cheaper still but would serve solids only (text is a prepared picture), so
it is listed for comparison and not used. Three earlier runs of this script on the same machine timed wall-clock
seconds and could not separate `lutyuv` from `colorchannelmixer` (× none 1.15 and 1.52, 1.62 and 1.02, 1.25 and 1.15:
waiting for a core swamped the difference), which is why it now takes ffmpeg's CPU time; `geq` was 3–4× in all of them.
"""
write_section(sys.argv[2], "color-keyframes", text)
print(rows)
PY
