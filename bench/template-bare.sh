#!/usr/bin/env bash
# bench/template-movie.json as one hand-written ffmpeg command: the same inputs (background video, logo PNG, the six
# texts as pre-rasterised PNGs, music), scenes composed separately, xfade only over the 30 shared frames of each
# transition, the music trimmed and faded, and the same encoder settings as the API's mp4.
# Usage: template-bare.sh DIR OUT.mp4   (DIR holds background.mp4, logo.png, text1.png … text6.png, music.m4a)
set -euo pipefail
d=$1 out=$2
ffmpeg -y -hide_banner -loglevel error -nostats \
  -i "$d/background.mp4" -i "$d/logo.png" \
  -i "$d/text1.png" -i "$d/text2.png" -i "$d/text3.png" -i "$d/text4.png" -i "$d/text5.png" -i "$d/text6.png" \
  -i "$d/music.m4a" -filter_complex "\
[0:v]trim=end_frame=300,settb=1/30,setpts=N/(30*TB)[bg1];\
[1:v]format=yuva420p,split=3[lo1][lo2][lo3];\
[lo1]loop=loop=299:size=1:start=0,setpts=N/(30*TB),fade=t=in:st=0:d=0.5:alpha=1[lg1];\
[lo2]loop=loop=329:size=1:start=0,setpts=N/(30*TB)[lg2];\
[lo3]loop=loop=329:size=1:start=0,setpts=N/(30*TB)[lg3];\
[2:v]format=yuva420p,loop=loop=299:size=1:start=0,setpts=N/(30*TB),fade=t=in:st=0:d=1:alpha=1[t1];\
[3:v]format=yuva420p,loop=loop=299:size=1:start=0,setpts=N/(30*TB)[t2];\
[4:v]format=yuva420p,loop=loop=329:size=1:start=0,setpts=N/(30*TB)[t3];\
[5:v]format=yuva420p,loop=loop=329:size=1:start=0,setpts=N/(30*TB)[t4];\
[6:v]format=yuva420p,loop=loop=329:size=1:start=0,setpts=N/(30*TB)[t5];\
[7:v]format=yuva420p,loop=loop=329:size=1:start=0,setpts=N/(30*TB),fade=t=out:st=10:d=1:alpha=1[t6];\
[bg1][lg1]overlay=x=100:y=100:format=yuv420[a1];[a1][t1]overlay=x=0:y=780:format=yuv420[a2];[a2][t2]overlay=x=0:y=930:format=yuv420[s1];\
color=c=0x006400:s=1920x1080:r=30,format=yuv420p,trim=end_frame=330[bg2];\
[bg2][lg2]overlay=x='100+108*t':y=200:format=yuv420[b1];[b1][t3]overlay=x=0:y=780:format=yuv420[b2];[b2][t4]overlay=x=0:y=930:format=yuv420[s2];\
color=c=0x800000:s=1920x1080:r=30,format=yuv420p,trim=end_frame=330[bg3];\
[bg3][lg3]overlay=x=640:y=200:format=yuv420[c1];[c1][t5]overlay=x=0:y=780:format=yuv420[c2];[c2][t6]overlay=x=0:y=930:format=yuv420[s3];\
[s1]split[s1a][s1b];[s1a]trim=end_frame=270[p1];[s1b]trim=start_frame=270,setpts=PTS-STARTPTS[x1a];\
[s2]split=3[s2a][s2b][s2c];[s2a]trim=end_frame=30[x1b];[s2b]trim=start_frame=30:end_frame=300,setpts=PTS-STARTPTS[p2];\
[s2c]trim=start_frame=300,setpts=PTS-STARTPTS[x2a];\
[s3]split[s3a][s3b];[s3a]trim=end_frame=30[x2b];[s3b]trim=start_frame=30,setpts=PTS-STARTPTS[p3];\
[x1a][x1b]xfade=transition=fade:duration=1:offset=0,format=yuv420p[x1];\
[x2a][x2b]xfade=transition=wipeleft:duration=1:offset=0,format=yuv420p[x2];\
[p1][x1][p2][x2][p3]concat=n=5:v=1:a=0,settb=1/30,setpts=N/(30*TB)[v];\
[8:a]aresample=48000,atrim=end_sample=1440000,afade=t=out:st=28:d=2[a]" \
  -map "[v]" -map "[a]" -c:a aac -b:a 160k -ar 48000 -ac 2 \
  -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -profile:v high -r 30 -movflags +faststart -f mp4 "$out"
