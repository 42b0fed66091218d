"""From decoded JSON to models: one hand-written function per class.

Each function makes the object first and fills its ``__dict__`` from the
input dict, reads every required key at once (a missing one sends it round
again with ``MISSING`` in its place, so that each is reported), tests each
value inline, and hands only what fails to the shared checks in ``_checks``.
Nested objects are decoded in place and unknown keys moved to ``extra``.
Fields whose key was absent are not stored, and read as the class default,
:data:`ABSENT`.

The inline tests: ``type(v) is str``, ``type(v) is bool``, and for a number
``type(v) is not int and (type(v) is not float or v - v)``: ``v - v`` is 0.0
(false) for a finite float, and NaN (true) for NaN and the infinities, which
JSON cannot carry. Exact types, since ``bool`` is a subclass of ``int``.
"""

# This module reads untyped JSON data and narrows it with ``type(x) is list``,
# the cheapest test; pyright calls what that narrows to "unknown" (list[Unknown]),
# so its three "unknown" rules are off here. mypy --strict checks it as it is.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from . import _checks as check
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
    from typing import Any, Callable, Optional, Type, TypeVar

    from ._checks import Errors
    from ._errors import Path

    _M = TypeVar("_M")

field = check.field
if TYPE_CHECKING:

    def _new(cls: "Type[_M]") -> "_M": ...

else:
    _new = object.__new__


def decodes(
    cls: "Type[_M]",
) -> "Callable[[Callable[..., Optional[_M]]], Callable[..., Optional[_M]]]":
    """Makes the decorated function the one that ``cls.from_dict`` calls."""

    def bind(function: "Callable[..., Optional[_M]]") -> "Callable[..., Optional[_M]]":
        model: "Any" = cls  # the hook is declared on the models' private base class
        model.__tb_decoder__ = staticmethod(function)
        return function

    return bind


