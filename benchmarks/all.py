"""Run the benchmark on every interpreter, one after another, and merge the results
into the tables of benchmarks/README.md.

    python3 benchmarks/all.py [--quick] [--venvs DIR] [--out DIR] [--markdown FILE]
                              [--baseline COMMIT_OR_DIR] [--python PATH ...]
    python3 benchmarks/all.py --merge OUT/*.json [--markdown FILE]

The interpreters: those given with --python, or else pyenv's CPython 3.7 and newer,
``pypy3`` on the PATH, and those listed in $TB_PYTHONS/list.txt (see .ci/pythons.sh).
Each gets a virtual environment of its own under --venvs (made if missing) with the
peers of requirements.txt that have a wheel for it, then runs ``run.py --json``
under ``nice``. Prints one line per interpreter and the targets of every one.
--baseline times the package at an older commit beside this one (``run.py
--baseline``): a directory holding its ``trackbalances`` folder, or a commit of
this repository, taken out with ``git archive``. --markdown writes the tables into
FILE, each between its two markers (``<!-- all.py: NAME -->`` and ``<!-- all.py:
end -->``), leaving the text around them as it is; a FILE without markers gets the
tables alone. Runs on any Python 3.7+, with the standard library.
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
REQUIREMENTS = os.path.join(HERE, "requirements.txt")

import report  # noqa: E402
from libraries import BASELINE_NAME  # noqa: E402

DESCRIBE = (
    "import sys, sysconfig; print('%s-%d.%d%s' % (sys.implementation.name,"
    " sys.version_info[0], sys.version_info[1],"
    " 't' if sysconfig.get_config_var('Py_GIL_DISABLED') else ''))"
)


def discover():
    found = []
    pyenv = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    for path in glob.glob(os.path.join(pyenv, "versions", "3.*", "bin", "python")):
        found.append(path)
    if shutil.which("pypy3"):
        found.append(shutil.which("pypy3"))
    listed = os.path.join(os.environ.get("TB_PYTHONS", "/opt/tb-pythons"), "list.txt")
    if os.path.exists(listed):
        with open(listed) as file:
            found += [line.strip() for line in file if line.strip()]
    return found


def slug(python):
    """'cpython-3.12', 'cpython-3.13t', 'pypy-3.9', or None if it does not run."""
    try:
        out = subprocess.run([python, "-c", DESCRIBE], stdout=subprocess.PIPE, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.decode().strip()


def order(name):
    implementation, version = name.split("-")
    major, minor = version.rstrip("t").split(".")
    return (implementation != "cpython", int(major), int(minor), version.endswith("t"))


def make_venv(python, venv, log):
    """A virtual environment with pip; for an interpreter whose ensurepip lacks its
    wheels (Debian's, copied out of its root), pip comes from the distribution's
    wheel beside it (share/python-wheels)."""
    bin_python = os.path.join(venv, "bin", "python")
    pip_version = [bin_python, "-m", "pip", "--version"]
    if os.path.exists(bin_python) and subprocess.call(pip_version, stdout=log, stderr=log) == 0:
        return bin_python  # made before, and still working
    shutil.rmtree(venv, ignore_errors=True)
    if subprocess.call([python, "-m", "venv", venv], stdout=log, stderr=log) != 0:
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.check_call([python, "-m", "venv", "--without-pip", venv], stdout=log, stderr=log)
        prefix = subprocess.check_output([python, "-c", "import sys; print(sys.base_prefix)"])
        wheels = glob.glob(
            os.path.join(prefix.decode().strip(), "share", "python-wheels", "pip-*.whl")
        )
        if not wheels:
            raise RuntimeError("no pip for %s" % python)
        pip = os.path.join(wheels[0], "pip")
        subprocess.check_call([bin_python, pip, "install", "-q", wheels[0]], stdout=log, stderr=log)
    return bin_python


def install(bin_python, log):
    """The peers of requirements.txt that have a wheel here; returns the lines that do not."""
    pip = [bin_python, "-m", "pip", "install", "-q", "--only-binary", ":all:"]
    if subprocess.call(pip + ["-r", REQUIREMENTS], stdout=log, stderr=log) == 0:
        return []
    failed = []
    with open(REQUIREMENTS) as file:
        lines = [line.split("#")[0].strip() for line in file]
    for line in filter(None, lines):  # one at a time, each held to the pins of the file
        if subprocess.call(pip + ["-c", REQUIREMENTS, line], stdout=log, stderr=log) != 0:
            failed.append(line.split(";")[0].strip())
    return failed


def run_one(python, name, args):
    with open(os.path.join(args.out, name + ".log"), "w") as log:
        bin_python = make_venv(python, os.path.join(args.venvs, name), log)
        failed = install(bin_python, log)
        output = os.path.join(args.out, name + ".json")
        command = ["nice", "-n", "10", bin_python, os.path.join(HERE, "run.py"), "--json", output]
        if args.baseline:
            command += ["--baseline", args.baseline]
        with open(os.path.join(args.out, name + ".txt"), "w") as text:
            code = subprocess.call(
                command + (["--quick"] if args.quick else []), stdout=text, stderr=text
            )
    if code != 0:
        with open(os.path.join(args.out, name + ".txt")) as text:
            tail = text.read().splitlines()[-15:]
        return None, "FAILED (exit %d)\n    %s" % (code, "\n    ".join(tail))
    with open(output) as file:
        result = json.load(file)
    absent = [n for n, why in result["absent"].items() if not why.startswith("not run")]
    line = "ok: %d libraries (absent: %s; no wheel here: %s)" % (
        len(result["libraries"]),
        ", ".join(absent) or "none",
        ", ".join(failed) or "none",
    )
    if not args.quick:
        verdicts = [target.verdict() for target in report.targets(result)]
        counts = ", ".join("%d %s" % (verdicts.count(v), v) for v in ("PASS", "MISS", "SKIP"))
        line += "; targets: " + counts
    return result, line


def main_result(results):
    """The interpreter whose detailed tables are shown: CPython 3.12, else 3.11, else the first."""
    return next(
        (r for v in ("3.12", "3.11") for r in results if slug_of(r) == "cpython-" + v),
        results[0],
    )


def headline(results):
    return (
        "Ours / the floor's time, per operation; each cell gives the four shapes, %s:\n\n%s\n\n"
        "The checked floor / the floor's time, the same way: what walking the payload and "
        "testing each value's type once, and nothing more, adds to the floor, reading:\n\n%s"
    ) % (
        report.SHAPE_SIGNS,
        report.versus_table(results, "floor"),
        report.versus_table(results, "floor", "checked floor", report.READING),
    )


def baseline(results):
    found = report.versus_table(results, BASELINE_NAME)
    if not found:
        return "Not measured in this run (`all.py --baseline COMMIT`)."
    versions = {r["libraries"][BASELINE_NAME] for r in results if BASELINE_NAME in r["libraries"]}
    return (
        "This code / the baseline's time (%s), the two timed in one process, interleaved; "
        "each cell gives the four shapes, %s (below 1: this code is faster):\n\n%s"
        % ("; ".join(sorted(versions)), report.SHAPE_SIGNS, found)
    )


def rejecting(results):
    found = report.rejection_table(results)
    if not found:
        return "Not measured in this run."
    main = main_result([r for r in results if r.get("rejecting")])
    size = max(f["bytes"] for f in main["rejecting"].values())
    size = "%.0f MiB" % (size / 2**20) if size >= 2**20 else "%.0f KiB" % (size / 2**10)
    return (
        "Rejecting an invalid input of about %s, ours (`TrackBalances.from_json`) / "
        "`json.loads` of the same bytes; each cell gives CPU time · peak memory:\n\n%s\n\n"
        "%s, CPU milliseconds and peak memory in MiB:\n\n%s"
        % (size, found, report.label(main), report.rejection_detail(main))
    )


def peers(results):
    main = main_result(results)
    parts = ["Interpreters and the peers installed on each:", ""]
    for result in results:
        peers = [
            v
            for n, v in result["libraries"].items()
            if n not in (report.OURS, BASELINE_NAME, "SDK unmarshal_json", "floor")
        ]
        parts.append("- %s: %s" % (report.label(result), ", ".join(peers)))
    sizes = list(main["growth"]["gc on"])
    parts += [
        "",
        "Ours / the peer's time, per operation; each cell gives the four shapes, %s "
        "(below 1: trackbalances is faster; — where the peer is absent):" % report.SHAPE_SIGNS,
        "",
        report.ratio_tables(results),
        "",
        "%s, CPU microseconds per call (in brackets, ours / the peer's):" % report.label(main),
        "",
        report.full_table(main),
        "",
        "Memory kept by the parsed response 1000x3, KiB (`tracemalloc`, which PyPy lacks; "
        "in brackets, ours / the peer's):",
        "",
        report.memory_table(results),
        "",
        "Import of the library and its models in a fresh interpreter, CPU milliseconds, the "
        "best of %d runs, the statements taking turns:" % main["import runs"],
        "",
        report.import_table(results),
        "",
        "Dict to object on %s, CPU microseconds per balance, as the response grows "
        "(3 breakdown entries per balance):" % report.label(main),
        "",
        report.growth_tables(main),
        "",
        "How many times the time per balance at %s balances is that at %s, on every CPython "
        "(PyPy's `gc.disable()` stops only its major collections, so it has no such figures):"
        % (sizes[-1], sizes[0]),
        "",
        report.growth_summary([r for r in results if r["interpreter"]["implementation"] != "pypy"]),
        "",
        "The package's targets, each measured in the same run as a ratio (ours / the "
        "peer's) or in milliseconds: PASS where it holds, MISS where not, and for a miss, "
        "in brackets, what the floor and the checked floor (`peers/floor.py`) measured against "
        "the same peer:",
        "",
        report.targets_table(results),
    ]
    return "\n".join(parts)


SECTIONS = {"headline": headline, "baseline": baseline, "rejecting": rejecting, "peers": peers}
MARKER = "<!-- all.py: %s -->"


def write_markdown(path, results):
    """The tables into ``path``, each between its markers; a file without them (or a
    new one) gets the tables alone."""
    text = ""
    if os.path.exists(path):
        with open(path) as file:
            text = file.read()
    end = MARKER % "end"
    if MARKER % "headline" not in text:
        text = "".join("%s\n%s\n\n" % (MARKER % name, end) for name in SECTIONS)
    for name, make in SECTIONS.items():
        start = MARKER % name
        if start not in text:
            continue
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = "%s%s\n\n%s\n\n%s%s" % (before, start, make(results), end, after)
    with open(path, "w") as file:
        file.write(text)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="run.py --quick on each")
    parser.add_argument("--python", action="append", help="an interpreter (repeatable)")
    parser.add_argument("--venvs", help="where the virtual environments are kept (else a temp dir)")
    parser.add_argument("--out", help="where each interpreter's JSON, output and log go")
    parser.add_argument("--markdown", metavar="FILE", help="write the tables into FILE")
    parser.add_argument("--baseline", metavar="COMMIT_OR_DIR", help="an older copy to time too")
    parser.add_argument("--merge", nargs="+", metavar="JSON", help="only merge these results")
    args = parser.parse_args()
    temp = None
    if not (args.venvs and args.out) and not args.merge:
        temp = tempfile.mkdtemp(prefix="tb-bench-")
        args.venvs = args.venvs or os.path.join(temp, "venvs")
        args.out = args.out or os.path.join(temp, "out")
    results, status = [], 0
    if args.merge:
        for path in args.merge:
            with open(path) as file:
                results.append(json.load(file))
    else:
        for folder in (args.venvs, args.out):
            os.makedirs(folder, exist_ok=True)
        if args.baseline:
            is_folder = os.path.isdir(args.baseline)
            baseline = args.baseline if is_folder else checkout(args.baseline, args.out)
            args.baseline = os.path.abspath(baseline)
        names = {}
        for python in args.python or discover():
            name = slug(python)
            if name and name not in names and order(name)[1:3] >= (3, 7):
                names[name] = python
        for name in sorted(names, key=order):
            try:
                result, line = run_one(names[name], name, args)
            except (OSError, RuntimeError, subprocess.CalledProcessError) as error:
                result, line = None, "FAILED: %s (log: %s)" % (error, args.out)
            print("bench %-14s %s" % (name, line), flush=True)
            if result is None:
                status = 1
            else:
                results.append(result)
        print("results in %s" % args.out)
        if temp and args.venvs.startswith(temp):
            shutil.rmtree(args.venvs, ignore_errors=True)
    results.sort(key=lambda r: order(slug_of(r)))
    if results and not args.quick:
        print("\nTargets (ours / the peer's; MISS: not met):\n")
        print(report.targets_table(results))
    if results and args.markdown:
        write_markdown(args.markdown, results)
    return status


def checkout(commit, folder):
    """The package at ``commit`` of this repository, taken out into ``folder``."""
    target = os.path.join(folder, "baseline-" + commit.replace("/", "-"))
    os.makedirs(target, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", ROOT, "archive", commit, "trackbalances"], stdout=subprocess.PIPE, check=True
    )
    subprocess.run(["tar", "-x", "-C", target], input=archive.stdout, check=True)
    return target


def slug_of(result):
    info = result["interpreter"]
    return "%s-%d.%d%s" % (
        info["implementation"],
        info["version"][0],
        info["version"][1],
        "t" if info["free_threaded"] else "",
    )


if __name__ == "__main__":
    sys.exit(main())
