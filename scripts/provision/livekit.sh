#!/usr/bin/env bash
# Provisions the pinned LiveKit pieces into a git-ignored bin folder (default .tools/bin):
#   livekit-server (required), the ingress service for RTMP/WHIP keys and the egress service for recordings
#   (both optional: they need GStreamer); for the tests, Caddy (the TLS proxy) and a Compose file loader.
# Uses what is already on PATH or in the folder; otherwise builds with Go from the module proxy.
set -euo pipefail

LIVEKIT_SERVER_VERSION="v1.13.5"
BIN_DIR="$(mkdir -p "${1:-.tools/bin}" && cd "${1:-.tools/bin}" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Built binaries are also kept per version in a machine-wide cache, so a fresh clone reuses them.
CACHE_DIR="${STREAMHOUSE_TOOLS_CACHE:-$HOME/.cache/streamhouse/tools}"
mkdir -p "$CACHE_DIR"
export STREAMHOUSE_TOOLS_CACHE="$CACHE_DIR"

say() { printf '[provision] %s\n' "$*"; }

if [[ -x "$BIN_DIR/livekit-server" ]]; then
  say "livekit-server: $BIN_DIR/livekit-server"
elif command -v livekit-server >/dev/null 2>&1; then
  say "livekit-server: $(command -v livekit-server) (from PATH)"
elif [[ -x "$CACHE_DIR/livekit-server-$LIVEKIT_SERVER_VERSION" ]]; then
  cp "$CACHE_DIR/livekit-server-$LIVEKIT_SERVER_VERSION" "$BIN_DIR/livekit-server"
  say "livekit-server: $LIVEKIT_SERVER_VERSION from $CACHE_DIR"
elif command -v go >/dev/null 2>&1; then
  say "livekit-server: building $LIVEKIT_SERVER_VERSION with Go (a few minutes the first time)…"
  tmp="$(mktemp -d)"
  CGO_ENABLED=0 GOBIN="$tmp" go install "github.com/livekit/livekit-server/cmd/server@$LIVEKIT_SERVER_VERSION"
  mv "$tmp/server" "$CACHE_DIR/livekit-server-$LIVEKIT_SERVER_VERSION"
  rmdir "$tmp"
  cp "$CACHE_DIR/livekit-server-$LIVEKIT_SERVER_VERSION" "$BIN_DIR/livekit-server"
  say "livekit-server: installed to $BIN_DIR/livekit-server"
else
  cat >&2 <<MSG
[provision] livekit-server $LIVEKIT_SERVER_VERSION is not installed and Go is not available to build it.
Get it one of these ways, then run the command again:
  - Docker:   docker compose up livekit        (uses docker-compose.yml in this repo)
  - LiveKit:  curl -sSL https://get.livekit.io | bash   (puts livekit-server on PATH)
  - Go 1.24+: install Go, and this script builds it for you
  - Or point the app at LiveKit Cloud / your cluster: set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET
MSG
  exit 2
fi

# The ingress service is optional: without it, browser go-live still works, RTMP/WHIP keys do not.
# build-ingress.sh returns at once when $BIN_DIR/ingress is the current (patched) build, and replaces it otherwise.
if bash "$HERE/build-ingress.sh" "$BIN_DIR"; then
  say "ingress: $BIN_DIR/ingress"
elif command -v ingress >/dev/null 2>&1; then
  say "ingress: $(command -v ingress) (from PATH; without this repo's low-delay patch, RTMP runs seconds behind)"
else
  say "ingress: not available (see the message above); RTMP/WHIP stream keys are disabled, browser go-live works."
fi

# The egress service is optional too: without it, broadcasts are not recorded and the site says so.
# build-egress.sh returns at once when $BIN_DIR/egress is the current (patched) build, and replaces it otherwise.
if bash "$HERE/build-egress.sh" "$BIN_DIR"; then
  say "egress: $BIN_DIR/egress"
elif command -v egress >/dev/null 2>&1; then
  say "egress: $(command -v egress) (from PATH; without this repo's keyframe patch, a recording can stall at its start)"
else
  say "egress: not available (see the message above); recording is off, everything else works."
fi

# The Compose loader the deployment test uses (docker-compose.prod.yml cannot be run here: no Docker).
if ! bash "$HERE/build-compose-config.sh" "$BIN_DIR"; then
  say "compose-config: not available (see the message above); the deployment test needs it."
fi

# Caddy: the TLS proxy of the test stack (the e2e journeys run over HTTPS) and the deployment test's Caddyfile check.
if ! bash "$HERE/build-caddy.sh" "$BIN_DIR"; then
  say "caddy: not available (see the message above); pnpm test needs it, pnpm dev does not."
fi

# Mailpit: the mail server of `pnpm dev` and the test stack (password resets, email verification).
if ! bash "$HERE/build-mailpit.sh" "$BIN_DIR"; then
  say "mailpit: not available (see the message above); set SMTP_URL to send mail elsewhere."
fi
