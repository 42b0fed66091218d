"""The whole response of ``POST /v1/balances.track`` (200, or 202 when the event
is queued: the same shape) and its deductions. Each class, then the function
that reads it and the one that writes it (the inline tests are explained in
``_breakdown``).
"""

# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from . import _checks as check
from ._absent import ABSENT
from ._balance import TrackBalances, read_balance, write_balance
from ._breakdown import TrackBalancesReset, read_reset
from ._errors import FIRST_PROBLEM
from ._frozen import EMPTY, FrozenMap
from ._hints import Any, Mapping, Tuple, Union
from ._jsonvalue import contents
from ._model import Model, model, own_dict, reads, set_own_dict, wire_dict, writes
from ._values import unknown_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Optional, Type

    from ._absent import AbsentType
    from ._checks import Errors
    from ._errors import Path
else:
    from ._absent import AbsentType

field = check.field
exact_keyed = check.exact_keyed
_new = object.__new__


@model
class TrackDeduction(Model):
    """What the tracked event deducted from one balance row (``deductions[]``).

    A single event can consume from several balance rows when credit systems
    or rollovers are involved; each is listed, so that callers can build
    per-feature usage views without polling.

    Attributes:
        balance_id: ID of the underlying balance row that was deducted from
            (customer_entitlement or rollover).
        feature_id: The feature this balance belongs to.
        plan_id: ID of the plan/product this balance belongs to. Null when the
            balance can't be attributed to a single plan (e.g. it spans multiple).
        reset: Reset configuration for the balance this deduction came from,
            or null if the balance doesn't reset.
        value: Amount deducted from this balance. Positive when usage was
            consumed, negative when credit was restored (e.g. a refund via
            negative track value).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    balance_id: str
    feature_id: str
    plan_id: "Union[str, None]"
    reset: "Union[TrackBalancesReset, None]"
    value: "Union[int, float]"
    extra: "Mapping[str, Any]" = EMPTY


@reads(TrackDeduction)
def read_deduction(
    cls: "Type[TrackDeduction]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackDeduction]":
    if type(data) is not dict:
        return check.as_dict(read_deduction, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_deduction(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        balance_id = d["balance_id"]
        feature_id = d["feature_id"]
        plan_id = d["plan_id"]
        reset = d["reset"]
        value = d["value"]
    except KeyError:
        return read_deduction(cls, check.with_missing(d, _DEDUCTION_KEYS_IN_ORDER), path, errors)
    if type(balance_id) is not str:
        d["balance_id"] = field(balance_id, path, "balance_id", errors, check.STRING)
    if type(feature_id) is not str:
        d["feature_id"] = field(feature_id, path, "feature_id", errors, check.STRING)
    if plan_id is not None and type(plan_id) is not str:
        d["plan_id"] = field(plan_id, path, "plan_id", errors, check.STRING_OR_NULL)
    if reset is not None:
        d["reset"] = read_reset(TrackBalancesReset, reset, path + ("reset",), errors)
    if type(value) is not int and (type(value) is not float or value - value):
        d["value"] = field(value, path, "value", errors, check.NUMBER_ANY)
    if len(d) != 5:
        d["extra"] = unknown_keys(d, _DEDUCTION_KEYS, path, errors)
    return obj


_DEDUCTION_KEYS_IN_ORDER = ("balance_id", "feature_id", "plan_id", "reset", "value")
_DEDUCTION_KEYS = frozenset(_DEDUCTION_KEYS_IN_ORDER)


@writes(TrackDeduction)
def write_deduction(obj: TrackDeduction) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackDeduction:  # see wire_dict
        d = wire_dict(obj)
    if d["reset"] is not None:
        d["reset"] = wire_dict(d["reset"])  # (what write_reset is)
    return d


@model
class TrackResponse(Model):
    """The whole response of ``POST /v1/balances.track``: 200 when the event was
    tracked, or 202 when it was queued (the same shape, with ``balance`` null and
    no ``balances``), which API 2.5.0 does unless the request says ``"async": false``.

    Attributes:
        customer_id: The ID of the customer whose usage was tracked.
        value: The amount of usage that was recorded.
        balance: The updated balance for the tracked feature. Null if
            tracking by event_name that affects multiple features, and in a 202
            answer.
        entity_id: The ID of the entity, if entity-scoped tracking was performed.
        event_name: The event name that was tracked, if event_name was used
            instead of feature_id.
        balances: Map of feature_id to updated balance for the tracked feature
            and any related features (e.g. linked credit systems); a value is
            null when the customer has no balance for that feature (read-only).
        deductions: Per-balance breakdown of what this event deducted
            (API 2.3.0 on).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    customer_id: str
    value: "Union[int, float]"
    balance: "Union[TrackBalances, None]"
    entity_id: "Union[str, AbsentType]" = ABSENT
    event_name: "Union[str, AbsentType]" = ABSENT
    balances: "Union[Mapping[str, Union[TrackBalances, None]], AbsentType]" = ABSENT
    deductions: "Union[Tuple[TrackDeduction, ...], AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY

    def all_balances(self) -> "Dict[str, TrackBalances]":
        """Every balance of the response by feature ID: ``balances`` (less its
        null entries), and ``balance`` under its own ``feature_id``."""
        found: "Dict[str, TrackBalances]" = {}
        if self.balances is not ABSENT:
            for feature_id, balance in self.balances.items():
                if balance is not None:
                    found[feature_id] = balance
        if self.balance is not None:
            found[self.balance.feature_id] = self.balance
        return found


@reads(TrackResponse)
def read_response(
    cls: "Type[TrackResponse]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackResponse]":
    if type(data) is not dict:
        return check.as_dict(read_response, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_response(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        customer_id = d["customer_id"]
        value = d["value"]
        balance = d["balance"]
    except KeyError:
        required = ("customer_id", "value", "balance")
        return read_response(cls, check.with_missing(d, required), path, errors)
    if type(customer_id) is not str:
        d["customer_id"] = field(customer_id, path, "customer_id", errors, check.STRING)
    if type(value) is not int and (type(value) is not float or value - value):
        d["value"] = field(value, path, "value", errors, check.NUMBER_ANY)
    if balance is not None:
        d["balance"] = read_balance(TrackBalances, balance, path + ("balance",), errors)
    if len(d) == 3:
        return obj
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
        known += 1
        d["balances"] = check.object_map(
            read_balance, TrackBalances, d["balances"], path, "balances", errors, nullable=True
        )
    if "deductions" in d:
        known += 1
        d["deductions"] = check.objects(
            read_deduction, TrackDeduction, d["deductions"], path, "deductions", errors
        )
    if len(d) != known:
        d["extra"] = unknown_keys(d, _RESPONSE_KEYS, path, errors)
    return obj


_RESPONSE_KEYS = frozenset(
    ("customer_id", "value", "balance", "entity_id", "event_name", "balances", "deductions")
)


@writes(TrackResponse)
def write_response(obj: TrackResponse) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackResponse:  # see wire_dict
        d = wire_dict(obj)
    if d["balance"] is not None:
        d["balance"] = write_balance(d["balance"])
    if "balances" in d:
        balances = d["balances"]
        if type(balances) is FrozenMap:  # its own dict's items, not those of a copy
            balances = contents(balances)
        d["balances"] = {
            key: None if balance is None else write_balance(balance)
            for key, balance in balances.items()
        }
    if "deductions" in d:
        d["deductions"] = [write_deduction(deduction) for deduction in d["deductions"]]
    return d
