"""CI gate: trackbalances against the official SDK, autumn-sdk 1.2.0 (API 2.5.0).

Payloads: seeded ones that tests/schema.py generates from the 2.5.0 schemas (tests/data/2.5.0),
balances and track responses, and the example files. On each payload the SDK accepts
(Balance.model_validate; a track response through unmarshal_json(text, TrackResponseBody1 and
TrackResponseBody2), what track() runs on a 200 and a 202):
  (a) ours accepts it too (from_dict);
  (b) ours gives it back exactly: to_dict() and from_json(text).to_dict() equal the payload in
      value, type and key order at every level;
  (c) each field the SDK types has the same value in ours (numbers by value; the SDK's None or
      UNSET of an absent key is our ABSENT; the SDK's documented defaults are counted).
Reported, not gated: payloads the two judge differently (2.1.0 ones, 2.5.0 ones without the
constants the SDK defaults, one-place mutations). Exits 0 only if every check passes.
Run from the repository root: python .ci/sdk_differential.py [--count N] [--seed S] [--dump LABEL]
"""

import argparse
import collections
import dataclasses
import glob
import json
import os
import random
import sys
import typing
from collections.abc import Mapping, MutableMapping
from importlib.metadata import version

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)  # the package and tests/schema.py, from the working tree
import pydantic  # noqa: E402
from autumn_sdk.models import Balance, TrackResponseBody1, TrackResponseBody2  # noqa: E402
from autumn_sdk.types.basemodel import Unset  # noqa: E402
from autumn_sdk.utils.serializers import unmarshal_json  # noqa: E402

import trackbalances as tb  # noqa: E402
from tests import schema as ts  # noqa: E402

DATA = os.path.join(ROOT, "tests", "data")
OURS = {"balance": tb.TrackBalances, "track": tb.TrackResponse}
# DIFF.md: what the SDK's models default an absent key to (ours: ABSENT).
DEFAULTED = {"id": "", "tier_behavior": "graduated", "metered_feature_id": ""}
JSON_FIELDS = {"model_markups", "provider_markups", "processors"}  # of the feature: JSON in ours
TOLERATED, STATS = collections.Counter(dict.fromkeys(DEFAULTED, 0)), collections.Counter()
SEEN, CRASHES = set(), []


def sdk_parse(kind, payload):
    """The SDK's models of the payload (raises pydantic.ValidationError)."""
    if kind == "balance":
        return [Balance.model_validate(payload)]
    text = json.dumps(payload)
    return [unmarshal_json(text, TrackResponseBody1), unmarshal_json(text, TrackResponseBody2)]


def judge(kind, payload):
    """(the SDK accepts, ours accepts, why the SDK rejects)."""
    why = ""
    try:
        sdk_parse(kind, payload)
    except pydantic.ValidationError as e:
        err = e.errors()[0]
        loc = ".".join("[]" if isinstance(p, int) else str(p) for p in err["loc"][-3:])
        why = "%s at %s" % (err["type"], loc)
    try:
        OURS[kind].from_dict(payload)
        return not why, True, why
    except Exception as e:  # anything but a ValidationError is a bug of ours
        if not isinstance(e, tb.ValidationError):
            CRASHES.append("ours raises %s: %.200s" % (type(e).__name__, e))
        return not why, False, why


def verdict(sdk_ok, ours_ok):
    word = {True: "accepts", False: "rejects"}
    return "SDK %s, ours %s" % (word[sdk_ok], word[ours_ok])


# -- payloads -----------------------------------------------------------------------------------
def edited(value, drop=lambda d, k, v: False, edit=lambda k, v: v):
    """A copy of a payload with the keys `drop` says left out and the values `edit` gives."""
    if isinstance(value, dict):
        kept = [(k, v) for k, v in value.items() if not drop(value, k, v)]
        return {k: edited(edit(k, v), drop, edit) for k, v in kept}
    return [edited(v, drop, edit) for v in value] if isinstance(value, list) else value


def int_priorities(payload):  # the SDK's `int` rejects an integral float beyond 2**63, like 1e20
    return edited(payload, edit=lambda k, v: int(v) if k == "priority" and type(v) is float else v)


