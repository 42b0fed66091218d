"""The read-only JSON values: ``model_markups``, ``provider_markups``,
``processors`` and the values of ``extra``. Read-only however they are used,
equal only to the JSON they hold (types included), hashable consistently with
that, and written back exactly as read."""

import contextlib
import copy
import json
import pickle
import sys
import threading
import unittest
from collections.abc import Mapping

import trackbalances as tb
from trackbalances._errors import FIRST_PROBLEM, ErrorList, Invalid
from trackbalances._example import TRACK_RESPONSE
from trackbalances._frozen import EMPTY, FrozenMap
from trackbalances._jsonvalue import Extra, JsonMap, json_equal, json_hash, plain_copy, thaw
from trackbalances._values import freeze, json_object, json_object_map, plain_json

EXAMPLE = TRACK_RESPONSE["balance"]
with open("tests/data/full_balance.json") as file:
    FULL = json.load(file)

VALUE = {"a": [1, 2.5, {"b": None, "c": [True, "x"]}], "d": {"e": {"f": [[]]}}, "g": -0.0}


def read(value):
    return tb.Balance.from_dict(dict(EXAMPLE, later=value, other=1)).extra


class Grabber:
    """A caller's object whose ``__eq__`` and ``__hash__`` try to change
    whatever they are handed, and keep it."""

    def __init__(self):
        self.seen = []

    def __eq__(self, other):
        self.seen.append(other)
        if len(self.seen) > 3:
            return False
        for target in (other, getattr(other, "mapping", None)):
            for name, args in (("__setitem__", ("a", "changed")), ("clear", ())):
                with contextlib.suppress(Exception):
                    getattr(target, name)(*args)
            with contextlib.suppress(Exception):
                target == self  # noqa: B015  (a mapping proxy hands on its dict here)
        return False

    __ne__ = None
    __hash__ = object.__hash__


