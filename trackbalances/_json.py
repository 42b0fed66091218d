"""JSON text in and out. The ``json`` module is imported on first use, not with the package."""

from ._errors import ValidationError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Union

_compact_encoder = None


class NotJSON(ValueError):
    """Text that ``json`` cannot read; the message says why and where."""


def decode(text: "Union[str, bytes, bytearray]") -> "Any":
    """``json.loads``, with every way it can fail turned into NotJSON."""
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        reason = error.msg[:-3] if error.msg.endswith(" at") else error.msg  # PyPy's wording
        message = "%s at line %d column %d" % (reason, error.lineno, error.colno)
    except UnicodeDecodeError as error:
        message = "not UTF-8 (%s)" % error.reason
    except RecursionError:
        message = "nested too deeply"
    except ValueError as error:  # an integer too long to convert
        message = str(error)
    raise NotJSON(message)


def loads(text: object) -> "Any":
    """``decode`` for ``from_json``: any problem is a ValidationError."""
    if not isinstance(text, (str, bytes, bytearray)):
        raise ValidationError(
            [((), "expected JSON text (str or bytes), got %s" % type(text).__name__)]
        )
    try:
        return decode(text)
    except NotJSON as error:
        raise ValidationError([((), "invalid JSON: %s" % error)]) from None


def dumps(data: "Dict[str, Any]", indent: "Union[int, str, None]") -> str:
    """JSON text of ``to_dict()`` data: compact unless indented, ASCII, never NaN."""
    global _compact_encoder
    import json

    if indent is not None:
        return json.dumps(data, indent=indent, allow_nan=False)
    if _compact_encoder is None:
        _compact_encoder = json.JSONEncoder(separators=(",", ":"), allow_nan=False)
    return _compact_encoder.encode(data)
