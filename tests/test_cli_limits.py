"""The command line against a determined caller: names and arguments that try
to forge report lines, absurd bounds, too little memory, inputs that would make
reports without end, and logs of any size."""

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import unittest

from trackbalances import _cli

from . import schema as S
from .test_cli import ROOT, run

EXAMPLE = S.load("examples/track_balances_0.json")
RESPONSE = S.load("examples/track_response_0.json")
TEXT = json.dumps(EXAMPLE).encode()
MIB = 1 << 20
PYPY = sys.implementation.name == "pypy"

try:
    import resource
except ImportError:  # not on Windows
    resource = None


def program(*args, stdin=b"", limit=None, cwd=ROOT):
    """``python -m trackbalances`` as a real process, its address space limited
    to ``limit`` bytes if given: (status, stdout, stderr)."""

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "trackbalances"] + list(args),
        input=stdin,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=300,
        preexec_fn=limited if limit else None,
    )
    return done.returncode, done.stdout, done.stderr


class NamesTest(unittest.TestCase):
    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = folder.name

    def write(self, name, content):
        path = os.path.join(self.folder, name)
        with open(path, "wb") as file:
            file.write(content)
        return path

    def test_a_name_cannot_forge_a_line_or_reach_the_terminal(self):
        path = self.write("x\nFORGED: all good\x1b[2J.json", b'{"feature_id": 3}')
        status, out, err = run("--check", path)
        self.assertEqual(status, 1)
        lines = err.splitlines()
        self.assertEqual(len(lines), 9)
        for line in lines:
            self.assertTrue(line.startswith("'" + self.folder), line)
            self.assertNotIn("\x1b", line)
        self.assertIn("\\nFORGED: all good\\x1b[2J.json': read as a balance:", lines[0])

    def test_plain_names_stay_as_they_are_and_others_are_quoted_and_cut(self):
        plain = self.write("good-1.json", TEXT)
        self.assertEqual(_cli.shown_name(plain), plain)
        self.assertEqual(_cli.shown_name("my file.json"), "'my file.json'")
        self.assertEqual(_cli.shown_name("<stdin>"), "'<stdin>'")  # never the real one
        self.assertEqual(_cli.shown_name(""), "''")
        long = "a" * 500
        self.assertEqual(_cli.shown_name(long), "'%s'... (500 characters)" % ("a" * 100))
        wide = "\U0001f600" * 100
        self.assertLessEqual(len(_cli.shown_name(wide)), 130)

    def test_the_heading_of_several_inputs_is_quoted_and_fits(self):
        path = self.write("\u65e5" * 60 + ".json", TEXT)
        status, out, _ = run(path, path)
        self.assertEqual(status, 0)
        headings = [line for line in out.splitlines() if line.startswith("==>")]
        self.assertEqual(len(headings), 2)
        for heading in headings:
            self.assertTrue(heading.isascii())
            self.assertLessEqual(len(heading), 79)
            self.assertIn("...", heading)

    def test_argparse_messages_are_escaped_and_cut(self):
        cases = (
            ["--kind", "x\nFORGED: \x1b[31m" + "y" * 10000],
            ["--max-bytes", "1\n2"],
            ["--bogus\n\x1b[31m", "--example"],
        )
        for argv in cases:
            with self.subTest(argv=argv[0]):
                status, out, err = run(*argv)
                self.assertEqual((status, out), (2, ""))
                message = err.splitlines()[-1]
                self.assertNotIn("\x1b", err)
                self.assertRegex(message, r"^\S+ -m trackbalances: error: |^trackbalances: error: ")
                self.assertLessEqual(len(message), 400)
        self.assertIn("'--bogus\\n\\x1b[31m'", err)


class MaxBytesTest(unittest.TestCase):
    def test_negative_or_absurd_bounds_are_usage_errors(self):
        for value in ("-1", "1099511627777", "9" * 5000, "1e6", "many"):
            with self.subTest(value=value[:20]):
                status, out, err = run("--max-bytes", value, "--example")
                self.assertEqual((status, out), (2, ""))
                self.assertIn("--max-bytes: expected a number of bytes from 0 to ", err)
                self.assertNotIn("Traceback", err)

    def test_a_large_bound_asks_for_no_memory_at_once(self):
        status, out, err = program("--max-bytes", str(1 << 40), "--check", "-", stdin=TEXT)
        self.assertEqual((status, out, err), (0, b"", b""))
        status, out, err = program(
            "--max-bytes", str(1 << 40), "--lines", "--check", "-", stdin=TEXT + b"\n" + TEXT
        )
        self.assertEqual((status, out, err), (0, b"", b""))
        self.assertEqual(run("--max-bytes", "0", "--check", "-", stdin=b"")[0], 2)


