"""The everyday helpers on the objects: datetimes and the questions scripts ask."""

import datetime
import unittest

import trackbalances as tb

from . import schema as S

UTC = datetime.timezone.utc
EXAMPLE = S.load("examples/track_balances_0.json")


def balance(**changes):
    return tb.TrackBalances.from_dict(dict(EXAMPLE, **changes))


def entry(plan_id, remaining=1, **changes):
    out = dict(EXAMPLE["breakdown"][0], plan_id=plan_id, remaining=remaining)
    out.update(changes)
    return out


class DatetimeTest(unittest.TestCase):
    def test_epoch_milliseconds_become_aware_utc_datetimes(self):
        parsed = balance()
        expected = datetime.datetime(2026, 3, 18, 16, 25, 21, 437000, tzinfo=UTC)
        self.assertEqual(parsed.next_reset_at_datetime, expected)
        self.assertIs(parsed.next_reset_at_datetime.tzinfo, UTC)
        self.assertEqual(parsed.breakdown[0].reset.resets_at_datetime, expected)
        self.assertIsNone(parsed.breakdown[0].expires_at_datetime)

    def test_null_is_none_and_every_field_has_a_view(self):
        parsed = balance(
            next_reset_at=None,
            breakdown=[entry("p", reset={"interval": "day", "resets_at": None}, expires_at=0)],
            rollovers=[{"balance": 1, "expires_at": 1.5}],
        )
        self.assertIsNone(parsed.next_reset_at_datetime)
        self.assertIsNone(parsed.breakdown[0].reset.resets_at_datetime)
        self.assertEqual(
            parsed.breakdown[0].expires_at_datetime, datetime.datetime(1970, 1, 1, tzinfo=UTC)
        )
        self.assertEqual(
            parsed.rollovers[0].expires_at_datetime,
            datetime.datetime(1970, 1, 1, 0, 0, 0, 1500, tzinfo=UTC),
        )

    def test_millisecond_exactness(self):
        for ms in (1, 999, 1773851121437, 253402300799999, -1):
            with self.subTest(ms=ms):
                got = balance(next_reset_at=ms).next_reset_at_datetime
                self.assertEqual(
                    got - datetime.datetime(1970, 1, 1, tzinfo=UTC),
                    datetime.timedelta(milliseconds=ms),
                )


class QuestionTest(unittest.TestCase):
    def test_can_use(self):
        limited = balance(remaining=5, unlimited=False, overage_allowed=False)
        self.assertTrue(limited.can_use())
        self.assertTrue(limited.can_use(5))
        self.assertTrue(limited.can_use(4.5))
        self.assertFalse(limited.can_use(5.5))
        self.assertFalse(balance(remaining=0).can_use())
        self.assertTrue(balance(remaining=0, overage_allowed=True).can_use(10**9))
        self.assertTrue(balance(remaining=0, unlimited=True).can_use(10**9))

    def test_rolled_over(self):
        self.assertEqual(balance().rolled_over, 0)
        self.assertEqual(balance(rollovers=[]).rolled_over, 0)
        self.assertEqual(
            balance(
                rollovers=[{"balance": 10, "expires_at": 1}, {"balance": 2.5, "expires_at": 2}]
            ).rolled_over,
            12.5,
        )

    def test_breakdown_by_plan(self):
        self.assertEqual(balance(breakdown=[]).breakdown_by_plan(), {})
        self.assertEqual(
            tb.TrackBalances.from_dict(
                {k: v for k, v in EXAMPLE.items() if k != "breakdown"}
            ).breakdown_by_plan(),
            {},
        )
        parsed = balance(
            breakdown=[entry("pro", 1), entry(None, 2), entry("pro", 3), entry("addon", 4)]
        )
        groups = parsed.breakdown_by_plan()
        self.assertEqual(list(groups), ["pro", None, "addon"])
        self.assertEqual([e.remaining for e in groups["pro"]], [1, 3])
        self.assertEqual([e.remaining for e in groups[None]], [2])
        self.assertIsInstance(groups["pro"], tuple)

    def test_all_balances_of_a_response(self):
        single = tb.TrackResponse.from_dict(S.load("examples/track_response_0.json"))
        self.assertEqual(list(single.all_balances()), ["messages"])
        by_event = tb.TrackResponse.from_dict(
            {
                "customer_id": "c",
                "value": 1,
                "balance": None,
                "balances": {"a": EXAMPLE, "b": dict(EXAMPLE, feature_id="b")},
            }
        )
        self.assertEqual(sorted(by_event.all_balances()), ["a", "b"])
        nothing = tb.TrackResponse.from_dict({"customer_id": "c", "value": 1, "balance": None})
        self.assertEqual(nothing.all_balances(), {})


if __name__ == "__main__":
    unittest.main()
