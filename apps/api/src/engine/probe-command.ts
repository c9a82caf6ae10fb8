import { NAME_MAX, NAME_PATTERN } from '@bridgeboard/contract';

/**
 * The live probe's command, declared once: services/probes.ts builds its exec from here, and the
 * docker client (engine-allowlist.ts) lets no other exec through.
 *
 * The script is fixed; the targets arrive as arguments ("$@"), never inside it, so nothing a user
 * typed can become shell. It first checks that it can tell anything at all: every tool it runs
 * exists, and ping answers on lo (it does not under `--cap-drop NET_RAW`, where busybox ping cannot
 * send); otherwise it says why on one line (`missing <tool>`, `broken <ping's complaint>`) and
 * stops, since silence there would prove nothing. Then `ready`, then one line per target: `ok` or
 * `no`, the target, and the address it resolved to. One ping with a 1 s deadline, and a second one
 * when the name resolved but the first went unanswered (a lost packet is not a verdict); a name the
 * resolver does not know gives up after 3 s (`timeout`: an engine's DNS forwards unknown names
 * upstream, which can take 10 s to fail). Sixteen targets at a time.
 */
export const PROBE_SCRIPT = String.raw`
for tool in ping timeout sed head; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool"; exit 0; }
done
out=$(timeout 3 ping -c 1 -W 1 127.0.0.1 2>&1) || {
  echo "broken $(echo "$out" | sed -e '/^PING /d' -e '/^ *$/d' | head -n 1)"; exit 0;
}
echo ready
n=0
for t do
  (
    out=$(timeout 3 ping -c 1 -W 1 "$t" 2>&1); rc=$?
    case "$out" in PING*) [ $rc -eq 0 ] || { out=$(timeout 3 ping -c 1 -W 1 "$t" 2>&1); rc=$?; } ;; esac
    ip=$(echo "$out" | sed -n 's/^PING [^(]*(\([^)]*\)).*/\1/p' | head -n 1)
    if [ $rc -eq 0 ]; then echo "ok $t $ip"; else echo "no $t $ip"; fi
  ) &
  n=$((n + 1)); [ $((n % 16)) -ne 0 ] || wait
done
wait
`;

/** The script's `$0`: what the probe is called in the container's process list. */
const ARGV0 = 'probe';
const PREFIX = ['sh', '-c', PROBE_SCRIPT, ARGV0];
/** Everything the exec asks of the engine besides the command: output only, no TTY, no user, no privileges. */
const FIELDS = { AttachStdout: true, AttachStderr: true, Tty: false } as const;

/** The body of `POST /containers/{id}/exec` for these targets. */
export function probeExec(targets: readonly string[]): { Cmd: string[] } & typeof FIELDS {
  return { Cmd: [...PREFIX, ...targets], ...FIELDS };
}

/** The options of `exec.start`: read the output over the hijacked connection, send nothing in. */
export const PROBE_START = { hijack: true, stdin: false } as const;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const NAME = new RegExp(NAME_PATTERN);
/** What inet_aton reads as an address (`10.1`, `167772161`, `0x7f.1`): ping never asks DNS for it. */
const NUMERIC = /^(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+)){0,3}\.?$/i;

/**
 * A ping target: a plain dotted IPv4 address, or a name the engine could have made that no
 * resolver would read as an address. A container called `3232235777` must not make the probe ping
 * 192.168.1.1, off this machine; a target starting with `-` would be a ping option.
 */
export function isProbeTarget(value: string): boolean {
  const quad = IPV4.exec(value);
  if (quad) return quad.slice(1).every((n) => Number(n) <= 255 && String(Number(n)) === n);
  return NAME.test(value) && value.length <= NAME_MAX && !NUMERIC.test(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `body` is not an exec `probeExec` could have made, or null when it is one. */
export function probeExecRefusal(body: unknown): string | null {
  if (!isRecord(body)) return 'the exec body is not an object';
  const extra = Object.keys(body).filter((k) => k !== 'Cmd' && !Object.hasOwn(FIELDS, k));
  if (extra.length > 0) return `fields the probe never sets: ${extra.join(', ')}`;
  for (const [field, value] of Object.entries(FIELDS)) {
    if (body[field] !== value) return `${field} must be ${String(value)}`;
  }
  const cmd = body.Cmd;
  if (!Array.isArray(cmd) || !cmd.every((a): a is string => typeof a === 'string')) return 'Cmd is not a list of strings';
  if (cmd.length < PREFIX.length || PREFIX.some((a, i) => cmd[i] !== a)) return 'Cmd is not the probe script';
  const bad = cmd.slice(PREFIX.length).find((t) => !isProbeTarget(t));
  return bad === undefined ? null : `probe target ${JSON.stringify(bad.slice(0, 64))} is neither an IPv4 address nor a name`;
}

/** Why these `exec.start` options are not `PROBE_START`, or null. */
export function probeStartRefusal(body: unknown): string | null {
  if (!isRecord(body)) return 'the start body is not an object';
  const same = Object.keys(body).length === 2 && body.hijack === PROBE_START.hijack && body.stdin === PROBE_START.stdin;
  return same ? null : 'exec start options other than the probe’s';
}
