"""``JsonMap``: a JSON object carried as it was read (``model_markups``,
``provider_markups``, ``processors``, and ``extra``, the unknown keys of an
object), read-only; and ``thaw``, which writes such a value back as plain data.

A JsonMap holds a plain copy of its JSON data (dicts, lists and exact scalars),
made by the reader in the pass that checks it and never handed out: what it hands
out are read-only views, arrays as tuples and objects as JsonMaps over the nested
dicts, made on first access. Writing it back is a copy of the plain data.

Every walk over the data (copy, comparison, hash, repr) is a loop with a stack of
its own, so that it takes the same few frames however deep the value nests and
however deep the caller's stack already is.
"""

# This module walks untyped JSON values; see the note in ``_checks``.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

import sys
from collections.abc import Mapping
from types import MappingProxyType

from . import _json
from ._frozen import EMPTY, MAX_DEPTH, FrozenMap, on_a_fresh_stack

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import (
        Any,
        Callable,
        Dict,
        ItemsView,
        KeysView,
        List,
        Set,
        Tuple,
        Union,
        ValuesView,
    )

_new = object.__new__
_Proxy = MappingProxyType
_BUILD = object()  # a marker on a walk's stack: make the container of the last items


class JsonMap(FrozenMap):
    """A JSON object, read-only and hashable: arrays in it read as tuples,
    objects as JsonMaps. It compares equal to the plain JSON it holds (a dict
    of dicts, lists and scalars) when the types match too: ``1`` is not
    ``true``, ``100`` is not ``100.0``. Key order is outside equality.
    """

    __slots__ = ("_depth", "_view")
    # _data: a read-only view of plain JSON data of its own, never handed out
    _depth: int  # how deep it nests (at most): 1 for an object of scalars
    _view: "MappingProxyType[str, Any]"  # its items as handed out, made on first access

    def __new__(cls, data: "Mapping[str, Any]") -> "JsonMap":
        # By hand, or from pickle: a plain copy of the value it is given.
        plain, depth = plain_copy(data)
        if type(plain) is not dict:
            raise TypeError("a %s is made of a mapping" % cls.__name__)
        made: "JsonMap" = json_map(cls, plain, depth)
        return made

    def _items(self) -> "MappingProxyType[str, Any]":
        # Made once and published by one store: threads that race make equal views.
        try:
            return self._view
        except AttributeError:
            pass
        below = self._depth - 1
        view = _Proxy({key: frozen_view(item, below) for key, item in self._data.items()})
        _set_view(self, view)
        return view

    def __getitem__(self, key: str) -> "Any":
        return self._items()[key]

    def get(self, key: str, default: "Any" = None) -> "Any":
        return self._items().get(key, default)

    # Views of a copy: a view of the dict itself would hand it to the caller
    # (its ``.mapping``, and comparisons that end in the caller's ``__eq__``).
    def keys(self) -> "KeysView[str]":
        return dict.fromkeys(self._data).keys()

    def values(self) -> "ValuesView[Any]":
        return self._items().copy().values()

    def items(self) -> "ItemsView[str, Any]":
        return self._items().copy().items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap) or type(other) is dict:
            return json_equal(self._data, other)
        return NotImplemented

    def __hash__(self) -> int:
        try:
            return self._hash
        except AttributeError:
            pass
        value = json_hash(self._data)
        _set_hash(self, value)
        return value

    def __repr__(self) -> str:
        return json_repr(self._data)

    def __reduce__(self) -> "Tuple[Any, ...]":
        return (type(self), (copy_plain(self._data, self._depth),))


class Extra(JsonMap):
    """The ``extra`` of an object read from a payload: its unknown keys, and the
    order of all its keys as sent, so that ``to_dict()`` puts each unknown key
    back in its place."""

    __slots__ = ("keys_as_sent",)
    keys_as_sent: "Tuple[str, ...]"

    def __new__(cls, data: "Mapping[str, Any]", keys_as_sent: "Tuple[str, ...]" = ()) -> "Extra":
        plain, depth = plain_copy(data)
        if type(plain) is not dict:
            raise TypeError("an Extra is made of a mapping")
        return extra(plain, depth, keys_as_sent)

    def __reduce__(self) -> "Tuple[Any, ...]":
        return (type(self), (copy_plain(self._data, self._depth), self.keys_as_sent))


