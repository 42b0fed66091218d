"""A seeded, time-bounded fuzz test: arbitrary values and broken payloads.

Nothing but ValidationError may escape ``from_dict`` / ``from_json``, and what is
accepted must round-trip. Longer runs: TRACKBALANCES_FUZZ_SECONDS=600, and the
seed of a run with TRACKBALANCES_FUZZ_SEED (a failure names its seed and case);
``fuzz/`` has a coverage-guided harness (atheris) for runs of hours.
"""

import json
import math
import os
import random
import time
import unittest

import trackbalances as tb

from . import hostile as H
from . import schema as S

SECONDS = float(os.environ.get("TRACKBALANCES_FUZZ_SECONDS", "1.0"))
SEED = int(os.environ.get("TRACKBALANCES_FUZZ_SEED", "20261125"))
CLASSES = [(getattr(tb, name), sub) for name, sub in S.subschemas().items()]


class Odd:
    """Not a JSON value at all."""


def scalar(rng):
    return rng.choice(
        [
            None,
            True,
            False,
            0,
            -1,
            rng.randrange(-(10**6), 10**6),
            10 ** rng.randrange(1, 300),
            -(10 ** rng.randrange(1, 300)),
            rng.uniform(-1e9, 1e9),
            float("nan"),
            float("inf"),
            -float("inf"),
            -0.0,
            5e-324,
            "",
            "inf",
            "x" * rng.choice([1, 100, 100_000]),
            "\ud800 lone surrogate",
            "ünïcødé \U0001f600",
            b"bytes",
            Odd(),
            {1, 2},
            1j,
            rng.choice(H.VALUES),  # subclasses that lie or raise, misbehaving mappings, ...
            H.AnyMapping({"feature_id": "x", "to": 1, H.FieldName("granted"): 2}),
            rng.choice([H.RaisingStr, H.LyingStr])(rng.choice(["inf", "month", "x"])),
            rng.choice([H.RaisingInt, H.LyingInt])(rng.randrange(-5, 10**6)),
        ]
    )


def value(rng, depth=0):
    roll = rng.random()
    if depth < 4 and roll < 0.2:
        return [value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if depth < 4 and roll < 0.25:
        return tuple(value(rng, depth + 1) for _ in range(rng.randrange(3)))
    if depth < 4 and roll < 0.45:
        keys = ["feature_id", "granted", "balance", "to", "interval", "x", 1, None]
        return {rng.choice(keys): value(rng, depth + 1) for _ in range(rng.randrange(5))}
    if roll < 0.47:
        deep = []
        for _ in range(rng.choice([10, 199, 200, 201, 500, 5000])):
            deep = [deep] if rng.random() < 0.5 else {"k": deep}
        return deep
    if roll < 0.49:  # many problems at once: the report must stay bounded
        return [{} for _ in range(rng.choice([10, 1000, 20_000]))]
    return scalar(rng)


def mutated(rng, sub):
    payload = S.generate(sub, rng)
    paths = [path for path in S.places(payload) if path]  # before the changes: they may nest deep
    for _ in range(rng.randrange(1, 4) if paths else 0):
        path = rng.choice(paths)
        try:
            parent = S.get(payload, path[:-1])
            parent[path[-1]]
        except (KeyError, IndexError, TypeError, H.Boom):  # an earlier change took it away
            continue
        if type(parent) not in (dict, list):
            continue
        roll = rng.random()
        if roll < 0.2 and type(parent) is dict:
            del parent[path[-1]]
        elif roll < 0.3 and type(parent) is dict:
            parent["new_%d" % rng.randrange(9)] = value(rng)
        else:
            parent[path[-1]] = value(rng)
    return payload


def exact_json(value):
    """Whether ``value`` is plain JSON data that to_dict() must give back exactly."""
    if value is None or type(value) in (str, bool):
        return True
    if type(value) is int:
        return -(10**4300) < value < 10**4300  # beyond, Python's json writes no int
    if type(value) is float:
        return math.isfinite(value)
    if type(value) is list:
        return all(exact_json(item) for item in value)
    if type(value) is dict:
        return all(type(k) is str and exact_json(v) for k, v in value.items())
    return False


def canonical(value):
    return json.dumps(value, sort_keys=True)


class FuzzTest(unittest.TestCase):
    def test_nothing_but_validation_error_and_accepted_round_trips(self):
        rng = random.Random(SEED)
        deadline = time.monotonic() + SECONDS
        cases = accepted = 0
        while time.monotonic() < deadline or cases < 200:
            cases += 1
            cls, sub = rng.choice(CLASSES)
            data = mutated(rng, sub) if rng.random() < 0.7 else value(rng)
            try:
                obj = cls.from_dict(data)
            except tb.ValidationError as error:
                self.assertTrue(error.errors)
                self.assertLessEqual(len(error.errors), 100)
                lines = str(error).splitlines()
                self.assertEqual(len(lines), len(error.errors) + bool(error.more))
                self.assertTrue(all(len(line) < 1000 for line in lines))
                continue
            except Exception as error:  # any other exception is the failure sought
                self.fail(
                    "seed %d, case %d: %s.from_dict raised %r" % (SEED, cases, cls.__name__, error)
                )
            accepted += 1
            out = obj.to_dict()
            self.assertEqual(cls.from_dict(out), obj, "seed %d, case %d" % (SEED, cases))
            if exact_json(data):
                self.assertEqual(
                    canonical(out), canonical(data), "seed %d, case %d" % (SEED, cases)
                )
            text = obj.to_json()
            if exact_json(out):
                self.assertEqual(cls.from_json(text), obj, "seed %d, case %d" % (SEED, cases))
            else:  # an int of more than 4300 digits: written, but refused in JSON text
                with self.assertRaisesRegex(tb.ValidationError, "more than 4300 digits"):
                    cls.from_json(text)
        self.assertGreater(accepted, 10)  # the mutations must not all be rejected
        if os.environ.get("TRACKBALANCES_FUZZ_REPORT"):
            print("from_dict fuzz: %d cases, %d accepted" % (cases, accepted))

    def test_json_text_of_any_shape(self):
        rng = random.Random(SEED + 1)
        deadline = time.monotonic() + SECONDS / 2
        cases = 0
        while time.monotonic() < deadline or cases < 100:
            cases += 1
            cls, sub = rng.choice(CLASSES)
            roll = rng.random()
            if roll < 0.4:
                text = json.dumps(S.generate(sub, rng))
                cut = rng.randrange(len(text) + 1)
                text = (
                    text[:cut]
                    + rng.choice(["", "}", "]", ",", '"', "\\", "NaN", "\x00"])
                    + text[cut:]
                )
            elif roll < 0.6:
                text = bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
            elif roll < 0.7:
                depth = rng.choice([100, 10_000, 200_000])
                text = '{"x": ' + "[" * depth + "]" * depth + "}"
            else:
                try:
                    text = json.dumps(mutated(rng, sub), default=repr)
                except (ValueError, RecursionError, H.Boom):  # PyPy's json asks __class__
                    continue
            try:
                obj = cls.from_json(text)
            except tb.ValidationError:
                continue
            except Exception as error:  # any other exception is the failure sought
                self.fail(
                    "seed %d, case %d: %s.from_json raised %r"
                    % (SEED + 1, cases, cls.__name__, error)
                )
            self.assertEqual(cls.from_json(obj.to_json()), obj)
        if os.environ.get("TRACKBALANCES_FUZZ_REPORT"):
            print("from_json fuzz: %d cases" % cases)


if __name__ == "__main__":
    unittest.main()
