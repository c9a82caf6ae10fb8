import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { parse } from 'yaml';
import { ENGINE_HOST_PATTERN, EngineRef, type EngineBody } from '@bridgeboard/contract';
import { hostKeyOfKnownHosts } from './host-key.js';

const Path = Type.String({ minLength: 1, maxLength: 4096 });

/** The engines file: hosts and the paths of their certificates and keys (never the secrets themselves). */
const EnginesFile = Type.Object(
  {
    engines: Type.Array(
      Type.Object(
        {
          id: EngineRef,
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          host: Type.String({ pattern: ENGINE_HOST_PATTERN }),
          tls: Type.Optional(Type.Object({ ca: Path, cert: Path, key: Path }, { additionalProperties: false })),
          // knownHostsFile: the host key to pin, from a known_hosts file (its line for the host, or its only line).
          ssh: Type.Optional(
            Type.Object({ identityFile: Path, passphraseFile: Type.Optional(Path), knownHostsFile: Path }, { additionalProperties: false }),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 256 },
    ),
  },
  { additionalProperties: false },
);
type EnginesFile = Static<typeof EnginesFile>;

/** Reads `ENGINES_FILE`: each engine as a declaration, its certificates and keys read from their files. */
export function readEnginesFile(path: string): EngineBody[] {
  const where = (field: string) => `${path}: ${field}`;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(where(`cannot read it: ${(err as Error).message}`), { cause: err });
  }
  const problem = Value.Errors(EnginesFile, raw)[0];
  if (problem) throw new Error(where(`${problem.instancePath || '/'} ${problem.message}`));
  const file = raw as EnginesFile;
  const seen = new Set<string>();
  const read = (field: string, p: string) => {
    try {
      return readFileSync(resolve(dirname(path), p), 'utf8');
    } catch (err) {
      throw new Error(where(`${field}: cannot read ${p}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`), {
        cause: err,
      });
    }
  };
  const pinOf = (i: number, host: string, file: string, text: string) => {
    const url = new URL(host);
    try {
      return hostKeyOfKnownHosts(text, url.hostname.replace(/^\[(.*)\]$/, '$1'), Number(url.port || 22)).line;
    } catch (err) {
      throw new Error(where(`/engines/${i}/ssh/knownHostsFile: ${file}: ${(err as Error).message}`), { cause: err });
    }
  };
  return file.engines.map((e, i) => {
    if (seen.has(e.id)) throw new Error(where(`/engines/${i}/id '${e.id}' is declared twice`));
    seen.add(e.id);
    return {
      id: e.id,
      ...(e.name ? { name: e.name } : {}),
      host: e.host,
      ...(e.tls
        ? {
            tls: {
              ca: read(`/engines/${i}/tls/ca`, e.tls.ca),
              cert: read(`/engines/${i}/tls/cert`, e.tls.cert),
              key: read(`/engines/${i}/tls/key`, e.tls.key),
            },
          }
        : {}),
      ...(e.ssh
        ? {
            ssh: {
              privateKey: read(`/engines/${i}/ssh/identityFile`, e.ssh.identityFile),
              ...(e.ssh.passphraseFile ? { passphrase: read(`/engines/${i}/ssh/passphraseFile`, e.ssh.passphraseFile).trim() } : {}),
              hostKey: pinOf(i, e.host, e.ssh.knownHostsFile, read(`/engines/${i}/ssh/knownHostsFile`, e.ssh.knownHostsFile)),
            },
          }
        : {}),
    };
  });
}
