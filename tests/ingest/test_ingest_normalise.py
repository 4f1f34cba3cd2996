"""Text is normalised once at ingest, so the same article always has the same text and hash."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.ingest import normalise_text, read_text_document

ARTICLE = "Café owners in Liège protested on Monday.\nThe mayor, José Núñez, met them."
NFD = unicodedata.normalize("NFD", ARTICLE)


def variants(text: str) -> dict[str, str]:
    """The article as different tools save it: CRLF, CR, decomposed accents, a byte order mark."""
    return {
        "lf": text,
        "crlf": text.replace("\n", "\r\n"),
        "cr": text.replace("\n", "\r"),
        "nfd": unicodedata.normalize("NFD", text),
        "bom": "\ufeff" + text,
        "all": "\ufeff" + unicodedata.normalize("NFD", text).replace("\n", "\r\n"),
    }


def as_file(fmt: str, text: str) -> str:
    """The file of `text` in `fmt`; a byte order mark opens the file (in JSON, the "text" field)."""
    if fmt not in ("json", "jsonl") and text.startswith("\ufeff"):
        return "\ufeff" + as_file(fmt, text[1:])
    if fmt == "md":
        return "# Protest\n\n" + text
    if fmt == "html":
        paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
        return f"<html><head><title>Protest</title></head><body><article>{paragraphs}</article></body></html>"
    if fmt in ("json", "jsonl"):
        return json.dumps({"text": text, "title": "Protest"}, ensure_ascii=fmt == "json") + "\n"
    return text


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "json", "jsonl"])
def test_the_same_article_saved_differently_gives_one_text_and_one_hash(tmp_path, read, fmt):
    documents = {}
    for name, text in variants(ARTICLE).items():
        path = tmp_path / f"{name}.{fmt}"
        path.write_bytes(as_file(fmt, text).encode("utf-8"))
        [documents[name]], errors = read(path)
        assert errors == []
    texts = {d.text for d in documents.values()}
    assert len(texts) == 1
    [text] = texts
    assert text == unicodedata.normalize("NFC", text)
    assert "\r" not in text and "\ufeff" not in text
    assert "Café owners in Liège protested on Monday." in text
    assert len({d.sha256 for d in documents.values()}) == 1


def test_read_text_document_normalises_the_same_way(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    [from_file], _ = read(path)
    for text in variants(ARTICLE).values():
        assert read_text_document(text).sha256 == from_file.sha256


def test_titles_are_normalised_too():
    document = read_text_document("# " + unicodedata.normalize("NFD", "Liège") + "\n\nRain fell.", fmt="md")
    assert document.title == "Liège"


def test_only_leading_byte_order_marks_are_dropped():
    assert normalise_text("\ufeff\ufeffA\ufeffB\r\n") == "A\ufeffB\n"


@given(st.text())
def test_normalise_is_idempotent_and_leaves_nfc_lf_text(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once
    assert not once.startswith("\ufeff")
    assert unicodedata.is_normalized("NFC", once)
