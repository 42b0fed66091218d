"""Keys that are subclasses of ``str``: a model never holds one, never breaks
because of one, always agrees with its own ``to_dict()``, and reads a valid
payload that has them as the same payload with plain keys."""

import enum
import json
import pickle
import unittest
from collections.abc import Mapping

import trackbalances as tb
from trackbalances._frozen import FrozenMap
from trackbalances._model import Model

from . import hostile as H
from . import schema as S

EXAMPLE = S.load("examples/track_balances_0.json")
FULL = S.load("full_balance.json")
DEDUCTION = {"balance_id": "b", "feature_id": "f", "plan_id": None, "reset": None, "value": 1}
RESPONSE = dict(
    S.load("examples/track_response_0.json"),
    balances={"f": EXAMPLE, "g": None},
    deductions=[DEDUCTION],
)


class Field(str, enum.Enum):
    """Enum members as keys: one named as its value, one not (whose hash may
    then be the name's)."""

    granted = "granted"
    USAGE = "usage"


def rekeyed(data, name, key):
    """``data`` with its key ``name`` replaced by ``key``, in the same place."""
    return {key if existing == name else existing: value for existing, value in data.items()}


def at(data, path):
    for step in path:
        data = data[step]
    return data


def with_key(payload, path, name, key_class):
    """A deep copy of ``payload`` whose object at ``path`` has ``name`` as a ``key_class``."""
    copied = json.loads(json.dumps(payload))
    if not path:
        return rekeyed(copied, name, key_class(name))
    parent = at(copied, path[:-1])
    parent[path[-1]] = rekeyed(parent[path[-1]], name, key_class(name))
    return copied


