/**
 * The clients of bench/reachability-load.ts, on a worker thread of their own: reading 20 answers of
 * ~24 MB each is work too, and on the app's thread it would show up as the app's event-loop delay.
 * For each message `{ urls, token }` it sends every GET at once and answers with each request's
 * time to the last byte, the size of the answers and the first answer's body.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';

export interface ClientsRound {
  urls: string[];
  token: string;
}

export type ClientsResult = { latencies: number[]; bytes: number[]; first: ArrayBuffer | null } | { error: string };

interface Answer {
  ms: number;
  bytes: number;
  body: Buffer | null;
}

/** One GET, read to its end; the body is kept only when asked (20 answers of ~24 MB add up). */
function get(url: string, token: string, keep: boolean): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (keep || res.statusCode !== 200) chunks.push(chunk);
      });
      res.on('end', () => {
        const body = chunks.length ? Buffer.concat(chunks) : null;
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}: ${body?.toString('utf8').slice(0, 300)}`));
        else resolve({ ms: performance.now() - started, bytes, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const port = parentPort;
if (!port) throw new Error('reachability-clients.ts runs as a worker thread');
port.on('message', (round: ClientsRound) => {
  Promise.all(round.urls.map((url, i) => get(url, round.token, i === 0))).then(
    (answers) => {
      const body = answers[0]?.body ?? null;
      // A copy of its own (a small Buffer may sit in a shared pool), handed over without another copy.
      const first = body ? new Uint8Array(body).buffer : null;
      const result: ClientsResult = { latencies: answers.map((a) => a.ms), bytes: answers.map((a) => a.bytes), first };
      port.postMessage(result, first ? [first] : []);
    },
    (err: unknown) => port.postMessage({ error: String(err) } satisfies ClientsResult),
  );
});
