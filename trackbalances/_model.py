"""What every model shares: a frozen dataclass that reads and writes its payload.

Each model class is declared in the module of its family (``_balance``,
``_feature``, ``_credit``, ``_breakdown``, ``_price``, ``_response``) together
with its own two functions: the one that reads a payload into it (bound by
``@reads``) and the one that writes it back (bound by ``@writes``).

A model read from a payload keeps exactly the payload's known keys in its
``__dict__``, in the order they were sent; a field whose key was absent is not
stored and reads as the class default, :data:`ABSENT`. Unknown keys are kept in
``extra``, which also remembers where they stood.
"""

# The signature walks untyped values; see the note in ``_breakdown``.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

from . import _json, _mistakes
from ._absent import ABSENT
from ._checks import FIRST_PROBLEM_OF_A_DICT, only_str_keys
from ._dataclass import Signature, model, models, same_types
from ._errors import (
    FIRST_PROBLEM,
    ErrorDetail,
    ErrorList,
    Invalid,
    TooManyProblems,
    ValidationError,
    cut_number,
    cut_repr,
    describe_error,
)
from ._frozen import EMPTY, FrozenMap, hex_repr
from ._jsonvalue import Extra, deep_values, encode, thaw

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import (
        Any,
        Callable,
        ClassVar,
        Dict,
        FrozenSet,
        List,
        Optional,
        Tuple,
        Type,
        TypeVar,
        Union,
        overload,
    )

    from ._checks import Errors
    from ._enums import OpenEnum
    from ._errors import Path

    Number = Union[int, float]
    _M = TypeVar("_M", bound="Model")
    Reader = Callable[[Type[_M], Any, Path, Errors], Optional[_M]]
    Writer = Callable[[_M], Dict[str, Any]]


class _Instance:
    """The base that gives models their instance dict; its ``__dict__``
    descriptor is how this package reads and sets it (see ``Model.__dict__``)."""


_instance_dict: "Any" = vars(_Instance)["__dict__"]
own_dict: "Callable[[Any], Dict[str, Any]]" = _instance_dict.__get__
"""The instance dict of a model, to read (never to change after it is built)."""
set_own_dict: "Callable[[Any, Dict[str, Any]], None]" = _instance_dict.__set__
"""Gives a new model its instance dict: a dict of its own, whose key order
(the payload's) PyPy keeps too."""


