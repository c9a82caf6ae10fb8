#!/usr/bin/env bash
# Makes the base images the Dockerfile and the proxy compose file need, offline, from this
# machine's own files and the project's Node (no image registry is reachable here). Idempotent: an
# image whose labels match that Node/HAProxy version and this script's revision is kept.
#
#   bridgeboard/node-base:offline   stands in for node:24-bookworm-slim, to build and to run: the
#                                   project's Node (scripts/node.sh: the official binary) and npm,
#                                   the libraries `ldd node` lists, busybox as sh, CA certs
#   bridgeboard/haproxy:offline     stands in for haproxy:2.6: the host's haproxy and its libraries,
#                                   run as the unprivileged user haproxy (uid 99) as the public image does
#
# Usage: bash scripts/image-base.sh [node|haproxy|all]   (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh

REVISION=4 # bump when what goes into the images changes
RUNTIME_IMAGE=bridgeboard/node-base:offline
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

# Node itself goes where the official image has it: /usr/local/bin/node, npm in
# /usr/local/lib/node_modules/npm. It is the Node on PATH, which scripts/node.sh made the project's
# own (the official binary).
stage_node() { # stage dir
  local stage=$1 home
  home=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  mkdir -p "$stage/usr/local/bin" "$stage/usr/local/lib/node_modules"
  cp "$home/bin/node" "$stage/usr/local/bin/node"
  cp -a "$home/lib/node_modules/npm" "$stage/usr/local/lib/node_modules/npm"
  rm -rf "$stage/usr/local/lib/node_modules/npm/docs" "$stage/usr/local/lib/node_modules/npm/man"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$stage/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$stage/usr/local/bin/npx"
}

# What the node image takes from this machine as it is: the C and C++ runtime libraries whole (as
# a Debian slim image has them: native modules such as rolldown's load librt, which node itself
# does not), and CA certificates.
node_host_files() {
  libs_of "$(readlink -f "$(command -v node)")"
  dpkg -L libc6 libgcc-s1 libstdc++6 | grep -E '^/(usr/)?lib[^ ]*/[^/]+\.so[.0-9]*$' | while read -r f; do
    if [ -e "$f" ]; then canonical "$f"; fi
  done
  echo /etc/ssl/certs/ca-certificates.crt
  echo /etc/ld.so.cache
}

make_node_image() {
  local version stamp work
  version=$(node -v)
  case "$version" in v22.* | v24.*) ;; *) say "node $version found; the image needs Node 22 or 24 (scripts/node.sh)" && exit 1 ;; esac
  stamp="$version-npm$(npm -v)-r$REVISION"
  if up_to_date "$RUNTIME_IMAGE" "$stamp"; then
    say "$RUNTIME_IMAGE is up to date ($stamp)"
    return 0
  fi
  work=$(mktemp -d)
  # node + npm + libraries + static busybox for sh and the usual tools.
  mkdir -p "$work/stage"
  skeleton "$work/stage" $'node:x:1000:1000::/home/node:/bin/sh\n' $'node:x:1000:\n'
  mkdir -p "$work/stage/home/node" && chown 1000:1000 "$work/stage/home/node"
  stage_node "$work/stage"
  cp "$(static_busybox)" "$work/stage/usr/bin/busybox"
  for tool in sh ls cat cp mv rm mkdir rmdir ln chmod chown env echo true false sleep grep sed head tail wc id \
    wget nc ps kill stat test tr uname which du df find xargs tar gzip; do
    ln -s busybox "$work/stage/usr/bin/$tool"
  done
  node_host_files >"$work/list"
  import_image "$RUNTIME_IMAGE" "$work/list" "$work/stage" "$stamp" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "ENV NODE_VERSION=${version#v}" 'CMD ["node"]'
  rm -rf "$work"
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
  node) make_node_image ;;
  haproxy) make_haproxy_image ;;
  all)
    make_node_image
    make_haproxy_image
    ;;
  *) say "usage: $0 [node|haproxy|all]" && exit 2 ;;
esac
