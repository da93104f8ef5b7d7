#!/usr/bin/env bash
# fleet-bench.sh: `certsd-studio check --inventory` over 20 inventory entries that are all the same real OpenSSH
# server on loopback (20 aliases in ~/.ssh/config: Host runner01..runner20 -> 127.0.0.1:PORT), each with a
# certs root of HOSTS host directories. Prints, per run, the wall time of the whole process, the time the fleet
# check itself took (the JSON's tookMillis) and the most connections open at once, as the program counted them
# and as `ss` saw them (established TCP connections to the server's port, sampled every 10 ms). The issue's bar: 20 entries in <= 5 s with at
# most 8 connections open at once.
#
#   bench/fleet-bench.sh
#
# Environment: RUNS (5), ENTRIES (20), HOSTS (14 host directories per root), MAX (8, --max-connections),
# JAVA_FLAGS (-XX:TieredStopAtLevel=1, as the launcher runs the JVM).
# Needs root (sshd), openssh-server and iproute2 (ss).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-5}
ENTRIES=${ENTRIES:-20}
HOSTS=${HOSTS:-14}
MAX=${MAX:-8}
JAVA_FLAGS=${JAVA_FLAGS:--XX:TieredStopAtLevel=1}
JAR=target/certsd-studio.jar
say() { printf '%s\n' "$*"; }

if [[ ! -f $JAR || ! -f target/lib/sshd-core-2.20.1.jar ]]; then
    say "building $JAR ..."
    mvn -q -B -o package -DskipTests 2>/dev/null || mvn -q -B package -DskipTests
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fleet-bench.XXXXXX")
sshd_pid=
watch_pid=
cleanup() {
    [[ -n $watch_pid ]] && kill "$watch_pid" 2>/dev/null || true
    [[ -n $sshd_pid ]] && kill "$sshd_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# ---- the server: fresh host and user keys, loopback only --------------------------------------------------
mkdir -p /run/sshd "$work/home/.ssh"
ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/home/.ssh/id_ed25519"
cp "$work/home/.ssh/id_ed25519.pub" "$work/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
MaxStartups 100:30:200
Subsystem sftp internal-sftp
LogLevel ERROR
CONF
/usr/sbin/sshd -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.05; done
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$work/host_key.pub")" >"$work/home/.ssh/known_hosts"
cat >"$work/home/.ssh/config" <<CONF
Host runner*
  HostName 127.0.0.1
  Port $port
  User $(id -un)
  IdentityFile ~/.ssh/id_ed25519
CONF
: >"$work/inventory"
for i in $(seq -w 1 "$ENTRIES"); do echo "runner$i" >>"$work/inventory"; done

# ---- the root each machine is read at ------------------------------------------------------------------------
java -cp 'target/lib/*' bench/TreeGenerator.java "$work/certs.d" "$HOSTS" >/dev/null

# ---- connections as the server sees them ----------------------------------------------------------------------
: >"$work/ss.max"
watch_connections() {
    local max=0 n
    echo 0 >"$work/ss.max"
    while true; do
        n=$(ss -Htn state established "( dport = :$port )" | wc -l)
        (( n > max )) && { max=$n; echo "$max" >"$work/ss.max"; }
        sleep 0.01
    done
}

say "fleet: $ENTRIES inventory entries -> one sshd on 127.0.0.1:$port, $HOSTS host directories each, --max-connections $MAX"
say "$(nproc) cores; $(java -version 2>&1 | head -1)"
walls=()
for run in $(seq 1 "$RUNS"); do
    watch_connections &
    watch_pid=$!
    start=$(date +%s%N)
    rc=0
    ${TIME_CMD:-} java $JAVA_FLAGS -Dcertsd.ssh.dir="$work/home/.ssh" -jar "$JAR" check --inventory "$work/inventory" \
        --root "$work/certs.d" --max-connections "$MAX" --json >"$work/out.json" 2>"$work/err.txt" || rc=$?
    end=$(date +%s%N)
    sleep 0.05
    kill "$watch_pid"; wait "$watch_pid" 2>/dev/null || true; watch_pid=
    if (( rc > 1 )); then say "check failed ($rc):"; cat "$work/err.txt"; exit 1; fi
    read_ok=$(grep -c '"read" : true' "$work/out.json" || true)
    if (( read_ok != ENTRIES )); then say "only $read_ok of $ENTRIES machines read:"; head -c 2000 "$work/out.json"; exit 1; fi
    took=$(sed -n 's/.*"tookMillis" : \([0-9]*\).*/\1/p' "$work/out.json")
    maxc=$(sed -n 's/.*"maxConcurrentConnections" : \([0-9]*\).*/\1/p' "$work/out.json")
    wall=$(( (end - start) / 1000000 ))
    walls+=("$wall")
    printf 'run %d: process %5d ms, fleet check %5d ms, connections at once: %s (program), %s (ss)\n' \
        "$run" "$wall" "$took" "$maxc" "$(cat "$work/ss.max")"
done
sorted=($(printf '%s\n' "${walls[@]}" | sort -n))
say "median process wall time: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms for $ENTRIES entries (bar: 5000 ms, <= $MAX connections)"
