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
mkdir -p "$1"
DEST="$(cd "$1" && pwd)"

PATCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/patches/ingress"
shopt -s nullglob
PATCHES=("$PATCH_DIR"/*.patch)
shopt -u nullglob
# A patched build gets its own name (and cache entry), so a cache filled by an older or unpatched build is
# never taken for it.
BUILD_ID="$INGRESS_VERSION"
if ((${#PATCHES[@]})); then
  BUILD_ID="$INGRESS_VERSION-patched-$(cat "${PATCHES[@]}" | sha256sum | cut -c1-12)"
fi

if [[ -x "$DEST/ingress" && "$(cat "$DEST/ingress.build-id" 2>/dev/null)" == "$BUILD_ID" ]]; then
  say "already present: $DEST/ingress ($BUILD_ID)"
  exit 0
fi

CACHE_DIR="${STREAMHOUSE_TOOLS_CACHE:-$HOME/.cache/streamhouse/tools}"
CACHED="$CACHE_DIR/ingress-$BUILD_ID"

# ---------------------------------------------------------------- prerequisites (never installed here)
missing_apt=()
problems=()
need_apt() { # $1 = apt package, $2 = what is missing
  local p
  problems+=("$2  [apt: $1]")
  for p in "${missing_apt[@]:-}"; do [[ "$p" == "$1" ]] && return 0; done
  missing_apt+=("$1")
}

# Runtime: GStreamer plugins the ingress pipelines load (checked by the plugin files seen loaded by
# `ingress run-handler` during RTMP and WHIP sessions). Needed by the cached binary too.
plugin_dir=""
if command -v pkg-config >/dev/null 2>&1; then
  plugin_dir="$(pkg-config --variable=pluginsdir gstreamer-1.0 2>/dev/null || true)"
fi
if [[ -z "$plugin_dir" || ! -d "$plugin_dir" ]]; then
  for d in /usr/lib/x86_64-linux-gnu/gstreamer-1.0 /usr/lib/aarch64-linux-gnu/gstreamer-1.0 /usr/lib/gstreamer-1.0 /usr/lib64/gstreamer-1.0; do
    [[ -d "$d" ]] && { plugin_dir="$d"; break; }
  done
fi
check_plugin() { # $1 = plugin file stem(s), "a|b" = either, $2 = apt package, $3 = elements
  local stem
  if [[ -n "$plugin_dir" ]]; then
    for stem in ${1//|/ }; do [[ -e "$plugin_dir/libgst$stem.so" ]] && return 0; done
  fi
  need_apt "$2" "GStreamer plugin libgst${1%%|*}.so ($3)"
}
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

GO=""
if [[ ! -x "$CACHED" ]]; then
  # Build time: Go >= 1.21 (the module says go 1.25.0; an older go fetches that toolchain from the proxy
  # unless GOTOOLCHAIN=local), a C compiler for cgo, pkg-config and the GStreamer development files.
  if command -v go >/dev/null 2>&1; then GO="$(command -v go)"
  elif [[ -x /usr/local/go/bin/go ]]; then GO=/usr/local/go/bin/go
  fi
  if [[ -n "$GO" ]]; then
    gover="$("$GO" env GOVERSION 2>/dev/null || true)"; gover="${gover#go}"
    gominor="$(printf '%s' "$gover" | cut -d. -f2)"
    if [[ "${gover%%.*}" != 1 || ! "$gominor" =~ ^[0-9]+$ || "$gominor" -lt 21 ]]; then
      problems+=("Go $gover is too old: need Go >= 1.21 (1.25+ best) from https://go.dev/dl (Debian 12's golang-go is 1.19)")
    fi
  else
    problems+=("Go is not installed: need Go >= 1.21 (1.25+ best) from https://go.dev/dl (Debian 12's golang-go 1.19 is too old)")
  fi
  command -v "${CC:-cc}" >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need_apt gcc "a C compiler (cgo)"
  ((${#PATCHES[@]} == 0)) || command -v git >/dev/null 2>&1 || need_apt git "git (applies patches/ingress/*.patch)"
  if ! command -v pkg-config >/dev/null 2>&1; then
    need_apt pkg-config "pkg-config (cgo finds GStreamer with it)"
  else
    # pkg-config modules the cgo code asks for -> Debian package that ships the .pc file
    check_pc() { pkg-config --exists "$1" 2>/dev/null || need_apt "$2" "pkg-config module $1"; }
    check_pc glib-2.0                libglib2.0-dev
    check_pc gobject-2.0             libglib2.0-dev
    check_pc gio-2.0                 libglib2.0-dev
    check_pc gstreamer-1.0           libgstreamer1.0-dev
    check_pc gstreamer-base-1.0      libgstreamer1.0-dev
    check_pc gstreamer-controller-1.0 libgstreamer1.0-dev
    check_pc gstreamer-app-1.0       libgstreamer-plugins-base1.0-dev
    check_pc gstreamer-video-1.0     libgstreamer-plugins-base1.0-dev
    check_pc gstreamer-audio-1.0     libgstreamer-plugins-base1.0-dev
    check_pc gstreamer-pbutils-1.0   libgstreamer-plugins-base1.0-dev
    check_pc gstreamer-mpegts-1.0    libgstreamer-plugins-bad1.0-dev
  fi
fi

if [[ ${#problems[@]} -gt 0 ]]; then
  {
    echo "[build-ingress] cannot build/install the LiveKit ingress $INGRESS_VERSION; missing:"
    printf '  - %s\n' "${problems[@]}"
    if [[ ${#missing_apt[@]} -gt 0 ]]; then
      echo "Install the system packages (Debian/Ubuntu), then run this again:"
      echo "  sudo apt-get install -y ${missing_apt[*]}"
    fi
    echo "Full set used on Debian 12: pkg-config gcc libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev"
    echo "  libgstreamer-plugins-bad1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good"
    echo "  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav"
  } >&2
  exit 3
fi

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
