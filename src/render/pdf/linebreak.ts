/**
 * Runs → lines. Justified text is broken with Knuth–Plass (tex-linebreak)
 * over boxes, glue and penalties; ragged text (headings, verse, contents) is
 * broken first-fit. Words are placed by us, not by pdfkit: its wrapper breaks
 * mixed styles and soft hyphens (LIBRARIES.md).
 *
 * Justified lines are filled by the word spaces and, within `expansion`,
 * by widening or narrowing the glyphs of the whole line (pdfTeX's font
 * expansion, ±2 % by default): Source Serif's word space is narrow (0.23 em),
 * so spaces alone would vary too much from line to line.
 *
 * Guarantees: no line is wider than its measure (words wider than a line get
 * emergency break points), justified lines fill the measure exactly unless
 * they have a single word (set flush left, never letter-spaced), at most
 * `maxHyphensInRow` hyphenated lines follow each other, U+00AD never reaches
 * the output (a break at one is drawn as "-"), URLs break without a hyphen
 * (urls.ts) and no-break spaces never break.
 */
import type { StructNode } from './structure.js';
import { createRequire } from 'node:module';
import type { Box, Glue, InputItem, Penalty } from 'tex-linebreak';
import type { Decoration, Link, Run, TextRun } from './runs.js';
import type { Face } from './fonts.js';
import type { PdfConfig } from './style.js';
import { urlPieces } from './urls.js';
import { reorderLine } from './bidi.js';

// tex-linebreak is a webpack UMD bundle: Node's ESM loader cannot see its named exports.
const tl = createRequire(import.meta.url)('tex-linebreak') as typeof import('tex-linebreak');

const MAX_COST = 1000;
const MIN_COST = -1000;
const SOFT_HYPHEN = '\u00AD';

/** A word or part of a word, placed on its line. */
export interface Frag {
  text: string;
  face: Face;
  size: number;
  rise: number;
  /** Left edge relative to the line's left edge. */
  x: number;
  width: number;
  /** Horizontal glyph scale (1 = natural), from expansion. */
  scale: number;
  link?: Link;
  anchor?: string;
  decoration?: Decoration;
  /** A structure element of its own inside the line's (a list or note number: Lbl). */
  tag?: StructNode;
  /** Language of a `lang` span. */
  lang?: string;
}

