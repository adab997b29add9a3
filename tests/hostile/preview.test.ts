/**
 * The preview server against a hostile page and a hostile output folder: a page of another site that
 * rebinds its name to 127.0.0.1 (DNS rebinding) sends its own name as `Host` and must get nothing; a
 * symlink in the output folder that points outside it must not be served.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PreviewServer } from '../../src/pipeline/preview-server.js';

const made: string[] = [];
const servers: PreviewServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-preview-'));
  made.push(dir);
  return dir;
}

async function serve(dir: string, host = '127.0.0.1'): Promise<{ server: PreviewServer; port: number }> {
  const server = new PreviewServer(dir);
  servers.push(server);
  await server.listen(0, host);
  return { server, port: Number(new URL(server.url).port) };
}

/** GET `pathname` from the server on 127.0.0.1:`port`, with the `Host` header given. */
function get(port: number, pathname: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview server: only its own address', () => {
  it('refuses a Host of another name (DNS rebinding) on every path, with a short line', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'guide.html'), '<p>the guide</p>');
    const { port } = await serve(dir);
    const checked: string[] = [];
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost:1`]) {
      for (const pathname of ['/', '/guide.html', '/__quire/status', '/__quire/preview.js']) {
        const res = await get(port, pathname, host);
        expect([403, 421], `${host} ${pathname}`).toContain(res.status);
        expect(res.body).not.toContain('the guide');
        expect(res.body.split('\n').filter(Boolean)).toHaveLength(1);
        checked.push(`${host}${pathname}`);
      }
    }
    expect(checked).toHaveLength(16);
  });

  it('answers the loopback forms of its own address, with the port', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'guide.html'), '<p>the guide</p>');
    const { port } = await serve(dir);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const res = await get(port, '/guide.html', host);
      expect(res.status, host).toBe(200);
      expect(res.body).toBe('<p>the guide</p>');
    }
  });
});

describe('preview server: only files inside the output folder', () => {
  it('does not serve a symlink to a file or a folder outside the output folder', async () => {
    const dir = folder();
    const outside = folder();
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'leak.txt'));
    symlinkSync(outside, path.join(dir, 'leaks'));
    writeFileSync(path.join(dir, 'real.txt'), 'real');
    symlinkSync('real.txt', path.join(dir, 'alias.txt'));
    const { port } = await serve(dir);
    const host = `127.0.0.1:${port}`;
    for (const pathname of ['/leak.txt', '/leaks/secret.txt']) {
      const res = await get(port, pathname, host);
      expect(res.status, pathname).toBe(404);
      expect(res.body).not.toContain('secret');
    }
    // A link that stays inside the folder (as Quire's own outputs are) is served.
    expect(await get(port, '/alias.txt', host)).toEqual({ status: 200, body: 'real' });
  });
});
