"""``python -m trackbalances``: in-process and as a subprocess, every exit status."""

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

from trackbalances import _cli

from . import schema as S

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE_TABLE = """\
customer cus_123, value 1
FEATURE               GRANTED     USAGE REMAINING MODE      NEXT RESET (UTC)
messages                  100        28        72 limited   2026-03-18 16:25:21
  plan pro_plan: included 100, prepaid 0, usage 28, remaining 72
    resets every month, next 2026-03-18 16:25:21 UTC; no price; never expires
"""
FULL_TABLE = """\
FEATURE               GRANTED     USAGE REMAINING MODE      NEXT RESET (UTC)
credits (Credits)        1000     749.5     250.5 overage   2026-04-18 16:25:21
  plan pro_plan: included 400, prepaid 0, usage 400, remaining 0
    resets every 2 x month, next 2026-04-18 16:25:21 UTC
    price 9 per 100 units, usage_based, tiers: 9 up to 1000, 7.5 above
    never expires
  standalone: included 0, prepaid 600, usage 349.5, remaining 250.5
    no reset; no price; expires 2026-03-18 16:25:21 UTC
  rollover: 12, expires 2026-03-18 16:25:21 UTC
"""


class _Stdin(io.TextIOWrapper):
    def isatty(self):
        return False


