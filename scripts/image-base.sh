#!/usr/bin/env bash
# Makes the base images the Dockerfile and the proxy compose file need, offline, from this
# machine's own files (no image registry is reachable here). Idempotent: an image whose labels
# match this machine's Node/HAProxy version and this script's revision is kept.
#
#   bridgeboard/node-base:offline   the runtime base (stands in for node:20-bookworm-slim):
#                                   node, npm, the libraries `ldd node` lists, busybox as sh, CA certs
#   bridgeboard/node-build:offline  the build base: the same node and npm plus Node's headers and the
#                                   installed Debian packages node-gyp needs (python3, make, g++) with
#                                   everything they depend on; npm_config_nodedir points at the headers
#   bridgeboard/haproxy:offline     stands in for haproxy:2.6: the host's haproxy and its libraries,
#                                   run as the unprivileged user haproxy (uid 99) as the public image does
#
# Usage: bash scripts/image-base.sh [node|haproxy|all]   (default all)
set -euo pipefail
cd "$(dirname "$0")/.."

REVISION=2 # bump when what goes into the images changes
RUNTIME_IMAGE=bridgeboard/node-base:offline
BUILD_IMAGE=bridgeboard/node-build:offline
HAPROXY_IMAGE=bridgeboard/haproxy:offline
say() { printf '[image-base] %s\n' "$*" >&2; }

