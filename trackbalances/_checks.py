"""The checks that every decoder shares, written once.

Each decoder in ``_decode`` tests its fields inline with the cheapest test
that passes valid JSON data; only a value that fails it comes here, to be
accepted after all (a subclass of ``str``, ``int`` or ``float``, turned into
the exact type) or recorded as an error at its path. Errors are collected in a
list so that one ``ValidationError`` can report all of them.
"""

# This module reads untyped JSON data and narrows it with ``type(x) is list``,
# the cheapest test; pyright calls what that narrows to "unknown" (list[Unknown]),
# so its three "unknown" rules are off here. mypy --strict checks it as it is.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from collections.abc import Mapping

from ._errors import describe
from ._frozen import EMPTY, Extra, FrozenMap, frozen_or_empty

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import (
        Any,
        Callable,
        Dict,
        FrozenSet,
        List,
        Optional,
        Sequence,
        Tuple,
        TypeVar,
        Union,
    )

    from ._errors import Path

    Errors = List[Tuple[Path, str]]
    _T = TypeVar("_T")
    Decoder = Callable[[Any, object, Path, Errors], _T]

MAX_DEPTH = 200
"""How deep the value of an unknown key may nest; deeper is an error rather
than a RecursionError."""


class _Missing:
    """Stands in for each required key that is missing, so that every one is
    reported at its own path by the check of its field."""

    __slots__ = ()


MISSING = _Missing()
_BAD = _Missing()  # what a conversion below returns for a value it cannot accept


def with_missing(data: "Dict[str, Any]", required: "Tuple[str, ...]") -> "Dict[str, Any]":
    """``data`` with ``MISSING`` for each required key it lacks."""
    filled = dict.fromkeys(required, MISSING)
    filled.update(data)
    return filled


def _error(value: "Any", path: "Path", errors: "Errors", expected: str) -> None:
    if value is MISSING:
        errors.append((path, "required key missing"))
    else:
        errors.append((path, "expected %s, got %s" % (expected, describe(value))))


def mapping(value: "Any", path: "Path", errors: "Errors") -> "Optional[Dict[Any, Any]]":
    """A new dict of a mapping that is not exactly a dict; None (and an error) otherwise."""
    if isinstance(value, Mapping):
        pairs: "Mapping[Any, Any]" = value
        return dict(pairs)
    _error(value, path, errors, "an object")
    return None


def as_dict(
    decoder: "Decoder[_T]", cls: object, value: "Any", path: "Path", errors: "Errors"
) -> "Optional[_T]":
    """The slow path of a decoder given something other than a dict: any other
    mapping is decoded as a dict; anything else is an error."""
    pairs = mapping(value, path, errors)
    return None if pairs is None else decoder(cls, pairs, path, errors)


def _as_string(value: "Any") -> "Any":
    if isinstance(value, str):
        return str.__str__(value)
    return _BAD


def _as_number(value: "Any") -> object:
    if isinstance(value, bool):
        return _BAD
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float) and value - value == 0:
        return float(value)
    return _BAD


def _as_non_negative(value: "Any") -> object:
    number = _as_number(value)
    return number if number is _BAD or number >= 0 else _BAD  # type: ignore[operator]


def _as_number_or_inf(value: "Any") -> object:
    if isinstance(value, str):
        return "inf" if value == "inf" else _BAD
    return _as_number(value)


def _as_integer(value: "Any") -> object:
    number = _as_number(value)
    return number if number is _BAD or number % 1 == 0 else _BAD  # type: ignore[operator]


def _never(value: "Any") -> object:
    # bool cannot be subclassed, so the inline test has already seen every bool.
    return _BAD


STRING = ("a string", _as_string)
STRING_OR_NULL = ("a string or null", _as_string)
NUMBER_ANY = ("a number", _as_number)
NUMBER_OR_NULL = ("a number or null", _as_number)
NON_NEGATIVE = ("a number >= 0", _as_non_negative)
NUMBER_OR_INF = ('a number or "inf"', _as_number_or_inf)
INTEGER = ("an integer", _as_integer)
BOOLEAN = ("a boolean", _never)


def field(
    value: "Any",
    path: "Path",
    key: "Union[str, int]",
    errors: "Errors",
    kind: "Tuple[str, Callable[[object], object]]",
) -> object:
    """The slow path of a scalar field that failed its inline test."""
    expected, convert = kind
    converted = convert(value)
    if converted is _BAD:
        _error(value, path + (key,), errors, expected)
        return value
    return converted


def flat_or_tiered(data: "Mapping[str, Any]", path: "Path", errors: "Errors") -> None:
    """Reports a rate that has neither a ``credit_cost`` nor both ``tiers`` and
    ``tier_behavior``: each key it lacks, at the key's own path."""
    if "tiers" in data or "tier_behavior" in data:
        for key in ("tiers", "tier_behavior"):
            if key not in data:
                errors.append((path + (key,), "required key missing (a tiered rate has both)"))
    else:
        errors.append(
            (path + ("credit_cost",), "required key missing (or tiers and tier_behavior)")
        )


def objects(
    decoder: "Decoder[_T]", cls: object, value: "Any", path: "Path", key: str, errors: "Errors"
) -> "Tuple[_T, ...]":
    """An array of objects, each decoded by ``decoder`` into ``cls``."""
    if type(value) is not list and type(value) is not tuple:
        _error(value, path + (key,), errors, "an array")
        return ()
    items: "Sequence[Any]" = value
    # A plain loop: much faster than a list comprehension on CPython 3.11.
    decoded: "List[_T]" = []
    for index, item in enumerate(items):
        decoded.append(decoder(cls, item, path + (key, index), errors))
    return tuple(decoded)


