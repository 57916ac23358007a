"""Prints the reference movie (bench/reference-movie.json: two 5 s scenes, 1920x1080, 30 fps) stretched to SECONDS by
repeating its scenes: `python3 bench/movie.py 60 > movie.json`. SECONDS must be a multiple of 5."""
import json
import os
import sys

seconds = int(sys.argv[1])
if seconds <= 0 or seconds % 5:
    sys.exit("SECONDS must be a positive multiple of 5")
movie = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference-movie.json")))
scenes = movie["scenes"]
movie["scenes"] = [scenes[i % len(scenes)] for i in range(seconds // 5)]
json.dump(movie, sys.stdout, indent=1)
