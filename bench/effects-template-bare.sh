#!/usr/bin/env bash
# bench/effects-template-movie.json as one hand-written ffmpeg command over the same inputs: the background graded
# with one eq (saturation and contrast), the logo screened onto the 640x360 area under it only (cropped, blended in
# gbrp, laid back), the yellow "SALE" made from the pre-rasterised text's alpha, the pre-synthesised speech delayed
# by 0.5 s and padded to 10 s; the same encoder settings as the API's mp4.
# Usage: effects-template-bare.sh DIR OUT.mp4   (DIR holds background.mp4, logo.png, sale.png, speech.wav)
set -euo pipefail
d=$1 out=$2
ffmpeg -y -hide_banner -loglevel error -nostats \
  -i "$d/background.mp4" -loop 1 -framerate 30 -i "$d/logo.png" -loop 1 -framerate 30 -i "$d/sale.png" -i "$d/speech.wav" \
  -filter_complex "\
[0:v]trim=end_frame=300,settb=1/30,setpts=N/(30*TB),eq=saturation=0.5:contrast=1.2,split[bg][under];\
[under]crop=640:360:100:100,format=gbrp[area];[1:v]format=gbrp,trim=end_frame=300[logo];\
[area][logo]blend=all_mode=screen,format=yuv420p[screened];\
[bg][screened]overlay=x=100:y=100:format=yuv420[v1];\
[2:v]trim=end_frame=300,format=yuva420p,alphaextract[salealpha];\
color=c=0xffcc00:s=1280x200:r=30,format=yuv420p,trim=end_frame=300[yellow];[yellow][salealpha]alphamerge[sale];\
[v1][sale]overlay=x=0:y=500:format=yuv420[v];\
[3:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,adelay=delays=24000S:all=1,apad=whole_len=480000,atrim=end_sample=480000[a]" \
  -map "[v]" -map "[a]" -c:a aac -b:a 160k -ar 48000 -ac 2 \
  -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -profile:v high -r 30 -movflags +faststart -f mp4 "$out"
