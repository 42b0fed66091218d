#!/usr/bin/env bash
# Makes three extra interpreters available to CI, cached under $TB_PYTHONS (default /opt/tb-pythons):
#   - CPython 3.14 and 3.15: Debian sid's packages in a debootstrap'ed root ($TB_PYTHONS/sid), made
#     runnable on the host by a patched copy of each binary (its own ld.so, RPATH into the root;
#     never LD_LIBRARY_PATH). The copy sits beside the original in sid/usr/bin, because CPython
#     finds its stdlib (sys.prefix) from the real location of its executable; bin/python3.X is a
#     symlink to it.
#   - a free-threaded CPython 3.13 (--disable-gil), built from the upstream tarball of Debian
#     trixie's python3.13 source package, fetched with apt-get source through a source list of its
#     own (the machine's apt sources are left untouched), installed in $TB_PYTHONS/ft.
# The Debian mirror is the one in this machine's apt sources (or $TB_DEBIAN_MIRROR).
# Idempotent: interpreters that already work are kept, and a run with all three in place takes
# seconds. Prints "python PATH" for each working interpreter and writes the paths, one a line, to
# $TB_PYTHONS/list.txt; exits non-zero, saying which, if any of the three does not work.
# SKIP_APT_UPDATE=1 says that apt-get update was already run. Logs: $TB_PYTHONS/logs/.
set -u
umask 022
export DEBIAN_FRONTEND=noninteractive

CACHE=${TB_PYTHONS:-/opt/tb-pythons}
SID_VERSIONS=(3.14 3.15)
FT_UPSTREAM=3.13.5   # the upstream version of trixie's python3.13 to build
FT_SUITE=trixie
ROOT=$CACHE/sid
FT=$CACHE/ft
LOGS=$CACHE/logs

mkdir -p "$CACHE/bin" "$LOGS" || { echo "pythons: cannot create $CACHE" >&2; exit 1; }
CACHE=$(cd "$CACHE" && pwd -P) && ROOT=$CACHE/sid && FT=$CACHE/ft && LOGS=$CACHE/logs
exec 9>"$CACHE/.lock" && flock 9   # one run at a time per cache dir

step_start=0
step() { step_start=$SECONDS; step_name=$1; }
step_done() { printf '%-28s %4d s\n' "$step_name" $((SECONDS - step_start)) >>"$LOGS/timings.log"; }
fail_log() {  # fail_log MESSAGE LOG: say what failed and show the end of its log
    echo "pythons: $1 (log: $2)" >&2
    [ -f "$2" ] && tail -n 30 "$2" >&2
}

# --- checks: an interpreter "works" when these pass -------------------------------------------
check_common() {  # check_common PY LOG: stdlib, subprocesses, venv
    local py=$1 log=$2 tmp rc
    [ -x "$py" ] || { echo "$py: missing" >>"$log"; return 1; }
    "$py" -c 'import sys, json, zlib, ctypes, zipimport, unittest, venv, http.server; print(sys.version, sys.prefix)' >>"$log" 2>&1 || return 1
    "$py" -c "import subprocess, sys
r = subprocess.run([sys.executable, '-c', 'print(1)'], capture_output=True)
sys.exit(r.stdout.strip() != b'1')" >>"$log" 2>&1 || { echo "$py: subprocess check failed" >>"$log"; return 1; }
    tmp=$(mktemp -d) || return 1
    "$py" -m venv --without-pip "$tmp/v" >>"$log" 2>&1 && "$tmp/v/bin/python" -c 'import sys; assert sys.prefix != sys.base_prefix' >>"$log" 2>&1
    rc=$?
    rm -rf "$tmp"
    [ $rc = 0 ] || echo "$py: venv check failed" >>"$log"
    return $rc
}
check_sid() {  # check_sid VERSION
    local py=$CACHE/bin/python$1 log=$LOGS/check-$1.log
    : >"$log"
    check_common "$py" "$log" && "$py" -c 'import ssl, sqlite3' >>"$log" 2>&1
}
check_ft() {
    local py=$FT/bin/python3.13t log=$LOGS/check-ft.log
    : >"$log"
    check_common "$py" "$log" || return 1
    "$py" -c 'import sys; assert not sys._is_gil_enabled(), "GIL is enabled"' >>"$log" 2>&1 || return 1
    "$py" -c 'import ssl, sqlite3' >>"$log" 2>&1 || echo "note: ssl or sqlite3 missing (optional)" >>"$log"
    return 0
}

