"""``trackbalances`` / ``python -m trackbalances``: look at, check or clean up
balance payloads from a shell. See ``--help``."""

import argparse
import contextlib
import os
import sys
from typing import (
    Any,
    Dict,
    Generator,
    List,
    NoReturn,
    Optional,
    Sequence,
    Tuple,
    Union,
    cast,
)

from . import _json, _mistakes, _table
from ._balance import TrackBalances
from ._errors import (
    MAX_ERRORS,
    ErrorDetail,
    ValidationError,
    cut_repr,
    describe,
    escaped,
    format_path,
)
from ._example import TRACK_RESPONSE
from ._response import TrackResponse

Parsed = Union[TrackBalances, TrackResponse, Dict[str, Optional[TrackBalances]]]

VALID, INVALID, UNUSABLE, OUT_OF_MEMORY = 0, 1, 2, 3
INTERRUPTED = 130  # as a shell reports a program stopped by Ctrl-C
PIPE_CLOSED = 141  # as a shell reports a filter whose reader went away (SIGPIPE)
KINDS = ("balance", "response", "map")
KIND_NAMES = {"balance": "a balance", "response": "a track response", "map": "a map of balances"}
MAX_BYTES = 64 * 1024 * 1024
LARGEST_MAX_BYTES = 1 << 40  # 1 TiB: more is a mistake, not a bound

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

A file name is shown as it is when it holds only letters, digits and
._-/+@%%,=~ (and is not too long); any other is quoted, as in 'my file.json'.

exit status:
  0    every input is valid
  1    an input does not match the schema (or, with --strict, holds something
       newer than API 2.5.0), or is none of the three kinds; a line
       FILE: read as KIND: comes first, then each problem on standard error as
       FILE: path: message (FILE:LINE: path: message with --lines), at most 100
       of them for an input and then a count, and a line FILE: hint: ... when
       the input looks like a usual mistake (an API error answer, say)
  2    usage problem, or an input that cannot be read: missing or unreadable
       file, larger than --max-bytes (with --lines: a line longer than that),
       not UTF-8, not JSON (with its line and column), or output that cannot
       be written
  3    out of memory: the input is too large for the memory this process may
       use (a smaller --max-bytes refuses it sooner)
  130  interrupted (Ctrl-C)
  141  the reader of standard output went away (| head), as a filter would
