#!/usr/bin/env bash
# Smoke test: launches the app both ways a user does under Xvfb and checks that its main window appears.
#   javafx-run  `mvn javafx:run`: JavaFX on the module path (ControlsFX/AtlantaFX need the pom's --add-exports)
#   jar         `java -jar target/certsd-studio.jar`: JavaFX on the classpath
# The window is seen through the marker file the app writes after laying out its first frame when
# -Dcertsd.shownMarker=PATH is set (passed to `mvn javafx:run`'s forked JVM through JAVA_TOOL_OPTIONS), so no
# screenshot tool is needed (CI installs none); where xdotool is installed, the X window named "Certs.d Studio" is
# looked up as well. Settings and data go to a temporary directory.
# Needs: xvfb-run (xvfb) and the libraries JavaFX loads (libgtk-3-0). Builds the jar when it is missing.
# Usage: docs/smoke.sh [javafx-run|jar|all]      exit 0 when every launch showed its window
set -euo pipefail
cd "$(dirname "$0")/.."

command -v xvfb-run >/dev/null || { echo "missing xvfb-run: apt-get install -y xvfb" >&2; exit 2; }
[ -f target/certsd-studio.jar ] || mvn -q -B package -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# mvn javafx:run starts Maven first: allow for a cold start on a small machine
WINDOW_TIMEOUT=${SMOKE_TIMEOUT:-120}

# launch NAME COMMAND...: runs COMMAND under Xvfb until the window shows (or the time runs out), then stops it
launch() {
    local name=$1; shift
    local marker="$work/$name.shown" log="$work/$name.log"
    local props="-Dcertsd.shownMarker=$marker -Dcertsd.config.dir=$work/config-$name -Dcertsd.data.dir=$work/data-$name"
    local started=$(date +%s%N)
    if NAME="$name" MARKER="$marker" LOG="$log" PROPS="$props" LIMIT="$WINDOW_TIMEOUT" \
        xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
            set -uo pipefail
            # its own process group, so stopping it stops Maven and the JVM Maven forked
            if [ "$NAME" = javafx-run ]; then
                JAVA_TOOL_OPTIONS="$PROPS" setsid mvn -q -B javafx:run >"$LOG" 2>&1 &
            else
                setsid java $PROPS -jar target/certsd-studio.jar >"$LOG" 2>&1 &
            fi
            app=$!
            ok=1
            for _ in $(seq 1 $((LIMIT * 10))); do
                [ -f "$MARKER" ] && { ok=0; break; }
                kill -0 "$app" 2>/dev/null || { echo "$NAME: the app exited before showing a window" >&2; break; }
                sleep 0.1
            done
            if [ $ok = 0 ] && command -v xdotool >/dev/null; then
                timeout 10 xdotool search --sync --name "^Certs.d Studio$" >/dev/null \
                    || { echo "$NAME: marker written but no X window named Certs.d Studio" >&2; ok=1; }
            fi
            kill -TERM -- "-$app" 2>/dev/null
            wait "$app" 2>/dev/null
            exit $ok
        '; then
        echo "$name: window shown after $(( ($(cat "$marker") - started / 1000000) )) ms"
    else
        echo "$name: FAILED: no window within ${WINDOW_TIMEOUT} s; its output:" >&2
        sed 's/^/    /' "$log" >&2 || true
        return 1
    fi
}

status=0
case "${1:-all}" in
    javafx-run) launch javafx-run || status=1 ;;
    jar) launch jar || status=1 ;;
    all) launch javafx-run || status=1; launch jar || status=1 ;;
    *) echo "usage: docs/smoke.sh [javafx-run|jar|all]" >&2; exit 2 ;;
esac
exit $status
