#!/usr/bin/env python3
"""Start argmap: ``python main.py [FILE]`` opens the editor; ``python main.py COMMAND ...``
runs the command line."""

import sys

from argmap.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
