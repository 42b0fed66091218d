#!/usr/bin/env bash
# The package as a user's type checker sees it: a copy of trackbalances/ vendored into a project
# of the user's own (your_app/_vendor/trackbalances), with a user module that uses it, checked with
# the user's settings and nothing of ours: `mypy --strict` for every release pinned in
# .ci/typecheck-versions.txt, and pyright with a pyrightconfig.json that says only "strict", each
# at the lowest and the highest Python target pinned there for it.
#
# Usage: .ci/typecheck_range.sh [--probe] [PACKAGE_DIR]
#   PACKAGE_DIR  the package to vendor (default: trackbalances/ of this repository)
#   --probe      install every pinned checker, print the pins as they should read (the lowest and
#                highest targets each accepts), and the mypy minors and the newest pyright on PyPI
#                that are not pinned; checks nothing
# Environment: TYPECHECK_JOBS (parallel checks, default: the number of cores), TYPECHECK_PYTHON
#   (the interpreter the checkers run on, default python3), TYPECHECK_VENVS (a folder that keeps
#   the checkers' venvs between runs; default: a temporary one, removed at the end),
#   TYPECHECK_VERSIONS (another pin file).
#
# Prints one line per (checker, version, target): ok or FAILED, and the count of errors, then the
# output of each failure, with the vendored files shown as trackbalances/... (the repository's
# paths). your_app/typing_check.py is tests/typing_check.py with its imports pointed at the
# vendored copy, line for line; your_app/billing.py is the user module written below.
# Exits non-zero if any check fails.
set -u

if [ "${1:-}" = __install ] || [ "${1:-}" = __check ] || [ "${1:-}" = __pins ]; then
    internal=$1
else
    internal=
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
SELF=$ROOT/.ci/typecheck_range.sh
VERSIONS=${TYPECHECK_VERSIONS:-$ROOT/.ci/typecheck-versions.txt}
PYTHON=${TYPECHECK_PYTHON:-python3}
export PYTHONDONTWRITEBYTECODE=1 PYRIGHT_PYTHON_IGNORE_WARNINGS=1 PIP_DISABLE_PIP_VERSION_CHECK=1
unset MYPYPATH MYPY_CACHE_DIR MYPY_FORCE_COLOR PYTHONPATH

# --- internal: one install, one pin check, one check (each run in parallel by xargs) -----------
venv_ok() {  # venv_ok CHECKER VERSION: its venv is there with that version
    local out
    out=$("$TC_VENVS/$1-$2/bin/$1" --version 2>/dev/null) || return 1
    echo "$out" | awk -v c="$1" -v v="$2" '$1 == c && $2 == v { ok = 1 } END { exit !ok }'
}

minor() { echo "${1#3.}"; }
accepts() {  # accepts MYPY_VERSION TARGET: mypy takes it as --python-version (checked before --version)
    "$TC_VENVS/mypy-$1/bin/mypy" --python-version "$2" --version >/dev/null 2>&1
}

if [ "$internal" = __pins ]; then  # __pins MYPY_VERSION LOWEST HIGHEST: say what is wrong with them
    version=$2 low=$3 high=$4
    [ -x "$TC_VENVS/mypy-$version/bin/mypy" ] || exit 0  # not installed: its checks say so
    accepts "$version" "$low" || echo "pin   mypy $version: refuses the pinned lowest target $low"
    accepts "$version" "$high" || echo "pin   mypy $version: refuses the pinned highest target $high"
    below=3.$(($(minor "$low") - 1))
    if [ "$(minor "$low")" -gt 7 ] && accepts "$version" "$below"; then
        echo "pin   mypy $version: accepts $below, below the pinned lowest $low"
    fi
    exit 0
fi

if [ "$internal" = __install ]; then  # __install CHECKER VERSION
    checker=$2 version=$3
    dir=$TC_VENVS/$checker-$version
    log=$dir.log
    venv_ok "$checker" "$version" && exit 0
    spec="$checker==$version"
    [ "$checker" = pyright ] && ! command -v node >/dev/null 2>&1 && spec="pyright[nodejs]==$version"
    rm -rf "$dir"
    # A venv without pip of its own, filled by this interpreter's pip (quicker); else a plain one.
    if ! { "$PYTHON" -m venv --without-pip "$dir" \
        && "$PYTHON" -m pip --python "$dir/bin/python" install -q --no-compile "$spec" typing_extensions; } >"$log" 2>&1; then
        rm -rf "$dir"
        { "$PYTHON" -m venv "$dir" && "$dir/bin/pip" install -q --no-compile "$spec" typing_extensions; } >>"$log" 2>&1
    fi
    if venv_ok "$checker" "$version"; then
        [ "$checker" = pyright ] && "$dir/bin/pyright" --version >>"$log" 2>&1  # fetches what it needs
        exit 0
    fi
    echo "could not install $checker $version:"
    grep -v '^WARNING: Location' "$log" | tail -n 15 | cut -c 1-300
    exit 1
