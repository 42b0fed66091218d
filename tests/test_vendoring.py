"""The package as users vendor it: as the README says (its copy line, its import, its
``python -m``), under another name, from a zip, under strict interpreter flags, and
with nothing imported from outside the standard library."""

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest
import zipfile

from .loopback import readme_blocks

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, "trackbalances")
with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as _file:
    README = _file.read()

# Uses the package as a script would; ``tb`` is the package under whatever name it has.
EXERCISE = """
import json, sys
balance = {"feature_id": "messages", "granted": 100, "remaining": 72, "usage": 28,
    "unlimited": False, "overage_allowed": False, "max_purchase": None,
    "next_reset_at": 1773851121437, "later": [1, {"a": None}]}
example = {"customer_id": "cus_123", "value": 1, "balance": balance}
response = tb.TrackResponse.from_json(json.dumps(example))
assert response.to_dict() == example, response.to_dict()
assert tb.TrackResponse.from_json(response.to_json()) == response
assert response.balance.next_reset_at_datetime.year == 2026
assert hash(response) and "later" in repr(response)
try:
    tb.TrackBalances.from_dict({"granted": "x"})
except tb.ValidationError as error:
    assert "granted: expected a number, got str 'x'" in str(error), str(error)
else:
    raise AssertionError("accepted")
print("ok")
"""


def python(*args, env=None, cwd=None):
    done = subprocess.run(
        [sys.executable] + list(args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
        timeout=120,
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


class VendoringTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)

    def vendor(self):
        vendor = os.path.join(self.folder, "some_app", "_vendor")
        os.makedirs(vendor)
        for package in (os.path.dirname(vendor), vendor):
            open(os.path.join(package, "__init__.py"), "w").close()
        shutil.copytree(
            PACKAGE,
            os.path.join(vendor, "trackbalances"),
            ignore=shutil.ignore_patterns("__pycache__"),
        )

    def test_copied_under_another_name(self):
        self.vendor()
        code = "import some_app._vendor.trackbalances as tb\n" + EXERCISE
        code += "assert 'trackbalances' not in sys.modules\n"
        status, out, err = python("-c", code, cwd=self.folder)
        self.assertEqual((status, out, err), (0, "ok\n", ""))
        status, out, err = python(
            "-m", "some_app._vendor.trackbalances", "--example", cwd=self.folder
        )
        self.assertEqual((status, err), (0, ""))
        self.assertIn("messages                  100        28        72 limited", out)

    def test_imported_from_a_zip_file(self):
        archive = os.path.join(self.folder, "app.zip")
        with zipfile.ZipFile(archive, "w") as zipped:
            for name in sorted(os.listdir(PACKAGE)):
                if name.endswith((".py", ".typed")):
                    zipped.write(os.path.join(PACKAGE, name), "trackbalances/" + name)
        code = "import sys; sys.path.insert(0, %r)\nimport trackbalances as tb\n" % archive
        code += "assert tb.__file__.startswith(%r), tb.__file__\n" % archive
        status, out, err = python("-c", code + EXERCISE, cwd=self.folder)
        self.assertEqual((status, out, err), (0, "ok\n", ""))
        env = dict(os.environ, PYTHONPATH=archive)
        status, out, err = python("-m", "trackbalances", "--example", env=env, cwd=self.folder)
        self.assertEqual((status, err), (0, ""))
        self.assertIn("plan pro_plan", out)


def git(*args, cwd):
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@localhost"] + list(args),
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=60,
    )


