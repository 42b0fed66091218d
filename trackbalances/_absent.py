"""The ``ABSENT`` sentinel: the value of a field whose key was not in the payload."""

import enum

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sys

    if sys.version_info >= (3, 8):
        from typing import Final, Literal
    else:  # what a type checker whose typeshed gates them on 3.8 (mypy < 1.9) needs
        from typing_extensions import Final, Literal


class AbsentType(enum.Enum):
    """The type of :data:`ABSENT`, with that one member.

    An enum with a single member is what lets type checkers narrow
    ``x is ABSENT`` / ``x is not ABSENT``, and an enum member stays the same
    object through pickle, ``copy`` and ``deepcopy``.
    """

    ABSENT = "ABSENT"

    def __bool__(self) -> "Literal[False]":
        return False

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: "Final" = AbsentType.ABSENT
"""The key was not in the payload (``None`` means the payload said ``null``)."""
