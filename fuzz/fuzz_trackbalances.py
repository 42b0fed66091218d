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
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

with atheris.instrument_imports():
    import trackbalances as tb
    from trackbalances._example import TRACK_RESPONSE

TIER = {"to": 1000, "amount": 9}
PRICE = {
    "billing_units": 100,
    "billing_method": "usage_based",
    "max_purchase": None,
    "amount": 9,
    "tiers": [TIER, {"to": "inf", "amount": 7.5}],
}
RESET = {"interval": "month", "interval_count": 1, "resets_at": 1773851121437}
BREAKDOWN = dict(
    TRACK_RESPONSE["balance"]["breakdown"][0], reset=RESET, price=PRICE, expires_at=1776443121437
)
CREDIT_SCHEMA = {"metered_feature_id": "chat", "credit_cost": 0.5}
DISPLAY = {"singular": "credit", "plural": None}
FEATURE = {
    "id": "credits",
    "name": "Credits",
    "type": "credit_system",
    "consumable": True,
    "archived": False,
    "event_names": ["chat"],
    "credit_schema": [CREDIT_SCHEMA],
    "display": DISPLAY,
}
ROLLOVER = {"balance": 12, "expires_at": 1776443121437}
BALANCE = dict(
    TRACK_RESPONSE["balance"], feature=FEATURE, breakdown=[BREAKDOWN], rollovers=[ROLLOVER]
)
RESPONSE = dict(TRACK_RESPONSE, balance=BALANCE, balances={"credits": BALANCE})
# Each model with a valid payload of its own, to be changed by the fuzzer.
SEEDS = [
    (tb.TrackResponse, RESPONSE),
    (tb.TrackBalances, BALANCE),
    (tb.TrackBalancesFeature, FEATURE),
    (tb.TrackBalancesCreditSchema, CREDIT_SCHEMA),
    (tb.TrackBalancesDisplay, DISPLAY),
    (tb.TrackBalancesBreakdown, BREAKDOWN),
    (tb.TrackBalancesReset, RESET),
    (tb.TrackBalancesPrice, PRICE),
    (tb.TrackBalancesTier, TIER),
    (tb.TrackBalancesRollover, ROLLOVER),
]


def json_value(fdp, depth=0):
    """A JSON-like value chosen by the fuzzer's bytes."""
    kind = fdp.ConsumeIntInRange(0, 8 if depth < 6 else 5)
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
        while isinstance(node, (dict, list)) and node and fdp.ConsumeBool():
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            key = keys[fdp.ConsumeIntInRange(0, len(keys) - 1)]
            if not isinstance(node[key], (dict, list)) or fdp.ConsumeIntInRange(0, 3) == 0:
                if isinstance(node, dict) and fdp.ConsumeIntInRange(0, 4) == 0:
                    del node[key]
                else:
                    node[key] = json_value(fdp)
                break
            node = node[key]
    return payload


def check(cls, read):
    try:
        obj = read()
    except tb.ValidationError:
        return
    again = cls.from_dict(obj.to_dict())
    if again != obj or cls.from_json(obj.to_json()) != obj:
        raise AssertionError("round trip changed %r" % (obj,))


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
