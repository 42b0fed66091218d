"""The balance models as msgspec frozen Structs, with msgspec.UNSET for absent keys."""

from typing import Dict, Literal, Optional, Tuple, Union

from msgspec import UNSET, Struct, UnsetType

Number = Union[int, float]


class Base(Struct, frozen=True, omit_defaults=True):
    pass


class TrackBalancesCreditSchema(Base, frozen=True):
    metered_feature_id: str
    credit_cost: Number


class TrackBalancesDisplay(Base, frozen=True):
    singular: Union[str, None, UnsetType] = UNSET
    plural: Union[str, None, UnsetType] = UNSET


class TrackBalancesFeature(Base, frozen=True):
    id: str
    name: str
    type: str
    consumable: bool
    archived: bool
    event_names: Union[Tuple[str, ...], UnsetType] = UNSET
    credit_schema: Union[Tuple[TrackBalancesCreditSchema, ...], UnsetType] = UNSET
    display: Union[TrackBalancesDisplay, UnsetType] = UNSET


class TrackBalancesReset(Base, frozen=True):
    interval: str
    resets_at: Optional[Number]
    interval_count: Union[Number, UnsetType] = UNSET


class TrackBalancesTier(Base, frozen=True):
    to: Union[Number, Literal["inf"]]
    amount: Number


class TrackBalancesPrice(Base, frozen=True):
    billing_units: Number
    billing_method: str
    max_purchase: Optional[Number]
    amount: Union[Number, UnsetType] = UNSET
    tiers: Union[Tuple[TrackBalancesTier, ...], UnsetType] = UNSET


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


class TrackBalancesRollover(Base, frozen=True):
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


class TrackResponse(Base, frozen=True):
    customer_id: str
    value: Number
    balance: Optional[TrackBalances]
    entity_id: Union[str, UnsetType] = UNSET
    event_name: Union[str, UnsetType] = UNSET
    balances: Union[Dict[str, TrackBalances], UnsetType] = UNSET
