"""What the fuzz suite feeds newsgraph: good articles, bad files and random content.

Good articles are hand-written templates filled with names of several naming traditions,
places and dates. Every generated file is an `Input`: its bytes, and for each record in it (the
whole file, a JSON Lines line, an element of a JSON array) what ingest must make of it — a
stored document, one error line, or, for random content, exactly one of the two.
"""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st

# Each test's examples by default; the long profile runs this many times more.
LONG_FACTOR = 50


def fuzz(examples: int) -> settings:
    """The "fuzz" profile (tests/fuzz/conftest.py) with `examples` examples, LONG_FACTOR times
    as many when HYPOTHESIS_PROFILE=long."""
    long = os.environ.get("HYPOTHESIS_PROFILE") == "long"
    return settings(settings.get_profile("fuzz"), max_examples=examples * (LONG_FACTOR if long else 1))


class Expect(Enum):
    DOCUMENT = "a stored document"
    ERROR = "one error line"
    EITHER = "a stored document or one error line"


@dataclass(frozen=True)
class Input:
    """One file to write. `parts` are the suffixes ingest appends to the file name to report
    each record of it: "" for the whole file, ":1" for line 1, "[0]" for element 0."""

    kind: str
    suffix: str
    data: bytes
    expect: Expect
    parts: tuple[str, ...] = ("",)

    def keys(self, path: Path) -> list[str]:
        return [f"{path}{part}" for part in self.parts]


@dataclass(frozen=True)
class Tradition:
    """Names as one tradition writes them: given and family names, in its own order."""

    given: tuple[str, ...]
    family: tuple[str, ...]
    family_first: bool = False

    def full_name(self, given: str, family: str) -> str:
        return f"{family} {given}" if self.family_first else f"{given} {family}"


# Common names written by hand for their shapes: two surnames, patronymics, particles, family
# name first, diacritics and letters outside Latin-1.
TRADITIONS = (
    Tradition(("Margaret", "David", "Aisha"), ("Ellison", "O'Connor", "Okafor-Smith")),
    Tradition(("María José", "Juan Carlos", "Lucía"), ("García López", "Pérez Ruiz", "de la Fuente")),
    Tradition(("Omar", "Fatima", "Yusuf"), ("bin Khalid al-Rashid", "Al-Hassan", "ibn Saleh")),
    Tradition(("Xiuying", "Wei", "Jianguo"), ("Wang", "Li", "Zhang"), family_first=True),
    Tradition(("Thị Lan", "Văn Minh", "Đức Anh"), ("Nguyễn", "Trần", "Phạm"), family_first=True),
    Tradition(("Guðrún", "Ólafur", "Þóra"), ("Jónsdóttir", "Ragnarsson", "Sigurðardóttir")),
    Tradition(("Dmitri Ivanovich", "Yelena Petrovna", "Oleksandr"), ("Sokolov", "Orlova", "Shevchenko")),
    Tradition(("Adebayo", "Chiamaka", "Ngozi"), ("Ogunleye", "Okonkwo", "Adeyemi")),
    Tradition(("Priya", "Arjun", "Lakshmi"), ("Raghunathan", "Venkataraman", "Iyer")),
    Tradition(("Jan", "Femke", "Pieter"), ("van der Berg", "de Vries", "van Dijk")),
    Tradition(("Siobhán", "Seán", "Aoife"), ("Ní Bhriain", "Mac Giolla Phádraig", "Ó Súilleabháin")),
    Tradition(("Katalin", "László"), ("Nagy", "Kovács"), family_first=True),
)
PLACES = ("Lagos", "Reykjavík", "Đà Nẵng", "São Paulo", "Kraków", "Chiang Mai", "Addis Ababa",
          "Ulaanbaatar", "Québec", "Tromsø", "Marrakesh", "Kyiv", "Valparaíso", "Cork")
ORGANISATIONS = ("the Port Authority", "the Red Crescent Society", "Banco Nacional",
                 "the Ministry of Water", "the Dockworkers' Union")
TEMPLATES = (
    "{person} was elected mayor of {place} on {date}. {person} said the new council would meet "
    "within a month.\n\nThe vote was close.",
    "The port of {place} reopened on {date} after a strike by dock workers. {person}, who leads "
    "{org}, called the agreement fair.",
    "{person} met {other} in {place} on {date} to discuss the water agreement. Neither of them spoke "
    "to reporters after the talks.",
    "Floods closed schools across {place} on {date}.\nOfficials of {org} said {other} would visit "
    "the region the next day.",
    "On {date}, {org} named {person} as its new director in {place}. {other} had held the post "
    "since 2015.",
)
FORMATS = ("txt", "md", "html", "json", "jsonl")
DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%Y-%m-%d", "%A", "%d.%m.%Y")

