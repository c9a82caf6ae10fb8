import { userInfo } from 'node:os';
import { databasePath, type Config } from '../config.js';
import { openDatabase, type Db } from '../store/database.js';

/** Opens the server's database for one command and closes it after, whatever happens. */
export async function withDatabase<T>(config: Config, work: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDatabase(databasePath(config));
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Who did it, in the audit trail: the shell user, marked as the CLI. */
export function cliActor(): string {
  return `cli:${userInfo().username}`;
}
