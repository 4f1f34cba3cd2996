"""Search time against query length on a 3,000-document store (issue #7: 8 kB must answer in
under a second).

The store is built through the real store API from synthetic news sentences (wire-style
templates over fixed name, place and word lists, with their entities as mentions), without
spaCy, so it takes seconds. Queries are "video link" (10 B), then 1, 4 and 8 kB of pasted corpus
sentences and of one sentence repeated (the old quadratic case), and last the heaviest query
the caps allow. Queries over the caps of `newsgraph.views.search` are answered by the cap
message: refused, not truncated, so nobody mistakes a cut query's hits for an answer.

    python benchmarks/search.py                 # a fresh store in a temporary folder
    python benchmarks/search.py --db bench.db   # build once, keep it, reuse it next time
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.model import Analysis, Document, Entity, Mention, Sentence
from newsgraph.store import open_store
from newsgraph.views import search
from newsgraph.views.search import MAX_QUERY_CHARS, MAX_QUERY_TERMS, query_terms

PEOPLE = ["Amina Chege", "Farid Lwambo", "Idris Maleki", "Lucía Ferrandez", "Joseph Kileo", "Mahad Gurey",
          "Salem bin Humaid", "Ghulam Qasmi", "Elena Pike", "Peter Kamau", "Mary Wanjiru", "Yusuf Abdi"]
ORGANISATIONS = ["Harbour Workers Alliance", "Coastal Reform Council", "Eastern Shield Brigades",
                 "Council of Coastal Ulema", "Blue Reef Trust", "Port Authority", "Red Crescent",
                 "Ministry of Fisheries", "African Union", "Hadramawt Martyrs Battalion"]
PLACES = ["Mombasa", "Nairobi", "Lamu", "Malindi", "Aden", "Mukalla", "Kismayo", "Bosaso", "Djibouti",
          "Karachi", "Tanga", "Zanzibar", "Dubai", "Kano", "Brenmoor", "Calverton"]
TEMPLATES = [
    "{p} met leaders of the {o} in {l} on {d} to discuss fishing rights and port fees.",
    "The {o} said on {d} that talks with {p} had stalled over wages and night shifts.",
    "{p}, who heads the {o}, joined the meeting via video link from {l}.",
    "Police in {l} detained two men after a rally called by the {o} turned violent.",
    "Officials of the {o} denied that {p} had been paid to leave {l} before the vote.",
    "A report by the {o} found that the harbour in {l} handled fewer ships this year.",
    "{p} told reporters in {l} that the strike would go on until the {o} signed the deal.",
    "The {o} opened an office in {l} and promised two hundred jobs for young workers.",
    "Residents of {l} said the flooding on {d} had cut roads and closed three schools.",
    "{p} praised the steadfastness of the {o} at a dinner in {l} on {d}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
QUERY_BYTES = [10, 1_000, 4_000, 8_000]


def synthetic_analysis(rng: random.Random, n: int) -> Analysis:
    """One article of 6 to 14 sentences, with its people, organisations and places as mentions."""
    sentences, refs, text = [], [], ""
    for index in range(rng.randint(6, 14)):
        slots = {"p": rng.choice(PEOPLE), "o": rng.choice(ORGANISATIONS), "l": rng.choice(PLACES),
                 "d": rng.choice(DAYS)}
        sentence = rng.choice(TEMPLATES).format(**slots)
        start = len(text)
        sentences.append(Sentence(index, start, start + len(sentence), sentence))
        for key, type_ in (("p", "person"), ("o", "organization"), ("l", "place")):
            at = sentence.find(slots[key])
            if at >= 0:
                refs.append((start + at, slots[key], type_, index))
        text += sentence + " "
    published = date(2024, 1, 1) + timedelta(days=n % 365)
    document = Document(text=text.rstrip(), title=f"Coastal report {n}", source=f"report-{n:04}.txt",
                        published=published)
    analysis = Analysis(document=document, sentences=sentences)
    entities: dict[str, Entity] = {}
    for start, name, type_, index in refs:
        entity_id = Entity.make_id(type_, name)
        analysis.mentions.append(
            Mention(document.id, start, start + len(name), name, type_, "name", index, entity_id))
        entities.setdefault(entity_id, Entity(entity_id, type_, name, []))
    analysis.entities = list(entities.values())
    return analysis


def build_store(path: Path, documents: int) -> float:
    started = time.perf_counter()
    rng = random.Random(7)
    with open_store(path) as store:
        for n in range(documents):
            store.add(synthetic_analysis(rng, n))
    return time.perf_counter() - started


def pasted(size: int, rng: random.Random) -> str:
    """Sentences of the corpus up to `size` bytes, as a user pasting a paragraph would send."""
    text = ""
    while len(text.encode()) < size:
        text += " " + rng.choice(TEMPLATES).format(p=rng.choice(PEOPLE), o=rng.choice(ORGANISATIONS),
                                                   l=rng.choice(PLACES), d=rng.choice(DAYS))
    return text.encode()[:size].decode(errors="ignore").strip()


def repeated(size: int, sentence: str) -> str:
    """One sentence's words again and again up to `size` bytes: what made the old plan
    quadratic, since every repeat matched wherever the first did."""
    return ((sentence + " ") * (size // len(sentence) + 1))[:size].rsplit(" ", 1)[0]


def queries() -> list[tuple[str, str]]:
    rng = random.Random(11)
    # The words of the commonest kind of sentence without its names: found in one sentence of ten.
    common = " ".join(word for word in TEMPLATES[0].split() if "{" not in word)
    found = [("10 B", "video link")]
    for size in QUERY_BYTES[1:]:
        found.append((f"{size // 1000} kB pasted", pasted(size, rng)))
        found.append((f"{size // 1000} kB repeated", repeated(size, common)))
    terms = query_terms(common + " " + pasted(2000, rng))
    found.append((f"{len(query_terms(common))} common words", common))
    found.append((f"{MAX_QUERY_TERMS} words", " ".join(terms[:MAX_QUERY_TERMS])))
    return found


def timed(store, query: str, repeat: int = 3) -> tuple[float, str]:
    """The best of `repeat` runs of `search` as the CLI calls it, and what it answered."""
    best, answer = float("inf"), ""
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            answer = f"{len(search(store, query))} hits"
        except InputError as refused:
            answer = f"refused: {refused.reason}"
        best = min(best, time.perf_counter() - started)
    return best, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="store to build (if missing) and search")
    parser.add_argument("--documents", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "search-bench.db"
        if not path.exists():
            print(f"built {args.documents} documents in {build_store(path, args.documents):.1f} s")
        with open_store(path, readonly=True) as store:
            print(f"store: {path} ({len(store.documents())} documents)")
            print(f"caps: {MAX_QUERY_CHARS} characters, {MAX_QUERY_TERMS} distinct terms")
            for label, query in queries():
                seconds, answer = timed(store, query)
                print(f"{label:>20}: {seconds * 1000:8.1f} ms  {answer}")

if __name__ == "__main__":
    main()
