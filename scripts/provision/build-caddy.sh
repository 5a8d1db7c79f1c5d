#!/usr/bin/env bash
# Builds Caddy (the TLS reverse proxy the test stack puts in front of the site and LiveKit, as operators do) into a
# bin folder, pinned, from the Go module proxy.
#
#   usage: scripts/provision/build-caddy.sh <bin-dir>      e.g. .tools/bin
#
# Idempotent: exits at once when <bin-dir>/caddy is the pinned version. Built binaries are kept per version in
# $STREAMHOUSE_TOOLS_CACHE (default ~/.cache/streamhouse/tools). About 5 minutes cold on 2 cores (9 on a loaded machine).
set -euo pipefail

CADDY_VERSION="v2.11.9"

say() { printf '[build-caddy] %s\n' "$*"; }
die() { printf '[build-caddy] %s\n' "$*" >&2; exit "${2:-1}"; }

[[ $# -ge 1 && -n "$1" ]] || die "usage: $0 <bin-dir>   (e.g. .tools/bin)" 64
mkdir -p "$1"
DEST="$(cd "$1" && pwd)"
CACHE_DIR="${STREAMHOUSE_TOOLS_CACHE:-$HOME/.cache/streamhouse/tools}"
CACHED="$CACHE_DIR/caddy-$CADDY_VERSION"

# `caddy version` says "unknown" for a `go install`ed build, so the version is kept beside the binary.
if [[ -x "$DEST/caddy" && "$(cat "$DEST/caddy.build-id" 2>/dev/null)" == "$CADDY_VERSION" ]]; then
  say "already present: $DEST/caddy ($CADDY_VERSION)"
  exit 0
fi

if [[ ! -x "$CACHED" ]]; then
  GO="$(command -v go || true)"
  [[ -z "$GO" && -x /usr/local/go/bin/go ]] && GO=/usr/local/go/bin/go
  [[ -n "$GO" ]] || die "Go is not installed: Caddy $CADDY_VERSION is built from the Go module proxy (https://go.dev/dl), or put a caddy $CADDY_VERSION binary at $DEST/caddy" 3
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/caddy-build.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
  started=$SECONDS
  say "building github.com/caddyserver/caddy/v2 $CADDY_VERSION (~5 min cold on 2 cores)…"
  CGO_ENABLED=0 GOBIN="$WORK" GOFLAGS="${GOFLAGS:-} -buildvcs=false" "$GO" install -ldflags "-s -w" \
    "github.com/caddyserver/caddy/v2/cmd/caddy@$CADDY_VERSION"
  mkdir -p "$CACHE_DIR"
  cp "$WORK/caddy" "$CACHED.tmp.$$" && mv -f "$CACHED.tmp.$$" "$CACHED"
  say "built in $((SECONDS - started)) s"
fi

cp "$CACHED" "$DEST/caddy.tmp.$$"
chmod 755 "$DEST/caddy.tmp.$$"
mv -f "$DEST/caddy.tmp.$$" "$DEST/caddy"
printf '%s\n' "$CADDY_VERSION" > "$DEST/caddy.build-id"
say "installed: $DEST/caddy ($CADDY_VERSION)"
