"""The balance objects of ``POST /v1/balances.track``, as frozen dataclasses.

Each class reads and writes its payload through :meth:`from_dict` /
:meth:`to_dict` (``_decode`` and ``_encode`` hold the code of each class) and
:meth:`from_json` / :meth:`to_json`. A field whose key was not in the payload
is :data:`ABSENT`; ``None`` means the payload said null. Keys the schema does
not know (from a newer API version) are kept, read-only, in ``extra``.
Timestamps are Unix epoch milliseconds, as on the wire.
"""

import dataclasses

from . import _json
from ._absent import ABSENT
from ._checks import EMPTY
from ._errors import ValidationError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import (
        Any,
        Callable,
        ClassVar,
        Dict,
        Final,
        List,
        Literal,
        Mapping,
        Optional,
        Set,
        Tuple,
        Type,
        TypeVar,
        Union,
        overload,
    )

    from typing_extensions import dataclass_transform

    from ._absent import AbsentType
    from ._checks import Errors

    Number = Union[int, float]
    FeatureTypeLiteral = Literal["boolean", "metered", "credit_system"]
    ResetIntervalLiteral = Literal[
        "one_off",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "quarter",
        "semi_annual",
        "year",
        "multiple",
    ]
    BillingMethodLiteral = Literal["prepaid", "usage_based"]
    _M = TypeVar("_M", bound="_Model")


class FeatureType:
    """The known values of :attr:`TrackBalancesFeature.type`. The API may add others."""

    BOOLEAN: "Final" = "boolean"
    METERED: "Final" = "metered"
    CREDIT_SYSTEM: "Final" = "credit_system"


class ResetInterval:
    """The known values of :attr:`TrackBalancesReset.interval`. The API may add others."""

    ONE_OFF: "Final" = "one_off"
    MINUTE: "Final" = "minute"
    HOUR: "Final" = "hour"
    DAY: "Final" = "day"
    WEEK: "Final" = "week"
    MONTH: "Final" = "month"
    QUARTER: "Final" = "quarter"
    SEMI_ANNUAL: "Final" = "semi_annual"
    YEAR: "Final" = "year"
    MULTIPLE: "Final" = "multiple"
    """Combined from different intervals."""


class BillingMethod:
    """The known values of :attr:`TrackBalancesPrice.billing_method` (the API may add others)."""

    PREPAID: "Final" = "prepaid"
    USAGE_BASED: "Final" = "usage_based"


models: "Set[type]" = set()
"""The model classes themselves, not their subclasses."""


