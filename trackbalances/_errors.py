"""``ValidationError``: every problem of a payload, each at its path."""

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, List, NamedTuple, Tuple, Union

    Path = Tuple[Union[str, int], ...]

    class _ErrorDetail(NamedTuple):
        path: Path
        message: str

else:
    _ErrorDetail = namedtuple("ErrorDetail", ("path", "message"))


class ErrorDetail(_ErrorDetail):
    """One problem: ``path``, where it is (a tuple of keys and list indexes), and
    ``message``, what it is. ``str()`` gives ``path: message``."""

    __slots__ = ()

    def __str__(self) -> str:
        return format_path(self.path) + ": " + self.message if self.path else self.message


class ValidationError(ValueError):
    """The payload does not match the schema.

    ``errors`` holds every problem found, not just the first, as
    :class:`ErrorDetail` ``(path, message)`` pairs in payload order, and
    ``str()`` lists them one per line, as in
    ``breakdown[0].reset.resets_at: expected a number or null, got str 'abc'``.
    """

    def __init__(self, errors: "Iterable[Tuple[Path, str]]") -> None:
        self.errors = tuple(ErrorDetail(path, message) for path, message in errors)
        super().__init__("\n".join(map(str, self.errors)))

    def __reduce__(self) -> "Tuple[Any, ...]":
        # The default would call ValidationError(message) on unpickling.
        return (type(self), (self.errors,))


def format_path(path: "Path") -> str:
    """``("breakdown", 0, "reset")`` as ``breakdown[0].reset``."""
    out: "List[str]" = []
    for part in path:
        if isinstance(part, int):
            out.append("[%d]" % part)
        elif part.isidentifier() and len(part) <= _REPR_LIMIT:
            out.append("." + part if out else part)
        else:
            out.append("[" + cut_repr(part) + "]")
    return "".join(out)


_REPR_LIMIT = 40


def cut_repr(text: str) -> str:
    """``repr(text)``, cut short: a 10 MB string must not end up in a log line."""
    if len(text) <= _REPR_LIMIT:
        return repr(text)
    return "%r... (%d characters)" % (text[:_REPR_LIMIT], len(text))


def describe(value: object) -> str:
    """What a message says it got: ``str 'abc'``, ``int 5``, ``null``, ``list``."""
    if value is None:
        return "null"
    name = type(value).__name__
    if isinstance(value, str):
        return name + " " + cut_repr(value)
    if isinstance(value, bool):
        return "bool " + repr(value)
    if isinstance(value, int):
        if value.bit_length() > 64:
            # str() of a huge int is slow, and refused past 4300 digits.
            return "%s of %d bits" % (name, value.bit_length())
        return "%s %d" % (name, value)
    if isinstance(value, float):
        return "%s %r" % (name, float(value))
    return name
