#!/usr/bin/env bash
# Takes the README's screenshots of the main window: the sample root open, a file selected, light and dark.
# Runs the real jar under Xvfb; installs nothing. Needs: xvfb-run (xvfb), xdotool, imagemagick (import), and
# libgtk-3-0 for JavaFX. Settings and the sample go to a temporary directory, never to your home.
# Usage: docs/screenshots.sh            (builds target/certsd-studio.jar first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in xvfb-run xdotool /usr/bin/import; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y xvfb xdotool imagemagick" >&2; exit 2; }
done
[ -f target/certsd-studio.jar ] || mvn -q -B package -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The file shown selected: an expired client certificate, so the shot has badges, a verdict and findings.
selected="$work/data/sample/certs.d/expired.example.com:5000/client.cert"

shoot() {
    local theme=$1 out=$2
    WORK="$work" THEME="$theme" OUT="$out" SELECTED="$selected" \
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        set -euo pipefail
        java -Dcertsd.config.dir="$WORK/config-$THEME" -Dcertsd.data.dir="$WORK/data" \
             -jar target/certsd-studio.jar gui --sample --theme "$THEME" "$SELECTED" >"$WORK/app-$THEME.log" 2>&1 &
        app=$!
        win=$(timeout 60 xdotool search --sync --name "^Certs.d Studio$" | head -n1)
        xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800
        sleep 4   # the scan, the layout after resizing, and the first paint
        /usr/bin/import -window "$win" "$OUT"
        kill "$app"
        wait "$app" 2>/dev/null || true
    '
    echo "wrote $out"
}

shoot light docs/main-light.png
shoot dark docs/main-dark.png