fi

if [ "$internal" = __check ]; then  # __check NUMBER CHECKER VERSION TARGET
    number=$2 checker=$3 version=$4 target=$5
    venv=$TC_VENVS/$checker-$version
    log=$TC_WORK/results/$number.log
    cd "$TC_WORK/project" || exit 1
    if ! venv_ok "$checker" "$version"; then
        echo "not installed" >"$log"
        count="(not installed)"
        status=1
    elif [ "$checker" = mypy ]; then
        # --config-file "": no config file at all, not even one of the user's in $HOME.
        "$venv/bin/mypy" --strict --python-version "$target" --config-file "" --cache-dir /dev/null \
            your_app >"$log" 2>&1
        status=$?
        count=$(sed -n 's/^Found \([0-9]*\) errors\{0,1\} in .*/\1/p' "$log" | tail -n 1)
        [ -z "$count" ] && { [ "$status" = 0 ] && count=0 || count="?"; }
        count="$count errors"
    else
        PATH="$venv/bin:$PATH" "$venv/bin/pyright" --pythonversion "$target" >"$log" 2>&1
        status=$?
        summary=$(sed -n 's/^\([0-9]*\) errors\{0,1\}, \([0-9]*\) warnings\{0,1\}, .*/\1 \2/p' "$log" | tail -n 1)
        if [ -n "$summary" ]; then
            read -r errors warnings <<<"$summary"
            count="$errors errors, $warnings warnings"
            [ "$errors" != 0 ] || [ "$warnings" != 0 ] && status=1
        else
            count="? errors"
            [ "$status" = 0 ] && status=1
        fi
    fi
    [ "$status" = 0 ] && result=ok || result=FAILED
    printf '%-8s %-8s py%-5s %-6s %s\n' "$checker" "$version" "$target" "$result" "$count" \
        >"$TC_WORK/results/$number.line"
    exit 0
fi

# --- main ----------------------------------------------------------------------------------------
probe=0
if [ "${1:-}" = --probe ]; then
    probe=1
    shift
fi
PACKAGE=$(cd "${1:-$ROOT/trackbalances}" 2>/dev/null && pwd -P) \
    || { echo "no package folder: ${1:-}" >&2; exit 2; }
[ -f "$PACKAGE/__init__.py" ] || { echo "not a package: $PACKAGE" >&2; exit 2; }
JOBS=${TYPECHECK_JOBS:-$(nproc 2>/dev/null || echo 2)}
start=$SECONDS

# The venvs take 1.6 GB in 60,000 files: in memory (/dev/shm, where it is a tmpfs with room and
# allows executables) they are written and removed in seconds, where a busy disk took minutes.
parent=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ] \
    && awk '$2 == "/dev/shm" && $3 == "tmpfs" && $4 !~ /noexec/ { ok = 1 } END { exit !ok }' /proc/mounts 2>/dev/null \
    && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -gt 4000000 ]; then
    parent=/dev/shm
fi
TC_WORK=$(mktemp -d -p "$parent")
trap 'rm -rf "$TC_WORK"' EXIT
TC_VENVS=${TYPECHECK_VENVS:-$TC_WORK/venvs}
mkdir -p "$TC_VENVS" "$TC_WORK/results" || exit 2
TC_VENVS=$(cd "$TC_VENVS" && pwd -P)
export TC_WORK TC_VENVS PYTHON

# The pins: "checker version lowest highest" per line.
pins=$(sed -e 's/#.*//' "$VERSIONS" | awk 'NF { if (NF != 4) { exit 1 } print $1, $2, $3, $4 }') \
    || { echo "$VERSIONS: each line must be: checker version lowest-target highest-target" >&2; exit 2; }
[ -n "$pins" ] || { echo "$VERSIONS: no checker pinned" >&2; exit 2; }
if echo "$pins" | awk '$1 != "mypy" && $1 != "pyright"' | grep -q .; then
    echo "$VERSIONS: only mypy and pyright are known" >&2
    exit 2