@unittest.skipUnless(
    all(shutil.which(tool) for tool in ("sh", "git", "tar")), "needs sh, git and tar"
)
class ReadmeVendoringTest(unittest.TestCase):
    """In a fresh checkout: the README's copy line, run twice over an older copy, then
    its import line and its ``python -m`` line in the project that holds the copy."""

    @classmethod
    def setUpClass(cls):
        (cls.line,) = [b for b in readme_blocks("sh") if "_vendor" in b]
        cls.checkout = tempfile.mkdtemp()
        shutil.copytree(
            PACKAGE,
            os.path.join(cls.checkout, "trackbalances"),
            ignore=shutil.ignore_patterns("__pycache__"),
        )
        shutil.copy(os.path.join(ROOT, ".gitignore"), cls.checkout)
        git("init", "-q", cwd=cls.checkout)
        git("add", "-A", cwd=cls.checkout)
        git("commit", "-q", "--no-gpg-sign", "-m", "the package", cwd=cls.checkout)
        # What a test run and an editor leave in a working tree, which a copy must not take.
        cache = os.path.join(cls.checkout, "trackbalances", "__pycache__")
        os.makedirs(cache)
        open(os.path.join(cache, "_model.cpython-311.pyc"), "wb").close()
        open(os.path.join(cls.checkout, "trackbalances", "scratch.py"), "w").close()
        cls.vendored = os.path.join(cls.checkout, "your_app", "_vendor", "trackbalances")
        os.makedirs(cls.vendored)
        open(os.path.join(cls.vendored, "_old_module.py"), "w").close()
        open(os.path.join(cls.checkout, "your_app", "__init__.py"), "w").close()
        cls.listings = []
        for _ in range(2):
            subprocess.run(["sh", "-e", "-c", cls.line], cwd=cls.checkout, check=True, timeout=60)
            cls.listings.append(sorted(os.listdir(cls.vendored)))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.checkout)

    def test_the_copy_line_takes_exactly_the_package_files(self):
        shipped = sorted(
            name for name in os.listdir(PACKAGE) if name.endswith(".py") or name == "py.typed"
        )
        self.assertIn("__init__.py", shipped)
        self.assertEqual(self.listings, [shipped, shipped])
        self.assertIn("git archive", self.line)

    def test_the_import_line(self):
        (line,) = re.findall(r"`(from your_app\._vendor\.trackbalances import \w+)`", README)
        status, out, err = python("-c", line + "; print(Balance.__name__)", cwd=self.checkout)
        self.assertEqual((status, out, err), (0, "TrackBalances\n", ""))

    def test_the_command_line_of_the_copy(self):
        self.assertIn("`python -m your_app._vendor.trackbalances`", README)
        status, out, err = python(
            "-m", "your_app._vendor.trackbalances", "--example", cwd=self.checkout
        )
        self.assertEqual((status, err), (0, ""))
        self.assertIn("messages                  100        28        72 limited", out)


class InterpreterFlagsTest(unittest.TestCase):
    def run_with(self, *flags):
        code = "import sys; sys.path.insert(0, %r)\nimport trackbalances as tb\n" % ROOT + EXERCISE
        return python(*(list(flags) + ["-c", code]), cwd=tempfile.gettempdir())

    def test_without_docstrings(self):
        self.assertEqual(self.run_with("-OO"), (0, "ok\n", ""))

    def test_warnings_are_errors(self):
        self.assertEqual(self.run_with("-W", "error"), (0, "ok\n", ""))

    def test_isolated_mode(self):
        self.assertEqual(self.run_with("-I"), (0, "ok\n", ""))

    def test_development_mode(self):
        self.assertEqual(self.run_with("-X", "dev", "-W", "error"), (0, "ok\n", ""))


def _runtime_nodes(node):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and getattr(child.test, "id", None) == "TYPE_CHECKING":
            for orelse in child.orelse:
                yield orelse
                yield from _runtime_nodes(orelse)
            continue
        yield child
        yield from _runtime_nodes(child)


class StandardLibraryOnlyTest(unittest.TestCase):
    def imports(self):
        """(module file, imported name, level) for every import statement of the package
        that can run: those under ``if TYPE_CHECKING:`` are for type checkers only."""
        for name in sorted(os.listdir(PACKAGE)):
            if name.endswith(".py"):
                with open(os.path.join(PACKAGE, name), encoding="utf-8") as file:
                    tree = ast.parse(file.read(), name)
                for node in _runtime_nodes(tree):
                    if isinstance(node, ast.Import):
                        for alias in node.names:
                            yield name, alias.name, 0
                    elif isinstance(node, ast.ImportFrom):
                        yield name, node.module or "", node.level

    def test_only_the_standard_library_and_itself(self):
        stdlib = {os.path.realpath(sysconfig.get_paths()[key]) for key in ("stdlib", "platstdlib")}
        seen = set()
        for module, name, level in self.imports():
            if level:  # relative: must be a module of the package itself
                if name:
                    top = name.split(".")[0]
                    self.assertTrue(
                        os.path.exists(os.path.join(PACKAGE, top + ".py")), (module, name)
                    )
                continue
            top = name.split(".")[0]
            seen.add(top)
            self.assertNotEqual(top, "trackbalances", "%s imports itself by name" % module)
            spec = importlib.util.find_spec(top)
            self.assertIsNotNone(spec, name)
            origin = spec.origin or ""
            in_stdlib = (
                top in sys.builtin_module_names
                or origin in ("built-in", "frozen")
                or any(os.path.realpath(origin).startswith(path + os.sep) for path in stdlib)
            )
            self.assertTrue(in_stdlib, "%s imports %s from %s" % (module, name, origin))
        # The walk did find the imports (a walk that finds nothing proves nothing).
        self.assertTrue({"dataclasses", "enum", "collections", "json", "argparse"} <= seen, seen)

    def test_no_package_metadata_or_data_files(self):
        for module, name, _ in self.imports():
            self.assertNotIn(name.split(".")[0], {"pkg_resources", "importlib_metadata"}, module)
            self.assertFalse(name.startswith(("importlib.metadata", "importlib.resources")), module)


if __name__ == "__main__":
    unittest.main()
