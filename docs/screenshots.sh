#!/usr/bin/env bash
# Takes the README's screenshots: the main window (the sample root open, a file selected, light and dark, and in
# Japanese as on a Japanese desktop), the preview of a one-click fix, and the connection test against a
# registry-like server on loopback where the docs' answer and the client's differ.
# Runs the real jar under Xvfb; installs nothing. Needs: xvfb-run (xvfb), xdotool, imagemagick (import), and
# libgtk-3-0 for JavaFX. Settings and the sample go to a temporary directory, never to your home.
# Then each wizard's main page (new registry, client certificate and its review, CA import from a Harbor-like
# server on loopback, test PKI's review with its snippets), driven from the keyboard as a user would.
# Usage: docs/screenshots.sh [main|ja|fix|probe|wizards|polish|fleet|all]   (builds target/certsd-studio.jar first when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in xvfb-run xdotool /usr/bin/import; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y xvfb xdotool imagemagick" >&2; exit 2; }
done
# the connection-test shot also needs the test classes (its registry) and the test classpath
[ -f target/certsd-studio.jar ] && [ -f target/test-classes/dev/certsd/ui/probe/ScreenshotRegistry.class ] \
    && [ -f target/test-classes/dev/certsd/ui/wizard/ScreenshotHarbor.class ] \
    || mvn -q -B package -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The file shown selected: an expired client certificate, so the shot has badges, a verdict and findings.
selected="$work/data/sample/certs.d/expired.example.com:5000/client.cert"

# shoot THEME OUT SELECTED [JVM OPTIONS...]: the main window with SELECTED selected, into OUT
shoot() {
    local theme=$1 out=$2 sel=$3; shift 3
    local name; name=$(basename "$out" .png)
    WORK="$work" SETTLE="${SETTLE:-4}" THEME="$theme" OUT="$out" SELECTED="$sel" NAME="$name" OPTS="$*" \
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        set -euo pipefail
        java $OPTS -Dcertsd.config.dir="$WORK/config-$NAME" -Dcertsd.data.dir="$WORK/data" \
             -jar target/certsd-studio.jar gui --sample --theme "$THEME" "$SELECTED" >"$WORK/app-$NAME.log" 2>&1 &
        app=$!
        win=$(timeout 60 xdotool search --sync --name "^Certs.d Studio$" | head -n1)
        xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800
        sleep "${SETTLE:-4}"   # the scan, the layout after resizing, and the first paint
        /usr/bin/import -window "$win" "$OUT"
        kill "$app"
        wait "$app" 2>/dev/null || true
    '
    echo "wrote $out"
}

# The preview of a fix, opened the way a user does: the CA saved as .cert selected in the tree, then Ctrl+.
shoot_fix() {
    local out=$1
    WORK="$work" OUT="$out" SELECTED="$work/data/sample/certs.d/ca-saved-as-cert.example.com/ca.cert" \
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        set -euo pipefail
        java -Dcertsd.config.dir="$WORK/config-fix" -Dcertsd.data.dir="$WORK/data" \
             -jar target/certsd-studio.jar gui --sample --theme light "$SELECTED" >"$WORK/app-fix.log" 2>&1 &
        app=$!
        win=$(timeout 60 xdotool search --sync --name "^Certs.d Studio$" | head -n1)
        xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800
        sleep 4   # the scan: Ctrl+. needs the selected file in the tree
        xdotool windowfocus --sync "$win"
        xdotool key --clearmodifiers ctrl+period
        dialog=$(timeout 30 xdotool search --sync --name "^Fix$" | head -n1)
        sleep 2   # the steps are checked against the disk, then the dialog grows to show them
        /usr/bin/import -window "$dialog" "$OUT"
        kill "$app"
        wait "$app" 2>/dev/null || true
    '
    echo "wrote $out"
}

