"""The ``typing`` names that the models' field annotations use, at no import cost.

Type checkers read the real ``typing`` names. At run time each name is a
stand-in that imports ``typing`` only when subscripted, which happens when a
tool such as ``typing.get_type_hints()`` evaluates an annotation: so the
annotations resolve to the real types, while ``import trackbalances`` does not
import ``typing``. A stand-in is never used bare in an annotation, always
subscripted (``Union[int, float]``, not an alias of it).
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sys
    from typing import Any, Mapping, Tuple, Union

    if sys.version_info >= (3, 8):
        from typing import Literal
    else:  # see _absent
        from typing_extensions import Literal

    def literal(*values: str) -> Any: ...

else:

    class _Form:
        """Stands for the ``typing`` special form of the same name (subscripted with
        ``args``, when it stands for a subscripted one, as ``literal()`` makes)."""

        __slots__ = ("name", "args")

        def __init__(self, name, args=None):
            self.name = name
            self.args = args

        def resolve(self):
            import typing

            if self.name == "Literal" and not hasattr(typing, "Literal"):
                form = _Python37Literal
            else:
                form = getattr(typing, self.name)
            return form if self.args is None else form[self.args]

        def __getitem__(self, args):
            if type(args) is not tuple:
                args = (args,)
            real = tuple(arg.resolve() if type(arg) is _Form else arg for arg in args)
            return self.resolve()[real if len(real) != 1 else real[0]]

        def __repr__(self):
            return "typing." + self.name

    class _Python37Literal:
        """``typing.Literal`` came with Python 3.8: on 3.7 a literal string hints ``str``."""

        def __class_getitem__(cls, values):
            return str

    def literal(*values):
        """``Literal[values]``, made when a tool evaluates the annotation that names it."""
        return _Form("Literal", values)

    Any = _Form("Any")
    Literal = _Form("Literal")
    Mapping = _Form("Mapping")
    Tuple = _Form("Tuple")
    Union = _Form("Union")

__all__ = ["Any", "Literal", "Mapping", "Tuple", "Union", "literal"]
