#!/usr/bin/env bash
# Builds the LiveKit egress service (recordings and stream snapshots, github.com/livekit/egress) into a bin folder.
#
#   usage: scripts/provision/build-egress.sh <bin-dir>      e.g. .tools/bin
#
# Result: <bin-dir>/egress. The binary must keep the name `egress` and <bin-dir> must be on PATH when it runs:
# it re-executes itself as `egress run-handler` for every recording.
#
# Idempotent: exits 0 at once when <bin-dir>/egress exists. Never installs system packages: when Go, a C compiler,
# pkg-config or GStreamer are missing it names the apt packages and exits 3.
# Built binaries are also kept per version in $STREAMHOUSE_TOOLS_CACHE (default ~/.cache/streamhouse/tools).
# Time on 2 cores: ~5 min cold (empty Go build and module caches), seconds when the Go build cache is warm.
# Details, the AAC patch and a working config: EGRESS_NOTES.md next to this script.
set -euo pipefail

# The newest egress release the Go module proxy serves here (later tags answer 403). It speaks to
# livekit-server v1.13.5 over the shared Redis bus without trouble; see EGRESS_NOTES.md.
EGRESS_VERSION="v1.8.6"
# The egress module itself is not in the checksum database (lookup 404), so its hashes are pinned here; Go checks
# the download against them (and every dependency against upstream's go.sum) instead of asking sum.golang.org.
EGRESS_SUMS="github.com/livekit/egress v1.8.6 h1:9+GXIiU9jZ/GWV5Q9MrtH1psZDwTn70Y6woZ7SGBcHo=
github.com/livekit/egress v1.8.6/go.mod h1:sCgPeZm7y9TSTYDp/2irTyGGnEQRbVGQPnow350fWok="

say() { printf '[build-egress] %s\n' "$*"; }
die() { printf '[build-egress] %s\n' "$*" >&2; exit "${2:-1}"; }

[[ $# -ge 1 && -n "$1" ]] || die "usage: $0 <bin-dir>   (e.g. .tools/bin)" 64

# shellcheck source=gstreamer-prerequisites.sh
source "$(dirname "${BASH_SOURCE[0]}")/gstreamer-prerequisites.sh"
# shellcheck source=patched-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/patched-build.sh"
patched_build egress "$EGRESS_VERSION" "$1"

# Runtime: the GStreamer elements a participant egress to HLS or MP4 (H.264 + AAC/Opus), RTMP and JPEG snapshots creates.
check_plugin coreelements   libgstreamer1.0-0           "queue, tee, capsfilter, filesink"
check_plugin app            gstreamer1.0-plugins-base   "appsrc"
check_plugin "videoconvertscale|videoconvert" gstreamer1.0-plugins-base "videoconvert, videoscale"
check_plugin videorate      gstreamer1.0-plugins-base   "videorate"
check_plugin audioconvert   gstreamer1.0-plugins-base   "audioconvert"
check_plugin audioresample  gstreamer1.0-plugins-base   "audioresample"
check_plugin audiomixer     gstreamer1.0-plugins-base   "audiomixer"
check_plugin audiotestsrc   gstreamer1.0-plugins-base   "audiotestsrc (silence while a track is muted)"
check_plugin videotestsrc   gstreamer1.0-plugins-base   "videotestsrc (black frames while a track is muted)"
check_plugin opus           gstreamer1.0-plugins-base   "opusdec/opusenc"
check_plugin rtp            gstreamer1.0-plugins-good   "rtph264depay, rtpvp8depay, rtpopusdepay"
check_plugin vpx            gstreamer1.0-plugins-good   "vp8dec (browser-published streams)"
check_plugin isomp4         gstreamer1.0-plugins-good   "mp4mux"
check_plugin jpeg           gstreamer1.0-plugins-good   "jpegenc (live snapshots)"
check_plugin multifile      gstreamer1.0-plugins-good   "multifilesink (live snapshots)"
check_plugin videoparsersbad gstreamer1.0-plugins-bad   "h264parse"
check_plugin voaacenc       gstreamer1.0-plugins-bad    "voaacenc: AAC for HLS segments and RTMP restreams (patches/egress/0002)"
check_plugin audioparsers   gstreamer1.0-plugins-good   "aacparse"
check_plugin mpegtsmux      gstreamer1.0-plugins-bad    "mpegtsmux (HLS segments)"
check_plugin flv            gstreamer1.0-plugins-good   "flvmux (RTMP restreams)"
check_plugin x264           gstreamer1.0-plugins-ugly   "x264enc: every recording is re-encoded to H.264"
check_plugin libav          gstreamer1.0-libav          "avdec_h264"

if [[ ! -x "$CACHED" ]]; then
  check_go_toolchain 22
  check_cgo_build_tools
fi

report_missing_prerequisites "LiveKit egress $EGRESS_VERSION"

install_bin() { # $1 = source binary
  cp "$1" "$DEST/egress.tmp.$$"
  chmod 755 "$DEST/egress.tmp.$$"
  mv -f "$DEST/egress.tmp.$$" "$DEST/egress"
  printf '%s\n' "$BUILD_ID" > "$DEST/egress.build-id"
  say "installed: $DEST/egress ($BUILD_ID)"
  case ":$PATH:" in *":$DEST:"*) ;; *) say "note: put $DEST on PATH before starting it (it runs itself as 'egress run-handler')";; esac
}