class Model(_Instance):
    """What every model shares: construction, immutability, comparison, the four
    conversions, ``unrecognized()`` and ``repr``.

    ``@dataclass(frozen=True)`` would write ``__init__``, ``__setattr__``,
    ``__delattr__``, ``__eq__`` and ``__hash__`` as source for every class and
    ``exec()`` each one, which costs three times the rest of the import; they
    are written once here instead, with the same behaviour (see ``model``).
    """

    __signature__ = Signature()

    @property
    def __dict__(self) -> "Mapping[str, Any]":  # type: ignore[override]
        """The fields, read-only: nothing reachable from a model can be changed.

        A view of a copy: comparing a mapping proxy hands the dict behind it to
        the other operand's ``__eq__`` (``vars(obj) == x``), which could change it."""
        return MappingProxyType(own_dict(self).copy())

    if TYPE_CHECKING:
        __dataclass_fields__: "ClassVar[Dict[str, dataclasses.Field[Any]]]"
        _defaults: "ClassVar[Dict[str, Any]]"
        _field_names: "ClassVar[FrozenSet[str]]"
        _required: "ClassVar[FrozenSet[str]]"
        _open_enums: "ClassVar[Dict[str, OpenEnum]]"
        _read: "ClassVar[Callable[..., Any]]"
        extra: "Mapping[str, Any]"

    def __init__(self, *args: "Any", **kwargs: "Any") -> None:
        # The dataclass __init__: positional in field order, or by keyword; not validated.
        cls = type(self)
        names = cls.__dataclass_fields__
        if len(args) > len(names):
            raise TypeError(
                "%s() takes at most %d arguments (%d given)" % (cls.__name__, len(names), len(args))
            )
        values = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in names:
                raise TypeError("%s() got an unexpected keyword argument %r" % (cls.__name__, name))
            if name in values:
                raise TypeError("%s() got multiple values for argument %r" % (cls.__name__, name))
            values[name] = value
        if len(values) < len(names):
            for name, default in cls._defaults.items():
                values.setdefault(name, default)
            missing = [name for name in names if name not in values]
            if missing:
                raise TypeError(
                    "%s() missing required arguments: %s" % (cls.__name__, ", ".join(missing))
                )
        set_own_dict(self, {name: values[name] for name in names})

    def __setattr__(self, name: str, value: object) -> None:
        # What @dataclass(frozen=True) writes, once for all: fields can never be
        # set, other attributes only on a subclass.
        if type(self) in models or name in self.__dataclass_fields__:
            raise dataclasses.FrozenInstanceError("cannot assign to field %r" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if type(self) in models or name in self.__dataclass_fields__:
            raise dataclasses.FrozenInstanceError("cannot delete field %r" % name)
        object.__delattr__(self, name)

    def __getstate__(self) -> "Dict[str, Any]":
        return dict(own_dict(self))

    def __setstate__(self, state: "Dict[str, Any]") -> None:
        # pickle and copy. Unpickling trusts the values it is given, as pickle
        # always does (its input can run any code); but a state that is not a
        # dict of this class's fields, the required ones among them, would make
        # an object without a field, or with keys no field reads: refused. The
        # state becomes a dict of the object's own, so that PyPy, whose
        # instance dicts may reorder keys as they are added, keeps the order.
        cls = type(self)
        if type(state) is not dict or not only_str_keys(map(type, state)):
            raise TypeError("%s: a state must be a dict of field names" % cls.__name__)
        names = state.keys()
        own = cls in models  # a subclass may keep attributes of its own there
        if not names >= cls._required or own and not names <= cls._field_names:
            wrong = sorted(cls._required - names)
            if own:
                wrong += sorted(names - cls._field_names)
            raise TypeError(
                "%s: a state without or with other fields: %s" % (cls.__name__, ", ".join(wrong))
            )
        set_own_dict(self, dict(state))

    def __eq__(self, other: object) -> bool:
        """Equal when they hold the same values of the same JSON types: ``1`` is
        not ``true`` and ``100`` is not ``100.0``, as in ``to_json()``. The
        order of keys is left out: objects that differ only in it are equal."""
        if type(other) is not type(self):
            return NotImplemented
        # Deep unknown values sit in FrozenMaps, which see to the caller's depth.
        that: "Any" = other  # mypy before 1.20 does not narrow type(other) is type(self)
        theirs: "Tuple[Any, ...]" = that._values()
        mine = self._values()
        return mine == theirs and same_types(mine, theirs)

    def __hash__(self) -> int:
        # Equal objects have equal values, so equal hashes; objects that differ
        # only in a number's type (1, 1.0, true) may share one, as numbers do.
        return hash(self._values())

    def _values(self) -> "Tuple[Any, ...]":
        return tuple([getattr(self, name) for name in self.__dataclass_fields__])

    @classmethod
    def from_dict(cls: "Type[_M]", data: "Mapping[str, Any]") -> "_M":
        """Validate a decoded JSON object and build the model from it.

        Raises :class:`ValidationError` listing every problem. ``data`` is
        not changed and shares no container with the result, nor a key: a key
        that is a subclass of ``str`` is read as its text (the last of two keys
        of one text wins, as in JSON text). Input with a problem is read twice:
        up to its first problem, then for the report (see ValidationError).
        """
        try:
            obj: "_M" = cls._read(cls, data, (), FIRST_PROBLEM_OF_A_DICT)
        except Exception as stop:  # Invalid, or what a caller's own object raised
            return cls._read_reporting(data, stop)
        return obj

    if TYPE_CHECKING:  # each model class's own writer, bound by ``writes``

        def to_dict(self) -> "Dict[str, Any]": ...

    @classmethod
    def from_json(cls: "Type[_M]", text: "Union[str, bytes, bytearray]") -> "_M":
        """:meth:`from_dict` of a JSON document; bad JSON is a :class:`ValidationError` too."""
        data = _json.loads(text)
        try:  # as from_dict, without a call more
            obj: "_M" = cls._read(cls, data, (), FIRST_PROBLEM)
        except Exception as stop:
            return cls._read_reporting(data, stop)
        return obj

    @classmethod
    def _read_reporting(cls: "Type[_M]", data: "Any", stop: "Optional[Exception]") -> "_M":
        # Input that the first reading stopped on (``stop``), read again for the
        # report (see ErrorList), from its first problem on (see Invalid).
        errors = ErrorList()
        if type(stop) is Invalid:
            errors.valid = stop.valid
        try:
            obj: "_M" = cls._read(cls, data, (), errors)
        except TooManyProblems:
            raise ValidationError(
                errors, errors.more, stopped=True, hint=_mistakes.hint(cls.__name__, data)
            ) from None
        except (RecursionError, MemoryError):  # the caller's stack, the machine: not the input
            raise
        except Exception as error:  # what a caller's own object raised while it was read
            raise ValidationError([((), "could not be read: " + describe_error(error))]) from None
        if errors:
            raise ValidationError(errors, errors.more, hint=_mistakes.hint(cls.__name__, data))
        # A caller's mapping that gave other values the second time.
        return obj if errors.valid is None else cls._read_reporting(data, None)

    def to_json(self, *, indent: "Union[int, str, None]" = None) -> str:
        """:meth:`to_dict` as JSON text (compact unless ``indent`` is given)."""
        data = self.to_dict()  # (once a deep value is made, json may need more room)
        return encode(data, indent) if deep_values else _json.dumps(data, indent)

    def unrecognized(self) -> "Tuple[ErrorDetail, ...]":
        """What this version of the package does not know in this object and the
        objects inside it: each unknown key, and each value of an open enum that
        is not among its known values, with its path.

        Empty when the payload holds nothing newer than API 2.5.0. Put
        ``assert not obj.unrecognized()`` in a test to hear of API drift.
        """
        found: "List[ErrorDetail]" = []
        self._unrecognized((), found)
        return tuple(found)

    def _unrecognized(self, path: "Path", found: "List[ErrorDetail]") -> None:
        # Recursion is bounded by the models' own nesting, never by the payload's.
        for name, known in self._open_enums.items():
            value = getattr(self, name)
            if type(value) is str and value not in known:
                found.append(ErrorDetail(path + (name,), "unknown value " + cut_repr(value)))
        for key in self.extra:
            found.append(ErrorDetail(path + (key,), "unknown key"))
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, Model):
                value._unrecognized(path + (name,), found)
            elif type(value) is tuple:
                for index, item in enumerate(value):
                    if isinstance(item, Model):
                        item._unrecognized(path + (name, index), found)
            elif type(value) is FrozenMap:
                for key, item in value.items():
                    if isinstance(item, Model):
                        item._unrecognized(path + (name, key), found)

    def __repr__(self) -> str:
        # Only what the payload had: ABSENT fields and an empty ``extra`` are left out.
        shown: "List[str]" = []
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if value is not ABSENT and not (name == "extra" and not value):
                try:
                    shown.append("%s=%r" % (name, value))
                except ValueError:  # an int too long for Python to write in decimal
                    shown.append("%s=%s" % (name, hex_repr(value)))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))


