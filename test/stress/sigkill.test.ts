import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS, startDynalite } from '../../functions/src/adapters/dynamo/local-dynalite.js';
import { LOCAL_TABLE_NAME } from '../../functions/src/entry/local-config.js';
import { guidanceBody } from '../support/test-app.js';
import { report, runs, TIMEOUT } from './stress-runs.js';

// What `npm start` runs after its build.
const SERVER = 'dist/server/local-server.mjs';
const children: ChildProcess[] = [];
const dirs: string[] = [];

/** Starts the built server on `dataDir`; resolves with its URL once it says it is running. */
function start(dataDir: string) {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

/** POSTs a submission from a loopback address of its own (each 127.x.y.z is one, and the rate limit counts each). */
function submitFrom(url: string, localAddress: string, key: string): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(guidanceBody());
  return new Promise((resolve, reject) => {
    const req = request(
      `${url.replace('localhost', '127.0.0.1')}/api/forms/guidance/submissions`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(() => {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first (npm test and npm run test:stress do)`);
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start killed with SIGKILL during a burst of submissions', () => {
  it(
    'keeps every submission it answered 201 for, and starts again on the same data',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'koto-sigkill-'));
      dirs.push(dataDir);
      const acknowledged: string[] = [];
      const statuses: number[] = [];
      const figures = { rounds: 0, sent: 0, answered201: 0, answered503: 0, cutOff: 0, lost: 0 };

      for (let round = 0; round < runs(1, 5); round++) {
        const server = start(dataDir);
        const url = await server.url;
        // 40 at once, each its own resident (key and address, so no rate limit holds one back); the kill comes once
        // the first few are stored, mid-burst.
        let answered = 0;
        let killed!: () => void;
        const killedNow = new Promise<void>((resolve) => (killed = resolve));
        // Ten residents at a time keep sending (40 in all) until the kill: every moment of a write is cut somewhere.
        let next = 0;
        let dead = false;
        const resident = async () => {
          while (!dead && next < 40) {
            const i = next++;
            figures.sent++;
            try {
              const res = await submitFrom(url, `127.0.${round + 1}.${i + 1}`, `sigkill-${round}-${i}-key`);
              statuses.push(res.status);
              if (res.status === 503) figures.answered503++;
              if (res.status !== 201) continue;
              acknowledged.push((JSON.parse(res.body) as { reference: string }).reference);
              figures.answered201++;
              if (++answered === 1 + ((round * 3) % 10)) {
                dead = true;
                server.child.kill('SIGKILL');
                killed();
              }
            } catch {
              figures.cutOff++; // the connection died with the process: no answer, no promise made
            }
          }
        };
        const burst = Array.from({ length: 10 }, resident);
        await Promise.race([killedNow, Promise.all(burst)]);
        server.child.kill('SIGKILL');
        expect(await server.exited).toBe('SIGKILL');
        await Promise.all(burst);
        figures.rounds++;
      }
      // A store too slow for its timeouts on a loaded machine answers 503 (Retry-After): no promise made, nothing else.
      expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(0);

      // Started again on the same data, it answers, takes a submission and stops cleanly.
      const again = start(dataDir);
      const url = await again.url;
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const after = await fetch(`${url}/api/forms/guidance/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(guidanceBody()),
      });
      expect([201, 429]).toContain(after.status);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);

      // Every acknowledged reference is in the store the server wrote.
      const dynamo = await startDynalite(join(dataDir, 'dynamodb'));
      const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
      try {
        const db = DynamoDBDocumentClient.from(client);
        const missing: string[] = [];
        for (const reference of acknowledged) {
          const { Item } = await db.send(
            new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: `SUB#${reference}`, sk: 'SUB' }, ConsistentRead: true }),
          );
          if (!Item) missing.push(reference);
        }
        figures.lost = missing.length;
        report('SIGKILL during a burst', figures);
        expect(missing).toEqual([]);
      } finally {
        client.destroy();
        await dynamo.close();
      }
    },
    TIMEOUT,
  );
});
