"""Benchmark trackbalances against the libraries its users would otherwise pick, on
the interpreter that runs this script.

    pip install --only-binary :all: -r benchmarks/requirements.txt
    python benchmarks/run.py [--quick] [--json out.json] [--baseline DIR]

Each peer models the same schema in its own idiom (``libraries.py``, ``peers/``);
a peer that cannot be imported here is left out, and the output says why. Times
are CPU time, the best of many short batches, the libraries interleaved batch by
batch. Prints the tables and a PASS/MISS line for each target of the package;
``--json`` also writes the results, which ``all.py`` merges across interpreters.
``--quick`` is a short pass (for CI): it proves that everything runs, not the figures.
``--baseline DIR`` adds an older copy of the package (DIR holds its ``trackbalances``
folder, as ``git archive COMMIT trackbalances`` gives it), imported under another name
and timed interleaved with this one: the "baseline" column, new / old.
Then ``rejecting.py``: what rejecting an invalid input costs, against ``json.loads``.
"""

import argparse
import json
import os
import platform
import sys
import sysconfig

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [ROOT, HERE]

import libraries  # noqa: E402
import measure  # noqa: E402
import rejecting  # noqa: E402
import report  # noqa: E402
from libraries import OPERATIONS, OURS  # noqa: E402
from payloads import GROWTH_SIZES, SHAPES, response  # noqa: E402

FULL = {
    "plan": measure.Plan(
        batch=0.002, budget=0.8, min_rounds=7, max_rounds=40, warmup=0.3 if measure.PYPY else 0.02
    ),
    "import runs": 25,
    "sizes": GROWTH_SIZES,
}
QUICK = {
    "plan": measure.Plan(batch=0.0002, budget=0.0, min_rounds=1, max_rounds=1, warmup=0.0),
    "import runs": 1,
    "sizes": GROWTH_SIZES[:2],
}


def interpreter():
    implementation = sys.implementation.name
    version = list(sys.version_info[:3])
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    if implementation == "pypy":
        pypy = ".".join(str(n) for n in sys.pypy_version_info[:3])
        name = "PyPy %s (%s)" % (pypy, platform.python_version())
    else:
        name = "%s %s" % (platform.python_implementation(), platform.python_version())
    if free_threaded:
        name += " free-threaded"
    return {
        "label": name,
        "implementation": implementation,
        "version": version,
        "free_threaded": free_threaded,
        "executable": sys.executable,
        "machine": "%s, %s" % (platform.machine(), platform.system()),
    }


def time_operations(present, plan):
    """{shape: {operation: {library: CPU seconds per call}}}"""
    results = {}
    for shape, (kind, payload) in SHAPES.items():
        text = json.dumps(payload)
        results[shape] = {}
        for operation in OPERATIONS:
            cases = {}
            for library in present:
                ops = library.ops[kind]
                if operation not in ops:
                    continue
                if operation == "dict to object":
                    argument = payload
                elif operation == "JSON to object":
                    argument = text
                else:
                    argument = ops["dict to object"](payload)
                cases[library.name] = (ops[operation], argument)
            results[shape][operation] = measure.interleaved(cases, plan)
    return results


def run(settings):
    present = libraries.load_all()
    libraries.check(SHAPES)
    plan = settings["plan"]
    result = {
        "interpreter": interpreter(),
        "quick": settings is QUICK,
        "libraries": {lib.name: lib.versions for lib in present},
        "absent": {lib.name: lib.absent for lib in libraries.LIBRARIES if lib.absent},
    }
    if measure.PYPY and settings is FULL:  # a first pass over every case, for the JIT
        time_operations(present, measure.Plan(0.002, 0.5, min_rounds=1, max_rounds=40, warmup=0.2))
    result["times"] = time_operations(present, plan)
    statements = {
        "dataclasses alone": "import dataclasses",
        "dataclasses and typing": "import dataclasses, typing",
    }
    statements.update((lib.name, lib.import_statement) for lib in present if lib.import_statement)
    result["import runs"] = settings["import runs"]
    result["imports"] = measure.import_times(statements, settings["import runs"], [ROOT, HERE])
    loads = {
        lib.name: lib.ops["response"]["dict to object"]
        for lib in present
        if "dict to object" in lib.ops["response"]
    }
    result["memory"] = measure.retained_memory(loads, SHAPES["response 1000x3"][1])
    names = [OURS, "SDK", "SDK imitation", "msgspec", "floor"]
    growing = {name: load for name, load in loads.items() if name in names}
    result["growth"] = measure.growth(growing, response, settings["sizes"], plan)
    result["rejecting"] = rejecting.run(quick=settings is QUICK)
    return result


def show(result):
    info = result["interpreter"]
    print("%s on %s (%s)" % (info["label"], info["machine"], info["executable"]))
    for name, versions in result["libraries"].items():
        print("  %-20s %s" % (name, versions))
    for name, why in result["absent"].items():
        print("  %-20s %s" % (name, why if why.startswith("not run") else "absent here: " + why))
    if result["quick"]:
        print("(--quick: a short pass that proves the benchmark runs; its figures mean little)")
    print("\nOurs / the floor's time; each cell: %s\n" % report.SHAPE_SIGNS)
    print(report.versus_table([result], "floor"))
    print("\nThe checked floor / the floor's time; each cell: %s\n" % report.SHAPE_SIGNS)
    print(report.versus_table([result], "floor", "checked floor", report.READING))
    if libraries.BASELINE_NAME in result["libraries"]:
        print("\nOurs / the baseline's time (%s):\n" % result["libraries"][libraries.BASELINE_NAME])
        print(report.versus_table([result], libraries.BASELINE_NAME))
    print("\nRejecting an invalid input, against json.loads of the same text:\n")
    print(report.rejection_detail(result))
    print("\nMicroseconds per call, CPU time, best of many batches; (ours / the peer's):\n")
    print(report.full_table(result))
    print("\nImport in a fresh interpreter, CPU milliseconds (best of many):\n")
    print(report.import_table([result]))
    if result["memory"]:
        print("\nMemory kept by the parsed response 1000x3, KiB (ours / the peer's):\n")
        print(report.memory_table([result]))
    print("\nDict to object, CPU microseconds per balance, by balances in the response:\n")
    print(report.growth_tables(result))
    print("\nTargets (ours / the peer's, this run):")
    for line in report.target_lines(result):
        print("  " + line)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a short pass: proves it runs")
    parser.add_argument("--json", metavar="FILE", help="also write the results to FILE")
    parser.add_argument("--baseline", metavar="DIR", help="an older copy of the package to time")
    args = parser.parse_args()
    libraries.BASELINE = args.baseline
    result = run(QUICK if args.quick else FULL)
    show(result)
    if args.json:
        with open(args.json, "w") as file:
            json.dump(result, file, indent=1)


if __name__ == "__main__":
    main()
