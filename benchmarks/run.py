"""Benchmark trackbalances against the libraries its users would otherwise pick.

    pip install -r benchmarks/requirements.txt && python benchmarks/run.py

Each peer models the same schema in its own idiom (``peers/``). Timings are the
minimum over repeats, with the libraries interleaved in every repeat, so that
all share whatever the machine is doing. ``--quick`` runs a short pass (for CI:
it proves the benchmark still runs, not the figures).
"""

import argparse
import dataclasses
import gc
import json
import os
import platform
import subprocess
import sys
import time
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [ROOT, HERE]

import cattrs.preconf.json  # noqa: E402
import dacite  # noqa: E402
import msgspec  # noqa: E402
from mashumaro.codecs.basic import BasicDecoder, BasicEncoder  # noqa: E402
from mashumaro.codecs.json import JSONDecoder, JSONEncoder  # noqa: E402
from payloads import SHAPES, response  # noqa: E402
from peers import dataclass_models, msgspec_structs, sdk_pydantic  # noqa: E402

import trackbalances  # noqa: E402

OPERATIONS = ["dict to object", "object to dict", "JSON to object", "object to JSON"]


@dataclasses.dataclass
class Library:
    """How one library does the four operations for a model class."""

    name: str
    module: object
    make: object  # (cls) -> (load, dump, load_json, dump_json)
    import_statement: str

    def functions(self, class_name):
        return self.make(getattr(self.module, class_name))


def ours(cls):
    return cls.from_dict, cls.to_dict, cls.from_json, cls.to_json


def pydantic_sdk(cls):
    return cls.model_validate, cls.model_dump, cls.model_validate_json, cls.model_dump_json


def msgspec_lib(cls):
    decoder = msgspec.json.Decoder(cls)
    encoder = msgspec.json.Encoder()
    return (
        lambda data: msgspec.convert(data, type=cls),
        msgspec.to_builtins,
        decoder.decode,
        encoder.encode,
    )


_cattrs = cattrs.preconf.json.make_converter()


def _number(value, _type):
    if type(value) not in (int, float):
        raise TypeError("not a number: %r" % (value,))
    return value


_cattrs.register_structure_hook(dataclass_models.Number, _number)


def cattrs_lib(cls):
    return (
        lambda data: _cattrs.structure(data, cls),
        _cattrs.unstructure,
        lambda text: _cattrs.loads(text, cls),
        _cattrs.dumps,
    )


def dacite_lib(cls):
    return (
        lambda data: dacite.from_dict(cls, data),
        dataclasses.asdict,
        lambda text: dacite.from_dict(cls, json.loads(text)),
        lambda obj: json.dumps(dataclasses.asdict(obj)),
    )


def mashumaro_lib(cls):
    return (
        BasicDecoder(cls).decode,
        BasicEncoder(cls).encode,
        JSONDecoder(cls).decode,
        JSONEncoder(cls).encode,
    )


LIBRARIES = [
    Library("trackbalances", trackbalances, ours, "import trackbalances"),
    Library("pydantic (SDK style)", sdk_pydantic, pydantic_sdk, "import peers.sdk_pydantic"),
    Library("msgspec", msgspec_structs, msgspec_lib, "import peers.msgspec_structs"),
    Library(
        "cattrs", dataclass_models, cattrs_lib, "import peers.dataclass_models, cattrs.preconf.json"
    ),
    Library("dacite", dataclass_models, dacite_lib, "import peers.dataclass_models, dacite"),
    Library(
        "mashumaro",
        dataclass_models,
        mashumaro_lib,
        "import peers.dataclass_models, mashumaro.codecs",
    ),
]


def best_time(function, argument, number, best_so_far):
    """Seconds per call over ``number`` calls, or ``best_so_far`` if that was less.

    Each batch starts from a collected heap, so that no library inherits the
    garbage of the one before it."""
    gc.collect()
    start = time.perf_counter()
    for _ in range(number):
        function(argument)
    elapsed = (time.perf_counter() - start) / number
    return min(elapsed, best_so_far)