def without_constants(payload):  # the constants that the SDK's models default (DIFF.md)
    def drop(obj, key, value):
        if key == "metered_feature_id":  # of a BalanceCreditSchema3
            return value == "" and "credit_cost" in obj and "tiers" not in obj
        return key == "tier_behavior" and ("match" in obj or "metered_feature_id" in obj)

    return edited(payload, drop)


def mutated(payload, rng):
    """(what changed, a copy of the payload changed in one place)."""
    copy = json.loads(json.dumps(payload))
    path = rng.choice([p for p in ts.places(copy) if p])
    parent = ts.get(copy, path[:-1])
    new = rng.choice(["-", None, "abc", "12", -7, 2.5, True, [], {}])  # "-": delete the key
    if new == "-" and isinstance(path[-1], str):
        del parent[path[-1]]
    else:
        parent[path[-1]] = new = None if new == "-" else new
    where = ".".join("[]" if isinstance(k, int) else k[:20] for k in path)
    return where + (" deleted" if new == "-" else " = " + type(new).__name__), copy


# -- comparison ---------------------------------------------------------------------------------
def exact(a, b, path="$"):
    """The first place where a (ours) and b (the payload) differ in value, type or key order."""
    if type(a) is not type(b):
        return "%s: %s %.60r vs %s %.60r" % (path, type(a).__name__, a, type(b).__name__, b)
    if isinstance(a, dict):
        if list(a) != list(b):
            pairs = enumerate(zip(a, b))
            i = next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))
            key = lambda d: repr(list(d)[i]) if i < len(d) else "(no more keys)"  # noqa: E731
            return "%s: key #%d is %.40s in ours, %.40s in the payload" % (path, i, key(a), key(b))
        pairs = [(a[k], b[k], "%s.%s" % (path, k)) for k in a]
    elif isinstance(a, list):
        if len(a) != len(b):
            return "%s: %d vs %d items" % (path, len(a), len(b))
        pairs = [(x, y, "%s[%d]" % (path, i)) for i, (x, y) in enumerate(zip(a, b))]
    else:
        return None if repr(a) == repr(b) else "%s: %.60r vs %.60r" % (path, a, b)
    return next(filter(None, (exact(*pair) for pair in pairs)), None)


def thaw(value):
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    return [thaw(v) for v in value] if isinstance(value, (list, tuple)) else value