@unittest.skipUnless(
    resource is not None and hasattr(resource, "RLIMIT_AS"),
    "the platform has no RLIMIT_AS to limit a process's memory with",
)
class OutOfMemoryTest(unittest.TestCase):
    """Real processes whose address space is limited: a large input ends in the
    exit status of its own, with one line, never a traceback, never as invalid."""

    @classmethod
    def setUpClass(cls):
        # The least address space in which this interpreter shows the example:
        # interpreters differ by hundreds of MiB in what they reserve.
        low, high = 8 * MIB, 8 * MIB
        while program("--check", "--example", limit=high)[0] != 0:
            low, high = high, high * 2
            if high > 64 * 1024 * MIB:
                raise unittest.SkipTest("this interpreter does not run under RLIMIT_AS at all")
        while high - low > 4 * MIB:
            middle = (low + high) // 2
            if program("--check", "--example", limit=middle)[0] == 0:
                high = middle
            else:
                low = middle
        cls.floor = high

    def check(self, payload, valid_status, *args):
        statuses = set()
        for extra in (0, 8, 24, 64, 160, 400):
            status, out, err = program(
                "--check", *args, "-", stdin=payload, limit=self.floor + extra * MIB
            )
            with self.subTest(extra_mib=extra):
                if PYPY and status == -signal.SIGABRT:
                    # PyPy's collector aborts the process when it finds no memory for
                    # its next arena, where CPython raises MemoryError: no Python code
                    # runs to report it. Its own message says what happened.
                    self.assertIn(b"out of memory", err)
                    continue
                self.assertIn(status, (valid_status, _cli.OUT_OF_MEMORY), err[-2000:])
                self.assertNotIn(b"Traceback", err)
                self.assertNotIn(b"Exception ignored", err)
                self.assertNotIn(b"could not be read", err)
                self.assertNotIn(b"MemoryError", err)
                if status == _cli.OUT_OF_MEMORY:
                    self.assertEqual(len(err.splitlines()), 1, err[-2000:])
                    self.assertIn(b": out of memory: ", err)
            statuses.add(status)
        self.assertIn(_cli.OUT_OF_MEMORY, statuses)
        return statuses

    def test_a_large_valid_input(self):
        payload = json.dumps(dict(EXAMPLE, pad="x" * (16 * MIB))).encode()
        self.check(payload, 0)

    def test_a_large_invalid_input(self):
        payload = json.dumps(dict(EXAMPLE, granted="x", pad=["y" * 100] * (160 * 1024))).encode()
        self.check(payload, 1)

    def test_an_input_whose_report_builds_many_objects(self):
        payload = json.dumps(dict(EXAMPLE, breakdown=[{}] * 200_000)).encode()
        self.check(payload, 1)

    def test_a_large_line_of_a_log(self):
        payload = TEXT + b"\n" + json.dumps([EXAMPLE] * 20_000).encode() + b"\n" + TEXT
        self.check(payload, 1, "--lines")


class UnraisableTest(unittest.TestCase):
    def test_memory_errors_nobody_can_catch_are_left_to_the_program_to_say(self):
        class What:
            exc_value = MemoryError()

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            _cli._unraisable(What())
        self.assertEqual(err.getvalue(), "")
        if not hasattr(sys, "__unraisablehook__"):  # Python 3.7: no such hook to call
            return
        seen = []
        saved = sys.__unraisablehook__
        sys.__unraisablehook__ = seen.append
        try:
            What.exc_value = ValueError("other")
            _cli._unraisable(What())
        finally:
            sys.__unraisablehook__ = saved
        self.assertEqual(len(seen), 1)


