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
    """A breakdown entry (with one problem, unless another is given) that records
    each time it is read."""

    def __init__(self, index, reads, entry=BAD_ENTRY):
        self.index, self.reads, self.entry = index, reads, entry

    def __getitem__(self, key):
        return self.entry[key]

    def __iter__(self):
        self.reads.append(self.index)
        return iter(self.entry)

    def __len__(self):
        return len(self.entry)


class InvalidOnce(Mapping):
    """A breakdown entry with a problem the first time it is read, and none after."""

    def __init__(self):
        self.reads = 0

    def __getitem__(self, key):
        return (BAD_ENTRY if self.reads == 1 else ENTRY)[key]

    def __iter__(self):
        self.reads += 1
        return iter(ENTRY)

    def __len__(self):
        return len(ENTRY)


def full_report(cls, payload):
    """The problems of ``payload`` as a reading for the report from its start finds them."""
    errors = ErrorList()
    cls._read(cls, payload, (), errors)
    return [tb.ErrorDetail(*problem) for problem in errors]


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


class ReportFromTheFirstProblemTest(unittest.TestCase):
    """The reading for the report starts each array and map of objects at the item
    where the first reading stopped: what comes before was read without a problem."""

    def test_items_before_the_first_problem_are_read_once(self):
        reads = []
        entries = [CountedEntry(i, reads, ENTRY) for i in range(4)] + [CountedEntry(4, reads)]
        payload = dict(EXAMPLE, breakdown=entries)
        error = rejected(tb.TrackBalances.from_dict, payload)
        self.assertEqual(reads, [0, 1, 2, 3, 4, 4])  # the bad entry: once in each reading
        reads.clear()
        self.assertEqual(list(error.errors), full_report(tb.TrackBalances, payload))
        self.assertEqual(reads, [0, 1, 2, 3, 4])  # what a reading from the start does
        self.assertEqual(error.errors[0].path, ("breakdown", 4, "remaining"))

    def test_problems_after_the_first_are_all_reported(self):
        entries = [ENTRY, BAD_ENTRY, ENTRY, dict(BAD_ENTRY, usage=None), ENTRY]
        payload = dict(EXAMPLE, breakdown=entries, rollovers=[{"balance": 1}])
        error = rejected(tb.TrackBalances.from_dict, payload)
        paths = [detail.path for detail in error.errors]
        self.assertEqual(
            paths,
            [
                ("breakdown", 1, "remaining"),
                ("breakdown", 3, "remaining"),
                ("breakdown", 3, "usage"),
                ("rollovers", 0, "expires_at"),
            ],
        )
        self.assertEqual(list(error.errors), full_report(tb.TrackBalances, payload))

    def test_a_map_of_balances_and_json_text(self):
        balances = {"f%d" % i: dict(EXAMPLE, feature_id="f%d" % i) for i in range(5)}
        balances["f3"] = dict(EXAMPLE, granted="x")
        payload = {"customer_id": "c", "value": 1, "balance": None, "balances": balances}
        expected = full_report(tb.TrackResponse, payload)
        self.assertEqual([d.path for d in expected], [("balances", "f3", "granted")])
        for read, given in (
            (tb.TrackResponse.from_dict, payload),
            (tb.TrackResponse.from_json, json.dumps(payload)),
        ):
            with self.subTest(read=read.__name__):
                self.assertEqual(list(rejected(read, given).errors), expected)

    def test_one_array_in_two_places_is_read_whole_in_the_second(self):
        # Only the place where the first reading stopped starts late: the same
        # list object met again, as rollovers here, is read from its start.
        shared = [ENTRY, ENTRY, BAD_ENTRY]
        payload = dict(EXAMPLE, breakdown=shared, rollovers=shared)
        error = rejected(tb.TrackBalances.from_dict, payload)
        self.assertEqual(list(error.errors), full_report(tb.TrackBalances, payload))
        self.assertIn(("rollovers", 0, "balance"), [d.path for d in error.errors])

    def test_a_mapping_valid_the_second_time_gives_the_whole_object(self):
        # The report finds nothing, having started late: read once more, whole.
        payload = dict(EXAMPLE, breakdown=[ENTRY, ENTRY, InvalidOnce()])
        balance = tb.TrackBalances.from_dict(payload)
        self.assertEqual(balance.to_dict(), dict(EXAMPLE, breakdown=[ENTRY] * 3))


if __name__ == "__main__":
    unittest.main()
