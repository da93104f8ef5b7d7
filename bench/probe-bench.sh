#!/usr/bin/env bash
# Connection-test benchmark: a host directory with 10 pairs against the real distribution registry on loopback.
# Prints (a) the probe engine in a warm JVM, (c) 10 sequential curl runs doing the same handshakes + GET /v2/,
# alternating with (a) so both see the same load, and (b) the whole `java -jar target/certsd-studio.jar test` process
# (and the same through bin/certsd-studio, C1 only + AppCDS).
# Needs: docker-registry, curl, hyperfine (Debian packages of the same names). Usage: bench/probe-bench.sh [WARMUP RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in docker-registry curl hyperfine; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 2; }
done
mvn -q -o -DskipTests package 2>/dev/null || mvn -q -DskipTests package
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null 2>&1 \
    || mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" dev.certsd.probe.peers.ProbeBench \
    target/certsd-studio.jar "$@"
