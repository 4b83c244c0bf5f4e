// scripts/serve.mjs: MIME types, redirects, no listings, nothing outside the root.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let server;
let port;

before(async () => {
  server = await startServer({ port: 0, quiet: true });
  port = server.port;
});
after(() => server?.close());

/** A raw GET (no URL normalization, so `..` reaches the server as sent). */
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('/ redirects to the demo; the demo and its modules are served with the right types', async () => {
  const root = await get('/');
  assert.equal(root.status, 302);
  assert.equal(root.headers.location, '/www/');

  const bare = await get('/www');
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, '/www/');

  const page = await get('/www/');
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(page.body.toString(), /Content-Security-Policy/);

  const types = {
    '/www/app.js': 'text/javascript; charset=utf-8',
    '/js/browser.js': 'text/javascript; charset=utf-8',
    '/scripts/serve.mjs': 'text/javascript; charset=utf-8',
    '/www/style.css': 'text/css; charset=utf-8',
    '/www/sample.txt': 'text/plain; charset=utf-8',
    '/pkg/web/ngoaivu_bg.wasm': 'application/wasm',
    '/package.json': 'application/json; charset=utf-8',
  };
  for (const [path, type] of Object.entries(types)) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'], type, path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
  }
  const wasm = await get('/pkg/web/ngoaivu_bg.wasm');
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0, 0x61, 0x73, 0x6d], 'wasm magic');

  const head = await get('/www/app.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.ok(Number(head.headers['content-length']) > 0);

  assert.equal((await get('/www/', 'POST')).status, 405);
});

test('no directory listings, no dotfiles, nothing outside the root', async () => {
  for (const path of ['/js/', '/pkg/', '/tests/']) {
    assert.equal((await get(path)).status, 404, `${path} is not listed`);
  }
  assert.equal((await get('/www/missing.js')).status, 404);
  for (const path of [
    '/../../../../etc/passwd',
    '/www/../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/www/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
    '/..%5c..%5cetc/passwd',
    '/www/%00index.html',
    '/.git/config',
    '/%2egit/HEAD',
    '/%E0%A4%A',
  ]) {
    const res = await get(path);
    assert.ok([400, 403, 404].includes(res.status), `${path} → ${res.status}`);
    assert.doesNotMatch(res.body.toString(), /root:/, path);
  }
});

test('a busy port falls back to a free one', async () => {
  const blocker = createServer();
  await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
  const busy = blocker.address().port;
  try {
    const s = await startServer({ port: busy, quiet: true });
    assert.notEqual(s.port, busy);
    assert.equal(s.url, `http://localhost:${s.port}/`);
    await s.close();
  } finally {
    blocker.close();
  }
});

test('run as a script it prints its URL and serves the demo', async () => {
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 5000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/^ngoaivu demo: (http:\/\/localhost:\d+\/)$/m);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const res = await fetch(new URL('/www/', url.replace('localhost', '127.0.0.1')));
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<title>ngoaivu/);
  } finally {
    child.kill('SIGTERM');
  }
});
