/**
 * Inlines → styled runs: the flat input of line breaking.
 *
 * A run is a piece of text in one face, size and baseline shift, optionally a
 * link. Nesting (emphasis inside a link inside a lang span) is resolved here
 * once, so the line breaker and the drawing code never look at the model.
 * Glyph coverage is checked here too, because only here do we know which face
 * a character is drawn in.
 */
import type { Inline, Position, Text } from '../../model/types.js';
import { describeChar, type Face, type FontSet } from './fonts.js';
import type { FontStyle, PdfConfig, TypeSpec } from './style.js';
import { noteDest, refDest, textDest } from './names.js';

export type Link = { kind: 'uri'; uri: string } | { kind: 'dest'; name: string };

/** A line drawn with the text: under it (`<u>`) or through it (`<s>`, `<del>`). */
export type Decoration = 'underline' | 'strike';

export interface TextRun {
  kind: 'text';
  text: string;
  face: Face;
  size: number;
  /** Baseline shift upwards, pt (superscripts). */
  rise: number;
  link?: Link;
  /** Named destination placed where the run starts (note references). */
  anchor?: string;
  decoration?: Decoration;
  /** Language of a `lang` span (tagged PDF: a Span with /Lang). */
  lang?: string;
}

export interface BreakRun {
  kind: 'break';
}

export type Run = TextRun | BreakRun;

/** A character problem found while building runs. */
export interface GlyphProblem {
  cp: number;
  face: string;
  text?: Text;
  position?: Position;
  snippet: string;
}

/** What run building needs to know about its surroundings. */
export interface RunContext {
  config: PdfConfig;
  fonts: FontSet;
  /** The text whose inlines are converted (for notes, xrefs and messages). */
  text?: Text;
  /** Position of the block being converted, for messages. */
  position?: Position;
  problems: GlyphProblem[];
}

interface Current {
  family: string;
  italic: boolean;
  bold: boolean;
  size: number;
  rise: number;
  link?: Link;
  decoration?: Decoration;
  /** Language of a `<span lang>`: a Span with /Lang in the tagged PDF. */
  lang?: string;
  /** The text's language: with `lang`, it prefers the right fallback font (zh vs ja glyphs). */
  textLang?: string;
}

/** Zero-width characters carry no ink; pdfkit would draw them as boxes. */
// Zero-width characters and bidirectional controls have no glyph and no width: the
// PDF sets left-to-right lines, so they are dropped rather than reported as missing glyphs.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Line-feeds and tabs inside a paragraph are plain spaces. */
const WHITESPACE = /[\t\n\r]/g;

/** Converts inlines in a type spec to runs. */
export function toRuns(inlines: Inline[], spec: TypeSpec, ctx: RunContext): Run[] {
  const out: Run[] = [];
  const cur: Current = {
    family: spec.family,
    italic: spec.style === 'italic' || spec.style === 'boldItalic',
    bold: spec.style === 'bold' || spec.style === 'boldItalic',
    size: spec.size,
    rise: 0,
  };
  if (ctx.text) cur.textLang = ctx.text.meta.lang;
  walk(inlines, cur, ctx, out);
  return out;
}

/** A plain string as runs in a spec (titles, labels). */
export function plainRuns(text: string, spec: TypeSpec, ctx: RunContext): Run[] {
  return toRuns([{ type: 'text', value: text }], spec, ctx);
}

function faceOf(c: Current, fonts: FontSet): Face {
  const style: FontStyle = c.bold ? (c.italic ? 'boldItalic' : 'bold') : c.italic ? 'italic' : 'regular';
  return fonts.face(c.family, style);
}

function push(out: Run[], c: Current, ctx: RunContext, raw: string, anchor?: string): void {
  const face = faceOf(c, ctx.fonts);
  const text = raw.replace(INVISIBLE, '').replace(WHITESPACE, ' ');
  if (text.length === 0 && !anchor) return;
  const pieces = text.length === 0 ? [{ text, face }] : splitByFace(text, face, c, ctx);
  pieces.forEach((piece, i) => {
    const run: TextRun = { kind: 'text', text: piece.text, face: piece.face, size: c.size, rise: c.rise };
    if (c.link) run.link = c.link;
    if (c.lang) run.lang = c.lang;
    if (c.decoration) run.decoration = c.decoration;
    // The anchor marks where the run starts: on its first piece only.
    if (anchor && i === 0) run.anchor = anchor;
    out.push(run);
  });
}

/** Characters that never need a glyph of their own: glue (linebreak.ts gives spaces their width) and U+00AD. */
const noGlyph = (cp: number): boolean => cp === 0x20 || cp === 0xa0 || cp === 0x202f || cp === 0xad;
/** Combining marks stay in the face of the letter they sit on, if that face has them. */
const MARK = /\p{M}/u;

/**
 * Splits text into pieces by the face that draws them: the run's own face
 * where it has the glyph, else the first font of the fallback chain that has
 * it. A character no font has is a problem (reported by the caller as pdf-glyph).
 */