@decodes(TrackBalancesCreditSchema)
def credit_schema(
    cls: "Type[TrackBalancesCreditSchema]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesCreditSchema]":
    if type(data) is not dict:
        return check.as_dict(credit_schema, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        metered_feature_id = d["metered_feature_id"]
        credit_cost = d["credit_cost"]
    except KeyError:
        return credit_schema(
            cls, check.with_missing(d, ("metered_feature_id", "credit_cost")), path, errors
        )
    if type(metered_feature_id) is not str:
        d["metered_feature_id"] = field(
            metered_feature_id, path, "metered_feature_id", errors, check.STRING
        )
    if type(credit_cost) is not int and (
        type(credit_cost) is not float or credit_cost - credit_cost
    ):
        d["credit_cost"] = field(credit_cost, path, "credit_cost", errors, check.NUMBER_ANY)
    if len(d) != 2:
        d["extra"] = check.unknown_keys(d, data, _CREDIT_SCHEMA_KEYS, path, errors)
    return obj


_CREDIT_SCHEMA_KEYS = frozenset(("metered_feature_id", "credit_cost"))


@decodes(TrackBalancesDisplay)
def display(
    cls: "Type[TrackBalancesDisplay]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesDisplay]":
    if type(data) is not dict:
        return check.as_dict(display, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    known = 0
    if "singular" in d:
        singular = d["singular"]
        known += 1
        if singular is not None and type(singular) is not str:
            d["singular"] = field(singular, path, "singular", errors, check.STRING_OR_NULL)
    if "plural" in d:
        plural = d["plural"]
        known += 1
        if plural is not None and type(plural) is not str:
            d["plural"] = field(plural, path, "plural", errors, check.STRING_OR_NULL)
    if len(d) != known:
        d["extra"] = check.unknown_keys(d, data, _DISPLAY_KEYS, path, errors)
    return obj


_DISPLAY_KEYS = frozenset(("singular", "plural"))


@decodes(TrackBalancesFeature)
def feature(
    cls: "Type[TrackBalancesFeature]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesFeature]":
    if type(data) is not dict:
        return check.as_dict(feature, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        id = d["id"]
        name = d["name"]
        type_ = d["type"]
        consumable = d["consumable"]
        archived = d["archived"]
    except KeyError:
        return feature(
            cls,
            check.with_missing(d, ("id", "name", "type", "consumable", "archived")),
            path,
            errors,
        )
    if type(id) is not str:
        d["id"] = field(id, path, "id", errors, check.STRING)
    if type(name) is not str:
        d["name"] = field(name, path, "name", errors, check.STRING)
    if type(type_) is not str:
        d["type"] = field(type_, path, "type", errors, check.STRING)
    if type(consumable) is not bool:
        field(consumable, path, "consumable", errors, check.BOOLEAN)
    if type(archived) is not bool:
        field(archived, path, "archived", errors, check.BOOLEAN)
    known = 5
    if "event_names" in d:
        event_names = d["event_names"]
        known += 1
        d["event_names"] = check.strings(event_names, path, "event_names", errors)
    if "credit_schema" in d:
        credit_schemas = d["credit_schema"]
        known += 1
        d["credit_schema"] = check.objects(
            credit_schema, TrackBalancesCreditSchema, credit_schemas, path, "credit_schema", errors
        )
    if "display" in d:
        display_ = d["display"]
        known += 1
        d["display"] = display(TrackBalancesDisplay, display_, path + ("display",), errors)
    if len(d) != known:
        d["extra"] = check.unknown_keys(d, data, _FEATURE_KEYS, path, errors)
    return obj


_FEATURE_KEYS = frozenset(
    ("id", "name", "type", "consumable", "archived", "event_names", "credit_schema", "display")
)


@decodes(TrackBalancesReset)
def reset(
    cls: "Type[TrackBalancesReset]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesReset]":
    if type(data) is not dict:
        return check.as_dict(reset, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        interval = d["interval"]
        resets_at = d["resets_at"]
    except KeyError:
        return reset(cls, check.with_missing(d, ("interval", "resets_at")), path, errors)
    if type(interval) is not str:
        d["interval"] = field(interval, path, "interval", errors, check.STRING)
    if resets_at is not None and (
        type(resets_at) is not int and (type(resets_at) is not float or resets_at - resets_at)
    ):
        d["resets_at"] = field(resets_at, path, "resets_at", errors, check.NUMBER_OR_NULL)
    known = 2
    if "interval_count" in d:
        interval_count = d["interval_count"]
        known += 1
        if type(interval_count) is not int and (
            type(interval_count) is not float or interval_count - interval_count
        ):
            d["interval_count"] = field(
                interval_count, path, "interval_count", errors, check.NUMBER_ANY
            )
    if len(d) != known:
        d["extra"] = check.unknown_keys(d, data, _RESET_KEYS, path, errors)
    return obj


_RESET_KEYS = frozenset(("interval", "resets_at", "interval_count"))


@decodes(TrackBalancesTier)
def tier(
    cls: "Type[TrackBalancesTier]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesTier]":
    if type(data) is not dict:
        return check.as_dict(tier, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        to = d["to"]
        amount = d["amount"]
    except KeyError:
        return tier(cls, check.with_missing(d, ("to", "amount")), path, errors)
    if (type(to) is not int and (type(to) is not float or to - to)) and to != "inf":
        d["to"] = field(to, path, "to", errors, check.NUMBER_OR_INF)
    if type(amount) is not int and (type(amount) is not float or amount - amount):
        d["amount"] = field(amount, path, "amount", errors, check.NUMBER_ANY)
    if len(d) != 2:
        d["extra"] = check.unknown_keys(d, data, _TIER_KEYS, path, errors)
    return obj


_TIER_KEYS = frozenset(("to", "amount"))


@decodes(TrackBalancesPrice)
def price(
    cls: "Type[TrackBalancesPrice]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesPrice]":
    if type(data) is not dict:
        return check.as_dict(price, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        billing_units = d["billing_units"]
        billing_method = d["billing_method"]
        max_purchase = d["max_purchase"]
    except KeyError:
        return price(
            cls,
            check.with_missing(d, ("billing_units", "billing_method", "max_purchase")),
            path,
            errors,
        )
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
    known = 3
    if "amount" in d:
        amount = d["amount"]
        known += 1
        if type(amount) is not int and (type(amount) is not float or amount - amount):
            d["amount"] = field(amount, path, "amount", errors, check.NUMBER_ANY)
    if "tiers" in d:
        tiers = d["tiers"]
        known += 1
        d["tiers"] = check.objects(tier, TrackBalancesTier, tiers, path, "tiers", errors)
    if len(d) != known:
        d["extra"] = check.unknown_keys(d, data, _PRICE_KEYS, path, errors)
    return obj


_PRICE_KEYS = frozenset(("billing_units", "billing_method", "max_purchase", "amount", "tiers"))


@decodes(TrackBalancesBreakdown)
def breakdown(
    cls: "Type[TrackBalancesBreakdown]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesBreakdown]":
    if type(data) is not dict:
        return check.as_dict(breakdown, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        plan_id = d["plan_id"]
        included_grant = d["included_grant"]
        prepaid_grant = d["prepaid_grant"]
        remaining = d["remaining"]
        usage = d["usage"]
        unlimited = d["unlimited"]
        reset_ = d["reset"]
        price_ = d["price"]
        expires_at = d["expires_at"]
    except KeyError:
        return breakdown(cls, check.with_missing(d, _BREAKDOWN_REQUIRED), path, errors)
    if plan_id is not None and type(plan_id) is not str:
        d["plan_id"] = field(plan_id, path, "plan_id", errors, check.STRING_OR_NULL)
    if type(included_grant) is not int and (
        type(included_grant) is not float or included_grant - included_grant
    ):
        d["included_grant"] = field(
            included_grant, path, "included_grant", errors, check.NUMBER_ANY
        )
    if type(prepaid_grant) is not int and (
        type(prepaid_grant) is not float or prepaid_grant - prepaid_grant
    ):
        d["prepaid_grant"] = field(prepaid_grant, path, "prepaid_grant", errors, check.NUMBER_ANY)
    if type(remaining) is not int and (type(remaining) is not float or remaining - remaining):
        d["remaining"] = field(remaining, path, "remaining", errors, check.NUMBER_ANY)
    if type(usage) is not int and (type(usage) is not float or usage - usage):
        d["usage"] = field(usage, path, "usage", errors, check.NUMBER_ANY)
    if type(unlimited) is not bool:
        field(unlimited, path, "unlimited", errors, check.BOOLEAN)
    if reset_ is not None:
        d["reset"] = reset(TrackBalancesReset, reset_, path + ("reset",), errors)
    if price_ is not None:
        d["price"] = price(TrackBalancesPrice, price_, path + ("price",), errors)
    if expires_at is not None and (
        type(expires_at) is not int and (type(expires_at) is not float or expires_at - expires_at)
    ):
        d["expires_at"] = field(expires_at, path, "expires_at", errors, check.NUMBER_OR_NULL)
    known = 9
    if "id" in d:
        id = d["id"]
        known += 1
        if type(id) is not str:
            d["id"] = field(id, path, "id", errors, check.STRING)
    if len(d) != known:
        d["extra"] = check.unknown_keys(d, data, _BREAKDOWN_KEYS, path, errors)
    return obj


_BREAKDOWN_REQUIRED = (
    "plan_id",
    "included_grant",
    "prepaid_grant",
    "remaining",
    "usage",
    "unlimited",
    "reset",
    "price",
    "expires_at",
)
_BREAKDOWN_KEYS = frozenset(_BREAKDOWN_REQUIRED + ("id",))


@decodes(TrackBalancesRollover)
def rollover(
    cls: "Type[TrackBalancesRollover]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesRollover]":
    if type(data) is not dict:
        return check.as_dict(rollover, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        balance = d["balance"]
        expires_at = d["expires_at"]
    except KeyError:
        return rollover(cls, check.with_missing(d, ("balance", "expires_at")), path, errors)
    if type(balance) is not int and (type(balance) is not float or balance - balance):
        d["balance"] = field(balance, path, "balance", errors, check.NUMBER_ANY)
    if type(expires_at) is not int and (type(expires_at) is not float or expires_at - expires_at):
        d["expires_at"] = field(expires_at, path, "expires_at", errors, check.NUMBER_ANY)
    if len(d) != 2:
        d["extra"] = check.unknown_keys(d, data, _ROLLOVER_KEYS, path, errors)
    return obj


_ROLLOVER_KEYS = frozenset(("balance", "expires_at"))


@decodes(TrackBalances)
def track_balances(
    cls: "Type[TrackBalances]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalances]":
    if type(data) is not dict:
        return check.as_dict(track_balances, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        feature_id = d["feature_id"]
        granted = d["granted"]
        remaining = d["remaining"]
        usage = d["usage"]
        unlimited = d["unlimited"]
        overage_allowed = d["overage_allowed"]
        max_purchase = d["max_purchase"]
        next_reset_at = d["next_reset_at"]
    except KeyError:
        return track_balances(cls, check.with_missing(d, _TRACK_BALANCES_REQUIRED), path, errors)
    if type(feature_id) is not str:
        d["feature_id"] = field(feature_id, path, "feature_id", errors, check.STRING)
    if type(granted) is not int and (type(granted) is not float or granted - granted):
        d["granted"] = field(granted, path, "granted", errors, check.NUMBER_ANY)
    if (
        type(remaining) is not int
        and (type(remaining) is not float or remaining - remaining)
        or remaining < 0
    ):
        d["remaining"] = field(remaining, path, "remaining", errors, check.NON_NEGATIVE)
    if type(usage) is not int and (type(usage) is not float or usage - usage):
        d["usage"] = field(usage, path, "usage", errors, check.NUMBER_ANY)
    if type(unlimited) is not bool:
        field(unlimited, path, "unlimited", errors, check.BOOLEAN)
    if type(overage_allowed) is not bool:
        field(overage_allowed, path, "overage_allowed", errors, check.BOOLEAN)
    if max_purchase is not None and (
        type(max_purchase) is not int
        and (type(max_purchase) is not float or max_purchase - max_purchase)
    ):
        d["max_purchase"] = field(max_purchase, path, "max_purchase", errors, check.NUMBER_OR_NULL)
    if next_reset_at is not None and (
        type(next_reset_at) is not int
        and (type(next_reset_at) is not float or next_reset_at - next_reset_at)
    ):
        d["next_reset_at"] = field(
            next_reset_at, path, "next_reset_at", errors, check.NUMBER_OR_NULL
        )
    known = 8
    if "feature" in d:
        feature_ = d["feature"]
        known += 1
        d["feature"] = feature(TrackBalancesFeature, feature_, path + ("feature",), errors)
    if "breakdown" in d:
        breakdowns = d["breakdown"]
        known += 1
        d["breakdown"] = check.objects(
            breakdown, TrackBalancesBreakdown, breakdowns, path, "breakdown", errors
        )
    if "rollovers" in d:
        rollovers = d["rollovers"]
        known += 1
        d["rollovers"] = check.objects(
            rollover, TrackBalancesRollover, rollovers, path, "rollovers", errors
        )
    if len(d) != known:
        d["extra"] = check.unknown_keys(d, data, _TRACK_BALANCES_KEYS, path, errors)
    return obj


_TRACK_BALANCES_REQUIRED = (
    "feature_id",
    "granted",
    "remaining",
    "usage",
    "unlimited",
    "overage_allowed",
    "max_purchase",
    "next_reset_at",
)
_TRACK_BALANCES_KEYS = frozenset(_TRACK_BALANCES_REQUIRED + ("feature", "breakdown", "rollovers"))


@decodes(TrackResponse)
def track_response(
    cls: "Type[TrackResponse]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackResponse]":
    if type(data) is not dict:
        return check.as_dict(track_response, cls, data, path, errors)
    obj = _new(cls)
    d = obj.__dict__
    d.update(data)
    try:
        customer_id = d["customer_id"]
        value = d["value"]
        balance = d["balance"]
    except KeyError:
        return track_response(
            cls, check.with_missing(d, ("customer_id", "value", "balance")), path, errors
        )
    if type(customer_id) is not str:
        d["customer_id"] = field(customer_id, path, "customer_id", errors, check.STRING)
    if type(value) is not int and (type(value) is not float or value - value):
        d["value"] = field(value, path, "value", errors, check.NUMBER_ANY)
    if balance is not None:
        d["balance"] = track_balances(TrackBalances, balance, path + ("balance",), errors)
    known = 3
    if "entity_id" in d:
        entity_id = d["entity_id"]
        known += 1
        if type(entity_id) is not str:
            d["entity_id"] = field(entity_id, path, "entity_id", errors, check.STRING)
    if "event_name" in d:
        event_name = d["event_name"]
        known += 1
        if type(event_name) is not str:
            d["event_name"] = field(event_name, path, "event_name", errors, check.STRING)
    if "balances" in d:
        balances = d["balances"]
        known += 1
        d["balances"] = check.object_map(
            track_balances, TrackBalances, balances, path, "balances", errors
        )
    if len(d) != known:
        d["extra"] = check.unknown_keys(d, data, _TRACK_RESPONSE_KEYS, path, errors)
    return obj


_TRACK_RESPONSE_KEYS = frozenset(
    ("customer_id", "value", "balance", "entity_id", "event_name", "balances")
)
