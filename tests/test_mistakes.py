"""Hints for the usual mistakes: one more line of the error, the problems the same;
and the command line saying which kind it read an input as."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import trackbalances as tb
from trackbalances import _mistakes

from . import schema as S
from .test_cli import ROOT, run

EXAMPLE = S.load("examples/track_balances_0.json")
RESPONSE = S.load("examples/track_response_0.json")
OLD_RESPONSE = {
    "id": "evt_1",
    "code": "event_received",
    "customer_id": "cus_123",
    "feature_id": "messages",
}
ERROR_BODY = {"message": "bad key\n\x1b[31m" + "x" * 100, "code": "unauthorized"}
QUEUED = {"success": True}


def error_of(cls, payload):
    try:
        cls.from_dict(payload)
    except tb.ValidationError as error:
        return error
    raise AssertionError("no error")


class HintTest(unittest.TestCase):
    def test_each_mistake_gets_its_hint_as_a_last_line(self):
        cases = (
            (tb.TrackResponse, OLD_RESPONSE, _mistakes.OLD_API),
            (tb.TrackResponse, dict(OLD_RESPONSE, code="other"), _mistakes.OLD_API),
            (tb.Balance, RESPONSE, _mistakes.WHOLE_RESPONSE),
            (tb.TrackBalances, dict(RESPONSE, balance=None), _mistakes.WHOLE_RESPONSE),
            (tb.TrackResponse, QUEUED, _mistakes.QUEUED),
            (tb.Balance, QUEUED, _mistakes.QUEUED),
        )
        for cls, payload, hint in cases:
            with self.subTest(cls=cls.__name__, keys=sorted(payload)):
                error = error_of(cls, payload)
                self.assertEqual(error.hint, hint)
                lines = str(error).splitlines()
                self.assertEqual(lines[-1], "hint: " + hint)
                self.assertEqual(lines[:-1], [str(detail) for detail in error.errors])

    def test_an_error_answer_shows_its_message_quoted_and_cut(self):
        error = error_of(tb.TrackResponse, ERROR_BODY)
        self.assertEqual(
            error.hint,
            "this is an error answer of the API, not a balance: "
            "'bad key\\n\\x1b[31mxxxxxxxxxxxxxxxxxxxxxxx'... (113 characters)",
        )
        self.assertEqual(len(str(error).splitlines()), len(error.errors) + 1)

    def test_the_problems_are_the_same_with_a_hint(self):
        error = error_of(tb.TrackResponse, OLD_RESPONSE)
        self.assertEqual(
            [str(detail) for detail in error.errors],
            ["value: required key missing", "balance: required key missing"],
        )
        again = error_of(tb.TrackResponse, dict(OLD_RESPONSE, id=None, code=None))
        self.assertEqual(again.errors, error.errors)

    def test_no_hint_where_nothing_is_recognised(self):
        for cls, payload in (
            (tb.TrackBalances, dict(EXAMPLE, granted="x")),
            (tb.TrackBalances, dict(EXAMPLE, customer_id="c", balance=None, granted="x")),
            (tb.TrackResponse, dict(RESPONSE, value="x")),
            (tb.TrackResponse, {"customer_id": "c"}),
            (tb.TrackResponse, {"message": 5, "code": 1}),
            (tb.TrackResponse, {"success": 1}),
            (tb.TrackResponse, []),
            (tb.TrackResponse, {"k%d" % n: n for n in range(100)}),
            (tb.TrackBalancesRollover, RESPONSE),
        ):
            with self.subTest(cls=cls.__name__, payload=str(payload)[:40]):
                error = error_of(cls, payload)
                self.assertIsNone(error.hint)
                self.assertNotIn("hint:", str(error))

    def test_keys_of_a_caller_are_not_compared(self):
        class Key(str):
            def __eq__(self, other):
                raise AssertionError("compared")

            __hash__ = str.__hash__

        class Code(str):
            def __eq__(self, other):
                raise AssertionError("compared")

            __hash__ = str.__hash__

        payload = {Key("customer_id"): "c", "id": "e", "code": Code("event_received")}
        self.assertEqual(_mistakes.hint("TrackResponse", payload), None)
        payload = {"customer_id": "c", "code": Code("event_received")}
        self.assertIsNone(_mistakes.hint("TrackResponse", payload))

    def test_a_hint_survives_pickling(self):
        import pickle

        error = error_of(tb.TrackResponse, QUEUED)
        again = pickle.loads(pickle.dumps(error))
        self.assertEqual((again.hint, str(again)), (error.hint, str(error)))

    def test_json_lines_given_to_from_json(self):
        text = json.dumps(EXAMPLE) + "\n" + json.dumps(EXAMPLE) + "\n"
        for given in (text, text.encode(), "\n" + text.replace("\n", "\r\n")):
            with self.subTest(given=type(given).__name__):
                with self.assertRaises(tb.ValidationError) as caught:
                    tb.TrackBalances.from_json(given)
                self.assertEqual(caught.exception.hint, _mistakes.JSON_LINES)
                self.assertRegex(str(caught.exception), "^invalid JSON: .+\nhint: ")
        with self.assertRaises(tb.ValidationError) as caught:
            tb.TrackBalances.from_json(json.dumps(EXAMPLE) + " 5")  # no line of its own
        self.assertIsNone(caught.exception.hint)
        for text in (b"7\r\n\x00\x00", json.dumps(EXAMPLE) + "\n{", "1\n2 3"):  # no document
            with self.assertRaises(tb.ValidationError) as caught:
                tb.TrackBalances.from_json(text)
            self.assertIsNone(caught.exception.hint, text)
            self.assertEqual(len(str(caught.exception).splitlines()), 1)


class CommandLineKindsTest(unittest.TestCase):
    def feed(self, payload, *args):
        text = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return run(*args, "-", stdin=text)

    def test_bodies_that_are_no_kind_are_refused_with_their_hint(self):
        for payload, why, hint in (
            (QUEUED, "success is bool True", _mistakes.QUEUED),
            (ERROR_BODY, "message is str 'bad key\\n", "this is an error answer of the API"),
            ({"list": [EXAMPLE], "has_more": False}, "list is list", None),
        ):
            with self.subTest(keys=sorted(payload)):
                status, out, err = self.feed(payload)
                lines = err.splitlines()
                self.assertEqual((status, out), (1, ""))
                self.assertTrue(
                    lines[0].startswith(
                        "<stdin>: neither a balance, a track response nor a map of balances: " + why
                    ),
                    lines[0],
                )
                self.assertIn(", not an object or null", lines[0])
                self.assertNotIn("\x1b", err)
                if hint is None:
                    self.assertEqual(len(lines), 1)
                else:
                    self.assertEqual(len(lines), 2)
                    self.assertTrue(lines[1].startswith("<stdin>: hint: " + hint), lines[1])

    def test_the_kind_an_input_was_read_as_comes_first(self):
        status, _, err = self.feed(OLD_RESPONSE)
        self.assertEqual(status, 1)
        self.assertEqual(
            err.splitlines(),
            [
                "<stdin>: neither a balance, a track response nor a map of balances:"
                " a track response of API 1.2.0",
                "<stdin>: hint: " + _mistakes.OLD_API,
            ],
        )
        status, _, err = self.feed(OLD_RESPONSE, "--kind", "response")
        self.assertEqual(
            err.splitlines(),
            [
                "<stdin>: read as a track response:",
                "<stdin>: value: required key missing",
                "<stdin>: balance: required key missing",
                "<stdin>: hint: " + _mistakes.OLD_API,
            ],
        )
        status, _, err = self.feed(RESPONSE, "--kind", "balance")
        lines = err.splitlines()
        self.assertEqual(lines[0], "<stdin>: read as a balance:")
        self.assertEqual(lines[-1], "<stdin>: hint: " + _mistakes.WHOLE_RESPONSE)
        status, _, err = self.feed({"a": {"feature_id": 5}}, "--kind", "map")
        self.assertEqual(err.splitlines()[0], "<stdin>: read as a map of balances:")
        status, _, err = self.feed(ERROR_BODY, "--kind", "map")
        self.assertTrue(err.splitlines()[-1].startswith("<stdin>: hint: this is an error answer"))

    def test_a_map_with_a_value_that_is_no_balance(self):
        # One unreadable balance never hides the others: the table shows what was read.
        status, out, err = self.feed({"a": EXAMPLE, "b": 5})
        self.assertEqual(status, 1)
        self.assertEqual(out.splitlines()[1].split()[0], "messages")
        self.assertEqual(
            err.splitlines(),
            ["<stdin>: read as a map of balances:", "<stdin>: b: expected an object, got int 5"],
        )

    def test_a_broken_balance_is_still_read_as_a_balance(self):
        for key in ("breakdown", "rollovers", "next_reset_at", "max_purchase"):
            with self.subTest(key=key):
                status, _, err = self.feed({key: 5})
                self.assertEqual(status, 1)
                self.assertEqual(err.splitlines()[0], "<stdin>: read as a balance:")

    def test_json_lines_without_lines(self):
        log = json.dumps(EXAMPLE).encode() + b"\n" + json.dumps(EXAMPLE).encode() + b"\n"
        status, _, err = self.feed(log)
        self.assertEqual(status, 2)
        lines = err.splitlines()
        self.assertRegex(lines[0], "^<stdin>: not JSON: .+ at line 2 column 1$")
        self.assertEqual(lines[1], "<stdin>: hint: " + _mistakes.JSON_LINES)
        self.assertEqual(len(lines), 2)
        self.assertEqual(self.feed(log, "--lines", "--check"), (0, "", ""))


class ProgramNameTest(unittest.TestCase):
    """--help and --version name the command as it was run, a vendored copy too."""

    def test_a_vendored_copy_names_itself(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        vendor = os.path.join(folder, "your_app", "_vendor")
        os.makedirs(vendor)
        for package in (os.path.dirname(vendor), vendor):
            open(os.path.join(package, "__init__.py"), "w").close()
        shutil.copytree(
            os.path.join(ROOT, "trackbalances"),
            os.path.join(vendor, "trackbalances"),
            ignore=shutil.ignore_patterns("__pycache__"),
        )
        for module, name in (
            ("your_app._vendor.trackbalances", "python -m your_app._vendor.trackbalances"),
            ("your_app._vendor.trackbalances.__main__", "python -m your_app._vendor.trackbalances"),
        ):
            with self.subTest(module=module):
                done = subprocess.run(
                    [sys.executable, "-m", module, "--version"],
                    cwd=folder,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    timeout=60,
                )
                self.assertEqual(done.returncode, 0, done.stderr)
                self.assertEqual(done.stdout.decode().rsplit(" ", 1)[0], name)
                done = subprocess.run(
                    [sys.executable, "-m", module, "--help"],
                    cwd=folder,
                    stdout=subprocess.PIPE,
                    timeout=60,
                )
                help_text = done.stdout.decode()
                self.assertTrue(help_text.startswith("usage: " + name + " "))
                self.assertIn("  %s response.json " % name, help_text)
                self.assertNotIn("python -m trackbalances", help_text)

    def test_the_package_run_as_a_module_and_as_a_console_script(self):
        done = subprocess.run(
            [sys.executable, "-m", "trackbalances", "--version"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            timeout=60,
        )
        self.assertTrue(done.stdout.decode().startswith("python -m trackbalances "))
        done = subprocess.run(
            [sys.executable, "-c", "from trackbalances._cli import run; run()", "--version"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            timeout=60,
        )
        self.assertTrue(done.stdout.decode().startswith("trackbalances "))


if __name__ == "__main__":
    unittest.main()
