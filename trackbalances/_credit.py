"""What a credit system charges: ``feature.credit_schema[]`` items, their tiers,
dimensions and multipliers. Each class, then the function that reads it and the
one that writes it (the inline tests are explained in ``_breakdown``).

A rate (a credit schema item, or one of its dimensions) is flat, with a
``credit_cost``, or tiered, with ``tiers`` and their ``tier_behavior``
(API 2.5.0); ``check.flat_or_tiered`` reports one that is neither.
"""

# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from . import _checks as check
from ._absent import ABSENT
from ._enums import TierBehavior
from ._errors import FIRST_PROBLEM
from ._frozen import EMPTY, FrozenMap
from ._hints import Any, Literal, Mapping, Tuple, Union
from ._jsonvalue import contents
from ._model import Model, model, own_dict, reads, set_own_dict, wire_dict, wire_dicts, writes
from ._values import unknown_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Optional, Type

    from ._absent import AbsentType
    from ._checks import Errors
    from ._enums import TierBehaviorLiteral
    from ._errors import Path
else:
    from ._absent import AbsentType
    from ._enums import TierBehaviorLiteral

field = check.field
exact_keyed = check.exact_keyed
_new = object.__new__


@model
class TrackBalancesCreditTier(Model):
    """One tier of a tiered rate (``credit_schema[].tiers[]``, ``dimensions{}.tiers[]``).

    Attributes:
        to: Inclusive upper usage boundary for this graduated tier, or the
            string ``"inf"`` (the final tier is ``"inf"``).
        credit_cost: Credits consumed per billing-unit group within this tier.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    to: "Union[int, float, Literal['inf']]"
    credit_cost: "Union[int, float]"
    extra: "Mapping[str, Any]" = EMPTY


@reads(TrackBalancesCreditTier)
def read_credit_tier(
    cls: "Type[TrackBalancesCreditTier]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesCreditTier]":
    if type(data) is not dict:
        return check.as_dict(read_credit_tier, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_credit_tier(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        to = d["to"]
        credit_cost = d["credit_cost"]
    except KeyError:
        return read_credit_tier(cls, check.with_missing(d, ("to", "credit_cost")), path, errors)
    if (type(to) is not int and (type(to) is not float or to - to)) and (
        type(to) is not str or to != "inf"
    ):
        d["to"] = field(to, path, "to", errors, check.NUMBER_OR_INF)
    if type(credit_cost) is not int and (
        type(credit_cost) is not float or credit_cost - credit_cost
    ):
        d["credit_cost"] = field(credit_cost, path, "credit_cost", errors, check.NUMBER_ANY)
    if len(d) != 2:
        d["extra"] = unknown_keys(d, _CREDIT_TIER_KEYS, path, errors)
    return obj


_CREDIT_TIER_KEYS = frozenset(("to", "credit_cost"))


@writes(TrackBalancesCreditTier)
def write_credit_tier(obj: TrackBalancesCreditTier) -> "Dict[str, Any]":
    return wire_dict(obj)


@model
class TrackBalancesDimension(Model):
    """A named rate chosen by event properties (``credit_schema[].dimensions{}``).

    The most specific match sets the rate; with no match the item's own rate
    applies. The rate is flat (``credit_cost``) or tiered (``tiers`` and
    ``tier_behavior``).

    Attributes:
        match: Event properties this entry applies to. Every key must equal
            the tracked property, compared as strings (read-only).
        credit_cost: Credits consumed per billing-unit group when this
            dimension matches (a flat rate).
        tiers: The tiers of a tiered rate.
        tier_behavior: How the tiers apply (``"graduated"``; see :class:`TierBehavior`).
        priority: Breaks ties between dimensions that match the same number
            of keys. Higher wins. An integer (``2.0`` is kept as written).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    match: "Mapping[str, str]"
    credit_cost: "Union[int, float, AbsentType]" = ABSENT
    tiers: "Union[Tuple[TrackBalancesCreditTier, ...], AbsentType]" = ABSENT
    tier_behavior: "Union[TierBehaviorLiteral, str, AbsentType]" = ABSENT
    priority: "Union[int, float, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY
    _open_enums = {"tier_behavior": TierBehavior}


