"""The payload shapes of the benchmark."""

import copy

TYPICAL = {  # the API's own example
    "feature_id": "messages",
    "granted": 100,
    "remaining": 72,
    "usage": 28,
    "unlimited": False,
    "overage_allowed": False,
    "max_purchase": None,
    "next_reset_at": 1773851121437,
    "breakdown": [
        {
            "id": "cus_ent_39qmLooixXLAqMywgXywjAz96rV",
            "plan_id": "pro_plan",
            "included_grant": 100,
            "prepaid_grant": 0,
            "remaining": 72,
            "usage": 28,
            "unlimited": False,
            "reset": {"interval": "month", "resets_at": 1773851121437},
            "price": None,
            "expires_at": None,
        }
    ],
}

MINIMAL = {key: value for key, value in TYPICAL.items() if key != "breakdown"}

FULL = {
    "feature_id": "credits",
    "feature": {
        "id": "credits",
        "name": "Credits",
        "type": "credit_system",
        "consumable": True,
        "archived": False,
        "event_names": ["chat", "image"],
        "credit_schema": [
            {"metered_feature_id": "chat", "credit_cost": 0.5},
            {"metered_feature_id": "image", "credit_cost": 4},
        ],
        "display": {"singular": "credit", "plural": "credits"},
    },
    "granted": 1000,
    "remaining": 250.5,
    "usage": 749.5,
    "unlimited": False,
    "overage_allowed": True,
    "max_purchase": 5000,
    "next_reset_at": 1773851121437,
    "breakdown": [
        {
            "id": "cus_ent_1",
            "plan_id": "pro_plan",
            "included_grant": 500,
            "prepaid_grant": 500,
            "remaining": 250.5,
            "usage": 749.5,
            "unlimited": False,
            "reset": {"interval": "month", "interval_count": 1, "resets_at": 1773851121437},
            "price": {
                "billing_units": 100,
                "billing_method": "usage_based",
                "max_purchase": 5000,
                "amount": 9,
                "tiers": [{"to": 1000, "amount": 9}, {"to": "inf", "amount": 7.5}],
            },
            "expires_at": 1776443121437,
        }
    ],
    "rollovers": [{"balance": 12, "expires_at": 1776443121437}],
}


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
