"""What one worker process costs before its first pack: start-up time and resident memory.

Usage: python bench/worker_footprint.py [--runs N]

Starts a fresh Python process N times (default 3), as a Celery pool process or a gunicorn
worker starts, and in it: imports quizgen, loads the pipeline (spaCy and HanTa), calls
``quizgen.preload.preload()`` (one pack, then ``gc.freeze()``: everything a pack reads is
loaded), then makes the first real pack, of the seed article. It reports, for each step, wall
and CPU seconds since the interpreter started, and the resident memory (VmRSS) after preload
and after the first pack. CPU seconds are the comparable figure on a shared machine; the
median run is printed. The last line is a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import SHARED_DIR

SEED = SHARED_DIR / "seed" / "moskau-besuch.txt"

CHILD = r"""
import json, os, resource, sys, time
start_wall = float(sys.argv[1])
marks = []

def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

def rss_mb():
    with open(f"/proc/{os.getpid()}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def mark(name):
    marks.append({"step": name, "wall": time.time() - start_wall, "cpu": cpu(), "rss_mb": rss_mb()})

mark("interpreter")
import quizgen
from quizgen.lesson.make import make_pack
mark("imports")
from quizgen.nlp.pipeline import load_pipeline
load_pipeline()
mark("pipeline loaded")
from quizgen.preload import preload
preload()
mark("preloaded")
make_pack(open(sys.argv[2], encoding="utf-8").read())
mark("first pack")
print(json.dumps(marks))
"""


def one_run() -> list[dict[str, float]]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(
        [sys.executable, "-c", CHILD, repr(time.time()), str(SEED)],
        check=True, capture_output=True, text=True, env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    load = os.getloadavg()
    runs = [one_run() for _ in range(args.runs)]
    runs.sort(key=lambda marks: marks[-1]["cpu"])
    median = runs[len(runs) // 2]
    print(f"command: python bench/worker_footprint.py --runs {args.runs}")
    print(f"load average (1, 5, 15 min) {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; median of {args.runs} runs by CPU time")
    previous = {"wall": 0.0, "cpu": 0.0}
    for mark in median:
        print(f"  {mark['step']:16} wall {mark['wall']:6.1f} s (+{mark['wall'] - previous['wall']:5.1f})  "
              f"CPU {mark['cpu']:6.1f} s (+{mark['cpu'] - previous['cpu']:5.1f})  resident {mark['rss_mb']:5.0f} MB")
        previous = mark
    by_step = {m["step"]: m for m in median}
    summary = {
        "start_to_first_pack_cpu_s": round(by_step["first pack"]["cpu"], 2),
        "start_to_first_pack_wall_s": round(by_step["first pack"]["wall"], 2),
        "rss_after_preload_mb": round(by_step["preloaded"]["rss_mb"], 1),
        "rss_after_first_pack_mb": round(by_step["first pack"]["rss_mb"], 1),
        "cpu_s_all_runs": [round(r[-1]["cpu"], 2) for r in runs],
        "load": [round(x, 1) for x in load],
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
