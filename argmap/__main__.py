"""Start argmap: ``python -m argmap [FILE]`` opens the editor; ``python -m argmap COMMAND ...``
runs the command line.

The ``argmap`` console script starts here too, so ``argmap FILE`` opens the editor and
``argmap COMMAND ...`` runs a command; ``argmap`` alone, typed in a terminal, shows how to
use it. ``argmap-editor [FILE]`` always opens the editor.
"""

import sys

from argmap import cli

USAGE = "usage: argmap [FILE] | argmap COMMAND ... (see argmap --help)"


def main(argv=None, bare_opens_editor=True):
    """Open the editor on FILE (or the seeded map), or run a command; return the exit code.

    With no argument at all the editor opens on the seeded map, unless
    *bare_opens_editor* is false (the console script), which shows the usage.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv and not bare_opens_editor:
        return cli.main(argv)
    if argv and (argv[0] in cli.COMMANDS or argv[0].startswith("-")):
        return cli.main(argv)
    if len(argv) > 1:
        print(USAGE, file=sys.stderr)
        return 2
    return editor(argv)


def editor(argv=None):
    """Open the editor on the one file in *argv* (or the seeded map); return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if len(argv) > 1:
        print("usage: argmap-editor [FILE]", file=sys.stderr)
        return 2
    from argmap.gui.app import run  # PySide6 loads only when the editor opens

    return run(argv[0] if argv else None)


def main_exit():
    """Entry point of the ``argmap`` console script."""
    sys.exit(main(bare_opens_editor=False))


def editor_exit():
    """Entry point of the ``argmap-editor`` GUI script."""
    sys.exit(editor())


if __name__ == "__main__":
    sys.exit(main())
