#!/usr/bin/env bash
# Builds the installers with jpackage and a jlink'ed runtime.
#   installer/build.sh            the native package of this OS (Linux: .deb, plus .rpm when rpmbuild exists)
#   installer/build.sh app-image  a self-contained folder (any OS)
#   installer/build.sh deb|rpm|msi|dmg
# jpackage builds only for the OS it runs on: .msi on Windows (with the WiX toolset), .dmg on macOS.
# Output: target/installer/.
#
# Start-up (docs/performance.md, "installed app"): when a JDK 25 is there (CERTSD_JDK, default
# /usr/lib/jvm/temurin-25-jdk-amd64), its jpackage builds the package, so the bundled runtime is Java 25, and the app
# image gets an AOT cache (JEP 483/514/515): a training run of the image's own runtime (dev.certsd.app.AotTraining:
# check, test against a local openssl s_server, the window's first frame under Xvfb) writes lib/app/certsd-studio.aot,
# and the launcher's options name it (-XX:AOTCache); on Linux `check`, `test` and the rest of the command line get
# caches of their own (train_aot). The sources stay Java 17. Without a JDK 25 (or with
# CERTSD_AOT=0) the package is built as before, with the jpackage on the PATH. Either way Bouncy Castle's jars go in
# without their signatures (installer/StripSignatures.java). With the cache, picocli's class files go in as Java 8
# ones (installer/ModernClassFiles.java), and bin/certsd-studio is a script in place of jpackage's launcher
# (installer/launcher-script.sh).
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

# the command line's AOT cache (see train_aot), in training and in the launcher script: JDK 25.0.3 cannot link the
# adapters and stubs such a cache holds, and warned on every start ("Failed to link AdapterHandlerEntry")
CLI_AOT_OPTS=("-XX:+UnlockDiagnosticVMOptions" "-XX:-AOTAdapterCaching" "-XX:-AOTStubCaching")

