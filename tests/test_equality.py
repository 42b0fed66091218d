"""Equality and hashing of models follow the package's rule for JSON values:
``true`` is not ``1`` and ``100`` is not ``100.0``; key order is left out."""

import json
import unittest

import trackbalances as tb

from . import schema as S

EXAMPLE = S.load("examples/track_balances_0.json")
FULL = S.load("full_balance.json")


def read(text):
    return tb.TrackBalances.from_json(text)


class TypedFieldTest(unittest.TestCase):
    def test_an_int_is_not_the_same_float(self):
        as_int = read(json.dumps(EXAMPLE))
        as_float = read(json.dumps(EXAMPLE).replace('"granted": 100', '"granted": 100.0'))
        self.assertNotEqual(as_int.to_json(), as_float.to_json())
        self.assertEqual(as_int.granted, as_float.granted)  # the values alone are equal
        self.assertNotEqual(as_int, as_float)
        self.assertFalse(as_int == as_float)
        self.assertTrue(as_int != as_float)
        self.assertEqual(len({as_int, as_float}), 2)

    def test_nested_and_optional_fields(self):
        text = json.dumps(FULL)
        for old, new in [
            ('"included_grant": 400', '"included_grant": 400.0'),
            ('"balance": 12', '"balance": 12.0'),
            ('"allocated": 400', '"allocated": 400.0'),
        ]:
            with self.subTest(new):
                self.assertIn(old, text)
                one, other = read(text), read(text.replace(old, new))
                self.assertNotEqual(one, other)
                self.assertEqual(len({one, other}), 2)

    def test_equal_payloads_are_equal_with_equal_hashes(self):
        one, other = read(json.dumps(FULL)), tb.TrackBalances.from_dict(FULL)
        self.assertEqual(one, other)
        self.assertEqual(hash(one), hash(other))
        self.assertEqual(len({one, other}), 1)

    def test_key_order_is_left_out(self):
        reordered = dict(reversed(list(FULL.items())))
        one, other = tb.TrackBalances.from_dict(FULL), tb.TrackBalances.from_dict(reordered)
        self.assertNotEqual(one.to_json(), other.to_json())
        self.assertEqual(one, other)
        self.assertEqual(hash(one), hash(other))

    def test_unequal_values_and_other_classes(self):
        one = read(json.dumps(EXAMPLE))
        self.assertNotEqual(one, read(json.dumps(dict(EXAMPLE, granted=101))))
        self.assertNotEqual(one, tb.TrackBalances.from_dict(dict(EXAMPLE, extra_key=1)))
        self.assertIs(one.__eq__(EXAMPLE), NotImplemented)
        self.assertNotEqual(one, EXAMPLE)

    def test_the_rule_is_said_in_the_docstring(self):
        doc = tb.TrackBalances.__eq__.__doc__ or ""
        self.assertIn("order", doc)
        self.assertIn("100.0", doc)


class BuiltByHandTest(unittest.TestCase):
    """Objects made with the constructor, which checks nothing, compare strictly too."""

    def allocation(self, amount, extra=None):
        if extra is None:
            return tb.TrackBalancesAllocation(amount=amount)
        return tb.TrackBalancesAllocation(amount=amount, extra=extra)

    def test_scalars(self):
        self.assertEqual(self.allocation(1), self.allocation(1))
        for one, other in [(1, 1.0), (1, True), (0, False), (0.0, False)]:
            with self.subTest(one=one, other=other):
                self.assertNotEqual(self.allocation(one), self.allocation(other))

    def test_plain_containers_are_walked(self):
        cases = [
            ({"a": [1, {"b": True}]}, {"a": [1, {"b": 1}]}),
            ({"a": (1,)}, {"a": (1.0,)}),
            ({"a": [[0]]}, {"a": [[False]]}),
        ]
        for one, other in cases:
            with self.subTest(one=one):
                self.assertEqual(self.allocation(1, one), self.allocation(1, dict(one)))
                self.assertNotEqual(self.allocation(1, one), self.allocation(1, other))

    def test_a_dict_and_a_read_only_map_of_the_same_content(self):
        read_one = tb.TrackBalancesAllocation.from_dict({"amount": 1, "a": "x"})
        self.assertEqual(read_one, self.allocation(1, {"a": "x"}))
        self.assertEqual(self.allocation(1, {}), self.allocation(1))

    def test_nested_models_compare_strictly(self):
        breakdown = EXAMPLE["breakdown"][0]
        one = tb.TrackBalances.from_dict(EXAMPLE)
        other = tb.TrackBalances.from_dict(
            dict(EXAMPLE, breakdown=[dict(breakdown, usage=float(breakdown["usage"]))])
        )
        self.assertNotEqual(one, other)


if __name__ == "__main__":
    unittest.main()
