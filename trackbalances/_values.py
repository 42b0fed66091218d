"""The values a model carries as it was given them, frozen as they are read:
its unknown keys (``extra``) and the read-only JSON fields (``model_markups``,
``provider_markups``, ``processors``), whose outer shape alone is checked.

``plain_json`` copies a JSON value that needs no report in one pass, which checks
it too; ``freeze`` reads any other, reporting its problems; ``_jsonvalue`` carries
the copy read-only and writes it back. Everything else they need of a check is
the shared one of ``_checks``.
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
    only_str_keys,
    report_expected,
    report_unreadable,
)
from ._frozen import EMPTY, MAX_DEPTH, FrozenMap
from ._jsonvalue import JsonMap, contents, extra, json_map

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Tuple

    from ._checks import Errors
    from ._errors import Path


def json_object(value: "Any", path: "Path", key: str, errors: "Errors") -> "FrozenMap":
    """An object carried as a read-only JSON value, its content unchecked."""
    if type(value) is dict:
        copied = plain_json(value)
        if copied is not None:
            made: "FrozenMap" = json_map(JsonMap, copied[0], copied[1]) if value else EMPTY
            return made
    return _json_object_slowly(value, path + (key,), errors, False)


def json_object_map(
    value: "Any", path: "Path", key: str, errors: "Errors", nullable: bool = False
) -> "Optional[FrozenMap]":
    """An object whose values are objects, carried as a read-only JSON value:
    only that outer shape is checked (and null, where ``nullable``)."""
    if value is None and nullable:
        return None
    if type(value) is dict:
        copied = plain_json(value)
        if copied is not None:
            data, depth = copied
            for item in data.values():
                if type(item) is not dict:
                    break
            else:
                return json_map(JsonMap, data, depth) if data else EMPTY
    path = path + (key,)
    frozen = _json_object_slowly(value, path, errors, nullable)
    for name, item in contents(frozen).items():
        if type(item) is not dict:
            report_expected(frozen[name], path + (name,), errors, "an object")
    return frozen


def _json_object_slowly(
    value: "Any", path: "Path", errors: "Errors", nullable: bool
) -> "FrozenMap":
    data, depth = freeze(value, path, errors)
    if type(data) is not dict:
        report_expected(value, path, errors, "an object or null" if nullable else "an object")
        return EMPTY
    made: "FrozenMap" = json_map(JsonMap, data, depth) if data else EMPTY
    return made


def unknown_keys(
    fields: "Dict[str, Any]", known: "FrozenSet[str]", path: "Path", errors: "Errors"
) -> "FrozenMap":
    """Takes the keys that are not in ``known`` out of ``fields``, a reader's own
    copy of the payload (its keys exact strings, in the payload's order),
    returning them as a read-only JSON value, with the order of all the keys.

    Only that copy is read: a caller's mapping may have changed the payload
    itself while its values were read."""
    order = tuple(fields)
    given: "Dict[str, Any]" = {}
    for name in order:
        if name not in known:
            given[name] = fields.pop(name)
    copied = plain_json(given)
    if copied is None:  # each value read again, its problems reported at its path
        deepest = 1
        for key, value in given.items():
            given[key], depth = freeze(value, path + (key,), errors)
            deepest = max(deepest, depth + 1)
        copied = given, deepest
    return extra(copied[0], copied[1], order)


def plain_json(value: "Dict[Any, Any]") -> "Optional[Tuple[Dict[str, Any], int]]":
    """A copy of ``value``, plain JSON data (exact types, string keys, finite
    numbers, nested at most ``MAX_DEPTH`` deep), and how deep it nests; None at
    anything else, which ``freeze`` reads and reports. One loop with a stack of
    its own: no recursion, however deep the value or the caller's stack."""
    top = value.copy()
    todo: "List[Tuple[Any, Any, int]]" = []
    deepest = 1
    # The first two levels in line (a payload's values are mostly that deep),
    # anything deeper with the stack.
    for key, item in value.items():
        if type(key) is not str:
            return None
        kind = type(item)
        if kind is str or kind is int or kind is bool or item is None:
            continue
        if kind is float and item - item == 0:
            continue
        if kind is dict:
            top[key] = new = item.copy()
            deepest = 2
            for name, each in item.items():
                if type(name) is not str:
                    return None
                kind = type(each)
                if kind is str or kind is int or kind is bool or each is None:
                    continue
                if kind is float and each - each == 0:
                    continue
                todo.append((item, new, 2))
                break
        elif kind is list or kind is tuple:
            top[key] = new = list(item)
            todo.append((item, new, 2))
        else:
            return None
    while todo:
        source, copy, depth = todo.pop()
        if depth > deepest:
            deepest = depth
        if type(source) is dict:
            for key, item in source.items():
                if type(key) is not str:
                    return None
                kind = type(item)
                if kind is str or kind is int or kind is bool or item is None:
                    continue
                if kind is float and item - item == 0:
                    continue
                if depth >= MAX_DEPTH:
                    return None
                if kind is dict:
                    copy[key] = new = item.copy()
                elif kind is list or kind is tuple:
                    copy[key] = new = list(item)
                else:
                    return None
                todo.append((item, new, depth + 1))
        else:
            for index, item in enumerate(source):
                kind = type(item)
                if kind is str or kind is int or kind is bool or item is None:
                    continue
                if kind is float and item - item == 0:
                    continue
                if depth >= MAX_DEPTH:
                    return None
                if kind is dict:
                    copy[index] = new = item.copy()
                elif kind is list or kind is tuple:
                    copy[index] = new = list(item)
                else:
                    return None
                todo.append((item, new, depth + 1))
    return top, deepest


def freeze(value: "Any", path: "Path", errors: "Errors") -> "Tuple[Any, int]":
    """A JSON value read with every problem reported at its path: a copy of it as
    plain JSON data (subclasses of ``str``, ``int`` and ``float`` as their base
    type, any mapping as a dict, tuples as lists), and how deep it nests.

    One loop with a stack of its own, one entry per container being read: its
    items still to read, its copy, and its key in the container around it. So a
    value nested ``MAX_DEPTH`` deep reads however deep the caller's stack already
    is, a huge array costs no more than its copy, and the keys on the stack are
    the path of a problem, made only when one is reported: a deep value costs
    its size, not its size times its depth. It stops at once where ``errors``
    stops the reading.
    """
    todo: "List[Tuple[Iterator[Tuple[Any, Any]], Any, Any]]" = []
    top, pairs = _start(value, path, todo, None, errors)
    if pairs is None:
        return top, 0
    todo.append((pairs, top, None))
    deepest = 1
    while todo:
        pairs, out, _ = todo[-1]
        array = type(out) is list
        for key, item in pairs:
            kind = type(item)
            inner: "Optional[Iterator[Tuple[Any, Any]]]" = None
            if kind is list and len(todo) < MAX_DEPTH:  # (the test of _start, in line)
                inner = enumerate(item)
                item = []
            elif not (
                kind is str
                or kind is int
                or kind is bool
                or item is None
                or kind is float
                and item - item == 0
            ):
                item, inner = _start(item, path, todo, key, errors)
            if errors:  # past a problem the copy is thrown away: keep nothing more
                pass
            elif array:
                out.append(item)
            else:
                out[key] = item
            if inner is not None:
                todo.append((inner, item, key))
                if len(todo) > deepest:
                    deepest = len(todo)
                break
        else:
            todo.pop()
    return top, deepest


def _path(path: "Path", todo: "List[Tuple[Any, Any, Any]]", key: "Any") -> "Path":
    """The path of the item at ``key`` of the container that ``freeze`` is
    reading: the keys of the containers on its stack, below the top one."""
    if not todo:
        return path
    return path + tuple([entry[2] for entry in todo[1:]]) + (key,)


def _start(
    item: "Any", path: "Path", todo: "List[Tuple[Any, Any, Any]]", key: "Any", errors: "Errors"
) -> "Tuple[Any, Optional[Iterator[Tuple[Any, Any]]]]":
    """What ``freeze`` makes of ``item``, at ``key`` of the container on top of
    ``todo``: a scalar (and None), or an empty container to fill and the pairs
    to fill it with."""
    kind = type(item)
    if (
        kind is str
        or kind is bool
        or kind is int
        or item is None
        or kind is float
        and item - item == 0
    ):
        return item, None
    array = kind is list or kind is tuple
    if array or kind is dict or _is_mapping(item, path, todo, key, errors):
        if len(todo) >= MAX_DEPTH:
            errors.append((_path(path, todo, key), "nested deeper than %d levels" % MAX_DEPTH))
            return None, None
        if array:
            return [], enumerate(item)
        if kind is not dict:
            pairs = mapping(item, _path(path, todo, key), errors)
        elif only_str_keys(map(type, item)):  # no path to make for the keys' problems
            pairs = item
        else:
            pairs = exact_pairs(item, _path(path, todo, key), errors)
        return {}, iter(list((pairs or {}).items()))
    for convert in (as_string, as_number):
        converted = convert(item)
        if converted is not BAD:
            return converted, None
    report_expected(item, _path(path, todo, key), errors, "a JSON value")
    return None, None


def _is_mapping(
    item: "Any", path: "Path", todo: "List[Tuple[Any, Any, Any]]", key: "Any", errors: "Errors"
) -> bool:
    try:
        return isinstance(item, Mapping)
    except Exception as error:  # an object whose __class__ raises
        report_unreadable(error, _path(path, todo, key), errors)
        return False
