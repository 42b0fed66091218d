"""What the API sends today (versions 2.1.0 to 2.5.0): every shape parses, typed,
and comes back exactly as sent, key order included; and the README's recipe calls the
API and tells a 200 from a 202, against a server on 127.0.0.1."""

import contextlib
import copy
import io
import json
import os
import random
import unittest

import trackbalances as tb

from . import schema as S
from .loopback import KEY, Loopback, readme_blocks

FULL = S.load("full_balance.json")
EXAMPLE = S.load("examples/track_balances_0.json")


def shuffled(value, rng):
    """A deep copy of a payload with the keys of every object in a random order."""
    if type(value) is dict:
        items = [(key, shuffled(item, rng)) for key, item in value.items()]
        rng.shuffle(items)
        return dict(items)
    if type(value) is list:
        return [shuffled(item, rng) for item in value]
    return value


class LiveResponsesTest(unittest.TestCase):
    def test_the_api_examples_of_2_3_0(self):
        for name in ("track_response_2.3.0_deductions.json", "track_tokens_response_2.3.0.json"):
            with self.subTest(example=name):
                text = S.load_text("2.5.0/examples/" + name)
                payload = json.loads(text)
                response = tb.TrackResponse.from_json(text)
                self.assertEqual(response.to_dict(), payload)
                self.assertEqual(
                    list(S.key_orders(response.to_dict())), list(S.key_orders(payload))
                )
                (deduction,) = response.deductions
                self.assertIsInstance(deduction, tb.TrackDeduction)
                self.assertEqual(deduction.plan_id, "pro")
                self.assertEqual(deduction.reset.interval, tb.ResetInterval.MONTH)
                self.assertEqual(deduction.value, payload["deductions"][0]["value"])
                self.assertEqual(response.unrecognized(), ())

    def test_a_null_in_the_balances_map_is_an_ordinary_response(self):
        payload = {
            "customer_id": "cus_123",
            "value": 1,
            "balance": None,
            "event_name": "chat",
            "balances": {"credits": None, "messages": EXAMPLE},
        }
        response = tb.TrackResponse.from_dict(payload)
        self.assertIsNone(response.balances["credits"])
        self.assertEqual(response.balances["messages"].feature_id, "messages")
        self.assertEqual(list(response.all_balances()), ["messages"])
        self.assertEqual(response.to_dict(), payload)

    def test_a_202_body_has_the_200_shape(self):
        queued = {"customer_id": "cus_123", "value": 3, "balance": None}
        self.assertEqual(tb.TrackResponse.from_dict(queued).to_dict(), queued)

    def test_a_2_1_0_rollover_without_granted_and_a_2_5_0_one_with_it(self):
        old = tb.TrackBalancesRollover.from_dict({"balance": 5, "expires_at": 1})
        self.assertIs(old.granted, tb.ABSENT)
        new = tb.TrackBalancesRollover.from_dict({"granted": 8, "balance": 5, "expires_at": 1})
        self.assertEqual(new.granted, 8)
        self.assertEqual(list(new.to_dict()), ["granted", "balance", "expires_at"])

    def test_both_shapes_of_a_credit_schema_item(self):
        flat = {"metered_feature_id": "messages", "credit_cost": 2}
        tiered = {
            "metered_feature_id": "tokens",
            "tiers": [{"to": 1000, "credit_cost": 1}, {"to": "inf", "credit_cost": 0.5}],
            "tier_behavior": "graduated",
        }
        item = tb.TrackBalancesCreditSchema.from_dict(flat)
        self.assertEqual((item.credit_cost, item.tiers), (2, tb.ABSENT))
        item = tb.TrackBalancesCreditSchema.from_dict(tiered)
        self.assertIs(item.credit_cost, tb.ABSENT)
        self.assertEqual(item.tiers[1], tb.TrackBalancesCreditTier(to="inf", credit_cost=0.5))
        self.assertEqual(item.tier_behavior, tb.TierBehavior.GRADUATED)
        self.assertEqual(item.to_dict(), tiered)

    def test_a_rate_that_is_neither_flat_nor_tiered_is_refused_at_its_keys(self):
        cases = [
            ({"metered_feature_id": "m"}, [(("credit_cost",), "required key missing")]),
            (
                {"metered_feature_id": "m", "tiers": []},
                [(("tier_behavior",), "required key missing")],
            ),
            (
                {"metered_feature_id": "m", "tier_behavior": "graduated"},
                [(("tiers",), "required key missing")],
            ),
        ]
        for payload, expected in cases:
            with self.subTest(payload=payload):
                with self.assertRaises(tb.ValidationError) as caught:
                    tb.TrackBalancesCreditSchema.from_dict(payload)
                found = [(e.path, e.message.split(" (")[0]) for e in caught.exception.errors]
                self.assertEqual(found, expected)
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalancesDimension.from_dict({"match": {"model": "gpt-5"}})
        self.assertEqual(caught.exception.errors[0].path, ("credit_cost",))

    def test_every_2_5_0_field_is_typed(self):
        balance = tb.Balance.from_dict(FULL)
        self.assertIsInstance(balance.allocated, (int, float))
        self.assertIsInstance(balance.unallocated, (int, float))
        feature = balance.feature
        self.assertIn(feature.combine, tb.FeatureCombine)
        self.assertIsInstance(feature.default_markup, (int, float))
        flat, tiered = feature.credit_schema[0], feature.credit_schema[1]
        self.assertIsInstance(flat.billing_units, (int, float))
        kinds = {type(d.credit_cost) is not type(tb.ABSENT) for d in flat.dimensions.values()}
        self.assertEqual(kinds, {True, False})  # a flat and a tiered dimension
        for dimension in flat.dimensions.values():
            self.assertIsInstance(dimension, tb.TrackBalancesDimension)
            self.assertIsInstance(dict(dimension.match), dict)
        for multiplier in flat.multipliers.values():
            self.assertIsInstance(multiplier, tb.TrackBalancesMultiplier)
        self.assertIsInstance(tiered.tiers[0], tb.TrackBalancesCreditTier)
        entry = balance.breakdown[0]
        self.assertIn(entry.source, tb.BreakdownSource)
        self.assertIsInstance(entry.allocation, tb.TrackBalancesAllocation)
        self.assertIn(entry.price.tier_behavior, tb.TierBehavior)
        self.assertIsNot(entry.price.tiers[0].flat_amount, tb.ABSENT)
        self.assertIsNot(balance.rollovers[0].granted, tb.ABSENT)
        # The AI-pricing maps and processors: read-only JSON values.
        for key in ("model_markups", "provider_markups", "processors"):
            value = getattr(feature, key)
            self.assertEqual(
                tb.TrackBalances.from_dict(FULL).to_dict()["feature"][key], FULL["feature"][key]
            )
            with self.assertRaises(TypeError):
                value["x"] = {}  # type: ignore[index]
        self.assertEqual(balance.unrecognized(), ())

    def test_a_tier_flat_amount_may_be_null(self):
        tier = tb.TrackBalancesTier.from_dict({"to": 10, "amount": 1, "flat_amount": None})
        self.assertIsNone(tier.flat_amount)

    def test_the_outer_shape_of_json_carried_fields_is_checked(self):
        base = dict(FULL["feature"])
        for key, value, message in [
            ("model_markups", {"gpt": 1}, "model_markups.gpt: expected an object, got int 1"),
            ("provider_markups", [], "provider_markups: expected an object or null, got list"),
            ("processors", None, "processors: expected an object, got null"),
        ]:
            with self.subTest(key=key):
                with self.assertRaises(tb.ValidationError) as caught:
                    tb.TrackBalancesFeature.from_dict(dict(base, **{key: value}))
                self.assertEqual(str(caught.exception), message)

    def test_balance_is_the_same_class(self):
        self.assertIs(tb.Balance, tb.TrackBalances)
        self.assertIn("Balance", tb.__all__)
        self.assertIn("customers.get", tb.Balance.__doc__)


