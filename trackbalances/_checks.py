"""The checks that every reader shares, written once.

Each reader (``_balance``, ``_breakdown``, ...) tests its fields inline with the
cheapest test that passes valid JSON data; only a value that fails it comes
here, to be accepted after all (a subclass of ``str``, ``int`` or ``float``,
turned into the exact type) or recorded as an error at its path. Errors are
collected in a list so that one ``ValidationError`` can report all of them; but
first a payload is read with ``FIRST_PROBLEM`` for its list, which stops at the
first error, and only a payload that has one is read again, for the report.

A value that is not plain JSON data is read with the base types' own
operations (``_errors.plain_str`` and its kin), never with methods that a
subclass can override, and whatever a caller's own mapping
raises while it is read becomes an error at its path.
"""

# This module reads untyped JSON data and narrows it with ``type(x) is list``,
# the cheapest test; pyright calls what that narrows to "unknown" (list[Unknown]),
# so its three "unknown" rules are off here. mypy --strict checks it as it is.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from collections.abc import Mapping

from ._errors import (
    FIRST_PROBLEM,
    describe,
    describe_error,
    plain_float,
    plain_int,
    plain_str,
)
from ._frozen import EMPTY, MAX_DEPTH, Extra, FrozenMap, frozen_or_empty

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


def _unreadable(error: Exception, path: "Path", errors: "Errors") -> None:
    errors.append((path, "could not be read: " + describe_error(error)))


def _key(key: object) -> "Optional[str]":
    """A key as an exact ``str`` (a subclass's own text), or None if it is no string."""
    if type(key) is str:
        return key
    return plain_str(key) if issubclass(type(key), str) else None


def mapping(value: "Any", path: "Path", errors: "Errors") -> "Optional[Dict[str, Any]]":
    """A new dict of a mapping that is not exactly a dict, its keys exact strings;
    None (and an error) for anything else."""
    try:
        if not isinstance(value, Mapping):
            _error(value, path, errors, "an object")
            return None
        pairs: "Dict[Any, Any]" = dict(value)
    except Exception as error:  # a caller's mapping whose methods raise
        _unreadable(error, path, errors)
        return None
    return _exact_keys(pairs, path, errors)


def as_dict(
    decoder: "Decoder[_T]", cls: object, value: "Any", path: "Path", errors: "Errors"
) -> "Optional[_T]":
    """The slow path of a reader given something other than a dict: any other
    mapping is read as a dict; anything else is an error."""
    pairs = mapping(value, path, errors)
    return None if pairs is None else decoder(cls, pairs, path, errors)


def _as_string(value: "Any") -> "Any":
    return plain_str(value) if issubclass(type(value), str) else _BAD


def _as_number(value: "Any") -> object:
    kind = type(value)
    if kind is bool:
        return _BAD
    if issubclass(kind, int):
        return plain_int(value)
    if issubclass(kind, float):
        number = plain_float(value)
        return number if number - number == 0 else _BAD
    return _BAD


def _as_non_negative(value: "Any") -> object:
    number = _as_number(value)
    return number if number is _BAD or number >= 0 else _BAD  # type: ignore[operator]


def _as_number_or_inf(value: "Any") -> object:
    if issubclass(type(value), str):
        return "inf" if plain_str(value) == "inf" else _BAD
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
    # Plain loops: much faster than list comprehensions on CPython 3.11.
    decoded: "List[_T]" = []
    if errors is FIRST_PROBLEM:  # no report: no paths to make
        for item in items:
            decoded.append(decoder(cls, item, path, errors))
    else:
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


def _pairs(value: "Any", path: "Path", errors: "Errors") -> "Optional[Dict[str, Any]]":
    """The items of a map, its keys exact strings: a dict as it is when it has
    only such keys, else a new dict (with an error for each key that is no string)."""
    if type(value) is not dict:
        return mapping(value, path, errors)
    pairs: "Dict[Any, Any]" = value
    for name in pairs:
        if type(name) is not str:
            return _exact_keys(pairs, path, errors)
    return pairs


def _exact_keys(pairs: "Dict[Any, Any]", path: "Path", errors: "Errors") -> "Dict[str, Any]":
    """``pairs`` with exact ``str`` keys; an error for each key that is no string."""
    checked: "Dict[str, Any]" = {}
    for name, item in pairs.items():
        key = _key(name)
        if key is None:
            errors.append((path, "expected string keys, got %s" % describe(name)))
        else:
            checked[key] = item
    return checked


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
    pairs = _pairs(value, path, errors)
    if pairs is None:
        return EMPTY
    decoded: "Dict[str, Optional[_T]]" = {}
    for name, item in pairs.items():
        if item is None and nullable:
            decoded[name] = None
        else:
            decoded[name] = decoder(cls, item, path + (name,), errors)
    return frozen_or_empty(decoded)


def string_map(value: "Any", path: "Path", key: str, errors: "Errors") -> "FrozenMap":
    """A map of string keys to strings."""
    path = path + (key,)
    pairs = _pairs(value, path, errors)
    if pairs is None:
        return EMPTY
    checked: "Dict[str, Any]" = {}
    for name, item in pairs.items():
        checked[name] = item if type(item) is str else field(item, path, name, errors, STRING)
    return frozen_or_empty(checked)


