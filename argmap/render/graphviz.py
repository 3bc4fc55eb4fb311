"""Running Graphviz safely: list arguments, a timeout, caps, and a closed environment.

Graphviz reads DOT on stdin and writes to stdout,
which argmap copies as it comes into memory (with a cap) or into a file. It runs in
its own process group (so a hung run is killed with everything it
started), with ``SERVER_NAME`` set and no ``GV_FILE_PATH``, which stops it from
loading any local file (images, shapes). Its output is checked (magic bytes)
before anyone writes it.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import re
import signal
import subprocess
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import IO, BinaryIO, cast

from argmap.errors import GraphvizMissingError, RenderError

DEFAULT_TIMEOUT = 60
#: Most bytes Graphviz may write to stdout; more stops it with a RenderError.
MAX_OUTPUT_BYTES = 512 * 1024 * 1024
#: Most bytes of Graphviz's messages kept (the rest is read and dropped).
MAX_MESSAGE_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
INSTALL_HINT = (
    "Graphviz's 'dot' program was not found on PATH. Install Graphviz "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz) and try again."
)

#: Output checks by format: a function of the bytes that is true for good output.
MAGIC: dict[str, Callable[[bytes], bool]] = {
    "png": lambda data: data.startswith(b"\x89PNG\r\n\x1a\n"),
    "pdf": lambda data: data.startswith(b"%PDF-"),
    "svg": lambda data: b"<svg" in data[:4096],
    "json": lambda data: data.lstrip().startswith(b"{"),
    "json0": lambda data: data.lstrip().startswith(b"{"),
    "dot": lambda data: data.lstrip().startswith(b"digraph"),
}
_KEPT_ENV = (
    "PATH",
    "HOME",
    "TMPDIR",
    "FONTCONFIG_FILE",
    "FONTCONFIG_PATH",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_DIRS",
)
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})")


def _environment() -> dict[str, str]:
    env = {key: os.environ[key] for key in _KEPT_ENV if key in os.environ}
    env.update(
        {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "SERVER_NAME": "argmap", "SOURCE_DATE_EPOCH": "0"}
    )
    return env


def _started(command: Sequence[str]) -> subprocess.Popen[bytes]:
    """Start Graphviz's *command* (its program found on PATH) in a process group of its own,
    with pipes to its stdin, stdout and stderr."""
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_environment(),
            start_new_session=True,
        )
    except FileNotFoundError:
        raise GraphvizMissingError(INSTALL_HINT.replace("'dot'", f"'{command[0]}'")) from None
    except OSError as exc:
        raise RenderError(f"could not start {command[0]}: {exc.strerror or exc}") from exc
    return proc


def run_graphviz(
    source: str,
    fmt: str,
    args: Sequence[str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    program: str = "dot",
    max_output: int | None = None,
) -> bytes:
    """Run Graphviz on DOT *source* and return its checked output.

    Parameters
    ----------
    source : str
        DOT text (built by :mod:`argmap.render.dot`).
    fmt : str
        Graphviz output format: ``png``, ``svg``, ``pdf``, ``json0``, ``dot``.
    args : sequence of str
        Further arguments, such as ``-Gdpi=96``.
    timeout : float
        Seconds before Graphviz is killed.
    program : str
        ``dot`` to lay out, or ``neato`` (with ``-n2``) to draw a laid-out graph.
    max_output : int, optional
        Most bytes of output accepted; :data:`MAX_OUTPUT_BYTES` when not given.

    Raises
    ------
    GraphvizMissingError
        When the program is not installed.
    RenderError
        When it fails, times out, writes more than *max_output* bytes, or
        writes something that is not *fmt*.
    """
    out = io.BytesIO()
    limit = MAX_OUTPUT_BYTES if max_output is None else max_output
    _run_checked(_command(program, fmt, args), fmt, source, timeout, _Copied(out, limit))
    data = out.getvalue()
    return _fix_dates(data) if fmt == "pdf" else data


def write_graphviz(
    source: str,
    fmt: str,
    path: str,
    args: Sequence[str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    program: str = "dot",
) -> bytes:
    """Run Graphviz on DOT *source* and write its *fmt* output into the file *path*.

    The output is copied into *path* a block at a time as Graphviz writes it, so it is never
    held whole in memory, and a full disk raises the OSError. Returns the first 4 KiB.
    Raises as :func:`run_graphviz`; on failure *path* may hold anything (write into a
    temp file).
    """
    with open(path, "wb") as out:
        copied = _Copied(out)
        _run_checked(_command(program, fmt, args), fmt, source, timeout, copied)
    return copied.head


def _command(program: str, fmt: str, args: Iterable[str]) -> tuple[str, ...]:
    return (program, f"-T{fmt}", *args)


def _run_checked(
    command: tuple[str, ...],
    fmt: str,
    source: str,
    timeout: float,
    copied: _Copied,
) -> None:
    """Run Graphviz (see :func:`_run_feeding`); raise RenderError unless it ended well and
    its output begins as *fmt* does."""
    err, code = _run_feeding(command, source, timeout, copied)
    if code != 0:
        raise RenderError(f"Graphviz failed (exit code {code}): {_first_lines(err)}")
    if not MAGIC[fmt](copied.head):
        raise RenderError(f"Graphviz wrote no valid {fmt.upper()} output: {_first_lines(err)}")


class _Copied:
    """Graphviz's output copied into an open binary stream as it comes (a file, or memory up
    to *limit* bytes): its first bytes, and the error that stopped it, if any."""

    def __init__(self, out: BinaryIO, limit: int | None = None) -> None:
        self.out, self.limit = out, limit
        self.head, self.size = b"", 0
        self.error: OSError | RenderError | None = None

    def copy(self, pipe: io.BufferedReader, proc: subprocess.Popen[bytes]) -> None:
        """Copy *pipe* until it ends; on an error, or past the limit, stop Graphviz."""
        try:
            for block in iter(lambda: pipe.read1(_CHUNK), b""):
                if len(self.head) < 4096:
                    self.head += block[: 4096 - len(self.head)]
                self.size += len(block)
                if self.limit is not None and self.size > self.limit:
                    raise _too_much(self.limit)
                self.out.write(block)
            self.out.flush()
        except (OSError, RenderError) as exc:
            self.error = exc
            _signal_group(proc)


def _run_feeding(
    command: tuple[str, ...], source: str, timeout: float, copied: _Copied
) -> tuple[bytes, int]:
    """Run *command*, feeding it *source* from this thread while a thread
    copies its output (see :class:`_Copied`) and another keeps its messages; return them
    and its exit code. A timer stops it (and all it started) after *timeout* s."""
    proc = _started(command)
    _track(proc)
    messages: list[bytes] = []
    expired: list[bool] = []

    def expire() -> None:
        expired.append(True)
        _signal_group(proc)

    threads = [
        threading.Thread(target=_keep_messages, args=(proc.stderr, messages), daemon=True),
        threading.Thread(target=copied.copy, args=(proc.stdout, proc), daemon=True),
    ]
    timer = threading.Timer(timeout, expire)
    for thread in threads:
        thread.start()
    timer.start()
    try:
        stdin = cast(IO[bytes], proc.stdin)  # started with pipes (see _started)
        _send(stdin, source.encode("utf-8"))
        proc.wait()
    except BaseException:
        _kill_group(proc)
        raise
    finally:
        timer.cancel()
        _untrack(proc)
        for thread in threads:
            thread.join()
        _close_pipes(proc)
    if copied.error is not None:
        raise copied.error
    if expired and proc.returncode != 0:  # a run that ended as the timer fired is kept
        raise _timed_out(timeout)
    return b"".join(messages), proc.returncode


def _send(pipe: IO[bytes], data: bytes) -> None:
    """Write *data* to Graphviz's stdin, then close it.

    When Graphviz has ended or was stopped before reading it all, the rest is
    dropped: its exit code (or the timeout) tells why.
    """
    with contextlib.suppress(BrokenPipeError, ValueError, OSError):
        pipe.write(data)
    with contextlib.suppress(OSError):  # the reader is gone: nothing waits for the rest
        pipe.close()


def _keep_messages(pipe: io.BufferedReader, kept: list[bytes]) -> None:
    """Read Graphviz's messages until it ends, keeping the first :data:`MAX_MESSAGE_BYTES`."""
    size = 0
    for block in iter(lambda: pipe.read1(_CHUNK), b""):
        if size < MAX_MESSAGE_BYTES:
            kept.append(block[: MAX_MESSAGE_BYTES - size])
        size += len(block)