export interface Line {
  frags: Frag[];
  /** Used width (ink extent from the line's left edge). */
  width: number;
  /** Line ends with a hyphen (soft or hard). */
  hyphenated: boolean;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

export interface BreakOptions {
  /** The measure, pt. */
  width: number;
  align: Align;
  /** First-line indent, pt. */
  indent?: number;
  /** Lines after the first start this far right (verse), pt. */
  hanging?: number;
  lb: PdfConfig['linebreak'];
}

interface PBox extends Box {
  text: string;
  run: TextRun;
  /** Only the first box of a run carries the run's anchor. */
  anchor?: string;
}
interface PGlue extends Glue {
  run?: TextRun;
  /** The space's own stretch and shrink (the item's include the next word's expansion). */
  spaceStretch?: number;
  spaceShrink?: number;
}
interface PPenalty extends Penalty {
  run?: TextRun;
}
type Item = PBox | PGlue | PPenalty;

/** Word spaces: the breakable space and the two no-break spaces (U+00A0, U+202F). */
const SPACES = /([ \u00A0\u202F]+)/;
const isSpace = (s: string): boolean => s === ' ' || s === NBSP || s === NNBSP;
const NBSP = '\u00A0';
const NNBSP = '\u202F';
/** A break after a hard hyphen is allowed between letters ("Sowjet-Russland"). */
const HARD_HYPHEN = /(?<=\p{L}[-\u2010])(?=\p{L})/u;

/** Builds Knuth–Plass items from runs. */
export function buildItems(runs: Run[], opts: BreakOptions): Item[] {
  const items: Item[] = [];
  const lb = opts.lb;
  const narrowest = opts.width - (opts.hanging ?? 0) - 0.01;
  if (opts.indent) items.push({ type: 'box', width: opts.indent, text: '', run: undefined as unknown as TextRun });
  const hasHardHyphen = (t: string): boolean => t.includes('-') || t.includes('\u2010');
  const endLine = (): void => {
    // Remove a trailing space before a break: it would be a breakpoint of its own.
    while (items.length > 0 && items[items.length - 1]!.type === 'glue') items.pop();
    if (items.length > 0 && items[items.length - 1]!.type === 'penalty' && (items[items.length - 1] as PPenalty).cost <= MIN_COST) {
      // An empty line (two breaks in a row) needs a box to exist at all.
      items.push({ type: 'box', width: 0, text: '', run: undefined as unknown as TextRun });
    }
    // penalty(∞) glue(fill) penalty(-∞): the fill glue must not be a break point itself.
    items.push({ type: 'penalty', width: 0, cost: MAX_COST, flagged: false });
    items.push({ type: 'glue', width: 0, stretch: 1e5, shrink: 0 });
    items.push({ type: 'penalty', width: 0, cost: MIN_COST, flagged: false });
  };
  for (const run of runs) {
    if (run.kind === 'break') {
      endLine();
      continue;
    }
    const { face, size } = run;
    if (run.anchor && run.text === '') {
      items.push({ type: 'box', width: 0, text: '', run, anchor: run.anchor });
      continue;
    }
    const tokens = run.text.split(SPACES);
    let first = true;
    for (const token of tokens) {
      if (token === '') continue;
      if (isSpace(token[0]!)) {
        pushSpace(items, token, run, lb);
        continue;
      }
      // A dash standing alone stays with the word before it (no line starts with "–").
      if ((token === '–' || token === '—') && items[items.length - 1]?.type === 'glue') {
        const glue = items.pop()!;
        items.push({ type: 'penalty', width: 0, cost: MAX_COST, flagged: false }, glue);
      }
      const url = urlPieces(token, lb.urlBreakAfter, run.link?.kind === 'uri');
      if (url) {
        url.forEach((piece, i) => {
          // As between the pieces of an over-long word (pushBox): a little stretch that makes a line
          // of URL pieces acceptable to Knuth–Plass but is never used when the line is set.
          if (i > 0) items.push({ type: 'penalty', width: 0, cost: lb.urlPenalty, flagged: false, run }, { type: 'glue', width: 0, stretch: size * 0.1, shrink: 0, spaceStretch: 0, spaceShrink: 0 });
          pushBox(items, piece, run, narrowest, first);
          first = false;
        });
        continue;
      }
      const syllables = token.split(SOFT_HYPHEN);
      for (let s = 0; s < syllables.length; s++) {
        const syllable = syllables[s]!;
        const parts = hasHardHyphen(syllable) ? syllable.split(HARD_HYPHEN) : [syllable];
        for (let p = 0; p < parts.length; p++) {
          const text = parts[p]!;
          if (text !== '') pushWord(items, text, run, narrowest, first);
          first = false;
          if (p < parts.length - 1) items.push({ type: 'penalty', width: 0, cost: lb.hyphenPenalty, flagged: true, run });
        }
        if (s < syllables.length - 1) {
          items.push({ type: 'penalty', width: face.width('-') * size, cost: lb.hyphenPenalty, flagged: true, run });
        }
      }
    }
  }
  endLine();
  if (lb.expansion > 0) lendExpansion(items, lb.expansion);
  return items;
}

/**
 * A run of spaces. An ordinary space is a break point; a no-break space
 * (U+00A0, "S. 298") is glue behind an infinite penalty, so it stretches with
 * the other spaces of its line but never breaks; a narrow no-break space
 * (U+202F, "z. B.", French « ») is that and keeps its width, as a thin space
 * does in print. Neither is drawn as a glyph, so a font without them
 * still gets their width: the font's own when it has the glyph, otherwise a
 * word space or (narrow) a thin space U+2009, or a fifth of an em.
 */
function pushSpace(items: Item[], token: string, run: TextRun, lb: PdfConfig['linebreak']): void {
  const prev = items[items.length - 1];
  // Spaces at the start of a paragraph or line, or after another space, are dropped.
  if (!prev || prev.type === 'glue' || (prev.type === 'penalty' && prev.cost <= MIN_COST)) return;
  const { face, size } = run;
  if (token.includes(' ')) {
    const w = face.space * size;
    items.push({ type: 'glue', width: w, stretch: w * lb.stretch, shrink: w * lb.shrink, spaceStretch: w * lb.stretch, spaceShrink: w * lb.shrink, run });
    return;
  }
  const narrow = token.includes(NNBSP);
  const w = spaceWidth(face, narrow) * size;
  const stretch = narrow ? 0 : w * lb.stretch;
  const shrink = narrow ? 0 : w * lb.shrink;
  items.push({ type: 'penalty', width: 0, cost: MAX_COST, flagged: false, run });
  items.push({ type: 'glue', width: w, stretch, shrink, spaceStretch: stretch, spaceShrink: shrink, run });
}

/** Width at 1 pt of a no-break space (or narrow no-break space) in a face. */
export function spaceWidth(face: Face, narrow: boolean): number {
  if (narrow) {
    if (face.has(0x202f)) return face.width(NNBSP);
    if (face.has(0x2009)) return face.width('\u2009');
    return 0.2;
  }
  return face.has(0xa0) ? face.width(NBSP) : face.space;
}

/**
 * Tells Knuth–Plass about glyph expansion: boxes cannot stretch in its model,
 * so a word's capacity is added to the space before it. Only boxes up to the
 * next break point lend (the syllables after a possible hyphen break might go
 * to the next line): the algorithm then underestimates the flexibility a
 * little, never overestimates it, so no line it accepts can be overfull.
 */
function lendExpansion(items: Item[], e: number): void {
  let glue: PGlue | undefined;
  for (const it of items) {
    if (it.type === 'glue') glue = it.stretch < 1e4 ? it : undefined;
    else if (it.type === 'box' && glue && it.text !== '') {
      glue.stretch += it.width * e;
      glue.shrink += it.width * e;
    } else if (it.type === 'penalty' && it.cost < MAX_COST) glue = undefined;
  }
}

/** Chinese and Japanese characters (and their punctuation): text without spaces, breakable between characters. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60]/u;
/**
 * Where a line may break in CJK text: between two CJK characters, except
 * before closing punctuation and small kana and after opening punctuation
 * (the basic kinsoku rules of JIS X 4051, which Chinese typesetting shares).
 */
const CJK_BREAK =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60])(?<![（「『〈《【〔‘“])(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60])(?![、。，．：；！？）」』〉》】〕’”々ー…ぁぃぅぇぉっゃゅょァィゥェォッャュョ])/u;

