/**
 * Quotation marks per language (primary subtag). German uses „…“ and ‚…‘;
 * English “…” and ‘…’; French « … » outside and “ … ” inside (Imprimerie
 * nationale), the spaces inside guillemets come from french.ts.
 */
export interface QuoteStyle {
  open: string;
  close: string;
  openSingle: string;
  closeSingle: string;
}

export const NARROW_NBSP = '\u202f';
export const NBSP = '\u00a0';

const STYLES: Record<string, QuoteStyle> = {
  de: { open: '„', close: '“', openSingle: '‚', closeSingle: '‘' },
  en: { open: '“', close: '”', openSingle: '‘', closeSingle: '’' },
  fr: { open: '«', close: '»', openSingle: '“', closeSingle: '”' },
  es: { open: '«', close: '»', openSingle: '“', closeSingle: '”' },
  it: { open: '«', close: '»', openSingle: '“', closeSingle: '”' },
  ru: { open: '«', close: '»', openSingle: '„', closeSingle: '“' },
};

/** Quote style for a BCP 47 tag; Swiss German uses guillemets like French, without the spaces. */
export function quoteStyle(lang: string): QuoteStyle {
  const tag = lang.toLowerCase();
  if (tag === 'de-ch') return { open: '«', close: '»', openSingle: '‹', closeSingle: '›' };
  return STYLES[tag.split('-')[0]!] ?? STYLES.en!;
}

/**
 * Quotes open in a paragraph, outermost first, carried across its inline
 * nodes: a double quote opened inside another takes the inner marks
 * ("Er sagte "nein"" → „Er sagte ‚nein‘“), as does a `<q>` inside a quote.
 */
export interface QuoteState {
  /** The character before the next string ('' at the start of the paragraph). */
  before: string;
  /** Open double quotes and `<q>` elements; true = set with the inner marks. */
  open: boolean[];
  /** A straight single quote opened a quotation that is not closed yet. */
  singleOpen: boolean;
}

export const newQuoteState = (): QuoteState => ({ before: '', open: [], singleOpen: false });

/** Marks for a quotation opened now (`<q>` or a straight double quote); pushes it on the state. */
export function openQuote(state: QuoteState, style: QuoteStyle): string {
  const inner = state.open.length % 2 === 1;
  state.open.push(inner);
  return inner ? style.openSingle : style.open;
}

/** Marks closing the innermost open quotation (the outer marks when none is open). */
export function closeQuote(state: QuoteState, style: QuoteStyle): string {
  return state.open.pop() ? style.closeSingle : style.close;
}

/** Characters after which a quote opens (start, space, opening bracket or dash). */
const OPENING_CONTEXT = /[\s([{\u2013\u2014/„‚“«‹-]/u;

/**
 * Replaces straight quotes with typographic ones, updating `state`.
 * A single quote after a letter closes only if a single quote is open;
 * otherwise it is an apostrophe (Zinov’ev, Marx’ Werke).
 */
export function curlQuotes(s: string, state: QuoteState, style: QuoteStyle): string {
  // Most runs hold no quote at all: nothing to replace, only the context to carry.
  if (!s.includes('"') && !s.includes("'") && !s.includes(style.open) && !s.includes(style.close)) {
    if (s) state.before = s[s.length - 1]!;
    return s;
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '"' && c !== "'" && c !== style.open && c !== style.close) {
      out += c;
      continue;
    }
    const prev = i > 0 ? s[i - 1]! : state.before;
    const next = s[i + 1] ?? '';
    const opens = (prev === '' || OPENING_CONTEXT.test(prev)) && next !== '' && !/\s/.test(next);
    if (c === '"') {
      out += opens ? openQuote(state, style) : closeQuote(state, style);
    } else if (c === style.open && c !== style.close) {
      // Marks typed in the source count for nesting: « il dit "non" » → « il dit “non” ».
      openQuote(state, style);
      out += c;
    } else if (c === style.close && c !== style.open && state.open.length > 0) {
      closeQuote(state, style);
      out += c;
    } else if (c === "'") {
      if (/\p{L}/u.test(prev) && /\p{L}/u.test(next)) out += '’';
      else if (opens) {
        out += style.openSingle;
        state.singleOpen = true;
      } else if (state.singleOpen) {
        out += style.closeSingle;
        state.singleOpen = false;
      } else out += '’';
    } else out += c;
  }
  if (s) state.before = s[s.length - 1]!;
  return out;
}
