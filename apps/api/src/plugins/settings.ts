import fp from 'fastify-plugin';
import type { Settings } from '@bridgeboard/contract';

declare module 'fastify' {
  interface FastifyInstance {
    settings: { get(): Settings; set(change: Partial<Settings>): Settings };
  }
}

const PROBES = 'probes-enabled';

/** Admin settings kept in the database; turning probes on is what lets every engine's client exec. */
export default fp(
  async (fastify) => {
    const read = (): Settings => ({
      probesEnabled:
        fastify.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(PROBES)?.value === 'true',
    });
    fastify.fleet.setExec(read().probesEnabled);
    fastify.decorate('settings', {
      get: read,
      set(change: Partial<Settings>) {
        if (change.probesEnabled !== undefined) {
          fastify.db
            .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
            .run(PROBES, String(change.probesEnabled));
        }
        const now = read();
        fastify.fleet.setExec(now.probesEnabled);
        return now;
      },
    });
  },
  { name: 'settings', dependencies: ['database', 'fleet'] },
);
