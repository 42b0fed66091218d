"""The values a model carries as it was given them, frozen as they are read:
its unknown keys (``extra``) and the read-only JSON fields (``model_markups``,
``provider_markups``, ``processors``), whose outer shape alone is checked.

``freeze`` makes a JSON value read-only and hashable; ``_frozen.thaw`` writes it
back. Everything else they need of a check is the shared one of ``_checks``.
"""

# This module walks untyped JSON values; see the note in ``_checks``.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from collections.abc import Mapping

from ._checks import (
    BAD,
    as_number,
    as_string,
    exact_pairs,
    mapping,
    report_expected,
    report_unreadable,
)
from ._frozen import EMPTY, MAX_DEPTH, Extra, FrozenMap, frozen_or_empty

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, FrozenSet, List, Optional, Tuple

    from ._checks import Errors
    from ._errors import Path


def json_object(value: "Any", path: "Path", key: str, errors: "Errors") -> "FrozenMap":
    """An object carried as a read-only JSON value, its content unchecked."""
    frozen = freeze(value, path + (key,), errors)
    if not isinstance(frozen, FrozenMap):
        report_expected(value, path + (key,), errors, "an object")
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
        report_expected(value, path, errors, "an object or null" if nullable else "an object")
        return EMPTY
    for name, item in frozen.items():
        if not isinstance(item, FrozenMap):
            report_expected(item, path + (name,), errors, "an object")
    return frozen


def unknown_keys(
    fields: "Dict[str, Any]", known: "FrozenSet[str]", path: "Path", errors: "Errors"
) -> "FrozenMap":
    """Takes the keys that are not in ``known`` out of ``fields``, a reader's own
    copy of the payload (its keys exact strings, in the payload's order),
    returning them frozen, with the order of all the keys.

    Only that copy is read: a caller's mapping may have changed the payload
    itself while its values were read."""
    order = tuple(fields)
    extra: "Dict[str, Any]" = {}
    for name in order:
        if name not in known:
            extra[name] = freeze(fields.pop(name), path + (name,), errors)
    return Extra(extra, order) if extra else EMPTY


_DONE_TUPLE = object()  # markers on freeze's stack: build a container now
_DONE_MAP = object()


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
        pairs = mapping(item, at, errors) if kind is not dict else exact_pairs(item, at, errors)
        keys = list(pairs or ())
        todo.append((_DONE_MAP, keys, at, depth))
        for key in reversed(keys):
            todo.append((None, pairs[key], at + (key,), depth + 1))  # type: ignore[index]
    else:
        for convert in (as_string, as_number):
            converted = convert(item)
            if converted is not BAD:
                done.append(converted)
                return
        report_expected(item, at, errors, "a JSON value")
        done.append(None)


def _is_mapping(item: "Any", at: "Path", errors: "Errors") -> bool:
    try:
        return isinstance(item, Mapping)
    except Exception as error:  # an object whose __class__ raises
        report_unreadable(error, at, errors)
        return False