class BoundsTest(unittest.TestCase):
    def test_strict_lists_a_hundred_unknown_keys_then_counts(self):
        payload = dict(EXAMPLE, **{"k%d" % n: n for n in range(100_000)})
        status, _, err = run("--strict", "--check", "-", stdin=json.dumps(payload).encode())
        lines = err.splitlines()
        self.assertEqual(status, 1)
        self.assertEqual(len(lines), 101)
        self.assertEqual(lines[0], "<stdin>: k0: unknown key")
        self.assertEqual(lines[-1], "<stdin>: ... and 99900 more problems")

    def test_lines_bound_the_problems_of_an_input_and_count_the_rest(self):
        log = b"\n".join([b"{", b'{"feature_id": 5}', TEXT] * 1000)
        status, out, err = run("--lines", "--check", "-", stdin=log)
        lines = err.splitlines()
        self.assertEqual((status, out), (2, ""))
        problems = [line for line in lines if not line.endswith("read as a balance:")]
        self.assertEqual(len(problems), 101)
        self.assertRegex(lines[0], r"^<stdin>:1: not JSON: ")
        # Each three lines: one problem, a balance of eight, and a valid one. The
        # first 12 lines with a problem show 100 problems (and 11 "read as" lines).
        self.assertEqual(len(lines), 100 + 11 + 1)
        self.assertEqual(lines[-1], "<stdin>: ... and 8900 more problems in 1977 more lines")

    def test_counts_of_the_balances_of_a_map_add_up(self):
        nine_each = dict(EXAMPLE, breakdown=[{}] * 200)  # 1,800 problems
        four = dict(EXAMPLE, granted="x", usage="x", remaining="x", unlimited="x")
        for count, broken, expected in ((1, nine_each, 1700), (2, nine_each, 3500), (40, four, 60)):
            with self.subTest(balances=count, problems=len(broken)):
                payload = {"f%d" % n: broken for n in range(count)}
                text = json.dumps(payload).encode()
                status, _, err = run("--check", "-", stdin=text)
                lines = err.splitlines()
                self.assertEqual(status, 1)
                self.assertEqual(len(lines), 102)
                self.assertEqual(lines[-1], "<stdin>: ... and %d more problems" % expected)
        payload = {"f%d" % n: dict(EXAMPLE, new=1) for n in range(150)}
        status, _, err = run("--strict", "--check", "-", stdin=json.dumps(payload).encode())
        self.assertEqual(status, 1)
        self.assertEqual(err.splitlines()[-1], "<stdin>: ... and 50 more problems")

    def test_a_line_of_a_log_longer_than_the_bound_is_reported_and_the_rest_read(self):
        log = TEXT + b"\n" + b" " * 5000 + TEXT + b"\n" + TEXT + b"\n" + b"x" * 300
        status, out, err = run("--lines", "--json", "--max-bytes", "1000", "-", stdin=log)
        self.assertEqual(status, 2)
        self.assertEqual(len(out.splitlines()), 2)
        first, second = err.splitlines()
        self.assertEqual(
            first, "<stdin>:2: a line longer than 1000 bytes (a longer line needs --max-bytes)"
        )
        self.assertRegex(second, "^<stdin>:4: not JSON: .+ at line 1 column 1$")

    def test_a_log_is_read_line_by_line(self):
        class Lines(io.BytesIO):
            largest = 0

            def readline(self, size=-1):
                line = super().readline(size)
                Lines.largest = max(Lines.largest, size)
                return line

        stdin = io.TextIOWrapper(Lines(b"\n".join([TEXT] * 3000)), encoding="utf-8")
        saved = sys.stdin
        sys.stdin = stdin
        try:
            status = _cli.main(["--lines", "--check", "--max-bytes", "2000", "-"])
        finally:
            sys.stdin = saved
        self.assertEqual(status, 0)
        self.assertEqual(Lines.largest, 2001)

    def test_a_log_of_many_empty_lines_in_constant_memory(self):
        if resource is None or not hasattr(resource, "RLIMIT_AS"):
            self.skipTest("the platform has no RLIMIT_AS to limit a process's memory with")
        floor = OutOfMemoryTest.floor if hasattr(OutOfMemoryTest, "floor") else None
        if floor is None:
            OutOfMemoryTest.setUpClass()
            floor = OutOfMemoryTest.floor
        status, out, err = program(
            "--lines", "--check", "-", stdin=b"\n" * (64 * MIB) + TEXT, limit=floor + 24 * MIB
        )
        self.assertEqual((status, out, err), (0, b"", b""))


if __name__ == "__main__":
    unittest.main()


class InProcessPathsTest(unittest.TestCase):
    """What the real processes above do, in this process, where coverage sees it."""

    def test_out_of_memory_while_an_input_is_read(self):
        def exhausted(*args):
            raise MemoryError

        saved = _cli._one
        _cli._one = exhausted
        try:
            status, out, err = run("--check", "--example", "--example")
        finally:
            _cli._one = saved
        self.assertEqual((status, out), (_cli.OUT_OF_MEMORY, ""))
        self.assertEqual(
            err,
            "trackbalances: <example>: out of memory: "
            "the input is too large for the memory this process may use\n",
        )

    def test_out_of_memory_anywhere_else(self):
        def exhausted(*args):
            raise MemoryError

        saved, saved_hook = _cli.main, getattr(sys, "unraisablehook", None)
        _cli.main = exhausted
        err = io.StringIO()
        try:
            with contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as caught:
                _cli.run()
        finally:
            _cli.main = saved
            sys.unraisablehook = saved_hook
        self.assertEqual(caught.exception.code, _cli.OUT_OF_MEMORY)
        self.assertEqual(err.getvalue(), "trackbalances: out of memory\n")

    def test_the_name_of_a_package_run_as_a_module(self):
        class Main:
            class __spec__:
                name = "trackbalances.__main__"

        saved = sys.modules["__main__"]
        sys.modules["__main__"] = Main
        try:
            self.assertEqual(_cli.program_name(), "python -m trackbalances")
        finally:
            sys.modules["__main__"] = saved
        self.assertEqual(_cli.program_name(), "trackbalances")

    def test_a_log_that_cannot_be_read(self):
        status, _, err = run("--lines", os.path.join(tempfile.gettempdir(), "no", "such.jsonl"))
        self.assertEqual(status, 2)
        self.assertRegex(err, "^[^:]+such.jsonl: cannot read: No such file or directory\n$")
        saved = sys.stdin
        sys.stdin = None
        try:
            with contextlib.redirect_stderr(io.StringIO()) as err:
                status = _cli.main(["--lines", "--check", "-"])
        finally:
            sys.stdin = saved
        self.assertEqual(
            (status, err.getvalue()), (2, "<stdin>: cannot read: standard input is closed\n")
        )