/**
 * Adds a word. CJK text has no spaces: it may break between characters, and a
 * justified line spreads its characters a little (as CJK typesetting does)
 * through glue between them that stretches like a word space would.
 */
function pushWord(items: Item[], text: string, run: TextRun, narrowest: number, first: boolean): void {
  if (!CJK.test(text)) return pushBox(items, text, run, narrowest, first);
  const pieces = text.split(CJK_BREAK);
  pieces.forEach((piece, i) => {
    if (i > 0) {
      // Far less than a word space stretches (about 0.1 em): in a mixed line the spaces take the slack,
      // in a line of CJK alone the characters spread evenly.
      const stretch = run.size * 0.05;
      items.push({ type: 'glue', width: 0, stretch, shrink: 0, spaceStretch: stretch, spaceShrink: 0, run });
    }
    pushBox(items, piece, run, narrowest, first && i === 0);
  });
}

/** Adds a box; a word wider than the narrowest line gets emergency breaks between characters. */
function pushBox(items: Item[], text: string, run: TextRun, narrowest: number, first: boolean): void {
  const w = run.face.width(text) * run.size;
  const anchor = first ? run.anchor : undefined;
  if (w <= narrowest) {
    const box: PBox = { type: 'box', width: w, text, run };
    if (anchor) box.anchor = anchor;
    items.push(box);
    return;
  }
  const chars = Array.from(text);
  chars.forEach((ch, i) => {
    const box: PBox = { type: 'box', width: run.face.width(ch) * run.size, text: ch, run };
    if (i === 0 && anchor) box.anchor = anchor;
    items.push(box);
    // A costly break between any two characters, and a little stretch so a line made only of
    // such pieces can still be justified (Knuth–Plass finds no line without any stretch).
    // That stretch only makes the line acceptable: it is not used when the line is set
    // (spaceStretch 0), so such a line is set flush left rather than letter-spaced.
    if (i < chars.length - 1) {
      items.push({ type: 'penalty', width: 0, cost: 900, flagged: false });
      items.push({ type: 'glue', width: 0, stretch: run.size * 0.1, shrink: 0, spaceStretch: 0, spaceShrink: 0 });
    }
  });
}

/** Breaks runs into lines. */
export function breakRuns(runs: Run[], opts: BreakOptions): Line[] {
  const items = buildItems(runs, opts);
  if (items.length <= 3) return [];
  const lengths = lineLengths(items, opts);
  const breaks = opts.align === 'justify' ? knuthPlass(items, lengths, opts) : firstFit(items, lengths);
  return place(items, breaks, lengths, opts);
}

