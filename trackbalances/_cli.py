"""``python -m trackbalances``: look at, check or clean up balance payloads from a shell."""

import argparse
import os
import sys
from typing import Any, Dict, List, NoReturn, Optional, Sequence, Tuple, Union, cast

from . import _json, _table
from ._balance import TrackBalances
from ._errors import ErrorDetail, ValidationError
from ._example import TRACK_RESPONSE
from ._response import TrackResponse

Parsed = Union[TrackBalances, TrackResponse, Dict[str, TrackBalances]]

VALID, INVALID, UNUSABLE = 0, 1, 2
KINDS = ("balance", "response", "map")

DESCRIPTION = """\
Read Autumn balance payloads (the TrackBalances object of POST /v1/balances.track),
check them against the published schema, and show them as a table or give them
back as JSON.

Each input may hold one balance object, a whole track response (with "balance"
and/or "balances"), or a map of feature id to balance object; which one is
recognised from its keys, or set with --kind."""

EPILOG = """\
examples:
  python -m trackbalances --example              the API's own example, as a table
  python -m trackbalances response.json          a file
  curl ... | python -m trackbalances -           standard input
  python -m trackbalances --check *.json         validate only: silent when valid
  python -m trackbalances --json in.json | jq .  the validated payload as JSON
  python -m trackbalances --strict --check *.json  also fail on what is newer
                                                 than API 2.5.0

exit status:
  0  every input is valid
  1  an input does not match the schema (or, with --strict, holds a key or an
     enum value newer than API 2.5.0); each problem is listed on standard
     error as FILE: path: message
  2  usage problem, or an input that cannot be read: missing or unreadable
     file, not UTF-8, not JSON (with its line and column)
with several inputs, each is reported and the exit status is the worst."""


def build_parser() -> "argparse.ArgumentParser":
    parser = argparse.ArgumentParser(
        prog="python -m trackbalances",
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
        help="write the validated payload back as compact JSON, one line per input",
    )
    output.add_argument(
        "--check", action="store_true", help="validate only; print nothing when valid"
    )
    parser.add_argument(
        "--kind", choices=KINDS, help="what each input holds, instead of recognising it"
    )
    parser.add_argument(
        "--example", action="store_true", help="run on the API's example response (built in)"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also report unknown keys and unknown enum values (newer than API 2.5.0) as problems",
    )
    return parser


def main(argv: "Optional[Sequence[str]]" = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help, or a usage error (already printed)
        return exit.code if isinstance(exit.code, int) else UNUSABLE
    inputs: "List[Tuple[str, Any]]" = [(name, None) for name in args.files]
    if args.example:
        inputs.append(("<example>", TRACK_RESPONSE))
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            parser.print_usage(sys.stderr)
            print(
                "%s: error: no input: give FILE, - for standard input, or --example" % parser.prog,
                file=sys.stderr,
            )
            return UNUSABLE
        inputs.append(("-", None))
    _tolerate_any_terminal()
    status = VALID
    for number, (name, data) in enumerate(inputs):
        label = "<stdin>" if name == "-" else name
        try:
            if data is None:
                data = read_json(name)
            parsed = parse(data, args.kind or recognise(data))
        except UnusableInput as problem:
            print("%s: %s" % (label, problem), file=sys.stderr)
            status = max(status, UNUSABLE)
            continue
        except ValidationError as error:
            for detail in error.errors:
                print("%s: %s" % (label, detail), file=sys.stderr)
            status = max(status, INVALID)
            continue
        if args.strict:
            newer = unrecognized(parsed)
            for detail in newer:
                print("%s: %s" % (label, detail), file=sys.stderr)
            if newer:
                status = max(status, INVALID)
                continue
        if args.check:
            continue
        if args.json:
            print(_json.dumps(to_dict(parsed), None))
            continue
        if len(inputs) > 1:
            print("%s==> %s <==" % ("\n" if number else "", label))
        print(render(parsed))
    return status


def run() -> "NoReturn":
    """``main()`` as a program: exit with its status, quietly when the reader
    of standard output went away (``| head``)."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        status = INVALID
    raise SystemExit(status)


class UnusableInput(Exception):
    """The input cannot be read as JSON at all (exit status 2)."""


def read_json(name: str) -> "Any":
    try:
        if name == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as file:
                raw = file.read()
    except OSError as error:
        raise UnusableInput("cannot read: %s" % (error.strerror or error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnusableInput("not UTF-8: %s at byte %d" % (error.reason, error.start)) from None
    try:
        return _json.decode(text)
    except _json.NotJSON as error:
        raise UnusableInput("not JSON: %s" % error) from None


def recognise(data: "Any") -> str:
    """Which kind of payload ``data`` is, from its keys."""
    if isinstance(data, dict):
        data = cast("Dict[str, Any]", data)
        if "feature_id" in data:
            return "balance"
        if "customer_id" in data or "balance" in data or "balances" in data:
            return "response"
        if data and all(isinstance(value, dict) for value in data.values()):
            return "map"
    return "balance"  # its errors say best what is wrong


def parse(data: "Any", kind: str) -> "Parsed":
    if kind == "balance":
        return TrackBalances.from_dict(data)
    if kind == "response":
        return TrackResponse.from_dict(data)
    if not isinstance(data, dict):
        raise ValidationError(
            [((), "expected an object of feature ids to balances, got %s" % type(data).__name__)]
        )
    found: "Dict[str, TrackBalances]" = {}
    errors: "List[ErrorDetail]" = []
    for key, value in cast("Dict[str, Any]", data).items():
        try:
            found[key] = TrackBalances.from_dict(value)
        except ValidationError as error:
            errors.extend(
                ErrorDetail((key,) + detail.path, detail.message) for detail in error.errors
            )
    if errors:
        raise ValidationError(errors)
    return found


def unrecognized(parsed: "Parsed") -> "List[ErrorDetail]":
    if isinstance(parsed, dict):
        return [
            ErrorDetail((key,) + detail.path, detail.message)
            for key, balance in parsed.items()
            for detail in balance.unrecognized()
        ]
    return list(parsed.unrecognized())


def to_dict(parsed: "Parsed") -> "Dict[str, Any]":
    if isinstance(parsed, dict):
        return {key: balance.to_dict() for key, balance in parsed.items()}
    return parsed.to_dict()


def render(parsed: "Parsed") -> str:
    if isinstance(parsed, TrackResponse):
        return _table.response(parsed)
    if isinstance(parsed, TrackBalances):
        return _table.balance(parsed)
    return _table.balances(parsed)


def _tolerate_any_terminal() -> None:
    # A feature name in Japanese must not crash the table on an ASCII-only terminal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
