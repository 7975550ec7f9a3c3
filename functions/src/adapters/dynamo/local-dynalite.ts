import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite (DynamoDB on LevelDB) in this process on a free loopback port: persisted under `path`, or in
 * memory without it. One instance per directory: two on one directory crash the process.
 */
export async function startDynalite(path?: string): Promise<LocalDynamo> {
  const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  // No idle timeout on kept-alive connections: the SDK keeps its sockets with none, and a busy event loop (the
  // store shares this process) let Node's 5 s timeout close a socket just as the client sent on it (ECONNRESET,
  // a 503 or a failed test). `close()` still ends idle connections.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Credentials and region for a local endpoint (dynalite checks neither). */
export const LOCAL_AWS = { region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