class KeptPairs(Mapping):
    """A mapping that gives its pairs as it was given them, never hashing its keys."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def items(self):
        return list(self.pairs)

    def __iter__(self):
        return iter([key for key, _ in self.pairs])

    def __getitem__(self, key):
        raise KeyError("not looked up by key")

    def __len__(self):
        return len(self.pairs)


class SoundTest(unittest.TestCase):
    """What every object read from a payload with str subclass keys must be."""

    def assert_exact_keys(self, value, where):
        if isinstance(value, Model):
            for key in vars(value):
                self.assertIs(type(key), str, where)
            for key in value.extra:
                self.assertIs(type(key), str, where)
            for name in value.__dataclass_fields__:
                self.assert_exact_keys(getattr(value, name), where)
        elif isinstance(value, (dict, FrozenMap)):
            for key, item in value.items():
                self.assertIs(type(key), str, where)
                self.assert_exact_keys(item, where)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self.assert_exact_keys(item, where)

    def assert_reads_as(self, cls, payload, text, where):
        """``payload`` (with subclass keys) reads as ``text`` (the same, plain)."""
        obj = cls.from_dict(payload)
        expected = cls.from_json(text)
        self.assertEqual(obj.to_json(), expected.to_json(), where)
        self.assertEqual(obj.to_dict(), json.loads(text), where)
        self.assertEqual(obj, expected, where)
        self.assertEqual(hash(obj), hash(expected), where)
        self.assertEqual(repr(obj), repr(expected), where)
        self.assertEqual(obj.unrecognized(), expected.unrecognized(), where)
        self.assertEqual(pickle.loads(pickle.dumps(obj)), expected, where)
        for name in cls.__dataclass_fields__:
            self.assertEqual(getattr(obj, name), getattr(expected, name), where)
        self.assert_exact_keys(obj, where)
        self.assert_exact_keys(obj.to_dict(), where)
        return obj


# (class, payload, path to an object, a key of it): required and optional
# fields, at the top and nested, beside an unknown key or not.
PLACES = [
    (tb.TrackBalances, EXAMPLE, (), "granted"),
    (tb.TrackBalances, EXAMPLE, (), "feature_id"),
    (tb.TrackBalances, dict(EXAMPLE, new_key=1), (), "granted"),
    (tb.TrackBalances, dict(EXAMPLE, new_key=1), (), "new_key"),
    (tb.TrackBalances, FULL, (), "allocated"),
    (tb.TrackBalances, FULL, (), "breakdown"),
    (tb.TrackBalances, dict(FULL, new_key=[1]), (), "unallocated"),
    (tb.TrackBalances, FULL, ("breakdown", 0), "plan_id"),
    (tb.TrackBalances, FULL, ("breakdown", 0), "allocation"),
    (tb.TrackBalances, FULL, ("breakdown", 0, "reset"), "interval"),
    (tb.TrackBalances, FULL, ("breakdown", 0, "reset"), "interval_count"),
    (tb.TrackBalances, FULL, ("breakdown", 0, "price"), "tiers"),
    (tb.TrackBalances, FULL, ("breakdown", 0, "price", "tiers", 0), "flat_amount"),
    (tb.TrackBalances, FULL, ("breakdown", 0, "allocation"), "amount"),
    (tb.TrackBalances, FULL, ("rollovers", 0), "granted"),
    (tb.TrackBalances, FULL, ("feature",), "display"),
    (tb.TrackBalances, FULL, ("feature", "display"), "plural"),
    (tb.TrackBalances, FULL, ("feature", "credit_schema", 0), "dimensions"),
    (tb.TrackBalances, FULL, ("feature", "credit_schema", 0), "billing_units"),
    (tb.TrackBalances, FULL, ("feature", "credit_schema", 1), "tier_behavior"),
    (tb.TrackBalances, FULL, ("feature", "credit_schema", 0, "multipliers", "batch"), "factor"),
    (tb.TrackBalances, FULL, ("feature", "credit_schema", 0, "dimensions", "gpt_4o"), "match"),
    (tb.TrackBalances, FULL, ("feature", "model_markups"), "gpt-4o"),
    (tb.TrackResponse, RESPONSE, (), "balance"),
    (tb.TrackResponse, RESPONSE, ("balance",), "usage"),
    (tb.TrackResponse, RESPONSE, ("balances",), "g"),
    (tb.TrackResponse, RESPONSE, ("deductions", 0), "value"),
    (tb.TrackResponse, RESPONSE, (), "deductions"),
    (tb.TrackResponse, RESPONSE, ("balances", "f"), "unlimited"),
]


def _first_key(payload, path):
    return next(iter(at(payload, path)))


class KeyTest(SoundTest):
    def places(self):
        for cls, payload, path, name in PLACES:
            if name not in at(payload, path):
                raise AssertionError("no key %r at %r" % (name, path))
            yield cls, payload, path, name
        # The nested maps, keyed by their first key wherever it is.
        for cls, payload, path in [
            (tb.TrackBalances, FULL, ("feature", "credit_schema", 0, "dimensions")),
            (tb.TrackBalances, FULL, ("feature", "credit_schema", 0, "multipliers")),
            (tb.TrackResponse, RESPONSE, ("balances",)),
        ]:
            yield cls, payload, path, _first_key(payload, path)

    def test_every_kind_of_str_subclass_key_anywhere(self):
        for key_class in H.KEY_CLASSES:
            for cls, payload, path, name in self.places():
                where = "%s %r %s" % (key_class.__name__, path, name)
                with self.subTest(where):
                    hostile = with_key(payload, path, name, key_class)
                    self.assert_reads_as(cls, hostile, json.dumps(payload), where)

    def test_a_mapping_that_is_not_a_dict(self):
        for key_class in H.KEY_CLASSES:
            with self.subTest(key_class.__name__):
                pairs = [
                    (key_class(key) if key == "granted" else key, value)
                    for key, value in EXAMPLE.items()
                ]
                self.assert_reads_as(
                    tb.TrackBalances, KeptPairs(pairs), json.dumps(EXAMPLE), key_class.__name__
                )

    def test_enum_members(self):
        payload = rekeyed(rekeyed(EXAMPLE, "granted", Field.granted), "usage", Field.USAGE)
        self.assert_reads_as(tb.TrackBalances, payload, json.dumps(EXAMPLE), "enum")

    def test_the_object_never_calls_the_key_after_reading(self):
        key = H.RaisingKey("granted")
        obj = tb.TrackBalances.from_dict(rekeyed(EXAMPLE, "granted", key))
        self.assertEqual(obj.granted, 100)
        self.assertFalse(any(held is key for held in vars(obj)))
        self.assertEqual(hash(obj), hash(tb.TrackBalances.from_dict(EXAMPLE)))

    def test_a_problem_beside_a_subclass_key_is_reported_at_its_path(self):
        payload = rekeyed(dict(EXAMPLE, granted="many"), "granted", H.LyingKey("granted"))
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_dict(payload)
        self.assertEqual(
            list(caught.exception.errors), [(("granted",), "expected a number, got str 'many'")]
        )

    def test_a_key_that_is_no_string_is_reported_at_its_object(self):
        breakdown = [dict(EXAMPLE["breakdown"][0], **{"x": 1})]
        breakdown[0][7] = "seven"
        payload = rekeyed(dict(EXAMPLE, breakdown=breakdown), "granted", H.PlainKey("granted"))
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_dict(payload)
        self.assertEqual(
            list(caught.exception.errors), [(("breakdown", 0), "expected string keys, got int 7")]
        )


class DuplicateKeyTest(SoundTest):
    """A str and a subclass with the same text that hashes apart: the last wins,
    as in JSON text, which the same mapping written out and read back would be."""

    def test_the_last_of_two_keys_with_the_same_text_wins(self):
        for first, second in [(100, 999), (999, 100)]:
            with self.subTest(first=first, second=second):
                payload = dict(EXAMPLE, granted=first)
                payload[H.HashApartKey("granted")] = second
                self.assertEqual(len(payload), len(EXAMPLE) + 1)
                text = json.dumps(EXAMPLE).replace(
                    '"granted": 100', '"granted": %d, "granted": %d' % (first, second)
                )
                obj = self.assert_reads_as(tb.TrackBalances, payload, text, "granted")
                self.assertEqual((obj.granted, obj.to_dict()["granted"]), (second, second))
                self.assertEqual(obj.to_dict(), dict(EXAMPLE, granted=second))

    def test_in_a_map_of_balances_and_among_unknown_keys(self):
        balances = {"f": dict(EXAMPLE, granted=1), H.HashApartKey("f"): dict(EXAMPLE, granted=2)}
        payload = dict(RESPONSE, balances=balances)
        obj = tb.TrackResponse.from_dict(payload)
        self.assertEqual(list(obj.balances), ["f"])
        self.assertEqual(obj.balances["f"].granted, 2)
        self.assertEqual(obj.to_dict()["balances"]["f"]["granted"], 2)
        unknown = dict(EXAMPLE, new={"a": 1})
        unknown[H.HashApartKey("new")] = {"a": 2}
        obj = tb.TrackBalances.from_dict(unknown)
        self.assertEqual(obj.extra, {"new": {"a": 2}})
        self.assertEqual(obj.to_dict()["new"], {"a": 2})
        self.assert_exact_keys(obj, "extra")


if __name__ == "__main__":
    unittest.main()
