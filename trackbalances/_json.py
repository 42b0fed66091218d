"""JSON text in and out. The ``json`` module is imported on first use, not with the package.

JSON text is UTF-8 (RFC 8259), as ``bytes`` or as ``str``: a UTF-8 byte order mark
at its start is skipped, in ``bytes`` and ``str`` alike, and other encodings
(UTF-16, UTF-32) are refused. A key that appears twice in an object keeps its
last value, as with Python's ``json``.

An integer of more than 4300 digits in JSON text is refused, on every Python
and whatever ``sys.set_int_max_str_digits`` the process has set: reading it
would take time quadratic in its length. An int of up to 4300 digits is read
under any setting. An object may still
hold such an int (``from_dict`` takes the ints it is given), and it is written
out: Python refuses to turn it into text in one piece, so it is written in parts.
"""

# ``_dumps_long_ints`` walks untyped JSON data; see the note in ``_breakdown``.
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

import sys

from . import _mistakes
from ._errors import ValidationError, plain_str, type_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional, Tuple, Union

_scan: "Any" = None  # json's C scanner and encoder, made on first use (False if absent)
_encode: "Any" = None
_WHITESPACE = " \t\n\r"


class NotJSON(ValueError):
    """Text that is not UTF-8 JSON; the message says why and where, and ``hint``
    what the text seems to be instead (or None)."""

    def __init__(self, message: str, hint: "Optional[str]" = None) -> None:
        super().__init__(message)
        self.hint = hint


def decode(text: "Union[str, bytes]") -> "Any":
    """``json.loads`` of UTF-8 JSON text (exact ``str`` or ``bytes``), with every
    way it can fail turned into NotJSON."""
    global _scan
    if isinstance(text, str):
        string = text
    else:
        try:
            string = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise NotJSON("not UTF-8: %s at byte %d" % (error.reason, error.start)) from None
    if string[:1] == "\ufeff":
        string = string[1:]
    if _scan is None:
        _scan = _c_scanner()
    # Python's limit on the digits of an int read from text is the process's,
    # which any code in it may change (0: none). Where it is not the package's
    # own and the text is long enough to hold an int past the lower of the two,
    # the ints are read by the package's rule. The scanner refuses an int past
    # a lower limit itself (it is then read below); past a higher one, or none,
    # it must not be given one.
    limit = _python_limit()
    own_rule = limit != _MAX_DIGITS and len(string) > (min(limit, _MAX_DIGITS) or _MAX_DIGITS)
    if _scan and not (own_rule and not 0 < limit < _MAX_DIGITS and _long_digits(string)):
        # json's C scanner called directly, as json.loads calls it through two
        # layers of Python; anything it refuses is read again below for the message.
        try:
            start = (
                len(string) - len(string.lstrip(_WHITESPACE)) if string[:1] in _WHITESPACE else 0
            )
            value, end = _scan(string, start)
            if end == len(string) or not string[end:].strip(_WHITESPACE):
                return value
        except MemoryError:
            raise
        except Exception:
            pass
    return _slow_decode(string, own_rule)


def _slow_decode(text: str, own_int_rule: bool) -> "Any":
    import json

    hint = None
    try:
        if own_int_rule:
            return json.loads(text, parse_int=_int_of_at_most_4300_digits)
        return json.loads(text)
    except json.JSONDecodeError as error:
        reason = error.msg[:-3] if error.msg.endswith(" at") else error.msg  # PyPy's wording
        message = "%s at line %d column %d" % (reason, error.lineno, error.colno)
        if reason == "Extra data" and _second_document(text, error.pos):
            hint = _mistakes.JSON_LINES
    except RecursionError:
        message = "nested too deeply"
    except ValueError:  # an integer too long to read in linear time
        message = "an integer of more than %d digits" % _MAX_DIGITS
    raise NotJSON(message, hint)


def _second_document(text: str, at: int) -> bool:
    """Whether what follows the first document at ``at`` is a JSON document on a
    line of its own, as in JSON Lines (rather than any text after a newline)."""
    import json

    if "\n" not in text[:at].lstrip(_WHITESPACE):
        return False
    end = text.find("\n", at)
    try:
        json.loads(text[at : end if end >= 0 else len(text)])
    except (ValueError, RecursionError):
        return False
    return True


_MAX_DIGITS = 4300
_SAFE_DIGITS = 640  # the lowest limit Python may be set to: any int this long is read
# Python's own limit came with 3.11, and with 3.7.14, 3.8.14, 3.9.14 and 3.10.7.
_python_limit = getattr(sys, "get_int_max_str_digits", lambda: 0)
_ZEROS = "0" * (_MAX_DIGITS + 1)
_ALL_DIGITS_ZERO = str.maketrans("123456789", "000000000")


def _long_digits(text: str) -> bool:
    """Whether ``text`` may hold an int of more than 4300 digits: a search for a
    run of that many digits, several times faster than a regular expression."""
    return _ZEROS in text.translate(_ALL_DIGITS_ZERO)


