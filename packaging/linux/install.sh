#!/usr/bin/env bash
# Install ML Career Planner from this release folder (or from `make install`).
#
#   ./install.sh            as a user: ~/.local/lib/ml-career-planner, ~/.local/bin, ~/.local/share
#   sudo ./install.sh       as root:   /opt/ml-career-planner, /usr/local/bin, /usr/local/share
#   ./install.sh --user | --system    choose explicitly
#
# Every file and link it creates is written to install-manifest.txt in the app's folder, so uninstall.sh
# removes exactly those and nothing else. Installing again first removes the previous installation.
set -euo pipefail

APP_ID=ml-career-planner
DESKTOP_ID=io.github.ml_career_planner.MLCareerPlanner
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

mode=$([[ $(id -u) -eq 0 ]] && echo system || echo user)
for arg in "$@"; do
  case $arg in
    --user) mode=user ;;
    --system) mode=system ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $arg (use --user or --system)" >&2; exit 2 ;;
  esac
done

if [[ $mode == system ]]; then
  libdir=/opt/$APP_ID bindir=/usr/local/bin datadir=/usr/local/share
else
  : "${HOME:?HOME is not set}"
  libdir=$HOME/.local/lib/$APP_ID bindir=$HOME/.local/bin datadir=${XDG_DATA_HOME:-$HOME/.local/share}
fi
manifest=$libdir/install-manifest.txt

bundle=$here/$APP_ID
for need in "$bundle/$APP_ID" "$here/share/applications/$DESKTOP_ID.desktop" "$here/uninstall.sh"; do
  [[ -e $need ]] || { echo "install.sh: $need is missing; run me from an unpacked release folder" >&2; exit 1; }
done

if [[ -f $manifest ]]; then
  echo "Removing the previous installation first"
  bash "$here/uninstall.sh" "--$mode" --quiet
fi
if [[ -e $libdir ]]; then
  echo "install.sh: $libdir exists but was not installed by this script; move it away first" >&2
  exit 1
fi

# Paths created, in creation order (folders first, marked with a trailing /), for uninstall.sh.
created=()
make_dir() {  # mkdir -p, remembering each folder it had to create
  local dir=$1 missing=()
  while [[ ! -d $dir ]]; do missing=("$dir" "${missing[@]}"); dir=$(dirname "$dir"); done
  for dir in "${missing[@]}"; do mkdir "$dir" && created+=("$dir/"); done
}
put() {  # put SOURCE DEST [MODE]
  make_dir "$(dirname "$2")"
  install -m "${3:-0644}" "$1" "$2"
  created+=("$2")
}

make_dir "$libdir"
cp -a "$bundle/." "$libdir/"
while IFS= read -r -d '' path; do
  if [[ -d $path && ! -L $path ]]; then created+=("$path/"); else created+=("$path"); fi
done < <(find "$libdir" -mindepth 1 -print0 | sort -z)
put "$here/uninstall.sh" "$libdir/uninstall.sh" 0755

# The command, as a link to the bundle's executable; never replace someone else's command.
launcher=$bindir/$APP_ID
make_dir "$bindir"
if [[ -e $launcher || -L $launcher ]]; then
  echo "Note: $launcher already exists and was left alone; start the app with $libdir/$APP_ID" >&2
else
  ln -s "$libdir/$APP_ID" "$launcher"
  created+=("$launcher")
fi

# Menu entry, with the absolute path of the executable so it starts whatever PATH is.
desktop=$datadir/applications/$DESKTOP_ID.desktop
make_dir "$(dirname "$desktop")"
sed -e "s|^Exec=.*|Exec=\"$libdir/$APP_ID\"|" -e "s|^TryExec=.*|TryExec=$libdir/$APP_ID|" \
  "$here/share/applications/$DESKTOP_ID.desktop" > "$desktop"
chmod 0644 "$desktop"
created+=("$desktop")
put "$here/share/metainfo/$DESKTOP_ID.metainfo.xml" "$datadir/metainfo/$DESKTOP_ID.metainfo.xml"
while IFS= read -r -d '' icon; do
  put "$icon" "$datadir/icons/hicolor/${icon#"$here/share/icons/hicolor/"}"
done < <(find "$here/share/icons/hicolor" -type f -print0 | sort -z)

printf '%s\n' "${created[@]}" > "$manifest"

# An icon cache, where one exists, lists the icons it knew; refresh it so the menu sees this change. (Desktops
# watch the applications folder themselves; the entry declares no MIME types, so no MIME cache to update.)
if [[ -f $datadir/icons/hicolor/icon-theme.cache ]] && command -v gtk-update-icon-cache >/dev/null; then
  gtk-update-icon-cache -q -t -f "$datadir/icons/hicolor" 2>/dev/null || true
fi

echo "ML Career Planner is installed in $libdir"
echo "Start it from your desktop's menu, or run: $APP_ID"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "($bindir is not on your PATH; the menu entry works regardless)" ;;
esac
echo "To remove it: $libdir/uninstall.sh"
