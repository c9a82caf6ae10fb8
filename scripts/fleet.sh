#!/usr/bin/env bash
# Extra Docker engines on this machine for the fleet tests and benches (issue 12). Idempotent, and
# undone cleanly, also after a crash. Engine N (1..8) is a dockerd in its own network namespace
# bb-fleet-N with its own hostname bb-node-N; the host reaches it at /run/bridgeboard-fleet/N/docker.sock,
# the other engines at 10.250.0.(N+1) over the host bridge bb-fleet0. Nothing leaves the machine.
# The host engine (/var/run/docker.sock) never joins a swarm.
#
#   bash scripts/fleet.sh up [N]        engines 1..N (default 2) up, image loaded, engines.json written;
#                                       engine 1 also on tcp://10.250.0.2:2376 with --tlsverify
#   bash scripts/fleet.sh swarm [M]     engine 1 a swarm manager, engines 2..M (default 2) workers
#   bash scripts/fleet.sh tls           checks engine 1's TLS listener (and starts it if missing)
#   bash scripts/fleet.sh ssh           engine 1 also over ssh://root@10.250.0.2 (an sshd of our own in
#                                       its namespace); once on, every up keeps it running
#   bash scripts/fleet.sh status        one line per engine
#   bash scripts/fleet.sh down          everything undone, data roots too: the next up starts clean
#
# Addresses: only 10.250.0.0/24 is on the host; the rest lives inside the namespaces. All of it is
# clear of the host engine's default pools and of the subnets the tests pick (10.100-10.231,
# 10.254, and the migration pools 10.200.0.0/16 and 172.28.0.0/14).
#   engine N: docker0 10.251.N.1/24, docker_gwbridge 10.252.N.0/24, other networks 10.(240+N).0.0/16
#   swarm: ingress and overlays made without --subnet from 10.253.0.0/16
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/run/bridgeboard-fleet
DATA=/var/lib/bridgeboard-fleet
BRIDGE=bb-fleet0
LINK=10.250.0
TLS_DIR=$RUN/tls
TLS_PORT=2376
SSH_DIR=$RUN/ssh
SSH_USER=root
IMAGE="${BRIDGEBOARD_TEST_IMAGE:-bridgeboard/busybox:offline}"
MAX=8
TAG=bridgeboard-fleet
# The fleet's dockerd runs as "dockerd-fleet" (a symlink): engine.sh finds the host engine with
# `pgrep -x dockerd` and restarts it with `pkill -x dockerd`; under that name the fleet is neither
# mistaken for the host engine (which then is not started) nor stopped with it.
DOCKERD=dockerd-fleet
say() { printf '[fleet] %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

ns() { echo "bb-fleet-$1"; }
veth() { echo "bb-fleet-v$1"; }
addr() { echo "$LINK.$(($1 + 1))"; }
sock() { echo "$RUN/$1/docker.sock"; }
pidfile() { echo "$RUN/$1/docker.pid"; }
dock() {
  local n=$1
  shift
  env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH docker -H "unix://$(sock "$n")" "$@"
}

apt_install() {
  if [ -z "${_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    _APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need_tools() {
  [ "$(id -u)" = 0 ] || die "needs root (namespaces, bridges, iptables)"
  local missing=() pair
  for pair in ip:iproute2 nsenter:util-linux unshare:util-linux iptables:iptables curl:curl openssl:openssl; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  say "installing ${missing[*]}"
  apt_install "${missing[@]}"
}

pid_of() { # the engine's dockerd pid, if that process is alive and is a fleet dockerd
  local f p
  f=$(pidfile "$1")
  [ -s "$f" ] || return 1
  p=$(cat "$f")
  # A killed dockerd stays a zombie until something reaps it: alive means not that.
  [ "$(cat "/proc/$p/comm" 2>/dev/null)" = "$DOCKERD" ] && ! grep -q '^State:.*zombie' "/proc/$p/status" 2>/dev/null &&
    echo "$p"
}
api() { curl -fsS --max-time 2 --unix-socket "$(sock "$1")" -o /dev/null "http://localhost$2" 2>/dev/null; } # api N PATH: a 2xx?
answers() { api "$1" /_ping; }
net_ok() { # namespace there, its end addressed, the host end on the bridge and up
  [ -e "/var/run/netns/$(ns "$1")" ] &&
    ip -n "$(ns "$1")" -4 -o addr show dev eth0 2>/dev/null | grep -q " $(addr "$1")/24 " &&
    ip -o link show "$(veth "$1")" 2>/dev/null | grep -q "master $BRIDGE .*state UP"
}
has_net() { [ -e "/var/run/netns/$(ns "$1")" ] || ip link show "$(veth "$1")" >/dev/null 2>&1; }
engine_ok() { # dockerd alive, inside the namespace that bears the name (not one deleted by hand), answering
  local p
  p=$(pid_of "$1") && net_ok "$1" &&
    [ "$(stat -L -c %i "/proc/$p/ns/net")" = "$(stat -L -c %i "/var/run/netns/$(ns "$1")")" ] && answers "$1"
}
tls_ready() { [ -s "$TLS_DIR/ca.pem" ] && [ -s "$TLS_DIR/server-cert.pem" ] && [ -s "$TLS_DIR/server-key.pem" ]; }
tls_on() { local p; p=$(pid_of 1) && tr '\0' ' ' <"/proc/$p/cmdline" | grep -q -- '--tlsverify'; }

numbered() { # the engine numbers among the entries of a directory
  local d
  for d in "$1"/[0-9]*; do [[ "${d##*/}" =~ ^[0-9]+$ ]] && echo "${d##*/}"; done
  return 0
}
present() { # numbers of the engines that have anything left: run dir, namespace or host veth
  {
    numbered "$RUN"
    ip netns list 2>/dev/null | sed -n 's/^bb-fleet-\([0-9]\+\)\b.*/\1/p'
    ip -o link show 2>/dev/null | sed -n 's/^[0-9]*: bb-fleet-v\([0-9]\+\)[@:].*/\1/p'
  } | sort -nu
}

# --- host side: the bridge and its firewall rules -------------------------------------------------

ensure_bridge() {
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add "$BRIDGE" type bridge
  ip -4 -o addr show dev "$BRIDGE" | grep -q " $LINK.1/24 " || ip addr add "$LINK.1/24" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  local other
  other=$(ip -4 route show "$LINK.0/24" | grep -v "dev $BRIDGE " || true)
  [ -z "$other" ] || die "$LINK.0/24 is also routed elsewhere ($other): remove that network first"
}

# The host engine sets FORWARD policy DROP and br_netfilter sends frames bridged between two ports
# of bb-fleet0 through FORWARD too, so namespace-to-namespace traffic is dropped without rule 1.
# Rules 2 and 3 keep the fleet on its bridge (nothing off the machine, nothing to the host engine's
# networks) even if FORWARD's policy were ACCEPT. DOCKER-USER: dockerd keeps it first in FORWARD
# and never flushes it, also when the host engine restarts.
RULES=("-i $BRIDGE -o $BRIDGE" "-i $BRIDGE" "-o $BRIDGE")
VERDICTS=(ACCEPT DROP DROP)
ensure_rules() {
  iptables -w -n -L DOCKER-USER >/dev/null 2>&1 || {
    iptables -w -N DOCKER-USER
    iptables -w -I FORWARD -j DOCKER-USER
  }
  local want="" i
  for i in 0 1 2; do want+="-A DOCKER-USER ${RULES[$i]} -m comment --comment $TAG -j ${VERDICTS[$i]}"$'\n'; done
  [ "$(iptables -w -S DOCKER-USER | sed -n 2,4p)"$'\n' = "$want" ] && return 0
  remove_rules
  for i in 2 1 0; do
    # shellcheck disable=SC2086 # the rule is words
    iptables -w -I DOCKER-USER ${RULES[$i]} -m comment --comment "$TAG" -j "${VERDICTS[$i]}"
  done
}
remove_rules() {
  local rule
  { iptables -w -S DOCKER-USER 2>/dev/null || true; } | { grep -- "--comment $TAG " || true; } | sed 's/^-A /-D /' |
    while read -ra rule; do iptables -w "${rule[@]}"; done
}

# --- one engine ------------------------------------------------------------------------------------

make_net() { # a fresh namespace, whatever an earlier one (a crash, a hand-deleted namespace) left
  local n=$1 name
  name=$(ns "$n")
  ip link del "$(veth "$n")" 2>/dev/null || true
  ip netns del "$name" 2>/dev/null || true
  ip netns add "$name"
  ip link add "$(veth "$n")" type veth peer name eth0 netns "$name"
  ip link set "$(veth "$n")" master "$BRIDGE" up
  # IPv4 only: the fleet needs nothing else, and no IPv6 route can then lead off the machine.
  # shellcheck disable=SC2016 # the inner sh expands it
  nsenter --net="/var/run/netns/$name" sh -c 'for f in all default; do echo 1 >/proc/sys/net/ipv6/conf/$f/disable_ipv6; done'
  ip -n "$name" link set lo up
  ip -n "$name" addr add "$(addr "$n")/24" dev eth0
  ip -n "$name" link set eth0 up
  ip -n "$name" route add default via "$LINK.1"
}

start_dockerd() { # in the background; prints the pid. nsenter --net, not `ip netns exec`: that one
  # remounts /sys, and dockerd dies with "Devices cgroup isn't mounted".
  local n=$1 dir=$RUN/$1 tls=()
  mkdir -p "$dir/exec" "$DATA/$n" "$RUN/bin"
  ln -sfn "$(command -v dockerd)" "$RUN/bin/$DOCKERD"
  rm -f "$(pidfile "$n")" "$(sock "$n")" # a killed dockerd leaves both behind
  # Its own (empty) config file: the host's /etc/docker/daemon.json is the host engine's.
  [ -s "$dir/daemon.json" ] || echo '{}' >"$dir/daemon.json"
  if [ "$n" = 1 ] && tls_ready; then
    tls=(-H "tcp://$(addr 1):$TLS_PORT" --tlsverify --tlscacert "$TLS_DIR/ca.pem"
      --tlscert "$TLS_DIR/server-cert.pem" --tlskey "$TLS_DIR/server-key.pem")
  fi
  # setsid: the engine outlives the caller's process group. unshare --uts: its own hostname, which
  # is its swarm node name. --cgroup-parent: its containers can be found after a crash.
  # DOCKER_SERVICE_PREFER_OFFLINE_IMAGE: swarm tasks use the loaded image instead of first trying
  # a registry (a DNS timeout of ~20 s per task here, where nothing may leave the machine).
  # shellcheck disable=SC2016 # the inner sh expands them
  setsid nohup nsenter --net="/var/run/netns/$(ns "$n")" unshare --uts -- \
    sh -c 'echo "$1" >/proc/sys/kernel/hostname && shift && exec "$@"' sh "bb-node-$n" \
    env DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 "$RUN/bin/$DOCKERD" --config-file "$dir/daemon.json" \
    --data-root "$DATA/$n" --exec-root "$dir/exec" --pidfile "$(pidfile "$n")" -H "unix://$(sock "$n")" \
    "${tls[@]}" --bip "10.251.$n.1/24" --default-address-pool "base=10.$((240 + n)).0.0/16,size=24" \
    --cgroup-parent "bb-fleet-$n" >>"/var/log/bridgeboard-fleet-$n.log" 2>&1 </dev/null 9>&- &
  echo $!
}

wait_answers() { # wait_answers N PID
  local i
  for i in $(seq 1 300); do
    answers "$1" && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 15 "/var/log/bridgeboard-fleet-$1.log" >&2 || true
  die "engine $1 did not answer; see /var/log/bridgeboard-fleet-$1.log"
}

gone() { # gone PID SECONDS: waits for the process to end
  local i
  for i in $(seq 1 $(($2 * 10))); do
    [ -d "/proc/$1" ] || return 0
    sleep 0.1
  done
  return 1
}

shim_socket() { # shim_socket N PID: the socket of that engine's containerd shim, if PID is one
  # containerd 1.6: /run/containerd/s/ + sha256 of "ADDRESS/NAMESPACE/ID", from the shim's arguments.
  local args
  [ "$(cat "/proc/$2/comm" 2>/dev/null)" = containerd-shim ] || return 0
  args=$(tr '\0' '\n' <"/proc/$2/cmdline" 2>/dev/null | awk 'p == "-address" { a = $0 } p == "-namespace" { s = $0 }
    p == "-id" { i = $0 } { p = $0 } END { if (a != "" && s != "" && i != "") print a "/" s "/" i }')
  case "$args" in
    "$RUN/$1/"*) echo "/run/containerd/s/$(printf '%s' "$args" | sha256sum | cut -c1-64)" ;;
  esac
}

kill_leftovers() { # kill_leftovers N [NETNS_INODE]: what a dead engine leaves running
  local n=$1 inodes=() pids sockets p
  [ -z "${2:-}" ] || inodes+=("$2")
  [ ! -e "/var/run/netns/$(ns "$n")" ] || inodes+=("$(stat -L -c %i "/var/run/netns/$(ns "$n")")")
  # Its containers sit under its cgroup parent; containerd, its shims and docker-proxy in its namespace.
  pids=$(
    cat /sys/fs/cgroup/*/"bb-fleet-$n"/*/cgroup.procs /sys/fs/cgroup/"bb-fleet-$n"/*/cgroup.procs 2>/dev/null || true
    [ ${#inodes[@]} = 0 ] || find -L /proc/[0-9]*/ns -maxdepth 1 -name net -printf '%i %p\n' 2>/dev/null |
      awk -v want=" ${inodes[*]} " 'index(want, " " $1 " ") { split($2, p, "/"); print p[3] }' || true
  )
  pids=$(printf '%s\n' "$pids" | grep -E '^[0-9]+$' | grep -vx -e "$$" -e "${BASHPID:-$$}" | sort -u || true)
  if [ -n "$pids" ]; then
    say "engine $n: killing what it left running ($(wc -w <<<"$pids") processes)"
    sockets=$(for p in $pids; do shim_socket "$n" "$p"; done)
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
    for p in $pids; do gone "$p" 5 || true; done
    # A killed shim leaves its socket behind in the machine-wide /run/containerd/s.
    # shellcheck disable=SC2086
    [ -z "$sockets" ] || rm -f $sockets
  fi
  find /sys/fs/cgroup/*/"bb-fleet-$n" /sys/fs/cgroup/"bb-fleet-$n" -depth -type d -exec rmdir {} + 2>/dev/null || true
}

mounts_under() { awk -v d="$1" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r; }
unmount_under() {
  local m
  for m in $(mounts_under "$1"); do umount -l "$m" 2>/dev/null || true; done
}

stop_dockerd() { # stop_dockerd N: stops the engine and everything it ran, its network untouched
  local n=$1 p inode="" ids
  if p=$(pid_of "$n"); then
    inode=$(stat -L -c %i "/proc/$p/ns/net" 2>/dev/null || true)
    # Containers are killed first: on TERM dockerd gives each its own stop timeout (10 s for
    # `sleep`; --shutdown-timeout does not shorten it). No swarm leave: a worker's takes 5 s, and the swarm state
    # goes with the data root (down) or is meant to survive (a restart).
    ids=$(dock "$n" ps -q 2>/dev/null || true)
    # shellcheck disable=SC2086 # ids are words
    [ -z "$ids" ] || dock "$n" kill $ids >/dev/null 2>&1 || true
    kill -TERM "$p" 2>/dev/null || true
    gone "$p" 30 || { say "engine $n: dockerd ignored TERM, killing it"; kill -KILL "$p" 2>/dev/null || true; gone "$p" 5 || true; }
  fi
  kill_leftovers "$n" "$inode"
  unmount_under "$RUN/$n"
  unmount_under "$DATA/$n"
}

remove_engine() { # remove_engine N keep|purge: the engine, its namespace, veth, run dir (and data root)
  local n=$1 dir
  stop_dockerd "$n"
  ip netns del "$(ns "$n")" 2>/dev/null || true
  ip link del "$(veth "$n")" 2>/dev/null || true
  for dir in "$RUN/$n" $([ "$2" = purge ] && echo "$DATA/$n"); do
    # rm -rf through a mount would delete what is mounted there.
    [ -z "$(mounts_under "$dir")" ] || die "engine $n: still mounted under $dir: $(mounts_under "$dir")"
    rm -rf "$dir"
  done
}

ensure_images() { # the offline test image on each engine, only where missing
  local n missing=() tmp pids=() p rc=0
  for n in "$@"; do api "$n" "/images/$IMAGE/json" || missing+=("$n"); done
  [ ${#missing[@]} -gt 0 ] || return 0
  tmp=$(mktemp)
  docker save "$IMAGE" -o "$tmp"
  for n in "${missing[@]}"; do
    dock "$n" load -q -i "$tmp" >/dev/null &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  rm -f "$tmp"
  [ $rc = 0 ] || die "could not load $IMAGE into engine(s) ${missing[*]}"
  say "loaded $IMAGE into engine(s) ${missing[*]}"
}

write_json() { # /run/bridgeboard-fleet/engines.json: every engine that answers
  local n first=1 out="["
  for n in $(present); do
    answers "$n" || continue
    [ $first = 1 ] || out+=","
    first=0
    out+=$(printf '\n  {"n":%d,"name":"bb-node-%d","socketPath":"%s","address":"%s"' "$n" "$n" "$(sock "$n")" "$(addr "$n")")
    if [ "$n" = 1 ] && tls_on; then
      out+=$(printf ',"tls":{"host":"%s","port":%d,"ca":"%s","cert":"%s","key":"%s"}' \
        "$(addr 1)" "$TLS_PORT" "$TLS_DIR/ca.pem" "$TLS_DIR/cert.pem" "$TLS_DIR/key.pem")
    fi
    if [ "$n" = 1 ] && ssh_ok; then
      out+=$(printf ',"ssh":{"host":"%s","port":22,"user":"%s","identityFile":"%s","passphraseKey":{"identityFile":"%s","passphraseFile":"%s"},"knownHosts":"%s","config":"%s","path":"%s"}' \
        "$(addr 1)" "$SSH_USER" "$SSH_DIR/client_ed25519" "$SSH_DIR/client_ed25519_passphrase" "$SSH_DIR/client_passphrase" \
        "$SSH_DIR/known_hosts" "$SSH_DIR/ssh_config" "$SSH_DIR/bin")
    fi
    out+="}"
  done
  out+=$'\n]\n'
  mkdir -p "$RUN"
  printf '%s' "$out" >"$RUN/engines.json.$$"
  mv "$RUN/engines.json.$$" "$RUN/engines.json"
}

wait_swarm() { # when engine 1 manages a swarm: until each member engine is Ready and its gossip peer
  local want=0 n ready peers i
  [ -d "$DATA/1/swarm/raft" ] || return 0
  for n in $(present); do
    if [ -s "$DATA/$n/swarm/state.json" ] && answers "$n"; then want=$((want + 1)); fi
  done
  for i in $(seq 1 900); do
    ready=$(dock 1 node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$' || true)
    peers=$(dock 1 network inspect --verbose ingress --format '{{len .Peers}}' 2>/dev/null || echo 0)
    [ "$ready" -lt "$want" ] || [ "$peers" -lt "$want" ] || return 0
    # A restarted manager gets its workers back into the overlay gossip only at their next 60 s rejoin.
    [ "$i" != 20 ] || say "waiting for $want swarm nodes to be Ready and gossip peers ($ready, $peers so far; up to 60 s)"
    sleep 0.1
  done
  die "engine 1 has $ready Ready nodes and $peers gossip peers of $want after 90 s"
}

# --- engine 1 over ssh:// --------------------------------------------------------------------------
# An sshd of our own (not the system's ssh service, which stays off), run by nsenter inside engine
# 1's namespace and listening on 10.250.0.2:22 only; its config, host key, pid file and the client
# keys live in $SSH_DIR. It signs in root, by key only, and each key may run one thing:
# `docker system dial-stdio` (what the docker CLI and docker-modem run on the far side), with
# DOCKER_HOST set by the sshd to engine 1's socket, never the host engine's. Root, not a user of
# our own: the namespace shares the host's users, so a new user is a change to /etc/passwd that a
# crash could leave behind, and it would still need root's reach to engine 1's root-owned socket.
# Independent of dockerd: restarting one leaves the other alone (only a new namespace moves it).

ssh_key() { # ssh_key FILE COMMENT [PASSPHRASE]: an ed25519 key pair, made again if half of it is missing
  [ -s "$1" ] && [ -s "$1.pub" ] && return 0
  rm -f "$1" "$1.pub"
  ssh-keygen -q -t ed25519 -C "$2" -N "${3:-}" -f "$1"
}

put() { # put FILE: stdin into FILE at once (a running sshd reads authorized_keys at each sign-in)
  cat >"$1.tmp"
  mv "$1.tmp" "$1"
}

ssh_files() { # keys once; config, authorized keys, known_hosts and the client's config every time (cheap, and never stale)
  local n=1
  mkdir -p "$SSH_DIR/bin"
  chmod 700 "$SSH_DIR"
  ( # the keys and the passphrase are readable by root alone
    umask 077
    ssh_key "$SSH_DIR/host_ed25519_key" "bb-node-$n host"
    ssh_key "$SSH_DIR/client_ed25519" "bridgeboard fleet client"
    [ -s "$SSH_DIR/client_passphrase" ] || {
      rm -f "$SSH_DIR/client_ed25519_passphrase" "$SSH_DIR/client_ed25519_passphrase.pub"
      openssl rand -hex 16 >"$SSH_DIR/client_passphrase"
    }
    ssh_key "$SSH_DIR/client_ed25519_passphrase" "bridgeboard fleet client (passphrase)" "$(cat "$SSH_DIR/client_passphrase")"
    # restrict: no shell, pty or forwarding; command: whatever the client asks, it gets the engine's API.
    sed 's/^/restrict,command="docker system dial-stdio" /' "$SSH_DIR/client_ed25519.pub" "$SSH_DIR/client_ed25519_passphrase.pub" \
      | put "$SSH_DIR/authorized_keys"
  )
  # sshd_config(5) for each line; SetEnv needs OpenSSH 8.7+ (bookworm has 9.2). sshd runs the
  # command with the user's shell, and bash, seeing SSH_CLIENT, sources ~/.bashrc first when it is
  # a top-level shell (Debian builds it with SSH_SOURCE_BASHRC): root's here takes seconds (pyenv),
  # on every engine call. SHLVL=1 makes that shell level 2, which skips it.
  put "$SSH_DIR/sshd_config" <<CONF
# bridgeboard fleet: engine $n over ssh (scripts/fleet.sh ssh). Not the system's sshd.
ListenAddress $(addr "$n"):22
HostKey $SSH_DIR/host_ed25519_key
PidFile $SSH_DIR/sshd.pid
AuthorizedKeysFile $SSH_DIR/authorized_keys
AllowUsers $SSH_USER
PermitRootLogin forced-commands-only
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitTTY no
AllowTcpForwarding no
AllowStreamLocalForwarding no
AllowAgentForwarding no
X11Forwarding no
PermitTunnel no
PermitUserEnvironment no
SetEnv DOCKER_HOST=unix://$(sock "$n") SHLVL=1
LogLevel VERBOSE
CONF
  printf '%s %s\n' "$(addr "$n")" "$(cut -d' ' -f1,2 "$SSH_DIR/host_ed25519_key.pub")" | put "$SSH_DIR/known_hosts"
  # For the system's ssh, which the docker CLI runs: `PATH=$SSH_DIR/bin:$PATH docker -H ssh://root@10.250.0.2 …`.
  put "$SSH_DIR/ssh_config" <<CONF
Host $(addr "$n") bb-node-$n
  HostName $(addr "$n")
  User $SSH_USER
  IdentityFile $SSH_DIR/client_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $SSH_DIR/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  BatchMode yes
  ConnectTimeout 5
CONF
  printf '#!/bin/sh\nexec /usr/bin/ssh -F %s "$@"\n' "$SSH_DIR/ssh_config" | put "$SSH_DIR/bin/ssh"
  chmod 755 "$SSH_DIR/bin/ssh"
}

need_sshd() { # the openssh-server package for its sshd binary, its own service neither started nor enabled
  [ -x /usr/sbin/sshd ] && return 0
  local policy=/usr/sbin/policy-rc.d made=""
  if [ ! -e "$policy" ]; then # invoke-rc.d asks it: 101 = do not start
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    made=1
  fi
  say "installing openssh-server (its ssh service stays off)"
  # NEEDRESTART_SUSPEND: needrestart, if installed, would otherwise restart services after apt.
  NEEDRESTART_SUSPEND=1 apt_install openssh-server || { [ -z "$made" ] || rm -f "$policy"; die "could not install openssh-server"; }
  [ -z "$made" ] || rm -f "$policy"
  # The package enables its service for the next boot (systemd and sysvinit links): undone, as we
  # installed it only for the binary. An ssh service that was there before is never touched.
  [ ! -d /run/systemd/system ] || systemctl stop ssh.service ssh.socket >/dev/null 2>&1 || true
  deb-systemd-helper disable ssh.service ssh.socket >/dev/null 2>&1 || true
  update-rc.d ssh disable >/dev/null 2>&1 || true
  [ -x /usr/sbin/sshd ] || die "openssh-server installed no /usr/sbin/sshd"
}

sshd_pid() { # our sshd's pid, if alive: a stale pid file may name another process by now
  local f=$SSH_DIR/sshd.pid p
  [ -s "$f" ] || return 1
  p=$(cat "$f")
  [[ "$p" =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = sshd ] &&
    tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -qF -- "-f $SSH_DIR/sshd_config" &&
    ! grep -q '^State:.*zombie' "/proc/$p/status" 2>/dev/null && echo "$p"
}
ssh_wanted() { [ -s "$SSH_DIR/sshd_config" ]; } # `fleet.sh ssh` ran since the last down
ssh_ok() { # our sshd alive in the namespace that bears the name now (not one deleted and made again)
  local p
  p=$(sshd_pid) && net_ok 1 && [ "$(stat -L -c %i "/proc/$p/ns/net")" = "$(stat -L -c %i "/var/run/netns/$(ns 1)")" ]
}

stop_sshd() { # its sessions end with it: each is its child, killed with the namespace on down
  local p
  if p=$(sshd_pid); then
    kill -TERM "$p" 2>/dev/null || true
    gone "$p" 5 || { kill -KILL "$p" 2>/dev/null || true; gone "$p" 5 || true; }
  fi
  rm -f "$SSH_DIR/sshd.pid"
}

start_sshd() {
  local i
  stop_sshd
  # Its privilege-separation directory (compiled in); openssh-server's own service would make it.
  mkdir -p /run/sshd
  chmod 755 /run/sshd
  /usr/sbin/sshd -t -f "$SSH_DIR/sshd_config" || die "sshd refuses $SSH_DIR/sshd_config"
  say "engine 1: starting sshd on $(addr 1):22 (log: /var/log/bridgeboard-fleet-ssh.log)"
  # sshd forks into the background itself (its own session, stdio on /dev/null) and writes its pid file.
  nsenter --net="/var/run/netns/$(ns 1)" /usr/sbin/sshd -f "$SSH_DIR/sshd_config" -E /var/log/bridgeboard-fleet-ssh.log 9>&-
  for i in $(seq 1 50); do
    ssh_ok && return 0
    sleep 0.1
  done
  tail -n 15 /var/log/bridgeboard-fleet-ssh.log >&2 || true
  die "engine 1: sshd did not start; see /var/log/bridgeboard-fleet-ssh.log"
}

ssh_docker() { # the real docker CLI over ssh, as a user would run it, through our ssh config
  env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u DOCKER_HOST PATH="$SSH_DIR/bin:$PATH" \
    docker -H "ssh://$SSH_USER@$(addr 1)" "$@"
}

keep_ssh() { # after engine 1 (re)started: the sshd it may have taken with it, when ssh is on
  ssh_wanted || return 0
  ssh_ok || start_sshd
}

# --- commands --------------------------------------------------------------------------------------

cmd_up() {
  local count=${1:-2} n pids=() p
  if ! [[ "$count" =~ ^[0-9]+$ ]] || [ "$count" -lt 1 ] || [ "$count" -gt $MAX ]; then die "up takes 1..$MAX engines, not '$count'"; fi
  need_tools
  bash "$HERE/engine.sh" # the host engine answers and has the image to copy
  ensure_bridge
  ensure_rules
  # Engine 1 starts with its TLS listener from the beginning: restarting it later (a swarm manager)
  # leaves the workers out of the overlay gossip for up to 60 s.
  bash "$HERE/fleet-tls.sh" "$TLS_DIR" "$(addr 1)" bb-node-1
  for n in $(seq 1 "$count"); do
    engine_ok "$n" && { pids+=(""); continue; }
    if pid_of "$n" >/dev/null || { ! net_ok "$n" && has_net "$n"; }; then
      say "engine $n: out of shape, making it again"
      remove_engine "$n" keep
    else
      # A dockerd that died leaves its containers running; restarting, it would give each 10 s to stop.
      kill_leftovers "$n"
    fi
    net_ok "$n" || make_net "$n"
    say "engine $n: starting dockerd (log: /var/log/bridgeboard-fleet-$n.log)"
    pids+=("$(start_dockerd "$n")")
  done
  for n in $(seq 1 "$count"); do
    p=${pids[$((n - 1))]}
    [ -z "$p" ] || wait_answers "$n" "$p"
  done
  ensure_images $(seq 1 "$count")
  keep_ssh
  wait_swarm
  write_json
  say "$count engine(s) up: $RUN/engines.json"
}

ensure_gwbridge() { # made first, with its own subnet: swarm init/join cannot pick one from an exhausted pool
  api "$1" /networks/docker_gwbridge && return 0
  dock "$1" network create --subnet "10.252.$1.0/24" \
    --opt com.docker.network.bridge.name=docker_gwbridge \
    --opt com.docker.network.bridge.enable_icc=false \
    --opt com.docker.network.bridge.enable_ip_masquerade=true docker_gwbridge >/dev/null
}

cmd_swarm() {
  local count=${1:-2} n state control node token="" ours
  if ! [[ "$count" =~ ^[0-9]+$ ]] || [ "$count" -lt 2 ] || [ "$count" -gt $MAX ]; then die "swarm takes 2..$MAX engines, not '$count'"; fi
  for n in $(seq 1 "$count"); do engine_ok "$n" || die "engine $n is not up: run 'bash scripts/fleet.sh up $count' first"; done
  for n in $(seq 1 "$count"); do ensure_gwbridge "$n"; done
  read -r state control node < <(dock 1 info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.NodeID}}') || true
  if [ "$state $control" != "active true" ]; then
    [ "$state" = inactive ] || dock 1 swarm leave --force >/dev/null 2>&1 || true
    say "engine 1: swarm init"
    dock 1 swarm init --advertise-addr "$(addr 1)" --listen-addr "$(addr 1):2377" \
      --default-addr-pool 10.253.0.0/16 --default-addr-pool-mask-length 24 >/dev/null
    node=$(dock 1 info --format '{{.Swarm.NodeID}}')
  fi
  ours=" $node "
  for n in $(seq 2 "$count"); do
    state="" node=""
    read -r state node < <(dock "$n" info --format '{{.Swarm.LocalNodeState}} {{.Swarm.NodeID}}') || true
    if [ "$state" = active ] && dock 1 node inspect "$node" >/dev/null 2>&1; then
      ours+="$node "
      continue
    fi
    [ "$state" = inactive ] || dock "$n" swarm leave --force >/dev/null 2>&1 || true
    [ -n "$token" ] || token=$(dock 1 swarm join-token -q worker)
    say "engine $n: swarm join"
    dock "$n" swarm join --advertise-addr "$(addr "$n")" --listen-addr "$(addr "$n"):2377" \
      --token "$token" "$(addr 1):2377" >/dev/null
    ours+="$(dock "$n" info --format '{{.Swarm.NodeID}}') "
  done
  # Nodes that left (a worker that joined again, an engine made again after a crash) stay listed as
  # Down: drop those, never one of ours that is only reconnecting.
  for node in $(dock 1 node ls --format '{{.ID}} {{.Status}}' | awk '$2 == "Down" { print $1 }'); do
    [[ "$ours" == *" $node "* ]] || dock 1 node rm --force "$node" >/dev/null 2>&1 || true
  done
  wait_swarm
  write_json
  say "swarm: engine 1 manager, engine(s) $(seq -s ' ' 2 "$count") worker(s)"
}

cmd_tls() {
  local p i
  engine_ok 1 || die "engine 1 is not up: run 'bash scripts/fleet.sh up' first"
  need_tools
  bash "$HERE/fleet-tls.sh" "$TLS_DIR" "$(addr 1)" bb-node-1
  if ! tls_on; then # only an engine 1 started before its certificates existed
    say "engine 1: restarting with its TLS listener on tcp://$(addr 1):$TLS_PORT"
    stop_dockerd 1
    p=$(start_dockerd 1)
    wait_answers 1 "$p"
    keep_ssh
    wait_swarm
  fi
  for i in $(seq 1 50); do
    curl -fsS --max-time 2 --cacert "$TLS_DIR/ca.pem" --cert "$TLS_DIR/cert.pem" --key "$TLS_DIR/key.pem" \
      "https://$(addr 1):$TLS_PORT/_ping" >/dev/null 2>&1 && break
    [ "$i" -lt 50 ] || die "engine 1 does not answer on https://$(addr 1):$TLS_PORT"
    sleep 0.1
  done
  write_json
  say "engine 1: tls on https://$(addr 1):$TLS_PORT (certificates in $TLS_DIR)"
}

cmd_ssh() {
  local name before
  engine_ok 1 || die "engine 1 is not up: run 'bash scripts/fleet.sh up' first"
  need_tools
  need_sshd
  command -v ssh >/dev/null || apt_install openssh-client
  before=$(cat "$SSH_DIR/sshd_config" 2>/dev/null || true)
  ssh_files
  # A running sshd keeps the config it started with: one written differently (a newer script) restarts it.
  if ! ssh_ok || [ "$before" != "$(cat "$SSH_DIR/sshd_config")" ]; then start_sshd; fi
  # The proof: the real docker CLI over the system's ssh reaches engine 1, not the host engine.
  name=$(ssh_docker info -f '{{.Name}}') || die "docker over ssh://$SSH_USER@$(addr 1) fails; see /var/log/bridgeboard-fleet-ssh.log"
  [ "$name" = bb-node-1 ] || die "docker over ssh://$SSH_USER@$(addr 1) reached '$name', not bb-node-1"
  write_json
  say "engine 1: ssh on ssh://$SSH_USER@$(addr 1) (keys, known_hosts and ssh config in $SSH_DIR)"
}

cmd_status() {
  local n reach role state any=0
  for n in $(present); do
    any=1
    reach=no role=-
    if answers "$n"; then
      reach=yes
      state=$(dock "$n" info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' 2>/dev/null || echo '? ?')
      case "$state" in
        "active true") role=manager ;;
        "active false") role=worker ;;
        "inactive false") role=none ;;
        *) role=${state% *} ;;
      esac
    fi
    printf 'engine %d  %s  reachable=%s  swarm=%s%s%s%s\n' "$n" "$(sock "$n")" "$reach" "$role" \
      "$(if [ "$n" = 1 ] && tls_on; then echo "  tls=tcp://$(addr 1):$TLS_PORT"; fi)" \
      "$(if [ "$n" = 1 ] && ssh_ok; then echo "  ssh=ssh://$SSH_USER@$(addr 1)"; elif [ "$n" = 1 ] && ssh_wanted; then echo "  ssh=down (run ssh)"; fi)" \
      "$(engine_ok "$n" || echo "  (out of shape: run up)")"
  done
  [ $any = 1 ] || echo "no fleet engines"
}

cmd_down() {
  local n pids=() p rc=0 others i
  [ "$(id -u)" = 0 ] || die "needs root"
  stop_sshd # its files go with $RUN
  # Services first, or the manager starts their killed tasks again while the engines stop.
  if [ "$(dock 1 info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ]; then
    # shellcheck disable=SC2046
    dock 1 service rm $(dock 1 service ls -q) >/dev/null 2>&1 || true
  fi
  # The others at once, and engine 1 once they no longer answer: a worker that stops after its
  # manager waits 5 s for its gossip leave to time out.
  others=$({ present; numbered "$DATA"; } | sort -nu | grep -vx 1 || true)
  for n in $others; do
    remove_engine "$n" purge &
    pids+=($!)
  done
  for i in $(seq 1 100); do
    for n in $others; do answers "$n" && { sleep 0.1; continue 2; }; done
    break
  done
  remove_engine 1 purge &
  pids+=($!)
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  ip link del "$BRIDGE" 2>/dev/null || true
  remove_rules
  [ -z "$(mounts_under "$RUN")" ] || die "still mounted under $RUN: $(mounts_under "$RUN")"
  rm -rf "$RUN"
  [ -z "$(mounts_under "$DATA")" ] || die "still mounted under $DATA"
  rm -rf "$DATA"
  [ $rc = 0 ] || die "some engines did not stop cleanly"
  say "fleet down"
}

# One fleet.sh at a time: test files, benches and e2e specs each make sure of the fleet, and two
# running at once would start, join or stop the same engines together. status only reads. The
# daemons it starts are given no fd 9 (`9>&-`): one that kept it would hold the lock forever.
if [ "${1:-}" != status ]; then
  exec 9>/run/bridgeboard-fleet.lock
  flock 9
fi

case "${1:-}" in
  up) cmd_up "${2:-2}" ;;
  swarm) cmd_swarm "${2:-2}" ;;
  tls) cmd_tls ;;
  ssh) cmd_ssh ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) die "usage: fleet.sh up [N] | swarm [M] | tls | ssh | status | down" ;;
esac
