/**
 * What the HTTP door benches share: one client of browser mode's HTTP door, and a run that
 * alternates its calls with calls through the dispatcher, so both see the same load on the machine.
 */
import { Agent, request } from 'node:http';

export interface DoorClient {
  /** POSTs /api/<method> with the bearer token; rejects unless the answer is 200. */
  post(method: string, input: unknown): Promise<void>;
  /** The sockets the answers came on (1 while keep-alive holds). */
  connections(): number;
  close(): void;
}

/** One client on one keep-alive socket, as the renderer's page is. */
export function doorClient(origin: string, token: string): DoorClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<unknown>();
  return {
    post: (method, input) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify(input);
        const req = request(
          new URL(`/api/${method}`, origin),
          {
            method: 'POST',
            agent,
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
          },
          (res) => {
            sockets.add(res.socket);
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${method} over HTTP: ${res.statusCode} ${text}`))));
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    connections: () => sockets.size,
    close: () => agent.destroy(),
  };
}

/** `count` calls of each, one of `overHttp` then one of `direct`, each awaited; the time of each call (ms). */
export async function alternate(
  count: number,
  overHttp: (i: number) => Promise<unknown>,
  direct: (i: number) => Promise<unknown>,
): Promise<{ http: number[]; direct: number[] }> {
  const times = { http: [] as number[], direct: [] as number[] };
  for (let i = 0; i < count; i++) {
    let s = performance.now();
    await overHttp(i);
    times.http.push(performance.now() - s);
    s = performance.now();
    await direct(i);
    times.direct.push(performance.now() - s);
  }
  return times;
}