def reads(cls: "Type[_M]") -> "Callable[[Reader[_M]], Reader[_M]]":
    """Makes the decorated function the one that ``cls.from_dict`` calls.

    It is called as ``function(cls, data, path, errors)``: it reads ``data``
    into a new ``cls`` (a subclass, for ``from_dict`` of one), appends each
    problem to ``errors`` as ``(path, message)``, and returns the object.
    """

    def bind(function: "Reader[_M]") -> "Reader[_M]":
        model: "Any" = cls  # the hook is declared on the private base class
        model._read = staticmethod(function)
        return function

    return bind


def writes(cls: "Type[_M]") -> "Callable[[Writer[_M]], Writer[_M]]":
    """Makes the decorated function ``cls.to_dict``, so that ``obj.to_dict()``
    calls it with no call between, and gives it the method's docstring."""

    def bind(function: "Writer[_M]") -> "Writer[_M]":
        function.__doc__ = _TO_DICT
        model: "Any" = cls
        model.to_dict = function
        return function

    return bind


_TO_DICT = """The payload as plain ``dict``, ``list`` and scalars, exactly as it was read:
absent keys stay absent, null stays null, every key in its place."""


def wire_dict(obj: "Any") -> "Dict[str, Any]":
    """The keys and values of ``obj`` as a new dict in the order they were sent,
    its absent fields left out and its unknown keys in their places; nested
    models are left for the caller (the writer of the class) to write.

    A model that ``from_dict`` built keeps exactly the payload's known keys in
    its ``__dict__``, in order: when it had no unknown key, a copy of that is
    the answer. One built by hand (which stores ABSENT and ``extra`` too), one
    with unknown keys, or a subclass's (which may keep other attributes there)
    is read field by field.
    """
    d: "Dict[str, Any]" = own_dict(obj).copy()
    if "extra" not in d and type(obj) in models:
        return d
    known: "Dict[str, Any]" = {}
    for name in obj.__dataclass_fields__:
        value = getattr(obj, name)
        if name != "extra" and value is not ABSENT:
            known[name] = value
    extra = obj.extra
    keys_as_sent = extra.keys_as_sent if type(extra) is Extra else ()
    out: "Dict[str, Any]" = {}
    values = thaw(extra)
    for key in keys_as_sent:
        if key in known:
            out[key] = known.pop(key)
        elif key in values:
            out[key] = values[key]
    out.update(known)
    for key, value in values.items():
        if key not in out:
            out[key] = value
    return out


