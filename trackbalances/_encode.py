"""From models back to plain JSON data: one hand-written function per class.

Each starts from ``fields(obj)``, the object's keys and values as a new dict,
and turns what it holds of nested models into dicts by their own functions,
and tuples into lists.
"""

# ``thaw`` walks the untyped values of unknown keys; see the same note in _checks.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from collections.abc import Mapping

from ._absent import ABSENT
from ._models import (
    TrackBalances,
    TrackBalancesBreakdown,
    TrackBalancesCreditSchema,
    TrackBalancesDisplay,
    TrackBalancesFeature,
    TrackBalancesPrice,
    TrackBalancesReset,
    TrackBalancesRollover,
    TrackBalancesTier,
    TrackResponse,
    models,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Type, TypeVar

    _M = TypeVar("_M")
    Encoder = Callable[[_M], Dict[str, Any]]


def encodes(cls: "Type[_M]") -> "Callable[[Encoder[_M]], Encoder[_M]]":
    """Makes the decorated function the one that ``obj.to_dict()`` calls."""

    def bind(function: "Encoder[_M]") -> "Encoder[_M]":
        model: "Any" = cls  # the hook is declared on the models' private base class
        model.__tb_encoder__ = staticmethod(function)
        return function

    return bind


def thaw(value: "Any") -> "Any":
    """A frozen unknown value as plain JSON data: tuples become lists, maps dicts."""
    if type(value) is tuple or type(value) is list:
        return [thaw(item) for item in value]
    if isinstance(value, Mapping):
        return {key: thaw(item) for key, item in value.items()}
    return value


def fields(obj: "Any") -> "Dict[str, Any]":
    """The fields of ``obj`` by their keys, as a new dict, without the absent ones.

    A model that ``from_dict`` built keeps exactly the payload's known keys in
    its ``__dict__``: a copy of it is the answer. One
    built by hand (which stores ABSENT and ``extra`` too), one with unknown keys,
    or a subclass's (which may keep other attributes there) is read field by
    field, its unknown keys last.
    """
    d: "Dict[str, Any]" = obj.__dict__.copy()
    if "extra" not in d and type(obj) in models:
        return d
    d = {}
    for name in obj.__dataclass_fields__:
        value = getattr(obj, name)
        if name != "extra" and value is not ABSENT:
            d[name] = value
    for key, value in obj.extra.items():
        d[key] = thaw(value)
    return d


@encodes(TrackBalancesCreditSchema)
def credit_schema(obj: TrackBalancesCreditSchema) -> "Dict[str, Any]":
    return fields(obj)


@encodes(TrackBalancesDisplay)
def display(obj: TrackBalancesDisplay) -> "Dict[str, Any]":
    return fields(obj)


@encodes(TrackBalancesFeature)
def feature(obj: TrackBalancesFeature) -> "Dict[str, Any]":
    d = fields(obj)
    if "event_names" in d:
        d["event_names"] = list(d["event_names"])
    if "credit_schema" in d:
        d["credit_schema"] = [credit_schema(item) for item in d["credit_schema"]]
    if "display" in d:
        d["display"] = display(d["display"])
    return d


@encodes(TrackBalancesReset)
def reset(obj: TrackBalancesReset) -> "Dict[str, Any]":
    return fields(obj)


@encodes(TrackBalancesTier)
def tier(obj: TrackBalancesTier) -> "Dict[str, Any]":
    return fields(obj)


@encodes(TrackBalancesPrice)
def price(obj: TrackBalancesPrice) -> "Dict[str, Any]":
    d = fields(obj)
    if "tiers" in d:
        d["tiers"] = [tier(item) for item in d["tiers"]]
    return d


@encodes(TrackBalancesBreakdown)
def breakdown(obj: TrackBalancesBreakdown) -> "Dict[str, Any]":
    d = fields(obj)
    if d["reset"] is not None:
        d["reset"] = reset(d["reset"])
    if d["price"] is not None:
        d["price"] = price(d["price"])
    return d


@encodes(TrackBalancesRollover)
def rollover(obj: TrackBalancesRollover) -> "Dict[str, Any]":
    return fields(obj)


@encodes(TrackBalances)
def track_balances(obj: TrackBalances) -> "Dict[str, Any]":
    d = fields(obj)
    if "feature" in d:
        d["feature"] = feature(d["feature"])
    if "breakdown" in d:
        d["breakdown"] = [breakdown(item) for item in d["breakdown"]]
    if "rollovers" in d:
        d["rollovers"] = [rollover(item) for item in d["rollovers"]]
    return d


@encodes(TrackResponse)
def track_response(obj: TrackResponse) -> "Dict[str, Any]":
    d = fields(obj)
    if d["balance"] is not None:
        d["balance"] = track_balances(d["balance"])
    if "balances" in d:
        d["balances"] = {key: track_balances(value) for key, value in d["balances"].items()}
    return d
