"""The API 2.5.0 balance object and track response as plain frozen dataclasses,
the idiom of cattrs and mashumaro.

Every field of the wire schema, in its order; open enums are ``str``. An
optional key is ``Optional[...] = None``: these libraries have no way to tell an
absent key from a null one. One class stands for the three shapes of a credit
schema item (and for both shapes of a dimension), as in trackbalances.
"""

from dataclasses import dataclass
from typing import Dict, List, Optional, Union

Number = Union[int, float]
To = Union[int, float, str]  # a number, or "inf"


@dataclass(frozen=True)
class TrackBalancesCreditTier:
    to: To
    credit_cost: Number


@dataclass(frozen=True)
class TrackBalancesDimension:
    match: Dict[str, str]
    credit_cost: Optional[Number] = None
    tiers: Optional[List[TrackBalancesCreditTier]] = None
    priority: Optional[int] = None
    tier_behavior: Optional[str] = None


@dataclass(frozen=True)
class TrackBalancesMultiplier:
    match: Dict[str, str]
    factor: Optional[Number] = None
    add: Optional[Number] = None


@dataclass(frozen=True)
class TrackBalancesCreditSchema:
    metered_feature_id: str
    credit_cost: Optional[Number] = None
    tiers: Optional[List[TrackBalancesCreditTier]] = None
    billing_units: Optional[Number] = None
    dimensions: Optional[Dict[str, TrackBalancesDimension]] = None
    multipliers: Optional[Dict[str, TrackBalancesMultiplier]] = None
    tier_behavior: Optional[str] = None


@dataclass(frozen=True)
class ModelMarkup:
    markup: Optional[Number] = None
    input_cost: Optional[Number] = None
    output_cost: Optional[Number] = None


@dataclass(frozen=True)
class ProviderMarkup:
    markup: Number


@dataclass(frozen=True)
class TrackBalancesDisplay:
    singular: Optional[str] = None
    plural: Optional[str] = None


@dataclass(frozen=True)
class Stripe:
    product_id: Optional[str] = None
    meter_id: Optional[str] = None


@dataclass(frozen=True)
class Processors:
    stripe: Optional[Stripe] = None


@dataclass(frozen=True)
class TrackBalancesFeature:
    id: str
    name: str
    type: str
    consumable: bool
    archived: bool
    combine: Optional[str] = None
    event_names: Optional[List[str]] = None
    credit_schema: Optional[List[TrackBalancesCreditSchema]] = None
    model_markups: Optional[Dict[str, ModelMarkup]] = None
    default_markup: Optional[Number] = None
    provider_markups: Optional[Dict[str, ProviderMarkup]] = None
    display: Optional[TrackBalancesDisplay] = None
    processors: Optional[Processors] = None


@dataclass(frozen=True)
class TrackBalancesReset:
    interval: str
    resets_at: Optional[Number]
    interval_count: Optional[Number] = None


@dataclass(frozen=True)
class TrackBalancesTier:
    to: To
    amount: Number
    flat_amount: Optional[Number] = None


@dataclass(frozen=True)
class TrackBalancesPrice:
    billing_units: Number
    billing_method: str
    max_purchase: Optional[Number]
    amount: Optional[Number] = None
    tiers: Optional[List[TrackBalancesTier]] = None
    tier_behavior: Optional[str] = None


@dataclass(frozen=True)
class TrackBalancesAllocation:
    amount: Number


@dataclass(frozen=True)
class TrackBalancesBreakdown:
    plan_id: Optional[str]
    included_grant: Number
    prepaid_grant: Number
    remaining: Number
    usage: Number
    unlimited: bool
    reset: Optional[TrackBalancesReset]
    price: Optional[TrackBalancesPrice]
    expires_at: Optional[Number]
    id: Optional[str] = None
    source: Optional[str] = None
    allocation: Optional[TrackBalancesAllocation] = None


@dataclass(frozen=True)
class TrackBalancesRollover:
    granted: Number
    balance: Number
    expires_at: Number


@dataclass(frozen=True)
class TrackBalances:
    feature_id: str
    granted: Number
    remaining: Number
    usage: Number
    unlimited: bool
    overage_allowed: bool
    max_purchase: Optional[Number]
    next_reset_at: Optional[Number]
    feature: Optional[TrackBalancesFeature] = None
    breakdown: Optional[List[TrackBalancesBreakdown]] = None
    rollovers: Optional[List[TrackBalancesRollover]] = None
    allocated: Optional[Number] = None
    unallocated: Optional[Number] = None


@dataclass(frozen=True)
class TrackDeduction:
    balance_id: str
    feature_id: str
    plan_id: Optional[str]
    reset: Optional[TrackBalancesReset]
    value: Number


@dataclass(frozen=True)
class TrackResponse:
    customer_id: str
    value: Number
    balance: Optional[TrackBalances]
    entity_id: Optional[str] = None
    event_name: Optional[str] = None
    balances: Optional[Dict[str, Optional[TrackBalances]]] = None
    deductions: Optional[List[TrackDeduction]] = None
