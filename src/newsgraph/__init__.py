"""newsgraph: news articles in, an evidence-backed knowledge graph out.

    import newsgraph
    graph_json = newsgraph.extract(text, published=date(2025, 2, 10))
    with newsgraph.Graph("newsgraph.db") as g:
        g.ingest(["articles/"])
"""
__version__ = "0.1.0"

from newsgraph.api import Graph, analyze, extract

__all__ = ["Graph", "analyze", "extract", "__version__"]
