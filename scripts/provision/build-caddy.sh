#!/usr/bin/env bash
# Builds Caddy (the TLS reverse proxy the test stack puts in front of the site and LiveKit, as operators do) into a
# bin folder, pinned, from the Go module proxy. About 5 minutes cold on 2 cores (9 on a loaded machine).
#
#   usage: scripts/provision/build-caddy.sh <bin-dir>      e.g. .tools/bin
set -euo pipefail

CADDY_VERSION="v2.11.9"

[[ $# -ge 1 && -n "$1" ]] || { printf 'usage: %s <bin-dir>   (e.g. .tools/bin)\n' "$0" >&2; exit 64; }
exec bash "$(dirname "${BASH_SOURCE[0]}")/go-install-pinned.sh" caddy github.com/caddyserver/caddy/v2/cmd/caddy "$CADDY_VERSION" "$1"
