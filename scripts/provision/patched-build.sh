# The build id of a LiveKit service built from its pinned module plus this repository's patches (sourced, not run).
#
#   patched_build <component> <version> <bin-dir>
#     sets PATCHES (patches/<component>/*.patch), BUILD_ID (the version, or version-patched-<hash of the patches>:
#     a patched build gets its own name and cache entry, so an older or unpatched build is never taken for it),
#     DEST (the bin folder, absolute), CACHE_DIR ($STREAMHOUSE_TOOLS_CACHE) and CACHED (this build there); exits 0 when
#     <bin-dir>/<component> already is this build.

patched_build() {
  local component="$1" version="$2"
  mkdir -p "$3"
  DEST="$(cd "$3" && pwd)"
  local patch_dir
  patch_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/patches/$component"
  shopt -s nullglob
  PATCHES=("$patch_dir"/*.patch)
  shopt -u nullglob
  BUILD_ID="$version"
  if ((${#PATCHES[@]})); then
    BUILD_ID="$version-patched-$(cat "${PATCHES[@]}" | sha256sum | cut -c1-12)"
  fi
  if [[ -x "$DEST/$component" && "$(cat "$DEST/$component.build-id" 2>/dev/null)" == "$BUILD_ID" ]]; then
    printf '[build-%s] already present: %s (%s)\n' "$component" "$DEST/$component" "$BUILD_ID"
    exit 0
  fi
  CACHE_DIR="${STREAMHOUSE_TOOLS_CACHE:-$HOME/.cache/streamhouse/tools}"
  CACHED="$CACHE_DIR/$component-$BUILD_ID"
  # Patches are applied with git.
  ((${#PATCHES[@]} == 0)) || command -v git >/dev/null 2>&1 || need_apt git "git (applies patches/$component/*.patch)"
}
