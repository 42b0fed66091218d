"""What ``@dataclass(frozen=True)`` would give a model, written once: ``model``
makes a class a dataclass whose ``__init__``, ``__eq__``, ``__hash__``,
``__setattr__`` and ``__delattr__`` come from ``_model.Model``, ``Signature``
shows its fields to ``inspect``, and ``same_types`` is the part of its
equality that JSON's types need.
"""

# The comparison walks untyped values; see the note in ``_breakdown``.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

import dataclasses
from collections.abc import Mapping
from itertools import compress

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, FrozenSet, List, Set, Tuple, Type, TypeVar

    from typing_extensions import dataclass_transform

    from ._model import Model

    _M = TypeVar("_M", bound=Model)

models: "Set[type]" = set()
"""The model classes themselves, not their subclasses."""


class Signature:
    """``inspect.signature(cls)``: the fields as parameters with their defaults,
    as a dataclass's ``__init__`` shows them. Made on first use, so that the
    package does not import ``inspect``."""

    def __get__(self, obj: object, cls: "Any") -> "Any":
        if not dataclasses.is_dataclass(cls):
            return None  # the base class itself: inspect then reads __init__
        import inspect

        empty = inspect.Parameter.empty
        fields = dataclasses.fields(cls)
        return inspect.Signature(
            [
                inspect.Parameter(
                    field.name,
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    default=empty if field.default is dataclasses.MISSING else field.default,
                    annotation=field.type,
                )
                for field in fields
            ],
            return_annotation=None,
        )


_WALKED: "FrozenSet[type]" = frozenset((tuple, list, dict))


def same_types(mine: "Tuple[Any, ...]", theirs: "Tuple[Any, ...]") -> bool:
    """Whether values that compare equal are of the same types too, down through
    the tuples, lists and dicts that an object built by hand may hold (models
    and read-only maps compare their own values strictly, and a dict may stand
    for a read-only map). Walked with a stack of its own, however deep the
    values are, and at C speed where the types agree."""
    todo: "List[Tuple[Any, Any]]" = [(mine, theirs)]
    while todo:
        a, b = todo.pop()
        if type(a) is dict:
            a, b = list(a.values()), [b[key] for key in a]
        kinds = list(map(type, a))
        if kinds == list(map(type, b)):
            if not _WALKED.isdisjoint(kinds):
                todo.extend(compress(zip(a, b), map(_WALKED.__contains__, kinds)))
            continue
        for x, y in zip(a, b):
            if type(x) is type(y):
                if type(x) in _WALKED:
                    todo.append((x, y))
            elif not (isinstance(x, Mapping) and isinstance(y, Mapping)):
                return False
    return True


if TYPE_CHECKING:
    # What type checkers see: a frozen dataclass with its __init__ (PEP 681).
    @dataclass_transform(frozen_default=True)
    def model(cls: "Type[_M]") -> "Type[_M]": ...

else:

    def model(cls):
        """A frozen dataclass whose __init__, __eq__, __hash__, __setattr__ and
        __delattr__ come from ``Model``."""
        # dataclasses parses each string annotation with a regular expression
        # to find ClassVar and InitVar, and Python 3.15 imports ``re`` for it:
        # a model has neither, so dataclasses is shown placeholders and the
        # annotations are put back afterwards.
        annotations = cls.__annotations__
        cls.__annotations__ = dict.fromkeys(annotations, object)
        cls = dataclasses.dataclass(init=False, eq=False, repr=False)(cls)
        cls.__annotations__ = annotations
        for name, field in cls.__dataclass_fields__.items():
            field.type = annotations[name]
        cls.__dataclass_params__.frozen = True  # as @dataclass(frozen=True) would say
        models.add(cls)
        cls._defaults = {
            name: field.default
            for name, field in cls.__dataclass_fields__.items()
            if field.default is not dataclasses.MISSING
        }
        cls._field_names = frozenset(cls.__dataclass_fields__)
        cls._required = cls._field_names.difference(cls._defaults)
        if "_open_enums" not in cls.__dict__:
            cls._open_enums = {}
        return cls
