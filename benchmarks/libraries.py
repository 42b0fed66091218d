"""The libraries of the benchmark: trackbalances and its peers, each doing the four
operations in its own idiom on the two kinds of payload ("balance", "response").

A peer that cannot be imported here is absent, with the reason; never an error.
"""

import json
import os
import sys

OPERATIONS = ("dict to object", "object to dict", "JSON to object", "object to JSON")


class Library:
    """One column of the tables: ``ops[kind][operation]`` is a one-argument function
    (an operation the library does not have is left out)."""

    def __init__(self, name, about, import_statement, load):
        self.name = name
        self.about = about  # what it is, for the README
        self.import_statement = import_statement  # timed in a fresh process (None: not timed)
        self._load = load  # () -> (ops, versions), may raise ImportError
        self.ops = None
        self.versions = ""
        self.absent = None  # why it is not here

    def load(self):
        try:
            self.ops, self.versions = self._load()
        except NotNeeded as error:
            self.absent = str(error)
        except Exception as error:  # an ImportError, or a package too old or broken here
            self.absent = "%s: %s" % (type(error).__name__, str(error).splitlines()[0][:120])
        return self.ops is not None


def version(distribution):
    try:
        from importlib.metadata import version as get
    except ImportError:  # Python 3.7
        from importlib_metadata import version as get  # pydantic's dependency there
    try:
        return get(distribution)
    except Exception:
        return "?"


def four(load, dump, load_json, dump_json):
    return dict(zip(OPERATIONS, (load, dump, load_json, dump_json)))


def ours():
    import trackbalances as tb

    def ops(cls):
        return four(cls.from_dict, cls.to_dict, cls.from_json, cls.to_json)

    ops = {"balance": ops(tb.TrackBalances), "response": ops(tb.TrackResponse)}
    return ops, "trackbalances %s" % tb.__version__


BASELINE = None  # run.py --baseline: a directory holding an older copy of the package
BASELINE_NAME = "baseline"


def baseline():
    """The package at an older commit, imported as ``trackbalances_baseline`` (a copy
    works under any name), so that both are timed in one process."""
    if not BASELINE:
        raise NotNeeded("not run: no --baseline given")
    import importlib.util

    folder = os.path.join(BASELINE, "trackbalances")
    if not os.path.isdir(folder):  # DIR is the package folder itself
        folder = BASELINE
    name = "trackbalances_baseline"
    init = os.path.join(folder, "__init__.py")
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[folder])
    if spec is None or spec.loader is None:
        raise ImportError("no package in %s" % BASELINE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)

    def ops(cls):
        return four(cls.from_dict, cls.to_dict, cls.from_json, cls.to_json)

    ops = {"balance": ops(module.TrackBalances), "response": ops(module.TrackResponse)}
    return ops, "trackbalances %s" % module.__version__


def pydantic_ops(cls):
    return four(cls.model_validate, cls.model_dump, cls.model_validate_json, cls.model_dump_json)


def sdk():
    from autumn_sdk.models import Balance, TrackResponseBody1

    ops = {"balance": pydantic_ops(Balance), "response": pydantic_ops(TrackResponseBody1)}
    return ops, "autumn-sdk %s (pydantic %s)" % (version("autumn-sdk"), version("pydantic"))


def sdk_unmarshal():
    """What the SDK runs on every response it reads: ``track()`` on a 200 body is
    ``unmarshal_json(http_res.text, TrackResponseBody1)``."""
    from autumn_sdk.models import Balance, TrackResponseBody1
    from autumn_sdk.utils.serializers import unmarshal_json

    ops = {
        "balance": {"JSON to object": lambda text: unmarshal_json(text, Balance)},
        "response": {"JSON to object": lambda text: unmarshal_json(text, TrackResponseBody1)},
    }
    return ops, "autumn-sdk %s" % version("autumn-sdk")


class NotNeeded(Exception):
    pass


def imitation():
    if "SDK" in LOADED:  # the imitation stands in only where the SDK itself is absent
        raise NotNeeded("not run: the SDK itself is here")
    from peers import sdk_pydantic as m

    ops = {"balance": pydantic_ops(m.Balance), "response": pydantic_ops(m.TrackResponseBody1)}
    return ops, "SDK imitation on pydantic %s" % version("pydantic")


def msgspec_lib():
    import msgspec
    from peers import msgspec_structs as m

    def ops(cls):
        encoder = msgspec.json.Encoder()
        return four(
            lambda data: msgspec.convert(data, type=cls),
            msgspec.to_builtins,
            msgspec.json.Decoder(cls).decode,
            encoder.encode,
        )

    ops = {"balance": ops(m.TrackBalances), "response": ops(m.TrackResponse)}
    return ops, "msgspec %s" % version("msgspec")


def cattrs_lib():
    from typing import Optional

    import cattrs.preconf.json
    from peers import dataclass_models as m

    converter = cattrs.preconf.json.make_converter()

    def number(value, _type):  # cattrs takes no Union of int and float by itself
        if type(value) not in (int, float):
            raise TypeError("not a number: %r" % (value,))
        return value

    def to(value, _type):
        return value if value == "inf" else number(value, _type)

    def optional(value, _type):
        return None if value is None else number(value, _type)

    converter.register_structure_hook(m.Number, number)
    converter.register_structure_hook(Optional[m.Number], optional)  # cattrs < 24 needs it
    converter.register_structure_hook(m.To, to)

    def ops(cls):
        return four(
            lambda data: converter.structure(data, cls),
            converter.unstructure,
            lambda text: converter.loads(text, cls),
            converter.dumps,
        )

    ops = {"balance": ops(m.TrackBalances), "response": ops(m.TrackResponse)}
    return ops, "cattrs %s" % version("cattrs")


