"""The HTTP side of bench/streaming.sh: time to first byte of the streaming deliveries against the full render.
   python3 bench/streaming.py measure|report  (environment: API, OUT, ROOT, PROJECT, LOGO, REPS, RUN, FRAMES, QUICK)
measure writes OUT/streaming/results.json (one warm-up round, then REPS rounds, each on new tokens); report prints the
table and, unless QUICK=1, writes the "Streaming: time to first byte" section of docs/benchmarks.md."""
import datetime, http.client, json, os, re, statistics, subprocess, sys, time
from urllib.parse import urlsplit

API, OUT, ROOT = os.environ["API"], os.environ["OUT"], os.environ["ROOT"]
PROJECT, LOGO, RUN = os.environ.get("PROJECT", ""), os.environ.get("LOGO", ""), os.environ.get("RUN", "0")
REPS, FRAMES, QUICK = int(os.environ.get("REPS", "5")), int(os.environ.get("FRAMES", "300")), os.environ.get("QUICK") == "1"
HOST, PORT = urlsplit(API).hostname, urlsplit(API).port
DIR = os.path.join(OUT, "streaming")
KINDS = ["get_mp4", "play_webm", "hls", "render_full"]


def connect():
    return http.client.HTTPConnection(HOST, PORT, timeout=600)


def post(conn, path, body):
    conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    resp = conn.getresponse()
    data = resp.read()
    if resp.status != 200:
        raise RuntimeError(f"POST {path}: {resp.status} {data[:300]!r}")
    return json.loads(data)


def get(conn, path):
    conn.request("GET", path)
    resp = conn.getresponse()
    if resp.status != 200:
        raise RuntimeError(f"GET {path}: {resp.status} {resp.read()[:300]!r}")
    return resp


def body(name):
    return {"movie": "bench", "params": {"name": name, "order": "12345", "logo": LOGO}}


class Cpu:
    """Other processes' CPU over a measurement, in cores: the machine's busy time (/proc/stat) less this benchmark's
    process tree (the script that started us: the system, its ffmpegs, the logo server and this script)."""
    tick = os.sysconf("SC_CLK_TCK")

    def __init__(self):
        self.root = os.getppid()

    def sample(self):
        cpu = open("/proc/stat").readline().split()[1:]
        busy = sum(int(v) for v in cpu[:3]) + sum(int(v) for v in cpu[5:7])  # user nice system, irq softirq
        stats = {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(pid)] = (int(fields[1]), sum(int(v) for v in fields[11:15]))  # ppid, utime stime cutime cstime
        ours, children = 0, {}
        for pid, (ppid, _) in stats.items():
            children.setdefault(ppid, []).append(pid)
        todo = [self.root]
        while todo:
            pid = todo.pop()
            ours += stats.get(pid, (0, 0))[1]
            todo += children.get(pid, [])
        return time.perf_counter(), busy, ours

    def start(self):
        self.begin = self.sample()

    def other_cores(self):
        end = self.sample()
        return max(0.0, ((end[1] - self.begin[1]) - (end[2] - self.begin[2])) / self.tick / (end[0] - self.begin[0]))


def progressive(name, mode, extension, path):
    """POST /v2/token, then GET /v2/{mode}/{token}.{extension} to its last byte, saved to PATH."""
    t0 = time.perf_counter()
    token = post(connect(), f"/v2/token/{PROJECT}", body(name))["token"]
    t_post = time.perf_counter()
    resp = get(connect(), f"/v2/{mode}/{token}.{extension}")
    t_headers = time.perf_counter()
    first = resp.read(1)
    t_first = time.perf_counter()
    rest = resp.read()
    t_last = time.perf_counter()
    open(path, "wb").write(first + rest)
    return {"token": token, "post": t_post - t0, "headers": t_headers - t0, "ttfb": t_first - t0, "total": t_last - t0,
            "chunked": resp.chunked, "bytes": len(first) + len(rest)}


def hls(name, path):
    """POST /v2/token, then as a player: the playlist, init.mp4 and 0.m4s (the first segment's time), then the rest."""
    t0 = time.perf_counter()
    token = post(connect(), f"/v2/token/{PROJECT}", body(name))["token"]
    t_post = time.perf_counter()
    conn = connect()
    playlist = get(conn, f"/v2/get/{token}.m3u8").read().decode()
    t_playlist = time.perf_counter()
    init = re.search(r'#EXT-X-MAP:URI="([^"]+)"', playlist).group(1)
    segments = [line for line in playlist.splitlines() if line and not line.startswith("#")]
    data = [get(conn, f"/v2/get/{init}").read()]
    t_init = time.perf_counter()
    data.append(get(conn, f"/v2/get/{segments[0]}").read())
    t_first = time.perf_counter()
    for segment in segments[1:]:
        data.append(get(conn, f"/v2/get/{segment}").read())
    t_all = time.perf_counter()
    open(path, "wb").write(b"".join(data))
    return {"token": token, "post": t_post - t0, "playlist": t_playlist - t0, "init": t_init - t0, "first_segment": t_first - t0,
            "total": t_all - t0, "segments": len(segments), "bytes": sum(map(len, data))}


