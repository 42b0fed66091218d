"""Values nested as deep as a payload may nest them, used by a caller whose stack
is nearly full: every operation gives its answer, or at the very last frames the
RecursionError that any call would, and never aborts the process (which Python
3.7 and 3.8 do when work is retried after a RecursionError on the same stack).
Each run is a process of its own, so that an abort fails a test rather than
ending the suite."""

import os
import subprocess
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Run in the child: for each operation and each number of frames left before the
# recursion limit, one line "operation frames-left outcome".
CHILD = r"""
import json, sys
import trackbalances as tb
from trackbalances._example import TRACK_RESPONSE

EXAMPLE = TRACK_RESPONSE["balance"]


def nested(depth, inner):
    value = inner
    for level in range(depth):
        value = {"k": value} if (depth - level) % 2 else [value]
    return value


HUGE = 10 ** 5000 if sys.version_info < (3, 11) else None
if HUGE is None:
    sys.set_int_max_str_digits(0)
    HUGE = int("9" * 5000)
    sys.set_int_max_str_digits(4300)
DEEP_199 = nested(199, 7)
DEEP_200 = nested(200, 7)
DEEP_201 = nested(201, 7)
SHALLOW = "--shallow" in sys.argv  # the same operations with values 2 deep
if SHALLOW:
    # (and one that is refused as well, for its NaN)
    DEEP_199, DEEP_200, DEEP_201 = nested(1, 7), nested(2, 7), nested(3, float("nan"))
payload = dict(EXAMPLE, later=DEEP_199)
balance = tb.Balance.from_dict(payload)
twin = tb.Balance.from_dict(dict(EXAMPLE, later=json.loads(json.dumps(DEEP_199))))
huge = tb.Balance.from_dict(dict(EXAMPLE, later=nested(3 if SHALLOW else 199, HUGE)))
expected_json = json.dumps(payload, separators=(",", ":"))
expected_hash = hash(balance)
expected_repr = repr(huge)


def rejects_201():
    try:
        tb.Balance.from_dict(dict(EXAMPLE, later=DEEP_201))
    except tb.ValidationError as error:
        return str(error)
    return None


# Each operation, and what tells its result right (run at the top of the stack).
OPERATIONS = {
    "from_dict": (
        lambda: tb.Balance.from_dict(dict(EXAMPLE, later=DEEP_200)),
        lambda made: made.to_dict() == dict(EXAMPLE, later=DEEP_200),
    ),
    "from_dict_201": (
        rejects_201,
        lambda message: "later" in message and (SHALLOW or "nested deeper than 200" in message),
    ),
    "to_dict": (balance.to_dict, lambda data: data == payload),
    "to_json": (balance.to_json, lambda text: text == expected_json),
    "to_json_indent": (
        lambda: balance.to_json(indent=1),
        lambda text: json.loads(text) == payload,
    ),
    "hash": (lambda: hash(balance), lambda value: value == expected_hash),
    "equal": (lambda: balance == twin, lambda value: value is True),
    "repr": (lambda: repr(huge), lambda text: text == expected_repr),
}


def depth():
    frame, count = sys._getframe(), 0
    while frame is not None:
        frame, count = frame.f_back, count + 1
    return count


def at(frames, operation):
    # Calls itself until ``frames`` frames are left, then runs ``operation``.
    if frames > LEFT:
        return at(frames - 1, operation)
    try:
        return operation()
    except RecursionError:
        return RecursionError


for name, (operation, right) in OPERATIONS.items():
    for LEFT in range(int(sys.argv[1]), 0, -1):
        result = at(sys.getrecursionlimit() - depth() - 1, operation)
        if result is RecursionError:
            outcome = "RecursionError"
        else:
            outcome = "ok" if right(result) else "WRONG"
        print(name, LEFT, outcome, flush=True)
"""

FRAMES = 120  # the caller's frames left, from this many down to one
SLACK = 3  # frames more that a deep value may take than a shallow one
OWN = 10  # and the frames that reporting a problem takes in any case


def outcomes(*options):
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(FRAMES)] + list(options),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=ROOT),
        cwd=ROOT,
        universal_newlines=True,
    )
    return run.returncode, run.stdout.split("\n")[:-1], run.stderr[-3000:]


class DeepStackTest(unittest.TestCase):
    def test_every_operation_at_every_depth_of_the_callers_stack(self):
        # A deep value may meet the recursion limit only about where a shallow
        # one does too: in the last frames, that the operation itself takes.
        code, deep, stderr = outcomes()
        self.assertEqual(code, 0, stderr)
        code, shallow, stderr = outcomes("--shallow")
        self.assertEqual(code, 0, stderr)
        self.assertEqual(len(deep), 8 * FRAMES)
        self.assertEqual(len(shallow), 8 * FRAMES)
        reached = {}  # (operation, "deep" or "shallow"): the most frames left that failed
        for kind, lines in (("deep", deep), ("shallow", shallow)):
            for line in lines:
                name, left, outcome = line.split()
                self.assertIn(outcome, ("ok", "RecursionError"), line)
                if outcome == "RecursionError":
                    key = (name, kind)
                    reached[key] = max(reached.get(key, 0), int(left))
        for name in {line.split()[0] for line in deep}:
            allowed = max(reached.get((name, "shallow"), 0) + SLACK, OWN)
            self.assertLessEqual(reached.get((name, "deep"), 0), allowed, name)


if __name__ == "__main__":
    unittest.main()
