"""Throughput and memory of the full pipeline, against bare spaCy on the same texts in the same run.

The corpus is streamed and never held in memory: the demo corpus is repeated lazily, ECB+
is read one file at a time, other folders go through ingest. Both sides take turns on each
chunk of documents (see "measured run" below). Model loading is left out of the timings; peak
RSS covers the process and its workers.
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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Self

import psutil

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import Document
from newsgraph.pipeline import DEFAULT_STAGES, REGISTRY

# The demo articles ship inside the package (data/demo_corpus), so the default corpus is
# found wherever newsgraph is installed.
DEMO_CORPUS = resources.files("newsgraph") / "data" / "demo_corpus"
DEMO_MIN_BYTES = 1_000_000
TARGET_RATIO = 0.6

DocumentStream = Callable[[], Iterator[Document]]


@dataclass
class Throughput:
    """The time one side (pipeline or bare spaCy) spent on the corpus, summed over its chunks."""

    seconds: float
    documents: int
    words: int

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {"seconds": self.seconds, "docs_per_s": self.docs_per_s, "words_per_s": self.words_per_s}


@dataclass
class BenchResult:
    corpus: str
    stages: list[str]
    workers: int
    batch_size: int
    documents: int
    words: int
    bytes: int
    pipeline: Throughput
    bare: Throughput
    wall_seconds: float  # the whole measured run: both sides, warm-up and bookkeeping
    peak_rss_bytes: int
    load_seconds: float
    skipped: int = 0  # inputs that could not be read
    unavailable_stages: list[str] = field(default_factory=list)

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
            "documents": self.documents,
            "words": self.words,
            "bytes": self.bytes,
            "skipped_inputs": self.skipped,
            "load_seconds": self.load_seconds,
            "wall_seconds": self.wall_seconds,
            "peak_rss_bytes": self.peak_rss_bytes,
            "pipeline": self.pipeline.to_dict(),
            "bare_spacy": self.bare.to_dict(),
            "ratio": self.ratio,
            "target_ratio": TARGET_RATIO,
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
                # Other work on the machine slows both sides; the ratio is robust to it, rates are not.
                "load_average_1_5_15min": list(os.getloadavg()),
            },
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
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
    from newsgraph.eval.ecbplus import is_ecbplus_dir
    from newsgraph.ingest import iter_documents

    if path is None:
        if not DEMO_CORPUS.is_dir():
            raise InputError("demo corpus not found; pass a CORPUS path", source=str(DEMO_CORPUS))
        return Corpus(f"demo corpus ({DEMO_CORPUS})", lambda: iter_documents([DEMO_CORPUS]),
                      DEMO_MIN_BYTES if min_bytes is None else min_bytes)
    path = Path(path)
    if not path.exists():
        raise InputError("no such file or directory", source=str(path))
    if is_ecbplus_dir(path):
        return Corpus(f"ECB+ ({path})", lambda: _ecbplus_documents(path), min_bytes or 0)
    return Corpus(str(path), lambda: iter_documents([path]), min_bytes or 0)


def _ecbplus_documents(root: Path) -> Iterator[Document | InputError]:
    """One Document per ECB+ file, read one at a time; a bad file is reported, not fatal."""
    from newsgraph.eval.ecbplus import ecbplus_files, read_ecbplus_text

    for path in ecbplus_files(root):
        try:
            yield Document(text=read_ecbplus_text(path), source=path.name)
        except InputError as error:
            yield error


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
    """A second instance of the installed spaCy model, the same the pipeline parses with."""
    from newsgraph.pipeline.nlp import load_model

    return load_model()


# --- memory --------------------------------------------------------------------------------


def _resident_peak(process: psutil.Process) -> int:
    """The process's high-water resident size (Linux VmHWM), else its current resident size."""
    try:
        with open(f"/proc/{process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return process.memory_info().rss


class PeakRSS:
    """Peak resident memory of this process plus all its children.

    Each process's own high-water mark is read where the OS keeps one (Linux), and the sum
    is also sampled in a background thread in case workers come and go. Summing per-process
    peaks, and counting pages shared by workers once per process, makes it an upper bound.
    """

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak = 0
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        total = 0
        for process in [self._process, *self._process.children(recursive=True)]:
            try:
                total += _resident_peak(process)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        self.peak = max(self.peak, total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> Self:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


# --- measured run --------------------------------------------------------------------------
#
# The pipeline and bare spaCy take turns on each chunk of `batch_size` documents, alternating
# which goes first, so background load and cache effects fall on both sides alike. In worker
# processes each worker holds both models and times its own chunks; the workers' summed time
# divided by their number estimates each side's wall time.

_models = None  # (Pipeline, bare spaCy) of this process
_warmed_up = False
_WORKER_LOAD_TIMEOUT = 300


def _load_models(stages: list[str], ready=None) -> None:
    global _models
    from newsgraph.pipeline import Pipeline

    _models = (Pipeline(stages=stages), load_bare_nlp())
    if ready is not None:
        ready.wait()


def _time_chunk(chunk: list[Document], batch_size: int, pipeline_first: bool) -> tuple[int, float, float]:
    """(documents, pipeline seconds, bare seconds) for one chunk.

    A process's first chunk is run once untimed: spaCy's first batches pay for lazy set-up.
    """
    global _warmed_up
    pipeline, nlp = _models

    def run_pipeline() -> None:
        for _analysis in pipeline.pipe(chunk, batch_size=batch_size):
            pass

    def run_bare() -> None:
        for _doc in nlp.pipe([d.text for d in chunk], batch_size=batch_size):
            pass

    if not _warmed_up:
        run_pipeline()
        run_bare()
        _warmed_up = True
    seconds = {}
    for run in (run_pipeline, run_bare) if pipeline_first else (run_bare, run_pipeline):
        started = time.perf_counter()
        run()
        seconds[run] = time.perf_counter() - started
    return len(chunk), seconds[run_pipeline], seconds[run_bare]


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


def _chunk_tasks(documents: Iterator[Document], batch_size: int) -> Iterator[tuple]:
    for index, chunk in enumerate(iter(lambda: list(islice(documents, batch_size)), [])):
        yield chunk, batch_size, index % 2 == 0


class _WorkerPool:
    """Worker processes that load both models once, fed a bounded number of chunks at a time
    so that the corpus is never queued whole."""

    def __init__(self, stages: list[str], workers: int):
        context = multiprocessing.get_context("spawn")
        ready = context.Barrier(workers + 1)
        self.workers = workers
        self.pool = context.Pool(workers, initializer=_load_models, initargs=(stages, ready))
        try:
            ready.wait(timeout=_WORKER_LOAD_TIMEOUT)
        except threading.BrokenBarrierError:
            self.pool.terminate()
            raise NewsgraphError(f"workers did not load the models within {_WORKER_LOAD_TIMEOUT} s") from None

    def map(self, tasks: Iterator[tuple]) -> Iterator[tuple[int, float, float]]:
        in_flight: deque = deque()
        for task in tasks:
            in_flight.append(self.pool.apply_async(_time_chunk, task))
            if len(in_flight) >= 2 * self.workers:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def _progress(quiet: bool):
    from tqdm import tqdm

    return tqdm(desc="bench", unit=" doc", disable=True if quiet else None, leave=False, mininterval=0.5)


def run_bench(corpus: Corpus, stages: list[str] | None = None, workers: int = 1, batch_size: int = 16,
              quiet: bool = False) -> BenchResult:
    """Measure the pipeline and bare spaCy, chunk by chunk, over one stream of texts."""
    if workers < 1 or batch_size < 1:
        raise NewsgraphError("--workers and --batch-size must be at least 1")
    if stages is None:
        stages, unavailable = available_stages()
    else:
        unavailable = available_stages(stages)[1]
        if unavailable:
            raise NewsgraphError(f"stage module not found: {', '.join(unavailable)}")
    started = time.perf_counter()
    pool = _WorkerPool(stages, workers) if workers > 1 else None
    if pool is None:
        _load_models(stages)
    load_seconds = time.perf_counter() - started

    counter = _Counter()
    tasks = _chunk_tasks(counter.count(corpus.stream()), batch_size)
    pipeline_seconds = bare_seconds = 0.0
    try:
        with PeakRSS() as memory, _progress(quiet) as bar:
            started = time.perf_counter()
            for documents, pipeline_s, bare_s in (pool.map(tasks) if pool else (_time_chunk(*t) for t in tasks)):
                pipeline_seconds += pipeline_s
                bare_seconds += bare_s
                bar.update(documents)
            wall_seconds = time.perf_counter() - started
    finally:
        if pool is not None:
            pool.close()
    return BenchResult(
        corpus=corpus.name,
        stages=list(stages),
        workers=workers,
        batch_size=batch_size,
        documents=counter.documents,
        words=counter.words,
        bytes=counter.bytes,
        pipeline=Throughput(pipeline_seconds / workers, counter.documents, counter.words),
        bare=Throughput(bare_seconds / workers, counter.documents, counter.words),
        wall_seconds=wall_seconds,
        peak_rss_bytes=memory.peak,
        load_seconds=load_seconds,
        skipped=corpus.skipped,
        unavailable_stages=unavailable,
    )
