"""The three kinds of input of the command line (a balance, a track response,
a map of feature ids to balances): reading an input as one, strictly, and what
it holds that can be read when it is invalid (``_tolerant`` tells the kinds apart)."""

from typing import Any, Dict, List, Optional, Union

from . import _mistakes, _table
from ._balance import TrackBalances
from ._errors import ErrorDetail
from ._response import TrackResponse
from ._tolerant import BALANCE, MAP, RESPONSE, kind_of, read_as

Parsed = Union[TrackBalances, TrackResponse, Dict[str, Optional[TrackBalances]]]

KIND_NAMES = {BALANCE: "a balance", RESPONSE: "a track response", MAP: "a map of balances"}
recognise = kind_of


def parse(data: "Any", kind: str) -> "Parsed":
    """``data`` read strictly as ``kind``; a map balance by balance, its problems
    with the keys in front, counted as one report."""
    if kind == BALANCE:
        return TrackBalances.from_dict(data)
    if kind == RESPONSE:
        return TrackResponse.from_dict(data)
    found, report = read_as(data, kind)
    if report:
        raise report.error(_mistakes.hint(kind, data))
    return found


def readable(data: "Any", kind: str) -> "Dict[str, TrackBalances]":
    """The balances of an invalid ``data`` that are valid on their own."""
    found = read_as(data, kind)[0]
    return {key: balance for key, balance in found.items() if balance is not None}


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
