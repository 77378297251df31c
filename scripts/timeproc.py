#!/usr/bin/env python3
"""Times whole processes: runs a command N times (output discarded) and prints one JSON line with the median,
fastest and slowest wall time in milliseconds, the median CPU time (user + system, from wait4's rusage: what the
process itself used, which a machine shared with other work inflates less than the wall time) and the largest peak
resident set of one run.

    scripts/timeproc.py --runs 20 -- .build/release/actorgraph path --graph M.agraph a1 a5000
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(command):
    # Standard error goes to a file, not a pipe: a command printing 100,000 errors would fill a pipe and wait.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    return elapsed * 1000, usage.ru_maxrss, code, stderr, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (page cache)")
    parser.add_argument("--allow-failure", action="store_true", help="time a command that exits non-zero")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command")
    for _ in range(args.warmup):
        run_once(command)
    times, peaks, cpu = [], [], []
    for _ in range(args.runs):
        elapsed, peak, code, stderr, cpu_ms = run_once(command)
        if code != 0 and not args.allow_failure:
            sys.stderr.write(f"{' '.join(command)} exited {code}:\n{stderr}")
            sys.exit(1)
        times.append(elapsed)
        peaks.append(peak)
        cpu.append(cpu_ms)
    print(json.dumps({
        "command": command, "runs": args.runs, "median_ms": statistics.median(times), "min_ms": min(times),
        "max_ms": max(times), "cpu_median_ms": statistics.median(cpu), "max_rss_kb": max(peaks),
    }))


if __name__ == "__main__":
    main()