class ReadingTest(unittest.TestCase):
    def test_arrays_read_as_tuples_and_objects_as_read_only_mappings(self):
        extra = read(VALUE)
        later = extra["later"]
        self.assertIsInstance(later, Mapping)
        self.assertEqual(later["a"][:2], (1, 2.5))
        self.assertIsInstance(later["a"], tuple)
        self.assertIsInstance(later["a"][2], JsonMap)
        self.assertEqual(later["a"][2]["c"], (True, "x"))
        self.assertEqual(later["d"]["e"]["f"], ((),))
        self.assertIs(later["a"], later["a"])  # made once
        self.assertEqual(later.get("g"), -0.0)
        self.assertIsNone(later.get("missing"))
        self.assertEqual(list(later), ["a", "d", "g"])
        self.assertEqual(len(later), 3)
        self.assertIn("a", later)
        self.assertEqual(list(later.keys()), ["a", "d", "g"])
        self.assertEqual(list(later.values())[2], -0.0)
        self.assertEqual([key for key, _ in later.items()], ["a", "d", "g"])
        with self.assertRaises(TypeError):
            later["a"] = 1  # type: ignore[index]
        with self.assertRaises(AttributeError):
            later.x = 1  # type: ignore[attr-defined]
        with self.assertRaises(TypeError):
            later._data["a"] = 1
        with self.assertRaises(TypeError):
            later._view["a"] = 1

    def test_written_back_exactly_as_read(self):
        payload = dict(EXAMPLE, later=VALUE, flat={"x": [1]}, n=None)
        balance = tb.Balance.from_dict(payload)
        data = balance.to_dict()
        self.assertEqual(json.dumps(data), json.dumps(payload))
        self.assertIsNot(data["later"], VALUE)
        self.assertIsNot(data["later"]["d"]["e"], VALUE["d"]["e"])
        data["later"]["d"]["e"]["f"].append(1)
        self.assertEqual(balance.to_dict()["later"], VALUE)
        feature = tb.TrackBalancesFeature.from_dict(FULL["feature"])
        written = feature.to_dict()
        self.assertEqual(json.dumps(written), json.dumps(FULL["feature"]))
        written["model_markups"]["gpt-4o"]["markup"] = 0
        self.assertEqual(feature.model_markups["gpt-4o"]["markup"], 20)

    def test_the_input_is_not_shared_nor_changed(self):
        value = {"a": [{"b": [1]}], "t": ({"u": 2},)}
        extra = read(value)
        value["a"][0]["b"].append(2)
        self.assertEqual(extra["later"]["a"][0]["b"], (1,))
        self.assertEqual(extra["later"]["t"], ({"u": 2},))

    def test_values_that_are_not_plain_json_are_read_the_slow_way(self):
        class Key(str):
            pass

        class Number(int):
            pass

        value = {Key("k"): Number(3), "m": MappingView({"x": (1.5,)}), "deep": [[[{"y": [2]}]]]}
        later = read(value)["later"]
        self.assertEqual(later, {"k": 3, "m": {"x": [1.5]}, "deep": [[[{"y": [2]}]]]})
        self.assertIs(type(next(iter(later))), str)
        self.assertIs(type(later["k"]), int)
        self.assertEqual(json_object({"a": {}}, (), "p", ErrorList()), {"a": {}})
        self.assertIs(json_object({}, (), "p", ErrorList()), EMPTY)
        self.assertIs(json_object_map({}, (), "p", ErrorList()), EMPTY)
        self.assertIs(json_object_map(MappingView({}), (), "p", ErrorList()), EMPTY)
        self.assertEqual(plain_json({"a": {"b": {"c": 1.5}}}), ({"a": {"b": {"c": 1.5}}}, 3))
        for bad in ({1: 2}, {"a": {1: 2}}, {"a": {"b": {1: 2}}}, {"a": [{1: 2}]}):
            self.assertIsNone(plain_json(bad))
        for bad in (float("nan"), {2}, [float("inf")], [[{2}]], [{"b": {3}}]):
            self.assertIsNone(plain_json({"a": bad}))

    def test_problems_reported_at_their_paths(self):
        cases = {
            "model_markups": ([1], "feature.model_markups: expected an object or null, got list"),
            "provider_markups": ({"p": 1}, "feature.provider_markups.p: expected an object"),
            "processors": ({"s": [float("nan")]}, "feature.processors.s[0]: expected a JSON value"),
        }
        for key, (value, message) in cases.items():
            with self.subTest(key):
                payload = dict(EXAMPLE, feature=dict(FULL["feature"], **{key: value}))
                with self.assertRaises(tb.ValidationError) as caught:
                    tb.Balance.from_dict(payload)
                self.assertIn(message, str(caught.exception))
        with self.assertRaises(tb.ValidationError) as caught:
            tb.Balance.from_dict(dict(EXAMPLE, later={"a": {1: 2}, "b": {3}}))
        self.assertIn("later.a: expected string keys", str(caught.exception))
        self.assertIn("later.b: expected a JSON value", str(caught.exception))
        with self.assertRaises(tb.ValidationError) as caught:
            tb.Balance.from_dict({3: 4, **EXAMPLE})
        self.assertIn("expected string keys, got int", str(caught.exception))

    def test_a_huge_array_stops_where_the_error_list_stops(self):
        class Capped(ErrorList):
            def append(self, problem):
                if len(self) == 5:
                    raise OverflowError("enough")
                super().append(problem)

        errors = Capped()
        with self.assertRaises(OverflowError):
            freeze({"a": [float("nan")] * 1000000}, (), errors)
        self.assertEqual(len(errors), 5)
        with self.assertRaises(Invalid):
            freeze([1, float("nan")], (), FIRST_PROBLEM)

    def test_deeper_than_the_limit_is_refused(self):
        value = 1
        for _ in range(201):
            value = [value]
        errors = ErrorList()
        made, depth = freeze(value, ("x",), errors)
        self.assertEqual(depth, 200)
        self.assertEqual(errors[0][1], "nested deeper than 200 levels")
        self.assertIsNone(plain_json({"a": value}))


