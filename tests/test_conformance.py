"""The published schema and the API's own examples, as an external conformance suite.

Payloads come from a seeded generator driven by the schema in ``data/``; the
schema is also the judge of what is valid (see ``schema.py``).
"""

import json
import random
import unittest

import trackbalances as tb

from . import schema as S

CLASSES = {name: getattr(tb, name) for name in S.subschemas()}


def canonical(value):
    return json.dumps(value, sort_keys=True)


class ExampleTest(unittest.TestCase):
    def test_balance_example(self):
        payload = S.load("examples/track_balances_0.json")
        balance = tb.TrackBalances.from_dict(payload)
        self.assertEqual(balance.feature_id, "messages")
        self.assertEqual((balance.granted, balance.remaining, balance.usage), (100, 72, 28))
        self.assertIs(balance.unlimited, False)
        self.assertIsNone(balance.max_purchase)
        self.assertEqual(balance.next_reset_at, 1773851121437)
        self.assertIs(balance.feature, tb.ABSENT)
        self.assertIs(balance.rollovers, tb.ABSENT)
        (entry,) = balance.breakdown
        self.assertEqual(entry.id, "cus_ent_39qmLooixXLAqMywgXywjAz96rV")
        self.assertEqual(entry.plan_id, "pro_plan")
        self.assertEqual(
            entry.reset, tb.TrackBalancesReset(interval="month", resets_at=1773851121437)
        )
        self.assertIs(entry.reset.interval_count, tb.ABSENT)
        self.assertIsNone(entry.price)
        self.assertIsNone(entry.expires_at)
        self.assertEqual(balance.to_dict(), payload)
        self.assertEqual(canonical(balance.to_dict()), canonical(payload))

    def test_response_example(self):
        payload = S.load("examples/track_response_0.json")
        response = tb.TrackResponse.from_dict(payload)
        self.assertEqual(response.customer_id, "cus_123")
        self.assertEqual(response.value, 1)
        self.assertEqual(response.balance, tb.TrackBalances.from_dict(payload["balance"]))
        self.assertIs(response.balances, tb.ABSENT)
        self.assertEqual(response.to_dict(), payload)

    def test_the_built_in_example_is_the_apis(self):
        from trackbalances._example import TRACK_RESPONSE

        self.assertEqual(TRACK_RESPONSE, S.load("examples/track_response_0.json"))

    def test_examples_inside_the_schemas(self):
        examples = [(tb.TrackBalances, e) for e in S.TRACK_BALANCES["examples"]]
        examples += [(tb.TrackResponse, e) for e in S.TRACK_RESPONSE["examples"]]
        for cls, payload in examples:
            with self.subTest(cls=cls.__name__):
                self.assertEqual(cls.from_dict(payload).to_dict(), payload)
                self.assertEqual(cls.from_json(json.dumps(payload)).to_dict(), payload)


class GeneratedPayloadTest(unittest.TestCase):
    """Many seeded payloads per class, from each API version's schema and from the
    reader's: valid ones round-trip exactly, key order included, and a payload broken
    in one place is rejected exactly when the reader's schema rejects it, at that place."""

    COUNT = 120

    def test_valid_payloads_round_trip(self):
        rng = random.Random(20261125)
        sources = [("reader", S.subschemas())]
        sources += [(version, S.version_subschemas(version)) for version in S.VERSIONS]
        for source, subs in sources:
            for name, sub in subs.items():
                cls = CLASSES[name]
                reader = S.subschemas()[name]
                for _ in range(self.COUNT):
                    payload = S.generate(sub, rng)
                    with self.subTest(source=source, cls=name, payload=payload):
                        self.assertTrue(S.is_valid(sub, payload))
                        self.assertTrue(S.is_valid(reader, payload))
                        obj = cls.from_dict(payload)
                        out = obj.to_dict()
                        self.assertEqual(out, payload)
                        self.assertEqual(list(S.key_orders(out)), list(S.key_orders(payload)))
                        self.assertEqual(cls.from_dict(out), obj)
                        self.assertEqual(cls.from_json(obj.to_json()), obj)
                        self.assertEqual(obj.to_json(), json.dumps(payload, separators=(",", ":")))

    def test_broken_payloads_are_judged_as_the_schema_judges_them(self):
        rng = random.Random(7)
        rejected = accepted = 0
        for name, sub in S.subschemas().items():
            cls = CLASSES[name]
            for _ in range(self.COUNT):
                payload = S.generate(sub, rng)
                for path, broken in S.mutations(payload, rng, 3):
                    with self.subTest(cls=name, path=path, payload=broken):
                        if S.is_valid(sub, broken):
                            accepted += 1
                            self.assertEqual(cls.from_dict(broken).to_dict(), broken)
                            continue
                        rejected += 1
                        with self.assertRaises(tb.ValidationError) as caught:
                            cls.from_dict(broken)
                        self.assertTrue(caught.exception.errors)
                        for error in caught.exception.errors:
                            self.assertTrue(at_or_under(error.path, path), error)
        # The mutations must really exercise both verdicts.
        self.assertGreater(rejected, 1000)
        self.assertGreater(accepted, 100)

    def test_unknown_enum_values_are_kept(self):
        # The 2.1.0 schema's enums are closed; the package opens them on purpose.
        cases = [
            (
                tb.TrackBalancesFeature,
                {
                    "id": "f",
                    "name": "F",
                    "type": "quantum_credit_system",
                    "consumable": True,
                    "archived": False,
                },
                "type",
            ),
            (tb.TrackBalancesReset, {"interval": "fortnight", "resets_at": None}, "interval"),
            (
                tb.TrackBalancesPrice,
                {"billing_units": 1, "billing_method": "postpaid", "max_purchase": None},
                "billing_method",
            ),
        ]
        for cls, payload, key in cases:
            with self.subTest(cls=cls.__name__):
                sub = S.version_subschemas("2.1.0")[cls.__name__]
                self.assertFalse(S.is_valid(sub, payload, open_enums=False))
                obj = cls.from_dict(payload)
                self.assertEqual(getattr(obj, key), payload[key])
                self.assertEqual(obj.to_dict(), payload)
                self.assertEqual(len(obj.unrecognized()), 1)

    def test_known_enum_constants_cover_both_versions(self):
        props = S.TRACK_BALANCES["properties"]
        breakdown = props["breakdown"]["items"]["properties"]
        interval = S._non_null(breakdown["reset"])["properties"]["interval"]["anyOf"]
        old = {
            tb.FeatureType: props["feature"]["properties"]["type"]["enum"],
            tb.ResetInterval: interval[0]["enum"] + [interval[1]["const"]],
            tb.BillingMethod: S._non_null(breakdown["price"])["properties"]["billing_method"][
                "enum"
            ],
        }
        for constants, values in old.items():
            with self.subTest(constants=constants.__name__, version="2.1.0"):
                self.assertLessEqual(set(values), set(constants))
        for name, values in S.known_values().items():
            with self.subTest(constants=name, version="2.5.0"):
                self.assertLessEqual(set(values), set(getattr(tb, name)))


# A rate is flat (credit_cost) or tiered (tiers and tier_behavior): breaking one of
# these keys may be reported at the key that the rest of the object now lacks.
_RATE = {"credit_cost", "tiers", "tier_behavior"}


def at_or_under(error_path, path):
    if error_path[: len(path)] == path:
        return True
    return (
        len(error_path) == len(path)
        and error_path[:-1] == path[:-1]
        and {error_path[-1], path[-1]} <= _RATE
    )


if __name__ == "__main__":
    unittest.main()
