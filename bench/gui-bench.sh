#!/usr/bin/env bash
# GUI benchmark (issue 3): the real window opened on a certs root of 500 registry directories / 2,500 files, under
# Xvfb. For each launch (default 5) it prints, counted from the moment java is started: the first frame of the
# main window (target <= 2 s), the tree holding every directory and file (target <= 3 s), and the FX-thread stalls
# after the first frame (gaps over 100 ms between two pulses; target: none); then, once the tree is full, the frames
# until the details pane shows a selected certificate file (20 files, their host expanded first, as a click does:
# 0 = in the frame of the selection; DetailsProbe in the test classes); then the medians.
# Each launch is made twice, turn about, so both see the same load: with the JVM's default flags (`java -jar`) and
# with the flag the shipped launchers add (`mvn javafx:run`, the installed app, bin/certsd-studio):
# -XX:TieredStopAtLevel=1, which keeps the C2 compiler from taking a core away from the FX thread while the window
# starts (docs/performance.md, "window").
# Needs xvfb-run (xvfb) and libgtk-3-0. Builds the test classes when they are missing. The JVM opens sun.nio.fs, as
# the jar's manifest does for `java -jar` (the root-safe file layer; without it the window refuses its journal).
# With GUI_IMAGE=DIR (an app image from installer/build.sh, or /opt/certsd-studio), each launch is made a third time on
# the installed app: its Java 25 runtime, class path, options and window cache (bench/all.sh passes it).
# Usage: bench/gui-bench.sh [RUNS]    (GUI_ROOT=DIR: open that certs root instead of the generated one)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
command -v xvfb-run >/dev/null || { echo "missing xvfb-run: apt-get install -y xvfb" >&2; exit 2; }
[ -f target/test-classes/dev/certsd/bench/GuiBench.class ] || mvn -q -B test-compile
cp="target/test-classes:target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${GUI_ROOT:-}" ]; then
    ln -s "$(cd "$GUI_ROOT" && pwd)" "$work/certs.d"
else
    java -cp "$cp" dev.certsd.bench.BenchTree "$work/certs.d"
fi
echo "root: $(find -L "$work/certs.d" -mindepth 1 -maxdepth 1 -type d | wc -l) registry directories," \
     "$(find -L "$work/certs.d" -type f | wc -l) files; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n1)"

launch() { # $1: results file, $2: run name, $3: extra JVM flags
    CP="$cp" ROOT="$work/certs.d" RUN="$work/$2" FLAGS="$3" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        java $FLAGS --add-opens=java.base/sun.nio.fs=ALL-UNNAMED -Dbench.launchedAt="$(date +%s%3N)" -Dcertsd.config.dir="$RUN/config" \
             -Dcertsd.data.dir="$RUN/data" -cp "$CP" dev.certsd.bench.GuiBench "$ROOT" 2>"$RUN.err"
    ' | sed "s/^/$2 /" | tee -a "$work/$1" || { echo "run $2 failed:" >&2; cat "$work/$2.err" >&2; exit 1; }
}
# The installed app (GUI_IMAGE=an app image or install directory, e.g. /opt/certsd-studio): its runtime, class path and
# Java options from its launcher configuration, its window cache among them, with the test classes appended (an AOT
# cache takes a longer class path than it was trained with), and huge pages for the heap where the kernel gives them on
# request, as the launcher script adds (installer/launcher-script.sh).
installed_cmd=()
if [ -n "${GUI_IMAGE:-}" ]; then
    cfg=$GUI_IMAGE/lib/app/certsd-studio.cfg
    [ -f "$cfg" ] || { echo "no launcher configuration at $cfg" >&2; exit 2; }
    app_cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$GUI_IMAGE/lib/app|" | paste -sd:)
    mapfile -t app_opts < <(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$GUI_IMAGE/lib/app|")
    if grep -qF '[madvise]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
        app_opts=(-XX:+UseTransparentHugePages "${app_opts[@]}")
    fi
    installed_cmd=("$GUI_IMAGE/lib/runtime/bin/java" "${app_opts[@]}" -cp "$app_cp:$(pwd)/target/test-classes")
fi
launch_installed() { # $1: results file, $2: run name
    RUN="$work/$2" ROOT="$work/certs.d" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$@" -Dbench.launchedAt="$(date +%s%3N)" -Dcertsd.config.dir="$RUN/config" -Dcertsd.data.dir="$RUN/data" \
             dev.certsd.bench.GuiBench "$ROOT" 2>"$RUN.err"
    ' bash "${installed_cmd[@]}" | sed "s/^/$2 /" | tee -a "$work/$1" \
        || { echo "run $2 failed:" >&2; cat "$work/$2.err" >&2; exit 1; }
}
variants="default launcher"
[ ${#installed_cmd[@]} -eq 0 ] || variants="$variants installed"
for i in $(seq 1 "$runs"); do
    launch default "default-$i" ""
    launch launcher "launcher-$i" "-XX:TieredStopAtLevel=1"
    [ ${#installed_cmd[@]} -eq 0 ] || launch_installed installed "installed-$i"
done

median() { grep -o "$2=[0-9-]*" "$work/$1" | cut -d= -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for variant in $variants; do
    echo "median of $runs ($variant): firstFrameMs=$(median $variant firstFrameMs)" \
         "treeLoadedMs=$(median $variant treeLoadedMs) stallsOver100ms=$(median $variant stallsOver100ms)" \
         "busyStallsOver100ms=$(median $variant busyStallsOver100ms) maxGapMs=$(median $variant maxGapMs)" \
         "cpuAtFirstFrameMs=$(median $variant cpuAtFirstFrameMs) fxCpuAtFirstFrameMs=$(median $variant fxCpuAtFirstFrameMs)" \
         "cpuAtTreeLoadedMs=$(median $variant cpuAtTreeLoadedMs) detailsFrames=$(median $variant detailsFrames)" \
         "detailsMedianMs=$(median $variant detailsMedianMs) detailsMaxMs=$(median $variant detailsMaxMs)"
done
echo "launches with a stall over 100 ms: default $(grep -c 'stallsOver100ms=[1-9]' "$work/default" || true) of $runs," \
     "launcher $(grep -c 'stallsOver100ms=[1-9]' "$work/launcher" || true) of $runs$([ ${#installed_cmd[@]} -eq 0 ] || \
     echo ", installed $(grep -c 'stallsOver100ms=[1-9]' "$work/installed" || true) of $runs"); load $(cut -d' ' -f1-3 /proc/loadavg)"
