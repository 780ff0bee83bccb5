#!/usr/bin/env bash
# Remove ML Career Planner exactly as install.sh installed it: every path listed in its install-manifest.txt,
# then the folders it created if they are empty. Your profile and settings (in ~/.local/share/ml-career-planner)
# are yours and are left alone.
#
#   ./uninstall.sh                 the installation of the current user (root: the system-wide one)
#   ./uninstall.sh --user | --system
set -euo pipefail

APP_ID=ml-career-planner
mode=$([[ $(id -u) -eq 0 ]] && echo system || echo user)
quiet=false
for arg in "$@"; do
  case $arg in
    --user) mode=user ;;
    --system) mode=system ;;
    --quiet) quiet=true ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option $arg (use --user or --system)" >&2; exit 2 ;;
  esac
done
if [[ $mode == system ]]; then
  libdir=/opt/$APP_ID datadir=/usr/local/share
else
  : "${HOME:?HOME is not set}"
  libdir=$HOME/.local/lib/$APP_ID datadir=${XDG_DATA_HOME:-$HOME/.local/share}
fi
manifest=$libdir/install-manifest.txt
if [[ ! -f $manifest ]]; then
  echo "uninstall.sh: no installation found ($manifest does not exist)" >&2
  exit 1
fi

mapfile -t paths < "$manifest"
# Files and links first, then folders deepest first, each only if empty.
for path in "${paths[@]}"; do
  [[ -n $path && $path != */ ]] || continue
  if [[ -L $path || -f $path ]]; then rm -f -- "$path"; fi
done
rm -f -- "$manifest"
for ((i = ${#paths[@]} - 1; i >= 0; i--)); do
  path=${paths[i]}
  [[ $path == */ ]] || continue
  rmdir -- "${path%/}" 2>/dev/null || true
done

# An icon cache, where one exists, lists the icons it knew; refresh it so the menu sees this change. (Desktops
# watch the applications folder themselves; the entry declares no MIME types, so no MIME cache to update.)
if [[ -f $datadir/icons/hicolor/icon-theme.cache ]] && command -v gtk-update-icon-cache >/dev/null; then
  gtk-update-icon-cache -q -t -f "$datadir/icons/hicolor" 2>/dev/null || true
fi
$quiet || echo "ML Career Planner was removed from $libdir"
