"""The balance object (``TrackBalances``, also called ``Balance``) and its
rollovers. Each class, then the function that reads it and the one that writes
it (the inline tests are explained in ``_breakdown``).
"""

# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from . import _checks as check
from ._absent import ABSENT
from ._breakdown import TrackBalancesBreakdown, read_breakdown, write_breakdown
from ._errors import FIRST_PROBLEM
from ._feature import TrackBalancesFeature, read_feature, write_feature
from ._frozen import EMPTY
from ._hints import Any, Mapping, Tuple, Union
from ._model import (
    Model,
    model,
    own_dict,
    reads,
    set_own_dict,
    utc_datetime,
    wire_dict,
    wire_dicts,
    writes,
)
from ._values import unknown_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Dict, List, Optional, Type

    from ._absent import AbsentType
    from ._checks import Errors
    from ._errors import Path
else:
    from ._absent import AbsentType

field = check.field
exact_keyed = check.exact_keyed
_new = object.__new__


@model
class TrackBalancesRollover(Model):
    """Balance carried over from a previous period (``rollovers[]``).

    Attributes:
        balance: Amount of balance rolled over from a previous period.
        expires_at: Timestamp when the rollover balance expires (epoch milliseconds).
        granted: Amount originally rolled over from a previous period, before
            any of it was consumed (sent from API 2.3.0 on; absent before).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    balance: "Union[int, float]"
    expires_at: "Union[int, float]"
    granted: "Union[int, float, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY

    @property
    def expires_at_datetime(self) -> "datetime":
        """``expires_at`` as an aware UTC datetime."""
        return utc_datetime(self.expires_at)


@reads(TrackBalancesRollover)
def read_rollover(
    cls: "Type[TrackBalancesRollover]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesRollover]":
    if type(data) is not dict:
        return check.as_dict(read_rollover, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_rollover(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        balance = d["balance"]
        expires_at = d["expires_at"]
    except KeyError:
        return read_rollover(cls, check.with_missing(d, ("balance", "expires_at")), path, errors)
    if type(balance) is not int and (type(balance) is not float or balance - balance):
        d["balance"] = field(balance, path, "balance", errors, check.NUMBER_ANY)
    if type(expires_at) is not int and (type(expires_at) is not float or expires_at - expires_at):
        d["expires_at"] = field(expires_at, path, "expires_at", errors, check.NUMBER_ANY)
    if len(d) == 2:
        return obj
    known = 2
    if "granted" in d:
        granted = d["granted"]
        known += 1
        if type(granted) is not int and (type(granted) is not float or granted - granted):
            d["granted"] = field(granted, path, "granted", errors, check.NUMBER_ANY)
    if len(d) != known:
        d["extra"] = unknown_keys(d, _ROLLOVER_KEYS, path, errors)
    return obj


_ROLLOVER_KEYS = frozenset(("granted", "balance", "expires_at"))


@writes(TrackBalancesRollover)
def write_rollover(obj: TrackBalancesRollover) -> "Dict[str, Any]":
    return wire_dict(obj)


@model
class TrackBalances(Model):
    """The balance of one feature for a customer: what ``POST /v1/balances.track``
    returns, and the same object that ``balances.check``, ``customers.get`` /
    ``customers.list`` and ``entities.get`` return (also named :data:`Balance`).

    Attributes:
        feature_id: The feature ID this balance is for.
        granted: Total balance granted (included + prepaid).
        remaining: Remaining balance available for use (never negative).
        usage: Total usage consumed in the current period.
        unlimited: Whether this feature has unlimited usage.
        overage_allowed: Whether usage beyond the granted balance is allowed
            (with overage charges).
        max_purchase: Maximum quantity that can be purchased as a top-up, or
            null for unlimited.
        next_reset_at: Timestamp when the balance will reset (epoch
            milliseconds), or null for no reset.
        feature: The full feature object if expanded.
        breakdown: Detailed breakdown of balance sources when stacking
            multiple plans or grants.
        rollovers: Rollover balances carried over from previous periods.
        allocated: Shared credits held for entities by allocations; present
            only when the customer allocates this feature (API 2.5.0).
        unallocated: Remaining shared credits no allocation holds; any entity
            may use them (API 2.5.0).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    feature_id: str
    granted: "Union[int, float]"
    remaining: "Union[int, float]"
    usage: "Union[int, float]"
    unlimited: bool
    overage_allowed: bool
    max_purchase: "Union[int, float, None]"
    next_reset_at: "Union[int, float, None]"
    feature: "Union[TrackBalancesFeature, AbsentType]" = ABSENT
    breakdown: "Union[Tuple[TrackBalancesBreakdown, ...], AbsentType]" = ABSENT
    rollovers: "Union[Tuple[TrackBalancesRollover, ...], AbsentType]" = ABSENT
    allocated: "Union[int, float, AbsentType]" = ABSENT
    unallocated: "Union[int, float, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY

    @property
    def next_reset_at_datetime(self) -> "Optional[datetime]":
        """``next_reset_at`` as an aware UTC datetime; None (no reset) for null."""
        return utc_datetime(self.next_reset_at)

    def can_use(self, units: "Union[int, float]" = 1) -> bool:
        """Whether ``units`` more can be used now: the feature is unlimited, or
        overage is allowed, or at least that much remains."""
        return self.unlimited or self.overage_allowed or self.remaining >= units

    @property
    def rolled_over(self) -> "Union[int, float]":
        """The total balance carried over from previous periods (0 without rollovers)."""
        if self.rollovers is ABSENT:
            return 0
        return sum(rollover.balance for rollover in self.rollovers)

    def breakdown_by_plan(self) -> "Dict[Optional[str], Tuple[TrackBalancesBreakdown, ...]]":
        """The breakdown entries grouped by ``plan_id`` (None: standalone balances),
        in the order the plans first appear."""
        groups: "Dict[Optional[str], List[TrackBalancesBreakdown]]" = {}
        if self.breakdown is not ABSENT:
            for entry in self.breakdown:
                groups.setdefault(entry.plan_id, []).append(entry)
        return {plan_id: tuple(entries) for plan_id, entries in groups.items()}


