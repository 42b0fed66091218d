"""The objects themselves: frozen, hashable, picklable, unshared, and ABSENT."""

import copy
import dataclasses
import json
import pickle
import types
import unittest

import trackbalances as tb

from . import schema as S

EXAMPLE = S.load("examples/track_balances_0.json")
# Every key of every object, and one from a newer API version.
FULL = dict(S.load("full_balance.json"), future_key={"nested": [1, 2.0, None, "x"], "flag": True})


class AbsentTest(unittest.TestCase):
    def test_absent_is_falsy_and_one_object(self):
        self.assertFalse(tb.ABSENT)
        self.assertEqual(repr(tb.ABSENT), "ABSENT")
        self.assertIs(copy.copy(tb.ABSENT), tb.ABSENT)
        self.assertIs(copy.deepcopy(tb.ABSENT), tb.ABSENT)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            self.assertIs(pickle.loads(pickle.dumps(tb.ABSENT, protocol)), tb.ABSENT)
        self.assertIs(tb.AbsentType.ABSENT, tb.ABSENT)
        self.assertEqual(list(tb.AbsentType), [tb.ABSENT])
        self.assertIsNot(tb.ABSENT, None)


class ObjectTest(unittest.TestCase):
    def setUp(self):
        self.balance = tb.TrackBalances.from_dict(FULL)

    def test_full_payload_round_trips(self):
        self.assertEqual(self.balance.to_dict(), FULL)
        self.assertEqual(json.loads(self.balance.to_json()), FULL)
        self.assertEqual(json.loads(self.balance.to_json(indent=2)), FULL)
        self.assertIn('\n  "feature_id": "credits"', self.balance.to_json(indent=2))
        self.assertEqual(
            self.balance.extra, {"future_key": {"nested": (1, 2.0, None, "x"), "flag": True}}
        )
        self.assertEqual(self.balance.extra["future_key"]["nested"], (1, 2.0, None, "x"))
        self.assertEqual(self.balance.feature.display.plural, None)
        self.assertEqual(self.balance.breakdown[0].price.tiers[1].to, "inf")

    def test_frozen(self):
        self.assertTrue(dataclasses.is_dataclass(self.balance))
        self.assertIs(tb.TrackBalances.__dataclass_params__.frozen, True)
        with self.assertRaisesRegex(
            dataclasses.FrozenInstanceError, "cannot assign to field 'granted'"
        ):
            self.balance.granted = 5
        with self.assertRaisesRegex(
            dataclasses.FrozenInstanceError, "cannot assign to field 'other'"
        ):
            self.balance.other = 5
        with self.assertRaisesRegex(dataclasses.FrozenInstanceError, "cannot delete field 'usage'"):
            del self.balance.usage
        with self.assertRaises(dataclasses.FrozenInstanceError):
            del self.balance.other
        with self.assertRaises(dataclasses.FrozenInstanceError):
            self.balance.breakdown[0].reset.interval = "day"
        with self.assertRaises(TypeError):
            self.balance.extra["x"] = 1
        with self.assertRaises(TypeError):
            self.balance.extra["future_key"]["nested"] = 1
        self.assertIsInstance(self.balance.breakdown, tuple)
        self.assertIsInstance(self.balance.feature.event_names, tuple)
        response = tb.TrackResponse.from_dict(
            {"customer_id": "c", "value": 1, "balance": None, "balances": {"a": EXAMPLE}}
        )
        with self.assertRaises(TypeError):
            response.balances["b"] = response.balances["a"]
        self.assertEqual(dict(response.balances), {"a": tb.TrackBalances.from_dict(EXAMPLE)})

    def test_equality_and_hash(self):
        again = tb.TrackBalances.from_dict(copy.deepcopy(FULL))
        self.assertEqual(again, self.balance)
        self.assertEqual(hash(again), hash(self.balance))
        self.assertEqual(len({again, self.balance}), 1)
        self.assertEqual({self.balance: 1}[again], 1)
        other = tb.TrackBalances.from_dict(dict(FULL, future_key=None))
        self.assertNotEqual(other, self.balance)
        self.assertNotEqual(tb.TrackBalances.from_dict(EXAMPLE), self.balance)
        response = tb.TrackResponse.from_dict(
            {"customer_id": "c", "value": 1, "balance": None, "balances": {"a": EXAMPLE}}
        )
        self.assertEqual(hash(response), hash(tb.TrackResponse.from_dict(response.to_dict())))

    def test_pickle_and_copy(self):
        for obj in (
            self.balance,
            tb.TrackResponse.from_dict(
                {"customer_id": "c", "value": 1, "balance": FULL, "balances": {"x": FULL}}
            ),
        ):
            for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
                again = pickle.loads(pickle.dumps(obj, protocol))
                self.assertEqual(again, obj)
                self.assertEqual(again.to_dict(), obj.to_dict())
            self.assertEqual(copy.copy(obj), obj)
            deep = copy.deepcopy(obj)
            self.assertEqual(deep, obj)
            self.assertEqual(deep.to_dict(), obj.to_dict())
        minimal = tb.TrackBalances.from_dict({k: EXAMPLE[k] for k in EXAMPLE if k != "breakdown"})
        self.assertIs(pickle.loads(pickle.dumps(minimal)).breakdown, tb.ABSENT)
        self.assertIs(copy.deepcopy(minimal).feature, tb.ABSENT)

    def test_from_dict_never_changes_its_input(self):
        payload = copy.deepcopy(FULL)
        tb.TrackBalances.from_dict(payload)
        self.assertEqual(payload, FULL)
        bad = dict(copy.deepcopy(FULL), granted="x", unknown=[1])
        snapshot = copy.deepcopy(bad)
        with self.assertRaises(tb.ValidationError):
            tb.TrackBalances.from_dict(bad)
        self.assertEqual(bad, snapshot)

    def test_no_container_is_shared(self):
        payload = copy.deepcopy(FULL)
        balance = tb.TrackBalances.from_dict(payload)
        payload["feature"]["event_names"].append("video")
        payload["breakdown"][0]["price"]["tiers"].clear()
        payload["future_key"]["nested"].append(99)
        payload["feature"]["display"]["singular"] = "changed"
        self.assertEqual(balance.to_dict(), FULL)
        out = balance.to_dict()
        out["breakdown"][0]["reset"]["interval"] = "year"
        out["future_key"]["nested"].append(5)
        out["feature"]["event_names"].append("x")
        self.assertEqual(balance.to_dict(), FULL)
        self.assertIsNot(balance.to_dict()["future_key"], balance.to_dict()["future_key"])

    def test_repr_shows_what_the_payload_had(self):
        reset = tb.TrackBalancesReset.from_dict({"interval": "month", "resets_at": None})
        self.assertEqual(repr(reset), "TrackBalancesReset(interval='month', resets_at=None)")
        tier = tb.TrackBalancesTier.from_dict({"to": "inf", "amount": 2, "new": [1]})
        self.assertEqual(repr(tier), "TrackBalancesTier(to='inf', amount=2, extra={'new': (1,)})")
        self.assertTrue(
            repr(self.balance).startswith("TrackBalances(feature_id='credits', granted=1000,")
        )

    def test_built_by_hand_from_required_fields(self):
        rollover = tb.TrackBalancesRollover(balance=5, expires_at=1)
        self.assertEqual(rollover.to_dict(), {"balance": 5, "expires_at": 1})
        balance = tb.TrackBalances(
            feature_id="m",
            granted=1,
            remaining=1,
            usage=0,
            unlimited=False,
            overage_allowed=False,
            max_purchase=None,
            next_reset_at=None,
            rollovers=(rollover,),
        )
        self.assertIs(balance.breakdown, tb.ABSENT)
        self.assertEqual(balance.extra, {})
        self.assertEqual(tb.TrackBalances.from_dict(balance.to_dict()), balance)
        self.assertEqual(dataclasses.replace(balance, granted=2).to_dict()["granted"], 2)

    def test_subclasses_follow_frozen_dataclass_rules(self):
        class Plain(tb.TrackBalancesTier):
            pass

        plain = Plain.from_dict({"to": 1, "amount": 2})
        plain.note = "set"  # a non-field attribute of a subclass, as with @dataclass(frozen=True)
        del plain.note
        with self.assertRaises(dataclasses.FrozenInstanceError):
            plain.amount = 3

        @dataclasses.dataclass(frozen=True)
        class Priced(tb.TrackBalancesTier):
            currency: str = "usd"

        priced = Priced(1, 2, currency="eur")
        self.assertEqual((priced.to, priced.amount, priced.currency), (1, 2, "eur"))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            priced.currency = "usd"
        with self.assertRaises(TypeError):

            @dataclasses.dataclass
            class Thawed(tb.TrackBalancesTier):
                pass

    def test_from_dict_returns_the_class_it_is_called_on(self):
        class MyBalance(tb.TrackBalances):
            pass

        mine = MyBalance.from_dict(EXAMPLE)
        self.assertIs(type(mine), MyBalance)
        self.assertIs(type(mine.breakdown[0]), tb.TrackBalancesBreakdown)
        self.assertIs(type(MyBalance.from_json(json.dumps(EXAMPLE))), MyBalance)
        self.assertEqual(mine.to_dict(), EXAMPLE)

    def test_python_inputs_beyond_plain_json(self):
        proxy = types.MappingProxyType(dict(EXAMPLE, breakdown=tuple(EXAMPLE["breakdown"])))
        self.assertEqual(tb.TrackBalances.from_dict(proxy).to_dict(), EXAMPLE)

        class Name(str):
            pass

        class Count(int):
            pass

        balance = tb.TrackBalances.from_dict(
            dict(EXAMPLE, feature_id=Name("messages"), granted=Count(100))
        )
        self.assertIs(type(balance.feature_id), str)
        self.assertIs(type(balance.granted), int)
        self.assertEqual(balance.to_dict(), EXAMPLE)
        later = [Name("x"), Count(2)]
        unknown = tb.TrackBalances.from_dict(dict(EXAMPLE, later=later)).extra["later"]
        self.assertEqual([type(value) for value in unknown], [str, int])

    def test_values_given_by_hand_are_written_as_json_data(self):
        # The constructor keeps what it is given; writing turns tuples into lists
        # and any mapping into a dict, however deep, and leaves other values as they are.
        deep: object = 0
        for _ in range(250):
            deep = (deep,)
        given = {
            "map": types.MappingProxyType({"k": ({"x": 2},)}),
            "frozen with a list": tb.TrackBalances.from_dict(FULL).extra["future_key"],
            "tuple with a dict": ({"x": 1}, [2]),
            "deep": deep,
        }
        obj = dataclasses.replace(tb.TrackBalances.from_dict(EXAMPLE), extra=given)
        data = obj.to_dict()
        self.assertEqual(data["map"], {"k": [{"x": 2}]})
        self.assertEqual(data["tuple with a dict"], [{"x": 1}, [2]])
        self.assertEqual(json.loads(obj.to_json()), data)
        self.assertEqual(json.dumps(data["deep"]), "[" * 250 + "0" + "]" * 250)
        from trackbalances._frozen import FrozenMap

        frozen = FrozenMap(dict(given["frozen with a list"], later=[1, (2,)]))
        obj = dataclasses.replace(obj, extra={"frozen with a list": frozen})
        self.assertEqual(obj.to_dict()["frozen with a list"]["later"], [1, [2]])
        with self.assertRaises(TypeError):
            dataclasses.replace(obj, extra={"set": {1}}).to_json()

    def test_maps_given_by_hand_as_dicts_are_written_as_read_ones(self):
        # A read holds its maps of objects and of strings as FrozenMaps; one
        # built by hand may hold plain dicts, and writes the same payload.
        schema = tb.TrackBalances.from_dict(FULL).feature.credit_schema[0]
        self.assertTrue(schema.dimensions and schema.multipliers)
        by_hand = dataclasses.replace(
            schema,
            dimensions={
                key: dataclasses.replace(item, match=dict(item.match))
                for key, item in schema.dimensions.items()
            },
            multipliers={
                key: dataclasses.replace(item, match=dict(item.match))
                for key, item in schema.multipliers.items()
            },
        )
        self.assertEqual(by_hand.to_dict(), schema.to_dict())
        response = tb.TrackResponse.from_dict(
            dict(S.load("examples/track_response_0.json"), balances={"f": EXAMPLE, "g": None})
        )
        by_hand = dataclasses.replace(response, balances=dict(response.balances))
        self.assertEqual(by_hand.to_dict(), response.to_dict())
        self.assertEqual(response.to_dict()["balances"], {"f": EXAMPLE, "g": None})


