"""The report of bench/chaos.sh: every part's OUT/chaos/<part>.json turned into the "Load and chaos" section of
docs/benchmarks.md (run through `python3 bench/chaos.py report`)."""
import glob, json, os, statistics, sys

OUT, ROOT = os.environ["OUT"], os.environ["ROOT"]


def report():
    parts = {os.path.basename(f)[:-5]: json.load(open(f)) for f in glob.glob(os.path.join(OUT, "chaos", "*.json"))}
    rows, details = [], []
    codes = lambda c: ", ".join(f"{n} × {k if k != '0' else 'no answer'}" for k, n in sorted(c.items()))
    if "burst" in parts:
        for b in parts["burst"]["data"]:
            fives = sum(n for k, n in b["codes"].items() if k[:1] == "5" and "Retry" not in k or k == "0")
            done = (f"; all ended {b['all_done']:.1f} s after the burst: " + codes(b["final"]) + f"; ffmpeg runs on silos 0/1/2: {'/'.join(map(str, b['ffmpeg_runs']))}; "
                    f"progress polls 5xx: {b['poll_5xx']}") if "final" in b else ""
            errs = f" ({', '.join(e for e in b.get('errors', []) if e)})" if b.get("errors") else ""
            rows.append((b["kind"], f"{codes(b['codes'])}{errs}; latency p50 {b['p50']:.2f} s, p99 {b['p99']:.2f} s{done}",
                         "0 × 5xx" + (" (503 with Retry-After is the designed answer)" if "blocking" in b["kind"] else ""), "yes" if fives == 0 else "**no**"))
    for mode, label in (("segment", "kill -9 of silo 1 or 2 in turn"), ("job", "kill -9 of the job's silo (found in the silo logs)")):
        runs = parts.get(f"kills-{mode}", {}).get("data", [])
        if not runs:
            continue
        killed = [r for r in runs if r["killed"]]
        fast = [r for r in killed if r["status"] == "done" and r["kill_to_done"] <= 15]
        times = [r["kill_to_done"] for r in killed if r["status"] == "done"]
        same = sum(bool(r.get("bytes_equal")) for r in killed), sum(bool(r.get("frames_equal")) for r in killed)
        twice = sum(bool(r.get("job_activated_again_on")) and r["silo"] not in r["job_silo"] for r in killed)
        hosted = sum(r["silo"] in r["job_silo"] for r in killed) if mode == "job" else sum(r["silo"] in r["segment_silos"] for r in killed)
        rows.append((f"{label} at 20/50/80 % of a 720p 20 s render, parallel 3, {len(killed)} runs",
                     f"done within 15 s of the kill in **{len(fast)}/{len(killed)}**; kill → done median {statistics.median(times) if times else float('nan'):.1f} s, "
                     f"max {max(times) if times else float('nan'):.1f} s; byte-identical {same[0]}/{len(killed)}, framemd5-identical {same[1]}/{len(killed)}; "
                     f"the killed silo {'had created the job' if mode == 'job' else 'had rendered a segment of it'} in {hosted}/{len(killed)} (silo logs); "
                     f"the job was activated a second time while its own silo lived in {twice}/{len(killed)}",
                     "finished ≤ 15 s after the kill in 10/10", "yes" if len(fast) == len(killed) == 10 else "**no**"))
        for r in runs:
            details.append(f"| {mode} | {r['run']} | {r['silo']} | {r['point']:.0%} ({r['done_at_kill']}/{r['total']}) | {r['ref_secs']:.1f} | "
                           + (f"{r['kill_to_done']:.1f}" if r["kill_to_done"] is not None else "not killed") + f" | {r['status']} | {r.get('reused')} | "
                           f"{r.get('bytes_equal')} / {r.get('frames_equal')} | {r['job_silo']} | {r.get('job_activated_again_on', '?')} | {r['segment_silos']} | {r.get('units_rendered', '?')} | "
                           + (f"{r['silos_back_after']:.0f} |" if r["silos_back_after"] is not None else "never |"))
    if "pause" in parts:
        p = parts["pause"]["data"]
        polls = "; ".join(f"{k}: {codes(v['codes'])} (slowest {v['max_secs']:.1f} s)" for k, v in sorted(p["polls"].items()))
        bad = sum(n for k, v in p["polls"].items() if k.startswith("progress") for c, n in v["codes"].items() if c[:1] == "5" or c == "0")
        refs = [r["ref_secs"] for k in ("kills-segment", "kills-job") for r in parts.get(k, {}).get("data", [])]
        undisturbed = f" (undisturbed, median of the kill runs' references: {statistics.median(refs):.1f} s)" if refs else ""
        rows.append(("Azurite stopped (SIGSTOP) for 10 s at 20 % of a 720p 20 s render, parallel 3", f"render {p['status']} {p['total_secs']:.1f} s after its POST{undisturbed}, "
                     f"{p['cont_to_done']:.1f} s after SIGCONT; {polls}", "finishes; no 5xx from progress", "yes" if p["status"] == "done" and bad == 0 else "**no**"))
    if "reuse" in parts:
        for kind, target in (("identical", 0.02), ("last scene", 0.6)):
            runs = parts["reuse"]["data"][kind]
            ratios = [r["again"] / r["first"] for r in runs]
            what = "identical request on a new token (720p, 10 s)" if kind == "identical" else "last of 3 scenes changed (720p, 15 s, parallel 3)"
            rows.append((what, f"ratio median **{statistics.median(ratios):.3f}** (" + ", ".join(f"{r['again']:.2f} s (POST {r['again_post']:.2f}) / {r['first']:.2f} s, reused {r['reused']}" for r in runs) + ")",
                         f"≤ {target}", "yes" if statistics.median(ratios) <= target else "**no**"))
    notes = []
    for b in parts.get("burst", {}).get("data", []):
        runs = b.get("ffmpeg_runs") or []
        if sum(runs) >= 30 and max(runs) > 0.9 * sum(runs):
            notes.append(f"- {b['kind']}: {max(runs)} of the {sum(runs)} renders ran on silo {runs.index(max(runs))}. A parallel-1 render is one "
                         "unit with index 0, and `RenderPoolPlacementDirector` puts unit *i*, attempt *a* on silo *(i + a) mod n* of the "
                         "pool's silos ordered by address, so every parallel-1 render (and the first segment of every parallel render) "
                         "goes to the same silo while the queue admits 3 × `RunningPerSilo`. Here the three silos share two cores, so "
                         "throughput hardly suffers; on three machines two would idle for parallel-1 traffic.")
    if "burst" in parts:
        notes.append("- Accept latencies include the client: 500 Python threads on the same two cores as Azurite, the silos, the API and ffmpeg.")
    twice = [r for k in ("kills-segment", "kills-job") for r in parts.get(k, {}).get("data", [])
             if r.get("killed") and r.get("job_activated_again_on") and r["silo"] not in r["job_silo"]]
    if twice:
        notes.append(f"- In {len(twice)} kill runs the job was activated again on another silo although its own silo lived (e.g. token "
                     f"`{twice[0].get('token', '?')}`): two activations of one job grain. Orleans' default grain directory is eventually "
                     "consistent and allows duplicate activations when a silo dies; both activations then drive the render, units are "
                     "rendered twice (the segment renders column) and the unit grains' state writes conflict (`InconsistentStateException` "
                     "in the silo logs). The outputs were still identical to the references.")
    kills = [r for k in ("kills-segment", "kills-job") for r in parts.get(k, {}).get("data", []) if r.get("killed") and r["status"] == "done"]
    extra = [r["kill_to_done"] for r in kills if r.get("units_rendered", 0) > 4]
    if extra:
        rest = [r["kill_to_done"] for r in kills if r.get("units_rendered", 0) <= 4]
        notes.append(f"- {len(extra)} of {len(kills)} kill runs started more than 4 segment renders (one retry of the lost segment would "
                     f"be 4); their kill → done median was {statistics.median(extra):.1f} s against "
                     f"{statistics.median(rest) if rest else float('nan'):.1f} s for the others. In those runs the job's silo had died with the "
                     "render-unit grains on it: the job, activated again, resumed with the segments its stored state counted as done "
                     "(`Resuming … with N of 3 segments done`, often 0), and each unit, activated again, started a new attempt on another silo, while the first attempts' ffmpeg processes on the silos that "
                     "lived kept running. Segments whose own silo never died were rendered twice, on the same two cores.")
    if "reuse" in parts:
        same = parts["reuse"]["data"]["identical"]
        notes.append(f"- An identical request still creates a token (state and reminder writes in Azurite), plans the movie and asks the "
                     f"segment store: {min(r['again'] for r in same):.2f}–{max(r['again'] for r in same):.2f} s here, against "
                     f"{min(r['first'] for r in same):.1f}–{max(r['first'] for r in same):.1f} s for rendering the 10 s 720p movie, so "
                     f"0.02 would need about {0.02 * statistics.median(r['first'] for r in same) * 1000:.0f} ms end to end.")
    findings = ("\nFindings:\n\n" + "\n".join(notes) + "\n") if notes else ""
    dates = sorted({v["date"] for v in parts.values()})
    table = "| Test | Measured | Target | Met |\n|---|---|---|---|\n" + "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)
    print(table + "\n" + findings)
    text = f"""## Load and chaos (bench/chaos.sh)

Produced by `bench/chaos.sh` on {", ".join(dates)} (REPS={os.environ.get("REPS", "10")}): {os.cpu_count()} cores, 3 silos, the API and Azurite on one
machine: the client, Azurite, the silos, the API and every ffmpeg share the two cores, so the times are noisy.

{table}
{findings}"""
    if details:
        text += """
Every kill run: the point is the share of frames `/v2/progress` showed done when `kill -9` was sent; the reference is
an undisturbed render of the same pixels (the logo's URL differs in its query string only, so no unit is shared);
`reused` is the progress's count after the end. From the silo logs, after the fact: the job's silo (`Created`), the
silos where the job was activated again (`Resuming … after the job was activated again`; expected only after the
job's own silo was killed), the silos that rendered segments of it and how many segment renders were started in all
(`Rendering … frames`; 3 undisturbed). Back is the seconds until `/health` counted 3 silos again after the render ended.

| Killed | Run | Silo | Point (frames) | Reference (s) | Kill → done (s) | Status | Reused | Bytes / framemd5 equal | Job silo | Job activated again on | Segment silos | Segment renders | Back (s) |
|---|---:|---:|---|---:|---:|---|---:|---|---|---|---|---:|---:|
""" + "\n".join(details) + "\n"
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    from sections import write_section
    write_section(os.path.join(ROOT, "docs", "benchmarks.md"), "chaos", text)