# The connection test: an in-process registry (client certificate required, alert on rejection) on 127.0.0.1
# with a-expired.cert named before b-good.cert, read as podman reads it (Docker ignores certs.d for loopback).
# The test is opened the way a user does: the host directory selected, then Ctrl+T.
shoot_probe() {
    local out=$1 cp
    cp=$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
    mkdir -p "$work/probe/certs.d" "$work/config-probe"
    coproc REG { exec java -cp "target/test-classes:target/classes:$cp" dev.certsd.ui.probe.ScreenshotRegistry \
        "$work/probe/certs.d"; }
    local hostdir
    read -r -t 60 hostdir <&"${REG[0]}"
    cat >"$work/config-probe/settings.json" <<JSON
{ "x": 0, "y": 0, "width": 1280, "height": 860, "maximized": false, "treeDivider": 0.42, "findingsDivider": 0.62,
  "dark": false, "roots": [ { "path": "$work/probe/certs.d", "client": "containers" } ] }
JSON
    WORK="$work" OUT="$out" HOSTDIR="$hostdir" \
    xvfb-run -a -s "-screen 0 1280x1080x24" bash -c '
        set -euo pipefail
        java -Dcertsd.config.dir="$WORK/config-probe" -Dcertsd.data.dir="$WORK/data" \
             -jar target/certsd-studio.jar gui --theme light "$HOSTDIR" >"$WORK/app-probe.log" 2>&1 &
        app=$!
        win=$(timeout 60 xdotool search --sync --name "^Certs.d Studio$" | head -n1)
        sleep 3   # the scan: Ctrl+T needs the selected host directory in the tree
        xdotool windowfocus --sync "$win"
        xdotool key --clearmodifiers ctrl+t
        probe=$(timeout 30 xdotool search --sync --name "^Connection test" | head -n1)
        xdotool windowmove "$probe" 0 0 windowsize "$probe" 1180 1080
        sleep 4   # the test itself (well under a second on loopback), the layout and the first paint
        /usr/bin/import -window "$probe" "$OUT"
        kill "$app"
        wait "$app" 2>/dev/null || true
    '
    exec {REG[1]}>&-
    wait "$REG_PID" 2>/dev/null || true
    echo "wrote $out"
}

# The wizards, on two roots (Docker's and podman's, as folders of a temporary directory) with one registry that
# has a client pair already, and a Harbor-like registry on 127.0.0.1 for the CA import. Each wizard is opened by
# its shortcut; Enter goes to the next page; Alt+K asks the server for its chain. Nothing is applied.
shoot_wizards() {
    local cp
    cp=$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
    local docker="$work/wiz/etc/docker/certs.d" podman="$work/wiz/home/.config/containers/certs.d"
    mkdir -p "$docker" "$podman" "$work/config-wiz"
    java -jar target/certsd-studio.jar gen-client registry.example.com:5000 --root "$docker" --name build-server \
        --self-signed --key ec256 --journal "$work/journal" >/dev/null
    coproc HARBOR { exec java -cp "target/test-classes:target/classes:$cp" dev.certsd.ui.wizard.ScreenshotHarbor; }
    local harbor
    read -r -t 60 harbor <&"${HARBOR[0]}"
    cat >"$work/config-wiz/settings.json" <<JSON
{ "x": 0, "y": 0, "width": 1280, "height": 860, "maximized": false, "treeDivider": 0.42, "findingsDivider": 0.62,
  "dark": false, "roots": [ { "path": "$docker", "client": "docker" }, { "path": "$podman", "client": "containers" } ] }
JSON
    WORK="$work" HARBOR_REG="$harbor" xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
        set -euo pipefail
        java -Dcertsd.config.dir="$WORK/config-wiz" -Dcertsd.data.dir="$WORK/data-wiz" \
             -jar target/certsd-studio.jar gui --theme light >"$WORK/app-wiz.log" 2>&1 &
        app=$!
        main=$(timeout 60 xdotool search --sync --name "^Certs.d Studio$" | head -n1)
        sleep 3
        wizard() {   # shortcut, window title: opens the wizard and waits for its window
            xdotool windowfocus --sync "$main"
            xdotool key --clearmodifiers "$1"
            timeout 30 xdotool search --sync --name "^$2\$" | head -n1
        }
        typeover() { xdotool key --clearmodifiers ctrl+a; xdotool type --delay 15 "$1"; }
        shot() { sleep "${3:-1.5}"; /usr/bin/import -window "$1" "$2"; echo "wrote $2"; }

        w=$(wizard ctrl+shift+n "New registry directory")
        typeover "localhost:5000"
        shot "$w" docs/wizard-registry.png
        xdotool key Escape

        w=$(wizard ctrl+n "New key and client certificate")
        sleep 1; typeover "registry.example.com:5000"; xdotool key Return
        sleep 1; xdotool key Return
        sleep 1; typeover "laptop"; xdotool key Tab
        shot "$w" docs/wizard-client.png
        xdotool key Return
        shot "$w" docs/wizard-client-review.png 12
        xdotool key Escape

        w=$(wizard ctrl+i "Import a CA root")
        sleep 1; typeover "$HARBOR_REG"; xdotool key Return
        sleep 1; xdotool key alt+k
        shot "$w" docs/wizard-ca.png 4
        xdotool key Escape

        w=$(wizard ctrl+shift+t "Test PKI for my own registry")
        sleep 1; typeover "registry.example.com:5443"; xdotool key Return
        sleep 1; typeover "127.0.0.1, registry.internal"; xdotool key Tab; typeover "$WORK/wiz/server"
        xdotool key Return; sleep 1; xdotool key Return
        shot "$w" docs/wizard-testpki.png 25
        xdotool key Escape
        kill "$app"
        wait "$app" 2>/dev/null || true
    '
    exec {HARBOR[1]}>&-
    wait "$HARBOR_PID" 2>/dev/null || true
}

