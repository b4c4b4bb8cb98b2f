/**
 * The `hyphenate` transform: inserts soft hyphens (U+00AD) at the allowed
 * break points of words, by language (`hyphen` patterns, sync API).
 *
 * It runs on a copy of the edition: always for the PDF, and for the EPUB only
 * when its template asks for it (`epub: { soft-hyphens: true }`): most
 * readers hyphenate by themselves, and soft hyphens disturb search and
 * read-aloud there. Headings and verse are left alone (they are set ragged and
 * never broken inside words), and so are addresses (URLs, e-mail): a hyphen
 * in one would be copied or typed as part of it.
 */
import { createRequire } from 'node:module';
import type { Block, Edition, Inline, Text } from '../model/types.js';
import { splitAddresses } from './typography/urls.js';

const require = createRequire(import.meta.url);

export const SOFT_HYPHEN = '\u00AD';

export interface HyphenateOptions {
  /** Letters that must stay before a break. */
  leftMin: number;
  /** Letters that must move to the next line. */
  rightMin: number;
}

const DEFAULTS: HyphenateOptions = { leftMin: 2, rightMin: 3 };

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

/** Pattern modules by language tag; `null` = no patterns for that language. */
const modules = new Map<string, HyphenateSync | null>();

/** The `hyphen` module for a BCP 47 tag: de → hyphen/de, en-GB → hyphen/en-gb, en → hyphen/en-us. */
function hyphenatorFor(lang: string): HyphenateSync | null {
  const tag = lang.toLowerCase();
  const cached = modules.get(tag);
  if (cached !== undefined) return cached;
  const primary = tag.split('-')[0]!;
  const candidates = primary === 'en' ? [tag, 'en-us'] : primary === 'de' ? ['de'] : [tag, primary];
  let found: HyphenateSync | null = null;
  for (const name of candidates) {
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name)) continue;
    try {
      found = (require(`hyphen/${name}`) as { hyphenateSync: HyphenateSync }).hyphenateSync;
      break;
    } catch {
      // No patterns under this name; try the next candidate.
    }
  }
  modules.set(tag, found);
  return found;
}

/** Whether soft hyphens can be inserted for a language. */
export function canHyphenate(lang: string): boolean {
  return hyphenatorFor(lang) !== null;
}

/**
 * Hyphenated words by `lang|leftMin|rightMin`: a word's break points depend on
 * nothing else, and a book repeats its vocabulary, so each word goes through
 * the patterns once per run (and, through the PDF's content cache, once
 * across runs: src/render/pdf/purecache.ts seeds and saves these tables).
 */
const tables = new Map<string, Map<string, string>>();
/** Words put through the patterns (not found in a table): the work a seeded table saves. */
export const hyphenationStats = { computed: 0 };
const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/** Called when a table is first needed, so a cache can fill it from an earlier run. */
export type TableSeeder = (lang: string, opts: HyphenateOptions, table: Map<string, string>) => void;
let seeder: TableSeeder | undefined;

/** Sets (or, with undefined, removes) the seeder of new tables; returns the previous one. */
export function seedHyphenationTables(s: TableSeeder | undefined): TableSeeder | undefined {
  const prev = seeder;
  seeder = s;
  return prev;
}

/** The table of hyphenated words for a language and options (seeded or empty when new). */
export function hyphenationTable(lang: string, opts: HyphenateOptions = DEFAULTS): Map<string, string> {
  const key = `${lang}|${opts.leftMin}|${opts.rightMin}`;
  let t = tables.get(key);
  if (!t) {
    t = new Map();
    tables.set(key, t);
    seeder?.(lang, opts, t);
  }
  return t;
}

/** Every table in memory, with the language and options it belongs to. */
export function* hyphenationTables(): Generator<{ lang: string; opts: HyphenateOptions; table: Map<string, string> }> {
  for (const [key, table] of tables) {
    const [lang, left, right] = key.split('|');
    yield { lang: lang!, opts: { leftMin: Number(left), rightMin: Number(right) }, table };
  }
}

/** Forgets every hyphenated word (tests measure the work of a cold run with it). */
export function clearHyphenationTables(): void {
  tables.clear();
}

/** Hyphenates one word (letters only), keeping leftMin/rightMin letters on each side. */
export function hyphenateWord(word: string, lang: string, opts: HyphenateOptions = DEFAULTS): string {
  const table = hyphenationTable(lang, opts);
  const hit = table.get(word);
  if (hit !== undefined) return hit;
  hyphenationStats.computed++;
  let result = word;
  const letters = Array.from(word).length;
  const h = hyphenatorFor(lang);
  if (h && letters >= opts.leftMin + opts.rightMin) {
    const marked = h(word, { hyphenChar: SOFT_HYPHEN, minWordLength: opts.leftMin + opts.rightMin });
    let out = '';
    let before = 0;
    for (const ch of marked) {
      if (ch === SOFT_HYPHEN) {
        if (before >= opts.leftMin && letters - before >= opts.rightMin) out += ch;
      } else {
        out += ch;
        before++;
      }
    }
    result = out;
  }
  // A bound on memory for a long-running process (watch mode over a huge library).
  if (table.size > 200_000) table.clear();
  table.set(word, result);
  return result;
}

