import { Password, PASSWORD_MIN, Username, USERNAME_PATTERN, type Role } from '@bridgeboard/contract';
import { AuditLog } from '../audit/audit-log.js';
import { UserStore } from '../auth/user-store.js';
import type { Config } from '../config.js';
import { satisfies } from './check.js';
import { CliError } from './cli-error.js';
import { cliActor, withDatabase } from './database.js';
import { printTable } from './print-table.js';
import { readNewPassword } from './password.js';

export async function addUser(config: Config, name: string, role: Role, passwordFromStdin: boolean): Promise<void> {
  if (!satisfies(Username, name)) throw new CliError(`'${name}' is not a valid name (${USERNAME_PATTERN})`);
  const password = await readNewPassword(passwordFromStdin);
  if (!satisfies(Password, password)) throw new CliError(`the password must be ${PASSWORD_MIN} to 256 characters long`);
  await withDatabase(config, async (db) => {
    const user = await new UserStore(db).create(name, password, role);
    if (!user) throw new CliError(`user '${name}' already exists`);
    new AuditLog(db).append({
      user: cliActor(),
      role: null,
      action: 'user.create',
      engine: null,
      network: null,
      container: null,
      params: { username: name, role },
      result: 'ok',
      statusCode: 201,
      error: null,
      client: 'cli',
    });
  });
  process.stderr.write(`user '${name}' (${role}) created\n`);
}

export async function listUsers(config: Config, json: boolean): Promise<void> {
  const users = await withDatabase(config, (db) =>
    new UserStore(db).list().map(({ username, role, createdAt, lastLoginAt }) => ({ username, role, createdAt, lastLoginAt })),
  );
  if (json) {
    process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
    return;
  }
  const rows = [['NAME', 'ROLE', 'CREATED', 'LAST SIGN-IN'], ...users.map((u) => [u.username, u.role, u.createdAt, u.lastLoginAt ?? '-'])];
  printTable(rows);
}
