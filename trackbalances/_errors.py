"""``ValidationError``: the problems of a payload, each at its path.

Every part of a message that comes from the input (a key, a value, a type's
name) is quoted with ``ascii()`` and cut short, so that a message is always
one short line: no newline, no invisible or look-alike character, no 10 MB
string ends up in a log.
"""

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Tuple, Union

    Path = Tuple[Union[str, int], ...]

    class _ErrorDetail(NamedTuple):
        path: Path
        message: str

else:
    _ErrorDetail = namedtuple("ErrorDetail", ("path", "message"))

MAX_ERRORS = 100
"""How many problems a ValidationError lists; the rest are counted."""

MAX_MORE = 10_000
"""How many problems past those listed a reading counts: at one more, it stops,
so that rejecting the most broken input costs a bounded reading."""


class ErrorDetail(_ErrorDetail):
    """One problem: ``path``, where it is (a tuple of keys and list indexes), and
    ``message``, what it is. ``str()`` gives ``path: message``."""

    __slots__ = ()

    def __str__(self) -> str:
        return format_path(self.path) + ": " + self.message if self.path else self.message


if TYPE_CHECKING:
    _Problems = List[Tuple[Path, str]]
else:
    _Problems = list


class ErrorList(_Problems):
    """The problems found so far: the first ``MAX_ERRORS`` kept, the next
    ``MAX_MORE`` counted, and at one more ``TooManyProblems`` raised, which ends
    the reading: a report takes bounded time and memory however broken the input is."""

    more = 0
    valid: "Optional[Dict[int, Tuple[object, int]]]" = None  # what ``Invalid.valid`` noted

    def append(self, problem: "Tuple[Path, str]") -> None:
        if len(self) < MAX_ERRORS:
            super().append(problem)
        elif self.more < MAX_MORE:
            self.more += 1
        else:
            raise TooManyProblems  # again at each append, should anything catch it


class TooManyProblems(Exception):
    """What ``ErrorList.append`` raises past ``MAX_MORE`` counted problems."""


class Invalid(Exception):
    """What ``FIRST_PROBLEM.append`` raises: the input has a problem.

    On its way out, each array or map of objects that it stops notes how many of
    its first items were read without one (``_checks.objects``), so that the
    reading for the report starts there: a problem at the end of a long array
    costs one reading of it, not two."""

    valid: "Optional[Dict[int, Tuple[object, int]]]" = None
    """``id(container) -> (container, items read without a problem)``; the
    container is kept, so that its id stays its own."""

    def note_valid(self, container: object, count: int) -> None:
        if self.valid is None:
            self.valid = {}
        self.valid[id(container)] = (container, count)


class _FirstProblem(_Problems):
    """The errors of a first reading, which expects valid input, as almost all
    input is: the first problem ends it (the input is then read again with an
    ``ErrorList``, which collects them), so valid input makes no list."""

    __slots__ = ()

    def append(self, problem: "Tuple[Path, str]") -> None:
        raise Invalid


FIRST_PROBLEM = _FirstProblem()


class ValidationError(ValueError):
    """The payload does not match the schema.

    ``errors`` holds the problems found, in payload order, as
    :class:`ErrorDetail` ``(path, message)`` pairs: every one of them up to
    100; ``more`` counts those left out after that. ``str()`` lists them one
    per line, as in
    ``breakdown[0].reset.resets_at: expected a number or null, got str 'abc'``,
    and ends with a line ``... and N more problems`` when some were left out.

    Reading stops after counting 10,000 problems past the 100 listed:
    ``stopped`` is then true, ``more`` is a lower bound, and the last line says
    ``... and at least 10000 more problems (reading stopped there)``.

    ``hint`` is None, or what the payload seems to be instead when it looks like
    a usual mistake (a response of an older API version, an API error answer,
    a whole response given to ``Balance``); ``str()`` then ends with a line
    ``hint: ...``. The problems themselves are the same with or without it.
    """

    def __init__(
        self,
        errors: "Iterable[Tuple[Path, str]]",
        more: int = 0,
        stopped: bool = False,
        hint: "Optional[str]" = None,
    ) -> None:
        self.errors = tuple(ErrorDetail(path, message) for path, message in errors)
        self.more = more
        self.stopped = stopped
        self.hint = hint
        lines = [str(detail) for detail in self.errors]
        if stopped:
            lines.append("... and at least %d more problems (reading stopped there)" % more)
        elif more:
            lines.append("... and %d more problems" % more)
        if hint:
            lines.append("hint: " + hint)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> "Tuple[Any, ...]":
        # The default would call ValidationError(message) on unpickling.
        return (type(self), (self.errors, self.more, self.stopped, self.hint))


# A subclass of str, int or float as its base type, by the base type's own
# arithmetic: no method a subclass overrides is called (str.__str__ and
# int.__int__ would call the subclass's own on PyPy).
def plain_str(value: "Any") -> str:
    return str.__add__(value, "")


