#!/usr/bin/env bash
# Tests of "Run with Docker" against the local engine: the image built from the offline bases,
# docker-compose.yml with the demo profile, a restart keeping the data volume, and the socket-proxy
# variant. Everything it makes is named bbdeploy* and removed at the end, failures included.
# Writes .reports/deploy.json (counted in npm test's closing line).
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/node.sh
P=bbdeploy
PP=bbdeploy-proxy
REPORT=.reports/deploy.json
WORK=$(mktemp -d)
passed=0 failed=0 skipped=0
results=()
say() { printf '[deploy] %s\n' "$*" >&2; }
ok() { passed=$((passed + 1)); results+=("ok: $1"); say "ok   $1"; }
ko() { failed=$((failed + 1)); results+=("FAILED: $1"); say "FAIL $1"; }
check() { # name, command…
  local name=$1
  shift
  if "$@" >>"$WORK/log" 2>&1; then ok "$name"; else ko "$name"; fi
}
ms() { date +%s%3N; }

export DOCKER_GID BRIDGEBOARD_ENV_FILE="$WORK/bridgeboard.env" BRIDGEBOARD_IMAGE=bbdeploy/bridgeboard:test
export DEMO_WEB_IMAGE=bridgeboard/busybox:offline DEMO_DB_IMAGE=bridgeboard/busybox:offline HAPROXY_IMAGE=bridgeboard/haproxy:offline
DOCKER_GID=$(stat -c %g /var/run/docker.sock)
PASSWORD=bbdeploy-admin-$RANDOM$RANDOM
printf 'BRIDGEBOARD_ADMIN_PASSWORD=%s\nLOG_LEVEL=warn\n' "$PASSWORD" >"$BRIDGEBOARD_ENV_FILE"
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
compose() { docker-compose -p "$P" -f docker-compose.yml -f deploy/test/offline.yml --profile demo "$@"; }
compose_proxy() { docker-compose -p "$PP" -f docker-compose.yml -f docker-compose.proxy.yml -f deploy/test/offline.yml --profile demo "$@"; }

