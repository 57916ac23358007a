"""Fits the scaling model to bench/scaling.sh's renders and writes the "scaling" section of docs/benchmarks.md.

Model of one render's wall time, for a movie of L seconds (F = 30 L frames) cut into p segments:

    T = fixed + per_frame * F / min(p, cores) + assembly * L * [p > 1]

fixed: the request, grain calls, state writes, preparing images and text, starting ffmpeg; per_frame: one core's time
to compose and encode a frame with one thread; assembly: joining the stored segments by stream copy, per output
second. With one thread per ffmpeg a segment uses one core, so p segments take F / p frames' time each, as long as
there is a core per segment: this machine has `cores` of them, so at p = 3 the three segments share two cores and
the frames' time is F / 2. That is how parallel 3 enters the fit: it measures no more speed-up, only the extra
segment's fixed work and its join.

The fit is the cross-check. The projection comes from measured phases (bench/phases.py): each render's critical path
in groups, the per-frame cost from the encoders' own timing, the join's and the GET's cost per output second from
their lengths against the movie's length, everything else as its median over the renders with more than one segment.
usage: scaling.py OUT DOC REPS LOAD SILOS
"""
import datetime
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sections import write_section, read_times, cpu_model  # noqa: E402
import phases  # noqa: E402

FPS = 30
MOVIE_SECONDS = 60


def solve(rows, targets):
    """Least squares by the normal equations (3 unknowns), Gaussian elimination with partial pivoting."""
    n = len(rows[0])
    a = [[sum(r[i] * r[j] for r in rows) for j in range(n)] + [sum(r[i] * t for r, t in zip(rows, targets))] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] for i in range(n)]


def features(seconds, parallel, cores):
    return [1.0, seconds * FPS / min(parallel, cores), seconds if parallel > 1 else 0.0]


def line(points):
    """Least-squares a + b x through (x, y) points; (median y, 0) when x does not vary."""
    xs = [x for x, _ in points]
    if len(set(xs)) < 2:
        return (statistics.median(y for _, y in points) if points else 0.0), 0.0
    a, b = solve([[1.0, x] for x in xs], [y for _, y in points])
    return a, b


def measured(out, times):
    """Each render's critical-path groups (ms) with its length and parallel, from the phase lines."""
    parts = phases.read(os.path.join(out, "scaling-phases.txt"))
    seen, rows, segments = {}, [], []
    for entry in open(os.path.join(out, "scaling-tokens.tsv")):
        label, token, sent, post, get = entry.split()
        i = seen[label] = seen.get(label, -1) + 1
        path = phases.critical_path(parts.get(token, {}), int(sent), float(get))
        if path is None:
            continue
        groups, seg, join = path
        groups["other"] = times[label][i] * 1000 - sum(groups.values())
        seconds, parallel = (int(x) for x in label.split("-"))
        # The join's work that grows with the output: fetching the segments, copying the packets, storing the file.
        groups["join, moving bytes"] = join.ms("download", "encode", "store") if join and parallel > 1 else 0.0
        rows.append((seconds, parallel, groups, seg.notes.get("frames", seconds * FPS)))
        segments += [(parallel, f) for k, p in parts[token].items() if k.startswith("frames-") and (f := phases.per_frame(p))]
    return rows, segments


def join_per_segment(out):
    """Seconds the join adds per segment (bench/join.sh's B rows: 20 and 100 segments of one minute), or None."""
    raw = os.path.join(out, "join", "raw.tsv")
    if not os.path.exists(raw):
        return None
    walls = {}
    for entry in open(raw):
        label, wall, _ = entry.rstrip("\n").split("\t")
        walls.setdefault(label, []).append(float(wall))
    if "b-20" not in walls or "b-100" not in walls:
        return None
    return max(0.0, (statistics.median(walls["b-100"]) - statistics.median(walls["b-20"])) / 80)


