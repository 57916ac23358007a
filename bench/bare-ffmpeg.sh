#!/usr/bin/env bash
# The reference movie as one hand-written ffmpeg command (the peer-bench "tuned" style, with a cut instead of a
# crossfade): the same sources, motion, text, fade and encoder settings as bench/reference-movie.json.
# Usage: bare-ffmpeg.sh LOGO.png OUT.mp4 [THREADS]   (THREADS limits filtering and encoding as Render:Engine:Encoder:Threads does)
set -euo pipefail
logo=$1 out=$2
threads=()
[ -n "${3:-}" ] && threads=(-threads "$3" -filter_complex_threads "$3")
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
ffmpeg -y -hide_banner -loglevel error -nostats -i "$logo" -filter_complex "\
color=c=0x000080:s=1920x1080:r=30:d=5[a];\
color=c=0x006400:s=1920x1080:r=30:d=5[b];\
[a][b]concat=n=2:v=1:a=0,settb=1/30[bg];\
[0]scale=640:360,format=yuv420p[lg];\
[bg][lg]overlay=x='100+500*(t-1)/8':y=200:enable='gte(t,1)*lt(t,9)':eof_action=repeat:format=yuv420,\
drawtext=fontfile=$font:text='Hello, Alex!':fontsize=96:fontcolor=white:x=(w-text_w)/2:y=790:alpha='min(t/2,1)',\
drawtext=fontfile=$font:text='Your order #12345 ships today':fontsize=48:fontcolor=white:x=(w-text_w)/2:y=935:enable='gte(t,5)'[v]" \
  -map "[v]" "${threads[@]}" -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -profile:v high -r 30 -movflags +faststart -an "$out"
