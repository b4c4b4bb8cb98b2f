/**
 * The typography step: language-aware quotes, dashes, ellipses and no-break
 * spaces, applied to every text run of a text in its own language (a `lang`
 * span switches the rules for its content).
 */
import type { Inline, Note, Text } from '../../model/types.js';
import { forEachInlineList } from '../../model/walk.js';
import { curlQuotes, quoteStyle } from './quotes.js';
import { rulesFor } from './rules.js';

/** Applies the rules to one string in language `lang`. `before` is the preceding character. */
export function typeset(s: string, lang: string, before = ''): string {
  let out = s;
  for (const rule of rulesFor(lang)) out = rule.apply(out);
  return curlQuotes(out, before, quoteStyle(lang));
}

/** Typesets a list of inlines in place; returns the last character seen (context for the next run). */
function typesetInlines(list: Inline[], lang: string, before: string): string {
  let last = before;
  for (const node of list) {
    if (node.type === 'text') {
      node.value = typeset(node.value, lang, last);
      last = node.value.slice(-1) || last;
    } else if (node.type === 'link' && looksLikeUrl(node.children)) {
      last = 'x';
    } else if (node.type === 'lang') {
      last = typesetInlines(node.children, node.lang, last);
    } else if ('children' in node) {
      last = typesetInlines(node.children, lang, last);
    } else if (node.type === 'break') {
      last = ' ';
    }
  }
  return last;
}

function looksLikeUrl(children: Inline[]): boolean {
  return children.length === 1 && children[0]!.type === 'text' && /^(https?:|mailto:|www\.)/.test(children[0]!.value);
}

/** The `typography` transform: the whole text, its notes, its title, subtitle and source line. */
export function applyTypography(text: Text): void {
  const lang = text.meta.lang;
  const run = (blocks: Note['blocks']) => forEachInlineList(blocks, (list) => void typesetInlines(list, lang, ''));
  run(text.blocks);
  for (const note of text.notes) run(note.blocks);
  text.meta.title = typeset(text.meta.title, lang);
  if (text.meta.subtitle) text.meta.subtitle = typeset(text.meta.subtitle, lang);
  if (text.meta.source) text.meta.source = typeset(text.meta.source, lang);
  // Author names stay as written: they are matched by queries and written into
  // metadata, where typographic spaces would only get in the way.
}
