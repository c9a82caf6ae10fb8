# Sourced by every project script (`source scripts/node.sh`): puts the project's own Node first on
# PATH, bringing it on first use.
#
# Why: the machine's Node may be older than the one the project supports (Node 20 reached end of
# life on 2026-04-30, and several dependencies need 22 or later), and native modules
# (better-sqlite3, argon2) must be built for the Node that runs them. So install, build, start and
# test all run on one Node: the version in .node-version, from the npm registry's
# `node-linux-<arch>` package (the official binary and headers), with the npm version that
# package.json's `packageManager` names, both unpacked into the git-ignored .tools/ folder.
# Nothing is fetched from anywhere but the npm registry; `npm pack` checks each tarball's integrity.
#
# BRIDGEBOARD_NODE=system skips all of this and uses the Node already on PATH (22 or 24).

_bb_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

_bb_node_say() { printf '[node] %s\n' "$*" >&2; }

# Unpacks node-linux-<arch>@version and npm@version into dir (made whole or not at all).
_bb_fetch_node() { # version, npm version, dir
  local version=$1 npm_version=$2 dir=$3 arch work
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) _bb_node_say "no node-linux package for $(uname -m): install Node $version yourself and set BRIDGEBOARD_NODE=system" && return 1 ;;
  esac
  command -v npm >/dev/null || { _bb_node_say "npm is needed once, to fetch Node $version from the npm registry" && return 1; }
  _bb_node_say "fetching Node $version and npm $npm_version from the npm registry into ${dir#"$_bb_root/"}"
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "node-linux-$arch@$version" "npm@$npm_version" >/dev/null) || {
    rm -rf "$work"
    return 1
  }
  mkdir -p "$work/node/lib/node_modules/npm"
  tar -xzf "$work/node-linux-$arch-$version.tgz" -C "$work/node" --strip-components=1
  tar -xzf "$work/npm-$npm_version.tgz" -C "$work/node/lib/node_modules/npm" --strip-components=1
  # The layout of Node's own release tarball: npm and npx next to node, headers in include/node
  # (node-gyp is pointed at them below).
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/node/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/node/bin/npx"
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir"
  mv "$work/node" "$dir"
  rm -rf "$work"
}

_bb_use_node() {
  if [ "${BRIDGEBOARD_NODE:-}" = system ]; then
    _bb_node_say "using the Node on PATH: $(node -v) (BRIDGEBOARD_NODE=system)"
    export PATH="$_bb_root/node_modules/.bin:$PATH"
    return 0
  fi
  local version npm_version dir
  version=$(tr -d ' \n\r' <"$_bb_root/.node-version")
  npm_version=$(sed -nE 's/.*"packageManager": *"npm@([^"]+)".*/\1/p' "$_bb_root/package.json")
  dir="$_bb_root/.tools/node-v$version"
  if [ ! -x "$dir/bin/node" ] || [ ! -e "$dir/bin/npm" ]; then
    _bb_fetch_node "$version" "$npm_version" "$dir" || return 1
  fi
  # A stable path for people who want the same Node in their own shell (see the README).
  ln -sfn "node-v$version" "$_bb_root/.tools/node"
  # The project's own tools (turbo, tsx, playwright…) next, as `npm run` would put them: called by
  # name rather than through npx, which would spawn npm once more for each.
  export PATH="$dir/bin:$_bb_root/node_modules/.bin:$PATH"
  # node-gyp builds native modules against these headers, whatever a user's .npmrc says (this
  # prefix overrides npm_config_nodedir, and npm 11 does not warn about it as an unknown setting).
  export npm_package_config_node_gyp_nodedir="$dir"
  # The parent npm (the machine's) left its own paths here; children must not reach back to it.
  export NODE="$dir/bin/node"
  # Its config reaches us as npm_config_* too: `nodedir` (a machine's ~/.npmrc may point it at
  # the older Node's headers) is node-gyp's, replaced above; npm 11 warns about it as unknown.
  unset npm_node_execpath npm_execpath npm_config_nodedir
  [ "$(node -v)" = "v$version" ] || {
    _bb_node_say "expected Node v$version on PATH, found $(node -v)"
    return 1
  }
}

_bb_use_node || exit 1
# Tool banners a user does not need: turbo's telemetry notice, version line and update check, npm's
# update check.
export TURBO_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_MESSAGE_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 TURBO_PRINT_VERSION_DISABLED=1
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