function splitByFace(text: string, face: Face, c: Current, ctx: RunContext): { text: string; face: Face }[] {
  const pieces: { text: string; face: Face }[] = [];
  let cur: Face | undefined;
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let f: Face | undefined;
    // Word spaces take their width from the text face (a fallback font's space can be 1.3 em wide,
    // Noto Emoji's); a soft hyphen stays in the word it breaks.
    if (cp === 0xad) f = cur ?? face;
    else if (noGlyph(cp)) f = face;
    // A combining mark stays with the letter it sits on (a Hebrew point in the Hebrew face).
    else if (cur && cur !== face && MARK.test(String.fromCodePoint(cp)) && cur.has(cp)) f = cur;
    else if (face.has(cp)) f = face;
    else if (cur && cur !== face && cur.has(cp)) f = cur;
    else f = ctx.fonts.fallback.faceFor(cp, c.bold, c.lang ?? c.textLang);
    if (!f) {
      const at = Math.max(0, i - 20);
      ctx.problems.push({ cp, face: face.key, text: ctx.text, position: ctx.position, snippet: text.slice(at, i + 20).replace(/\u00AD/g, '') });
      f = cur ?? face;
    }
    if (f !== cur) {
      if (cur && i > start) pieces.push({ text: text.slice(start, i), face: cur });
      cur = f;
      start = i;
    }
    i += len;
  }
  if (cur) pieces.push({ text: text.slice(start), face: cur });
  return pieces;
}


function walk(inlines: Inline[], c: Current, ctx: RunContext, out: Run[]): void {
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        push(out, c, ctx, node.value);
        break;
      case 'emphasis':
      case 'cite':
        // Emphasis inside italic turns upright again, as German typesetting does; a cited title is set like emphasis.
        walk(node.children, { ...c, italic: !c.italic }, ctx, out);
        break;
      case 'underline':
        walk(node.children, { ...c, decoration: 'underline' }, ctx, out);
        break;
      case 'strikethrough':
        walk(node.children, { ...c, decoration: 'strike' }, ctx, out);
        break;
      case 'code':
      case 'abbreviation':
      case 'quote':
        // Code is set in the text face (the templates carry no monospace font); its words are
        // verbatim already. Print has no tooltip for an abbreviation's title. A quote reaches
        // here only without the typography step, which turns it into quotation marks.
        walk(node.children, c, ctx, out);
        break;
      case 'strong':
        walk(node.children, { ...c, bold: true }, ctx, out);
        break;
      case 'small':
        walk(node.children, { ...c, size: c.size * 0.85 }, ctx, out);
        break;
      case 'superscript':
        walk(node.children, { ...c, size: c.size * ctx.config.superscript.scale, rise: c.rise + c.size * ctx.config.superscript.rise }, ctx, out);
        break;
      case 'subscript':
        walk(node.children, { ...c, size: c.size * ctx.config.superscript.scale, rise: c.rise - c.size * 0.12 }, ctx, out);
        break;
      case 'lang':
        // Hyphenation by language already happened (transforms/hyphenate.ts); the language tags
        // the structure (Lang) and still chooses among fallback fonts (Chinese and Japanese glyphs differ).
        walk(node.children, { ...c, lang: node.lang }, ctx, out);
        break;
      case 'link':
        walk(node.children, { ...c, link: { kind: 'uri', uri: node.href } }, ctx, out);
        break;
      case 'xref':
        walk(node.children, { ...c, link: { kind: 'dest', name: textDest(node.textId, node.fragment) } }, ctx, out);
        break;
      case 'break':
        out.push({ kind: 'break' });
        break;
      case 'noteRef': {
        const text = ctx.text;
        const note = text?.notes.find((n) => n.label === node.label);
        if (!text || !note) {
          push(out, c, ctx, `[${node.label}]`);
          break;
        }
        const sup: Current = {
          ...c,
          size: c.size * ctx.config.superscript.scale,
          rise: c.rise + c.size * ctx.config.superscript.rise,
          link: { kind: 'dest', name: noteDest(text.meta.id, note.number) },
        };
        push(out, sup, ctx, String(note.number), refDest(text.meta.id, note.number, node.occurrence));
        break;
      }
    }
  }
}

/** Turns collected glyph problems into readable messages (one per character and text). */
export function describeProblems(problems: GlyphProblem[]): { reason: string; file: string; line?: number; column?: number }[] {
  const seen = new Set<string>();
  const out: { reason: string; file: string; line?: number; column?: number }[] = [];
  // A heading is set in several places (contents, running head, body): report the
  // place with a position, and a character without one only if it occurs nowhere else.
  const ordered = [...problems.filter((p) => p.position), ...problems.filter((p) => !p.position && p.text), ...problems.filter((p) => !p.position && !p.text)];
  const located = new Set<string>();
  for (const p of ordered) {
    const key = `${p.cp}|${p.text?.meta.id ?? ''}|${p.face}`;
    // Located by character alone: a heading set bold in the text and regular in the contents
    // is one mistake at one place, not a second message without a position.
    if (seen.has(key) || (!p.position && located.has(String(p.cp)))) continue;
    seen.add(key);
    if (p.position) located.add(String(p.cp));
    const where = p.text ? ` in text "${p.text.meta.id}"` : '';
    out.push({
      reason: `the font ${p.face} and the fonts of its fallback chain have no glyph for ${describeChar(p.cp)}${where} ("…${p.snippet}…"); replace the character or add a font that has it to fonts.fallback in pdf.yaml`,
      file: p.position?.file ?? p.text?.file ?? '(edition)',
      // A character in a text's title or source line: point at the front matter (line 1).
      line: p.position?.line ?? (p.text ? 1 : undefined),
      column: p.position?.column ?? (p.text ? 1 : undefined),
    });
  }
  return out;
}
