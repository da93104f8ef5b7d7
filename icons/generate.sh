#!/usr/bin/env bash
# Renders the icon master (certsd-studio.svg) to every size the window and the installers use, plus the
# Windows .ico and macOS .icns. Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and
# icnsutils (png2icns). The outputs are committed, so building the app never needs these tools.
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y librsvg2-bin icoutils icnsutils" >&2; exit 2; }
done
mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" certsd-studio.svg -o "png/certsd-studio-$size.png"
done
icotool -c -o certsd-studio.ico png/certsd-studio-{16,24,32,48,64,128,256}.png
png2icns certsd-studio.icns png/certsd-studio-{16,32,48,128,256,512}.png >/dev/null
# The window icons ship inside the jar.
res=../src/main/resources/dev/certsd/app/icons
mkdir -p "$res"
for size in 16 24 32 48 64 128 256; do cp "png/certsd-studio-$size.png" "$res/"; done
echo "icons written: $(ls png | wc -l) PNGs, certsd-studio.ico, certsd-studio.icns"
