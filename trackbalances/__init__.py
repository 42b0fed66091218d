"""Frozen, typed, lossless models of the Autumn billing API's ``TrackBalances``.

``Cls.from_dict(data)`` / ``Cls.from_json(text)`` validate a payload and build
the model; ``obj.to_dict()`` / ``obj.to_json()`` give back exactly the payload
that was read. A key that was not in the payload reads as :data:`ABSENT`;
``None`` means the payload said null. Bad input raises
:class:`ValidationError`, which lists every problem by its path.
"""

from . import _decode as _decode  # binds each class's from_dict / to_dict code
from . import _encode as _encode
from ._absent import ABSENT, AbsentType
from ._errors import ErrorDetail, ValidationError
from ._models import (
    BillingMethod,
    FeatureType,
    ResetInterval,
    TrackBalances,
    TrackBalancesBreakdown,
    TrackBalancesCreditSchema,
    TrackBalancesDisplay,
    TrackBalancesFeature,
    TrackBalancesPrice,
    TrackBalancesReset,
    TrackBalancesRollover,
    TrackBalancesTier,
    TrackResponse,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._models import BillingMethodLiteral as BillingMethodLiteral
    from ._models import FeatureTypeLiteral as FeatureTypeLiteral
    from ._models import ResetIntervalLiteral as ResetIntervalLiteral

__version__ = "1.0.0"

__all__ = [
    "ABSENT",
    "AbsentType",
    "BillingMethod",
    "ErrorDetail",
    "FeatureType",
    "ResetInterval",
    "TrackBalances",
    "TrackBalancesBreakdown",
    "TrackBalancesCreditSchema",
    "TrackBalancesDisplay",
    "TrackBalancesFeature",
    "TrackBalancesPrice",
    "TrackBalancesReset",
    "TrackBalancesRollover",
    "TrackBalancesTier",
    "TrackResponse",
    "ValidationError",
]
