"""What tools built on dataclasses and type hints see: get_type_hints, signature,
help(), dataclasses' own functions, the named tuple, the open enums."""

import dataclasses
import inspect
import json
import pydoc
import sys
import typing
import unittest

import trackbalances as tb
from trackbalances import _hints, _model

from . import hostile as H
from . import schema as S

MODELS = [getattr(tb, name) for name in tb.__all__ if name.startswith("Track")]
FULL = S.load("full_balance.json")
EXAMPLE = S.load("examples/track_balances_0.json")
Number = typing.Union[int, float]


class TypeHintsTest(unittest.TestCase):
    def test_every_model_has_real_hints_for_its_public_fields_only(self):
        for cls in MODELS:
            with self.subTest(cls=cls.__name__):
                hints = typing.get_type_hints(cls)
                self.assertEqual(list(hints), [f.name for f in dataclasses.fields(cls)])
                for hint in hints.values():
                    self.assertNotIsInstance(hint, (str, typing.ForwardRef))

    def test_the_hints_are_the_fields_types(self):
        hints = typing.get_type_hints(tb.TrackBalances)
        self.assertEqual(hints["feature_id"], str)
        self.assertEqual(hints["granted"], Number)
        self.assertEqual(hints["max_purchase"], typing.Optional[Number])
        self.assertEqual(
            hints["breakdown"],
            typing.Union[typing.Tuple[tb.TrackBalancesBreakdown, ...], tb.AbsentType],
        )
        self.assertEqual(hints["extra"], typing.Mapping[str, typing.Any])
        tier = typing.get_type_hints(tb.TrackBalancesTier)["to"]
        if sys.version_info >= (3, 8):
            self.assertEqual(tier, typing.Union[int, float, typing.Literal["inf"]])
        kinds = typing.get_type_hints(tb.TrackBalancesFeature)["type"]
        self.assertIn(str, typing.get_args(kinds) if hasattr(typing, "get_args") else (str,))

    def test_literal_on_python_3_7_hints_str(self):
        saved = getattr(typing, "Literal", None)
        if saved is not None:
            del typing.Literal
        try:
            self.assertIs(_hints.Literal["a", "b"], str)
        finally:
            if saved is not None:
                typing.Literal = saved
        self.assertEqual(repr(_hints.Union), "typing.Union")


class SignatureTest(unittest.TestCase):
    def test_signature_shows_the_fields_with_their_defaults(self):
        signature = inspect.signature(tb.TrackBalancesTier)
        self.assertEqual(list(signature.parameters), ["to", "amount", "flat_amount", "extra"])
        self.assertIs(signature.parameters["to"].default, inspect.Parameter.empty)
        self.assertIs(signature.parameters["flat_amount"].default, tb.ABSENT)
        self.assertIsNone(_model.Model.__signature__)  # the base: inspect reads __init__

    def test_help_shows_the_fields_and_no_internal_hook(self):
        text = pydoc.render_doc(tb.TrackBalances, renderer=pydoc.plaintext)
        # 3.13 and newer write a long signature on several lines.
        # 3.14 and newer leave out the quotes of annotations written as strings.
        flat = " ".join(text.replace(" |", " ").replace("(", "( ").replace("'", "").split())
        self.assertIn("TrackBalances( feature_id: str, granted: Union[int, float],", flat)
        self.assertIn("feature: Union[TrackBalancesFeature, AbsentType] = ABSENT,", flat)
        self.assertIn("remaining: Remaining balance available for use", text)
        for hidden in ("_read", "_write", "_defaults", "_open_enums"):
            self.assertNotIn(hidden, text)


class DataclassToolsTest(unittest.TestCase):
    def test_fields_asdict_astuple_and_replace(self):
        balance = tb.TrackBalances.from_dict(FULL)
        self.assertTrue(dataclasses.is_dataclass(balance))
        as_dict = dataclasses.asdict(balance)
        self.assertEqual(as_dict["feature_id"], FULL["feature_id"])
        self.assertEqual(len(dataclasses.astuple(balance)), len(dataclasses.fields(balance)))
        changed = dataclasses.replace(balance, granted=1)
        self.assertEqual(changed.to_dict(), dict(FULL, granted=1))

    def test_replace_keeps_the_order_and_drops_a_field_made_absent(self):
        payload = dict(EXAMPLE, later=1)
        payload = {key: payload[key] for key in reversed(list(payload))}
        balance = tb.TrackBalances.from_dict(payload)
        out = dataclasses.replace(balance, breakdown=tb.ABSENT).to_dict()
        self.assertEqual(list(out), [key for key in payload if key != "breakdown"])


