"""Hostile and unusual input: never a traceback, a wrong answer or an unbounded cost."""

import copy
import json
import sys
import threading
import unittest

import trackbalances as tb
from trackbalances import _table

from . import hostile as H
from . import schema as S

EXAMPLE = S.load("examples/track_balances_0.json")
FULL = S.load("full_balance.json")


def rejected(cls, payload):
    with unittest.TestCase().assertRaises(tb.ValidationError) as caught:
        cls.from_dict(payload)
    return caught.exception


class CallerObjectsTest(unittest.TestCase):
    """What a caller's own objects do while they are read becomes a ValidationError."""

    def test_a_value_whose_comparison_raises(self):
        tier = {"to": H.RaisingComparison(), "amount": 1}
        error = rejected(tb.TrackBalancesTier, tier)
        self.assertEqual(str(error), 'to: expected a number or "inf", got RaisingComparison')

    def test_mappings_that_raise_or_lie(self):
        for bad in (H.RaisingMapping(), H.LyingMapping()):
            with self.subTest(mapping=type(bad).__name__):
                error = rejected(tb.TrackBalances, bad)
                self.assertEqual(error.errors[0].path, ())
                self.assertTrue(error.errors[0].message.startswith("could not be read: "))
                nested = rejected(tb.TrackBalances, dict(EXAMPLE, feature=bad))
                self.assertEqual(nested.errors[0].path, ("feature",))
                unknown = rejected(tb.TrackBalances, dict(EXAMPLE, later={"x": bad}))
                self.assertEqual(unknown.errors[0].path, ("later", "x"))

    def test_input_with_a_problem_is_read_again_for_the_report(self):
        # The first reading stops at the first problem; the second reports
        # what it finds, here nothing: the mapping works the second time.
        mapping = H.FirstReadFails(EXAMPLE)
        self.assertEqual(tb.TrackBalances.from_dict(mapping).to_dict(), EXAMPLE)
        self.assertTrue(mapping.failed)
        nested = dict(EXAMPLE, breakdown=[H.FirstReadFails(EXAMPLE["breakdown"][0])])
        self.assertEqual(tb.TrackBalances.from_dict(nested).to_dict(), EXAMPLE)

    def test_json_text_of_a_subclass_is_read_as_its_base_type(self):
        text = json.dumps(EXAMPLE)
        for same in (H.RaisingStr(text), H.RaisingBytes(text.encode())):
            with self.subTest(kind=type(same).__name__):
                self.assertEqual(tb.TrackBalances.from_json(same).to_dict(), EXAMPLE)

    def test_an_object_whose_class_raises(self):
        error = rejected(tb.TrackBalances, dict(EXAMPLE, later=H.ClassRaises()))
        self.assertEqual(error.errors[0].path, ("later",))

    def test_subclasses_are_read_by_their_base_types_operations(self):
        payload = dict(
            EXAMPLE, feature_id=H.RaisingStr("messages"), granted=H.RaisingInt(100), usage=28
        )
        balance = tb.TrackBalances.from_dict(payload)
        self.assertIs(type(balance.feature_id), str)
        self.assertEqual((balance.feature_id, balance.granted), ("messages", 100))
        self.assertIs(type(balance.granted), int)
        self.assertEqual(balance.to_dict(), EXAMPLE)
        floats = tb.TrackBalances.from_dict(dict(EXAMPLE, usage=H.RaisingFloat(28.5)))
        self.assertEqual(floats.usage, 28.5)
        self.assertIs(type(floats.usage), float)
        unknown = tb.TrackBalances.from_dict(dict(EXAMPLE, later=[H.RaisingStr("x")]))
        self.assertEqual(unknown.extra["later"], ("x",))

    def test_subclasses_cannot_lie(self):
        self.assertEqual(
            tb.TrackBalances.from_dict(dict(EXAMPLE, granted=H.LyingInt(5))).granted, 5
        )
        error = rejected(tb.TrackBalances, dict(EXAMPLE, granted=H.LyingFloat()))
        self.assertEqual(str(error), "granted: expected a number, got LyingFloat nan")
        error = rejected(tb.TrackBalancesTier, {"to": H.LyingStr("x"), "amount": 1})
        self.assertEqual(error.errors[0].path, ("to",))

    def test_a_key_that_is_no_string_is_refused_wherever_it_is_read(self):
        key = H.FieldName("granted")
        payload = dict(EXAMPLE)
        del payload["granted"]
        as_mapping = H.AnyMapping(dict(payload, **{"granted": 1}))
        as_mapping._data = {key if k == "granted" else k: v for k, v in as_mapping._data.items()}
        error = rejected(tb.TrackBalances, as_mapping)
        self.assertIn("expected string keys, got FieldName", str(error))
        for where in ({"balances": {key: EXAMPLE}}, {"later": {key: 1}}):
            payload = dict({"customer_id": "c", "value": 1, "balance": None}, **where)
            error = rejected(tb.TrackResponse, payload)
            self.assertIn("expected string keys, got FieldName", str(error))

    def test_nothing_else_escapes_for_any_hostile_value_anywhere(self):
        for value in H.VALUES:
            for path in [p for p in S.places(FULL) if p]:
                broken = S.replaced(FULL, path, H.RaisingStr("x"))
                parent = S.get(broken, path[:-1])
                parent[path[-1]] = value
                try:
                    tb.TrackBalances.from_dict(broken)
                except tb.ValidationError as error:
                    self.assertTrue(all("\n" not in str(e) for e in error.errors))


