/**
 * Line rules of `edition check`: leftovers of raw text that cleaning should
 * have removed. One row per rule, with a stable id (listed by
 * `edition check --rules`) and the reason it matters. They run on body lines
 * with HTML tags, code and addresses masked, so `<span lang="en">` holds no
 * straight quote; lines of fenced code blocks are skipped (lint.ts).
 */
import type { Severity } from '../model/messages.js';
import { splitAddresses } from '../transforms/typography/urls.js';

export interface LineRule {
  id: string;
  severity: Severity;
  /** One line for `edition check --rules` and the README. */
  description: string;
  /** Languages (primary subtags) the rule applies to; empty = all. */
  langs: string[];
  pattern: RegExp;
  message: (match: RegExpExecArray) => string;
}

export const LINE_RULES: LineRule[] = [
  {
    id: 'raw-note-mark',
    // An error: the reader loses the link to the note, and usually the note's number is wrong.
    severity: 'error',
    description: 'a plain note mark like [12] that should be a footnote reference [^12]',
    langs: [],
    pattern: /\[(\d{1,3})\](?![(:[])/g,
    message: (m) => `plain note mark \`[${m[1]}]\`: write a footnote reference \`[^${m[1]}]\``,
  },
  {
    id: 'raw-double-comma',
    severity: 'warning',
    description: 'two commas standing in for the German low quote „ (typewriter/OCR habit)',
    langs: [],
    pattern: /,,/g,
    message: () => '`,,` used as a quotation mark: write „',
  },
  {
    id: 'raw-straight-quote',
    severity: 'warning',
    description: 'a straight " in German text, where „…“ belongs',
    langs: ['de'],
    pattern: /"/g,
    message: () => 'straight quotation mark `"` in German text: write „…“',
  },
  {
    id: 'raw-ocr-note',
    severity: 'warning',
    description: "`')` — an OCR'd superscript note mark ¹)",
    langs: [],
    pattern: /'\)/g,
    message: () => "`')` looks like an OCR'd note mark ¹): make it a footnote reference",
  },
  {
    id: 'raw-double-space',
    severity: 'warning',
    description: 'two or more spaces between words',
    langs: [],
    pattern: /(?<=\S) {2,}(?=\S)/g,
    message: (m) => `${m[0].length} spaces between words: use one`,
  },
  {
    id: 'raw-nbsp-line',
    // An error: Markdown does not see such a line as empty, so two paragraphs silently become one.
    severity: 'error',
    description: 'a line holding only no-break spaces, which joins the paragraphs around it',
    langs: [],
    pattern: /^[ \t]*\u00a0[\s\u00a0]*$/g,
    message: () => 'line holds only no-break spaces: make it empty, or the paragraphs around it merge',
  },
];

/** Replaces HTML tags by as many neutral letters, so columns stay right and no rule sees inside a tag. */
export function maskHtml(line: string): string {
  return line.replace(/<\/?[a-zA-Z][^<>]*>/g, (tag) => 'x'.repeat(tag.length));
}

/**
 * In a table row, runs of spaces beside a `|` only align the columns in the
 * source (GFM ignores them): they are masked by as many figure spaces, so the
 * double-space rule does not see them and columns stay right.
 */
export function maskTablePadding(line: string): string {
  return line.replace(/ {2,}(?=\|)|(?<=\|) {2,}/g, (pad) => '\u2007'.repeat(pad.length));
}

/**
 * Masks what is printed as written (issue 8, item 11): HTML tags and autolinks,
 * code spans and web addresses. A straight quote in `"here"` is code, not a
 * leftover, so the rules must not see it.
 */
export function maskVerbatim(line: string): string {
  const blank = (m: string) => 'x'.repeat(m.length);
  const masked = maskHtml(line).replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
  return splitAddresses(masked).map((seg) => (seg.verbatim ? blank(seg.text) : seg.text)).join('');
}

export interface LineFinding {
  rule: LineRule;
  /** 0-based index in the line (UTF-16). */
  index: number;
  message: string;
}

/** Runs every rule that applies to `lang` on one line; `tableRow` when the parser found a table row there. */
export function lintLine(line: string, lang: string, options: { tableRow?: boolean } = {}): LineFinding[] {
  const primary = lang.toLowerCase().split('-')[0]!;
  const masked = options.tableRow ? maskTablePadding(maskVerbatim(line)) : maskVerbatim(line);
  const found: LineFinding[] = [];
  for (const rule of LINE_RULES) {
    if (rule.langs.length && !rule.langs.includes(primary)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(masked); m; m = rule.pattern.exec(masked)) {
      found.push({ rule, index: m.index, message: rule.message(m) });
      if (m[0].length === 0) rule.pattern.lastIndex++;
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
