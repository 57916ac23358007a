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
        path = phases.critical_path(parts.get(token, {}), int(sent), float(post), float(get))
        if path is None:
            continue
        groups, seg, _ = path
        groups["other"] = times[label][i] * 1000 - sum(groups.values())
        seconds, parallel = (int(x) for x in label.split("-"))
        rows.append((seconds, parallel, groups))
        segments += [(parallel, f) for k, p in parts[token].items() if k.startswith("frames-") and (f := phases.per_frame(p))]
    return rows, segments


def phase_model(rows, segments):
    """fixed (s), per frame (s) on one core, assembly (s per output second) and the pieces they are made of."""
    split = [g for s, p, g in rows if p > 1]
    one = [f for p, f in segments if p == 1] or [f for _, f in segments]
    per_frame = statistics.median(one) / 1000
    join_a, join_b = line([(s, g["join"] / 1000) for s, p, g in rows if p > 1])
    get_a, get_b = line([(s, g["get"] / 1000) for s, p, g in rows])
    fixed_parts = {k: statistics.median(g[k] for g in split) / 1000 for k in phases.GROUPS if k not in ("encode", "join", "get", "other")}
    fixed_parts["join (its fixed part)"], fixed_parts["get (its fixed part)"] = join_a, get_a
    return sum(fixed_parts.values()), per_frame, join_b + get_b, fixed_parts, (join_b, get_b)


def main():
    out, doc, reps, load, silos_used = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    cores = os.cpu_count()
    times = read_times(out)
    runs = [(int(k.split("-")[0]), int(k.split("-")[1]), t) for k, ts in times.items() for t in ts]
    fixed, per_frame, assembly = solve([features(s, p, cores) for s, p, _ in runs], [t for _, _, t in runs])
    residuals = [t - sum(c * x for c, x in zip((fixed, per_frame, assembly), features(s, p, cores))) for s, p, t in runs]
    rms = (sum(r * r for r in residuals) / len(residuals)) ** 0.5

    labels = {e.split()[1]: e.split()[0] for e in open(os.path.join(out, "scaling-tokens.tsv"))}
    joins = [(int(labels[t].split("-")[0]), float(ms) / 1000)
             for t, ms in (l.split() for l in open(os.path.join(out, "scaling-assembly.tsv"))) if t in labels]
    logged = statistics.median(j / s for s, j in joins) if joins else float("nan")

    def project(silos):
        frames = MOVIE_SECONDS * FPS / silos
        terms = {"fixed": fixed, "frames": per_frame * frames, "assembly": assembly * MOVIE_SECONDS}
        return sum(terms.values()), terms

    lines = []
    for seconds in sorted({s for s, _, _ in runs}):
        cells = []
        for parallel in (1, 2, 3):
            ts = times.get(f"{seconds}-{parallel}", [])
            model = sum(c * x for c, x in zip((fixed, per_frame, assembly), features(seconds, parallel, cores)))
            cells.append(f"{statistics.median(ts):.2f} ({model:.2f})" if ts else "–")
        lines.append(f"| {seconds} s, {seconds * FPS} frames | " + " | ".join(cells) + " |")
    projections = []
    for silos in (20, 100):
        total, terms = project(silos)
        top = max(terms, key=terms.get)
        projections.append((silos, total, terms, top))
    proj_rows = "\n".join(
        f"| {n} | {t['fixed']:.2f} | {t['frames']:.2f} | {t['assembly']:.2f} | **{total:.2f}** | {top} |" for n, total, t, top in projections)
    (n20, t20, terms20, top20), (n100, t100, terms100, top100) = projections
    all_runs = "; ".join(f"{k}: {', '.join(f'{x:.2f}' for x in v)}" for k, v in times.items())
    text = f"""## Scaling model (`bench/scaling.sh`, `bench/scaling.py`)

Produced by `bench/scaling.sh` (REPS={reps}) on {datetime.date.today()}: {cores} cores, {cpu_model()}. Load average at the
end: {load} (the benchmark's own silos, API, Azurite and ffmpeg count in it).
{os.environ.get("SCALING_NOTE", "")}

Movies of {", ".join(f"{s} s" for s in sorted({s for s, _, _ in runs}))} at 1920x1080, 30 fps (`bench/movie.py`: the reference movie's scenes repeated; the cuts fall
on scene boundaries) rendered end to end through the API (`POST /v2/render` then `GET` the mp4) on {silos_used} silos with one
thread per ffmpeg (`Render:Engine:Encoder:Threads` = 1) and the dashboard off, at parallel 1, 2 and 3, interleaved,
new params every render so nothing is reused. The model (`bench/scaling.py`), fitted by least squares to all
{len(runs)} renders:

    T = fixed + per_frame × F / min(p, cores) + assembly × L × [p > 1]

with F frames, L output seconds, p segments. One thread per ffmpeg makes a segment a one-core job, which is what a
one-core silo runs. **This machine has 2 cores, so parallel 3 oversubscribes it**: three one-thread encodes share two
cores and finish together after F / 2 frames' time, not F / 3; the model divides by min(p, cores) for that reason,
and the parallel 3 renders then measure only what a third segment adds (its fixed work and a longer join), not speed.
Measured median wall times in seconds, the model's value in brackets:

| movie | parallel 1 | parallel 2 | parallel 3 |
|---|---:|---:|---:|
{chr(10).join(lines)}

Fitted: **fixed {fixed:.2f} s**, **per frame {per_frame * 1000:.1f} ms** on one core ({1 / per_frame:.1f} frames/s),
**assembly {assembly:.3f} s per output second** (the silos' own log of each join, downloading the stored segments and
the stream copy, gives a median of {logged:.3f} s per output second); residual RMS {rms:.2f} s.

Projection, a 60 s 1080p movie (1800 frames) cut into one segment per one-core silo:

| silos | fixed (s) | frames: 1800 / N × per frame (s) | assembly: 60 × per second (s) | total (s) | largest term |
|---:|---:|---:|---:|---:|---|
{proj_rows}

Goal ≤ 5 s on 20 silos: projected **{t20:.1f} s** ({"met" if t20 <= 5 else "not met"}); Remotion Lambda publishes
15–19 s per minute of video. At 20 silos the largest term is **{top20}**; at 100 it is **{top100}**: the frames term
shrinks as 1/N, while the fixed cost and the assembly (which grows with the output, not with N) do not, so past a few
dozen silos more silos buy almost nothing and the join and the per-render fixed work are what to make cheaper. What
the model leaves out: the fixed cost was measured with at most 3 segments, and dispatching, storing and downloading
100 segments adds grain calls and media-store round trips that grow with N; short segments also spend more bits per
second at each keyframe. The projection is a lower bound for the fixed part at large N.

All runs (s): {all_runs}.
"""
    write_section(doc, "scaling", text)
    print(text)


if __name__ == "__main__":
    main()