class RecipeTest(unittest.TestCase):
    """The README's "Calling the API" block, run as written against the loopback server."""

    @classmethod
    def setUpClass(cls):
        (cls.recipe,) = [block for block in readme_blocks("python") if "def track(" in block]
        cls.loopback = Loopback().__enter__()
        cls.namespace = {"__name__": "recipe"}
        cls.printed = io.StringIO()
        with contextlib.redirect_stdout(cls.printed):
            exec(compile(cls.recipe, "README.md", "exec"), cls.namespace)
        cls.first_request = cls.loopback.requests[0]
        cls.track = staticmethod(cls.namespace["track"])

    @classmethod
    def tearDownClass(cls):
        cls.loopback.__exit__(None, None, None)

    def test_the_recipe_asks_for_the_balance_now_and_prints_it(self):
        path, headers, body = self.first_request
        self.assertEqual(path, "/v1/balances.track")
        self.assertEqual(headers["x-api-version"], "2.5.0")
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(headers["authorization"], "Bearer " + KEY)
        self.assertEqual(
            body, {"customer_id": "cus_123", "feature_id": "messages", "value": 1, "async": False}
        )
        self.assertEqual(self.printed.getvalue(), "messages 72 left\n")
        self.assertEqual(self.namespace["status"], 200)

    def test_200_carries_the_balances(self):
        status, response = self.track(
            {"customer_id": "cus_123", "feature_id": "messages", "value": 1, "async": False}
        )
        self.assertEqual(status, 200)
        self.assertEqual(response.balance.remaining, 72)
        self.assertEqual(list(response.all_balances()), ["messages"])

    def test_202_by_default_with_balance_null_and_no_balances(self):
        status, response = self.track({"customer_id": "cus_123", "feature_id": "m", "value": 2})
        self.assertEqual(status, 202)
        self.assertEqual(
            response.to_dict(), {"customer_id": "cus_123", "value": 2, "balance": None}
        )
        self.assertIsNone(response.balance)
        self.assertIs(response.balances, tb.ABSENT)
        self.assertEqual(response.all_balances(), {})

    def test_202_when_the_server_queues_a_track_that_asked_to_wait(self):
        for body in (
            {"customer_id": "cus_busy", "feature_id": "m", "value": 1, "async": False},
            {"customer_id": "cus_123", "feature_id": "m", "value": 1, "async": True},
        ):
            with self.subTest(body=body):
                status, response = self.track(body)
                self.assertEqual(status, 202)
                self.assertIsNone(response.balance)

    def test_the_recipe_prints_that_a_202_was_queued(self):
        code = self.recipe.replace(', "async": False}', "}")
        self.assertNotEqual(code, self.recipe)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), {"__name__": "recipe"})
        self.assertEqual(printed.getvalue(), "queued: the balance is not known yet\n")

    def test_http_errors_become_one_clear_exception(self):
        error_class = self.namespace["AutumnError"]
        with self.assertRaises(error_class) as caught:
            self.track({"customer_id": "cus_missing", "feature_id": "m", "value": 1})
        self.assertEqual(
            (caught.exception.status, caught.exception.message), (404, "Customer not found")
        )
        self.assertEqual(str(caught.exception), "HTTP 404: Customer not found")
        with self.assertRaises(error_class) as caught:
            self.track({"customer_id": "cus_plain_error", "feature_id": "m", "value": 1})
        self.assertEqual(str(caught.exception), "HTTP 502: Bad Gateway")
        os.environ["AUTUMN_SECRET_KEY"] = "wrong"
        try:
            with self.assertRaises(error_class) as caught:
                self.track({"customer_id": "cus_123", "feature_id": "m", "value": 1})
        finally:
            os.environ["AUTUMN_SECRET_KEY"] = KEY
        self.assertEqual(caught.exception.status, 401)

    def test_a_body_that_is_no_track_response_is_a_validation_error(self):
        with self.assertRaises(tb.ValidationError) as caught:
            self.track({"customer_id": "cus_bad_body", "feature_id": "m", "value": 1})
        self.assertEqual(
            [str(e) for e in caught.exception.errors],
            ["value: expected a number, got str '1'", "balance: required key missing"],
        )
        with self.assertRaises(tb.ValidationError):
            self.track({"customer_id": "cus_old_server", "feature_id": "m", "value": 1})


