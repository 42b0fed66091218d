"""The command line under what the world does to a program: closed, full or
broken streams, Ctrl-C, endless input, JSON Lines, odd maps. Never a traceback."""

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from trackbalances import _cli

from . import schema as S
from .test_cli import ROOT, run

EXAMPLE = S.load("examples/track_balances_0.json")
TEXT = json.dumps(EXAMPLE).encode()
POSIX = os.name == "posix"


def program(*args, stdin=b"", **options):
    """``python -m trackbalances`` as a real process: (status, stdout, stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "trackbalances"] + list(args),
        input=stdin,
        cwd=ROOT,
        stdout=options.pop("stdout", subprocess.PIPE),
        stderr=options.pop("stderr", subprocess.PIPE),
        timeout=60,
        **options,
    )
    return done.returncode, done.stdout or b"", done.stderr or b""


@unittest.skipUnless(POSIX, "closes and redirects file descriptors as a POSIX shell does")
class RealStreamsTest(unittest.TestCase):
    def shell(self, line, stdin=b""):
        done = subprocess.run(
            ["sh", "-c", line],
            input=stdin,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=60,
            env=dict(os.environ, PY=sys.executable),
        )
        return done.returncode, done.stdout, done.stderr

    def test_closed_standard_output(self):
        status, _, err = self.shell('"$PY" -m trackbalances --example >&-')
        self.assertEqual(status, 2)
        self.assertIn(b"standard output is closed", err)
        self.assertNotIn(b"Traceback", err)
        self.assertEqual(self.shell('"$PY" -m trackbalances --check --example >&-')[0], 0)

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_full_disk(self):
        status, _, err = self.shell('"$PY" -m trackbalances --example >/dev/full')
        self.assertEqual(status, 2)
        self.assertIn(b"cannot write the output: No space left on device", err)
        self.assertNotIn(b"Traceback", err)

    def test_closed_standard_input(self):
        status, _, err = self.shell('"$PY" -m trackbalances - <&-')
        self.assertEqual(status, 2)
        self.assertIn(b"<stdin>: cannot read: standard input is closed", err)
        self.assertNotIn(b"Traceback", err)

    def test_closed_standard_error_keeps_json_output_clean(self):
        lines = b"\n".join([TEXT, b'{"feature_id": 5}', TEXT])
        status, out, _ = self.shell('"$PY" -m trackbalances --lines --json - 2>&-', lines)
        self.assertEqual(status, 1)
        self.assertEqual([json.loads(line) for line in out.splitlines()], [EXAMPLE, EXAMPLE])

    def test_a_reader_that_quits_early(self):
        many = b"\n".join([TEXT] * 20_000)
        status, out, err = self.shell(
            '"$PY" -m trackbalances --lines --json -; echo "status $?" >&2', many
        )
        self.assertEqual(status, 0)
        status, out, err = self.shell(
            '{ "$PY" -m trackbalances --lines --json -; echo "status $?" >&2; } | head -n 1', many
        )
        self.assertEqual(json.loads(out), EXAMPLE)
        self.assertIn(b"status 141", err)
        self.assertNotIn(b"Traceback", err)

    def test_endless_input_is_bounded(self):
        status, _, err = self.shell(
            '"$PY" -m trackbalances --max-bytes 100000 - </dev/zero'
            if os.path.exists("/dev/zero")
            else 'yes | "$PY" -m trackbalances --max-bytes 100000 -'
        )
        self.assertEqual(status, 2)
        self.assertIn(b"larger than 100000 bytes (a larger input needs --max-bytes)", err)

    def test_ctrl_c_while_reading(self):
        process = subprocess.Popen(
            [sys.executable, "-m", "trackbalances", "-"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            # Ctrl-C as at a terminal, also when the tests run as a background job,
            # which starts its processes with SIGINT ignored.
            preexec_fn=_interruptible,
        )
        time.sleep(1.0)  # let it start and block on reading standard input
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        process.stdin.close()
        self.assertEqual(process.returncode, 130, err)
        self.assertNotIn(b"Traceback", err)


class InProcessStreamsTest(unittest.TestCase):
    """The same paths in this process, where coverage sees them."""

    def swapped(self, **streams):
        stack = contextlib.ExitStack()
        for name, value in streams.items():
            saved = getattr(sys, name)
            setattr(sys, name, value)
            stack.callback(setattr, sys, name, saved)
        return stack

    def test_no_standard_streams(self):
        with self.swapped(stdout=None, stdin=None, stderr=None):
            self.assertEqual(_cli.main(["--example"]), 2)
            self.assertEqual(_cli.main(["--check", "-"]), 2)
            self.assertEqual(_cli.main(["--check", "--example"]), 0)
            with self.assertRaises(SystemExit) as caught:
                sys.argv[1:] = ["--check", "--example"]
                _cli.run()
            self.assertEqual(caught.exception.code, 0)

    def test_what_stops_the_program_becomes_its_status(self):
        for problem, status in (
            (KeyboardInterrupt(), 130),
            (BrokenPipeError(32, "Broken pipe"), 141),
            (OSError(28, "No space left on device"), 2),
        ):

            def fail(*args, problem=problem, **kwargs):
                raise problem

            with self.subTest(problem=type(problem).__name__):
                saved = _cli.main
                _cli.main = fail
                err = io.StringIO()
                try:
                    with contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as caught:
                        _cli.run()
                finally:
                    _cli.main = saved
                self.assertEqual(caught.exception.code, status)
                if status == 2:
                    self.assertIn(
                        "cannot write the output: No space left on device", err.getvalue()
                    )

    def test_a_standard_error_that_cannot_be_written(self):
        class Broken(io.StringIO):
            def write(self, text):
                raise OSError(5, "Input/output error")

        with self.swapped(stderr=Broken()):
            _cli.warn("nowhere to go")  # and no exception either

    def test_json_lines(self):
        lines = b"\n".join([TEXT, b"", b"{", b'{"feature_id": 5}', TEXT, b"\xff"])
        status, out, err = run("--lines", "--json", "-", stdin=lines)
        self.assertEqual(status, 2)
        self.assertEqual([json.loads(line) for line in out.splitlines()], [EXAMPLE, EXAMPLE])
        self.assertIn("<stdin>:3: not JSON: ", err)
        self.assertIn("<stdin>:4: feature_id: expected a string, got int 5", err)
        self.assertIn("<stdin>:6: not UTF-8: invalid start byte at byte 0", err)
        self.assertNotIn("<stdin>:2", err)

    def test_input_larger_than_the_bound(self):
        with tempfile.NamedTemporaryFile(suffix=".json") as file:
            file.write(TEXT)
            file.flush()
            status, _, err = run("--max-bytes", "10", file.name)
            self.assertEqual(status, 2)
            self.assertIn("larger than 10 bytes", err)
            self.assertEqual(run("--max-bytes", str(len(TEXT)), "--check", file.name)[0], 0)

    def test_maps_are_recognised_whatever_their_features_are_called(self):
        for payload in (
            {"balance": EXAMPLE, "messages": EXAMPLE},
            {"messages": EXAMPLE, "credits": None},
            {"customer_id": EXAMPLE},
        ):
            with self.subTest(keys=list(payload)):
                status, out, err = run("--json", "-", stdin=json.dumps(payload).encode())
                self.assertEqual((status, err), (0, ""))
                self.assertEqual(json.loads(out), payload)
        status, out, err = run("-", stdin=json.dumps({"messages": EXAMPLE, "credits": 5}).encode())
        self.assertEqual(status, 1)
        self.assertIn("\nmessages ", out)  # the balance that could be read
        self.assertEqual(
            err,
            "<stdin>: read as a map of balances:\n"
            "<stdin>: credits: expected an object, got int 5\n",
        )
        status, _, err = run("-", stdin=json.dumps({"later": 5, "credits": "x"}).encode())
        self.assertEqual(status, 1)
        self.assertEqual(
            err,
            "<stdin>: neither a balance, a track response nor a map of balances: "
            "later is int 5, not an object or null\n",
        )
        status, out, _ = run("-", stdin=json.dumps({"credits": None}).encode())
        self.assertEqual((status, out), (0, "(no balances)\n"))

    def test_strict_reaches_into_a_map(self):
        payload = {"messages": dict(EXAMPLE, new=1), "credits": None}
        status, _, err = run("--strict", "--check", "-", stdin=json.dumps(payload).encode())
        self.assertEqual((status, err), (1, "<stdin>: messages.new: unknown key\n"))
        payload = {"messages": EXAMPLE}
        self.assertEqual(run("--strict", "-", stdin=json.dumps(payload).encode())[0], 0)
        status, _, err = run("--strict", "-", stdin=json.dumps(dict(EXAMPLE, new=1)).encode())
        self.assertEqual((status, err), (1, "<stdin>: new: unknown key\n"))

    def test_many_problems_in_a_map_are_bounded(self):
        payload = {"f%d" % n: {} for n in range(50)}
        status, _, err = run("--check", "-", stdin=json.dumps(payload).encode())
        self.assertEqual(status, 1)
        lines = err.splitlines()
        self.assertEqual(len(lines), 102)
        self.assertEqual(lines[0], "<stdin>: read as a map of balances:")
        self.assertEqual(lines[-1], "<stdin>: ... and %d more problems" % (50 * 8 - 100))

    def test_version(self):
        from trackbalances import __version__

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            self.assertEqual(_cli.main(["--version"]), 0)
        self.assertEqual(out.getvalue().split(), ["trackbalances", __version__])

    def test_the_console_script_is_declared(self):
        with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as file:
            self.assertIn('trackbalances = "trackbalances._cli:run"', file.read())


def _interruptible():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


if __name__ == "__main__":
    unittest.main()
