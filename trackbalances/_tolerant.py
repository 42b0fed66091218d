"""Tolerant reading: every balance of a payload that is valid on its own, and the
problems of the rest, so that one unreadable balance never hides the others.

``read_balances`` takes what the API returns: a track response, one balance, or
a map of feature ID to balance (``customers.get``'s ``balances``). Each balance
in it is read strictly, as ``Balance.from_dict`` reads it, and kept if it is
valid; the problems of the others, and of the payload around them, are named
with their full paths. Valid input is read once, as strictly as ever.
"""

from collections.abc import Mapping

from . import _checks as check
from . import _json, _mistakes
from ._balance import TrackBalances
from ._errors import (
    FIRST_PROBLEM,
    MAX_ERRORS,
    ErrorDetail,
    ValidationError,
    describe,
    describe_error,
    format_path,
)
from ._response import TrackResponse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional, Tuple, Union

    from ._checks import Errors
    from ._errors import Path

    Balances = Dict[str, TrackBalances]
    Problems = Tuple[ErrorDetail, ...]
    _Errors = List[Tuple[Path, str]]
else:
    _Errors = list

BALANCE, RESPONSE, MAP = "balance", "response", "map"
KINDS = (BALANCE, RESPONSE, MAP)

# Keys of a balance and of a response whose values are never objects: a map of
# balances has objects (or null) as values, whatever its features are called.
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
_NONE_OF_THEM = "neither a balance, a track response nor a map of balances"


def read_balances(data: "Any") -> "Tuple[Balances, Problems]":
    """Every balance in ``data`` that is valid on its own, and the problems of the rest.

    ``data`` is a decoded JSON object: a track response, one balance, or a map
    of feature ID to balance, as ``customers.get`` returns in ``balances``.
    Returns ``(balances, problems)``:

    - ``balances``, a dict of feature ID to :class:`Balance`, in payload order:
      for a response what ``all_balances()`` gives (``balances`` less its null
      entries, then ``balance`` under its own ``feature_id``), for a map its
      non-null entries, for one balance that balance; each exactly what
      ``Balance.from_dict`` gives for it, and only those it accepts;
    - ``problems``, a tuple of :class:`ErrorDetail` naming, by full path
      (``balances['api_calls'].remaining``), everything that kept a balance
      out, and any problem of the payload outside its balances (a response
      without ``customer_id`` still gives its balances). Empty when ``data``
      is valid. At most 100 are listed; when there are more, a last one with
      an empty path says how many (``... and 12 more problems``).

    Raises :class:`ValidationError` only for an input that is none of the
    three kinds (see :func:`kind_of`): not an object, an API error body, a
    track response of API 1.2.0. A map's values that are neither objects nor
    null are problems at their keys.
    """
    return _read(data, kind_of(data), check.FIRST_PROBLEM_OF_A_DICT)


def read_balances_json(text: "Union[str, bytes, bytearray]") -> "Tuple[Balances, Problems]":
    """:func:`read_balances` of JSON text, such as an HTTP body; text that is
    not JSON raises :class:`ValidationError`, as ``from_json`` does."""
    data = _json.loads(text)
    return _read(data, kind_of(data), FIRST_PROBLEM)  # JSON text has only exact str keys


def kind_of(data: "Any") -> str:
    """``"balance"``, ``"response"`` or ``"map"``: what ``data`` holds, from its keys.

    A balance or a response has keys of its own whose values are not objects
    (``feature_id``, ``customer_id``, ...); a map of balances has objects or
    null as values, whatever its features are called. Raises
    :class:`ValidationError` for anything else: what is not an object, an
    object none of whose values is an object, and the usual mistakes that
    ``_mistakes`` recognises (an API error body, ``{"success": true}``, a
    track response of API 1.2.0), with a hint.
    """
    if not _is_object(data):
        raise ValidationError([((), "%s: got %s" % (_NONE_OF_THEM, describe(data)))])
    try:
        pairs: "Dict[Any, Any]" = dict(data)
    except Exception as error:  # a caller's mapping whose methods raise
        raise ValidationError([((), "could not be read: " + describe_error(error))]) from None
    hint = _mistakes.hint(MAP, pairs)
    if hint == _mistakes.OLD_API:
        raise ValidationError([((), _NONE_OF_THEM + ": a track response of API 1.2.0")], hint=hint)
    balance = any(key in pairs and not _is_object(pairs[key]) for key in _BALANCE_KEYS)
    response = any(key in pairs and not _is_object(pairs[key]) for key in _RESPONSE_KEYS)
    if response and not (balance and "feature_id" in pairs):
        return RESPONSE
    if balance:
        return BALANCE
    odd = [
        (key, value) for key, value in pairs.items() if value is not None and not _is_object(value)
    ]
    if odd and (hint is not None or len(odd) == len(pairs)):
        key, value = odd[0]
        got = "%s is %s, not an object or null" % (format_path((key,)), describe(value))
        raise ValidationError([((), "%s: %s" % (_NONE_OF_THEM, got))], hint=hint)
    return MAP


