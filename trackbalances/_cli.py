"""``trackbalances`` / ``python -m trackbalances``: look at, check or clean up
balance payloads from a shell. See ``--help``."""

import argparse
import contextlib
import os
import sys
from typing import Any, Dict, Iterator, List, NoReturn, Optional, Sequence, Tuple, Union, cast

from . import _json, _table
from ._balance import TrackBalances
from ._errors import ErrorDetail, ValidationError
from ._example import TRACK_RESPONSE
from ._response import TrackResponse

Parsed = Union[TrackBalances, TrackResponse, Dict[str, Optional[TrackBalances]]]

VALID, INVALID, UNUSABLE = 0, 1, 2
INTERRUPTED = 130  # as a shell reports a program stopped by Ctrl-C
PIPE_CLOSED = 141  # as a shell reports a filter whose reader went away (SIGPIPE)
KINDS = ("balance", "response", "map")
MAX_BYTES = 64 * 1024 * 1024

DESCRIPTION = """\
Read Autumn balance payloads (the balance object of POST /v1/balances.track,
balances.check, customers.get and entities.get, API versions 2.1.0 to 2.5.0),
check them, and show them as a table or give them back as JSON.

Each input may hold one balance object, a whole track response (with
"customer_id"), or a map of feature id to balance object (from customers.get's
"balances"); which one is recognised from its keys, or set with --kind. Input
is UTF-8 JSON text (a byte order mark is skipped); with --lines, each line of
an input is one JSON document, as in a log of responses."""

EPILOG = """\
examples:
  %(prog)s --example             the API's own example, as a table
  %(prog)s response.json         a file
  curl ... | %(prog)s -          standard input
  %(prog)s --check *.json        validate only: silent when valid
  %(prog)s --json in.json | jq . the validated payload as JSON
  %(prog)s --lines --check log.jsonl
                                 one document per line
  %(prog)s --strict --check *.json
                                 also fail on keys or enum values newer than
                                 API 2.5.0

--json writes one line per valid input (per valid line, with --lines); an
invalid input writes none, and its problems go to standard error.

exit status:
  0    every input is valid
  1    an input does not match the schema (or, with --strict, holds something
       newer than API 2.5.0); each problem is listed on standard error as
       FILE: path: message (FILE:LINE: path: message with --lines)
  2    usage problem, or an input that cannot be read: missing or unreadable
       file, larger than --max-bytes, not UTF-8, not JSON (with its line and
       column), or output that cannot be written
  130  interrupted (Ctrl-C)
  141  the reader of standard output went away (| head), as a filter would
with several inputs, each is reported and the exit status is the worst."""


def build_parser() -> "argparse.ArgumentParser":
    from . import __version__

    started_as_module = os.path.basename(sys.argv[0] if sys.argv else "") == "__main__.py"
    parser = argparse.ArgumentParser(
        prog="python -m trackbalances" if started_as_module else "trackbalances",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="JSON files to read; - for standard input"
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json",
        action="store_true",
        help="write each valid payload back as compact JSON, one line each",
    )
    output.add_argument(
        "--check", action="store_true", help="validate only; print nothing when valid"
    )
    parser.add_argument(
        "--kind", choices=KINDS, help="what each input holds, instead of recognising it"
    )
    parser.add_argument(
        "--lines", action="store_true", help="each line of an input is one JSON document"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also report unknown keys and unknown enum values (newer than API 2.5.0) as problems",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_BYTES,
        metavar="N",
        help="refuse an input larger than N bytes (default: %(default)s, 64 MiB)",
    )
    parser.add_argument(
        "--example", action="store_true", help="run on the API's example response (built in)"
    )
    parser.add_argument("--version", action="version", version="%(prog)s " + __version__)
    return parser


class UnusableInput(Exception):
    """The input cannot be read as JSON at all (exit status 2)."""


