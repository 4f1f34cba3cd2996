"""The Python API: what the CLI (and later the web API) calls.

`extract` and `analyze` are stateless; `Graph` is a knowledge graph kept in a store.
"""
from newsgraph.api.extraction import analyze, default_pipeline, extract, extract_files
from newsgraph.api.graph import DEFAULT_DB, Duplicate, Graph, IngestReport, db_path
from newsgraph.api.timex import timexes_json, timexes_timeml

__all__ = ["DEFAULT_DB", "Duplicate", "Graph", "IngestReport", "analyze", "db_path", "default_pipeline", "extract",
           "extract_files", "timexes_json", "timexes_timeml"]