class _Model:
    """What every model shares: construction, immutability, comparison, the four
    conversions and ``repr``.

    ``@dataclass(frozen=True)`` would write ``__init__``, ``__setattr__``,
    ``__delattr__``, ``__eq__`` and ``__hash__`` as source for every class and
    ``exec()`` each one, which costs three times the rest of the import; they
    are written once here instead, with the same behaviour (see ``_model``).
    """

    __slots__ = ()

    # Set by ``@dataclass`` and ``_model`` for each class.
    __dataclass_fields__: "ClassVar[Dict[str, dataclasses.Field[Any]]]"
    _defaults: "ClassVar[Dict[str, Any]]"
    # Set by the hand-written function of each class in ``_decode`` / ``_encode``.
    __tb_decoder__: "ClassVar[Callable[..., Any]]"
    __tb_encoder__: "ClassVar[Callable[..., Dict[str, Any]]]"

    def __init__(self, *args: "Any", **kwargs: "Any") -> None:
        # The dataclass __init__: positional in field order, or by keyword; not validated.
        cls = type(self)
        names = cls.__dataclass_fields__
        if len(args) > len(names):
            raise TypeError(
                "%s() takes at most %d arguments (%d given)" % (cls.__name__, len(names), len(args))
            )
        values = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in names:
                raise TypeError("%s() got an unexpected keyword argument %r" % (cls.__name__, name))
            if name in values:
                raise TypeError("%s() got multiple values for argument %r" % (cls.__name__, name))
            values[name] = value
        if len(values) < len(names):
            for name, default in cls._defaults.items():
                values.setdefault(name, default)
            missing = [name for name in names if name not in values]
            if missing:
                raise TypeError(
                    "%s() missing required arguments: %s" % (cls.__name__, ", ".join(missing))
                )
        object.__setattr__(self, "__dict__", {name: values[name] for name in names})

    def __setattr__(self, name: str, value: object) -> None:
        # What @dataclass(frozen=True) writes, once for all: fields can never be
        # set, other attributes only on a subclass.
        if type(self) in models or name in self.__dataclass_fields__:
            raise dataclasses.FrozenInstanceError("cannot assign to field %r" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if type(self) in models or name in self.__dataclass_fields__:
            raise dataclasses.FrozenInstanceError("cannot delete field %r" % name)
        object.__delattr__(self, name)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def _values(self) -> "Tuple[Any, ...]":
        return tuple([getattr(self, name) for name in self.__dataclass_fields__])

    @classmethod
    def from_dict(cls: "Type[_M]", data: "Mapping[str, Any]") -> "_M":
        """Validate a decoded JSON object and build the model from it.

        Raises :class:`ValidationError` listing every problem. ``data`` is
        not changed and shares no container with the result.
        """
        errors: "Errors" = []
        obj: "_M" = cls.__tb_decoder__(cls, data, (), errors)
        if errors:
            raise ValidationError(errors)
        return obj

    def to_dict(self) -> "Dict[str, Any]":
        """The payload as plain ``dict``, ``list`` and scalars, exactly as it was read:
        absent keys stay absent, null stays null, unknown keys come back."""
        return self.__tb_encoder__(self)

    @classmethod
    def from_json(cls: "Type[_M]", text: "Union[str, bytes, bytearray]") -> "_M":
        """:meth:`from_dict` of a JSON document; bad JSON is a :class:`ValidationError` too."""
        return cls.from_dict(_json.loads(text))

    def to_json(self, *, indent: "Union[int, str, None]" = None) -> str:
        """:meth:`to_dict` as JSON text (compact unless ``indent`` is given)."""
        return _json.dumps(self.to_dict(), indent)

    def __repr__(self) -> str:
        # Only what the payload had: ABSENT fields and an empty ``extra`` are left out.
        shown: "List[str]" = []
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if value is not ABSENT and not (name == "extra" and not value):
                shown.append("%s=%r" % (name, value))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))


if TYPE_CHECKING:

    @overload
    def utc_datetime(milliseconds: "Number") -> "datetime": ...
    @overload
    def utc_datetime(milliseconds: None) -> None: ...


def utc_datetime(milliseconds: "Optional[Number]") -> "Optional[datetime]":
    """An epoch-millisecond timestamp as an aware UTC datetime; None for None."""
    if milliseconds is None:
        return None
    from datetime import datetime, timedelta, timezone  # not imported with the package

    # Exact to the millisecond, unlike datetime.fromtimestamp(milliseconds / 1000).
    return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=milliseconds)


if TYPE_CHECKING:
    # What type checkers see: a frozen dataclass with its __init__ (PEP 681).
    @dataclass_transform(frozen_default=True)
    def _model(cls: Type[_M]) -> Type[_M]: ...

else:

    def _model(cls):
        """A frozen dataclass whose __init__, __eq__, __hash__, __setattr__ and
        __delattr__ come from ``_Model``."""
        cls = dataclasses.dataclass(init=False, eq=False, repr=False)(cls)
        cls.__dataclass_params__.frozen = True  # as @dataclass(frozen=True) would say
        models.add(cls)
        cls._defaults = {
            name: field.default
            for name, field in cls.__dataclass_fields__.items()
            if field.default is not dataclasses.MISSING
        }
        return cls


