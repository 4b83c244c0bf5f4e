#!/usr/bin/env node
// A small dependency-free static server for the demo. It serves the
// repository root, so the page at /www/ can import /js/browser.js and the
// wasm under /pkg/web/. `/` redirects to `/www/`.
//
//   node scripts/serve.mjs            # PORT env or 8080, a free port if busy
//   import { startServer } from './scripts/serve.mjs'
//   const { url, close } = await startServer({ port: 0, quiet: true })
//
// Deliberately plain: GET/HEAD only, no directory listings, no dotfiles,
// nothing outside the root (symlinks included), no caching.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

function send(res, status, body, headers = {}) {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': buf.length,
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : buf);
}

/** Maps a URL path to a file inside `root`, or returns an HTTP status. */
async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const segments = decoded.split('/').filter(Boolean);
  // No `..` and no dotfiles (.git, .tools, …).
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };
  const target = path.resolve(root, ...segments);
  if (target !== root && !target.startsWith(root + path.sep)) return { status: 403 };

  let real;
  try {
    real = await realpath(target);
  } catch {
    return { status: 404 };
  }
  if (real !== root && !real.startsWith(root + path.sep)) return { status: 403 };

  let info = await stat(real);
  if (info.isDirectory()) {
    if (!decoded.endsWith('/')) return { status: 301, location: `${urlPath}/` };
    const index = path.join(real, 'index.html');
    try {
      info = await stat(index);
    } catch {
      return { status: 404 }; // no directory listings
    }
    if (!info.isFile()) return { status: 404 };
    return { status: 200, file: index, size: info.size };
  }
  if (!info.isFile()) return { status: 404 };
  return { status: 200, file: real, size: info.size };
}

function handler(root, log) {
  return async (req, res) => {
    const started = Date.now();
    res.on('finish', () => log(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started}ms`));
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      }
      const { pathname, search } = new URL(req.url, 'http://localhost');
      if (pathname === '/') {
        return send(res, 302, 'Found: /www/\n', { Location: `/www/${search}` });
      }
      const found = await resolveFile(root, pathname);
      if (found.status === 301) {
        return send(res, 301, `Moved: ${found.location}\n`, { Location: found.location + search });
      }
      if (found.status !== 200) {
        const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[found.status];
        return send(res, found.status, `${text}\n`);
      }
      const type = MIME[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': found.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy();
      log(`error: ${e && e.message}`);
    }
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (e) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server. `port` 0 picks a free port; a busy port falls back to a
 * free one. Resolves to `{ url, port, close }`; `close()` returns a promise.
 */
export async function startServer({ port = 8080, root = DEFAULT_ROOT, host = '127.0.0.1', quiet = false } = {}) {
  const realRoot = await realpath(path.resolve(root));
  const log = quiet ? () => {} : (line) => console.log(line);
  const server = createServer(handler(realRoot, log));
  try {
    await listen(server, port, host);
  } catch (e) {
    if (e.code !== 'EADDRINUSE' || port === 0) throw e;
    if (!quiet) console.log(`port ${port} is busy; using a free port`);
    await listen(server, 0, host);
  }
  const actual = server.address().port;
  const url = `http://localhost:${actual}/`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return { url, port: actual, close, server };
}

const runDirectly = (() => {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(process.argv[1]).href ||
      fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
  } catch {
    return false;
  }
})();

if (runDirectly) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be an integer 0–65535, got ${process.env.PORT}`);
    process.exit(2);
  }
  const { url, close } = await startServer({ port, host: process.env.HOST || '127.0.0.1' });
  console.log(`ngoaivu demo: ${url}`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