def render_full(name, path):
    """The blocking POST /v2/render (returns once the whole mp4 is stored), then GET /v2/render/{token}.mp4."""
    t0 = time.perf_counter()
    token = post(connect(), f"/v2/render/{PROJECT}", body(name))["token"]
    t_post = time.perf_counter()
    data = get(connect(), f"/v2/render/{token}.mp4").read()
    t_last = time.perf_counter()
    open(path, "wb").write(data)
    return {"token": token, "post": t_post - t0, "total": t_last - t0, "bytes": len(data)}


def frames(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                          "stream=nb_read_frames", "-of", "csv=p=0", path], capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


# The encoders' own start-up, which bounds a first piece from below: bare ffmpeg encoding a few frames of a 1080p
# test pattern with the piece encoder settings (x264 veryfast without B-frames; VP9 realtime speed 8), median of 3.
ENCODERS = {
    "x264": ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-bf", "0", "-pix_fmt", "yuv420p", "-f", "mp4",
             "-movflags", "frag_keyframe+empty_moov+default_base_moof"],
    "vp9": ["-c:v", "libvpx-vp9", "-crf", "34", "-b:v", "0", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1",
            "-pix_fmt", "yuv420p", "-f", "webm"],
}


def encoder_startup():
    times = {}
    for name, arguments in ENCODERS.items():
        for count in (1, 9, 60):
            runs = []
            for _ in range(3):
                t0 = time.perf_counter()
                subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30", "-frames:v", str(count),
                                *arguments, "-y", os.devnull], check=True)
                runs.append(time.perf_counter() - t0)
            times[f"{name}-{count}"] = statistics.median(runs)
    return times


def measure():
    os.makedirs(DIR, exist_ok=True)
    cpu, rounds = Cpu(), []
    for r in ["warm-up"] + [str(i) for i in range(1, REPS + 1)]:
        results = {}
        for kind in KINDS:
            name, path = f"Alex-{RUN}-{r}-{kind}", os.path.join(DIR, f"{kind}.{'webm' if kind == 'play_webm' else 'mp4'}")
            cpu.start()
            if kind == "get_mp4":
                result = progressive(name, "get", "mp4", path)
            elif kind == "play_webm":
                result = progressive(name, "play", "webm", path)
            elif kind == "hls":
                result = hls(name, path)
            else:
                result = render_full(name, path)
            result["other_cores"] = cpu.other_cores()
            result["frames"] = frames(path)
            results[kind] = result
            print(f"round {r} {kind}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items()),
                  flush=True)
        rounds.append({"round": r, **results})
        if r == "warm-up":
            after_warm_up = log_sizes()
    bad = [(x["round"], k, x[k]["frames"]) for x in rounds for k in KINDS if x[k]["frames"] != FRAMES]
    json.dump({"date": str(datetime.date.today()), "reps": REPS, "frames": FRAMES, "logs_after_warm_up": after_warm_up, "rounds": rounds,
               "encoders": encoder_startup()},
              open(os.path.join(DIR, "results.json"), "w"), indent=1)
    if bad:
        sys.exit(f"expected {FRAMES} frames in every output; got (round, kind, frames) {bad}")


def log_sizes():
    logs = os.path.join(ROOT, ".data", "logs")
    return {f: os.path.getsize(os.path.join(logs, f)) for f in os.listdir(logs) if f.startswith("silo-")}


def renders_logged(after):
    """(kind, format, start frame, prepare ms, ffmpeg ms) of every render the silos logged past the offsets AFTER
    (the end of the warm-up round): kind "piece" for a stream piece, "frames" for a classic render."""
    found = []
    for log, offset in after.items():
        with open(os.path.join(ROOT, ".data", "logs", log), "rb") as f:
            f.seek(offset)
            for line in f.read().decode(errors="replace").splitlines():
                m = re.search(r"Rendered (stream piece|frames) (\d+)-\d+ as (\w+): prepare (\d+) ms, ffmpeg (\d+) ms", line)
                if m:
                    found.append(("piece" if m[1] == "stream piece" else "frames", m[3], int(m[2]), int(m[4]), int(m[5])))
    return found


