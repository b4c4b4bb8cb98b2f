/**
 * Generated libraries for the benchmark: the two sample texts copied many
 * times with distinct ids and varied authors, dates and tags, so that
 * selections over them differ. `writeProject` lays one out as a user's
 * project (sources/ + editions/), so the bench can run the real command in it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ManifestInput } from '../../src/manifest/schema.js';

export const AUTHORS = ['W. I. Lenin', 'L. Trotzki', 'Rosa Luxemburg', 'Clara Zetkin', 'Karl Radek', 'N. Bucharin', 'A. Kollontai', 'G. Sinowjew'];
export const TAGS = ['oktober', 'komintern', 'armee', 'nep', 'partei', 'frieden', 'sowjets', 'bauern'];

/**
 * Writes `copies` × each sample source into `dir` (default: a fresh temp
 * folder); returns the folder, the total bytes and the ids in writing order.
 */
export function generateCorpus(samplesDir: string, copies: number, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-bench-'))): { dir: string; bytes: number; ids: string[] } {
  fs.mkdirSync(dir, { recursive: true });
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

/** A generated project: where it lives, its source ids (in order) and their total bytes. */
export interface Project {
  root: string;
  ids: string[];
  bytes: number;
  /** Manifest files written to editions/, relative to the root. */
  manifests: string[];
}

/**
 * A project folder with sources/ (samples × copies) and editions/: one
 * manifest per entry of `manifests` (given the ids), written as YAML.
 */
export function writeProject(samplesDir: string, copies: number, manifests: (ids: string[]) => Record<string, ManifestInput>): Project {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-bench-'));
  const corpus = generateCorpus(samplesDir, copies, path.join(root, 'sources'));
  fs.mkdirSync(path.join(root, 'editions'));
  const files: string[] = [];
  for (const [name, manifest] of Object.entries(manifests(corpus.ids))) {
    const rel = path.join('editions', `${name}.yaml`);
    fs.writeFileSync(path.join(root, rel), stringify(manifest));
    files.push(rel);
  }
  return { root, ids: corpus.ids, bytes: corpus.bytes, manifests: files };
}

/** The samples × copies as one edition, in source order, named x<copies> (as the bench builds it). */
export function wholeEdition(copies: number): (ids: string[]) => Record<string, ManifestInput> {
  return (ids) => ({ [`x${copies}`]: { title: `Korpus ×${copies}`, lang: 'de', template: 'buch', notes: 'text', texts: ids } });
}

/** 100 different selections: by author, tag, year range, id lists and parts (deterministic), named sel-001 … sel-100. */
export function selections(ids: string[], count = 100): Record<string, ManifestInput> {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  const pick = (k: number) => [...new Set(Array.from({ length: k }, () => ids[Math.floor(rand() * ids.length)]!))];
  const out: Record<string, ManifestInput> = {};
  for (let i = 0; i < count; i++) {
    const title = `Auswahl ${i + 1}`;
    let manifest: ManifestInput;
    switch (i % 5) {
      case 0:
        manifest = { title, query: { author: AUTHORS[i % AUTHORS.length]! }, sort: 'date' };
        break;
      case 1:
        manifest = { title, query: [{ tags: TAGS[i % TAGS.length]! }, { from: String(1905 + (i % 10)) }], sort: 'title' };
        break;
      case 2:
        manifest = { title, query: { from: String(1905 + (i % 20)), to: String(1908 + (i % 20)) }, notes: 'book' };
        break;
      case 3:
        manifest = { title, texts: pick(8) };
        break;
      default: {
        const [a, b] = [pick(4), pick(4)];
        manifest = { title, parts: [{ title: 'Teil I', texts: a }, { title: 'Teil II', texts: b.filter((x) => !a.includes(x)).concat(a.length ? [] : [ids[0]!]) }] };
      }
    }
    out[`sel-${String(i + 1).padStart(3, '0')}`] = manifest;
  }
  return out;
}
