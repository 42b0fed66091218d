"""From models back to plain JSON data: one hand-written function per class.

Required keys are written as they are, optional ones only when not
:data:`ABSENT`, nested models by their own function, tuples as lists, and the
unknown keys of ``extra`` last, thawed back into dicts and lists.
"""

# ``thaw`` walks the untyped values of unknown keys; see the same note in _checks.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from collections.abc import Mapping

from ._absent import ABSENT
from ._checks import EMPTY
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


def _add_extra(d: "Dict[str, Any]", extra: "Mapping[str, Any]") -> "Dict[str, Any]":
    for key, value in extra.items():
        d[key] = thaw(value)
    return d


@encodes(TrackBalancesCreditSchema)
def credit_schema(obj: TrackBalancesCreditSchema) -> "Dict[str, Any]":
    d = {"metered_feature_id": obj.metered_feature_id, "credit_cost": obj.credit_cost}
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackBalancesDisplay)
def display(obj: TrackBalancesDisplay) -> "Dict[str, Any]":
    d = {}
    if obj.singular is not ABSENT:
        d["singular"] = obj.singular
    if obj.plural is not ABSENT:
        d["plural"] = obj.plural
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackBalancesFeature)
def feature(obj: TrackBalancesFeature) -> "Dict[str, Any]":
    d: "Dict[str, Any]" = {
        "id": obj.id,
        "name": obj.name,
        "type": obj.type,
        "consumable": obj.consumable,
        "archived": obj.archived,
    }
    if obj.event_names is not ABSENT:
        d["event_names"] = list(obj.event_names)
    if obj.credit_schema is not ABSENT:
        d["credit_schema"] = [credit_schema(item) for item in obj.credit_schema]
    if obj.display is not ABSENT:
        d["display"] = display(obj.display)
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackBalancesReset)
def reset(obj: TrackBalancesReset) -> "Dict[str, Any]":
    d = {"interval": obj.interval, "resets_at": obj.resets_at}
    if obj.interval_count is not ABSENT:
        d["interval_count"] = obj.interval_count
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackBalancesTier)
def tier(obj: TrackBalancesTier) -> "Dict[str, Any]":
    d = {"to": obj.to, "amount": obj.amount}
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackBalancesPrice)
def price(obj: TrackBalancesPrice) -> "Dict[str, Any]":
    d: "Dict[str, Any]" = {
        "billing_units": obj.billing_units,
        "billing_method": obj.billing_method,
        "max_purchase": obj.max_purchase,
    }
    if obj.amount is not ABSENT:
        d["amount"] = obj.amount
    if obj.tiers is not ABSENT:
        d["tiers"] = [tier(item) for item in obj.tiers]
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackBalancesBreakdown)
def breakdown(obj: TrackBalancesBreakdown) -> "Dict[str, Any]":
    d = {
        "plan_id": obj.plan_id,
        "included_grant": obj.included_grant,
        "prepaid_grant": obj.prepaid_grant,
        "remaining": obj.remaining,
        "usage": obj.usage,
        "unlimited": obj.unlimited,
        "reset": None if obj.reset is None else reset(obj.reset),
        "price": None if obj.price is None else price(obj.price),
        "expires_at": obj.expires_at,
    }
    if obj.id is not ABSENT:
        d["id"] = obj.id
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackBalancesRollover)
def rollover(obj: TrackBalancesRollover) -> "Dict[str, Any]":
    d = {"balance": obj.balance, "expires_at": obj.expires_at}
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackBalances)
def track_balances(obj: TrackBalances) -> "Dict[str, Any]":
    d: "Dict[str, Any]" = {
        "feature_id": obj.feature_id,
        "granted": obj.granted,
        "remaining": obj.remaining,
        "usage": obj.usage,
        "unlimited": obj.unlimited,
        "overage_allowed": obj.overage_allowed,
        "max_purchase": obj.max_purchase,
        "next_reset_at": obj.next_reset_at,
    }
    if obj.feature is not ABSENT:
        d["feature"] = feature(obj.feature)
    if obj.breakdown is not ABSENT:
        d["breakdown"] = [breakdown(item) for item in obj.breakdown]
    if obj.rollovers is not ABSENT:
        d["rollovers"] = [rollover(item) for item in obj.rollovers]
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)


@encodes(TrackResponse)
def track_response(obj: TrackResponse) -> "Dict[str, Any]":
    d: "Dict[str, Any]" = {
        "customer_id": obj.customer_id,
        "value": obj.value,
        "balance": None if obj.balance is None else track_balances(obj.balance),
    }
    if obj.entity_id is not ABSENT:
        d["entity_id"] = obj.entity_id
    if obj.event_name is not ABSENT:
        d["event_name"] = obj.event_name
    if obj.balances is not ABSENT:
        d["balances"] = {key: track_balances(value) for key, value in obj.balances.items()}
    return d if obj.extra is EMPTY else _add_extra(d, obj.extra)
