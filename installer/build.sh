#!/usr/bin/env bash
# Builds the installers with jpackage and a jlink'ed runtime.
#   installer/build.sh            the native package of this OS (Linux: .deb, plus .rpm when rpmbuild exists)
#   installer/build.sh app-image  a self-contained folder (any OS)
#   installer/build.sh deb|rpm|msi|dmg
# jpackage builds only for the OS it runs on: .msi on Windows (with the WiX toolset), .dmg on macOS.
# Output: target/installer/.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=certsd-studio
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)
MAIN=dev.certsd.app.Launcher
OUT=target/installer
MODULES=java.base,java.desktop,java.logging,java.naming,java.prefs,java.sql,java.xml,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.jfr,jdk.unsupported,javafx.base,javafx.graphics,javafx.controls
JAVA_OPTS=(
  "-XX:TieredStopAtLevel=1"  # C1 only: the window starts and fills without C2 taking a core (docs/performance.md)
  "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED"
  "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED"
  "--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED"
  "--add-exports=javafx.controls/com.sun.javafx.scene.control.inputmap=ALL-UNNAMED"
  "--add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED"
  "--add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED"
  "--add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED"
  "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED"
  "--add-opens=java.base/sun.nio.fs=ALL-UNNAMED"  # files.FdPaths: root-safe changes (docs/security.md)
)

case "$(uname -s)" in
  Linux) default=deb ;;
  Darwin) default=dmg ;;
  MINGW*|MSYS*|CYGWIN*) default=msi ;;
  *) default=app-image ;;
esac
TYPES=("${1:-$default}")
if [ "${1:-}" = "" ] && [ "$default" = deb ] && command -v rpmbuild >/dev/null; then TYPES+=(rpm); fi

[ -f target/$NAME.jar ] && [ -d target/lib ] || mvn -q -B package -DskipTests

rm -rf "$OUT/input" "$OUT/javafx"
mkdir -p "$OUT/input" "$OUT/javafx"
cp target/$NAME.jar "$OUT/input/"
mkdir -p "$OUT/input/lib"
# exactly the jars the main jar's manifest names: target/lib can hold stale versions from earlier builds
manifest=$(mktemp -d)
(cd "$manifest" && jar -xf "$OLDPWD/target/$NAME.jar" META-INF/MANIFEST.MF)
classpath=$(tr -d '\r' < "$manifest/META-INF/MANIFEST.MF" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' \
  | sed -n 's/^Class-Path: //p')
rm -rf "$manifest"
[ -n "$classpath" ] || { echo "no Class-Path in target/$NAME.jar's manifest" >&2; exit 1; }
for entry in $classpath; do
  jar=target/$entry
  [ -f "$jar" ] || { echo "$jar is missing: mvn -q -B package -DskipTests" >&2; exit 1; }
  case "$(basename "$jar")" in
    javafx-*-linux.jar|javafx-*-mac*.jar|javafx-*-win.jar) cp "$jar" "$OUT/javafx/" ;;  # the platform jars are modules
    javafx-*.jar) ;;                                                                    # empty stubs
    *) cp "$jar" "$OUT/input/lib/" ;;
  esac
done

common=(--name "$NAME" --app-version "$VERSION" --vendor "Certs.d Studio" --copyright "Apache-2.0"
  --description "A workbench for the client certificates container tools read from certs.d"
  --input "$OUT/input" --main-jar "$NAME.jar" --main-class "$MAIN"
  --module-path "$OUT/javafx" --add-modules "$MODULES" --dest "$OUT"
  # jpackage's defaults without --strip-native-commands: the runtime keeps bin/java, which the privileged helper's
  # wrapper (installer/linux/certsd-apply-prepared) runs with a fixed command line
  --jlink-options "--strip-debug --no-man-pages --no-header-files")
for opt in "${JAVA_OPTS[@]}"; do common+=(--java-options "$opt"); done

# The privileged helper (docs/security-privileged.md): polkit's policy and the root-owned wrapper it lets pkexec run.
# jpackage puts everything under /opt/$NAME, so they are added to its .deb afterwards, as files dpkg owns.
add_privileged_helper() {
  local deb work
  deb=$(ls -t "$OUT"/${NAME}_*.deb | head -1)
  work=$(mktemp -d)
  dpkg-deb -R "$deb" "$work/pkg"
  # the Japanese window needs CJK glyphs, which a fresh Debian may lack: recommended, so apt installs it by default.
  # IPA Gothic, a plain TrueType font: JavaFX 21 draws boxes with Noto CJK alone (a .ttc collection), measured under
  # Xvfb on Debian 12 (docs/screenshots.sh polish); Noto CJK stays as the alternative other programs prefer.
  if ! grep -q '^Recommends:' "$work/pkg/DEBIAN/control"; then
    sed -i '/^Depends:/a Recommends: fonts-ipafont-gothic, fonts-noto-cjk' "$work/pkg/DEBIAN/control"
  fi
  install -D -m 0755 installer/linux/certsd-apply-prepared "$work/pkg/usr/lib/certsd-studio/certsd-apply-prepared"
  install -D -m 0644 installer/linux/dev.certsd.studio.policy \
    "$work/pkg/usr/share/polkit-1/actions/dev.certsd.studio.policy"
  if [ -f "$work/pkg/DEBIAN/md5sums" ]; then
    (cd "$work/pkg" && md5sum usr/lib/certsd-studio/certsd-apply-prepared \
      usr/share/polkit-1/actions/dev.certsd.studio.policy >> DEBIAN/md5sums)
  fi
  dpkg-deb --root-owner-group -b "$work/pkg" "$deb" >/dev/null
  rm -rf "$work"
  echo "added the privileged helper's wrapper and polkit policy to $deb"
}

for type in "${TYPES[@]}"; do
  case "$type" in
    app-image) extra=() ;;
    deb|rpm) extra=(--icon icons/png/certsd-studio-256.png --resource-dir installer/linux --linux-shortcut
                    --linux-menu-group "Utility;Security;System;" --linux-app-category utils
                    --linux-package-deps libgtk-3-0 --license-file LICENSE) ;;
    msi) extra=(--icon icons/certsd-studio.ico --win-menu --win-menu-group "Certs.d Studio" --win-shortcut
                --win-dir-chooser --win-upgrade-uuid 6c1c7a2e-4f0e-4c4c-9a7e-2d6f5e8a9b10
                --add-launcher certsd-cli=installer/windows/certsd-cli.properties --license-file LICENSE) ;;
    dmg) extra=(--icon icons/certsd-studio.icns --mac-package-identifier dev.certsd.studio
                --mac-package-name "Certs.d Studio" --license-file LICENSE) ;;
    *) echo "unknown type $type (app-image, deb, rpm, msi, dmg)" >&2; exit 2 ;;
  esac
  echo "jpackage --type $type ..."
  jpackage --type "$type" "${common[@]}" "${extra[@]}"
  if [ "$type" = deb ]; then add_privileged_helper; fi
done
ls -la "$OUT" | grep -E "\.(deb|rpm|msi|dmg)$|$NAME$" || true
