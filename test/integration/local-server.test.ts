import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindPort } from '../../functions/src/entry/local/bound-port.js';
import { startLocalServer } from '../../functions/src/entry/local-server.js';
import { guidanceBody } from '../support/test-app.js';

function fakeWebDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'koto-web-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><title>Koto</title></head><body><div id="root"></div></body></html>',
  );
  return dir;
}

const quiet = () => {};
const submit = (url: string, key: string) =>
  fetch(`${url}/api/forms/guidance/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(guidanceBody()),
  });

describe('the local server (npm start)', () => {
  it('serves pages with lang and dir, stores a submission, mails staff into the outbox, and keeps both across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koto-data-'));
    const config = { port: 0, dataDir, webDir: fakeWebDir(), schemasDir: 'schemas', log: quiet };
    const first = await startLocalServer(config);
    let reference: string;
    try {
      const page = await fetch(`${first.url}/ar/heinola/guidance`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html lang="ar" dir="rtl">');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await (await fetch(`${first.url}/staff`)).text()).toContain('<html lang="fi" dir="ltr">');

      const res = await submit(first.url, 'restart-test-key');
      expect(res.status).toBe(201);
      reference = ((await res.json()) as { reference: string }).reference;
      await first.jobs.idle();
      expect(readdirSync(first.outboxDir).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
      const mailbox = await (await fetch(`${first.url}/dev/mail`)).text();
      expect(mailbox).toContain(reference);
      expect((await fetch(`${first.url}/dev/mail/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    } finally {
      await first.close();
    }

    const second = await startLocalServer(config);
    try {
      const again = await submit(second.url, 'restart-test-key');
      expect(again.status).toBe(201);
      expect(((await again.json()) as { reference: string }).reference).toBe(reference);
      second.jobs.kick();
      await second.jobs.idle();
      expect(readdirSync(second.outboxDir).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    } finally {
      await second.close();
    }
  });

  it('refuses to start without a built web app, saying what to run', async () => {
    await expect(startLocalServer({ port: 0, webDir: join(tmpdir(), 'no-such-web'), schemasDir: 'schemas', log: quiet })).rejects.toThrow(
      /npm run build/,
    );
  });
});

describe('the local server on localhost', () => {
  it('takes its origin from the port it binds: links in mail, the cross-site check, and a cookie without Secure', async () => {
    const server = await startLocalServer({ port: 0, webDir: fakeWebDir(), schemasDir: 'schemas', log: quiet });
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
      const post = (path: string, body: unknown, origin = server.url) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify(body),
        });
      expect((await post('/api/auth/login', { email: 'admin@koto.local' }, 'http://localhost:1')).status).toBe(403);
      expect((await post('/api/auth/login', { email: 'admin@koto.local' })).status).toBe(202);
      await server.jobs.idle();
      // The .eml is quoted-printable: join soft line breaks and read `token=3D<token>`.
      const mail = readdirSync(server.outboxDir).map((f) => readFileSync(join(server.outboxDir, f), 'utf8').replace(/=\r?\n/g, ''))[0]!;
      expect(mail).toContain(`${server.url}/auth/verify?token=3D`);
      const token = decodeURIComponent(/token=3D([\w%-]+)/.exec(mail)![1]!);
      const res = await post('/api/auth/session', { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
    } finally {
      await server.close();
    }
  });
});

/** A GET with the Host header of our choosing (fetch sets its own): as a page on a rebound name would send it. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local outbox page /dev/mail', () => {
  it("answers only with the server's own Host: a name rebound to 127.0.0.1 gets 403 and no sign-in link", async () => {
    const server = await startLocalServer({ port: 0, webDir: fakeWebDir(), schemasDir: 'schemas', log: quiet });
    try {
      const port = new URL(server.url).port;
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: 'admin@koto.local' }),
      });
      expect(login.status).toBe(202);
      await server.jobs.idle();
      const file = readdirSync(server.outboxDir).find((f) => f.endsWith('.eml'))!;
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
        const page = await getWithHost(`${server.url}/dev/mail`, host);
        expect(page.status, host).toBe(200);
        expect(page.body).toContain(file);
      }
      for (const host of [`evil.example:${port}`, 'localhost', `localhost.evil.example:${port}`]) {
        for (const path of ['/dev/mail', `/dev/mail/${file}`]) {
          const res = await getWithHost(`${server.url}${path}`, host);
          expect(res.status, `${host} ${path}`).toBe(403);
          expect(res.body).not.toContain('token');
        }
      }
    } finally {
      await server.close();
    }
  });

  it('does not exist when mail goes through an SMTP relay', async () => {
    const server = await startLocalServer({
      port: 0,
      webDir: fakeWebDir(),
      schemasDir: 'schemas',
      log: quiet,
      mailTransport: 'smtp',
      smtpUrl: 'smtp://127.0.0.1:9',
    });
    try {
      const res = await fetch(`${server.url}/dev/mail`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'not_found' });
    } finally {
      await server.close();
    }
  });
});

describe('the port the local server binds before its app is built', () => {
  it('asks a request to come back while the app is not there yet, then answers with the app', async () => {
    const bound = await bindPort(0, '127.0.0.1');
    try {
      const early = await fetch(`http://127.0.0.1:${bound.port}/api/health`);
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('1');
      bound.serve(() => new Response('ready'));
      expect(await (await fetch(`http://127.0.0.1:${bound.port}/api/health`)).text()).toBe('ready');
    } finally {
      await bound.close();
    }
  });
});
