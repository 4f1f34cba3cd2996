"""Markdown to readable prose: the words stay, the markup that is not prose goes.

Deliberately a handful of regular expressions, not a full CommonMark parser: news in
Markdown is mostly headings, paragraphs, emphasis and links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
FRONT_MATTER_FIELD = re.compile(r"^(\w+):[ \t]*(.*?)[ \t]*$", re.MULTILINE)
# A fence left open runs to the end of the document, as in CommonMark; that also keeps the
# search linear, since no later opener scans the rest of the text again.
FENCED_CODE = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[^\n]*(?:\n.*?^[ \t]*\1[`~]*[ \t]*$\n?|.*\Z)", re.MULTILINE | re.DOTALL
)
ATX_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
SETEXT_HEADING = re.compile(r"^([^\n]*\S)[ \t]*\n[ \t]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
THEMATIC_BREAK = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$\n?", re.MULTILINE)
BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
LIST_MARKER = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+", re.MULTILINE)
# No span below runs past the next opener of its kind, so text full of unclosed openers
# ("**a **a **a", "[a](") is read in linear time, not in time growing with the square of
# its length.
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\[\]\n]*\)")
INLINE_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\[\]\n]*\)")
REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
# Emphasis markers hug their text; underscores only outside words, so snake_case survives.
STRONG_OR_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<!\w)_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?!\w)"),
    re.compile(r"~~(?=\S)((?:(?!~~).)+?)(?<=\S)~~"),
)
BACKSLASH_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
# Escaped characters are parked in a private-use plane while markup is stripped, so that
# "\\*" stays a literal star instead of opening emphasis.
PARKED_BASE = 0xF0000
PARKED = re.compile("[\U000f0000-\U000f007f]")


@dataclass
class Markdown:
    text: str
    title: str | None
    metadata: dict[str, str]


def parse_markdown(source_text: str) -> Markdown:
    """Prose, first heading as title, and the `key: value` fields of a YAML front matter block."""
    metadata: dict[str, str] = {}
    front = FRONT_MATTER.match(source_text)
    if front:
        metadata = {k.lower(): v.strip("\"'") for k, v in FRONT_MATTER_FIELD.findall(front.group(1))}
        source_text = source_text[front.end() :]
    text = FENCED_CODE.sub("", source_text)
    text = REFERENCE_DEFINITION.sub("", text)
    title = first_heading(text)
    text = ATX_HEADING.sub(r"\1", text)
    text = SETEXT_HEADING.sub(r"\1", text)
    text = THEMATIC_BREAK.sub("", text)
    text = BLOCKQUOTE.sub("", text)
    text = LIST_MARKER.sub(r"\1", text)
    text = strip_inline(text)
    return Markdown(text=text, title=title or metadata.get("title") or None, metadata=metadata)


def first_heading(text: str) -> str | None:
    headings = [m for m in (ATX_HEADING.search(text), SETEXT_HEADING.search(text)) if m]
    if not headings:
        return None
    first = min(headings, key=lambda m: m.start())
    return strip_inline(first.group(1)).strip() or None


def strip_inline(text: str) -> str:
    text = BACKSLASH_ESCAPE.sub(lambda m: chr(PARKED_BASE + ord(m.group(1))), text)
    text = IMAGE.sub("", text)
    text = INLINE_LINK.sub(r"\1", text)
    text = REFERENCE_LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = HTML_TAG.sub("", text)
    text = INLINE_CODE.sub(lambda m: m.group(2).strip(), text)
    for pattern in STRONG_OR_EMPHASIS:
        text = pattern.sub(lambda m: m.group(m.lastindex), text)
    return PARKED.sub(lambda m: chr(ord(m.group()) - PARKED_BASE), text)