apt_install() {
  if [ -z "${_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    _APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The label value an existing image must carry to be kept.
up_to_date() { # image, expected stamp
  [ "$(docker image inspect -f '{{index .Config.Labels "org.bridgeboard.stamp"}}' "$1" 2>/dev/null)" = "$2" ]
}

# A path with its directories resolved (merged /usr: /lib/x/libc.so.6 → /usr/lib/x/libc.so.6), so
# that the tarball holds each file once, at its real place, and /lib stays a symlink.
canonical() { printf '%s/%s\n' "$(readlink -f "$(dirname "$1")")" "$(basename "$1")"; }

# Every shared library a binary loads, at its real path.
# Both the name the loader asks for and, when that is a symlink, the file it points to.
libs_of() {
  ldd "$1" | awk '/=> \//{print $3} /^\t\/lib/{print $1}' | while read -r lib; do
    canonical "$lib"
    readlink -f "$lib"
  done
}

static_busybox() {
  local bb=/bin/busybox
  if [ ! -x "$bb" ] || ldd "$bb" >/dev/null 2>&1; then apt_install busybox-static; fi
  readlink -f "$bb"
}

# The skeleton every image gets: merged-/usr symlinks, /tmp, passwd and group.
skeleton() { # dir, extra passwd lines, extra group lines
  local dir=$1
  mkdir -p "$dir/usr/bin" "$dir/usr/sbin" "$dir/usr/lib" "$dir/usr/lib64" "$dir/etc" "$dir/tmp" "$dir/root"
  chmod 1777 "$dir/tmp"
  ln -s usr/bin "$dir/bin"
  ln -s usr/sbin "$dir/sbin"
  ln -s usr/lib "$dir/lib"
  ln -s usr/lib64 "$dir/lib64"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n%s' "${2:-}" >"$dir/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n%s' "${3:-}" >"$dir/etc/group"
  printf 'hosts: files dns\n' >"$dir/etc/nsswitch.conf"
}

# tar of the listed host paths (no recursion; directories listed are created) plus a staging dir.
import_image() { # image, list file, staging dir, stamp, then --change arguments
  local image=$1 list=$2 stage=$3 stamp=$4
  shift 4
  local tarball
  tarball=$(mktemp --suffix .tar)
  # Paths the staging dir provides (the skeleton's directories, say) come from there only.
  sed -E 's|^/+||; s|/\.$||' "$list" | sort -u | while read -r path; do
    if [ -n "$path" ] && [ ! -e "$stage/$path" ] && [ ! -L "$stage/$path" ]; then echo "$path"; fi
  done >"$list.sorted"
  tar -C / -cf "$tarball" --no-recursion -T "$list.sorted"
  tar -C "$stage" -rf "$tarball" .
  local changes=(--change "LABEL org.bridgeboard.stamp=$stamp")
  for c in "$@"; do changes+=(--change "$c"); done
  local old
  old=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  docker import "${changes[@]}" "$tarball" "$image" >/dev/null
  # The image this one replaces, now untagged (kept if a container still uses it).
  if [ -n "$old" ] && [ "$old" != "$(docker image inspect -f '{{.Id}}' "$image")" ]; then docker rmi "$old" >/dev/null 2>&1 || true; fi
  say "made $image ($(du -m "$tarball" | cut -f1) MB tarball)"
  rm -f "$tarball" "$list.sorted"
}

node_files() { # what both node images hold: the binary, its libraries, npm, CA certificates
  local node npm_dir
  node=$(readlink -f "$(command -v node)")
  npm_dir=$(readlink -f "$(dirname "$(readlink -f "$(command -v npm)")")/..")
  echo "$node"
  libs_of "$node"
  find "$npm_dir" -not -path '*/node_modules/npm/docs/*' -not -path '*/node_modules/npm/man/*' | while read -r f; do echo "$f"; done
  echo /etc/ssl/certs/ca-certificates.crt
  echo /etc/ld.so.cache
}

node_links() { # npm and npx on PATH, node at /usr/local/bin as in the official image
  local stage=$1 node npm_dir
  node=$(readlink -f "$(command -v node)")
  npm_dir=$(readlink -f "$(dirname "$(readlink -f "$(command -v npm)")")/..")
  mkdir -p "$stage/usr/local/bin"
  [ "$node" = /usr/local/bin/node ] || ln -s "$node" "$stage/usr/local/bin/node"
  ln -s "$npm_dir/bin/npm-cli.js" "$stage/usr/local/bin/npm"
  ln -s "$npm_dir/bin/npx-cli.js" "$stage/usr/local/bin/npx"
}

make_node_images() {
  local version stamp work
  version=$(node -v)
  case "$version" in v20.*) ;; *) say "node $version found; the images need Node 20" && exit 1 ;; esac
  stamp="$version-npm$(npm -v)-r$REVISION"
  if up_to_date "$RUNTIME_IMAGE" "$stamp" && up_to_date "$BUILD_IMAGE" "$stamp"; then
    say "$RUNTIME_IMAGE and $BUILD_IMAGE are up to date ($stamp)"
    return 0
  fi
  work=$(mktemp -d)
  local node_passwd='node:x:1000:1000::/home/node:/bin/sh\n'
  local env=('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "ENV NODE_VERSION=${version#v}" 'CMD ["node"]')

  # Runtime: node + npm + libraries + static busybox for sh and the usual tools.
  mkdir -p "$work/runtime"
  skeleton "$work/runtime" "$(printf "$node_passwd")"$'\n' $'node:x:1000:\n'
  mkdir -p "$work/runtime/home/node" && chown 1000:1000 "$work/runtime/home/node"
  node_links "$work/runtime"
  cp "$(static_busybox)" "$work/runtime/usr/bin/busybox"
  for tool in sh ls cat cp mv rm mkdir rmdir ln chmod chown env echo true false sleep grep sed head tail wc id \
    wget nc ps kill stat test tr uname which du df find xargs tar gzip; do
    ln -s busybox "$work/runtime/usr/bin/$tool"
  done
  node_files >"$work/runtime.list"
  import_image "$RUNTIME_IMAGE" "$work/runtime.list" "$work/runtime" "$stamp" "${env[@]}"

  # Build: node, npm, Node's headers and the Debian packages node-gyp needs with their dependencies.
  mkdir -p "$work/build"
  skeleton "$work/build" "$(printf "$node_passwd")"$'\n' $'node:x:1000:\n'
  mkdir -p "$work/build/home/node" && chown 1000:1000 "$work/build/home/node"
  node_links "$work/build"
  local headers
  headers=$(readlink -f "$(dirname "$(readlink -f "$(command -v node)")")/../include/node")
  [ -f "$headers/node.h" ] || { say "Node's headers are not at $headers (needed to compile better-sqlite3)"; exit 1; }
  command -v g++ >/dev/null && command -v make >/dev/null && [ -x /usr/bin/python3 ] || apt_install python3 make g++
  {
    node_files
    find "$headers"
    package_closure dash bash coreutils sed grep findutils diffutils tar gzip make g++ python3 |
      while read -r pkg; do dpkg -L "$pkg"; done |
      grep -v -E '^/usr/share/(doc|man|info|locale|lintian|bug)/' |
      while read -r f; do if [ -e "$f" ] || [ -L "$f" ]; then canonical "$f"; fi; done
    canonical /bin/sh
    echo /etc/ld.so.cache
    # Debian alternatives the toolchain is reached through (cc and c++ are what gyp's Makefiles call)
    for tool in cc c++ cpp; do
      if [ -L "/usr/bin/$tool" ]; then
        echo "/usr/bin/$tool"
        case "$(readlink "/usr/bin/$tool")" in /etc/alternatives/*) readlink "/usr/bin/$tool" ;; esac
        readlink -f "/usr/bin/$tool"
      fi
    done
  } >"$work/build.list"
  import_image "$BUILD_IMAGE" "$work/build.list" "$work/build" "$stamp" "${env[@]}" \
    "ENV npm_config_nodedir=$(dirname "$(dirname "$headers")")"
  rm -rf "$work"
}

# Installed packages needed by the ones named (Depends and Pre-Depends, first installed alternative).
package_closure() {
  local -A seen=()
  local queue=("$@") pkg deps item alt name
  installed() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'; }
  while [ ${#queue[@]} -gt 0 ]; do
    pkg=${queue[0]}
    queue=("${queue[@]:1}")
    [ -n "${seen[$pkg]:-}" ] && continue
    installed "$pkg" || continue
    seen[$pkg]=1
    deps=$(dpkg-query -W -f='${Depends}, ${Pre-Depends}' "$pkg")
    IFS=',' read -ra items <<<"$deps"
    for item in "${items[@]}"; do
      IFS='|' read -ra alts <<<"$item"
      for alt in "${alts[@]}"; do
        name=$(sed -E 's/\(.*\)//; s/:any//; s/^ +//; s/ +$//' <<<"$alt")
        [ -n "$name" ] && installed "$name" && queue+=("$name") && break
      done
    done
  done
  printf '%s\n' "${!seen[@]}" | sort
}

make_haproxy_image() {
  command -v haproxy >/dev/null || apt_install haproxy
  local bin version stamp work
  bin=$(readlink -f "$(command -v haproxy)")
  version=$(haproxy -v | awk 'NR==1{print $3}')
  stamp="$version-r$REVISION"
  if up_to_date "$HAPROXY_IMAGE" "$stamp"; then
    say "$HAPROXY_IMAGE is up to date ($stamp)"
    return 0
  fi
  work=$(mktemp -d)
  mkdir -p "$work/stage"
  skeleton "$work/stage" $'haproxy:x:99:99::/var/lib/haproxy:/usr/sbin/nologin\n' $'haproxy:x:99:\n'
  mkdir -p "$work/stage/usr/local/sbin" "$work/stage/usr/local/etc/haproxy" "$work/stage/var/lib/haproxy"
  chown 99:99 "$work/stage/var/lib/haproxy"
  cp "$bin" "$work/stage/usr/local/sbin/haproxy"
  cp "$(static_busybox)" "$work/stage/usr/bin/busybox"
  for tool in sh cat ls env; do ln -s busybox "$work/stage/usr/bin/$tool"; done
  libs_of "$bin" >"$work/list"
  import_image "$HAPROXY_IMAGE" "$work/list" "$work/stage" "$stamp" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' 'USER haproxy' \
    'WORKDIR /var/lib/haproxy' \
    'CMD ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
  rm -rf "$work"
}

case "${1:-all}" in
  node) make_node_images ;;
  haproxy) make_haproxy_image ;;
  all)
    make_node_images
    make_haproxy_image
    ;;
  *) say "usage: $0 [node|haproxy|all]" && exit 2 ;;
esac