function lineLengths(items: Item[], opts: BreakOptions): number | number[] {
  if (!opts.hanging) return opts.width;
  const rest = opts.width - opts.hanging;
  return [opts.width, ...new Array<number>(items.length).fill(rest)];
}

const lengthOf = (lengths: number | number[], line: number): number => (Array.isArray(lengths) ? lengths[line]! : lengths);

/** Total-fit breaking, then forbids hyphen breaks that make a ladder and breaks again. */
function knuthPlass(items: Item[], lengths: number | number[], opts: BreakOptions): number[] {
  // Each round forbids one more hyphen break, so this ends; it rarely takes more than one.
  for (let attempt = 0; ; attempt++) {
    const breaks = totalFit(items, lengths, opts.lb);
    const ladder = ladderBreak(items, breaks, opts.lb.maxHyphensInRow);
    if (ladder < 0 || attempt >= items.length) return breaks;
    (items[ladder] as PPenalty).cost = MAX_COST;
  }
}

/**
 * TeX's passes. First every line within `tolerance`. A paragraph that has no
 * such solution (a long unbreakable word, a narrow measure) gets the
 * emergency pass: the same search with extra stretch and shrink on every word
 * space (`emergencyStretch`, `emergencyShrink`), so that lines a little
 * tighter or looser than usual take what the plain search would pile into one
 * line with huge gaps; the lines are then set with their real stretch, and
 * may shrink by the extra amount. Only if that fails too are lines stretched
 * as far as needed (tex-linebreak's own fallback).
 */
function totalFit(items: Item[], lengths: number | number[], lb: PdfConfig['linebreak']): number[] {
  const demerits = { doubleHyphenPenalty: lb.doubleHyphenDemerits, adjacentLooseTightPenalty: lb.adjacentLooseTightDemerits };
  const within = { ...demerits, maxAdjustmentRatio: lb.tolerance, initialMaxAdjustmentRatio: lb.tolerance };
  const attempt = (list: Item[]): number[] | null => {
    try {
      return tl.breakLines(list as InputItem[], lengths, within);
    } catch (e) {
      if (e instanceof tl.MaxAdjustmentExceededError) return null;
      throw e;
    }
  };
  const strict = attempt(items);
  if (strict) return strict;
  if (lb.emergencyStretch > 0 || lb.emergencyShrink > 0) {
    const extra = (g: PGlue): PGlue => ({ ...g, stretch: g.stretch + g.width * lb.emergencyStretch, shrink: g.shrink + (g.spaceShrink ?? 0) * lb.emergencyShrink });
    const emergency = attempt(items.map((it) => (it.type === 'glue' && (it.spaceStretch ?? 0) > 0 ? extra(it) : it)));
    if (emergency) return emergency;
  }
  return tl.breakLines(items as InputItem[], lengths, { ...demerits, maxAdjustmentRatio: null, initialMaxAdjustmentRatio: lb.tolerance });
}

/** Index of the break that makes the first run of more than `max` hyphenated lines, or -1. */
function ladderBreak(items: Item[], breaks: number[], max: number): number {
  let run = 0;
  for (let i = 1; i < breaks.length; i++) {
    const it = items[breaks[i]!]!;
    if (it.type === 'penalty' && it.flagged) {
      run++;
      if (run > max) return breaks[i]!;
    } else run = 0;
  }
  return -1;
}

/** Ragged text: the last breakpoint whose line still fits. */
function firstFit(items: Item[], lengths: number | number[]): number[] {
  const breaks = [0];
  let start = 0;
  while (start < items.length) {
    const L = lengthOf(lengths, breaks.length - 1) + 0.01;
    let width = 0;
    let best = -1;
    for (let i = start; i < items.length; i++) {
      const it = items[i]!;
      const breakable = (it.type === 'glue' && i > start && items[i - 1]!.type === 'box') || (it.type === 'penalty' && it.cost < MAX_COST);
      if (breakable) {
        const w = width + (it.type === 'penalty' ? it.width : 0);
        // The first breakpoint is taken even when too wide: emergency breaks make that rare.
        if (w <= L || best < 0) best = i;
        if (w > L || (it.type === 'penalty' && it.cost <= MIN_COST)) break;
      }
      if (it.type === 'box' || it.type === 'glue') width += it.width;
    }
    if (best < 0) break;
    breaks.push(best);
    start = skipToContent(items, best);
  }
  return breaks;
}

