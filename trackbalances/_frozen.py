"""``FrozenMap``: the read-only, hashable map of maps in a payload and of ``extra``;
and ``thaw``, which turns a frozen JSON value back into plain JSON data."""

# ``hex_repr`` and ``thaw`` walk untyped JSON values; see the note in ``_breakdown``.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from collections.abc import Mapping
from types import MappingProxyType

TYPE_CHECKING = False
if TYPE_CHECKING:
    import typing
    from typing import (
        Any,
        Callable,
        Dict,
        ItemsView,
        Iterable,
        Iterator,
        KeysView,
        List,
        Tuple,
        TypeVar,
        ValuesView,
    )

    _T = TypeVar("_T")

    _MappingBase = typing.Mapping[str, Any]
else:
    _MappingBase = Mapping


MAX_DEPTH = 200
"""How deep a JSON value that a reader freezes may nest; deeper is an error."""


def on_a_fresh_stack(function: "Callable[..., _T]", *args: object) -> "_T":
    """``function(*args)`` in a thread of its own, whose stack starts empty.

    Comparing, hashing, showing or encoding a value nested 200 levels deep
    recurses that deep (in Python's own C code too); when the caller's stack
    has no room left for that, the work is done again here, so that it never
    depends on how deep the caller already is.
    """
    import threading

    outcome: "List[Any]" = []

    def run() -> None:
        try:
            outcome.append((True, function(*args)))
        except BaseException as error:  # handed back to the caller's thread as it is
            outcome.append((False, error))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    done, value = outcome[0]
    if not done:
        raise value
    result: "_T" = value
    return result


class FrozenMap(_MappingBase):
    """A mapping that cannot be changed, and so can be hashed and shared.

    It compares equal to a ``dict`` with the same items. (Not a ``dict``
    subclass: a dataclass refuses a ``dict`` as a field default.)
    """

    __slots__ = ("_data", "_hash")
    _data: "Mapping[str, Any]"
    _hash: int

    def __new__(cls, data: "Dict[str, Any]") -> "FrozenMap":
        self = object.__new__(cls)
        # A read-only view of a dict of its own: nothing reachable from it can change it.
        object.__setattr__(self, "_data", MappingProxyType(data))
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a %s cannot be changed" % type(self).__name__)

    __delattr__ = __setattr__  # type: ignore[assignment]

    def __getitem__(self, key: str) -> "Any":
        return self._data[key]

    def __iter__(self) -> "Iterator[str]":
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    # Straight to the dict, rather than through Mapping's pure-Python defaults.
    def get(self, key: str, default: "Any" = None) -> "Any":
        return self._data.get(key, default)

    def keys(self) -> "KeysView[str]":
        return self._data.keys()

    def values(self) -> "ValuesView[Any]":
        return self._data.values()

    def items(self) -> "ItemsView[str, Any]":
        return self._data.items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            other = dict(other._data)
        elif not isinstance(other, dict):
            return NotImplemented
        try:
            return dict(self._data) == other
        except RecursionError:
            return on_a_fresh_stack(dict(self._data).__eq__, other)

    def __hash__(self) -> int:
        # Kept once made: nested maps would otherwise be hashed again at every
        # level (exponentially often on PyPy, whose frozenset hashes its items twice).
        try:
            return self._hash
        except AttributeError:
            pass
        try:
            value = hash(frozenset(self._data.items()))
        except RecursionError:
            value = on_a_fresh_stack(self.__hash__)
        object.__setattr__(self, "_hash", value)
        return value

    def __repr__(self) -> str:
        try:
            return repr(dict(self._data))
        except ValueError:  # an int too long for Python to write in decimal
            return hex_repr(self)
        except RecursionError:
            return on_a_fresh_stack(self.__repr__)

    def __reduce__(self) -> "Tuple[Any, ...]":
        return (type(self), (dict(self._data),))


