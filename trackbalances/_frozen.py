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
    """``function(*args)`` in a thread of its own, whose stack starts empty: for
    work that nests deeper than the caller's stack has room for. Started with
    ``_thread`` itself, so that it takes next to none of that room.
    """
    import _thread

    outcome: "List[Any]" = []
    finished = _thread.allocate_lock()
    finished.acquire()
    _thread.start_new_thread(run_and_keep, (function, args, outcome, finished))
    finished.acquire()
    done, value = outcome[0]
    if not done:
        raise value
    result: "_T" = value
    return result


def run_and_keep(
    function: "Callable[..., Any]", args: "Any", outcome: "List[Any]", finished: "Any"
) -> None:
    """What ``on_a_fresh_stack`` runs in its thread: ``function(*args)``, its
    result or its exception kept in ``outcome``, and ``finished`` released."""
    try:
        outcome.append((True, function(*args)))
    except BaseException as error:  # handed back to the caller's thread as it is
        outcome.append((False, error))
    finally:
        finished.release()


class FrozenMap(_MappingBase):
    """A mapping that cannot be changed, and so can be hashed and shared: the
    maps of objects and of strings in a payload (``JsonMap``, its subclass,
    carries JSON values).

    It compares equal to a ``dict`` with the same items. (Not a ``dict``
    subclass: a dataclass refuses a ``dict`` as a field default.)
    """

    __slots__ = ("_data", "_hash")
    _data: "MappingProxyType[str, Any]"
    _hash: int

    def __new__(cls, data: "Dict[str, Any]") -> "FrozenMap":
        self = object.__new__(cls)
        # A read-only view of a dict of its own: nothing reachable from it can change it.
        object.__setattr__(self, "_data", MappingProxyType(dict(data)))
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

    # Straight to the dict, rather than through Mapping's pure-Python defaults;
    # the views are of a copy: a view of the dict itself would hand it to the
    # caller (its ``.mapping``, and comparisons that end in the caller's ``__eq__``).
    def get(self, key: str, default: "Any" = None) -> "Any":
        return self._data.get(key, default)

    def keys(self) -> "KeysView[str]":
        return self._data.copy().keys()

    def values(self) -> "ValuesView[Any]":
        return self._data.copy().values()

    def items(self) -> "ItemsView[str, Any]":
        return self._data.copy().items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            other = other._data.copy()
        elif type(other) is not dict:
            return NotImplemented
        return self._data.copy() == other

    def __hash__(self) -> int:
        # Kept once made (one store, so threads that race agree).
        try:
            return self._hash
        except AttributeError:
            pass
        value = hash(frozenset(self._data.items()))
        object.__setattr__(self, "_hash", value)
        return value

    def __repr__(self) -> str:
        try:
            return repr(dict(self._data))
        except ValueError:  # an int too long for Python to write in decimal
            return hex_repr(self)

    def __reduce__(self) -> "Tuple[Any, ...]":
        return (type(self), (dict(self._data),))


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
