"""Reading files safely: UTF-8 text with a size cap, and strict JSON.

:func:`read_text` refuses anything but a regular file (a FIFO cannot hang it) and
anything larger than its cap; :func:`parse_json` refuses NaN, duplicate keys, numbers
too long to hold and nesting too deep. Both fail with a :class:`~argmap.errors.FormatError`
naming the file and the place.

Example
-------
>>> parse_json('{"nodes": [1, 2]}')
{'nodes': [1, 2]}
>>> parse_json('{"a": 1, "a": 2}', "map.argmap")
Traceback (most recent call last):
...
argmap.errors.FormatError: map.argmap: not valid JSON: duplicate key 'a'
"""

from __future__ import annotations

import errno
import json
import os
import stat
from typing import Any

from argmap.errors import FormatError
from argmap.fileio import describe_os_error

#: Largest file read when no cap is given (bytes).
MAX_BYTES = 64 * 1024 * 1024
#: Most digits a whole number in a file may have (a float holds about 1.8e308).
MAX_INT_DIGITS = 300


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def _no_constants(name):
    raise ValueError(f"{name} is not a number JSON allows")


class _HugeNumber(ValueError):
    def __init__(self, digits):
        super().__init__(digits)
        self.digits = digits


def _bounded_int(digits):
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _HugeNumber(digits)
    return int(digits)


def _huge_number_error(text, exc, file):
    at = text.find(exc.digits)
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return FormatError(
        f"a number with {len(exc.digits.lstrip('-'))} digits is too large "
        f"(at most {MAX_INT_DIGITS})",
        file,
        f"line {line} column {column}",
    )


def parse_json(text: str, file: str | os.PathLike[str] | None = None) -> Any:
    """Parse JSON text strictly: no NaN/Infinity, no duplicate keys, bounded nesting and
    numbers."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constants,
            parse_int=_bounded_int,
        )
    except _HugeNumber as exc:
        raise _huge_number_error(text, exc, file) from None
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"not valid JSON: {exc.msg}", file, f"line {exc.lineno} column {exc.colno}"
        ) from None
    except ValueError as exc:
        raise FormatError(f"not valid JSON: {exc}", file) from None
    except RecursionError:
        raise FormatError("the JSON is nested too deeply", file) from None


def _describe_read_error(exc):
    if exc.errno == errno.ENOENT:
        return "no such file"
    return describe_os_error(exc)


def _size_text(size):
    return f"{size // (1024 * 1024)} MiB" if size >= 1024 * 1024 else f"{size} bytes"


def read_text(path: str | os.PathLike[str], max_bytes: int | None = None) -> str:
    """Read a UTF-8 text file with a size cap, as a :class:`FormatError` on failure.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    max_bytes : int, optional
        The largest size accepted; :data:`MAX_BYTES` when not given.
    """
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    try:
        raw = _read_regular(path, max_bytes)
    except OSError as exc:
        raise FormatError(f"cannot read: {_describe_read_error(exc)}", path) from None
    if len(raw) > max_bytes:
        raise FormatError(f"the file is larger than {_size_text(max_bytes)}", path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text (bad byte at offset {exc.start})", path) from None
    return text[1:] if text.startswith("\ufeff") else text


def _read_regular(path, max_bytes):
    """Return at most ``max_bytes + 1`` bytes of *path*, refusing anything but a regular file.

    The file is opened without blocking, so that a FIFO cannot hang the reader.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", path)
        if not stat.S_ISREG(info.st_mode):
            raise FormatError("not a regular file (a pipe, a device or a socket)", path)
        return handle.read(max_bytes + 1)
