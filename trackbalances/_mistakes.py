"""Hints for the usual mistakes: a payload that is recognisably something else
than the balance or track response it was read as. A hint is one more line of
a ``ValidationError`` (``hint: ...``); the problems themselves stay the same.

Only an exact ``dict`` of a few keys is looked at, and only its exact ``str``
keys: nothing of a caller's own objects is called here.
"""

# ``hint`` looks into untyped JSON data.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from ._errors import cut_repr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional

_FEW_KEYS = 32  # the bodies recognised here have a handful of keys

OLD_API = (
    "this looks like a track response of API 1.2.0, which holds no balance: "
    "send the header x-api-version: 2.5.0 with the request"
)
WHOLE_RESPONSE = (
    "this is a whole track response: read it with TrackResponse "
    "(on the command line, --kind response), whose balance is in .balance"
)
QUEUED = (
    'this is {"success": true}, the answer (202) of a server of mid-2026 to a '
    'queued track: it holds no balances; send "async": false to have them in the answer'
)
ERROR_ANSWER = "this is an error answer of the API, not a balance: %s"
JSON_LINES = (
    "this is several JSON documents, one a line (JSON Lines): read each line on "
    "its own (on the command line, --lines)"
)


def hint(kind: str, data: "Any") -> "Optional[str]":
    """What ``data`` seems to be instead, when it was read as ``kind`` (a model
    class's name, or ``map`` for a map of balances) and found invalid."""
    if type(data) is not dict or len(data) > _FEW_KEYS:
        return None
    keys: "Dict[str, Any]" = {k: v for k, v in data.items() if type(k) is str}
    if "customer_id" not in keys:
        if "feature_id" in keys:
            return None  # a balance of its own, however broken
        if type(keys.get("message")) is str and "code" in keys:
            return ERROR_ANSWER % cut_repr(keys["message"])
        return QUEUED if keys.get("success") is True else None
    code = keys.get("code")
    if "balance" not in keys and "balances" not in keys and "value" not in keys:
        return OLD_API if "id" in keys or (type(code) is str and code == "event_received") else None
    if kind in ("TrackBalances", "Balance") and "feature_id" not in keys:
        return WHOLE_RESPONSE
    return None
