/**
 * Fonts named by the template: resolved, registered with pdfkit, measured.
 *
 * pdfkit embeds and subsets TrueType fonts itself; we keep a handle on its
 * font objects because we place every word ourselves (see draw.ts) and must
 * measure with exactly the shaping (kerning, ligatures) pdfkit encodes with.
 * pdfkit draws a glyph the font lacks as an empty box without a warning
 * (LIBRARIES.md), so coverage is checked here, character by character.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../../model/messages.js';
import type { FontStyle, Style } from './style.js';

const require = createRequire(import.meta.url);
/** The folder of this package's package.json (its node_modules hold the default fonts). */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The parts of fontkit's font object we use. */
export interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  unitsPerEm: number;
  ascent: number;
  descent: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- fontkit's parsed OpenType tables are untyped */
/** A glyph run from fontkit's `layout`, as far as SimpleShaper reads it. */
interface Run {
  script: string;
  glyphs: { id: number; advanceWidth: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}

/**
 * Measures strings of "plain" glyphs without fontkit's shaper, with exactly its result.
 *
 * Shaping a string the first time (fontkit `layout`, GSUB + GPOS) is most of line
 * breaking's time. For Latin text the only GPOS lookups that touch most glyphs are
 * pair adjustments (kerning), which fontkit applies to every adjacent glyph pair
 * independently (it never skips the second glyph of a pair); so a glyph's advance
 * is its own advance plus what its pair with the previous and with the next glyph
 * add, integers in font units. Those pair values come from fontkit itself, laying
 * out the two characters once. Everything else falls back to fontkit: characters
 * outside Latin/Common script, marks, format and ignorable characters, glyphs that
 * trigger a GSUB lookup or a non-pair GPOS lookup of the default features, and
 * adjacent pairs that may start a ligature or a contextual rule (f+i, l+·+l …).
 * The sum is formed as pdfkit forms it (per space-ended segment, scaled per glyph),
 * so the floating-point result is the same to the bit.
 */
class SimpleShaper {
  /** Glyphs that trigger a lookup on their own; and, per glyph, the next glyphs that may. */
  private readonly unsafe = new Set<number>();
  private readonly unsafeNext = new Map<number, Set<number>>();
  /** Per code point: glyph id, advance, script ('latn' | 'zzzz'); null when not plain. */
  private readonly chars = new Map<number, { id: number; adv: number; latin: boolean } | null>();
  /** Per script and glyph pair: [added to the first, added to the second] advance; null: not plain. */
  private readonly pairs = new Map<number, [number, number] | null>();
  private readonly scale: number;
  /** False when the font has tables this analysis does not cover: always use fontkit. */
  readonly ok: boolean;

  constructor(private readonly font: any) {
    this.scale = 1000 / font.unitsPerEm;
    this.ok = this.analyse();
  }