names = st.sampled_from(TRADITIONS).flatmap(
    lambda t: st.builds(t.full_name, st.sampled_from(t.given), st.sampled_from(t.family))
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31))
articles = st.builds(
    lambda template, person, other, place, org, day, fmt: template.format(
        person=person, other=other, place=place, org=org, date=day.strftime(fmt)
    ),
    st.sampled_from(TEMPLATES), names, names, st.sampled_from(PLACES), st.sampled_from(ORGANISATIONS),
    days, st.sampled_from(DATE_FORMATS),
)
words = articles.map(str.split).flatmap(st.sampled_from)


def page(title: str, body: str) -> str:
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"</head><body><article>{body}</article></body></html>")


def render(text: str, title: str, published: date, fmt: str, ascii_json: bool) -> tuple[str, str]:
    """(suffix, content) of an article written as a file of format `fmt`."""
    record = json.dumps({"title": title, "text": text, "published": published.isoformat()}, ensure_ascii=ascii_json)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    return {
        "txt": (".txt", text),
        "md": (".md", f"# {title}\n\n{text}\n"),
        "html": (".html", page(title, paragraphs)),
        "json": (".json", record),
        "jsonl": (".jsonl", record + "\n"),
    }[fmt]


@st.composite
def good_articles(draw) -> Input:
    """An article in one of the five formats, with CRLF line ends or a BOM now and then."""
    text, place, day = draw(articles), draw(st.sampled_from(PLACES)), draw(days)
    fmt = draw(st.sampled_from(FORMATS))
    suffix, content = render(text, f"News from {place}", day, fmt, draw(st.booleans()))
    if draw(st.booleans()):
        content = content.replace("\n", "\r\n")
    bom = "\ufeff" if draw(st.booleans()) else ""
    return Input("good", suffix, (bom + content).encode(), Expect.DOCUMENT, (":1",) if fmt == "jsonl" else ("",))


def huge_lines(draw_text: st.SearchStrategy[str]) -> st.SearchStrategy[Input]:
    """One line of 5,000 to 15,000 characters: longer than a parse chunk, far below the size limit."""
    return st.builds(
        lambda text, size: Input("huge line", ".txt", (text.replace("\n", " ") * size)[:size].encode(),
                                 Expect.DOCUMENT),
        draw_text, st.integers(5_000, 15_000),
    )


TEXT_SUFFIXES = [".txt", ".md", ".html"]
SUFFIXES = [*TEXT_SUFFIXES, ".json", ".jsonl"]
# Characters with no letter among them: control characters, digits, punctuation, spaces.
NO_WORDS = "".join(map(chr, range(0x20))) + "0123456789 .,;:!?-_()[]{}<>/\\'\"#*&%$@|~^`=+\u00a0\u2014\u3000"
# Markup with no text a reader would keep: scripts, styles and comments say something, a page does not.
EMPTY_MARKUP = ["<html>", "<head>", "</head>", "<body>", "</body>", "<div>", "</div>", "<p></p>", "<br>",
                "<script>var port = 'Lagos';</script>", "<style>p { color: red }</style>",
                "<!-- the mayor of Cork -->", "<nav></nav>", "<img src=x>", "&nbsp;", " ", "\n"]
# Markup and text for random pages (the shapes test_ingest_fuzz.py gives the HTML reader).
MARKUP = EMPTY_MARKUP + [
    "<article>", "</article>", "<title>", "</title>", "<![CDATA[", "]]>", "&amp;", "&#xD800;", "&#0;",
    "&bogus;", '<meta charset="rot13">', '<meta charset="utf-16">', '<meta charset="latin-1">',
    '<meta property="article:published_time" content="2999-01-01">', '<time datetime="0000-00-00">',
    "<", ">", "\r\n", "\ufeff",
]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | articles,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(articles, st.text(max_size=200), json_values),
        "title": st.one_of(st.text(max_size=20), json_values),
        "url": st.one_of(st.text(max_size=20), json_values),
        "published": st.one_of(days.map(str), st.text(max_size=20), json_values),
    },
)
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)


def surrogate_in(record: dict, field: str, at: int, surrogate: str) -> str:
    """The record as JSON with a lone surrogate in `field`, written as JSON writes it: "\\udXXX"."""
    value = record[field]
    at %= len(value) + 1
    return json.dumps({**record, field: value[:at] + surrogate + value[at:]})


@st.composite
def surrogate_records(draw) -> Input:
    record = {"text": draw(articles), "title": draw(st.sampled_from(PLACES)), "url": "https://example.org/a"}
    content = surrogate_in(record, draw(st.sampled_from(sorted(record))), draw(st.integers(0, 500)),
                           draw(st.characters(categories=["Cs"])))
    if draw(st.booleans()):
        return Input("lone surrogate", ".json", content.encode(), Expect.ERROR)
    return Input("lone surrogate", ".jsonl", (content + "\n").encode(), Expect.ERROR, (":1",))


@st.composite
def not_records(draw) -> Input:
    """A JSON value that is not an article: a scalar, an object without a text, or with one
    that is not a string."""
    value = draw(scalars | st.dictionaries(st.sampled_from(["title", "url", "published", "body"]), scalars,
                                           max_size=3)
                 | st.builds(lambda v: {"text": v}, st.none() | st.booleans() | st.integers() | st.lists(scalars)))
    if draw(st.booleans()):
        return Input("not a record", ".json", json.dumps(value).encode(), Expect.ERROR)
    return Input("not a record", ".jsonl", (json.dumps(value) + "\n").encode(), Expect.ERROR, (":1",))