class KeyOrderTest(unittest.TestCase):
    def test_keys_come_back_in_the_order_they_were_sent_at_every_level(self):
        rng = random.Random(8)
        for _ in range(50):
            payload = shuffled(dict(FULL, later={"b": 1, "a": [2]}), rng)
            out = tb.TrackBalances.from_dict(payload).to_dict()
            self.assertEqual(out, payload)
            self.assertEqual(list(S.key_orders(out)), list(S.key_orders(payload)))
            text = json.dumps(payload, separators=(",", ":"))
            self.assertEqual(tb.TrackBalances.from_json(text).to_json(), text)

    def test_unknown_keys_stay_in_their_place(self):
        tier = {"to": 10, "new": True, "amount": 1, "newer": None}
        self.assertEqual(list(tb.TrackBalancesTier.from_dict(tier).to_dict()), list(tier))
        payload = copy.deepcopy(FULL)
        items = list(payload.items())
        items.insert(2, ("from_the_future", {"x": [1]}))
        payload = dict(items)
        balance = tb.TrackBalances.from_dict(payload)
        self.assertEqual(list(balance.to_dict()), list(payload))
        self.assertEqual(balance.extra, {"from_the_future": {"x": (1,)}})

    def test_a_copy_or_a_pickle_keeps_the_order(self):
        import pickle

        payload = shuffled(dict(FULL, later=1), random.Random(2))
        balance = tb.TrackBalances.from_dict(payload)
        for again in (
            copy.copy(balance),
            copy.deepcopy(balance),
            pickle.loads(pickle.dumps(balance)),
        ):
            self.assertEqual(list(S.key_orders(again.to_dict())), list(S.key_orders(payload)))

    def test_an_object_built_by_hand_writes_its_fields_in_declaration_order(self):
        tier = tb.TrackBalancesTier(amount=1, to=5, extra={"z": 1})
        self.assertEqual(list(tier.to_dict()), ["to", "amount", "z"])


