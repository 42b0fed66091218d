"""Writes REFERENCE.md, the field reference, from the models themselves.

    python3 tools/reference.py           # rewrite REFERENCE.md
    python3 tools/reference.py --check   # exit 1 if REFERENCE.md is stale

Every model's fields come from ``dataclasses.fields()``, their wire types from
the field annotations, their descriptions from the ``Attributes:`` section of
the class docstring, and the open enums from ``trackbalances/_enums.py``.

The annotations are strings (``"Union[int, float, AbsentType]"``). They are
evaluated here against stand-ins of this script's own, not through
``typing.get_type_hints()``, whose reprs and simplifications differ from one
Python to the next (on 3.7 a ``Literal`` even resolves to ``str``): so every
interpreter writes the same text. Standard library only, Python 3.7 and newer.
"""

import ast
import dataclasses
import inspect
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "REFERENCE.md")
COMMAND = "python3 tools/reference.py"

if __name__ == "__main__":  # run as a script: the package of this checkout
    sys.path.insert(0, ROOT)

import trackbalances  # noqa: E402
from trackbalances import _enums  # noqa: E402

# --- the types, as the wire has them --------------------------------------------------------


class Wire:
    """A wire type: its text, and whether it allows null and absence."""

    def __init__(self, text, null=False, absent=False):
        self.text = text
        self.null = null
        self.absent = absent


class Marker:
    """What an annotation names: ``None``, ``AbsentType``, a number type, an open enum's
    literal type, a literal, ``Any``, or a model."""

    def __init__(self, kind, value=None):
        self.kind = kind
        self.value = value


class Form:
    """Stands for ``Union``, ``Tuple``, ``Mapping`` or ``Literal``, subscripted."""

    def __init__(self, name):
        self.name = name

    def __getitem__(self, args):
        args = args if type(args) is tuple else (args,)
        return (self.name, args)


def link(name):
    return "[%s](#%s)" % (name, name.lower())


def wire(annotation):
    """The wire type of an evaluated annotation."""
    null = absent = False
    members = []
    if type(annotation) is tuple and annotation[0] == "Union":
        parts = annotation[1]
    else:
        parts = (annotation,)
    for part in parts:
        if part is None:
            null = True
        elif isinstance(part, Marker) and part.kind == "absent":
            absent = True
        else:
            members.append(part)
    kinds = [m.kind if isinstance(m, Marker) else None for m in members]
    texts = []
    if "int" in kinds and "float" in kinds:
        texts.append("number")
    if "enum" in kinds:
        enum = members[kinds.index("enum")].value
        texts.append("string, open enum %s" % link(enum.__name__))
    for member, kind in zip(members, kinds):
        if kind in ("int", "float", "enum") or (member is str and "enum" in kinds):
            continue
        texts.append(one(member))
    return Wire(" or ".join(texts), null, absent)


def one(member):
    if member is str:
        return "string"
    if member is bool:
        return "boolean"
    if isinstance(member, Marker):
        if member.kind == "literal":
            return " or ".join('`"%s"`' % value for value in member.value)
        if member.kind == "any":
            return "any JSON value"
        if member.kind == "model":
            return link(member.value.__name__)
        return member.kind  # an int or a float alone
    name, args = member
    if name == "Literal":
        return one(Marker("literal", args))
    if name == "Tuple":
        return "array of " + inner(args[0])
    if name == "Mapping":
        if isinstance(args[1], Marker) and args[1].kind == "any":
            return "object"
        return "object of " + inner(args[1])
    inside = wire(member)
    return inside.text + (" or null" if inside.null else "")


def inner(annotation):
    text = one(annotation)
    return "(%s)" % text if " or " in text else text


def evaluate(cls, name):
    """The annotation of field ``name`` of ``cls``, evaluated against the stand-ins."""
    annotation = cls.__annotations__[name]
    if type(annotation) is not str:
        return annotation
    module = sys.modules[cls.__module__]
    namespace = {
        "None": None,
        "int": Marker("int"),
        "float": Marker("float"),
        "str": str,
        "bool": bool,
        "Any": Marker("any"),
        "AbsentType": Marker("absent"),
        "Union": Form("Union"),
        "Tuple": Form("Tuple"),
        "Mapping": Form("Mapping"),
        "Literal": Form("Literal"),
    }
    for word in re.findall(r"[A-Za-z_]\w*", re.sub(r"'[^']*'", "", annotation)):
        if word in namespace:
            continue
        if word.endswith("Literal") and isinstance(
            getattr(_enums, word[: -len("Literal")], None), _enums.OpenEnum
        ):
            namespace[word] = Marker("enum", getattr(_enums, word[: -len("Literal")]))
        elif dataclasses.is_dataclass(getattr(module, word, None)):
            namespace[word] = Marker("model", getattr(module, word))
        else:
            raise ValueError("%s.%s: cannot render %r" % (cls.__name__, name, word))
    return eval(annotation, {"__builtins__": {}}, namespace)