function skipToContent(items: Item[], brk: number): number {
  let i = brk + 1;
  while (i < items.length && items[i]!.type !== 'box' && !(items[i]!.type === 'penalty' && (items[i] as PPenalty).cost <= MIN_COST)) i++;
  return i;
}

/** Positions the words of every line; justified lines are filled exactly. */
function place(items: Item[], breaks: number[], lengths: number | number[], opts: BreakOptions): Line[] {
  const lines: Line[] = [];
  for (let l = 0; l + 1 < breaks.length; l++) {
    const end = breaks[l + 1]!;
    const start = l === 0 ? 0 : skipToContent(items, breaks[l]!);
    const L = lengthOf(lengths, l);
    const endItem = items[end]!;
    // Natural width, stretch and shrink of the line (glue at the end is dropped).
    let natural = 0;
    let stretch = 0;
    let shrink = 0;
    let ink = 0;
    for (let i = start; i < end; i++) {
      const it = items[i]!;
      if (it.type === 'box') {
        natural += it.width;
        if (it.text !== '') ink += it.width;
      } else if (it.type === 'glue') {
        natural += it.width;
        if (it.stretch < 1e4) stretch += it.spaceStretch ?? it.stretch;
        shrink += it.spaceShrink ?? it.shrink;
      }
    }
    const hyphenated = endItem.type === 'penalty' && endItem.flagged;
    const hyphenWidth = endItem.type === 'penalty' ? endItem.width : 0;
    natural += hyphenWidth;
    ink += hyphenWidth;
    const last = endItem.type === 'penalty' && endItem.cost <= MIN_COST;
    const justify = opts.align === 'justify' && !last;
    // Glyph expansion (invisible up to a few per cent) takes the slack first, the spaces the rest:
    // that keeps word spaces even, which the eye notices far more than 2 % wider letters.
    const e = justify || natural > L ? opts.lb.expansion : 0;
    const slack = L - natural;
    let glyph = 0;
    let space = 0;
    if (slack < 0 || justify) {
      glyph = ink * e > 0 ? Math.max(-1, Math.min(1, slack / (ink * e))) : 0;
      const rest = slack - glyph * ink * e;
      // Spaces shrink by up to their shrink, and by `emergencyShrink` more in a line of the emergency pass.
      space = rest < 0 ? (shrink > 0 ? Math.max(-1 - opts.lb.emergencyShrink, rest / shrink) : 0) : stretch > 0 ? rest / stretch : 0;
    }
    const scale = 1 + glyph * e;
    const frags: Frag[] = [];
    let x = l > 0 && opts.hanging ? opts.hanging : 0;
    let shift = 0;
    const used = natural + glyph * ink * e + (space < 0 ? space * shrink : space * stretch);
    if (opts.align === 'center') shift = (L - used) / 2;
    else if (opts.align === 'right') shift = L - used;
    x += Math.max(0, shift);
    for (let i = start; i < end; i++) {
      const it = items[i]!;
      if (it.type === 'box') {
        const w = it.text === '' ? it.width : it.width * scale;
        if (it.text !== '' || it.anchor) frags.push(frag(it, x, w, scale));
        x += w;
      } else if (it.type === 'glue') {
        if (it.stretch >= 1e4) continue;
        x += it.width + (space < 0 ? space * (it.spaceShrink ?? it.shrink) : space * (it.spaceStretch ?? it.stretch));
      }
    }
    if (hyphenWidth > 0 && endItem.type === 'penalty') {
      const hw = hyphenWidth * scale;
      const prev = frags[frags.length - 1];
      if (prev && prev.face === endItem.run?.face && prev.size === endItem.run.size && prev.rise === endItem.run.rise) {
        prev.text += '-';
        prev.width += hw;
      } else if (endItem.run) {
        frags.push({ text: '-', face: endItem.run.face, size: endItem.run.size, rise: endItem.run.rise, x, width: hw, scale });
      }
      x += hw;
    }
    // Right-to-left words (Hebrew, Arabic) into visual order; widths and the line's extent stay.
    reorderLine(frags);
    lines.push({ frags, width: x, hyphenated });
  }
  return lines;
}

function frag(it: PBox, x: number, width: number, scale: number): Frag {
  const f: Frag = { text: it.text, face: it.run.face, size: it.run.size, rise: it.run.rise, x, width, scale };
  if (it.run.link) f.link = it.run.link;
  if (it.run.decoration) f.decoration = it.run.decoration;
  if (it.run.lang) f.lang = it.run.lang;
  if (it.anchor) f.anchor = it.anchor;
  return f;
}
