"""How the benchmark measures: CPU time (not wall time) of short batches of calls,
the libraries interleaved batch by batch (A B C A B C ...), the best batch of many."""

import gc
import os
import subprocess
import sys
import time

clock = getattr(time, "thread_time", time.process_time)  # CPU time of this thread
PYPY = sys.implementation.name == "pypy"


def batch(function, argument, number):
    """CPU seconds per call over ``number`` calls."""
    start = clock()
    for _ in range(number):
        function(argument)
    return (clock() - start) / number


def calibrate(function, argument, seconds):
    """How many calls make a batch of about ``seconds`` (at least one), and the
    seconds per call seen meanwhile."""
    number = 1
    while True:
        per_call = batch(function, argument, number)
        if per_call * number >= seconds / 4 or number >= 1 << 20:
            return max(1, int(seconds / max(per_call, 1e-9))), per_call
        number *= 4


def warm_up(function, argument, seconds):
    """Run a while first, so that PyPy's JIT has compiled what it will."""
    deadline = clock() + seconds
    function(argument)
    while clock() < deadline:
        function(argument)


def interleaved(cases, plan, collector=True):
    """{name: (function, argument)} -> {name: best CPU seconds per call}.

    Every round runs one batch of each case in turn, starting from a collected heap
    with the next case each time;
    ``plan`` says how long a batch lasts, how long the rounds may take in all, and
    their fewest and most. ``collector=False`` runs the batches with gc disabled."""
    for function, argument in cases.values():
        warm_up(function, argument, plan.warmup)
    numbers, one_round = {}, 0.0
    for name, (function, argument) in cases.items():
        numbers[name], per_call = calibrate(function, argument, plan.batch)
        one_round += numbers[name] * per_call
    rounds = int(plan.budget / max(one_round, 1e-9))
    rounds = max(plan.min_rounds, min(plan.max_rounds, rounds))
    best = dict.fromkeys(cases, float("inf"))
    names = list(cases)
    for index in range(rounds):
        gc.collect()
        # Each round starts with the next library: the first batch after a collection can
        # be slower (on free-threaded 3.13, twice as slow for a large response).
        for name in names[index % len(names) :] + names[: index % len(names)]:
            function, argument = cases[name]
            if not collector:
                gc.disable()
            try:
                best[name] = min(best[name], batch(function, argument, numbers[name]))
            finally:
                gc.enable()
    return best


class Plan:
    def __init__(self, batch, budget, min_rounds, max_rounds, warmup):
        self.batch, self.budget, self.warmup = batch, budget, warmup
        self.min_rounds, self.max_rounds = min_rounds, max_rounds


def import_times(statements, runs, paths):
    """{name: statement} -> {name: best CPU milliseconds to run it in a fresh interpreter}.

    The interpreters run one after another, library after library, ``runs`` times
    (after one unmeasured round, which also writes the bytecode caches)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed code: compiled once, not every time
    code = "import time; t = time.process_time(); %s; print(time.process_time() - t)"
    best = dict.fromkeys(statements, float("inf"))
    for run in range(runs + 1):
        for name, statement in statements.items():
            out = subprocess.run(
                [sys.executable, "-c", code % statement],
                env=env,
                check=True,
                stdout=subprocess.PIPE,
                universal_newlines=True,
            )
            if run:
                best[name] = min(best[name], float(out.stdout) * 1000)
    return best


def retained_memory(loads, payload):
    """{name: load} -> {name: bytes that the object read from ``payload`` keeps}
    (tracemalloc; None on PyPy, which has no tracemalloc)."""
    if PYPY:
        return None
    import tracemalloc

    out = {}
    for name, load in loads.items():
        load(payload)  # caches filled outside the measurement
        gc.collect()
        tracemalloc.start()
        obj = load(payload)
        gc.collect()
        out[name] = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del obj
    return out


def growth(loads, make_payload, sizes, plan):
    """Microseconds per balance of ``load`` on payloads of each size, with the cyclic
    garbage collector on (as a script runs) and off: {"gc on": {size: {name: us}}}."""
    out = {"gc on": {}, "gc off": {}}
    for size in sizes:
        payload = make_payload(size)
        cases = {name: (load, payload) for name, load in loads.items()}
        for state in out:
            best = interleaved(cases, plan, collector=state == "gc on")
            out[state][size] = {name: seconds / size * 1e6 for name, seconds in best.items()}
    return out
