import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

type FetchCallback = Parameters<typeof getRequestListener>[0];

/** A port the local server holds before its app is built, so the app is built knowing the site's origin. */
export interface BoundPort {
  /** The port bound: the one asked for, or the free one picked for 0. */
  port: number;
  /** Answers every request with the app from now on; until then a request gets 503 and `Retry-After: 1`. */
  serve(fetch: FetchCallback): void;
  close(): Promise<void>;
}

/** Binds `port` on `hostname` (0 picks a free one); fails with the port's error (in use, not allowed). */
export async function bindPort(port: number, hostname: string): Promise<BoundPort> {
  let listener: RequestListener | undefined;
  const server = createServer((req, res) => {
    if (listener) return void listener(req, res);
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' }).end('Starting, try again in a moment.');
  });
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail).listen(port, hostname));
  return {
    port: (server.address() as AddressInfo).port,
    serve: (fetch) => {
      listener = getRequestListener(fetch, { hostname });
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
