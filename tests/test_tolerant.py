"""Tolerant reading: ``read_balances`` gives every balance that is valid on its own,
exactly as strict reading gives it, and names the problems of the rest."""

import json
import random
import unittest
from collections.abc import Mapping
from types import MappingProxyType

import trackbalances as tb
from trackbalances import _mistakes

from . import hostile
from . import schema as S
from .test_conformance import at_or_under

READER = S.subschemas()


def strict(value):
    """What ``Balance.from_dict`` gives for ``value``, or None if it refuses it."""
    try:
        return tb.Balance.from_dict(value)
    except tb.ValidationError:
        return None


def expected_balances(kind, payload):
    """The readable balances of a payload, by the definition: each balance read
    strictly on its own, in payload order (a response's ``balance`` last, under
    its own feature ID)."""
    found = {}
    if kind == "balance":
        balance = strict(payload)
        if balance is not None:
            found[balance.feature_id] = balance
        return found
    entries = payload if kind == "map" else payload.get("balances")
    if type(entries) is dict:
        for key, value in entries.items():
            if value is not None and strict(value) is not None:
                found[key] = strict(value)
    if kind == "response" and payload.get("balance") is not None:
        balance = strict(payload["balance"])
        if balance is not None:
            found[balance.feature_id] = balance
    return found


def balance_payloads(rng, count):
    return [S.generate(READER["TrackBalances"], rng) for _ in range(count)]


def response_payload(rng):
    """A generated track response with a ``balances`` map of several entries and a
    null one, and a ``balance`` (or a null one)."""
    payload = S.generate(READER["TrackResponse"], rng)
    payload["balances"] = {"f%d" % i: b for i, b in enumerate(balance_payloads(rng, 3))}
    payload["balances"]["no_balance"] = None
    payload["balance"] = rng.choice([None, S.generate(READER["TrackBalances"], rng)])
    return payload


class MutatedPayloadTest(unittest.TestCase):
    """Generated payloads broken in one place each: every other balance is read
    exactly as strict reading reads it, and the problems name the broken place."""

    COUNT = 40

    def check(self, kind, payload, schema_valid):
        self.assertEqual(tb._tolerant.kind_of(payload), kind)
        balances, problems = tb.read_balances(payload)
        expected = expected_balances(kind, payload)
        self.assertEqual(balances, expected)
        self.assertEqual(list(balances), list(expected))
        for key, balance in balances.items():
            self.assertEqual(balance.to_dict(), strict(balance.to_dict()).to_dict(), key)
        if schema_valid:
            self.assertEqual(problems, ())
        else:
            self.assertTrue(problems)
            self.assertTrue(all(type(p) is tb.ErrorDetail for p in problems))
        text_balances, text_problems = tb.read_balances_json(json.dumps(payload))
        self.assertEqual((text_balances, text_problems), (balances, problems))
        return problems

    def test_responses(self):
        rng = random.Random(16)
        schema = READER["TrackResponse"]
        broken = 0
        for _ in range(self.COUNT):
            payload = response_payload(rng)
            self.assertTrue(S.is_valid(schema, payload))
            with self.subTest(payload=payload):
                balances, problems = tb.read_balances(payload)
                self.assertEqual(balances, tb.TrackResponse.from_dict(payload).all_balances())
                self.assertEqual(problems, ())
            for path, mutated in S.mutations(payload, rng, 4):
                with self.subTest(path=path, payload=mutated):
                    valid = S.is_valid(schema, mutated)
                    problems = self.check("response", mutated, valid)
                    for problem in problems:
                        self.assertTrue(at_or_under(problem.path, path), problem)
                    broken += not valid
        self.assertGreater(broken, self.COUNT)

    def test_maps(self):
        rng = random.Random(17)
        schema = READER["TrackBalances"]
        broken = 0
        for _ in range(self.COUNT):
            payload = {"f%d" % i: b for i, b in enumerate(balance_payloads(rng, 3))}
            self.check("map", payload, True)
            for path, mutated in S.mutations(payload, rng, 4):
                with self.subTest(path=path, payload=mutated):
                    entry = mutated.get(path[0], S.DELETE)
                    valid = entry is S.DELETE or S.is_valid(schema, entry)
                    problems = self.check("map", mutated, valid)
                    for problem in problems:
                        self.assertTrue(at_or_under(problem.path, path), problem)
                    broken += not valid
        self.assertGreater(broken, self.COUNT)

    def test_single_balances(self):
        rng = random.Random(18)
        schema = READER["TrackBalances"]
        broken = 0
        for payload in balance_payloads(rng, self.COUNT):
            self.check("balance", payload, True)
            for path, mutated in S.mutations(payload, rng, 4):
                if path == ("feature_id",):
                    continue  # the key that makes it a balance; the kinds are tested below
                with self.subTest(path=path, payload=mutated):
                    valid = S.is_valid(schema, mutated)
                    problems = self.check("balance", mutated, valid)
                    for problem in problems:
                        self.assertTrue(at_or_under(problem.path, path), problem)
                    broken += not valid
        self.assertGreater(broken, self.COUNT)