JDK25=${CERTSD_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
JPACKAGE=jpackage
AOT=0
if [ "${CERTSD_AOT:-1}" != 0 ] && [ -x "$JDK25/bin/jpackage" ] \
    && "$JDK25/bin/java" -XX:AOTMode=off -version >/dev/null 2>&1; then
  JPACKAGE=$JDK25/bin/jpackage
  AOT=1
  JAVA_OPTS+=(
    "--enable-native-access=ALL-UNNAMED,javafx.graphics"  # JavaFX loads its native libraries (JEP 472's warning)
    "--sun-misc-unsafe-memory-access=allow"              # JavaFX 21's Marlin renderer (JEP 498's warning)
    "-Xlog:all=off" "-Xlog:all=warning:stderr"          # JVM warnings (e.g. a rejected cache) never on stdout
  )
  echo "JDK 25 at $JDK25: a Java 25 runtime with an AOT cache"
else
  echo "no JDK 25 with AOT cache support at $JDK25 (or CERTSD_AOT=0): the runtime of $(command -v jpackage)"
fi

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
# unsigned Bouncy Castle: no jar verification at class loading, and its classes can go into the AOT/CDS archive
java installer/StripSignatures.java "$OUT"/input/lib/bc*.jar
# picocli's Java 5 class files as Java 8 ones with stack maps, so that the AOT cache can hold them (JDK 25's class file
# API; installer/ModernClassFiles.java)
if [ "$AOT" = 1 ]; then "$JDK25/bin/java" installer/ModernClassFiles.java "$OUT"/input/lib/picocli-*.jar; fi

# Linux app image (AOT): JavaFX's native libraries go into the runtime's lib directory, where JavaFX looks first for a
# jlink'ed javafx.graphics, and not into the module (native_libs). Otherwise it copies them out of the module into
# .openjfx/cache under the user's home on every start, compares them by MD5 and loads them from there: native code
# from a directory the app rewrites, and a write into the home directory at every start (docs/security.md).
NATIVES_OUT=""
if [ "$AOT" = 1 ] && [ "$(uname -s)" = Linux ]; then NATIVES_OUT=lib/runtime/lib; fi

common=(--name "$NAME" --app-version "$VERSION" --vendor "Certs.d Studio" --copyright "Apache-2.0"
  --description "A workbench for the client certificates container tools read from certs.d"
  --input "$OUT/input" --main-jar "$NAME.jar" --main-class "$MAIN"
  --module-path "$OUT/javafx" --add-modules "$MODULES"
  # jpackage's defaults without --strip-native-commands: the runtime keeps bin/java, which the privileged helper's
  # wrapper (installer/linux/certsd-apply-prepared) runs with a fixed command line
  --jlink-options "--strip-debug --no-man-pages --no-header-files${NATIVES_OUT:+ --exclude-resources=glob:/javafx.graphics/*.so}")
for opt in "${JAVA_OPTS[@]}"; do common+=(--java-options "$opt"); done

# The privileged helper (docs/security-privileged.md): polkit's policy and the root-owned wrapper it lets pkexec run.
# jpackage puts everything under /opt/$NAME, so they are added to its .deb afterwards, as files dpkg owns.
add_privileged_helper() {
  local deb work
  deb=$(ls -t "$OUT"/${NAME}_*.deb | head -1)
  work=$(mktemp -d)
  dpkg-deb -R "$deb" "$work/pkg"
  # the times the AOT cache was trained with (see STAMP)
  if [ -n "${STAMP:-}" ]; then find "$work/pkg/opt/$NAME" -exec touch -h -d "@$STAMP" {} +; fi
  # the Japanese window needs CJK glyphs, which a fresh Debian may lack: recommended, so apt installs it by default.
  # IPA Gothic, a plain TrueType font: JavaFX 21 draws boxes with Noto CJK alone (a .ttc collection), measured under
  # Xvfb on Debian 12 (docs/screenshots.sh polish); Noto CJK stays as the alternative other programs prefer.
  if ! grep -q '^Recommends:' "$work/pkg/DEBIAN/control"; then
    sed -i '/^Depends:/a Recommends: fonts-ipafont-gothic, fonts-noto-cjk' "$work/pkg/DEBIAN/control"
  fi
  # every jpackage placeholder expanded: one left in a maintainer script (a JDK release renamed it) breaks every
  # later upgrade and removal of the package
  local left
  left=$(grep -lE '^[A-Z][A-Z_]+[A-Z]$' "$work/pkg/DEBIAN/"{preinst,postinst,prerm,postrm} 2>/dev/null || true)
  if [ -n "$left" ]; then
    echo "unexpanded jpackage placeholder in: $left" >&2; grep -nE '^[A-Z][A-Z_]+[A-Z]$' $left >&2; exit 1
  fi
  install -D -m 0755 installer/linux/certsd-apply-prepared "$work/pkg/usr/lib/certsd-studio/certsd-apply-prepared"
  install -D -m 0644 installer/linux/dev.certsd.studio.policy \
    "$work/pkg/usr/share/polkit-1/actions/dev.certsd.studio.policy"
  if [ -f "$work/pkg/DEBIAN/md5sums" ]; then
    (cd "$work/pkg" && md5sum usr/lib/certsd-studio/certsd-apply-prepared \
      usr/share/polkit-1/actions/dev.certsd.studio.policy >> DEBIAN/md5sums)
  fi
  # gzip: xz (dpkg-deb's default) took minutes over the runtime and the AOT cache; every dpkg and apt reads gzip.
  dpkg-deb -Zgzip -z6 --root-owner-group -b "$work/pkg" "$deb" >/dev/null
  rm -rf "$work"
  echo "added the privileged helper's wrapper and polkit policy to $deb"
}

# aot_run WORK CACHE GUI COMMAND... -- TARGETS...: one AotTraining run writing CACHE. A step that fails (say the local
# server was slow to start) still leaves a cache of what ran; without a cache file (the JVM did not get to its exit)
# the package goes without it, and the launcher starts without it.
aot_run() {
  local work=$1 cache=$2 gui=$3 cmd=() log
  shift 3
  while [ "$1" != -- ]; do cmd+=("$1"); shift; done
  shift
  log=$work/training-$(basename "$cache").log
  echo "AOT training run for $(basename "$cache") ($# test target(s), window: $gui) ..."
  if ! timeout 600 "${cmd[@]}" "-XX:AOTCacheOutput=$cache" "-Dcertsd.training.gui=$gui" dev.certsd.app.AotTraining \
      "$work" "$@" >"$log" 2>&1; then
    echo "AOT training: a step failed$([ -f "$cache" ] && echo ', the cache holds the others' || echo ', no cache'):" >&2
    tail -20 "$log" >&2
  fi
  grep -h "AOT training" "$log" || true
  if [ -f "$cache" ]; then echo "AOT cache: $cache ($(du -h "$cache" | cut -f1))"; fi
}

# provider_list IMAGE: the runtime's java.security names only the security providers whose modules jlink put into the
# runtime, numbered without gaps. A provider named there but missing from the runtime (SunJGSS, XMLDSig, SunPCSC,
# JdkSASL, SunPKCS11 here) is looked for by the JDK with a ServiceLoader over the class path the first time a lookup
# passes it (JSSE's named groups ask for "XDH" parameters, which no provider has), and that ServiceLoader makes an
# instance of every provider it finds there: Bouncy Castle's, 60 ms of every `test` (docs/performance.md). Names this
# map does not know are kept.
provider_list() {
  local conf release mods
  conf=$(find "$1" -path '*/conf/security/java.security' | head -n1)
  release=${conf%/conf/security/java.security}/release
  [ -f "$conf" ] && [ -f "$release" ] || { echo "no java.security or release file in the runtime of $1" >&2; exit 1; }
  mods=" $(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$release") "
  awk -v mods="$mods" '
    BEGIN { n = split("SunJGSS=java.security.jgss SunSASL=java.security.sasl XMLDSig=java.xml.crypto " \
                      "SunPCSC=java.smartcardio JdkLDAP=java.naming JdkSASL=jdk.security.jgss " \
                      "SunPKCS11=jdk.crypto.cryptoki SunMSCAPI=jdk.crypto.mscapi", pairs, " ")
            for (i = 1; i <= n; i++) { split(pairs[i], kv, "="); module[kv[1]] = kv[2] } }
    /^security\.provider\.[0-9]+=/ {
      value = substr($0, index($0, "=") + 1); split(value, words, " ")
      if (words[1] in module && index(mods, " " module[words[1]] " ") == 0) { dropped = dropped " " words[1]; next }
      print "security.provider." (++kept) "=" value; next }
    { print }
    END { print "providers kept: " kept ", dropped (module not in the runtime):" dropped > "/dev/stderr" }
  ' "$conf" >"$conf.new"
  chmod --reference="$conf" "$conf.new" && mv "$conf.new" "$conf"
}

