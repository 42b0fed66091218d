"""The floor: a lower bound on what any pure-Python reader with trackbalances's
layout does, for the targets that trackbalances misses.

trackbalances keeps each JSON object of a payload as an object whose ``__dict__`` is
a copy of it. The least work for that is one dict copy and one new object per JSON
object; here the payload's objects are found once, outside the timing, so the floor
does not even walk the payload, link objects to their parents, make tuples of arrays
or check a value. Back to dicts, it copies each object's dict once. From and to JSON
text it adds what the C scanner and encoder of the ``json`` module take on the same
text (Python's own ``json`` on PyPy). So the floor is below what any reader can do:
a target that the floor misses is out of reach of a pure-Python reader of this layout.
"""

import json

_new = object.__new__


class Bare:
    """An object of no class in particular: its fields are its ``__dict__``."""


_instance_dict = Bare.__dict__["__dict__"]
_set_dict = _instance_dict.__set__
_get_dict = _instance_dict.__get__


class Built:
    """What the floor reads: the objects, and the payload they came from."""

    __slots__ = ("objects", "payload")

    def __init__(self, objects, payload):
        self.objects = objects
        self.payload = payload


_found = {}  # id(argument) -> (argument, its payload, the JSON objects of that payload)


def _objects_of(argument):
    known = _found.get(id(argument))
    if known is None or known[0] is not argument:
        payload = json.loads(argument) if isinstance(argument, str) else argument
        objects, todo = [], [payload]
        while todo:
            value = todo.pop()
            if type(value) is dict:
                objects.append(value)
                todo.extend(value.values())
            elif type(value) is list:
                todo.extend(value)
        known = _found[id(argument)] = (argument, payload, objects)
    return known[1], known[2]


def to_object(data):
    payload, found = _objects_of(data)
    objects = []
    for fields in found:
        obj = _new(Bare)
        _set_dict(obj, fields.copy())
        objects.append(obj)
    return Built(objects, payload)


def to_dict(built):
    return [_get_dict(obj).copy() for obj in built.objects]


_scan = getattr(json.scanner, "c_make_scanner", None)
_scan = _scan(json.JSONDecoder()) if _scan else json.loads
_encode = getattr(json.encoder, "c_make_encoder", None)
if _encode and json.encoder.c_encode_basestring_ascii:
    _encode = _encode(
        None, None, json.encoder.c_encode_basestring_ascii, None, ":", ",", False, False, False
    )
else:
    _encoder = json.JSONEncoder(separators=(",", ":"))
    _encode = lambda data, level: (_encoder.encode(data),)  # noqa: E731


def from_json(text):
    if _scan is json.loads:
        _scan(text)
    else:
        _scan(text, 0)
    return to_object(text)


def to_json(built):
    to_dict(built)
    return "".join(_encode(built.payload, 0))
