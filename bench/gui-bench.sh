#!/usr/bin/env bash
# GUI benchmark (issue 3): the real window opened on a certs root of 500 registry directories / 2,500 files, under
# Xvfb. For each launch (default 5) it prints, counted from the moment java is started: the first frame of the
# main window (target <= 2 s), the tree holding every directory and file (target <= 3 s), and the FX-thread stalls
# after the first frame (gaps over 100 ms between two pulses; target: none); then the medians.
# Needs xvfb-run (xvfb) and libgtk-3-0. Builds the test classes when they are missing.
# Usage: bench/gui-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
command -v xvfb-run >/dev/null || { echo "missing xvfb-run: apt-get install -y xvfb" >&2; exit 2; }
[ -f target/test-classes/dev/certsd/bench/GuiBench.class ] || mvn -q -B test-compile
cp="target/test-classes:target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$cp" dev.certsd.bench.BenchTree "$work/certs.d"
echo "root: $(find "$work/certs.d" -mindepth 1 -maxdepth 1 -type d | wc -l) registry directories," \
     "$(find "$work/certs.d" -type f | wc -l) files; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n1)"

for i in $(seq 1 "$runs"); do
    CP="$cp" ROOT="$work/certs.d" RUN="$work/run-$i" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        java -Dbench.launchedAt="$(date +%s%3N)" -Dcertsd.config.dir="$RUN/config" -Dcertsd.data.dir="$RUN/data" \
             -cp "$CP" dev.certsd.bench.GuiBench "$ROOT" 2>"$RUN.err"
    ' | tee -a "$work/results" || { echo "run $i failed:" >&2; cat "$work/run-$i.err" >&2; exit 1; }
done

median() { grep -o "$1=[0-9-]*" "$work/results" | cut -d= -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $runs: firstFrameMs=$(median firstFrameMs) treeLoadedMs=$(median treeLoadedMs)" \
     "stallsOver100ms=$(median stallsOver100ms) busyStallsOver100ms=$(median busyStallsOver100ms)" \
     "maxGapMs=$(median maxGapMs) cpuAtFirstFrameMs=$(median cpuAtFirstFrameMs)" \
     "fxCpuAtFirstFrameMs=$(median fxCpuAtFirstFrameMs) cpuAtTreeLoadedMs=$(median cpuAtTreeLoadedMs); load $(cut -d' ' -f1-3 /proc/loadavg)"