class EqualityTest(unittest.TestCase):
    def test_equal_to_the_plain_json_it_holds_with_its_types(self):
        later = read(VALUE)["later"]
        self.assertEqual(later, VALUE)
        self.assertEqual(later, json.loads(json.dumps(VALUE)))
        self.assertEqual(later, read(VALUE)["later"])
        reordered = {"g": -0.0, "d": VALUE["d"], "a": VALUE["a"]}
        self.assertEqual(later, reordered)  # key order is outside equality
        self.assertEqual(hash(later), hash(read(reordered)["later"]))
        for other in (
            {"a": True},
            {"a": 1.0},
            {"a": [False]},
            {"a": {"b": 1}},
            {"a": 1, "b": 2},
            {"b": 1},
            [1],
        ):
            with self.subTest(other):
                self.assertNotEqual(read({"a": 1})["later"], other)
        self.assertNotEqual(read({"a": [False]})["later"], {"a": [0.0]})
        self.assertNotEqual(read({"a": 100})["later"], read({"a": 100.0})["later"])
        self.assertNotEqual(read({"a": 0.0})["later"], {"a": -0.0})
        self.assertNotEqual(read({"a": [1]})["later"], {"a": [1, 2]})
        self.assertNotEqual(read({"a": {"b": 1}})["later"], {"a": {"c": 1}})
        self.assertNotEqual(read({"a": {"b": 1}})["later"], {"a": [1]})
        self.assertNotEqual(read({"a": 1})["later"], FrozenMap({"a": "x"}))
        self.assertEqual(read({"a": "x"})["later"], FrozenMap({"a": "x"}))
        self.assertEqual(read({"a": [1]})["later"], {"a": (1,)})
        self.assertFalse(read({"a": 1})["later"] == 1)
        self.assertEqual(JsonMap({}), EMPTY)
        self.assertEqual(EMPTY, JsonMap({}))
        self.assertEqual(hash(JsonMap({})), hash(EMPTY))

    def test_objects_that_write_apart_compare_apart(self):
        one = tb.Balance.from_dict(dict(EXAMPLE, later=1))
        true = tb.Balance.from_dict(dict(EXAMPLE, later=True))
        self.assertNotEqual(one, true)
        self.assertEqual(len({one.to_json(), true.to_json()}), 2)
        lists = [tb.Balance.from_dict(dict(EXAMPLE, later=[v])) for v in (False, 0.0, 0)]
        self.assertEqual(len(set(lists)), 3)
        self.assertEqual(len({one, tb.Balance.from_dict(dict(EXAMPLE, later=1))}), 1)

    def test_hash_as_the_frozen_value_it_stands_for(self):
        later = read(VALUE)["later"]
        self.assertEqual(hash(later), hash(later))
        self.assertEqual(hash(later["a"]), hash(later["a"]))
        self.assertEqual(json_hash({"a": {"b": 1}}), hash(FrozenMap({"a": FrozenMap({"b": 1})})))
        self.assertEqual(json_hash({"a": [1, "x"]}), hash(FrozenMap({"a": (1, "x")})))
        self.assertTrue(json_equal({"a": 1}, FrozenMap({"a": 1})))


class NoLeakTest(unittest.TestCase):
    def check_unchanged(self, value, grabbed):
        self.assertEqual(value, {"a": 1, "n": {"b": [2]}})
        for item in grabbed:
            self.assertIsNot(type(item), dict)  # nothing of its own handed over

    def test_a_callers_eq_and_hash_cannot_change_a_value(self):
        value = read({"a": 1, "n": {"b": [2]}})["later"]
        for handed in (
            value,
            value.keys(),
            value.values(),
            value.items(),
            value["n"],
            value["n"].items(),
        ):
            grabber = Grabber()
            self.assertFalse(handed == grabber)
            self.assertFalse(grabber == handed)
            self.assertIn(handed, [handed])
            self.check_unchanged(value, [])
        self.assertEqual(value.keys(), {"a", "n"})
        for view in (value.keys(), value.values(), value.items()):
            Grabber().__eq__(view)  # its mapping too, where views have one
        self.check_unchanged(value, [])

    def test_the_maps_of_objects_hand_out_copies_too(self):
        response = tb.TrackResponse.from_dict(
            {"customer_id": "c", "value": 1, "balance": None, "balances": {"f": EXAMPLE}}
        )
        balances = response.balances
        for handed in (balances.keys(), balances.values(), balances.items()):
            grabber = Grabber()
            self.assertFalse(handed == grabber)
            self.assertFalse(grabber == handed)
        self.assertEqual(list(balances), ["f"])
        self.assertIs(balances.get("f"), balances["f"])
        self.assertIsNone(balances.get("g"))
        self.assertEqual(balances == {"f": balances["f"]}, True)
        self.assertFalse(balances == Grabber())


