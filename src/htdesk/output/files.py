"""Writing user-visible files safely: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target and rename over it, so a failure never leaves half a file.

    Raises OSError (unwritable folder, full disk) with the target's name; nothing is left behind.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise FileNotFoundError(2, "No such folder", str(folder))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def why_unwritable(path: Path) -> str | None:
    """Why ``path`` cannot be written, or None; checked before anything is produced."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        return f"cannot write {path}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK):
        return f"cannot write {path}: the folder {folder} is not writable"
    if path.is_dir():
        return f"cannot write {path}: it is a folder"
    return None
