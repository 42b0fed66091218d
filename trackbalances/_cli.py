"""``trackbalances`` / ``python -m trackbalances``: look at, check or clean up
balance payloads from a shell. See ``--help``."""

import argparse
import contextlib
import os
import sys
from typing import Any, List, NoReturn, Optional, Sequence, Tuple

from . import _json, _table
from ._errors import MAX_ERRORS, ValidationError, cut_repr, escaped
from ._example import TRACK_RESPONSE
from ._inputs import UnusableInput, documents
from ._kinds import KIND_NAMES, parse, readable, recognise, render, to_dict, unrecognized
from ._tolerant import KINDS

VALID, INVALID, UNUSABLE, OUT_OF_MEMORY = 0, 1, 2, 3
INTERRUPTED = 130  # as a shell reports a program stopped by Ctrl-C
PIPE_CLOSED = 141  # as a shell reports a filter whose reader went away (SIGPIPE)
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

An invalid input still shows, as a table, the balances in it that are valid
on their own (one broken balance never hides the others); its problems go to
standard error and the exit status is 1. --json writes one line per valid
input (per valid line, with --lines) and none for an invalid one.

A file name is shown as it is when it holds only letters, digits and
._-/+@%%,=~ (and is not too long); any other is quoted, as in 'my file.json'.

exit status:
  0    every input is valid
  1    an input does not match the schema (or, with --strict, holds something
       newer than API 2.5.0), or is none of the three kinds; on standard
       error a line FILE: read as KIND: comes first, then each problem as
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
        each, out_of_memory = documents(name, label, data, args), False
        try:
            for where, document in each:
                status = max(status, _one(where, document, args, heading, report))
        except MemoryError:  # handled once its traceback, which holds what used the memory, is gone
            out_of_memory = True
        each.close()
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
        stopped: bool = False,
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
            at_least = "at least " if stopped else ""
            warn("%s: ... and %s%d more problems" % (label, at_least, more))
        if hint is not None:
            warn("%s: hint: %s" % (label, hint))

    def close(self) -> None:
        if self.documents_left_out:
            warn(
                "%s: ... and %d more problems in %d more lines"
                % (self.label, self.problems_left_out, self.documents_left_out)
            )


def _one(label: str, data: "Any", args: "Any", heading: "Optional[int]", report: "Report") -> int:
    """Validates and shows one document (under a heading when there are several
    inputs); its exit status."""
    if isinstance(data, UnusableInput):
        report.show(label, None, [data], 0, data.hint)
        return UNUSABLE
    try:
        kind = args.kind or recognise(data)
    except ValidationError as error:  # none of the three kinds
        report.show(label, None, error.errors, error.more, error.hint, error.stopped)
        return INVALID
    try:
        parsed = parse(data, kind)
    except ValidationError as error:
        found = {} if args.check or args.json else readable(data, kind)
        if found:  # what could be read, then what could not
            _show(label, heading, _table.balances(found))
        intro = "read as %s:" % KIND_NAMES[kind]
        report.show(label, intro, error.errors, error.more, error.hint, error.stopped)
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
    _show(label, heading, render(parsed))
    return VALID


def _show(label: str, heading: "Optional[int]", table: str) -> None:
    if heading is not None:
        print("%s==> %s <==" % ("\n" if heading else "", _table.fit(label, _table.WIDTH - 8)))
    print(table)


_sys: "Any" = sys  # unraisablehook came with 3.8: not in what a checker knows of 3.7


def run() -> "NoReturn":
    """``main()`` as a program: exit with its status, and never a traceback for
    what the world does to it (a closed or full output, Ctrl-C, too little memory)."""
    _sys.unraisablehook = _unraisable  # (from 3.8 on; harmless before)
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
        _sys.__unraisablehook__(what)


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
