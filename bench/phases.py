"""Reads the phase lines the API and the silos log once per part of a render ("Phases of TOKEN PART: name@unixms+ms …
key=value …", src/Conventions/Diagnostics/PhaseTimeline.cs) and lays a render's critical path end to end, from the
moment the client sent the request to the end of its GET of the output:

    request   client → API, body, the project's movies, the token
    plan      API → job call, parse/probe/bind and the unit plan, the reuse check, the first record
    queue     the pool's admission and the "rendering" record
    dispatch  job → unit grain, its attempt record, unit → segment renderer (the segment that finished last)
    prepare   the segment's bind, images and text, waiting for an ffmpeg slot
    startup   ffmpeg start to its first counted frame (inputs, filter graph, the encoder's look-ahead)
    encode    first counted frame to ffmpeg's exit
    store     the segment stored, its unit's record and index, the answer back to the job
    join      the join unit end to end (p > 1): download, stream copy, store, records
    finish    the output's record, giving the queue slot back, the answer reaching the API
    get       the client's GET of the output
    other     what no phase covers: the answer reaching the client, the client's own processes between requests
"""
import re
import statistics

LINE = re.compile(r"Phases of (\S+) (\S+): (.*)")
PHASE = re.compile(r"(\w+)@(\d+)\+(\d+)")
NOTE = re.compile(r"(\w+)=(\d+)$")
GROUPS = ["request", "plan", "queue", "dispatch", "prepare", "startup", "encode", "store", "join", "finish", "get", "other"]


class Part:
    def __init__(self, text):
        self.phases, self.notes = {}, {}
        for item in text.split():
            if m := PHASE.fullmatch(item):
                self.phases[m[1]] = (int(m[2]), int(m[3]))
            elif m := NOTE.fullmatch(item):
                self.notes[m[1]] = int(m[2])

    def start(self):
        return min(s for s, _ in self.phases.values())

    def end(self):
        return max(s + ms for s, ms in self.phases.values())

    def ms(self, *names):
        return sum(self.phases[n][1] for n in names if n in self.phases)


def read(path):
    """TOKEN -> PART -> Part; a part logged twice (a retried attempt) keeps its last line."""
    parts = {}
    for line in open(path):
        if m := LINE.search(line):
            parts.setdefault(m[1], {})[m[2]] = Part(m[3])
    return parts


def critical_path(parts, sent_ms, get_s):
    """The render's groups in ms (see the module's text), or None when a part is missing."""
    api, job = parts.get("api-render"), next((p for k, p in parts.items() if k.startswith("job-")), None)
    if api is None or job is None or "units" not in job.phases:
        return None
    units = [(k, p) for k, p in parts.items() if k.startswith("unit-frames-") or k.startswith("unit-sound-")]
    if not units:
        return None
    key, unit = max(units, key=lambda kp: kp[1].end())
    seg = parts.get(key[len("unit-"):])
    if seg is None:
        return None
    g = dict.fromkeys(GROUPS, 0.0)
    g["request"] = api.phases["render"][0] - sent_ms
    g["plan"] = job.phases["plan"][0] - api.phases["render"][0] + job.ms("plan", "reuse", "record")
    g["queue"] = job.ms("queue", "rendering")
    units_start = job.phases["units"][0]
    g["dispatch"] = seg.start() - units_start
    g["prepare"] = seg.ms("bind", "prepare", "slot")
    g["startup"] = seg.ms("start", "run")
    g["encode"] = seg.ms("encode")
    units_end = units_start + job.phases["units"][1]
    g["store"] = units_end - (seg.start() + seg.ms("bind", "prepare", "slot", "start", "run", "encode"))
    g["join"] = job.ms("join")
    answered = api.phases["render"][0] + api.phases["render"][1]
    g["finish"] = answered - (job.phases["join"][0] + job.phases["join"][1] if "join" in job.phases else units_end)
    g["get"] = get_s * 1000
    g["other"] = 0.0
    return g, seg, parts.get("join-0")


def per_frame(seg):
    """ms per frame of one segment's encoding, after the frames its first report counted."""
    frames = seg.notes.get("frames", 0) - seg.notes.get("first", 0)
    return seg.ms("encode") / frames if frames > 0 and "encode" in seg.phases else None


def medians(rows):
    return {g: statistics.median(r[g] for r in rows) for g in GROUPS} if rows else {}
