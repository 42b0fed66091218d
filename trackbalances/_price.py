"""What a breakdown entry's usage costs: ``breakdown[].price`` and its tiers.
Each class, then the function that reads it and the one that writes it (the
inline tests are explained in ``_breakdown``).
"""

# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from . import _checks as check
from ._absent import ABSENT
from ._enums import BillingMethod, TierBehavior
from ._errors import FIRST_PROBLEM
from ._frozen import EMPTY
from ._hints import Any, Literal, Mapping, Tuple, Union
from ._model import Model, model, own_dict, reads, set_own_dict, wire_dict, wire_dicts, writes
from ._values import unknown_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Optional, Type

    from ._absent import AbsentType
    from ._checks import Errors
    from ._enums import BillingMethodLiteral, TierBehaviorLiteral
    from ._errors import Path
else:
    from ._absent import AbsentType
    from ._enums import BillingMethodLiteral, TierBehaviorLiteral

field = check.field
exact_keyed = check.exact_keyed
_new = object.__new__


@model
class TrackBalancesTier(Model):
    """One tier of tiered pricing (``breakdown[].price.tiers[]``).

    Attributes:
        to: The upper bound of the tier, or the string ``"inf"`` for no bound.
        amount: The price amount of the tier.
        flat_amount: A flat amount charged for reaching the tier (API 2.5.0;
            null was legal for a few weeks of 2026, and is read as such).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    to: "Union[int, float, Literal['inf']]"
    amount: "Union[int, float]"
    flat_amount: "Union[int, float, None, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY


@reads(TrackBalancesTier)
def read_tier(
    cls: "Type[TrackBalancesTier]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesTier]":
    if type(data) is not dict:
        return check.as_dict(read_tier, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_tier(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        to = d["to"]
        amount = d["amount"]
    except KeyError:
        return read_tier(cls, check.with_missing(d, ("to", "amount")), path, errors)
    if (type(to) is not int and (type(to) is not float or to - to)) and (
        type(to) is not str or to != "inf"
    ):
        d["to"] = field(to, path, "to", errors, check.NUMBER_OR_INF)
    if type(amount) is not int and (type(amount) is not float or amount - amount):
        d["amount"] = field(amount, path, "amount", errors, check.NUMBER_ANY)
    if len(d) == 2:
        return obj
    known = 2
    if "flat_amount" in d:
        flat_amount = d["flat_amount"]
        known += 1
        if flat_amount is not None and (
            type(flat_amount) is not int
            and (type(flat_amount) is not float or flat_amount - flat_amount)
        ):
            d["flat_amount"] = field(flat_amount, path, "flat_amount", errors, check.NUMBER_OR_NULL)
    if len(d) != known:
        d["extra"] = unknown_keys(d, _TIER_KEYS, path, errors)
    return obj


_TIER_KEYS = frozenset(("to", "amount", "flat_amount"))


@writes(TrackBalancesTier)
def write_tier(obj: TrackBalancesTier) -> "Dict[str, Any]":
    return wire_dict(obj)


@model
class TrackBalancesPrice(Model):
    """Pricing of a breakdown entry with usage-based pricing (``breakdown[].price``).

    Attributes:
        billing_units: The number of units per billing increment (eg. $9 / 250 units).
        billing_method: Whether usage is prepaid or billed pay-per-use:
            ``"prepaid"`` or ``"usage_based"`` (see :class:`BillingMethod`); a
            value from a newer API is kept as given.
        max_purchase: Maximum quantity that can be purchased, or null for unlimited.
        amount: The per-unit price amount.
        tiers: Tiered pricing configuration if applicable.
        tier_behavior: How tiers are applied: ``"graduated"`` (split across
            bands) or ``"volume"`` (flat rate for the matched tier); see
            :class:`TierBehavior`.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    billing_units: "Union[int, float]"
    billing_method: "Union[BillingMethodLiteral, str]"
    max_purchase: "Union[int, float, None]"
    amount: "Union[int, float, AbsentType]" = ABSENT
    tiers: "Union[Tuple[TrackBalancesTier, ...], AbsentType]" = ABSENT
    tier_behavior: "Union[TierBehaviorLiteral, str, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY
    _open_enums = {"billing_method": BillingMethod, "tier_behavior": TierBehavior}


@reads(TrackBalancesPrice)
def read_price(
    cls: "Type[TrackBalancesPrice]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesPrice]":
    if type(data) is not dict:
        return check.as_dict(read_price, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_price(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        billing_units = d["billing_units"]
        billing_method = d["billing_method"]
        max_purchase = d["max_purchase"]
    except KeyError:
        required = ("billing_units", "billing_method", "max_purchase")
        return read_price(cls, check.with_missing(d, required), path, errors)
    if type(billing_units) is not int and (
        type(billing_units) is not float or billing_units - billing_units
    ):
        d["billing_units"] = field(billing_units, path, "billing_units", errors, check.NUMBER_ANY)
    if type(billing_method) is not str:
        d["billing_method"] = field(billing_method, path, "billing_method", errors, check.STRING)
    if max_purchase is not None and (
        type(max_purchase) is not int
        and (type(max_purchase) is not float or max_purchase - max_purchase)
    ):
        d["max_purchase"] = field(max_purchase, path, "max_purchase", errors, check.NUMBER_OR_NULL)
    if len(d) == 3:
        return obj
    known = 3
    if "amount" in d:
        amount = d["amount"]
        known += 1
        if type(amount) is not int and (type(amount) is not float or amount - amount):
            d["amount"] = field(amount, path, "amount", errors, check.NUMBER_ANY)
    if "tiers" in d:
        known += 1
        d["tiers"] = check.objects(read_tier, TrackBalancesTier, d["tiers"], path, "tiers", errors)
    if "tier_behavior" in d:
        tier_behavior = d["tier_behavior"]
        known += 1
        if type(tier_behavior) is not str:
            d["tier_behavior"] = field(tier_behavior, path, "tier_behavior", errors, check.STRING)
    if len(d) != known:
        d["extra"] = unknown_keys(d, _PRICE_KEYS, path, errors)
    return obj


_PRICE_KEYS = frozenset(
    ("billing_units", "billing_method", "max_purchase", "amount", "tiers", "tier_behavior")
)


@writes(TrackBalancesPrice)
def write_price(obj: TrackBalancesPrice) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackBalancesPrice:  # see wire_dict
        d = wire_dict(obj)
    if "tiers" in d:
        d["tiers"] = wire_dicts(d["tiers"])  # (what write_tier is)
    return d
