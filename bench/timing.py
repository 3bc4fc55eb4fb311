"""Shared timing for the benchmarks: interleaved whole-process runs, medians and spread.

Each command runs as the child of a fresh Python that reports its wall time
and the peak memory (``ru_maxrss``) of it and its children. Commands are run
in turn, round after round, so that a burst of load on the machine falls on
all of them alike.
"""

import os
import statistics
import subprocess
import sys
from dataclasses import dataclass, field

_MEASURE = ("import resource, subprocess, sys, time\n"
            "start = time.perf_counter()\n"
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
            "wall = time.perf_counter() - start\n"
            "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(code, wall, peak)\n")


@dataclass
class Runs:
    """Wall times (s), peak memories (MB) and exit codes of one command's runs."""

    seconds: list = field(default_factory=list)
    megabytes: list = field(default_factory=list)
    codes: list = field(default_factory=list)


def python_env(cache_dir, base=None):
    """The environment for timed argmap runs, with Python's bytecode cached in *cache_dir*.

    An installed argmap has its bytecode compiled; with ``PYTHONDONTWRITEBYTECODE`` set
    (as on some build machines) every run would compile argmap again, about 20 ms.
    """
    env = dict(os.environ if base is None else base)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache_dir
    return env


def add_bytecode_option(parser):
    """Add ``--no-bytecode-cache``: time runs that compile argmap every time."""
    parser.add_argument("--no-bytecode-cache", dest="bytecode_cache", action="store_false",
                        help="do not cache Python bytecode between runs (each run then "
                             "compiles argmap, unless the environment allows .pyc files)")


def run_once(command, env=None):
    """Run *command*; return ``(exit code, seconds, peak MB)``."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True,
                         text=True, check=True, env=env).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def measure(commands, repeat=5, env=None, before=None):
    """Run every command of ``{name: argv}`` *repeat* times, interleaved; return ``{name: Runs}``.

    *before*, when given, is called with the name before each run (to empty a cache).
    """
    results = {name: Runs() for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            if before is not None:
                before(name)
            code, seconds, megabytes = run_once(command, env)
            runs = results[name]
            runs.codes.append(code)
            runs.seconds.append(seconds)
            runs.megabytes.append(megabytes)
    return results


def spread_text(values):
    """``median [min-max]`` of *values*, as text."""
    return (f"{statistics.median(values):.2f} [{min(values):.2f}-{max(values):.2f}]")


def ratio_text(ours, bare):
    """Median ratio of paired runs, with the range of the per-round ratios."""
    ratios = [a / b for a, b in zip(ours, bare)]
    return f"{statistics.median(ratios):.2f}x [{min(ratios):.2f}-{max(ratios):.2f}]"


def ratio(ours, bare):
    """The median of the per-round ratios."""
    return statistics.median(a / b for a, b in zip(ours, bare))
