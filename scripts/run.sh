#!/usr/bin/env bash
# Runs a pnpm script with the project's pinned Node.js and pnpm, installing them first when missing (into
# ~/.cache/streamhouse/toolchain; nothing global, no sudo) and the dependencies when they changed.
#   bash scripts/run.sh dev        the whole site
#   bash scripts/run.sh test       every test (system packages: see .ci/run, which installs them on Debian 12)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=toolchain.sh
source scripts/toolchain.sh
toolchain_use "$root"
pnpm install --frozen-lockfile --reporter=silent
exec pnpm "$@"
