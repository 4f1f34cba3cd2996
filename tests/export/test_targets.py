"""Where an export may be written (issue 7): atomically, regular files only, nothing left behind."""

from __future__ import annotations

import json
import os
import stat

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.export.formats import write
from newsgraph.export.tables import CSV_FILES


def leftovers(directory) -> list[str]:
    return sorted(name for name in os.listdir(directory) if name.startswith("."))


def test_a_file_export_replaces_the_file_and_leaves_no_temporary_file(tmp_path, hand):
    target = tmp_path / "graph.json"
    target.write_text("old")
    write(hand, "json", target)
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "newsgraph/1"
    assert leftovers(tmp_path) == []


def test_a_failing_writer_leaves_the_old_file_and_no_temporary_file(tmp_path, hand):
    target = tmp_path / "graph.graphml"
    target.write_text("old")
    hand["relations"][0]["object"] = "e-0000000000000000"
    with pytest.raises(NewsgraphError, match="refers to entity 'e-0000000000000000'"):
        write(hand, "graphml", target)
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_a_directory_is_refused_as_a_file_target(tmp_path, hand):
    with pytest.raises(NewsgraphError, match="is a directory"):
        write(hand, "json", tmp_path)
    assert leftovers(tmp_path) == []


def test_a_fifo_is_refused_not_replaced(tmp_path, hand):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NewsgraphError, match="is a FIFO"):
        write(hand, "stix", fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_a_device_is_refused(hand):
    with pytest.raises(NewsgraphError, match="/dev/null: is a character device"):
        write(hand, "jsonl", "/dev/null")


def test_a_read_only_file_is_refused(tmp_path, hand):
    target = tmp_path / "kept.json"
    target.write_text("keep me")
    target.chmod(0o444)
    with pytest.raises(NewsgraphError, match="is read-only"):
        write(hand, "json", target)
    assert target.read_text() == "keep me"


def test_a_missing_directory_is_reported(tmp_path, hand):
    with pytest.raises(NewsgraphError, match="does not exist"):
        write(hand, "json", tmp_path / "nowhere" / "graph.json")


def test_a_symlink_keeps_pointing_at_the_new_export(tmp_path, hand):
    real = tmp_path / "real.jsonl"
    real.write_text("old")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    write(hand, "jsonl", link)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith('{"kind": "export"')


def test_a_new_file_gets_ordinary_permissions(tmp_path, hand):
    target = tmp_path / "graph.gexf"
    umask = os.umask(0o022)
    try:
        write(hand, "gexf", target)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_file_format_without_path_writes_to_standard_output(capsysbinary, hand):
    write(hand, "jsonl", "-")
    first = capsysbinary.readouterr().out.splitlines()[0]
    assert json.loads(first) == {"kind": "export", "schema": "newsgraph/1"}


def test_a_directory_format_needs_a_path(hand):
    with pytest.raises(NewsgraphError, match="writes a directory"):
        write(hand, "csv", None)


def test_a_directory_format_refuses_a_file(tmp_path, hand):
    target = tmp_path / "tables"
    target.write_text("x")
    with pytest.raises(NewsgraphError, match="is not a directory"):
        write(hand, "csv", target)


def test_a_directory_format_refuses_a_directory_of_other_work(tmp_path, hand):
    (tmp_path / "thesis.tex").write_text("precious")
    with pytest.raises(NewsgraphError, match=r"did not write \(thesis.tex\)"):
        write(hand, "csv", tmp_path)
    assert os.listdir(tmp_path) == ["thesis.tex"]


def test_a_directory_export_replaces_a_previous_one_whole(tmp_path, hand):
    target = tmp_path / "tables"
    write(hand, "csv", target)
    hand["relations"] = []
    write(hand, "csv", target)
    assert sorted(os.listdir(target)) == sorted(CSV_FILES)
    assert (target / "edges.csv").read_text(encoding="utf-8").splitlines()[1:] == []
    assert leftovers(tmp_path) == []


def test_a_failing_directory_export_leaves_the_previous_one(tmp_path, hand):
    target = tmp_path / "tables"
    write(hand, "csv", target)
    before = (target / "nodes.csv").read_bytes()
    hand["events"][0]["participants"][0]["entity"] = "e-0000000000000000"
    with pytest.raises(NewsgraphError, match="refers to entity 'e-0000000000000000'"):
        write(hand, "csv", target)
    assert (target / "nodes.csv").read_bytes() == before
    assert leftovers(tmp_path) == []


def test_an_unknown_format_is_named(hand, tmp_path):
    with pytest.raises(NewsgraphError, match="unknown export format 'xls'"):
        write(hand, "xls", tmp_path / "x")
