"""``FrozenMap``: the read-only, hashable map of ``extra`` and ``balances``."""

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

    def __init__(self, data: "Dict[str, Any]") -> None:
        self._data = data  # a dict of the caller's own, not to be changed after

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
        return (type(self), (self._data,))
