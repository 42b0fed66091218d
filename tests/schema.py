"""The published JSON Schemas as test oracles, with no third-party package.

``is_valid`` is a small validator for the part of JSON Schema 2020-12 that the
schemas use; ``generate`` makes random valid payloads from a schema; and
``mutations`` breaks a valid payload in one place at a time. The tests hold
the package to these: it must accept what the schema accepts (with the two
deliberate openings: unknown keys, and unknown strings in enums) and reject
the rest, naming the place.
"""

import json
import math
import os

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as file:
        return json.load(file)


TRACK_BALANCES = load("track_balances.schema.json")
TRACK_RESPONSE = load("track_response.schema.json")


def subschemas():
    """Each object schema of the balance, named by its model class."""
    props = TRACK_BALANCES["properties"]
    breakdown = props["breakdown"]["items"]
    feature = props["feature"]
    price = _non_null(breakdown["properties"]["price"])
    return {
        "TrackResponse": TRACK_RESPONSE,
        "TrackBalances": TRACK_BALANCES,
        "TrackBalancesFeature": feature,
        "TrackBalancesCreditSchema": feature["properties"]["credit_schema"]["items"],
        "TrackBalancesDisplay": feature["properties"]["display"],
        "TrackBalancesBreakdown": breakdown,
        "TrackBalancesReset": _non_null(breakdown["properties"]["reset"]),
        "TrackBalancesPrice": price,
        "TrackBalancesTier": price["properties"]["tiers"]["items"],
        "TrackBalancesRollover": props["rollovers"]["items"],
    }


def _non_null(schema):
    return next(s for s in schema["anyOf"] if s.get("type") != "null")


# -- validation ---------------------------------------------------------------


def _same(a, b):
    return type(a) is type(b) and a == b


def _is_type(value, name):
    if name == "object":
        return type(value) is dict and all(type(k) is str for k in value)
    if name == "array":
        return type(value) is list
    if name == "string":
        return type(value) is str
    if name == "boolean":
        return type(value) is bool
    if name == "null":
        return value is None
    if name == "number":
        return type(value) in (int, float) and (type(value) is int or math.isfinite(value))
    raise AssertionError("type not handled: %s" % name)


def is_valid(schema, value, open_enums=True):
    """Whether ``value`` matches ``schema`` (with ``open_enums``, any string passes an enum)."""
    if type(value) is float and not math.isfinite(value):
        return False  # not JSON at all
    if "anyOf" in schema:
        return any(is_valid(s, value, open_enums) for s in schema["anyOf"])
    if "const" in schema and not _same(schema["const"], value):
        return False
    if "enum" in schema:
        known = any(_same(e, value) for e in schema["enum"])
        if not known and not (open_enums and type(value) is str):
            return False
    if "type" in schema and not _is_type(value, schema["type"]):
        return False
    if "minimum" in schema and value < schema["minimum"]:
        return False
    if type(value) is dict:
        if any(key not in value for key in schema.get("required", ())):
            return False
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", {})
        for key, item in value.items():
            if not is_valid(props.get(key, extra), item, open_enums):
                return False
    if type(value) is list:
        return all(is_valid(schema.get("items", {}), item, open_enums) for item in value)
    return True


# -- generation ---------------------------------------------------------------

_WORDS = [
    "",
    "a",
    "messages",
    "pro_plan",
    "Ωmega",
    "日本語",
    "emoji \U0001f600",
    "tab\tand\nline",
    'q"uo\\te',
    "x" * 300,
]
_NUMBERS = [
    0,
    1,
    -1,
    72,
    100,
    1773851121437,
    10**30,
    -(10**25),
    0.5,
    -2.25,
    1e-300,
    5e-324,
    1.7976931348623157e308,
    -0.0,
    0.0,
    3.0,
]


def _number(rng, minimum=None):
    value = rng.choice(_NUMBERS) if rng.random() < 0.7 else rng.uniform(-1e6, 1e6)
    if minimum is not None and value < minimum:
        value = -value
    return value


def _json_value(rng, depth=0):
    """Any JSON value, for the keys and enum values a newer API might send."""
    roll = rng.random()
    if depth < 3 and roll < 0.15:
        return [_json_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    if depth < 3 and roll < 0.3:
        return {rng.choice(_WORDS): _json_value(rng, depth + 1) for _ in range(rng.randrange(3))}
    return rng.choice([None, True, False, rng.choice(_WORDS), _number(rng)])


def generate(schema, rng, unknown=0.15, null=0.3, optional=0.6):
    """A random payload that ``schema`` accepts (with open enums)."""
    if "anyOf" in schema:
        options = schema["anyOf"]
        nulls = [s for s in options if s.get("type") == "null"]
        if nulls and rng.random() < null:
            return None
        others = [s for s in options if s.get("type") != "null"]
        return generate(rng.choice(others), rng, unknown, null, optional)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        if rng.random() < unknown:
            return "new_" + rng.choice(["value", "ai_credit_system", "fortnight"])
        return rng.choice(schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        return rng.choice(_WORDS)
    if kind == "number":
        return _number(rng, schema.get("minimum"))
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "array":
        return [
            generate(schema["items"], rng, unknown, null, optional)
            for _ in range(rng.choice([0, 1, 1, 2, 3]))
        ]
    if kind == "object":
        out = {}
        required = schema.get("required", ())
        for key, sub in schema.get("properties", {}).items():
            if key in required or rng.random() < optional:
                out[key] = generate(sub, rng, unknown, null, optional)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for _ in range(rng.choice([0, 1, 2])):
                out["feature_%d" % rng.randrange(1000)] = generate(
                    extra, rng, unknown, null, optional
                )
        elif rng.random() < unknown:
            out["new_key_%d" % rng.randrange(100)] = _json_value(rng)
        return out
    raise AssertionError("schema not handled: %r" % (schema,))


# -- mutation -----------------------------------------------------------------

_WRONG = [
    None,
    "abc",
    "",
    5,
    -7,
    2.5,
    True,
    False,
    [],
    [1],
    {},
    {"a": 1},
    float("nan"),
    float("inf"),
    float("-inf"),
]


def places(value, path=()):
    """Every path in a payload."""
    yield path
    if type(value) is dict:
        for key, item in value.items():
            yield from places(item, path + (key,))
    elif type(value) is list:
        for index, item in enumerate(value):
            yield from places(item, path + (index,))


def get(value, path):
    for part in path:
        value = value[part]
    return value


def replaced(payload, path, new):
    """A deep copy of ``payload`` with the value at ``path`` replaced (``_DELETE`` removes it)."""
    copy = json.loads(json.dumps(payload))
    parent = get(copy, path[:-1])
    if new is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return copy


DELETE = object()


def mutations(payload, rng, count):
    """``count`` (path, broken payload) pairs, each payload changed in one place."""
    paths = [p for p in places(payload) if p]
    for _ in range(count if paths else 0):
        path = rng.choice(paths)
        if type(path[-1]) is str and rng.random() < 0.25:
            yield path, replaced(payload, path, DELETE)
        else:
            yield path, replaced(payload, path, rng.choice(_WRONG))