def phase_model(rows, segments, rate):
    """The terms from measured phases: fixed (s) and its parts, per frame (s, one core, `rate` of the segments'
    encoding rates), assembly (s per output second: the join's and the GET's slopes against the movie's length)."""
    split = [g for _, p, g, _ in rows if p > 1]
    one = [f for p, f in segments if p == 1] or [f for _, f in segments]
    per_frame = rate(one) / 1000
    # A segment's graph holds the scenes its frames show, so its preparation and ffmpeg's start-up grow with them.
    setup_a, setup_b = line([(f, (g["prepare"] + g["startup"]) / 1000) for _, _, g, f in rows])
    moving = statistics.median(g["join, moving bytes"] / 1000 / s for s, p, g, _ in rows if p > 1)
    get = statistics.median(g["get"] / 1000 / s for s, _, g, _ in rows)
    parts = {k: statistics.median(g[k] for g in split) / 1000 for k in phases.GROUPS if k not in ("prepare", "startup", "encode", "join", "get", "other")}
    parts["prepare and start-up, fixed part"] = setup_a
    parts["join, all but moving bytes"] = statistics.median(g["join"] - g["join, moving bytes"] for g in split) / 1000
    return sum(parts.values()), per_frame, setup_b, moving + get, parts


def project(fixed, per_frame, assembly, per_segment, silos):
    terms = {"fixed": fixed, "frames": per_frame * MOVIE_SECONDS * FPS / silos, "assembly": assembly * MOVIE_SECONDS,
             "join per segment": (per_segment or 0.0) * silos}
    return sum(terms.values()), terms


