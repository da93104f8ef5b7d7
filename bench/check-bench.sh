#!/usr/bin/env bash
# check-bench.sh: wall time of a whole `certsd-studio check --json` process over a generated certs.d root of
# 500 host directories / 2,500 files, next to a shell loop of `openssl x509 -noout -enddate` over the same
# certificates and next to the bare JVM start-up (the floor).
#
#   bench/check-bench.sh            # java -version, empty main, java -jar, bin/certsd-studio, openssl loop
#   bench/check-bench.sh --matrix   # also java -jar with each JVM flag of the launcher alone
#
# Environment: HOSTS (500), RUNS (10, at least 5; runs of each check), OPENSSL_RUNS (5, at least 5; the loop
# takes several seconds a run), KEEP_TREE=1 (generate into bench/out/ and keep it there).
# The tree: bench/out/ is reused when it is complete (HOSTS directories, 5*HOSTS files) and younger than 300
# days (its client certificates are valid for 335 days); otherwise a fresh tree goes into a temporary
# directory. Timings use hyperfine (--warmup 1, -N, output to /dev/null) when installed, else a
# `date +%s%N` loop. `check` exits 1 when it finds errors, and the tree holds mix-ups on purpose: a first
# run checks that the exit code is 0 or 1 and that the JSON lists every host, then the timed runs ignore it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
HOSTS=${HOSTS:-500}
RUNS=${RUNS:-10}
OPENSSL_RUNS=${OPENSSL_RUNS:-5}
MATRIX=0
for arg in "$@"; do
    case $arg in
        --matrix) MATRIX=1 ;;
        -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $arg" >&2; exit 2 ;;
    esac
done
(( RUNS >= 5 && OPENSSL_RUNS >= 5 )) || { echo "RUNS and OPENSSL_RUNS must be at least 5" >&2; exit 2; }

