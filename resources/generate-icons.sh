#!/usr/bin/env bash
# Draws every icon of Onramp from its one source artwork, icons/onramp.svg:
#   icons/onramp.png   512 px, the Linux launcher and menu icon
#   icons/onramp.ico   16-256 px, Windows
#   icons/onramp.icns  16-1024 px, macOS
# The results are committed, so building an installer needs none of these tools; run this after
# changing the artwork. On Debian/Ubuntu it installs what it needs (root or sudo).
set -euo pipefail
cd "$(dirname "$0")/icons"

need=()
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
/usr/bin/convert -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
command -v png2icns >/dev/null 2>&1 || need+=(icnsutils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" onramp.svg --output "$work/$size.png"
done
cp "$work/512.png" onramp.png
/usr/bin/convert "$work"/{16,24,32,48,64,128,256}.png onramp.ico
png2icns onramp.icns "$work"/{16,32,48,128,256,512,1024}.png >/dev/null
ls -l onramp.png onramp.ico onramp.icns
