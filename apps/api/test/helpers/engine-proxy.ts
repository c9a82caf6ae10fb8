import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A unix-socket relay in front of the real engine, so a test can cut the API off from the engine
 * (and restore it) while the engine itself keeps running and the CLI keeps changing it; or make
 * some calls slow, as an engine busy removing thousands of containers is. It notes every request
 * line it relays (`METHOD /path?query`).
 */
export class EngineProxy {
  readonly path = join(tmpdir(), `bb-engine-proxy-${process.pid}-${Date.now()}.sock`);
  #server: Server | null = null;
  #sockets = new Set<Socket>();
  #slow: { path: RegExp; ms: number } | null = null;
  readonly requests: string[] = [];

  constructor(private readonly target = '/var/run/docker.sock') {}

  get dockerHost(): string {
    return `unix://${this.path}`;
  }

  async open(): Promise<void> {
    rmSync(this.path, { force: true });
    const server = createServer((client) => {
      const upstream = connect(this.target);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      // Requests on one connection go through in order; a slow one holds up those behind it, as on the engine.
      let relayed = Promise.resolve();
      client.on('data', (chunk: Buffer) => {
        const line = /^([A-Z]+) (\S+) HTTP\//.exec(chunk.toString('latin1', 0, Math.min(chunk.length, 1024)));
        if (line) this.requests.push(`${line[1]} ${line[2]}`);
        const delay = line && this.#slow?.path.test(line[2] ?? '') ? this.#slow.ms : 0;
        relayed = relayed.then(async () => {
          if (delay) await sleep(delay);
          if (!upstream.destroyed) upstream.write(chunk);
        });
      });
      client.on('end', () => void relayed.then(() => upstream.end()));
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.path, resolve));
    this.#server = server;
  }

  /** Holds each request whose path matches for `ms` before passing it on; null: none. */
  slowDown(slow: { path: RegExp; ms: number } | null): void {
    this.#slow = slow;
  }

  /** Drops every open connection (the event stream among them) and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    this.#sockets.forEach((s) => s.destroy());
    await closed;
  }

  async close(): Promise<void> {
    await this.cut();
    rmSync(this.path, { force: true });
  }
}
