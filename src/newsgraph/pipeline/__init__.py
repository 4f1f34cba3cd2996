"""The extraction pipeline: a parse, then small stages that each fill part of an Analysis.

A stage is a callable `stage(analysis) -> analysis` with a `name` and two class attributes:
`requires`, the parts of the Analysis it reads, and `assigns`, the parts it fills. The
parse provides "document" and "parsed"; a `Pipeline` whose stages read something no earlier
stage assigns is refused when it is built. Stages do not import each other, the store or the
CLI, so a different implementation (an LLM-backed extractor, say) can replace one by name.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import ClassVar, Protocol

from newsgraph.errors import PipelineError, StageError
from newsgraph.model import Analysis, Document

# What every analysis has before the first stage runs.
PARSE_PROVIDES = ("document", "parsed")


class Stage(Protocol):
    name: str
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, analysis: Analysis) -> Analysis: ...


# Stages by name, imported lazily: "module:attribute" of a class whose instances are stages.
REGISTRY: dict[str, str] = {
    "sentences": "newsgraph.pipeline.sentences:SentenceStage",
    "mentions": "newsgraph.pipeline.mentions:MentionStage",
    "spacy-mentions": "newsgraph.pipeline.mentions:SpacyMentionStage",
    "coref": "newsgraph.pipeline.coref:CorefStage",
    "same-name": "newsgraph.pipeline.same_name:SameNameStage",
    "geo": "newsgraph.pipeline.geo:GeoStage",
    "timex": "newsgraph.pipeline.timex:TimexStage",
    "events": "newsgraph.pipeline.events:EventStage",
    "relations": "newsgraph.pipeline.relations:RelationStage",
    "place_hierarchy": "newsgraph.pipeline.geo:PlaceHierarchyStage",
}
DEFAULT_STAGES = ("sentences", "mentions", "coref", "geo", "timex", "events", "relations", "place_hierarchy")


def make_stage(name: str) -> Stage:
    """Instantiate the stage registered under `name`."""
    import importlib

    if name not in REGISTRY:
        raise PipelineError(f"unknown stage {name!r}; known: {', '.join(REGISTRY)}")
    module_name, _, attr = REGISTRY[name].partition(":")
    return getattr(importlib.import_module(module_name), attr)()


def check_stages(stages: Iterable[Stage]) -> None:
    """Refuse a stage list in which a stage requires what no earlier stage assigns."""
    provided = set(PARSE_PROVIDES)
    for stage in stages:
        missing = [r for r in getattr(stage, "requires", ()) if r not in provided]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns "
                f"(available: {', '.join(sorted(provided))})"
            )
        provided.update(getattr(stage, "assigns", ()))


class Pipeline:
    """spaCy parse, then each stage in order, one document at a time (streaming)."""

    def __init__(self, stages: Iterable[str | Stage] = DEFAULT_STAGES, nlp=None, chunk_chars: int | None = None):
        from newsgraph.pipeline.nlp import load_nlp
        from newsgraph.pipeline.parse import CHUNK_CHARS

        self.stages: list[Stage] = [make_stage(s) if isinstance(s, str) else s for s in stages]
        check_stages(self.stages)
        self.nlp = nlp if nlp is not None else load_nlp()
        self.chunk_chars = chunk_chars or CHUNK_CHARS

    def analyze(self, document: Document) -> Analysis:
        """Analyse one document; a failing stage raises StageError."""
        return next(self.pipe([document]))

    def pipe(
        self,
        documents: Iterable[Document],
        batch_size: int = 16,
        on_error: Callable[[StageError], None] | None = None,
    ) -> Iterator[Analysis]:
        """Analyse documents lazily, batching the parse (long texts in chunks, see
        `pipeline.parse`); never holds the whole input.

        With `on_error`, a document that cannot be parsed or on which a stage fails is reported
        there and skipped, so one unexpected text cannot stop a batch; without it the
        StageError is raised.
        """
        from newsgraph.pipeline.parse import Parser

        for document, parsed in Parser(self.nlp, batch_size=batch_size, chunk_chars=self.chunk_chars).parse(documents):
            if isinstance(parsed, Exception):
                _report(f"parse failed: {type(parsed).__name__}: {parsed}", document, parsed, on_error)
                continue
            analysis = Analysis(document=document, parsed=parsed)
            try:
                for stage in self.stages:
                    analysis = stage(analysis)
            except Exception as exc:  # any bug in a stage becomes one reported document
                _report(f"{stage.name} stage failed: {type(exc).__name__}: {exc}", document, exc, on_error)
                continue
            analysis.parsed = None
            yield analysis


def _report(message: str, document: Document, cause: Exception,
            on_error: Callable[[StageError], None] | None) -> None:
    """One document's failure: to `on_error` when given, else raised as a StageError."""
    error = StageError(message, source=document.source or document.id)
    if on_error is None:
        raise error from cause
    on_error(error)