@_model
class TrackBalancesCreditSchema(_Model):
    """How many credits one unit of a metered feature costs (``feature.credit_schema[]``).

    Attributes:
        metered_feature_id: The metered feature that draws on the credit system.
        credit_cost: Credits charged per unit of that feature.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    metered_feature_id: str
    credit_cost: "Number"
    extra: "Mapping[str, Any]" = EMPTY


@_model
class TrackBalancesDisplay(_Model):
    """How to name the feature's unit (``feature.display``).

    Each key may be absent, null or a string.

    Attributes:
        singular: The unit's name for one, e.g. ``"message"``.
        plural: The unit's name for several, e.g. ``"messages"``.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    singular: "Union[str, None, AbsentType]" = ABSENT
    plural: "Union[str, None, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY


@_model
class TrackBalancesFeature(_Model):
    """The full feature object, present if expanded (``feature``).

    Attributes:
        id: The feature ID.
        name: The feature's display name.
        type: ``"boolean"``, ``"metered"`` or ``"credit_system"`` (see
            :class:`FeatureType`); a value from a newer API is kept as given.
        consumable: Whether usage is consumed (and so can run out).
        archived: Whether the feature is archived.
        event_names: The event names that count towards this feature.
        credit_schema: For a credit system, what each metered feature costs.
        display: How to name the feature's unit.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    id: str
    name: str
    type: "Union[FeatureTypeLiteral, str]"
    consumable: bool
    archived: bool
    event_names: "Union[Tuple[str, ...], AbsentType]" = ABSENT
    credit_schema: "Union[Tuple[TrackBalancesCreditSchema, ...], AbsentType]" = ABSENT
    display: "Union[TrackBalancesDisplay, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY


@_model
class TrackBalancesReset(_Model):
    """When a breakdown entry resets (``breakdown[].reset``).

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
    resets_at: "Union[Number, None]"
    interval_count: "Union[Number, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY

    @property
    def resets_at_datetime(self) -> "Optional[datetime]":
        """``resets_at`` as an aware UTC datetime; None where the payload said null."""
        return utc_datetime(self.resets_at)


@_model
class TrackBalancesTier(_Model):
    """One tier of tiered pricing (``breakdown[].price.tiers[]``).

    Attributes:
        to: The upper bound of the tier, or the string ``"inf"`` for no bound.
        amount: The price amount of the tier.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    to: "Union[Number, Literal['inf']]"
    amount: "Number"
    extra: "Mapping[str, Any]" = EMPTY


@_model
class TrackBalancesPrice(_Model):
    """Pricing of a breakdown entry with usage-based pricing (``breakdown[].price``).

    Attributes:
        billing_units: The number of units per billing increment (eg. $9 / 250 units).
        billing_method: Whether usage is prepaid or billed pay-per-use:
            ``"prepaid"`` or ``"usage_based"`` (see :class:`BillingMethod`); a
            value from a newer API is kept as given.
        max_purchase: Maximum quantity that can be purchased, or null for unlimited.
        amount: The per-unit price amount.
        tiers: Tiered pricing configuration if applicable.
        extra: Keys the schema does not know, kept as given (read-only).
    """

    billing_units: "Number"
    billing_method: "Union[BillingMethodLiteral, str]"
    max_purchase: "Union[Number, None]"
    amount: "Union[Number, AbsentType]" = ABSENT
    tiers: "Union[Tuple[TrackBalancesTier, ...], AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY


@_model
class TrackBalancesBreakdown(_Model):
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
        extra: Keys the schema does not know, kept as given (read-only).
    """

    plan_id: "Union[str, None]"
    included_grant: "Number"
    prepaid_grant: "Number"
    remaining: "Number"
    usage: "Number"
    unlimited: bool
    reset: "Union[TrackBalancesReset, None]"
    price: "Union[TrackBalancesPrice, None]"
    expires_at: "Union[Number, None]"
    id: "Union[str, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY

    @property
    def expires_at_datetime(self) -> "Optional[datetime]":
        """``expires_at`` as an aware UTC datetime; None (never expires) for null."""
        return utc_datetime(self.expires_at)


