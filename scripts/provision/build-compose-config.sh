#!/usr/bin/env bash
# Builds scripts/deploy/compose-config (a Compose file loader on compose-go, what `docker compose config` runs)
# into a bin folder: the deployment test loads docker-compose.prod.yml with it, as this machine has no Docker.
#
#   usage: scripts/provision/build-compose-config.sh <bin-dir>      e.g. .tools/bin
#
# Idempotent: exits at once when <bin-dir>/compose-config was built from the current sources. ~15 s cold.
set -euo pipefail

say() { printf '[build-compose-config] %s\n' "$*"; }
die() { printf '[build-compose-config] %s\n' "$*" >&2; exit "${2:-1}"; }

[[ $# -ge 1 && -n "$1" ]] || die "usage: $0 <bin-dir>   (e.g. .tools/bin)" 64
mkdir -p "$1"
DEST="$(cd "$1" && pwd)"
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../deploy/compose-config" && pwd)"
BUILD_ID="$(cat "$SRC/main.go" "$SRC/go.mod" "$SRC/go.sum" | sha256sum | cut -c1-12)"

if [[ -x "$DEST/compose-config" && "$(cat "$DEST/compose-config.build-id" 2>/dev/null)" == "$BUILD_ID" ]]; then
  say "already present: $DEST/compose-config ($BUILD_ID)"
  exit 0
fi
GO="$(command -v go || true)"
[[ -z "$GO" && -x /usr/local/go/bin/go ]] && GO=/usr/local/go/bin/go
[[ -n "$GO" ]] || die "Go is not installed: the deployment test needs it to build its Compose loader (https://go.dev/dl)" 3
(cd "$SRC" && CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -buildvcs=false -mod=readonly" "$GO" build -o "$DEST/compose-config.tmp.$$" .)
mv -f "$DEST/compose-config.tmp.$$" "$DEST/compose-config"
printf '%s\n' "$BUILD_ID" > "$DEST/compose-config.build-id"
say "installed: $DEST/compose-config ($BUILD_ID)"