def error_files(suffixes: list[str], data: st.SearchStrategy[bytes], kind: str) -> st.SearchStrategy[Input]:
    return st.builds(lambda suffix, content: Input(kind, suffix, content, Expect.ERROR),
                     st.sampled_from(suffixes), data)


def either_files(suffixes: list[str], data: st.SearchStrategy[bytes], kind: str) -> st.SearchStrategy[Input]:
    return st.builds(lambda suffix, content: Input(kind, suffix, content, Expect.EITHER),
                     st.sampled_from(suffixes), data)


# Any character but a lone surrogate, which UTF-8 cannot write (JSON can: see surrogate_records).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=1500)
# Good prose with random characters dropped in, so that the stages meet both.
salted_articles = st.builds(lambda text, salt, at: text[: at % (len(text) + 1)] + salt + text[at % (len(text) + 1):],
                            articles, any_text, st.integers(0, 400))
bad_files = st.one_of(
    error_files(SUFFIXES, st.just(b""), "empty"),
    error_files(SUFFIXES, st.text(" \t\r\n", max_size=20).map(str.encode), "blank"),
    error_files(SUFFIXES, st.binary(max_size=400).map(lambda b: b"\x00" + b), "binary"),
    error_files(TEXT_SUFFIXES, st.text(NO_WORDS, min_size=1, max_size=400).map(str.encode), "no words"),
    error_files([".html"], st.lists(st.sampled_from(EMPTY_MARKUP), max_size=30).map(lambda p: "".join(p).encode()),
                "markup without text"),
    surrogate_records(),
    not_records(),
)


@st.composite
def random_json(draw) -> Input:
    value = draw(json_values | records | st.lists(records | json_values, max_size=4))
    parts = tuple(f"[{i}]" for i in range(len(value))) if isinstance(value, list) and value else ("",)
    return Input("random JSON", ".json", json.dumps(value, ensure_ascii=draw(st.booleans())).encode(
        "utf-8", "surrogatepass"), Expect.EITHER, parts)


@st.composite
def random_json_lines(draw) -> Input:
    """Escaped (ensure_ascii) so that no control character makes the file look binary."""
    lines = draw(st.lists(records | json_values, min_size=1, max_size=5))
    content = "".join(json.dumps(line) + "\n" for line in lines)
    return Input("random JSON Lines", ".jsonl", content.encode(), Expect.EITHER,
                 tuple(f":{n}" for n in range(1, len(lines) + 1)))


random_markup = st.builds(
    lambda parts, depth: "<div>" * depth + "".join(parts) + "</div>" * depth,
    st.lists(st.sampled_from(MARKUP) | any_text.map(lambda t: t[:40]) | articles, max_size=30), st.integers(0, 300),
)
random_files = st.one_of(
    either_files(TEXT_SUFFIXES, st.binary(max_size=2000), "random bytes"),
    either_files(TEXT_SUFFIXES, st.builds(str.encode, any_text | salted_articles,
                                          st.sampled_from(["utf-8", "utf-8-sig"])), "random Unicode"),
    either_files([".html"], random_markup.map(lambda m: m.encode("utf-8", "surrogatepass")), "random HTML"),
    random_json(),
    random_json_lines(),
    huge_lines(articles),
    huge_lines(st.text(st.characters(categories=["L"]), min_size=1, max_size=3)).map(
        lambda i: Input("huge word", i.suffix, i.data, Expect.EITHER)),
)
# Each batch holds good articles, bad files and random content, in any order.
batches = st.builds(
    lambda good, bad, random: good + bad + random,
    st.lists(good_articles(), min_size=1, max_size=3), st.lists(bad_files, max_size=3),
    st.lists(random_files, max_size=3),
).flatmap(st.permutations)


def write_batch(folder: Path, batch: list[Input]) -> dict[str, Input]:
    """Write each input as its own file in `folder`; the Input of each key ingest reports."""
    expected = {}
    for number, item in enumerate(batch):
        path = folder / f"{number:02d}-{item.kind.replace(' ', '-')}{item.suffix}"
        path.write_bytes(item.data)
        expected.update((key, item) for key in item.keys(path))
    return expected


def sample_articles() -> list[str]:
    """One article per naming tradition, each template in turn: a fixed corpus to search."""
    return [
        TEMPLATES[i % len(TEMPLATES)].format(
            person=t.full_name(t.given[0], t.family[0]), other=t.full_name(t.given[-1], t.family[-1]),
            place=PLACES[i % len(PLACES)], org=ORGANISATIONS[i % len(ORGANISATIONS)],
            date=date(2020, 1 + i, 10 + i).strftime(DATE_FORMATS[i % len(DATE_FORMATS)]),
        )
        for i, t in enumerate(TRADITIONS)
    ]