  private analyse(): boolean {
    const f = this.font;
    if (f.morx || f.kern || f._variationProcessor || !f.GPOS) return false;
    f.layout('a'); // creates fontkit's layout engine
    const engine = f._layoutEngine?.engine;
    if (!engine) return false;
    // fontkit's DefaultShaper's global features for left-to-right text.
    const features = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
    const glyphs = (c: any): number[] => {
      const out: number[] = [];
      if (c.version === 1) out.push(...c.glyphs);
      else for (const r of c.rangeRecords) for (let g = r.start; g <= r.end; g++) out.push(g);
      return out;
    };
    const next = (a: number, bs: number[]) => {
      let s = this.unsafeNext.get(a);
      if (!s) this.unsafeNext.set(a, (s = new Set()));
      for (const b of bs) s.add(b);
    };
    for (const [proc, pos] of [[engine.GSUBProcessor, false], [engine.GPOSProcessor, true]] as const) {
      if (!proc) continue;
      for (const script of ['latn', 'zzzz']) {
        proc.selectScript(script);
        for (const { lookup } of proc.lookupsForFeatures(features)) {
          const fl = lookup.flags.flags;
          const adjacent = !fl.ignoreBaseGlyphs && !fl.ignoreLigatures && !lookup.flags.markAttachmentType && !fl.useMarkFilteringSet;
          for (let t of lookup.subTables) {
            let type = lookup.lookupType;
            if (type === (pos ? 9 : 7)) [type, t] = [t.lookupType, t.extension];
            if (pos && type === 2) {
              if (!adjacent) return false;
              continue;
            }
            if (pos && (type === 4 || type === 5)) glyphs(t.markCoverage).forEach((g) => this.unsafe.add(g));
            else if (pos && type === 6) glyphs(t.mark1Coverage).forEach((g) => this.unsafe.add(g));
            else if (!pos && type === 4 && adjacent) {
              // Ligatures: unsafe only when the second component follows.
              glyphs(t.coverage).forEach((g, i) => {
                for (const lig of t.ligatureSets.get(i)) {
                  if (lig.components.length) next(g, [lig.components[0]]);
                  else this.unsafe.add(g);
                }
              });
            } else if (t.version === 3 && (t.inputCoverage || t.coverages) && adjacent) {
              // Chained (or plain) context, format 3: input and lookahead must follow in turn.
              const seq = [...(t.inputCoverage ?? t.coverages), ...(t.lookaheadCoverage ?? [])];
              if (seq.length === 1) glyphs(seq[0]).forEach((g) => this.unsafe.add(g));
              else {
                const bs = glyphs(seq[1]);
                for (const a of glyphs(seq[0])) next(a, bs);
              }
            } else if (t.coverage) glyphs(t.coverage).forEach((g) => this.unsafe.add(g));
            else if (t.inputCoverage) glyphs(t.inputCoverage[0]).forEach((g) => this.unsafe.add(g));
            else if (t.coverages) glyphs(t.coverages[0]).forEach((g) => this.unsafe.add(g));
            else return false;
          }
        }
      }
    }
    // Marks are skipped by kerning lookups (ignoreMarks): never plain.
    const classDef = f.GDEF?.glyphClassDef;
    this.isMark = (g) => !!classDef && engine.GPOSProcessor.getClassID(g, classDef) === 3;
    return true;
  }

  private isMark: (g: number) => boolean = () => true;

  private char(cp: number) {
    let c = this.chars.get(cp);
    if (c === undefined) {
      c = null;
      const ch = String.fromCodePoint(cp);
      if (cp !== 0x2044 && cp !== 0x09 && !/[\p{M}\p{C}\p{DI}]/u.test(ch) && this.font.hasGlyphForCodePoint(cp)) {
        const run: Run = this.font.layout(ch);
        const g = this.font.glyphForCodePoint(cp);
        if ((run.script === 'latn' || run.script === 'zzzz') && run.glyphs.length === 1 && run.glyphs[0]!.id === g.id
          && g.id !== 0 && !this.unsafe.has(g.id) && !this.isMark(g.id) && run.positions[0]!.xAdvance === g.advanceWidth) {
          c = { id: g.id as number, adv: g.advanceWidth as number, latin: run.script === 'latn' };
        }
      }
      this.chars.set(cp, c);
    }
    return c;
  }

  private pair(a: string, b: string, ga: number, gb: number, latin: boolean): [number, number] | null {
    const key = (ga * 65536 + gb) * 2 + (latin ? 1 : 0);
    let p = this.pairs.get(key);
    if (p === undefined) {
      p = null;
      if (!this.unsafeNext.get(ga)?.has(gb)) {
        const run: Run = this.font.layout(a + b, undefined, latin ? 'latn' : 'zzzz');
        const [x, y] = run.positions;
        if (run.glyphs.length === 2 && run.glyphs[0]!.id === ga && run.glyphs[1]!.id === gb
          && !x!.xOffset && !x!.yOffset && !x!.yAdvance && !y!.xOffset && !y!.yOffset && !y!.yAdvance) {
          p = [x!.xAdvance - run.glyphs[0]!.advanceWidth, y!.xAdvance - run.glyphs[1]!.advanceWidth];
        }
      }
      this.pairs.set(key, p);
    }
    return p;
  }

