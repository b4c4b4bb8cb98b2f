/**
 * Fonts named by the template: resolved, registered with pdfkit, measured.
 *
 * pdfkit embeds and subsets TrueType fonts itself; we keep a handle on its
 * font objects because we place every word ourselves (see draw.ts) and must
 * measure with exactly the shaping (kerning, ligatures) pdfkit encodes with.
 * pdfkit draws a glyph the font lacks as an empty box without a warning
 * (LIBRARIES.md), so coverage is checked here, character by character.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fail } from '../../model/messages.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import type { FontStyle, Style } from './style.js';
import { FallbackChain, fallbackEntry } from './fallback.js';

const require = createRequire(import.meta.url);

/** The parts of fontkit's font object we use. */
export interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  /** From the `post` table, font units (negative: below the baseline). */
  underlinePosition?: number;
  underlineThickness?: number;
  /** From the OS/2 table, font units. */
  xHeight?: number;
}

/** The parts of pdfkit's (private) EmbeddedFont class we use. */
export interface EmbeddedFont {
  id: string;
  font: FontkitFont;
  widthOfString(text: string, size: number): number;
  encode(text: string): [string[], { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]];
  ref(): unknown;
}

/** Strings shaped by fontkit, not found in a memo: the work the content cache saves (purecache.ts). */
export const shapingStats = { strings: 0 };

/** One face (family + style) ready for measuring and drawing. */
export class Face {
  /** Widths at 1 pt, by string: layout is the hot spot of line breaking. */
  private readonly widths = new Map<string, number>();
  private readonly covered = new Map<number, boolean>();
  readonly ascent: number;
  readonly descent: number;
  /** Underline offset below the baseline and rule thickness at 1 pt, from the font (`<u>`). */
  readonly underline: { offset: number; thickness: number };
  /** Height of the strike-through rule above the baseline at 1 pt: half the x-height (`<s>`, `<del>`). */
  readonly strikeRise: number;

  /**
   * @param identity a hash of the font file's bytes: what a width depends on besides the tool's
   *   own versions, so widths cached under it stay right when a template swaps a font file.
   */
  constructor(readonly key: string, readonly pdf: EmbeddedFont, readonly identity = '') {
    const f = pdf.font;
    this.ascent = f.ascent / f.unitsPerEm;
    this.descent = f.descent / f.unitsPerEm;
    // Fallbacks are the common values of text faces, for fonts without post/OS2 data.
    this.underline = { offset: -(f.underlinePosition ?? -100) / f.unitsPerEm, thickness: (f.underlineThickness || 50) / f.unitsPerEm };
    this.strikeRise = (f.xHeight || 480) / f.unitsPerEm / 2;
  }

  /** Width of the word space at 1 pt (measured on first use, so a seeded memo answers it too). */
  get space(): number {
    return this.width(' ');
  }

  /** Width of a string at 1 pt (multiply by the size). */
  width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = this.pdf.widthOfString(text, 1);
      this.widths.set(text, w);
      shapingStats.strings++;
    }
    return w;
  }

  /** Every width measured or seeded so far, by string (for the content cache). */
  knownWidths(): ReadonlyMap<string, number> {
    return this.widths;
  }

  /** Adds widths measured by an earlier run with the same font file and tool versions. */
  seedWidths(entries: Iterable<[string, number]>): void {
    for (const [text, w] of entries) if (!this.widths.has(text)) this.widths.set(text, w);
  }

  /** Whether the face has a glyph for the code point. */
  has(cp: number): boolean {
    let ok = this.covered.get(cp);
    if (ok === undefined) {
      ok = this.pdf.font.hasGlyphForCodePoint(cp);
      this.covered.set(cp, ok);
    }
    return ok;
  }
}

/** All faces of the template, by `${family}/${style}`. */
export class FontSet {
  constructor(
    private readonly faces: Map<string, Face>,
    /** Fonts for characters a face lacks (`fonts.fallback`); empty when the template names none. */
    readonly fallback: FallbackChain = new FallbackChain([], () => {
      throw new Error('empty fallback chain');
    }),
  ) {}

  /** A face by its key (`${family}/${style}` or a fallback's `fallback<n>/<variant>`), as worker threads name them. */
  byKey(key: string): Face {
    const f = this.faces.get(key) ?? this.fallback.byKey(key);
    if (!f) throw new Error(`font ${key} not loaded`);
    return f;
  }