def _c_scanner() -> "Any":
    """The function that json.loads(text) ends in, where it is C; else False (PyPy)."""
    import json

    module: "Any" = json  # older typeshed has no stub for json.scanner
    c_make_scanner = getattr(module.scanner, "c_make_scanner", None)
    return c_make_scanner(module.JSONDecoder()) if c_make_scanner else False


def _int_of_at_most_4300_digits(digits: str) -> int:
    count = len(digits) - (digits[0] == "-")
    if count > _MAX_DIGITS:
        raise ValueError("an integer of %d digits (at most %d)" % (count, _MAX_DIGITS))
    if count <= _SAFE_DIGITS:
        return int(digits)
    # Under a lower limit of the process's, read in parts that any limit allows.
    sign, digits = (-1, digits[1:]) if digits[0] == "-" else (1, digits)
    number = 0
    for start in range(0, count, _SAFE_DIGITS):
        part = digits[start : start + _SAFE_DIGITS]
        number = number * 10 ** len(part) + int(part)
    return sign * number


def loads(text: object) -> "Any":
    """``decode`` for ``from_json``: any problem is a ValidationError."""
    kind = type(text)
    data: "Union[str, bytes]"  # not ``text``: mypy < 1.16 joins str and bytes to Sequence[object]
    if kind is str or kind is bytes:
        data = text  # type: ignore[assignment]
    elif issubclass(kind, str):
        data = plain_str(text)
    elif issubclass(kind, (bytes, bytearray)):
        data = memoryview(text).tobytes()  # type: ignore[arg-type]
    else:
        raise ValidationError([((), "expected JSON text (str or bytes), got %s" % type_name(text))])
    try:
        return decode(data)
    except NotJSON as error:
        raise ValidationError([((), "invalid JSON: %s" % error)], hint=error.hint) from None


def dumps(data: "Dict[str, Any]", indent: "Union[int, str, None]") -> str:
    """JSON text of ``to_dict()`` data: compact unless indented, ASCII, never NaN."""
    global _encode
    try:
        if indent is None:
            if _encode is None:
                _encode = _compact_encoder()
            return "".join(_encode(data, 0))
        import json

        return json.dumps(data, indent=indent, allow_nan=False)
    except ValueError:  # an int too long for Python to write as text
        return _dumps_long_ints(data, indent)


def _compact_encoder() -> "Any":
    """The function that json.dumps(data, separators=(",", ":"), allow_nan=False)
    ends in: json's C encoder where there is one, made once rather than per call,
    with no check for cycles (``to_dict`` data has none); else Python's."""
    import json.encoder

    c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
    c_encode_basestring_ascii = getattr(json.encoder, "c_encode_basestring_ascii", None)
    if c_make_encoder is None or c_encode_basestring_ascii is None:  # PyPy: json in Python
        encoder = json.JSONEncoder(separators=(",", ":"), allow_nan=False)

        def encode(data: object, level: int) -> "Tuple[str]":
            return (encoder.encode(data),)

        return encode
    return c_make_encoder(
        None, _not_json, c_encode_basestring_ascii, None, ":", ",", False, False, False
    )


def _not_json(value: object) -> "Any":
    raise TypeError("not JSON data: %s" % type_name(value))


def _dumps_long_ints(data: "Dict[str, Any]", indent: "Union[int, str, None]") -> str:
    # Each int that Python refuses to write stands as a unique string while the
    # rest is encoded, and its digits then take that string's place.
    import json
    import os

    nonce = os.urandom(8).hex()
    digits: "List[str]" = []
    root: "List[Any]" = [data]
    stack: "List[Tuple[Any, Any]]" = [(root, 0)]
    while stack:
        parent, key = stack.pop()
        value = parent[key]
        if type(value) is dict:
            value = parent[key] = dict(value)
            stack.extend((value, k) for k in value)
        elif type(value) is list:
            value = parent[key] = list(value)
            stack.extend((value, i) for i in range(len(value)))
        elif type(value) is int and not _writable(value):
            parent[key] = "%s:%d" % (nonce, len(digits))
            digits.append(("-" if value < 0 else "") + _digits(abs(value)))
    separators = (",", ":") if indent is None else None
    text = json.dumps(root[0], indent=indent, separators=separators, allow_nan=False)
    for index, number in enumerate(digits):
        text = text.replace('"%s:%d"' % (nonce, index), number, 1)
    return text


def _writable(number: int) -> bool:
    try:
        repr(number)
    except ValueError:
        return False
    return True


def _digits(number: int) -> str:
    # Halves that Python will write, from divmod by a power of ten (which no
    # limit stops): time quadratic in the digits, as Python's own str() was.
    if _writable(number):
        return repr(number)
    half = int(number.bit_length() * 0.30103) // 2
    high, low = divmod(number, 10**half)
    return _digits(high) + _digits(low).rjust(half, "0")
