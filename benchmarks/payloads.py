"""The payload shapes of the benchmark."""

import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from trackbalances._example import TRACK_RESPONSE  # noqa: E402

TYPICAL = TRACK_RESPONSE["balance"]  # the API's own example
MINIMAL = {key: value for key, value in TYPICAL.items() if key != "breakdown"}
with open(os.path.join(os.path.dirname(HERE), "tests", "data", "full_balance.json")) as file:
    FULL = json.load(file)  # every optional key of every object


def breakdown_entry(index):
    entry = copy.deepcopy(TYPICAL["breakdown"][0])
    entry["id"] = "cus_ent_%d" % index
    entry["remaining"] = 72 - index
    return entry


def response(balances):
    """A track response by event name: ``balances`` features of 3 breakdown entries each."""
    out = {
        "customer_id": "cus_123",
        "value": 1,
        "event_name": "chat",
        "balance": None,
        "balances": {},
    }
    for number in range(balances):
        balance = copy.deepcopy(MINIMAL)
        balance["feature_id"] = "feature_%d" % number
        balance["breakdown"] = [breakdown_entry(i) for i in range(3)]
        out["balances"][balance["feature_id"]] = balance
    return out


SHAPES = {
    "minimal": ("TrackBalances", MINIMAL),
    "typical": ("TrackBalances", TYPICAL),
    "full": ("TrackBalances", FULL),
    "response 1000x3": ("TrackResponse", response(1000)),
}
