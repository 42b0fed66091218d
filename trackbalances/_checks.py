"""The checks that every reader shares, written once.

Each reader (``_balance``, ``_breakdown``, ...) tests its fields inline with the
cheapest test that passes valid JSON data; only a value that fails it comes
here, to be accepted after all (a subclass of ``str``, ``int`` or ``float``,
turned into the exact type) or recorded as an error at its path. Errors are
collected in a list so that one ``ValidationError`` can report all of them; but
first a payload is read with ``FIRST_PROBLEM`` for its list, which stops at the
first error, and only a payload that has one is read again, for the report; that
reading's objects are thrown away, so past its first problem it keeps none.

Keys are read the same way: JSON text only ever gives exact ``str`` keys, so
``from_json`` reads them as they are. ``from_dict`` reads with
``FIRST_PROBLEM_OF_A_DICT`` instead, and the report with an ``ErrorList``:
then each reader first looks at the type of each of its keys (in a plain
loop: faster than any call, where most of the time goes), and an object with
a key of another type is read again from ``exact_keyed`` of it, so that a
model never holds a caller's key object, whose ``__eq__`` and ``__hash__``
would otherwise run each time a field is read. Nothing cheaper can tell: a
subclass that hashes and compares as the field's name passes every other test.

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
    MAX_ERRORS,
    Invalid,
    describe,
    describe_error,
    plain_float,
    plain_int,
    plain_str,
)
from ._frozen import EMPTY, FrozenMap, frozen_or_empty

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import (
        Any,
        Callable,
        Dict,
        Iterable,
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
BAD = _Missing()  # what a conversion below returns for a value it cannot accept

FIRST_PROBLEM_OF_A_DICT = type(FIRST_PROBLEM)()
"""``FIRST_PROBLEM`` for the first reading of ``from_dict``'s input, whose
keys, unlike JSON text's, may be subclasses of ``str`` (see above)."""

only_str_keys: "Callable[[Iterable[type]], bool]" = frozenset((str,)).issuperset
"""``only_str_keys(map(type, d))``: whether every key of ``d`` is an exact ``str``
(at C speed, and without calling anything of the keys' own)."""


def with_missing(data: "Dict[str, Any]", required: "Tuple[str, ...]") -> "Dict[str, Any]":
    """``data`` with ``MISSING`` for each required key it lacks."""
    filled = dict.fromkeys(required, MISSING)
    filled.update(data)
    return filled


def report_expected(value: "Any", path: "Path", errors: "Errors", expected: str) -> None:
    if value is MISSING:
        errors.append((path, "required key missing"))
    elif len(errors) >= MAX_ERRORS:  # an ErrorList that only counts: no message to write
        errors.append((path, ""))
    else:
        errors.append((path, "expected %s, got %s" % (expected, describe(value))))


def report_unreadable(error: Exception, path: "Path", errors: "Errors") -> None:
    errors.append((path, "could not be read: " + describe_error(error)))


def exact_key(key: object) -> "Optional[str]":
    """A key as an exact ``str`` (a subclass's own text), or None if it is no string."""
    if type(key) is str:
        return key
    return plain_str(key) if issubclass(type(key), str) else None


def mapping(value: "Any", path: "Path", errors: "Errors") -> "Optional[Dict[str, Any]]":
    """A new dict of a mapping that is not exactly a dict, its keys exact strings;
    None (and an error) for anything else."""
    try:
        if not isinstance(value, Mapping):
            report_expected(value, path, errors, "an object")
            return None
        # Its pairs, not yet a dict: a dict would hash keys that are not yet ours.
        pairs: "List[Tuple[Any, Any]]" = [(name, item) for name, item in value.items()]
    except Exception as error:  # a caller's mapping whose methods raise
        report_unreadable(error, path, errors)
        return None
    return exact_keyed(pairs, path, errors)


def as_dict(
    decoder: "Decoder[_T]", cls: object, value: "Any", path: "Path", errors: "Errors"
) -> "Optional[_T]":
    """The slow path of a reader given something other than a dict: any other
    mapping is read as a dict; anything else is an error."""
    pairs = mapping(value, path, errors)
    return None if pairs is None else decoder(cls, pairs, path, errors)


def as_string(value: "Any") -> "Any":
    return plain_str(value) if issubclass(type(value), str) else BAD


def as_number(value: "Any") -> object:
    kind = type(value)
    if kind is bool:
        return BAD
    if issubclass(kind, int):
        return plain_int(value)
    if issubclass(kind, float):
        number = plain_float(value)
        return number if number - number == 0 else BAD
    return BAD


def _as_non_negative(value: "Any") -> object:
    number = as_number(value)
    return number if number is BAD or number >= 0 else BAD  # type: ignore[operator]


