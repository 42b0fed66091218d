"""REFERENCE.md, the field reference: up to date with the models, written the same by
every interpreter, and true to the schemas the package reads."""

import contextlib
import dataclasses
import importlib.util
import io
import os
import tempfile
import typing
import unittest

import trackbalances as tb

from . import schema as S

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location(
    "reference", os.path.join(ROOT, "tools", "reference.py")
)
reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(reference)

MODELS = [
    value
    for value in (getattr(tb, name) for name in tb.__all__ if name != "Balance")
    if dataclasses.is_dataclass(value)
]


def nullable(schema):
    types = schema.get("type")
    branches = schema.get("anyOf", ())
    return types == "null" or "null" in (types or ()) or any(map(nullable, branches))


class ReferenceTest(unittest.TestCase):
    def test_reference_md_is_up_to_date(self):
        with open(reference.OUTPUT, encoding="utf-8") as file:
            written = file.read()
        if written != reference.render():
            self.fail("REFERENCE.md is stale: run `%s` and commit it" % reference.COMMAND)

    def test_every_model_and_field_is_in_it(self):
        text = reference.render()
        for cls in MODELS:
            with self.subTest(model=cls.__name__):
                self.assertIn("\n## %s\n" % cls.__name__, text)
                fields = [f.name for f in dataclasses.fields(cls) if f.name != "extra"]
                self.assertEqual([row.name for row in reference.rows(cls)], fields)
                for row in reference.rows(cls):
                    self.assertIn(str(row) + "\n", text)
        for enum in (tb.FeatureType, tb.FeatureCombine, tb.ResetInterval):
            for value in enum:
                self.assertIn('| `"%s"` |' % value, text)

    def test_required_and_null_are_those_of_the_schemas_the_package_reads(self):
        schemas = S.subschemas()
        self.assertEqual(set(schemas), {cls.__name__ for cls in MODELS})
        for cls in MODELS:
            schema = schemas[cls.__name__]
            for row in reference.rows(cls):
                with self.subTest(field="%s.%s" % (cls.__name__, row.name)):
                    self.assertEqual(row.required, row.name in schema.get("required", ()))
                    self.assertEqual(row.wire.absent, not row.required)
                    self.assertEqual(row.wire.null, nullable(schema["properties"][row.name]))

    def test_null_and_absent_are_what_the_type_hints_say(self):
        for cls in MODELS:
            hints = typing.get_type_hints(cls)
            for row in reference.rows(cls):
                with self.subTest(field="%s.%s" % (cls.__name__, row.name)):
                    args = getattr(hints[row.name], "__args__", ())
                    self.assertEqual(row.wire.null, type(None) in args)
                    self.assertEqual(row.wire.absent, tb.AbsentType in args)

    def test_the_wire_types_of_each_kind_of_annotation(self):
        def row(cls, name):
            (found,) = [r for r in reference.rows(cls) if r.name == name]
            return found.wire.text

        self.assertEqual(row(tb.TrackResponse, "customer_id"), "string")
        self.assertEqual(row(tb.TrackResponse, "value"), "number")
        self.assertEqual(
            row(tb.TrackResponse, "balances"), "object of ([TrackBalances](#trackbalances) or null)"
        )
        self.assertEqual(row(tb.Balance, "unlimited"), "boolean")
        self.assertEqual(
            row(tb.Balance, "breakdown"),
            "array of [TrackBalancesBreakdown](#trackbalancesbreakdown)",
        )
        self.assertEqual(row(tb.TrackBalancesTier, "to"), 'number or `"inf"`')
        self.assertEqual(row(tb.TrackBalancesFeature, "event_names"), "array of string")
        self.assertEqual(row(tb.TrackBalancesFeature, "processors"), "object")
        self.assertEqual(row(tb.TrackBalancesFeature, "model_markups"), "object of object")
        self.assertEqual(row(tb.TrackBalancesDimension, "match"), "object of string")
        self.assertEqual(
            row(tb.TrackBalancesReset, "interval"),
            "string, open enum [ResetInterval](#resetinterval)",
        )

    def test_the_spec_facts_a_reader_looks_up(self):
        rows = {(cls.__name__, r.name): r for cls in MODELS for r in reference.rows(cls)}
        entity_id = rows["TrackResponse", "entity_id"]
        self.assertEqual(
            (entity_id.required, entity_id.wire.absent, entity_id.wire.null), (False, True, False)
        )
        self.assertEqual(entity_id.default, "`ABSENT`")
        balance = rows["TrackResponse", "balance"]
        self.assertEqual((balance.required, balance.wire.null), (True, True))
        self.assertEqual(balance.default, "—")
        singular = rows["TrackBalancesDisplay", "singular"]
        self.assertEqual((singular.wire.absent, singular.wire.null), (True, True))
        self.assertIn("epoch milliseconds", rows["TrackBalances", "next_reset_at"].description)

    def test_a_field_without_a_description_is_refused(self):
        @dataclasses.dataclass
        class Undocumented:
            """A model whose docstring forgot a field.

            Attributes:
                known: Described.
            """

            known: str
            forgotten: str

        with self.assertRaises(ValueError) as caught:
            reference.rows(Undocumented)
        self.assertIn("Undocumented.forgotten", str(caught.exception))

    def test_the_check_command_tells_a_stale_file(self):
        saved = reference.OUTPUT
        with tempfile.TemporaryDirectory() as folder:
            reference.OUTPUT = os.path.join(folder, "REFERENCE.md")
            try:
                self.assertEqual(reference.main(["reference.py"]), 0)
                self.assertEqual(reference.main(["reference.py", "--check"]), 0)
                with open(reference.OUTPUT, "a", encoding="utf-8") as file:
                    file.write("edited by hand\n")
                with contextlib.redirect_stderr(io.StringIO()) as err:
                    self.assertEqual(reference.main(["reference.py", "--check"]), 1)
                self.assertIn("python3 tools/reference.py", err.getvalue())
            finally:
                reference.OUTPUT = saved


if __name__ == "__main__":
    unittest.main()
