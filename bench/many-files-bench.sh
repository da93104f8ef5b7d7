#!/usr/bin/env bash
# many-files-bench.sh: wall time of `certsd-studio check` (text and --json) over ONE host directory holding many
# files, for bin/certsd-studio and for java -jar. Issue 11 asks for 100,000 files in <= 3 s.
#
#   bench/many-files-bench.sh                 # 10,000 and 100,000 files, both trees, 3 runs each
#   SIZES="20000" RUNS=1 bench/many-files-bench.sh
#
# Two trees per size, each a certs root with one host directory `reg.example.com:5000`:
#   junk    a real CA, client certificate and key (ca.crt, client.cert, client.key) and SIZE-3 small stray
#           files (stray-NNNNNN.txt, a few bytes each): the cheap case, what a forgotten log or backup loop leaves.
#   copies  the CA (ca.crt) and SIZE/3 copies each of another CA (old-ca-NNNNNN.crt), of the client certificate
#           (client-NNNNNN.cert) and of its key (client-NNNNNN.key): every file is parsed, every client
#           certificate's issuer is in the directory, every pair loads, each copy is a duplicate of the first.
#           (Not copies of the issuing CA: N issuers of M certificates are N*M links by definition, which the
#           JSON lists in each file's issuedBy.)
# The certificates come from openssl (EC P-256, valid 30 days). Files are written with bash builtins (no process a
# file), so making 100,000 of them takes seconds.
#
# Environment: SIZES ("10000 100000"), RUNS (3; the first run of each command is a warm-up and not counted when
# RUNS > 1), TIMEOUT (120 s a run; a run that takes longer is killed and shown as ">TIMEOUT"), KEEP=1 (keep the
# trees in bench/many-files/ and reuse them on the next run).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-120}
JAR=target/certsd-studio.jar
HOST=reg.example.com:5000

case ${1:-} in
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    "") ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/many-files-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [[ ${KEEP:-0} == 1 ]]; then
    trees=$repo/bench/many-files
    mkdir -p "$trees"
else
    trees=$work/trees
fi

say() { printf '%s\n' "$*"; }

if [[ ! -f $JAR || ! -d target/lib ]]; then
    say "building $JAR ..."
    mvn -q -B -o package -DskipTests
fi

# ---- PKI --------------------------------------------------------------------------------------------------
pki=$work/pki
mkdir -p "$pki"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=Bench CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$pki/ca.key" -out "$pki/ca.crt" 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=Old Bench CA" \
    -addext basicConstraints=critical,CA:TRUE -keyout "$pki/old-ca.key" -out "$pki/old-ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=bench-client" \
    -keyout "$pki/client.key" -out "$pki/client.csr" 2>/dev/null
printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n' >"$pki/ext"
openssl x509 -req -in "$pki/client.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 30 \
    -extfile "$pki/ext" -out "$pki/client.cert" 2>/dev/null
ca=$(<"$pki/ca.crt")
oldca=$(<"$pki/old-ca.crt")
cert=$(<"$pki/client.cert")
key=$(<"$pki/client.key")

# ---- trees ------------------------------------------------------------------------------------------------
# make_tree KIND SIZE ROOT: ROOT/$HOST with SIZE files of KIND; reused when KEEP=1 and already complete.
make_tree() {
    local kind=$1 size=$2 root=$3 dir=$3/$HOST i
    if [[ -d $dir ]] && [[ $(find "$dir" -maxdepth 1 -type f | wc -l) -eq $size ]]; then
        return
    fi
    rm -rf "$root"
    mkdir -p "$dir"
    if [[ $kind == junk ]]; then
        printf '%s\n' "$ca" >"$dir/ca.crt"
        printf '%s\n' "$cert" >"$dir/client.cert"
        printf '%s\n' "$key" >"$dir/client.key"
        for ((i = 1; i <= size - 3; i++)); do
            printf -v n '%06d' "$i"
            printf 'stray %d\n' "$i" >"$dir/stray-$n.txt"
        done
    else
        printf '%s\n' "$ca" >"$dir/ca.crt"
        for ((i = 1; i <= size / 3; i++)); do
            printf -v n '%06d' "$i"
            printf '%s\n' "$oldca" >"$dir/old-ca-$n.crt"
            printf '%s\n' "$cert" >"$dir/client-$n.cert"
            printf '%s\n' "$key" >"$dir/client-$n.key"
        done
        for ((i = size / 3 * 3 + 1; i < size; i++)); do   # the remainder, so the directory holds exactly SIZE files
            printf -v n '%06d' "$i"
            printf 'stray %d\n' "$i" >"$dir/stray-$n.txt"
        done
    fi
    find "$dir" -maxdepth 1 -name '*.key' -exec chmod 600 {} +   # not a glob: 33,000 names overflow argv
}