Balance = TrackBalances
"""The balance object by its current name in the API and the official SDK."""


@reads(TrackBalances)
def read_balance(
    cls: "Type[TrackBalances]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalances]":
    if type(data) is not dict:
        return check.as_dict(read_balance, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_balance(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
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
        return read_balance(cls, check.with_missing(d, _BALANCE_REQUIRED), path, errors)
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
    if len(d) == 8:
        return obj
    known = 8
    if "feature" in d:
        known += 1
        d["feature"] = read_feature(TrackBalancesFeature, d["feature"], path + ("feature",), errors)
    if "breakdown" in d:
        known += 1
        d["breakdown"] = check.objects(
            read_breakdown, TrackBalancesBreakdown, d["breakdown"], path, "breakdown", errors
        )
    if "rollovers" in d:
        known += 1
        d["rollovers"] = check.objects(
            read_rollover, TrackBalancesRollover, d["rollovers"], path, "rollovers", errors
        )
    if "allocated" in d:
        allocated = d["allocated"]
        known += 1
        if type(allocated) is not int and (type(allocated) is not float or allocated - allocated):
            d["allocated"] = field(allocated, path, "allocated", errors, check.NUMBER_ANY)
    if "unallocated" in d:
        unallocated = d["unallocated"]
        known += 1
        if type(unallocated) is not int and (
            type(unallocated) is not float or unallocated - unallocated
        ):
            d["unallocated"] = field(unallocated, path, "unallocated", errors, check.NUMBER_ANY)
    if len(d) != known:
        d["extra"] = unknown_keys(d, _BALANCE_KEYS, path, errors)
    return obj


_BALANCE_REQUIRED = (
    "feature_id",
    "granted",
    "remaining",
    "usage",
    "unlimited",
    "overage_allowed",
    "max_purchase",
    "next_reset_at",
)
_BALANCE_KEYS = frozenset(
    _BALANCE_REQUIRED + ("feature", "breakdown", "rollovers", "allocated", "unallocated")
)


@writes(TrackBalances)
def write_balance(obj: TrackBalances) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackBalances:  # see wire_dict
        d = wire_dict(obj)
    if "feature" in d:
        d["feature"] = write_feature(d["feature"])
    if "breakdown" in d:
        d["breakdown"] = [write_breakdown(entry) for entry in d["breakdown"]]
    if "rollovers" in d:
        d["rollovers"] = wire_dicts(d["rollovers"])  # (what write_rollover is)
    return d