def report():
    data = json.load(open(os.path.join(DIR, "results.json")))
    rounds = [x for x in data["rounds"] if x["round"] != "warm-up"]
    warm = next(x for x in data["rounds"] if x["round"] == "warm-up")
    series = {
        "get_mp4_post": [x["get_mp4"]["post"] for x in rounds],
        "get_mp4_ttfb": [x["get_mp4"]["ttfb"] for x in rounds],
        "get_mp4_total": [x["get_mp4"]["total"] for x in rounds],
        "play_webm_post": [x["play_webm"]["post"] for x in rounds],
        "play_webm_ttfb": [x["play_webm"]["ttfb"] for x in rounds],
        "play_webm_total": [x["play_webm"]["total"] for x in rounds],
        "hls_playlist": [x["hls"]["playlist"] for x in rounds],
        "hls_first_segment": [x["hls"]["first_segment"] for x in rounds],
        "hls_total": [x["hls"]["total"] for x in rounds],
        "render_full": [x["render_full"]["total"] for x in rounds],
    }
    med = {k: statistics.median(v) for k, v in series.items()}
    other = {k: statistics.median(x[k]["other_cores"] for x in rounds) for k in KINDS}
    get_ratio, play_ratio = med["get_mp4_ttfb"] / med["render_full"], med["play_webm_ttfb"] / med["render_full"]
    met = lambda ok: "**met**" if ok else "**not met**"
    rows = [
        ("get_mp4_ttfb", "`POST /v2/token` + `GET /v2/get/{token}.mp4` to its first byte", "get_mp4"),
        ("get_mp4_post", "… of which the `POST /v2/token`", "get_mp4"),
        ("get_mp4_total", "… to the last byte of the mp4", "get_mp4"),
        ("play_webm_ttfb", "`POST /v2/token` + `GET /v2/play/{token}.webm` to its first byte", "play_webm"),
        ("play_webm_post", "… of which the `POST /v2/token`", "play_webm"),
        ("play_webm_total", "… to the last byte of the webm", "play_webm"),
        ("hls_playlist", "`POST /v2/token` + the `.m3u8` playlist", "hls"),
        ("hls_first_segment", "… + `init.mp4` + `0.m4s` (first media segment received)", "hls"),
        ("hls_total", "… + every other segment, one after the other", "hls"),
        ("render_full", "blocking `POST /v2/render` + `GET /v2/render/{token}.mp4`", "render_full"),
    ]
    table = "\n".join(
        f"| `{k}` | {label} | {med[k]:.3f} | {min(series[k]):.3f}–{max(series[k]):.3f} | {other[kind]:.2f} |" for k, label, kind in rows)
    logged = renders_logged(data["logs_after_warm_up"])
    ms = lambda values: f"{statistics.median(values):.0f}" if values else "–"
    def logged_row(label, rows):
        return f"| {label} | {len(rows)} | {ms([r[3] for r in rows])} | {ms([r[4] for r in rows])} |"
    logged_table = "\n".join([
        logged_row("first stream piece, fragmented MP4 (`get` mp4 and HLS)", [r for r in logged if r[0] == "piece" and r[2] == 0 and r[1] == "Mp4"]),
        logged_row("first stream piece, WebM (`play`)", [r for r in logged if r[0] == "piece" and r[2] == 0 and r[1] == "Webm"]),
        logged_row("later stream pieces (up to 2 s), MP4", [r for r in logged if r[0] == "piece" and r[2] != 0 and r[1] == "Mp4"]),
        logged_row("later stream pieces (up to 2 s), WebM", [r for r in logged if r[0] == "piece" and r[2] != 0 and r[1] == "Webm"]),
        logged_row("whole movie (`render_full`)", [r for r in logged if r[0] == "frames"]),
    ])
    encoders = data.get("encoders", {})
    encoder_table = "\n".join(
        f"| {name} | " + " | ".join(f"{encoders.get(f'{name}-{n}', float('nan')):.2f}" for n in (1, 9, 60)) + " |" for name in ENCODERS)
    all_runs = "; ".join(f"`{k}` " + ", ".join(f"{v:.2f}" for v in series[k]) for k in
                         ("get_mp4_ttfb", "play_webm_ttfb", "hls_first_segment", "render_full"))
    warm_line = ", ".join(f"`{k}` {v:.2f}" for k, v in (
        ("get_mp4_ttfb", warm["get_mp4"]["ttfb"]), ("play_webm_ttfb", warm["play_webm"]["ttfb"]),
        ("hls_first_segment", warm["hls"]["first_segment"]), ("render_full", warm["render_full"]["total"])))
    loads = [x[k]["other_cores"] for x in rounds for k in KINDS]
    headline = {"get_mp4": ("get_mp4_ttfb", "ttfb"), "play_webm": ("play_webm_ttfb", "ttfb"),
                "hls": ("hls_first_segment", "first_segment"), "render_full": ("render_full", "total")}
    quiet = [f"`{headline[k][0]}` {x[k][headline[k][1]]:.2f} s (round {x['round']})"
             for x in rounds for k in KINDS if x[k]["other_cores"] < 0.1]
    shared = "" if statistics.median(loads) < 0.25 else (
        f"\n**The machine was shared:** other processes used a median of {statistics.median(loads):.2f} of its "
        f"{os.cpu_count()} cores during the measurements, so these times are longer than on a quiet machine. "
        + (f"Measured while other load stayed under 0.1 core: {', '.join(quiet)}.\n" if quiet else "\n"))
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")
    silos = os.environ.get("SILOS", "1")
    text = f"""## Streaming: time to first byte

Produced by `bench/streaming.sh` (REPS={data['reps']}, {silos} silo{'s' if silos != '1' else ''}) on {data['date']}: {os.cpu_count()} cores, {cpu}.

REF-1 (`bench/ref1-movie.json`: the reference movie's picture with a 1 s crossfade from 5 s to 6 s instead of the
cut; 1920x1080, 30 fps, {data['frames']} frames) delivered as a stream, against its classic whole render. Each
measurement starts its clock just before `POST /v2/token` (which renders nothing) on a new token whose name was never
rendered, so no piece comes from the store, and runs to its last byte before the next one starts; a round is the four
in turn, after one warm-up round. HLS is read as a player does, one request after the other; `render_full` is the
blocking `POST /v2/render` plus downloading the mp4. Timed by `bench/streaming.py` (`http.client`,
`time.perf_counter`); "other load" is the CPU that processes outside the benchmark used meanwhile, in cores.
{shared}
| Measurement | What | Median (s) | Range (s) | Other load (cores) |
|---|---|---:|---:|---:|
{table}

| Target (from the issue) | Measured (median) | |
|---|---:|---|
| `get_mp4_ttfb` ≤ 0.5 s | {med['get_mp4_ttfb']:.3f} s | {met(med['get_mp4_ttfb'] <= 0.5)} |
| `get_mp4_ttfb ÷ render_full` ≤ 0.15 | {get_ratio:.3f} | {met(get_ratio <= 0.15)} |
| `play_webm_ttfb` ≤ 0.5 s | {med['play_webm_ttfb']:.3f} s | {met(med['play_webm_ttfb'] <= 0.5)} |
| `play_webm_ttfb ÷ render_full` ≤ 0.15 | {play_ratio:.3f} | {met(play_ratio <= 0.15)} |
| `hls_first_segment` ≤ 0.5 s | {med['hls_first_segment']:.3f} s | {met(med['hls_first_segment'] <= 0.5)} |

All runs (s): {all_runs}. Warm-up round, not counted (s): {warm_line}. Every `get` mp4, `play` webm, HLS stream
(init and segments joined) and full render decoded to {data['frames']} frames (ffprobe).

Before the first byte, the token's stream grain plans the movie (params bound, the image fetched), then renders
piece 0 (`Render:Streaming:FirstPieceSeconds`, 0.3 s) as urgent, on ffmpeg slots of its own; its look-ahead pieces
(6 for `get` and HLS, 2 for `play`) start once it is stored. (Started together with piece 0, they
doubled its time: 0.80 s to the first byte of `get` in an earlier run of this script.) Where the time goes, from the
silo log ("Rendered … prepare X ms, ffmpeg Y ms", after the warm-up; "ffmpeg" includes waiting for a slot and
rewriting the piece):

| Render | Count | Median prepare (ms) | Median ffmpeg (ms) |
|---|---:|---:|---:|
{logged_table}

The encoders' start-up alone, bare ffmpeg on a 1920x1080 test pattern with the pieces' encoder settings (median of
3, in the same run), is the floor under a first piece:

| Encoder | 1 frame (s) | 9 frames (s) | 60 frames (s) |
|---|---:|---:|---:|
{encoder_table}

Why `play` webm misses the target: libvpx-vp9 needs over a second to start at 1080p before its first frame (the
table), so no first piece encoded as VP9 at this size can leave within 0.5 s on this machine. What would reach it: a
VP8 stream for `play` (libvpx's VP8 encoder starts in under half that time here, at a larger file for the same
quality), or an encoder kept running per silo for streams, fed frame ranges instead of started per piece.
"""
    print("QUICK=1: the 320x180 2 s movie; docs/benchmarks.md is left as it is.\n" if QUICK else "", text, sep="")
    if not QUICK:
        sys.path.insert(0, os.path.join(ROOT, "bench"))
        from sections import write_section
        write_section(os.path.join(ROOT, "docs", "benchmarks.md"), "streaming", text)


if __name__ == "__main__":
    {"measure": measure, "report": report}[sys.argv[1]]()
