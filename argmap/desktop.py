"""Desktop integration on Linux: the menu entry, the ``.argmap`` file type and the icon.

:func:`install_desktop` copies the files argmap ships (``resources/desktop``
and ``resources/icons``) into the user's data folder
(``$XDG_DATA_HOME``, by default ``~/.local/share``), following the freedesktop.org
specifications, then refreshes the MIME and desktop databases when their tools are
installed. Nothing here needs Qt.
"""

import os
import shutil
import subprocess
import sys

from argmap import resources
from argmap.errors import ArgmapError, SaveError
from argmap.fileio import atomic_write

DESKTOP_ID = "argmap.desktop"
MIME_FILE = "argmap.xml"
MIME_TYPE = "application/x-argmap"
#: Seconds update-mime-database or update-desktop-database may take.
TOOL_TIMEOUT = 30


def data_home(environ=None):
    """Return ``$XDG_DATA_HOME`` or its default ``~/.local/share``."""
    environ = os.environ if environ is None else environ
    found = environ.get("XDG_DATA_HOME", "")
    if os.path.isabs(found):
        return found
    return os.path.join(os.path.expanduser("~"), ".local", "share")


def quote_exec(word):
    """Quote *word* for a desktop entry's ``Exec`` key (its quoting rules, not a shell's)."""
    if word and not any(c in word for c in " \t\n\"'\\><~|&;$*?#()`"):
        return word
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in word)
    return f'"{escaped}"'


def editor_command():
    """Return the command line (a list) that opens the editor from this installation."""
    script = os.path.join(os.path.dirname(sys.executable), "argmap-editor")
    if os.access(script, os.X_OK):
        return [os.path.abspath(script)]
    found = shutil.which("argmap-editor")
    if found:
        return [found]
    return [os.path.abspath(sys.executable), "-m", "argmap"]


def desktop_entry(command=None):
    """Return the text of the shipped desktop entry, its ``Exec`` opening *command* on ``%f``."""
    words = editor_command() if command is None else command
    exec_line = "Exec=" + " ".join(quote_exec(w) for w in words) + " %f"
    lines = resources.read_text("desktop", DESKTOP_ID).splitlines()
    return "\n".join(exec_line if line.startswith("Exec=") else line for line in lines) + "\n"


def planned_files(home):
    """Return ``[(target path, bytes)]`` of every file :func:`install_desktop` writes."""
    icons = os.path.join(home, "icons", "hicolor")
    files = [
        (os.path.join(home, "applications", DESKTOP_ID), desktop_entry().encode()),
        (
            os.path.join(home, "mime", "packages", MIME_FILE),
            resources.resource("desktop", "argmap-mime.xml").read_bytes(),
        ),
        (
            os.path.join(icons, "scalable", "apps", "argmap.svg"),
            resources.resource("icons", "argmap.svg").read_bytes(),
        ),
    ]
    for size in resources.ICON_SIZES:
        files.append(
            (
                os.path.join(icons, f"{size}x{size}", "apps", "argmap.png"),
                resources.resource("icons", f"argmap-{size}.png").read_bytes(),
            )
        )
    return files


def install_desktop(home=None, refresh=True):
    """Install the desktop entry, MIME type and icons for the user; return the paths written.

    Parameters
    ----------
    home : str, optional
        The data folder; :func:`data_home` when not given.
    refresh : bool
        Run ``update-mime-database`` and ``update-desktop-database`` when installed.

    Raises
    ------
    SaveError
        When a file cannot be written (each one is written atomically).
    ArgmapError
        When a database tool fails or times out.
    """
    home = data_home() if home is None else home
    written = []
    for target, data in planned_files(home):
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
        except OSError as exc:
            raise SaveError(f"cannot create {os.path.dirname(target)}: {exc.strerror}") from exc
        atomic_write(target, data)
        written.append(target)
    if refresh:
        _refresh("update-mime-database", os.path.join(home, "mime"))
        _refresh("update-desktop-database", os.path.join(home, "applications"))
    return written


def _refresh(tool, folder):
    """Run *tool* on *folder* if it is installed; raise ArgmapError if it fails."""
    program = shutil.which(tool)
    if program is None:
        return False
    try:
        result = subprocess.run(
            [program, folder], capture_output=True, text=True, timeout=TOOL_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        raise ArgmapError(f"{tool} took longer than {TOOL_TIMEOUT} s and was stopped") from None
    except OSError as exc:
        raise ArgmapError(f"could not run {tool}: {exc.strerror}") from exc
    if result.returncode != 0:
        message = " ".join(result.stderr.split())[:300] or f"exit code {result.returncode}"
        raise ArgmapError(f"{tool} failed: {message}")
    return True
