#!/usr/bin/env node
// The Node CLI of the npm package (`npx ngoaivu analyze FILE…`), for people
// who have Node but not the native binary. It runs the WASM build and takes
// the native CLI's commands and flags (src/bin/ngoaivu.rs):
//
//   ngoaivu analyze FILE|DIR|- … [--format json|jsonl|csv]
//   ngoaivu corpus FILE|DIR|- … [--format json|csv] [--out FILE]
//   options: [--input text|html|auto] [--published YYYY-MM-DD] [--locality NAME]
//            [--bom] [--no-timing] [--no-progress]
//
// JSON is the report the JS API returns, one per line with "file" first
// when there are several inputs (or --format jsonl). Unreadable and
// non-UTF-8 files are named on stderr and the rest go on; the exit status
// is 1 when any input failed, 2 on usage. Files run one after another on
// one core; XLSX needs the native CLI.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { analyze, Corpus, version } from '../js/node.js';

const USAGE = `usage: ngoaivu analyze FILE|DIR|- ... [--format json|jsonl|csv]
           ngoaivu corpus FILE|DIR|- ... [--format json|csv] [--out FILE]
    options: [--input text|html|auto] [--published YYYY-MM-DD] [--locality NAME] [--bom] [--no-timing] [--no-progress]`;

class UsageError extends Error {}

function parse(args) {
  const [command, ...rest] = args;
  if (!command) throw new UsageError('no command');
  const a = { command, inputs: [], format: null, out: null, options: {}, timing: true, bom: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      if (i + 1 >= rest.length) throw new UsageError(`${arg} needs a value`);
      return rest[++i];
    };
    switch (arg) {
      case '--format':
        a.format = value();
        break;
      case '--out':
        a.out = value();
        break;
      case '--input': {
        const v = value();
        if (!['text', 'html', 'auto'].includes(v)) throw new UsageError(`--input: expected text, html or auto, got ${JSON.stringify(v)}`);
        a.options.format = v;
        break;
      }
      case '--published': {
        const v = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--published: expected YYYY-MM-DD, got ${JSON.stringify(v)}`);
        a.options.published = v;
        break;
      }
      case '--locality':
        a.options.locality = value();
        break;
      case '--no-timing':
        a.timing = false;
        break;
      case '--no-progress':
        break; // no progress bar here: files run one by one
      case '--bom':
        a.bom = true;
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown flag ${JSON.stringify(arg)}`);
        a.inputs.push(arg);
    }
  }
  return a;
}

const isDocument = (name) => /\.(txt|md|html|htm)$/.test(name) && !name.endsWith('.gold.json');
const byBytes = (x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y));

/** Files named, and the .txt/.md/.html files of directories named, sorted (as the native CLI). */
function expand(inputs) {
  const out = [];
  for (const input of inputs) {
    let dir = false;
    try {
      dir = input !== '-' && statSync(input).isDirectory();
    } catch {
      /* not there: reading it reports the error */
    }
    if (!dir) {
      out.push(input);
      continue;
    }
    let names = [];
    try {
      names = readdirSync(input, { withFileTypes: true }).filter((e) => !e.isDirectory() && isDocument(e.name)).map((e) => e.name);
    } catch {
      /* an unreadable directory contributes nothing, as in the native CLI */
    }
    const base = input.endsWith('/') ? input : `${input}/`;
    out.push(...names.map((n) => base + n).sort(byBytes));
  }
  return out;
}

const READ_ERRORS = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function read(file) {
  let bytes;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw new Error(`${file}: ${READ_ERRORS[e.code] ?? e.message}`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error(`${file}: not UTF-8 text`);
  }
}

function run(args) {
  if (args[0] === '--help' || args[0] === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args[0] === '--version') {
    process.stdout.write(`ngoaivu ${version}\n`);
    return 0;
  }
  const a = parse(args);
  const format = a.format ?? 'json';
  const ok =
    (a.command === 'analyze' && ['json', 'jsonl', 'csv'].includes(format)) ||
    (a.command === 'corpus' && ['json', 'csv'].includes(format));
  if (!ok) {
    if (a.command === 'corpus' && format === 'xlsx') throw new UsageError('--format xlsx needs the native CLI (cargo build --release)');
    if (a.command === 'analyze' || a.command === 'corpus') {
      throw new UsageError(`--format ${JSON.stringify(format)} is not one of ${a.command} takes`);
    }
    throw new UsageError(`unknown command ${JSON.stringify(a.command)}`);
  }
  if (a.inputs.length === 0) throw new UsageError('no input files');

  const files = expand(a.inputs);
  let failed = false;
  const docs = [];
  for (const file of files) {
    try {
      const text = read(file);
      if (a.command === 'analyze' && format !== 'csv') {
        const report = analyze(text, a.options);
        report.stats.milliseconds = a.timing ? Math.round(report.stats.milliseconds * 1000) / 1000 : 0;
        docs.push({ file, report });
      } else {
        docs.push({ file, text });
      }
    } catch (e) {
      const message = String(e.message);
      process.stderr.write(`ngoaivu: ${message.startsWith(`${file}: `) ? '' : `${file}: `}${message}\n`);
      failed = true;
    }
  }

  let output;
  if (a.command === 'analyze' && format !== 'csv') {
    const jsonl = format === 'jsonl' || files.length > 1;
    output = docs.map(({ file, report }) => JSON.stringify(jsonl ? { file, ...report } : report) + '\n').join('');
  } else {
    const corpus = new Corpus(a.options);
    for (const d of docs) {
      try {
        corpus.add(d.text, { name: d.file });
      } catch (e) {
        process.stderr.write(`ngoaivu: ${d.file}: ${e.message}\n`);
        failed = true;
      }
    }
    if (a.command === 'analyze') output = corpus.metricsCsv({ bom: a.bom });
    else if (format === 'csv') output = corpus.factsCsv({ bom: a.bom });
    else output = JSON.stringify(corpus.summary()) + '\n';
    corpus.free();
  }

  try {
    if (a.out) writeFileSync(a.out, output);
    else process.stdout.write(output);
  } catch (e) {
    process.stderr.write(`ngoaivu: ${a.out ?? 'stdout'}: ${e.message}\n`);
    return 1;
  }
  return failed ? 1 : 0;
}

process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); // the reader went away (| head)
  throw e;
});

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`ngoaivu: ${e.message}\n${USAGE}\n`);
  process.exitCode = 2;
}
