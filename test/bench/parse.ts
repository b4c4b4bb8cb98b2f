/**
 * Markdown parsing alone, in MB/s: every body of a sources folder (front
 * matter split off beforehand, not timed) through `parseMarkdown`, five
 * rounds after one warm-up, the fastest round reported.
 * Run: node --import tsx test/bench/parse.ts [sources-dir, default: a generated 10× corpus] [--one]
 * (`--one` joins all bodies into one text, to show the cost stays linear.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './corpus.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { parseFrontMatter } from '../../src/parse/frontmatter.js';
import { decodeSource } from '../../src/parse/decode.js';
import { Reporter } from '../../src/model/messages.js';

// Default: the bench's 10× corpus, generated (the two samples with other ids, authors, dates, tags).
const given = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : undefined;
const dir = given ?? generateCorpus(path.resolve(import.meta.dirname, '../../sources'), 10).dir;
const one = process.argv.includes('--one');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f));
let bodies = files.map((file) => {
  const fm = parseFrontMatter(decodeSource(fs.readFileSync(file), file), file, 'x', new Reporter());
  return { file, body: fm.body, lineOffset: fm.bodyLineOffset };
});
if (one) bodies = [{ file: path.join(dir, 'all.md'), body: bodies.map((b) => b.body).join('\n\n'), lineOffset: 0 }];
const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b.body), 0);
const round = () => {
  const t0 = process.hrtime.bigint();
  for (const b of bodies) parseMarkdown(b.body, { file: b.file, lineOffset: b.lineOffset, projectRoot: dir, reporter: new Reporter() });
  return Number(process.hrtime.bigint() - t0) / 1e9;
};
round();
const times = Array.from({ length: 5 }, round);
const best = Math.min(...times);
console.log(`${(bytes / 1e6).toFixed(2)} MB in ${bodies.length} text(s): best ${(best * 1000).toFixed(0)} ms = ${(bytes / 1e6 / best).toFixed(2)} MB/s (rounds: ${times.map((t) => (t * 1000).toFixed(0)).join(', ')} ms)`);
