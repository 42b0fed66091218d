"""Rejecting broken input: the report lists 100 problems, counts the next
10,000, and at one more stops reading, so that its cost is bounded however
broken the input is (the benchmark measures that cost; these test the bounds)."""

import json
import pickle
import unittest
from collections.abc import Mapping

import trackbalances as tb
from trackbalances import _checks
from trackbalances._balance import read_balance
from trackbalances._breakdown import read_breakdown
from trackbalances._errors import MAX_ERRORS, MAX_MORE, ErrorList, TooManyProblems

from . import schema as S

EXAMPLE = S.load("examples/track_balances_0.json")
ENTRY = EXAMPLE["breakdown"][0]
BAD_ENTRY = dict(ENTRY, remaining="x")  # one problem each
STOPPED = "... and at least %d more problems (reading stopped there)" % MAX_MORE


def rejected(read, payload):
    with unittest.TestCase().assertRaises(tb.ValidationError) as caught:
        read(payload)
    return caught.exception


class CountedEntry(Mapping):
    """A breakdown entry with one problem that records each time it is read."""

    def __init__(self, index, reads):
        self.index, self.reads = index, reads

    def __getitem__(self, key):
        return BAD_ENTRY[key]

    def __iter__(self):
        self.reads.append(self.index)
        return iter(BAD_ENTRY)

    def __len__(self):
        return len(BAD_ENTRY)


class BoundsTest(unittest.TestCase):
    def test_the_limits(self):
        self.assertEqual((MAX_ERRORS, MAX_MORE), (100, 10_000))

    def test_a_short_report_has_no_ending_line(self):
        error = rejected(tb.TrackBalances.from_dict, dict(EXAMPLE, granted="x"))
        self.assertEqual((len(error.errors), error.more, error.stopped), (1, 0, False))
        self.assertEqual(str(error), "granted: expected a number, got str 'x'")

    def test_100_problems_are_listed_and_the_rest_counted(self):
        error = rejected(tb.TrackBalances.from_dict, dict(EXAMPLE, breakdown=[{}] * 1000))
        self.assertEqual((len(error.errors), error.more, error.stopped), (100, 8900, False))
        lines = str(error).splitlines()
        self.assertEqual(len(lines), 101)
        self.assertEqual(lines[0], "breakdown[0].plan_id: required key missing")
        self.assertEqual(lines[-1], "... and 8900 more problems")

    def test_every_problem_up_to_the_limit_is_counted(self):
        payload = dict(EXAMPLE, breakdown=[BAD_ENTRY] * (MAX_ERRORS + MAX_MORE))
        error = rejected(tb.TrackBalances.from_dict, payload)
        self.assertEqual((len(error.errors), error.more, error.stopped), (100, MAX_MORE, False))
        self.assertEqual(str(error).splitlines()[-1], "... and %d more problems" % MAX_MORE)

    def test_one_problem_more_stops_the_reading(self):
        for extra in (1, 50_000):
            with self.subTest(entries=MAX_ERRORS + MAX_MORE + extra):
                payload = dict(EXAMPLE, breakdown=[BAD_ENTRY] * (MAX_ERRORS + MAX_MORE + extra))
                error = rejected(tb.TrackBalances.from_dict, payload)
                self.assertEqual((len(error.errors), error.more), (100, MAX_MORE))
                self.assertTrue(error.stopped)
                lines = str(error).splitlines()
                self.assertEqual(len(lines), 101)
                self.assertEqual(
                    lines[99], "breakdown[99].remaining: expected a number, got str 'x'"
                )
                self.assertEqual(lines[-1], STOPPED)

    def test_nothing_past_the_stop_is_read(self):
        reads = []
        entries = [CountedEntry(index, reads) for index in range(3 * MAX_MORE)]
        error = rejected(tb.TrackBalances.from_dict, dict(EXAMPLE, breakdown=entries))
        self.assertTrue(error.stopped)
        # The first reading stops at entry 0; the report's reads every entry up to
        # the one that has the problem past the limit, and no further.
        self.assertEqual(reads, [0] + list(range(MAX_ERRORS + MAX_MORE + 1)))

    def test_the_stop_is_no_problem_of_its_own(self):
        # The array's items are not objects: each is reported where a caller's
        # mapping that raises would be caught, which the stop passes through.
        error = rejected(tb.TrackBalances.from_dict, dict(EXAMPLE, breakdown=[5] * 20_000))
        self.assertEqual((len(error.errors), error.more, error.stopped), (100, MAX_MORE, True))
        messages = {detail.message for detail in error.errors}
        self.assertEqual(messages, {"expected an object, got int 5"})

    def test_json_text_stops_too(self):
        text = json.dumps(dict(EXAMPLE, breakdown=[{}] * 100_000))
        error = rejected(tb.TrackBalances.from_json, text)
        self.assertEqual((len(error.errors), error.more, error.stopped), (100, MAX_MORE, True))
        self.assertEqual(str(error).splitlines()[-1], STOPPED)

    def test_values_of_unknown_keys_stop_too(self):
        payload = dict(EXAMPLE, later=[float("nan")] * (3 * MAX_MORE))
        error = rejected(tb.TrackBalances.from_dict, payload)
        self.assertEqual((len(error.errors), error.more, error.stopped), (100, MAX_MORE, True))
        self.assertEqual(error.errors[0].path, ("later", 0))
        self.assertEqual(error.errors[0].message, "expected a JSON value, got float nan")
        text = '{"later": [%s]}' % ",".join(["NaN"] * (3 * MAX_MORE))
        self.assertTrue(rejected(tb.TrackBalances.from_json, text).stopped)

    def test_a_map_of_balances_stops_too(self):
        balances = {"f%d" % n: {} for n in range(3 * MAX_MORE)}
        payload = {"customer_id": "c", "value": 1, "balance": None, "balances": balances}
        error = rejected(tb.TrackResponse.from_dict, payload)
        self.assertEqual((len(error.errors), error.more, error.stopped), (100, MAX_MORE, True))
        self.assertEqual(error.errors[0].path, ("balances", "f0", "feature_id"))

    def test_pickle_and_construction_keep_the_bound(self):
        error = rejected(tb.TrackBalances.from_dict, dict(EXAMPLE, breakdown=[{}] * 100_000))
        again = pickle.loads(pickle.dumps(error))
        self.assertEqual((again.errors, again.more, again.stopped), (error.errors, MAX_MORE, True))
        self.assertEqual(str(again), str(error))
        made = tb.ValidationError([(("a",), "bad")], 3)
        self.assertEqual((made.stopped, str(made)), (False, "a: bad\n... and 3 more problems"))
        made = tb.ValidationError([(("a",), "bad")], 7, stopped=True)
        self.assertEqual(str(made).splitlines()[-1], STOPPED.replace(str(MAX_MORE), "7"))