def strings(value: "Any", path: "Path", key: str, errors: "Errors") -> "Tuple[str, ...]":
    """An array of strings."""
    path = path + (key,)
    if type(value) is not list and type(value) is not tuple:
        _error(value, path, errors, "an array")
        return ()
    items: "Tuple[Any, ...]" = tuple(value)
    for item in items:
        if type(item) is not str:
            checked: "List[Any]" = [
                item if type(item) is str else field(item, path, index, errors, STRING)
                for index, item in enumerate(items)
            ]
            return tuple(checked)
    return items


def object_map(
    decoder: "Decoder[_T]",
    cls: object,
    value: "Any",
    path: "Path",
    key: str,
    errors: "Errors",
    nullable: bool = False,
) -> "FrozenMap":
    """A map of string keys to objects, each decoded by ``decoder`` into ``cls``
    (or null, where ``nullable``)."""
    path = path + (key,)
    pairs: "Optional[Dict[Any, Any]]" = (
        value if type(value) is dict else mapping(value, path, errors)
    )
    if pairs is None:
        return EMPTY
    decoded: "Dict[str, Optional[_T]]" = {}
    for name, item in pairs.items():
        if type(name) is not str:
            errors.append((path, "expected string keys, got %s" % describe(name)))
            continue
        if item is None and nullable:
            decoded[name] = None
        else:
            decoded[name] = decoder(cls, item, path + (name,), errors)
    return frozen_or_empty(decoded)


def string_map(value: "Any", path: "Path", key: str, errors: "Errors") -> "FrozenMap":
    """A map of string keys to strings."""
    path = path + (key,)
    pairs: "Optional[Dict[Any, Any]]" = (
        value if type(value) is dict else mapping(value, path, errors)
    )
    if pairs is None:
        return EMPTY
    checked: "Dict[str, Any]" = {}
    for name, item in pairs.items():
        if type(name) is not str:
            errors.append((path, "expected string keys, got %s" % describe(name)))
        elif type(item) is str:
            checked[name] = item
        else:
            checked[name] = field(item, path, name, errors, STRING)
    return frozen_or_empty(checked)


def json_object(value: "Any", path: "Path", key: str, errors: "Errors") -> "FrozenMap":
    """An object carried as a read-only JSON value, its content unchecked."""
    if not isinstance(value, Mapping):
        _error(value, path + (key,), errors, "an object")
        return EMPTY
    frozen: "FrozenMap" = freeze(value, path + (key,), errors, 0)
    return frozen


def json_object_map(
    value: "Any", path: "Path", key: str, errors: "Errors", nullable: bool = False
) -> "Optional[FrozenMap]":
    """An object whose values are objects, carried as a read-only JSON value:
    only that outer shape is checked (and null, where ``nullable``)."""
    if value is None and nullable:
        return None
    path = path + (key,)
    if not isinstance(value, Mapping):
        _error(value, path, errors, "an object or null" if nullable else "an object")
        return EMPTY
    pairs: "Mapping[Any, Any]" = value
    for name, item in pairs.items():
        if type(name) is str and not isinstance(item, Mapping):
            _error(item, path + (name,), errors, "an object")
    frozen: "FrozenMap" = freeze(value, path, errors, 0)
    return frozen


def unknown_keys(
    fields: "Dict[Any, Any]",
    data: "Mapping[Any, Any]",
    known: "FrozenSet[str]",
    path: "Path",
    errors: "Errors",
) -> "FrozenMap":
    """Takes the keys that are not in ``known`` out of ``fields``, returning them
    frozen, with the order of all the keys of ``data``, the payload."""
    extra: "Dict[str, Any]" = {}
    for key in [key for key in data if key not in known]:
        value = fields.pop(key)
        if type(key) is not str:
            errors.append((path, "expected string keys, got %s" % describe(key)))
        else:
            extra[key] = freeze(value, path + (key,), errors, 0)
    return Extra(extra, tuple(data)) if extra else EMPTY


def freeze(value: "Any", path: "Path", errors: "Errors", depth: int) -> "Any":
    """A JSON value made read-only and hashable: lists become tuples, objects FrozenMaps."""
    kind: "type" = type(value)
    if kind is str or kind is bool or kind is int or value is None:
        return value
    if kind is float and value - value == 0:
        return value
    if depth >= MAX_DEPTH:
        errors.append((path, "nested deeper than %d levels" % MAX_DEPTH))
        return None
    if kind is list or kind is tuple:
        items: "Sequence[Any]" = value
        return tuple(
            [freeze(item, path + (index,), errors, depth + 1) for index, item in enumerate(items)]
        )
    if isinstance(value, Mapping):
        pairs: "Mapping[Any, Any]" = value
        frozen: "Dict[str, Any]" = {}
        for key, item in pairs.items():
            if type(key) is str:
                frozen[key] = freeze(item, path + (key,), errors, depth + 1)
            else:
                errors.append((path, "expected string keys, got %s" % describe(key)))
        return frozen_or_empty(frozen)
    for convert in (_as_string, _as_number):
        converted = convert(value)
        if converted is not _BAD:
            return converted
    _error(value, path, errors, "a JSON value")
    return value