# The first run and the polish of issue 15: the main window at its own default size (1200x760, not resized) in
# English and Japanese, the welcome of a machine without registry directories, the guided setup's trust page
# (reached from the welcome with Enter, its default button), and Help > Keyboard shortcuts (Ctrl+/).
# Japanese needs a font JavaFX can use: apt-get install -y fonts-ipafont-gothic (Noto CJK's .ttc alone draws boxes).
shoot_polish() {
    local home="$work/polish-home"
    mkdir -p "$home"
    for lang in en ja; do
        country=US; settle=8
        # Japanese: drawing the CJK glyphs the first time keeps the window busy for a good 20 s here (software
        # rendering under Xvfb); shot earlier, the tree is half filled and the details still empty
        [ "$lang" = ja ] && country=JP && settle=25
        WORK="$work" LANGOPT="-Duser.language=$lang -Duser.country=$country" OUT="docs/main-default-$lang.png" SELECTED="$selected" SETTLE="$settle" \
        xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
            set -euo pipefail
            java $LANGOPT -Dcertsd.config.dir="$WORK/config-default-$RANDOM" -Dcertsd.data.dir="$WORK/data" \
                 -jar target/certsd-studio.jar gui --sample --theme light "$SELECTED" >"$WORK/app-default.log" 2>&1 &
            app=$!
            win=$(timeout 60 xdotool search --sync --name "^Certs.d Studio$" | head -n1)
            xdotool windowmove "$win" 0 0
            sleep "$SETTLE"   # the sample, the scan, then the details of the selected file
            /usr/bin/import -window "$win" "$OUT"; echo "wrote $OUT"
            kill "$app"; wait "$app" 2>/dev/null || true
        '
    done
    # HOME points at an empty folder: no ~/.docker/certs.d, no ~/.config/containers/certs.d (and none in /etc here)
    WORK="$work" HOME_DIR="$home" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        set -euo pipefail
        java -Duser.home="$HOME_DIR" -Dcertsd.config.dir="$WORK/config-welcome" -Dcertsd.data.dir="$WORK/data-welcome" \
             -jar target/certsd-studio.jar gui --theme light >"$WORK/app-welcome.log" 2>&1 &
        app=$!
        win=$(timeout 60 xdotool search --sync --name "^Certs.d Studio$" | head -n1)
        xdotool windowmove "$win" 0 0
        sleep 4
        /usr/bin/import -window "$win" docs/welcome.png; echo "wrote docs/welcome.png"
        xdotool key --clearmodifiers ctrl+slash
        keys=$(timeout 30 xdotool search --sync --name "^Keyboard shortcuts$" | head -n1)
        sleep 1.5
        /usr/bin/import -window "$keys" docs/shortcuts.png; echo "wrote docs/shortcuts.png"
        xdotool key --clearmodifiers Escape
        sleep 1
        xdotool windowfocus --sync "$win"
        xdotool key --clearmodifiers Return
        setup=$(timeout 30 xdotool search --sync --name "^Set up a registry$" | head -n1)
        sleep 1.5
        xdotool type --delay 15 "registry.example.com:5000"
        sleep 1
        /usr/bin/import -window "$setup" docs/setup-target.png; echo "wrote docs/setup-target.png"
        xdotool key Return
        sleep 1.5
        /usr/bin/import -window "$setup" docs/setup-trust.png; echo "wrote docs/setup-trust.png"
        kill "$app"; wait "$app" 2>/dev/null || true
    '
}

# The fleet and compare views, taken by their GUI tests from the scene itself (Scene.snapshot): the fleet view needs
# a real sshd on loopback (openssh-server, run as root), which the test starts. Headless (Monocle), no Xvfb needed.
shoot_fleet() {
    mvn -q -B -o test -Dtest='FleetWindowTest,CompareWindowTest' -Dsurefire.failIfNoSpecifiedTests=false \
        -Dcertsd.shots="$(pwd)/docs"
    echo "wrote docs/fleet.png docs/compare.png"
}

case "${1:-all}" in
    main) shoot light docs/main-light.png "$selected"; shoot dark docs/main-dark.png "$selected" ;;
    ja) SETTLE=25 shoot light docs/main-ja.png "$selected" -Duser.language=ja -Duser.country=JP ;;
    fix) shoot_fix docs/fix-preview.png ;;
    probe) shoot_probe docs/probe.png ;;
    wizards) shoot_wizards ;;
    polish) shoot_polish ;;
    fleet) shoot_fleet ;;
    all) shoot light docs/main-light.png "$selected"; shoot dark docs/main-dark.png "$selected"
         SETTLE=25 shoot light docs/main-ja.png "$selected" -Duser.language=ja -Duser.country=JP
         shoot_fix docs/fix-preview.png; shoot_probe docs/probe.png; shoot_wizards; shoot_polish; shoot_fleet ;;
    *) echo "usage: docs/screenshots.sh [main|ja|fix|probe|wizards|polish|fleet|all]" >&2; exit 2 ;;
esac
