"""The `newsgraph` command: a thin layer that parses arguments, calls the Python API, prints.

`app.py` holds the click group; each command group lives in its own module and registers itself
on it when imported here, so no command module imports this package back.
"""
from newsgraph.cli import bench, evaluate, facts, graph, resolve, screen, timecmd  # noqa: F401  (registers the commands)
from newsgraph.cli.app import main

__all__ = ["main"]