# ---- timing -----------------------------------------------------------------------------------------------
export XDG_CACHE_HOME=$work/cache   # the launcher's CDS archive, written by its first check run
results=()

# time_runs LABEL COMMAND...: RUNS runs (plus a warm-up when RUNS > 1); prints min and median wall seconds.
time_runs() {
    local label=$1 i t0 t1 rc times=() min med
    shift
    local total=$RUNS
    (( RUNS > 1 )) && total=$((RUNS + 1))
    for ((i = 0; i < total; i++)); do
        t0=$(date +%s%N)
        rc=0
        timeout "$TIMEOUT" "$@" >"$work/out" 2>"$work/err" || rc=$?
        t1=$(date +%s%N)
        if (( rc == 124 )); then
            results+=("$(printf '%-44s %9s %9s %4s' "$label" ">$TIMEOUT" "-" "-")")
            say "  $label: killed after ${TIMEOUT} s"
            return
        fi
        if (( rc > 1 )); then
            say "  $label: exit code $rc"; head -5 "$work/err"; exit 1
        fi
        (( RUNS > 1 && i == 0 )) || times+=($(( (t1 - t0) / 1000000 )))
    done
    read -r min med < <(printf '%s\n' "${times[@]}" | sort -n | awk '
        {t[NR]=$1} END {printf "%.2f %.2f\n", t[1]/1000, t[int((NR+1)/2)]/1000}')
    results+=("$(printf '%-44s %9s %9s %4s' "$label" "$min" "$med" "$rc")")
    say "  $label: min $min s, median $med s (exit code $rc, $(wc -l <"$work/out") lines of output)"
}

say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
say "java:    $(java -version 2>&1 | head -2 | tail -1)"
say "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before"
# the launcher writes its class archive on its first check run; do that once, outside the timings, over a small
# root that loads the classes a real check needs (parsing, rules, both outputs' text)
mkdir -p "$work/small/$HOST"
cp "$pki/ca.crt" "$pki/client.cert" "$pki/client.key" "$work/small/$HOST/"
printf 'stray\n' >"$work/small/$HOST/stray.txt"
bin/certsd-studio check --root "$work/small" >/dev/null 2>&1 || true

for size in $SIZES; do
    for kind in junk copies; do
        root=$trees/$kind-$size
        t0=$(date +%s%N)
        make_tree "$kind" "$size" "$root"
        say ""
        say "== $kind, $size files in $root/$HOST (made in $(( ($(date +%s%N) - t0) / 1000000 )) ms)"
        time_runs "$kind $size text  bin/certsd-studio" bin/certsd-studio check --root "$root"
        time_runs "$kind $size json  bin/certsd-studio" bin/certsd-studio check --root "$root" --json
        time_runs "$kind $size text  java -jar" java -jar "$JAR" check --root "$root"
        time_runs "$kind $size json  java -jar" java -jar "$JAR" check --root "$root" --json
    done
done

say ""
say "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) after"
say ""
printf '%-44s %9s %9s %4s\n' "seconds (wall)" min median exit
printf '%s\n' "${results[@]}"
