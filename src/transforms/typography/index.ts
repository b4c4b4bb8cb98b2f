/**
 * The typography step: language-aware quotes, dashes, ellipses and no-break
 * spaces, applied to every text run of a text in its own language (a `lang`
 * span switches the rules for its content).
 *
 * Never typeset (issue 8, item 11): code spans and blocks (verbatim text
 * runs), web and e-mail addresses in running text, link text that is an
 * address, and link targets and attributes, which are not text runs at all.
 */
import type { Inline, Note, Text } from '../../model/types.js';
import { forEachInlineList } from '../../model/walk.js';
import { closeQuote, curlQuotes, newQuoteState, openQuote, quoteStyle, type QuoteState } from './quotes.js';
import { rulesFor } from './rules.js';
import { frenchSpacing } from './french.js';
import { splitAddresses } from './urls.js';

const isFrench = (lang: string) => lang.toLowerCase().split('-')[0] === 'fr';

/** Typesets one piece of ordinary text (no addresses in it), continuing `state`. */
function typesetPlain(s: string, lang: string, state: QuoteState): string {
  const before = state.before;
  let out = s;
  for (const rule of rulesFor(lang)) out = rule.apply(out);
  out = curlQuotes(out, state, quoteStyle(lang));
  if (isFrench(lang)) out = frenchSpacing(out, before, lang);
  if (out) state.before = out[out.length - 1]!;
  return out;
}

/** Typesets a string, leaving addresses in it as they are. */
function typesetString(s: string, lang: string, state: QuoteState): string {
  return splitAddresses(s)
    .map((seg) => {
      if (!seg.verbatim) return typesetPlain(seg.text, lang, state);
      state.before = 'x'; // an address ends a word: a quote after it closes
      return seg.text;
    })
    .join('');
}

/** Applies the rules to one string in language `lang`. `before` is the preceding character. */
export function typeset(s: string, lang: string, before = ''): string {
  return typesetString(s, lang, { ...newQuoteState(), before });
}

/** Typesets a list of inlines in place; the state carries quote context from node to node. */
function typesetInlines(list: Inline[], lang: string, state: QuoteState): void {
  for (let i = 0; i < list.length; i++) {
    const node = list[i]!;
    if (node.type === 'text') {
      if (node.verbatim) state.before = node.value.slice(-1) || state.before;
      else node.value = typesetString(node.value, lang, state);
    } else if (node.type === 'quote') {
      // <q>: its marks come from the language and the nesting, and replace the element.
      const style = quoteStyle(lang);
      const open = openQuote(state, style);
      const opening = { type: 'text' as const, value: isFrench(lang) ? frenchSpacing(open, state.before, lang) : open };
      state.before = opening.value.slice(-1);
      typesetInlines(node.children, lang, state);
      const close = closeQuote(state, style);
      const closing = { type: 'text' as const, value: isFrench(lang) ? frenchSpacing(close, state.before, lang) : close };
      state.before = close;
      list.splice(i, 1, opening, ...node.children, closing);
      i += node.children.length + 1;
    } else if (node.type === 'code' || (node.type === 'link' && looksLikeUrl(node.children))) {
      state.before = 'x';
    } else if (node.type === 'lang') {
      typesetInlines(node.children, node.lang, state);
    } else if ('children' in node) {
      typesetInlines(node.children, lang, state);
    } else if (node.type === 'break') {
      state.before = ' ';
    }
  }
}

function looksLikeUrl(children: Inline[]): boolean {
  return children.length === 1 && children[0]!.type === 'text' && /^(https?:|mailto:|www\.)/.test(children[0]!.value);
}

/** The `typography` transform: the whole text, its notes, its title, subtitle and source line. */
export function applyTypography(text: Text): void {
  const lang = text.meta.lang;
  const run = (blocks: Note['blocks']) => forEachInlineList(blocks, (list) => typesetInlines(list, lang, newQuoteState()));
  run(text.blocks);
  for (const note of text.notes) run(note.blocks);
  text.meta.title = typeset(text.meta.title, lang);
  if (text.meta.subtitle) text.meta.subtitle = typeset(text.meta.subtitle, lang);
  if (text.meta.source) text.meta.source = typeset(text.meta.source, lang);
  // Author names stay as written: they are matched by queries and written into
  // metadata, where typographic spaces would only get in the way.
}
