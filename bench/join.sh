#!/usr/bin/env bash
# The join's cost per segment: a 1080p segment as the engine encodes it (x264 veryfast, one thread, 30 fps) joined N
# times over by the concat demuxer and a stream copy, as Engine/SegmentAssembler does, with each list entry as it was
# (A: "file …") and as it is (B: "file …" then "option codec_whitelist none"), interleaved, REPS runs each. Pieces of
# 60 / N seconds, so the output is a minute long for every N. Checks that A and B write the same bytes, and writes the
# "join" section of docs/benchmarks.md.
#   REPS=7 COUNTS="20 100" bench/join.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/join"
REPS="${REPS:-7}"
COUNTS="${COUNTS:-20 100}"
rm -rf "$OUT" && mkdir -p "$OUT"

for n in $COUNTS; do
    frames=$((1800 / n))
    ffmpeg -v error -y -f lavfi -i "testsrc2=s=1920x1080:r=30" -frames:v "$frames" -threads 1 -c:v libx264 -preset veryfast \
        -crf 23 -pix_fmt yuv420p -profile:v high -r 30 -movie_timescale 1020 -movflags +faststart -f mp4 "$OUT/piece-$n.mp4"
    for i in $(seq 1 "$n"); do echo "file '$OUT/piece-$n.mp4'"; done >"$OUT/a-$n.txt"
    for i in $(seq 1 "$n"); do printf "file '%s'\noption codec_whitelist none\n" "$OUT/piece-$n.mp4"; done >"$OUT/b-$n.txt"
done

# join LABEL LIST OUTPUT: appends "LABEL<TAB>wall s<TAB>cpu s" to times.tsv.
join() {
    /usr/bin/time -f "$1	%e	%U %S" -a -o "$OUT/raw.tsv" \
        ffmpeg -v error -y -f concat -safe 0 -i "$2" -c copy -movflags +faststart -f mp4 "$3"
}
for rep in $(seq 1 "$REPS"); do
    for n in $COUNTS; do
        join "a-$n" "$OUT/a-$n.txt" "$OUT/a-$n.mp4"
        join "b-$n" "$OUT/b-$n.txt" "$OUT/b-$n.mp4"
    done
done
for n in $COUNTS; do cmp -s "$OUT/a-$n.mp4" "$OUT/b-$n.mp4" || { echo "A and B differ for $n pieces" >&2; exit 1; }; done

python3 - "$OUT/raw.tsv" "$ROOT/docs/benchmarks.md" "$REPS" "$(uptime | sed 's/.*load average: //')" <<'EOF'
import datetime, os, statistics, sys
sys.path.insert(0, os.path.join(os.path.dirname(sys.argv[2]), "..", "bench"))
from sections import write_section, cpu_model
raw, doc, reps, load = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
runs = {}
for line in open(raw):
    label, wall, cpu = line.rstrip("\n").split("\t")
    runs.setdefault(label, []).append((float(wall), sum(float(x) for x in cpu.split())))
counts = sorted({int(k.split("-")[1]) for k in runs})
rows = []
for n in counts:
    a, b = runs[f"a-{n}"], runs[f"b-{n}"]
    wa, wb = statistics.median(w for w, _ in a), statistics.median(w for w, _ in b)
    ca, cb = statistics.median(c for _, c in a), statistics.median(c for _, c in b)
    rows.append(f"| {n} × {60 / n:.1f} s | {wa:.2f} | {wb:.2f} | **{wb / wa:.2f}** | {ca:.2f} | {cb:.2f} | {cb / ca:.2f} |")
text = f"""## Join cost per segment (`bench/join.sh`)

Produced by `bench/join.sh` (REPS={reps}, interleaved) on {datetime.date.today()}: {os.cpu_count()} cores, {cpu_model()}. Load
average at the end: {load}; **other helpers were building and testing on the machine**, so wall times are noisy
and the CPU times (user + system) are the steadier figure.

A one-minute 1080p output joined from N segments by the concat demuxer and a stream copy, as `Engine/SegmentAssembler`
does. A: every list entry a plain `file` line (as before); B: each followed by `option codec_whitelist none`, so the
demuxer opens no decoder to probe a segment whose container already says what it holds. A and B write the same bytes
(checked). Medians in seconds:

| segments | A wall | B wall | B ÷ A | A CPU | B CPU | B ÷ A CPU |
|---|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

All runs (wall s, CPU s): {"; ".join(f"{k}: " + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in v) for k, v in runs.items())}.
"""
write_section(doc, "join", text)
print(text)
EOF
