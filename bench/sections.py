"""Keeps docs/benchmarks.md as one file with a section per benchmark script, each replaced in place when rerun."""
import os
import platform
import re

HEADER = "# Benchmarks\n\nEach section is written by the script it names; rerun the script to refresh it.\n"


def write_section(doc, name, text):
    current = open(doc).read() if os.path.exists(doc) else HEADER
    block = f"<!-- {name} -->\n{text.strip()}\n<!-- /{name} -->\n"
    pattern = re.compile(rf"<!-- {name} -->\n.*?<!-- /{name} -->\n", re.S)
    updated = pattern.sub(lambda _: block, current) if pattern.search(current) else current.rstrip() + "\n\n" + block
    open(doc, "w").write(updated)


def read_times(out):
    """The timings in OUT/times.tsv ("label<TAB>seconds" per run) as label -> list of seconds, in file order."""
    times = {}
    for line in open(os.path.join(out, "times.tsv")):
        label, seconds = line.split()
        times.setdefault(label, []).append(float(seconds))
    return times


def cpu_model():
    return next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
