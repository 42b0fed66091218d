"""The published JSON Schemas as test oracles, with no third-party package.

``is_valid`` is a small validator for the part of JSON Schema 2020-12 that the
schemas use; ``generate`` makes random valid payloads from a schema; and
``mutations`` breaks a valid payload in one place at a time.

The schemas are those of API 2.1.0 (``data/*.schema.json``) and 2.5.0
(``data/2.5.0/``). The package reads every payload of 2.1.0 to 2.5.0, so its
judge is a third schema built from the two: the reader schema
(``READER_BALANCE``, ``READER_RESPONSE``; see ``_widen`` and ``_collapse`` for
the rules). The tests hold the package to it: it must accept what the reader
schema accepts and reject the rest, naming the place.
"""

import json
import math
import os

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def load_text(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as file:
        return file.read()


def load(name):
    return json.loads(load_text(name))


def resolve(schema, root=None):
    """A copy of ``schema`` with each ``$ref`` to ``#/$defs/...`` replaced by its target."""
    root = schema if root is None else root
    if type(schema) is list:
        return [resolve(item, root) for item in schema]
    if type(schema) is not dict:
        return schema
    out = {}
    if "$ref" in schema:
        prefix, ref = "#/$defs/", schema["$ref"]
        assert ref.startswith(prefix), "ref not handled: %s" % ref
        out.update(resolve(root["$defs"][ref[len(prefix) :]], root))
    for key, value in schema.items():
        if key not in ("$ref", "$defs"):
            out[key] = resolve(value, root)  # a key beside $ref (a description) wins
    return out


# The schemas of each API version, refs resolved.
TRACK_BALANCES = load("track_balances.schema.json")  # 2.1.0
TRACK_RESPONSE = load("track_response.schema.json")
TRACK_BALANCES_250 = resolve(load("2.5.0/balance.schema.json"))
TRACK_RESPONSE_250 = resolve(load("2.5.0/track_response.schema.json"))
VERSIONS = {
    "2.1.0": (TRACK_BALANCES, TRACK_RESPONSE),
    "2.5.0": (TRACK_BALANCES_250, TRACK_RESPONSE_250),
}


def _non_null(schema):
    return next(s for s in schema["anyOf"] if s.get("type") != "null")


def _objects(schema):
    """The object shapes of a schema: itself, or the branches of its anyOf."""
    if "properties" in schema:
        return [schema]
    return [s for s in schema.get("anyOf", ()) if "properties" in s]


def _classes(balance, response):
    """Each object schema of a balance and a response, named by its model class."""
    props = balance["properties"]
    feature = props["feature"]
    credit = feature["properties"]["credit_schema"]["items"]
    breakdown = props["breakdown"]["items"]
    price = _non_null(breakdown["properties"]["price"])
    classes = {
        "TrackResponse": response,
        "TrackBalances": balance,
        "TrackBalancesFeature": feature,
        "TrackBalancesDisplay": feature["properties"]["display"],
        "TrackBalancesCreditSchema": credit,
        "TrackBalancesBreakdown": breakdown,
        "TrackBalancesReset": _non_null(breakdown["properties"]["reset"]),
        "TrackBalancesPrice": price,
        "TrackBalancesTier": price["properties"]["tiers"]["items"],
        "TrackBalancesRollover": props["rollovers"]["items"],
    }
    if "deductions" in response["properties"]:  # the classes new in 2.5.0
        shapes = {key: s["properties"][key] for s in _objects(credit) for key in s["properties"]}
        classes.update(
            TrackBalancesCreditTier=shapes["tiers"]["items"],
            TrackBalancesDimension=shapes["dimensions"]["additionalProperties"],
            TrackBalancesMultiplier=shapes["multipliers"]["additionalProperties"],
            TrackBalancesAllocation=_non_null(breakdown["properties"]["allocation"]),
            TrackDeduction=response["properties"]["deductions"]["items"],
        )
    return classes


def version_subschemas(version):
    """The plain schema of each model class that API ``version`` ("2.1.0", "2.5.0") has."""
    return _classes(*VERSIONS[version])


def subschemas():
    """The reader schema of each model class, by class name."""
    return _classes(READER_BALANCE, READER_RESPONSE)


# -- the reader schema: 2.5.0 merged with 2.1.0 --------------------------------

# What a constant of a 2.5.0 union shape reads as: the constant may change.
_OPENED = {
    "tier_behavior": {
        "type": "string",
        "x-known-values": ["graduated", "volume"],
        "x-open-enum": True,
    },
    "metered_feature_id": {"type": "string"},
}
_SDK_NAMES = ("title", "x-sdk-class")  # the reader's objects are the package's classes
_ANNOTATIONS = _SDK_NAMES + ("description",)


def _bare(schema, annotations=_ANNOTATIONS):
    """A copy of ``schema`` without these annotations (by default: to compare definitions)."""
    if type(schema) is list:
        return [_bare(item, annotations) for item in schema]
    if type(schema) is not dict:
        return schema
    return {k: _bare(v, annotations) for k, v in schema.items() if k not in annotations}


def _one_object(shapes):
    """One object for a union of object shapes: the properties of every shape (a constant
    opened), ``required`` what all shapes require, and an object-level ``anyOf`` of what
    each shape requires beyond that."""
    props = {}
    for shape in shapes:
        for key, sub in shape["properties"].items():
            sub = _OPENED[key] if "const" in sub else sub
            if key in props:
                assert _bare(props[key]) == _bare(sub), "shapes disagree on %r" % key
            else:
                props[key] = sub
    common = [k for k in shapes[0]["required"] if all(k in s["required"] for s in shapes)]
    choices = []
    for shape in shapes:
        more = [k for k in shape["required"] if k not in common]
        if more not in choices:
            choices.append(more)
    out = {"type": "object", "properties": props, "required": common, "additionalProperties": True}
    if len(choices) > 1:
        out["anyOf"] = [{"required": more} for more in choices]
    return out


def _collapse(schema):
    """A copy of ``schema`` with each anyOf of several object shapes made one object."""
    if type(schema) is list:
        return [_collapse(item) for item in schema]
    if type(schema) is not dict:
        return schema
    out = {key: _collapse(value) for key, value in schema.items()}
    shapes = [s for s in out.get("anyOf", ()) if "properties" in s]
    if len(shapes) > 1:
        rest = [s for s in out["anyOf"] if "properties" not in s]
        out["anyOf"] = [_one_object(shapes)] + rest
        if not rest:
            out.update(out.pop("anyOf")[0])
    return out


def _widen(old, new):
    """``new``, where each object that ``old`` (the older version) also has gets the
    properties of both (a shared key: ``new``'s definition, widened in turn) and
    ``required`` only what both versions require."""
    if type(old) is not dict or type(new) is not dict:
        return new
    olds = _objects(old)
    if "properties" in new and len(olds) == 1:
        props = dict(new["properties"])
        for key, sub in olds[0]["properties"].items():
            props[key] = _widen(sub, props[key]) if key in props else sub
        required = [k for k in new.get("required", ()) if k in olds[0].get("required", ())]
        return dict(new, properties=props, required=required)
    out = dict(new)
    for key in ("items", "additionalProperties"):
        if type(new.get(key)) is dict and type(old.get(key)) is dict:
            out[key] = _widen(old[key], new[key])
    if "anyOf" in new and len(olds) == 1:
        out["anyOf"] = [_widen(olds[0], s) for s in new["anyOf"]]
    return out


def _with_object(schema, shape):
    """``schema`` (an object, maybe nullable) with its object shape replaced by ``shape``."""
    schema["anyOf"] = [shape if "properties" in s else s for s in schema["anyOf"]]


def _reader_balance():
    balance = _bare(_widen(TRACK_BALANCES, _collapse(TRACK_BALANCES_250)), _SDK_NAMES)
    feature = balance["properties"]["feature"]["properties"]
    # Carried as read-only JSON: only the outer shape is the package's business.
    for key in ("model_markups", "provider_markups"):
        _non_null(feature[key])["additionalProperties"] = {"type": "object"}
    feature["processors"] = {"type": "object", "description": feature["processors"]["description"]}
    # The live API declared it nullable for a few weeks in 2026.
    price = _non_null(balance["properties"]["breakdown"]["items"]["properties"]["price"])
    tier = price["properties"]["tiers"]["items"]
    tier["properties"]["flat_amount"] = {"anyOf": [{"type": "number"}, {"type": "null"}]}
    return balance


def _reader_response():
    response = _bare(_widen(TRACK_RESPONSE, _collapse(TRACK_RESPONSE_250)), _SDK_NAMES)
    props = response["properties"]
    _with_object(props["balance"], READER_BALANCE)
    _with_object(props["balances"]["additionalProperties"], READER_BALANCE)
    breakdown = READER_BALANCE["properties"]["breakdown"]["items"]
    reset = _non_null(breakdown["properties"]["reset"])
    deduction_reset = props["deductions"]["items"]["properties"]["reset"]
    assert _bare(_non_null(deduction_reset)) == _bare(reset)
    _with_object(deduction_reset, reset)
    return response


READER_BALANCE = _reader_balance()
READER_RESPONSE = _reader_response()

# The package's constants class of each open enum, by the key that holds it.
_ENUMS = {
    "type": "FeatureType",
    "combine": "FeatureCombine",
    "interval": "ResetInterval",
    "billing_method": "BillingMethod",
    "tier_behavior": "TierBehavior",
    "source": "BreakdownSource",
}


def known_values():
    """The ``x-known-values`` of the reader schema's open enums, by constants class name."""
    out = {}
    for sub in subschemas().values():
        for key, prop in sub["properties"].items():
            for option in [prop] + prop.get("anyOf", []):
                for value in option.get("x-known-values", ()):
                    values = out.setdefault(_ENUMS[key], [])
                    if value not in values:
                        values.append(value)
    return out


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
        return type(value) is int or (type(value) is float and math.isfinite(value))
    if name == "integer":  # 2020-12: a number with no fractional part, so 2.0 is one
        return type(value) is int or (type(value) is float and value.is_integer())
    raise AssertionError("type not handled: %s" % name)


def is_valid(schema, value, open_enums=True):
    """Whether ``value`` matches ``schema`` (with ``open_enums``, any string passes an enum).

    ``x-open-enum`` strings take any string: ``x-known-values`` are for the generator."""
    if schema is False:
        return False
    if schema is True:
        schema = {}  # any JSON value: a NaN deep inside an unknown key is still not JSON
    if "$defs" in schema:
        schema = resolve(schema)
    assert "$ref" not in schema, "resolve() the root schema first"
    if type(value) is float and not math.isfinite(value):
        return False  # not JSON at all
    if "anyOf" in schema and not any(is_valid(s, value, open_enums) for s in schema["anyOf"]):
        return False
    if "const" in schema and not _same(schema["const"], value):
        return False
    if "enum" in schema:
        known = any(_same(e, value) for e in schema["enum"])
        if not known and not (open_enums and type(value) is str):
            return False
    if "type" in schema and not _is_type(value, schema["type"]):
        return False
    if "minimum" in schema and _is_type(value, "number") and value < schema["minimum"]:
        return False
    if type(value) is dict:
        if any(key not in value for key in schema.get("required", ())):
            return False
        names = schema.get("propertyNames", True)
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if not is_valid(names, key, open_enums):
                return False
            if not is_valid(props.get(key, extra), item, open_enums):
                return False
    if type(value) is list:
        return all(is_valid(schema.get("items", True), item, open_enums) for item in value)
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
_INTEGERS = [0, 1, -1, 2, 10, 100, 10**20, 2.0, -0.0, 1e20]


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


def _unknown_string(rng):
    return "new_" + rng.choice(["value", "ai_credit_system", "fortnight"])


def _only_required(options):
    """Whether an anyOf only says which keys an object must have."""
    return all(set(option) == {"required"} for option in options)


def generate(schema, rng, unknown=0.15, null=0.3, optional=0.6, shuffle=0.1):
    """A random payload that ``schema`` accepts (with open enums).

    ``unknown``: the chance of an unknown key in an object, or of an unknown string in an
    enum; ``null``: of null where null is allowed; ``optional``: of each optional key;
    ``shuffle``: of an object's keys coming in a random order rather than the schema's."""
    args = (rng, unknown, null, optional, shuffle)
    if schema is True or schema == {}:
        return _json_value(rng)
    if "$defs" in schema:
        schema = resolve(schema)
    options = schema.get("anyOf", ())
    if options and not _only_required(options):
        nulls = [s for s in options if s.get("type") == "null"]
        if nulls and rng.random() < null:
            return None
        others = [s for s in options if s.get("type") != "null"]
        return generate(rng.choice(others), *args)
    if "const" in schema:
        return schema["const"]
    if "default" in schema and rng.random() < 0.2:
        return schema["default"]
    if "enum" in schema:
        if rng.random() < unknown:
            return _unknown_string(rng)
        return rng.choice(schema["enum"])
    if "x-known-values" in schema:
        if schema.get("x-open-enum") and rng.random() < unknown:
            return _unknown_string(rng)
        return rng.choice(schema["x-known-values"])
    kind = schema.get("type")
    if kind == "string":
        return rng.choice(_WORDS)
    if kind == "number":
        return _number(rng, schema.get("minimum"))
    if kind == "integer":
        return rng.choice(_INTEGERS)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "array":
        return [generate(schema["items"], *args) for _ in range(rng.choice([0, 1, 1, 2, 3]))]
    if kind == "object":
        required = list(schema.get("required", ()))
        if options:  # one of the sets of keys the object must have; the others' keys are rarer
            required += rng.choice(options)["required"]
        rarer = {key for option in options for key in option["required"]}
        out = {}
        props = schema.get("properties", {})
        for key, sub in props.items():
            chance = optional**3 if key in rarer else optional
            if key in required or rng.random() < chance:
                out[key] = generate(sub, *args)
        extra = schema.get("additionalProperties", True)
        if type(extra) is dict:  # a map
            for _ in range(rng.choice([0, 1, 2])):
                key = rng.choice(["feature_%d" % rng.randrange(1000), rng.choice(_WORDS)])
                out[key] = generate(extra, *args)
        elif not props:  # any object at all
            for _ in range(rng.randrange(3)):
                out[rng.choice(_WORDS)] = _json_value(rng)
        elif rng.random() < unknown:
            out["new_key_%d" % rng.randrange(100)] = _json_value(rng)
        if rng.random() < shuffle:
            items = list(out.items())
            rng.shuffle(items)
            out = dict(items)
        return out
    raise AssertionError("schema not handled: %r" % (schema,))


# -- mutation -----------------------------------------------------------------

_WRONG = [
    None,
    "abc",
    "",
    "inf",
    5,
    -7,
    2.5,
    4.0,
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
    """A deep copy of ``payload`` with the value at ``path`` replaced (``DELETE`` removes it)."""
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


def key_orders(value, path=()):
    """The key order of every object in a payload, by path: what ``to_dict()`` must keep."""
    if type(value) is dict:
        yield path, list(value)
        for key, item in value.items():
            yield from key_orders(item, path + (key,))
    elif type(value) is list:
        for index, item in enumerate(value):
            yield from key_orders(item, path + (index,))
