import { TokenName, type Role } from '@bridgeboard/contract';
import { AuditLog } from '../audit/audit-log.js';
import { TokenStore } from '../auth/token-store.js';
import type { Config } from '../config.js';
import { satisfies } from './check.js';
import { CliError } from './cli-error.js';
import { cliActor, withDatabase } from './database.js';

/** Prints only the secret on stdout (`TOKEN=$(bridgeboard token create ci --role viewer)`); the rest goes to stderr. */
export async function createToken(config: Config, name: string, role: Role): Promise<void> {
  if (!satisfies(TokenName, name)) throw new CliError(`'${name}' is not a valid token name (letters, digits, space, _ . -; up to 64)`);
  const { token, secret } = await withDatabase(config, (db) => {
    const tokens = new TokenStore(db);
    if (tokens.nameTaken(name)) throw new CliError(`a token named '${name}' exists: revoke it or pick another name`);
    const created = tokens.create(name, role, cliActor());
    new AuditLog(db).append({
      user: cliActor(),
      role: null,
      action: 'token.create',
      engine: null,
      network: null,
      container: null,
      params: { name, role },
      result: 'ok',
      statusCode: 201,
      error: null,
      client: 'cli',
    });
    return created;
  });
  process.stderr.write(`token '${token.name}' (${token.role}, id ${token.id}) created; its secret is shown this once:\n`);
  process.stdout.write(`${secret}\n`);
}
