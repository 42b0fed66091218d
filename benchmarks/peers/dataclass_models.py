"""The balance models as plain dataclasses, the idiom of cattrs, dacite and mashumaro.

Optional keys are ``Optional[...] = None``: these libraries have no way to tell
an absent key from a null one.
"""

from dataclasses import dataclass
from typing import Dict, List, Optional, Union

Number = Union[int, float]


@dataclass(frozen=True)
class TrackBalancesCreditSchema:
    metered_feature_id: str
    credit_cost: Number


@dataclass(frozen=True)
class TrackBalancesDisplay:
    singular: Optional[str] = None
    plural: Optional[str] = None


@dataclass(frozen=True)
class TrackBalancesFeature:
    id: str
    name: str
    type: str
    consumable: bool
    archived: bool
    event_names: Optional[List[str]] = None
    credit_schema: Optional[List[TrackBalancesCreditSchema]] = None
    display: Optional[TrackBalancesDisplay] = None


@dataclass(frozen=True)
class TrackBalancesReset:
    interval: str
    resets_at: Optional[Number]
    interval_count: Optional[Number] = None


@dataclass(frozen=True)
class TrackBalancesTier:
    to: Union[Number, str]
    amount: Number


@dataclass(frozen=True)
class TrackBalancesPrice:
    billing_units: Number
    billing_method: str
    max_purchase: Optional[Number]
    amount: Optional[Number] = None
    tiers: Optional[List[TrackBalancesTier]] = None


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


@dataclass(frozen=True)
class TrackBalancesRollover:
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


@dataclass(frozen=True)
class TrackResponse:
    customer_id: str
    value: Number
    balance: Optional[TrackBalances]
    entity_id: Optional[str] = None
    event_name: Optional[str] = None
    balances: Optional[Dict[str, TrackBalances]] = None
