"""Files the commands write: never over the archive they read or any SQLite database, and
only complete (written to a temporary file beside the target, renamed over it at the end).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SQLITE_HEADER = b"SQLite format 3\x00"


class OutputError(ValueError):
    """An output path that must not be written; the message says why."""


def check_output(path: str | Path, *, reading: str | Path | None = None) -> Path:
    """The output path, after refusing the archive being read (and its -wal/-shm files), any
    existing SQLite database, a folder, and a folder that does not exist."""
    target = Path(path)
    resolved = target.resolve()
    if reading is not None:
        archive = Path(reading).resolve()
        if resolved == archive or resolved.name.startswith(archive.name + "-") and resolved.parent == archive.parent:
            raise OutputError(f"{path} is the archive being read: give another output file")
    if target.is_dir():
        raise OutputError(f"{path} is a folder: give a file name")
    if target.exists():
        with open(target, "rb") as f:
            if f.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER:
                raise OutputError(f"{path} is a SQLite database: it is not overwritten, give another output file")
    if not resolved.parent.is_dir():
        raise OutputError(f"cannot write {path}: the folder {target.parent} does not exist")
    return target


@contextmanager
def temporary_beside(path: str | Path) -> Iterator[Path]:
    """A temporary file in the target's folder, renamed to `path` when the block succeeds
    (the target is untouched when it fails)."""
    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