  /** pdfkit's `widthOfString(text, 1)`, or undefined when fontkit must shape the text. */
  width(text: string): number | undefined {
    const cps = Array.from(text, (ch) => ch.codePointAt(0)!);
    const cs: { id: number; adv: number; latin: boolean }[] = [];
    let latin = false;
    for (const cp of cps) {
      const c = this.char(cp);
      if (!c) return undefined;
      cs.push(c);
      latin ||= c.latin;
    }
    // Per-glyph advances in font units: own advance plus both pair adjustments.
    const adv = cs.map((c) => c.adv);
    for (let i = 0; i + 1 < cs.length; i++) {
      if (cps[i] === 0x20) continue; // pdfkit lays out each space-ended segment alone
      const p = this.pair(String.fromCodePoint(cps[i]!), String.fromCodePoint(cps[i + 1]!), cs[i]!.id, cs[i + 1]!.id, latin);
      if (!p) return undefined;
      adv[i]! += p[0];
      adv[i + 1]! += p[1];
    }
    // Summed as pdfkit does: glyph advances scaled, per segment, segments added.
    let total = 0;
    let seg = 0;
    for (let i = 0; i < cs.length; i++) {
      seg += adv[i]! * this.scale;
      if (cps[i] === 0x20 || i === cs.length - 1) {
        total += seg;
        seg = 0;
      }
    }
    return total * (1 / 1000);
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The parts of pdfkit's (private) EmbeddedFont class we use. */
export interface EmbeddedFont {
  id: string;
  font: FontkitFont;
  widthOfString(text: string, size: number): number;
  encode(text: string): [string[], { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]];
  ref(): unknown;
}

/** One face (family + style) ready for measuring and drawing. */
export class Face {
  /** Widths at 1 pt, by string: layout is the hot spot of line breaking. */
  private readonly widths = new Map<string, number>();
  private readonly covered = new Map<number, boolean>();
  private readonly simple: SimpleShaper;
  readonly ascent: number;
  readonly descent: number;
  readonly space: number;

  constructor(readonly key: string, readonly pdf: EmbeddedFont) {
    const f = pdf.font;
    this.ascent = f.ascent / f.unitsPerEm;
    this.descent = f.descent / f.unitsPerEm;
    this.simple = new SimpleShaper(f);
    this.space = this.width(' ');
  }

  /** Width of a string at 1 pt (multiply by the size). */
  width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = (this.simple.ok ? this.simple.width(text) : undefined) ?? this.pdf.widthOfString(text, 1);
      this.widths.set(text, w);
    }
    return w;
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
  constructor(private readonly faces: Map<string, Face>) {}

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
export function resolveFontPath(spec: string, templateDir: string, at: { file: string; line?: number; column?: number }, key: string): string {
  let path: string;
  if (spec.startsWith('npm:')) {
    try {
      // The template's project first, then this package's own dependencies:
      // a user's template names fonts the way the built-in ones do.
      path = require.resolve(spec.slice(4), { paths: [templateDir, process.cwd(), PACKAGE_ROOT] });
    } catch {
      fail('pdf-font', `font file not found for pdf.yaml key ${key}: ${spec} (no such file in node_modules)`, at);
    }
  } else {
    path = isAbsolute(spec) ? spec : join(templateDir, spec);
  }
  if (!existsSync(path)) fail('pdf-font', `font file not found for pdf.yaml key ${key}: ${spec} (${path})`, at);
  return path;
}

/** Registers every face of the template with the document and returns them. */
export function loadFonts(doc: FontHost, style: Style, templateDir: string): FontSet {
  const faces = new Map<string, Face>();
  for (const [family, paths] of Object.entries(style.config.fonts)) {
    for (const s of ['regular', 'italic', 'bold', 'boldItalic'] as const) {
      const key = `${family}/${s}`;
      const at = style.at(['fonts', family, s]);
      const path = resolveFontPath(paths[s], templateDir, at, `fonts.${family}.${s}`);
      let data: Buffer;
      try {
        data = readFileSync(path);
        doc.registerFont(key, data);
        doc.font(key);
      } catch (e) {
        fail('pdf-font', `cannot use font for pdf.yaml key fonts.${family}.${s}: ${path}: ${(e as Error).message}`, at);
      }
      // pdfkit keeps the current font on `_font`; it is the object that encodes text later.
      const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
      faces.set(key, new Face(key, embedded));
    }
  }
  return new FontSet(faces);
}

/** Formats a code point for messages: U+21A9 '↩'. */
export function describeChar(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(cp)}'`;
}
