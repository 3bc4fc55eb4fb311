"""argmap: a desktop argument mapper for debate preparation."""

__version__ = "0.1.0"
