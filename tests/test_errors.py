"""Every rejection rule, at its path, in one clear ValidationError."""

import contextlib
import copy
import json
import pickle
import sys
import unittest
from unittest import mock

import trackbalances as tb

from . import schema as S

EXAMPLE = S.load("examples/track_balances_0.json")
RESPONSE = S.load("examples/track_response_0.json")


def errors_of(cls, payload):
    try:
        cls.from_dict(payload)
    except tb.ValidationError as error:
        return [(e.path, e.message) for e in error.errors]
    raise AssertionError("accepted: %r" % (payload,))


def with_value(payload, path, value):
    return S.replaced(payload, path, value)


class MessageFormatTest(unittest.TestCase):
    def test_the_documented_line(self):
        payload = with_value(EXAMPLE, ("breakdown", 0, "reset", "resets_at"), "abc")
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_dict(payload)
        self.assertEqual(
            str(caught.exception),
            "breakdown[0].reset.resets_at: expected a number or null, got str 'abc'",
        )
        (error,) = caught.exception.errors
        self.assertEqual(error.path, ("breakdown", 0, "reset", "resets_at"))
        self.assertEqual(error.message, "expected a number or null, got str 'abc'")

    def test_top_level_key_and_missing_key(self):
        payload = dict(EXAMPLE, granted="100")
        del payload["usage"]
        self.assertEqual(
            errors_of(tb.TrackBalances, payload),
            [
                (("granted",), "expected a number, got str '100'"),
                (("usage",), "required key missing"),
            ],
        )

    def test_every_problem_is_reported_in_payload_order(self):
        payload = copy.deepcopy(EXAMPLE)
        payload["feature_id"] = 7
        payload["remaining"] = -1
        payload["unlimited"] = 0
        payload["breakdown"][0]["plan_id"] = 3
        del payload["breakdown"][0]["usage"]
        payload["breakdown"][0]["reset"]["interval"] = None
        payload["breakdown"].append("not an object")
        payload["rollovers"] = [{"balance": True, "expires_at": None}]
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_dict(payload)
        self.assertEqual(
            str(caught.exception).splitlines(),
            [
                "feature_id: expected a string, got int 7",
                "remaining: expected a number >= 0, got int -1",
                "unlimited: expected a boolean, got int 0",
                "breakdown[0].plan_id: expected a string or null, got int 3",
                "breakdown[0].usage: required key missing",
                "breakdown[0].reset.interval: expected a string, got null",
                "breakdown[1]: expected an object, got str 'not an object'",
                "rollovers[0].balance: expected a number, got bool True",
                "rollovers[0].expires_at: expected a number, got null",
            ],
        )

    def test_map_keys_that_are_not_identifiers_are_quoted(self):
        payload = dict(RESPONSE, balances={"api calls": dict(EXAMPLE, granted=None)})
        self.assertEqual(
            str(_raised(tb.TrackResponse, payload)),
            "balances['api calls'].granted: expected a number, got null",
        )

    def test_root_problem_has_no_path(self):
        for value, got in (([], "list"), ("x", "str 'x'"), (None, "null"), (3, "int 3")):
            with self.subTest(value=value):
                error = _raised(tb.TrackBalances, value)
                self.assertEqual(error.errors, (((), "expected an object, got " + got),))
                self.assertEqual(str(error), "expected an object, got " + got)

    def test_quoted_values_are_cut_short(self):
        huge = "x" * 10_000_000
        error = _raised(tb.TrackBalances, dict(EXAMPLE, feature_id=[huge], usage=huge))
        self.assertLess(len(str(error)), 300)
        self.assertIn("(10000000 characters)", str(error))
        huge_key = dict(RESPONSE, balances={huge: 5})
        self.assertLess(len(str(_raised(tb.TrackResponse, huge_key))), 300)

    def test_huge_int_is_described_not_printed(self):
        error = _raised(tb.TrackBalances, dict(EXAMPLE, unlimited=10**100000))
        self.assertEqual(error.errors[0].message, "expected a boolean, got int of 332193 bits")

    def test_error_is_a_value_error_and_pickles(self):
        error = _raised(tb.TrackBalances, {})
        self.assertIsInstance(error, ValueError)
        self.assertEqual(len(error.errors), 8)
        again = pickle.loads(pickle.dumps(error))
        self.assertEqual(again.errors, error.errors)
        self.assertEqual(str(again), str(error))


def _raised(cls, payload):
    try:
        cls.from_dict(payload)
    except tb.ValidationError as error:
        return error
    raise AssertionError("accepted: %r" % (payload,))


