/** A project with many small editions, for the tests of --jobs and --shard. */
import fs from 'node:fs';
import path from 'node:path';
import { makeProject } from '../cli/helpers.js';
import { manifest } from '../helpers/project.js';

export const TEXTS = ['lenin-aufruf', 'lenin-brief', 'luxemburg-revolution', 'trotzki-armee', 'zeitung'];

/** `count` manifests band-1 … band-N, each two texts of the fixture library (in varying order and note placement). */
export function manyEditions(count: number, extra: Record<string, string> = {}): string {
  const editions: Record<string, string> = { ...extra };
  for (let i = 1; i <= count; i++) {
    const texts = [TEXTS[i % TEXTS.length]!, TEXTS[(i + 2) % TEXTS.length]!];
    editions[`band-${i}.yaml`] = manifest({ title: `Band ${i}`, texts, notes: i % 2 ? 'text' : 'book' });
  }
  return makeProject({ editions });
}

/** Name → bytes of every file in `dir`. */
export function filesOf(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}