# --- the descriptions, from the docstrings --------------------------------------------------


def prose(text):
    """Docstring markup as Markdown: ``x`` and :role:`x` as code, lines joined."""
    text = " ".join(text.split())
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text)
    text = text.replace("``", "`")
    return text.replace("|", "\\|")


def docstring(cls):
    """(paragraphs before ``Attributes:``, {field: description}) of a class docstring."""
    # cleandoc: Python 3.13 and newer strip the indentation at compile time, older ones not.
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
    head, attributes, current = [], {}, None
    in_attributes = False
    for line in lines[1:]:
        stripped = line.strip()
        if stripped == "Attributes:":
            in_attributes = True
            continue
        if not in_attributes:
            head.append(stripped)
            continue
        match = re.match(r"^ {4}(\w+): (.*)$", line)
        if match:
            current = match.group(1)
            attributes[current] = match.group(2)
        elif stripped and current:
            attributes[current] += " " + stripped
    paragraphs = "\n".join([lines[0].strip()] + head).split("\n\n") if lines else []
    return [prose(p) for p in paragraphs if p.strip()], attributes


def constant_docs():
    """{(enum class name, constant name): the docstring that follows the constant} from the
    source of ``_enums``: the constants' own docstrings exist only there."""
    with open(_enums.__file__, encoding="utf-8") as file:
        tree = ast.parse(file.read())
    docs = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        previous = None
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                previous = statement.target.id
                continue
            if previous and isinstance(statement, ast.Expr):
                # Python 3.7 parses a string as ast.Str, later ones as ast.Constant.
                node_value = statement.value
                if isinstance(node_value, ast.Constant):
                    value = node_value.value
                else:
                    value = getattr(node_value, "s", None)
                if type(value) is str:
                    docs[node.name, previous] = prose(value)
            previous = None
    return docs


# --- the models, in the order a track response holds them ------------------------------------


def models_in_order():
    """Every model reachable from ``TrackResponse``, depth first in field order, with the
    places that hold it: {model: [(parent, field name)]}."""
    found = {}

    def visit(cls, parent, name):
        if cls in found:
            found[cls].append((parent, name))
            return
        found[cls] = [(parent, name)] if parent else []
        for field in dataclasses.fields(cls):
            annotation = evaluate(cls, field.name)
            for child in nested_models(annotation):
                visit(child, cls, field.name + container(annotation))

    visit(trackbalances.TrackResponse, None, None)
    public = {
        value
        for value in (getattr(trackbalances, n) for n in trackbalances.__all__)
        if dataclasses.is_dataclass(value)
    }
    if set(found) != public:
        raise ValueError("models not reached from TrackResponse: %s" % (public - set(found)))
    return found


def container(annotation):
    """``[]`` for an array, ``{}`` for an object of values, as paths are written."""
    if type(annotation) is tuple:
        if annotation[0] == "Tuple":
            return "[]"
        if annotation[0] == "Mapping":
            return "{}"
        for arg in annotation[1]:
            if container(arg):
                return container(arg)
    return ""


def nested_models(annotation):
    if isinstance(annotation, Marker):
        if annotation.kind == "model":
            yield annotation.value
    elif type(annotation) is tuple:
        for arg in annotation[1]:
            yield from nested_models(arg)


def enum_users(models):
    users = {}
    for cls in models:
        for field in dataclasses.fields(cls):
            annotation = evaluate(cls, field.name)
            parts = annotation[1] if type(annotation) is tuple else (annotation,)
            for part in parts:
                if isinstance(part, Marker) and part.kind == "enum":
                    users.setdefault(part.value, []).append("`%s.%s`" % (cls.__name__, field.name))
    return users


# --- the page -------------------------------------------------------------------------------

