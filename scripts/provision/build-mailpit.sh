#!/usr/bin/env bash
# Builds Mailpit (the SMTP server with a web inbox and an HTTP API that `pnpm dev` and the test stack send the
# site's mail to) into a bin folder, pinned, from the Go module proxy. About 2 minutes cold on 2 cores.
#
#   usage: scripts/provision/build-mailpit.sh <bin-dir>      e.g. .tools/bin
set -euo pipefail

MAILPIT_VERSION="v1.33.1"

[[ $# -ge 1 && -n "$1" ]] || { printf 'usage: %s <bin-dir>   (e.g. .tools/bin)\n' "$0" >&2; exit 64; }
exec bash "$(dirname "${BASH_SOURCE[0]}")/go-install-pinned.sh" mailpit github.com/axllent/mailpit "$MAILPIT_VERSION" "$1"