def main():
    out, doc, reps, load, silos_used = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    cores = os.cpu_count()
    times = read_times(out)
    runs = [(int(k.split("-")[0]), int(k.split("-")[1]), t) for k, ts in times.items() for t in ts]
    fit = solve([features(s, p, cores) for s, p, _ in runs], [t for _, _, t in runs])
    residuals = [t - sum(c * x for c, x in zip(fit, features(s, p, cores))) for s, p, t in runs]
    rms = (sum(r * r for r in residuals) / len(residuals)) ** 0.5
    rows, segments = measured(out, times)
    per_segment = join_per_segment(out)
    lengths = sorted({s for s, _, _ in runs})
    labels = [(s, p) for s in lengths for p in (1, 2, 3) if any(r[0] == s and r[1] == p for r in rows)]

    header = "| group | " + " | ".join(f"{s} s, p {p}" for s, p in labels) + " |\n|---|" + "---:|" * len(labels)
    table = [header]
    for g in phases.GROUPS[:9] + ["join, moving bytes"] + phases.GROUPS[9:] + ["total"]:
        cells = []
        for s, p in labels:
            values = [sum(r[2][k] for k in phases.GROUPS) if g == "total" else r[2][g] for r in rows if (r[0], r[1]) == (s, p)]
            cells.append(f"{statistics.median(values) / 1000:.2f}")
        table.append(f"| {g} | " + " | ".join(cells) + " |")

    fixed, encode_frame, setup_frame, assembly, parts = phase_model(rows, segments, statistics.median)
    _, best_frame, _, _, _ = phase_model(rows, segments, min)
    per_frame = encode_frame + setup_frame
    projections = []
    for silos in (20, 100):
        total, terms = project(fixed, per_frame, assembly, per_segment, silos)
        best, _ = project(fixed, best_frame + setup_frame, assembly, per_segment, silos)
        projections.append((silos, total, terms, max(terms, key=terms.get), best))
    proj_rows = "\n".join(
        f"| {n} | {t['fixed']:.2f} | {t['frames']:.2f} | {t['assembly']:.2f} | {t['join per segment']:.2f} | **{total:.2f}** | {best:.2f} | {top} |"
        for n, total, t, top, best in projections)
    (_, t20, _, top20, best20), (_, _, _, top100, _) = projections
    fixed_parts = ", ".join(f"{k} {v:.2f}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1]))

    def fitted(silos):
        return fit[0] + fit[1] * MOVIE_SECONDS * FPS / silos + fit[2] * MOVIE_SECONDS

    all_runs = "; ".join(f"{k}: {', '.join(f'{x:.2f}' for x in v)}" for k, v in times.items())
    text = f"""## Scaling model (`bench/scaling.sh`, `bench/scaling.py`)

Produced by `bench/scaling.sh` (REPS={reps}) on {datetime.date.today()}: {cores} cores, {cpu_model()}. Load average at the
end: {load}. {os.environ.get("SCALING_NOTE", "")}

Movies of {", ".join(f"{s} s" for s in lengths)} at 1920x1080, 30 fps (`bench/movie.py`: the reference movie's scenes
repeated; the cuts fall on scene boundaries) rendered end to end through the API (`POST /v2/render` then `GET` the
mp4) on {silos_used} silos with one thread per ffmpeg (`Render:Engine:Encoder:Threads` = 1) and the dashboard off, at
parallel 1, 2 and 3, interleaved, new params every render so nothing is reused.

**Measured, not fitted.** Every part of a render logs its phases once, when it ends (`Conventions/Diagnostics/PhaseTimeline`:
the API's request, the job's output, each unit grain, each attempt on a silo: `Phases of TOKEN PART: name@start+ms`),
and `bench/phases.py` lays them end to end into the render's critical path (the segment that finished last). Median
seconds per group ({len(rows)} renders):

{chr(10).join(table)}

Groups: request (client to API, body, the project's movies, the token), plan (API to job, parse, bind, unit plan,
reuse check, first record), queue (admission, record), dispatch (job to unit grain, its attempt record, to the
segment's silo), prepare (bind, images and text, ffmpeg slot), startup (ffmpeg start to its first frame: inputs, filter
graph, encoder), encode (first frame to exit), store (the segment stored, its unit's record and index, back to the
job), join (p > 1: download, stream copy, store, records; the row below it is the part that moves bytes), finish (the output's record, the queue slot, the answer
reaching the API), get (the client's GET), other (the client's own processes between its requests; not the system's).

Terms from the phases: **per frame {per_frame * 1000:.1f} ms**: encoding {encode_frame * 1000:.1f} ms (the encoders' own
median rate at parallel 1, after the first frame; the least loaded segment ran at {best_frame * 1000:.1f} ms) and
{setup_frame * 1000:.1f} ms of preparation and ffmpeg start-up (their slope against the segment's frames: a segment's
graph holds the scenes it shows); **fixed {fixed:.2f} s** (medians over the renders with
more than one segment: {fixed_parts}), **assembly {assembly:.3f} s per output second** (the median, per output second, of
the join's moving of bytes (download, packet copy after ffmpeg's first frame, store) and of the GET), and the join's cost per segment from `bench/join.sh`
({"%.1f ms" % (per_segment * 1000) if per_segment is not None else "not measured"}: a segment more is a file more for the concat demuxer to open).

Projection, a 60 s 1080p movie (1800 frames) cut into one segment per one-core silo:

| silos | fixed (s) | frames: 1800 / N × per frame (s) | assembly: 60 × per second (s) | join: N × per segment (s) | total (s) | with the least loaded rate (s) | largest term |
|---:|---:|---:|---:|---:|---:|---:|---|
{proj_rows}

Goal ≤ 5 s on 20 silos: projected **{t20:.1f} s** ({"met" if t20 <= 5 else "not met"}; {best20:.1f} s with the least loaded
encoding rate); Remotion Lambda publishes 15–19 s per minute of video. The largest term is **{top20}** at 20 silos and
**{top100}** at 100.

Cross-check, the least-squares fit of `T = fixed + per_frame × F / min(p, cores) + assembly × L × [p > 1]` to all
{len(runs)} wall times: fixed {fit[0]:.2f} s, per frame {fit[1] * 1000:.1f} ms, assembly {fit[2]:.3f} s per output second
(residual RMS {rms:.2f} s), projecting {fitted(20):.1f} s on 20 silos and {fitted(100):.1f} s on 100. On 2 shared cores
the fit cannot tell contention from work: it puts a slow parallel render's lost time into whichever term fits.

All runs (s): {all_runs}.
"""
    write_section(doc, "scaling", text)
    print(text)


if __name__ == "__main__":
    main()