def _too_much(limit: int) -> RenderError:
    return RenderError(
        f"Graphviz wrote more than {limit // (1024 * 1024)} MiB and was "
        "stopped; try a subtree (--root), a lower dpi, or SVG"
    )


def _timed_out(timeout: float) -> RenderError:
    return RenderError(
        f"Graphviz took longer than {timeout:g} s and was stopped; "
        "try a subtree (--root) or a simpler map"
    )


#: Graphviz processes running now, so that stop_all() can end them on a signal.
_RUNNING: set[subprocess.Popen[bytes]] = set()
_RUNNING_LOCK = threading.Lock()


def _track(proc: subprocess.Popen[bytes]) -> None:
    with _RUNNING_LOCK:
        _RUNNING.add(proc)


def _untrack(proc: subprocess.Popen[bytes]) -> None:
    with _RUNNING_LOCK:
        _RUNNING.discard(proc)


def _close_pipes(proc: subprocess.Popen[bytes]) -> None:
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()


@atexit.register
def stop_all() -> None:
    """Kill every Graphviz process argmap is running (at exit, or on SIGTERM/SIGHUP)."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for proc in running:
        _signal_group(proc)


def _signal_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill Graphviz's process group (on Windows, which has none, Graphviz itself)."""
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is None:
            proc.kill()
        else:
            killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # it has already ended (and its group with it)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill Graphviz and anything it started, and wait for it."""
    _signal_group(proc)
    proc.wait()


def _first_lines(err: bytes, count: int = 3) -> str:
    text = err.decode("utf-8", "replace").strip()
    return " | ".join(text.splitlines()[:count]) or "no message"


def _fix_dates(pdf: bytes) -> bytes:
    """Replace the dates cairo writes into a PDF by a fixed one of the same length.

    The length is kept so that the cross-reference offsets stay valid.
    """
    return _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:19700101000000", pdf)
