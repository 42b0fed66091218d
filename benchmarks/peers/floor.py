"""The floor: the least that any pure-Python reader with trackbalances's layout does.

Each JSON object is copied into the ``__dict__`` of a bare object (as trackbalances
keeps a payload's keys), each array becomes a tuple, and nothing is checked; back,
each object's dict is copied, its nested values written in turn, and each tuple
becomes a list. JSON text goes through
the same C scanner and encoder of the ``json`` module that trackbalances calls
(Python's own ``json`` on PyPy). What trackbalances takes beyond this is the price
of its checks and of its bookkeeping (absent keys, unknown keys, paths for errors).
"""

import json

_new = object.__new__


class Bare:
    """An object of no particular class: its fields are its ``__dict__``; ``nested``
    names those that hold objects or arrays (as a reader's writer knows them)."""

    __slots__ = ("__dict__", "nested")


_instance_dict = Bare.__dict__["__dict__"]
_set_dict = _instance_dict.__set__
_get_dict = _instance_dict.__get__
_set_nested = Bare.__dict__["nested"].__set__
_NESTED = {(): ()}  # one tuple for each set of names, as a class would hold it


def to_object(value):
    kind = type(value)
    if kind is dict:
        fields = value.copy()
        nested = []
        for key, item in value.items():
            if type(item) is dict or type(item) is list:
                fields[key] = to_object(item)
                nested.append(key)
        obj = _new(Bare)
        _set_dict(obj, fields)
        nested = tuple(nested)
        _set_nested(obj, _NESTED.setdefault(nested, nested))
        return obj
    if kind is list:
        return tuple([to_object(item) for item in value])
    return value


def to_dict(obj):
    if type(obj) is tuple:
        return [to_dict(item) for item in obj]
    if type(obj) is not Bare:
        return obj
    out = _get_dict(obj).copy()
    for key in obj.nested:
        out[key] = to_dict(out[key])
    return out


_scan = getattr(json.scanner, "c_make_scanner", None)
_scan = _scan(json.JSONDecoder()) if _scan else None
_encode = getattr(json.encoder, "c_make_encoder", None)
if _encode and json.encoder.c_encode_basestring_ascii:
    _encode = _encode(
        None, None, json.encoder.c_encode_basestring_ascii, None, ":", ",", False, False, False
    )


def from_json(text):
    return to_object(_scan(text, 0)[0] if _scan else json.loads(text))


def to_json(obj):
    if _encode:
        return "".join(_encode(to_dict(obj), 0))
    return json.dumps(to_dict(obj), separators=(",", ":"))