_set_data: "Callable[[Any, Any], None]" = FrozenMap._data.__set__  # type: ignore[attr-defined]
_set_hash: "Callable[[Any, int], None]" = FrozenMap._hash.__set__  # type: ignore[attr-defined]
_set_depth: "Callable[[Any, int], None]" = JsonMap._depth.__set__  # type: ignore[attr-defined]
_set_view: "Callable[[Any, Any], None]" = JsonMap._view.__set__  # type: ignore[attr-defined]
_set_keys: "Callable[[Any, Any], None]" = Extra.keys_as_sent.__set__  # type: ignore[attr-defined]
contents: "Callable[[FrozenMap], MappingProxyType[str, Any]]" = FrozenMap._data.__get__  # type: ignore[attr-defined]
"""The read-only view of the dict inside a FrozenMap (a JsonMap's: plain JSON data)."""
_depth_of: "Callable[[JsonMap], int]" = JsonMap._depth.__get__  # type: ignore[attr-defined]


_SHALLOW = 8
"""Values nested deeper make ``to_json`` look at the caller's stack first."""
deep_values: "Set[bool]" = set()
"""Holds True once a value nested deeper has been made (then ``encode``)."""


def json_map(cls: "Any", data: "Dict[str, Any]", depth: int) -> "Any":
    """A JsonMap (of class ``cls``) over ``data``, plain JSON data of its own
    nested ``depth`` deep at most, without the class call: readers make many."""
    if depth > _SHALLOW:
        deep_values.add(True)
    made = _new(cls)
    _set_data(made, _Proxy(data))  # read-only even to a caller who reads ``_data``
    _set_depth(made, depth)
    return made


def extra(data: "Dict[str, Any]", depth: int, keys_as_sent: "Tuple[str, ...]") -> Extra:
    """An Extra over ``data``, as ``json_map`` makes a JsonMap."""
    made: Extra = json_map(Extra, data, depth)
    _set_keys(made, keys_as_sent)
    return made


def frozen_view(item: "Any", depth: int) -> "Any":
    """A plain JSON value as it is handed out: an object as a JsonMap over it
    (``depth`` deep at most), an array as a tuple of such views."""
    kind = type(item)
    if kind is dict:
        return json_map(JsonMap, item, depth)
    if kind is not list:
        return item
    for each in item:
        if type(each) is list or type(each) is dict:
            break
    else:
        return tuple(item)
    done: "List[Any]" = []
    todo: "List[Tuple[Any, int]]" = [(item, depth)]
    while todo:
        value, below = todo.pop()
        if value is _BUILD:
            start = len(done) - below
            done[start:] = [tuple(done[start:])]
        elif type(value) is list:
            todo.append((_BUILD, len(value)))
            todo.extend([(each, below - 1) for each in reversed(value)])
        elif type(value) is dict:
            done.append(json_map(JsonMap, value, below))
        else:
            done.append(value)
    return done[0]


def copy_plain(data: "Any", depth: int = MAX_DEPTH) -> "Any":
    """A copy of plain JSON data (a JsonMap's own, nested at most ``depth``
    deep), sharing no container with it."""
    out = data.copy()
    if depth <= 2:  # what a payload's values mostly are: a copy of each item at most
        for key, item in out.items():
            if type(item) is dict or type(item) is list:
                out[key] = item.copy()
        return out
    todo = [(out, out)]  # the copy's items are the containers still to copy
    while todo:
        source, copy = todo.pop()
        for key, item in source.items() if type(source) is dict else enumerate(source):
            kind = type(item)
            if kind is dict or kind is list:
                copy[key] = new = item.copy()
                todo.append((item, new))
    return out


def thaw(value: "Any") -> "Any":
    """A JSON value as plain JSON data: objects as dicts, arrays as lists. The
    values of a model read from a payload are JsonMaps, written back by a copy;
    one built by hand may hold any mapping, and tuples or lists."""
    kind = type(value)
    if kind is JsonMap or kind is Extra:
        return copy_plain(value._data, value._depth)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if value is EMPTY:
        return {}
    return plain_copy(value)[0]


def plain_copy(value: "Any") -> "Tuple[Any, int]":
    """``value``, a JSON value built by hand (any mapping, tuples or lists,
    JsonMaps), as plain JSON data of its own, and how deep it nests."""
    root: "List[Any]" = [None]
    deepest = 0
    todo: "List[Tuple[Any, Any, Any, int]]" = [(root, 0, value, 1)]
    while todo:
        parent, slot, item, depth = todo.pop()
        if isinstance(item, JsonMap):
            out: "Any" = copy_plain(contents(item), _depth_of(item))
            depth += _depth_of(item) - 1
        elif type(item) is tuple or type(item) is list:
            out = [None] * len(item)
            todo.extend([(out, index, child, depth + 1) for index, child in enumerate(item)])
        elif isinstance(item, Mapping):
            out = dict.fromkeys(item)
            todo.extend([(out, key, child, depth + 1) for key, child in item.items()])
        else:
            out, depth = item, depth - 1
        deepest = max(deepest, depth)
        parent[slot] = out
    if deepest > _SHALLOW:
        deep_values.add(True)
    return root[0], deepest


