#!/usr/bin/env bash
# launcher-script.sh IMAGE NAME MAIN [CLI_OPTION...]: replaces jpackage's native launcher (IMAGE/bin/NAME) of an
# app image by a shell script that starts the image's runtime with exactly the launcher's configuration
# (IMAGE/lib/app/NAME.cfg: class path, Java options, main class). installer/build.sh runs it on the trained image.
#
# Why (docs/performance.md): the native launcher asks the package managers which package owns it on every start
# (`rpm -qf`, `dpkg -S`, then `dpkg -L`, each reading the whole dpkg database), before the JVM starts: 0.1-0.3 s of a
# `check` that should answer in a quarter of a second. The script costs one `readlink`.
#
# The configuration's AOT cache (-XX:AOTCache=...) is the window's: the script uses it for `gui` and for no
# arguments. When IMAGE/lib/app/NAME-cli.aot exists, everything else runs with that cache and CLI_OPTIONs (the
# options it was trained with), except `check` and `test`, which run with IMAGE/lib/app/NAME-check.aot and
# NAME-test.aot when those exist (each trained on that command alone, with the same options). Where the kernel
# gives transparent huge pages on request (Linux's `madvise` mode, Debian's default), the script asks for them for
# the heap: a page fault per 2 MB instead of per 4 KB as the heap is first touched, which made a one-directory check
# 16% and the window's first frame 0.1 s faster on a 2-core VM (docs/performance.md). In the other modes it passes no such option: in `never` the JVM would warn on
# every start, in `always` the kernel gives them anyway. Refuses (exit 1) a configuration value it cannot put into
# the script unchanged.
set -euo pipefail
[ "$#" -ge 3 ] || { echo "usage: $0 IMAGE NAME MAIN [CLI_OPTION...]" >&2; exit 2; }
img=$1 NAME=$2 MAIN=$3
shift 3
CLI_AOT_OPTS=("$@")
cfg=$img/lib/app/$NAME.cfg launcher=$img/bin/$NAME cp="" opts="" window="" cli=""
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
[ "$main" = "$MAIN" ] || { echo "$cfg names main class '$main', not $MAIN" >&2; exit 1; }
while IFS= read -r line; do
  value=${line#*=}
  # baked into double quotes below: nothing in a value may quote, expand or escape, apart from $APPDIR
  case "${value//\$APPDIR/}" in *[\"\$\`\\]*) echo "$cfg: cannot put '$value' into the launcher script" >&2; exit 1 ;; esac
  case "$line" in
    app.classpath=*) cp="$cp${cp:+:}$value" ;;
    java-options=-XX:AOTCache=*) window=$value ;;
    java-options=*) opts="$opts \\"$'\n'"  \"$value\"" ;;
  esac
done <"$cfg"
[ -n "$cp" ] || { echo "$cfg has no class path" >&2; exit 1; }
# the window's cache for the window, the command line's for the rest (installer/build.sh's train_aot)
cli=$window check="" test=""
# own_cache COMMAND: the options naming NAME-COMMAND.aot and CLI_AOT_OPTS, or nothing when there is no such cache
own_cache() {
  local opts value
  [ -f "$img/lib/app/$NAME-$1.aot" ] || return 0
  opts="-XX:AOTCache=\$APPDIR/$NAME-$1.aot"
  for value in "${CLI_AOT_OPTS[@]}"; do opts="$opts\" \"$value"; done
  printf '%s' "$opts"
}
if [ -n "$window" ] && [ -f "$img/lib/app/$NAME-cli.aot" ]; then
  cli=$(own_cache cli) check=$(own_cache check) test=$(own_cache test)
fi
{
  echo '#!/bin/sh'
  echo "# $NAME: the command line and the window. Written by installer/launcher-script.sh from lib/app/$NAME.cfg in"
  echo "# place of jpackage's launcher, which queries rpm and dpkg on every start (docs/performance.md)."
  echo 'self=$(readlink -f -- "$0") || exit 1'
  echo 'top=${self%/bin/*}'
  echo 'APPDIR=$top/lib/app'
  echo '# huge pages for the heap where the kernel gives them on request; elsewhere the JVM would warn or not need it'
  echo 'thp='
  echo '{ read -r thp </sys/kernel/mm/transparent_hugepage/enabled; } 2>/dev/null'
  echo "case \$thp in *'[madvise]'*) thp=-XX:+UseTransparentHugePages ;; *) thp= ;; esac"
  if [ -n "$window" ]; then
    echo 'if [ "$#" -eq 0 ] || [ "$1" = gui ]; then'
    echo "  set -- \"$window\" $main \"\$@\""
    if [ -n "$check" ]; then
      echo 'elif [ "$1" = check ]; then'
      echo "  set -- \"$check\" $main \"\$@\""
    fi
    if [ -n "$test" ]; then
      echo 'elif [ "$1" = test ]; then'
      echo "  set -- \"$test\" $main \"\$@\""
    fi
    echo 'else'
    echo "  set -- \"$cli\" $main \"\$@\""
    echo 'fi'
  else
    echo "set -- $main \"\$@\""
  fi
  echo "exec \"\$top/lib/runtime/bin/java\" \$thp -classpath \"$cp\"$opts \\"
  echo "  \"-Djpackage.app-path=\$self\" \"\$@\""
} >"$launcher.new"
chmod 0755 "$launcher.new"
mv "$launcher.new" "$launcher"