INTRO = """\
# Field reference

Every model of `trackbalances`, field by field, as the API sends it (versions 2.1.0 to
2.5.0), and the open enums with their known values. `{command}` writes this
page from the models themselves (their fields, annotations and docstrings): do not edit
it by hand.

How to read the tables:

- **Field** is the key on the wire and the attribute in Python.
- **Type** is the JSON type: `string`, `number` (an integer or a fraction; in Python an
  `int` or a `float`, kept as sent), `boolean`, `array of X` (a `tuple` in Python),
  `object of X` (a JSON object whose values are X; a read-only mapping in Python),
  `object` (any JSON values, carried as given, read-only), or a model of this page. An
  open enum is a string whose known values are listed at the end; any other string is
  kept too.
- **Required**: the key must be in the payload; a missing one is an error.
- **Absent**: the key may be left out; the field then reads as `ABSENT`, and `to_dict()`
  leaves it out again.
- **Null**: `null` is a legal value; the field then reads as `None`. Where a field may not
  be null, `null` is an error.
- **Default**: the value of the field when its key is absent, which is also the
  constructor's default; nothing is filled in. A field without one must be given.

Every model also has `extra`: the keys the model does not know (from a newer API), kept as
given in a read-only mapping and written back in their places. `obj.unrecognized()` lists
them, with unknown enum values.
"""

HEADER = (
    "| Field | Type | Required | Absent | Null | Default | Description |\n"
    "|---|---|---|---|---|---|---|"
)


def yes(flag):
    return "yes" if flag else "no"


class Row:
    """One field of a model, as its table shows it."""

    def __init__(self, cls, field, attributes):
        if field.name not in attributes:
            raise ValueError("%s.%s: no description in the docstring" % (cls.__name__, field.name))
        self.name = field.name
        self.wire = wire(evaluate(cls, field.name))
        self.required = field.default is dataclasses.MISSING
        if self.required == self.wire.absent:
            raise ValueError("%s.%s: a default goes with AbsentType" % (cls.__name__, field.name))
        self.default = "—" if self.required else "`%r`" % (field.default,)
        self.description = prose(attributes[field.name])

    def __str__(self):
        cells = (
            "`%s`" % self.name,
            self.wire.text,
            yes(self.required),
            yes(self.wire.absent),
            yes(self.wire.null),
            self.default,
            self.description,
        )
        return "| %s |" % " | ".join(cells)


def rows(cls):
    """The rows of a model's table: every field but ``extra``, which holds unknown keys."""
    _, attributes = docstring(cls)
    return [Row(cls, f, attributes) for f in dataclasses.fields(cls) if f.name != "extra"]


def model_section(cls, places):
    paragraphs, _ = docstring(cls)
    lines = ["## " + cls.__name__, ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    if places:
        held = ", ".join("%s `%s`" % (link(parent.__name__), name) for parent, name in places)
        lines += ["Held by: %s." % held, ""]
    lines.append(HEADER)
    lines += [str(row) for row in rows(cls)]
    return lines + [""]


def enum_section(enum, users, docs):
    lines = ["### " + enum.__name__, ""]
    paragraphs, _ = docstring(enum)
    lines += paragraphs + [""]
    lines += ["Used by: %s." % ", ".join(users), ""]
    lines += ["| Value | Constant | Meaning |", "|---|---|---|"]
    for name, value in vars(enum).items():
        if name.isupper() and type(value) is str:
            meaning = docs.get((enum.__name__, name), "")
            lines.append('| `"%s"` | `%s.%s` | %s |' % (value, enum.__name__, name, meaning))
    return lines + [""]


def render():
    models = models_in_order()
    lines = INTRO.format(command=COMMAND).splitlines() + [""]
    lines += ["The models, from the whole response down:", ""]
    lines += ["- " + link(cls.__name__) for cls in models]
    lines.append("- [Open enums](#open-enums)")
    lines.append("")
    for cls, places in models.items():
        lines += model_section(cls, places)
    lines += [
        "## Open enums",
        "",
        "String fields whose values the API may extend. The known values are constants of",
        'classes importable from `trackbalances` (`FeatureType.METERED == "metered"`), which can',
        "be listed (`list(FeatureType)`) and asked (`value in FeatureType`); a value that is not",
        "known is kept as the string it is.",
        "",
    ]
    users, docs = enum_users(models), constant_docs()
    for enum in vars(_enums).values():
        if isinstance(enum, _enums.OpenEnum):
            lines += enum_section(enum, users[enum], docs)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv):
    text = render()
    if argv[1:] == ["--check"]:
        with open(OUTPUT, encoding="utf-8") as file:
            if file.read() != text:
                print("REFERENCE.md is stale: run %s" % COMMAND, file=sys.stderr)
                return 1
        return 0
    if argv[1:]:
        print("usage: %s [--check]" % COMMAND, file=sys.stderr)
        return 2
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
