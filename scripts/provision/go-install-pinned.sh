#!/usr/bin/env bash
# Installs one Go program at a pinned version from the Go module proxy into a bin folder (`go install`, static,
# stripped). The tools the stack runs beside LiveKit (Caddy, Mailpit) are pinned this way.
#
#   usage: scripts/provision/go-install-pinned.sh <name> <package> <version> <bin-dir>
#     e.g. go-install-pinned.sh mailpit github.com/axllent/mailpit v1.33.1 .tools/bin
#
# Idempotent: exits at once when <bin-dir>/<name> is that version. Built binaries are kept per version in
# $STREAMHOUSE_TOOLS_CACHE (default ~/.cache/streamhouse/tools), so a new checkout copies instead of building.
set -euo pipefail

[[ $# -ge 4 && -n "$1" && -n "$2" && -n "$3" && -n "$4" ]] || {
  printf 'usage: %s <name> <package> <version> <bin-dir>\n' "$0" >&2
  exit 64
}
NAME="$1" PACKAGE="$2" VERSION="$3"
say() { printf '[build-%s] %s\n' "$NAME" "$*"; }
die() { printf '[build-%s] %s\n' "$NAME" "$1" >&2; exit "${2:-1}"; }

mkdir -p "$4"
DEST="$(cd "$4" && pwd)"
CACHE_DIR="${STREAMHOUSE_TOOLS_CACHE:-$HOME/.cache/streamhouse/tools}"
CACHED="$CACHE_DIR/$NAME-$VERSION"

# A `go install`ed build does not know its own version, so the version is kept beside the binary.
if [[ -x "$DEST/$NAME" && "$(cat "$DEST/$NAME.build-id" 2>/dev/null)" == "$VERSION" ]]; then
  say "already present: $DEST/$NAME ($VERSION)"
  exit 0
fi

if [[ ! -x "$CACHED" ]]; then
  GO="$(command -v go || true)"
  [[ -z "$GO" && -x /usr/local/go/bin/go ]] && GO=/usr/local/go/bin/go
  [[ -n "$GO" ]] || die "Go is not installed: $NAME $VERSION is built from the Go module proxy (https://go.dev/dl), or put a $NAME $VERSION binary at $DEST/$NAME" 3
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/$NAME-build.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
  started=$SECONDS
  say "building $PACKAGE@$VERSION…"
  CGO_ENABLED=0 GOBIN="$WORK" GOFLAGS="${GOFLAGS:-} -buildvcs=false" "$GO" install -ldflags "-s -w" "$PACKAGE@$VERSION"
  mkdir -p "$CACHE_DIR"
  cp "$WORK/$(basename "$PACKAGE")" "$CACHED.tmp.$$" && mv -f "$CACHED.tmp.$$" "$CACHED"
  say "built in $((SECONDS - started)) s"
fi

cp "$CACHED" "$DEST/$NAME.tmp.$$"
chmod 755 "$DEST/$NAME.tmp.$$"
mv -f "$DEST/$NAME.tmp.$$" "$DEST/$NAME"
printf '%s\n' "$VERSION" > "$DEST/$NAME.build-id"
say "installed: $DEST/$NAME ($VERSION)"
