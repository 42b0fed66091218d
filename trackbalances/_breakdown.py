"""Where a balance comes from: ``breakdown[]`` entries, their reset and
allocation (their price is in ``_price``). Each class, then the function that
reads it and the one that writes it.

The readers test each value inline with the cheapest test that valid JSON
data passes, and hand only what fails to the shared checks of ``_checks``:
``type(v) is str``, ``type(v) is bool``, and for a number ``type(v) is not int
and (type(v) is not float or v - v)``, since ``v - v`` is 0.0 (false) for a
finite float and NaN (true) for NaN and the infinities, which JSON cannot
carry. Exact types, because ``bool`` is a subclass of ``int``. A missing
required key sends a reader round again with ``MISSING`` in its place, so
that each one is reported at its own path. An object of the required keys
alone (``len(d)`` says so) is done when they pass, with no optional key to
look for.
"""

# These modules read untyped JSON data and narrow it with ``type(x) is list``,
# the cheapest test; pyright calls what that narrows to "unknown" (list[Unknown]),
# so its three "unknown" rules are off here. mypy --strict checks them as they are.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from . import _checks as check
from ._absent import ABSENT
from ._enums import BreakdownSource, ResetInterval
from ._errors import FIRST_PROBLEM
from ._frozen import EMPTY
from ._hints import Any, Mapping, Union
from ._model import Model, model, own_dict, reads, set_own_dict, utc_datetime, wire_dict, writes
from ._price import TrackBalancesPrice, read_price, write_price
from ._values import unknown_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Dict, Optional, Type

    from ._absent import AbsentType
    from ._checks import Errors
    from ._enums import BreakdownSourceLiteral, ResetIntervalLiteral
    from ._errors import Path
else:
    from ._absent import AbsentType
    from ._enums import BreakdownSourceLiteral, ResetIntervalLiteral

field = check.field
exact_keyed = check.exact_keyed
_new = object.__new__


@model
class TrackBalancesReset(Model):
    """When a balance resets (``breakdown[].reset``, and ``deductions[].reset``).

    Attributes:
        interval: The reset interval (hour, day, week, month, etc.) or
            ``"multiple"`` if combined from different intervals (see
            :class:`ResetInterval`); a value from a newer API is kept as given.
        resets_at: Timestamp when the balance will next reset (epoch
            milliseconds), or null.
        interval_count: Number of intervals between resets (eg. 2 for bi-monthly).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    interval: "Union[ResetIntervalLiteral, str]"
    resets_at: "Union[int, float, None]"
    interval_count: "Union[int, float, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY
    _open_enums = {"interval": ResetInterval}

    @property
    def resets_at_datetime(self) -> "Optional[datetime]":
        """``resets_at`` as an aware UTC datetime; None where the payload said null."""
        return utc_datetime(self.resets_at)


@reads(TrackBalancesReset)
def read_reset(
    cls: "Type[TrackBalancesReset]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesReset]":
    if type(data) is not dict:
        return check.as_dict(read_reset, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_reset(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        interval = d["interval"]
        resets_at = d["resets_at"]
    except KeyError:
        return read_reset(cls, check.with_missing(d, ("interval", "resets_at")), path, errors)
    if type(interval) is not str:
        d["interval"] = field(interval, path, "interval", errors, check.STRING)
    if resets_at is not None and (
        type(resets_at) is not int and (type(resets_at) is not float or resets_at - resets_at)
    ):
        d["resets_at"] = field(resets_at, path, "resets_at", errors, check.NUMBER_OR_NULL)
    if len(d) == 2:
        return obj
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
        d["extra"] = unknown_keys(d, _RESET_KEYS, path, errors)
    return obj


_RESET_KEYS = frozenset(("interval", "resets_at", "interval_count"))


@writes(TrackBalancesReset)
def write_reset(obj: TrackBalancesReset) -> "Dict[str, Any]":
    return wire_dict(obj)


@model
class TrackBalancesAllocation(Model):
    """The entity's allocated share of the customer's credits (``breakdown[].allocation``).

    Attributes:
        amount: The amount allocated to this entity.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    amount: "Union[int, float]"
    extra: "Mapping[str, Any]" = EMPTY