JAR=target/certsd-studio.jar
work=$(mktemp -d "${TMPDIR:-/tmp}/check-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

say() { printf '%s\n' "$*"; }

# ---- build ------------------------------------------------------------------------------------------------
if [[ ! -f $JAR || ! -f target/lib/bcpkix-jdk18on-1.87.jar ]]; then
    say "building $JAR ..."
    mvn -q -B -o package -DskipTests 2>/dev/null || mvn -q -B package -DskipTests
fi

# ---- tree -------------------------------------------------------------------------------------------------
count_hosts() { find "$1" -mindepth 1 -maxdepth 1 -type d | wc -l; }
count_files() { find "$1" -mindepth 2 -maxdepth 2 -type f | wc -l; }
complete() {
    [[ -d $1 ]] && [[ $(count_hosts "$1") -eq $HOSTS ]] && [[ $(count_files "$1") -eq $((HOSTS * 5)) ]] \
        && [[ -z $(find "$1" -maxdepth 0 -mtime +300) ]]
}
generate() {
    java -cp 'target/lib/*' bench/TreeGenerator.java "$1" "$HOSTS"
}
if complete bench/out; then
    tree=$repo/bench/out
    say "tree: reusing $tree"
elif [[ ${KEEP_TREE:-0} == 1 ]]; then
    rm -rf bench/out
    generate bench/out
    tree=$repo/bench/out
else
    generate "$work/certs.d"
    tree=$work/certs.d
fi
shopt -s nullglob
crt=("$tree"/*/*.crt)
cert=("$tree"/*/*.cert)
key=("$tree"/*/*.key)
shopt -u nullglob

# ---- sanity: one run, its exit code and its JSON ------------------------------------------------------------
rc=0
java -jar "$JAR" check --root "$tree" --json >"$work/check.json" 2>"$work/check.err" || rc=$?
if (( rc > 1 )); then
    say "check failed (exit code $rc):"
    cat "$work/check.err"
    exit 1
fi
json_hosts=$(grep -c '"dir" *:' "$work/check.json" || true)
if (( json_hosts != HOSTS )); then
    say "check --json lists $json_hosts host directories, expected $HOSTS"
    exit 1
fi
with_findings=?
if command -v jq >/dev/null; then
    with_findings=$(jq '[.hosts[] | select(.findings | length > 0)] | length' "$work/check.json")
fi

# ---- timing -----------------------------------------------------------------------------------------------
# An empty main, for the JVM floor without the launcher's -version printing.
mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) { } }\n' >"$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"

# The launcher's archive lives in the work directory, so the figures do not depend on the user's cache.
export XDG_CACHE_HOME=$work/cache
t0=$(date +%s%N)
bin/certsd-studio check --root "$tree" --json >/dev/null 2>&1 || true
first_use=$(( ($(date +%s%N) - t0) / 1000000 ))

openssl_loop="for f in $tree/*/*.crt $tree/*/*.cert; do openssl x509 -noout -enddate -in \"\$f\"; done >/dev/null"

summary=()
have_hyperfine=0
command -v hyperfine >/dev/null && have_hyperfine=1

# Busy CPU time of the whole machine so far, in 1/100 s (user, nice, system, irq, softirq, steal).
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# bench NAME SHELL RUNS COMMAND: SHELL is "none" (run directly) or "bash". Records min, median and max wall
# time, the mean CPU time (user + sys) of one run, and how many cores other processes kept busy meanwhile
# (the machine's busy time minus ours, over the elapsed time): above ~0.1 the wall times are inflated.
bench() {
    local name=$1 shell=$2 runs=$3 cmd=$4 min med max cpu other b0 b1 e0 e1
    say ""
    say "== $name"
    say "   \$ $cmd"
    b0=$(busy_ticks)
    e0=$(date +%s%N)
    if (( have_hyperfine )); then
        local opts=(--warmup 1 --runs "$runs" --ignore-failure --export-json "$work/hf.json" --style basic)
        if [[ $shell == none ]]; then opts+=(-N); else opts+=(--shell "$shell"); fi
        hyperfine "${opts[@]}" "$cmd" 2>/dev/null | grep -E 'Time|Range' || true
        read -r min med max cpu < <(awk -F'[:,]' '
            /"min"/ {min=$2} /"median"/ {med=$2} /"max"/ {max=$2} /"user"/ {u=$2} /"system"/ {s=$2}
            END {printf "%.3f %.3f %.3f %.3f\n", min, med, max, u + s}' "$work/hf.json")
    else
        local times=() t0 t1 i
        local TIMEFORMAT='%3U %3S'
        : >"$work/cpu.txt"
        for ((i = 0; i <= runs; i++)); do
            t0=$(date +%s%N)
            if [[ $shell == none ]]; then
                # shellcheck disable=SC2086 # the command is a plain word list
                { time $cmd >/dev/null 2>&1; } 2>>"$work/cpu.txt" || true
            else
                { time bash -c "$cmd" >/dev/null 2>&1; } 2>>"$work/cpu.txt" || true
            fi
            t1=$(date +%s%N)
            (( i == 0 )) || times+=($(( (t1 - t0) / 1000 )))   # the first run is the warm-up
        done
        read -r min med max < <(printf '%s\n' "${times[@]}" | sort -n | awk '
            {t[NR]=$1} END {printf "%.3f %.3f %.3f\n", t[1]/1e6, t[int((NR+1)/2)]/1e6, t[NR]/1e6}')
        cpu=$(awk 'NR > 1 {c += $1 + $2; n++} END {printf "%.3f\n", c / n}' "$work/cpu.txt")
        say "  min $min s, median $med s, max $max s, CPU $cpu s a run ($runs runs)"
    fi
    e1=$(date +%s%N)
    b1=$(busy_ticks)
    other=$(awk -v b=$((b1 - b0)) -v e=$((e1 - e0)) -v c="$cpu" -v n=$((runs + 1)) \
        'BEGIN {o = (b / 100 - c * n) / (e / 1e9); printf "%.2f\n", o < 0 ? 0 : o}')
    summary+=("$(printf '%-52s %7s %7s %7s %7s %6s %4s' "$name" "$min" "$med" "$max" "$cpu" "$other" "$runs")")
}

say ""
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
say "java:    $(java -version 2>&1 | head -2 | tail -1)"
say "openssl: $(openssl version)"
say "timer:   $( ((have_hyperfine)) && hyperfine --version || echo 'date +%s%N loop'), 1 warm-up run each"
say "tree:    $tree"
say "         $(count_hosts "$tree") host directories, $(count_files "$tree") files" \
    "(${#crt[@]} *.crt, ${#cert[@]} *.cert, ${#key[@]} *.key)"
say "check:   exit code $rc, $json_hosts hosts in the JSON, $with_findings with findings," \
    "$(wc -c <"$work/check.json") bytes of JSON"
say "launcher: first use (writes the CDS archive) took ${first_use} ms"
say "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before timing"

bench "JVM floor: java -version" none "${RUNS}" "java -version"
bench "JVM floor: empty main" none "${RUNS}" "java -cp $work/empty Empty"
bench "check: java -jar" none "${RUNS}" "java -jar $JAR check --root $tree --json"
bench "check: bin/certsd-studio (CDS + C1 + SerialGC)" none "${RUNS}" "bin/certsd-studio check --root $tree --json"
if (( MATRIX )); then
    jsa=$(ls "$XDG_CACHE_HOME"/certsd-studio/*.jsa)
    bench "check: java -XX:TieredStopAtLevel=1 -jar" none "${RUNS}" \
        "java -XX:TieredStopAtLevel=1 -jar $JAR check --root $tree --json"
    bench "check: java -XX:+UseSerialGC -jar" none "${RUNS}" "java -XX:+UseSerialGC -jar $JAR check --root $tree --json"
    bench "check: java -XX:SharedArchiveFile -jar (CDS only)" none "${RUNS}" \
        "java -XX:SharedArchiveFile=$jsa -Xlog:cds*=off -jar $JAR check --root $tree --json"
    bench "check: java -Xshare:off -jar (no CDS at all)" none "${RUNS}" \
        "java -Xshare:off -jar $JAR check --root $tree --json"
fi
bench "openssl x509 -noout -enddate loop ($(( ${#crt[@]} + ${#cert[@]} )) files)" bash "${OPENSSL_RUNS}" "$openssl_loop"

say ""
say "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) after timing"
say ""
printf '%-52s %7s %7s %7s %7s %6s %4s\n' "seconds" min median max cpu/run other runs
say "(min/median/max: wall time of one run; cpu/run: user+sys of one run, mean; other: cores kept busy by"
say " other processes meanwhile, 0 on a quiet machine)"
printf '%s\n' "${summary[@]}"
