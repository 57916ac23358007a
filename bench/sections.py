"""Keeps docs/benchmarks.md as one file with a section per benchmark script, each replaced in place when rerun."""
import os
import re

HEADER = "# Benchmarks\n\nEach section is written by the script it names; rerun the script to refresh it.\n"


def write_section(doc, name, text):
    current = open(doc).read() if os.path.exists(doc) else HEADER
    block = f"<!-- {name} -->\n{text.strip()}\n<!-- /{name} -->\n"
    pattern = re.compile(rf"<!-- {name} -->\n.*?<!-- /{name} -->\n", re.S)
    updated = pattern.sub(lambda _: block, current) if pattern.search(current) else current.rstrip() + "\n\n" + block
    open(doc, "w").write(updated)