def run(*argv, stdin=b""):
    """main() in this process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = _Stdin(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = _cli.main(list(argv))
    finally:
        sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


class CommandLineTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def write(self, name, content):
        path = os.path.join(self.folder.name, name)
        with open(path, "wb") as file:
            file.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def test_example_table(self):
        self.assertEqual(run("--example"), (0, EXAMPLE_TABLE, ""))

    def test_full_balance_table(self):
        from .test_objects import FULL

        payload = dict(FULL)
        del payload["future_key"]
        path = self.write("full.json", json.dumps(payload))
        status, out, err = run(path)
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, FULL_TABLE)
        self.assertTrue(all(len(line) <= 80 for line in out.splitlines()))

    def test_numbers_are_written_as_given(self):
        payload = dict(
            S.load("examples/track_balances_0.json"), granted=100.0, usage=1e-05, remaining=10**20
        )
        payload["breakdown"] = [dict(payload["breakdown"][0], usage=72.30000000000001)]
        payload["breakdown"][0]["reset"] = {"interval": "month", "resets_at": None}
        status, out, _ = run("-", stdin=json.dumps(payload).encode())
        self.assertEqual(status, 0)
        self.assertIn("100.0", out.splitlines()[1])
        self.assertIn("1e-05", out.splitlines()[1])
        # Too wide for its column: shortened, and visibly so; exact in the lines below.
        self.assertIn(" ~1e20 ", out.splitlines()[1])
        self.assertIn("usage 72.30000000000001,", out)
        self.assertIn("resets every month; no price", out)
        wide = dict(payload, usage=-72.30000000000001)
        self.assertIn(" ~-72.3 ", run("-", stdin=json.dumps(wide).encode())[1])
        payload["remaining"] = 12345678
        self.assertIn(" 12345678 ", run("-", stdin=json.dumps(payload).encode())[1])

    def test_json_round_trip(self):
        status, out, err = run("--example", "--json")
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(json.loads(out), S.load("examples/track_response_0.json"))
        self.assertEqual(len(out.splitlines()), 1)
        payload = {"balance": None, "customer_id": "c", "value": 2.0, "later": [1, {"x": None}]}
        status, out, _ = run("--json", self.write("r.json", json.dumps(payload)))
        self.assertEqual(json.loads(out), payload)

    def test_check_is_silent_when_valid(self):
        self.assertEqual(run("--check", "--example"), (0, "", ""))

    def test_kinds_are_recognised_or_forced(self):
        balance = S.load("examples/track_balances_0.json")
        response = S.load("examples/track_response_0.json")
        by_feature = {"messages": balance, "credits": dict(balance, feature_id="credits")}
        for payload in (balance, response, by_feature):
            with self.subTest(keys=sorted(payload)[:2]):
                status, out, _ = run("--json", "-", stdin=json.dumps(payload).encode())
                self.assertEqual(status, 0)
                self.assertEqual(json.loads(out), payload)
        status, out, _ = run("-", stdin=json.dumps(by_feature).encode())
        self.assertEqual(
            [line.split()[0] for line in out.splitlines() if line[:1].isalpha()],
            ["FEATURE", "messages", "credits"],
        )
        status, _, err = run("--kind", "balance", "-", stdin=json.dumps(response).encode())
        self.assertEqual(status, 1)
        self.assertIn("<stdin>: feature_id: required key missing", err)

    def test_invalid_payload_lists_every_error(self):
        payload = dict(S.load("examples/track_balances_0.json"), granted="x")
        del payload["usage"]
        path = self.write("bad.json", json.dumps(payload))
        status, out, err = run(path)
        self.assertEqual((status, out), (1, ""))
        self.assertEqual(
            err.splitlines(),
            [
                path + ": read as a balance:",
                path + ": granted: expected a number, got str 'x'",
                path + ": usage: required key missing",
            ],
        )
        status, _, err = run(
            "--kind", "map", "-", stdin=json.dumps({"a": {"feature_id": 5}, "b": []}).encode()
        )
        self.assertEqual(status, 1)
        self.assertIn("<stdin>: a.feature_id: expected a string, got int 5", err)
        self.assertIn("<stdin>: b: expected an object, got list", err)

    def test_an_invalid_input_shows_the_balances_it_could_read(self):
        balance = S.load("examples/track_balances_0.json")
        response = {
            "customer_id": "c",
            "value": 1,
            "balance": None,
            "balances": {
                "messages": balance,
                "api_calls": dict(balance, feature_id="api_calls", remaining=-3),
                "seats": dict(balance, feature_id="seats"),
            },
        }
        stdin = json.dumps(response).encode()
        status, out, err = run("-", stdin=stdin)
        self.assertEqual(status, 1)
        rows = [line.split()[0] for line in out.splitlines() if line[:1].isalpha()]
        self.assertEqual(rows, ["FEATURE", "messages", "seats"])
        self.assertEqual(
            err.splitlines(),
            [
                "<stdin>: read as a track response:",
                "<stdin>: balances.api_calls.remaining: expected a number >= 0, got int -3",
            ],
        )
        for option in ("--json", "--check"):
            with self.subTest(option=option):
                self.assertEqual(run(option, "-", stdin=stdin), (1, "", err))
        del response["balances"]["messages"], response["balances"]["seats"]
        status, out, _ = run("-", stdin=json.dumps(response).encode())
        self.assertEqual((status, out), (1, ""))  # nothing could be read: no table

    def test_unusable_inputs(self):
        cases = [
            # The parser's wording differs between interpreters; the place does not.
            (self.write("empty.json", ""), "not JSON: .+ at line 1 column 1"),
            (
                self.write("broken.json", '{\n  "a": 1,\n  "b" 2}'),
                "not JSON: .+ at line 3 column 7",
            ),
            (
                self.write("latin1.json", b'{"feature_id": "caf\xe9"}'),
                "not UTF-8: invalid continuation byte at byte 19",
            ),
            (
                os.path.join(self.folder.name, "missing.json"),
                "cannot read: No such file or directory",
            ),
            (self.folder.name, "cannot read: Is a directory"),
        ]
        for path, message in cases:
            with self.subTest(message=message):
                status, out, err = run(path)
                self.assertEqual((status, out), (2, ""))
                self.assertRegex(err, "^" + re.escape(path + ": ") + message + "\n$")

    def test_several_files_report_each_and_exit_with_the_worst(self):
        good = self.write("good.json", json.dumps(S.load("examples/track_balances_0.json")))
        bad = self.write("bad.json", '{"feature_id": 3}')
        status, out, err = run("--check", good, bad, good)
        self.assertEqual((status, out), (1, ""))
        self.assertEqual(len([line for line in err.splitlines() if line.startswith(bad + ": ")]), 9)
        status, out, err = run(good, "nope.json", bad)
        self.assertEqual(status, 2)
        self.assertIn("==> %s <==" % good, out)
        self.assertIn("nope.json: cannot read", err)
        self.assertIn(bad + ": feature_id: expected a string, got int 3", err)

    def test_byte_order_mark_is_accepted(self):
        path = self.write(
            "bom.json",
            b"\xef\xbb\xbf" + json.dumps(S.load("examples/track_response_0.json")).encode(),
        )
        self.assertEqual(run("--check", path), (0, "", ""))

    def test_usage_errors(self):
        with contextlib.redirect_stderr(io.StringIO()) as err:
            self.assertEqual(_cli.main(["--json", "--check", "--example"]), 2)
            self.assertEqual(_cli.main(["--kind", "nothing", "--example"]), 2)
        self.assertIn("not allowed with argument", err.getvalue())
        self.assertIn("invalid choice", err.getvalue())

    def test_help_explains_with_an_example(self):
        with contextlib.redirect_stdout(io.StringIO()) as out:
            self.assertEqual(_cli.main(["--help"]), 0)
        for text in (
            "--example",
            "--check",
            "--json",
            "--kind",
            "exit status",
            "FILE: path: message",
            "trackbalances response.json",
            "--lines",
            "--strict",
            "--max-bytes",
            "141",
            "3    out of memory",
            "FILE: read as KIND:",
            "FILE: hint: ...",
        ):
            self.assertIn(text, out.getvalue())


class SubprocessTest(unittest.TestCase):
    """The same, as a user runs it: a real process, real standard streams."""

    def run_module(self, *args, stdin=b""):
        return subprocess.run(
            [sys.executable, "-m", "trackbalances"] + list(args),
            input=stdin,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=60,
        )

    def test_example(self):
        done = self.run_module("--example")
        self.assertEqual(done.returncode, 0)
        self.assertEqual(done.stdout.decode().replace("\r\n", "\n"), EXAMPLE_TABLE)
        self.assertEqual(done.stderr, b"")

    def test_statuses_and_stdin(self):
        payload = json.dumps(S.load("examples/track_balances_0.json")).encode()
        self.assertEqual(self.run_module("--check", "-", stdin=payload).returncode, 0)
        self.assertEqual(self.run_module("--check", stdin=payload).returncode, 0)
        invalid = self.run_module("-", stdin=b'{"feature_id": null}')
        self.assertEqual(invalid.returncode, 1)
        self.assertIn(b"<stdin>: feature_id: expected a string, got null", invalid.stderr)
        unusable = self.run_module("-", stdin=b"{")
        self.assertEqual(unusable.returncode, 2)
        self.assertNotIn(b"Traceback", unusable.stderr)
        self.assertEqual(self.run_module("--bogus").returncode, 2)

    def test_non_ascii_on_an_ascii_terminal(self):
        payload = dict(S.load("examples/track_balances_0.json"), feature_id="日本語")
        env = dict(os.environ, PYTHONIOENCODING="ascii")
        done = subprocess.run(
            [sys.executable, "-m", "trackbalances", "-"],
            input=json.dumps(payload).encode(),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn(b"\\u65e5\\u672c\\u8a9e", done.stdout)


if __name__ == "__main__":
    unittest.main()


class MoreTablesTest(unittest.TestCase):
    def table(self, payload, *args):
        status, out, err = run(*args, "-", stdin=json.dumps(payload).encode())
        self.assertEqual((status, err), (0, ""))
        return out

    def test_response_details_and_empty_response(self):
        response = dict(
            S.load("examples/track_response_0.json"), entity_id="ent_1", event_name="chat"
        )
        self.assertTrue(
            self.table(response).startswith("customer cus_123, value 1, entity ent_1, event chat\n")
        )
        empty = {"customer_id": "c", "value": 0, "balance": None}
        self.assertEqual(self.table(empty), "customer c, value 0\n(no balances)\n")

    def test_odd_balances(self):
        balance = dict(S.load("examples/track_balances_0.json"))
        del balance["breakdown"]
        balance["feature_id"] = "feature_with_a_long_name"
        balance["next_reset_at"] = 10**20
        balance["breakdown"] = [
            {
                "plan_id": "p\n1",
                "included_grant": 1,
                "prepaid_grant": 0,
                "remaining": 1,
                "usage": 0,
                "unlimited": True,
                "reset": None,
                "expires_at": None,
                "price": {
                    "billing_units": 1,
                    "billing_method": "prepaid",
                    "max_purchase": 10,
                    "tiers": [],
                },
            }
        ]
        self.assertEqual(
            self.table(balance).splitlines()[1:],
            [
                "feature_with_a_long_name",
                " " * 26 + "100        28        72 limited   ~1e20 ms",
                "  plan 'p\\n1': included 1, prepaid 0, usage 0, remaining 1, unlimited",
                "    no reset; price per 1 units, prepaid, max purchase 10; never expires",
            ],
        )
        del balance["breakdown"]
        self.assertEqual(len(self.table(balance).splitlines()), 3)

    def test_input_of_no_kind_is_refused(self):
        status, _, err = run("-", stdin=b"[1, 2]")
        self.assertEqual(
            (status, err),
            (1, "<stdin>: neither a balance, a track response nor a map of balances: got list\n"),
        )
        status, _, err = run("-", stdin=b'{"granted": 1, "usage": {}}')
        self.assertEqual(status, 1)
        self.assertIn("<stdin>: feature_id: required key missing\n", err)
        status, _, err = run("--kind", "map", "-", stdin=b"[1, 2]")
        self.assertEqual(
            err.splitlines(),
            ["<stdin>: read as a map of balances:", "<stdin>: expected an object, got list"],
        )

    def test_standard_input_without_a_file_argument(self):
        payload = json.dumps(S.load("examples/track_balances_0.json")).encode()
        self.assertEqual(run("--check", stdin=payload), (0, "", ""))

    def test_no_input_on_a_terminal(self):
        class Terminal(io.StringIO):
            def isatty(self):
                return True

        saved = sys.stdin
        sys.stdin = Terminal()
        try:
            with contextlib.redirect_stderr(io.StringIO()) as err:
                self.assertEqual(_cli.main([]), 2)
        finally:
            sys.stdin = saved
        self.assertIn("no input: give FILE, - for standard input, or --example", err.getvalue())

    def test_output_that_cannot_encode_is_escaped(self):
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding="ascii")
        balance = dict(S.load("examples/track_balances_0.json"), feature_id="café")
        saved = sys.stdin
        sys.stdin = _Stdin(io.BytesIO(json.dumps(balance).encode()), encoding="utf-8")
        try:
            with contextlib.redirect_stdout(stream):
                self.assertEqual(_cli.main(["-"]), 0)
                stream.flush()
        finally:
            sys.stdin = saved
        self.assertIn(b"caf\\xe9", raw.getvalue())


class ProgramTest(unittest.TestCase):
    def test_run_exits_with_the_status(self):
        with contextlib.redirect_stdout(io.StringIO()), self.assertRaises(SystemExit) as caught:
            sys.argv[1:] = ["--check", "--example"]
            _cli.run()
        self.assertEqual(caught.exception.code, 0)

    def test_module_entry_point(self):
        import runpy

        saved = sys.argv[:]
        sys.argv[:] = ["trackbalances", "--check", "--example"]
        try:
            with self.assertRaises(SystemExit) as caught:
                runpy.run_module("trackbalances", run_name="__main__")
        finally:
            sys.argv[:] = saved
        self.assertEqual(caught.exception.code, 0)

    def test_a_closed_pipe_is_not_a_traceback(self):
        with tempfile.TemporaryFile() as sink:

            class ClosedPipe(io.StringIO):
                def write(self, text):
                    raise BrokenPipeError(32, "Broken pipe")

                def fileno(self):
                    return sink.fileno()

            saved = sys.argv[:]
            sys.argv[:] = ["trackbalances", "--example"]
            try:
                with contextlib.redirect_stdout(ClosedPipe()), self.assertRaises(
                    SystemExit
                ) as caught:
                    _cli.run()
            finally:
                sys.argv[:] = saved
        self.assertEqual(caught.exception.code, 141)  # as a filter killed by SIGPIPE
