"""The three kinds of input of the command line (a balance, a track response,
a map of feature ids to balances): which one an input is, and reading it as one."""

from typing import Any, Dict, List, NoReturn, Optional, Union, cast

from . import _mistakes, _table
from ._balance import TrackBalances
from ._errors import MAX_ERRORS, ErrorDetail, ValidationError, describe, format_path
from ._response import TrackResponse

Parsed = Union[TrackBalances, TrackResponse, Dict[str, Optional[TrackBalances]]]

KINDS = ("balance", "response", "map")
KIND_NAMES = {"balance": "a balance", "response": "a track response", "map": "a map of balances"}

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
        raise ValidationError(errors, more, hint=_mistakes.hint("map", data))
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