  /** Every face of the template (not the fallback fonts). */
  get all(): Iterable<Face> {
    return this.faces.values();
  }

  face(family: string, style: FontStyle): Face {
    const f = this.faces.get(`${family}/${style}`);
    if (!f) throw new Error(`font ${family}/${style} not loaded`);
    return f;
  }
}

/** Minimal view of the pdfkit document for registering fonts. */
interface FontHost {
  registerFont(name: string, src: Buffer): unknown;
  font(name: string): unknown;
}

/** Resolves a font path of pdf.yaml: relative to the template folder, absolute, or `npm:pkg/file`. */
type Where = { file: string; line?: number; column?: number };

/** `at` may be a function: finding a key's line can mean parsing its YAML again, worth it only for a message. */
export function resolveFontPath(spec: string, templateDir: string, atOrFind: Where | (() => Where), key: string): string {
  const at = () => (typeof atOrFind === 'function' ? atOrFind() : atOrFind);
  let path: string;
  if (spec.startsWith('npm:')) {
    // The template's project first, then this package's own dependencies:
    // a user's template names fonts the way the built-in ones do.
    const found = resolveNpmFile(spec.slice(4), [templateDir, process.cwd(), PACKAGE_ROOT]);
    if (!found) fail('pdf-font', `font file not found for pdf.yaml key ${key}: ${spec} (no such file in node_modules)`, at());
    path = found;
  } else {
    path = isAbsolute(spec) ? spec : join(templateDir, spec);
  }
  if (!existsSync(path)) fail('pdf-font', `font file not found for pdf.yaml key ${key}: ${spec} (${path})`, at());
  return path;
}

/**
 * A file inside an installed package. Font packages often declare `exports`
 * for their JavaScript only, which makes Node refuse `pkg/fonts/x.ttf`; so when
 * Node's resolution fails, node_modules folders are searched the way Node would.
 */
function resolveNpmFile(request: string, bases: string[]): string | undefined {
  try {
    return require.resolve(request, { paths: bases });
  } catch {
    // Not resolvable through Node (exports, or no such file): look for the file itself.
  }
  for (const base of bases) {
    for (let dir = resolve(base); ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', request);
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/** Registers every face of the template with the document and returns them. */
export function loadFonts(doc: FontHost, style: Style, templateDir: string, onFace: (face: Face) => void = () => {}): FontSet {
  const faces = new Map<string, Face>();
  for (const [family, paths] of Object.entries(style.config.fonts)) {
    for (const s of ['regular', 'italic', 'bold', 'boldItalic'] as const) {
      const key = `${family}/${s}`;
      const at = style.at(['fonts', family, s]);
      const path = resolveFontPath(paths[s], templateDir, at, `fonts.${family}.${s}`);
      faces.set(key, register(doc, key, path, `fonts.${family}.${s}`, at, onFace));
    }
  }
  // Paths are resolved now (a missing file is reported before any work), fonts read when first needed.
  const entries = style.fallback.map((spec, i) =>
    fallbackEntry(spec, (p, variant) => resolveFontPath(p, templateDir, fallbackAt(style, spec, i, variant), `fonts.fallback.${i}`)),
  );
  const chain = new FallbackChain(entries, (key, path, i, variant) => register(doc, key, path, `fonts.fallback.${i}`, fallbackAt(style, style.fallback[i]!, i, variant), onFace));
  return new FontSet(faces, chain);
}

function fallbackAt(style: Style, spec: unknown, i: number, variant: 'regular' | 'bold'): { file: string; line?: number; column?: number } {
  return style.at(typeof spec === 'string' ? ['fonts', 'fallback', i] : ['fonts', 'fallback', i, variant]);
}

/** Registers one font file with pdfkit and wraps pdfkit's font object as a Face. */
function register(doc: FontHost, key: string, path: string, yamlKey: string, at: { file: string; line?: number; column?: number }, onFace: (face: Face) => void): Face {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
    doc.registerFont(key, bytes);
    doc.font(key);
  } catch (e) {
    fail('pdf-font', `cannot use font for pdf.yaml key ${yamlKey}: ${path}: ${(e as Error).message}`, at);
  }
  // pdfkit keeps the current font on `_font`; it is the object that encodes text later.
  const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
  const face = new Face(key, embedded, createHash('sha256').update(bytes).digest('hex'));
  onFace(face);
  return face;
}

/** Formats a code point for messages: U+21A9 '↩'. */
export function describeChar(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(cp)}'`;
}