fi

# Installs, four at a time (mostly waiting on the network).
installs=$(echo "$pins" | awk '{ print $1, $2 }' | sort -u | xargs -r -P 4 -n 2 bash "$SELF" __install)
install_status=$?
[ -n "$installs" ] && echo "$installs"
printf 'installed %d checkers in %d s%s\n' "$(echo "$pins" | awk '{ print $1, $2 }' | sort -u | wc -l)" \
    $((SECONDS - start)) "$([ "$install_status" = 0 ] || echo ', some of them FAILED')"

if [ "$probe" = 1 ]; then
    echo "# pins as they should read (lowest and highest of 3.7..3.15 that each accepts):"
    mkdir -p "$TC_WORK/empty" && echo 'x = 1' >"$TC_WORK/empty/x.py"
    echo "$pins" | while read -r checker version low high; do
        if [ "$checker" = pyright ]; then  # it refuses a version it does not know, whatever it checks
            accepted=$(cd "$TC_WORK/empty" && for m in $(seq 7 15); do
                "$TC_VENVS/pyright-$version/bin/pyright" --pythonversion "3.$m" x.py 2>&1 \
                    | grep -q 'not a supported Python version' || echo "3.$m"
            done)
        else
            accepted=$(for m in $(seq 7 15); do accepts "$version" "3.$m" && echo "3.$m"; done)
        fi
        [ -z "$accepted" ] && { echo "# $checker $version accepts no target in 3.7..3.15"; continue; }
        printf '%-8s %-8s %-5s %s\n' "$checker" "$version" "$(echo "$accepted" | head -n 1)" \
            "$(echo "$accepted" | tail -n 1)"
    done
    echo "# the newest patch of each mypy minor from 1.4 on PyPI, where not pinned:"
    "$PYTHON" -m pip index versions mypy 2>/dev/null | sed -n 's/^Available versions: //p' | tr -d ' ' \
        | tr ',' '\n' | grep -E '^[0-9]+\.[0-9]+(\.[0-9]+)?$' | sort -V | awk -F. '
        { key = $1 "." $2; newest[key] = $0; if (!(key in seen)) { order[++n] = key; seen[key] = 1 } }
        END { for (i = 1; i <= n; i++) print newest[order[i]] }' \
        | awk -F. '$1 > 1 || ($1 == 1 && $2 >= 4)' | while read -r version; do
            echo "$pins" | awk -v v="$version" '$1 == "mypy" && $2 == v { found = 1 } END { exit !found }' \
                || echo "mypy     $version   (not pinned)"
        done
    newest=$("$PYTHON" -m pip index versions pyright 2>/dev/null | sed -n 's/^pyright (\(.*\))$/\1/p')
    echo "$pins" | awk -v v="$newest" '$1 == "pyright" && $2 == v { found = 1 } END { exit !found }' \
        || echo "pyright  ${newest:-?}   (the newest, not pinned)"
    exit "$install_status"
fi

# The user's project: the vendored copy, and two modules of the user's that use it.
PROJECT=$TC_WORK/project
APP=$PROJECT/your_app
mkdir -p "$APP/_vendor"
: >"$APP/__init__.py"
: >"$APP/_vendor/__init__.py"
cp -R "$PACKAGE" "$APP/_vendor/trackbalances"
find "$APP" -name __pycache__ -prune -exec rm -rf {} +
echo '{ "typeCheckingMode": "strict" }' >"$PROJECT/pyrightconfig.json"
if [ -f "$ROOT/tests/typing_check.py" ]; then
    sed -e 's/^\([[:space:]]*\)import trackbalances\b/\1import your_app._vendor.trackbalances/' \
        -e 's/^\([[:space:]]*\)from trackbalances\b/\1from your_app._vendor.trackbalances/' \
        "$ROOT/tests/typing_check.py" >"$APP/typing_check.py"
fi
cat >"$APP/billing.py" <<'EOF'
"""A user's module: what an application does with the vendored package."""

from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple, Union

from typing_extensions import assert_type

from your_app._vendor import trackbalances as tb
from your_app._vendor.trackbalances import (
    ABSENT,
    AbsentType,
    Balance,
    ErrorDetail,
    FeatureType,
    TrackBalances,
    TrackBalancesBreakdown,
    TrackResponse,
    ValidationError,
)

if TYPE_CHECKING:
    from your_app._vendor.trackbalances import FeatureTypeLiteral