class HandMadeTest(unittest.TestCase):
    def test_made_by_hand_pickled_and_copied(self):
        value = JsonMap({"a": (1, FrozenMap({"b": [2]})), "m": MappingView({"c": None})})
        self.assertEqual(value, {"a": [1, {"b": [2]}], "m": {"c": None}})
        self.assertEqual(thaw(value), {"a": [1, {"b": [2]}], "m": {"c": None}})
        self.assertEqual(pickle.loads(pickle.dumps(value)), value)
        self.assertEqual(copy.deepcopy(value), value)
        extra = read(VALUE)
        self.assertIs(type(extra), Extra)
        again = pickle.loads(pickle.dumps(extra))
        self.assertEqual(again, extra)
        self.assertEqual(again.keys_as_sent, extra.keys_as_sent)
        self.assertEqual(Extra({"x": [1]}, ("x",)).keys_as_sent, ("x",))
        nested = JsonMap({"j": read({"k": [1]})["later"]})
        self.assertEqual(thaw(nested), {"j": {"k": [1]}})
        self.assertEqual(plain_copy(({"a": (1,)},)), ([{"a": [1]}], 3))
        for maker in (JsonMap, Extra):
            with self.assertRaises(TypeError):
                maker([1])  # type: ignore[arg-type]

    def test_thaw_of_values_given_by_hand(self):
        self.assertEqual(thaw((1, {"a": (2,)})), [1, {"a": [2]}])
        self.assertEqual(thaw(EMPTY), {})
        self.assertEqual(thaw(2.5), 2.5)
        obj = tb.TrackBalancesFeature.from_dict(FULL["feature"])
        import dataclasses

        hand = dataclasses.replace(obj, processors={"stripe": {"x": (1,)}})
        self.assertEqual(hand.to_dict()["processors"], {"stripe": {"x": [1]}})

    def test_repr_shows_arrays_as_tuples(self):
        later = read({"a": [1], "b": [1, {"c": "d"}], "e": {}, "f": 10**5000})["later"]
        self.assertEqual(repr(later)[:43], "{'a': (1,), 'b': (1, {'c': 'd'}), 'e': {}, ")
        self.assertIn("'f': 0x", repr(later))
        self.assertEqual(repr(read({})["later"]), "{}")


class FrozenMapTest(unittest.TestCase):
    def test_repr_of_ints_too_long_for_decimal(self):
        shown = repr(FrozenMap({"a": 10**5000, "t": (10**5000,), "s": "x"}))
        self.assertTrue(shown.startswith("{'a': 0x"), shown[:20])
        self.assertIn("'t': (0x", shown)
        self.assertTrue(shown.endswith(",), 's': 'x'}"), shown[-20:])
        self.assertEqual(repr(FrozenMap({"a": 1})), "{'a': 1}")

    def test_what_runs_on_a_fresh_stack_is_kept_for_the_caller(self):
        from trackbalances._frozen import run_and_keep

        for function, args, kept in ((sum, ([1, 2],), (True, 3)), (divmod, (1, 0), False)):
            outcome = []
            finished = threading.Lock()
            finished.acquire()
            run_and_keep(function, args, outcome, finished)
            self.assertFalse(finished.locked())
            if kept:
                self.assertEqual(outcome, [kept])
            else:
                self.assertIsInstance(outcome[0][1], ZeroDivisionError)

    def test_a_recursion_error_while_reading_is_not_the_inputs_fault(self):
        # A caller at the end of its stack gets RecursionError, as from any call,
        # not a ValidationError that blames the input. test_deep_stack tests this
        # on every interpreter, in processes of their own; here it is in-process.
        if sys.implementation.name != "cpython" or sys.version_info < (3, 9):
            # PyPy's limit is not exact, and before 3.9 a RecursionError leaves
            # 50 frames more to the next call on the same stack.
            self.skipTest("the limit is not exact here: test_deep_stack covers it")
        feature = {"id": "f", "name": "F", "type": "metered", "consumable": True, "archived": False}
        payload = dict(EXAMPLE, feature=feature)
        self.assertEqual(tb.Balance.from_dict(payload).feature.id, "f")
        limit = sys.getrecursionlimit()
        outcomes = []
        try:
            lowest = next(n for n in range(1, limit) if _limit_accepted(n))
            for room in range(8):
                sys.setrecursionlimit(lowest + room)
                try:
                    outcomes.append(tb.Balance.from_dict(payload).feature.id)
                except RecursionError:
                    outcomes.append(RecursionError)
        finally:
            sys.setrecursionlimit(limit)
        self.assertIn(RecursionError, outcomes)
        self.assertEqual(outcomes[-1], "f")
        self.assertLessEqual(set(outcomes), {RecursionError, "f"})


def _limit_accepted(limit):
    try:
        sys.setrecursionlimit(limit)
    except RecursionError:  # below the depth the caller is at
        return False
    return True


class ThreadTest(unittest.TestCase):
    def test_views_made_by_racing_threads_agree(self):
        for _ in range(20):
            later = read(VALUE)["later"]
            seen = []
            start = threading.Barrier(4)

            def use(later=later, start=start, seen=seen):
                start.wait()
                seen.append((later["a"], hash(later), later == VALUE))

            threads = [threading.Thread(target=use) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            self.assertEqual(len({item[:2] for item in seen}), 1)
            self.assertTrue(all(item[2] for item in seen))


class MappingView(Mapping):
    """A mapping that is not a dict."""

    def __init__(self, data):
        self.data = data

    def __getitem__(self, key):
        return self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


if __name__ == "__main__":
    unittest.main()