class HugeIntTest(unittest.TestCase):
    def test_an_object_with_a_huge_int_works_in_every_operation(self):
        balance = tb.TrackBalances.from_dict(dict(EXAMPLE, granted=H.HUGE, later=[-H.HUGE]))
        self.assertIn("granted=0x", repr(balance))
        self.assertIn("'later': (-0x", repr(balance))
        text = balance.to_json()
        limit = getattr(sys, "get_int_max_str_digits", lambda: 0)()
        if limit:
            sys.set_int_max_str_digits(0)  # only to write the expected digits here
        try:
            digits = str(H.HUGE)
        finally:
            if limit:
                sys.set_int_max_str_digits(limit)
        self.assertIn('"granted":%s,' % digits, text)
        self.assertIn('"later":[-%s]' % digits, text)
        self.assertIn("~", _table.balance(balance).splitlines()[1])
        self.assertEqual(_table.number(-H.HUGE, 10), "~-3.8e5070")
        self.assertEqual(_table.number(-H.HUGE, 9), "~-3e5070")
        self.assertEqual(_table.number(-H.HUGE, 3), "~-3e5070")  # nothing narrower exists
        self.assertEqual(balance.to_dict()["granted"], H.HUGE)
        self.assertEqual(hash(balance), hash(copy.deepcopy(balance)))

    def test_json_text_with_an_int_over_4300_digits_is_refused(self):
        text = json.dumps(EXAMPLE).replace('"granted": 100', '"granted": ' + "9" * 4301)
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_json(text)
        self.assertEqual(str(caught.exception), "invalid JSON: an integer of more than 4300 digits")
        ok = json.dumps(EXAMPLE).replace('"granted": 100', '"granted": ' + "9" * 4300)
        self.assertEqual(tb.TrackBalances.from_json(ok).granted, int("9" * 4300))


class ImmutabilityTest(unittest.TestCase):
    def test_nothing_reachable_from_a_model_can_be_changed(self):
        plain = tb.TrackBalances.from_dict(EXAMPLE)
        other = tb.TrackBalances.from_dict(dict(EXAMPLE, later={"a": [1]}))
        with self.assertRaises(TypeError):
            plain.__dict__["granted"] = 5
        with self.assertRaises(TypeError):
            vars(plain)["granted"] = 5
        with self.assertRaises(AttributeError):
            object.__setattr__(plain, "__dict__", {})
        for frozen in (plain.extra, other.extra, other.extra["later"] and other.extra):
            frozen.__init__({"x": 1})
            with self.assertRaises(AttributeError):
                frozen._data = {"x": 1}
            with self.assertRaises(TypeError):
                frozen._data["x"] = 1
        self.assertEqual(dict(plain.extra), {})
        self.assertEqual(dict(tb.TrackBalances.from_dict(EXAMPLE).extra), {})
        self.assertEqual(plain.granted, 100)
        self.assertEqual(other.to_dict(), dict(EXAMPLE, later={"a": [1]}))