class NamedTupleTest(unittest.TestCase):
    def test_error_detail_is_a_named_tuple(self):
        detail = tb.ErrorDetail(("granted",), "expected a number, got null")
        self.assertEqual(detail._fields, ("path", "message"))
        self.assertEqual(detail._asdict(), {"path": ("granted",), "message": detail.message})
        self.assertEqual(detail._replace(path=()).path, ())
        self.assertEqual(str(detail), "granted: expected a number, got null")


class OpenEnumTest(unittest.TestCase):
    def test_repr_and_listing(self):
        self.assertEqual(repr(tb.TierBehavior), "<open enum TierBehavior: graduated, volume>")
        self.assertEqual(sorted(tb.BillingMethod), ["prepaid", "usage_based"])


class FallbacksTest(unittest.TestCase):
    """Paths that only some interpreters or inputs take, taken here on purpose."""

    def test_work_done_on_a_fresh_stack_hands_back_its_exception(self):
        from trackbalances._frozen import on_a_fresh_stack

        self.assertEqual(on_a_fresh_stack(sum, [1, 2]), 3)
        with self.assertRaises(ZeroDivisionError):
            on_a_fresh_stack(divmod, 1, 0)

    def test_deep_arrays_under_a_deep_caller(self):
        import threading

        arrays = tb.TrackBalances.from_dict(dict(EXAMPLE, later=H.deep(1)))
        nested = []
        for _ in range(199):
            nested = [nested]
        arrays = tb.TrackBalances.from_dict(dict(EXAMPLE, later=nested))
        again = tb.TrackBalances.from_dict(dict(EXAMPLE, later=nested))
        done = {}

        def at_depth(frames):
            if frames:
                return at_depth(frames - 1)
            done["equal"] = arrays == again
            done["hash"] = hash(arrays)
            done["repr"] = repr(arrays)

        thread = threading.Thread(target=at_depth, args=(sys.getrecursionlimit() - 60,))
        thread.start()
        thread.join()
        self.assertTrue(done["equal"])
        self.assertEqual(done["hash"], hash(again))
        self.assertEqual(done["repr"], repr(again))

    def test_json_text_on_a_python_without_a_limit_on_long_ints(self):
        from trackbalances import _json

        saved = _json._python_limit
        _json._python_limit = lambda: 0
        try:
            long = json.dumps(dict(EXAMPLE, pad="x" * 5000))
            self.assertEqual(tb.TrackBalances.from_json(long).granted, 100)
            with self.assertRaises(tb.ValidationError) as caught:
                tb.TrackBalances.from_json(
                    long.replace('"granted": 100', '"granted": -' + "9" * 4301)
                )
            self.assertIn("an integer of more than 4300 digits", str(caught.exception))
        finally:
            _json._python_limit = saved

    def test_a_key_whose_comparison_raises_while_fields_are_looked_up(self):
        class Colliding:
            def __hash__(self):
                return hash("granted")

            def __eq__(self, other):
                raise H.Boom("eq")

        payload = dict(EXAMPLE)
        del payload["granted"]
        payload[Colliding()] = 1
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_dict(payload)
        # The key is refused by its type before any field is looked up past it.
        self.assertEqual(
            str(caught.exception),
            "expected string keys, got Colliding\ngranted: required key missing",
        )

    def test_an_exception_whose_message_cannot_be_made(self):
        class Mute(Exception):
            def __str__(self):
                raise H.Boom("no words")

        class Failing(H.RaisingMapping):
            def __iter__(self):
                raise Mute()

        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_dict(Failing())
        self.assertEqual(str(caught.exception), "could not be read: Mute")

    def test_huge_ints_beside_other_values_in_a_map(self):
        balance = tb.TrackBalances.from_dict(dict(EXAMPLE, later={"n": H.HUGE, "s": None}))
        self.assertIn("'later': {'n': 0x", repr(balance))
        self.assertIn("'s': None}", repr(balance))


if __name__ == "__main__":
    unittest.main()
