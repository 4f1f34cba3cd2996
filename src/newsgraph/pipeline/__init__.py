"""The extraction pipeline: a parse, then small stages that each fill part of an Analysis.

A stage is any callable `stage(analysis) -> analysis`. Stages do not import each other, the
store or the CLI, so a different implementation (an LLM-backed extractor, say) can replace
one by name.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from newsgraph.errors import StageError
from newsgraph.model import Analysis, Document


class Stage(Protocol):
    name: str

    def __call__(self, analysis: Analysis) -> Analysis: ...


StageFactory = Callable[[], Stage]

# Stages by name, imported lazily: "module:attribute" of a class whose instances are stages.
REGISTRY: dict[str, str] = {
    "sentences": "newsgraph.pipeline.sentences:SentenceStage",
    "mentions": "newsgraph.pipeline.mentions:MentionStage",
    "coref": "newsgraph.pipeline.coref:CorefStage",
    "geo": "newsgraph.pipeline.geo:GeoStage",
    "timex": "newsgraph.pipeline.timex:TimexStage",
    "events": "newsgraph.pipeline.events:EventStage",
    "relations": "newsgraph.pipeline.relations:RelationStage",
}
DEFAULT_STAGES = ("sentences", "mentions", "coref", "geo", "timex", "events", "relations")


def make_stage(name: str) -> Stage:
    """Instantiate the stage registered under `name`."""
    import importlib

    module_name, _, attr = REGISTRY[name].partition(":")
    return getattr(importlib.import_module(module_name), attr)()


class Pipeline:
    """spaCy parse, then each stage in order, one document at a time (streaming)."""

    def __init__(self, stages: Iterable[str | Stage] = DEFAULT_STAGES, nlp=None):
        from newsgraph.pipeline.nlp import load_nlp

        self.nlp = nlp if nlp is not None else load_nlp()
        self.stages: list[Stage] = [make_stage(s) if isinstance(s, str) else s for s in stages]

    def analyze(self, document: Document) -> Analysis:
        """Analyse one document; a failing stage raises StageError."""
        return next(self.pipe([document]))

    def pipe(
        self,
        documents: Iterable[Document],
        batch_size: int = 16,
        on_error: Callable[[StageError], None] | None = None,
    ) -> Iterator[Analysis]:
        """Analyse documents lazily, batching the parse; never holds the whole input.

        With `on_error`, a document on which a stage fails is reported there and skipped, so
        one unexpected text cannot stop a batch; without it the StageError is raised.
        """
        pairs = ((d.text, d) for d in documents)
        for parsed, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            analysis = Analysis(document=document, parsed=parsed)
            try:
                for stage in self.stages:
                    analysis = stage(analysis)
            except Exception as exc:  # any bug in a stage becomes one reported document
                error = StageError(f"{stage.name} stage failed: {type(exc).__name__}: {exc}",
                                   source=document.source or document.id)
                if on_error is None:
                    raise error from exc
                on_error(error)
                continue
            analysis.parsed = None
            yield analysis