def wire_dicts(objs: "Tuple[Any, ...]") -> "List[Dict[str, Any]]":
    """``[wire_dict(obj) for obj in objs]`` with a call fewer per object (arrays
    of small objects, such as tiers, are the most common objects of all)."""
    out: "List[Dict[str, Any]]" = []
    for obj in objs:
        d: "Dict[str, Any]" = own_dict(obj).copy()
        if "extra" in d or type(obj) not in models:
            d = wire_dict(obj)
        out.append(d)
    return out


if TYPE_CHECKING:

    @overload
    def utc_datetime(milliseconds: "Number") -> "datetime": ...
    @overload
    def utc_datetime(milliseconds: None) -> None: ...


def utc_datetime(milliseconds: "Optional[Number]") -> "Optional[datetime]":
    """An epoch-millisecond timestamp as an aware UTC datetime; None for None.

    Raises ``ValueError`` for a time outside the years 1 to 9999 that
    ``datetime`` can hold (the schema allows any number).
    """
    if milliseconds is None:
        return None
    from datetime import datetime, timedelta, timezone  # not imported with the package

    try:
        # Exact to the millisecond, unlike datetime.fromtimestamp(milliseconds / 1000).
        return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=milliseconds)
    except OverflowError:
        raise ValueError(
            "%s ms since 1970 is outside the years 1 to 9999 of datetime" % cut_number(milliseconds)
        ) from None


__all__ = ["EMPTY", "Model", "model", "reads", "utc_datetime", "wire_dict", "wire_dicts", "writes"]