class MyBalance(TrackBalances):
    def left(self) -> Union[int, float]:
        return self.remaining


def load(payload: Mapping[str, Any]) -> MyBalance:
    balance = MyBalance.from_dict(payload)
    assert_type(balance, MyBalance)
    return balance


def load_response(text: Union[str, bytes]) -> TrackResponse:
    response = TrackResponse.from_json(text)
    assert_type(response, TrackResponse)
    return response


def plan_ids(balance: Balance) -> List[Optional[str]]:
    ids: List[Optional[str]] = []
    for entry in balance.breakdown or ():
        assert_type(entry, TrackBalancesBreakdown)
        ids.append(entry.plan_id)
    return ids


def feature_name(balance: TrackBalances) -> str:
    feature = balance.feature
    assert_type(feature, Union[tb.TrackBalancesFeature, AbsentType])
    if feature is not ABSENT:
        assert_type(feature, tb.TrackBalancesFeature)
        if feature.type == tb.FeatureType.METERED:
            return feature.name + " (metered)"
        return feature.name
    return balance.feature_id


def metered() -> "FeatureTypeLiteral":
    kind: FeatureTypeLiteral = tb.FeatureType.METERED
    assert FeatureType.METERED in FeatureType
    return kind


def rolled_over(balance: TrackBalances) -> Union[int, float]:
    total: Union[int, float] = 0
    if balance.rollovers is not ABSENT:
        for rollover in balance.rollovers:
            granted = rollover.granted
            total += granted if granted is not ABSENT else rollover.balance
    return total


def problems(error: ValidationError) -> List[Dict[str, Any]]:
    details: Tuple[ErrorDetail, ...] = error.errors
    return [detail._asdict() for detail in details]


def built(rollover: tb.TrackBalancesRollover) -> TrackBalances:
    balance = TrackBalances("messages", 100, 72, 28, False, False, None, None)
    return TrackBalances(
        feature_id=balance.feature_id,
        granted=balance.granted,
        remaining=72,
        usage=28.5,
        unlimited=False,
        overage_allowed=False,
        max_purchase=None,
        next_reset_at=None,
        rollovers=(rollover,),
    )


def round_trip(balance: TrackBalances) -> Dict[str, Any]:
    copy = TrackBalances.from_json(balance.to_json())
    assert copy == balance and not copy.unrecognized()
    return copy.to_dict()
EOF

# Each pinned lowest target must be the lowest this mypy accepts (and the highest one accepted).
pin_problems=$(echo "$pins" | awk '$1 == "mypy" { print $2, $3, $4 }' \
    | xargs -r -P "$JOBS" -n 3 bash "$SELF" __pins | sort -V -k3,3)

# The checks, one per (checker, version, target), as many at a time as there are cores.
jobs=$(echo "$pins" | awk '{ print $1, $2, $3; if ($4 != $3) print $1, $2, $4 }' \
    | awk '{ printf "%03d %s\n", NR, $0 }')
echo "$jobs" | xargs -r -P "$JOBS" -n 4 bash "$SELF" __check

passed=0
failed=0
failures=()
while read -r number checker version target; do
    line=$TC_WORK/results/$number.line
    if [ ! -f "$line" ]; then
        printf '%-8s %-8s py%-5s %-6s %s\n' "$checker" "$version" "$target" FAILED "(no result)" >"$line"
        echo "the check did not run to its end" >>"$TC_WORK/results/$number.log"
    fi
    cat "$line"
    if grep -q ' ok ' "$line"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("${line%.line}")
    fi
done <<<"$jobs"
if [ -n "$pin_problems" ]; then
    echo "$pin_problems"
    failed=$((failed + $(echo "$pin_problems" | wc -l)))
fi
[ "$install_status" != 0 ] && [ "$passed$failed" = 00 ] && failed=1

for result in "${failures[@]+"${failures[@]}"}"; do
    echo
    echo "--- $(cat "$result.line")"
    sed -e "s#$PROJECT/##g" -e 's#your_app/_vendor/trackbalances/#trackbalances/#g' "$result.log" \
        | grep -v '^Found [0-9]* errors\{0,1\} in \|^[0-9]* errors\{0,1\}, [0-9]* warnings\{0,1\}, ' \
        | awk 'NR <= 80 { print } END { if (NR > 80) print "... (" NR - 80 " more lines)" }'
done

echo
echo "typecheck: $passed passed, $failed failed ($((SECONDS - start)) s)"
[ "$failed" = 0 ] && [ "$install_status" = 0 ]
