#!/usr/bin/env bash
# How to multiply a layer's alpha by a factor that changes per frame, measured: a 1280x720 layer over a 1920x1080
# background for 300 frames (10 s at 30 fps), no encoding (-f null), median of REPS runs each. The winner is what
# LayerTransformFilters uses for animated opacity that the plain fade filter cannot express (eased fades, keyframes).
# Usage: bench/opacity-filters.sh   (REPS=5 by default; writes the "opacity" section of docs/benchmarks.md)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPS=${REPS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ffmpeg -v error -y -f lavfi -i "color=c=red@1:s=1280x720,format=rgba" -frames:v 1 "$work/layer.png"
still="[1:v]format=yuva420p,loop=loop=299:size=1:start=0,setpts=N/(30*TB)"
rgba="[1:v]loop=loop=299:size=1:start=0,setpts=N/(30*TB)"
over="[l];[0:v][l]overlay=x=10:y=10:format=yuv420[o]"
commands=$(python3 -c "print(';'.join(f'{(i - 0.5) / 30:.4f} lutyuv@a a val*{i / 300:.3f}' for i in range(1, 300)))")
declare -A graphs=(
  [none]="$still$over"
  [fade]="$still,fade=t=in:st=0:d=10:alpha=1$over"
  [lutyuv_sendcmd]="$still,sendcmd=c='$commands',lutyuv@a=a=val*0$over"
  [colorchannelmixer_sendcmd]="$rgba,sendcmd=c='0 [expr] colorchannelmixer aa T/10',colorchannelmixer$over"
  [geq_alpha]="$still,geq=lum='lum(X,Y)':cb='cb(X,Y)':cr='cr(X,Y)':a='alpha(X,Y)*T/10'$over"
)
for name in "${!graphs[@]}"; do
  for _ in $(seq "$REPS"); do
    start=$(date +%s.%N)
    ffmpeg -v error -y -f lavfi -i "color=c=blue:s=1920x1080:r=30,trim=end_frame=300" -i "$work/layer.png" \
      -filter_complex "${graphs[$name]}" -map "[o]" -f null -
    echo "$name $(echo "$(date +%s.%N) - $start" | bc)" >> "$work/times"
  done
done
python3 - "$work/times" "$ROOT/docs/benchmarks.md" "$REPS" <<'PY'
import datetime, os, statistics, sys
sys.path.insert(0, os.path.join(os.path.dirname(sys.argv[2]), "..", "bench"))
from sections import write_section
times = {}
for line in open(sys.argv[1]):
    name, seconds = line.split()
    times.setdefault(name, []).append(float(seconds))
order = ["none", "fade", "lutyuv_sendcmd", "colorchannelmixer_sendcmd", "geq_alpha"]
rows = "\n".join(f"| `{n}` | {statistics.median(times[n]):.2f} |" for n in order)
text = f"""
## Per-frame opacity: which filter

Produced by `bench/opacity-filters.sh` (REPS={sys.argv[3]}) on {datetime.date.today()}: {os.cpu_count()} cores.
A 1280x720 layer over a 1920x1080 background, 300 frames, alpha multiplied by t/10, decoded to `-f null` (no encoder).
Other work shared the machine while measuring: compare the rows, not the absolute seconds.

| Variant | Median seconds |
|---|---|
{rows}

`fade` is used for linear fades. For anything else (eased fades, opacity keyframes) the compiler drives `lutyuv`'s
alpha factor with `sendcmd`, one command per frame where the rounded factor changes: it works on the yuva420p frame
the layer already is. `colorchannelmixer` needs RGBA and so a conversion per frame; `geq` evaluates an expression per
pixel.
"""
write_section(sys.argv[2], "opacity", text)
print(rows)
PY
