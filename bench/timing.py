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

_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "wall = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(code, wall, peak)\n"
)


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
    parser.add_argument(
        "--no-bytecode-cache",
        dest="bytecode_cache",
        action="store_false",
        help="do not cache Python bytecode between runs (each run then "
        "compiles argmap, unless the environment allows .pyc files)",
    )


def run_once(command, env=None):
    """Run *command*; return ``(exit code, seconds, peak MB)``."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
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
    return f"{statistics.median(values):.2f} [{min(values):.2f}-{max(values):.2f}]"


def ratio_text(ours, bare):
    """Median ratio of paired runs, with the range of the per-round ratios."""
    ratios = [a / b for a, b in zip(ours, bare, strict=True)]
    return f"{statistics.median(ratios):.2f}x [{min(ratios):.2f}-{max(ratios):.2f}]"


def verdict(value, limit, unit="x"):
    """``target <= LIMIT: met`` (or ``NOT met``) for a measured *value*."""
    return f"target <= {limit:g}{unit}: {'met' if value <= limit else 'NOT met'}"


def ratio(ours, bare):
    """The median of the per-round ratios."""
    return statistics.median(a / b for a, b in zip(ours, bare, strict=True))


def installed_argmap(folder, repo):
    """Install argmap from a wheel of *repo* into a new venv in *folder*, as a user has it;
    return the path of its ``argmap`` command, or None (saying why) when no wheel can be built.

    argmap's dependencies are taken from the running environment (a ``.pth`` naming its
    site-packages), so nothing is downloaded but the wheel's build tools.
    """
    import glob
    import site
    import sysconfig

    wheels, venv = os.path.join(folder, "wheel"), os.path.join(folder, "venv")
    pip = [sys.executable, "-m", "pip", "--quiet", "--disable-pip-version-check"]
    built = subprocess.run(
        pip + ["wheel", "--no-deps", "-w", wheels, repo], capture_output=True, text=True
    )
    if built.returncode != 0:
        print(
            f"(no wheel could be built, so no installed argmap is timed: "
            f"{built.stderr.strip().splitlines()[-1:]})"
        )
        return None
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = os.path.join(venv, "bin", "python")
    subprocess.run(
        pip
        + [
            "--python",
            python,
            "install",
            "--no-deps",
            *glob.glob(os.path.join(wheels, "argmap-*.whl")),
        ],
        check=True,
    )
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with open(os.path.join(purelib, "argmap-dependencies.pth"), "w", encoding="utf-8") as pth:
        pth.write("\n".join(site.getsitepackages() or [sysconfig.get_path("purelib")]) + "\n")
    return os.path.join(venv, "bin", "argmap")
