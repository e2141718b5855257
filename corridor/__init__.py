"""Corridor: the shared workspace of Ontario's automotive manufacturing corridor."""

__version__ = "0.1.0"
