"""The README holds when followed: every Python block runs as written (the API recipe
against a server on 127.0.0.1), the first commands it gives a newcomer are those that
work and that CI runs, and each table has the shape of its header. The vendoring it
describes is tested in test_vendoring, the recipe's answers in test_live_api."""

import contextlib
import io
import os
import re
import subprocess
import sys
import unittest

from .loopback import ROOT, Loopback, readme_blocks

with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as _file:
    README = _file.read()


class ReadmePythonTest(unittest.TestCase):
    def test_every_block_runs_as_written(self):
        blocks = readme_blocks("python")
        self.assertGreaterEqual(len(blocks), 3)
        namespace = {"__name__": "readme"}
        printed = io.StringIO()
        with Loopback() as server, contextlib.redirect_stdout(printed):
            for code in blocks:
                exec(compile(code, "README.md", "exec"), namespace)
        # The recipe ran: it called the server once and printed the balance it got.
        self.assertEqual(len(server.requests), 1)
        self.assertEqual(printed.getvalue(), "messages 72 left\n")
        self.assertEqual(namespace["status"], 200)


class ReadmeFirstCommandsTest(unittest.TestCase):
    def setUp(self):
        (self.console,) = [b for b in readme_blocks("console") if "--example" in b]
        self.assertLess(README.index(self.console), README.index("\n## "))

    def test_the_example_prints_what_the_readme_shows(self):
        shown = self.console.split("$ ")[1].splitlines()
        self.assertEqual(shown[0], "python -m trackbalances --example")
        done = subprocess.run(
            [sys.executable, "-m", "trackbalances", "--example"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=120,
        )
        self.assertEqual((done.returncode, done.stderr), (0, b""))
        self.assertEqual(done.stdout.decode().splitlines(), shown[1:])

    def test_the_test_command_is_the_one_ci_runs(self):
        with open(os.path.join(ROOT, ".ci", "run"), encoding="utf-8") as file:
            (arguments,) = re.findall(r"^TEST_COMMAND=\((.*)\)$", file.read(), re.M)
        command = "python " + arguments
        self.assertIn("$ %s\n" % command, self.console)
        with open(os.path.join(ROOT, "CONTRIBUTING.md"), encoding="utf-8") as file:
            self.assertIn(command, file.read())


class ReadmeLinksTest(unittest.TestCase):
    def test_the_reference_and_the_contributing_guide_are_there(self):
        for name in ("REFERENCE.md", "CONTRIBUTING.md"):
            with self.subTest(name=name):
                self.assertIn("](%s)" % name, README)
                self.assertTrue(os.path.isfile(os.path.join(ROOT, name)))

    def test_the_sections_a_user_looks_for(self):
        headings = re.findall(r"^## (.*)$", README, re.M)
        for heading in (
            "Install",
            "Use",
            "Calling the API",
            "Absent and null: `ABSENT`",
            "Errors",
            "When the API sends something the package cannot read",
            "Command line",
            "Supported Pythons",
            "Performance",
        ):
            self.assertIn(heading, headings)
        self.assertNotIn("Development", headings)  # in CONTRIBUTING.md
        performance = README.split("## Performance\n")[1].split("\n## ")[0]
        self.assertIn("(benchmarks/README.md)", performance)
        self.assertLess(performance.count("\n"), 20)


class ReadmeTablesTest(unittest.TestCase):
    def test_every_row_has_the_shape_of_its_header(self):
        tables = re.findall(r"((?:^\|.*\|\n)+)", README, re.M)
        self.assertGreaterEqual(len(tables), 1)
        for table in tables:
            rows = [re.split(r"(?<!\\)\|", row)[1:-1] for row in table.splitlines()]
            with self.subTest(header=rows[0]):
                self.assertTrue(all(set(cell.strip()) <= set(":-") for cell in rows[1]))
                for row in rows:
                    self.assertEqual(len(row), len(rows[0]), row)


if __name__ == "__main__":
    unittest.main()
