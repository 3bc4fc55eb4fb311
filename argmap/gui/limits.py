"""How large a map the editor opens, and what it says about a larger one.

On a 2-core machine the editor opens a map of 25,000 nodes in about 4 s and
500 MB; time and memory grow with the map. A larger map is not opened: the
editor says so plainly, names the numbers, and points to the command line,
which works on any size. A file too large to hold such a map is turned away
before it is read, so a very large file never keeps the window busy.
"""

import os

from argmap.errors import ArgmapError

#: The most nodes the editor opens.
MAX_NODES = 25_000
#: The largest file the editor reads (bytes): a map of MAX_NODES nodes with long texts.
MAX_FILE_BYTES = 32 * 1024 * 1024


class TooLargeError(ArgmapError):
    """A map (or file) larger than the editor opens; the message says what to do instead."""


def check_file(path):
    """Raise TooLargeError if the file at *path* is too large to hold a map the editor opens."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return  # a file that cannot be read: the reader says why, as for any file
    if size > MAX_FILE_BYTES:
        raise TooLargeError(
            f"{os.path.basename(path)} is {size / 1024 / 1024:.0f} MB: larger than the "
            f"editor opens (up to {MAX_FILE_BYTES / 1024 / 1024:.0f} MB, about "
            f"{MAX_NODES:,} nodes).\n\n{_command_line(path)}"
        )


def check_map(amap, path):
    """Raise TooLargeError if *amap* (read from *path*) has more nodes than the editor opens."""
    count = len(amap)
    if count > MAX_NODES:
        raise TooLargeError(
            f"{os.path.basename(path)} has {count:,} nodes: more than the editor opens "
            f"(up to {MAX_NODES:,}).\n\n{_command_line(path)}"
        )


def _command_line(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    return (
        "The command line works on maps of any size, for example:\n"
        f"  argmap validate {path}\n"
        f"  argmap export {path} -o {stem}.svg"
    )
