#!/usr/bin/env bash
# Builds the LiveKit ingress service (RTMP + WHIP ingest, github.com/livekit/ingress) into a bin folder.
#
#   usage: scripts/provision/build-ingress.sh <bin-dir>      e.g. .tools/bin
#
# Result: <bin-dir>/ingress. The binary must keep the name `ingress` and <bin-dir> must be on PATH when it
# runs: it re-executes itself as `ingress run-handler` for every stream.
#
# The pinned module is patched for low RTMP delay: patches/ingress/*.patch are applied to a copy of its source,
# which the wrapper module builds through a `replace` (see "Low-delay patch" in INGRESS_NOTES.md).
#
# Idempotent: exits 0 at once when <bin-dir>/ingress is this build (the build id, version plus a hash of the
# patches, is kept in <bin-dir>/ingress.build-id, so an unpatched or older binary is replaced). Never installs
# system packages: when Go, a C compiler, pkg-config or GStreamer are missing it names the apt packages and exits 3.
# Built binaries are also kept per build id in $STREAMHOUSE_TOOLS_CACHE (default ~/.cache/streamhouse/tools).
# Time on 2 cores: ~2.5-3 min cold (empty Go build cache), ~5 s when the Go build cache is warm.
# Details and a working config: INGRESS_NOTES.md next to this script.
set -euo pipefail

INGRESS_VERSION="v1.5.0"
# v1.5.0's go.mod replaces go-gst with LiveKit's fork; a `replace` only applies in the main module, so the
# wrapper module below has to repeat it (this is why `go install ...@v1.5.0` does not work).
GO_GST_REPLACE="github.com/go-gst/go-gst => github.com/livekit/gst-go v0.0.0-20250701011214-e7f61abd14cb"

say() { printf '[build-ingress] %s\n' "$*"; }
die() { printf '[build-ingress] %s\n' "$*" >&2; exit "${2:-1}"; }

[[ $# -ge 1 && -n "$1" ]] || die "usage: $0 <bin-dir>   (e.g. .tools/bin)" 64

# shellcheck source=gstreamer-prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/gstreamer-prerequisites.sh"
# shellcheck source=patched-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/patched-build.sh"
patched_build ingress "$INGRESS_VERSION" "$1"

# ---------------------------------------------------------------- prerequisites (never installed here)
# Runtime: GStreamer plugins the ingress pipelines load (checked by the plugin files seen loaded by
# `ingress run-handler` during RTMP and WHIP sessions). Needed by the cached binary too.
check_plugin coreelements   libgstreamer1.0-0           "queue, tee, capsfilter"
check_plugin playback       gstreamer1.0-plugins-base   "decodebin3"
check_plugin app            gstreamer1.0-plugins-base   "appsrc"
check_plugin "videoconvertscale|videoconvert" gstreamer1.0-plugins-base "videoconvert, videoscale (merged in GStreamer 1.22)"
check_plugin audioconvert   gstreamer1.0-plugins-base   "audioconvert"
check_plugin audioresample  gstreamer1.0-plugins-base   "audioresample"
check_plugin videorate      gstreamer1.0-plugins-base   "videorate"
check_plugin opus           gstreamer1.0-plugins-base   "opusenc/opusdec"
check_plugin flv            gstreamer1.0-plugins-good   "flvdemux, RTMP input"
check_plugin audioparsers   gstreamer1.0-plugins-good   "aacparse"
check_plugin vpx            gstreamer1.0-plugins-good   "vp8enc/vp8dec"
check_plugin videoparsersbad gstreamer1.0-plugins-bad   "h264parse"
check_plugin x264           gstreamer1.0-plugins-ugly   "x264enc: RTMP always transcodes to H.264"
check_plugin libav          gstreamer1.0-libav          "avdec_h264, avdec_aac"


if [[ ! -x "$CACHED" ]]; then
  # Build time: Go >= 1.21 (the module says go 1.25.0; an older go fetches that toolchain from the proxy
  # unless GOTOOLCHAIN=local), a C compiler for cgo, pkg-config and the GStreamer development files.
  check_go_toolchain 21
  check_cgo_build_tools
  if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists gstreamer-mpegts-1.0 2>/dev/null ||
      need_apt libgstreamer-plugins-bad1.0-dev "pkg-config module gstreamer-mpegts-1.0"
  fi
fi

report_missing_prerequisites "LiveKit ingress $INGRESS_VERSION"

install_bin() { # $1 = source binary
  cp "$1" "$DEST/ingress.tmp.$$"
  chmod 755 "$DEST/ingress.tmp.$$"
  mv -f "$DEST/ingress.tmp.$$" "$DEST/ingress"
  printf '%s\n' "$BUILD_ID" > "$DEST/ingress.build-id"
  say "installed: $DEST/ingress ($BUILD_ID)"
  case ":$PATH:" in *":$DEST:"*) ;; *) say "note: put $DEST on PATH before starting it (it runs itself as 'ingress run-handler')";; esac
}

if [[ -x "$CACHED" ]]; then
  say "using cached build $CACHED"
  install_bin "$CACHED"
  exit 0
fi

# ---------------------------------------------------------------- build in a throw-away wrapper module
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ingress-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export CGO_ENABLED=1 GOFLAGS="${GOFLAGS:-} -mod=mod"
started=$SECONDS
say "building github.com/livekit/ingress $BUILD_ID (cgo + GStreamer; ~3 min cold on 2 cores)…"

# Seed go.sum with upstream's: a few pinned pseudo-versions (livekit/protocol, go-gst/go-glib) are not in
# sum.golang.org (lookup 404 -> "verifying module" error); with upstream's hashes go.sum verifies them.
src_dir="$("$GO" mod download -json "github.com/livekit/ingress@$INGRESS_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
[[ -n "$src_dir" && -f "$src_dir/go.sum" ]] || die "could not download github.com/livekit/ingress@$INGRESS_VERSION from the Go module proxy"
cp "$src_dir/go.sum" go.sum
chmod u+w go.sum

replace_ingress=""
if ((${#PATCHES[@]})); then
  # The module cache is read-only: patch a copy, and build that copy in place of the pinned module.
  cp -R "$src_dir" ingress-src
  chmod -R u+w ingress-src
  for patch_file in "${PATCHES[@]}"; do
    (cd ingress-src && git apply "$patch_file") || die "$(basename "$patch_file") does not apply to $INGRESS_VERSION"
    say "applied $(basename "$patch_file")"
  done
  replace_ingress="replace github.com/livekit/ingress => ./ingress-src"
fi

cat > go.mod <<EOF
module ingress-wrapper

go 1.25.0

replace $GO_GST_REPLACE

$replace_ingress
EOF

"$GO" get "github.com/livekit/ingress/cmd/server@$INGRESS_VERSION" >/dev/null 2>get.log || { cat get.log >&2; die "go get failed"; }
"$GO" build -ldflags "-s -w" -o ingress github.com/livekit/ingress/cmd/server
./ingress --version >/dev/null

mkdir -p "$CACHE_DIR"
cp ingress "$CACHED.tmp.$$" && mv -f "$CACHED.tmp.$$" "$CACHED"
say "built in $((SECONDS - started)) s"
install_bin ingress
