"""An imitation of the official SDK's models (autumn-sdk 1.2.0, API 2.5.0), for
the interpreters the SDK does not install on (it needs Python 3.10).

pydantic v2 models written as Speakeasy generates them in autumn_sdk/models/
balance.py and trackop.py: the same fields, types and defaults (``Optional`` and
``Nullable`` fields, ``OptionalNullable`` ones defaulting to ``UNSET``, open enums
through ``UnrecognizedStr``, constants through ``validate_const``, the credit
schema item a union of its three shapes and a dimension of its two) and, on each
model that has one there, the same wrap ``model_serializer``. The SDK's classes
that differ only in name (``BalanceDimensions1`` to ``6``...) are one class here.
On CPython 3.10 and newer, ``run.py`` checks that this gives what the SDK gives.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypeVar, Union

from pydantic import BaseModel as PydanticBaseModel
from pydantic import ConfigDict, Field, model_serializer
from pydantic.functional_validators import AfterValidator
from pydantic_core import core_schema
from typing_extensions import Annotated, Literal, TypeAliasType  # Literal: Python 3.7

# -- autumn_sdk/types/basemodel.py -------------------------------------------------------------


class BaseModel(PydanticBaseModel):
    model_config = ConfigDict(
        populate_by_name=True, arbitrary_types_allowed=True, protected_namespaces=()
    )


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


class UnrecognizedStr(str):
    @classmethod
    def __get_pydantic_core_schema__(cls, _source_type: Any, _handler: Any):
        def validate_lax(v: Any) -> UnrecognizedStr:
            return v if isinstance(v, cls) else cls(str(v))

        return core_schema.lax_or_strict_schema(
            lax_schema=core_schema.chain_schema(
                [
                    core_schema.str_schema(),
                    core_schema.no_info_plain_validator_function(validate_lax),
                ]
            ),
            strict_schema=core_schema.none_schema(),
        )


# -- autumn_sdk/utils/serializers.py -----------------------------------------------------------


def validate_const(v):
    def validate(c):
        if c is None:
            return None
        if v != c:
            raise ValueError(f"Expected {v}")
        return c

    return validate


def serialize(self, handler, optional_fields, nullable_fields=None):
    """The body of the SDK's ``serialize_model``, which it repeats in every model
    (without the ``nullable_fields`` test in the models that have none)."""
    serialized = handler(self)
    m = {}
    for n, f in type(self).model_fields.items():
        k = f.alias or n
        val = serialized.get(k, serialized.get(n))
        if nullable_fields is None:
            if val != UNSET_SENTINEL and (val is not None or k not in optional_fields):
                m[k] = val
            continue
        is_nullable_and_explicitly_set = k in nullable_fields and (
            self.__pydantic_fields_set__.intersection({n})
        )
        if val != UNSET_SENTINEL and (
            val is not None or k not in optional_fields or is_nullable_and_explicitly_set
        ):
            m[k] = val
    return m


Graduated = Annotated[
    Annotated[Literal["graduated"], AfterValidator(validate_const("graduated"))],
    Field(alias="tier_behavior"),
]
ToUnion = TypeAliasType("ToUnion", Union[float, Literal["inf"]])

# -- autumn_sdk/models/balance.py --------------------------------------------------------------


class BalanceDimensionsTier(BaseModel):
    to: ToUnion
    credit_cost: float


class BalanceDimensionsFlat(BaseModel):  # BalanceDimensions2, 4, 6
    match: Dict[str, str]
    credit_cost: float
    priority: Optional[int] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"priority"})


class BalanceDimensionsTiered(BaseModel):  # BalanceDimensions1, 3, 5
    match: Dict[str, str]
    tiers: List[BalanceDimensionsTier]
    priority: Optional[int] = None
    tier_behavior: Graduated = "graduated"

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"priority"})


BalanceDimensionsUnion = TypeAliasType(
    "BalanceDimensionsUnion", Union[BalanceDimensionsFlat, BalanceDimensionsTiered]
)


class BalanceMultipliers(BaseModel):
    match: Dict[str, str]
    factor: Optional[float] = None
    add: Optional[float] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"factor", "add"})


class BalanceCreditSchema2(BaseModel):
    metered_feature_id: str
    credit_cost: float
    billing_units: Optional[float] = None
    dimensions: Optional[Dict[str, BalanceDimensionsUnion]] = None
    multipliers: Optional[Dict[str, BalanceMultipliers]] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"billing_units", "dimensions", "multipliers"})


class BalanceCreditSchema3(BaseModel):
    credit_cost: float
    metered_feature_id: Annotated[
        Annotated[Literal[""], AfterValidator(validate_const(""))],
        Field(alias="metered_feature_id"),
    ] = ""
    billing_units: Optional[float] = None
    dimensions: Optional[Dict[str, BalanceDimensionsUnion]] = None
    multipliers: Optional[Dict[str, BalanceMultipliers]] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"billing_units", "dimensions", "multipliers"})


class BalanceCreditSchema1(BaseModel):
    metered_feature_id: str
    tiers: List[BalanceDimensionsTier]  # BalanceFeatureTier: the same fields
    billing_units: Optional[float] = None
    dimensions: Optional[Dict[str, BalanceDimensionsUnion]] = None
    multipliers: Optional[Dict[str, BalanceMultipliers]] = None
    tier_behavior: Graduated = "graduated"

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"billing_units", "dimensions", "multipliers"})


BalanceCreditSchemaUnion = TypeAliasType(
    "BalanceCreditSchemaUnion",
    Union[BalanceCreditSchema2, BalanceCreditSchema3, BalanceCreditSchema1],
)


class BalanceModelMarkups(BaseModel):
    markup: Optional[float] = None
    input_cost: Optional[float] = None
    output_cost: Optional[float] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"markup", "input_cost", "output_cost"})


class BalanceProviderMarkups(BaseModel):
    markup: float


class BalanceDisplay(BaseModel):
    singular: OptionalNullable[str] = UNSET
    plural: OptionalNullable[str] = UNSET

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"singular", "plural"}, {"singular", "plural"})


class BalanceStripe(BaseModel):
    product_id: Optional[str] = None
    meter_id: Optional[str] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"product_id", "meter_id"})


class BalanceProcessors(BaseModel):
    stripe: Optional[BalanceStripe] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"stripe"})


def open_enum(*values):
    return Union[Literal[values], UnrecognizedStr]


class BalanceFeature(BaseModel):
    id: str
    name: str
    type: open_enum("boolean", "metered", "credit_system", "ai_credit_system")
    consumable: bool
    archived: bool
    combine: Optional[open_enum("sum", "max", "min")] = None
    event_names: Optional[List[str]] = None
    credit_schema: Optional[List[BalanceCreditSchemaUnion]] = None
    model_markups: OptionalNullable[Dict[str, BalanceModelMarkups]] = UNSET
    default_markup: Optional[float] = None
    provider_markups: OptionalNullable[Dict[str, BalanceProviderMarkups]] = UNSET
    display: Optional[BalanceDisplay] = None
    processors: Optional[BalanceProcessors] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        optional = {"combine", "event_names", "credit_schema", "model_markups"}
        optional |= {"default_markup", "provider_markups", "display", "processors"}
        return serialize(self, handler, optional, {"model_markups", "provider_markups"})


Interval = open_enum(
    "one_off", "minute", "hour", "day", "week", "month", "quarter", "semi_annual", "year"
)
BalanceIntervalUnion = TypeAliasType("BalanceIntervalUnion", Union[Interval, str])


class BalanceReset(BaseModel):  # TrackReset1 too
    interval: BalanceIntervalUnion
    resets_at: Nullable[float]
    interval_count: Optional[float] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"interval_count"}, {"resets_at"})


class BreakdownTier(BaseModel):
    to: TypeAliasType("BreakdownTo", Union[float, str])
    amount: float
    flat_amount: Optional[float] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"flat_amount"})


class BalancePrice(BaseModel):
    billing_units: float
    billing_method: open_enum("prepaid", "usage_based")
    max_purchase: Nullable[float]
    amount: Optional[float] = None
    tiers: Optional[List[BreakdownTier]] = None
    tier_behavior: Optional[open_enum("graduated", "volume")] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, {"amount", "tiers", "tier_behavior"}, {"max_purchase"})


class BalanceAllocation(BaseModel):
    amount: float


class Breakdown(BaseModel):
    plan_id: Nullable[str]
    included_grant: float
    prepaid_grant: float
    remaining: float
    usage: float
    unlimited: bool
    reset: Nullable[BalanceReset]
    price: Nullable[BalancePrice]
    expires_at: Nullable[float]
    id: Optional[str] = ""
    source: Optional[open_enum("customer", "entity")] = None
    allocation: OptionalNullable[BalanceAllocation] = UNSET

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        nullable = {"plan_id", "reset", "price", "expires_at", "allocation"}
        return serialize(self, handler, {"id", "source", "allocation"}, nullable)


class BalanceRollover(BaseModel):
    granted: float
    balance: float
    expires_at: float


class Balance(BaseModel):
    feature_id: str
    granted: float
    remaining: float
    usage: float
    unlimited: bool
    overage_allowed: bool
    max_purchase: Nullable[float]
    next_reset_at: Nullable[float]
    feature: Optional[BalanceFeature] = None
    breakdown: Optional[List[Breakdown]] = None
    rollovers: Optional[List[BalanceRollover]] = None
    allocated: Optional[float] = None
    unallocated: Optional[float] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        optional = {"feature", "breakdown", "rollovers", "allocated", "unallocated"}
        return serialize(self, handler, optional, {"max_purchase", "next_reset_at"})


# -- autumn_sdk/models/trackop.py --------------------------------------------------------------


class TrackDeduction1(BaseModel):
    balance_id: str
    feature_id: str
    plan_id: Nullable[str]
    reset: Nullable[BalanceReset]
    value: float

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return serialize(self, handler, ())


class TrackResponseBody1(BaseModel):
    customer_id: str
    value: float
    balance: Nullable[Balance]
    entity_id: Optional[str] = None
    event_name: Optional[str] = None
    balances: Optional[Dict[str, Nullable[Balance]]] = None
    deductions: Optional[List[TrackDeduction1]] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        optional = {"entity_id", "event_name", "balances", "deductions"}
        return serialize(self, handler, optional, {"balance"})


for _model in (BalanceDimensionsTiered, BalanceCreditSchema3, BalanceCreditSchema1):
    _model.model_rebuild()