def _as_number_or_inf(value: "Any") -> object:
    if issubclass(type(value), str):
        return "inf" if plain_str(value) == "inf" else BAD
    return as_number(value)


def _as_integer(value: "Any") -> object:
    number = as_number(value)
    return number if number is BAD or number % 1 == 0 else BAD  # type: ignore[operator]


def _never(value: "Any") -> object:
    # bool cannot be subclassed, so the inline test has already seen every bool.
    return BAD


STRING = ("a string", as_string)
STRING_OR_NULL = ("a string or null", as_string)
NUMBER_ANY = ("a number", as_number)
NUMBER_OR_NULL = ("a number or null", as_number)
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
    if converted is BAD:
        report_expected(value, path + (key,), errors, expected)
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
        report_expected(value, path + (key,), errors, "an array")
        return ()
    items: "Sequence[Any]" = value
    # Plain loops: much faster than list comprehensions on CPython 3.11.
    decoded: "List[_T]" = []
    if errors is FIRST_PROBLEM or errors is FIRST_PROBLEM_OF_A_DICT:  # no report: no paths
        try:
            for item in items:
                decoded.append(decoder(cls, item, path, errors))
        except Invalid as stop:
            stop.note_valid(value, len(decoded))
            raise
    else:
        for index in range(first_to_report(errors, value), len(items)):
            obj = decoder(cls, items[index], path + (key, index), errors)
            if not errors:  # past a problem, the objects are thrown away: keep none
                decoded.append(obj)
    return tuple(decoded)


def first_to_report(errors: "Errors", container: object) -> int:
    """Where the reading for the report starts in ``container``: past the items
    that the first reading read without a problem (see ``Invalid``), once."""
    valid: "Optional[Dict[int, Tuple[object, int]]]" = getattr(errors, "valid", None)
    noted = valid.pop(id(container), None) if valid else None
    return noted[1] if noted is not None and noted[0] is container else 0


def strings(value: "Any", path: "Path", key: str, errors: "Errors") -> "Tuple[str, ...]":
    """An array of strings."""
    path = path + (key,)
    if type(value) is not list and type(value) is not tuple:
        report_expected(value, path, errors, "an array")
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


def exact_pairs(value: "Any", path: "Path", errors: "Errors") -> "Optional[Dict[str, Any]]":
    """The items of a map, its keys exact strings: a dict as it is when it has
    only such keys, else a new dict (with an error for each key that is no string)."""
    if type(value) is not dict:
        return mapping(value, path, errors)
    pairs: "Dict[Any, Any]" = value
    for name in pairs:
        if type(name) is not str:
            return exact_keyed(pairs.items(), path, errors)
    return pairs


def exact_keyed(
    pairs: "Iterable[Tuple[Any, Any]]", path: "Path", errors: "Errors"
) -> "Dict[str, Any]":
    """A dict of our own of the ``(key, value)`` pairs of an object whose keys
    may not all be exact strings: each subclass of ``str`` as its text, and an
    error for each key that is no string.

    Where two keys have the same text (a ``str`` and a subclass that hashes
    apart from it), the last one wins, as in JSON text: the mapping written
    out as JSON and read back would say the same. Refusing it instead would
    make ``from_dict`` refuse what ``from_json`` of that text accepts."""
    checked: "Dict[str, Any]" = {}
    for name, item in pairs:
        key = exact_key(name)
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
    pairs = exact_pairs(value, path, errors)
    if pairs is None:
        return EMPTY
    decoded: "Dict[str, Optional[_T]]" = {}
    if errors is FIRST_PROBLEM or errors is FIRST_PROBLEM_OF_A_DICT:  # as in ``objects``
        try:
            for name, item in pairs.items():
                if item is None and nullable:
                    decoded[name] = None
                else:
                    decoded[name] = decoder(cls, item, path, errors)
        except Invalid as stop:
            stop.note_valid(value, len(decoded))
            raise
    else:
        skip = first_to_report(errors, value)
        for name, item in pairs.items():
            if skip:
                skip -= 1
                continue
            obj = None if item is None and nullable else decoder(cls, item, path + (name,), errors)
            if not errors:  # as in ``objects``
                decoded[name] = obj
    return frozen_or_empty(decoded)


def string_map(value: "Any", path: "Path", key: str, errors: "Errors") -> "FrozenMap":
    """A map of string keys to strings."""
    if type(value) is dict:  # what a payload's match is: string keys and values, copied
        for name, item in value.items():
            if type(name) is not str or type(item) is not str:
                break
        else:
            return frozen_or_empty(value.copy())
    path = path + (key,)
    pairs = exact_pairs(value, path, errors)
    if pairs is None:
        return EMPTY
    checked: "Dict[str, Any]" = {}
    for name, item in pairs.items():
        checked[name] = item if type(item) is str else field(item, path, name, errors, STRING)
    return frozen_or_empty(checked)