cleanup() {
  compose down -v --remove-orphans -t 2 >/dev/null 2>&1
  compose_proxy down -v --remove-orphans -t 2 >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

write_report() {
  mkdir -p .reports
  node -e "
    const [p, f, s, ...r] = process.argv.slice(1);
    require('fs').writeFileSync('$REPORT', JSON.stringify({ numPassedTests: +p, numFailedTests: +f, numPendingTests: +s, results: r }, null, 2));
  " "$passed" "$failed" "$skipped" "${results[@]}"
  say "$passed passed, $failed failed"
}

# ---- client helpers (curl with a cookie jar per user) ----
PORT=
api() { # jar, method, path, [json body]
  local jar=$1 method=$2 path=$3 body=${4:-}
  local csrf
  csrf=$(cat "$jar.csrf" 2>/dev/null || true)
  curl -sS --max-time 10 -b "$jar" -c "$jar" -X "$method" -H "Origin: http://127.0.0.1:$PORT" \
    -H "x-csrf-token: $csrf" ${body:+-H 'content-type: application/json' -d "$body"} \
    -w '\n%{http_code}' "http://127.0.0.1:$PORT$path"
}
status_of() { tail -n1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
login() { # jar, user, password
  local out
  out=$(api "$1" POST /api/auth/login "{\"username\":\"$2\",\"password\":\"$3\"}")
  [ "$(status_of "$out")" = 200 ] || { echo "login $2: $out"; return 1; }
  body_of "$out" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(JSON.parse(s).csrfToken??''))" >"$1.csrf"
}
wait_healthy() { # project, service, seconds → prints ms taken
  local project=$1 service=$2 limit=$3 t0 id
  t0=$(ms)
  while [ $(($(ms) - t0)) -lt $((limit * 1000)) ]; do
    id=$(docker ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$service")
    if [ -n "$id" ] && [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ]; then
      echo $(($(ms) - t0))
      return 0
    fi
    sleep 0.5
  done
  docker logs "$id" 2>&1 | tail -n 20
  return 1
}
container_of() { docker ps -aq --filter "label=com.docker.compose.project=$1" --filter "label=com.docker.compose.service=$2"; }

# The snapshot's networks of this project and their members, equal to docker network inspect.
same_as_engine() { # jar, project
  local out
  out=$(api "$1" GET /api/engines/local/topology)
  [ "$(status_of "$out")" = 200 ] || { echo "topology: $out"; return 1; }
  body_of "$out" >"$WORK/topology.json"
  local nets
  nets=$(docker network ls -q --filter "label=com.docker.compose.project=$2")
  docker network inspect $nets bridge >"$WORK/inspect.json"
  node - "$WORK/topology.json" "$WORK/inspect.json" "$2" <<'EOF'
const fs = require('fs');
const [topoFile, inspectFile, project] = process.argv.slice(2);
const body = JSON.parse(fs.readFileSync(topoFile, 'utf8'));
const t = body.topology ?? body;
const engine = JSON.parse(fs.readFileSync(inspectFile, 'utf8'));
const ours = (name) => name.startsWith(`${project}_`) || name.startsWith(`${project}-`);
let bad = 0;
for (const net of engine) {
  const want = Object.values(net.Containers ?? {}).map((c) => c.Name).filter((n) => net.Name !== 'bridge' || ours(n)).sort();
  const tnet = t.networks[net.Id] ?? Object.values(t.networks).find((n) => n.id === net.Id);
  if (!tnet) { console.log(`network ${net.Name} missing from the snapshot`); bad++; continue; }
  const got = Object.values(t.endpoints).filter((e) => e.networkId === net.Id)
    .map((e) => (t.containers[e.containerId] ?? Object.values(t.containers).find((c) => c.id === e.containerId))?.name ?? e.containerId)
    .filter((n) => net.Name !== 'bridge' || ours(n)).sort();
  if (JSON.stringify(want) !== JSON.stringify(got)) { console.log(`${net.Name}: engine ${want} snapshot ${got}`); bad++; }
  else console.log(`${net.Name}: ${got.join(' ')}`);
}
// The demo's shape: web and db on appnet, the legacy pair on the default bridge joined by a link,
// and web the only one publishing a port (on 127.0.0.1).
const byService = (s) => Object.values(t.containers).find((c) => c.labels['com.docker.compose.project'] === project && c.labels['com.docker.compose.service'] === s);
const appnet = engine.find((n) => n.Name === `${project}_appnet`);
const names = (n) => Object.values(n?.Containers ?? {}).map((c) => c.Name).sort();
const expect = (cond, msg) => { if (!cond) { console.log(msg); bad++; } };
expect(JSON.stringify(names(appnet)) === JSON.stringify([`${project}_db_1`, `${project}_web_1`]), `appnet holds ${names(appnet)}`);
const lw = byService('legacy-web');
expect(lw?.networkMode?.kind === 'bridge', `legacy-web mode ${JSON.stringify(lw?.networkMode)}`);
expect(lw?.links?.some((l) => JSON.stringify(l).includes('legacy-db') && JSON.stringify(l).includes('"db"')), `legacy-web links ${JSON.stringify(lw?.links)}`);
const publishing = Object.values(t.containers).filter((c) => c.labels['com.docker.compose.project'] === project && c.labels['com.docker.compose.service'] !== 'bridgeboard' && c.ports.some((p) => p.publicPort ?? p.hostPort));
expect(publishing.length === 1 && publishing[0] === byService('web'), `publishing: ${publishing.map((c) => c.name)}`);
process.exit(bad ? 1 : 0);
EOF
}

# ---------------------------------------------------------------------------------------------
command -v docker-compose >/dev/null || {
  say "installing docker-compose (Debian's package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; }
}
say "$(docker-compose version --short 2>/dev/null || docker-compose version | head -1)"
cleanup_before() { compose down -v --remove-orphans -t 0 >/dev/null 2>&1; compose_proxy down -v --remove-orphans -t 0 >/dev/null 2>&1; }
cleanup_before

t0=$(ms)
if BRIDGEBOARD_BUILD_LOG="$WORK/build.log" bash scripts/image-build.sh >>"$WORK/log" 2>&1; then
  ok "image builds from the offline bases ($(($(ms) - t0)) ms, $(docker image inspect -f '{{.Size}}' "$BRIDGEBOARD_IMAGE" | awk '{printf "%d MB", $1/1000000}'))"
else
  ko "image builds from the offline bases"
  tail -n 40 "$WORK/build.log" "$WORK/log" >&2
  write_report
  exit 1
fi
check "image runs as a non-root user, exposes 8080, has a healthcheck" bash -c \
  "[ \"\$(docker image inspect -f '{{.Config.User}} {{json .Config.ExposedPorts}} {{len .Config.Healthcheck.Test}}' $BRIDGEBOARD_IMAGE)\" = 'bridgeboard {\"8080/tcp\":{}} 2' ]"
check "the image runs the project's Node ($(node -v), from .node-version)" bash -c \
  "[ \"\$(docker run --rm --pull never --entrypoint node $BRIDGEBOARD_IMAGE --version)\" = $(node -v) ]"
check "no dev dependency in the runtime image" bash -c \
  "! docker run --rm --pull never --entrypoint sh $BRIDGEBOARD_IMAGE -c 'ls node_modules/vite node_modules/typescript node_modules/react apps/api/src' >/dev/null 2>&1"

# ---- the service and the demo profile ----
PORT=$(free_port)
export BRIDGEBOARD_PORT=$PORT DEMO_WEB_PORT
DEMO_WEB_PORT=$(free_port)
t0=$(ms)
if compose up -d --no-build >>"$WORK/log" 2>&1 && up_ms=$(wait_healthy "$P" bridgeboard 90); then
  ok "docker-compose up with the demo profile: healthy in $(($(ms) - t0)) ms (health check passing $up_ms ms after up returned)"
else
  ko "docker-compose up with the demo profile gets healthy"
  tail -n 30 "$WORK/log" >&2
fi
check "GET /api/health answers on 127.0.0.1:$PORT" curl -fsS --max-time 5 "http://127.0.0.1:$PORT/api/health"
rebind=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Host: attacker.example' "http://127.0.0.1:$PORT/api/health")
check "the DNS-rebinding guard is on in the container (Host: attacker.example → $rebind)" test "$rebind" = 403
check "the published port is on 127.0.0.1 only" bash -c "docker port $(container_of "$P" bridgeboard) 8080/tcp | grep -qx '127.0.0.1:$PORT'"
check "sign in with the env file's password" login "$WORK/admin" admin "$PASSWORD"
check "the snapshot shows the demo stack exactly as docker network inspect does" same_as_engine "$WORK/admin" "$P"
check "the demo web answers on its published port" curl -fsS --max-time 5 "http://127.0.0.1:$DEMO_WEB_PORT/"
check "legacy-web reaches legacy-db by its link name" docker exec "$(container_of "$P" legacy-web)" ping -c1 -W2 db

created=$(api "$WORK/admin" POST /api/users '{"username":"bbdalice","password":"bbdalice-password-1","role":"operator"}')
check "an admin creates a user" test "$(status_of "$created")" = 201

# ---- stop within 10 s, and the volume keeps users and audit ----
t0=$(ms)
compose stop -t 10 bridgeboard >>"$WORK/log" 2>&1
stop_ms=$(($(ms) - t0))
code=$(docker inspect -f '{{.State.ExitCode}}' "$(container_of "$P" bridgeboard)")
check "SIGTERM stops the server cleanly (exit $code) in $stop_ms ms" test "$code" = 0 -a "$stop_ms" -lt 10000
t0=$(ms)
compose down -t 10 >>"$WORK/log" 2>&1
down_ms=$(($(ms) - t0))
check "docker-compose down removes the stack in $down_ms ms (< 10 s), keeping the volume" bash -c \
  "[ $down_ms -lt 10000 ] && [ -z \"\$(docker ps -aq --filter label=com.docker.compose.project=$P)\" ] && docker volume inspect ${P}_data >/dev/null"
t0=$(ms)
if compose up -d --no-build bridgeboard >>"$WORK/log" 2>&1 && wait_healthy "$P" bridgeboard 90 >/dev/null; then
  ok "up again on the same volume: healthy in $(($(ms) - t0)) ms"
else
  ko "up again on the same volume"
fi
check "the user created before the restart signs in" login "$WORK/alice" bbdalice bbdalice-password-1
audit_has_user() {
  local out
  out=$(api "$WORK/admin" GET '/api/audit?limit=200')
  [ "$(status_of "$out")" = 200 ] && grep -q bbdalice <<<"$out"
}
relogin_and_audit() { login "$WORK/admin" admin "$PASSWORD" && audit_has_user; }
check "the admin signs in again and the audit trail still has the user's creation" relogin_and_audit
compose down -v -t 10 >>"$WORK/log" 2>&1

# ---- behind the socket proxy ----
t0=$(ms)
if compose_proxy up -d --no-build >>"$WORK/log" 2>&1 && wait_healthy "$PP" bridgeboard 90 >/dev/null; then
  ok "proxy variant: healthy in $(($(ms) - t0)) ms"
else
  ko "proxy variant gets healthy"
  docker logs "$(container_of "$PP" engine-proxy)" 2>&1 | tail -n 10 >&2
fi
BB=$(container_of "$PP" bridgeboard)
check "proxy variant: the server has no socket, only DOCKER_HOST=tcp://engine-proxy:2375" bash -c \
  "docker exec $BB sh -c '[ ! -S /var/run/docker.sock ] && [ \"\$DOCKER_HOST\" = tcp://engine-proxy:2375 ]'"
check "proxy variant: sign in" login "$WORK/padmin" admin "$PASSWORD"
check "proxy variant: the snapshot equals docker network inspect" same_as_engine "$WORK/padmin" "$PP"
connect=$(api "$WORK/padmin" POST "/api/engines/local/networks/${PP}_appnet/connections" "{\"container\":\"${PP}_legacy-db_1\"}")
check "proxy variant: a connect through the API works (HTTP $(status_of "$connect"))" bash -c \
  "[ $(status_of "$connect") = 201 ] && docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' ${PP}_appnet | grep -qw ${PP}_legacy-db_1"
proxy_call() { # method, path → HTTP status seen from inside the server's container
  docker exec "$BB" node -e "fetch('http://engine-proxy:2375$2', { method: '$1', headers: { 'content-type': 'application/json' }, body: '$1' === 'POST' ? '{\"Image\":\"bridgeboard/busybox:offline\"}' : undefined }).then((r) => console.log(r.status), (e) => console.log(e.message))"
}
check "proxy: GET /_ping is allowed" test "$(proxy_call GET /_ping)" = 200
check "proxy: POST /containers/create is refused with 403" test "$(proxy_call POST /containers/create)" = 403
check "proxy: POST /v1.41/containers/x/exec is refused with 403" test "$(proxy_call POST /v1.41/containers/x/exec)" = 403
check "proxy: GET /images/json is refused with 403" test "$(proxy_call GET /images/json)" = 403
t0=$(ms)
compose_proxy down -v -t 10 >>"$WORK/log" 2>&1
check "proxy variant: down in $(($(ms) - t0)) ms (< 10 s)" test $(($(ms) - t0)) -lt 10000

check "nothing of the test projects is left" bash -c \
  "[ -z \"\$(docker ps -aq --filter label=com.docker.compose.project=$P; docker ps -aq --filter label=com.docker.compose.project=$PP; docker network ls -q --filter label=com.docker.compose.project=$P; docker network ls -q --filter label=com.docker.compose.project=$PP; docker volume ls -q --filter label=com.docker.compose.project=$P; docker volume ls -q --filter label=com.docker.compose.project=$PP)\" ]"

[ "$failed" -eq 0 ] || tail -n 60 "$WORK/log" >&2
write_report
[ "$failed" -eq 0 ]
