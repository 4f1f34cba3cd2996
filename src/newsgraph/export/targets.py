"""Writing an export where it was asked for: all of it or nothing.

A converter writes into a temporary file or directory beside the target, which is renamed onto
the target only once complete: a reader never sees half an export, a failure leaves the old
target as it was and no temporary file behind. Targets that a rename would wrongly replace (a
directory for a file, a FIFO, a device, a read-only file) are refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import NewsgraphError

_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse(path: str | os.PathLike, reason: str) -> NewsgraphError:
    return NewsgraphError(reason, source=os.fsdecode(path))


def _resolve(path: str | os.PathLike) -> tuple[Path, os.stat_result | None]:
    """The real path to replace (a symlink's target, so the link survives) and its stat."""
    if not os.fspath(path):
        raise _refuse(path, "empty output path")
    real = Path(os.path.realpath(path))
    try:
        return real, real.stat()
    except FileNotFoundError:
        return real, None
    except OSError as error:
        raise _refuse(path, f"cannot use as output: {error.strerror}") from error


def _check_kind(path: str | os.PathLike, st: os.stat_result) -> None:
    for is_kind, kind in _SPECIAL_FILES:
        if is_kind(st.st_mode):
            raise _refuse(path, f"is {kind}, not a regular file: refusing to replace it")


def _check_writable(path: str | os.PathLike, real: Path, st: os.stat_result) -> None:
    # Root may write anything; a file with no write bit still says "keep me".
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise _refuse(path, "is read-only: refusing to replace it")


def _check_parent(path: str | os.PathLike, real: Path) -> None:
    parent = real.parent
    if not parent.is_dir():
        raise _refuse(path, f"directory {os.fsdecode(parent)} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _refuse(path, f"cannot create files in {os.fsdecode(parent)}")


def _scratch_name(real: Path, suffix: str) -> Path:
    return real.with_name(f".{real.name}.{secrets.token_hex(6)}.{suffix}")


def _os_error(path: str | os.PathLike, error: OSError) -> NewsgraphError:
    return _refuse(path, f"cannot write: {error.strerror or error}")


def check_file_target(path: str | os.PathLike) -> Path:
    """The real path a file export may replace, or a NewsgraphError saying why not."""
    real, st = _resolve(path)
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise _refuse(path, "is a directory; this format writes one file")
        _check_kind(path, st)
        _check_writable(path, real, st)
    _check_parent(path, real)
    return real


def check_directory_target(path: str | os.PathLike, may_replace: Collection[str]) -> Path:
    """The real path a directory export may replace, or a NewsgraphError saying why not.

    An existing directory is replaced only when it is empty or holds nothing but the files
    this format writes (a previous export), so a typo cannot wipe a directory of other work.
    """
    real, st = _resolve(path)
    if st is not None:
        if not stat.S_ISDIR(st.st_mode):
            _check_kind(path, st)
            raise _refuse(path, "exists and is not a directory; this format writes a directory")
        _check_writable(path, real, st)
        foreign = sorted(set(os.listdir(real)) - set(may_replace))
        if foreign:
            shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
            raise _refuse(
                path,
                f"directory holds files this export did not write ({shown}): choose a new or empty directory",
            )
    _check_parent(path, real)
    return real


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces `path` only if the block completes."""
    real = check_file_target(path)
    scratch = _scratch_name(real, "tmp")
    try:
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise _os_error(path, error) from error
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(scratch, stat.S_IMODE(real.stat().st_mode))
        os.replace(scratch, real)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(scratch)
        if isinstance(error, OSError):
            raise _os_error(path, error) from error
        raise


@contextlib.contextmanager
def atomic_directory(path: str | os.PathLike, may_replace: Collection[str]) -> Iterator[Path]:
    """A fresh directory whose files replace the directory `path` only if the block completes."""
    real = check_directory_target(path, may_replace)
    scratch = _scratch_name(real, "tmp")
    try:
        scratch.mkdir()
    except OSError as error:
        raise _os_error(path, error) from error
    try:
        yield scratch
        if real.exists():
            scratch.chmod(stat.S_IMODE(real.stat().st_mode))
            _swap_directories(scratch, real)
        else:
            os.rename(scratch, real)
    except BaseException as error:
        shutil.rmtree(scratch, ignore_errors=True)
        if isinstance(error, OSError):
            raise _os_error(path, error) from error
        raise


def _swap_directories(new: Path, old: Path) -> None:
    """Put `new` in place of the existing directory `old`, restoring `old` if that fails."""
    aside = _scratch_name(old, "old")
    os.rename(old, aside)
    try:
        os.rename(new, old)
    except OSError:
        os.rename(aside, old)
        raise
    shutil.rmtree(aside, ignore_errors=True)
