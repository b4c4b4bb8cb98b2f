/**
 * Right-to-left words inside left-to-right lines: Hebrew or Arabic quoted in a
 * German sentence. The line breaker places words in logical (typing) order;
 * here the words of each finished line are put into visual order by the
 * Unicode Bidirectional Algorithm (UAX #9, via bidi-js), so "שלום עולם" reads
 * right to left, word by word, with the German around it unmoved.
 *
 * Inside a word, glyphs are already in visual order: fontkit lays out
 * right-to-left scripts reversed and shapes Arabic (joining forms, lam-alef),
 * and pdfkit's encoding follows it. So only whole fragments move here.
 *
 * The paragraph direction is left-to-right: the books are German, and the
 * page layout (indents, ragged right) assumes it. Levels are resolved per line,
 * which differs from resolving per paragraph only for neutrals at a line's ends.
 */
import { createRequire } from 'node:module';
import type { Frag } from './linebreak.js';

// bidi-js is CommonJS whose types declare an ES default export: load it the CommonJS way.
const bidiFactory = createRequire(import.meta.url)('bidi-js') as typeof import('bidi-js').default;
const bidi = bidiFactory();

/** Scripts written right to left; a line without any of them is left alone (the common case, and fast). */
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

/**
 * Arabic-Indic digits run left to right (UAX #9 gives them an even level), but
 * fontkit takes their script for Arabic and lays them out right to left: they
 * are handed to it reversed, so that its reversal draws "١٩١٧" as written.
 */
const ARABIC_DIGITS = /^[\u0660-\u066C\u06F0-\u06F9]+$/;

/** A space between two fragments is glue: wider than this, it is a word space. */
const GAP = 0.01;

interface Element {
  /** A fragment, or the space after fragment `index` (frag undefined). */
  frag?: Frag;
  width: number;
  level: number;
}

/** Reorders the fragments of one line in place (their `x`), mirroring brackets in right-to-left runs. */
export function reorderLine(frags: Frag[]): void {
  if (frags.length === 0 || !frags.some((f) => RTL.test(f.text))) return;
  let text = '';
  const starts: number[] = [];
  frags.forEach((f, i) => {
    if (i > 0 && gapBefore(frags, i) > GAP) text += ' ';
    starts.push(text.length);
    text += f.text;
  });
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const fragLevel = frags.map((f, i) => (f.text === '' ? undefined : levels[starts[i]!]!));
  // An empty fragment (a link anchor) goes with the fragment before it.
  for (let i = 0; i < fragLevel.length; i++) fragLevel[i] ??= i > 0 ? fragLevel[i - 1]! : 0;

  const elements: Element[] = [];
  frags.forEach((f, i) => {
    if (i > 0) elements.push({ width: gapBefore(frags, i), level: Math.min(fragLevel[i - 1]!, fragLevel[i]!) });
    elements.push({ frag: f, width: f.width, level: fragLevel[i]! });
    if (fragLevel[i]! % 2 === 1) mirror(f, text, levels, starts[i]!);
    else if (ARABIC_DIGITS.test(f.text)) f.text = Array.from(f.text).reverse().join('');
  });
  // UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher.
  const max = Math.max(...elements.map((e) => e.level));
  const minOdd = Math.min(...elements.map((e) => e.level).filter((l) => l % 2 === 1));
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < elements.length; ) {
      if (elements[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < elements.length && elements[j + 1]!.level >= level) j++;
      reverse(elements, i, j);
      i = j + 1;
    }
  }
  let x = frags[0]!.x;
  for (const e of elements) {
    if (e.frag) e.frag.x = x;
    x += e.width;
  }
}

function gapBefore(frags: Frag[], i: number): number {
  const prev = frags[i - 1]!;
  return frags[i]!.x - (prev.x + prev.width);
}

function reverse<T>(a: T[], i: number, j: number): void {
  for (; i < j; i++, j--) [a[i], a[j]] = [a[j]!, a[i]!];
}

/** Brackets and similar pairs in a right-to-left run are drawn mirrored (rule L4): "(" opens to the right. */
function mirror(f: Frag, text: string, levels: Uint8Array, start: number): void {
  const map = bidi.getMirroredCharactersMap(text, levels, start, start + f.text.length - 1);
  if (map.size === 0) return;
  const chars = f.text.split('');
  for (const [index, ch] of map) chars[index - start] = ch;
  f.text = chars.join('');
}