def calibrate(function, argument, budget):
    """How many calls take about ``budget`` seconds."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            function(argument)
        if time.perf_counter() - start > budget / 4 or number > 1_000_000:
            return max(1, int(number * budget / max(time.perf_counter() - start, 1e-9)))
        number *= 4


def time_operations(repeats, budget):
    """{(shape, operation): {library: seconds per call}}"""
    results = {}
    for shape, (class_name, payload) in SHAPES.items():
        text = json.dumps(payload)
        cases = {}
        for library in LIBRARIES:
            load, dump, load_json, dump_json = library.functions(class_name)
            obj = load(payload)
            cases[library.name] = [
                (load, payload),
                (dump, obj),
                (load_json, text),
                (dump_json, obj),
            ]
        for index, operation in enumerate(OPERATIONS):
            plan = {}
            for name, calls in cases.items():
                function, argument = calls[index]
                plan[name] = (function, argument, calibrate(function, argument, budget))
            best = {name: float("inf") for name in plan}
            for _ in range(repeats):
                for name, (function, argument, number) in plan.items():
                    best[name] = best_time(function, argument, number, best[name])
            results[(shape, operation)] = best
    return results


def import_times(runs):
    """Milliseconds to import each library and its models in a fresh interpreter (best of runs)."""
    statements = {"dataclasses alone": "import dataclasses"}
    statements.update((lib.name, lib.import_statement) for lib in LIBRARIES)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([ROOT, HERE]), PYTHONDONTWRITEBYTECODE="")
    code = "import time; t = time.perf_counter(); %s; print(time.perf_counter() - t)"
    best = {name: float("inf") for name in statements}
    for _ in range(runs):
        for name, statement in statements.items():
            out = subprocess.run(
                [sys.executable, "-c", code % statement],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            best[name] = min(best[name], float(out.stdout) * 1000)
    return best


def retained_memory():
    """Bytes each library keeps for the parsed 1,000-balance response."""
    payload = SHAPES["response 1000x3"][1]
    out = {}
    for library in LIBRARIES:
        load = library.functions("TrackResponse")[0]
        load(payload)  # warm caches outside the measurement
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        obj = load(payload)
        gc.collect()
        out[library.name] = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del obj
    return out


def scaling(sizes, repeats, collector):
    """Microseconds per balance of dict to object, for responses of each size,
    with CPython's cyclic garbage collector on (as a script runs) or off."""
    names = ["trackbalances", "pydantic (SDK style)", "msgspec"]
    loads = {lib.name: lib.functions("TrackResponse")[0] for lib in LIBRARIES if lib.name in names}
    out = {}
    for size in sizes:
        payload = response(size)
        number = max(1, 20_000 // size)
        best = {name: float("inf") for name in names}
        for _ in range(repeats):
            for name in names:
                if not collector:
                    gc.disable()
                try:
                    best[name] = best_time(loads[name], payload, number, best[name])
                finally:
                    gc.enable()
        out[size] = {name: best[name] / size * 1e6 for name in names}
    return out


def check_round_trips():
    """Every library must read every shape, and ours must give it back exactly."""
    for shape, (class_name, payload) in SHAPES.items():
        for library in LIBRARIES:
            load, dump, load_json, _ = library.functions(class_name)
            load(payload)
            load_json(json.dumps(payload))
        obj = getattr(trackbalances, class_name).from_dict(payload)
        assert obj.to_dict() == payload, shape


def markdown_table(results):
    names = [lib.name for lib in LIBRARIES]
    lines = [
        "| shape | operation | " + " | ".join(names) + " |",
        "|---|---|" + "---:|" * len(names),
    ]
    for (shape, operation), best in results.items():
        ours_time = best["trackbalances"]
        cells = ["%.2f" % (ours_time * 1e6)]
        for name in names[1:]:
            cells.append("%.2f (%.2fx)" % (best[name] * 1e6, best[name] / ours_time))
        lines.append("| %s | %s | %s |" % (shape, operation, " | ".join(cells)))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="a short pass that only proves the benchmark runs"
    )
    args = parser.parse_args()
    repeats, budget, import_runs = (2, 0.01, 2) if args.quick else (7, 0.1, 15)
    sizes = [10, 100] if args.quick else [10, 100, 1000, 10000]

    check_round_trips()
    print(
        "Python %s (%s) on %s, %s"
        % (
            platform.python_version(),
            platform.python_implementation(),
            platform.machine(),
            platform.processor() or platform.platform(),
        )
    )
    print(
        "peers: "
        + ", ".join(
            "%s %s" % (m, _version(m))
            for m in ("pydantic", "msgspec", "cattrs", "dacite", "mashumaro")
        )
    )
    print()
    print(
        "Microseconds per call (best of %d), and each peer's time as a multiple of ours:" % repeats
    )
    print()
    results = time_operations(repeats, budget)
    print(markdown_table(results))

    imports = import_times(import_runs)
    print()
    print("Import, with the models, in a fresh interpreter (ms, best of %d):" % import_runs)
    print()
    print("| " + " | ".join(imports) + " |")
    print("|" + "---:|" * len(imports))
    print("| " + " | ".join("%.1f" % v for v in imports.values()) + " |")

    memory = retained_memory()
    print()
    print("Memory kept by the parsed 1,000-balance response (KiB):")
    print()
    print("| " + " | ".join(memory) + " |")
    print("|" + "---:|" * len(memory))
    print("| " + " | ".join("%.0f" % (v / 1024) for v in memory.values()) + " |")

    growth = {}
    for collector in (True, False):
        growth[collector] = scaling(sizes, repeats, collector)
        print()
        state = "on" if collector else "off"
        print(
            "Dict to object, microseconds per balance, by balances (garbage collector %s):" % state
        )
        print()
        names = list(growth[collector][sizes[0]])
        print("| balances | " + " | ".join(names) + " |")
        print("|---:|" + "---:|" * len(names))
        for size, row in growth[collector].items():
            print("| %d | %s |" % (size, " | ".join("%.2f" % row[n] for n in names)))

    print()
    print("Targets (ratios of our time or memory to the peer's):")
    for label, value, limit, unit in targets(results, imports, memory, growth, sizes):
        verdict = "met" if value <= limit else "MISSED"
        print("  %-52s %7.2f%s  (at most %.2f%s)  %s" % (label, value, unit, limit, unit, verdict))


