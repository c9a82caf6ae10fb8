import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A unix-socket relay in front of the real engine, so a test can cut the API off from the engine
 * (and restore it) while the engine itself keeps running and the CLI keeps changing it.
 */
export class EngineProxy {
  readonly path = join(tmpdir(), `bb-engine-proxy-${process.pid}-${Date.now()}.sock`);
  #server: Server | null = null;
  #sockets = new Set<Socket>();

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
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.path, resolve));
    this.#server = server;
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
