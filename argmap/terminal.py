"""Safe terminal output and exit codes for the command line.

Text read from a file never reaches the terminal raw: control characters
(escape sequences, carriage returns, bidirectional overrides) are shown
escaped, as ``\\x1b`` or ``\\u202e``. A closed pipe (``argmap info F | head -1``)
ends quietly with exit code 141 and Ctrl+C with 130; SIGTERM and SIGHUP end
the program as an exception would, so that ``finally`` blocks run and a
running Graphviz is stopped (exit codes 143 and 129).
"""

import contextlib
import os
import re
import signal
import sys
import threading

EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE
#: Signals that end the command line cleanly (their exit code is 128 + the number).
ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)

# C0 and C1 controls, DEL, bidirectional marks and overrides, lone surrogates.
_C0_BUT_LINES = "\x00-\x08\x0b-\x1f"
_OTHERS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_ANY_CONTROL = re.compile(f"[\x00-\x1f{_OTHERS}]")
_CONTROL_BUT_LINES = re.compile(f"[{_C0_BUT_LINES}{_OTHERS}]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match):
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text):
    """Return *text* as one line with every control character escaped.

    Example
    -------
    >>> shown("title\\x1b]0;pwned\\x07\\nnext")
    'title\\\\x1b]0;pwned\\\\x07\\\\nnext'
    """
    return _ANY_CONTROL.sub(_escape, str(text))


def shown_lines(text):
    """Return *text* with control characters escaped, keeping newlines and tabs."""
    return _CONTROL_BUT_LINES.sub(_escape, str(text))


class SafeWriter:
    """A text stream that escapes control characters (except newline and tab) on the way.

    Parameters
    ----------
    stream : text stream
        Where the text goes (``sys.stdout``, a ``StringIO``).
    """

    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        return self.stream.write(shown_lines(text))

    def flush(self):
        self.stream.flush()


def _end_by_signal(signum, frame):
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def signals_end_cleanly():
    """Within the block, SIGTERM and SIGHUP raise SystemExit(128 + signal) in the main thread.

    Outside the main thread (where handlers cannot be set) the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _end_by_signal) for sig in ENDING_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_quietly(function, out):
    """Call *function()* and flush *out*; return its exit code.

    A closed pipe gives :data:`EXIT_BROKEN_PIPE` and Ctrl+C gives
    :data:`EXIT_INTERRUPTED`, both without a traceback.
    """
    try:
        code = function()
        out.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _silence_stdout():
    """Point stdout at /dev/null so that Python's last flush at exit cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return  # not a real file (a test's StringIO): nothing will be flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