def targets(results, imports, memory, growth, sizes):
    """(label, measured, limit, unit) for each target of the package."""
    limits = {"dict to object": (0.7, 4.0), "object to dict": (0.1, 2.0)}
    out = []
    for (shape, operation), best in results.items():
        if operation in limits:
            ours_time = best["trackbalances"]
            for peer, limit in zip(("pydantic (SDK style)", "msgspec"), limits[operation]):
                label = "%s, %s: vs %s" % (shape, operation, peer.split()[0])
                out.append((label, ours_time / best[peer], limit, "x"))
    out.append(
        ("memory: vs pydantic", memory["trackbalances"] / memory["pydantic (SDK style)"], 0.5, "x")
    )
    out.append(
        (
            "import: ms over dataclasses alone",
            imports["trackbalances"] - imports["dataclasses alone"],
            3.0,
            " ms",
        )
    )
    small, large = (sizes[1] if len(sizes) > 2 else sizes[0]), sizes[-1]
    for collector in (True, False):
        rows = growth[collector]
        label = "per balance, %d vs %d balances, gc %s" % (
            large,
            small,
            "on" if collector else "off",
        )
        out.append((label, rows[large]["trackbalances"] / rows[small]["trackbalances"], 1.5, "x"))
    return out


def _version(module):
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:
        return "?"


if __name__ == "__main__":
    main()