def encode(data: "Dict[str, Any]", indent: "Union[int, str, None]") -> str:
    """JSON text of ``to_dict()`` data once a deep value has been made (see
    ``deep_values``): on a fresh stack where the caller's has no room for what
    json needs, JSON nested ``MAX_DEPTH`` deep in objects nested a few deep, in
    a Python encoder (``indent``, PyPy) of a few frames a level. Nothing here
    relies on catching a ``RecursionError`` (after which Python 3.7 and 3.8
    may not recover)."""
    try:
        sys._getframe(sys.getrecursionlimit() - 3 * MAX_DEPTH - 50)  # pyright: ignore[reportPrivateUsage]
    except ValueError:  # the stack is not that deep
        return _json.dumps(data, indent)
    return on_a_fresh_stack(_json.dumps, data, indent)


def json_equal(mine: "Mapping[str, Any]", other: "Any") -> bool:
    """Whether ``other`` (a dict, or a FrozenMap) holds the same JSON value as
    ``mine``, plain data, with the same types: an object is a dict or a
    FrozenMap, an array a list or a tuple, and scalars of one type only."""
    todo: "List[Tuple[Any, Any]]" = [(mine, other)]
    while todo:
        a, b = todo.pop()
        kind = type(a)
        if a is b:
            continue
        if kind is dict or kind is _Proxy:
            if isinstance(b, JsonMap):
                b = contents(b)
            elif isinstance(b, FrozenMap):
                b = contents(b).copy()
            elif type(b) is not dict:
                return False
            if len(a) != len(b):
                return False
            for key, item in a.items():
                if key not in b:
                    return False
                todo.append((item, b[key]))
        elif kind is list:
            if (type(b) is not list and type(b) is not tuple) or len(a) != len(b):
                return False
            todo.extend(zip(a, b))
        elif type(b) is not kind or a != b or (kind is float and not a and str(a) != str(b)):
            return False  # (-0.0 is not 0.0: they are written apart)
    return True


class _Hash:
    """Stands for a container whose hash is known, in the container around it."""

    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value

    def __hash__(self) -> int:
        return self.value


def json_hash(data: "Mapping[str, Any]") -> int:
    """The hash of plain JSON data as the frozen value it stands for hashes (a
    FrozenMap of its items, a tuple for an array), made from the inside out."""
    done: "List[Any]" = []
    todo: "List[Any]" = [data]
    while todo:
        item = todo.pop()
        if type(item) is tuple:  # (_BUILD, container): its items' hashes are done
            container: "Any" = item[1]
            start = len(done) - len(container)
            if type(container) is list:
                made: "Any" = tuple(done[start:])
            else:
                made = frozenset(zip(container, done[start:]))
            done[start:] = [_Hash(hash(made))]
        elif type(item) is list:
            todo.append((_BUILD, item))
            todo.extend(item[::-1])
        elif type(item) is dict or type(item) is _Proxy:
            todo.append((_BUILD, item))
            todo.extend(list(item.values())[::-1])
        else:
            done.append(item)
    result: int = done[0].value
    return result


def json_repr(data: "Any") -> str:
    """``repr`` of plain JSON data as of the frozen value it stands for: arrays
    as tuples, and an int too long for Python to write in decimal in hex."""
    parts: "List[str]" = []
    todo: "List[Any]" = [data]
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind is tuple:  # (text,): the punctuation between values
            parts.append(item[0])
        elif kind is dict or kind is _Proxy:
            todo.append(("}",))
            pairs = list(item.items())
            for index in range(len(pairs) - 1, -1, -1):
                key, value = pairs[index]
                todo.append(value)
                todo.append(("%s%r: " % (", " if index else "", key),))
            todo.append(("{",))
        elif kind is list:
            todo.append((",)" if len(item) == 1 else ")",))
            for index in range(len(item) - 1, -1, -1):
                todo.append(item[index])
                if index:
                    todo.append((", ",))
            todo.append(("(",))
        elif kind is int:
            try:
                parts.append(repr(item))
            except ValueError:  # an int too long for Python to write in decimal
                parts.append(hex(item))
        else:
            parts.append(repr(item))
    return "".join(parts)