# --- the Debian mirror of this machine's apt sources ------------------------------------------
debian_mirror() {
    if [ -n "${TB_DEBIAN_MIRROR:-}" ]; then echo "$TB_DEBIAN_MIRROR"; return; fi
    local codename files=()
    codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
    [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
    for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && files+=("$f")
    done
    [ ${#files[@]} -gt 0 ] || return 1
    # Emit "score uri" for each (uri, suite) of every enabled deb/deb-src entry, in both the
    # one-line and the deb822 formats, then keep the best: the machine's own release first, then
    # any plain Debian suite; security and other suites (x-updates, x-security) last.
    awk -v codename="$codename" '
        function emit(uri, suite,   s) {
            if (uri !~ /^(https?|file):/) return
            s = 0
            if (suite == codename) s = 3
            else if (suite ~ /^(sid|unstable|testing|stable|oldstable|bookworm|trixie|forky|bullseye|duke)$/) s = 2
            else if (suite !~ /-/) s = 1
            if (uri ~ /security/) s = 0
            if (s > 0) { sub(/\/+$/, "", uri); print s, uri }
        }
        function flush(   n, m, i, j, u, su) {
            if (types ~ /(^| )deb( |$)/ && enabled !~ /^[Nn][Oo]$/) {
                n = split(uris, u, /[ \t]+/); m = split(suites, su, /[ \t]+/)
                for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) if (u[i] != "" && su[j] != "") emit(u[i], su[j])
            }
            types = uris = suites = enabled = ""; key = ""
        }
        FNR == 1 { flush(); deb822 = (FILENAME ~ /\.sources$/) }
        /^[ \t]*#/ { next }
        !deb822 {
            line = $0; sub(/\[[^]]*\]/, "", line); n = split(line, w, /[ \t]+/)
            k = (w[1] == "" ? 2 : 1)
            if (w[k] == "deb" || w[k] == "deb-src") emit(w[k+1], w[k+2])
            next
        }
        /^[ \t]*$/ { flush(); next }
        /^[ \t]/ { if (key == "uris") uris = uris " " $0; else if (key == "suites") suites = suites " " $0; next }
        {
            key = tolower($0); sub(/:.*/, "", key); val = $0; sub(/^[^:]*:[ \t]*/, "", val)
            if (key == "types") types = val; else if (key == "uris") uris = val
            else if (key == "suites") suites = val; else if (key == "enabled") enabled = val
        }
        END { flush() }
    ' "${files[@]}" | sort -s -k1,1nr | awk 'NR == 1 { print $2 }' | grep .
}

# --- what is there already --------------------------------------------------------------------
need_sid=()
for v in "${SID_VERSIONS[@]}"; do check_sid "$v" || need_sid+=("$v"); done
need_ft=0
check_ft || need_ft=1

status=0
declare -A failed=()

if [ ${#need_sid[@]} -gt 0 ] || [ $need_ft = 1 ]; then
    mirror=$(debian_mirror) || { echo "pythons: no Debian mirror found in the apt sources" >&2; mirror=""; }

    # --- apt: one update, then the tools ------------------------------------------------------
    : >"$LOGS/timings.log"
    : >"$LOGS/apt.log"
    if [ "${SKIP_APT_UPDATE:-0}" != 1 ]; then
        step "apt-get update"
        apt-get update -qq >>"$LOGS/apt.log" 2>&1 || fail_log "apt-get update failed; going on" "$LOGS/apt.log"
        step_done
    fi
    if [ ${#need_sid[@]} -gt 0 ]; then
        step "apt-get install tools"
        apt-get install -y -qq debootstrap patchelf >>"$LOGS/apt.log" 2>&1 \
            || fail_log "could not install debootstrap and patchelf" "$LOGS/apt.log"
        step_done
    fi
    if [ $need_ft = 1 ]; then
        step "apt-get install build deps"
        apt-get install -y -qq gcc make pkg-config xz-utils libssl-dev zlib1g-dev libffi-dev \
            libbz2-dev liblzma-dev libsqlite3-dev uuid-dev >>"$LOGS/apt.log" 2>&1 \
            || fail_log "could not install the build dependencies" "$LOGS/apt.log"
        step_done
    fi

    # --- CPython 3.14 and 3.15 from Debian sid ------------------------------------------------
    remove_tree() {  # remove a (possibly half-made) chroot: unmount what debootstrap left first
        [ -e "$1" ] || return 0
        findmnt -rn -o TARGET 2>/dev/null | awk -v p="$1/" 'index($0, p) == 1' | sort -r |
            while read -r m; do umount -l "$m" 2>/dev/null; done
        rm -rf --one-file-system "$1"
    }
    make_sid_root() {
        local suite script ok=1
        for suite in sid forky; do
            script=/usr/share/debootstrap/scripts/$suite
            [ -e "$script" ] || script=/usr/share/debootstrap/scripts/sid
            remove_tree "$ROOT.partial"
            echo "== debootstrap $suite $mirror" >>"$LOGS/debootstrap.log"
            if debootstrap --variant=minbase \
                --include=ca-certificates,python3.14,python3.14-venv,python3.15,python3.15-venv \
                "$suite" "$ROOT.partial" "$mirror" "$script" >>"$LOGS/debootstrap.log" 2>&1; then
                ok=0
                break
            fi
        done
        if [ $ok != 0 ]; then
            remove_tree "$ROOT.partial"
            fail_log "debootstrap of sid (and forky) failed" "$LOGS/debootstrap.log"
            return 1
        fi
        remove_tree "$ROOT"
        mv "$ROOT.partial" "$ROOT"
    }
    patch_sid_python() {  # patch_sid_python VERSION: a host-runnable copy beside the original
        local v=$1 log=$LOGS/patch-$v.log multiarch interp src=$ROOT/usr/bin/python$1
        local copy=$ROOT/usr/bin/python$1-host
        multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch 2>/dev/null)
        [ -n "$multiarch" ] || multiarch=$(uname -m)-linux-gnu
        {
            [ -x "$src" ] || { echo "$src is missing"; return 1; }
            interp=$ROOT/usr/lib/$multiarch/$(basename "$(patchelf --print-interpreter "$src")") || return 1
            [ -e "$interp" ] || { echo "$interp is missing"; return 1; }
            rm -f "$copy" && cp -p "$src" "$copy" &&
                patchelf --set-interpreter "$interp" --force-rpath --set-rpath "$ROOT/usr/lib/$multiarch" "$copy" &&
                ln -sfn "$copy" "$CACHE/bin/python$v"
        } >"$log" 2>&1
    }
    if [ ${#need_sid[@]} -gt 0 ]; then
        sid_ok=1
        if [ ! -x "$ROOT/usr/bin/python3.14" ] || [ ! -x "$ROOT/usr/bin/python3.15" ]; then
            step "debootstrap sid"
            if [ -z "$mirror" ]; then sid_ok=0; else make_sid_root || sid_ok=0; fi
            step_done
        fi
        step "patchelf + check sid pythons"
        for v in "${need_sid[@]}"; do
            if [ $sid_ok = 1 ] && patch_sid_python "$v" && check_sid "$v"; then :; else
                failed[$v]=1
                [ $sid_ok = 1 ] && fail_log "python$v does not work" "$LOGS/patch-$v.log" &&
                    tail -n 30 "$LOGS/check-$v.log" >&2
            fi
        done
        step_done
    fi

    # --- free-threaded CPython 3.13 built from trixie's python3.13 source ---------------------
    build_ft() {
        local work src_dir apt_opts ver tarball
        work=$(mktemp -d "$CACHE/ft-build.XXXXXX") || return 1
        mkdir -p "$work/apt/lists/partial" "$work/src"
        echo "deb-src $mirror $FT_SUITE main" >"$work/apt/sources.list"
        apt_opts=(-o "Dir::Etc::sourcelist=$work/apt/sources.list" -o Dir::Etc::sourceparts=-
            -o "Dir::State::Lists=$work/apt/lists" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=
            -o APT::Sandbox::User=root)
        step "ft: fetch source"
        (
            apt-get "${apt_opts[@]}" update -qq &&
                ver=$(apt-cache "${apt_opts[@]}" showsrc python3.13 | sed -n 's/^Version: //p' |
                    grep -m1 "^$FT_UPSTREAM-") &&
                { echo "python3.13 $ver"; cd "$work/src"; } &&
                apt-get "${apt_opts[@]}" source --download-only "python3.13=$ver" &&
                tarball=$(ls "$work"/src/python3.13_"$FT_UPSTREAM".orig.tar.* | grep -v '\.asc$' | head -n 1) &&
                tar -xf "$tarball" -C "$work/src"
        ) >"$LOGS/ft-source.log" 2>&1 || {
            fail_log "could not fetch the python3.13 $FT_UPSTREAM source from $FT_SUITE" "$LOGS/ft-source.log"
            rm -rf "$work"; return 1; }
        step_done
        src_dir=$work/src/Python-$FT_UPSTREAM
        step "ft: configure"
        (cd "$src_dir" && ./configure --disable-gil --disable-test-modules --prefix="$FT") \
            >"$LOGS/ft-configure.log" 2>&1 ||
            { fail_log "configure failed" "$LOGS/ft-configure.log"; rm -rf "$work"; return 1; }
        step_done
        step "ft: make"
        make -C "$src_dir" -j"$(nproc)" >"$LOGS/ft-make.log" 2>&1 ||
            { fail_log "make failed" "$LOGS/ft-make.log"; rm -rf "$work"; return 1; }
        step_done
        step "ft: make altinstall"
        rm -rf "$FT"
        make -C "$src_dir" altinstall >"$LOGS/ft-install.log" 2>&1 ||
            { fail_log "make altinstall failed" "$LOGS/ft-install.log"; rm -rf "$work"; return 1; }
        step_done
        rm -rf "$work"
    }
    if [ $need_ft = 1 ]; then
        if [ -z "$mirror" ] || ! build_ft || ! check_ft; then
            failed[ft]=1
            [ -f "$LOGS/check-ft.log" ] && [ -x "$FT/bin/python3.13t" ] &&
                fail_log "the free-threaded python3.13t does not work" "$LOGS/check-ft.log"
        fi
    fi
fi

# --- report -----------------------------------------------------------------------------------
[ -x "$FT/bin/python3.13t" ] && ln -sfn "$FT/bin/python3.13t" "$CACHE/bin/python3.13t"
: >"$CACHE/list.txt"
for v in "${SID_VERSIONS[@]}"; do
    if [ -z "${failed[$v]:-}" ]; then
        echo "python $CACHE/bin/python$v"
        echo "$CACHE/bin/python$v" >>"$CACHE/list.txt"
    else
        echo "pythons: FAILED: CPython $v from Debian sid does not work (logs in $LOGS)" >&2
        status=1
    fi
done
if [ -z "${failed[ft]:-}" ]; then
    echo "python $FT/bin/python3.13t"
    echo "$FT/bin/python3.13t" >>"$CACHE/list.txt"
else
    echo "pythons: FAILED: free-threaded CPython $FT_UPSTREAM does not work (logs in $LOGS)" >&2
    status=1
fi
exit $status
