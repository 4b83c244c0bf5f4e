#!/usr/bin/env node
// Builds the demo as one HTML file (dist/ngoaivu-demo.html) that opens from
// file:// — for passing around by email or USB. The CSS is inlined, the ES
// modules (the wasm-bindgen glue, js/api.js and www/*.js) are joined into one
// inline module script, the WASM and the two samples are inlined (base64,
// JSON). The CSP allows exactly that script and that style by hash, plus
// 'wasm-unsafe-eval'; nothing is fetched. A file:// page cannot start a
// module worker, so this build analyzes on the main thread (the page says so).
//
//   npm run build:single          # after npm run build (needs pkg/web)
//   node scripts/build-single.mjs --out other.html

import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const OUT = path.resolve(ROOT, outArg > 0 ? process.argv[outArg + 1] : 'dist/ngoaivu-demo.html');

// In dependency order; each becomes `const __m<i> = (() => { … })()`.
const MODULES = ['pkg/web/ngoaivu.js', 'js/tape.js', 'js/api.js', 'www/engine.js', 'www/format.js', 'www/charts.js', 'www/docx.js', 'www/app.js'];
const SAMPLES = [
  { file: 'www/sample.txt', name: 'bao-cao-doi-ngoai-2024.txt' },
  { file: 'www/sample-2023.txt', name: 'bao-cao-doi-ngoai-2023.txt' },
];

const varOf = (file) => `__m${MODULES.indexOf(file)}`;

/** Rewrites one ES module's static imports and exports into plain bindings. */
function transform(file, code) {
  const dir = path.posix.dirname(file);
  const lines = [];
  code = code.replace(/^import\s+([\s\S]+?)\s+from\s+'([^']+)';?[ \t]*$/gm, (_, clause, spec) => {
    const dep = path.posix.normalize(path.posix.join(dir, spec));
    if (!MODULES.includes(dep) || MODULES.indexOf(dep) >= MODULES.indexOf(file)) {
      throw new Error(`${file}: cannot inline the import of ${spec} (${dep})`);
    }
    const v = varOf(dep);
    const out = [];
    let rest = clause.trim();
    const def = /^([A-Za-z_$][\w$]*)\s*(,|$)/.exec(rest);
    if (def) {
      out.push(`const ${def[1]} = ${v}.default;`);
      rest = rest.slice(def[0].length).trim();
    }
    const ns = /^\*\s+as\s+([A-Za-z_$][\w$]*)$/.exec(rest);
    if (ns) out.push(`const ${ns[1]} = ${v};`);
    else if (rest.startsWith('{')) {
      const names = rest.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
      out.push(`const { ${names.map((n) => n.replace(/\s+as\s+/, ': ')).join(', ')} } = ${v};`);
    } else if (rest) throw new Error(`${file}: unsupported import clause ${clause}`);
    return out.join(' ');
  });
  if (/^\s*(import|export)\s+[*{]?.*from\s+['"]/m.test(code)) throw new Error(`${file}: an import or re-export was not rewritten`);

  const exported = [];
  code = code.replace(/^export\s+\{([^}]*)\};?[ \t]*$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as] = item.split(/\s+as\s+/);
      exported.push(`${as || local}: ${local}`);
    }
    return '';
  });
  code = code.replace(/^export\s+default\s+([A-Za-z_$][\w$]*);?[ \t]*$/gm, (_, local) => {
    exported.push(`default: ${local}`);
    return '';
  });
  code = code.replace(/^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm, (_, what, name) => {
    exported.push(name);
    return `${what} ${name}`;
  });
  if (/^export\s/m.test(code)) throw new Error(`${file}: an export form the bundler does not know`);
  const body = `${code}\nreturn { ${exported.join(', ')} };`;
  // The last module (the page) uses top-level await.
  const last = MODULES.indexOf(file) === MODULES.length - 1;
  return `// ---- ${file}\nconst ${varOf(file)} = ${last ? 'await (async ' : '('}() => {\n${body}\n})();\n`;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** JSON that cannot close a <script> element. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export async function buildSingle(out = OUT) {
  const read = (f) => readFile(path.join(ROOT, f), 'utf8');
  let wasm;
  try {
    wasm = await readFile(path.join(ROOT, 'pkg/web/ngoaivu_bg.wasm'));
  } catch {
    throw new Error('pkg/web/ngoaivu_bg.wasm is missing: run `npm run build` first');
  }
  const samples = await Promise.all(SAMPLES.map(async (s) => ({ name: s.name, text: (await read(s.file)).replace(/\r\n?/g, '\n') })));

  const parts = [];
  for (const file of MODULES) {
    if (file === MODULES[MODULES.length - 1]) {
      // The hook www/app.js looks for: samples and a loader for the inlined WASM.
      parts.push(`// ---- inline WASM and samples
const __wasm = ${scriptJson(wasm.toString('base64'))};
globalThis.__ngoaivuInline = {
  samples: ${scriptJson(samples)},
  async loadApi() {
    const bin = atob(__wasm);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    await ${varOf(MODULES[0])}.default({ module_or_path: bytes });
    return ${varOf('js/api.js')}.makeApi(${varOf(MODULES[0])});
  },
};
`);
    }
    parts.push(transform(file, await read(file)));
  }
  const script = `\n${parts.join('\n')}\n`;
  if (/<\/script/i.test(script)) throw new Error('the bundle contains "</script"; it cannot be inlined');
  const css = `\n${await read('www/style.css')}\n`;
  if (/<\/style/i.test(css)) throw new Error('the CSS contains "</style"');

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    'img-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let html = await read('www/index.html');
  const swap = (pattern, replacement) => {
    if (!pattern.test(html)) throw new Error(`www/index.html: ${pattern} not found`);
    html = html.replace(pattern, () => replacement);
  };
  swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  swap(/<link rel="stylesheet" href="style.css">/, `<style>${css}</style>`);
  swap(/<script type="module" src="app.js"><\/script>/, `<script type="module">${script}</script>`);
  swap(/<!-- The ngoaivu demo:[^\n]*-->/, `<!-- The ngoaivu demo in one file (built by scripts/build-single.mjs from www/): opens from file://, analyzes on the main thread, sends nothing anywhere. -->`);

  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, html);
  const bytes = Buffer.byteLength(html);
  return { out, bytes, gzip: gzipSync(html, { level: 9 }).length, wasm: wasm.length };
}

const runDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  try {
    const { out, bytes, gzip, wasm } = await buildSingle();
    const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
    console.log(`${path.relative(process.cwd(), out)}: ${kb(bytes)} (${kb(gzip)} gzip; WASM ${kb(wasm)} before base64)`);
  } catch (e) {
    console.error(`build-single: ${e.message}`);
    process.exit(1);
  }
}
