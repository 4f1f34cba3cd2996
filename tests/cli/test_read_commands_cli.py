"""The read commands (`entities`, `show`, `search`, `export`) as a user runs them: they open the
store read-only, refuse a file that is not a newsgraph store in one line without touching it,
and answer from a store nothing may write to. Real `newsgraph` script, real SQLite files."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from graph_builders import port_analysis

from newsgraph.store import open_store

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
READ_COMMANDS = [
    ("entities",),
    ("show", "Ferrandez"),
    ("search", "port jobs"),
    ("export",),
]


def run(*args):
    return subprocess.run([NEWSGRAPH, *map(str, args)], capture_output=True, text=True, timeout=120)


def fingerprint(directory: Path) -> dict[str, tuple[str, int]]:
    """Every file of the directory with the hash of its bytes and its mtime."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(directory.iterdir())
    }


def one_error_line(p: subprocess.CompletedProcess, path: Path, reason: str) -> None:
    assert p.returncode == 1, p.stderr
    assert p.stdout == ""
    assert p.stderr.startswith(f"newsgraph: error: {path}: ") and p.stderr.count("\n") == 1, p.stderr
    assert reason in p.stderr and "Traceback" not in p.stderr


def other_program_database(path: Path, journal_mode: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    with conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.close()


@pytest.fixture(params=["rollback-journal database", "WAL database", "empty file", "text file"])
def foreign(request, tmp_path) -> tuple[Path, str]:
    """A file some other program made, and the reason it is refused."""
    path = tmp_path / "other.db"
    if request.param == "rollback-journal database":
        other_program_database(path, "DELETE")
    elif request.param == "WAL database":
        other_program_database(path, "WAL")
    elif request.param == "empty file":
        path.touch()
    else:
        path.write_text("name,phone\nAda,555-0100\n" * 100)
        return path, "not a database"
    return path, "not a newsgraph store"


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_file_that_is_not_a_store_is_refused_in_one_line_and_left_as_it_was(foreign, command):
    path, reason = foreign
    before = fingerprint(path.parent)
    one_error_line(run(*command, "--db", path), path, reason)
    assert fingerprint(path.parent) == before, "no table added, journal mode kept, no -wal/-shm left"


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_missing_store_says_to_ingest_first_and_creates_nothing(tmp_path, command):
    path = tmp_path / "absent.db"
    one_error_line(run(*command, "--db", path), path, "run `newsgraph ingest` first")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def store_file(tmp_path) -> Path:
    """A newsgraph store as ingest leaves it: in WAL mode, closed, no side files."""
    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / "graph.db"
    with open_store(path) as store:
        store.add(port_analysis())
    assert sorted(p.name for p in folder.iterdir()) == ["graph.db"]
    return path


def answers(store: Path) -> dict[str, subprocess.CompletedProcess]:
    return {command[0]: run(*command, "--db", store) for command in READ_COMMANDS}


def check_answers(found: dict[str, subprocess.CompletedProcess]) -> None:
    for name, p in found.items():
        assert p.returncode == 0, (name, p.stderr)
    assert "Lucía Ferrandez" in found["entities"].stdout
    assert "Calverton Harbour Authority" in found["show"].stdout
    assert "two hundred [jobs]" in found["search"].stdout
    assert len(json.loads(found["export"].stdout)["documents"]) == 1


def test_the_read_commands_write_nothing_to_a_store(store_file):
    before = hashlib.sha256(store_file.read_bytes()).hexdigest(), store_file.stat().st_mtime_ns
    check_answers(answers(store_file))
    assert (hashlib.sha256(store_file.read_bytes()).hexdigest(), store_file.stat().st_mtime_ns) == before


def in_read_only_mount(folder: Path, mount: Path, *argv) -> subprocess.CompletedProcess:
    """Run `argv` with `folder` bind-mounted read-only on `mount`, in a private mount
    namespace: nothing can write there, root included (EROFS), and the mount dies with it."""
    script = (f'mount --bind "{folder}" "{mount}" && mount -o remount,bind,ro "{mount}" && '
              f'! touch "{mount}/probe" 2>/dev/null && exec "$@"')
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", *map(str, argv)],
                          capture_output=True, text=True, timeout=120)


def read_only_mounts_work() -> bool:
    if not shutil.which("unshare"):
        return False
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as mount:
        return in_read_only_mount(Path(folder), Path(mount), "true").returncode == 0


@pytest.mark.skipif(not read_only_mounts_work(), reason="needs unshare and a read-only bind mount")
def test_a_store_on_read_only_storage_answers_every_read_command(store_file, tmp_path):
    folder = store_file.parent
    before = fingerprint(folder)
    mount = tmp_path / "readonly"
    mount.mkdir()
    check_answers({
        command[0]: in_read_only_mount(folder, mount, NEWSGRAPH, *command, "--db", mount / "graph.db")
        for command in READ_COMMANDS
    })
    assert fingerprint(folder) == before, "no byte, no mtime, no -wal/-shm"


def test_a_pasted_article_as_query_is_refused_in_one_line(store_file):
    p = run("search", "--db", store_file, "harbour workers met the mayor " * 270)
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr == "newsgraph: error: search: the query has 8100 characters; search takes at most 1000\n"
