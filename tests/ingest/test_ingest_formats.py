"""Each reader: what text, title, date, URL and source a document gets."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import read_text_document


def test_plain_text_is_kept_as_written_apart_from_newlines(tmp_path, read):
    path = tmp_path / "note.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line.\r\nSecond line.\rThird  line,  spaced.\n\n")
    [document], errors = read(path)
    assert errors == []
    assert document.text == "First line.\nSecond line.\nThird  line,  spaced.\n\n"
    assert document.source == str(path)
    assert document.title is None and document.url is None
    assert document.published is None


def test_named_file_with_unknown_extension_is_read_as_text(tmp_path, read):
    path = tmp_path / "dispatch.eml"
    path.write_text("# not a heading\nThe ferry to Skarholm was cancelled.", encoding="utf-8")
    [document], _ = read(path)
    assert document.text == "# not a heading\nThe ferry to Skarholm was cancelled."


def test_markdown_keeps_the_prose_and_drops_the_markup(fixtures, read):
    [document], errors = read(fixtures / "council_vote.md")
    assert errors == []
    assert document.title == "Council approves the river bridge"
    assert document.published == date(2023, 11, 2)
    assert document.url == "https://valley-herald.example/bridge"
    text = document.text
    assert text.startswith("Council approves the river bridge\n")
    assert "The Eastbrook town council voted seven to two on Wednesday" in text
    assert "over the River Senna, ending a debate" in text
    assert '"This is the most important decision of the decade," said mayor Leona Hart.' in text
    assert "Construction starts in spring 2024." in text
    assert "councillor Piet de_Vries" in text
    for markup in ("#", "**", "](", "maps.example", "bridge.png", "```", '"budget"', "- The budget", "> "):
        assert markup not in text, markup


@pytest.mark.parametrize(
    ("markdown", "expected_title", "expected_text"),
    [
        ("Flood warning\n=============\n\nRivers rose.", "Flood warning", "Flood warning\n\nRivers rose."),
        ("Intro text.\n\n## Second *level* ##\n", "Second level", "Intro text.\n\nSecond level\n"),
        ("Prices rose \\*sharply\\* in 3 \\_cities\\_.", None, "Prices rose *sharply* in 3 _cities_."),
        ("See <https://x.example/a> and 2 * 3 = 6.", None, "See https://x.example/a and 2 * 3 = 6."),
        ("Read [the report][r] today.\n\n[r]: https://r.example\n", None, "Read the report today.\n\n"),
        ("Stocks fell.\n\n***\n\nBonds rose.", None, "Stocks fell.\n\n\n\nBonds rose."),
    ],
)
def test_markdown_syntax(markdown, expected_title, expected_text):
    document = read_text_document(markdown, source="m.md", fmt="md")
    assert document.title == expected_title
    assert document.text == expected_text


def test_html_main_text_without_navigation_or_boilerplate(fixtures, read):
    [document], errors = read(fixtures / "harbour_strike.html")
    assert errors == []
    assert document.title == "Harbour strike ends after nine days"
    assert document.published == date(2024, 3, 14)
    assert document.url == "https://coastline.example/news/harbour-strike-ends"
    text = document.text
    assert "Dock workers in Port Arlen returned to work on Thursday" in text
    assert "according to the authority's spokesperson, Mara Lindqvist." in text
    assert "protected the allowances paid for night shifts." in text
    for boilerplate in (
        "Subscribe",
        "cookies",
        "Copyright",
        "Privacy policy",
        "Most read",
        "recipes",
        "World",
    ):
        assert boilerplate not in text, boilerplate


def test_html_without_a_stated_date_has_no_date(fixtures, tmp_path, read):
    """The copyright year must not become the publication date, nor must today."""
    page = (fixtures / "harbour_strike.html").read_text(encoding="utf-8")
    undated = "\n".join(
        line for line in page.splitlines() if "published_time" not in line and "<time" not in line
    )
    path = tmp_path / "undated.html"
    path.write_text(undated, encoding="utf-8")
    [document], _ = read(path)
    assert "Dock workers in Port Arlen" in document.text
    assert document.published is None


def test_json_array_one_document_per_record_and_a_bad_record_spoils_only_itself(fixtures, read):
    path = fixtures / "briefing.json"
    documents, errors = read(path)
    assert [d.source for d in documents] == [f"{path}[0]", f"{path}[2]"]
    assert documents[0].title == "Dam full"
    assert documents[0].published == date(2022, 6, 30)
    assert documents[1].url == "https://briefing.example/rail"
    assert documents[1].published is None
    [error] = errors
    assert str(error) == f'{path}[1]: no "text" field'


def test_json_single_object(tmp_path, read):
    path = tmp_path / "one.json"
    path.write_text('{"text": "Snow closed the Brenner pass.", "published": "2021-02-03T23:30:00-05:00"}')
    [document], _ = read(path)
    assert document.text == "Snow closed the Brenner pass."
    assert document.source == str(path)
    assert document.published == date(2021, 2, 3)


def test_jsonl_malformed_line_in_the_middle_is_reported_and_the_rest_read(fixtures, read):
    path = fixtures / "wire.jsonl"
    documents, errors = read(path)
    assert [d.source for d in documents] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert documents[0].title == "Fog grounds flights"
    assert documents[0].url == "https://wire.example/1"
    assert documents[0].published == date(2024, 1, 8)
    assert documents[1].published == date(2024, 1, 9)
    assert documents[2].text == "Firefighters contained a forest fire near Alderton after three days."
    [error] = errors
    assert (error.source, error.line) == (str(path), 3)
    assert error.reason.startswith("malformed JSON: Expecting ',' delimiter")
    assert str(error).startswith(f"{path}:3: malformed JSON")


def test_jsonl_record_problems_each_name_their_line(tmp_path, read):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "The Tarn river flooded two villages."}\n'
        b"\n"
        b'["not", "an", "object"]\n'
        b'{"title": "no text here"}\n'
        b'{"text": 42}\n'
        b'{"text": "Ministers met in Lisbon.", "published": "14/03/2024"}\n'
        b'{"text": "Caf\xe9 owners protested."}\n'
        b'{"text": "   "}\n'
        b'{"text": "2024 -- 17:45 ... 3.5%"}\n'
        b'{"text": "Trains ran again.", "title": ["a"]}\n'
        b'{"text": "The port reopened on Tuesday."}'
    )
    documents, errors = read(path)
    assert [d.text for d in documents] == [
        "The Tarn river flooded two villages.",
        "The port reopened on Tuesday.",
    ]
    assert [(e.line, e.reason) for e in errors] == [
        (3, "expected a JSON object, got an array"),
        (4, 'no "text" field'),
        (5, '"text" is a number, not a string'),
        (6, "malformed published date '14/03/2024' (expected YYYY-MM-DD or an ISO 8601 datetime)"),
        (7, "not valid UTF-8 text (byte 0xe9 at offset 190)"),
        (8, "empty document"),
        (9, "no sentences (the text has no words)"),
        (10, '"title" is an array, not a string'),
    ]
    assert path.read_bytes()[190] == 0xE9


def test_published_argument_overrides_every_kind_of_metadata(fixtures, read):
    override = date(2020, 5, 17)
    for name in ("harbour_strike.html", "council_vote.md", "wire.jsonl", "briefing.json"):
        documents, _ = read(fixtures / name, published=override)
        assert documents
        assert {d.published for d in documents} == {override}, name


def test_published_argument_applies_to_text_which_has_no_metadata(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_text("Voters in Kestrel Bay elected a new mayor.")
    [document], _ = read(path, published=date(2019, 9, 1))
    assert document.published == date(2019, 9, 1)


def test_malformed_front_matter_date_is_an_error(tmp_path, read):
    path = tmp_path / "bad.md"
    path.write_text("---\ndate: last Tuesday\n---\nThe bridge opened.\n")
    _, [error] = read(path)
    assert error.source == str(path)
    assert "malformed published date 'last Tuesday'" in error.reason


def test_forced_format_overrides_the_extension(tmp_path, read):
    path = tmp_path / "page.txt"
    path.write_text(
        "<html><body><p>The museum in Corvo reopened after repairs to its roof.</p></body></html>"
    )
    [as_text], _ = read(path)
    [as_html], _ = read(path, fmt="html")
    assert as_text.text.startswith("<html>")
    assert as_html.text == "The museum in Corvo reopened after repairs to its roof."


def test_unknown_format_is_refused_at_once():
    from newsgraph.ingest import iter_documents

    with pytest.raises(InputError, match="unknown format 'pdf'"):
        iter_documents(["x"], fmt="pdf")


def test_read_text_document_normalises_newlines_only():
    document = read_text_document("Rain fell.\r\n  Then sun.\r", published=date(2024, 2, 29))
    assert document.text == "Rain fell.\n  Then sun.\n"
    assert document.source == "<stdin>"
    assert document.published == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "empty document"), (" \n\t\n", "empty document"), ("12:30 -- 4,500 (+3%)", "no sentences")],
)
def test_read_text_document_refuses_text_without_words(text, reason):
    with pytest.raises(InputError, match=reason):
        read_text_document(text, source="typed")


def test_html_in_the_charset_it_declares(tmp_path, read):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
        "<body><article><p>Le ministre a d\xe9clar\xe9 \x93une victoire\x94 \xe0 Li\xe8ge.</p></article></body></html>"
    )
    path = tmp_path / "old.html"
    path.write_bytes(page.encode("latin-1"))
    [document], _ = read(path)
    assert document.text == "Le ministre a déclaré “une victoire” à Liège."


def test_charset_is_taken_only_from_text_that_starts_as_markup(tmp_path, read):
    path = tmp_path / "note.txt"
    path.write_bytes(b'charset=latin-1 <meta charset="latin-1"> caf\xe9')
    _, [error] = read(path)
    assert error.reason == "not valid UTF-8 text (byte 0xe9 at offset 44)"


def test_a_single_path_string_is_one_path(fixtures):
    from newsgraph.ingest import iter_documents

    [document] = list(iter_documents(str(fixtures / "council_vote.md")))
    assert document.title == "Council approves the river bridge"


def test_html_blocks_become_paragraphs_separated_by_a_blank_line(fixtures, read):
    [document], _ = read(fixtures / "harbour_strike.html")
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "Harbour strike ends after nine days"
    assert paragraphs[-1].startswith("Union leader Tomas Brandt said")
    assert "\n" not in "".join(paragraphs)


def test_jsonl_with_bom_and_windows_line_endings(tmp_path, read):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"text": "Line one\\r\\nabout Porto.", "published": null}\r\n'
        b'{"text": "Line two about Braga.", "url": ""}\r\n'
    )
    documents, errors = read(path)
    assert errors == []
    assert [(d.text, d.published, d.url) for d in documents] == [
        ("Line one\nabout Porto.", None, None),
        ("Line two about Braga.", None, None),
    ]
