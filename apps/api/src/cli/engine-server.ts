import { CliError } from './cli-error.js';
import type { Config } from '../config.js';

/** A running Bridgeboard the `engines` commands ask, and the API token they ask it with. */
export interface Server {
  url: string;
  token: string;
}

/** Checked before anything else is read: the server to ask and the token to ask it with. */
export function serverOf(config: Config, flags: { url?: string }): Server {
  const url = flags.url ?? config.BRIDGEBOARD_URL;
  if (!url) throw new CliError('engines: which server? give --url or set BRIDGEBOARD_URL');
  const token = config.BRIDGEBOARD_TOKEN;
  if (!token) throw new CliError("engines: needs an API token in BRIDGEBOARD_TOKEN (an admin's to test, add, edit or remove)");
  return { url, token };
}

/** One request; a refusal becomes a CliError carrying the server's own message, so the user reads its reason. */
export async function ask<T>({ url, token }: Server, method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new CliError(`cannot reach ${url}: ${(err as Error).message}`);
  }
  if (res.status === 204) return null as T;
  const answer = (await res.json().catch(() => {
    throw new CliError(`${url} answered ${res.status} with something that is not JSON: is it a Bridgeboard server?`);
  })) as T | { message?: string };
  if (!res.ok) throw new CliError(`${url} answered ${res.status}: ${(answer as { message?: string }).message ?? ''}`);
  return answer as T;
}