def json_object(value: "Any", path: "Path", key: str, errors: "Errors") -> "FrozenMap":
    """An object carried as a read-only JSON value, its content unchecked."""
    frozen = freeze(value, path + (key,), errors)
    if not isinstance(frozen, FrozenMap):
        _error(value, path + (key,), errors, "an object")
        return EMPTY
    return frozen


def json_object_map(
    value: "Any", path: "Path", key: str, errors: "Errors", nullable: bool = False
) -> "Optional[FrozenMap]":
    """An object whose values are objects, carried as a read-only JSON value:
    only that outer shape is checked (and null, where ``nullable``)."""
    if value is None and nullable:
        return None
    path = path + (key,)
    frozen = freeze(value, path, errors)
    if not isinstance(frozen, FrozenMap):
        _error(value, path, errors, "an object or null" if nullable else "an object")
        return EMPTY
    for name, item in frozen.items():
        if not isinstance(item, FrozenMap):
            _error(item, path + (name,), errors, "an object")
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
    for name in [name for name in data if type(name) is not str or name not in known]:
        value = fields.pop(name)
        key = _key(name)
        if key is None:
            errors.append((path, "expected string keys, got %s" % describe(name)))
        else:
            extra[key] = freeze(value, path + (key,), errors)
    order = tuple(name if type(name) is str else _key(name) for name in data)
    return Extra(extra, order) if extra else EMPTY  # type: ignore[arg-type]


_DONE_TUPLE = _Missing()  # markers on freeze's stack: build a container now
_DONE_MAP = _Missing()


def freeze(value: "Any", path: "Path", errors: "Errors") -> "Any":
    """A JSON value made read-only and hashable: arrays become tuples, objects
    FrozenMaps, subclasses of ``str``, ``int`` and ``float`` their base type.

    Walked with a stack of its own rather than by recursion, so that a value
    nested ``MAX_DEPTH`` deep reads however deep the caller already is.
    """
    kind = type(value)
    if kind is str or kind is bool or kind is int or value is None:
        return value  # the common case, at once
    try:
        return _frozen_plain(value, 0)
    except (_NotPlain, RecursionError):
        pass  # read again below, where each problem is reported at its path
    done: "List[Any]" = []  # the values made so far, taken by their containers
    todo: "List[Tuple[Any, Any, Path, int]]" = [(None, value, path, 0)]
    while todo:
        marker, item, at, depth = todo.pop()
        if marker is _DONE_TUPLE:
            start = len(done) - item
            done[start:] = [tuple(done[start:])]
        elif marker is _DONE_MAP:
            start = len(done) - len(item)
            done[start:] = [frozen_or_empty(dict(zip(item, done[start:])))]
        else:
            _visit(item, at, depth, errors, done, todo)
    return done[0]


class _NotPlain(Exception):
    """What ``_frozen_plain`` raises at the first value it leaves to ``freeze``."""


def _frozen_plain(value: "Any", depth: int) -> "Any":
    """``freeze`` of plain JSON data (exact types, string keys, finite numbers,
    nested at most ``MAX_DEPTH`` deep), by recursion and without paths: the fast
    way for what a payload carries. Raises ``_NotPlain`` at anything else."""
    kind = type(value)
    if kind is float and value - value == 0:
        return value
    if depth >= MAX_DEPTH:
        raise _NotPlain
    if kind is dict:
        frozen: "Dict[str, Any]" = value.copy()
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            kind = type(item)
            if not (kind is str or kind is int or kind is bool or item is None):
                frozen[key] = _frozen_plain(item, depth + 1)
        return frozen_or_empty(frozen)
    if kind is list or kind is tuple:
        items: "List[Any]" = []
        for item in value:
            kind = type(item)
            if kind is str or kind is int or kind is bool or item is None:
                items.append(item)
            else:
                items.append(_frozen_plain(item, depth + 1))
        return tuple(items)
    raise _NotPlain


def _visit(
    item: "Any",
    at: "Path",
    depth: int,
    errors: "Errors",
    done: "List[Any]",
    todo: "List[Tuple[Any, Any, Path, int]]",
) -> None:
    kind = type(item)
    if (
        kind is str
        or kind is bool
        or kind is int
        or item is None
        or kind is float
        and item - item == 0
    ):
        done.append(item)
    elif depth >= MAX_DEPTH and (kind is list or kind is tuple or kind is dict):
        errors.append((at, "nested deeper than %d levels" % MAX_DEPTH))
        done.append(None)
    elif kind is list or kind is tuple:
        todo.append((_DONE_TUPLE, len(item), at, depth))
        for index in range(len(item) - 1, -1, -1):
            todo.append((None, item[index], at + (index,), depth + 1))
    elif kind is dict or _is_mapping(item, at, errors):
        pairs = mapping(item, at, errors) if kind is not dict else _pairs(item, at, errors)
        keys = list(pairs or ())
        todo.append((_DONE_MAP, keys, at, depth))
        for key in reversed(keys):
            todo.append((None, pairs[key], at + (key,), depth + 1))  # type: ignore[index]
    else:
        for convert in (_as_string, _as_number):
            converted = convert(item)
            if converted is not _BAD:
                done.append(converted)
                return
        _error(item, at, errors, "a JSON value")
        done.append(None)


def _is_mapping(item: "Any", at: "Path", errors: "Errors") -> bool:
    try:
        return isinstance(item, Mapping)
    except Exception as error:  # an object whose __class__ raises
        _unreadable(error, at, errors)
        return False
