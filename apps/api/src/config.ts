import { envSchema } from 'env-schema';
import { Type, type Static } from 'typebox';

/** Every setting Bridgeboard reads, validated once. Nothing else reads `process.env`. */
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 8080 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DOCKER_HOST: Type.Optional(Type.String({ pattern: '^(unix://.+|tcp://[^/]+)$' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** Where the built web app is; served at `/` when it exists. */
  WEB_DIST: Type.Optional(Type.String({ minLength: 1 })),
});

export type Config = Static<typeof ConfigSchema> & { LOG_LEVEL: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  try {
    return envSchema<Config>({ schema: ConfigSchema, data: env, dotenv: false });
  } catch (err) {
    throw new ConfigError(`Invalid configuration: ${(err as Error).message}`);
  }
}

export interface EngineConnection {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: 'http';
}

/** `DOCKER_HOST` as dockerode options; the local socket when unset. */
export function engineConnection(config: Pick<Config, 'DOCKER_HOST'>): EngineConnection {
  const raw = config.DOCKER_HOST;
  if (!raw) return { socketPath: '/var/run/docker.sock' };
  if (raw.startsWith('unix://')) return { socketPath: raw.slice('unix://'.length) };
  const url = new URL(raw.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375), protocol: 'http' };
}
