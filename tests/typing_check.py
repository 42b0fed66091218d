"""What a user's type checker sees. Checked by mypy --strict and pyright (strict), never run.

Each ``# type: ignore[...]`` below marks an error the checkers must find: both
are set to fail on an ignore comment that silences nothing.
"""

import datetime
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Tuple, Union

from typing_extensions import assert_type

import trackbalances as tb
from trackbalances import ABSENT, AbsentType, TrackBalances

if TYPE_CHECKING:  # these names exist for type checkers only
    from trackbalances import BillingMethodLiteral, FeatureTypeLiteral, ResetIntervalLiteral

Number = Union[int, float]


def narrowing_absent_and_null(balance: TrackBalances) -> None:
    feature = balance.feature
    assert_type(feature, Union[tb.TrackBalancesFeature, AbsentType])
    if feature is not ABSENT:
        assert_type(feature, tb.TrackBalancesFeature)
        display = feature.display
        if display is ABSENT:
            return
        assert_type(display, tb.TrackBalancesDisplay)
        singular = display.singular
        if singular is not ABSENT and singular is not None:
            assert_type(singular, str)
    max_purchase = balance.max_purchase
    assert_type(max_purchase, Optional[Number])
    if max_purchase is not None:
        assert_type(max_purchase, Number)
    breakdown = balance.breakdown
    if breakdown is ABSENT:
        return
    assert_type(breakdown, Tuple[tb.TrackBalancesBreakdown, ...])
    reset = breakdown[0].reset
    if reset is not None:
        assert_type(reset.resets_at, Optional[Number])


def literal_types(feature: tb.TrackBalancesFeature, price: tb.TrackBalancesPrice) -> None:
    kind: FeatureTypeLiteral = tb.FeatureType.METERED
    interval: ResetIntervalLiteral = tb.ResetInterval.SEMI_ANNUAL
    method: BillingMethodLiteral = tb.BillingMethod.USAGE_BASED
    wrong: FeatureTypeLiteral = "metred"  # type: ignore[assignment]
    assert_type(feature.type, Union[FeatureTypeLiteral, str])  # unknown values are kept
    assert_type(price.billing_method, Union[BillingMethodLiteral, str])
    print(kind, interval, method, wrong)


class MyBalance(TrackBalances):
    pass


def classes_and_conversions(payload: Mapping[str, Any], text: bytes) -> None:
    assert_type(TrackBalances.from_dict(payload), TrackBalances)
    assert_type(MyBalance.from_dict(payload), MyBalance)
    assert_type(MyBalance.from_json(text), MyBalance)
    assert_type(tb.TrackResponse.from_json("{}"), tb.TrackResponse)
    balance = TrackBalances.from_dict(payload)
    assert_type(balance.to_dict(), Dict[str, Any])
    assert_type(balance.to_json(), str)
    assert_type(balance.extra, Mapping[str, Any])
    tb.TrackBalances.from_dict(5)  # type: ignore[arg-type]


def frozen(balance: TrackBalances) -> None:
    balance.granted = 5  # type: ignore[misc]
    balance.extra["new"] = 1  # type: ignore[index]


def built_by_hand() -> TrackBalances:
    rollover = tb.TrackBalancesRollover(balance=5, expires_at=1773851121437)
    tb.TrackBalancesRollover(balance=5)  # type: ignore[call-arg]
    return TrackBalances(
        feature_id="messages",
        granted=100,
        remaining=72,
        usage=28.5,
        unlimited=False,
        overage_allowed=False,
        max_purchase=None,
        next_reset_at=None,
        rollovers=(rollover,),
    )


def errors(error: tb.ValidationError) -> None:
    for detail in error.errors:
        assert_type(detail.path, Tuple[Union[str, int], ...])
        assert_type(detail.message, str)
    assert isinstance(error, ValueError)


def helpers(balance: TrackBalances, response: tb.TrackResponse) -> None:
    assert_type(balance.can_use(2.5), bool)
    assert_type(balance.rolled_over, Number)
    assert_type(balance.next_reset_at_datetime, Optional[datetime.datetime])
    assert_type(response.all_balances(), Dict[str, TrackBalances])
    by_plan = balance.breakdown_by_plan()
    assert_type(by_plan, Dict[Optional[str], Tuple[tb.TrackBalancesBreakdown, ...]])


def tolerant_reading(payload: Mapping[str, Any], text: bytes) -> None:
    balances, problems = tb.read_balances(payload)
    assert_type(balances, Dict[str, TrackBalances])
    assert_type(problems, Tuple[tb.ErrorDetail, ...])
    assert_type(
        tb.read_balances_json(text), Tuple[Dict[str, TrackBalances], Tuple[tb.ErrorDetail, ...]]
    )
    tb.read_balances_json(payload)  # type: ignore[arg-type]
