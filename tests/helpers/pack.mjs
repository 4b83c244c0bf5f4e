// Test helper: packs the repository with `npm pack` and installs the
// tarball into a fresh temporary project, offline (the package has no
// dependencies, so nothing is fetched). Used by the package test
// (tests/js/package.test.mjs) and the Vite test (tests/browser/bundlers.test.mjs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Packs and installs; resolves to `{ dir, app, tarball, pack, cleanup }`:
 * `app` is the project with node_modules/ngoaivu, `pack` npm's JSON about
 * the tarball (size, unpackedSize, files).
 */
export function packAndInstall() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ngoaivu-pack-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const out = execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pack = JSON.parse(out)[0];
    const tarball = path.join(dir, pack.filename);
    const app = path.join(dir, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'cms-app', private: true, type: 'module' }));
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
      cwd: app,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { dir, app, tarball, pack, cleanup };
  } catch (e) {
    cleanup();
    throw new Error(`npm pack/install failed: ${e.message}\n${e.stderr ?? ''}`);
  }
}