class RuleTest(unittest.TestCase):
    def test_booleans_are_not_numbers_and_numbers_not_booleans(self):
        self.assertEqual(
            errors_of(tb.TrackBalances, dict(EXAMPLE, granted=True)),
            [(("granted",), "expected a number, got bool True")],
        )
        for number in (0, 1, 1.0):
            self.assertEqual(
                errors_of(tb.TrackBalances, dict(EXAMPLE, unlimited=number))[0][0], ("unlimited",)
            )

    def test_non_finite_numbers_are_rejected(self):
        for value in (float("nan"), float("inf"), float("-inf")):
            with self.subTest(value=value):
                self.assertEqual(
                    errors_of(tb.TrackBalances, dict(EXAMPLE, max_purchase=value)),
                    [(("max_purchase",), "expected a number or null, got float %r" % value)],
                )
        for text in (
            '{"balance": NaN, "expires_at": 1}',
            '{"balance": 1, "expires_at": -Infinity}',
        ):
            with self.assertRaises(tb.ValidationError):
                tb.TrackBalancesRollover.from_json(text)

    def test_ints_stay_ints_and_floats_stay_floats(self):
        rollover = tb.TrackBalancesRollover.from_json('{"balance": 100, "expires_at": 100.0}')
        self.assertIs(type(rollover.balance), int)
        self.assertIs(type(rollover.expires_at), float)
        self.assertEqual(rollover.to_json(), '{"balance":100,"expires_at":100.0}')

    def test_remaining_minimum_is_on_the_balance_only(self):
        self.assertEqual(
            errors_of(tb.TrackBalances, dict(EXAMPLE, remaining=-0.5)),
            [(("remaining",), "expected a number >= 0, got float -0.5")],
        )
        negative = with_value(EXAMPLE, ("breakdown", 0, "remaining"), -5)
        self.assertEqual(tb.TrackBalances.from_dict(negative).breakdown[0].remaining, -5)
        self.assertEqual(tb.TrackBalances.from_dict(dict(EXAMPLE, remaining=0)).remaining, 0)

    def test_tier_to_is_a_number_or_exactly_inf(self):
        for to in (5, 2.5, "inf"):
            self.assertEqual(tb.TrackBalancesTier.from_dict({"to": to, "amount": 1}).to, to)
        for to in ("Infinity", "INF", "5", None, float("inf")):
            with self.subTest(to=to):
                self.assertEqual(
                    errors_of(tb.TrackBalancesTier, {"to": to, "amount": 1})[0][0], ("to",)
                )

    def test_wrong_container_types(self):
        self.assertEqual(
            errors_of(tb.TrackBalances, dict(EXAMPLE, breakdown={})),
            [(("breakdown",), "expected an array, got dict")],
        )
        self.assertEqual(
            errors_of(tb.TrackBalances, dict(EXAMPLE, rollovers="ab")),
            [(("rollovers",), "expected an array, got str 'ab'")],
        )
        self.assertEqual(
            errors_of(tb.TrackResponse, dict(RESPONSE, balances=[])),
            [(("balances",), "expected an object, got list")],
        )
        feature = {"id": "f", "name": "F", "type": "metered", "consumable": True, "archived": False}
        self.assertEqual(
            errors_of(tb.TrackBalancesFeature, dict(feature, event_names=["a", 1])),
            [(("event_names", 1), "expected a string, got int 1")],
        )
        self.assertEqual(
            errors_of(tb.TrackBalancesFeature, dict(feature, display=[])),
            [(("display",), "expected an object, got list")],
        )

    def test_keys_must_be_strings(self):
        self.assertEqual(
            errors_of(tb.TrackBalances, _merged(EXAMPLE, {1: 2})),
            [((), "expected string keys, got int 1")],
        )
        self.assertEqual(
            errors_of(tb.TrackResponse, dict(RESPONSE, balances={None: EXAMPLE})),
            [(("balances",), "expected string keys, got null")],
        )

    def test_unknown_values_must_be_json(self):
        self.assertEqual(
            errors_of(tb.TrackBalances, dict(EXAMPLE, new={"a": [object()]}))[0],
            (("new", "a", 0), "expected a JSON value, got object"),
        )
        self.assertEqual(
            errors_of(tb.TrackBalances, dict(EXAMPLE, new=[float("nan")]))[0],
            (("new", 0), "expected a JSON value, got float nan"),
        )
        self.assertEqual(
            errors_of(tb.TrackBalances, dict(EXAMPLE, new={3: 1}))[0],
            (("new",), "expected string keys, got int 3"),
        )

    def test_deep_unknown_values_are_an_error_not_a_crash(self):
        deep = []
        for _ in range(100_000):
            deep = [deep]
        errors = errors_of(tb.TrackBalances, dict(EXAMPLE, new=deep))
        self.assertEqual(len(errors), 1)
        self.assertIn("nested deeper than", errors[0][1])
        text = '{"feature_id": "a", "new": ' + "[" * 100_000 + "]" * 100_000 + "}"
        with self.assertRaises(tb.ValidationError):
            tb.TrackBalances.from_json(text)

    def test_odd_inputs_raise_only_validation_error(self):
        odd = [
            object(),
            set(),
            b"{}",
            1.5,
            True,
            [EXAMPLE],
            {"feature_id": {}},
            {"breakdown": [None, [], 1]},
        ]
        for cls in (
            tb.TrackBalances,
            tb.TrackResponse,
            tb.TrackBalancesTier,
            tb.TrackBalancesFeature,
        ):
            for value in odd:
                with self.subTest(cls=cls.__name__, value=value), self.assertRaises(
                    tb.ValidationError
                ):
                    cls.from_dict(value)