def balance(feature_id="messages", **changes):
    payload = {
        "feature_id": feature_id,
        "granted": 100,
        "remaining": 72,
        "usage": 28,
        "unlimited": False,
        "overage_allowed": False,
        "max_purchase": None,
        "next_reset_at": None,
    }
    payload.update(changes)
    return payload


class ReadBalancesTest(unittest.TestCase):
    def test_the_issue_example(self):
        response = {
            "customer_id": "cus_1",
            "value": 1,
            "balance": None,
            "balances": {
                "messages": balance(),
                "api_calls": balance("api_calls", remaining=-3),
                "seats": balance("seats"),
            },
        }
        balances, problems = tb.read_balances(response)
        self.assertEqual(list(balances), ["messages", "seats"])
        self.assertEqual(balances["messages"], tb.Balance.from_dict(balance()))
        self.assertEqual(
            [str(p) for p in problems],
            ["balances.api_calls.remaining: expected a number >= 0, got int -3"],
        )

    def test_problems_outside_the_balances_keep_none_out(self):
        response = {"value": "one", "balance": balance(), "balances": {"seats": balance("seats")}}
        balances, problems = tb.read_balances(response)
        self.assertEqual(list(balances), ["seats", "messages"])
        self.assertEqual(
            [str(p) for p in problems],
            ["customer_id: required key missing", "value: expected a number, got str 'one'"],
        )

    def test_a_balance_and_its_entry_in_balances(self):
        # The balance is the tracked feature's, under its own feature ID, as all_balances() has it.
        good, bad = balance(usage=29), balance(usage="x")
        response = {"customer_id": "c", "value": 1, "balance": good, "balances": {"messages": bad}}
        balances, problems = tb.read_balances(response)
        self.assertEqual(balances, {"messages": tb.Balance.from_dict(good)})
        self.assertEqual([p.path for p in problems], [("balances", "messages", "usage")])
        response = {"customer_id": "c", "value": 1, "balance": bad, "balances": {"messages": good}}
        balances, problems = tb.read_balances(response)
        self.assertEqual(balances, {"messages": tb.Balance.from_dict(good)})
        self.assertEqual([p.path for p in problems], [("balance", "usage")])

    def test_places_inside_a_balance_are_named(self):
        entry = {"plan_id": "p", "reset": {"interval": 5}}
        rollover = {"balance": 1}
        payload = {"a": balance("a", breakdown=[entry], rollovers=[rollover]), "b": balance("b")}
        balances, problems = tb.read_balances(payload)
        self.assertEqual(list(balances), ["b"])
        paths = [p.path for p in problems]
        self.assertIn(("a", "breakdown", 0, "reset", "interval"), paths)
        self.assertIn(("a", "rollovers", 0, "expires_at"), paths)

    def test_null_entries(self):
        response = {
            "customer_id": "c",
            "value": 1,
            "balance": None,
            "balances": {"credits": None, "messages": balance()},
        }
        self.assertEqual(
            tb.read_balances(response), ({"messages": tb.Balance.from_dict(balance())}, ())
        )
        self.assertEqual(tb.read_balances({"credits": None}), ({}, ()))
        self.assertEqual(tb.read_balances({}), ({}, ()))

    def test_a_queued_track_answer_has_no_balances(self):
        self.assertEqual(
            tb.read_balances({"customer_id": "c", "value": 1, "balance": None}), ({}, ())
        )

    def test_wrong_values_in_a_map_are_problems_at_their_keys(self):
        balances, problems = tb.read_balances({"a": balance("a"), "b": 5, "c": [1]})
        self.assertEqual(list(balances), ["a"])
        self.assertEqual(
            [str(p) for p in problems],
            ["b: expected an object, got int 5", "c: expected an object, got list"],
        )

    def test_wrong_shapes_around_the_balances(self):
        response = {"customer_id": "c", "value": 1, "balance": "x", "balances": [balance()]}
        self.assertEqual(
            [str(p) for p in tb.read_balances(response)[1]],
            ["balances: expected an object, got list", "balance: expected an object, got str 'x'"],
        )
        response = {"customer_id": "c", "value": 1, "balances": {1: balance(), "b": balance("b")}}
        balances, problems = tb.read_balances(response)
        self.assertEqual(list(balances), ["b"])
        self.assertEqual(
            [str(p) for p in problems],
            ["balance: required key missing", "balances: expected string keys, got int 1"],
        )

    def test_any_mapping(self):
        payload = MappingProxyType({"customer_id": "c", "value": 1, "balance": balance(usage=None)})
        balances, problems = tb.read_balances(payload)
        self.assertEqual(balances, {})
        self.assertEqual([str(p) for p in problems], ["balance.usage: expected a number, got null"])
        self.assertEqual(
            tb.read_balances(MappingProxyType({"m": MappingProxyType(balance())})),
            ({"m": tb.Balance.from_dict(balance())}, ()),
        )

    def test_keys_that_are_str_subclasses_are_read_as_their_text(self):
        payload = {hostile.PlainKey(key): value for key, value in balance().items()}
        response = {"customer_id": "c", "value": 1, "balance": payload}
        for data in (response, {"m": payload}, payload):
            with self.subTest(data=data):
                balances, problems = tb.read_balances(data)
                self.assertEqual(problems, ())
                (read,) = balances.values()
                self.assertEqual(read, tb.Balance.from_dict(balance()))
                self.assertTrue(all(type(key) is str for key in read.to_dict()))

    def test_what_a_strict_reading_gives(self):
        # Valid input is what from_dict gives; invalid input names what from_dict names.
        payload = balance(breakdown=[{"plan_id": None}])
        with self.assertRaises(tb.ValidationError) as caught:
            tb.Balance.from_dict(payload)
        self.assertEqual(tb.read_balances(payload), ({}, caught.exception.errors))

    def test_problems_are_bounded_as_a_report_is(self):
        payload = {"f%d" % i: balance("f%d" % i, granted="x", usage="y") for i in range(80)}
        payload["ok"] = balance("ok")
        balances, problems = tb.read_balances(payload)
        self.assertEqual(list(balances), ["ok"])
        self.assertEqual(len(problems), 101)
        self.assertEqual(problems[99].path, ("f49", "usage"))
        self.assertEqual(problems[-1], tb.ErrorDetail((), "... and 60 more problems"))

    def test_more_problems_inside_one_balance_are_counted(self):
        payload = {"a": balance("a", breakdown=[{}] * 30), "b": balance("b", usage="y")}
        problems = tb.read_balances(payload)[1]
        with self.assertRaises(tb.ValidationError) as caught:
            tb.Balance.from_dict(payload["a"])
        more = caught.exception.more
        self.assertGreater(more, 0)
        self.assertEqual(problems[-1], tb.ErrorDetail((), "... and %d more problems" % (more + 1)))

    def test_a_balance_whose_reading_stopped_gives_a_lower_bound(self):
        payload = {"a": balance("a", breakdown=[{}] * 2000), "b": balance("b")}
        balances, problems = tb.read_balances(payload)
        self.assertEqual(list(balances), ["b"])
        self.assertEqual(len(problems), 101)
        self.assertRegex(problems[-1].message, r"^\.\.\. and at least \d+ more problems$")

    def test_inputs_of_no_kind_are_refused(self):
        none = "neither a balance, a track response nor a map of balances: "
        old_api = {"id": "evt_1", "code": "event_received", "customer_id": "c", "feature_id": "m"}
        cases = [
            ([balance()], "got list", None),
            ("text", "got str 'text'", None),
            (None, "got null", None),
            (hostile.ClassRaises(), "got ClassRaises", None),
            (
                {"message": "Invalid secret key", "code": "invalid_secret_key"},
                "message is str 'Invalid secret key', not an object or null",
                _mistakes.ERROR_ANSWER % "'Invalid secret key'",
            ),
            ({"success": True}, "success is bool True, not an object or null", _mistakes.QUEUED),
            ({"later": 5, "other": "x"}, "later is int 5, not an object or null", None),
            (old_api, "a track response of API 1.2.0", _mistakes.OLD_API),
        ]
        for data, got, hint in cases:
            with self.subTest(data=data):
                with self.assertRaises(tb.ValidationError) as caught:
                    tb.read_balances(data)
                self.assertEqual(caught.exception.errors, (tb.ErrorDetail((), none + got),))
                self.assertEqual(caught.exception.hint, hint)

    def test_read_as_a_kind_it_is_not(self):
        # What the command line's --kind asks for: read as that kind, whatever the keys.
        read_as = tb._tolerant.read_as
        self.assertEqual(
            read_as([], "response")[1].details(),
            (tb.ErrorDetail((), "expected an object, got list"),),
        )
        found, report = read_as({"m": None}, "map")
        self.assertEqual((found, report.details()), ({"m": None}, ()))
        found, report = read_as({"m": balance()}, "balance")
        self.assertEqual(found, {})
        self.assertEqual(report[0], tb.ErrorDetail(("feature_id",), "required key missing"))
        self.assertEqual(str(report.error("a hint")).splitlines()[-1], "hint: a hint")

    def test_a_mapping_that_cannot_be_read(self):
        with self.assertRaises(tb.ValidationError) as caught:
            tb.read_balances(BrokenMapping())
        self.assertEqual(str(caught.exception), "could not be read: RuntimeError: 'no keys'")

    def test_json_text(self):
        text = json.dumps({"a": balance("a"), "b": balance("b", usage=-1.5)})
        for given in (text, text.encode(), bytearray(text.encode())):
            balances, problems = tb.read_balances_json(given)
            self.assertEqual(list(balances), ["a", "b"])
            self.assertEqual(problems, ())
        with self.assertRaises(tb.ValidationError) as caught:
            tb.read_balances_json(b'{"a": ')
        self.assertTrue(str(caught.exception).startswith("invalid JSON: "))


class BrokenMapping(Mapping):
    """A mapping whose keys cannot be listed."""

    def __getitem__(self, key):
        raise KeyError(key)

    def __iter__(self):
        raise RuntimeError("no keys")

    def __len__(self):
        return 1


if __name__ == "__main__":
    unittest.main()
