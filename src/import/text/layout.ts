/**
 * Raw lines → paragraphs and verse. Two kinds of raw text exist: one line per
 * paragraph (web pages, most OCR exports) and hard-wrapped text (e-mail,
 * Gutenberg-style files). The kind is told by how often lines touch.
 *
 * One line per paragraph: where two text lines touch without a blank line,
 * a run of three or more short lines is verse; otherwise a line ending in a
 * sentence mark starts a new paragraph (reported: a separator may have been
 * lost) and any other line runs on into the next one. A recipe can decide
 * any of these places itself (`joins`, `splits`, `verse`).
 *
 * Hard-wrapped: blank lines separate paragraphs; lines inside are joined,
 * hyphenated line ends rejoined with the language's patterns; a paragraph of
 * lines all far shorter than the wrap width is verse.
 */
import { RecipeMismatch } from '../junk.js';
import type { RawLine } from '../model.js';
import type { ImportReport } from '../report.js';
import { joinLines } from './dehyphenate.js';
import { leadingMark } from '../notes.js';

export interface Seam {
  after: string;
  action: 'join' | 'split';
}

export interface VerseSpan {
  first: string;
  last: string;
}

export type TextBlock =
  | { kind: 'paragraph'; text: string; line: number; blankBefore: boolean; blankAfter: boolean }
  | { kind: 'verse'; lines: string[]; line: number }
  | { kind: 'quote'; text: string; line: number };

export interface LayoutOptions {
  file: string;
  lang: string;
  seams: readonly Seam[];
  verses: readonly VerseSpan[];
  enabled: (rule: string) => boolean;
  report: ImportReport;
}

const VERSE_MAX = 80;
const SENTENCE_END = /[.!?…:][„“”"'‘’»«)\]]*$/u;

/** True when most text lines run on into the next line: the text is hard-wrapped. */
export function isHardWrapped(lines: readonly RawLine[]): boolean {
  const text = lines.filter((l) => l.text !== '');
  if (text.length < 4) return false;
  const touching = lines.filter((l, i) => l.text !== '' && (lines[i + 1]?.text ?? '') !== '').length;
  return touching * 2 > text.length;
}

export function layout(lines: readonly RawLine[], o: LayoutOptions): TextBlock[] {
  const blocks = isHardWrapped(lines) ? wrapped(lines, o) : linePerParagraph(lines, o);
  return blocks;
}

function linePerParagraph(lines: readonly RawLine[], o: LayoutOptions): TextBlock[] {
  const blocks: TextBlock[] = [];
  const used = new Set<Seam | VerseSpan>();
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i]!.text === '';
  let i = 0;
  while (i < lines.length) {
    const { text: line, line: lineNo } = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    const span = o.verses.find((v) => line.startsWith(v.first));
    if (span) {
      const end = lines.findIndex((l, j) => j >= i && l.text.startsWith(span.last));
      if (end < 0) throw new RecipeMismatch('verse', `verse starting ${JSON.stringify(span.first)} has no last line ${JSON.stringify(span.last)}`);
      const verse = lines.slice(i, end + 1).map((l) => l.text);
      if (verse.includes('')) throw new RecipeMismatch('verse', `verse starting ${JSON.stringify(span.first)} contains a blank line`);
      used.add(span);
      blocks.push({ kind: 'verse', lines: verse, line: lineNo });
      o.report.count('verse', 1);
      i = end + 1;
      continue;
    }
    const run = touchingRun(lines, i);
    if (o.verses.length === 0 && o.enabled('verse') && run.length >= 3 && run.every((l) => l.text.length <= VERSE_MAX)) {
      blocks.push({ kind: 'verse', lines: run.map((l) => l.text), line: lineNo });
      o.report.count('verse', 1);
      o.report.doubt('verse', `${run.length} short lines without blank lines between them: kept as verse, line by line`, o.file, lineNo);
      i += run.length;
      continue;
    }
    if (/^>\s?/.test(line) && run.every((l) => /^>/.test(l.text))) {
      blocks.push({ kind: 'quote', text: run.map((l) => l.text.replace(/^>\s?/, '')).join(' '), line: lineNo });
      o.report.count('block-quote', 1);
      i += run.length;
      continue;
    }
    const start = i;
    let text = line;
    while (!blank(i + 1)) {
      const current = lines[i]!.text;
      const next = lines[i + 1]!.text;
      const seam = o.seams.find((s) => current.endsWith(s.after));
      let action: 'join' | 'split';
      if (seam) {
        used.add(seam);
        action = seam.action;
      } else if (o.seams.length > 0 || !o.enabled('join-lines')) {
        throw new RecipeMismatch('joins', `line ${lines[i]!.line} runs into line ${lines[i + 1]!.line} without a blank line: name it in \`joins\` or \`splits\``);
      } else if (leadingMark(next) || SENTENCE_END.test(current)) {
        action = 'split';
        o.report.doubt('join-lines', 'a line ending a sentence touches the next line: read as two paragraphs (a blank line was probably lost)', o.file, lines[i + 1]!.line);
      } else action = 'join';
      if (action === 'split') break;
      const joined = o.enabled('dehyphenate') ? joinLines(text, next, o.lang) : { text: `${text} ${next}`, kind: 'plain' as const };
      text = joined.text;
      countJoin(joined, lines[i + 1]!.line, o);
      i++;
    }
    blocks.push({ kind: 'paragraph', text, line: lines[start]!.line, blankBefore: blank(start - 1), blankAfter: blank(i + 1) });
    i++;
  }
  const unused = [...o.seams, ...o.verses].filter((s) => !used.has(s));
  if (unused.length > 0) throw new RecipeMismatch('joins' in unused[0]! ? 'joins' : 'verse', `not found in the text: ${unused.map((s) => JSON.stringify('after' in s ? s.after : s.first)).join(', ')}`);
  return blocks;
}

