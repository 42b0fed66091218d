"""Markdown tables and target verdicts from the results of run.py (one interpreter
each, as ``run.py --json`` writes them). Ratios are ours / the peer's: below 1,
trackbalances takes less time (or memory)."""

from libraries import BASELINE_NAME, LIBRARIES, OPERATIONS, OURS

NAMES = [library.name for library in LIBRARIES]
PEERS = [name for name in NAMES[1:] if name != BASELINE_NAME]  # the baseline has its own table
SHAPE_SIGNS = "minimal · typical · full · 1000x3"
READING = ("dict to object", "JSON to object")  # the operations of the checked floor


def label(result):
    return result["interpreter"]["label"]


def ratio(result, shape, operation, peer, mine=OURS):
    times = result["times"].get(shape, {}).get(operation, {})
    if mine not in times or peer not in times:
        return None
    return times[mine] / times[peer]


def fmt_ratio(value):
    if value is None:
        return "—"
    return "%.3f" % value if value < 0.095 else "%.2f" % value


def fmt_us(seconds):
    us = seconds * 1e6
    return "%.2f" % us if us < 100 else "%.0f" % us


def table(header, rows, numeric_from=1):
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + "---|" * numeric_from + "---:|" * (len(header) - numeric_from))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def present(results, names, has):
    """The names that have something in at least one result."""
    return [name for name in names if any(has(result, name) for result in results)]


def ratio_tables(results):
    """One table per operation: a row per interpreter, a column per peer, each cell the
    ratios on the four shapes."""
    out = []
    for operation in OPERATIONS:
        cells = {}  # (interpreter, peer) -> the ratios on the four shapes
        for result in results:
            for peer in PEERS:
                ratios = [ratio(result, shape, operation, peer) for shape in result["times"]]
                if any(r is not None for r in ratios):
                    cells[label(result), peer] = " · ".join(fmt_ratio(r) for r in ratios)
        columns = [peer for peer in PEERS if any(key[1] == peer for key in cells)]
        rows = [
            [label(result)] + [cells.get((label(result), peer), "—") for peer in columns]
            for result in results
        ]
        out.append("**%s**\n\n%s" % (operation, table(["interpreter"] + columns, rows)))
    return "\n\n".join(out)


def full_table(result):
    """Microseconds per call of every library, shape and operation on one interpreter."""
    names = [n for n in NAMES if n in result["libraries"]]
    rows = []
    for shape, operations in result["times"].items():
        for operation, times in operations.items():
            cells = [fmt_us(times[OURS])]
            for peer in names[1:]:
                mine = ratio(result, shape, operation, peer)
                cells.append("%s (%s)" % (fmt_us(times[peer]), fmt_ratio(mine)) if mine else "")
            rows.append([shape, operation] + cells)
    return table(["shape", "operation"] + names, rows, numeric_from=2)


def memory_table(results):
    results = [r for r in results if r.get("memory")]
    if not results:
        return ""
    columns = present(results, NAMES, lambda r, n: n in r["memory"])
    rows = []
    for result in results:
        memory = result["memory"]
        cells = []
        for name in columns:
            if name not in memory:
                cells.append("—")
            elif name == OURS:
                cells.append("%.0f" % (memory[name] / 1024))
            else:
                mine = fmt_ratio(memory[OURS] / memory[name])
                cells.append("%.0f (%s)" % (memory[name] / 1024, mine))
        rows.append([label(result)] + cells)
    return table(["interpreter"] + columns, rows)


def import_table(results):
    bases = ["dataclasses alone", "dataclasses and typing"]
    columns = present(results, bases + NAMES, lambda r, n: n in r["imports"])
    rows = []
    for result in results:
        imports = result["imports"]
        cells = ["%.1f" % imports[n] if n in imports else "—" for n in columns]
        rows.append([label(result)] + cells)
    return table(["interpreter"] + columns, rows)


def growth_tables(result):
    """Microseconds per balance by response size, gc on and gc off, on one interpreter."""
    out = []
    for state, by_size in result["growth"].items():
        names = [n for n in NAMES if n in next(iter(by_size.values()))]
        rows = [[str(size)] + ["%.2f" % by_size[size][n] for n in names] for size in by_size]
        title = "garbage collector %s:" % state[3:]
        out.append("%s\n\n%s" % (title, table(["balances"] + names, rows)))
    return "\n\n".join(out)


def growth_factor(result, state, name):
    """Time per balance at the largest size over that at the smallest."""
    by_size = result["growth"][state]
    sizes = list(by_size)
    if name not in by_size[sizes[0]]:
        return None
    return by_size[sizes[-1]][name] / by_size[sizes[0]][name]


