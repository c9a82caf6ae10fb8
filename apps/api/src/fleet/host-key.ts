import { createHash, createHmac } from 'node:crypto';

/** An SSH server's public host key: its type, its wire blob, and how people compare it. */
export interface HostKey {
  /** `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, …: the blob's own type name. */
  type: string;
  blob: Buffer;
  /** `type base64`: the line to pin, as `ssh-keyscan` and `*.pub` files say it (no host, no comment). */
  line: string;
  /** `SHA256:…`, as `ssh-keygen -lf` and ssh's own prompt print it. */
  fingerprint: string;
}

/**
 * The host key algorithms ssh2 may negotiate for a pinned key of each type. Offering only these
 * makes a server with several host keys show the pinned one (OpenSSH does the same with the keys
 * known_hosts holds), instead of another that would be refused.
 */
const ALGORITHMS: Record<string, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};
/** Which of a host's keys to pin when known_hosts lists several: the one OpenSSH itself prefers. */
const PREFERENCE = Object.keys(ALGORITHMS);

export const hostKeyAlgorithms = (key: HostKey): string[] => ALGORITHMS[key.type] ?? [key.type];

/** `SHA256:` and the unpadded base64 of the blob's SHA-256: what `ssh-keygen -lf` prints. */
export const fingerprintOf = (blob: Buffer): string => `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;

/** The type name a key blob starts with (an SSH string: uint32 length, then the name), or null. */
function typeInBlob(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) return null;
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** A key from its wire blob, as ssh2 hands it to the host verifier. */
export function hostKeyOfBlob(blob: Buffer): HostKey {
  const type = typeInBlob(blob) ?? 'unknown';
  return { type, blob, line: `${type} ${blob.toString('base64')}`, fingerprint: fingerprintOf(blob) };
}

/** The key in `type base64 …` starting at `words[at]`, or null when they are not one. */
function keyAt(words: string[], at: number): HostKey | null {
  const [type, data] = [words[at], words[at + 1]];
  if (type === undefined || data === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  const blob = Buffer.from(data, 'base64');
  return typeInBlob(blob) === type ? hostKeyOfBlob(blob) : null;
}

function checkedType(key: HostKey, what: string): HostKey {
  if (!(key.type in ALGORITHMS))
    throw new Error(`${what}: a ${key.type} key cannot be checked here; pin the host's ${PREFERENCE.join(', ')} key`);
  return key;
}

/**
 * The key of one line: an OpenSSH public key (`ssh-ed25519 AAAA… comment`) or a known_hosts line
 * (`host[,host…] ssh-ed25519 AAAA…`, `[host]:port …`, hashed `|1|…|…` names): only the key part
 * counts, whatever names the line gives. Throws a message for a person when there is no key in it.
 */
export function parseHostKey(text: string): HostKey {
  const line = text.trim();
  if (line.includes('\n')) throw new Error('give one line: the host key, not a whole file');
  const words = line.split(/\s+/);
  if (words[0]?.startsWith('@')) throw new Error(`a known_hosts ${words[0]} line does not pin a key; give the host's own key line`);
  // The key is the first word or the second (after the host names of a known_hosts line).
  const key = keyAt(words, 0) ?? keyAt(words, 1);
  if (!key) throw new Error("not an SSH public key: give the host's key as `ssh-ed25519 AAAA…` (or its known_hosts line)");
  return checkedType(key, 'the host key');
}

/** One known_hosts host pattern (`*` and `?` wildcards) against a name. */
function patternMatches(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}

/** Whether the host field of a known_hosts line names `name` (sshd(8), SSH_KNOWN_HOSTS FILE FORMAT). */
function namesHost(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  const patterns = field.split(',');
  if (patterns.some((p) => p.startsWith('!') && patternMatches(p.slice(1), name))) return false;
  return patterns.some((p) => !p.startsWith('!') && patternMatches(p, name));
}

/**
 * The key to pin for `host:port` from a known_hosts file: its line that names the host (`host`, or
 * `[host]:port` off port 22, hashed or not), else the file's only key; of several, the type OpenSSH
 * prefers (`namedOnly`: the host's line or nothing). `@cert-authority` and `@revoked` lines pin
 * nothing and are passed over.
 */
export function hostKeyOfKnownHosts(text: string, host: string, port: number, { namedOnly = false } = {}): HostKey {
  const name = port === 22 ? host : `[${host}]:${port}`;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('@'))
    .map((l) => l.split(/\s+/))
    // A known_hosts line (names, then the key), or a bare key (a `*.pub` file) that names no host.
    .map((words) => {
      const named = keyAt(words, 1);
      return named ? { field: words[0] ?? '', key: named } : { field: '', key: keyAt(words, 0) };
    })
    .filter((l): l is { field: string; key: HostKey } => l.key !== null && l.key.type in ALGORITHMS);
  const named = lines.filter((l) => namesHost(l.field, name));
  const chosen = named.length > 0 || namedOnly ? named : lines.length === 1 ? lines : [];
  const best = chosen.map((l) => l.key).sort((a, b) => PREFERENCE.indexOf(a.type) - PREFERENCE.indexOf(b.type))[0];
  if (!best) {
    throw new Error(
      lines.length === 0
        ? 'no host key in it'
        : `no line for ${name} among its ${lines.length} keys (ssh-keyscan ${port === 22 ? '' : `-p ${port} `}${host} gives one)`,
    );
  }
  return best;
}
