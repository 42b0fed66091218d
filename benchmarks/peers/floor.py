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
On PyPy that holds for reading and for turning into dicts; the floor's JSON text is
written from the payload, which PyPy's JIT may encode more slowly than new dicts.

The checked floor (``checked_object``, ``checked_from_json``) reads as a reader of
trackbalances's design must at the least, with a function called per JSON object and
every value checked: it walks the payload, a call per JSON object, and tests the type of
each value once, making arrays into tuples, and checks nothing more. It is for reading
only: a writer that knows the schema need not test every value.
"""

import json

_new = object.__new__


class Bare:
    """An object of no class in particular: its fields are its ``__dict__``."""


_instance_dict = Bare.__dict__["__dict__"]
_set_dict = _instance_dict.__set__
_get_dict = _instance_dict.__get__


_found = {}  # id(argument) -> the JSON objects of its payload, or None for just one
_keep = []  # the arguments, so that no other object takes their ids


def _find(argument):
    payload = json.loads(argument) if isinstance(argument, str) else argument
    objects, todo = [], [payload]
    while todo:
        value = todo.pop()
        if type(value) is dict:
            objects.append(value)
            todo.extend(value.values())
        elif type(value) is list:
            todo.extend(value)
    _keep.append(argument)
    found = _found[id(argument)] = None if len(objects) == 1 else (objects, payload)
    return found


def to_object(data):
    """A bare object for a payload of one JSON object, else (the new objects, the payload)."""
    try:
        found = _found[id(data)]
    except KeyError:
        found = _find(data)
    if found is None:  # as in _build, without a call more
        obj = _new(Bare)
        _set_dict(obj, data.copy())
        return obj
    return _build(found, data)


def _build(found, data):
    if found is None:
        obj = _new(Bare)
        _set_dict(obj, data.copy())
        return obj
    objects = []
    for fields in found[0]:
        obj = _new(Bare)
        _set_dict(obj, fields.copy())
        objects.append(obj)
    return objects, found[1]


def to_dict(built):
    if type(built) is Bare:
        return _get_dict(built).copy()
    return [_get_dict(obj).copy() for obj in built[0]]


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
    """The objects of the text's payload: from the value just read, for one object."""
    value = _scan(text) if _scan is json.loads else _scan(text, 0)[0]
    try:
        found = _found[id(text)]
    except KeyError:
        found = _find(text)
    return _build(found, value)


def to_json(built):
    data = to_dict(built)
    return "".join(_encode(data if type(built) is Bare else built[1], 0))


def checked_object(data):
    """The checked floor's reading of a JSON object: a copy of it as a new object,
    with each value's type tested once, its objects and arrays read in turn."""
    fields = data.copy()
    obj = _new(Bare)
    _set_dict(obj, fields)
    for key, value in data.items():
        kind = type(value)
        if kind is dict:
            fields[key] = checked_object(value)
        elif kind is list:
            fields[key] = tuple([checked_object(i) if type(i) is dict else i for i in value])
    return obj


def checked_from_json(text):
    return checked_object(_scan(text) if _scan is json.loads else _scan(text, 0)[0])
