"""The HTTP side of bench/chaos.sh: bursts of renders, renders with a silo killed or Azurite paused, reuse ratios. Each
part writes OUT/chaos/<part>.json; `report` (bench/chaos_report.py) turns every part's file into the docs section.
   python3 bench/chaos.py burst|kills segment|kills job|pause|reuse|report  (environment: API, OUT, ROOT, PROJECT, RUN, LOGO)"""
import datetime, glob, http.client, json, os, re, signal, socket, subprocess, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

API, OUT, ROOT = os.environ["API"], os.environ["OUT"], os.environ["ROOT"]
PROJECT, RUN, LOGO = os.environ.get("PROJECT", ""), os.environ.get("RUN", "0"), os.environ.get("LOGO", "")
HOST, PORT = urlsplit(API).hostname, urlsplit(API).port
BURST, BLOCKING = int(os.environ.get("BURST", "500")), int(os.environ.get("BLOCKING", "200"))
local = threading.local()


def call(method, path, body=None, timeout=60.0, keep=False):
    """(status, headers, json or None, seconds); status 0 when the connection failed or timed out."""
    start = time.monotonic()
    conn = getattr(local, "conn", None) if keep else None
    try:
        conn = conn or http.client.HTTPConnection(HOST, PORT, timeout=timeout)
        conn.request(method, path, json.dumps(body) if body is not None else None, {"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        local.conn = conn if keep else None
        status, headers = resp.status, dict(resp.getheaders())
        try:
            parsed = json.loads(data) if data and data[:1] in b"{[" else None
        except ValueError:
            parsed = None
    except (OSError, http.client.HTTPException):
        local.conn = None
        status, headers, parsed, data = 0, {}, None, b""
    finally:
        if not keep and conn:
            conn.close()
    return status, headers, parsed, time.monotonic() - start


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))] if v else float("nan")


def progress(token):
    status, _, js, _ = call("GET", f"/v2/progress/{token}", timeout=20, keep=True)
    return status, js or {}


def submit(movie, params, parallel=1):
    status, _, js, secs = call("POST", f"/v2/render/{PROJECT}", {"movie": movie, "async": True, "parallel": parallel, "params": params})
    if status != 202:
        raise SystemExit(f"POST /v2/render answered {status}: {js}")
    return js["token"]