# native_libs DIR: the native libraries of the JavaFX platform jar (its top-level *.so), extracted into DIR
native_libs() {
  local dir=$1 jar tmp
  jar=$(pwd)/$(ls "$OUT"/javafx/javafx-graphics-*-linux*.jar | head -1)
  tmp=$(mktemp -d)
  (cd "$tmp" && jar -xf "$jar")
  ls "$tmp"/lib*.so >/dev/null 2>&1 || { echo "no native libraries in $jar" >&2; exit 1; }
  install -m 0644 "$tmp"/lib*.so "$dir/"
  echo "JavaFX's native libraries in $dir: $(cd "$tmp" && echo lib*.so)"
  rm -rf "$tmp"
}

# train_aot IMAGE: runs AotTraining on the image's own runtime and class path and names the cache in the launcher's
# configuration. Prints why and returns 0 without a cache when training is not possible; the app then starts as is.
train_aot() {
  local img=$1 app runtime_java work cache server_pid="" targets=() gui=true port
  app=$img/lib/app
  runtime_java=$img/lib/runtime/bin/java
  cache=$app/$NAME.aot
  work=$(mktemp -d)
  # a local TLS registry stand-in for `test`: openssl s_server, asking for a client certificate
  if command -v openssl >/dev/null; then
    port=$((20000 + RANDOM % 20000))
    local host=$work/certs.d/127.0.0.1:$port pki=$work/pki
    mkdir -p "$host" "$pki"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=training-ca \
      -keyout "$pki/ca.key" -out "$host/ca.crt" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=127.0.0.1 \
      -keyout "$pki/server.key" -out "$pki/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1\n' >"$pki/server.ext"
    openssl x509 -req -in "$pki/server.csr" -CA "$host/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 2 \
      -extfile "$pki/server.ext" -out "$pki/server.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj /CN=training-client -keyout "$host/client.key" \
      -out "$pki/client.csr" 2>/dev/null
    openssl x509 -req -in "$pki/client.csr" -CA "$host/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 2 \
      -out "$host/client.cert" 2>/dev/null
    chmod 600 "$host/client.key"
    openssl s_server -quiet -accept "$port" -cert "$pki/server.crt" -key "$pki/server.key" -CAfile "$host/ca.crt" \
      -Verify 1 -www >/dev/null 2>&1 &
    server_pid=$!
    targets=("$host=https://127.0.0.1:$port/v2/")
    for _ in $(seq 1 50); do (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  else
    echo "AOT training: no openssl, so no \`test\` in the training run"
  fi
  # The sample root the runs check and the window shows, written by a JVM of its own: its keys and certificates come
  # from Bouncy Castle's provider, whose hundreds of classes a recorded run would put into its cache, to be loaded
  # before every command (AotTraining; docs/performance.md). If this fails, each run writes its own.
  "$runtime_java" -cp "$app/$NAME.jar" dev.certsd.app.AotTraining --prepare "$work" >/dev/null \
    || echo "AOT training: could not write the sample root beforehand; each training run writes its own" >&2
  # The window's cache. Where the launcher script gives the commands caches of their own (Linux), it serves the window
  # alone and is linked ahead like theirs (the first frame about 0.3 s sooner), with their options. Elsewhere it serves
  # every command, without class linking: a linked cache loads every class it holds before main, and the window's
  # classes made a one-directory check slower (docs/performance.md). CERTSD_AOT_LINKING=0 or 1 decides instead.
  # Where it serves the window alone, it is trained without `test`: JSSE's classes in a linked cache are loaded before
  # every window's first frame (0.06 s of it, docs/performance.md), and a connection test from the window loads them
  # when it first runs instead (about 0.1 s).
  local linking=-XX:-AOTClassLinking window_opts=() window_targets=("${targets[@]}")
  if [ "$(uname -s)" = Linux ] && [ "${CERTSD_AOT_CLI:-1}" != 0 ]; then
    linking=-XX:+AOTClassLinking window_opts=("${CLI_AOT_OPTS[@]}") window_targets=()
  fi
  case "${CERTSD_AOT_LINKING:-}" in
    1) linking=-XX:+AOTClassLinking window_opts=("${CLI_AOT_OPTS[@]}") ;;
    0) linking=-XX:-AOTClassLinking window_opts=() ;;
  esac
  local display=()
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    display=(xvfb-run -a -s "-screen 0 1280x800x24")
  elif [ -z "${DISPLAY:-}" ]; then
    echo "AOT training: no display and no xvfb-run, so no window in the training run"
    gui=false
  fi
  aot_run "$work" "$cache" "$gui" "${display[@]}" "$runtime_java" "${JAVA_OPTS[@]}" "${window_opts[@]}" "$linking" \
    -cp "$app/$NAME.jar" -- "${window_targets[@]}"
  # The command line's own cache, which the launcher script (Linux) uses for everything but the window: the command
  # line's classes only, linked ahead (lambdas, proxies and resolved constants come from it too; a one-directory
  # check about 60 ms faster), with CLI_AOT_OPTS.
  if [ -f "$cache" ] && [ "${CERTSD_AOT_CLI:-1}" != 0 ] && [ "$(uname -s)" = Linux ]; then
    aot_run "$work" "$app/$NAME-cli.aot" false "$runtime_java" "${JAVA_OPTS[@]}" "${CLI_AOT_OPTS[@]}" \
      -XX:+AOTClassLinking -cp "$app/$NAME.jar" -- "${targets[@]}"
    # `check`'s own: trained on checks alone. A linked cache loads every class it holds before main, and `test`'s
    # TLS classes (a third of the command line's cache) made a one-directory check about 30-40 ms slower.
    aot_run "$work" "$app/$NAME-check.aot" false "$runtime_java" "${JAVA_OPTS[@]}" "${CLI_AOT_OPTS[@]}" \
      -XX:+AOTClassLinking -cp "$app/$NAME.jar" --
    # `test`'s own: the tests alone, typed the quick way as users do, without the checks' output and picocli's model
    # (installed `test` of 10 pairs 0.61 -> 0.545 s with the sample root written beforehand, docs/performance.md)
    if [ "${#targets[@]}" -gt 0 ]; then
      aot_run "$work" "$app/$NAME-test.aot" false "$runtime_java" "${JAVA_OPTS[@]}" "${CLI_AOT_OPTS[@]}" \
        -XX:+AOTClassLinking -Dcertsd.training.checks=false -cp "$app/$NAME.jar" -- "${targets[@]}"
    fi
  fi
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  if [ -f "$cache" ]; then
    local lines="java-options=-XX:AOTCache=\$APPDIR/$NAME.aot"
    for opt in "${window_opts[@]}"; do lines="$lines\njava-options=$opt"; done
    sed -i "s|^\[JavaOptions\]\$|[JavaOptions]\n$lines|" "$app/$NAME.cfg"
    grep -q "AOTCache" "$app/$NAME.cfg" || { echo "could not name the AOT cache in $app/$NAME.cfg" >&2; exit 1; }
  fi
  rm -rf "$work"
}

