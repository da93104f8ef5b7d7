#!/usr/bin/env bash
# same-output.sh: byte-for-byte comparison of `check` output (text and --json) between two builds of the jar, for
# changes that must not change a byte (e.g. the streamed JSON). Only the JSON's "scannedAt" line may differ.
#
#   bench/same-output.sh OLD_JAR [ROOT ...]     # default roots: bench/trees/*, bench/many-files/*
#
# OLD_JAR is a copy of target/certsd-studio.jar from before the change, next to a lib/ directory (copy both:
# cp -r target/certsd-studio.jar target/lib /tmp/old/). Every root is checked for the clients docker, containers
# and containerd (CLIENTS="docker" for fewer), text and JSON. Prints SAME or DIFFERENT per run; exit code 1 when anything differs.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
old=${1:?usage: bench/same-output.sh OLD_JAR [ROOT ...]}
shift
new=target/certsd-studio.jar
roots=("$@")
if ((${#roots[@]} == 0)); then
    for d in bench/trees/* bench/many-files/*; do [[ -d $d ]] && roots+=("$d"); done
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/same-output.XXXXXX")
trap 'rm -rf "$work"' EXIT
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
bad=0
for root in "${roots[@]}"; do
    for client in ${CLIENTS:-docker containers containerd}; do
        for mode in text json; do
            args=(check --root "$root" --client "$client")
            [[ $mode == json ]] && args+=(--json)
            java "${flags[@]}" -jar "$old" "${args[@]}" 2>&1 | sed '/^  "scannedAt" : /d' >"$work/old"
            java "${flags[@]}" -jar "$new" "${args[@]}" 2>&1 | sed '/^  "scannedAt" : /d' >"$work/new"
            if cmp -s "$work/old" "$work/new"; then
                printf 'SAME      %-10s %-4s %s (%s bytes)\n' "$client" "$mode" "$root" "$(wc -c <"$work/new")"
            else
                printf 'DIFFERENT %-10s %-4s %s\n' "$client" "$mode" "$root"
                diff "$work/old" "$work/new" | head -5
                bad=1
            fi
        done
    done
done
exit $bad
