"""The table fits 80 terminal columns: wide characters count two, escaping comes
before fitting, and numbers of any size are shortened from their size."""

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import unittest

import trackbalances as tb
from trackbalances import _table

from . import schema as S
from .test_cli import ROOT

EXAMPLE = S.load("examples/track_balances_0.json")
FEATURE = S.load("full_balance.json")["feature"]
RESPONSE = S.load("examples/track_response_0.json")


def terminal_columns(line):
    return sum(
        2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
        for c in line
    )


def wide_balance(text):
    entry = dict(EXAMPLE["breakdown"][0], plan_id=text)
    entry["reset"] = dict(entry["reset"], interval=text)
    return dict(
        EXAMPLE,
        feature_id=text,
        feature=dict(FEATURE, id=text, name=text + "!"),
        breakdown=[entry],
    )


class ColumnsTest(unittest.TestCase):
    def test_wide_characters_take_two_columns(self):
        self.assertEqual(_table.columns("abc"), 3)
        self.assertEqual(_table.columns("\u65e5\u672c"), 4)
        self.assertEqual(_table.columns("\U0001f600"), 2)
        self.assertEqual(_table.columns("e\u0301"), 1)  # a combining accent takes none

    def test_every_line_fits_whatever_the_names(self):
        for text in (
            "\u65e5" * 19,
            "\u65e5" * 9 + "a",
            "\u65e5" * 200,
            "\U0001f600" * 50,
            "a" * 200,
            "\u65e5 " * 60,
            "x" + "e\u0301" * 100,
        ):
            balance = tb.TrackBalances.from_dict(wide_balance(text))
            response = dict(RESPONSE, customer_id=text, event_name=text, entity_id=text)
            response["balance"] = wide_balance(text)
            for table in (
                _table.balance(balance),
                _table.response(tb.TrackResponse.from_dict(response)),
            ):
                with self.subTest(text=text[:5], lines=len(table.splitlines())):
                    for line in table.splitlines():
                        self.assertLessEqual(terminal_columns(line), 79, line)

    def test_the_columns_stay_aligned_after_a_wide_name(self):
        payload = dict(EXAMPLE, feature_id="\u65e5" * 9)
        payload.pop("feature", None)
        header, row = _table.balance(tb.TrackBalances.from_dict(payload)).splitlines()[:2]
        self.assertEqual(terminal_columns(row[: row.index("100")]), header.index("GRANTED") + 4)

    def test_an_ascii_output_escapes_before_it_fits(self):
        _table.write_ascii_only(True)
        self.addCleanup(_table.write_ascii_only, False)
        response = dict(RESPONSE, customer_id="\u65e5" * 100, balance=wide_balance("\u65e5" * 30))
        table = _table.response(tb.TrackResponse.from_dict(response))
        self.assertTrue(table.isascii())
        for line in table.splitlines():
            self.assertLessEqual(len(line), 79, line)
        self.assertIn("\\u65e5\\u65e5", table)

    def test_an_ascii_terminal_gets_lines_that_fit(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        path = os.path.join(folder.name, "\u65e5" * 60 + ".json")
        with open(path, "w", encoding="utf-8") as file:
            json.dump(wide_balance("\u65e5" * 60), file)
        done = subprocess.run(
            [sys.executable, "-m", "trackbalances", path, path],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ, PYTHONIOENCODING="ascii"),
            timeout=60,
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        lines = done.stdout.decode("ascii").splitlines()
        self.assertTrue(lines[0].startswith("==> '"), lines[0])
        self.assertIn("\\u65e5", lines[2])
        self.assertTrue(all(len(line) <= 79 for line in lines), max(map(len, lines)))

    def test_a_word_wider_than_a_line_is_cut_into_lines(self):
        wrapped = _table._wrap("head " + "\u65e5" * 100 + " tail", "  ", "    ")
        lines = wrapped.splitlines()
        self.assertEqual(lines[0], "  head")
        self.assertTrue(all(terminal_columns(line) <= 79 for line in lines))
        rest = "".join(line.strip() for line in lines[1:])
        self.assertEqual(rest.replace(" ", ""), "\u65e5" * 100 + "tail")
        self.assertEqual(_table.fit("\u65e5" * 50, 10), "\u65e5" * 3 + "...")


class NumbersTest(unittest.TestCase):
    def test_numbers_as_written_or_shortened(self):
        for value, width, shown in (
            (100, 9, "100"),
            (100.0, 9, "100.0"),
            (-5, 9, "-5"),
            (123456789012, 9, "~1.234e11"),
            (-(10**30) + 7, 9, "~-9.99e29"),
            (10**24, 24, "~1e24"),
            (10**24 - 1, 24, "999999999999999999999999"),
            (1.5e300, 9, "1.5e+300"),
            (1.2345678901234567e300, 9, "~1.23e300"),
            (2**64, 9, "~1.844e19"),
        ):
            with self.subTest(value=value, width=width):
                self.assertEqual(_table.number(value, width), shown)

    def test_a_huge_int_is_shortened_from_its_size(self):
        # Writing all of its digits would take seconds (and is refused past 4300).
        for digits in (4301, 100_000, 1_000_000):
            with self.subTest(digits=digits):
                self.assertEqual(_table.number(7 * 10 ** (digits - 1)), "~7e%d" % (digits - 1))
                exponent = "e%d" % (digits - 1)
                nines = "9" * (16 - len("~-9.") - len(exponent))
                self.assertEqual(_table.number(-(10**digits) + 1, 16), "~-9." + nines + exponent)

    def test_a_time_too_far_is_shown_in_milliseconds(self):
        self.assertEqual(_table.when(10**5000), "~1e5000 ms")
        with self.assertRaises(ValueError) as caught:
            tb._model.utc_datetime(10**100000)
        self.assertEqual(
            str(caught.exception),
            "~1e100000 ms since 1970 is outside the years 1 to 9999 of datetime",
        )


if __name__ == "__main__":
    unittest.main()