@reads(TrackBalancesDimension)
def read_dimension(
    cls: "Type[TrackBalancesDimension]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesDimension]":
    if type(data) is not dict:
        return check.as_dict(read_dimension, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_dimension(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        match = d["match"]
    except KeyError:
        return read_dimension(cls, check.with_missing(d, ("match",)), path, errors)
    d["match"] = check.string_map(match, path, "match", errors)
    known = 1 + _read_rate(d, path, errors)
    if "priority" in d:
        priority = d["priority"]
        known += 1
        if type(priority) is not int and (type(priority) is not float or priority % 1):
            d["priority"] = field(priority, path, "priority", errors, check.INTEGER)
    if len(d) != known:
        d["extra"] = unknown_keys(d, _DIMENSION_KEYS, path, errors)
    return obj


_DIMENSION_KEYS = frozenset(("match", "credit_cost", "tiers", "tier_behavior", "priority"))


def _read_rate(d: "Dict[str, Any]", path: "Path", errors: "Errors") -> int:
    """Checks the flat or tiered rate of a credit schema item or a dimension in
    place; returns how many of its keys ``d`` has."""
    known = 0
    if "credit_cost" in d:
        credit_cost = d["credit_cost"]
        known += 1
        if type(credit_cost) is not int and (
            type(credit_cost) is not float or credit_cost - credit_cost
        ):
            d["credit_cost"] = field(credit_cost, path, "credit_cost", errors, check.NUMBER_ANY)
    if "tiers" in d:
        known += 1
        d["tiers"] = check.objects(
            read_credit_tier, TrackBalancesCreditTier, d["tiers"], path, "tiers", errors
        )
    if "tier_behavior" in d:
        tier_behavior = d["tier_behavior"]
        known += 1
        if type(tier_behavior) is not str:
            d["tier_behavior"] = field(tier_behavior, path, "tier_behavior", errors, check.STRING)
    if known < 2 and "credit_cost" not in d:
        check.flat_or_tiered(d, path, errors)
    return known


@writes(TrackBalancesDimension)
def write_dimension(obj: TrackBalancesDimension) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackBalancesDimension:  # see wire_dict
        d = wire_dict(obj)
    d["match"] = _plain(d["match"])
    if "tiers" in d:
        d["tiers"] = wire_dicts(d["tiers"])  # (what write_credit_tier is)
    return d


def _plain(match: "Mapping[str, str]") -> "Dict[str, str]":
    # A copy of the FrozenMap's own dict (a read models a map as one), not of its view.
    return contents(match).copy() if type(match) is FrozenMap else dict(match)


@model
class TrackBalancesMultiplier(Model):
    """A named adjustment chosen by event properties (``credit_schema[].multipliers{}``).

    Every match applies: factors multiply, then adds are summed.

    Attributes:
        match: Event properties this entry applies to. Every key must equal
            the tracked property, compared as strings (read-only).
        factor: Multiplies the matched rate. All matching multipliers stack.
        add: Added to the rate after every factor is applied, in credits per
            billing-unit group.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    match: "Mapping[str, str]"
    factor: "Union[int, float, AbsentType]" = ABSENT
    add: "Union[int, float, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY


@reads(TrackBalancesMultiplier)
def read_multiplier(
    cls: "Type[TrackBalancesMultiplier]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesMultiplier]":
    if type(data) is not dict:
        return check.as_dict(read_multiplier, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_multiplier(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        match = d["match"]
    except KeyError:
        return read_multiplier(cls, check.with_missing(d, ("match",)), path, errors)
    d["match"] = check.string_map(match, path, "match", errors)
    if len(d) == 1:
        return obj
    known = 1
    if "factor" in d:
        factor = d["factor"]
        known += 1
        if type(factor) is not int and (type(factor) is not float or factor - factor):
            d["factor"] = field(factor, path, "factor", errors, check.NUMBER_ANY)
    if "add" in d:
        add = d["add"]
        known += 1
        if type(add) is not int and (type(add) is not float or add - add):
            d["add"] = field(add, path, "add", errors, check.NUMBER_ANY)
    if len(d) != known:
        d["extra"] = unknown_keys(d, _MULTIPLIER_KEYS, path, errors)
    return obj


_MULTIPLIER_KEYS = frozenset(("match", "factor", "add"))


@writes(TrackBalancesMultiplier)
def write_multiplier(obj: TrackBalancesMultiplier) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackBalancesMultiplier:  # see wire_dict
        d = wire_dict(obj)
    d["match"] = _plain(d["match"])
    return d


@model
class TrackBalancesCreditSchema(Model):
    """What one metered feature costs in a credit system (``feature.credit_schema[]``).

    The rate is flat (``credit_cost``, as in API 2.1.0) or, since API 2.5.0,
    tiered (``tiers`` and ``tier_behavior``); dimensions and multipliers may
    refine it by event properties.

    Attributes:
        metered_feature_id: ID of the metered feature that draws from this
            credit system.
        credit_cost: Credits consumed per billing-unit group (a flat rate).
        tiers: The tiers of a tiered rate.
        tier_behavior: How the tiers apply (``"graduated"``; see :class:`TierBehavior`).
        billing_units: Number of metered-feature units priced together.
            Defaults to one when omitted.
        dimensions: Named rates chosen by event properties (read-only map).
        multipliers: Named adjustments chosen by event properties (read-only map).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    metered_feature_id: str
    credit_cost: "Union[int, float, AbsentType]" = ABSENT
    tiers: "Union[Tuple[TrackBalancesCreditTier, ...], AbsentType]" = ABSENT
    tier_behavior: "Union[TierBehaviorLiteral, str, AbsentType]" = ABSENT
    billing_units: "Union[int, float, AbsentType]" = ABSENT
    dimensions: "Union[Mapping[str, TrackBalancesDimension], AbsentType]" = ABSENT
    multipliers: "Union[Mapping[str, TrackBalancesMultiplier], AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY
    _open_enums = {"tier_behavior": TierBehavior}


@reads(TrackBalancesCreditSchema)
def read_credit_schema(
    cls: "Type[TrackBalancesCreditSchema]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesCreditSchema]":
    if type(data) is not dict:
        return check.as_dict(read_credit_schema, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_credit_schema(
                    cls, exact_keyed(data.items(), path, errors), path, errors
                )
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        metered_feature_id = d["metered_feature_id"]
    except KeyError:
        return read_credit_schema(cls, check.with_missing(d, ("metered_feature_id",)), path, errors)
    if type(metered_feature_id) is not str:
        d["metered_feature_id"] = field(
            metered_feature_id, path, "metered_feature_id", errors, check.STRING
        )
    known = 1 + _read_rate(d, path, errors)
    if "billing_units" in d:
        billing_units = d["billing_units"]
        known += 1
        if type(billing_units) is not int and (
            type(billing_units) is not float or billing_units - billing_units
        ):
            d["billing_units"] = field(
                billing_units, path, "billing_units", errors, check.NUMBER_ANY
            )
    if "dimensions" in d:
        known += 1
        d["dimensions"] = check.object_map(
            read_dimension, TrackBalancesDimension, d["dimensions"], path, "dimensions", errors
        )
    if "multipliers" in d:
        known += 1
        d["multipliers"] = check.object_map(
            read_multiplier, TrackBalancesMultiplier, d["multipliers"], path, "multipliers", errors
        )
    if len(d) != known:
        d["extra"] = unknown_keys(d, _CREDIT_SCHEMA_KEYS, path, errors)
    return obj


_CREDIT_SCHEMA_KEYS = frozenset(
    (
        "metered_feature_id",
        "credit_cost",
        "tiers",
        "tier_behavior",
        "billing_units",
        "dimensions",
        "multipliers",
    )
)


@writes(TrackBalancesCreditSchema)
def write_credit_schema(obj: TrackBalancesCreditSchema) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackBalancesCreditSchema:  # see wire_dict
        d = wire_dict(obj)
    if "tiers" in d:
        d["tiers"] = wire_dicts(d["tiers"])
    if "dimensions" in d:
        dimensions = d["dimensions"]
        if type(dimensions) is FrozenMap:  # its own dict's items, not those of a copy
            dimensions = contents(dimensions)
        d["dimensions"] = {key: write_dimension(item) for key, item in dimensions.items()}
    if "multipliers" in d:
        multipliers = d["multipliers"]
        if type(multipliers) is FrozenMap:
            multipliers = contents(multipliers)
        d["multipliers"] = {key: write_multiplier(item) for key, item in multipliers.items()}
    return d
