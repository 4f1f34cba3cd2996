"""A web page's main text, title, date and URL, via trafilatura (imported only when needed).

libxml2, under trafilatura, stops building the tree below 255 levels of nesting (2048 with
its "huge" option) and the text below is lost. A page in which trafilatura finds no text is
parsed again with the huge option, and if it is deeper still its text is taken by a plain
walk with no depth limit, so a deep page is read rather than reported as having no text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

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
# For the plain walk: a comment, a tag or a declaration; one left open runs to the end, so
# every search is linear (no later "<" scans the rest of the page again).
MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*(?:>|\Z)|<[!?/][^>]*(?:>|\Z)", re.DOTALL)
RAW_TEXT = frozenset({"script", "style", "textarea", "template", "noscript"})
HIDDEN = frozenset({"nav", "header", "footer", "aside", "form", "svg", "iframe", "select", "button"})
BLOCKS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
                    "h6", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "dl", "dt", "dd",
                    "figure", "figcaption", "body"})


@dataclass
class WebPage:
    text: str
    title: str | None
    published: date | None
    url: str | None


def parse_html(markup: str, source: str) -> WebPage:
    page = main_text(markup, source)
    if page is None:
        tree, truncated = huge_tree(markup)
        page = main_text(tree, source) if tree is not None else None
        if page is None and truncated:
            page = plain_text(markup)
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
        # Hostile markup can trip a third-party parser; the page is then read some other way.
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
    """The page parsed with libxml2's huge option, and whether it was still too deep for it."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(markup, parser=parser)
    except (ValueError, lxml.etree.LxmlError):
        return None, False
    return tree, any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


def plain_text(markup: str) -> WebPage | None:
    """The visible text of a page, block by block, read in one pass with no limit on nesting.

    Scripts, styles and navigation are left out; every block element starts a paragraph.
    """
    blocks: list[list[str]] = [[]]
    title: list[str] = []
    hidden = 0
    in_title = False

    def keep(text: str) -> None:
        if in_title:
            title.append(text)
        elif not hidden:
            blocks[-1].append(text)

    position = 0
    while found := MARKUP.search(markup, position):
        keep(markup[position : found.start()])
        position = found.end()
        closing, name = found.group(1), (found.group(2) or "").lower()
        if name in RAW_TEXT and not closing:
            end = re.compile(rf"</{name}", re.IGNORECASE).search(markup, position)
            position = end.start() if end else len(markup)
        elif name == "title":
            in_title = not closing
        elif name in HIDDEN:
            hidden = max(0, hidden + (-1 if closing else 1))
        if name in BLOCKS and blocks[-1]:
            blocks.append([])
    keep(markup[position:])
    paragraphs = (" ".join(html.unescape("".join(block)).split()) for block in blocks)
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        return None
    return WebPage(text=text, title=" ".join(html.unescape("".join(title)).split()) or None,
                   published=None, url=None)
