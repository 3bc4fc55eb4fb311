#!/usr/bin/env python3
"""Start argmap: ``python main.py [FILE]`` opens the editor; ``python main.py COMMAND ...``
runs the command line."""

from argmap.__main__ import main
from argmap.terminal import exit_process

if __name__ == "__main__":
    exit_process(main())
