"""Samples one process's resident set (VmRSS, its own pages only: children such as ffmpeg are other processes) every
100 ms into a file, "seconds-since-epoch<TAB>kB" per line, until the process exits or this one is stopped. Also
reads the silo's own figures when asked: `python3 rss.py PID FILE`; `python3 rss.py --peak FILE START END` prints the
peak kB between two epoch times; `python3 rss.py --pid-of-silo RUN_PID` prints the pid of the silo run.sh started."""
import os
import sys
import time


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def sample(pid, path, period=0.1):
    with open(path, "a", buffering=1) as out:
        while True:
            try:
                kb = rss_kb(pid)
            except (FileNotFoundError, ProcessLookupError, StopIteration):
                return
            out.write(f"{time.time():.3f}\t{kb}\n")
            time.sleep(period)


def read_samples(path):
    return [(float(t), int(kb)) for t, kb in (line.split() for line in open(path) if line.strip())]


def peak(path, start, end):
    return max((kb for t, kb in read_samples(path) if start <= t <= end), default=0)


def silo_of(run_pid):
    """run.sh starts each silo as its own child process (`exec dotnet Orleans.Render.Silo.dll`)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = open(f"/proc/{entry}/stat").read()
            parent = int(stat[stat.rindex(")") + 2:].split()[1])
            if parent == run_pid and b"Orleans.Render.Silo.dll" in open(f"/proc/{entry}/cmdline", "rb").read():
                return int(entry)
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return None


if __name__ == "__main__":
    if sys.argv[1] == "--peak":
        print(peak(sys.argv[2], float(sys.argv[3]), float(sys.argv[4])))
    elif sys.argv[1] == "--pid-of-silo":
        pid = silo_of(int(sys.argv[2]))
        if pid is None:
            sys.exit("no silo under that run.sh")
        print(pid)
    else:
        sample(int(sys.argv[1]), sys.argv[2])
