"""Hostile and unusual input: never a traceback, a wrong answer or an unbounded cost."""

import copy
import json
import pickle
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


class Rewriting:
    """Compares by changing the other operand: what a mapping proxy would hand it."""

    def __init__(self):
        self.seen = []

    def rewrite(self, other):
        self.seen.append(type(other))
        if type(other) is dict:
            other["granted"] = 999
            other["bogus"] = 1
            del other["feature_id"]
        return False

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = rewrite
    __hash__ = None


class Meddling(H.AnyMapping):
    """A nested mapping that, as it is read, takes a key out of its parent
    object, puts another in, and changes itself."""

    def __init__(self, parent, data):
        super().__init__(data)
        self.parent = parent

    def __iter__(self):
        self.parent.pop("later", None)
        self.parent["added"] = 1
        self.parent.pop("unallocated", None)
        keys = list(self._data)
        self._data["late"] = 1
        return iter(keys)


class OwnAttribute(tb.TrackBalances):
    """A subclass, which may keep attributes of its own."""


class ViewTest(unittest.TestCase):
    def test_a_callers_comparison_gets_a_copy_of_the_fields(self):
        balance = tb.TrackBalances.from_dict(EXAMPLE)
        for compare in (
            lambda a, b: a == b,
            lambda a, b: a != b,
            lambda a, b: a < b,
            lambda a, b: a <= b,
            lambda a, b: a > b,
            lambda a, b: a >= b,
        ):
            other = Rewriting()
            self.assertFalse(compare(vars(balance), other))
            self.assertFalse(compare(balance.__dict__, other))
            # Handed the dict behind the view (and changed it) up to Python 3.14.
            self.assertEqual(len(other.seen), 2)
            self.assertLessEqual(set(other.seen), {dict, type(vars(balance))})
        self.assertEqual(balance.granted, 100)
        self.assertEqual(balance.feature_id, EXAMPLE["feature_id"])
        self.assertEqual(list(vars(balance)), list(EXAMPLE))
        self.assertEqual(vars(balance)["granted"], 100)
        self.assertEqual(balance.to_dict(), EXAMPLE)
        self.assertEqual(balance, tb.TrackBalances.from_dict(EXAMPLE))
        self.assertNotIn("bogus", vars(balance))

    def test_a_mapping_that_changes_its_parent_while_it_is_read(self):
        plain = dict(FULL, later=[1])
        payload = dict(plain)
        payload["feature"] = Meddling(payload, FULL["feature"])
        balance = tb.TrackBalances.from_dict(payload)
        self.assertEqual(balance, tb.TrackBalances.from_dict(plain))
        self.assertEqual(balance.to_dict(), plain)
        self.assertEqual(dict(balance.extra), {"later": (1,)})
        self.assertEqual(set(vars(balance)) - {"extra"}, set(FULL))
        self.assertEqual(balance.unallocated, FULL["unallocated"])
        self.assertNotIn("added", balance.to_dict())
        self.assertNotIn("late", balance.feature.to_dict())
        self.assertIn("added", payload)  # what it did, to the caller's own dict


class CallersExceptionTest(unittest.TestCase):
    """An exception that is not an error (``SystemExit``, ``KeyboardInterrupt``,
    ``GeneratorExit``) raised by a caller's object while it is read goes on up,
    as Python lets it everywhere; only errors become a ``ValidationError``."""

    def test_exits_and_interrupts_are_not_caught(self):
        for kind in (SystemExit, KeyboardInterrupt, GeneratorExit):

            class Raising(H.AnyMapping):
                def __iter__(self, kind=kind):
                    raise kind("from the caller")

            for payload in (
                Raising(EXAMPLE),
                dict(FULL, feature=Raising(FULL["feature"])),
                dict(EXAMPLE, later={"a": Raising({})}),
            ):
                with self.subTest(kind=kind.__name__), self.assertRaises(kind):
                    tb.TrackBalances.from_dict(payload)

    def test_an_error_becomes_a_validation_error(self):
        class Raising(H.AnyMapping):
            def __iter__(self):
                raise LookupError("from the caller")

        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_dict(dict(FULL, feature=Raising(FULL["feature"])))
        self.assertEqual(caught.exception.errors[0].path, ("feature",))


class NamelessType(type):
    @property
    def __name__(cls):
        raise H.Boom("name")


class Nameless(metaclass=NamelessType):
    """A value whose type's name cannot be read, for a message to say what it got."""


class ReportTest(unittest.TestCase):
    def test_a_value_that_cannot_be_described(self):
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_dict(dict(EXAMPLE, granted=Nameless()))
        self.assertEqual(str(caught.exception), "could not be read: Boom: 'name'")


class PickleStateTest(unittest.TestCase):
    """Unpickling trusts the values of its input, as pickle does for any object
    (it can run any code), but refuses a state that is not a dict of the
    class's fields with every required one: no object lacks a field."""

    def restored(self, state, cls=tb.TrackBalances):
        obj = object.__new__(cls)
        obj.__setstate__(state)
        return obj

    def test_a_state_that_is_not_a_dict_of_fields_is_refused(self):
        state = vars(tb.TrackBalances.from_dict(EXAMPLE)).copy()
        missing = dict(state)
        del missing["granted"]
        for wrong in (
            None,
            [],
            list(state.items()),
            missing,
            dict(state, bogus=1),
            dict(state, **{"1": 1}),
            {H.PlainKey(key) if key == "granted" else key: value for key, value in state.items()},
            dict(state, **{"": 1}),
        ):
            with self.subTest(wrong=type(wrong).__name__), self.assertRaises(TypeError):
                self.restored(wrong)
        self.assertEqual(self.restored(state), tb.TrackBalances.from_dict(EXAMPLE))

    def test_edited_pickle_bytes(self):
        data = pickle.dumps(tb.TrackBalances.from_dict(EXAMPLE))
        self.assertIn(b"granted", data)
        with self.assertRaisesRegex(TypeError, "granted, grantee"):
            pickle.loads(data.replace(b"granted", b"grantee"))

    def test_values_are_taken_as_given(self):
        state = dict(vars(tb.TrackBalances.from_dict(EXAMPLE)), granted=250)
        self.assertEqual(self.restored(state).granted, 250)

    def test_every_kind_of_object_round_trips(self):
        by_hand = tb.TrackBalancesAllocation(amount=1)
        self.assertIn("extra", vars(by_hand))
        mine = OwnAttribute.from_dict(EXAMPLE)
        mine.note = "kept"
        for obj in (by_hand, mine, tb.TrackBalances.from_dict(dict(FULL, later=1))):
            for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
                again = pickle.loads(pickle.dumps(obj, protocol))
                self.assertEqual(again, obj)
                self.assertEqual(again.to_dict(), obj.to_dict())
            self.assertEqual(copy.copy(obj), obj)
            self.assertEqual(copy.deepcopy(obj), obj)
        self.assertEqual(pickle.loads(pickle.dumps(mine)).note, "kept")
        with self.assertRaises(TypeError):
            self.restored({"amount": 1}, OwnAttribute)


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
