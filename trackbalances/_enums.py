"""The open enums: the known values of the string fields that the API may extend.

Each is a class of constants (``FeatureType.METERED == "metered"``) that can be
listed (``list(FeatureType)``) and asked (``value in FeatureType``). A payload's
value is kept as the plain string it is, known or not; ``Literal`` types of the
known values (``FeatureTypeLiteral`` and so on) exist for type checkers.
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sys
    from typing import Dict, Iterator, Tuple

    if sys.version_info >= (3, 8):
        from typing import Final, Literal
    else:  # see _absent
        from typing_extensions import Final, Literal

    FeatureTypeLiteral = Literal["boolean", "metered", "credit_system", "ai_credit_system"]
    FeatureCombineLiteral = Literal["sum", "max", "min"]
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
    TierBehaviorLiteral = Literal["graduated", "volume"]
    BreakdownSourceLiteral = Literal["customer", "entity"]
else:
    # What get_type_hints() resolves the field annotations to, made only then.
    from ._hints import literal

    FeatureTypeLiteral = literal("boolean", "metered", "credit_system", "ai_credit_system")
    FeatureCombineLiteral = literal("sum", "max", "min")
    ResetIntervalLiteral = literal(
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
    )
    BillingMethodLiteral = literal("prepaid", "usage_based")
    TierBehaviorLiteral = literal("graduated", "volume")
    BreakdownSourceLiteral = literal("customer", "entity")


class OpenEnum(type):
    """The type of the constant classes below: iterating one gives its known values."""

    _values: "Tuple[str, ...]"

    def __init__(cls, name: str, bases: "Tuple[type, ...]", namespace: "Dict[str, object]") -> None:
        super().__init__(name, bases, namespace)
        cls._values = tuple(v for k, v in namespace.items() if k.isupper() and type(v) is str)

    def __iter__(cls) -> "Iterator[str]":
        return iter(cls._values)

    def __len__(cls) -> int:
        return len(cls._values)

    def __contains__(cls, value: object) -> bool:
        return value in cls._values

    def __repr__(cls) -> str:
        return "<open enum %s: %s>" % (cls.__name__, ", ".join(cls._values))


class FeatureType(metaclass=OpenEnum):
    """The known values of :attr:`TrackBalancesFeature.type`. The API may add others."""

    BOOLEAN: "Final" = "boolean"
    """On/off access."""
    METERED: "Final" = "metered"
    """Usage-tracked features."""
    CREDIT_SYSTEM: "Final" = "credit_system"
    """Unified credit pools."""
    AI_CREDIT_SYSTEM: "Final" = "ai_credit_system"
    """Model-based token pricing (API 2.5.0)."""


class FeatureCombine(metaclass=OpenEnum):
    """The known values of :attr:`TrackBalancesFeature.combine`. The API may add others."""

    SUM: "Final" = "sum"
    MAX: "Final" = "max"
    MIN: "Final" = "min"


class ResetInterval(metaclass=OpenEnum):
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


class BillingMethod(metaclass=OpenEnum):
    """The known values of :attr:`TrackBalancesPrice.billing_method`. The API may add others."""

    PREPAID: "Final" = "prepaid"
    USAGE_BASED: "Final" = "usage_based"


class TierBehavior(metaclass=OpenEnum):
    """The known values of ``tier_behavior`` (of a price, a credit schema item, a
    dimension). The API may add others."""

    GRADUATED: "Final" = "graduated"
    """Usage is split across the tiers' bands."""
    VOLUME: "Final" = "volume"
    """The tier that the whole usage falls in sets the rate."""


class BreakdownSource(metaclass=OpenEnum):
    """The known values of :attr:`TrackBalancesBreakdown.source`. The API may add others."""

    CUSTOMER: "Final" = "customer"
    """Credits shared at the customer level."""
    ENTITY: "Final" = "entity"
    """Credits owned by the entity."""
