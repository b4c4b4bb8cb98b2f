/**
 * The fallback chain of a template (`fonts.fallback` in pdf.yaml): fonts tried
 * in order for a character the run's own face lacks — Hebrew, Arabic, Chinese,
 * symbols in a German book. A run is split where the face changes (runs.ts),
 * so the line breaker measures each piece in the font that draws it.
 *
 * Faces are registered with pdfkit only when a character first needs them:
 * a CJK font is 8 MB, and a book without a Chinese word should not pay for
 * reading it. pdfkit embeds only fonts that were drawn with, as subsets.
 */
import type { Face } from './fonts.js';
import type { FallbackFont } from './style.js';

/** One font of the chain with its files resolved. */
export interface FallbackEntry {
  regular: string;
  bold?: string;
  /** Languages this font is preferred for (BCP 47 tags or primary subtags). */
  lang: string[];
}

/** Loads a face from a resolved file; `key` names it in messages and in pdfkit. */
export type FaceLoader = (key: string, path: string, index: number, variant: 'regular' | 'bold') => Face;

/** Normalises a pdf.yaml entry (a path, or {regular, bold, lang}). */
export function fallbackEntry(spec: FallbackFont, resolve: (path: string, variant: 'regular' | 'bold') => string): FallbackEntry {
  if (typeof spec === 'string') return { regular: resolve(spec, 'regular'), lang: [] };
  const e: FallbackEntry = { regular: resolve(spec.regular, 'regular'), lang: (spec.lang ?? []).map((l) => l.toLowerCase()) };
  if (spec.bold) e.bold = resolve(spec.bold, 'bold');
  return e;
}

/** Whether a font marked for `tags` is meant for text in `lang` (ja matches ja-JP and the reverse). */
function matches(tags: string[], lang: string): boolean {
  const l = lang.toLowerCase();
  const primary = l.split('-')[0]!;
  return tags.some((t) => t === l || t === primary || l.startsWith(`${t}-`) || t.split('-')[0] === primary);
}

export class FallbackChain {
  private readonly faces = new Map<string, Face>();
  /** Entry indices in the order tried, by language. */
  private readonly orders = new Map<string, number[]>();
  /**
   * Keys of the faces asked for, in the order first asked, while a log is on: a worker
   * thread reports them so the main thread loads fallback fonts in the order a
   * single-threaded layout would (pdfkit names fonts F1, F2 … in that order).
   */
  private log: string[] | undefined;

  constructor(private readonly entries: FallbackEntry[], private readonly load: FaceLoader) {}

  get size(): number {
    return this.entries.length;
  }

  /**
   * The first face of the chain with a glyph for `cp`, trying the fonts meant
   * for `lang` first, then those meant for no language in particular, then
   * the rest (a Japanese font still draws a Chinese character better than none).
   */
  faceFor(cp: number, bold: boolean, lang: string | undefined): Face | undefined {
    for (const i of this.order(lang ?? '')) {
      const face = this.face(i, bold);
      if (face.has(cp)) return face;
    }
    return undefined;
  }

  private order(lang: string): number[] {
    let o = this.orders.get(lang);
    if (!o) {
      const all = this.entries.map((_, i) => i);
      const preferred = lang ? all.filter((i) => matches(this.entries[i]!.lang, lang)) : [];
      const general = all.filter((i) => this.entries[i]!.lang.length === 0 && !preferred.includes(i));
      const rest = all.filter((i) => !preferred.includes(i) && !general.includes(i));
      o = [...preferred, ...general, ...rest];
      this.orders.set(lang, o);
    }
    return o;
  }

  /** The faces loaded so far. */
  get loaded(): Iterable<Face> {
    return this.faces.values();
  }

  /** Starts recording the faces asked for (see `log`). */
  startLog(): void {
    this.log = [];
  }

  /** Stops recording and returns the keys asked for, first-asked first. */
  takeLog(): string[] {
    const l = this.log ?? [];
    this.log = undefined;
    return l;
  }

  /** The face named `fallback<n>/<variant>`, loaded now if it is not yet. */
  byKey(key: string): Face | undefined {
    const m = /^fallback(\d+)\/(regular|bold)$/.exec(key);
    if (!m || Number(m[1]) > this.entries.length) return undefined;
    return this.face(Number(m[1]) - 1, m[2] === 'bold');
  }

  private face(i: number, bold: boolean): Face {
    const e = this.entries[i]!;
    const variant = bold && e.bold ? 'bold' : 'regular';
    const key = `fallback${i + 1}/${variant}`;
    if (this.log && !this.log.includes(key)) this.log.push(key);
    let f = this.faces.get(key);
    if (!f) {
      f = this.load(key, variant === 'bold' ? e.bold! : e.regular, i, variant);
      this.faces.set(key, f);
    }
    return f;
  }
}