class ErrorListTest(unittest.TestCase):
    def test_it_keeps_counts_and_then_stops(self):
        errors = ErrorList()
        for index in range(MAX_ERRORS + MAX_MORE):
            errors.append(((index,), "bad"))
        self.assertEqual((len(errors), errors.more), (MAX_ERRORS, MAX_MORE))
        for _ in range(2):  # and again, should anything have caught it the first time
            with self.assertRaises(TooManyProblems):
                errors.append(((0,), "bad"))
        self.assertEqual((len(errors), errors.more), (MAX_ERRORS, MAX_MORE))

    def test_no_object_is_kept_past_a_problem(self):
        # The report's reading throws its objects away: once it has found a
        # problem, the arrays and maps of objects it reads keep none of them.
        for errors, kept in ((ErrorList(), 3), (ErrorList([((), "bad")]), 0)):
            with self.subTest(problems=len(errors)):
                cls = tb.TrackBalancesBreakdown
                array = _checks.objects(read_breakdown, cls, [ENTRY] * 3, (), "b", errors)
                self.assertEqual(len(array), kept)
                pairs = {"a": EXAMPLE, "b": None, "c": EXAMPLE}
                found = _checks.object_map(
                    read_balance, tb.TrackBalances, pairs, (), "m", errors, nullable=True
                )
                self.assertEqual(len(found), kept)
                self.assertEqual(len(errors), 1 - kept // 3)  # no problem added


if __name__ == "__main__":
    unittest.main()
