"""The payload shapes of the benchmark, as (kind, payload): kind "balance" or "response"."""

import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from trackbalances._example import TRACK_RESPONSE  # noqa: E402

TYPICAL = TRACK_RESPONSE["balance"]  # the API's own example
MINIMAL = {key: value for key, value in TYPICAL.items() if key != "breakdown"}  # required keys
with open(os.path.join(ROOT, "tests", "data", "full_balance.json")) as file:
    FULL = json.load(file)  # every key of API 2.5.0


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
        "balance": None,
        "event_name": "chat",
        "balances": {},
    }
    for number in range(balances):
        balance = copy.deepcopy(MINIMAL)
        balance["feature_id"] = "feature_%d" % number
        balance["breakdown"] = [breakdown_entry(i) for i in range(3)]
        out["balances"][balance["feature_id"]] = balance
    return out


SHAPES = {
    "minimal": ("balance", MINIMAL),
    "typical": ("balance", TYPICAL),
    "full": ("balance", FULL),
    "response 1000x3": ("response", response(1000)),
}
GROWTH_SIZES = (10, 100, 1000, 10000)  # balances in the response, 3 breakdown entries each
