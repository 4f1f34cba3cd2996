"""Directories: walked recursively, in a fixed order, reading only files meant as documents."""

from __future__ import annotations

import os

import pytest


def write(root, relative, text="A ferry sank near Harwick; all passengers were rescued."):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_recursive_walk_in_sorted_order_skipping_hidden_and_unsupported(tmp_path, read):
    for relative in (
        "b.md",
        "a/z.txt",
        "a/b/deep.html",
        "a/a.TXT",
        "c.json",
        "notes.pdf",
        "photo.jpg",
        ".hidden.txt",
        ".git/objects.txt",
        "d/.drafts/draft.txt",
        "d/e.jsonl",
    ):
        write(tmp_path, relative)
    (tmp_path / "c.json").write_text('{"text": "Storms hit Crete."}')
    (tmp_path / "d/e.jsonl").write_text('{"text": "Storms hit Rhodes."}\n')
    (tmp_path / "a/b/deep.html").write_text(
        "<html><body><p>Storms hit Naxos on Monday night.</p></body></html>"
    )
    documents, errors = read(tmp_path)
    assert errors == []
    relative = [os.path.relpath(d.source, tmp_path) for d in documents]
    assert relative == ["a/a.TXT", "a/b/deep.html", "a/z.txt", "b.md", "c.json", "d/e.jsonl:1"]
    assert [d.text for d in documents[1:]] == [
        "Storms hit Naxos on Monday night.",
        "A ferry sank near Harwick; all passengers were rescued.",
        "A ferry sank near Harwick; all passengers were rescued.",
        "Storms hit Crete.",
        "Storms hit Rhodes.",
    ]


def test_bad_file_inside_a_directory_does_not_stop_the_walk(tmp_path, read):
    write(tmp_path, "1.txt")
    (tmp_path / "2.txt").write_bytes(b"\x00\x01binary")
    write(tmp_path, "3.txt")
    documents, [error] = read(tmp_path)
    assert len(documents) == 2
    assert str(error) == f"{tmp_path / '2.txt'}: binary file, not text"


def test_directory_without_documents_is_reported(tmp_path, read):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    _, [error] = read(tmp_path)
    assert error.source == str(tmp_path)
    assert error.reason.startswith("no readable documents in the directory")


def test_forced_format_applies_to_files_found_in_a_directory(tmp_path, read):
    write(tmp_path, "story.txt", "# Heading\n\nThe **dam** held.")
    write(tmp_path, "skip.bin", "# Not read")
    [document], _ = read(tmp_path, fmt="md")
    assert (document.title, document.text) == ("Heading", "Heading\n\nThe dam held.")


def test_symbolic_link_loop_is_walked_once(tmp_path, read):
    write(tmp_path, "news/one.txt")
    try:
        (tmp_path / "news" / "again").symlink_to(tmp_path / "news", target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links not supported here")
    documents, errors = read(tmp_path)
    assert errors == []
    assert [os.path.relpath(d.source, tmp_path) for d in documents] == ["news/one.txt"]


def test_paths_are_read_in_the_order_given(tmp_path, read):
    first = write(tmp_path, "z.txt", "Zebras escaped from the zoo.")
    second = write(tmp_path, "a.txt", "Alpacas stayed put.")
    documents, _ = read(first, second, first)
    assert [d.text for d in documents] == [
        "Zebras escaped from the zoo.",
        "Alpacas stayed put.",
        "Zebras escaped from the zoo.",
    ]
