"""Each field of the spec's field table in each of its states: absent, null, a value."""

import dataclasses
import random
import unittest

import trackbalances as tb

from . import schema as S

# The field table that the package reads: (required, nullable) for each key.
# It is the spec's (API 2.1.0) with what API 2.5.0 adds: a key is required only
# where both versions require it (so a rollover's ``granted`` is optional), and
# a credit schema item or dimension needs ``credit_cost``, or ``tiers`` and
# ``tier_behavior``, so each of the three is optional on its own.
TABLE = {
    "TrackResponse": {
        "customer_id": (True, False),
        "value": (True, False),
        "balance": (True, True),
        "entity_id": (False, False),
        "event_name": (False, False),
        "balances": (False, False),
        "deductions": (False, False),
    },
    "TrackBalances": {
        "feature_id": (True, False),
        "feature": (False, False),
        "granted": (True, False),
        "remaining": (True, False),
        "usage": (True, False),
        "unlimited": (True, False),
        "overage_allowed": (True, False),
        "max_purchase": (True, True),
        "next_reset_at": (True, True),
        "breakdown": (False, False),
        "rollovers": (False, False),
        "allocated": (False, False),
        "unallocated": (False, False),
    },
    "TrackBalancesFeature": {
        "id": (True, False),
        "name": (True, False),
        "type": (True, False),
        "consumable": (True, False),
        "archived": (True, False),
        "combine": (False, False),
        "event_names": (False, False),
        "credit_schema": (False, False),
        "model_markups": (False, True),
        "default_markup": (False, False),
        "provider_markups": (False, True),
        "display": (False, False),
        "processors": (False, False),
    },
    "TrackBalancesCreditSchema": {
        "metered_feature_id": (True, False),
        "credit_cost": (False, False),
        "tiers": (False, False),
        "tier_behavior": (False, False),
        "billing_units": (False, False),
        "dimensions": (False, False),
        "multipliers": (False, False),
    },
    "TrackBalancesCreditTier": {"to": (True, False), "credit_cost": (True, False)},
    "TrackBalancesDimension": {
        "match": (True, False),
        "credit_cost": (False, False),
        "tiers": (False, False),
        "tier_behavior": (False, False),
        "priority": (False, False),
    },
    "TrackBalancesMultiplier": {
        "match": (True, False),
        "factor": (False, False),
        "add": (False, False),
    },
    "TrackBalancesDisplay": {"singular": (False, True), "plural": (False, True)},
    "TrackBalancesBreakdown": {
        "id": (False, False),
        "plan_id": (True, True),
        "included_grant": (True, False),
        "prepaid_grant": (True, False),
        "remaining": (True, False),
        "usage": (True, False),
        "unlimited": (True, False),
        "reset": (True, True),
        "price": (True, True),
        "expires_at": (True, True),
        "source": (False, False),
        "allocation": (False, True),
    },
    "TrackBalancesReset": {
        "interval": (True, False),
        "interval_count": (False, False),
        "resets_at": (True, True),
    },
    "TrackBalancesPrice": {
        "billing_units": (True, False),
        "billing_method": (True, False),
        "max_purchase": (True, True),
        "amount": (False, False),
        "tiers": (False, False),
        "tier_behavior": (False, False),
    },
    "TrackBalancesTier": {
        "to": (True, False),
        "amount": (True, False),
        "flat_amount": (False, True),
    },
    "TrackBalancesAllocation": {"amount": (True, False)},
    "TrackBalancesRollover": {
        "granted": (False, False),
        "balance": (True, False),
        "expires_at": (True, False),
    },
    "TrackDeduction": {
        "balance_id": (True, False),
        "feature_id": (True, False),
        "plan_id": (True, True),
        "reset": (True, True),
        "value": (True, False),
    },
}


def _nullable(prop):
    return any(s.get("type") == "null" for s in prop.get("anyOf", ()))


