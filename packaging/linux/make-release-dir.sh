#!/usr/bin/env bash
# make-release-dir.sh BUNDLE OUT: lay out a release folder from a built bundle (dist/ml-career-planner):
#   OUT/install.sh, OUT/uninstall.sh, OUT/ml-career-planner/ (the bundle),
#   OUT/share/{applications,metainfo,icons/hicolor/...}
# `make install` runs OUT/install.sh; `make dist` packs OUT into the release tarball.
set -euo pipefail
bundle=${1:?usage: make-release-dir.sh BUNDLE OUT}
out=${2:?usage: make-release-dir.sh BUNDLE OUT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
id=io.github.ml_career_planner.MLCareerPlanner
[[ -x $bundle/ml-career-planner ]] || { echo "make-release-dir.sh: $bundle/ml-career-planner is missing" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/share/applications" "$out/share/metainfo" "$out/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$out/ml-career-planner"
install -m 0755 "$here/install.sh" "$here/uninstall.sh" "$out/"
install -m 0644 "$here/$id.desktop" "$out/share/applications/"
install -m 0644 "$here/$id.metainfo.xml" "$out/share/metainfo/"
install -m 0644 "$root/resources/icons/$id.svg" "$out/share/icons/hicolor/scalable/apps/"
for png in "$root"/resources/icons/hicolor/*/apps/"$id.png"; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  mkdir -p "$out/share/icons/hicolor/$size/apps"
  install -m 0644 "$png" "$out/share/icons/hicolor/$size/apps/"
done