def mashumaro_lib():
    from mashumaro.codecs.basic import BasicDecoder, BasicEncoder
    from mashumaro.codecs.json import JSONDecoder, JSONEncoder
    from peers import dataclass_models as m

    def ops(cls):
        return four(
            BasicDecoder(cls).decode,
            BasicEncoder(cls).encode,
            JSONDecoder(cls).decode,
            JSONEncoder(cls).encode,
        )

    ops = {"balance": ops(m.TrackBalances), "response": ops(m.TrackResponse)}
    return ops, "mashumaro %s" % version("mashumaro")


def floor():
    from peers import floor as m

    ops = four(m.to_object, m.to_dict, m.from_json, m.to_json)
    return {"balance": ops, "response": ops}, "no package"


def checked_floor():
    from peers import floor as m

    ops = {"dict to object": m.checked_object, "JSON to object": m.checked_from_json}
    return {"balance": ops, "response": ops}, "no package"


OURS = "trackbalances"
LIBRARIES = [
    Library(OURS, "this package", "import trackbalances", ours),
    Library(
        BASELINE_NAME,
        "with `run.py --baseline DIR`: the package at an older commit (the previous "
        "release), imported under another name and timed in the same process",
        None,  # its import is not timed
        baseline,
    ),
    Library(
        "SDK",
        "the official SDK, autumn-sdk 1.2.0: its pydantic models `Balance` and "
        "`TrackResponseBody1`, with `model_validate`, `model_dump`, `model_validate_json` "
        "and `model_dump_json`",
        "from autumn_sdk.models import Balance, TrackResponseBody1",
        sdk,
    ),
    Library(
        "SDK unmarshal_json",
        "the SDK's own path from response text to model, `unmarshal_json(text, model)`, "
        "which every `track()` call runs (it builds a pydantic model class per call)",
        None,  # its import is the SDK's
        sdk_unmarshal,
    ),
    Library(
        "SDK imitation",
        "where the SDK does not install: `benchmarks/peers/sdk_pydantic.py`, pydantic models "
        "written as the SDK's are (fields, types, defaults, open enums, serializers)",
        "import peers.sdk_pydantic",
        imitation,
    ),
    Library(
        "msgspec",
        "frozen `msgspec.Struct`s (`peers/msgspec_structs.py`) with `msgspec.convert`, "
        "`msgspec.to_builtins` and its JSON decoder and encoder",
        "import peers.msgspec_structs",
        msgspec_lib,
    ),
    Library(
        "cattrs",
        "plain frozen dataclasses (`peers/dataclass_models.py`) with a cattrs JSON converter",
        "import peers.dataclass_models, cattrs.preconf.json",
        cattrs_lib,
    ),
    Library(
        "mashumaro",
        "the same dataclasses with mashumaro's basic and JSON codecs",
        "import peers.dataclass_models, mashumaro.codecs.basic, mashumaro.codecs.json",
        mashumaro_lib,
    ),
    Library(
        "floor",
        "a lower bound for any pure-Python reader of trackbalances's layout "
        "(`peers/floor.py`): one dict copy and one new object per JSON object of the "
        "payload, found beforehand, nothing walked, linked or checked; back, one dict copy "
        "per object; plus the C scanner or encoder of `json` on the same text",
        None,
        floor,
    ),
    Library(
        "checked floor",
        "the floor and what a reader of trackbalances's design must do beyond it to check "
        "each value (`peers/floor.py`): walk the payload, a call per JSON object, and test "
        "each value's type once, arrays made tuples; for reading only",
        None,
        checked_floor,
    ),
]
LOADED = {}  # name -> Library, those that loaded here


def load_all():
    """Load every library; returns those present (ours first)."""
    for library in LIBRARIES:
        if library.load():
            LOADED[library.name] = library
    if OURS not in LOADED:
        raise SystemExit("cannot import trackbalances: " + LIBRARIES[0].absent)
    return list(LOADED.values())


def check(shapes):
    """Every library reads every shape; ours gives each back exactly; where both the
    SDK and its imitation are here, the imitation gives what the SDK gives."""
    for shape, (kind, payload) in shapes.items():
        text = json.dumps(payload)
        for library in LOADED.values():
            ops = library.ops[kind]
            obj = None
            if "dict to object" in ops:
                obj = ops["dict to object"](payload)
            if "object to dict" in ops:
                ops["object to dict"](obj)
                ops["object to JSON"](obj)
            ops["JSON to object"](text)
        ours_obj = LOADED[OURS].ops[kind]["dict to object"](payload)
        if LOADED[OURS].ops[kind]["object to dict"](ours_obj) != payload:
            raise AssertionError("trackbalances does not give back the %s payload" % shape)
        if "SDK" in LOADED and "pydantic" in sys.modules:
            from peers import sdk_pydantic

            model = {"balance": sdk_pydantic.Balance, "response": sdk_pydantic.TrackResponseBody1}
            sdk_dump = LOADED["SDK"].ops[kind]["dict to object"](payload).model_dump()
            if model[kind].model_validate(payload).model_dump() != sdk_dump:
                raise AssertionError("peers/sdk_pydantic.py differs from the SDK on " + shape)
