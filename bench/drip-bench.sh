#!/usr/bin/env bash
# Deadline benchmark: whole `java -jar target/certsd-studio.jar` processes of `test --timeout 2` and
# `import-ca --from-server/--harbor --timeout 2` against servers that send one byte per second, timed to exit.
# Each must end within about 2 s plus the JVM's start (docs/security-probe.md). Usage: bench/drip-bench.sh [JAR] [RUNS] [CAP_S]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/certsd-studio.jar}
if [ "$jar" = target/certsd-studio.jar ]; then
    mvn -q -o -DskipTests package 2>/dev/null || mvn -q -DskipTests package
fi
mvn -q -o test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null 2>&1 \
    || mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" dev.certsd.probe.peers.DripBench \
    "$jar" "${@:2}"