def compare(sdk, ours, raw, path, diffs, plain=False):
    """(c): the SDK's value against ours (our model, or JSON data if `plain`); raw: the payload."""

    def bad(message, where=path):
        diffs.append("(c) %s: %s" % (where, message))

    if isinstance(sdk, pydantic.BaseModel):
        cls = type(sdk).__name__
        SEEN.add(cls)
        if not (isinstance(ours, dict) if plain else dataclasses.is_dataclass(ours)):
            return bad("SDK %s, ours %s" % (cls, type(ours).__name__))
        names = ours if plain else {f.name for f in dataclasses.fields(ours)}
        for name, field in type(sdk).model_fields.items():
            key = field.alias or name  # the wire key
            sub, v = "%s.%s" % (path, key), getattr(sdk, name)
            if key not in names and (key in raw or not plain):
                bad("ours has no field %r" % key, sub)
            elif key not in raw:
                o = ours.get(key, tb.ABSENT) if plain else getattr(ours, key)
                if o is not tb.ABSENT:
                    bad("key absent, ours %.60r" % (o,), sub)
                elif DEFAULTED.get(key, ...) == v == field.default:
                    TOLERATED[key] += 1
                elif v is not None and not isinstance(v, Unset):
                    bad("key absent, SDK %.60r, ours ABSENT" % (v,), sub)
            elif cls == "BalanceFeature" and key in JSON_FIELDS:
                data = thaw(getattr(ours, key))
                problem = exact(data, raw[key], sub)
                if problem:
                    bad("as JSON: " + problem, sub)
                else:
                    compare(v, data, raw[key], sub, diffs, True)
            else:
                o = ours[key] if plain else getattr(ours, key)
                compare(v, o, raw[key], sub, diffs, plain)
    elif isinstance(sdk, list):
        if not isinstance(ours, list if plain else tuple) or len(ours) != len(sdk):
            return bad("SDK list of %d, ours %.60r" % (len(sdk), ours))
        for i, (v, o, r) in enumerate(zip(sdk, ours, raw)):
            compare(v, o, r, "%s[%d]" % (path, i), diffs, plain)
    elif isinstance(sdk, dict):
        read_only = plain or not isinstance(ours, MutableMapping)
        if not isinstance(ours, dict if plain else Mapping) or not read_only:
            return bad("SDK dict, ours %s (not a read-only Mapping)" % type(ours).__name__)
        if list(ours) != list(raw):
            return bad("keys %.80s, payload %.80s" % (list(ours), list(raw)))
        for k in raw:
            compare(sdk[k], ours[k], raw[k], "%s[%r]" % (path, k), diffs, plain)
    else:
        STATS["scalars"] += 1
        if sdk is None or isinstance(sdk, bool):
            same = type(ours) is type(sdk) and ours == sdk
        elif isinstance(sdk, (int, float)):  # the SDK's float(100) is 100.0, ours keeps 100
            mine = float(ours) if type(sdk) is float and type(ours) is int else ours
            same = type(ours) in (int, float) and mine == sdk
            STATS["rounded"] += same and type(ours) is int and float(ours) != ours
        else:
            same = isinstance(sdk, str) and isinstance(ours, str) and ours == sdk
        if not same:
            bad("SDK %.60r, ours %.60r" % (sdk, ours))


def check(kind, payload):
    """The differences of (a), (b), (c) on a payload the SDK accepts: [] if all pass."""
    models, cls = sdk_parse(kind, payload), OURS[kind]
    try:
        ours = cls.from_dict(payload)
    except Exception as e:
        return ["(a) ours rejects what the SDK accepts: %s: %.300s" % (type(e).__name__, e)]
    diffs = ["(b) to_dict " + p for p in [exact(ours.to_dict(), payload)] if p]
    again = cls.from_json(json.dumps(payload)).to_dict()
    diffs += ["(b) from_json " + p for p in [exact(again, payload)] if p]
    compare(models[0], ours, payload, "$", diffs)
    if models[-1].model_dump(warnings=False) != models[0].model_dump(warnings=False):
        diffs.append("(c) the SDK's 202 body differs from its 200 body")
    return diffs


