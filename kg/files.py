"""Writing outputs so that an interrupted or failed run leaves the previous ones as they were.

Every output is first written under a temporary name beside its target; only when
all of them are ready are they renamed into place, in one short step during which
Ctrl-C and SIGTERM wait (they are delivered right after).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
import uuid
from pathlib import Path

from .errors import GraphFileError


def writable_folder(path: Path) -> Path:
    """Create ``path`` if needed and check that kg can write in it; raises ``GraphFileError``."""
    if path.exists() and not path.is_dir():
        raise GraphFileError(f"{path}: is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".kg-probe.", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise GraphFileError(f"{path}: cannot write here ({err.strerror or err})") from err
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temp_file(path: Path, text: str) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def write_stream_atomic(path: Path, writer) -> None:
    """Call ``writer`` with a binary file that becomes ``path`` only once it has returned."""
    with Staged() as staged:
        staged.write_with(path, writer)
        staged.commit()


def write_atomic(path: Path, text: str) -> None:
    """Write one file through a temporary file and rename, so a failure leaves the old file whole."""
    with Staged() as staged:
        staged.write(path, text)
        staged.commit()


@contextlib.contextmanager
def signals_deferred():
    """Hold Ctrl-C and SIGTERM back while the block runs (main thread, POSIX only)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class Staged:
    """Outputs prepared under temporary names and renamed into place together by ``commit``;
    leaving the ``with`` block without committing removes them."""

    def __init__(self) -> None:
        self._moves: list[tuple[Path, Path]] = []
        self._committed = False

    def __enter__(self) -> "Staged":
        return self

    def __exit__(self, *exc) -> None:
        if not self._committed:
            self.discard()

    def write(self, path: Path, text: str) -> None:
        """Raises ``GraphFileError`` naming ``path`` when it cannot be written."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._moves.append((_temp_file(path, text), path))
        except OSError as err:
            raise GraphFileError(f"{path}: cannot write ({err.strerror or err})") from err

    def write_with(self, path: Path, writer) -> None:
        """Like ``write``, with ``writer`` given a binary file to fill (for large outputs)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            self._moves.append((Path(tmp), path))
            with os.fdopen(fd, "wb") as fh:
                writer(fh)
            os.chmod(tmp, 0o666 & ~_umask())
        except OSError as err:
            raise GraphFileError(f"{path}: cannot write ({err.strerror or err})") from err

    def remove(self, path: Path) -> None:
        """Delete ``path`` (if it is there) in the same step as the renames: an output the
        new state no longer has must not stay beside it."""
        self._moves.append((None, path))

    def folder(self, tmp: Path, path: Path) -> None:
        """A folder already written at ``tmp`` that becomes ``path`` (which must not exist)."""
        self._moves.append((tmp, path))

    def link(self, path: Path, target: str) -> bool:
        """Point the symbolic link ``path`` at ``target`` (relative to its folder);
        False where the system makes no symbolic links."""
        tmp = path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            os.symlink(target, tmp)
        except (OSError, NotImplementedError):
            return False
        self._moves.append((tmp, path))
        return True

    def commit(self) -> None:
        """Rename every output into place; raises ``GraphFileError`` if one cannot be (those
        renamed before it stay, which only a full disk or a folder made read-only since the
        outputs were written can cause)."""
        with signals_deferred():
            for i, (tmp, final) in enumerate(self._moves):
                try:
                    if tmp is None:
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(final)
                        continue
                    os.replace(tmp, final)
                except OSError as err:
                    self._moves = self._moves[i:]
                    raise GraphFileError(f"{final}: cannot write ({err.strerror or err})") from err
            self._committed = True

    def discard(self) -> None:
        for tmp, _ in self._moves:
            if tmp is None:
                continue
            if tmp.is_dir() and not tmp.is_symlink():
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        self._moves.clear()
