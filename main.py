#!/usr/bin/env python3
"""Start argmap: ``python main.py [FILE]`` opens the editor; ``python main.py COMMAND ...`` runs the CLI."""

import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    from argmap import cli

    if argv and (argv[0] in cli.COMMANDS or argv[0].startswith("-")):
        return cli.main(argv)
    if len(argv) > 1:
        print("usage: python main.py [FILE] | python main.py COMMAND ... (see --help)",
              file=sys.stderr)
        return 2
    from argmap.gui.app import run

    return run(argv[0] if argv else None)


if __name__ == "__main__":
    sys.exit(main())