def sdk_classes(model, seen):
    """The names of the SDK model classes reachable from `model`."""
    is_model = isinstance(model, type) and issubclass(model, pydantic.BaseModel)
    if is_model and model.__name__ not in seen:
        seen.add(model.__name__)
        stack = [field.annotation for field in model.model_fields.values()]
        while stack:  # through Optional, List, Dict, Union, Nullable[...] and type aliases
            t = stack.pop()
            args = typing.get_args(t) or ((t.__value__,) if hasattr(t, "__value__") else ())
            stack.extend(args) if args else sdk_classes(t, seen)
    return seen


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300, help="payloads of each kind (300)")
    parser.add_argument("--seed", type=int, default=20250)
    parser.add_argument("--dump", metavar="LABEL", help="print a payload (e.g. track_response#7)")
    args = parser.parse_args()
    spec, rng = os.path.join(DATA, "2.5.0"), random.Random(args.seed)
    schemas = {
        k: ts.load(os.path.join(spec, k + ".schema.json")) for k in ("balance", "track_response")
    }
    cases = [
        ("%s#%d" % (k, i), k.split("_")[0], ts.generate(s, rng), True)
        for k, s in schemas.items()
        for i in range(args.count)
    ]
    files = sorted(glob.glob(os.path.join(spec, "examples", "*.json")))
    files += sorted(glob.glob(os.path.join(DATA, "examples", "*.json")))
    files.append(os.path.join(DATA, "full_balance.json"))
    for path in files:  # 2.5.0 examples, then those of 2.1.0
        payload = ts.load(path)
        kind = "track" if "customer_id" in payload else "balance"
        cases.append((os.path.relpath(path, ROOT), kind, payload, path.startswith(spec)))
    if args.dump:
        return print(json.dumps(next(c[2] for c in cases if c[0] == args.dump), indent=2))
    print(
        "sdk_differential: autumn-sdk %s, pydantic %s, trackbalances %s, seed %d"
        % (version("autumn-sdk"), pydantic.VERSION, getattr(tb, "__version__", "?"), args.seed)
    )

    failures, accepted, narrower, info = [], [], [], collections.Counter()
    for label, kind, payload, is_250 in cases:
        sdk_ok, ours_ok, why = judge(kind, payload)
        if not sdk_ok and is_250:  # the SDK must take every 2.5.0 payload, but for one known case
            fixed = int_priorities(payload)
            if json.dumps(fixed) == json.dumps(payload) or not judge(kind, fixed)[0]:
                failures.append("%s: the SDK rejects this 2.5.0 payload: %s" % (label, why))
                continue
            narrower.append(ours_ok)
            sdk_ok, payload = True, fixed
        if sdk_ok:
            diffs = check(kind, payload)
            failures += ["%s %s" % (label, d) for d in diffs]
            accepted.append((kind, payload, not diffs))
        else:
            info["2.1.0 files: %s: %s" % (verdict(sdk_ok, ours_ok), why)] += 1
    passed = sum(ok for _, _, ok in accepted)
    print(
        "payloads: %d (%d generated), the SDK accepts %d: (a)+(b)+(c) pass on %d, fail on %d;"
        " %d scalars compared"
        % (
            len(cases),
            2 * args.count,
            len(accepted),
            passed,
            len(accepted) - passed,
            STATS["scalars"],
        )
    )
    for key, n in TOLERATED.items():
        print("  tolerated: %-18s absent: SDK %r, ours ABSENT: %d" % (key, DEFAULTED[key], n))
    print("  tolerated: integers the SDK's float() rounds: %d" % STATS["rounded"])
    print(
        "  SDK narrower than the schema: %d payloads with an integral float >= 2**63 as"
        " `priority` (ours accepts %d); checked with ints" % (len(narrower), sum(narrower))
    )
    never = sorted(sdk_classes(TrackResponseBody1, set()) - SEEN)
    print("  SDK model classes never built: %s" % (", ".join(never) or "none"))

    # Reported only: what the two judge differently.
    for kind, name in (("balance", "track_balances"), ("track", "track_response")):
        schema = ts.load(os.path.join(DATA, name + ".schema.json"))
        for _ in range(100):
            sdk_ok, ours_ok, why = judge(kind, ts.generate(schema, rng))
            info["2.1.0 generated: %s%s" % (verdict(sdk_ok, ours_ok), why and ": " + why)] += 1
    for kind, payload, _ in accepted:
        variant = without_constants(payload)
        if json.dumps(variant) != json.dumps(payload):
            sdk_ok, ours_ok, why = judge(kind, variant)
            info["2.5.0 without the constants the SDK defaults: " + verdict(sdk_ok, ours_ok)] += 1
            if sdk_ok and ours_ok:
                failures += ["%s without constants %s" % (kind, d) for d in check(kind, variant)]
    for kind, payload, _ in rng.sample(accepted, min(300, len(accepted))):
        what, broken = mutated(payload, rng)
        sdk_ok, ours_ok, _ = judge(kind, broken)
        what = ": " + what if sdk_ok != ours_ok else ""
        info["mutations: %s%s" % (verdict(sdk_ok, ours_ok), what)] += 1
    print("reported, not gated (2.1.0 payloads, SDK defaults, 300 one-place mutations):")
    for what, n in sorted(info.items(), key=lambda i: (i[0].split(":")[0], -i[1]))[:16]:
        print("  %4d  %s" % (n, what))

    failures += CRASHES
    for line in failures[:8]:
        print("FAILED " + line)
    summary = "FAILED, %d differences (print a payload: --dump LABEL)" % len(failures)
    print("sdk_differential: " + (summary if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