class HelpersTest(unittest.TestCase):
    def test_breakdown_by_plan_of_many_entries_of_one_plan(self):
        entry = EXAMPLE["breakdown"][0]
        balance = tb.TrackBalances.from_dict(dict(EXAMPLE, breakdown=[entry] * 40_000))
        groups = balance.breakdown_by_plan()
        self.assertEqual(list(groups), ["pro_plan"])
        self.assertEqual(len(groups["pro_plan"]), 40_000)

    def test_times_outside_datetimes_range(self):
        for milliseconds in (1e16, 2**63, -1e16, -(2**63), 253402300800000):
            with self.subTest(milliseconds=milliseconds):
                balance = tb.TrackBalances.from_dict(dict(EXAMPLE, next_reset_at=milliseconds))
                with self.assertRaisesRegex(ValueError, "outside the years 1 to 9999"):
                    balance.next_reset_at_datetime  # noqa: B018
                self.assertIn(" ms", _table.balance(balance))
        edge = tb.TrackBalances.from_dict(dict(EXAMPLE, next_reset_at=-62135596800000))
        self.assertEqual(edge.next_reset_at_datetime.year, 1)


class DepthTest(unittest.TestCase):
    def test_a_200_deep_value_works_however_deep_the_caller_is(self):
        payload = dict(EXAMPLE, later=H.deep(199))
        again = tb.TrackBalances.from_dict(payload)
        done = {}

        def at_depth(frames):
            if frames:
                return at_depth(frames - 1)
            try:
                balance = tb.TrackBalances.from_dict(payload)
                done["to_dict"] = balance.to_dict()
                done["to_json"] = balance.to_json()
                done["equal"] = balance == again
                done["hash"] = hash(balance) == hash(again)
                done["repr"] = repr(balance)
                done["unrecognized"] = balance.unrecognized()
                rejected(tb.TrackBalances, dict(EXAMPLE, later=H.deep(201)))
            except BaseException as error:  # the test's own thread reports it
                done["error"] = error

        # Run where only 80 frames are left, whatever this interpreter's limit.
        thread = threading.Thread(target=at_depth, args=(sys.getrecursionlimit() - 80,))
        thread.start()
        thread.join()
        self.assertNotIn("error", done)
        self.assertEqual(done["to_dict"], payload)
        self.assertEqual(json.loads(done["to_json"]), payload)
        self.assertTrue(done["equal"] and done["hash"])
        self.assertEqual(done["repr"], repr(again))
        self.assertEqual(done["unrecognized"][0].path, ("later",))


class MessageTest(unittest.TestCase):
    def test_every_problem_is_one_short_line(self):
        newline_type = type("Evil\nName", (), {})
        long_key = "k" * 500
        payload = dict(
            EXAMPLE,
            granted=newline_type(),
            later={long_key: {long_key: {long_key: float("nan")}}},
            **{"\u3164": float("inf")},
        )
        error = rejected(tb.TrackBalances, payload)
        lines = str(error).splitlines()
        self.assertEqual(len(lines), len(error.errors))
        self.assertTrue(all(len(line) < 400 for line in lines), max(map(len, lines)))
        self.assertIn("granted: expected a number, got 'Evil\\nName'", lines)
        self.assertIn("['\\u3164']: expected a JSON value, got float inf", lines)
        deep_path = rejected(tb.TrackBalances, dict(EXAMPLE, later=H.deep(150, float("nan"))))
        self.assertLess(len(str(deep_path)), 300)