/** Hyphenates every word of a string; web and e-mail addresses stay whole (a hyphen there prints a wrong address). */
export function hyphenateString(text: string, lang: string, opts: HyphenateOptions = DEFAULTS): string {
  return splitAddresses(text)
    .map((seg) => (seg.verbatim ? seg.text : seg.text.replace(WORD, (w) => hyphenateWord(w, lang, opts))))
    .join('');
}

/**
 * Returns a copy of the edition with soft hyphens in paragraphs, quotes, lists, table cells and notes;
 * texts for which `skip(part, index)` is true are copied as they are (the PDF hyphenates those in its worker threads).
 */
export function hyphenateEdition(edition: Edition, opts: HyphenateOptions = DEFAULTS, skip: (part: number, index: number) => boolean = () => false): Edition {
  const copy = structuredClone(edition);
  copy.parts.forEach((part, p) => part.texts.forEach((text, t) => skip(p, t) || hyphenateText(text, copy.meta.lang, opts)));
  return copy;
}

/** Inserts soft hyphens into one text in place (its language, else the edition's). */
export function hyphenateText(text: Text, editionLang: string, opts: HyphenateOptions = DEFAULTS): void {
  const lang = text.meta.lang || editionLang;
  hyphenateBlocks(text.blocks, lang, opts);
  for (const note of text.notes) hyphenateBlocks(note.blocks, lang, opts);
}

function hyphenateBlocks(blocks: Block[], lang: string, opts: HyphenateOptions): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        hyphenateInlines(block.children, lang, opts);
        unhyphenateLastWord(block.children);
        break;
      case 'blockquote':
        hyphenateBlocks(block.children, lang, opts);
        break;
      case 'list':
        for (const item of block.items) hyphenateBlocks(item, lang, opts);
        break;
      case 'table':
        // Narrow columns need hyphens most; a cell's last word may break too (a column of
        // one long word would otherwise be cut between letters).
        for (const row of [block.head, ...block.rows]) for (const cell of row) hyphenateInlines(cell.children, lang, opts);
        break;
      default:
        // Headings, verse, breaks and figures are never broken inside words.
        break;
    }
  }
}

function hyphenateInlines(inlines: Inline[], lang: string, opts: HyphenateOptions): void {
  for (const node of inlines) {
    // Verbatim text (code) is printed as written: a soft hyphen would change what a reader copies.
    if (node.type === 'text') node.value = node.verbatim ? node.value : hyphenateString(node.value, lang, opts);
    else if (node.type === 'lang') hyphenateInlines(node.children, node.lang, opts);
    // A URL shown as link text must stay intact; other links are ordinary words.
    else if (node.type === 'link' && /^(https?:|mailto:|www\.)/.test(plain(node.children))) continue;
    else if ('children' in node) hyphenateInlines(node.children, lang, opts);
  }
}

function plain(inlines: Inline[]): string {
  return inlines.map((n) => (n.type === 'text' ? n.value : 'children' in n ? plain(n.children) : '')).join('');
}

/**
 * Start of the last word (trailing spaces included). A scan from the end:
 * the regex /\S*\s*$/ tries every position and is quadratic on long runs.
 */
function lastWordStart(s: string): number {
  let i = s.length;
  while (i > 0 && /\s/.test(s[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(s[i - 1]!)) i--;
  return i;
}

/** A paragraph's last word is never broken: a lone syllable on the last line looks like an error. */
/** Returns true once the last word has been reached. */
function unhyphenateLastWord(inlines: Inline[]): boolean {
  for (let i = inlines.length - 1; i >= 0; i--) {
    const node = inlines[i]!;
    if (node.type === 'text') {
      if (!/\p{L}/u.test(node.value)) {
        if (/\s/.test(node.value)) return true;
        continue;
      }
      const cut = lastWordStart(node.value);
      node.value = node.value.slice(0, cut) + node.value.slice(cut).replaceAll(SOFT_HYPHEN, '');
      // If the word began in an earlier node ("Ver<em>fassung</em>") keep going left.
      if (cut > 0) return true;
    } else if (node.type === 'break') {
      return true;
    } else if ('children' in node) {
      if (unhyphenateLastWord(node.children)) return true;
    }
  }
  return false;
}