if __name__ == "__main__":
    unittest.main()


class ConstructionTest(unittest.TestCase):
    def test_constructor_arguments_are_checked_like_a_dataclass(self):
        tier = tb.TrackBalancesTier(5, 2)
        self.assertEqual((tier.to, tier.amount, tier.extra), (5, 2, {}))
        with self.assertRaisesRegex(
            TypeError, r"TrackBalancesTier\(\) takes at most 4 arguments \(5 given\)"
        ):
            tb.TrackBalancesTier(1, 2, None, {}, 4)
        with self.assertRaisesRegex(TypeError, "unexpected keyword argument 'too'"):
            tb.TrackBalancesTier(to=1, amount=2, too=3)
        with self.assertRaisesRegex(TypeError, "multiple values for argument 'to'"):
            tb.TrackBalancesTier(1, 2, to=3)
        with self.assertRaisesRegex(TypeError, "missing required arguments: to, amount"):
            tb.TrackBalancesTier()

    def test_comparison_with_other_types(self):
        tier = tb.TrackBalancesTier(5, 2)
        self.assertNotEqual(tier, 5)
        self.assertNotEqual(tier, tb.TrackBalancesRollover(5, 2))
        self.assertNotEqual(tier, (5, 2, {}))

    def test_read_only_maps_behave_as_mappings(self):
        extra = tb.TrackBalancesTier.from_dict({"to": 1, "amount": 2, "b": 1, "a": [2]}).extra
        self.assertEqual(len(extra), 2)
        self.assertEqual(list(extra), ["b", "a"])
        self.assertIn("a", extra)
        self.assertNotIn("c", extra)
        self.assertEqual(extra.get("a"), (2,))
        self.assertIsNone(extra.get("c"))
        self.assertEqual(list(extra.keys()), ["b", "a"])
        self.assertEqual(list(extra.values()), [1, (2,)])
        self.assertEqual(list(extra.items()), [("b", 1), ("a", (2,))])
        self.assertEqual(repr(extra), "{'b': 1, 'a': (2,)}")
        self.assertNotEqual(extra, [("b", 1)])
        self.assertEqual(
            extra, tb.TrackBalancesTier.from_dict({"to": 1, "amount": 2, "a": [2], "b": 1}).extra
        )

    def test_every_class_reads_any_mapping_and_tuples(self):
        def as_python(value):
            if type(value) is dict:
                return types.MappingProxyType({k: as_python(v) for k, v in value.items()})
            if type(value) is list:
                return tuple(as_python(v) for v in value)
            return value

        payloads = {
            "TrackBalances": FULL,
            "TrackResponse": {
                "customer_id": "c",
                "value": 1,
                "balance": FULL,
                "balances": {"x": FULL},
            },
        }
        for name, payload in payloads.items():
            cls = getattr(tb, name)
            self.assertEqual(cls.from_dict(as_python(payload)), cls.from_dict(payload))

    def test_error_detail(self):
        detail = tb.ErrorDetail(("breakdown", 0), "required key missing")
        self.assertEqual(
            repr(detail), "ErrorDetail(path=('breakdown', 0), message='required key missing')"
        )
        self.assertEqual(str(detail), "breakdown[0]: required key missing")
        self.assertEqual(detail, (("breakdown", 0), "required key missing"))
        self.assertEqual(pickle.loads(pickle.dumps(detail)), detail)
        self.assertEqual(
            str(tb.ErrorDetail((), "expected an object, got list")), "expected an object, got list"
        )