/** The lines from `i` up to the next blank line. */
function touchingRun(lines: readonly RawLine[], i: number): RawLine[] {
  const run: RawLine[] = [];
  for (let j = i; j < lines.length && lines[j]!.text !== ''; j++) run.push(lines[j]!);
  return run;
}

function wrapped(lines: readonly RawLine[], o: LayoutOptions): TextBlock[] {
  const lengths = lines.filter((l) => l.text !== '').map((l) => l.text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 80;
  const blocks: TextBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.text === '') {
      i++;
      continue;
    }
    const run = touchingRun(lines, i);
    const first = run[0]!;
    const blankBefore = i === 0 || lines[i - 1]!.text === '';
    i += run.length;
    if (run.every((l) => /^>/.test(l.text))) {
      blocks.push({ kind: 'quote', text: joinAll(run.map((l) => ({ ...l, text: l.text.replace(/^>\s?/, '') })), o), line: first.line });
      o.report.count('block-quote', 1);
    } else if (o.enabled('verse') && run.length >= 2 && run.every((l) => l.text.length <= width * 0.7)) {
      blocks.push({ kind: 'verse', lines: run.map((l) => l.text), line: first.line });
      o.report.count('verse', 1);
      o.report.doubt('verse', `${run.length} lines far shorter than the text's line width: kept as verse, line by line`, o.file, first.line);
    } else {
      blocks.push({ kind: 'paragraph', text: joinAll(run, o), line: first.line, blankBefore, blankAfter: true });
    }
  }
  return blocks;
}

function joinAll(run: readonly RawLine[], o: LayoutOptions): string {
  let text = run[0]!.text;
  for (const l of run.slice(1)) {
    const joined = o.enabled('dehyphenate') ? joinLines(text, l.text, o.lang) : { text: `${text} ${l.text}`, kind: 'plain' as const };
    text = joined.text;
    countJoin(joined, l.line, o);
  }
  return text;
}

/** Reports one joined line break: a rejoined word with both halves, a kept hyphen, or a plain join. */
function countJoin(joined: ReturnType<typeof joinLines>, line: number, o: LayoutOptions): void {
  if (joined.kind === 'rejoined') o.report.change('dehyphenate', o.file, line, joined.from!, joined.to!);
  else o.report.count('join-lines');
  if (joined.kind === 'kept-hyphen' || joined.kind === 'kept-compound') o.report.count('hyphen-kept');
}
