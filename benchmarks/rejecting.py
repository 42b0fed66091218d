"""What rejecting an invalid input costs, against ``json.loads`` of the same text.

For each case, JSON text of about the given size that ``TrackBalances.from_json``
rejects: its CPU time, the best of a few calls interleaved with ``json.loads`` of the
same bytes, and its peak memory, each in a fresh interpreter of its own. Peak memory is
the growth of the process's peak resident set over its resident set just before the
call, the text already read from a file (Linux: ``VmHWM`` and ``VmRSS`` of
/proc/self/status, the peak reset first through /proc/self/clear_refs; elsewhere
``ru_maxrss``): it counts every page the call touches, the interpreter's own included,
garbage not yet collected too, and works on CPython and PyPy alike (``tracemalloc``
sees only Python's own allocations, and PyPy has no ``tracemalloc``).

    python benchmarks/rejecting.py [--size BYTES]     # the table, on this interpreter
"""

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
for _path in (HERE, ROOT):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import measure  # noqa: E402
from payloads import MINIMAL, TYPICAL, breakdown_entry  # noqa: E402

SIZE = 2 << 20  # bytes of JSON text per case
QUICK_SIZE = 64 << 10


def _with_array(balance, key, item, size):
    """``balance`` as JSON text whose ``key`` is an array of ``item`` (JSON text),
    repeated to make about ``size`` bytes in all."""
    head, tail = json.dumps(dict(balance, **{key: "@"})).split('"@"')
    count = max(1, (size - len(head) - len(tail)) // (len(item) + 1))
    return (head + "[" + ",".join([item] * count) + "]" + tail).encode()


def broken_entries(size):
    """Many broken entries: a balance whose ``breakdown`` holds ``{}`` entries (nine
    missing keys each)."""
    return _with_array(MINIMAL, "breakdown", "{}", size)


def nan_in_unknown_array(size):
    """Many values that are not JSON values: an unknown key's array of ``NaN``."""
    return _with_array(TYPICAL, "later", "NaN", size)


def deep_values(size):
    """Many deep values: an unknown key's array of values nested 250 deep, past the
    200 levels that a value may have."""
    return _with_array(TYPICAL, "later", "[" * 250 + "]" * 250, size)


def too_deep_for_json(size):
    """One deep value: a single array nested as deep as the text is long, which the
    ``json`` module itself cannot read."""
    depth = size // 2
    return ("[" * depth + "]" * depth).encode()


def one_problem_at_the_end(size):
    """A valid balance of many breakdown entries but for the last one: the whole
    text is read twice, once up to its problem and once for the report."""
    entry = json.dumps(breakdown_entry(0))
    text = _with_array(TYPICAL, "breakdown", entry, size).decode()
    start = text.rindex('"remaining": ')
    return (text[:start] + '"remaining": "x"' + text[text.index(",", start) :]).encode()


CASES = {
    "broken entries": broken_entries,
    "NaN in an unknown array": nan_in_unknown_array,
    "deep values": deep_values,
    "too deep for JSON": too_deep_for_json,
    "one problem at the end": one_problem_at_the_end,
}
OPERATIONS = ("json.loads", "trackbalances")


def operation(name):
    """The function that ``name`` stands for, called on the bytes of a case (ours
    raises if it accepts the input)."""
    if name == "json.loads":

        def json_loads(text):
            try:
                return json.loads(text)
            except (ValueError, RecursionError):  # too deep for json itself
                return None

        return json_loads
    import trackbalances as tb

    def reject(text):
        try:
            tb.TrackBalances.from_json(text)
        except tb.ValidationError:
            return
        raise AssertionError("trackbalances accepted an invalid input")

    return reject


def times(texts, quick):
    """{case: {operation: best CPU seconds per call}}, the operations interleaved."""
    plan = measure.Plan(
        batch=0.0,  # one call a batch
        budget=0.0 if quick else 1.0,
        min_rounds=1 if quick else 3,
        max_rounds=1 if quick else 7,
        warmup=0.3 if measure.PYPY and not quick else 0.0,
    )
    out = {}
    for case, text in texts.items():
        cases = {name: (operation(name), text) for name in OPERATIONS}
        out[case] = measure.interleaved(cases, plan)
    return out


def _status(field):
    """A figure of /proc/self/status in bytes (Linux), or None where there is none."""
    try:
        with open("/proc/self/status") as file:
            for line in file:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024  # "VmRSS:  1234 kB"
    except (OSError, ValueError, IndexError):
        pass
    return None


def _reset_peak():
    """Sets the process's peak resident set (VmHWM) to its resident set now, where Linux
    allows it; else the peak is that of the process so far, which the text read just
    before the call about equals."""
    try:
        with open("/proc/self/clear_refs", "w") as file:
            file.write("5")
    except OSError:
        pass


def _peak():
    peak = _status("VmHWM")  # this process's own: ru_maxrss keeps its parent's across exec
    if peak is None:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak *= 1 if sys.platform == "darwin" else 1024  # KiB elsewhere
    return peak


def peak_growth(path, name):
    """Bytes by which calling ``name`` on the text in ``path`` raises this process's
    peak resident set over its resident set before the call; for a fresh process."""
    function = operation(name)
    function(b'{"granted": "x"}')  # first-use imports and caches, outside the measurement
    with open(path, "rb") as file:
        text = file.read()
    gc.collect()
    _reset_peak()
    before = _status("VmRSS")
    before = _peak() if before is None else before
    function(text)
    return max(0, _peak() - before)


def memory(texts):
    """{case: {operation: peak growth in bytes}}, each measured in a fresh interpreter."""
    out = {}
    folder = tempfile.mkdtemp(prefix="tb-rejecting-")
    try:
        for case, text in texts.items():
            path = os.path.join(folder, "case.json")
            with open(path, "wb") as file:
                file.write(text)
            out[case] = {}
            for name in OPERATIONS:
                command = [sys.executable, os.path.abspath(__file__), "--peak", path, name]
                found = subprocess.check_output(command, universal_newlines=True)
                out[case][name] = int(found)
            os.remove(path)
    finally:
        os.rmdir(folder)
    return out


def run(quick=False, size=None):
    """The rejection figures of this interpreter, for ``run.py``'s results."""
    size = size or (QUICK_SIZE if quick else SIZE)
    texts = {case: make(size) for case, make in CASES.items()}
    timed = times(texts, quick)
    peaks = memory(texts)
    return {
        case: {"bytes": len(text), "time": timed[case], "memory": peaks[case]}
        for case, text in texts.items()
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, help="bytes of JSON text per case (%d)" % SIZE)
    parser.add_argument("--quick", action="store_true", help="small inputs, one call each")
    parser.add_argument("--peak", nargs=2, metavar=("FILE", "OPERATION"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        print(peak_growth(*args.peak))
        return
    import report

    result = {"rejecting": run(args.quick, args.size)}
    print(report.rejection_detail(result))


if __name__ == "__main__":
    main()
