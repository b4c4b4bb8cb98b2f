/**
 * Generated libraries for the benchmark: the two sample texts copied many
 * times with distinct ids and varied authors, dates and tags, so that
 * selections over them differ.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const AUTHORS = ['W. I. Lenin', 'L. Trotzki', 'Rosa Luxemburg', 'Clara Zetkin', 'Karl Radek', 'N. Bucharin', 'A. Kollontai', 'G. Sinowjew'];
export const TAGS = ['oktober', 'komintern', 'armee', 'nep', 'partei', 'frieden', 'sowjets', 'bauern'];

/** Writes `copies` × each sample source into a fresh temp folder; returns it with the total bytes. */
export function generateCorpus(samplesDir: string, copies: number): { dir: string; bytes: number; ids: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-bench-'));
  const samples = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.md')).sort();
  let bytes = 0;
  const ids: string[] = [];
  let n = 0;
  for (let i = 1; i <= copies; i++) {
    for (const name of samples) {
      const src = fs.readFileSync(path.join(samplesDir, name), 'utf8');
      const id = `${name.replace(/\.md$/, '')}-${i}`;
      const author = AUTHORS[n % AUTHORS.length]!;
      const year = 1905 + (n % 25);
      const tags = [TAGS[n % TAGS.length]!, TAGS[(n * 3 + 1) % TAGS.length]!];
      n++;
      // Replace the front matter's identity fields; keep everything else (unanchored-notes, lang, source).
      const text = src
        .replace(/^id: .*$/m, `id: "${id}"`)
        .replace(/^(title: "?)(.*?)("?)$/m, `$1$2 (${i})$3`)
        .replace(/^author: .*\n/m, '')
        .replace(/^date: .*\n/m, '')
        .replace(/^tags: .*$/m, `tags: ${JSON.stringify(tags)}`)
        .replace(/^lang: /m, `author: "${author}"\ndate: "${year}-${String((n % 12) + 1).padStart(2, '0')}"\nlang: `);
      const file = path.join(dir, `${id}.md`);
      fs.writeFileSync(file, text);
      bytes += Buffer.byteLength(text);
      ids.push(id);
    }
  }
  return { dir, bytes, ids };
}