if [[ -x "$CACHED" ]]; then
  say "using cached build $CACHED"
  install_bin "$CACHED"
  exit 0
fi

# ---------------------------------------------------------------- build in a throw-away wrapper module
WORK="$(mktemp -d "${TMPDIR:-/tmp}/egress-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export CGO_ENABLED=1 GOFLAGS="${GOFLAGS:-} -mod=mod"
started=$SECONDS
say "building github.com/livekit/egress $BUILD_ID (cgo + GStreamer; ~5 min cold on 2 cores)…"

cat > go.mod <<EOF
module egress-wrapper

go 1.22
EOF

# Seed go.sum with upstream's (a few pinned pseudo-versions are not in the checksum database) plus the pinned
# hashes of the egress module itself.
printf '%s\n' "$EGRESS_SUMS" > go.sum
GONOSUMDB=github.com/livekit/egress "$GO" mod download -json "github.com/livekit/egress@$EGRESS_VERSION" > download.json \
  || { cat download.json >&2; die "could not download github.com/livekit/egress@$EGRESS_VERSION from the Go module proxy"; }
src_dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' download.json)"
[[ -n "$src_dir" && -f "$src_dir/go.sum" ]] || die "the egress module download has no go.sum"
cat "$src_dir/go.sum" >> go.sum
"$GO" get "github.com/livekit/egress@$EGRESS_VERSION" >/dev/null 2>get.log || { cat get.log >&2; die "go get failed"; }
if ((${#PATCHES[@]})); then
  # The module cache is read-only: patch a copy, and build that copy in place of the pinned module.
  cp -R "$src_dir" egress-src
  chmod -R u+w egress-src
  for patch_file in "${PATCHES[@]}"; do
    (cd egress-src && git apply "$patch_file") || die "$(basename "$patch_file") does not apply to $EGRESS_VERSION"
    say "applied $(basename "$patch_file")"
  done
  printf '\nreplace github.com/livekit/egress => ./egress-src\n' >> go.mod
fi

# cmd/server embeds the room-composite web templates, which are built by a separate Node project and are not in
# the module. Build the same main package with an empty template folder: participant egress never serves them.
mkdir -p egress/templates
cp "$src_dir"/cmd/server/*.go egress/
chmod u+w egress/*.go
echo '<!doctype html><title>room composite templates are not included in this build</title>' > egress/templates/index.html

"$GO" build -ldflags "-s -w" -o egress-bin ./egress
./egress-bin --version >/dev/null

mkdir -p "$CACHE_DIR"
cp egress-bin "$CACHED.tmp.$$" && mv -f "$CACHED.tmp.$$" "$CACHED"
say "built in $((SECONDS - started)) s"
install_bin egress-bin
