"""``FrozenMap``: the read-only, hashable map of maps in a payload and of ``extra``."""

from collections.abc import Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    import typing
    from typing import Any, Dict, ItemsView, Iterator, KeysView, Tuple, ValuesView

    _MappingBase = typing.Mapping[str, Any]
else:
    _MappingBase = Mapping


class FrozenMap(_MappingBase):
    """A mapping that cannot be changed, and so can be hashed and shared.

    It compares equal to a ``dict`` with the same items. (Not a ``dict``
    subclass: a dataclass refuses a ``dict`` as a field default.)
    """

    __slots__ = ("_data",)
    _data: "Dict[str, Any]"

    def __new__(cls, data: "Dict[str, Any]") -> "FrozenMap":
        self = object.__new__(cls)
        object.__setattr__(self, "_data", data)  # a dict of its own, never changed after
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
            return self._data == other._data
        return self._data == other if isinstance(other, dict) else NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return repr(self._data)

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
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "keys_as_sent", keys_as_sent)
        return self

    def __reduce__(self) -> "Tuple[Any, ...]":
        return (type(self), (dict(self._data), self.keys_as_sent))


EMPTY = FrozenMap({})
"""The ``extra`` of an object without unknown keys (one object, shared)."""


def frozen_or_empty(data: "Dict[str, Any]") -> "FrozenMap":
    """``data`` as a FrozenMap (the shared EMPTY for an empty one)."""
    return FrozenMap(data) if data else EMPTY