# order_classpath IMAGE: the launcher's class path in the main jar's manifest order (jpackage lists the jars
# alphabetically). A class is looked up jar by jar, each opened on the way, and the manifest names the command
# line's jars first (pom.xml), so a `check` opens them without opening the window's large ones first.
order_classpath() {
  local cfg=$1/lib/app/$NAME.cfg ordered=$OUT/classpath.ordered entry
  : >"$ordered"
  for entry in $classpath; do
    if grep -qxF "app.classpath=\$APPDIR/$entry" "$cfg"; then echo "app.classpath=\$APPDIR/$entry" >>"$ordered"; fi
  done
  [ "$(grep -c '^app.classpath=\$APPDIR/lib/' "$cfg")" = "$(wc -l <"$ordered")" ] \
    || { echo "the class path in $cfg is not the manifest's" >&2; exit 1; }
  awk -v ordered="$ordered" '/^app\.classpath=\$APPDIR\/lib\// { if (!done) { while ((getline l < ordered) > 0) print l; done = 1 } next } { print }' \
    "$cfg" >"$cfg.new" && mv "$cfg.new" "$cfg"
  rm -f "$ordered"
}

# With AOT: one app image, trained, then packaged (jpackage --app-image).
image=""
if [ "$AOT" = 1 ]; then
  rm -rf "$OUT/image"
  icon=()
  [ "$(uname -s)" = Linux ] && icon=(--icon icons/png/certsd-studio-256.png)
  echo "jpackage --type app-image (Java 25) ..."
  "$JPACKAGE" --type app-image "${common[@]}" "${icon[@]}" --dest "$OUT/image"
  image=$OUT/image/$NAME
  order_classpath "$image"
  [ -z "$NATIVES_OUT" ] || native_libs "$image/$NATIVES_OUT"
  provider_list "$image"
  # The cache holds the size and time of every jar (and of the runtime's modules file) and is refused when they
  # differ; jpackage's package step copies the image with new times, so the whole image gets one fixed time here
  # and again in the package (fix_deb_times).
  STAMP=$(date +%s)
  find "$image" -exec touch -h -d "@$STAMP" {} +
  train_aot "$image"
  # Linux: the launcher that asks rpm and dpkg (the other systems' launchers do not)
  if [ "$(uname -s)" = Linux ]; then installer/launcher-script.sh "$image" "$NAME" "$MAIN" "${CLI_AOT_OPTS[@]}"; fi
fi

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
  if [ -n "$image" ] && [ "$type" = app-image ]; then
    rm -rf "${OUT:?}/$NAME" && cp -a "$image" "$OUT/$NAME"
  elif [ -n "$image" ]; then
    # from the trained image: only the package's own options (jpackage refuses the image-building ones)
    pkg=()
    skip=0
    for o in "${extra[@]}"; do
      if [ "$skip" = 1 ]; then skip=0; continue; fi
      case "$o" in --icon|--add-launcher) skip=1; continue ;; esac
      pkg+=("$o")
    done
    "$JPACKAGE" --type "$type" --app-image "$image" --name "$NAME" --app-version "$VERSION" --vendor "Certs.d Studio" \
      --copyright "Apache-2.0" --description "A workbench for the client certificates container tools read from certs.d" \
      "${pkg[@]}" --dest "$OUT"
  else
    jpackage --type "$type" "${common[@]}" "${extra[@]}" --dest "$OUT"
  fi
  if [ "$type" = deb ]; then add_privileged_helper; fi
done
ls -la "$OUT" | grep -E "\.(deb|rpm|msi|dmg)$|$NAME$" || true