def _merged(a, b):
    out = dict(a)
    out.update(b)
    return out


class FromJsonTest(unittest.TestCase):
    def test_bad_json_text(self):
        cases = [
            ("", r"invalid JSON: .+ at line 1 column 1$"),
            ('{"a": }', r"invalid JSON: .+ at line 1 column 7$"),
            ('{\n  "a": 1,\n  "b" 2}', r"invalid JSON: .+ at line 3 column 7$"),
            (b"\xff\xfe\xfd", r"invalid JSON"),
        ]
        if hasattr(sys, "get_int_max_str_digits"):  # where Python refuses to read huge ints
            cases.append(
                ('{"balance": 1' + "0" * 5000 + ', "expires_at": 1}', "invalid JSON: .*digits")
            )
        for text, pattern in cases:
            with self.subTest(text=text[:20]):
                with self.assertRaises(tb.ValidationError) as caught:
                    tb.TrackBalancesRollover.from_json(text)
                (error,) = caught.exception.errors
                self.assertEqual(error.path, ())
                self.assertRegex(error.message, "^" + pattern)

    def test_bytes_and_text_are_both_utf_8_with_one_rule(self):
        text = json.dumps(dict(EXAMPLE, feature_id="日本語"), ensure_ascii=False)
        expected = tb.TrackBalances.from_json(text)
        self.assertEqual(expected.feature_id, "日本語")
        for same in (
            text.encode(),
            bytearray(text.encode()),
            "\ufeff" + text,  # a byte order mark is skipped in str and bytes alike
            text.encode("utf-8-sig"),
        ):
            with self.subTest(text=same[:8]):
                self.assertEqual(tb.TrackBalances.from_json(same), expected)
        self.assertRaises(tb.ValidationError, tb.TrackBalances.from_json, b'{"a": "caf\xe9"}')
        with self.assertRaises(tb.ValidationError) as caught:  # the place counts the mark
            tb.TrackBalances.from_json(b'\xef\xbb\xbf{"a": "caf\xe9"}')
        self.assertEqual(
            str(caught.exception), "invalid JSON: not UTF-8: invalid continuation byte at byte 13"
        )
        for encoding in ("utf-16", "utf-32", "utf-16-le"):
            with self.subTest(encoding=encoding):
                with self.assertRaises(tb.ValidationError) as caught:
                    tb.TrackBalances.from_json(text.encode(encoding))
                self.assertRegex(str(caught.exception), "^invalid JSON: ")

    def test_a_repeated_key_keeps_its_last_value(self):
        text = json.dumps(EXAMPLE)[:-1] + ', "granted": 7}'
        self.assertEqual(tb.TrackBalances.from_json(text).granted, 7)

    def test_whitespace_around_the_value_and_text_after_it(self):
        text = json.dumps(EXAMPLE)
        expected = tb.TrackBalances.from_json(text)
        for same in (" \n" + text, text + "\n", "\t" + text + " \r\n", text.encode() + b"\n"):
            with self.subTest(text=same[:4]):
                self.assertEqual(tb.TrackBalances.from_json(same), expected)
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_json(text + " {}")
        self.assertRegex(str(caught.exception), "^invalid JSON: Extra data at line 1 column")

    def test_the_same_without_the_c_accelerators_of_json(self):
        # As on PyPy, whose json module is Python: text in and out must not change.
        import json.encoder
        import json.scanner

        from trackbalances import _json

        full = S.load("full_balance.json")
        text = json.dumps(full, indent=1)
        expected = tb.TrackBalances.from_json(text)
        compact = expected.to_json()
        with contextlib.ExitStack() as stack:
            for module, name in [
                (json.scanner, "c_make_scanner"),
                (json.encoder, "c_make_encoder"),
            ]:
                stack.enter_context(mock.patch.object(module, name, None, create=True))
            for name in ("_scan", "_encode"):  # made again, from what json now offers
                stack.enter_context(mock.patch.object(_json, name, None))
            self.assertEqual(tb.TrackBalances.from_json(text), expected)
            self.assertEqual(expected.to_json(), compact)
            self.assertIs(_json._scan, False)
        self.assertEqual(json.loads(compact), full)

    def test_not_text(self):
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_json(EXAMPLE)
        self.assertEqual(str(caught.exception), "expected JSON text (str or bytes), got dict")

    def test_valid_json_of_the_wrong_shape(self):
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_json("[1, 2]")
        self.assertEqual(str(caught.exception), "expected an object, got list")


