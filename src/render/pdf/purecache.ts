/**
 * What the PDF renderer keeps in the content cache (src/cache/types.ts)
 * between runs: the pure, per-word part of typesetting that a book repeats
 * thousands of times and a rebuild repeats entirely —
 *
 * - `pdf-widths`: the width at 1 pt of every string measured in a face
 *   (fontkit shaping with pdfkit's features: kerning, ligatures), keyed by
 *   the font file's bytes and the versions of edition (cacheKey), pdfkit and fontkit;
 * - `hyphenation`: every word with its soft hyphens, keyed by language,
 *   leftMin/rightMin (pdf.yaml `hyphenation`) and the versions of edition
 *   and the `hyphen` patterns.
 *
 * Values are JSON arrays of [string, value] pairs: JSON gives doubles back
 * exactly, so a seeded run measures with the very numbers a cold run
 * computes, and the PDF is byte-identical (test/render/pdf/purecache.test.ts).
 * Anything that could change a width or a break point is in the key, so a
 * stale entry is never found rather than ever used.
 */
import type { ContentCache } from '../../cache/types.js';
import { cacheKey } from '../../cache/key.js';
import { hyphenationTables, seedHyphenationTables, type HyphenateOptions, type TableSeeder } from '../../transforms/hyphenate.js';
import type { Face } from './fonts.js';
import { dependencyVersion } from '../../util/package-root.js';

let versions: { widths: string; hyphenation: string } | undefined;
/** Versions of the packages a cached result depends on besides edition itself, which cacheKey adds (read once). */
function dependencyVersions(): { widths: string; hyphenation: string } {
  return (versions ??= { widths: `pdfkit ${dependencyVersion('pdfkit')} fontkit ${dependencyVersion('fontkit')}`, hyphenation: `hyphen ${dependencyVersion('hyphen')}` });
}

export const widthsKey = (face: Face): string => cacheKey(dependencyVersions().widths, face.identity);
export const hyphenationKey = (lang: string, opts: HyphenateOptions): string => cacheKey(dependencyVersions().hyphenation, lang, String(opts.leftMin), String(opts.rightMin));

const encode = (entries: Iterable<[string, unknown]>): Buffer => Buffer.from(JSON.stringify([...entries]));
function decode<T>(value: Buffer | undefined): [string, T][] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value.toString('utf8')) as unknown;
    return Array.isArray(parsed) ? (parsed as [string, T][]) : [];
  } catch {
    // A damaged entry is a miss: the run measures again and overwrites it.
    return [];
  }
}

/** Seeds faces and hyphenation tables from a content cache during one render, and saves what grew. */
export class PureCache {
  /** How many entries each face and table had after seeding: more at the end means something to save. */
  private readonly faces = new Map<Face, number>();
  private readonly tables = new Map<Map<string, string>, number>();

  constructor(private readonly cache: ContentCache | undefined) {}

  /** Runs `hyphenate` with new hyphenation tables seeded from the cache. */
  hyphenating<T>(hyphenate: () => T): T {
    const cache = this.cache;
    if (!cache) return hyphenate();
    const seeder: TableSeeder = (lang, opts, table) => {
      for (const [word, hyphenated] of decode<string>(cache.get('hyphenation', hyphenationKey(lang, opts)))) table.set(word, hyphenated);
      this.tables.set(table, table.size);
    };
    const previous = seedHyphenationTables(seeder);
    try {
      return hyphenate();
    } finally {
      seedHyphenationTables(previous);
    }
  }

  /** Fills a face's width memo from the cache (call when the face is loaded). */
  face(face: Face): void {
    if (!this.cache) return;
    face.seedWidths(decode<number>(this.cache.get('pdf-widths', widthsKey(face))));
    this.faces.set(face, face.knownWidths().size);
  }

  /** Stores every width memo and hyphenation table that learnt something in this run. */
  save(): void {
    if (!this.cache) return;
    for (const [face, size] of this.faces) {
      if (face.knownWidths().size !== size) this.cache.set('pdf-widths', widthsKey(face), encode(face.knownWidths()));
    }
    for (const { lang, opts, table } of hyphenationTables()) {
      // A table made before this render (an earlier build in this process) counts as new here.
      if (table.size > 0 && table.size !== this.tables.get(table)) this.cache.set('hyphenation', hyphenationKey(lang, opts), encode(table));
    }
  }
}
