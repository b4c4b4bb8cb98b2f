/**
 * `npm run bench`: how builds scale. Each case runs in its own child process
 * so its peak RSS (process.resourceUsage().maxRSS) is its own.
 *  (a) the two sample texts repeated 1×, 10×, 50× as one edition: EPUB and
 *      PDF separately;
 *  (b) 100 different selections from a 200-text library, one library load;
 *  (c) samples ×10 as a PDF without its structure tree: what tagging costs.
 * Prints a table; the whole run stays within a few minutes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEdition } from '../../src/edition/build.js';
import { buildEditions } from '../../src/edition/many.js';
import { loadLibrary } from '../../src/library/load.js';
import { Reporter } from '../../src/model/messages.js';
import type { ManifestInput } from '../../src/manifest/schema.js';
import { AUTHORS, TAGS, generateCorpus } from './corpus.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const SAMPLES = path.join(REPO, 'sources');

interface CaseSpec {
  kind: 'scaled' | 'selections';
  copies: number;
  format: 'epub' | 'pdf';
  /** PDF without its structure tree: the difference to the tagged row is what tagging costs. */
  untagged?: boolean;
}

interface CaseResult {
  name: string;
  format: string;
  texts: number;
  sourceMB: number;
  loadS: number;
  buildS: number;
  totalS: number;
  pages?: number;
  outMB: number;
  editions: number;
  rssMB: number;
}

/** Runs one case in this process and prints its result as JSON (the child side). */
async function runCase(spec: CaseSpec): Promise<void> {
  const corpus = generateCorpus(SAMPLES, spec.copies);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-bench-out-'));
  const t0 = performance.now();
  const library = loadLibrary(corpus.dir, { projectRoot: corpus.dir, reporter: new Reporter() });
  const t1 = performance.now();
  const common = { library, projectRoot: corpus.dir, outDir, formats: [spec.format], sourceDateEpoch: 1_700_000_000, ...(spec.untagged ? { pdfTagged: false } : {}) };
  let pages: number | undefined;
  let outBytes = 0;
  let editions = 1;
  if (spec.kind === 'scaled') {
    const r = await buildEdition({ manifest: { title: `Bench ${spec.copies}x`, texts: corpus.ids } }, common);
    pages = r.files[0]?.pages;
    outBytes = r.files.reduce((n, f) => n + f.bytes, 0);
  } else {
    const manifests = selections(corpus.ids);
    editions = manifests.length;
    const run = await buildEditions(manifests.map((manifest, i) => ({ manifest, slug: `sel-${i}` })), common);
    if (run.failures.length) throw new Error(`selection failed: ${JSON.stringify(run.failures[0]!.messages)}`);
    outBytes = run.results.reduce((n, r) => n + r.files.reduce((k, f) => k + f.bytes, 0), 0);
    pages = run.results.reduce((n, r) => n + (r.files[0]?.pages ?? 0), 0) || undefined;
  }
  const t2 = performance.now();
  const result: CaseResult = {
    name: spec.kind === 'scaled' ? `samples ×${spec.copies}${spec.untagged ? ' untagged' : ''}` : `${editions} selections / ${corpus.ids.length} texts`,
    format: spec.format,
    texts: corpus.ids.length,
    sourceMB: corpus.bytes / 1e6,
    loadS: (t1 - t0) / 1000,
    buildS: (t2 - t1) / 1000,
    totalS: (t2 - t0) / 1000,
    ...(pages !== undefined ? { pages } : {}),
    outMB: outBytes / 1e6,
    editions,
    // maxRSS is in kilobytes.
    rssMB: process.resourceUsage().maxRSS / 1024,
  };
  fs.rmSync(corpus.dir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** 100 different selections: by author, tag, year range, id lists and parts (deterministic). */
function selections(ids: string[]): ManifestInput[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  const pick = (k: number) => [...new Set(Array.from({ length: k }, () => ids[Math.floor(rand() * ids.length)]!))];
  return Array.from({ length: 100 }, (_, i): ManifestInput => {
    const title = `Auswahl ${i + 1}`;
    switch (i % 5) {
      case 0:
        return { title, query: { author: AUTHORS[i % AUTHORS.length]! }, sort: 'date' };
      case 1:
        return { title, query: [{ tags: TAGS[i % TAGS.length]! }, { from: String(1905 + (i % 10)) }], sort: 'title' };
      case 2:
        return { title, query: { from: String(1905 + (i % 20)), to: String(1908 + (i % 20)) }, notes: 'book' };
      case 3:
        return { title, texts: pick(8) };
      default: {
        const [a, b] = [pick(4), pick(4)];
        return { title, parts: [{ title: 'Teil I', texts: a }, { title: 'Teil II', texts: b.filter((x) => !a.includes(x)).concat(a.length ? [] : [ids[0]!]) }] };
      }
    }
  });
}

/** Spawns one case as a child process and parses its JSON line. */
function spawnCase(spec: CaseSpec): CaseResult | string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', JSON.stringify(spec)], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as CaseResult;
  } catch {
    return `failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`;
  }
}

const fmt = (n: number | undefined, digits = 2) => (n === undefined ? 'n/a' : n.toFixed(digits));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const caseArg = process.argv.indexOf('--case');
  if (caseArg !== -1) return runCase(JSON.parse(process.argv[caseArg + 1]!) as CaseSpec);
  const specs: CaseSpec[] = [];
  for (const copies of [1, 10, 50]) for (const format of ['epub', 'pdf'] as const) specs.push({ kind: 'scaled', copies, format });
  specs.push({ kind: 'scaled', copies: 10, format: 'pdf', untagged: true });
  specs.push({ kind: 'selections', copies: 100, format: 'epub' });
  const header = ['case', 'format', 'texts', 'src MB', 'load s', 'build s', 'total s', 'pages', 'pages/s', 'MB/s', 'out MB', 'peak RSS MB'];
  const rows: string[][] = [header];
  const started = performance.now();
  for (const spec of specs) {
    const label = spec.kind === 'scaled' ? `samples ×${spec.copies}${spec.untagged ? ' untagged' : ''}` : '100 selections / 200 texts';
    process.stderr.write(`bench: ${label} ${spec.format} …\n`);
    const r = spawnCase(spec);
    if (typeof r === 'string') {
      rows.push([label, spec.format, r, ...Array(header.length - 3).fill('')]);
      continue;
    }
    rows.push([
      r.name, r.format, String(r.texts), fmt(r.sourceMB), fmt(r.loadS), fmt(r.buildS), fmt(r.totalS),
      r.pages === undefined ? 'n/a' : String(r.pages),
      r.pages === undefined ? 'n/a' : fmt(r.pages / r.buildS, 1),
      fmt(r.sourceMB / r.totalS),
      fmt(r.outMB), fmt(r.rssMB, 0),
    ]);
  }
  process.stdout.write(`${table(rows)}\n`);
  process.stdout.write(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; ${((performance.now() - started) / 1000).toFixed(0)} s in all.\n`);
  process.stdout.write('load = parse the library once; build = assemble + render + write; MB/s = source MB / total s; peak RSS per case (own process).\n');
}

await main();