def read_as(data: "Any", kind: str) -> "Tuple[Dict[str, Optional[TrackBalances]], Report]":
    """``read_balances`` of ``data`` read as ``kind``, whatever its keys, with its
    report; a map's null entries are kept (as None), so that it can be written
    back exactly."""
    found: "Dict[str, Optional[TrackBalances]]" = {}
    report = Report()
    if kind == BALANCE:
        balance = _balance(data, (), report)
        if balance is not None:
            found[balance.feature_id] = balance
    elif kind == RESPONSE:
        _response(data, found, report)
    else:
        _map(data, (), found, report)
    return found, report


def _read(data: "Any", kind: str, first: "Errors") -> "Tuple[Balances, Problems]":
    if kind == RESPONSE:
        # Valid input, the common case: the first reading of from_dict, which
        # stops at the first problem, without the second that reports them all.
        read = TrackResponse._read  # pyright: ignore[reportPrivateUsage]
        try:
            response: "TrackResponse" = read(TrackResponse, data, (), first)
            return response.all_balances(), ()
        except Exception:  # Invalid, or what a caller's own object raised
            pass
    found, report = read_as(data, kind)
    return {key: b for key, b in found.items() if b is not None}, report.details()


def _response(data: "Any", found: "Dict[str, Optional[TrackBalances]]", problems: "Report") -> None:
    pairs: "Optional[Dict[Any, Any]]" = data
    if type(data) is not dict:
        pairs = check.mapping(data, (), problems)
    if pairs is None:
        return
    # The response around its balances, read strictly with the balances set aside
    # (each is read below, and reports its own problems at its path).
    balance = pairs.get("balance")
    balances = pairs.get("balances")
    outside = dict(pairs)
    if balance is not None:
        outside["balance"] = None
    if "balances" in outside and _is_object(balances):
        outside["balances"] = {}
    try:
        TrackResponse.from_dict(outside)
    except ValidationError as error:
        problems.add((), error)
    if "balances" in pairs and _is_object(balances):
        _map(balances, ("balances",), found, problems, nulls=False)
    if balance is not None:
        one = _balance(balance, ("balance",), problems)
        if one is not None:
            found[one.feature_id] = one


def _map(
    data: "Any",
    path: "Path",
    found: "Dict[str, Optional[TrackBalances]]",
    problems: "Report",
    nulls: bool = True,
) -> None:
    pairs = check.exact_pairs(data, path, problems)
    for key, value in (pairs or {}).items():
        if value is None:
            if nulls:
                found[key] = None
        else:
            balance = _balance(value, path + (key,), problems)
            if balance is not None:
                found[key] = balance


def _balance(data: "Any", path: "Path", problems: "Report") -> "Optional[TrackBalances]":
    try:
        return TrackBalances.from_dict(data)
    except ValidationError as error:
        problems.add(path, error)
        return None


def _is_object(value: object) -> bool:
    try:
        return isinstance(value, Mapping)
    except Exception:  # an object whose __class__ raises
        return False


class Report(_Errors):
    """The problems of a tolerant reading: the first ``MAX_ERRORS`` listed, with
    their full paths, and the rest counted (a lower bound where the reading of a
    balance stopped early, as a ``ValidationError`` says)."""

    more = 0
    stopped = False

    def append(self, problem: "Tuple[Path, str]") -> None:
        if len(self) < MAX_ERRORS:
            super().append(ErrorDetail(*problem))
        else:
            self.more += 1

    def add(self, path: "Path", error: ValidationError) -> None:
        """The problems of ``error``, read at ``path``."""
        for detail in error.errors:
            self.append((path + detail.path, detail.message))
        self.more += error.more
        self.stopped = self.stopped or error.stopped

    def error(self, hint: "Optional[str]" = None) -> ValidationError:
        """The problems as the error that strict reading raises."""
        return ValidationError(self, self.more, self.stopped, hint)

    def details(self) -> "Problems":
        listed = [ErrorDetail(path, message) for path, message in self]
        if self.more:
            at_least = "at least " if self.stopped else ""
            listed.append(ErrorDetail((), "... and %s%d more problems" % (at_least, self.more)))
        return tuple(listed)