def growth_summary(results):
    """Per interpreter: how much the time per balance grows from the smallest response
    to the largest, gc off and on."""
    names = present(results, NAMES, lambda r, n: growth_factor(r, "gc on", n) is not None)
    header = ["interpreter"] + ["%s, gc %s" % (n, s) for s in ("off", "on") for n in names]
    rows = []
    for result in results:
        factors = [growth_factor(result, "gc " + s, n) for s in ("off", "on") for n in names]
        cells = ["—" if f is None else "%.2fx" % f for f in factors]
        rows.append([label(result)] + cells)
    return table(header, rows)


# -- targets ------------------------------------------------------------------------------------

FLAT = 1.5  # "flat": time per balance at 10,000 balances at most this times that at 10


class Target:
    """One target on one interpreter: ``value`` measured (None if the peer is absent
    here) against ``limit``; ``floor``, where known, is what ``peers/floor.py`` (no
    checks) measured against the same peer: a target under the floor is out of reach
    of any reader that checks what it reads; ``checked``, where known, is what its
    checked floor measured (a walk, a call per JSON object and one type test per
    value, and no more): a target under it is out of reach of a reader of this
    package's design, which calls a function per object and checks each value."""

    def __init__(self, what, value, limit, floor=None, unit="x", checked=None):
        self.what, self.value, self.limit, self.floor, self.unit = what, value, limit, floor, unit
        self.checked = checked

    def floors(self):
        """For a miss: what the floors measured, as ``floor 0.25x, checked floor 0.50x``."""
        shown = []
        if self.floor is not None:
            shown.append("floor " + self.shown(self.floor))
        if self.checked is not None:
            shown.append("checked floor " + self.shown(self.checked))
        return ", ".join(shown)

    def verdict(self):
        if self.value is None:
            return "SKIP"
        return "PASS" if self.value <= self.limit else "MISS"

    def shown(self, value):
        return "%.2f ms" % value if self.unit == "ms" else fmt_ratio(value) + "x"


def targets(result):
    """The package's targets on this interpreter, each ratio ours / the peer's,
    measured in the same run."""
    info = result["interpreter"]
    version = tuple(info["version"][:2])
    shapes = list(result["times"])
    small = [s for s in shapes if s in ("typical", "full")]
    response = shapes[-1]
    out = []

    def add(shape, operation, peer, limit, what=None):
        what = "%s, %s: vs %s" % (shape, operation, what or peer)
        mine = ratio(result, shape, operation, peer)
        to_floor = ratio(result, shape, operation, "floor")
        floor = mine / to_floor if mine is not None and to_floor else None
        to_checked = ratio(result, shape, operation, "checked floor")
        checked = mine / to_checked if mine is not None and to_checked else None
        out.append(Target(what, mine, limit, floor, checked=checked))

    def factor(state, name):
        return growth_factor(result, state, name)

    imports = result["imports"]
    if info["implementation"] == "cpython" and version >= (3, 8):
        for base, statement, limit in (
            ("dataclasses alone", "import dataclasses", 3.0),
            ("dataclasses and typing", "import dataclasses, typing", 2.0),
        ):
            if base in imports:
                what = "import: ms more than `%s`" % statement
                out.append(Target(what, imports[OURS] - imports[base], limit, unit="ms"))
    if info["implementation"] == "cpython" and version >= (3, 10):
        # The full balance, whose AI credit maps cost most, has limits of its own.
        for shape in shapes:
            limit = 0.35 if shape == "full" else 0.3
            add(shape, "dict to object", "SDK", limit, "SDK model_validate")
        add("full", "dict to object", "floor", 1.5)
        for shape in small:
            add(shape, "JSON to object", "SDK", 0.7, "SDK model_validate_json")
        for shape in small:
            add(shape, "JSON to object", "SDK unmarshal_json", 0.03)
        add(response, "JSON to object", "SDK unmarshal_json", 0.5)
        for shape in shapes:
            limit = 0.08 if shape == "full" else 0.06
            add(shape, "object to dict", "SDK", limit, "SDK model_dump")
        for shape in shapes:
            add(shape, "object to dict", "msgspec", 1.0, "msgspec to_builtins")
        memory = result.get("memory") or {}
        mine = floor = None
        if "msgspec" in memory:
            mine = memory[OURS] / memory["msgspec"]
            floor = memory["floor"] / memory["msgspec"] if "floor" in memory else None
        out.append(Target("memory of the parsed %s: vs msgspec" % response, mine, 1.0, floor))
        sizes = list(result["growth"]["gc off"])
        span = "per balance, %s to %s balances" % (sizes[0], sizes[-1])
        what = "growth %s, gc off (flat)" % span
        out.append(Target(what, factor("gc off", OURS), FLAT, factor("gc off", "floor")))
        theirs = factor("gc on", "msgspec")
        mine = factor("gc on", OURS) / theirs if theirs else None
        floor = factor("gc on", "floor") / theirs if theirs and factor("gc on", "floor") else None
        out.append(Target("growth %s, gc on: vs msgspec's growth" % span, mine, 1.0, floor))
    elif info["implementation"] == "cpython" and version in ((3, 8), (3, 9)):
        for shape in shapes:
            add(shape, "dict to object", "SDK imitation", 0.9)
    elif info["implementation"] == "pypy":
        for operation in ("dict to object", "object to dict"):
            for peer in ("cattrs", "mashumaro"):
                for shape in shapes:
                    add(shape, operation, peer, 0.5)
    if result.get("rejecting"):  # on every interpreter: the worst of the invalid inputs
        ratios = [rejection_ratios(figures) for figures in result["rejecting"].values()]
        for index, (measure, limit) in enumerate(REJECTING_LIMITS):
            found = [r[index] for r in ratios if r[index] is not None]
            what = "rejecting, the worst of %d invalid inputs: %s vs json.loads"
            what %= (len(ratios), measure)
            out.append(Target(what, max(found) if found else None, limit))
    return out


