#!/usr/bin/env bash
# REF-1 as the tuned hand-written ffmpeg command of the peer benchmark (shared/research/peer-bench.md, appendix A):
# the background in three parts joined by concat (5 s navy, the 1 s xfade of two 1 s colour sources, 4 s green), so
# only the crossfade's 30 frames pass through xfade; the logo laid over with a motion expression; two drawtexts.
# Usage: ref1-bare.sh LOGO.png OUT.mp4
set -euo pipefail
logo=$1 out=$2
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
ffmpeg -y -hide_banner -loglevel error -nostats -i "$logo" -filter_complex "\
color=c=0x000080:s=1920x1080:r=30:d=5[a];\
color=c=0x000080:s=1920x1080:r=30:d=1[x0];\
color=c=0x006400:s=1920x1080:r=30:d=1[x1];\
[x0][x1]xfade=transition=fade:duration=1:offset=0,format=yuv420p[x];\
color=c=0x006400:s=1920x1080:r=30:d=4[c];\
[a][x][c]concat=n=3:v=1:a=0,settb=1/30[bg];\
[0]format=yuv420p[lg];\
[bg][lg]overlay=x='100+500*(t-1)/8':y=200:enable='gte(t,1)*lt(t,9)':eof_action=repeat:format=yuv420,\
drawtext=fontfile=$font:text='Hello, Alex!':fontsize=96:fontcolor=white:x=(w-text_w)/2:y=800:alpha='min(t/2,1)',\
drawtext=fontfile=$font:text='Your order #12345 ships today':fontsize=48:fontcolor=white:x=(w-text_w)/2:y=940:enable='gte(t,5)'[v]" \
  -map "[v]" -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -movflags +faststart "$out"