def warn(line: str) -> None:
    """A line on standard error, and nowhere else if it is closed."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError):  # a standard error that cannot be written
            print(line, file=sys.stderr)


def main(argv: "Optional[Sequence[str]]" = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help, --version, or a usage error (already printed)
        return exit.code if isinstance(exit.code, int) else UNUSABLE
    inputs: "List[Tuple[str, Any]]" = [(name, None) for name in args.files]
    if args.example:
        inputs.append(("<example>", TRACK_RESPONSE))
    if not inputs:
        if sys.stdin is not None and sys.stdin.isatty():
            parser.print_usage(sys.stderr)
            warn("%s: error: no input: give FILE, - for standard input, or --example" % parser.prog)
            return UNUSABLE
        inputs.append(("-", None))
    if sys.stdout is None and not args.check:
        warn("%s: standard output is closed" % parser.prog)
        return UNUSABLE
    _tolerate_any_terminal()
    status = VALID
    for number, (name, data) in enumerate(inputs):
        heading = number if len(inputs) > 1 else None
        for where, document in _documents(name, data, args):
            status = max(status, _one(where, document, args, heading))
    return status


def _documents(name: str, data: "Any", args: "Any") -> "Iterator[Tuple[str, Any]]":
    """(label, decoded JSON, or an UnusableInput) for each document of one input."""
    label = "<stdin>" if name == "-" else name
    if data is not None:
        yield label, data
        return
    try:
        raw = read(name, args.max_bytes)
    except UnusableInput as problem:
        yield label, problem
        return
    if not args.lines:
        yield label, _decoded(raw)
        return
    for number, line in enumerate(raw.split(b"\n"), 1):
        if line.strip():
            yield "%s:%d" % (label, number), _decoded(line)


def _decoded(raw: bytes) -> "Any":
    try:
        return _json.decode(raw)
    except _json.NotJSON as error:
        message = str(error)
        return UnusableInput(message if message.startswith("not UTF-8") else "not JSON: " + message)


def _one(label: str, data: "Any", args: "Any", heading: "Optional[int]") -> int:
    """Validates and shows one document (under a heading when there are several
    inputs); its exit status."""
    if isinstance(data, UnusableInput):
        warn("%s: %s" % (label, data))
        return UNUSABLE
    try:
        parsed = parse(data, args.kind or recognise(data))
    except ValidationError as error:
        for line in str(error).splitlines():
            warn("%s: %s" % (label, line))
        return INVALID
    if args.strict:
        newer = unrecognized(parsed)
        for detail in newer:
            warn("%s: %s" % (label, detail))
        if newer:
            return INVALID
    if args.check:
        return VALID
    if args.json:
        print(_json.dumps(to_dict(parsed), None))
        return VALID
    if heading is not None:
        print("%s==> %s <==" % ("\n" if heading else "", label))
    print(render(parsed))
    return VALID


def run() -> "NoReturn":
    """``main()`` as a program: exit with its status, and never a traceback for
    what the world does to it (a closed or full output, Ctrl-C)."""
    try:
        status = main()
        if sys.stdout is not None:
            sys.stdout.flush()
    except KeyboardInterrupt:
        status = INTERRUPTED
    except BrokenPipeError:
        status = PIPE_CLOSED
    except OSError as error:  # a standard output that cannot be written: full, closed
        warn("trackbalances: cannot write the output: %s" % (error.strerror or error))
        status = UNUSABLE
    if status in (PIPE_CLOSED, UNUSABLE) and sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):  # what Python flushes at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(status)


def read(name: str, max_bytes: int) -> bytes:
    """The bytes of a file, or of standard input for ``-``: at most ``max_bytes``."""
    try:
        if name == "-":
            if sys.stdin is None:
                raise UnusableInput("cannot read: standard input is closed")
            raw = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(name, "rb") as file:
                raw = file.read(max_bytes + 1)
    except OSError as error:
        raise UnusableInput("cannot read: %s" % (error.strerror or error)) from None
    if len(raw) > max_bytes:
        raise UnusableInput("larger than %d bytes (a larger input needs --max-bytes)" % max_bytes)
    return raw


_BALANCE_KEYS = ("feature_id", "granted", "remaining", "usage", "unlimited", "overage_allowed")
_RESPONSE_KEYS = ("customer_id", "value", "entity_id", "event_name")


def recognise(data: "Any") -> str:
    """Which kind of payload ``data`` is. A balance or a response has keys of its
    own whose values are not objects (``feature_id``, ``customer_id``, ...); a map
    of balances has only objects as values, whatever its feature ids are named."""
    if type(data) is not dict:
        return "balance"  # its error says best what is wrong
    data = cast("Dict[str, Any]", data)
    balance = any(key in data and type(data[key]) is not dict for key in _BALANCE_KEYS)
    response = any(key in data and type(data[key]) is not dict for key in _RESPONSE_KEYS)
    if response and not (balance and "feature_id" in data):
        return "response"
    return "balance" if balance else "map"


def parse(data: "Any", kind: str) -> "Parsed":
    if kind == "balance":
        return TrackBalances.from_dict(data)
    if kind == "response":
        return TrackResponse.from_dict(data)
    if type(data) is not dict:
        raise ValidationError(
            [((), "expected an object of feature ids to balances, got %s" % type(data).__name__)]
        )
    found: "Dict[str, Optional[TrackBalances]]" = {}
    errors: "List[ErrorDetail]" = []
    for key, value in cast("Dict[str, Any]", data).items():
        if value is None:  # no balance for that feature, as in a track response
            found[key] = None
            continue
        try:
            found[key] = TrackBalances.from_dict(value)
        except ValidationError as error:
            errors.extend(
                ErrorDetail((key,) + detail.path, detail.message) for detail in error.errors
            )
    if errors:
        raise ValidationError(errors[:100], len(errors[100:]))
    return found


def unrecognized(parsed: "Parsed") -> "List[ErrorDetail]":
    if isinstance(parsed, dict):
        return [
            ErrorDetail((key,) + detail.path, detail.message)
            for key, balance in parsed.items()
            if balance is not None
            for detail in balance.unrecognized()
        ]
    return list(parsed.unrecognized())


def to_dict(parsed: "Parsed") -> "Dict[str, Any]":
    if isinstance(parsed, dict):
        return {key: None if b is None else b.to_dict() for key, b in parsed.items()}
    return parsed.to_dict()


def render(parsed: "Parsed") -> str:
    if isinstance(parsed, TrackResponse):
        return _table.response(parsed)
    if isinstance(parsed, TrackBalances):
        return _table.balance(parsed)
    return _table.balances({k: b for k, b in parsed.items() if b is not None})


def _tolerate_any_terminal() -> None:
    # A feature name in Japanese must not crash the table on an ASCII-only terminal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
