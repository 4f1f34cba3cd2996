"""A web page's main text, title, date and URL, via trafilatura (imported only when needed)."""

from __future__ import annotations

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


@dataclass
class WebPage:
    text: str
    title: str | None
    published: date | None
    url: str | None


def parse_html(markup: str, source: str) -> WebPage:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=DATE_PARAMS,
    )
    if extracted is None or not (extracted.text or "").strip():
        raise InputError("no main text found in the HTML page", source=source)
    return WebPage(
        text=BLOCK_BREAK.sub("\n\n", extracted.text),
        title=extracted.title or None,
        published=parse_published(extracted.date, source),
        url=extracted.url or None,
    )
