"""Every file a command reads or writes for the user: one set of rules (issue 17).

Why one low module: the contract is "bad input gets exit 2 and a message, never a
traceback, a hang or a clobbered old file", and each command used to open files its
own way.  Here, for every command:

Inputs (``read_input``)
  - regular files only, or ``-`` for standard input; a folder, device, FIFO or socket
    is refused (exit 2).  Files are opened with ``O_NONBLOCK``, so a FIFO swapped in
    after a check never blocks;
  - read with a size bound whatever ``stat`` says (``/dev/zero`` or a growing file
    cannot eat memory);
  - a symlink loop, a NUL byte or an over-long name is a message, not an ``OSError``.

Outputs (``plan_output`` before any work, then ``Output.write``)
  - ``-`` writes to standard output;
  - a character device (``/dev/null``) or a FIFO is written through, never replaced;
  - a symlink is followed deliberately: the link stays, its target is written;
  - a folder, a block device, a socket or a symlink loop is refused (exit 2);
  - an output that is one of the inputs (same device and inode, whatever the name)
    is refused (exit 2), so ``render p.yaml -o p.yaml`` cannot destroy the layout;
  - a regular file is written whole or not at all: a temp file beside the target,
    renamed over it.  Temp files are named ``.NAME.layout-tmp-PID-XXXX`` and a later
    write into that folder removes those whose process is gone (``kill -9``);
  - a full disk or an unwritable folder is exit 2 with the old file kept; the folder
    is probed before any work so a job does not compute a page it cannot store.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import re
import secrets
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from layout.errors import LayoutError, Location

STDIO = "-"
NAME_MAX = 255  # bytes per path component on the file systems we meet (ext4, xfs, apfs, ntfs)
PATH_MAX = 4096
TEMP_MARK = ".layout-tmp-"
_TEMP_RE = re.compile(r"\A\.(?P<name>.+)\.layout-tmp-(?P<pid>\d+)-[0-9a-f]+\Z")
_CHUNK = 1 << 20


# ------------------------------------------------------------------ names
def check_name(name: str | os.PathLike[str], what: str, where: Location | None = None) -> str:
    """``name`` as text, refused (LayoutError) when no file system could hold it:
    a NUL byte, an empty name, a component over 255 bytes or a path over 4096."""
    text = os.fspath(name)
    if isinstance(text, bytes):  # pragma: no cover - we never pass bytes
        text = os.fsdecode(text)
    if not text:
        raise LayoutError(f"{what}: the file name is empty", where)
    if "\x00" in text:
        raise LayoutError(f"{what} {_shown(text)}: a file name cannot hold a NUL byte", where)
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:
        raise LayoutError(f"{what} {_shown(text)}: the name cannot be encoded for this file system",
                          where) from None
    longest = max((len(p) for p in raw.split(b"/")), default=0)
    if longest > NAME_MAX or len(raw) > PATH_MAX:
        raise LayoutError(f"{what} {_shown(text)}: the file name is too long "
                          f"(at most {NAME_MAX} bytes a name, {PATH_MAX} a path)", where)
    return text


def _shown(text: str, limit: int = 80) -> str:
    r = repr(text)
    return r if len(r) <= limit else r[: limit - 5] + "…'"


def os_message(e: OSError) -> str:
    """An OSError as a short phrase (symlink loops and long names named plainly)."""
    if e.errno == errno.ELOOP:
        return "a symbolic link loop"
    if e.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    if e.errno == errno.ENOSPC:
        return "no space left on the device"
    if e.errno == errno.EDQUOT:
        return "disk quota exceeded"
    return e.strerror or str(e)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


# ------------------------------------------------------------------ inputs
def check_input_file(path: str | os.PathLike[str], what: str, where: Location | None = None,
                     written_as: str | None = None) -> Path:
    """``path`` if it names an existing regular file (symlinks followed); else a
    LayoutError saying why: missing, a loop, a bad name, a folder, a device."""
    shown = written_as if written_as is not None else os.fspath(path)
    text = check_name(path, what, where)
    try:
        st = os.stat(text)
    except FileNotFoundError:
        raise LayoutError(f"{what} {shown!r} not found", where) from None
    except (OSError, ValueError) as e:
        msg = os_message(e) if isinstance(e, OSError) else str(e)
        raise LayoutError(f"{what} {shown!r}: {msg}", where) from None
    if not stat.S_ISREG(st.st_mode):
        raise LayoutError(f"{what} {shown!r} is {_kind(st.st_mode)}, not a regular file", where,
                          "name a file (or '-' for standard input where a command reads one)")
    return Path(text)


def read_input(name: str | os.PathLike[str], what: str, limit: int, where: Location | None = None) -> bytes:
    """The bytes of input ``name`` (``-``: standard input), at most ``limit``.

    The file is opened non-blocking and checked with ``fstat`` on the open
    descriptor (no race between a check and the open); anything but a regular file
    is refused, and reading stops after ``limit`` bytes whatever ``stat`` said."""
    text = os.fspath(name)
    if text == STDIO:
        return _stdin(what, limit, where)
    text = check_name(text, what, where)
    try:
        fd = os.open(text, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise LayoutError(f"cannot read {what} {text}: file not found", where) from None
    except IsADirectoryError:
        raise LayoutError(f"{what} {text} is a folder, not a file", where) from None
    except OSError as e:
        raise LayoutError(f"cannot read {what} {text}: {os_message(e)}", where) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise LayoutError(f"{what} {text} is {_kind(mode)}, not a regular file", where,
                              "to read a stream, pass '-' and redirect it to standard input")
        with os.fdopen(os.dup(fd), "rb", buffering=0) as f:
            return _bounded(f, what, text, limit, where)
    finally:
        os.close(fd)


_stdin_memo: list[tuple[object, bytes]] = []  # (the stream read, its bytes): at most one


def _stdin(what: str, limit: int, where: Location | None) -> bytes:
    """Standard input, read once per process (a command may read its input twice).
    The memo holds the stream object itself and compares by identity: keyed by
    ``id()`` a new stream could get the id of a freed one and be handed its bytes
    (a test that swaps ``sys.stdin`` per run read an earlier run's empty input)."""
    if not _stdin_memo or _stdin_memo[0][0] is not sys.stdin:
        _stdin_memo[:] = [(sys.stdin, _bounded(sys.stdin.buffer, what, "standard input", limit, where))]
    data = _stdin_memo[0][1]
    if len(data) > limit:
        raise LayoutError(f"{what} on standard input is larger than {_bytes(limit)}; refused", where)
    return data


def _bounded(f, what: str, shown: str, limit: int, where: Location | None) -> bytes:
    parts: list[bytes] = []
    got = 0
    try:
        while got <= limit:
            chunk = f.read(min(_CHUNK, limit + 1 - got))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
    except OSError as e:
        raise LayoutError(f"cannot read {what} {shown}: {os_message(e)}", where) from None
    if got > limit:
        raise LayoutError(f"{what} {shown} is larger than {_bytes(limit)}; refused", where,
                          "is this the right file?")
    return b"".join(parts)


def _bytes(n: int) -> str:
    return f"{n // (1 << 20)} MiB" if n >= 1 << 20 else f"{n} bytes"


def identity(name: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of an existing file, symlinks followed; None otherwise."""
    try:
        st = os.stat(os.fspath(name))
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


# ------------------------------------------------------------------ outputs
class OutKind(enum.Enum):
    STDOUT = "stdout"  # '-'
    STREAM = "stream"  # a character device or FIFO: written through, never replaced
    FILE = "file"  # a regular file (new or replaced whole via a temp file)


class Output(NamedTuple):
    """Where an output goes, decided before any work (see ``plan_output``)."""

    name: str  # as the user wrote it (for messages)
    kind: OutKind
    target: str  # the file written: a symlink's target, the device itself, '' for stdout
    what: str = "output"

    def __str__(self) -> str:
        return "standard output" if self.kind is OutKind.STDOUT else self.name

    def refuse_inputs(self, inputs: Iterable[str | os.PathLike[str]]) -> None:
        """Exit 2 when this output is one of ``inputs`` (same device and inode)."""
        if self.kind is OutKind.STDOUT:
            return
        mine = identity(self.target)
        if mine is None:
            return
        for src in inputs:
            if os.fspath(src) != STDIO and identity(src) == mine:
                raise LayoutError(f"{self.what} {self.name} is the input {os.fspath(src)}; refusing to overwrite it",
                                  hint="name a different output file with -o")

    def write(self, data: bytes) -> None:
        """Write ``data`` whole (see module doc); LayoutError on failure, old file kept."""
        if self.kind is OutKind.STDOUT:
            write_stdout(data)
        elif self.kind is OutKind.STREAM:
            _write_through(self, data)
        else:
            _replace(self, data)


def plan_output(name: str | os.PathLike[str], what: str = "output",
                inputs: Iterable[str | os.PathLike[str]] = ()) -> Output:
    """Check an output before any work: what it is, that it can be written, that it
    is none of ``inputs``.  LayoutError (exit 2) when it cannot be used."""
    text = os.fspath(name)
    if text == STDIO:
        return Output(text, OutKind.STDOUT, "", what)
    text = check_name(text, what)
    try:
        st = os.stat(text)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise LayoutError(f"cannot write {what} {text}: {os_message(e)}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise LayoutError(f"{what} {text} is a folder", hint="name a file inside it, e.g. -o DIR/page.pdf")
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        out = Output(text, OutKind.STREAM, text, what)
    elif st is not None and not stat.S_ISREG(st.st_mode):
        raise LayoutError(f"{what} {text} is {_kind(st.st_mode)}; refusing to replace it")
    else:
        out = Output(text, OutKind.FILE, os.path.realpath(text), what)
        _probe_folder(out)
    out.refuse_inputs(inputs)
    return out


def check_folder(name: str | os.PathLike[str], what: str) -> Path:
    """An output folder (``--png DIR``, ``--yaml-dir DIR``) checked before work: an
    existing folder, or a name whose nearest existing parent is a folder."""
    text = check_name(name, what)
    try:
        st = os.stat(text)
    except FileNotFoundError:
        parent = os.path.dirname(os.path.abspath(text))
        while not os.path.lexists(parent) and os.path.dirname(parent) != parent:
            parent = os.path.dirname(parent)
        if not os.path.isdir(parent):
            raise LayoutError(f"cannot create {what} {text}: {parent} is not a folder") from None
        return Path(text)
    except OSError as e:
        raise LayoutError(f"{what} {text}: {os_message(e)}") from None
    if not stat.S_ISDIR(st.st_mode):
        kind = "a file" if stat.S_ISREG(st.st_mode) else _kind(st.st_mode)
        raise LayoutError(f"{what} {text} is {kind}, not a folder")
    return Path(text)


def make_folder(name: str | os.PathLike[str], what: str) -> Path:
    """``check_folder``, then create it (and its parents) when missing."""
    path = check_folder(name, what)
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        raise LayoutError(f"cannot create {what} {path}: {os_message(e)}") from None
    return path


def write_file(name: str | os.PathLike[str], data: bytes, what: str = "output",
               inputs: Iterable[str | os.PathLike[str]] = ()) -> Output:
    """``plan_output`` and ``write`` in one step (for outputs decided late)."""
    out = plan_output(name, what, inputs)
    out.write(data)
    return out


def write_stdout(data: bytes) -> None:
    """Data to standard output; a reader that went away (``| head``) is not an error."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as e:
        raise LayoutError(f"cannot write to standard output: {os_message(e)}") from None


def _quiet_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush is quiet."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _write_through(out: Output, data: bytes) -> None:
    try:
        with open(out.target, "wb", buffering=0) as f:
            view = memoryview(data)
            while view:
                n = f.write(view)
                view = view[n:]
    except BrokenPipeError:
        return
    except OSError as e:
        raise LayoutError(f"cannot write {out.what} {out.name}: {os_message(e)}") from None


def temp_name(target: str) -> str:
    folder, base = os.path.split(target)
    return os.path.join(folder, f".{base}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def sweep_stale(folder: str | os.PathLike[str]) -> int:
    """Remove ``.NAME.layout-tmp-PID-X`` files whose process is gone; how many."""
    removed = 0
    with contextlib.suppress(OSError), os.scandir(folder) as it:
        for entry in it:
            m = _TEMP_RE.match(entry.name)
            if m and not _alive(int(m["pid"])):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a pid we cannot ask about: leave it
    return True


def _probe_folder(out: Output) -> None:
    """Can a file be created beside the target?  Checked before the work starts."""
    folder = os.path.dirname(out.target) or "."
    existing = folder
    while not os.path.exists(existing):
        parent = os.path.dirname(existing)
        if parent == existing:
            break
        existing = parent
    if not os.path.isdir(existing):
        raise LayoutError(f"cannot write {out.what} {out.name}: {existing} is not a folder")
    if existing != folder:
        return  # created when written; the nearest folder that exists is checked by the write
    probe = temp_name(out.target)
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as e:
        raise LayoutError(f"cannot write {out.what} {out.name}: {os_message(e)}") from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def _replace(out: Output, data: bytes) -> None:
    folder = os.path.dirname(out.target) or "."
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        raise LayoutError(f"cannot write {out.what} {out.name}: {os_message(e)}") from None
    sweep_stale(folder)
    tmp = temp_name(out.target)
    try:
        mode = stat.S_IMODE(os.stat(out.target).st_mode)  # a replaced file keeps its mode
    except OSError:
        mode = 0o666 & ~_umask()  # a new file: as open() would make it
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(tmp, mode)
            os.replace(tmp, out.target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as e:
        raise LayoutError(f"cannot write {out.what} {out.name}: {os_message(e)}",
                          hint="the old file, if any, is unchanged") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
