"""Coverage-guided fuzzing of trackbalances with atheris (libFuzzer), for long runs.

    pip install -r fuzz/requirements.txt
    python fuzz/fuzz_trackbalances.py -max_total_time=3600 fuzz/corpus

Each input is read one of two ways: as JSON text for a model's ``from_json``,
or as instructions that change a valid payload of that model in a few places,
for ``from_dict``. Anything but ValidationError escaping, or an accepted payload
that does not round-trip, is a crash that libFuzzer saves and reports.
"""

import copy
import os
import random
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

with atheris.instrument_imports():
    import trackbalances as tb

from tests import hostile as H
from tests import schema as S

# Each model with a valid payload of its own (every key of API 2.5.0), to be changed by
# the fuzzer; the full balance and the API's examples besides.
SEEDS = [
    (getattr(tb, name), S.generate(sub, random.Random(index), unknown=0, null=0, optional=1))
    for index, (name, sub) in enumerate(sorted(S.subschemas().items()))
]
SEEDS += [
    (tb.TrackBalances, S.load("full_balance.json")),
    (tb.TrackResponse, S.load("2.5.0/examples/track_response_2.3.0_deductions.json")),
]


def json_value(fdp, depth=0):
    """A JSON-like value chosen by the fuzzer's bytes, or a hostile one (tests/hostile.py)."""
    kind = fdp.ConsumeIntInRange(0, 10 if depth < 6 else 5)
    if kind == 9:
        return H.VALUES[fdp.ConsumeIntInRange(0, len(H.VALUES) - 1)]
    if kind == 10:
        return [{} for _ in range(fdp.ConsumeIntInRange(0, 3000))]  # many problems at once
    if kind == 0:
        return None
    if kind == 1:
        return fdp.ConsumeBool()
    if kind == 2:
        return fdp.ConsumeInt(fdp.ConsumeIntInRange(1, 64))
    if kind == 3:
        return fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else fdp.ConsumeFloat()
    if kind in (4, 5):
        return fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 40))
    if kind in (6, 7):
        return [json_value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    return {
        fdp.ConsumeUnicodeNoSurrogates(8): json_value(fdp, depth + 1)
        for _ in range(fdp.ConsumeIntInRange(0, 3))
    }


def mutate(payload, fdp):
    """Changes ``payload`` in a few places picked by the fuzzer."""
    for _ in range(fdp.ConsumeIntInRange(1, 4)):
        node = payload
        # Exact types: a hostile value put in earlier may not even answer isinstance().
        while type(node) in (dict, list) and node and fdp.ConsumeBool():
            keys = list(node) if type(node) is dict else list(range(len(node)))
            key = keys[fdp.ConsumeIntInRange(0, len(keys) - 1)]
            if type(node[key]) not in (dict, list) or fdp.ConsumeIntInRange(0, 3) == 0:
                if type(node) is dict and fdp.ConsumeIntInRange(0, 4) == 0:
                    del node[key]
                else:
                    node[key] = json_value(fdp)
                break
            node = node[key]
    return payload


def check(cls, read):
    try:
        obj = read()
    except tb.ValidationError as error:
        lines = str(error).splitlines()
        ending = bool(error.more or error.stopped) + (error.hint is not None)
        if len(error.errors) > 100 or len(lines) != len(error.errors) + ending:
            raise AssertionError("a report not bounded to one line per problem") from None
        return
    if cls.from_dict(obj.to_dict()) != obj:
        raise AssertionError("round trip changed %r" % (obj,))
    try:
        again = cls.from_json(obj.to_json())
    except tb.ValidationError as error:  # an int of more than 4300 digits: written, not read
        if "more than 4300 digits" not in str(error):
            raise
        return
    if again != obj:
        raise AssertionError("round trip through JSON changed %r" % (obj,))


def test_one_input(data):
    fdp = atheris.FuzzedDataProvider(data)
    cls, seed = SEEDS[fdp.ConsumeIntInRange(0, len(SEEDS) - 1)]
    if fdp.ConsumeBool():
        text = fdp.ConsumeBytes(fdp.remaining_bytes())
        check(cls, lambda: cls.from_json(text))
        return
    payload = mutate(copy.deepcopy(seed), fdp)
    check(cls, lambda: cls.from_dict(payload))


def main():
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
