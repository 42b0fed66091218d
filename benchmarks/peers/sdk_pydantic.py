"""The balance models as the official Speakeasy-generated SDK writes them (pydantic v2).

Optional fields are ``Optional[...] = None``, nullable required fields are
``Nullable[...]``, the display fields are three-state with an ``UNSET`` sentinel,
enums are open (unknown strings pass), and every model has the SDK's wrap
``model_serializer`` that drops unset optionals.
"""

from __future__ import annotations

from typing import Dict, List, Literal, Optional, TypeVar, Union

from pydantic import BaseModel, ConfigDict, model_serializer
from pydantic.functional_validators import PlainValidator
from typing_extensions import Annotated, TypeAliasType


class Unset(BaseModel):
    @model_serializer(mode="plain")
    def serialize_model(self):
        return UNSET_SENTINEL

    def __bool__(self) -> Literal[False]:
        return False


UNSET = Unset()
UNSET_SENTINEL = "~?~unset~?~sentinel~?~"

T = TypeVar("T")
Nullable = TypeAliasType("Nullable", Union[T, None], type_params=(T,))
OptionalNullable = TypeAliasType(
    "OptionalNullable", Union[Optional[Nullable[T]], Unset], type_params=(T,)
)


def validate_open_enum(is_int: bool):
    def validate(value):
        if value is None or value is UNSET:
            return value
        if is_int:
            if not isinstance(value, int):
                raise ValueError("Expected int")
        elif not isinstance(value, str):
            raise ValueError("Expected string")
        return value

    return validate


class SDKBaseModel(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True, arbitrary_types_allowed=True, protected_namespaces=()
    )


def _serialize(self, handler, optional_fields, nullable_fields, null_default_fields=()):
    serialized = handler(self)
    m = {}
    for n, f in type(self).model_fields.items():
        k = f.alias or n
        val = serialized.get(k)
        serialized.pop(k, None)
        optional_nullable = k in optional_fields and k in nullable_fields
        is_set = self.__pydantic_fields_set__.intersection({n}) or k in null_default_fields
        # The SDK's two branches, written as one condition.
        if val != UNSET_SENTINEL and (
            val is not None or k not in optional_fields or (optional_nullable and is_set)
        ):
            m[k] = val
    return m


TrackBalancesType = Union[Literal["boolean", "metered", "credit_system"], str]
Interval = Union[
    Literal[
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
    ],
    str,
]
BillingMethod = Union[Literal["prepaid", "usage_based"], str]
To = Union[float, str]


class TrackBalancesCreditSchema(SDKBaseModel):
    metered_feature_id: str
    credit_cost: float


class TrackBalancesDisplay(SDKBaseModel):
    singular: OptionalNullable[str] = UNSET
    plural: OptionalNullable[str] = UNSET

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return _serialize(self, handler, ["singular", "plural"], ["singular", "plural"])


class TrackBalancesFeature(SDKBaseModel):
    id: str
    name: str
    type: Annotated[TrackBalancesType, PlainValidator(validate_open_enum(False))]
    consumable: bool
    archived: bool
    event_names: Optional[List[str]] = None
    credit_schema: Optional[List[TrackBalancesCreditSchema]] = None
    display: Optional[TrackBalancesDisplay] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return _serialize(self, handler, ["event_names", "credit_schema", "display"], [])


class TrackBalancesReset(SDKBaseModel):
    interval: Annotated[Interval, PlainValidator(validate_open_enum(False))]
    resets_at: Nullable[float]
    interval_count: Optional[float] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return _serialize(self, handler, ["interval_count"], ["resets_at"])


class TrackBalancesTier(SDKBaseModel):
    to: To
    amount: float


class TrackBalancesPrice(SDKBaseModel):
    billing_units: float
    billing_method: Annotated[BillingMethod, PlainValidator(validate_open_enum(False))]
    max_purchase: Nullable[float]
    amount: Optional[float] = None
    tiers: Optional[List[TrackBalancesTier]] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return _serialize(self, handler, ["amount", "tiers"], ["max_purchase"])


class TrackBalancesBreakdown(SDKBaseModel):
    plan_id: Nullable[str]
    included_grant: float
    prepaid_grant: float
    remaining: float
    usage: float
    unlimited: bool
    reset: Nullable[TrackBalancesReset]
    price: Nullable[TrackBalancesPrice]
    expires_at: Nullable[float]
    id: Optional[str] = ""

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return _serialize(self, handler, ["id"], ["plan_id", "reset", "price", "expires_at"])


class TrackBalancesRollover(SDKBaseModel):
    balance: float
    expires_at: float


class TrackBalances(SDKBaseModel):
    feature_id: str
    granted: float
    remaining: float
    usage: float
    unlimited: bool
    overage_allowed: bool
    max_purchase: Nullable[float]
    next_reset_at: Nullable[float]
    feature: Optional[TrackBalancesFeature] = None
    breakdown: Optional[List[TrackBalancesBreakdown]] = None
    rollovers: Optional[List[TrackBalancesRollover]] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return _serialize(
            self,
            handler,
            ["feature", "breakdown", "rollovers"],
            ["max_purchase", "next_reset_at"],
        )


class TrackResponse(SDKBaseModel):
    customer_id: str
    value: float
    balance: Nullable[TrackBalances]
    entity_id: Optional[str] = None
    event_name: Optional[str] = None
    balances: Optional[Dict[str, TrackBalances]] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return _serialize(self, handler, ["entity_id", "event_name", "balances"], ["balance"])