class UnrecognizedTest(unittest.TestCase):
    def test_lists_unknown_keys_and_enum_values_with_their_paths(self):
        payload = copy.deepcopy(FULL)
        payload["feature"]["type"] = "quantum"
        payload["breakdown"][0]["reset"]["interval"] = "fortnight"
        payload["breakdown"][0]["price"]["tiers"][0]["discount"] = 5
        payload["feature"]["credit_schema"][0]["dimensions"]["gpt"] = {
            "match": {"model": "gpt"},
            "credit_cost": 1,
            "boost": 2,
        }
        payload["new_top"] = []
        found = [str(detail) for detail in tb.TrackBalances.from_dict(payload).unrecognized()]
        self.assertEqual(
            sorted(found),
            sorted(
                [
                    "new_top: unknown key",
                    "feature.type: unknown value 'quantum'",
                    "feature.credit_schema[0].dimensions.gpt.boost: unknown key",
                    "breakdown[0].reset.interval: unknown value 'fortnight'",
                    "breakdown[0].price.tiers[0].discount: unknown key",
                ]
            ),
        )

    def test_responses_reach_into_every_balance(self):
        payload = {
            "customer_id": "c",
            "value": 1,
            "balance": None,
            "balances": {"a": dict(EXAMPLE, x=1), "b": None},
            "deductions": [
                {
                    "balance_id": "b",
                    "feature_id": "a",
                    "plan_id": None,
                    "reset": {"interval": "eon", "resets_at": None},
                    "value": 1,
                }
            ],
        }
        found = tb.TrackResponse.from_dict(payload).unrecognized()
        self.assertEqual(
            [(d.path, d.message) for d in found],
            [
                (("balances", "a", "x"), "unknown key"),
                (("deductions", 0, "reset", "interval"), "unknown value 'eon'"),
            ],
        )


class OpenEnumTest(unittest.TestCase):
    def test_known_values_are_the_2_5_0_schemas_and_can_be_listed(self):
        expected = {
            tb.FeatureType: ["boolean", "metered", "credit_system", "ai_credit_system"],
            tb.FeatureCombine: ["sum", "max", "min"],
            # 2.5.0 no longer lists "multiple", which 2.1.0 did: both are known here.
            tb.ResetInterval: [
                "one_off",
                "minute",
                "hour",
                "day",
                "week",
                "month",
                "quarter",
                "semi_annual",
                "year",
                "multiple",
            ],
            tb.BillingMethod: ["prepaid", "usage_based"],
            tb.TierBehavior: ["graduated", "volume"],
            tb.BreakdownSource: ["customer", "entity"],
        }
        for enum, values in expected.items():
            with self.subTest(enum=enum.__name__):
                self.assertEqual(list(enum), values)
                self.assertEqual(len(enum), len(values))
                for value in values:
                    self.assertIn(value, enum)
                    self.assertEqual(getattr(enum, value.upper()), value)
                self.assertNotIn("new_value", enum)
        for enum, values in S.known_values().items():
            with self.subTest(field=enum):
                self.assertLessEqual(set(values), set(expected[getattr(tb, enum)]))


if __name__ == "__main__":
    unittest.main()
