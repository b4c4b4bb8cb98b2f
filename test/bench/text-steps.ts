/**
 * The per-text work of a build, step by step, in ms: parsing a source
 * (front matter, Markdown, word count) and each text step (notes,
 * typography), over every source of a folder; five rounds after a warm-up,
 * the fastest reported. Run: node --import tsx test/bench/text-steps.ts [sources-dir, default: a generated 10× corpus]
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './corpus.js';
import { parseSource } from '../../src/parse/source.js';
import { textSteps } from '../../src/transforms/index.js';
import { Reporter } from '../../src/model/messages.js';
import { clone } from '../../src/model/walk.js';

// Default: the bench's 10× corpus, generated (the two samples with other ids, authors, dates, tags).
const given = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : undefined;
const dir = given ?? generateCorpus(path.resolve(import.meta.dirname, '../../sources'), 10).dir;
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f));
const bytes = files.map((f) => fs.readFileSync(f));
const projectRoot = path.dirname(dir);
const time = (fn: () => void) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const parsed = files.map((f, i) => parseSource(f, bytes[i]!, { projectRoot, reporter: new Reporter() }));
const results: Record<string, number[]> = { parse: [] };
for (const [name] of textSteps) results[name] = [];
for (let round = 0; round < 6; round++) {
  const t = time(() => files.forEach((f, i) => parseSource(f, bytes[i]!, { projectRoot, reporter: new Reporter() })));
  const texts = parsed.map((p) => ({ ...p, text: clone(p.text) }));
  const steps = textSteps.map(([name, step]) => [name, time(() => texts.forEach((p) => step(p.text, { unanchoredNotes: p.unanchoredNotes, reporter: new Reporter() })))] as const);
  if (round === 0) continue; // warm-up
  results.parse!.push(t);
  for (const [name, ms] of steps) results[name]!.push(ms);
}
for (const [name, times] of Object.entries(results)) console.log(`${name.padEnd(12)} best ${Math.min(...times).toFixed(1)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