def plain_int(value: "Any") -> int:
    return int.__add__(value, 0)


def plain_float(value: "Any") -> float:
    return float.__mul__(value, 1.0)  # keeps -0.0, which adding 0.0 would not


_CUT = 40  # characters of a key or value quoted in a message
_PATH_PARTS = 12  # parts of a path shown; a longer path shows its first and last ones


def format_path(path: "Path") -> str:
    """``("breakdown", 0, "reset")`` as ``breakdown[0].reset``; a very long path
    shows its first and last parts."""
    pieces: "List[str]" = []
    for part in path:
        if type(part) is int:
            pieces.append("[%d]" % part)
        elif type(part) is str and part.isidentifier() and part.isascii() and len(part) <= _CUT:
            pieces.append("." + part)
        else:
            pieces.append("[" + cut_repr(part) + "]")
    if len(pieces) > _PATH_PARTS:
        left_out = "[...%d more...]" % (len(pieces) - _PATH_PARTS + 1)
        pieces = pieces[:4] + [left_out] + pieces[-(_PATH_PARTS - 5) :]
    return "".join(pieces)[1:] if pieces and pieces[0][0] == "." else "".join(pieces)


def cut_repr(text: object, cut: int = _CUT) -> str:
    """``text`` quoted with ``ascii()`` and cut to ``cut`` characters of quoted
    text (and a subclass's methods never called). The cut comes after the
    quoting, which writes one character as up to ten."""
    text = plain_str(text) if issubclass(type(text), str) else "<%s>" % type_name(text)
    kept = min(len(text), cut)
    quoted = ascii(text[:kept])
    while len(quoted) > cut + 2:  # the quotes come on top
        kept -= max(1, (len(quoted) - cut - 2) // 10)  # a character quotes as at most 10
        quoted = ascii(text[:kept])
    if kept == len(text):
        return quoted
    return "%s... (%d characters)" % (quoted, len(text))


def escaped(text: str) -> str:
    """``text`` with anything but printable ASCII written as ``ascii()`` writes
    it (``\\n``, ``\\x1b``, ``\\u202e``): one line that a terminal shows as it is."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(c if " " <= c <= "~" else ascii(c)[1:-1] for c in text)


def type_name(value: object) -> str:
    """The name of ``value``'s type, quoted if it is not a plain identifier."""
    name = type(value).__name__
    if name.isidentifier() and name.isascii() and len(name) <= _CUT:
        return name
    return cut_repr(name)


def describe_error(error: BaseException) -> str:
    """An exception as one short line: its type and message, quoted and cut."""
    try:
        message = str(error)
    except Exception:  # a caller's exception whose __str__ fails too
        message = ""
    return type_name(error) + (": " + cut_repr(message) if message else "")


def describe(value: object) -> str:
    """What a message says it got: ``str 'abc'``, ``int 5``, ``null``, ``list``.

    Read with the base types' own operations, so that a subclass that
    overrides them cannot lie or raise here.
    """
    if value is None:
        return "null"
    kind = type(value)
    name = type_name(value)
    if issubclass(kind, str):
        return name + " " + cut_repr(value)
    if kind is bool:
        return "bool " + repr(value)
    if issubclass(kind, int):
        number = plain_int(value)
        if number.bit_length() > 64:
            # str() of a huge int is slow, and refused past 4300 digits.
            return "%s of %d bits" % (name, number.bit_length())
        return "%s %d" % (name, number)
    if issubclass(kind, float):
        return "%s %r" % (name, plain_float(value))
    return name


def cut_number(value: "Union[int, float]", width: int = 24) -> str:
    """A number as JSON writes it (``100``, ``100.0``) if that fits in ``width``
    characters; else shortened visibly, as ``~1.23e14``. A huge int is
    shortened from its size, without writing all its digits."""
    if isinstance(value, float) or value.bit_length() <= 64:
        exact = repr(value)
        if len(exact) <= width:
            return exact
    if isinstance(value, float):
        shorter = ("~" + ("%.*g" % (p, value)).replace("e+", "e") for p in range(width - 1, 0, -1))
        return next((s for s in shorter if len(s) <= width), ("~%.0e" % value).replace("e+", "e"))
    sign, magnitude = ("-", -value) if value < 0 else ("", value)
    # Its leading digits: at least 40 of them, as 10**shift is no larger than it.
    shift = max(int(magnitude.bit_length() * 0.30102) - 40, 0)
    leading = str(magnitude // 10**shift)
    if not shift and len(sign + leading) <= width:
        return sign + leading
    exponent = "e%d" % (len(leading) + shift - 1)
    fractions = (leading[1:precision].rstrip("0") for precision in range(width - 1, 0, -1))
    shorter = ("~" + sign + leading[0] + ("." + f if f else "") + exponent for f in fractions)
    return next((s for s in shorter if len(s) <= width), "~" + sign + leading[0] + exponent)