with several inputs, each is reported and the exit status is the worst."""


def program_name() -> str:
    """The command as it was run: ``python -m`` and the package's name as it is
    imported (a vendored copy's too), or the console script's name."""
    package = __package__ or "trackbalances"
    started_as = getattr(getattr(sys.modules.get("__main__"), "__spec__", None), "name", None)
    if started_as == package + ".__main__":
        return "python -m " + package
    return "trackbalances"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> "NoReturn":
        # argparse writes the arguments it quotes as they are: escape and cut them.
        self.print_usage(sys.stderr)
        self.exit(UNUSABLE, "%s: error: %s\n" % (self.prog, _cut_line(message)))


def _cut_line(message: str, width: int = 300) -> str:
    shown = escaped(message[: width + 1])
    return shown if len(shown) <= width else shown[: width - 3] + "..."


def _byte_count(text: str) -> int:
    try:
        count = int(text) if len(text) <= 20 else -1
    except ValueError:
        count = -1
    if not 0 <= count <= LARGEST_MAX_BYTES:
        raise argparse.ArgumentTypeError(
            "expected a number of bytes from 0 to %d, got %s" % (LARGEST_MAX_BYTES, cut_repr(text))
        )
    return count


def build_parser() -> "argparse.ArgumentParser":
    from . import __version__

    parser = _Parser(
        prog=program_name(),
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
        "--lines",
        action="store_true",
        help="each line of an input is one JSON document (read line by line, any size)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also report unknown keys and unknown enum values (newer than API 2.5.0) as problems",
    )
    parser.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=MAX_BYTES,
        metavar="N",
        help="refuse an input (with --lines, a line) larger than N bytes "
        "(default: %(default)s, 64 MiB)",
    )
    parser.add_argument(
        "--example", action="store_true", help="run on the API's example response (built in)"
    )
    parser.add_argument("--version", action="version", version="%(prog)s " + __version__)
    return parser


class UnusableInput(Exception):
    """The input cannot be read as JSON at all (exit status 2)."""

    def __init__(self, message: str, hint: "Optional[str]" = None) -> None:
        super().__init__(message)
        self.hint = hint


def warn(line: str) -> None:
    """A line on standard error, and nowhere else if it is closed."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError):  # a standard error that cannot be written
            print(line, file=sys.stderr)


_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/+@%,=~")
_NAME_CUT = 100


def shown_name(name: str) -> str:
    """A file name as the messages show it: as it is when it is plain and short,
    else quoted with ``ascii()`` and cut, like every other part of the input."""
    if name and len(name) <= _NAME_CUT and _SAFE.issuperset(name):
        return name
    return cut_repr(name, _NAME_CUT)


def main(argv: "Optional[Sequence[str]]" = None) -> int:
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:
            parser.error("unrecognized arguments: " + " ".join(map(shown_name, unknown)))
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
    _table.write_ascii_only(_writes_ascii_only(sys.stdout))
    status = VALID
    for number, (name, data) in enumerate(inputs):
        label = name if data is not None else "<stdin>" if name == "-" else shown_name(name)
        heading = number if len(inputs) > 1 else None
        report = Report(label)
        documents, out_of_memory = _documents(name, label, data, args), False
        try:
            for where, document in documents:
                status = max(status, _one(where, document, args, heading, report))
        except MemoryError:  # handled once its traceback, which holds what used the memory, is gone
            out_of_memory = True
        documents.close()
        if out_of_memory:
            warn(
                "%s: %s: out of memory: the input is too large for the memory this process may use"
                % (parser.prog, label)
            )
            return OUT_OF_MEMORY
        report.close()
    return status


class Report:
    """The problems of one input on standard error: at most MAX_ERRORS lines
    of them, however many documents it holds, and then a count of the rest."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.room = MAX_ERRORS
        self.problems_left_out = 0
        self.documents_left_out = 0

    def show(
        self,
        label: str,
        intro: "Optional[str]",
        problems: "Sequence[object]",
        more: int = 0,
        hint: "Optional[str]" = None,
    ) -> None:
        if self.room <= 0:
            self.problems_left_out += len(problems) + more
            self.documents_left_out += 1
            return
        if intro is not None:
            warn("%s: %s" % (label, intro))
        shown = problems[: self.room]
        for problem in shown:
            warn("%s: %s" % (label, problem))
        self.room -= len(shown)
        more += len(problems) - len(shown)
        if more:
            warn("%s: ... and %d more problems" % (label, more))
        if hint is not None:
            warn("%s: hint: %s" % (label, hint))

    def close(self) -> None:
        if self.documents_left_out:
            warn(
                "%s: ... and %d more problems in %d more lines"
                % (self.label, self.problems_left_out, self.documents_left_out)
            )


def _documents(
    name: str, label: str, data: "Any", args: "Any"
) -> "Generator[Tuple[str, Any], None, None]":
    """(label, decoded JSON, or an UnusableInput) for each document of one input."""
    if data is not None:
        yield label, data
        return
    if not args.lines:
        try:
            yield label, _decoded(read(name, args.max_bytes))
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
                    yield "%s:%d" % (label, number), _decoded(line)
    except UnusableInput as problem:
        yield label, problem
    except OSError as error:
        yield label, UnusableInput("cannot read: %s" % (error.strerror or error))


def _decoded(raw: bytes) -> "Any":
    try:
        return _json.decode(raw)
    except _json.NotJSON as error:
        message = str(error)
        if not message.startswith("not UTF-8"):
            message = "not JSON: " + message
        return UnusableInput(message, error.hint)


def _one(label: str, data: "Any", args: "Any", heading: "Optional[int]", report: "Report") -> int:
    """Validates and shows one document (under a heading when there are several
    inputs); its exit status."""
    if isinstance(data, UnusableInput):
        report.show(label, None, [data], 0, data.hint)
        return UNUSABLE
    kind = args.kind or recognise(data)
    try:
        parsed = parse(data, kind) if kind else refuse(data)
    except ValidationError as error:
        intro = "read as %s:" % KIND_NAMES[kind] if kind else None
        report.show(label, intro, error.errors, error.more, error.hint)
        return INVALID
    if args.strict:
        newer = unrecognized(parsed)
        if newer:
            report.show(label, None, newer)
            return INVALID
    if args.check:
        return VALID
    if args.json:
        print(_json.dumps(to_dict(parsed), None))
        return VALID
    if heading is not None:
        print("%s==> %s <==" % ("\n" if heading else "", _table.fit(label, _table.WIDTH - 8)))
    print(render(parsed))
    return VALID


def run() -> "NoReturn":
    """``main()`` as a program: exit with its status, and never a traceback for
    what the world does to it (a closed or full output, Ctrl-C, too little memory)."""
    sys.unraisablehook = _unraisable  # (from 3.8 on; harmless before)
    try:
        status = main()
        if sys.stdout is not None:
            sys.stdout.flush()
    except KeyboardInterrupt:
        status = INTERRUPTED
    except BrokenPipeError:
        status = PIPE_CLOSED
    except OSError as error:  # a standard output that cannot be written: full, closed
        warn("%s: cannot write the output: %s" % (program_name(), error.strerror or error))
        status = UNUSABLE
    except MemoryError:
        status = -OUT_OF_MEMORY
    if status == -OUT_OF_MEMORY:  # said after the handler, which holds what used the memory
        warn("%s: out of memory" % program_name())
        status = OUT_OF_MEMORY
    if status in (PIPE_CLOSED, UNUSABLE) and sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):  # what Python flushes at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise SystemExit(status)


def _unraisable(what: "Any") -> None:
    # Out of memory, the garbage collector or a finalizer may fail too (3.13t):
    # the program says so once, in its own words.
    if not isinstance(what.exc_value, MemoryError):
        sys.__unraisablehook__(what)


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


_BALANCE_KEYS = (
    "feature_id",
    "granted",
    "remaining",
    "usage",
    "unlimited",
    "overage_allowed",
    "max_purchase",
    "next_reset_at",
    "breakdown",
    "rollovers",
)
_RESPONSE_KEYS = ("customer_id", "value", "entity_id", "event_name", "deductions")


def recognise(data: "Any") -> "Optional[str]":
    """Which kind of payload ``data`` is, or None for an object of none of the
    three. A balance or a response has keys of its own whose values are not
    objects (``feature_id``, ``customer_id``, ...); a map of balances has only
    objects (or null) as values, whatever its feature ids are named."""
    if type(data) is not dict:
        return "balance"  # its error says best what is wrong
    data = cast("Dict[str, Any]", data)
    balance = any(key in data and type(data[key]) is not dict for key in _BALANCE_KEYS)
    response = any(key in data and type(data[key]) is not dict for key in _RESPONSE_KEYS)
    if response and not (balance and "feature_id" in data) or _mistakes.old_track_response(data):
        return "response"
    if balance:
        return "balance"
    if all(value is None or type(value) is dict for value in data.values()):
        return "map"
    return None


def refuse(data: "Dict[str, Any]") -> "NoReturn":
    """The error of an object that is none of the three kinds."""
    key, value = next((k, v) for k, v in data.items() if v is not None and type(v) is not dict)
    raise ValidationError(
        [
            (
                (),
                "neither a balance, a track response nor a map of balances: "
                "%s is %s, not an object or null" % (format_path((key,)), describe(value)),
            )
        ],
        hint=_mistakes.hint("map", data),
    )


def parse(data: "Any", kind: str) -> "Parsed":
    if kind == "balance":
        return TrackBalances.from_dict(data)
    if kind == "response":
        return TrackResponse.from_dict(data)
    if type(data) is not dict:
        raise ValidationError(
            [((), "expected an object of feature ids to balances, got %s" % describe(data))]
        )
    found: "Dict[str, Optional[TrackBalances]]" = {}
    errors: "List[ErrorDetail]" = []
    more = 0  # the problems that each balance's error counted without listing them
    for key, value in cast("Dict[str, Any]", data).items():
        if value is None:  # no balance for that feature, as in a track response
            found[key] = None
            continue
        try:
            found[key] = TrackBalances.from_dict(value)
        except ValidationError as error:
            room = MAX_ERRORS - len(errors)
            errors.extend(
                ErrorDetail((key,) + detail.path, detail.message) for detail in error.errors[:room]
            )
            more += len(error.errors[room:]) + error.more
    if errors:
        raise ValidationError(errors, more, _mistakes.hint("map", data))
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


def _writes_ascii_only(stream: "Any") -> bool:
    """Whether ``stream`` cannot write East Asian text (an ASCII or Latin-1 terminal)."""
    try:
        "\u65e5\U0001f600".encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def _tolerate_any_terminal() -> None:
    # A feature name in Japanese must not crash the table on an ASCII-only terminal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
