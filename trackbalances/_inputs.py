"""The inputs of the command line: files or standard input, whole or (with
``--lines``) line by line, read in bounded parts and decoded as JSON."""

import contextlib
import sys
from typing import Any, Generator, List, Optional, Tuple

from . import _json


class UnusableInput(Exception):
    """The input cannot be read as JSON at all (exit status 2)."""

    def __init__(self, message: str, hint: "Optional[str]" = None) -> None:
        super().__init__(message)
        self.hint = hint


def documents(
    name: str, label: str, data: "Any", args: "Any"
) -> "Generator[Tuple[str, Any], None, None]":
    """(label, decoded JSON, or an UnusableInput) for each document of one input."""
    if data is not None:
        yield label, data
        return
    if not args.lines:
        try:
            yield label, decoded(read(name, args.max_bytes))
        except UnusableInput as problem:
            yield label, problem
        return
    try:
        with _opened(name) as file:
            number = 0
            while True:
                number += 1
                line = file.readline(args.max_bytes + 1)
                if not line:
                    return
                if len(line) > args.max_bytes and line[-1:] != b"\n":
                    while line and line[-1:] != b"\n":  # the rest of it, unread
                        line = file.readline(_CHUNK)
                    yield (
                        "%s:%d" % (label, number),
                        UnusableInput(
                            "a line longer than %d bytes (a longer line needs --max-bytes)"
                            % args.max_bytes
                        ),
                    )
                elif line.strip():
                    yield "%s:%d" % (label, number), decoded(line)
    except UnusableInput as problem:
        yield label, problem
    except OSError as error:
        yield label, UnusableInput("cannot read: %s" % (error.strerror or error))


def decoded(raw: bytes) -> "Any":
    try:
        return _json.decode(raw)
    except _json.NotJSON as error:
        message = str(error)
        if not message.startswith("not UTF-8"):
            message = "not JSON: " + message
        return UnusableInput(message, error.hint)


_CHUNK = 1 << 20  # read in parts, so that a large --max-bytes is not memory asked for at once


def _opened(name: str) -> "Any":
    """The binary file of ``name``, or standard input for ``-``, to use in ``with``."""
    if name != "-":
        return open(name, "rb")
    if sys.stdin is None:
        raise UnusableInput("cannot read: standard input is closed")
    return contextlib.nullcontext(sys.stdin.buffer)


def read(name: str, max_bytes: int) -> bytes:
    """The bytes of a file, or of standard input for ``-``: at most ``max_bytes``."""
    parts: "List[bytes]" = []
    size = 0
    try:
        with _opened(name) as file:
            while size <= max_bytes:
                part = file.read(min(max_bytes + 1 - size, _CHUNK))
                if not part:
                    break
                parts.append(part)
                size += len(part)
    except OSError as error:
        raise UnusableInput("cannot read: %s" % (error.strerror or error)) from None
    if size > max_bytes:
        raise UnusableInput("larger than %d bytes (a larger input needs --max-bytes)" % max_bytes)
    return b"".join(parts)
