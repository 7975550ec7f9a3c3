import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { SERVER_PATH_PREFIXES } from '../../schemas/src/server-paths.js';

/**
 * The paths Vite's dev server hands to the local server, as a proxy key: the server's own (schemas/src/server-paths.ts)
 * and its local outbox, `/dev/mail`.
 */
export const SERVER_PATHS = `^/(?:${[...SERVER_PATH_PREFIXES, 'dev'].join('|')})(?:[/?#]|$)`;

/** A port nothing listens on now (the local server listens on 127.0.0.1). */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/**
 * `npm run dev`: Vite serves the web app from source with hot reload, and starts the local server
 * (functions/src/entry/local-server.ts as built into dist/server) in the same process for everything else: the API,
 * action links, sign-in and the mail outbox, proxied from Vite's port so the browser sees one origin, as with
 * `npm start`. Mail links point at Vite's port. Data lives in DATA_DIR (./.data), shared with `npm start`, so only
 * one of them may run at a time.
 */
export function localApi(): Plugin {
  let api: { close(): Promise<void> } | undefined;
  return {
    name: 'koto-local-api',
    apply: (_config, env) => env.command === 'serve' && !env.isPreview,
    async config(config) {
      const port = config.server?.port ?? 5173;
      const built = pathToFileURL(resolve('dist/server/local-server.mjs')).href;
      const { startLocalServer } = (await import(built)) as typeof import('../../functions/src/entry/local-server.js');
      const apiPort = await freePort();
      api = await startLocalServer({
        port: apiPort,
        dataDir: process.env['DATA_DIR'] ?? './.data',
        publicUrl: `http://localhost:${port}`,
        webDir: 'web',
        schemasDir: 'schemas',
      });
      return { server: { port, strictPort: true, proxy: { [SERVER_PATHS]: { target: `http://127.0.0.1:${apiPort}` } } } };
    },
    configureServer(server) {
      server.httpServer?.once('close', () => void api?.close());
    },
  };
}
