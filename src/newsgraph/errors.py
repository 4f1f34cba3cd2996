"""One exception hierarchy; the CLI turns each into one clear line, the API into one JSON shape."""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.reason = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = self.source or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}" if where else self.reason

    def to_dict(self) -> dict:
        return {"error": type(self).__name__, "reason": self.reason, "source": self.source, "line": self.line}


class InputError(NewsgraphError):
    """A document could not be read: missing, empty, binary, undecodable, malformed, too large."""


class InputWarning(NewsgraphError, UserWarning):
    """A document was read, but something in it is doubtful (a publication date in the future).

    Issued through `warnings.warn`, so the batch goes on and nothing is silent; the CLI prints it
    as one `newsgraph: warning:` line, a caller can collect it with `warnings.catch_warnings`.
    """


class StageError(NewsgraphError):
    """A pipeline stage failed on one document; that document is skipped, the batch goes on."""


class StoreError(NewsgraphError):
    """The store could not be opened or written."""


class NotFound(NewsgraphError):
    """A name or id matched nothing."""


class Ambiguous(NewsgraphError):
    """A name matched several entities; `candidates` lists them."""

    def __init__(self, message: str, candidates: list | None = None, **kw):
        super().__init__(message, **kw)
        self.candidates = candidates or []


class PipelineError(NewsgraphError):
    """A pipeline was put together wrongly: an unknown stage, or a stage whose inputs no earlier
    stage provides."""