def _python_value(value):
    """What an attribute holds for a JSON value: tuples for lists, models for objects."""
    if type(value) is list:
        return tuple(value)
    return value


class FieldTableTest(unittest.TestCase):
    def test_the_schema_agrees_with_the_table(self):
        for name, sub in S.subschemas().items():
            with self.subTest(cls=name):
                props = sub["properties"]
                self.assertEqual(set(props), set(TABLE[name]))
                for key, (required, nullable) in TABLE[name].items():
                    self.assertEqual(key in sub.get("required", ()), required, key)
                    self.assertEqual(_nullable(props[key]), nullable, key)

    def test_the_dataclass_fields_follow_the_table(self):
        for name, keys in TABLE.items():
            with self.subTest(cls=name):
                cls = getattr(tb, name)
                fields = cls.__dataclass_fields__
                self.assertEqual(set(fields), set(keys) | {"extra"})
                for key, (required, _) in keys.items():
                    # Optional fields default to ABSENT; required ones have no default.
                    expected = dataclasses.MISSING if required else tb.ABSENT
                    self.assertIs(fields[key].default, expected, key)

    def test_each_field_absent_null_and_given(self):
        rng = random.Random(3)
        for name, sub in S.subschemas().items():
            cls = getattr(tb, name)
            for key, (required, nullable) in TABLE[name].items():
                base = S.generate(sub, rng, unknown=0, null=0, optional=1)
                value = base[key]
                with self.subTest(cls=name, key=key, state="given"):
                    obj = cls.from_dict(base)
                    self.assertEqual(obj.to_dict(), base)
                    if type(value) not in (dict, list):
                        self.assertEqual(getattr(obj, key), value)
                        self.assertIs(type(getattr(obj, key)), type(value))
                    elif type(value) is list:
                        self.assertIs(type(getattr(obj, key)), tuple)
                        self.assertEqual(len(getattr(obj, key)), len(value))

                absent = dict(base)
                del absent[key]
                with self.subTest(cls=name, key=key, state="absent"):
                    if required:
                        self._assert_rejected(cls, absent, (key,), "required key missing")
                    else:
                        obj = cls.from_dict(absent)
                        self.assertIs(getattr(obj, key), tb.ABSENT)
                        self.assertNotIn(key, obj.to_dict())
                        self.assertEqual(obj.to_dict(), absent)

                null = dict(base, **{key: None})
                with self.subTest(cls=name, key=key, state="null"):
                    if nullable:
                        obj = cls.from_dict(null)
                        self.assertIsNone(getattr(obj, key))
                        self.assertEqual(obj.to_dict(), null)
                    else:
                        self._assert_rejected(cls, null, (key,), "got null")

    def _assert_rejected(self, cls, payload, path, text):
        with self.assertRaises(tb.ValidationError) as caught:
            cls.from_dict(payload)
        (error,) = caught.exception.errors
        self.assertEqual(error.path, path)
        self.assertIn(text, error.message)

    def test_display_has_three_states_per_key(self):
        for singular in (tb.ABSENT, None, "message"):
            for plural in (tb.ABSENT, None, "messages"):
                payload = {
                    k: v
                    for k, v in (("singular", singular), ("plural", plural))
                    if v is not tb.ABSENT
                }
                display = tb.TrackBalancesDisplay.from_dict(payload)
                self.assertEqual(display.singular, singular)
                self.assertEqual(display.plural, plural)
                self.assertEqual(display.to_dict(), payload)

    def test_breakdown_id_absent_is_not_its_default(self):
        entry = dict(S.load("examples/track_balances_0.json")["breakdown"][0])
        del entry["id"]
        parsed = tb.TrackBalancesBreakdown.from_dict(entry)
        self.assertIs(parsed.id, tb.ABSENT)
        self.assertNotIn("id", parsed.to_dict())
        self.assertEqual(tb.TrackBalancesBreakdown.from_dict(dict(entry, id="")).id, "")


if __name__ == "__main__":
    unittest.main()
