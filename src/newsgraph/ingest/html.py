"""A web page's main text, title, date and URL, via trafilatura (imported only when needed).

libxml2, under trafilatura, stops building the tree below 255 levels of nesting (2048 with
its "huge" option) and the text below is lost. A page nested deeper than that is read again
with the huge option, and past that limit its text is taken by a plain walk that has no depth
limit, so a deep page is read rather than reported as having no text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_published

# Only dates the page states as metadata or markup (<meta>, <time>, JSON-LD): htmldate's
# extensive search would otherwise take a copyright year or a date in a link as the
# publication date, and a wrong date is worse than an unknown one.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# trafilatura puts each block (heading, paragraph, list item) on its own line; a blank line
# between blocks marks paragraphs the way plain text and Markdown do, so a headline without a
# full stop stays apart from the sentence after it.
BLOCK_BREAK = re.compile(r"\n+")
LXML_MAX_DEPTH = 255
LXML_HUGE_MAX_DEPTH = 2048


@dataclass
class WebPage:
    text: str
    title: str | None
    published: date | None
    url: str | None


def parse_html(markup: str, source: str) -> WebPage:
    page = main_text(markup, source)
    if page is None:
        walk = PlainTextWalk.of(markup)
        if walk.max_depth > LXML_MAX_DEPTH:
            if walk.max_depth <= LXML_HUGE_MAX_DEPTH:
                page = main_text(huge_tree(markup), source)
            page = page or walk.page()
    if page is None:
        raise InputError("no main text found in the HTML page", source=source)
    return page


def main_text(markup, source: str) -> WebPage | None:
    """trafilatura's main text of a page (markup or an lxml tree); None when it finds none."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        # Hostile markup can trip a third-party parser; the plain walk may still read the page.
        return None
    if extracted is None or not (extracted.text or "").strip():
        return None
    return WebPage(
        text=BLOCK_BREAK.sub("\n\n", extracted.text),
        title=extracted.title or None,
        published=parse_published(extracted.date, source),
        url=extracted.url or None,
    )


def huge_tree(markup: str):
    import lxml.html

    return lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(huge_tree=True))


class PlainTextWalk(HTMLParser):
    """The visible text of a page, block by block, with no limit on nesting depth."""

    SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                         "form", "svg", "iframe", "head"})
    BLOCKS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                        "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "dl", "dt",
                        "dd", "figure", "figcaption", "body"})
    # Elements that never hold others, and those whose end tag may be left out (so their
    # starts do not nest).
    FLAT = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                      "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.title_parts: list[str] = []
        self.depth = 0
        self.max_depth = 0
        self.skipping = 0
        self.in_title = False

    @classmethod
    def of(cls, markup: str) -> PlainTextWalk:
        walk = cls()
        walk.feed(markup)
        walk.close()
        return walk

    def handle_starttag(self, tag, attrs):
        if tag not in self.FLAT:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        self.in_title = tag == "title"
        self.skipping += tag in self.SKIPPED
        if tag in self.BLOCKS and self.blocks[-1]:
            self.blocks.append([])

    def handle_endtag(self, tag):
        if tag not in self.FLAT:
            self.depth = max(0, self.depth - 1)
        self.in_title = False
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        if tag in self.BLOCKS and self.blocks[-1]:
            self.blocks.append([])

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skipping:
            self.blocks[-1].append(data)

    def page(self) -> WebPage | None:
        paragraphs = (" ".join("".join(block).split()) for block in self.blocks)
        text = "\n\n".join(p for p in paragraphs if p)
        if not text:
            return None
        title = " ".join("".join(self.title_parts).split())
        return WebPage(text=text, title=title or None, published=None, url=None)
