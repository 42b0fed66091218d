"""The API 2.5.0 balance object and track response as msgspec frozen Structs.

Every field of the wire schema, in its order; an optional key is ``UNSET`` when
absent (and left out again on output), a nullable one may be ``None``; open
enums are ``str``; numbers stay ``int`` or ``float`` as sent. Like trackbalances,
one class stands for the three shapes of a credit schema item (and for both
shapes of a dimension), since msgspec takes no untagged union of Structs.
"""

from typing import Dict, Literal, Optional, Tuple, Union

from msgspec import UNSET, Struct, UnsetType

Number = Union[int, float]
To = Union[int, float, Literal["inf"]]


class Base(Struct, frozen=True, omit_defaults=True):
    pass


class TrackBalancesCreditTier(Base, frozen=True):
    to: To
    credit_cost: Number


class TrackBalancesDimension(Base, frozen=True):
    match: Dict[str, str]
    credit_cost: Union[Number, UnsetType] = UNSET
    tiers: Union[Tuple[TrackBalancesCreditTier, ...], UnsetType] = UNSET
    priority: Union[int, UnsetType] = UNSET
    tier_behavior: Union[str, UnsetType] = UNSET


class TrackBalancesMultiplier(Base, frozen=True):
    match: Dict[str, str]
    factor: Union[Number, UnsetType] = UNSET
    add: Union[Number, UnsetType] = UNSET


class TrackBalancesCreditSchema(Base, frozen=True):
    metered_feature_id: str
    credit_cost: Union[Number, UnsetType] = UNSET
    tiers: Union[Tuple[TrackBalancesCreditTier, ...], UnsetType] = UNSET
    billing_units: Union[Number, UnsetType] = UNSET
    dimensions: Union[Dict[str, TrackBalancesDimension], UnsetType] = UNSET
    multipliers: Union[Dict[str, TrackBalancesMultiplier], UnsetType] = UNSET
    tier_behavior: Union[str, UnsetType] = UNSET


class ModelMarkup(Base, frozen=True):
    markup: Union[Number, UnsetType] = UNSET
    input_cost: Union[Number, UnsetType] = UNSET
    output_cost: Union[Number, UnsetType] = UNSET


class ProviderMarkup(Base, frozen=True):
    markup: Number


class TrackBalancesDisplay(Base, frozen=True):
    singular: Union[str, None, UnsetType] = UNSET
    plural: Union[str, None, UnsetType] = UNSET


class Stripe(Base, frozen=True):
    product_id: Union[str, UnsetType] = UNSET
    meter_id: Union[str, UnsetType] = UNSET


class Processors(Base, frozen=True):
    stripe: Union[Stripe, UnsetType] = UNSET


class TrackBalancesFeature(Base, frozen=True):
    id: str
    name: str
    type: str
    consumable: bool
    archived: bool
    combine: Union[str, UnsetType] = UNSET
    event_names: Union[Tuple[str, ...], UnsetType] = UNSET
    credit_schema: Union[Tuple[TrackBalancesCreditSchema, ...], UnsetType] = UNSET
    model_markups: Union[Dict[str, ModelMarkup], None, UnsetType] = UNSET
    default_markup: Union[Number, UnsetType] = UNSET
    provider_markups: Union[Dict[str, ProviderMarkup], None, UnsetType] = UNSET
    display: Union[TrackBalancesDisplay, UnsetType] = UNSET
    processors: Union[Processors, UnsetType] = UNSET


class TrackBalancesReset(Base, frozen=True):
    interval: str
    resets_at: Optional[Number]
    interval_count: Union[Number, UnsetType] = UNSET


class TrackBalancesTier(Base, frozen=True):
    to: To
    amount: Number
    flat_amount: Union[Number, UnsetType] = UNSET


class TrackBalancesPrice(Base, frozen=True):
    billing_units: Number
    billing_method: str
    max_purchase: Optional[Number]
    amount: Union[Number, UnsetType] = UNSET
    tiers: Union[Tuple[TrackBalancesTier, ...], UnsetType] = UNSET
    tier_behavior: Union[str, UnsetType] = UNSET


class TrackBalancesAllocation(Base, frozen=True):
    amount: Number


class TrackBalancesBreakdown(Base, frozen=True):
    plan_id: Optional[str]
    included_grant: Number
    prepaid_grant: Number
    remaining: Number
    usage: Number
    unlimited: bool
    reset: Optional[TrackBalancesReset]
    price: Optional[TrackBalancesPrice]
    expires_at: Optional[Number]
    id: Union[str, UnsetType] = UNSET
    source: Union[str, UnsetType] = UNSET
    allocation: Union[TrackBalancesAllocation, None, UnsetType] = UNSET


class TrackBalancesRollover(Base, frozen=True):
    granted: Number
    balance: Number
    expires_at: Number


class TrackBalances(Base, frozen=True):
    feature_id: str
    granted: Number
    remaining: Number
    usage: Number
    unlimited: bool
    overage_allowed: bool
    max_purchase: Optional[Number]
    next_reset_at: Optional[Number]
    feature: Union[TrackBalancesFeature, UnsetType] = UNSET
    breakdown: Union[Tuple[TrackBalancesBreakdown, ...], UnsetType] = UNSET
    rollovers: Union[Tuple[TrackBalancesRollover, ...], UnsetType] = UNSET
    allocated: Union[Number, UnsetType] = UNSET
    unallocated: Union[Number, UnsetType] = UNSET


class TrackDeduction(Base, frozen=True):
    balance_id: str
    feature_id: str
    plan_id: Optional[str]
    reset: Optional[TrackBalancesReset]
    value: Number


class TrackResponse(Base, frozen=True):
    customer_id: str
    value: Number
    balance: Optional[TrackBalances]
    entity_id: Union[str, UnsetType] = UNSET
    event_name: Union[str, UnsetType] = UNSET
    balances: Union[Dict[str, Optional[TrackBalances]], UnsetType] = UNSET
    deductions: Union[Tuple[TrackDeduction, ...], UnsetType] = UNSET