@_model
class TrackBalancesRollover(_Model):
    """Balance carried over from a previous period (``rollovers[]``).

    Attributes:
        balance: Amount of balance rolled over from a previous period.
        expires_at: Timestamp when the rollover balance expires (epoch milliseconds).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    balance: "Number"
    expires_at: "Number"
    extra: "Mapping[str, Any]" = EMPTY

    @property
    def expires_at_datetime(self) -> "datetime":
        """``expires_at`` as an aware UTC datetime."""
        return utc_datetime(self.expires_at)


@_model
class TrackBalances(_Model):
    """The balance of one feature for a customer, as ``POST /v1/balances.track`` returns it.

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
        extra: Keys the schema does not know, kept as given (read-only).
    """

    feature_id: str
    granted: "Number"
    remaining: "Number"
    usage: "Number"
    unlimited: bool
    overage_allowed: bool
    max_purchase: "Union[Number, None]"
    next_reset_at: "Union[Number, None]"
    feature: "Union[TrackBalancesFeature, AbsentType]" = ABSENT
    breakdown: "Union[Tuple[TrackBalancesBreakdown, ...], AbsentType]" = ABSENT
    rollovers: "Union[Tuple[TrackBalancesRollover, ...], AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY

    @property
    def next_reset_at_datetime(self) -> "Optional[datetime]":
        """``next_reset_at`` as an aware UTC datetime; None (no reset) for null."""
        return utc_datetime(self.next_reset_at)

    def can_use(self, units: "Number" = 1) -> bool:
        """Whether ``units`` more can be used now: the feature is unlimited, or
        overage is allowed, or at least that much remains."""
        return self.unlimited or self.overage_allowed or self.remaining >= units

    @property
    def rolled_over(self) -> "Number":
        """The total balance carried over from previous periods (0 without rollovers)."""
        if self.rollovers is ABSENT:
            return 0
        return sum(rollover.balance for rollover in self.rollovers)

    def breakdown_by_plan(self) -> "Dict[Optional[str], Tuple[TrackBalancesBreakdown, ...]]":
        """The breakdown entries grouped by ``plan_id`` (None: standalone balances),
        in the order the plans first appear."""
        groups: "Dict[Optional[str], Tuple[TrackBalancesBreakdown, ...]]" = {}
        if self.breakdown is not ABSENT:
            for entry in self.breakdown:
                groups[entry.plan_id] = groups.get(entry.plan_id, ()) + (entry,)
        return groups


@_model
class TrackResponse(_Model):
    """The whole 200 response of ``POST /v1/balances.track``.

    Attributes:
        customer_id: The ID of the customer whose usage was tracked.
        value: The amount of usage that was recorded.
        balance: The updated balance for the tracked feature. Null if
            tracking by event_name that affects multiple features.
        entity_id: The ID of the entity, if entity-scoped tracking was performed.
        event_name: The event name that was tracked, if event_name was used
            instead of feature_id.
        balances: Map of feature_id to updated balance when tracking by
            event_name affects multiple features (read-only).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    customer_id: str
    value: "Number"
    balance: "Union[TrackBalances, None]"
    entity_id: "Union[str, AbsentType]" = ABSENT
    event_name: "Union[str, AbsentType]" = ABSENT
    balances: "Union[Mapping[str, TrackBalances], AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY

    def all_balances(self) -> "Dict[str, TrackBalances]":
        """Every balance of the response by feature ID: ``balances``, and ``balance``
        under its own ``feature_id``."""
        found = {} if self.balances is ABSENT else dict(self.balances)
        if self.balance is not None:
            found[self.balance.feature_id] = self.balance
        return found
