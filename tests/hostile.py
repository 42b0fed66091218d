"""Values that attack the reader: subclasses whose methods lie or raise, mappings
that misbehave, objects whose comparison raises, huge and deep values. Shared by
the unit tests, the seeded fuzz test and the atheris harness."""

from collections.abc import Mapping


class Boom(Exception):
    """What a hostile object raises."""


def _boom(*args, **kwargs):
    raise Boom("hostile")


class RaisingStr(str):
    """A string whose every method that could be called on it raises."""

    __str__ = __repr__ = __eq__ = __ne__ = __len__ = __getitem__ = __iter__ = _boom
    __add__ = __format__ = isidentifier = isprintable = isascii = encode = _boom
    __hash__ = str.__hash__


class LyingStr(str):
    """A string that claims to equal everything and to be another text."""

    def __eq__(self, other):
        return True

    __hash__ = str.__hash__

    def __str__(self):
        return "inf"


class RaisingInt(int):
    __int__ = __index__ = __repr__ = __format__ = __sub__ = __lt__ = __ge__ = _boom
    __eq__ = __bool__ = __float__ = __abs__ = __neg__ = __mod__ = _boom
    __hash__ = int.__hash__


class LyingInt(int):
    def __int__(self):
        return 7  # what int() would store, were it called

    def __index__(self):
        return 7

    def __repr__(self):
        return "7"


class RaisingFloat(float):
    __float__ = __repr__ = __sub__ = __eq__ = __lt__ = __ge__ = __mod__ = _boom
    __hash__ = float.__hash__


class LyingFloat(float):
    """NaN that swears it is finite."""

    def __new__(cls):
        return float.__new__(cls, "nan")

    def __sub__(self, other):
        return 0.0

    def __float__(self):
        return 1.0


class RaisingComparison:
    """Like a numpy array: comparing gives something whose truth raises."""

    def __eq__(self, other):
        return self

    __ne__ = __eq__
    __hash__ = object.__hash__
    __bool__ = _boom


class RaisingMapping(Mapping):
    def __getitem__(self, key):
        raise Boom("getitem")

    def __iter__(self):
        raise Boom("iter")

    def __len__(self):
        return 3


class LyingMapping(Mapping):
    """Says it has keys it cannot give, and a length it has not."""

    def __getitem__(self, key):
        raise KeyError(key)

    def __iter__(self):
        return iter(["feature_id", "granted"])

    def __len__(self):
        return 99


class ClassRaises:
    """An object whose ``__class__`` raises: isinstance() itself fails on it."""

    @property
    def __class__(self):
        raise Boom("__class__")


class FieldName:
    """A key that is no string but hashes and compares equal to a field name."""

    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return other == self.name


class PlainKey(str):
    """A key that is a str subclass and nothing more: it hashes and compares
    as its text, so a dict finds it under the field's name."""


class LyingKey(str):
    """A key that hashes as its text and claims to equal everything."""

    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


class RaisingKey(str):
    """A key that hashes as its text and whose comparison raises."""

    __eq__ = __ne__ = __str__ = __repr__ = _boom
    __hash__ = str.__hash__


class HashApartKey(str):
    """A key that compares as its text but hashes apart from it: a dict can
    hold both it and the plain string."""

    def __hash__(self):
        return str.__hash__(self) ^ 1

    __eq__ = str.__eq__


class LaterRaisingHashKey(str):
    """A key whose hash works once (to go into the caller's dict), then raises."""

    hashed = False

    def __hash__(self):
        if self.hashed:
            raise Boom("hash")
        self.hashed = True
        return str.__hash__(self)

    __eq__ = str.__eq__


KEY_CLASSES = (PlainKey, LyingKey, RaisingKey, HashApartKey, LaterRaisingHashKey)
"""Every kind of str subclass key, for the tests of keys."""


class AnyMapping(Mapping):
    """A well-behaved Mapping that is not a dict."""

    def __init__(self, data):
        self._data = dict(data)

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


class FirstReadFails(AnyMapping):
    """A mapping whose first iteration raises, and every later one works."""

    failed = False

    def __iter__(self):
        if not self.failed:
            self.failed = True
            raise Boom("first")
        return iter(self._data)


class RaisingBytes(bytes):
    decode = __getitem__ = __len__ = __iter__ = __eq__ = _boom
    __hash__ = bytes.__hash__


def deep(levels, leaf=1):
    """A value nested ``levels`` deep, arrays and objects in turn."""
    value = leaf
    for level in range(levels):
        value = [value] if level % 2 else {"k": value}
    return value


HUGE = 7**6000  # 5071 digits: more than Python writes in decimal by default

VALUES = [
    RaisingStr("abc"),
    LyingStr("x"),
    RaisingInt(5),
    LyingInt(5),
    RaisingFloat(2.5),
    LyingFloat(),
    RaisingComparison(),
    RaisingMapping(),
    LyingMapping(),
    ClassRaises(),
    AnyMapping({FieldName("granted"): 1}),
    AnyMapping({"a": RaisingStr("b")}),
    HUGE,
    -HUGE,
    deep(200),
    deep(201),
    deep(5000),
]
"""One of each, for the fuzzers to put anywhere in a payload."""