if __name__ == "__main__":
    unittest.main()


class QuotingTest(unittest.TestCase):
    def test_a_quoted_part_is_cut_after_quoting(self):
        from trackbalances._errors import cut_repr

        for text in ("\U0001f600" * 1000, "\x00" * 1000, "a\U0001f600" * 500, "'\"" * 500):
            with self.subTest(text=text[:2]):
                quoted = cut_repr(text)
                self.assertLessEqual(len(quoted), 42 + len("... (1000 characters)"))
                self.assertTrue(quoted.endswith("... (1000 characters)"), quoted)
                self.assertTrue(text.startswith(eval(quoted[: -len("... (1000 characters)")])))
        self.assertEqual(cut_repr("\U0001f600" * 4), "'" + "\\U0001f600" * 4 + "'")
        self.assertEqual(
            cut_repr("\U0001f600" * 5), "'" + "\\U0001f600" * 4 + "'... (5 characters)"
        )

    def test_a_message_of_an_astral_payload_stays_short(self):
        error = _raised(tb.TrackBalances, dict(EXAMPLE, feature_id=["\U0001f600" * 10_000] * 200))
        longest = max(len(line) for line in str(error).splitlines())
        self.assertLess(longest, 200)


class LongIntRuleTest(unittest.TestCase):
    """One rule of the package's own for ints in JSON text, whatever limit on
    the digits of ints the process has set (where Python has one)."""

    def under(self, limit):
        if not hasattr(sys, "set_int_max_str_digits"):
            self.skipTest("this Python has no process-wide limit to set")
        saved = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(limit)
        self.addCleanup(sys.set_int_max_str_digits, saved)

    def check(self):
        for digits in (640, 1000, 4300):
            for sign in ("", "-"):
                number = int(sign + "1" + "0" * (digits - 1)) if digits <= 640 else None
                text = '{"balance": %s1%s, "expires_at": 1}' % (sign, "0" * (digits - 1))
                with self.subTest(digits=digits, sign=sign):
                    got = tb.TrackBalancesRollover.from_json(text).balance
                    expected = (-1 if sign else 1) * 10 ** (digits - 1)
                    self.assertEqual(got, expected)
                    if number is not None:
                        self.assertEqual(got, number)
        for digits in (4301, 400_000):
            text = '{"balance": -1%s, "expires_at": 1}' % ("0" * (digits - 1))
            with self.subTest(digits=digits), self.assertRaises(tb.ValidationError) as caught:
                tb.TrackBalancesRollover.from_json(text)
            self.assertEqual(
                str(caught.exception), "invalid JSON: an integer of more than 4300 digits"
            )
        # A digit string that is no int, and ints of every size in one text.
        mixed = json.dumps({"balance": 5, "expires_at": 1, "note": "9" * 5000, "n": [10**600] * 3})
        self.assertEqual(tb.TrackBalancesRollover.from_json(mixed).balance, 5)

    def test_python_default(self):
        self.check()

    def test_no_limit_set(self):
        self.under(0)
        self.check()

    def test_a_lower_limit_set(self):
        self.under(640)
        self.check()

    def test_a_higher_limit_set(self):
        self.under(1_000_000)
        self.check()


class MemoryTest(unittest.TestCase):
    def test_running_out_of_memory_is_not_an_invalid_input(self):
        from trackbalances import _json, _model

        class Exhausting(_model.ErrorList):
            def append(self, problem):
                raise MemoryError

        saved_list = _model.ErrorList
        _model.ErrorList = Exhausting
        try:
            with self.assertRaises(MemoryError):
                tb.TrackBalances.from_dict({})
        finally:
            _model.ErrorList = saved_list

        def exhausted(*args):
            raise MemoryError

        saved = _json._scan
        _json._scan = exhausted
        try:
            with self.assertRaises(MemoryError):
                tb.TrackBalances.from_json(json.dumps(EXAMPLE))
        finally:
            _json._scan = saved