def wait_done(token, limit, until=None):
    """Polls until the render ended (or `until(progress)` is true); (status, progress json, monotonic time)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        _, js = progress(token)
        if js.get("status") in ("done", "failed", "cancelled") or (until and until(js)):
            return js.get("status"), js, time.monotonic()
        time.sleep(0.1)
    return "timeout", {}, time.monotonic()


def wait_all(tokens, limit):
    """Polls every token until each ended; (seconds until the last ended, {final status: count}, polls answered 5xx).
    Tokens whose progress counts a reused unit are counted as "served from the store"."""
    start, pending, final, errors = time.monotonic(), set(tokens), {}, 0
    with ThreadPoolExecutor(16) as pool:
        while pending and time.monotonic() - start < limit:
            batch = list(pending)
            for token, (status, js) in zip(batch, pool.map(progress, batch)):
                errors += status >= 500 or status == 0
                if js.get("status") in ("done", "failed", "cancelled"):
                    final[js["status"]] = final.get(js["status"], 0) + 1
                    final["served from the store"] = final.get("served from the store", 0) + (js.get("reused", 0) > 0)
                    pending.discard(token)
            time.sleep(0.5)
    final["unfinished"] = len(pending)
    return time.monotonic() - start, final, errors


def concurrently(n, fn):
    barrier = threading.Barrier(n)
    def one(i):
        barrier.wait()
        return fn(i)
    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def burst():
    rows = []
    for kind in ("identical", "unique"):
        start, renders = time.monotonic(), renders_logged()
        results = concurrently(BURST, lambda i: call("POST", f"/v2/render/{PROJECT}", {"movie": "tiny", "async": True,
                               "params": {"n": f"{RUN}-{i}" if kind == "unique" else f"{RUN}-same"}}, timeout=120))
        codes = {}
        for status, _, _, _ in results:
            codes[status] = codes.get(status, 0) + 1
        tokens = [js["token"] for status, _, js, _ in results if status == 202]
        done_after, final, poll_errors = wait_all(tokens, 900)
        rows.append({"kind": f"{BURST} async, {kind} params", "codes": codes, "p50": pct([r[3] for r in results], 50),
                     "p99": pct([r[3] for r in results], 99), "all_done": time.monotonic() - start, "final": final,
                     "poll_5xx": poll_errors, "polled": done_after, "ffmpeg_runs": [b - a for a, b in zip(renders, renders_logged())]})
    results = concurrently(BLOCKING, lambda i: call("POST", f"/v2/render/{PROJECT}", {"movie": "tiny", "params": {"n": f"{RUN}-b{i}"}}, timeout=120))
    codes = {}
    for status, headers, js, _ in results:
        key = "503+Retry-After" if status == 503 and "Retry-After" in headers else str(status)
        codes[key] = codes.get(key, 0) + 1
    errors = sorted({(js or {}).get("error", "") for status, _, js, _ in results if status != 200})
    rows.append({"kind": f"{BLOCKING} blocking, unique params", "codes": codes, "p50": pct([r[3] for r in results], 50),
                 "p99": pct([r[3] for r in results], 99), "errors": errors})
    # The 503s' renders go on: wait for a render queued after them, so the next part starts on an idle pool.
    wait_done(submit("tiny", {"n": f"{RUN}-drain"}), 900)
    save("burst", rows)


def renders_logged():
    """How many renders (ffmpeg runs) each silo has logged so far, as [silo 0, silo 1, silo 2]."""
    time.sleep(1)
    return [open(os.path.join(ROOT, f".data/logs/silo-{i}.log"), errors="replace").read().count("Rendered frames") for i in range(3)]


def pid_of(name):
    """The pid run.sh last started for NAME (silo-1, azurite), from its log; checked to be a process of this checkout."""
    pids = re.findall(rf"started {re.escape(name)} \(pid (\d+)\)", open(os.path.join(OUT, "run.log")).read())
    pid = int(pids[-1])
    cmd = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")
    assert ("Orleans.Render.Silo" in cmd) != (name == "azurite") and ("azurite" in cmd) == (name == "azurite"), cmd
    assert os.path.realpath(f"/proc/{pid}/cwd").startswith(ROOT), f"pid {pid} is not of this checkout"
    return pid


def wait_silos(old_pid, index, limit=120):
    """Until run.sh started silo INDEX again, its gateway (30300 + INDEX) accepts connections and /health counts exactly
    3 silos twice in a row (a killed silo counts as active until it is declared dead); the seconds it took, or None."""
    start, ok = time.monotonic(), 0
    while time.monotonic() - start < limit:
        _, _, js, _ = call("GET", "/health", timeout=10)
        restarted = old_pid is None or pid_of(f"silo-{index}") != old_pid
        ok = ok + 1 if restarted and gateway_open(index) and js and js.get("silos", {}).get("active") == 3 else 0
        if ok == 2:
            return time.monotonic() - start
        time.sleep(0.5)
    return None


def gateway_open(index):
    try:
        socket.create_connection(("127.0.0.1", 30300 + index), timeout=1).close()
        return True
    except OSError:
        return False


def silos_logging(token, pattern):
    """Indexes of the silos whose log has a line with TOKEN matching PATTERN (e.g. which silo created the job)."""
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, ".data/logs/silo-*.log"))):
        if any(token in line and re.search(pattern, line) for line in open(path, errors="replace")):
            found.append(int(re.search(r"silo-(\d+)", path).group(1)))
    return found


def fetch(token, path):
    subprocess.run(["curl", "-fsS", "-o", path, f"{API}/v2/render/{token}.mp4"], check=True)
    return path


def frame_hashes(path):
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-map", "0:v", "-f", "framemd5", "-"], capture_output=True, text=True).stdout
    return [line.split(",")[-1].strip() for line in out.splitlines() if line and not line.startswith("#")]


def movie_params(tag, tail="See you soon"):
    # The logo URL is part of the content address, the query string not of the image: same pixels, nothing reused.
    return {"name": "Alex", "order": "12345", "tail": tail, "logo": f"{LOGO}?v={RUN}-{tag}"}


def kills(mode, reps):
    """Segment mode kills silo 1 or 2 in turn. Job mode kills the silo whose log says it created the job (the API does
    not tell), or silo 0/1/2 in turn when there is no such line or that silo was killed 5 times already (run.sh stops
    restarting a silo after 5 restarts in 10 minutes)."""
    runs, killed = [], [0, 0, 0]
    for r in range(reps):
        index, point = ([1, 2][r % 2] if mode == "segment" else r % 3), [0.2, 0.5, 0.8][r % 3]
        t = time.monotonic()
        ref = submit("bench", movie_params(f"{mode}{r}-ref"), 3)
        ref_status, _, t_ref = wait_done(ref, 300)
        ref_secs = t_ref - t
        token = submit("bench", movie_params(f"{mode}{r}-kill"), 3)
        t0 = time.monotonic()
        status, js, _ = wait_done(token, 300, until=lambda p: p.get("total") and p.get("done", 0) >= point * p["total"])
        hosts = silos_logging(token, r"Created ") if mode == "job" else []
        if hosts and killed[hosts[0]] < 5:
            index = hosts[0]
        killed[index] += 1
        run = {"run": r + 1, "token": token, "silo": index, "point": point, "ref_secs": ref_secs, "done_at_kill": js.get("done"), "total": js.get("total")}
        pid = pid_of(f"silo-{index}")
        if status == "rendering" or status == "queued":
            os.kill(pid, signal.SIGKILL)
            t_kill = time.monotonic()
            status, js, t_end = wait_done(token, 180)
            run.update(killed=True, kill_to_done=t_end - t_kill, status=status, reused=js.get("reused"))
        else:
            run.update(killed=False, status=status, kill_to_done=None)
            pid = None
        run["job_silo"] = silos_logging(token, r"Created ")
        run["segment_silos"] = silos_logging(token, r"Rendering .* frames")
        # A job is activated again only when its silo died; on a silo that lived, that is a second activation.
        run["job_activated_again_on"] = silos_logging(token, r"after the job was activated again")
        run["units_rendered"] = sum(open(os.path.join(ROOT, f".data/logs/silo-{i}.log"), errors="replace").read().count(f"Rendering {token} ") for i in range(3))
        if status == "done" and ref_status == "done":
            a, b = fetch(ref, os.path.join(OUT, "chaos-ref.mp4")), fetch(token, os.path.join(OUT, "chaos-kill.mp4"))
            run["bytes_equal"] = open(a, "rb").read() == open(b, "rb").read()
            ha, hb = frame_hashes(a), frame_hashes(b)
            run["frames_equal"], run["frames"] = ha == hb and len(ha) > 0, len(hb)
        run["silos_back_after"] = wait_silos(pid, index)
        runs.append(run)
        print(json.dumps(run), flush=True)
        if run["silos_back_after"] is None:
            break
    save(f"kills-{mode}", runs)


def pause():
    t = time.monotonic()
    token = submit("bench", movie_params("pause"), 3)
    wait_done(token, 300, until=lambda p: p.get("total") and p.get("done", 0) >= 0.2 * p["total"])
    seen, stop = [], threading.Event()
    def poll(path):
        while not stop.is_set():
            status, _, _, secs = call("GET", path.format(token), timeout=30)
            seen.append(("progress" if "progress" in path else "health", time.monotonic(), status, secs))
            time.sleep(0.2)
    pollers = [threading.Thread(target=poll, args=(p,)) for p in ("/v2/progress/{}", "/health")]
    for p in pollers:
        p.start()
    pid = pid_of("azurite")
    t_stop = time.monotonic()
    os.kill(pid, signal.SIGSTOP)
    try:
        time.sleep(10)
    finally:
        os.kill(pid, signal.SIGCONT)
    t_cont = time.monotonic()
    status, js, t_end = wait_done(token, 300)
    time.sleep(1)
    stop.set()
    for p in pollers:
        p.join()
    summary = {}
    for what, at, code, secs in seen:
        phase = "before" if at <= t_stop else "after" if at - secs >= t_cont else "during the pause"
        s = summary.setdefault(f"{what} {phase}", {"codes": {}, "max_secs": 0})
        s["codes"][str(code)] = s["codes"].get(str(code), 0) + 1
        s["max_secs"] = max(s["max_secs"], secs)
    save("pause", {"status": status, "total_secs": t_end - t, "cont_to_done": t_end - t_cont, "polls": summary})


def timed_render(movie, params, parallel):
    """Blocking POST plus the mp4's download, as a client sees it; (seconds, seconds of the POST alone, token)."""
    t = time.monotonic()
    status, _, js, post = call("POST", f"/v2/render/{PROJECT}", {"movie": movie, "parallel": parallel, "params": params}, timeout=300)
    if status != 200:
        raise SystemExit(f"blocking POST answered {status}: {js}")
    fetch(js["token"], os.path.join(OUT, "chaos-reuse.mp4"))
    return time.monotonic() - t, post, js["token"]


def reuse(reps=3):
    rows = {"identical": [], "last scene": []}
    timed_render("ten", movie_params("warm-up"), 1)  # a new system's first render also compiles and connects
    for r in range(reps):
        for kind, movie, parallel, tails in (("identical", "ten", 1, ("Bye", "Bye")), ("last scene", "three", 3, ("Bye", "Ciao"))):
            first, _, _ = timed_render(movie, movie_params(f"{movie}{r}", tails[0]), parallel)
            again, post, token = timed_render(movie, movie_params(f"{movie}{r}", tails[1]), parallel)
            rows[kind].append({"first": first, "again": again, "again_post": post, "reused": progress(token)[1].get("reused")})
    save("reuse", rows)


def save(part, data):
    os.makedirs(os.path.join(OUT, "chaos"), exist_ok=True)
    json.dump({"date": str(datetime.date.today()), "data": data}, open(os.path.join(OUT, "chaos", f"{part}.json"), "w"), indent=1)


if __name__ == "__main__":
    part = sys.argv[1]
    if part == "kills":
        kills(sys.argv[2], int(os.environ.get("REPS", "10")))
    elif part == "report":
        from chaos_report import report
        report()
    else:
        {"burst": burst, "pause": pause, "reuse": reuse}[part]()
