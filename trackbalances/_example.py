"""The API's own example response, as Python data (no data file, so it works from a zip)."""

TRACK_RESPONSE = {
    "customer_id": "cus_123",
    "value": 1,
    "balance": {
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
    },
}