class Extra(FrozenMap):
    """The ``extra`` of an object read from a payload: its unknown keys, and the
    order of all its keys as sent, so that ``to_dict()`` puts each unknown key
    back in its place."""

    __slots__ = ("keys_as_sent",)
    keys_as_sent: "Tuple[str, ...]"

    def __new__(cls, data: "Dict[str, Any]", keys_as_sent: "Tuple[str, ...]" = ()) -> "Extra":
        self = object.__new__(cls)
        object.__setattr__(self, "_data", MappingProxyType(data))
        object.__setattr__(self, "keys_as_sent", keys_as_sent)
        return self

    def __reduce__(self) -> "Tuple[Any, ...]":
        return (type(self), (dict(self._data), self.keys_as_sent))


def hex_repr(value: object) -> str:
    """``repr(value)`` of a JSON value (as models and FrozenMaps hold it) that
    holds an int too long for Python to write in decimal: such ints are written
    as hex literals, which are exact."""
    if type(value) is int:
        try:
            return repr(value)
        except ValueError:
            return hex(value)
    if type(value) is tuple:
        items = [hex_repr(item) for item in value]
        return "(%s)" % (items[0] + "," if len(items) == 1 else ", ".join(items))
    if isinstance(value, FrozenMap):
        return "{%s}" % ", ".join("%r: %s" % (k, hex_repr(v)) for k, v in value.items())
    return repr(value)


EMPTY = FrozenMap({})
"""The ``extra`` of an object without unknown keys (one object, shared)."""


_new = object.__new__
_set_data: "Callable[[FrozenMap, Mapping[str, Any]], None]" = FrozenMap._data.__set__  # type: ignore[attr-defined]
_contents: "Callable[[FrozenMap], MappingProxyType[str, Any]]" = FrozenMap._data.__get__  # type: ignore[attr-defined]
"""The read-only view of the dict inside a FrozenMap."""


def frozen_or_empty(data: "Dict[str, Any]") -> "FrozenMap":
    """``data`` as a FrozenMap (the shared EMPTY for an empty one)."""
    if not data:
        return EMPTY
    # What FrozenMap(data) does, without the class call: readers make many.
    frozen: "FrozenMap" = _new(FrozenMap)
    _set_data(frozen, MappingProxyType(data))
    return frozen


def thaw(value: "Any") -> "Any":
    """A frozen JSON value as plain JSON data: tuples become lists, maps dicts."""
    kind = type(value)
    if kind is not tuple and kind is not FrozenMap and not isinstance(value, Mapping):
        return value
    try:
        return _thawed(value, 0)
    except (_NotFrozen, RecursionError):
        pass
    # An explicit stack: a value built by hand may nest deeper than the caller's
    # stack allows, and hold mappings of other kinds.
    root: "List[Any]" = [None]
    stack: "List[Tuple[Any, Any, Any]]" = [(root, 0, value)]
    while stack:
        parent, slot, item = stack.pop()
        if type(item) is tuple:
            out: "Any" = [None] * len(item)
            stack.extend((out, index, child) for index, child in enumerate(item))
        elif isinstance(item, Mapping):
            out = dict.fromkeys(item)
            stack.extend((out, key, child) for key, child in item.items())
        else:
            out = item
        parent[slot] = out
    return root[0]


class _NotFrozen(Exception):
    """What ``_thawed`` raises at the first value it leaves to ``thaw``."""


def _thawed(value: "Any", depth: int) -> "Any":
    """``thaw`` by recursion, of what a reader froze: FrozenMaps, tuples and JSON
    scalars, nested at most ``MAX_DEPTH`` deep. Raises ``_NotFrozen`` at anything else."""
    if depth >= MAX_DEPTH:
        raise _NotFrozen
    out: "Any"
    items: "Iterable[Tuple[Any, Any]]"
    if type(value) is FrozenMap:
        data = _contents(value)
        out, items = data.copy(), data.items()
    elif type(value) is tuple:
        out, items = list(value), enumerate(value)
    else:
        raise _NotFrozen
    for key, item in items:
        kind = type(item)
        if kind is tuple or kind is FrozenMap:
            out[key] = _thawed(item, depth + 1)
        elif not (kind is str or kind is int or kind is float or kind is bool or item is None):
            raise _NotFrozen
    return out
