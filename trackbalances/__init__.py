"""Frozen, typed, lossless models of the Autumn billing API's balance object.

``Cls.from_dict(data)`` / ``Cls.from_json(text)`` validate a payload and build
the model; ``obj.to_dict()`` / ``obj.to_json()`` give back exactly the payload
that was read, keys in the order they were sent. A key that was not in the
payload reads as :data:`ABSENT`; ``None`` means the payload said null. Bad
input raises :class:`ValidationError`, which lists every problem by its path.
Every payload of API versions 2.1.0 to 2.5.0 is read; keys and enum values
from a newer version are kept (``obj.unrecognized()`` lists them).

``read_balances(data)`` reads tolerantly: every balance of a response or map
that is valid on its own, and the problems of the others.
"""

from ._absent import ABSENT, AbsentType
from ._balance import Balance, TrackBalances, TrackBalancesRollover
from ._breakdown import TrackBalancesAllocation, TrackBalancesBreakdown, TrackBalancesReset
from ._credit import (
    TrackBalancesCreditSchema,
    TrackBalancesCreditTier,
    TrackBalancesDimension,
    TrackBalancesMultiplier,
)
from ._enums import (
    BillingMethod,
    BreakdownSource,
    FeatureCombine,
    FeatureType,
    ResetInterval,
    TierBehavior,
)
from ._errors import ErrorDetail, ValidationError
from ._feature import TrackBalancesDisplay, TrackBalancesFeature
from ._price import TrackBalancesPrice, TrackBalancesTier
from ._response import TrackDeduction, TrackResponse
from ._tolerant import read_balances, read_balances_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._enums import BillingMethodLiteral as BillingMethodLiteral
    from ._enums import BreakdownSourceLiteral as BreakdownSourceLiteral
    from ._enums import FeatureCombineLiteral as FeatureCombineLiteral
    from ._enums import FeatureTypeLiteral as FeatureTypeLiteral
    from ._enums import ResetIntervalLiteral as ResetIntervalLiteral
    from ._enums import TierBehaviorLiteral as TierBehaviorLiteral

__version__ = "2.1.1"

__all__ = [
    "ABSENT",
    "AbsentType",
    "Balance",
    "BillingMethod",
    "BreakdownSource",
    "ErrorDetail",
    "FeatureCombine",
    "FeatureType",
    "ResetInterval",
    "TierBehavior",
    "TrackBalances",
    "TrackBalancesAllocation",
    "TrackBalancesBreakdown",
    "TrackBalancesCreditSchema",
    "TrackBalancesCreditTier",
    "TrackBalancesDimension",
    "TrackBalancesDisplay",
    "TrackBalancesFeature",
    "TrackBalancesMultiplier",
    "TrackBalancesPrice",
    "TrackBalancesReset",
    "TrackBalancesRollover",
    "TrackBalancesTier",
    "TrackDeduction",
    "TrackResponse",
    "ValidationError",
    "read_balances",
    "read_balances_json",
]