@reads(TrackBalancesAllocation)
def read_allocation(
    cls: "Type[TrackBalancesAllocation]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesAllocation]":
    if type(data) is not dict:
        return check.as_dict(read_allocation, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_allocation(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        amount = d["amount"]
    except KeyError:
        return read_allocation(cls, check.with_missing(d, ("amount",)), path, errors)
    if type(amount) is not int and (type(amount) is not float or amount - amount):
        d["amount"] = field(amount, path, "amount", errors, check.NUMBER_ANY)
    if len(d) != 1:
        d["extra"] = unknown_keys(d, _ALLOCATION_KEYS, path, errors)
    return obj


_ALLOCATION_KEYS = frozenset(("amount",))


@writes(TrackBalancesAllocation)
def write_allocation(obj: TrackBalancesAllocation) -> "Dict[str, Any]":
    return wire_dict(obj)


@model
class TrackBalancesBreakdown(Model):
    """One source of the balance, when plans or grants stack (``breakdown[]``).

    Attributes:
        plan_id: The plan ID this balance originates from, or null for
            standalone balances.
        included_grant: Amount granted from the plan's included usage.
        prepaid_grant: Amount granted from prepaid purchases or top-ups.
        remaining: Remaining balance available for use (may be negative).
        usage: Amount consumed in the current period.
        unlimited: Whether this balance has unlimited usage.
        reset: Reset configuration for this balance, or null if no reset.
        price: Pricing configuration if this balance has usage-based
            pricing, or null.
        expires_at: Timestamp when this balance expires (epoch milliseconds),
            or null for no expiration.
        id: The unique identifier for this balance breakdown (the schema's
            default is ``""``; an absent key stays :data:`ABSENT`).
        source: Where this row's credits come from: ``"customer"`` (shared at
            the customer level) or ``"entity"`` (owned by the entity); see
            :class:`BreakdownSource`.
        allocation: Set when this row's numbers are the entity's allocated
            share of the customer's credits; may be null.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    plan_id: "Union[str, None]"
    included_grant: "Union[int, float]"
    prepaid_grant: "Union[int, float]"
    remaining: "Union[int, float]"
    usage: "Union[int, float]"
    unlimited: bool
    reset: "Union[TrackBalancesReset, None]"
    price: "Union[TrackBalancesPrice, None]"
    expires_at: "Union[int, float, None]"
    id: "Union[str, AbsentType]" = ABSENT
    source: "Union[BreakdownSourceLiteral, str, AbsentType]" = ABSENT
    allocation: "Union[TrackBalancesAllocation, None, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY
    _open_enums = {"source": BreakdownSource}

    @property
    def expires_at_datetime(self) -> "Optional[datetime]":
        """``expires_at`` as an aware UTC datetime; None (never expires) for null."""
        return utc_datetime(self.expires_at)


@reads(TrackBalancesBreakdown)
def read_breakdown(
    cls: "Type[TrackBalancesBreakdown]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesBreakdown]":
    if type(data) is not dict:
        return check.as_dict(read_breakdown, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_breakdown(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        plan_id = d["plan_id"]
        included_grant = d["included_grant"]
        prepaid_grant = d["prepaid_grant"]
        remaining = d["remaining"]
        usage = d["usage"]
        unlimited = d["unlimited"]
        reset = d["reset"]
        price = d["price"]
        expires_at = d["expires_at"]
    except KeyError:
        return read_breakdown(cls, check.with_missing(d, _BREAKDOWN_REQUIRED), path, errors)
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
    if reset is not None:
        d["reset"] = read_reset(TrackBalancesReset, reset, path + ("reset",), errors)
    if price is not None:
        d["price"] = read_price(TrackBalancesPrice, price, path + ("price",), errors)
    if expires_at is not None and (
        type(expires_at) is not int and (type(expires_at) is not float or expires_at - expires_at)
    ):
        d["expires_at"] = field(expires_at, path, "expires_at", errors, check.NUMBER_OR_NULL)
    if len(d) == 9:
        return obj
    known = 9
    if "id" in d:
        id = d["id"]
        known += 1
        if type(id) is not str:
            d["id"] = field(id, path, "id", errors, check.STRING)
    if "source" in d:
        source = d["source"]
        known += 1
        if type(source) is not str:
            d["source"] = field(source, path, "source", errors, check.STRING)
    if "allocation" in d:
        allocation = d["allocation"]
        known += 1
        if allocation is not None:
            d["allocation"] = read_allocation(
                TrackBalancesAllocation, allocation, path + ("allocation",), errors
            )
    if len(d) != known:
        d["extra"] = unknown_keys(d, _BREAKDOWN_KEYS, path, errors)
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
_BREAKDOWN_KEYS = frozenset(_BREAKDOWN_REQUIRED + ("id", "source", "allocation"))


@writes(TrackBalancesBreakdown)
def write_breakdown(obj: TrackBalancesBreakdown) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackBalancesBreakdown:  # see wire_dict
        d = wire_dict(obj)
    if d["reset"] is not None:
        d["reset"] = wire_dict(d["reset"])  # (what write_reset is)
    if d["price"] is not None:
        d["price"] = write_price(d["price"])
    if d.get("allocation") is not None:
        d["allocation"] = wire_dict(d["allocation"])
    return d