REJECTING_LIMITS = (("time", 4.0), ("peak memory", 3.0))


def target_lines(result):
    lines = []
    for target in targets(result):
        shown = "peer absent" if target.value is None else target.shown(target.value)
        floor = "  " + target.floors() if target.verdict() == "MISS" else ""
        lines.append(
            "%s  %-62s %10s  (at most %s)%s"
            % (target.verdict(), target.what, shown, target.shown(target.limit), floor)
        )
    return lines


def targets_table(results):
    """Rows: the targets; columns: the interpreters that have targets. A cell gives
    the value, the verdict and, for a miss, the floors (see ``Target``)."""
    results = [r for r in results if targets(r)]
    rows, order = {}, []
    for index, result in enumerate(results):
        for target in targets(result):
            key = "%s (≤ %s)" % (target.what, target.shown(target.limit))
            if key not in rows:
                rows[key] = [""] * len(results)
                order.append(key)
            cell = target.verdict()
            if target.value is not None:
                cell = target.shown(target.value) + " " + cell
            if target.floors() and cell.endswith("MISS"):
                cell += " (%s)" % target.floors()
            rows[key][index] = cell
    return table(["target"] + [label(r) for r in results], [[k] + rows[k] for k in order])


# -- the headline, the previous release, rejecting -------------------------------------------------


def versus_table(results, other, mine=OURS, operations=OPERATIONS):
    """``mine`` / ``other``'s time: a row per interpreter that has both, a column per
    operation, each cell the ratios on the four shapes ("" if no interpreter has it)."""
    rows = []
    for result in results:
        if other not in result["libraries"] or mine not in result["libraries"]:
            continue
        cells = []
        for operation in operations:
            ratios = [ratio(result, shape, operation, other, mine) for shape in result["times"]]
            cells.append(" · ".join(fmt_ratio(r) for r in ratios))
        rows.append([label(result)] + cells)
    return table(["interpreter"] + list(operations), rows) if rows else ""


def rejection_ratios(figures):
    """(time, peak memory) of rejecting, each ours / json.loads's (None where json.loads's
    peak grew by nothing measurable)."""
    time, memory = figures["time"], figures["memory"]
    json_memory = memory["json.loads"]
    return (
        time[OURS] / time["json.loads"],
        memory[OURS] / json_memory if json_memory else None,
    )


def rejection_table(results):
    """A row per interpreter, a column per case, each cell time · peak memory of
    rejecting, ours / json.loads's ("" if no result has the figures)."""
    results = [r for r in results if r.get("rejecting")]
    if not results:
        return ""
    cases = list(results[0]["rejecting"])
    rows = []
    for result in results:
        cells = []
        for case in cases:
            figures = result["rejecting"].get(case)
            if figures is None:
                cells.append("—")
            else:
                cells.append(" · ".join(fmt_ratio(r) for r in rejection_ratios(figures)))
        rows.append([label(result)] + cells)
    return table(["interpreter"] + cases, rows)


def rejection_detail(result):
    """The rejection figures of one interpreter: CPU milliseconds and peak memory (MiB),
    json.loads's and ours, with their ratios."""
    rows = []
    for case, figures in result["rejecting"].items():
        time, memory = figures["time"], figures["memory"]
        time_ratio, memory_ratio = rejection_ratios(figures)
        rows.append(
            [
                case,
                "%.1f" % (figures["bytes"] / 2**20),
                "%.1f" % (time["json.loads"] * 1e3),
                "%.1f" % (time[OURS] * 1e3),
                fmt_ratio(time_ratio),
                "%.1f" % (memory["json.loads"] / 2**20),
                "%.1f" % (memory[OURS] / 2**20),
                fmt_ratio(memory_ratio),
            ]
        )
    header = ["input", "MiB", "json.loads ms", "ours ms", "ratio", "json.loads MiB", "ours MiB"]
    return table(header + ["ratio"], rows)
