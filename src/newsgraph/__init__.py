"""newsgraph: news articles in, an evidence-backed knowledge graph out."""
__version__ = "0.1.0"
